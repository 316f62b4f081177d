import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../src/components/group-picker/tn-group-picker.js';
import type { TnGroupPicker } from '../src/components/group-picker/group-picker.js';
import { EntitySelection } from '../src/components/group-picker/entity-selection.js';
import { countryState, type CountryRow, type EntityRow } from '../src/components/group-picker/tree-rows.js';
import { TnAdapterError } from '../src/adapter/errors.js';
import type {
  ConnectionOutcome,
  ConnectionRequest,
  CustomerEntity,
  CustomerGroup,
  GroupEntity,
  SupplierAccount,
  SupportCase,
} from '../src/adapter/types.js';
import { createDemoAdapter, DEMO_ACCOUNT_IDS, DEMO_GROUP_IDS, DEMO_IDS, GLOBEX_GROUP_ID } from '../src/adapter/demo/index.js';
import { SMALL_GROUP } from '../src/components/group-picker/group-tree.js';
import type { TnSelectionChangeEvent } from '../src/base/events.js';
import { setLocale } from '../src/localization/localization.js';
import { FakeAdapter } from './helpers/fake-adapter.js';
import { press, type } from './helpers/keys.js';

const GROUP_REF = { id: 'GRP-T', name: 'TUNGSTEN ALL COMPANIES GROUP', size: 4 };
const entity = (id: string, legalName: string, country: string, extra: Partial<GroupEntity> = {}): GroupEntity => ({
  id,
  legalName,
  country,
  taxIds: [],
  group: GROUP_REF,
  ...extra,
});
const BANK = entity('AAA489745059', 'Tungsten Bank PLC', 'GB', { taxIds: ['GB177907267'] });
const LIMITED = entity('AAA014773592', 'Tungsten Network Limited', 'GB', { taxIds: ['GB177907267'] });
const GMBH = entity('AAA474005402', 'Tungsten Network GmbH', 'DE', { taxIds: ['DE255790071'], requiresVendorCode: true });
const EOOD = entity('AAA443893490', 'Tungsten Network EOOD', 'BG', { connected: true });
const GROUP: CustomerGroup = { id: 'GRP-T', name: GROUP_REF.name, entities: [BANK, LIMITED, GMBH, EOOD] };
const ACCOUNTS: SupplierAccount[] = [
  { id: 'ACC-IT', name: 'Adams Office Supplies (IT) - Test' },
  { id: 'ACC-UK', name: 'Adams Office Supplies (UK)' },
];
const CASE: SupportCase = {
  reference: '2881017',
  status: 'open',
  openedAt: new Date(2018, 3, 16, 15, 45).toISOString(),
  processBy: new Date(2018, 3, 18, 15, 45).toISOString(),
  accountId: 'ACC-IT',
  customers: [{ id: BANK.id, legalName: BANK.legalName }],
};

const $ = <T extends Element = HTMLElement>(el: TnGroupPicker, selector: string) =>
  el.shadowRoot!.querySelector<T>(selector as string) as T;
const text = (el: TnGroupPicker) => el.shadowRoot!.textContent!.replace(/\s+/g, ' ');
const treeItems = (el: TnGroupPicker) => [...el.shadowRoot!.querySelectorAll<HTMLElement>('[role="treeitem"]')];
const itemFor = (el: TnGroupPicker, name: string) => treeItems(el).find((i) => i.textContent!.includes(name))!;

/** `expand-threshold` for a group that opens with every country expanded, however large. */
const ALL_EXPANDED = 1_000_000;

/** A picker on the fake adapter, with its accounts answered. */
async function pickerFixture(
  fake: FakeAdapter,
  setup: { customer?: CustomerEntity; groupId?: string; accounts?: SupplierAccount[]; expandThreshold?: number } = {},
) {
  const el = await fixture<TnGroupPicker>(html`<tn-group-picker
    .adapter=${fake.adapter}
    .customer=${setup.customer}
    .expandThreshold=${setup.expandThreshold ?? 50}
    group-id=${setup.groupId ?? ''}
  ></tn-group-picker>`);
  if (!setup.groupId) el.removeAttribute('group-id');
  await waitUntil(() => fake.of('listAccounts').length > 0, 'accounts not asked');
  fake.of('listAccounts')[0].resolve(setup.accounts ?? ACCOUNTS);
  await waitUntil(() => el.shadowRoot!.querySelector('select'), 'accounts not shown');
  return el;
}

/** Answers the group request and waits for the tree. */
async function showGroup(el: TnGroupPicker, fake: FakeAdapter, group: CustomerGroup = GROUP) {
  await waitUntil(() => fake.of('getGroup').length > 0, 'group not asked');
  fake.of('getGroup').at(-1)!.resolve(structuredClone(group));
  await waitUntil(() => treeItems(el).length > 0, 'tree not shown');
}

/**
 * A picker on BANK given a selection the group must resolve (`restore`), then "View group":
 * nothing is told until the group is shown, then `tn-selection-change` once, with `expected`.
 */
async function expectToldOnceKnown(restore: (picker: TnGroupPicker) => void, expected: string[]) {
  const fake = new FakeAdapter();
  const single = await pickerFixture(fake, { customer: BANK });
  const told: string[][] = [];
  single.addEventListener('tn-selection-change', (e) => told.push([...e.detail.selectedIds].sort()));
  restore(single);
  single.viewGroup();
  await single.updateComplete;
  expect(told, 'nothing told before the group is known').to.deep.equal([]);
  await showGroup(single, fake);
  expect(told).to.deep.equal([[...expected].sort()]);
}

async function chooseAccount(el: TnGroupPicker, id: string) {
  const select = $<HTMLSelectElement>(el, 'select');
  select.value = id;
  select.dispatchEvent(new Event('change'));
  await el.updateComplete;
}

/** Submits and returns the request the adapter received. */
async function submitAndCapture(el: TnGroupPicker, fake: FakeAdapter): Promise<ConnectionRequest> {
  const before = fake.of('requestConnection').length;
  $<HTMLButtonElement>(el, '[part~="submit"]').click();
  await waitUntil(() => fake.of('requestConnection').length > before, 'no request sent');
  return fake.of('requestConnection').at(-1)!.args[0] as ConnectionRequest;
}

const outcomeOf = (kind: ConnectionOutcome['kind']): ConnectionOutcome =>
  kind === 'support-case'
    ? { kind, supportCase: CASE, skipped: [] }
    : kind === 'connected'
      ? {
          kind,
          relationships: [
            {
              id: 'r1',
              accountId: 'ACC-IT',
              accountName: 'Adams Office Supplies (IT) - Test',
              customer: { id: BANK.id, legalName: BANK.legalName, country: 'GB' },
              status: 'connected',
              since: new Date().toISOString(),
            },
          ],
          skipped: [{ entityId: EOOD.id, legalName: EOOD.legalName, reason: 'already-connected' }],
        }
      : {
          kind,
          verification: {
            id: 'v1',
            customer: { id: BANK.id, legalName: BANK.legalName },
            accountId: 'ACC-IT',
            step: 'evidence',
            attemptsRemaining: 3,
            maxAttempts: 3,
            currency: 'GBP',
          },
          skipped: [],
        };

describe('EntitySelection', () => {
  const model = () => new EntitySelection([BANK, LIMITED, GMBH, EOOD], 'en');
  const country = (m: EntitySelection, code: string) =>
    [...m.rows()].find((r): r is CountryRow => r.kind === 'country' && r.country === code)!;

  it('groups entities by country, sorted by the localized country name', () => {
    expect([...model().rows()].filter((r) => r.kind === 'country').map((r) => (r as CountryRow).label)).to.deep.equal([
      'Bulgaria',
      'Germany',
      'United Kingdom',
    ]);
    const fr = new EntitySelection([BANK, GMBH, EOOD], 'fr');
    expect([...fr.rows()].filter((r) => r.kind === 'country').map((r) => (r as CountryRow).label)).to.deep.equal([
      'Allemagne',
      'Bulgarie',
      'Royaume-Uni',
    ]);
  });

  it('computes tri-state country rows and never ticks connected entities', () => {
    const m = model();
    expect(countryState(country(m, 'GB'))).to.equal('false');
    m.toggle(BANK.id);
    expect(countryState(country(m, 'GB'))).to.equal('mixed');
    m.setCountry('GB', true);
    expect(countryState(country(m, 'GB'))).to.equal('true');
    m.toggle(EOOD.id, true);
    expect(m.selected.has(EOOD.id)).to.equal(false);
    m.selectAll();
    expect([...m.selected].sort()).to.deep.equal([BANK.id, LIMITED.id, GMBH.id].sort());
    expect(m.selectableCount).to.equal(3);
  });

  it('filters by name, network ID or tax ID, keeping the selection', () => {
    const m = model();
    m.toggle(BANK.id);
    m.setFilter('gmbh');
    expect(m.shownEntities().map((e) => e.id)).to.deep.equal([GMBH.id]);
    m.setFilter('AAA0147');
    expect(m.shownEntities().map((e) => e.id)).to.deep.equal([LIMITED.id]);
    m.setFilter('de 255790071');
    expect(m.shownEntities().map((e) => e.id)).to.deep.equal([GMBH.id]);
    // Ticking a country while filtered ticks only what is shown.
    m.setFilter('limited');
    m.setCountry('GB', true);
    m.setFilter('');
    expect([...m.selected].sort()).to.deep.equal([BANK.id, LIMITED.id].sort());
  });

  it('narrows as the filter grows and widens again as it shrinks, to the whole group when cleared', () => {
    const m = model();
    const shown = () => m.shownEntities().map((e) => e.id);
    const all = shown();
    const steps: [string, string[]][] = [
      ['t', [BANK.id, LIMITED.id, GMBH.id, EOOD.id]],
      ['tungsten n', [LIMITED.id, GMBH.id, EOOD.id]],
      ['tungsten network g', [GMBH.id]],
      ['tungsten network gx', []],
    ];
    const expected = (ids: string[]) => all.filter((id) => ids.includes(id));
    for (const [text, ids] of steps) {
      m.setFilter(text);
      expect(shown(), text).to.deep.equal(expected(ids));
    }
    // Back, one character at a time (Backspace), then to a filter that is no extension.
    for (const [text, ids] of [...steps].reverse()) {
      m.setFilter(text);
      expect(shown(), text).to.deep.equal(expected(ids));
    }
    m.setFilter('tungsten network e');
    expect(shown()).to.deep.equal([EOOD.id]);
    m.setFilter('bank');
    expect(shown()).to.deep.equal([BANK.id]);
    expect(m.filtering).to.equal(true);
    m.setFilter('   ');
    expect(m.filtering).to.equal(false);
    expect(shown()).to.deep.equal(all);
    expect(m.shownCount).to.equal(4);
  });

  it('matches network and tax IDs typed with spaces, dots or dashes, also after a name filter', () => {
    const m = model();
    const shown = () => m.shownEntities().map((e) => e.id);
    m.setFilter('aaa');
    expect(m.shownCount).to.equal(4);
    m.setFilter('aaa 4');
    expect(shown()).to.have.members([BANK.id, GMBH.id, EOOD.id]);
    m.setFilter('aaa 47');
    expect(shown()).to.deep.equal([GMBH.id]);
    m.setFilter('GB-177.907');
    expect(shown()).to.have.members([BANK.id, LIMITED.id]);
    m.setFilter('gb');
    expect(shown()).to.have.members([BANK.id, LIMITED.id]);
    m.setFilter('gb 1');
    expect(shown()).to.have.members([BANK.id, LIMITED.id]);
    m.setFilter('gmb');
    expect(shown()).to.deep.equal([GMBH.id]);
    m.setFilter('AAA014773592');
    expect(shown()).to.deep.equal([LIMITED.id]);
    m.setFilter('');
    expect(m.shownCount).to.equal(4);
  });

  it('keeps its rows while ticking, reading ticks through them, and rebuilds them for a filter or a collapse', () => {
    const m = model();
    const rows = m.rows();
    const bank = [...rows].find((r) => r.kind === 'entity' && r.entity.id === BANK.id)!;
    m.toggle(BANK.id);
    expect(m.rows()).to.equal(rows);
    expect(bank.kind === 'entity' && bank.checked).to.equal(true);
    expect(countryState(country(m, 'GB'))).to.equal('mixed');
    m.selectAll();
    expect(countryState(country(m, 'GB'))).to.equal('true');
    m.clear();
    expect(countryState(country(m, 'GB'))).to.equal('false');
    m.setFilter('gmbh');
    const filtered = m.rows();
    expect(filtered).not.to.equal(rows);
    // Back to an earlier filter (Backspace, or clearing it): its rows again, not rebuilt.
    m.setFilter('gmbhx');
    m.setFilter('gmbh');
    expect(m.rows()).to.equal(filtered);
    m.setFilter('');
    expect(m.rows()).to.equal(rows);
    // A filter that every entity matches shows the same rows.
    m.setFilter('tungsten');
    expect(m.rows()).to.equal(rows);
    m.setFilter('');
    m.setExpanded('GB', false);
    expect([...m.rows()].filter((r) => r.kind === 'entity').map((r) => (r as EntityRow).entity.id)).to.have.members([
      GMBH.id,
      EOOD.id,
    ]);
    expect(country(m, 'GB').expanded).to.equal(false);
    const collapsed = m.rows();
    m.setExpanded('GB', true);
    expect(m.rows()).not.to.equal(collapsed);
    expect(m.rows()).to.have.length(rows.length);
  });

  it('knows when a ticked entity needs a vendor code', () => {
    const m = model();
    expect(m.needsVendorCode).to.equal(false);
    m.toggle(GMBH.id);
    expect(m.needsVendorCode).to.equal(true);
    m.toggle(GMBH.id, true);
    m.toggle(GMBH.id, false);
    expect(m.needsVendorCode).to.equal(false);
    m.selectAll();
    expect(m.needsVendorCode).to.equal(true);
    m.setFilter('gmbh');
    m.setCountry('DE', false);
    expect(m.needsVendorCode).to.equal(false);
    m.selectAll();
    m.clear();
    expect(m.needsVendorCode).to.equal(false);
  });
});

