import { expect } from '@open-wc/testing';
import { isAdapterError, type TnAdapterError } from '../src/adapter/errors.js';
import { rejection } from './helpers/rejection.js';
import type { ConnectionOutcome, CustomerEntity, SupportCase, VerificationSession } from '../src/adapter/types.js';
import {
  DEMO_ACCOUNT_IDS,
  DEMO_GROUP_IDS,
  DEMO_IDS,
  DEMO_INVOICE_HISTORY,
  DemoAdapter,
  DemoNetwork,
  GLOBEX_GROUP_ID,
  GLOBEX_GROUP_NAME,
  createDemoAdapter,
  generateDirectory,
  type GeneratedDirectory,
} from '../src/adapter/demo/index.js';
import { SEED_CUSTOMERS, SEED_GROUPS } from '../src/adapter/demo/data.js';
import { mulberry32 } from '../src/adapter/demo/seeded-random.js';
import { NameIndex } from '../src/adapter/demo/name-index.js';
import { directorySteps } from '../src/adapter/demo/directory.js';
import { fold as searchFold } from '../src/adapter/text-matching.js';

// ---------------------------------------------------------------------------------------
// Helpers

/** Monday 16 April 2018 15:45 UTC: the tutorial's case is processed by Wednesday 18, 15:45. */
const MONDAY = '2018-04-16T15:45:00.000Z';
const FRIDAY = '2018-04-13T15:45:00.000Z';
const IT = DEMO_ACCOUNT_IDS.adamsOfficeSuppliesIt;
const UK = DEMO_ACCOUNT_IDS.adamsOfficeSuppliesUk;
const GBP = (amount: string) => ({ amount, currency: 'GBP' });
const TUNGSTEN_IDS = [
  DEMO_IDS.tungstenBank,
  DEMO_IDS.tungstenCorporationGuernsey,
  DEMO_IDS.tungstenCorporation,
  DEMO_IDS.tungstenNetworkEood,
  DEMO_IDS.tungstenNetworkFinance,
  DEMO_IDS.tungstenNetworkGmbh,
  DEMO_IDS.tungstenNetworkLimited,
];
/** Fingerprint of the default generated directory, computed in Node: every engine must agree. */
const DEFAULT_DIRECTORY_FINGERPRINT = '322578a0:60000:1449';

/** A settable clock for `now`. */
function clockAt(iso: string) {
  let time = new Date(iso).getTime();
  return {
    now: () => new Date(time),
    advance(minutes: number) {
      time += minutes * 60_000;
    },
  };
}

function network(at = MONDAY): DemoNetwork {
  return new DemoNetwork({ now: clockAt(at).now });
}

/** The `TnAdapterError` a synchronous call throws. */
function thrown(call: () => unknown): TnAdapterError {
  try {
    call();
  } catch (error) {
    expect(isAdapterError(error), String(error)).to.equal(true);
    return error as TnAdapterError;
  }
  throw new Error('Expected a TnAdapterError, but the call succeeded.');
}


let keys = 0;
function key(): string {
  return `test-key-${++keys}`;
}

function connect(net: DemoNetwork, entityIds: string[], extra: { vendorCode?: string; accountId?: string; idempotencyKey?: string } = {}) {
  return net.requestConnection({ accountId: extra.accountId ?? IT, entityIds, vendorCode: extra.vendorCode, idempotencyKey: extra.idempotencyKey ?? key() });
}

function supportCaseOf(outcome: ConnectionOutcome): SupportCase {
  if (outcome.kind !== 'support-case') throw new Error(`Expected a support case, got ${outcome.kind}.`);
  return outcome.supportCase;
}

function verificationOf(outcome: ConnectionOutcome): VerificationSession {
  if (outcome.kind !== 'verification-required') throw new Error(`Expected a verification, got ${outcome.kind}.`);
  return outcome.verification;
}

/** Every result of a search, page by page. */
function searchAll(net: DemoNetwork, text: string, pageSize = 100): { items: CustomerEntity[]; totals: number[]; pages: number } {
  const items: CustomerEntity[] = [];
  const totals: number[] = [];
  let cursor: string | undefined;
  let pages = 0;
  do {
    const page = net.searchDirectory({ text, cursor, pageSize });
    expect(page.items.length).to.be.at.most(pageSize);
    items.push(...page.items);
    totals.push(page.total ?? -1);
    cursor = page.nextCursor;
    pages++;
  } while (cursor !== undefined);
  return { items, totals, pages };
}

/** The test's own fold (NFD, no marks, lower case): independent of the engine's. */
function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

function fingerprint(directory: GeneratedDirectory): string {
  let hash = 0x811c9dc5;
  const add = (text: string) => {
    for (let i = 0; i < text.length; i++) {
      hash ^= text.charCodeAt(i);
      hash = Math.imul(hash, 0x01000193);
    }
  };
  for (const e of directory.entries) {
    add(`${e.id}|${e.legalName}|${e.taxIds.join(',')}|${e.country}|${e.groupId ?? ''}|${e.requiresVendorCode ? 1 : 0}\n`);
  }
  for (const g of directory.groups) add(`${g.id}|${g.name}\n`);
  return `${(hash >>> 0).toString(16)}:${directory.entries.length}:${directory.groups.length}`;
}

interface ReferenceRecord {
  id: string;
  legalName: string;
  taxIds: readonly string[];
  nameKey: string;
  /** `idKey` of each tax ID, computed once: the scan below would otherwise fold them again for every query. */
  taxKeys: string[];
  groupId?: string;
  groupKey?: string;
}

/** Network and tax IDs as the engine compares them: upper case, without spaces, dots or dashes. */
function idKey(text: string): string {
  return text.replace(/[\s.-]/g, '').toUpperCase();
}

/**
 * The documented search, by brute force over the whole directory: exact network-ID / tax-ID
 * matches, then names starting with the text, then names containing it; each in display
 * order (groups by folded name, then the ungrouped; then legal name, then network ID).
 */
