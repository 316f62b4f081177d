import { expect } from '@open-wc/testing';
import { isAdapterError } from '../src/adapter/errors.js';
import type { ConnectionOutcome, SupportCase, VerificationSession } from '../src/adapter/types.js';
import {
  DEMO_ACCOUNT_IDS,
  DEMO_FIRST_CASE_REFERENCE,
  DEMO_GROUP_IDS,
  DEMO_IDS,
  DEMO_INVOICE_HISTORY,
  DEMO_NETWORK_SNAPSHOT_VERSION,
  DemoAdapter,
  DemoNetwork,
  createDemoAdapter,
  type DemoAdapterOptions,
  type DemoNetworkSnapshot,
  type DemoStorage,
} from '../src/adapter/demo/index.js';

// ---------------------------------------------------------------------------------------
// Helpers

const KEY = 'tn-demo-network';
const IT = DEMO_ACCOUNT_IDS.adamsOfficeSuppliesIt;
/** Monday 16 April 2018 15:45 UTC. */
const NOW = new Date('2018-04-16T15:45:00.000Z');
const FIRST_CASE = String(DEMO_FIRST_CASE_REFERENCE);
const SECOND_CASE = String(DEMO_FIRST_CASE_REFERENCE + 1);

/** An in-memory `Storage` that counts what is done to it. */
class MemoryStorage implements DemoStorage {
  readonly items = new Map<string, string>();
  writes = 0;
  removals = 0;
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.writes++;
    this.items.set(key, String(value));
  }
  removeItem(key: string): void {
    this.removals++;
    this.items.delete(key);
  }
}

/** A storage that is full: every write throws the browser's quota error. */
class FullStorage extends MemoryStorage {
  override setItem(): void {
    this.writes++;
    throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
  }
}

function adapterOver(storage: DemoStorage, options: DemoAdapterOptions = {}): DemoAdapter {
  return createDemoAdapter({ now: () => NOW, storage, ...options });
}

/** Runs `work` with `console.warn` recorded; returns what it warned. */
async function warningsOf(work: () => unknown): Promise<string[]> {
  const warn = console.warn;
  const warnings: string[] = [];
  console.warn = (...args: unknown[]) => warnings.push(args.map(String).join(' '));
  try {
    await work();
  } finally {
    console.warn = warn;
  }
  return warnings;
}

let keys = 0;
function connect(adapter: DemoAdapter, entityId: string, idempotencyKey = `persistence-${++keys}`): Promise<ConnectionOutcome> {
  return adapter.requestConnection({ accountId: IT, entityIds: [entityId], idempotencyKey });
}

function verificationOf(outcome: ConnectionOutcome): VerificationSession {
  if (outcome.kind !== 'verification-required') throw new Error(`Expected a verification, got ${outcome.kind}.`);
  return outcome.verification;
}

function supportCaseOf(outcome: ConnectionOutcome): SupportCase {
  if (outcome.kind !== 'support-case') throw new Error(`Expected a support case, got ${outcome.kind}.`);
  return outcome.supportCase;
}

function invoice(number: string) {
  const found = DEMO_INVOICE_HISTORY.find((entry) => entry.number === number);
  if (!found) throw new Error(`No invoice ${number} in the demo history.`);
  return found;
}

/** Step 1 with the history's first invoice: right, so the network asks the challenge. */
function rightEvidence() {
  const first = DEMO_INVOICE_HISTORY[0];
  return { invoiceNumber: first.number, invoiceDate: first.date, amount: { ...first.amount } };
}

/** Expects the call to reject with a `TnAdapterError` of this code. */
async function rejectsWith(promise: Promise<unknown>, code: string): Promise<void> {
  try {
    await promise;
  } catch (error) {
    expect(isAdapterError(error) && error.code, String(error)).to.equal(code);
    return;
  }
  throw new Error(`Expected ${code}, but the call succeeded.`);
}

async function openTickets(adapter: DemoAdapter): Promise<number> {
  return (await adapter.getAttentionSummary()).supportTickets.count;
}

/** The state a stored snapshot holds, as JSON text. */
function storedSnapshot(storage: MemoryStorage | Storage): DemoNetworkSnapshot {
  const text = storage.getItem(KEY);
  expect(text, 'the state is stored').to.be.a('string');
  return JSON.parse(text!) as DemoNetworkSnapshot;
}

// ---------------------------------------------------------------------------------------

