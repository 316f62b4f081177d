/**
 * What makes a large group open quickly: the group picker's model sorts no country's
 * entities before the first screen (countries collapsed) needs them, and sorts them — all
 * the same order — when a country is expanded, filtered, ticked in bulk or the page is idle;
 * and the picker renders its first screen without laying the page out from script.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../src/components/group-picker/tn-group-picker.js';
import type { TnGroupPicker } from '../src/components/group-picker/group-picker.js';
import { EntitySelection } from '../src/components/group-picker/entity-selection.js';
import type { CountryRow, EntityRow, TreeRow } from '../src/components/group-picker/tree-rows.js';
import type { CustomerConnectAdapter, CustomerGroup, GroupEntity } from '../src/adapter/types.js';
import { spyOnLayoutReads } from './helpers/layout-reads.js';

const NAMES = ['Zeta Works', 'alpha Trading', 'Émile Holdings', 'Beta Supplies', 'Ångström AB', 'delta Ltd'];
const COUNTRIES = ['SE', 'FR', 'GB'];

/** 60 entities over three countries, in no order of name; every seventh already connected. */
function entities(): GroupEntity[] {
  return Array.from({ length: 60 }, (_, i) => ({
    id: `AAA${String(100000000 + i)}`,
    legalName: `${NAMES[i % NAMES.length]} ${i}`,
    country: COUNTRIES[i % COUNTRIES.length],
    taxIds: [`GB${100000000 + i}`],
    connected: i % 7 === 0,
  }));
}

const MANY_COUNTRIES = ['SE', 'FR', 'GB', 'DE', 'NO', 'FI', 'DK', 'IS', 'EE', 'LV', 'LT', 'PL', 'CZ', 'SK', 'AT', 'CH', 'IT', 'ES', 'PT', 'IE', 'NL', 'BE', 'LU'];

/** `count` entities over 23 countries: more country rows than the tree's view holds. */
function manyCountries(count: number): GroupEntity[] {
  return Array.from({ length: count }, (_, i) => ({ ...entities()[i % 60], id: `AAA${String(200000000 + i)}`, country: MANY_COUNTRIES[i % MANY_COUNTRIES.length] }));
}

const names = (rows: TreeRow[]) => rows.filter((r): r is EntityRow => r.kind === 'entity').map((r) => r.entity.legalName);
/** Nothing to sort is left: `prepare` is done without being allowed to sort anything. */
const allSorted = (selection: EntitySelection) => selection.prepare(() => true);


/** An adapter with one account and `group`, which is all the picker asks for here. */
const groupAdapter = (group: CustomerGroup) =>
  ({
    listAccounts: async () => [{ id: 'A', name: 'Account' }],
    getGroup: async () => group,
  }) as Partial<CustomerConnectAdapter> as CustomerConnectAdapter;
