// Some countries of a group (`GET /directory/groups/{id}?countries=FR,DE`): only their
// entities, the per-country totals of the whole group, an empty list for the totals alone,
// cached, gzipped and tagged like the whole group (the same cache, keyed by the network's
// state: heavy-reads.test.mjs), and the whole group unchanged without the parameter.
import assert from 'node:assert/strict';
import { get } from './raw-get.mjs';
import { after, before, describe, it } from 'node:test';
import { gunzipSync } from 'node:zlib';
import { groupInCountries } from '../operations.mjs';
import { startReferenceServer } from '../server.mjs';

const parse = (answer) => JSON.parse(answer.body.toString('utf8'));

describe('some countries of a group', () => {
  /** @type {import('../server.mjs').ReferenceServer} */
  let server;
  before(async () => {
    server = await startReferenceServer({ port: 0, checkResponses: true, log: () => {} });
  });
  after(() => server.close());
  const group = (query = '') => `${server.url}/directory/groups/GRP-GLOBEX${query}`;

  it('answers only the entities of the countries asked for, in the group order, with every country total', async () => {
    const whole = parse(await get(group()));
    const some = parse(await get(group('?countries=FR,DE')));
    assert.deepEqual(
      some.entities,
      whole.entities.filter((entity) => entity.country === 'FR' || entity.country === 'DE'),
    );
    assert.ok(some.entities.length > 400, String(some.entities.length));
    assert.equal(some.id, whole.id);
    assert.equal(some.name, whole.name);
    const totals = Object.fromEntries(some.countries.map(({ code, total }) => [code, total]));
    for (const entity of whole.entities) totals[entity.country] -= 1;
    assert.deepEqual(new Set(Object.values(totals)), new Set([0]), 'the totals count every entity of the whole group once');
    assert.deepEqual(some.countries.map(({ code }) => code), [...some.countries.map(({ code }) => code)].sort());
  });

  it('answers an empty list with the totals alone, a country the group lacks with no entities, a whole group without countries', async () => {
    const totals = parse(await get(group('?countries=')));
    assert.deepEqual(totals.entities, []);
    assert.equal(totals.countries.length, 43);
    const absent = parse(await get(group('?countries=KP')));
    assert.deepEqual(absent.entities, []);
    assert.ok(!('countries' in parse(await get(group()))), 'no countries summary for an old client');
  });

  it('is one cached answer for the same countries in any order, gzipped, tagged, revalidated by 304', async () => {
    const first = await get(group('?countries=FR,DE'), { 'Accept-Encoding': 'gzip' });
    assert.equal(first.headers['content-encoding'], 'gzip');
    assert.match(first.headers.etag, /^W\/"[\w-]+"$/);
    assert.equal(first.headers['cache-control'], 'private, no-cache');
    const reordered = await get(group('?countries=DE,FR,DE'));
    assert.deepEqual(gunzipSync(first.body), reordered.body);
    assert.equal(reordered.headers.etag, first.headers.etag);
    assert.equal((await get(group('?countries=DE,FR'), { 'If-None-Match': first.headers.etag })).status, 304);
    assert.notEqual((await get(group('?countries=FR'))).headers.etag, first.headers.etag);
  });

  it('refuses malformed, unknown, repeated and too many codes with a 400 naming countries', async () => {
    for (const query of ['fr', 'ZZ', 'XK', 'FR,,DE', 'FRA', Array(250).fill('FR').join(',')]) {
      const answer = await get(group(`?countries=${query}`));
      assert.equal(answer.status, 400, query);
      assert.match(answer.headers['content-type'], /^application\/problem\+json/);
      assert.equal(parse(answer).fieldErrors[0].field, 'countries', query);
    }
    const twice = await get(group('?countries=FR&countries=DE'));
    assert.equal(twice.status, 400);
    assert.match(parse(twice).fieldErrors[0].message, /more than once/);
  });
});

describe('groupInCountries', () => {
  it('keeps the entities of the countries asked for and counts every country', () => {
    const group = { id: 'G', name: 'g', entities: [{ id: 1, country: 'FR' }, { id: 2, country: 'DE' }, { id: 3, country: 'FR' }] };
    assert.deepEqual(groupInCountries(group, ['FR']), {
      id: 'G',
      name: 'g',
      entities: [{ id: 1, country: 'FR' }, { id: 3, country: 'FR' }],
      countries: [{ code: 'DE', total: 1 }, { code: 'FR', total: 2 }],
    });
    assert.deepEqual(groupInCountries(group, []).entities, []);
  });
});