describe('EntitySelection: "Select the whole group"', () => {
  /** Three countries of four entities, named so that the tree's order is not the answer's. */
  const group = () =>
    Array.from({ length: 12 }, (_, i) => ({
      ...entity(`AAA${String(i).padStart(9, '0')}`, `Entity ${String(11 - i).padStart(2, '0')}`, ['US', 'FR', 'GB'][i % 3]),
      ...(i % 4 === 1 ? { connected: true } : {}),
      ...(i % 5 === 2 ? { requiresVendorCode: true } : {}),
    }));
  /** What the tree lists, country by country, that can be ticked. */
  const inTreeOrder = (m: EntitySelection) => {
    m.setExpanded('FR', true);
    m.setExpanded('GB', true);
    m.setExpanded('US', true);
    return [...m.rows()].flatMap((r) => (r.kind === 'entity' && !r.disabled ? [r.entity.id] : []));
  };

  it('ticks every selectable entity in the tree’s order, before or after the idle preparation alike', () => {
    const entities = group();
    const prepared = new EntitySelection(entities, 'en', { collapse: 'all' });
    expect(prepared.prepare(() => false)).to.equal(true);
    const unprepared = new EntitySelection(entities, 'en', { collapse: 'all' });
    for (const m of [prepared, unprepared]) {
      m.selectAll();
      expect([...m.selected]).to.deep.equal(inTreeOrder(m));
      expect(m.selected.size).to.equal(m.selectableCount);
      expect([...m.selected].some((id) => entities.find((e) => e.id === id)!.connected)).to.equal(false);
    }
  });

  it('keeps what was ticked before first, and counts the vendor codes as ticking them one by one does', () => {
    const entities = group();
    const needing = entities.filter((e) => e.requiresVendorCode && !e.connected);
    const m = new EntitySelection(entities, 'en');
    m.toggle(needing[1].id);
    m.toggle(entities[0].id);
    m.selectAll();
    expect([...m.selected].slice(0, 2)).to.deep.equal([needing[1].id, entities[0].id]);
    expect(m.vendorCodeTicked().map((e) => e.id)).to.have.members(needing.map((e) => e.id));
    for (const e of needing) m.toggle(e.id, false);
    expect(m.needsVendorCode, 'every entity that needs one unticked').to.equal(false);
    m.selectAll();
    m.toggle(needing[0].id, false);
    expect(m.needsVendorCode).to.equal(needing.length > 1);
  });

  it('counts an entity the answer lists twice once', () => {
    const entities = group();
    const twice = entities.find((e) => e.requiresVendorCode && !e.connected)!;
    const m = new EntitySelection([...entities, { ...twice }], 'en');
    m.selectAll();
    m.toggle(twice.id, false);
    expect(m.needsVendorCode).to.equal(entities.some((e) => e !== twice && e.requiresVendorCode && !e.connected));
    for (const e of entities) if (e.requiresVendorCode) m.toggle(e.id, false);
    expect(m.needsVendorCode).to.equal(false);
  });
});

describe('EntitySelection: its three views', () => {
  /** `size` entities, in France, the United Kingdom and the United States in turn. */
  const spread = (size: number) =>
    Array.from({ length: size }, (_, i) => entity(`AAA${String(i).padStart(9, '0')}`, `Entity ${String(i).padStart(5, '0')}`, ['FR', 'GB', 'US'][i % 3]));
  const countries = (m: EntitySelection) => [...m.rows()].filter((r): r is CountryRow => r.kind === 'country');
  const entityIds = (m: EntitySelection) => [...m.rows()].flatMap((r) => (r.kind === 'entity' ? [r.entity.id] : []));

  it('lists its rows by index as the flat list of each country then its entities, in every view, making a row once', () => {
    const m = new EntitySelection(spread(30), 'en', { collapse: ['GB'] });
    const check = (view: string) => {
      const rows = m.rows();
      const flat = [...rows];
      // The flat list, built the plain way: each country's row, then its entities if expanded.
      const expected = countries(m).flatMap((c) => [
        c.key,
        ...(c.expanded ? flat.filter((r) => r.kind === 'entity' && r.country === c.country).map((r) => r.key) : []),
      ]);
      expect(flat.map((r) => r.key), view).to.deep.equal(expected);
      expect(rows.length, view).to.equal(flat.length);
      expect([rows.at(-1), rows.at(rows.length)], view).to.deep.equal([undefined, undefined]);
      expect(rows.slice(2, 7).map((r) => r.key), view).to.deep.equal(flat.slice(2, 7).map((r) => r.key));
      expect(rows.slice(rows.length - 2, rows.length + 5), view).to.have.length(2);
      flat.forEach((row, i) => {
        expect(rows.at(i), `${view}: the same row object each time`).to.equal(row);
        if (row.kind === 'country') expect(rows.indexOfCountry(row.country), view).to.equal(i);
        else expect(rows.indexOfEntity(row.entity.id, row.country), view).to.equal(i);
        if (row.kind === 'entity') expect(row.position, view).to.equal(i - rows.indexOfCountry(row.country));
      });
    };
    check('the whole group, GB collapsed');
    expect(m.rows().indexOfEntity('AAA000000001', 'GB'), 'a collapsed country lists no entity').to.equal(-1);
    expect(m.rows().indexOfCountry('DE')).to.equal(-1);
    m.setFilter('1');
    check('filtered');
    m.toggle('AAA000000010');
    m.toggle('AAA000000013');
    m.setFilter('');
    m.setReviewing(true);
    check('the review');
  });

  it('starts with every country collapsed when asked, unless the group has only one', () => {
    const m = new EntitySelection(spread(9), 'en', { collapse: 'all' });
    expect([...m.rows()].map((r) => r.kind)).to.deep.equal(['country', 'country', 'country']);
    expect(countries(m).every((r) => !r.expanded)).to.equal(true);
    m.setExpanded('GB', true);
    expect(entityIds(m)).to.have.length(3);
    expect(m.collapsedCountries().sort()).to.deep.equal(['FR', 'US']);
    const one = new EntitySelection([BANK, LIMITED], 'en', { collapse: 'all' });
    expect(countries(one)[0].expanded).to.equal(true);
    expect(entityIds(one)).to.have.length(2);
  });

  it('shows what a filter matches expanded, and the whole group as it was once the filter is cleared', () => {
    const m = new EntitySelection(spread(9), 'en', { collapse: 'all' });
    m.setFilter('entity 0000');
    expect(countries(m).every((r) => r.expanded)).to.equal(true);
    expect(entityIds(m)).to.have.length(9);
    m.setExpanded('FR', false);
    m.setFilter('entity 00000');
    expect(entityIds(m)).to.deep.equal([]);
    m.setFilter('');
    expect(countries(m).every((r) => !r.expanded)).to.equal(true);
    // The filter's own collapses were forgotten.
    m.setFilter('entity 0000');
    expect(entityIds(m)).to.have.length(9);
  });

  it('reviews the ticked entities: taken when the review starts, kept through ticks, taken again for a filter or a bulk action', () => {
    const m = new EntitySelection(spread(9), 'en', { collapse: 'all' });
    const [a, b, c] = ['AAA000000000', 'AAA000000004', 'AAA000000008'];
    for (const id of [a, b, c]) m.toggle(id);
    m.setReviewing(true);
    expect(m.reviewing).to.equal(true);
    expect(entityIds(m).sort()).to.deep.equal([a, b, c]);
    // Every country of the review is expanded.
    expect(countries(m).map((r) => [r.country, r.expanded, r.shown])).to.deep.equal([
      ['FR', true, 1],
      ['GB', true, 1],
      ['US', true, 1],
    ]);
    m.toggle(b);
    expect(entityIds(m).sort()).to.deep.equal([a, b, c]);
    expect([...m.rows()].find((r) => r.kind === 'entity' && r.entity.id === b)).to.include({ checked: false });
    m.setFilter('entity 0000');
    expect(entityIds(m).sort()).to.deep.equal([a, c]);
    m.setCountry('US', false);
    expect([...m.selected]).to.deep.equal([a]);
    m.setFilter('');
    m.selectAll();
    expect(entityIds(m)).to.have.length(9);
    m.clear();
    expect([...m.rows()]).to.deep.equal([]);
    m.setReviewing(false);
    expect(countries(m).every((r) => !r.expanded)).to.equal(true);
  });

  it('lists the ticked entities that need the vendor code, and marks them', () => {
    const m = new EntitySelection([BANK, LIMITED, GMBH, EOOD, { ...EOOD, id: 'AAA1', requiresVendorCode: true }], 'en');
    expect(m.vendorCodeTicked()).to.deep.equal([]);
    m.selectAll();
    expect(m.vendorCodeTicked().map((e) => e.id)).to.deep.equal([GMBH.id]);
    const rows = [...m.rows()].filter((r): r is EntityRow => r.kind === 'entity');
    expect(rows.filter((r) => r.needsVendorCode).map((r) => r.entity.id)).to.deep.equal([GMBH.id]);
  });
});