function referenceSearch(): { records: ReferenceRecord[]; search(text: string): string[] } {
  const generated = generateDirectory({ reservedIds: SEED_CUSTOMERS.map((customer) => customer.id) });
  const groupNames = new Map([...SEED_GROUPS, ...generated.groups].map((group) => [group.id, group.name]));
  const records = [...SEED_CUSTOMERS, ...generated.entries].map(
    (entry): ReferenceRecord => ({
      id: entry.id,
      legalName: entry.legalName,
      taxIds: entry.taxIds,
      nameKey: searchFold(entry.legalName),
      taxKeys: entry.taxIds.map(idKey),
      groupId: entry.groupId,
      groupKey: entry.groupId === undefined ? undefined : searchFold(groupNames.get(entry.groupId)!),
    }),
  );
  const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  records.sort(
    (a, b) =>
      (a.groupKey === undefined ? 1 : 0) - (b.groupKey === undefined ? 1 : 0) ||
      compare(a.groupKey ?? '', b.groupKey ?? '') ||
      compare(a.groupId ?? '', b.groupId ?? '') ||
      compare(a.nameKey, b.nameKey) ||
      compare(a.id, b.id),
  );
  const search = (text: string) => {
    const key = idKey(text);
    const needle = searchFold(text);
    // One pass sorts each record into its bucket (the scan runs for hundreds of queries
    // over the whole directory in three engines: three passes tripled the suite's longest test).
    const exact: string[] = [];
    const starting: string[] = [];
    const containing: string[] = [];
    for (const record of records) {
      if (record.id === key || record.taxKeys.includes(key)) exact.push(record.id);
      else {
        const at = record.nameKey.indexOf(needle);
        if (at === 0) starting.push(record.id);
        else if (at > 0) containing.push(record.id);
      }
    }
    return [...exact, ...starting, ...containing];
  };
  return { records, search };
}

/** Texts a user might type: parts of names (any case, accents dropped or not), IDs, short and odd texts. */
function randomQueries(records: readonly ReferenceRecord[], random: () => number, count: number): string[] {
  const any = <T,>(list: readonly T[]) => list[Math.floor(random() * list.length)];
  const texts: string[] = [];
  while (texts.length < count) {
    const record = any(records);
    const kind = random();
    let text: string;
    if (kind < 0.55) {
      const from = Math.floor(random() * record.legalName.length);
      text = record.legalName.slice(from, from + 1 + Math.floor(random() * 10));
      if (random() < 0.3) text = text.toUpperCase();
      if (random() < 0.3) text = text.normalize('NFD').replace(/\p{M}/gu, '');
    } else if (kind < 0.65) {
      text = spaced(record.id, random);
    } else if (kind < 0.75) {
      text = record.taxIds.length > 0 ? spaced(any(record.taxIds), random) : record.id.slice(0, 6);
    } else if (kind < 0.9) {
      text = Array.from({ length: 1 + Math.floor(random() * 3) }, () => any([...'abcdeilnorstuéüøß.& -’'])).join('');
    } else {
      text = any(['zzqxv', '你好', 'x', 'gmbh', 'société', 'globex', 'ltd', 'FR12', 'de 2', 'a.', ' ltd ']);
    }
    if (searchFold(text) !== '') texts.push(text);
  }
  return texts;
}

/** An ID as a user may type it: random case, spaces, dots or dashes. */
function spaced(id: string, random: () => number): string {
  return [...id].map((char) => (random() < 0.5 ? char.toLowerCase() : char) + (random() < 0.2 ? ' ' : random() < 0.1 ? '-' : '')).join('');
}

/** A verification of Demonstration Example Buyer, at the evidence step. */
function startVerification(net: DemoNetwork): VerificationSession {
  return verificationOf(connect(net, [DEMO_IDS.demonstrationExampleBuyer]));
}

function challengeInvoice(session: VerificationSession) {
  const invoice = DEMO_INVOICE_HISTORY.find((candidate) => candidate.number === session.challenge?.invoiceNumber);
  if (!invoice) throw new Error('The challenge names no invoice of the history.');
  return invoice;
}

const RIGHT_EVIDENCE = { invoiceNumber: 'TNA9322', invoiceDate: '2015-08-10', amount: GBP('4508') };
const WRONG_EVIDENCE = { invoiceNumber: 'TNA9322', invoiceDate: '2015-08-11', amount: GBP('4508.00') };

// ---------------------------------------------------------------------------------------

describe('DemoNetwork seed data', () => {
  it('holds the seven Tungsten group entities with their IDs, VAT numbers and countries', () => {
    const group = network().getGroup(DEMO_GROUP_IDS.tungsten);
    expect(group.name).to.equal('TUNGSTEN ALL COMPANIES GROUP');
    expect(group.entities.map(({ id, legalName, taxIds, country }) => ({ id, legalName, taxIds, country }))).to.deep.equal([
      { id: 'AAA489745059', legalName: 'Tungsten Bank PLC', taxIds: ['GB177907267'], country: 'GB' },
      { id: 'AAA855955589', legalName: 'Tungsten Corporation Guernsey Ltd', taxIds: [], country: 'GG' },
      { id: 'AAA652334046', legalName: 'Tungsten Corporation PLC', taxIds: ['GB177907267'], country: 'GB' },
      { id: 'AAA443893490', legalName: 'Tungsten Network EOOD', taxIds: [], country: 'BG' },
      { id: 'AAA858442379', legalName: 'Tungsten Network Finance', taxIds: ['GB177907267'], country: 'GB' },
      { id: 'AAA474005402', legalName: 'Tungsten Network GmbH', taxIds: ['DE255790071'], country: 'DE' },
      { id: 'AAA014773592', legalName: 'Tungsten Network Limited', taxIds: ['GB177907267'], country: 'GB' },
    ]);
    expect(group.entities.filter((entity) => entity.requiresVendorCode).map((entity) => entity.id)).to.deep.equal([
      DEMO_IDS.tungstenNetworkGmbh,
    ]);
    expect(group.entities.every((entity) => entity.connected === false)).to.equal(true);
  });

  it('finds exactly the seven group entities and the test buyer for "tungsten", the group first', () => {
    const page = network().searchDirectory({ text: 'tungsten' });
    expect(page.total).to.equal(8);
    expect(page.nextCursor).to.equal(undefined);
    expect(page.items.map((item) => item.id)).to.deep.equal([...TUNGSTEN_IDS, DEMO_IDS.testBuyer]);
    for (const item of page.items.slice(0, 7)) {
      expect(item.group).to.deep.equal({ id: DEMO_GROUP_IDS.tungsten, name: 'TUNGSTEN ALL COMPANIES GROUP', size: 7 });
    }
    expect(page.items[7]).to.deep.equal({ id: 'AAA168149359', legalName: 'Tungsten Network - Demo Account', taxIds: [], country: 'GB' });
  });

  it('has the tutorial’s other customers', () => {
    const net = network();
    expect(net.getCustomer(DEMO_IDS.technicalServicesTestBuyer17)).to.deep.equal({
      id: 'AAA206515132',
      legalName: 'Technical Services Test Buyer 17',
      taxIds: [],
      country: 'MY',
      group: { id: DEMO_GROUP_IDS.technicalServices, name: 'TECHNICAL SERVICES TEST GROUP', size: 1 },
    });
    const demo = net.getCustomer(DEMO_IDS.demonstrationExampleBuyer);
    expect(demo.legalName).to.equal('Demonstration Example Buyer');
    expect(demo.country).to.equal('GB');
    expect(demo.group).to.equal(undefined);
    expect(net.getCustomer(DEMO_IDS.northwindAutoApprove).legalName).to.equal('Northwind Auto-Approve Trading Ltd');
  });

  it('lists both supplier accounts, each already connected to the test buyer', () => {
    const net = network();
    expect(net.listAccounts()).to.deep.equal([
      { id: IT, name: 'Adams Office Supplies (IT) - Test', country: 'IT' },
      { id: UK, name: 'Adams Office Supplies (UK)', country: 'GB' },
    ]);
    for (const accountId of [IT, UK]) {
      const testBuyer = net.listRelationships({ accountId }).filter((relationship) => relationship.isTestBuyer);
      expect(testBuyer).to.have.length(1);
      expect(testBuyer[0].customer.id).to.equal(DEMO_IDS.testBuyer);
      expect(testBuyer[0].status).to.equal('connected');
    }
  });
});