describe('group picker: a large group opens without sorting', () => {
  it('builds the collapsed countries, their counts and ticks without sorting any entity', () => {
    const selection = new EntitySelection(entities(), 'en', { collapse: 'all' });
    const countries = [...selection.rows()] as CountryRow[];
    expect(countries.map((r) => r.label)).to.deep.equal(['France', 'Sweden', 'United Kingdom']);
    expect(countries.map((r) => [r.shown, r.selectable, r.selected])).to.deep.equal([
      [20, 17, 0],
      [20, 17, 0],
      [20, 17, 0],
    ]);
    selection.toggle('AAA100000001', true);
    expect(countries.map((r) => r.selected)).to.deep.equal([1, 0, 0]);
    expect(selection.shownCount).to.equal(60);
    expect(allSorted(selection)).to.equal(false);
  });

  it('sorts a country when it is expanded, in the collator’s order, and the same when sorted in advance', () => {
    const lazy = new EntitySelection(entities(), 'en', { collapse: 'all' });
    lazy.setExpanded('FR', true);
    const expanded = names([...lazy.rows()]);
    const collator = new Intl.Collator('en', { sensitivity: 'base' });
    const expected = entities()
      .filter((e) => e.country === 'FR')
      .map((e) => e.legalName)
      .sort(collator.compare);
    expect(expanded).to.deep.equal(expected);
    expect(allSorted(lazy)).to.equal(false);

    const early = new EntitySelection(entities(), 'en', { collapse: 'all' });
    let slices = 0;
    while (!early.prepare(() => slices++ % 2 === 1));
    expect(allSorted(early)).to.equal(true);
    early.setExpanded('FR', true);
    expect(names([...early.rows()])).to.deep.equal(expanded);
  });

  it('ticks the whole group and filters in name order whether sorted in advance or not', () => {
    const run = (prepared: boolean) => {
      const selection = new EntitySelection(entities(), 'en', { collapse: 'all' });
      if (prepared) selection.prepare(() => false);
      selection.selectAll();
      selection.setFilter('alpha');
      return { ticked: [...selection.selected], shown: selection.shownEntities().map((e) => e.id) };
    };
    const lazy = run(false);
    expect(lazy).to.deep.equal(run(true));
    expect(lazy.ticked).to.have.length(60 - 9);
    expect(lazy.shown).to.have.length(10);
  });

  it('renders the opened group without reading the layout, and fills the tree before it paints', async () => {
    const many: CustomerGroup = {
      id: 'G1000',
      name: 'THOUSAND',
      entities: manyCountries(1000),
    };
    let answer!: (group: CustomerGroup) => void;
    const adapter = {
      listAccounts: async () => [{ id: 'A', name: 'Account' }],
      getGroup: () => new Promise<CustomerGroup>((resolve) => (answer = resolve)),
    } as Partial<CustomerConnectAdapter> as CustomerConnectAdapter;
    const el = await fixture<TnGroupPicker>(html`<tn-group-picker .adapter=${adapter} group-id="G1000"></tn-group-picker>`);
    await waitUntil(() => answer, 'the group is asked for');
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    // Out of that frame's rendering: the answer arrives in a task of its own, as from the network.
    await new Promise((resolve) => setTimeout(resolve, 0));
    // Every read of the layout from script, from the answer until the picker has rendered it.
    const spy = spyOnLayoutReads();
    let rendered: boolean;
    try {
      answer(many);
      // Up to the next frame's animation callbacks: after them the browser lays out, then
      // delivers resize observations, where reading the layout costs nothing.
      await new Promise((resolve) => requestAnimationFrame(resolve));
      rendered = !!el.shadowRoot!.querySelector('[role="treeitem"]');
    } finally {
      spy.stop();
    }
    expect(rendered, 'the tree rendered before the frame').to.equal(true);
    expect(spy.reads, 'layout read while rendering the group').to.deep.equal([]);

    // Painted: the rows rendered (measured by then) cover the tree's view.
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    const tree = el.shadowRoot!.querySelector<HTMLElement>('[role="tree"]')!;
    const rows = [...tree.querySelectorAll('[role="treeitem"]')];
    expect(rows.length, 'a window of the 23 countries (collapsed)').to.be.within(9, 22);
    expect(tree.scrollHeight, 'the tree as tall as its 23 rows').to.be.closeTo(23 * rows[0].getBoundingClientRect().height, 2);
    expect(rows.at(-1)!.getBoundingClientRect().bottom, 'rows down to the end of the view').to.be.at.least(tree.getBoundingClientRect().bottom - 2);
  });

  it('selects the whole opened group without adding or removing a row', async () => {
    // The first rows are rendered for a view estimated before the tree is laid out; cutting
    // those beyond the real view at the next update made "select all" lay out the whole tree.
    const group: CustomerGroup = { id: 'G600', name: 'SIX HUNDRED', entities: manyCountries(600) };
    const adapter = groupAdapter(group);
    const el = await fixture<TnGroupPicker>(html`<tn-group-picker .adapter=${adapter} group-id="G600"></tn-group-picker>`);
    await waitUntil(() => el.shadowRoot!.querySelector('[role="treeitem"]'), 'the tree shows');
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    const tree = el.shadowRoot!.querySelector<HTMLElement>('[role="tree"]')!;
    const changes: string[] = [];
    const note = (records: MutationRecord[]) => {
      for (const record of records) changes.push(record.type === 'childList' ? 'rows added or removed' : 'the spacers changed');
    };
    const observer = new MutationObserver(note);
    observer.observe(tree, { childList: true, attributes: true, attributeFilter: ['style'] });
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="select-all"]')!.click();
    await el.updateComplete;
    await new Promise((resolve) => requestAnimationFrame(resolve));
    note(observer.takeRecords());
    observer.disconnect();
    const states = [...tree.querySelectorAll('[role="treeitem"]')].map((row) => row.getAttribute('aria-checked'));
    expect(states.length, 'rows shown').to.be.above(5);
    expect(states.every((state) => state === 'true' || state === 'mixed'), 'every row shown ticked').to.equal(true);
    expect(changes).to.deep.equal([]);
  });

  it('sorts the group while the page is idle once the picker shows it', async () => {
    const group: CustomerGroup = { id: 'G60', name: 'SIXTY', entities: entities() };
    const adapter = groupAdapter(group);
    const el = await fixture<TnGroupPicker>(html`<tn-group-picker .adapter=${adapter} group-id="G60"></tn-group-picker>`);
    await waitUntil(() => el.shadowRoot!.querySelector('[role="treeitem"]'), 'the tree shows');
    const selection = (el as unknown as { tree: { selection?: EntitySelection } }).tree.selection!;
    await waitUntil(() => allSorted(selection), 'every country sorted in idle time', { timeout: 3000 });
  });
});