describe('<tn-group-picker>', () => {
  afterEach(async () => {
    await setLocale('en');
  });

  it('asks for an account when there are several, and preselects the only one', async () => {
    const fake = new FakeAdapter();
    const el = await pickerFixture(fake, { customer: BANK });
    expect($<HTMLSelectElement>(el, 'select').value).to.equal('');
    expect(text(el)).to.contain('Please select');
    await expect(el).to.be.accessible();

    const single = new FakeAdapter();
    const one = await pickerFixture(single, { customer: BANK, accounts: [ACCOUNTS[0]] });
    expect($<HTMLSelectElement>(one, 'select').value).to.equal('ACC-IT');
  });

  it('shows the chosen customer with its localized country and network ID', async () => {
    const fake = new FakeAdapter();
    const el = await pickerFixture(fake, { customer: BANK });
    const card = $(el, '[part~="customer-card"]').textContent!.replace(/\s+/g, ' ');
    expect(card).to.contain('Tungsten Bank PLC').and.to.contain('United Kingdom').and.to.contain('AAA489745059');
    expect($(el, '[part~="view-group"]')).not.to.equal(null);
  });

  it('validates on submit, says what is wrong next to each field and focuses the first', async () => {
    const fake = new FakeAdapter();
    const el = await pickerFixture(fake, { customer: GMBH });
    $<HTMLButtonElement>(el, '[part~="submit"]').click();
    await el.updateComplete;
    await waitUntil(() => el.shadowRoot!.activeElement === $(el, 'select'), 'focus not on the account');
    expect(text(el)).to.contain('Select the account to link this customer to.');
    // It names the customer (isolated from the sentence: U+2068 … U+2069).
    expect(text(el)).to.contain('Your vendor code is required by \u2068Tungsten Network GmbH\u2069.');
    const vendor = $<HTMLInputElement>(el, '#vendor-code');
    expect(vendor.getAttribute('aria-invalid')).to.equal('true');
    expect(el.shadowRoot!.getElementById('vendor-code-error')!.textContent).to.contain('vendor code');
    expect(vendor.getAttribute('aria-describedby')).to.contain('vendor-code-error');
    expect(fake.of('requestConnection')).to.have.length(0);
    await expect(el).to.be.accessible();

    await chooseAccount(el, 'ACC-IT');
    $<HTMLButtonElement>(el, '[part~="submit"]').click();
    await waitUntil(() => el.shadowRoot!.activeElement === vendor, 'focus not on the vendor code');
  });

  it('counts notes characters as the user types', async () => {
    const fake = new FakeAdapter();
    const el = await pickerFixture(fake, { customer: BANK });
    $<HTMLTextAreaElement>(el, '#notes').focus();
    await type('Hi there');
    await el.updateComplete;
    expect($(el, '#notes-count').textContent).to.contain('8 / 1,000 characters');
  });

  it('refuses files of a wrong type, too large or empty, and shows an accepted one', async () => {
    const fake = new FakeAdapter();
    const el = await pickerFixture(fake, { customer: BANK });
    el.maxAttachmentSize = 1024;
    await el.updateComplete;
    const choose = async (file: File) => {
      const input = $<HTMLInputElement>(el, 'input[type="file"]');
      const transfer = new DataTransfer();
      transfer.items.add(file);
      input.files = transfer.files;
      input.dispatchEvent(new Event('change'));
      await el.updateComplete;
    };
    await choose(new File(['x'], 'virus.exe', { type: 'application/octet-stream' }));
    expect(text(el)).to.contain('“virus.exe” is not an accepted type.');
    await choose(new File([new Uint8Array(2048)], 'big.pdf', { type: 'application/pdf' }));
    expect(text(el)).to.contain('“big.pdf” is 2 kB; the largest file accepted is 1 kB.');
    await choose(new File([], 'empty.pdf', { type: 'application/pdf' }));
    expect(text(el)).to.contain('“empty.pdf” is empty.');
    await expect(el).to.be.accessible();
    await choose(new File(['%PDF-1.4'], 'po-4711.pdf', { type: 'application/pdf' }));
    expect($(el, '.file-name').textContent).to.equal('po-4711.pdf');
    expect($(el, '.file-size').textContent).to.equal('8 bytes');
    expect(el.shadowRoot!.querySelector('#attachment-error')).to.equal(null);
    const remove = [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent!.includes('Remove'))!;
    remove.click();
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('.file-name')).to.equal(null);
  });

  it('fetches a customer given by ID, with a loading state', async () => {
    const fake = new FakeAdapter();
    const el = await fixture<TnGroupPicker>(
      html`<tn-group-picker .adapter=${fake.adapter} customer-id=${BANK.id}></tn-group-picker>`,
    );
    await waitUntil(() => fake.of('getCustomer').length === 1);
    expect(fake.of('getCustomer')[0].args[0]).to.equal(BANK.id);
    await el.updateComplete;
    expect(text(el)).to.contain('Loading the customer…');
    fake.of('getCustomer')[0].resolve(BANK);
    await waitUntil(() => el.shadowRoot!.querySelector('[part~="customer-card"]'));
    expect($(el, '[part~="customer-card"]').textContent).to.contain('Tungsten Bank PLC');
  });

  it('takes a dropped file, uploads it first with progress, then sends its upload ID', async () => {
    const fake = new FakeAdapter();
    const el = await pickerFixture(fake, { customer: BANK });
    await chooseAccount(el, 'ACC-IT');
    const transfer = new DataTransfer();
    transfer.items.add(new File(['remittance'], 'remittance.pdf', { type: 'application/pdf' }));
    $(el, '[part~="dropzone"]').dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    await el.updateComplete;
    expect($(el, '.file-name').textContent).to.equal('remittance.pdf');
    $<HTMLButtonElement>(el, '[part~="submit"]').click();
    await waitUntil(() => fake.of('uploadAttachment').length === 1);
    const upload = fake.of('uploadAttachment')[0];
    expect(upload.args[1]).to.equal('remittance.pdf');
    (upload.args[2] as { onProgress: (loaded: number, total: number) => void }).onProgress(5, 10);
    await el.updateComplete;
    expect($<HTMLProgressElement>(el, 'progress').value).to.equal(0.5);
    upload.resolve({ id: 'upload-1' });
    await waitUntil(() => fake.of('requestConnection').length === 1);
    expect((fake.of('requestConnection')[0].args[0] as ConnectionRequest).attachment).to.deep.equal({
      kind: 'uploaded',
      id: 'upload-1',
      name: 'remittance.pdf',
    });
  });

  it('sends one request however often Connect is pressed, and shows the support case', async () => {
    const fake = new FakeAdapter();
    const el = await pickerFixture(fake, { customer: BANK });
    await chooseAccount(el, 'ACC-IT');
    const submit = $<HTMLButtonElement>(el, '[part~="submit"]');
    const requested = oneEvent(el, 'tn-request-connection');
    submit.click();
    submit.click();
    submit.click();
    expect((await requested).detail).to.deep.include({ accountId: 'ACC-IT', customers: [BANK] });
    await waitUntil(() => fake.of('requestConnection').length === 1);
    await el.updateComplete;
    submit.click();
    expect(fake.of('requestConnection')).to.have.length(1);
    expect(submit.getAttribute('aria-disabled')).to.equal('true');
    const request = fake.of('requestConnection')[0].args[0] as ConnectionRequest;
    expect(request).to.deep.include({ accountId: 'ACC-IT', entityIds: [BANK.id] });
    expect(request.idempotencyKey).to.be.a('string').with.length.greaterThan(8);

    const opened = oneEvent(el, 'tn-support-case-opened');
    fake.of('requestConnection')[0].resolve(outcomeOf('support-case'));
    expect((await opened).detail.supportCase.reference).to.equal('2881017');
    await el.updateComplete;
    const outcome = text(el);
    expect(outcome).to.contain('Your request has been received and will be processed by Wednesday, April 18, 2018');
    expect(outcome).to.contain('2881017');
    await waitUntil(() => el.shadowRoot!.activeElement?.id === 'outcome-title', 'focus not on the outcome');
    await expect(el).to.be.accessible();
    const view = oneEvent(el, 'tn-view-case');
    ($(el, '[part~="view-case"]') as HTMLButtonElement).click();
    expect((await view).detail).to.deep.equal({ reference: '2881017' });
  });

  it('keeps the form and the idempotency key when a request fails, and retries with them', async () => {
    const fake = new FakeAdapter();
    const el = await pickerFixture(fake, { customer: BANK });
    await chooseAccount(el, 'ACC-IT');
    $<HTMLInputElement>(el, '#vendor-code').focus();
    await type('V-42');
    const first = await submitAndCapture(el, fake);
    const reported = oneEvent(el, 'tn-error');
    fake.of('requestConnection')[0].reject(new TnAdapterError('unavailable'));
    expect((await reported).detail.operation).to.equal('requestConnection');
    await el.updateComplete;
    expect($(el, '[role="alert"]').textContent).to.contain("Couldn't send your request.");
    expect($<HTMLInputElement>(el, '#vendor-code').value).to.equal('V-42');
    await expect(el).to.be.accessible();

    ($(el, '[part~="retry"]') as HTMLButtonElement).click();
    await waitUntil(() => fake.of('requestConnection').length === 2);
    const second = fake.of('requestConnection')[1].args[0] as ConnectionRequest;
    expect(second.idempotencyKey).to.equal(first.idempotencyKey);
    expect(second.vendorCode).to.equal('V-42');

    // A changed request is a new submission, with a new key.
    fake.of('requestConnection')[1].reject(new TnAdapterError('timeout'));
    await waitUntil(() => el.shadowRoot!.querySelector('[part~="retry"]'));
    $<HTMLInputElement>(el, '#vendor-code').focus();
    await type('7');
    const third = await submitAndCapture(el, fake);
    expect(third.vendorCode).to.equal('V-427');
    expect(third.idempotencyKey).not.to.equal(first.idempotencyKey);
  });

  it('puts server field errors on their fields', async () => {
    const fake = new FakeAdapter();
    const el = await pickerFixture(fake, { customer: BANK });
    await chooseAccount(el, 'ACC-IT');
    await submitAndCapture(el, fake);
    fake.of('requestConnection')[0].reject(
      new TnAdapterError('invalid', { fieldErrors: [{ field: 'vendorCode', code: 'required' }] }),
    );
    await waitUntil(() => el.shadowRoot!.querySelector('#vendor-code-error'));
    expect($(el, '#vendor-code-error').textContent).to.contain('This is required.');
    await waitUntil(() => el.shadowRoot!.activeElement?.id === 'vendor-code');
  });

  it('lets the host veto the request', async () => {
    const fake = new FakeAdapter();
    const el = await pickerFixture(fake, { customer: BANK });
    await chooseAccount(el, 'ACC-IT');
    el.addEventListener('tn-request-connection', (event) => event.preventDefault(), { once: true });
    $<HTMLButtonElement>(el, '[part~="submit"]').click();
    await el.updateComplete;
    expect(fake.of('requestConnection')).to.have.length(0);
  });

  it('reports a required verification and an immediate connection, listing skipped entities', async () => {
    const fake = new FakeAdapter();
    const el = await pickerFixture(fake, { customer: BANK });
    await chooseAccount(el, 'ACC-IT');
    await submitAndCapture(el, fake);
    const verification = oneEvent(el, 'tn-verification-required');
    fake.of('requestConnection')[0].resolve(outcomeOf('verification-required'));
    expect((await verification).detail.verification.id).to.equal('v1');
    await el.updateComplete;
    expect(text(el)).to.contain('Verification required');

    el.reset();
    await el.updateComplete;
    await chooseAccount(el, 'ACC-IT');
    await submitAndCapture(el, fake);
    const connected = oneEvent(el, 'tn-connected');
    fake.of('requestConnection')[1].resolve(outcomeOf('connected'));
    expect((await connected).detail.relationships).to.have.length(1);
    await el.updateComplete;
    // The name is isolated (U+2068 … U+2069) from the sentence around it.
    expect(text(el)).to.contain('You are connected with \u2068Tungsten Bank PLC\u2069.');
    expect(text(el)).to.contain('Tungsten Network EOOD');
    await expect(el).to.be.accessible();
  });

  it('switches to the group with the customer ticked, and ticks by keyboard in a tri-state tree', async () => {
    const fake = new FakeAdapter();
    const el = await pickerFixture(fake, { customer: BANK });
    const changed = oneEvent(el, 'tn-mode-change');
    ($(el, '[part~="view-group"]') as HTMLButtonElement).click();
    expect((await changed).detail).to.deep.equal({ mode: 'group', groupId: 'GRP-T' });
    await showGroup(el, fake);
    expect(itemFor(el, 'Tungsten Bank PLC').getAttribute('aria-checked')).to.equal('true');
    expect(itemFor(el, 'United Kingdom').getAttribute('aria-checked')).to.equal('mixed');
    expect(itemFor(el, 'Tungsten Network EOOD').getAttribute('aria-disabled')).to.equal('true');
    expect(itemFor(el, 'Tungsten Network EOOD').textContent).to.contain('Already connected');
    expect($(el, '[part~="count"]').textContent).to.contain('1 of 3 selected');
    await expect(el).to.be.accessible();

    const tree = $(el, '[role="tree"]');
    // The tree names its active row only while it has the focus.
    expect(tree.hasAttribute('aria-activedescendant')).to.equal(false);
    tree.focus();
    await el.updateComplete;
    const active = () => el.shadowRoot!.getElementById(tree.getAttribute('aria-activedescendant')!)!;
    // The keyboard starts on the customer the user came from.
    expect(active().textContent).to.contain('Tungsten Bank PLC');
    await press('Home');
    await el.updateComplete;
    expect(active().textContent).to.contain('Bulgaria');
    await press('ArrowDown');
    await el.updateComplete;
    expect(active().textContent).to.contain('EOOD');
    await press(' ');
    await el.updateComplete;
    expect(itemFor(el, 'EOOD').getAttribute('aria-checked')).to.equal('false');
    await press('End');
    await el.updateComplete;
    expect(active().textContent).to.contain('Tungsten Network Limited');
    await press('ArrowLeft');
    await el.updateComplete;
    expect(active().textContent).to.contain('United Kingdom');
    await press(' ');
    await el.updateComplete;
    expect(itemFor(el, 'United Kingdom').getAttribute('aria-checked')).to.equal('true');
    await press(' ');
    await el.updateComplete;
    expect(itemFor(el, 'United Kingdom').getAttribute('aria-checked')).to.equal('false');
    await press('ArrowLeft');
    await el.updateComplete;
    expect(itemFor(el, 'United Kingdom').getAttribute('aria-expanded')).to.equal('false');
    expect(treeItems(el).some((i) => i.textContent!.includes('Tungsten Bank PLC'))).to.equal(false);
    await press('ArrowRight');
    await el.updateComplete;
    expect(treeItems(el).some((i) => i.textContent!.includes('Tungsten Bank PLC'))).to.equal(true);
  });

  it('filters as you type and keeps the selection; selects the whole group in one action', async () => {
    const fake = new FakeAdapter();
    const el = await pickerFixture(fake, { groupId: 'GRP-T' });
    await showGroup(el, fake);
    $<HTMLInputElement>(el, '#filter').focus();
    await type('gmbh');
    await el.updateComplete;
    expect(treeItems(el).map((i) => i.textContent!.replace(/\s+/g, ' ').trim())).to.have.length(2);
    itemFor(el, 'GmbH').click();
    await el.updateComplete;
    expect($(el, '[part~="count"]').textContent).to.contain('1 of 3 selected').and.to.contain('1 shown');
    $<HTMLInputElement>(el, '#filter').value = '';
    $<HTMLInputElement>(el, '#filter').dispatchEvent(new Event('input'));
    await waitUntil(() => treeItems(el).length === 7, 'the whole group is not back');
    expect(itemFor(el, 'GmbH').getAttribute('aria-checked')).to.equal('true');
    ($(el, '[part~="select-all"]') as HTMLButtonElement).click();
    await el.updateComplete;
    expect($(el, '[part~="count"]').textContent).to.contain('3 of 3 selected');
  });

  it('submits the ticked entities of a group', async () => {
    const fake = new FakeAdapter();
    const el = await pickerFixture(fake, { groupId: 'GRP-T' });
    await chooseAccount(el, 'ACC-UK');
    await showGroup(el, fake);
    expect(fake.of('getGroup').at(-1)!.args[1]).to.deep.equal({ accountId: 'ACC-UK' });
    $<HTMLButtonElement>(el, '[part~="submit"]').click();
    await el.updateComplete;
    expect(text(el)).to.contain('Select at least one legal entity.');
    await waitUntil(() => el.shadowRoot!.activeElement === $(el, '[role="tree"]'));
    itemFor(el, 'Tungsten Bank PLC').click();
    itemFor(el, 'Tungsten Network Limited').click();
    await el.updateComplete;
    const request = await submitAndCapture(el, fake);
    expect([...request.entityIds].sort()).to.deep.equal([BANK.id, LIMITED.id].sort());
  });

  it('opens a 10,000-entity group rendering only the visible rows, and selects it whole', async () => {
    const adapter = createDemoAdapter();
    const el = await fixture<TnGroupPicker>(
      html`<tn-group-picker .adapter=${adapter} group-id=${GLOBEX_GROUP_ID}></tn-group-picker>`,
    );
    await waitUntil(() => treeItems(el).length > 0, 'tree not shown', { timeout: 8000 });
    expect(treeItems(el).length).to.be.below(80);
    expect(el.shadowRoot!.querySelectorAll('*').length).to.be.below(600);
    ($(el, '[part~="select-all"]') as HTMLButtonElement).click();
    await el.updateComplete;
    expect($(el, '[part~="count"]').textContent).to.match(/10,000 of 10,000 selected/);
    const tree = $(el, '[role="tree"]');
    tree.focus();
    await press('End');
    await waitUntil(() => {
      const id = tree.getAttribute('aria-activedescendant');
      return !!id && !!el.shadowRoot!.getElementById(id);
    }, 'the last row was not rendered');
    expect(treeItems(el).length).to.be.below(80);
  });

  describe('the tree renders the rows around its view', () => {
    /**
     * `size` entities, a third each in France, the United Kingdom and the United States (in
     * that order), numbered so their order is known; every seventh has a long name that wraps
     * in a narrow box.
     */
    const bigGroup = (size: number): CustomerGroup => ({
      id: 'GRP-BIG',
      name: 'BIG GROUP',
      entities: Array.from({ length: size }, (_, i) => {
        const n = String(i).padStart(5, '0');
        const name = i % 7 ? `Entity ${n} Holdings` : `Entity ${n} International Logistics and Procurement Services`;
        return entity(`AAA9${n}`, name, ['FR', 'GB', 'US'][i % 3]);
      }),
    });
    /** The last row of bigGroup(size): the last entity of the United States (the last i with i % 3 = 2). */
    const lastName = (size: number) => `Entity ${String(size - 1 - ((size - 1 - 2 + 3) % 3)).padStart(5, '0')}`;
    const tree = (el: TnGroupPicker) => $(el, '[role="tree"]');
    const frames = () => new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done())));
    const nodeCount = (el: TnGroupPicker) => {
      const walker = document.createTreeWalker(el.shadowRoot!, NodeFilter.SHOW_ALL);
      let count = 0;
      while (walker.nextNode()) count++;
      return count;
    };
    /** The tree's scrolling area on screen. */
    const view = (el: TnGroupPicker) => {
      const box = tree(el).getBoundingClientRect();
      const top = box.top + tree(el).clientTop;
      return { top, bottom: top + tree(el).clientHeight };
    };
    /** True when the rendered rows follow one another, without a gap, from above the view to below it. */
    const coversView = (el: TnGroupPicker) => {
      const items = treeItems(el);
      if (!items.length) return false;
      const first = Number(items[0].dataset.index);
      const boxes = items.map((item) => item.getBoundingClientRect());
      const { top, bottom } = view(el);
      return (
        items.every((item, i) => Number(item.dataset.index) === first + i) &&
        boxes.every((box, i) => i === 0 || Math.abs(box.top - boxes[i - 1].bottom) < 1) &&
        // Within a pixel: Firefox scrolls by whole pixels while rows sit at fractional offsets.
        boxes[0].top <= top + 1 &&
        boxes.at(-1)!.bottom >= bottom - 1
      );
    };
    /** Scrolls the tree (as the scrollbar would) and waits until the rows cover its view. */
    const scrollTree = async (el: TnGroupPicker, top: number) => {
      tree(el).scrollTop = top;
      await frames();
      await waitUntil(() => coversView(el), `rows do not cover the view at ${top}`);
    };
    /** The active row: rendered, and entirely inside the tree's view. */
    const activeRow = (el: TnGroupPicker) => {
      const id = tree(el).getAttribute('aria-activedescendant');
      expect(id, 'aria-activedescendant').to.be.a('string');
      const row = el.shadowRoot!.getElementById(id!);
      expect(row, `#${id} is not rendered`).not.to.equal(null);
      const box = row!.getBoundingClientRect();
      const { top, bottom } = view(el);
      expect(box.top, 'row above the view').to.be.at.least(top - 1);
      expect(box.bottom, 'row below the view').to.be.at.most(bottom + 1);
      return row!;
    };
    const narrow = (el: TnGroupPicker) => {
      el.style.display = 'block';
      el.style.inlineSize = '320px';
    };

    it('renders the last rows at the end of the scrollbar, and the first ones back at its start (rows of different heights)', async () => {
      const fake = new FakeAdapter();
      const el = await pickerFixture(fake, { groupId: 'GRP-BIG', expandThreshold: ALL_EXPANDED });
      narrow(el);
      await showGroup(el, fake, bigGroup(10_000));
      await waitUntil(() => coversView(el), 'rows do not cover the view');
      expect(treeItems(el)[0].textContent).to.contain('France');
      // Long names wrap at this width: the rows differ in height.
      expect(new Set(treeItems(el).map((item) => Math.round(item.getBoundingClientRect().height))).size).to.be.above(1);

      await scrollTree(el, tree(el).scrollHeight);
      // The view stays at the end as the last rows are measured.
      await waitUntil(() => treeItems(el).at(-1)!.textContent!.includes(lastName(10_000)), 'the last row is not rendered');
      await frames();
      expect(treeItems(el).at(-1)!.getBoundingClientRect().bottom).to.be.closeTo(view(el).bottom, 1);
      expect(treeItems(el).length).to.be.below(40);

      await scrollTree(el, tree(el).scrollHeight / 2);
      const middle = Number(treeItems(el)[0].dataset.index);
      expect(middle).to.be.within(2_000, 8_000);

      await scrollTree(el, 0);
      expect(treeItems(el)[0].dataset.index).to.equal('0');
      expect(treeItems(el)[0].getBoundingClientRect().top).to.be.closeTo(view(el).top, 1);
    });

    it('keeps the active row rendered and in view through Home, End, Page Down and Page Up', async () => {
      const fake = new FakeAdapter();
      const el = await pickerFixture(fake, { groupId: 'GRP-BIG', expandThreshold: ALL_EXPANDED });
      narrow(el);
      await showGroup(el, fake, bigGroup(10_000));
      tree(el).focus();
      await el.updateComplete;
      expect(activeRow(el).textContent).to.contain('France');
      const steps: [string, (row: HTMLElement) => void][] = [
        ['End', (row) => expect(row.textContent).to.contain(lastName(10_000))],
        ['PageUp', (row) => expect(row.getAttribute('aria-posinset')).to.equal('3323')],
        ['PageUp', (row) => expect(row.getAttribute('aria-posinset')).to.equal('3313')],
        ['Home', (row) => expect(row.textContent).to.contain('France')],
        ['PageDown', (row) => expect(row.getAttribute('aria-posinset')).to.equal('10')],
        ['PageDown', (row) => expect(row.getAttribute('aria-posinset')).to.equal('20')],
        ['ArrowDown', (row) => expect(row.getAttribute('aria-posinset')).to.equal('21')],
        ['End', (row) => expect(row.textContent).to.contain(lastName(10_000))],
        ['ArrowUp', (row) => expect(row.getAttribute('aria-posinset')).to.equal('3332')],
      ];
      for (const [key, check] of steps) {
        await press(key);
        await el.updateComplete;
        await frames();
        check(activeRow(el));
        expect(coversView(el), `after ${key}`).to.equal(true);
      }
      // The user scrolls the active row out of the window: the tree stops naming it.
      await scrollTree(el, 0);
      expect(tree(el).hasAttribute('aria-activedescendant')).to.equal(false);
      // The next key brings it back.
      await press('ArrowUp');
      await el.updateComplete;
      await frames();
      expect(activeRow(el).getAttribute('aria-posinset')).to.equal('3331');
    });

    it('collapsing and expanding a country far down the list leaves its row where it was', async () => {
      const fake = new FakeAdapter();
      const el = await pickerFixture(fake, { groupId: 'GRP-BIG', expandThreshold: ALL_EXPANDED });
      narrow(el);
      await showGroup(el, fake, bigGroup(10_000));
      tree(el).focus();
      // To the United Kingdom (two thirds down): End, ← up to the United States, ↑ to the
      // United Kingdom's last entity, ← up to the United Kingdom; ← again collapses it.
      for (const key of ['End', 'ArrowLeft', 'ArrowUp', 'ArrowLeft']) {
        await press(key);
        await el.updateComplete;
        await frames();
      }
      const country = activeRow(el);
      expect(country.textContent).to.contain('United Kingdom');
      const y = country.getBoundingClientRect().top;
      await press('ArrowLeft');
      await el.updateComplete;
      await frames();
      expect(activeRow(el).getAttribute('aria-expanded')).to.equal('false');
      expect(activeRow(el).getBoundingClientRect().top).to.be.closeTo(y, 1);
      await press('ArrowRight');
      await el.updateComplete;
      await frames();
      expect(activeRow(el).getAttribute('aria-expanded')).to.equal('true');
      expect(activeRow(el).getBoundingClientRect().top).to.be.closeTo(y, 1);
      expect(coversView(el)).to.equal(true);
    });

    it('renders rows while the tree is below the page fold, and in a container shown after it loaded', async () => {
      const fake = new FakeAdapter();
      const wrapper = await fixture<HTMLElement>(html`<div>
        <div style="block-size: 150vh"></div>
        <div hidden><tn-group-picker .adapter=${fake.adapter} group-id="GRP-BIG" expand-threshold=${ALL_EXPANDED}></tn-group-picker></div>
      </div>`);
      const el = wrapper.querySelector<TnGroupPicker>('tn-group-picker')!;
      await waitUntil(() => fake.of('listAccounts').length > 0);
      fake.of('listAccounts')[0].resolve(ACCOUNTS);
      await showGroup(el, fake, bigGroup(1_000));
      await frames();
      el.parentElement!.hidden = false;
      await frames();
      expect(tree(el).getBoundingClientRect().top).to.be.above(innerHeight);
      await waitUntil(() => coversView(el), 'rows do not cover the view once shown');
      // Scrolled while out of the page's view, it still renders what its own view shows.
      await scrollTree(el, tree(el).scrollHeight / 2);
      expect(Number(treeItems(el)[0].dataset.index)).to.be.above(100);
      expect(tree(el).getBoundingClientRect().top).to.be.above(innerHeight);
    });

    it('fills its view again when its width or the text size changes, keeping the rows in view', async () => {
      const fake = new FakeAdapter();
      const el = await pickerFixture(fake, { groupId: 'GRP-BIG', expandThreshold: ALL_EXPANDED });
      await showGroup(el, fake, bigGroup(10_000));
      await scrollTree(el, tree(el).scrollHeight / 3);
      const index = () => Number(treeItems(el).find((item) => item.getBoundingClientRect().bottom > view(el).top + 1)!.dataset.index);
      const first = index();
      const settle = async (what: string) => {
        await frames();
        await waitUntil(() => coversView(el), `rows do not cover the view: ${what}`);
        // The first row in view is still (about) the one the user was looking at.
        expect(index(), what).to.be.within(first - 2, first + 2);
      };
      narrow(el);
      await settle('320 px wide');
      // Long names wrap now: taller rows.
      expect(Math.max(...treeItems(el).map((item) => item.getBoundingClientRect().height))).to.be.above(60);
      el.style.inlineSize = '';
      await settle('back to full width');
      document.documentElement.style.fontSize = '200%';
      try {
        await settle('200% text');
      } finally {
        document.documentElement.style.fontSize = '';
      }
      await settle('text back to 100%');
      el.hidden = true;
      await frames();
      el.hidden = false;
      await settle('hidden, then shown');
    });

    it('keeps at most 500 nodes in its shadow root with 50,000 entities, wherever it is scrolled', async () => {
      const fake = new FakeAdapter();
      const el = await pickerFixture(fake, { groupId: 'GRP-BIG', expandThreshold: ALL_EXPANDED });
      await showGroup(el, fake, bigGroup(50_000));
      await waitUntil(() => coversView(el));
      const counts = [nodeCount(el)];
      for (const top of [tree(el).scrollHeight / 2, tree(el).scrollHeight, 0]) {
        await scrollTree(el, top);
        counts.push(nodeCount(el));
      }
      ($(el, '[part~="select-all"]') as HTMLButtonElement).click();
      await el.updateComplete;
      expect($(el, '[part~="count"]').textContent).to.contain('50,000 of 50,000 selected');
      counts.push(nodeCount(el));
      expect(Math.max(...counts), counts.join(', ')).to.be.at.most(500);
    });
  });

  it('connects Tungsten Bank PLC on the demo network: support case 2881017', async () => {
    const adapter = createDemoAdapter();
    const customer = await adapter.getCustomer(DEMO_IDS.tungstenBank);
    const el = await fixture<TnGroupPicker>(html`<tn-group-picker .adapter=${adapter} .customer=${customer}></tn-group-picker>`);
    await waitUntil(() => el.shadowRoot!.querySelector('select'));
    await chooseAccount(el, 'ACC-AOS-IT');
    const opened = oneEvent(el, 'tn-support-case-opened');
    $<HTMLButtonElement>(el, '[part~="submit"]').click();
    expect((await opened).detail.supportCase.reference).to.equal('2881017');
  });

  it('renders hostile server strings as text', async () => {
    const fake = new FakeAdapter();
    const payload = '<img src=x onerror="window.__pwned=1">';
    const el = await pickerFixture(fake, {
      customer: { ...BANK, legalName: payload, id: `<b>${payload}</b>` },
      accounts: [{ id: 'a', name: payload }],
    });
    ($(el, '[part~="view-group"]') as HTMLButtonElement).click();
    await showGroup(el, fake, { id: 'g', name: `<i>${payload}</i>`, entities: [entity('x', payload, 'GB')] });
    expect(el.shadowRoot!.querySelector('img, b, i, svg')).to.equal(null);
    expect(text(el)).to.contain(payload);
    expect((window as unknown as { __pwned?: number }).__pwned).to.equal(undefined);
  });

  it('shows an error with a retry when the group cannot load', async () => {
    const fake = new FakeAdapter();
    const el = await pickerFixture(fake, { groupId: 'GRP-T' });
    await waitUntil(() => fake.of('getGroup').length > 0);
    fake.of('getGroup')[0].reject(new TnAdapterError('not-found'));
    await waitUntil(() => el.shadowRoot!.querySelector('[role="alert"]'));
    expect(text(el)).to.contain("Couldn't load the group.");
    await expect(el).to.be.accessible();
    ($(el, '[part~="retry"]') as HTMLButtonElement).click();
    await showGroup(el, fake);
  });

  it('renders in French', async () => {
    await setLocale('fr');
    const fake = new FakeAdapter();
    const el = await pickerFixture(fake, { customer: BANK });
    const all = text(el).replace(/[\u00a0\u202f]/g, ' ');
    for (const words of ['Sélectionner un compte', 'Veuillez sélectionner', 'Royaume-Uni', 'Afficher le groupe', 'Code fournisseur', 'Notes', 'Pièce jointe', 'Se mettre en relation']) {
      expect(all).to.contain(words);
    }
    await expect(el).to.be.accessible();
  });

  it('shows a visible error when no adapter is configured', async () => {
    const el = await fixture<TnGroupPicker>(html`<tn-group-picker></tn-group-picker>`);
    expect($(el, '[role="alert"]').textContent).to.contain('not configured');
  });
});