describe('DemoNetwork search', () => {
  it('ignores accents and case, in the text and in the names', () => {
    const net = network();
    for (const text of ['ingenierie electrique', 'INGÉNIERIE ÉLECTRIQUE', 'inge\u0301nierie  e\u0301lectrique']) {
      expect(net.searchDirectory({ text }).items.map((item) => item.id), text).to.include(DEMO_IDS.prosewareIngenierie);
    }
    const plain = searchAll(net, "societe generale d'equipement");
    expect(plain.items.length).to.be.greaterThan(10);
    for (const item of plain.items) expect(fold(item.legalName)).to.include("societe generale d'equipement");
    expect(searchAll(net, "Société Générale d’Équipement").items).to.deep.equal(plain.items);
  });

  it('matches any part of a legal name', () => {
    const net = network();
    expect(net.searchDirectory({ text: 'network finance' }).items.map((item) => item.id)).to.include(DEMO_IDS.tungstenNetworkFinance);
    const middle = net.searchDirectory({ text: 'example buy' });
    expect(middle.items.map((item) => item.legalName)).to.include('Demonstration Example Buyer');
  });

  it('finds an exact network ID or tax ID, ignoring case and spaces, before any name match', () => {
    const net = network();
    const byId = net.searchDirectory({ text: ' aaa 489 745 059 ' });
    expect(byId.total).to.equal(1);
    expect(byId.items[0].legalName).to.equal('Tungsten Bank PLC');
    const byVat = net.searchDirectory({ text: 'gb 177 907 267' });
    expect(byVat.items.map((item) => item.id)).to.deep.equal([
      DEMO_IDS.tungstenBank,
      DEMO_IDS.tungstenCorporation,
      DEMO_IDS.tungstenNetworkFinance,
      DEMO_IDS.tungstenNetworkLimited,
    ]);
    expect(net.searchDirectory({ text: 'DE255790071' }).items[0].id).to.equal(DEMO_IDS.tungstenNetworkGmbh);
    expect(net.searchDirectory({ text: 'AAA48974505' }).total).to.equal(0);
  });

  it('orders names starting with the text before names containing it, keeping groups together', () => {
    const { items } = searchAll(network(), 'transport');
    const starts = items.map((item) => fold(item.legalName).startsWith('transport'));
    const firstContaining = starts.indexOf(false);
    expect(firstContaining).to.be.greaterThan(0);
    expect(starts.slice(firstContaining).includes(true)).to.equal(false);
    for (const tier of [items.slice(0, firstContaining), items.slice(firstContaining)]) {
      const seen = new Set<string>();
      let current: string | undefined;
      let ungroupedStarted = false;
      for (const item of tier) {
        if (!item.group) ungroupedStarted = true;
        else expect(ungroupedStarted, 'grouped entities come before the ungrouped').to.equal(false);
        const groupId = item.group?.id;
        if (groupId !== current) {
          expect(seen.has(groupId ?? ''), `group ${groupId} split`).to.equal(false);
          seen.add(groupId ?? '');
          current = groupId;
        }
      }
    }
  });

  it('rejects an empty or blank text with a field error', () => {
    for (const text of ['', '   ', '\t\n']) {
      const error = thrown(() => network().searchDirectory({ text }));
      expect(error.code).to.equal('invalid');
      expect(error.fieldErrors).to.deep.equal([{ field: 'text', code: 'required' }]);
    }
  });

  it('pages with an opaque cursor: no duplicates, nothing missing, a consistent total', () => {
    const net = network();
    const first = net.searchDirectory({ text: 'gmbh' });
    expect(first.items).to.have.length(20);
    const all = searchAll(net, 'gmbh', 50);
    expect(all.pages).to.be.greaterThan(10);
    expect(new Set(all.totals)).to.deep.equal(new Set([first.total]));
    expect(all.items).to.have.length(first.total ?? 0);
    expect(new Set(all.items.map((item) => item.id)).size).to.equal(all.items.length);
    expect(all.items.slice(0, 20)).to.deep.equal(first.items);
    expect(thrown(() => net.searchDirectory({ text: 'gmbh', cursor: 'not-a-cursor' })).code).to.equal('invalid');
  });
});