describe('Demo adapter persistence: resuming on a second adapter', () => {
  afterEach(() => sessionStorage.removeItem(KEY));

  for (const [name, makeStorage] of [
    ['an in-memory storage', () => new MemoryStorage()],
    ['sessionStorage', () => sessionStorage],
  ] as const) {
    it(`resumes a verification at its challenge, attempts and all, over ${name}`, async () => {
      const storage = makeStorage();
      const first = adapterOver(storage);
      const session = verificationOf(await connect(first, DEMO_IDS.demonstrationExampleBuyer));
      const wrong = await first.submitVerificationEvidence(session.id, { ...rightEvidence(), invoiceNumber: 'TNA0000' });
      expect(wrong.session.attemptsRemaining).to.equal(2);
      const asked = await first.submitVerificationEvidence(session.id, rightEvidence());
      const challenge = asked.session.challenge!.invoiceNumber;

      // A reload: a new adapter over the same storage.
      const second = adapterOver(storage);
      const resumed = await second.getVerification(session.id);
      expect(resumed).to.deep.equal(asked.session);
      expect(resumed.step).to.equal('challenge');
      expect(resumed.attemptsRemaining).to.equal(2);

      const answer = invoice(challenge);
      const verified = await second.answerChallenge(session.id, { invoiceDate: answer.date, amount: { ...answer.amount } });
      expect(verified.accepted).to.equal(true);
      expect(verified.session.step).to.equal('verified');
      const relationship = (await second.listRelationships({ accountId: IT })).find(
        (item) => item.customer.id === DEMO_IDS.demonstrationExampleBuyer,
      );
      expect(relationship?.status).to.equal('connected');
      expect(relationship?.verificationId).to.equal(session.id);
    });
  }

  it('keeps support cases, relationships, their numbering and the attention summary', async () => {
    const storage = new MemoryStorage();
    const first = adapterOver(storage);
    const opened = supportCaseOf(await connect(first, DEMO_IDS.tungstenBank));
    expect(opened.reference).to.equal(FIRST_CASE);
    await connect(first, DEMO_IDS.northwindAutoApprove);

    const second = adapterOver(storage);
    expect(await second.getSupportCase(FIRST_CASE)).to.deep.equal(opened);
    expect(await openTickets(second)).to.equal(3);
    const statuses = Object.fromEntries(
      (await second.listRelationships({ accountId: IT })).map((item) => [item.customer.id, item.status]),
    );
    expect(statuses[DEMO_IDS.tungstenBank]).to.equal('support-case-open');
    expect(statuses[DEMO_IDS.northwindAutoApprove]).to.equal('connected');
    expect(await second.listRelationships()).to.deep.equal(await first.listRelationships());

    // The sequences go on where they were: the next case is the second, not the first again.
    expect(supportCaseOf(await connect(second, DEMO_IDS.tungstenCorporation)).reference).to.equal(SECOND_CASE);
  });

  it('keeps idempotent answers, uploads and what the network’s demo controls change', async () => {
    const storage = new MemoryStorage();
    const first = adapterOver(storage);
    const upload = await first.uploadAttachment(new Blob(['terms']), 'terms.pdf');
    const request = {
      accountId: IT,
      entityIds: [DEMO_IDS.tungstenBank],
      attachment: { kind: 'uploaded' as const, id: upload.id, name: 'terms.pdf' },
      idempotencyKey: 'persisted-key',
    };
    const outcome = await first.requestConnection(request);
    first.network.resolveSupportCase(supportCaseOf(outcome).reference);

    const second = adapterOver(storage);
    // The same key and request: the same answer, nothing new (the upload is known too).
    expect(await second.requestConnection(request)).to.deep.equal(outcome);
    expect((await second.getSupportCase(FIRST_CASE)).status).to.equal('resolved');
    const bank = (await second.listRelationships({ accountId: IT })).find((item) => item.customer.id === DEMO_IDS.tungstenBank);
    expect(bank?.status).to.equal('connected');
    expect(await openTickets(second)).to.equal(2);
  });

  it('stores a JSON-safe snapshot that restores the same state', async () => {
    const storage = new MemoryStorage();
    const adapter = adapterOver(storage);
    const session = verificationOf(await connect(adapter, DEMO_IDS.demonstrationExampleBuyer));
    await adapter.submitVerificationEvidence(session.id, rightEvidence());
    await connect(adapter, DEMO_IDS.tungstenBank);

    const snapshot = adapter.network.snapshot();
    expect(snapshot.version).to.equal(DEMO_NETWORK_SNAPSHOT_VERSION);
    expect(storedSnapshot(storage)).to.deep.equal(snapshot);
    expect(snapshot.verifications[0].challengeInvoice?.number).to.equal(
      snapshot.verifications[0].session.challenge?.invoiceNumber,
    );
    const restored = DemoNetwork.restore(JSON.parse(JSON.stringify(snapshot)), { now: () => NOW });
    expect(restored.snapshot()).to.deep.equal(snapshot);
    expect(restored.getAttentionSummary()).to.deep.equal(adapter.network.getAttentionSummary());
  });
});