describe('<tn-group-picker>: groups a person can review', () => {
  afterEach(async () => {
    await setLocale('en');
  });

  const SPREAD_REF = { id: 'GRP-S', name: 'SPREAD GROUP' };
  /**
   * `size` entities in France, the United Kingdom and the United States in turn, named in
   * order; every fifth (from the fourth) requires the vendor code.
   */
  const spread = (size: number): CustomerGroup => ({
    ...SPREAD_REF,
    entities: Array.from({ length: size }, (_, i) =>
      entity(`AAA${String(i).padStart(9, '0')}`, `Entity ${String(i).padStart(5, '0')}`, ['FR', 'GB', 'US'][i % 3], {
        group: SPREAD_REF,
        ...(i % 5 === 4 ? { requiresVendorCode: true } : {}),
      }),
    ),
  });
  const COUNTRY_NAMES: Record<string, string> = { FR: 'France', GB: 'United Kingdom', US: 'United States' };
  const tree = (el: TnGroupPicker) => $(el, '[role="tree"]');
  const frames = () => new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done())));
  const countryRows = (el: TnGroupPicker) => treeItems(el).filter((i) => i.getAttribute('aria-level') === '1');
  const entityRows = (el: TnGroupPicker) => treeItems(el).filter((i) => i.getAttribute('aria-level') === '2');
  const heading = (el: TnGroupPicker) => $(el, '[part~="country-heading"]');
  /** Sets the filter as typing would end (the names here repeat digits, which WebKitWebDriver types once). */
  const filterBy = (el: TnGroupPicker, value: string) => {
    const field = $<HTMLInputElement>(el, '#filter');
    field.value = value;
    field.dispatchEvent(new Event('input'));
  };

  it('starts with its countries collapsed above expand-threshold, expanded up to it', async () => {
    const shown = async (size: number, expandThreshold?: number) => {
      const fake = new FakeAdapter();
      const el = await pickerFixture(fake, { groupId: 'GRP-S', ...(expandThreshold === undefined ? {} : { expandThreshold }) });
      await showGroup(el, fake, spread(size));
      return el;
    };
    const large = await shown(51);
    expect(countryRows(large).map((r) => [r.textContent!.replace(/\s+/g, ' ').trim(), r.getAttribute('aria-expanded')])).to.deep.equal([
      ['▸France17', 'false'],
      ['▸United Kingdom17', 'false'],
      ['▸United States17', 'false'],
    ]);
    expect(entityRows(large)).to.have.length(0);
    // Expanding one by keyboard shows its entities.
    tree(large).focus();
    await press('ArrowRight');
    await large.updateComplete;
    expect(countryRows(large)[0].getAttribute('aria-expanded')).to.equal('true');
    expect(entityRows(large)[0].getAttribute('aria-setsize')).to.equal('17');
    // A filter shows what it matches in every country.
    filterBy(large, 'entity 0000');
    await waitUntil(() => entityRows(large).length === 10, 'the filter does not show its matches');
    expect(countryRows(large).map((r) => r.getAttribute('aria-expanded'))).to.deep.equal(['true', 'true', 'true']);

    const atThreshold = await shown(50);
    expect(countryRows(atThreshold).every((r) => r.getAttribute('aria-expanded') === 'true')).to.equal(true);
    expect(entityRows(atThreshold).length).to.be.above(0);
    const higher = await shown(51, 51);
    expect(countryRows(higher).every((r) => r.getAttribute('aria-expanded') === 'true')).to.equal(true);
    // The default, read from the attribute.
    const plain = await fixture<TnGroupPicker>(html`<tn-group-picker></tn-group-picker>`);
    expect(plain.expandThreshold).to.equal(50);
  });

  it('opens a large group on the customer it came from: its country expanded, its row ticked and in view', async () => {
    const fake = new FakeAdapter();
    const group = spread(600);
    // The 151st entity of the United States (entities 2, 5, 8…): far down its country.
    const customer = group.entities[2 + 3 * 150];
    const el = await pickerFixture(fake, { customer });
    const pageTop = document.scrollingElement!.scrollTop;
    ($(el, '[part~="view-group"]') as HTMLButtonElement).click();
    await showGroup(el, fake, group);
    await frames();
    await waitUntil(() => itemFor(el, customer.legalName), 'the customer row is not rendered');
    const row = itemFor(el, customer.legalName);
    expect(row.getAttribute('aria-checked')).to.equal('true');
    const view = tree(el).getBoundingClientRect();
    const box = row.getBoundingClientRect();
    expect(box.top).to.be.at.least(heading(el).getBoundingClientRect().bottom - 1);
    expect(box.bottom).to.be.at.most(view.bottom);
    // The page itself did not scroll to it.
    expect(document.scrollingElement!.scrollTop).to.equal(pageTop);
    // Its country is expanded (the heading names it over the rows), the others collapsed.
    expect(heading(el).hidden).to.equal(false);
    expect(heading(el).textContent).to.equal('United States');
    tree(el).focus();
    await el.updateComplete;
    const active = () => el.shadowRoot!.getElementById(tree(el).getAttribute('aria-activedescendant')!)!;
    expect(active().textContent).to.contain(customer.legalName);
    await press('Home');
    await el.updateComplete;
    await frames();
    expect(countryRows(el).map((r) => r.getAttribute('aria-expanded'))).to.deep.equal(['false', 'false', 'true']);
  });

  it('"Selected (n)" lists only the ticked entities, to review them before sending', async () => {
    const fake = new FakeAdapter();
    const el = await pickerFixture(fake, { groupId: 'GRP-T' });
    await showGroup(el, fake);
    itemFor(el, 'Tungsten Bank PLC').click();
    itemFor(el, 'Tungsten Network GmbH').click();
    await el.updateComplete;
    const all = $<HTMLButtonElement>(el, '[part~="show-all"]');
    const selected = $<HTMLButtonElement>(el, '[part~="show-selected"]');
    expect(selected.textContent!.trim()).to.equal('Selected (2)');
    expect([all.getAttribute('aria-pressed'), selected.getAttribute('aria-pressed')]).to.deep.equal(['true', 'false']);
    selected.click();
    await el.updateComplete;
    const names = () => entityRows(el).map((r) => r.querySelector('.name')!.textContent);
    expect(countryRows(el).map((r) => r.querySelector('.label')!.textContent)).to.deep.equal(['Germany', 'United Kingdom']);
    expect(names()).to.deep.equal(['Tungsten Network GmbH', 'Tungsten Bank PLC']);
    expect([all.getAttribute('aria-pressed'), selected.getAttribute('aria-pressed')]).to.deep.equal(['false', 'true']);
    await expect(el).to.be.accessible();
    // Unticked during the review, a row stays (to be ticked again), unticked.
    itemFor(el, 'Tungsten Bank PLC').click();
    await el.updateComplete;
    expect(names()).to.deep.equal(['Tungsten Network GmbH', 'Tungsten Bank PLC']);
    expect(itemFor(el, 'Tungsten Bank PLC').getAttribute('aria-checked')).to.equal('false');
    expect(selected.textContent!.trim()).to.equal('Selected (1)');
    all.click();
    await el.updateComplete;
    expect(treeItems(el)).to.have.length(7);
    selected.click();
    await el.updateComplete;
    expect(names()).to.deep.equal(['Tungsten Network GmbH']);
    // What is sent is what the review shows ticked.
    await chooseAccount(el, 'ACC-IT');
    $<HTMLInputElement>(el, '#vendor-code').focus();
    await type('V-1');
    expect((await submitAndCapture(el, fake)).entityIds).to.deep.equal([GMBH.id]);
    // Cleared, the review says there is nothing to review.
    el.selectedIds = [];
    await el.updateComplete;
    expect(text(el)).to.contain('Selected (0)');
  });

  it('says when the review has nothing to show', async () => {
    const fake = new FakeAdapter();
    const el = await pickerFixture(fake, { groupId: 'GRP-T' });
    await showGroup(el, fake);
    ($(el, '[part~="show-selected"]') as HTMLButtonElement).click();
    await el.updateComplete;
    expect(treeItems(el)).to.have.length(0);
    expect(text(el)).to.contain('No legal entity is selected yet.');
    ($(el, '[part~="select-all"]') as HTMLButtonElement).click();
    await el.updateComplete;
    expect(entityRows(el)).to.have.length(3);
    $<HTMLInputElement>(el, '#filter').focus();
    await type('xyz');
    await waitUntil(() => text(el).includes('No selected legal entity matches “xyz”.'));
  });

  it('marks, in words, the entities already connected and those that need the vendor code', async () => {
    const fake = new FakeAdapter();
    const el = await pickerFixture(fake, { groupId: 'GRP-T' });
    await showGroup(el, fake);
    const marker = (name: string) => itemFor(el, name).querySelector<HTMLElement>('[part~="marker"]')!;
    expect(marker('Tungsten Network EOOD').textContent).to.equal('Already connected');
    expect(marker('Tungsten Network GmbH').textContent).to.equal('Needs vendor code');
    expect(marker('Tungsten Bank PLC').hidden).to.equal(true);
    expect(marker('Tungsten Bank PLC').textContent).to.equal('');
    // Part of the row's name for assistive technology, on screen as text.
    expect(itemFor(el, 'Tungsten Network GmbH').textContent).to.contain('Needs vendor code');
    expect(marker('Tungsten Network GmbH').checkVisibility()).to.equal(true);
    await setLocale('fr');
    await el.updateComplete;
    expect(marker('Tungsten Network EOOD').textContent).to.equal('Déjà en relation');
    expect(marker('Tungsten Network GmbH').textContent).to.equal('Code fournisseur requis');
  });

  it('names the ticked entities that need the vendor code when it is missing, also when the server says so', async () => {
    const fake = new FakeAdapter();
    const el = await pickerFixture(fake, { groupId: 'GRP-S', expandThreshold: ALL_EXPANDED });
    const group = spread(30);
    await showGroup(el, fake, group);
    await chooseAccount(el, 'ACC-IT');
    const needing = group.entities.filter((e) => e.requiresVendorCode);
    el.selectedIds = [needing[0].id, group.entities[0].id];
    await el.updateComplete;
    $<HTMLButtonElement>(el, '[part~="submit"]').click();
    await waitUntil(() => el.shadowRoot!.activeElement?.id === 'vendor-code', 'focus not on the vendor code');
    expect($(el, '#vendor-code-error').textContent).to.equal(`Your vendor code is required by \u2068${needing[0].legalName}\u2069.`);
    el.selectedIds = needing.slice(0, 2).map((e) => e.id);
    await el.updateComplete;
    $<HTMLButtonElement>(el, '[part~="submit"]').click();
    await el.updateComplete;
    expect($(el, '#vendor-code-error').textContent).to.equal(
      `Your vendor code is required by \u2068${needing[0].legalName}\u2069 and \u2068${needing[1].legalName}\u2069.`,
    );
    el.selectedIds = needing.map((e) => e.id);
    await el.updateComplete;
    $<HTMLButtonElement>(el, '[part~="submit"]').click();
    await el.updateComplete;
    expect($(el, '#vendor-code-error').textContent).to.equal(
      `Your vendor code is required by ${needing
        .slice(0, 3)
        .map((e) => `\u2068${e.legalName}\u2069`)
        .join(', ')} and more: ${needing.length} of the selected legal entities.`,
    );
    // The server's "required" names them too.
    el.selectedIds = [needing[1].id];
    await el.updateComplete;
    $<HTMLInputElement>(el, '#vendor-code').focus();
    await type('X');
    await submitAndCapture(el, fake);
    fake.of('requestConnection').at(-1)!.reject(new TnAdapterError('invalid', { fieldErrors: [{ field: 'vendorCode', code: 'required' }] }));
    await waitUntil(() => el.shadowRoot!.querySelector('#vendor-code-error'));
    expect($(el, '#vendor-code-error').textContent).to.equal(`Your vendor code is required by \u2068${needing[1].legalName}\u2069.`);
  });

  it(`shows every row of a group of up to ${SMALL_GROUP} entities; a larger one scrolls within --tn-group-tree-height`, async () => {
    // The demo's TUNGSTEN ALL COMPANIES GROUP: seven entities in four countries.
    const el = await fixture<TnGroupPicker>(
      html`<tn-group-picker .adapter=${createDemoAdapter()} group-id=${DEMO_GROUP_IDS.tungsten}></tn-group-picker>`,
    );
    await waitUntil(() => treeItems(el).length === 11, 'the group is not shown whole', { timeout: 5000 });
    await frames();
    expect(tree(el).scrollHeight).to.be.at.most(tree(el).clientHeight);
    // At 320 px its rows wrap and grow: still no scrolling inside the tree.
    el.style.display = 'block';
    el.style.inlineSize = '320px';
    await frames();
    await el.updateComplete;
    expect(tree(el).scrollHeight).to.be.at.most(tree(el).clientHeight);
    expect(tree(el).clientHeight).to.be.above(11 * 36);

    const fake = new FakeAdapter();
    const larger = await pickerFixture(fake, { groupId: 'GRP-S' });
    larger.style.setProperty('--tn-group-tree-height', '200px');
    await showGroup(larger, fake, spread(SMALL_GROUP + 1));
    await frames();
    expect(tree(larger).getBoundingClientRect().height).to.be.closeTo(200, 1);
    expect(tree(larger).scrollHeight).to.be.above(tree(larger).clientHeight);
    // As tall as its rows when they take less.
    filterBy(larger, 'entity 00000');
    await waitUntil(() => treeItems(larger).length === 2);
    await frames();
    expect(tree(larger).scrollHeight).to.be.at.most(tree(larger).clientHeight);
    expect(tree(larger).getBoundingClientRect().height).to.be.below(100);
  });

  it('keeps the country of the rows at the top of the view over them while the tree scrolls, by pointer or keyboard', async () => {
    const fake = new FakeAdapter();
    const el = await pickerFixture(fake, { groupId: 'GRP-S', expandThreshold: ALL_EXPANDED });
    const group = spread(3_000);
    await showGroup(el, fake, group);
    const byId = new Map(group.entities.map((e) => [`entity-${e.id}`, e]));
    /** The country of the row just under the heading, at the top of the tree's view. */
    const countryUnderHeading = () => {
      const box = heading(el).getBoundingClientRect();
      const row = el.shadowRoot!.elementFromPoint(box.left + box.width / 2, box.bottom + 2)!.closest('[role="treeitem"]')!;
      return row.getAttribute('aria-level') === '1' ? row.querySelector('.label')!.textContent : COUNTRY_NAMES[byId.get(row.id)!.country];
    };
    // At the top, the first country's own row starts the view: no heading over it.
    expect(heading(el).hidden).to.equal(true);
    tree(el).scrollTop = 20_000;
    await frames();
    await waitUntil(() => !heading(el).hidden, 'no heading after scrolling');
    expect(heading(el).textContent).to.equal('France');
    expect(countryUnderHeading()).to.equal('France');
    expect(heading(el).getBoundingClientRect().top).to.be.closeTo(tree(el).getBoundingClientRect().top + tree(el).clientTop, 1);
    // The keyboard: End, then up into the United Kingdom; the active row is never under the heading.
    tree(el).focus();
    for (const [key, country] of [
      ['End', 'United States'],
      ['ArrowLeft', undefined],
      ['ArrowUp', 'United Kingdom'],
      ['PageUp', 'United Kingdom'],
    ] as const) {
      await press(key);
      await el.updateComplete;
      await frames();
      const active = el.shadowRoot!.getElementById(tree(el).getAttribute('aria-activedescendant')!)!;
      if (country) {
        expect(heading(el).hidden, key).to.equal(false);
        expect(heading(el).textContent, key).to.equal(country);
        expect(countryUnderHeading(), key).to.equal(country);
        expect(active.getBoundingClientRect().top, key).to.be.at.least(heading(el).getBoundingClientRect().bottom - 1);
      } else {
        // ← went to the United States' own row: at the top of the view, not covered.
        expect(active.querySelector('.label')!.textContent).to.equal('United States');
        expect(active.getBoundingClientRect().top).to.be.at.least(heading(el).hidden ? 0 : heading(el).getBoundingClientRect().bottom - 1);
      }
    }
    // Back at the top, no heading.
    await press('Home');
    await el.updateComplete;
    await frames();
    expect(heading(el).hidden).to.equal(true);
  });

  it('selectedIds: set before the group arrives, ticks those of its entities that can be; set later, replaces the ticks', async () => {
    const fake = new FakeAdapter();
    const el = await pickerFixture(fake, { groupId: 'GRP-T' });
    expect(el.mode).to.equal('group');
    el.selectedIds = [BANK.id, 'AAA-NOT-IN-GROUP', EOOD.id, GMBH.id];
    expect(el.selectedIds).to.deep.equal([BANK.id, 'AAA-NOT-IN-GROUP', EOOD.id, GMBH.id]);
    await showGroup(el, fake);
    expect([...el.selectedIds].sort()).to.deep.equal([BANK.id, GMBH.id].sort());
    expect(itemFor(el, 'Tungsten Bank PLC').getAttribute('aria-checked')).to.equal('true');
    expect(itemFor(el, 'Tungsten Network EOOD').getAttribute('aria-checked')).to.equal('false');
    expect($(el, '[part~="count"]').textContent).to.contain('2 of 3 selected');
    el.selectedIds = [LIMITED.id];
    await el.updateComplete;
    expect(el.selectedIds).to.deep.equal([LIMITED.id]);
    expect(itemFor(el, 'Tungsten Bank PLC').getAttribute('aria-checked')).to.equal('false');
    expect(itemFor(el, 'Tungsten Network Limited').getAttribute('aria-checked')).to.equal('true');

    // Restoring "View group" from a customer: the IDs set replace the customer's own tick.
    const other = new FakeAdapter();
    const single = await pickerFixture(other, { customer: BANK });
    expect([single.mode, single.selectedIds]).to.deep.equal(['single', []]);
    single.selectedIds = [LIMITED.id];
    single.viewGroup();
    await showGroup(single, other);
    expect(single.selectedIds).to.deep.equal([LIMITED.id]);
    expect(itemFor(single, 'Tungsten Bank PLC').getAttribute('aria-checked')).to.equal('false');
  });

  it('unselectedIds: set before the group arrives, ticks every entity that can be but those; read back after the user’s changes; set later, replaces the ticks', async () => {
    const fake = new FakeAdapter();
    const el = await pickerFixture(fake, { groupId: 'GRP-T' });
    el.unselectedIds = [LIMITED.id];
    expect(el.unselectedIds).to.deep.equal([LIMITED.id]);
    expect(el.selectedIds, 'unknown until the group arrives').to.deep.equal([]);
    await showGroup(el, fake);
    // The connected EOOD cannot be ticked: it is neither selected nor left out.
    expect([...el.selectedIds].sort()).to.deep.equal([BANK.id, GMBH.id].sort());
    expect(el.unselectedIds).to.deep.equal([LIMITED.id]);
    expect(itemFor(el, 'Tungsten Network Limited').getAttribute('aria-checked')).to.equal('false');
    expect($(el, '[part~="count"]').textContent).to.contain('2 of 3 selected');
    ($(el, '[part~="select-all"]') as HTMLButtonElement).click();
    await el.updateComplete;
    expect(el.unselectedIds).to.deep.equal([]);
    expect(text(el)).to.contain('Vendor code (required');
    itemFor(el, 'Tungsten Bank PLC').click();
    await el.updateComplete;
    expect(el.unselectedIds).to.deep.equal([BANK.id]);
    el.unselectedIds = [GMBH.id, 'AAA-NOT-IN-GROUP'];
    await el.updateComplete;
    expect([...el.selectedIds].sort()).to.deep.equal([BANK.id, LIMITED.id].sort());
    expect(el.unselectedIds).to.deep.equal([GMBH.id]);
    expect(itemFor(el, 'Tungsten Network GmbH').getAttribute('aria-checked')).to.equal('false');
    expect(text(el), 'no ticked entity needs a vendor code').not.to.contain('Vendor code (required');

    // Of the two lists, the one set last wins.
    const other = new FakeAdapter();
    const second = await pickerFixture(other, { groupId: 'GRP-T' });
    second.unselectedIds = [];
    second.selectedIds = [GMBH.id];
    await showGroup(second, other);
    expect(second.selectedIds).to.deep.equal([GMBH.id]);
    second.unselectedIds = [];
    await second.updateComplete;
    expect([...second.selectedIds].sort()).to.deep.equal([BANK.id, LIMITED.id, GMBH.id].sort());

    // "View group" restored with what was left unticked: the selection is told once it is known.
    await expectToldOnceKnown((single) => (single.unselectedIds = [GMBH.id]), [BANK.id, LIMITED.id]);
  });

  it('countrySelection: the countries mostly ticked, with their exceptions, and the ticks elsewhere; set before or after the group, it ticks exactly that; the last of the three set wins', async () => {
    const fake = new FakeAdapter();
    const el = await pickerFixture(fake, { groupId: 'GRP-T' });
    el.countrySelection = { countries: ['GB'], selectedIds: [], unselectedIds: [LIMITED.id] };
    expect(el.countrySelection).to.deep.equal({ countries: ['GB'], selectedIds: [], unselectedIds: [LIMITED.id] });
    expect(el.selectedIds, 'unknown until the group arrives').to.deep.equal([]);
    await showGroup(el, fake);
    expect(el.selectedIds).to.deep.equal([BANK.id]);
    expect(itemFor(el, 'Tungsten Network Limited').getAttribute('aria-checked')).to.equal('false');
    // One of Great Britain's two is not most of it: listed as a tick, not as the country.
    expect(el.countrySelection).to.deep.equal({ countries: [], selectedIds: [BANK.id], unselectedIds: [] });
    itemFor(el, 'Tungsten Network GmbH').click();
    await el.updateComplete;
    expect(el.countrySelection).to.deep.equal({ countries: ['DE'], selectedIds: [BANK.id], unselectedIds: [] });
    // The whole group: every country with an entity that can be ticked (not Bulgaria's connected one), by code.
    ($(el, '[part~="select-all"]') as HTMLButtonElement).click();
    await el.updateComplete;
    expect(el.countrySelection).to.deep.equal({ countries: ['DE', 'GB'], selectedIds: [], unselectedIds: [] });
    // Set while shown: at once; what is not in the group is left out.
    el.countrySelection = { countries: ['GB', 'FR'], selectedIds: [GMBH.id, 'AAA-NOT-IN-GROUP'], unselectedIds: [BANK.id] };
    await el.updateComplete;
    expect([...el.selectedIds].sort()).to.deep.equal([LIMITED.id, GMBH.id].sort());
    expect(itemFor(el, 'Tungsten Bank PLC').getAttribute('aria-checked')).to.equal('false');
    expect(text(el), 'the ticked GmbH needs a vendor code').to.contain('Vendor code (required');
    expect($(el, '[part~="count"]').textContent).to.contain('2 of 3 selected');

    // Of the three, the one set last wins.
    const other = new FakeAdapter();
    const second = await pickerFixture(other, { groupId: 'GRP-T' });
    second.countrySelection = { countries: ['GB'], selectedIds: [], unselectedIds: [] };
    second.selectedIds = [GMBH.id];
    await showGroup(second, other);
    expect(second.selectedIds).to.deep.equal([GMBH.id]);
    second.unselectedIds = [];
    second.countrySelection = { countries: ['DE'], selectedIds: [], unselectedIds: [] };
    await second.updateComplete;
    expect(second.selectedIds).to.deep.equal([GMBH.id]);
    expect(second.unselectedIds).to.deep.equal([BANK.id, LIMITED.id]);

    // "View group" restored by country: the selection is told once it is known.
    await expectToldOnceKnown((single) => {
      expect(single.countrySelection, 'single mode').to.deep.equal({ countries: [], selectedIds: [], unselectedIds: [] });
      single.countrySelection = { countries: ['GB'], selectedIds: [], unselectedIds: [] };
    }, [BANK.id, LIMITED.id]);
  });

  it('fires tn-selection-change with the mode, the group and the ticked IDs whenever the user changes them', async () => {
    const fake = new FakeAdapter();
    const el = await pickerFixture(fake, { customer: BANK });
    const seen: TnSelectionChangeEvent[] = [];
    const listener = (e: TnSelectionChangeEvent) => seen.push(e);
    // Heard on the document: it bubbles out of the element's shadow root.
    document.addEventListener('tn-selection-change', listener);
    try {
      const last = () => ({ ...seen.at(-1)!.detail, selectedIds: [...seen.at(-1)!.detail.selectedIds].sort() });
      ($(el, '[part~="view-group"]') as HTMLButtonElement).click();
      expect(seen).to.have.length(1);
      expect(seen[0].bubbles && seen[0].composed).to.equal(true);
      expect(last()).to.deep.equal({ mode: 'group', groupId: 'GRP-T', selectedIds: [BANK.id] });
      await showGroup(el, fake);
      expect(seen).to.have.length(1);
      itemFor(el, 'Tungsten Network GmbH').click();
      expect(last()).to.deep.equal({ mode: 'group', groupId: 'GRP-T', selectedIds: [BANK.id, GMBH.id].sort() });
      tree(el).focus();
      await press('End');
      await press(' ');
      expect(last().selectedIds).to.deep.equal([BANK.id, LIMITED.id, GMBH.id].sort());
      ($(el, '[part~="select-all"]') as HTMLButtonElement).click();
      ($(el, '[part~="select-all"] + button') as HTMLButtonElement).click();
      expect(last().selectedIds).to.deep.equal([]);
      expect(seen).to.have.length(5);
      // Filtering, reviewing and the host's own changes are no change of the user's.
      $<HTMLInputElement>(el, '#filter').focus();
      await type('tung');
      ($(el, '[part~="show-selected"]') as HTMLButtonElement).click();
      el.selectedIds = [BANK.id, LIMITED.id];
      await el.updateComplete;
      expect(seen).to.have.length(5);
      // Another account reloads the group; an entity connected on it is ticked no more.
      await chooseAccount(el, 'ACC-UK');
      await waitUntil(() => fake.of('getGroup').length === 2);
      fake.of('getGroup')[1].resolve(structuredClone({ ...GROUP, entities: [BANK, { ...LIMITED, connected: true }, GMBH, EOOD] }));
      await waitUntil(() => seen.length === 6, 'no event after the reload');
      expect(last()).to.deep.equal({ mode: 'group', groupId: 'GRP-T', selectedIds: [BANK.id] });
    } finally {
      document.removeEventListener('tn-selection-change', listener);
    }
  });
});