describe('DemoNetwork search index', () => {
  it('gives exactly what a scan of the whole directory gives, on hundreds of random queries', function () {
    this.timeout(120_000);
    const net = network();
    const reference = referenceSearch();
    const random = mulberry32(12);
    for (const text of randomQueries(reference.records, random, 250)) {
      const expected = reference.search(text);
      const first = net.searchDirectory({ text, pageSize: 100 });
      expect(first.total, text).to.equal(expected.length);
      expect(first.items.map((item) => item.id), text).to.deep.equal(expected.slice(0, 100));
      expect(first.nextCursor !== undefined, text).to.equal(expected.length > 100);
      if (expected.length > 100) {
        const offset = Math.floor(random() * expected.length);
        const page = net.searchDirectory({ text, pageSize: 7, cursor: String(offset) });
        expect(page.items.map((item) => item.id), `${text} @${offset}`).to.deep.equal(expected.slice(offset, offset + 7));
        expect(page.total).to.equal(expected.length);
      }
    }
  });

  it('holds a digit in every tax ID, as the search assumes (a text without one never looks tax IDs up)', () => {
    const { records } = referenceSearch();
    const withoutDigit = records.flatMap((record) => record.taxKeys.filter((key) => !/\d/.test(key)));
    expect(withoutDigit).to.deep.equal([]);
    expect(records.some((record) => record.taxKeys.length > 0)).to.equal(true);
  });

  it('pages through a large result in the same order and total whatever the page size', () => {
    const net = network();
    const reference = referenceSearch();
    for (const text of ['e', 'gm', 'Société', 'globex']) {
      const expected = reference.search(text);
      const small = searchAll(net, text, 97);
      expect(small.items.map((item) => item.id), text).to.deep.equal(expected);
      expect(new Set(small.totals), text).to.deep.equal(new Set([expected.length]));
      const beyond = net.searchDirectory({ text, cursor: String(expected.length + 5) });
      expect(beyond.items).to.deep.equal([]);
      expect(beyond.total).to.equal(expected.length);
      expect(beyond.nextCursor).to.equal(undefined);
    }
  });

  it('folds accents, case, special letters, quotes and spaces in the text like in the names', () => {
    const net = network();
    const ids = (text: string) => searchAll(net, text).items.map((item) => item.id);
    const groups: string[][] = [
      ['société', 'SOCIETE', 'Socie\u0301te\u0301', '  société  '],
      ['müller', 'MULLER', 'Mu\u0308ller'],
      ['straße', 'STRASSE', 'strasse'],
      ['sp. z o.o.', 'SP. Z   O.O.', 'sp.\tz o.o.'],
      ['d’equipement', "d'équipement", 'D\u02bcEQUIPEMENT'],
    ];
    for (const [text, ...same] of groups) {
      const expected = ids(text);
      for (const other of same) expect(ids(other), `${other} = ${text}`).to.deep.equal(expected);
    }
    expect(ids('société').length).to.be.greaterThan(100);
    expect(ids('straße').length).to.be.greaterThan(0);
  });

  it('finds exact network and tax IDs in any case and spacing, once, before names', () => {
    const net = network();
    const { records } = referenceSearch();
    const random = mulberry32(3);
    for (let i = 0; i < 30; i++) {
      const record = records[Math.floor(random() * records.length)];
      const byId = net.searchDirectory({ text: spaced(record.id.toLowerCase(), random) });
      expect(byId.items[0].id).to.equal(record.id);
      expect(byId.items.filter((item) => item.id === record.id)).to.have.length(1);
      const taxId = record.taxIds[0];
      if (taxId === undefined) continue;
      const byTax = net.searchDirectory({ text: spaced(taxId, random), pageSize: 100 });
      expect(byTax.items.map((item) => item.id)).to.include(record.id);
    }
    expect(net.searchDirectory({ text: 'FR123' }).total).to.equal(0);
  });

  it('answers texts that no name holds, or longer than any name', () => {
    const net = network();
    for (const text of ['zzqxv', '你好', '\u{1F600}', 'x'.repeat(200)]) expect(net.searchDirectory({ text }).total, text).to.equal(0);
  });

  it('indexes names with more distinct characters than it has letters for', () => {
    // 63 letters of its own, the rest shared: shared grams must still give exact answers.
    const alphabet = [...'abcdefghijklmnopqrstuvwxyz0123456789 .&-αβγδεζηθικλμνξοπρστυφχψωжзийклмн中文字', '\u{1F600}'];
    const random = mulberry32(99);
    const pick = () => alphabet[Math.floor(random() ** 2 * alphabet.length)];
    const names = Array.from({ length: 3000 }, () => Array.from({ length: Math.floor(random() * 12) }, pick).join(''));
    const index = NameIndex.build(names);
    for (let i = 0; i < 2000; i++) {
      const name = names[Math.floor(random() * names.length)];
      const from = Math.floor(random() * name.length);
      const text = random() < 0.7 ? name.slice(from, from + 1 + Math.floor(random() * 5)) : Array.from({ length: 1 + Math.floor(random() * 4) }, pick).join('');
      if (text === '') continue;
      const starting = names.flatMap((candidate, position) => (candidate.indexOf(text) === 0 ? [position] : []));
      const containing = names.flatMap((candidate, position) => (candidate.indexOf(text) > 0 ? [position] : []));
      expect(Array.from(index.find(text)), JSON.stringify(text)).to.deep.equal([...starting, ...containing]);
    }
  });
});

describe('DemoNetwork generated directory', () => {
  it('holds at least 50,000 entities across at least 30 countries, with unique IDs that never collide with the seed', () => {
    const stats = network().directoryStats();
    expect(stats.entities).to.be.at.least(50_000);
    expect(stats.countries).to.be.at.least(30);
    const directory = generateDirectory({ reservedIds: Object.values(DEMO_IDS) });
    const ids = directory.entries.map((entry) => entry.id);
    expect(new Set(ids).size).to.equal(ids.length);
    expect(ids.every((id) => /^AAA\d{9}$/.test(id))).to.equal(true);
    const seedIds = new Set<string>(Object.values(DEMO_IDS));
    expect(ids.some((id) => seedIds.has(id))).to.equal(false);
    expect(directory.entries.some((entry) => /tungsten|demonstration/i.test(entry.legalName))).to.equal(false);
    expect(new Set(directory.entries.map((entry) => entry.country)).size).to.be.at.least(30);
  });

  it('has one group of exactly 10,000 entities across many countries', () => {
    const net = network();
    const group = net.getGroup(GLOBEX_GROUP_ID, { accountId: IT });
    expect(group.name).to.equal(GLOBEX_GROUP_NAME);
    expect(group.entities).to.have.length(10_000);
    expect(new Set(group.entities.map((entity) => entity.country)).size).to.be.at.least(30);
    expect(group.entities.every((entity) => entity.group?.id === GLOBEX_GROUP_ID && entity.group.size === 10_000)).to.equal(true);
    expect(net.directoryStats().largestGroup).to.deep.equal({ id: GLOBEX_GROUP_ID, name: GLOBEX_GROUP_NAME, size: 10_000 });
  });

  it('puts many entities in small groups of 2 to 20', () => {
    const sizes = new Map<string, number>();
    for (const entry of generateDirectory().entries) {
      if (entry.groupId && entry.groupId !== GLOBEX_GROUP_ID) sizes.set(entry.groupId, (sizes.get(entry.groupId) ?? 0) + 1);
    }
    expect(sizes.size).to.be.at.least(500);
    expect(Math.min(...sizes.values())).to.be.at.least(2);
    expect(Math.max(...sizes.values())).to.be.at.most(20);
  });

  it('is deterministic: the same seed gives the same directory, in every engine and in Node', () => {
    expect(fingerprint(generateDirectory())).to.equal(DEFAULT_DIRECTORY_FINGERPRINT);
    expect(fingerprint(generateDirectory())).to.equal(DEFAULT_DIRECTORY_FINGERPRINT);
    expect(fingerprint(generateDirectory({ seed: 7 }))).not.to.equal(DEFAULT_DIRECTORY_FINGERPRINT);
    const [a, b] = [network(), network()];
    expect(searchAll(a, 'logistics').items).to.deep.equal(searchAll(b, 'logistics').items);
    expect(a.getGroup(GLOBEX_GROUP_ID)).to.deep.equal(b.getGroup(GLOBEX_GROUP_ID));
  });

  it('can be made a few thousand entities at a time (for idle time): the same directory as at once', () => {
    const steps = directorySteps();
    let pauses = 0;
    let step = steps.next();
    for (; !step.done; step = steps.next()) pauses++;
    // 60,000 entities, 2,000 a step.
    expect(pauses).to.be.within(25, 35);
    expect(fingerprint(step.value)).to.equal(DEFAULT_DIRECTORY_FINGERPRINT);
  });
});