describe('Demo adapter persistence: what writes', () => {
  it('never writes for a read, a replayed request or a refused one', async () => {
    const storage = new MemoryStorage();
    const adapter = adapterOver(storage);
    const session = verificationOf(await connect(adapter, DEMO_IDS.demonstrationExampleBuyer, 'read-only-key'));
    const opened = supportCaseOf(await connect(adapter, DEMO_IDS.tungstenBank));
    const writes = storage.writes;
    expect(writes).to.equal(2);

    await adapter.searchDirectory({ text: 'tungsten' });
    await adapter.getCustomer(DEMO_IDS.tungstenBank);
    await adapter.getGroup(DEMO_GROUP_IDS.tungsten, { accountId: IT });
    await adapter.listAccounts();
    await adapter.getVerification(session.id);
    await adapter.getSupportCase(opened.reference);
    await adapter.getAttentionSummary();
    await adapter.listRelationships();
    await connect(adapter, DEMO_IDS.demonstrationExampleBuyer, 'read-only-key'); // replayed
    const malformed = { invoiceNumber: '', invoiceDate: 'soon', amount: { amount: 'x', currency: 'GBP' } };
    await rejectsWith(adapter.submitVerificationEvidence(session.id, malformed), 'invalid');
    await rejectsWith(adapter.answerChallenge(session.id, rightEvidence()), 'conflict');
    expect(storage.writes, 'writes after reads only').to.equal(writes);
  });

  it('writes once after each call that changes the state', async () => {
    const storage = new MemoryStorage();
    const adapter = adapterOver(storage);
    expect(storage.writes, 'creating the adapter writes nothing').to.equal(0);
    const session = verificationOf(await connect(adapter, DEMO_IDS.demonstrationExampleBuyer));
    expect(storage.writes).to.equal(1);
    await adapter.submitVerificationEvidence(session.id, { ...rightEvidence(), invoiceNumber: 'TNA0000' });
    expect(storage.writes, 'a wrong answer spends an attempt').to.equal(2);
    await adapter.submitVerificationEvidence(session.id, rightEvidence());
    expect(storage.writes).to.equal(3);
    await adapter.connectWithoutVerification(session.id, { idempotencyKey: 'fallback' });
    expect(storage.writes).to.equal(4);
    await adapter.uploadAttachment(new Blob(['x']), 'x.txt');
    expect(storage.writes).to.equal(5);
    expect(storedSnapshot(storage)).to.deep.equal(adapter.network.snapshot());
  });

  it('uses the storage key it is given', async () => {
    const storage = new MemoryStorage();
    const adapter = adapterOver(storage, { storageKey: 'my-demo' });
    await connect(adapter, DEMO_IDS.tungstenBank);
    expect([...storage.items.keys()]).to.deep.equal(['my-demo']);
    expect(await openTickets(adapterOver(storage, { storageKey: 'my-demo' }))).to.equal(3);
    expect(await openTickets(adapterOver(storage))).to.equal(2);
  });

  it('keeps working in memory when the storage is full, with one warning', async () => {
    const storage = new FullStorage();
    storage.items.set(KEY, JSON.stringify(new DemoNetwork({ now: () => NOW }).snapshot()));
    let adapter!: DemoAdapter;
    const warnings = await warningsOf(async () => {
      adapter = adapterOver(storage);
      expect(supportCaseOf(await connect(adapter, DEMO_IDS.tungstenBank)).reference).to.equal(FIRST_CASE);
      expect(supportCaseOf(await connect(adapter, DEMO_IDS.tungstenCorporation)).reference).to.equal(SECOND_CASE);
    });
    expect(storage.writes).to.equal(2);
    expect(warnings).to.have.length(1);
    expect(warnings[0]).to.include(`"${KEY}"`).and.include('QuotaExceededError');
    expect(await openTickets(adapter)).to.equal(4);
    // The stale entry is gone: a reload cannot come back to an older state.
    expect(storage.getItem(KEY)).to.equal(null);
  });

  it('refuses a network and a storage together', () => {
    expect(() => createDemoAdapter({ network: new DemoNetwork(), storage: new MemoryStorage() })).to.throw(TypeError, /network.*storage/);
  });
});