describe('<tn-group-picker> driven by properties', () => {
  it('group: opens on the customer’s group, the customer ticked, once a customer fetched by ID arrives', async () => {
    const el = await fixture<TnGroupPicker>(
      html`<tn-group-picker .adapter=${createDemoAdapter()} customer-id=${DEMO_IDS.tungstenBank} group></tn-group-picker>`,
    );
    await waitUntil(() => el.shadowRoot!.querySelector('[role="tree"]'), 'the group never showed', { timeout: 5000 });
    expect(el.mode).to.equal('group');
    expect(el.selectedIds).to.deep.equal([DEMO_IDS.tungstenBank]);
  });

  it('group: a new customer set later opens on its own group; without it, the customer alone', async () => {
    const adapter = createDemoAdapter();
    const el = await fixture<TnGroupPicker>(
      html`<tn-group-picker .adapter=${adapter} customer-id=${DEMO_IDS.tungstenBank}></tn-group-picker>`,
    );
    await waitUntil(() => el.shadowRoot!.querySelector('[part~="customer-card"]'), 'no customer', { timeout: 5000 });
    expect(el.mode).to.equal('single');
    el.customerId = DEMO_IDS.tungstenNetworkLimited;
    el.group = true;
    await waitUntil(() => el.selectedIds.includes(DEMO_IDS.tungstenNetworkLimited), 'the new customer’s group never showed', { timeout: 5000 });
    expect(el.mode).to.equal('group');
  });

  it('hide-outcome: the form stays after the answer, the outcome event still fires', async () => {
    const el = await fixture<TnGroupPicker>(
      html`<tn-group-picker .adapter=${createDemoAdapter()} customer-id=${DEMO_IDS.tungstenBank} account-id=${DEMO_ACCOUNT_IDS.adamsOfficeSuppliesIt} hide-outcome></tn-group-picker>`,
    );
    await waitUntil(() => el.shadowRoot!.querySelector('[part~="customer-card"]'), 'no customer', { timeout: 5000 });
    const opened = oneEvent(el, 'tn-support-case-opened');
    el.submit();
    await opened;
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('form[part~="base"]'), 'the form gave way to the outcome').to.not.equal(null);
    expect(el.shadowRoot!.querySelector('#outcome-title')).to.equal(null);
  });
});