describe('DemoNetwork errors', () => {
  it('answers not-found for unknown customers, groups, verifications and cases', () => {
    const net = network();
    expect(thrown(() => net.getCustomer('AAA000000000')).code).to.equal('not-found');
    expect(thrown(() => net.getGroup('GRP-NOPE')).code).to.equal('not-found');
    expect(thrown(() => net.getVerification('VER-9999')).code).to.equal('not-found');
    expect(thrown(() => net.submitVerificationEvidence('VER-9999', RIGHT_EVIDENCE)).code).to.equal('not-found');
    expect(thrown(() => net.answerChallenge('VER-9999', { invoiceDate: '2015-08-10', amount: GBP('1') })).code).to.equal('not-found');
    expect(thrown(() => net.connectWithoutVerification('VER-9999', { idempotencyKey: key() })).code).to.equal('not-found');
    expect(thrown(() => net.getSupportCase('1')).code).to.equal('not-found');
  });

  it('rejects an unknown account, no entities and unknown entities with field errors', () => {
    const net = network();
    const error = thrown(() => net.requestConnection({ accountId: 'ACC-NOPE', entityIds: [], idempotencyKey: key() }));
    expect(error.code).to.equal('invalid');
    expect(error.fieldErrors.map(({ field, code }) => ({ field, code }))).to.deep.equal([
      { field: 'accountId', code: 'unknown' },
      { field: 'entityIds', code: 'required' },
    ]);
    const unknown = thrown(() => connect(net, ['AAA000000000']));
    expect(unknown.fieldErrors.map((fieldError) => fieldError.field + ':' + fieldError.code)).to.deep.equal(['entityIds:unknown']);
    expect(thrown(() => connect(net, [DEMO_IDS.tungstenBank], { idempotencyKey: ' ' })).fieldErrors[0].field).to.equal('idempotencyKey');
  });
});

describe('DemoNetwork connection requests', () => {
  it('requires a vendor code when a chosen entity asks for one', () => {
    const net = network();
    const error = thrown(() => connect(net, [DEMO_IDS.tungstenBank, DEMO_IDS.tungstenNetworkGmbh], { vendorCode: '  ' }));
    expect(error.code).to.equal('invalid');
    expect(error.fieldErrors).to.deep.equal([{ field: 'vendorCode', code: 'required' }]);
    expect(connect(net, [DEMO_IDS.tungstenBank, DEMO_IDS.tungstenNetworkGmbh], { vendorCode: 'V-1042' }).kind).to.equal('support-case');
  });

  it('limits the vendor code to 50 and the notes to 1000 characters', () => {
    const error = thrown(() =>
      network().requestConnection({
        accountId: IT,
        entityIds: [DEMO_IDS.tungstenBank],
        vendorCode: 'x'.repeat(51),
        notes: 'y'.repeat(1001),
        idempotencyKey: key(),
      }),
    );
    expect(error.fieldErrors.map(({ field, code }) => ({ field, code }))).to.deep.equal([
      { field: 'vendorCode', code: 'too-long' },
      { field: 'notes', code: 'too-long' },
    ]);
  });

  it('opens support cases 2881017, 2881018… to be processed two business days later', () => {
    const net = network(MONDAY);
    const first = supportCaseOf(connect(net, [DEMO_IDS.technicalServicesTestBuyer17]));
    expect(first).to.deep.equal({
      reference: '2881017',
      status: 'open',
      openedAt: MONDAY,
      processBy: '2018-04-18T15:45:00.000Z',
      accountId: IT,
      customers: [{ id: DEMO_IDS.technicalServicesTestBuyer17, legalName: 'Technical Services Test Buyer 17' }],
    });
    const second = supportCaseOf(connect(net, [DEMO_IDS.tungstenBank]));
    expect(second.reference).to.equal('2881018');
    expect(net.getSupportCase('2881017')).to.deep.equal(first);
    const relationship = net.listRelationships({ accountId: IT }).find((r) => r.customer.id === DEMO_IDS.tungstenBank);
    expect(relationship?.status).to.equal('support-case-open');
    expect(relationship?.supportCaseReference).to.equal('2881018');
  });

  it('skips the weekend when a case opens on a Friday', () => {
    const supportCase = supportCaseOf(connect(network(FRIDAY), [DEMO_IDS.tungstenBank]));
    expect(supportCase.openedAt).to.equal(FRIDAY);
    expect(supportCase.processBy).to.equal('2018-04-17T15:45:00.000Z');
    const saturday = supportCaseOf(connect(network('2018-04-14T09:00:00.000Z'), [DEMO_IDS.tungstenBank]));
    expect(saturday.processBy).to.equal('2018-04-17T09:00:00.000Z');
  });

  it('answers a reused idempotency key with the same outcome and creates nothing new', () => {
    const net = network();
    const request = { accountId: IT, entityIds: TUNGSTEN_IDS, vendorCode: 'V-7', notes: 'Hello', idempotencyKey: key() };
    const first = net.requestConnection(request);
    const again = net.requestConnection({ ...request, entityIds: [...TUNGSTEN_IDS].reverse() });
    expect(again).to.deep.equal(first);
    expect(supportCaseOf(first).customers).to.have.length(7);
    expect(net.getAttentionSummary().supportTickets.count).to.equal(3);
    expect(supportCaseOf(connect(net, [DEMO_IDS.technicalServicesTestBuyer17])).reference).to.equal('2881018');
    const misuse = thrown(() => net.requestConnection({ ...request, notes: 'Something else' }));
    expect(misuse.code).to.equal('conflict');
  });

  it('skips entities already connected or pending instead of failing', () => {
    const net = network();
    expect(connect(net, [DEMO_IDS.northwindAutoApprove]).kind).to.equal('connected');
    const outcome = connect(net, [DEMO_IDS.northwindAutoApprove, DEMO_IDS.tungstenBank]);
    expect(outcome.skipped).to.deep.equal([
      { entityId: DEMO_IDS.northwindAutoApprove, legalName: 'Northwind Auto-Approve Trading Ltd', reason: 'already-connected' },
    ]);
    expect(supportCaseOf(outcome).customers.map((customer) => customer.id)).to.deep.equal([DEMO_IDS.tungstenBank]);
    const allSkipped = connect(net, [DEMO_IDS.tungstenBank, DEMO_IDS.testBuyer]);
    expect(allSkipped).to.deep.equal({
      kind: 'connected',
      relationships: [],
      skipped: [
        { entityId: DEMO_IDS.tungstenBank, legalName: 'Tungsten Bank PLC', reason: 'already-pending' },
        { entityId: DEMO_IDS.testBuyer, legalName: 'Tungsten Network - Demo Account', reason: 'already-connected' },
      ],
    });
    expect(connect(net, [DEMO_IDS.tungstenBank], { accountId: UK }).kind, 'another account is not skipped').to.equal('support-case');
  });

  it('connects at once to a customer that auto-approves', () => {
    const net = network();
    const outcome = connect(net, [DEMO_IDS.northwindAutoApprove]);
    if (outcome.kind !== 'connected') throw new Error(outcome.kind);
    expect(outcome.skipped).to.deep.equal([]);
    expect(outcome.relationships).to.have.length(1);
    expect(outcome.relationships[0]).to.include({ accountId: IT, status: 'connected', since: MONDAY });
    const listed = net.listRelationships({ accountId: IT }).find((r) => r.customer.id === DEMO_IDS.northwindAutoApprove);
    expect(listed).to.deep.equal(outcome.relationships[0]);
    expect(net.listRelationships({ accountId: UK }).some((r) => r.customer.id === DEMO_IDS.northwindAutoApprove)).to.equal(false);
  });
});