describe('Demo adapter persistence: what it cannot restore', () => {
  async function freshFrom(entry: string) {
    const storage = new MemoryStorage();
    storage.items.set(KEY, entry);
    let adapter!: DemoAdapter;
    const warnings = await warningsOf(() => (adapter = adapterOver(storage)));
    return { storage, adapter, warnings };
  }

  const valid = () => new DemoNetwork({ now: () => NOW }).snapshot() as unknown as Record<string, unknown>;

  for (const [name, entry, reason] of [
    ['text that is not JSON', '{"version":1,"accounts":[', /JSON/],
    ['JSON that is not an object', '"tn"', /expected an object/],
    ['a snapshot of another version', JSON.stringify({ ...valid(), version: DEMO_NETWORK_SNAPSHOT_VERSION + 1 }), /version 2/],
    ['a snapshot without a version', JSON.stringify({ ...valid(), version: undefined }), /version undefined/],
    ['a snapshot missing a part', JSON.stringify({ ...valid(), supportCases: undefined }), /snapshot\.supportCases should be a list/],
    [
      'a snapshot with a malformed record',
      JSON.stringify({ ...valid(), relationships: [{ ...(valid().relationships as object[])[0], customer: { id: 7 } }] }),
      /snapshot\.relationships\[0\]\.customer\.id should be a string/,
    ],
    ['a snapshot with a broken counter', JSON.stringify({ ...valid(), counters: { ...(valid().counters as object), nextUpload: -1 } }), /nextUpload/],
  ] as const) {
    it(`starts fresh from ${name}, warns once naming the key, and removes the entry`, async () => {
      const { storage, adapter, warnings } = await freshFrom(entry);
      expect(warnings).to.have.length(1);
      expect(warnings[0]).to.include(`"${KEY}"`);
      expect(warnings[0]).to.match(reason);
      expect(storage.getItem(KEY)).to.equal(null);
      expect(await openTickets(adapter)).to.equal(2);
      expect(supportCaseOf(await connect(adapter, DEMO_IDS.tungstenBank)).reference).to.equal(FIRST_CASE);
      expect(storedSnapshot(storage).version, 'the fresh state is stored from then on').to.equal(DEMO_NETWORK_SNAPSHOT_VERSION);
    });
  }

  it('starts fresh without a warning when nothing is stored', async () => {
    const storage = new MemoryStorage();
    const warnings = await warningsOf(() => adapterOver(storage));
    expect(warnings).to.deep.equal([]);
    expect(storage.removals).to.equal(0);
  });

  it('DemoNetwork.restore throws an Error that says what is wrong', () => {
    expect(() => DemoNetwork.restore(null)).to.throw(Error, 'Not a demo network snapshot: expected an object.');
    expect(() => DemoNetwork.restore([])).to.throw(Error, 'expected an object');
    expect(() => DemoNetwork.restore({ ...valid(), version: 0 })).to.throw(
      Error,
      `A demo network snapshot of version 0 cannot be restored: this network reads version ${DEMO_NETWORK_SNAPSHOT_VERSION}.`,
    );
    const history = { ...valid(), verifications: [{ session: {}, entityIds: [], history: [] }] };
    expect(() => DemoNetwork.restore(history)).to.throw(Error, 'Not a demo network snapshot: snapshot.verifications[0].session.id should be a string.');
  });
});

describe('Demo adapter reset', () => {
  afterEach(() => sessionStorage.removeItem(KEY));

  it('returns to the seed state and removes the stored entry', async () => {
    const storage = new MemoryStorage();
    const adapter = adapterOver(storage);
    const session = verificationOf(await connect(adapter, DEMO_IDS.demonstrationExampleBuyer));
    await connect(adapter, DEMO_IDS.tungstenBank);
    expect(await openTickets(adapter)).to.equal(3);

    adapter.reset();
    expect(storage.getItem(KEY)).to.equal(null);
    expect(adapter.network.snapshot()).to.deep.equal(new DemoNetwork({ now: () => NOW }).snapshot());
    await rejectsWith(adapter.getVerification(session.id), 'not-found');
    await rejectsWith(adapter.getSupportCase(FIRST_CASE), 'not-found');
    expect(await openTickets(adapter)).to.equal(2);
    // Numbering starts over, and a new adapter over the storage is fresh too.
    expect(supportCaseOf(await connect(adapter, DEMO_IDS.tungstenBank)).reference).to.equal(FIRST_CASE);
    adapter.reset();
    expect(await openTickets(adapterOver(storage))).to.equal(2);
  });

  it('clears sessionStorage', async () => {
    const adapter = adapterOver(sessionStorage);
    await connect(adapter, DEMO_IDS.tungstenBank);
    expect(sessionStorage.getItem(KEY)).to.be.a('string');
    adapter.reset();
    expect(sessionStorage.getItem(KEY)).to.equal(null);
    expect(await openTickets(adapterOver(sessionStorage))).to.equal(2);
  });

  it('resets an adapter without storage too', async () => {
    const adapter = createDemoAdapter({ now: () => NOW });
    await connect(adapter, DEMO_IDS.tungstenBank);
    adapter.reset();
    expect(await openTickets(adapter)).to.equal(2);
  });
});