describe('<tn-group-picker> fields and --tn-density', () => {
  before(() => setLocale('en'));

  it('the fields take the shared field box, whose height follows --tn-density as the other elements\' fields do', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div style="font-size: 16px">
      <tn-group-picker .adapter=${createDemoAdapter()} customer-id=${DEMO_IDS.tungstenBank}></tn-group-picker>
      <div style="--tn-density: 1.5">
        <tn-group-picker .adapter=${createDemoAdapter()} customer-id=${DEMO_IDS.tungstenBank}></tn-group-picker>
      </div>
    </div>`);
    const pickers = [...wrapper.querySelectorAll<TnGroupPicker>('tn-group-picker')];
    await waitUntil(() => pickers.every((p) => p.shadowRoot!.querySelector('#vendor-code')));
    const [normal, roomy] = pickers.map((p) => p.shadowRoot!.querySelector('#vendor-code')!.getBoundingClientRect().height);
    expect(normal).to.be.closeTo(36, 1); // 2.25em
    expect(roomy).to.be.closeTo(54, 1);
  });
});

describe('<tn-group-picker>: a whole large group selected in a narrow box', () => {
  afterEach(async () => {
    await setLocale('en');
  });

  it('keeps "Show: All | Selected (10 000)" within a card on a 360 px phone (296 px) in French, its two options side by side', async () => {
    await setLocale('fr');
    const wrapper = await fixture<HTMLDivElement>(
      html`<div style="inline-size: 296px; font: 16px sans-serif"><tn-group-picker .adapter=${createDemoAdapter()} group-id=${GLOBEX_GROUP_ID}></tn-group-picker></div>`,
    );
    const el = wrapper.querySelector<TnGroupPicker>('tn-group-picker')!;
    await waitUntil(() => el.shadowRoot!.querySelector('[role="treeitem"]'), 'tree not shown', { timeout: 8000 });
    ($(el, '[part~="select-all"]') as HTMLButtonElement).click();
    await el.updateComplete;
    const selectedOption = $(el, '[part~="show-selected"]');
    expect(selectedOption.textContent!.replace(/[\u00a0\u202f]/g, ' ')).to.contain('(10 000)');
    // The switch within the box, its label above its options when they do not fit beside them.
    const box = el.getBoundingClientRect();
    for (const part of ['show', 'show-all', 'show-selected']) {
      expect($(el, `[part~="${part}"]`).getBoundingClientRect().right, `${part} past the box's edge`).to.be.at.most(box.right + 0.5);
    }
    const allOption = $(el, '[part~="show-all"]');
    expect(allOption.getBoundingClientRect().top, 'the two options on one line').to.be.closeTo(selectedOption.getBoundingClientRect().top, 1);
  });
});