describe('DemoNetwork verification', () => {
  it('asks for verification when the customer has invoice history', () => {
    const net = network();
    const session = startVerification(net);
    expect(session).to.deep.include({
      customer: { id: DEMO_IDS.demonstrationExampleBuyer, legalName: 'Demonstration Example Buyer' },
      accountId: IT,
      step: 'evidence',
      attemptsRemaining: 3,
      maxAttempts: 3,
      currency: 'GBP',
    });
    expect(net.getVerification(session.id)).to.deep.equal(session);
    const relationship = net.listRelationships({ accountId: IT }).find((r) => r.customer.id === DEMO_IDS.demonstrationExampleBuyer);
    expect(relationship).to.include({ status: 'verification-pending', verificationId: session.id });
    expect(verificationOf(connect(net, [DEMO_IDS.demonstrationExampleBuyer])).id, 'a new request resumes it').to.equal(session.id);
  });

  it('accepts the right evidence ("4508" equals "4508.00") and challenges with another invoice', () => {
    for (const evidence of [RIGHT_EVIDENCE, { invoiceNumber: ' tna9322 ', invoiceDate: '2015-08-10', amount: GBP('4508.00') }]) {
      const net = network();
      const session = startVerification(net);
      const result = net.submitVerificationEvidence(session.id, evidence);
      expect(result.accepted).to.equal(true);
      expect(result.session.step).to.equal('challenge');
      expect(result.session.attemptsRemaining).to.equal(3);
      const asked = result.session.challenge?.invoiceNumber;
      expect(asked).to.be.a('string');
      expect(asked).not.to.equal('TNA9322');
      expect(DEMO_INVOICE_HISTORY.map((invoice) => invoice.number)).to.include(asked);
      expect(net.getVerification(session.id).challenge?.invoiceNumber).to.equal(asked);
    }
  });

  it('spends an attempt on wrong evidence and locks after the third', () => {
    const net = network();
    const session = startVerification(net);
    const first = net.submitVerificationEvidence(session.id, WRONG_EVIDENCE);
    expect(first.accepted).to.equal(false);
    expect(first.session).to.include({ step: 'evidence', attemptsRemaining: 2 });
    expect(net.submitVerificationEvidence(session.id, { ...RIGHT_EVIDENCE, amount: GBP('4508.01') }).session.attemptsRemaining).to.equal(1);
    const last = net.submitVerificationEvidence(session.id, { ...RIGHT_EVIDENCE, invoiceNumber: 'TNA0000' });
    expect(last.accepted).to.equal(false);
    expect(last.session).to.include({ step: 'locked', attemptsRemaining: 0 });
    expect(thrown(() => net.submitVerificationEvidence(session.id, RIGHT_EVIDENCE)).code).to.equal('conflict');
  });

  it('rejects malformed evidence as invalid without spending an attempt', () => {
    const net = network();
    const session = startVerification(net);
    const error = thrown(() => net.submitVerificationEvidence(session.id, { invoiceNumber: '', invoiceDate: '10/08/2015', amount: GBP('4 508,00') }));
    expect(error.code).to.equal('invalid');
    expect(error.fieldErrors.map((fieldError) => fieldError.field)).to.deep.equal(['invoiceNumber', 'invoiceDate', 'amount']);
    const currency = thrown(() => net.submitVerificationEvidence(session.id, { ...RIGHT_EVIDENCE, amount: { amount: '4508', currency: 'EUR' } }));
    expect(currency.fieldErrors[0]).to.include({ field: 'amount', code: 'currency-mismatch' });
    expect(net.getVerification(session.id).attemptsRemaining).to.equal(3);
  });

  it('verifies on the right challenge answer and connects the customer', () => {
    const net = network();
    const session = startVerification(net);
    const challenge = net.submitVerificationEvidence(session.id, RIGHT_EVIDENCE).session;
    expect(thrown(() => net.submitVerificationEvidence(session.id, RIGHT_EVIDENCE)).code, 'evidence twice').to.equal('conflict');
    const invoice = challengeInvoice(challenge);
    const result = net.answerChallenge(session.id, { invoiceDate: invoice.date, amount: { ...invoice.amount } });
    expect(result.accepted).to.equal(true);
    expect(result.session.step).to.equal('verified');
    expect(result.session.challenge).to.equal(undefined);
    expect(result.relationships).to.have.length(1);
    expect(result.relationships?.[0]).to.include({ status: 'connected', verificationId: session.id });
    const listed = net.listRelationships({ accountId: IT }).find((r) => r.customer.id === DEMO_IDS.demonstrationExampleBuyer);
    expect(listed).to.deep.equal(result.relationships?.[0]);
    expect(connect(net, [DEMO_IDS.demonstrationExampleBuyer]).skipped[0].reason).to.equal('already-connected');
    expect(thrown(() => net.answerChallenge(session.id, { invoiceDate: invoice.date, amount: invoice.amount })).code).to.equal('conflict');
  });

  it('spends an attempt on a wrong challenge answer and keeps the same challenge', () => {
    const net = network();
    const session = startVerification(net);
    expect(thrown(() => net.answerChallenge(session.id, { invoiceDate: '2015-08-10', amount: GBP('1') })).code, 'too early').to.equal(
      'conflict',
    );
    const challenge = net.submitVerificationEvidence(session.id, RIGHT_EVIDENCE).session;
    const invoice = challengeInvoice(challenge);
    const wrong = net.answerChallenge(session.id, { invoiceDate: invoice.date, amount: GBP('0.01') });
    expect(wrong.accepted).to.equal(false);
    expect(wrong.session).to.include({ step: 'challenge', attemptsRemaining: 2 });
    expect(wrong.session.challenge?.invoiceNumber).to.equal(invoice.number);
    net.answerChallenge(session.id, { invoiceDate: '2000-01-01', amount: invoice.amount });
    const locked = net.answerChallenge(session.id, { invoiceDate: '2000-01-02', amount: invoice.amount });
    expect(locked.session).to.include({ step: 'locked', attemptsRemaining: 0 });
  });

  it('keeps a locked verification locked when asked again, alone or with other entities', () => {
    const net = network();
    const session = startVerification(net);
    for (let i = 0; i < 3; i++) net.submitVerificationEvidence(session.id, WRONG_EVIDENCE);
    const again = verificationOf(connect(net, [DEMO_IDS.demonstrationExampleBuyer]));
    expect(again).to.include({ id: session.id, step: 'locked', attemptsRemaining: 0 });
    const widened = supportCaseOf(connect(net, [DEMO_IDS.demonstrationExampleBuyer, DEMO_IDS.tungstenBank]));
    expect(widened.customers.map((customer) => customer.id)).to.deep.equal([DEMO_IDS.demonstrationExampleBuyer, DEMO_IDS.tungstenBank]);
  });

  it('falls back to a support case from the evidence step, once', () => {
    const net = network();
    const session = startVerification(net);
    const fallbackKey = key();
    const supportCase = net.connectWithoutVerification(session.id, { idempotencyKey: fallbackKey });
    expect(supportCase).to.deep.include({
      reference: '2881017',
      status: 'open',
      accountId: IT,
      customers: [{ id: DEMO_IDS.demonstrationExampleBuyer, legalName: 'Demonstration Example Buyer' }],
    });
    expect(net.connectWithoutVerification(session.id, { idempotencyKey: fallbackKey })).to.deep.equal(supportCase);
    expect(net.connectWithoutVerification(session.id, { idempotencyKey: key() }).reference, 'another key').to.equal('2881017');
    expect(net.getAttentionSummary().supportTickets.count).to.equal(3);
    const relationship = net.listRelationships({ accountId: IT }).find((r) => r.customer.id === DEMO_IDS.demonstrationExampleBuyer);
    expect(relationship).to.include({ status: 'support-case-open', supportCaseReference: '2881017' });
    expect(thrown(() => net.submitVerificationEvidence(session.id, RIGHT_EVIDENCE)).code).to.equal('conflict');
    expect(net.getVerification(session.id).supportCaseReference).to.equal('2881017');
  });

  it('falls back to a support case from a locked verification, but not from a verified one', () => {
    const net = network();
    const session = startVerification(net);
    for (let i = 0; i < 3; i++) net.submitVerificationEvidence(session.id, WRONG_EVIDENCE);
    expect(net.getVerification(session.id).step).to.equal('locked');
    expect(net.connectWithoutVerification(session.id, { idempotencyKey: key() }).reference).to.equal('2881017');

    const other = network();
    const verified = startVerification(other);
    const invoice = challengeInvoice(other.submitVerificationEvidence(verified.id, RIGHT_EVIDENCE).session);
    other.answerChallenge(verified.id, { invoiceDate: invoice.date, amount: invoice.amount });
    expect(thrown(() => other.connectWithoutVerification(verified.id, { idempotencyKey: key() })).code).to.equal('conflict');
  });
});

