import { expect } from '@open-wc/testing';
import { CustomerGroupSchema } from '../src/adapter/later-schemas.js';
import * as v from '../src/adapter/validators.js';

/**
 * A group's entities are checked by a loop compiled by hand (`quickGroupEntity` in
 * later-schemas.ts), not by the generic walk of `GroupEntitySchema`: it must accept exactly what
 * the generic schema accepts, return the same objects, and leave every refusal to it, so an
 * integrator reads the same message either way.
 */

/** The same group schema with the generic walk of the entities. */
const generic = v.object({ ...CustomerGroupSchema.entries, entities: v.array(CustomerGroupSchema.entries.entities.item) });

const ENTITY = { id: 'AAA100000001', legalName: 'Nordic Atlas Ltd', taxIds: ['GB100000003', 'GB2'], country: 'GB' };

/** One entity changed in every way the contract cares about, and some it does not. */
const VARIANTS: [string, unknown][] = [
  ['the usual entity', ENTITY],
  ['connected', { ...ENTITY, connected: true }],
  ['connected false and needing a vendor code', { ...ENTITY, connected: false, requiresVendorCode: true }],
  ['an optional property present but undefined', { ...ENTITY, connected: undefined, requiresVendorCode: undefined }],
  ['an unknown property (dropped)', { ...ENTITY, extra: 'x', __proto__: { inherited: 1 } }],
  ['no tax IDs', { ...ENTITY, taxIds: [] }],
  ['a group reference', { ...ENTITY, group: { id: 'g', name: 'G', size: 3 } }],
  ['a group reference without a name', { ...ENTITY, group: { id: 'g' } }],
  ['a group reference that is undefined', { ...ENTITY, group: undefined }],
  ['null', null],
  ['a string', 'AAA1'],
  ['an array', [ENTITY]],
  ['no id', { ...ENTITY, id: undefined }],
  ['an empty id', { ...ENTITY, id: '' }],
  ['an id of 64 characters', { ...ENTITY, id: 'A'.repeat(64) }],
  ['an id of 65 characters', { ...ENTITY, id: 'A'.repeat(65) }],
  ['a numeric id', { ...ENTITY, id: 7 }],
  ['a legal name that is null', { ...ENTITY, legalName: null }],
  ['tax IDs a string', { ...ENTITY, taxIds: 'GB1' }],
  ['a tax ID that is a number', { ...ENTITY, taxIds: ['GB1', 2] }],
  ['a lower-case country', { ...ENTITY, country: 'gb' }],
  ['a country of three letters', { ...ENTITY, country: 'GBR' }],
  ['a country with a newline', { ...ENTITY, country: 'GB\n' }],
  ['a country that is a payload', { ...ENTITY, country: '<img src=x onerror=alert(1)>' }],
  ['a country just past Z', { ...ENTITY, country: 'Z[' }],
  ['a country just before A', { ...ENTITY, country: '@A' }],
  ['connected as a string', { ...ENTITY, connected: 'yes' }],
  ['requiresVendorCode as a number', { ...ENTITY, requiresVendorCode: 1 }],
];

describe('the group schema’s hand-compiled entity check', () => {
  for (const [name, entity] of VARIANTS) {
    it(`answers as the generic schema: ${name}`, () => {
      // Among valid entities, so the index in a message is the entity's own.
      const answer = { id: 'G', name: 'Group', entities: [ENTITY, ENTITY, entity, ENTITY] };
      const fast = v.validate(CustomerGroupSchema, answer);
      const slow = v.validate(generic, answer);
      expect(fast.success).to.equal(slow.success);
      if (fast.success && slow.success) {
        // The same properties in the same order, undefined ones included.
        const shape = (value: unknown) => JSON.stringify(value, (_key, inner: unknown) => (inner === undefined ? '<undefined>' : inner));
        expect(shape(fast.output)).to.equal(shape(slow.output));
        expect(fast.output.entities[2]).not.to.equal(entity);
        if (Array.isArray((entity as { taxIds?: unknown }).taxIds)) expect(fast.output.entities[2].taxIds).not.to.equal((entity as { taxIds: unknown }).taxIds);
      } else if (!fast.success && !slow.success) {
        expect(fast.issue).to.equal(slow.issue);
        expect(fast.issue).to.match(/^entities\.2/);
      }
    });
  }

  it('refuses entities that are not an array, in the generic words', () => {
    const fast = v.validate(CustomerGroupSchema, { id: 'G', name: 'Group', entities: { 0: ENTITY } });
    expect(fast).to.deep.equal({ success: false, issue: 'entities: expected an array' });
  });

  it('names the field at fault in the words an integrator sees', () => {
    const fast = v.validate(CustomerGroupSchema, { id: 'G', name: 'Group', entities: [ENTITY, { ...ENTITY, country: 'gb' }] });
    expect(fast).to.deep.equal({ success: false, issue: 'entities.1.country: expected a string matching /^[A-Z]{2}$/' });
  });
});