describe('DemoNetwork attention summary', () => {
  it('starts with the tutorial’s failed invoice, two open tickets and the saved invoice', () => {
    const summary = network().getAttentionSummary();
    expect(summary.generatedAt).to.equal(MONDAY);
    expect(summary.failedInvoices.count).to.equal(1);
    expect(summary.failedInvoices.items[0]).to.include({
      number: 'ShuchitestPayment1',
      supplierName: 'Adams Office Supplies (IT) - Test',
      buyerName: 'Tungsten Network - Demo Account',
    });
    expect(summary.supportTickets.count).to.equal(2);
    expect(summary.supportTickets.items.map((item) => item.reference)).to.deep.equal(['2880342', '2879455']);
    expect(summary.supportTickets.items.every((item) => Number(item.reference) < 2881017 && item.status === 'open')).to.equal(true);
    expect(summary.supportTickets.latestAt).to.equal(summary.supportTickets.items[0].openedAt);
    expect(summary.savedInvoices).to.deep.equal({
      count: 1,
      items: [{ id: 'INV-SAVED-1', number: '121121', buyerId: 'AAA168149359', buyerName: 'Tungsten Network - Demo Account', amount: GBP('0.00'), savedAt: summary.savedInvoices.items[0].savedAt }],
    });
  });

  it('counts a new ticket when a case opens, newest first', () => {
    const clock = clockAt(MONDAY);
    const net = new DemoNetwork({ now: clock.now });
    expect(net.getAttentionSummary().supportTickets.count).to.equal(2);
    clock.advance(5);
    const supportCase = supportCaseOf(connect(net, [DEMO_IDS.technicalServicesTestBuyer17]));
    const summary = net.getAttentionSummary();
    expect(summary.generatedAt).to.equal('2018-04-16T15:50:00.000Z');
    expect(summary.supportTickets.count).to.equal(3);
    expect(summary.supportTickets.items[0]).to.deep.equal(supportCase);
    expect(summary.supportTickets.latestAt).to.equal(supportCase.openedAt);
  });

  it('drops a ticket and connects its customers once the case resolves', () => {
    const net = network();
    const supportCase = supportCaseOf(connect(net, [DEMO_IDS.tungstenBank]));
    expect(net.resolveSupportCase(supportCase.reference).status).to.equal('resolved');
    expect(net.getAttentionSummary().supportTickets.count).to.equal(2);
    expect(net.listRelationships({ accountId: IT }).find((r) => r.customer.id === DEMO_IDS.tungstenBank)?.status).to.equal('connected');
    expect(net.getGroup(DEMO_GROUP_IDS.tungsten, { accountId: IT }).entities[0].connected).to.equal(true);
    expect(net.getGroup(DEMO_GROUP_IDS.tungsten, { accountId: UK }).entities[0].connected).to.equal(false);
    expect(net.getGroup(DEMO_GROUP_IDS.tungsten).entities[0].connected, 'any account').to.equal(true);
    expect(thrown(() => net.getGroup(DEMO_GROUP_IDS.tungsten, { accountId: 'ACC-NOPE' })).code).to.equal('invalid');
  });
});

describe('DemoNetwork copies', () => {
  it('returns fresh copies: mutating a result never changes the next one', () => {
    const net = network();
    const customer = net.getCustomer(DEMO_IDS.tungstenBank);
    customer.taxIds.push('XX');
    if (customer.group) customer.group.name = 'hacked';
    expect(net.getCustomer(DEMO_IDS.tungstenBank).taxIds).to.deep.equal(['GB177907267']);
    expect(net.getCustomer(DEMO_IDS.tungstenBank).group?.name).to.equal('TUNGSTEN ALL COMPANIES GROUP');

    net.searchDirectory({ text: 'tungsten' }).items[0].legalName = 'hacked';
    expect(net.searchDirectory({ text: 'tungsten' }).items[0].legalName).to.equal('Tungsten Bank PLC');
    net.getGroup(DEMO_GROUP_IDS.tungsten).entities[0].taxIds.length = 0;
    expect(net.getGroup(DEMO_GROUP_IDS.tungsten).entities[0].taxIds).to.deep.equal(['GB177907267']);
    net.listAccounts()[0].name = 'hacked';
    expect(net.listAccounts()[0].name).to.equal('Adams Office Supplies (IT) - Test');
    net.listRelationships()[0].status = 'rejected';
    expect(net.listRelationships()[0].status).not.to.equal('rejected');
    net.getAttentionSummary().supportTickets.items[0].status = 'closed';
    expect(net.getAttentionSummary().supportTickets.count).to.equal(2);

    const request = { accountId: IT, entityIds: [DEMO_IDS.tungstenBank], idempotencyKey: key() };
    const outcome = net.requestConnection(request);
    supportCaseOf(outcome).reference = 'hacked';
    expect(supportCaseOf(net.requestConnection(request)).reference).to.equal('2881017');
    const session = startVerification(net);
    session.step = 'verified';
    expect(net.getVerification(session.id).step).to.equal('evidence');
  });
});

describe('DemoAdapter', () => {
  it('answers through its network, which it exposes and can share', async () => {
    const adapter = createDemoAdapter({ now: clockAt(MONDAY).now });
    expect(adapter).to.be.instanceOf(DemoAdapter);
    expect(adapter.network).to.be.instanceOf(DemoNetwork);
    expect((await adapter.searchDirectory({ text: 'tungsten' })).total).to.equal(8);
    const outcome = await adapter.requestConnection({ accountId: IT, entityIds: [DEMO_IDS.tungstenBank], idempotencyKey: key() });
    expect(supportCaseOf(outcome).openedAt).to.equal(MONDAY);
    const sharing = new DemoAdapter({ network: adapter.network });
    expect((await sharing.getAttentionSummary()).supportTickets.count).to.equal(3);
    expect(await sharing.getSupportCase('2881017')).to.deep.equal(supportCaseOf(outcome));
  });

  it('rejects with the network’s TnAdapterError', async () => {
    const adapter = new DemoAdapter();
    expect((await rejection(adapter.getCustomer('AAA000000000'))).code).to.equal('not-found');
    const invalid = await rejection(adapter.searchDirectory({ text: ' ' }));
    expect(invalid.fieldErrors).to.deep.equal([{ field: 'text', code: 'required' }]);
  });

  it('aborts promptly during a long simulated latency', async () => {
    const adapter = new DemoAdapter({ latency: { min: 10_000, max: 10_000 } });
    const controller = new AbortController();
    const started = performance.now();
    const pending = adapter.searchDirectory({ text: 'tungsten' }, { signal: controller.signal });
    controller.abort();
    const error = await rejection(pending);
    expect(error.code).to.equal('aborted');
    expect(error.retryable).to.equal(false);
    expect(performance.now() - started).to.be.below(1000);
  });

  it('rejects at once when the signal is already aborted', async () => {
    const adapter = new DemoAdapter();
    adapter.injectFault({ code: 'unavailable' });
    const controller = new AbortController();
    controller.abort();
    expect((await rejection(adapter.listAccounts({ signal: controller.signal }))).code).to.equal('aborted');
    expect((await rejection(adapter.getAttentionSummary())).code, 'the fault is still pending').to.equal('unavailable');
  });

  it('fails the next matching call with an injected fault, then works again', async () => {
    const adapter = new DemoAdapter();
    adapter.injectFault({ method: 'requestConnection', code: 'invalid', fieldErrors: [{ field: 'notes', code: 'too-long' }] });
    expect((await adapter.listAccounts()).length, 'other methods are not affected').to.equal(2);
    const request = { accountId: IT, entityIds: [DEMO_IDS.northwindAutoApprove], idempotencyKey: key() };
    const error = await rejection(adapter.requestConnection(request));
    expect(error.code).to.equal('invalid');
    expect(error.fieldErrors).to.deep.equal([{ field: 'notes', code: 'too-long' }]);
    expect((await adapter.requestConnection(request)).kind).to.equal('connected');
  });

  it('fires a fault as many times as asked, on any method with "*", until cleared', async () => {
    const adapter = new DemoAdapter();
    adapter.injectFault({ method: '*', code: 'rate-limited', times: 2, retryAfterMs: 500 });
    const first = await rejection(adapter.listAccounts());
    expect(first).to.include({ code: 'rate-limited', retryable: true, retryAfterMs: 500 });
    expect((await rejection(adapter.getCustomer(DEMO_IDS.tungstenBank))).code).to.equal('rate-limited');
    expect((await adapter.getCustomer(DEMO_IDS.tungstenBank)).id).to.equal(DEMO_IDS.tungstenBank);
    adapter.injectFault({ code: 'network', times: 5 });
    adapter.clearFaults();
    expect(await adapter.listAccounts()).to.have.length(2);
    expect(() => adapter.injectFault({ code: 'network', times: 0 })).to.throw(RangeError);
  });

  it('simulates uploads with progress and accepts the uploaded attachment', async () => {
    const adapter = new DemoAdapter();
    const progress: number[] = [];
    const file = new Blob(['purchase order 4711'], { type: 'text/plain' });
    const { id } = await adapter.uploadAttachment(file, 'po-4711.txt', { onProgress: (loaded, total) => progress.push(loaded / total) });
    expect(progress[progress.length - 1]).to.equal(1);
    const attachment = { kind: 'uploaded' as const, id, name: 'po-4711.txt' };
    const outcome = await adapter.requestConnection({ accountId: IT, entityIds: [DEMO_IDS.tungstenBank], attachment, idempotencyKey: key() });
    expect(outcome.kind).to.equal('support-case');
    const unknown = await rejection(
      adapter.requestConnection({ accountId: IT, entityIds: [DEMO_IDS.tungstenCorporation], attachment: { ...attachment, id: 'ATT-NOPE' }, idempotencyKey: key() }),
    );
    expect(unknown.fieldErrors).to.deep.equal([{ field: 'attachment', code: 'unknown' }]);
  });

  it('refuses a negative or inverted latency', () => {
    expect(() => new DemoAdapter({ latency: -1 })).to.throw(RangeError);
    expect(() => new DemoAdapter({ latency: { min: 50, max: 10 } })).to.throw(RangeError);
  });
});
