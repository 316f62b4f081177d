/**
 * The REST adapter against the reference API server, over real HTTP (cross-origin, with
 * CORS and a bearer token): every operation round-trips, faults injected by the server give
 * the right error and retry behaviour, aborts cancel, writes are answered once.
 *
 * The server runs the same demo engine as a local `DemoNetwork`, so answers that do not
 * depend on the clock are compared with the local network's, field for field.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../src/components/customer-search/tn-customer-search.js';
import '../src/components/group-picker/tn-group-picker.js';
import type { TnCustomerSearch } from '../src/components/customer-search/customer-search.js';
import type { TnGroupPicker } from '../src/components/group-picker/group-picker.js';
import { rejection } from './helpers/rejection.js';
import type { ConnectionOutcome, Relationship } from '../src/adapter/types.js';
import {
  DEMO_ACCOUNT_IDS,
  DEMO_FIRST_CASE_REFERENCE,
  DEMO_GROUP_IDS,
  DEMO_IDS,
  DEMO_INVOICE_HISTORY,
  DemoNetwork,
  GLOBEX_GROUP_ID,
  createDemoAdapter,
} from '../src/adapter/demo/index.js';
import { groupInCountries } from '../src/adapter/demo/group-countries.js';
import { errorCodeForStatus, parseRetryAfter } from '../src/adapter/rest/index.js';
import { injectFault, resetServer, restAdapter, serverLog } from './helpers/reference-server.js';
import { type } from './helpers/keys.js';

const IT = DEMO_ACCOUNT_IDS.adamsOfficeSuppliesIt;
const GBP = (amount: string) => ({ amount, currency: 'GBP' });
const [FIRST_INVOICE] = DEMO_INVOICE_HISTORY;

/** The local twin of the server's network (the directory does not depend on the clock). */
const local = new DemoNetwork();


let keys = 0;
const key = () => `rest-test-${Date.now()}-${++keys}`;

/** Waits until the server has received a request of `operation` that is still running. */
async function untilPending(operation: string): Promise<void> {
  let pending = false;
  await waitUntil(
    async () => {
      pending = (await serverLog(operation)).some((request) => request.status === 'pending');
      return pending;
    },
    `${operation} never reached the server`,
    { interval: 20, timeout: 5000 },
  );
}

/** Opens a verification on the demonstration buyer (it has invoice history). */
async function openVerification(adapter = restAdapter()) {
  const outcome = await adapter.requestConnection({
    accountId: IT,
    entityIds: [DEMO_IDS.demonstrationExampleBuyer],
    idempotencyKey: key(),
  });
  if (outcome.kind !== 'verification-required') throw new Error(`Expected a verification, got ${outcome.kind}.`);
  return outcome.verification;
}

const withoutTimes = (relationship: Relationship) => ({ ...relationship, since: undefined });

beforeEach(resetServer);

describe('RestAdapter: every operation round-trips', () => {
  it('searches the directory like the demo network, page by page', async () => {
    const adapter = restAdapter();
    expect(await adapter.searchDirectory({ text: 'tungsten' })).to.deep.equal(local.searchDirectory({ text: 'tungsten' }));
    const first = await adapter.searchDirectory({ text: 'globex', pageSize: 50 });
    expect(first).to.deep.equal(local.searchDirectory({ text: 'globex', pageSize: 50 }));
    expect(first.nextCursor).to.be.a('string');
    const second = await adapter.searchDirectory({ text: 'globex', pageSize: 50, cursor: first.nextCursor });
    expect(second).to.deep.equal(local.searchDirectory({ text: 'globex', pageSize: 50, cursor: first.nextCursor }));
    expect(second.items[0].id).not.to.equal(first.items[0].id);
  });

  it('clamps a page size to the contract’s 100 instead of sending an invalid one', async () => {
    const page = await restAdapter().searchDirectory({ text: 'globex', pageSize: 5000 });
    expect(page.items).to.have.length(100);
    const [request] = await serverLog('searchDirectory');
    expect(request.path).to.contain('pageSize=100');
  });

  it('reads one customer, a group with its connected flags, and a 10,000-entity group', async () => {
    const adapter = restAdapter();
    expect(await adapter.getCustomer(DEMO_IDS.tungstenNetworkGmbh)).to.deep.equal(local.getCustomer(DEMO_IDS.tungstenNetworkGmbh));
    expect(await adapter.getGroup(DEMO_GROUP_IDS.tungsten, { accountId: IT })).to.deep.equal(
      local.getGroup(DEMO_GROUP_IDS.tungsten, { accountId: IT }),
    );
    const globex = await adapter.getGroup(GLOBEX_GROUP_ID);
    expect(globex.entities).to.have.length(10_000);
    expect(globex).to.deep.equal(local.getGroup(GLOBEX_GROUP_ID));
  });

  it('asks a group for some countries: their entities and every country’s total, the totals alone, a wrong code on its field', async () => {
    const adapter = restAdapter();
    const whole = local.getGroup(GLOBEX_GROUP_ID, { accountId: IT });
    const some = await adapter.getGroup(GLOBEX_GROUP_ID, { accountId: IT, countries: ['FR', 'DE'] });
    // The server's answer, and the demo adapter's own cut of the same group, are the same.
    expect(some).to.deep.equal(groupInCountries(whole, ['FR', 'DE']));
    expect(some.entities.map((entity) => entity.country)).to.include.members(['FR', 'DE']).and.not.include('GB');
    expect(some.countries!.reduce((sum, country) => sum + country.total, 0)).to.equal(10_000);
    const totals = await adapter.getGroup(GLOBEX_GROUP_ID, { countries: [] });
    expect(totals.entities).to.deep.equal([]);
    expect(totals.countries).to.deep.equal(some.countries);
    const paths = (await serverLog('getGroup')).map((request) => request.path);
    expect(paths.slice(-2)).to.deep.equal([
      `/v1/directory/groups/${GLOBEX_GROUP_ID}?accountId=${IT}&countries=FR%2CDE`,
      `/v1/directory/groups/${GLOBEX_GROUP_ID}?countries=`,
    ]);
    for (const wrong of [['fr'], ['ZZ'], ['FR', '']]) {
      const error = await rejection(adapter.getGroup(GLOBEX_GROUP_ID, { countries: wrong }));
      expect(error, wrong.join()).to.include({ code: 'invalid', status: 400 });
      expect(error.fieldErrors.map(({ field }) => field)).to.deep.equal(['countries']);
    }
    // The demo adapter offers the same capability, with the same answer.
    const demo = createDemoAdapter({ latency: 0 });
    expect(await demo.getGroup(GLOBEX_GROUP_ID, { accountId: IT, countries: ['FR', 'DE'] })).to.deep.equal(some);
    expect((await rejection(demo.getGroup(GLOBEX_GROUP_ID, { countries: ['fr'] }))).fieldErrors[0].field).to.equal('countries');
  });

  it('lists the accounts and the relationships', async () => {
    const adapter = restAdapter();
    expect(await adapter.listAccounts()).to.deep.equal(local.listAccounts());
    const relationships = await adapter.listRelationships({ accountId: IT });
    expect(relationships.map(withoutTimes)).to.deep.equal(local.listRelationships({ accountId: IT }).map(withoutTimes));
    expect(relationships.find((relationship) => relationship.isTestBuyer)?.customer.id).to.equal(DEMO_IDS.testBuyer);
    expect(await adapter.listRelationships()).to.have.length(local.listRelationships().length);
  });

  it('uploads an attachment with progress and connects with it', async () => {
    const adapter = restAdapter();
    const file = new Blob([new Uint8Array(256 * 1024)], { type: 'application/pdf' });
    const progress: [number, number][] = [];
    const { id } = await adapter.uploadAttachment(file, 'remittance.pdf', {
      onProgress: (loaded, total) => progress.push([loaded, total]),
    });
    expect(id).to.match(/^ATT-/);
    expect(progress.at(-1)).to.deep.equal([file.size, file.size]);
    for (let i = 1; i < progress.length; i++) expect(progress[i][0]).to.be.at.least(progress[i - 1][0]);
    const outcome = await adapter.requestConnection({
      accountId: IT,
      entityIds: [DEMO_IDS.tungstenBank],
      attachment: { kind: 'uploaded', id, name: 'remittance.pdf' },
      idempotencyKey: key(),
    });
    expect(outcome.kind).to.equal('support-case');
  });

  it('sends an inline attachment as an upload, then the request', async () => {
    const outcome = await restAdapter().requestConnection({
      accountId: IT,
      entityIds: [DEMO_IDS.tungstenBank],
      notes: 'Our PO is attached.',
      attachment: { kind: 'inline', file: new Blob(['PO 4411']), name: 'po.txt' },
      idempotencyKey: key(),
    });
    expect(outcome.kind).to.equal('support-case');
    expect((await serverLog()).map((request) => request.operation)).to.deep.equal(['uploadAttachment', 'requestConnection']);
  });

  it('opens a support case with its reference and deadline, readable by reference and in the attention summary', async () => {
    const adapter = restAdapter();
    const before = await adapter.getAttentionSummary();
    expect(before.supportTickets.count).to.equal(2);
    expect(before.failedInvoices.items[0].number).to.equal('ShuchitestPayment1');
    expect(before.savedInvoices.items[0].amount).to.deep.equal(GBP('0.00'));
    const outcome = await adapter.requestConnection({ accountId: IT, entityIds: [DEMO_IDS.tungstenBank], idempotencyKey: key() });
    if (outcome.kind !== 'support-case') throw new Error(outcome.kind);
    expect(outcome.supportCase.reference).to.equal(String(DEMO_FIRST_CASE_REFERENCE));
    expect(Date.parse(outcome.supportCase.processBy)).to.be.greaterThan(Date.parse(outcome.supportCase.openedAt));
    expect(await adapter.getSupportCase(outcome.supportCase.reference)).to.deep.equal(outcome.supportCase);
    expect((await adapter.getAttentionSummary()).supportTickets.count).to.equal(3);
  });

  it('connects at once, and reports entities already connected as skipped', async () => {
    const adapter = restAdapter();
    const connected = await adapter.requestConnection({
      accountId: IT,
      entityIds: [DEMO_IDS.northwindAutoApprove, DEMO_IDS.testBuyer],
      idempotencyKey: key(),
    });
    expect(connected.kind).to.equal('connected');
    expect(connected.skipped).to.deep.equal([
      { entityId: DEMO_IDS.testBuyer, legalName: 'Tungsten Network - Demo Account', reason: 'already-connected' },
    ]);
  });

  it('runs a verification: wrong evidence, right evidence, the challenge, verified', async () => {
    const adapter = restAdapter();
    const session = await openVerification(adapter);
    expect(session).to.include({ step: 'evidence', attemptsRemaining: 3, currency: 'GBP' });
    expect(await adapter.getVerification(session.id)).to.deep.equal(session);
    const wrong = await adapter.submitVerificationEvidence(session.id, {
      invoiceNumber: FIRST_INVOICE.number,
      invoiceDate: FIRST_INVOICE.date,
      amount: GBP('1.00'),
    });
    expect(wrong.accepted).to.equal(false);
    expect(wrong.session.attemptsRemaining).to.equal(2);
    const right = await adapter.submitVerificationEvidence(session.id, {
      invoiceNumber: FIRST_INVOICE.number,
      invoiceDate: FIRST_INVOICE.date,
      amount: { ...FIRST_INVOICE.amount },
    });
    expect(right.accepted).to.equal(true);
    expect(right.session.step).to.equal('challenge');
    const chosen = DEMO_INVOICE_HISTORY.find((invoice) => invoice.number === right.session.challenge?.invoiceNumber)!;
    const verified = await adapter.answerChallenge(session.id, { invoiceDate: chosen.date, amount: { ...chosen.amount } });
    expect(verified.session.step).to.equal('verified');
    expect(verified.relationships?.map((relationship) => [relationship.customer.id, relationship.status])).to.deep.equal([
      [DEMO_IDS.demonstrationExampleBuyer, 'connected'],
    ]);
  });

  it('falls back to a support case without verification, once per key', async () => {
    const adapter = restAdapter();
    const session = await openVerification(adapter);
    const fallbackKey = key();
    const supportCase = await adapter.connectWithoutVerification(session.id, { idempotencyKey: fallbackKey });
    expect(supportCase.customers[0].id).to.equal(DEMO_IDS.demonstrationExampleBuyer);
    expect(await adapter.connectWithoutVerification(session.id, { idempotencyKey: fallbackKey })).to.deep.equal(supportCase);
    expect((await adapter.getVerification(session.id)).supportCaseReference).to.equal(supportCase.reference);
    const [, replay] = await serverLog('connectWithoutVerification');
    expect(replay.replayed).to.equal(true);
  });
});

describe('RestAdapter: errors', () => {
  it('maps statuses to codes as the README’s table says', () => {
    const table: [number, string][] = [
      [400, 'invalid'],
      [401, 'unauthorized'],
      [403, 'forbidden'],
      [404, 'not-found'],
      [408, 'timeout'],
      [409, 'conflict'],
      [410, 'not-found'],
      [412, 'conflict'],
      [413, 'invalid'],
      [415, 'invalid'],
      [418, 'bad-response'],
      [422, 'invalid'],
      [429, 'rate-limited'],
      [500, 'unavailable'],
      [503, 'unavailable'],
      [304, 'bad-response'],
    ];
    expect(table.map(([status]) => [status, errorCodeForStatus(status)])).to.deep.equal(table);
    expect(parseRetryAfter('3')).to.equal(3000);
    expect(parseRetryAfter(new Date(Date.now() + 60_000).toUTCString())).to.be.within(58_000, 60_000);
    expect(parseRetryAfter('soon')).to.equal(undefined);
  });

  it('reports an unknown ID as not-found, once', async () => {
    const error = await rejection(restAdapter().getCustomer('AAA000000000'));
    expect(error).to.include({ code: 'not-found', status: 404, retryable: false });
    expect(await serverLog('getCustomer')).to.have.length(1);
  });

  it('reports missing or wrong credentials as unauthorized, asking the hook on each request', async () => {
    const asked: number[] = [];
    const adapter = restAdapter({
      headers: ({ attempt }) => {
        asked.push(attempt);
        return { Authorization: 'Bearer wrong' };
      },
    });
    const error = await rejection(adapter.listAccounts());
    expect(error).to.include({ code: 'unauthorized', status: 401 });
    expect(asked).to.deep.equal([1]);
  });

  it('fails as unauthorized when the headers hook fails', async () => {
    const adapter = restAdapter({ headers: () => Promise.reject(new Error('session expired')) });
    expect((await rejection(adapter.listAccounts())).code).to.equal('unauthorized');
    expect(await serverLog()).to.have.length(0);
  });

  it('puts a request that breaks the contract on its fields (400)', async () => {
    const adapter = restAdapter();
    const search = await rejection(adapter.searchDirectory({ text: '' }));
    expect(search).to.include({ code: 'invalid', status: 400 });
    expect(search.fieldErrors.map(({ field, code }) => [field, code])).to.deep.equal([['text', 'required']]);
    const request = await rejection(
      adapter.requestConnection({ accountId: IT, entityIds: [], vendorCode: 'V'.repeat(51), idempotencyKey: key() }),
    );
    expect(request.status).to.equal(400);
    expect(request.fieldErrors.map(({ field, code }) => [field, code])).to.deep.equal([
      ['entityIds', 'required'],
      ['vendorCode', 'too-long'],
    ]);
    const evidence = await rejection(
      adapter.submitVerificationEvidence((await openVerification(adapter)).id, {
        invoiceNumber: 'TNA9322',
        invoiceDate: '2015-02-30',
        amount: GBP('4,508.00'),
      }),
    );
    expect(evidence.fieldErrors.map(({ field, code }) => [field, code])).to.deep.equal([
      ['invoiceDate', 'invalid'],
      ['amount', 'invalid'],
    ]);
  });

  it('puts a request the network refuses on its fields (422)', async () => {
    const adapter = restAdapter();
    const vendorCode = await rejection(
      adapter.requestConnection({ accountId: IT, entityIds: [DEMO_IDS.tungstenNetworkGmbh], idempotencyKey: key() }),
    );
    expect(vendorCode).to.include({ code: 'invalid', status: 422 });
    expect(vendorCode.fieldErrors).to.deep.equal([{ field: 'vendorCode', code: 'required' }]);
    const session = await openVerification(adapter);
    const currency = await rejection(
      adapter.submitVerificationEvidence(session.id, { invoiceNumber: 'TNA9322', invoiceDate: '2015-08-10', amount: { amount: '4508.00', currency: 'EUR' } }),
    );
    expect(currency.fieldErrors[0]).to.include({ field: 'amount', code: 'currency-mismatch' });
  });

  it('refuses an idempotency key re-used for a different request (409)', async () => {
    const adapter = restAdapter();
    const sharedKey = key();
    await adapter.requestConnection({ accountId: IT, entityIds: [DEMO_IDS.tungstenBank], idempotencyKey: sharedKey });
    const error = await rejection(
      adapter.requestConnection({ accountId: IT, entityIds: [DEMO_IDS.wingtipToys], idempotencyKey: sharedKey }),
    );
    expect(error).to.include({ code: 'conflict', status: 409, retryable: false });
  });

  it('refuses an attachment over the cap as a field error on the file, or on the request’s attachment', async () => {
    const adapter = restAdapter();
    const big = new Blob([new Uint8Array(10 * 1024 * 1024 + 1)]);
    const upload = await rejection(adapter.uploadAttachment(big, 'big.pdf'));
    expect(upload).to.include({ code: 'invalid', status: 413 });
    expect(upload.fieldErrors).to.deep.equal([{ field: 'file', code: 'too-large' }]);
    const request = await rejection(
      adapter.requestConnection({
        accountId: IT,
        entityIds: [DEMO_IDS.tungstenBank],
        attachment: { kind: 'inline', file: big, name: 'big.pdf' },
        idempotencyKey: key(),
      }),
    );
    expect(request.fieldErrors).to.deep.equal([{ field: 'attachment', code: 'too-large' }]);
    expect(await serverLog('requestConnection')).to.have.length(0);
  });
});

describe('RestAdapter: faults injected by the server', () => {
  it('retries a read through two 500s and succeeds, asking for headers on every attempt', async () => {
    const attempts: number[] = [];
    await injectFault({ operation: 'listAccounts', kind: 'respond', status: 500, times: 2 });
    const adapter = restAdapter({
      headers: ({ attempt }) => {
        attempts.push(attempt);
        return { Authorization: `Bearer ${window.TN_TEST_API?.token}` };
      },
    });
    expect(await adapter.listAccounts()).to.deep.equal(local.listAccounts());
    expect((await serverLog('listAccounts')).map((request) => request.status)).to.deep.equal([500, 500, 200]);
    expect(attempts).to.deep.equal([1, 2, 3]);
  });

  it('gives up after the configured retries with a retryable unavailable', async () => {
    await injectFault({ operation: 'getAttentionSummary', kind: 'respond', status: 503, times: 5, body: '{"title": 42' });
    const error = await rejection(restAdapter({ retry: { retries: 2 } }).getAttentionSummary());
    expect(error).to.include({ code: 'unavailable', status: 503, retryable: true });
    expect(await serverLog('getAttentionSummary')).to.have.length(3);
  });

  it('waits out a 429’s Retry-After before retrying', async () => {
    await injectFault({ operation: 'listAccounts', kind: 'respond', status: 429, headers: { 'Retry-After': '1' } });
    expect(await restAdapter().listAccounts()).to.have.length(2);
    const [limited, retried] = await serverLog('listAccounts');
    expect([limited.status, retried.status]).to.deep.equal([429, 200]);
    // A behavioural bound: the retry came no sooner than the server asked.
    expect(retried.receivedAt - limited.finishedAt).to.be.at.least(950);
  });

  it('fails at once with rate-limited when Retry-After is longer than it will wait', async () => {
    await injectFault({ operation: 'listAccounts', kind: 'respond', status: 429, headers: { 'Retry-After': '120' } });
    const error = await rejection(restAdapter().listAccounts());
    expect(error).to.include({ code: 'rate-limited', status: 429, retryAfterMs: 120_000, retryable: true });
    expect(await serverLog('listAccounts')).to.have.length(1);
  });

  it('times out a slow answer, and retries it', async () => {
    await injectFault({ operation: 'listAccounts', kind: 'delay', delayMs: 10_000 });
    const started = performance.now();
    const error = await rejection(restAdapter({ timeoutMs: 300, retry: { retries: 0 } }).listAccounts());
    expect(error).to.include({ code: 'timeout', retryable: true });
    expect(performance.now() - started).to.be.below(3000);

    await injectFault({ operation: 'listAccounts', kind: 'delay', delayMs: 10_000 });
    expect(await restAdapter({ timeoutMs: 300 }).listAccounts()).to.have.length(2);
    await waitUntil(async () => (await serverLog('listAccounts')).every((request) => request.status !== 'pending'));
    expect((await serverLog('listAccounts')).map((request) => request.status)).to.deep.equal([
      'client-closed',
      'client-closed',
      200,
    ]);
  });

  it('reports a dropped connection as network, and retries it', async () => {
    await injectFault({ operation: 'getCustomer', kind: 'drop' });
    expect((await rejection(restAdapter({ retry: { retries: 0 } }).getCustomer(DEMO_IDS.tungstenBank))).code).to.equal('network');
    await injectFault({ operation: 'getCustomer', kind: 'drop' });
    expect((await restAdapter().getCustomer(DEMO_IDS.tungstenBank)).legalName).to.equal('Tungsten Bank PLC');
    expect((await serverLog('getCustomer')).map((request) => request.status)).to.deep.equal(['dropped', 'dropped', 200]);
  });

  it('reports malformed JSON as bad-response, without retrying', async () => {
    await injectFault({
      operation: 'listAccounts',
      kind: 'respond',
      status: 200,
      headers: { 'Content-Type': 'application/json' },
      body: '{"items": [',
    });
    const error = await rejection(restAdapter().listAccounts());
    expect(error).to.include({ code: 'bad-response', retryable: false });
    expect(await serverLog('listAccounts')).to.have.length(1);
  });

  it('reports wrong types, a float amount, an unknown enum value and a non-JSON answer as bad-response', async () => {
    const adapter = restAdapter();
    const bodies = [
      ['listAccounts', '{"items": [{"id": 42, "name": "Adams"}]}'],
      [
        'getAttentionSummary',
        JSON.stringify({
          ...local.getAttentionSummary(),
          savedInvoices: { count: 1, items: [{ id: 'S', number: '1', buyerId: 'B', amount: { amount: 12.5, currency: 'GBP' } }] },
        }),
      ],
      ['listRelationships', JSON.stringify({ items: [{ ...local.listRelationships()[0], status: 'archived' }] })],
      ['getSupportCase', '{"reference": "1", "status": "open"}'],
    ] as const;
    for (const [operation, body] of bodies) {
      await injectFault({ operation, kind: 'respond', status: 200, headers: { 'Content-Type': 'application/json' }, body });
    }
    expect((await rejection(adapter.listAccounts())).code).to.equal('bad-response');
    expect((await rejection(adapter.getAttentionSummary())).code).to.equal('bad-response');
    expect((await rejection(adapter.listRelationships())).code).to.equal('bad-response');
    expect((await rejection(adapter.getSupportCase('1'))).code).to.equal('bad-response');
    await injectFault({ operation: 'listAccounts', kind: 'respond', status: 200, headers: { 'Content-Type': 'text/html' }, body: '<h1>Sign in</h1>' });
    expect((await rejection(adapter.listAccounts())).message).to.contain('expected JSON');
  });

  it('keeps the status’s code when an error body is malformed', async () => {
    await injectFault({ operation: 'getCustomer', kind: 'respond', status: 400, body: 'not json' });
    const bad = await rejection(restAdapter().getCustomer(DEMO_IDS.tungstenBank));
    expect(bad).to.include({ code: 'invalid', status: 400 });
    expect(bad.fieldErrors).to.deep.equal([]);
    await injectFault({
      operation: 'getCustomer',
      kind: 'respond',
      status: 422,
      headers: { 'Content-Type': 'application/problem+json' },
      body: JSON.stringify({ title: 'Nope', fieldErrors: [{ field: 'id', code: 'unknown' }, { field: 3 }, 'x'] }),
    });
    expect((await rejection(restAdapter().getCustomer(DEMO_IDS.tungstenBank))).fieldErrors).to.deep.equal([
      { field: 'id', code: 'unknown' },
    ]);
  });
});

describe('RestAdapter: abort', () => {
  it('cancels a request the server is still holding, within a second', async () => {
    await injectFault({ operation: 'listAccounts', kind: 'delay', delayMs: 10_000 });
    const controller = new AbortController();
    const call = rejection(restAdapter().listAccounts({ signal: controller.signal }));
    await untilPending('listAccounts');
    const abortedAt = performance.now();
    controller.abort();
    expect((await call).code).to.equal('aborted');
    expect(performance.now() - abortedAt).to.be.below(1000);
    await waitUntil(async () => (await serverLog('listAccounts'))[0].status === 'client-closed', 'the server kept the request');
  });

  it('cancels the wait before a retry', async () => {
    await injectFault({ operation: 'listAccounts', kind: 'respond', status: 503, headers: { 'Retry-After': '5' } });
    const controller = new AbortController();
    const call = rejection(restAdapter().listAccounts({ signal: controller.signal }));
    await waitUntil(async () => (await serverLog('listAccounts'))[0]?.status === 503);
    const abortedAt = performance.now();
    controller.abort();
    expect((await call).code).to.equal('aborted');
    expect(performance.now() - abortedAt).to.be.below(1000);
    expect(await serverLog('listAccounts')).to.have.length(1);
  });

  it('sends nothing for a signal already aborted', async () => {
    const error = await rejection(restAdapter().listAccounts({ signal: AbortSignal.abort() }));
    expect(error.code).to.equal('aborted');
    expect(await serverLog()).to.have.length(0);
  });

  it('cancels an upload', async () => {
    await injectFault({ operation: 'uploadAttachment', kind: 'delay', delayMs: 10_000 });
    const controller = new AbortController();
    const call = rejection(restAdapter().uploadAttachment(new Blob(['x'.repeat(4096)]), 'a.txt', { signal: controller.signal }));
    await untilPending('uploadAttachment');
    const abortedAt = performance.now();
    controller.abort();
    expect((await call).code).to.equal('aborted');
    expect(performance.now() - abortedAt).to.be.below(1000);
  });
});

describe('RestAdapter: writes are answered once', () => {
  it('creates exactly one support case when the response to a connection request is lost and retried', async () => {
    const adapter = restAdapter();
    const requestKey = key();
    await injectFault({ operation: 'requestConnection', kind: 'drop-after' });
    const outcome = await adapter.requestConnection({ accountId: IT, entityIds: [DEMO_IDS.tungstenBank], idempotencyKey: requestKey });
    expect(outcome.kind).to.equal('support-case');
    const requests = await serverLog('requestConnection');
    expect(requests.map((request) => [request.status, request.idempotencyKey, request.replayed])).to.deep.equal([
      ['dropped', requestKey, false],
      [200, requestKey, true],
    ]);
    expect((await adapter.getAttentionSummary()).supportTickets.count).to.equal(3);
    const bank = (await adapter.listRelationships({ accountId: IT })).filter((r) => r.customer.id === DEMO_IDS.tungstenBank);
    expect(bank.map((relationship) => relationship.status)).to.deep.equal(['support-case-open']);
  });

  it('answers the host’s own retry of the same submission with the first outcome', async () => {
    const adapter = restAdapter({ retry: { retries: 0 } });
    const request = { accountId: IT, entityIds: [DEMO_IDS.tungstenBank], idempotencyKey: key() };
    await injectFault({ operation: 'requestConnection', kind: 'drop-after' });
    expect((await rejection(adapter.requestConnection(request))).code).to.equal('network');
    const outcome: ConnectionOutcome = await adapter.requestConnection(request);
    const again = await adapter.requestConnection(request);
    expect(again).to.deep.equal(outcome);
    expect((await adapter.getAttentionSummary()).supportTickets.count).to.equal(3);
  });

  it('spends one attempt for evidence whose answer was lost, and keeps one key across retries', async () => {
    const adapter = restAdapter();
    const session = await openVerification(adapter);
    await injectFault({ operation: 'submitVerificationEvidence', kind: 'drop-after' });
    const result = await adapter.submitVerificationEvidence(session.id, {
      invoiceNumber: 'NOT-AN-INVOICE',
      invoiceDate: '2015-01-01',
      amount: GBP('1.00'),
    });
    expect(result.session.attemptsRemaining).to.equal(2);
    const [dropped, replayed] = await serverLog('submitVerificationEvidence');
    expect(dropped.idempotencyKey).to.be.a('string').and.equal(replayed.idempotencyKey);
    expect(replayed.replayed).to.equal(true);
    // A new call is a new answer, with a new key.
    const next = await adapter.submitVerificationEvidence(session.id, { invoiceNumber: 'NOPE', invoiceDate: '2015-01-01', amount: GBP('1') });
    expect(next.session.attemptsRemaining).to.equal(1);
    expect((await serverLog('submitVerificationEvidence'))[2].idempotencyKey).not.to.equal(dropped.idempotencyKey);
  });

  it('re-uses the upload of an inline attachment when the request is retried', async () => {
    const adapter = restAdapter();
    const request = {
      accountId: IT,
      entityIds: [DEMO_IDS.tungstenBank],
      attachment: { kind: 'inline' as const, file: new Blob(['PO']), name: 'po.txt' },
      idempotencyKey: key(),
    };
    await injectFault({ operation: 'requestConnection', kind: 'respond', status: 503 });
    const first = await rejection(restAdapter({ retry: { retries: 0 } }).requestConnection(request));
    expect(first.code).to.equal('unavailable');
    await adapter.requestConnection(request);
    const uploads = await serverLog('uploadAttachment');
    expect(uploads.map((upload) => upload.replayed)).to.deep.equal([false, true]);
  });
});

describe('Elements on the REST adapter', () => {
  it('<tn-customer-search> lists the Tungsten group from the server', async () => {
    const el = await fixture<TnCustomerSearch>(html`<tn-customer-search .adapter=${restAdapter()} debounce="0"></tn-customer-search>`);
    el.focus();
    await type('tungsten');
    await waitUntil(() => el.shadowRoot!.querySelectorAll('[role="option"]').length === 8, 'no results', { timeout: 5000 });
    expect(el.shadowRoot!.textContent).to.contain('TUNGSTEN ALL COMPANIES GROUP');
  });

  it('<tn-group-picker> asks for the whole group, as before: no countries in its request', async () => {
    const adapter = restAdapter();
    const customer = await adapter.getCustomer(DEMO_IDS.tungstenBank);
    const el = await fixture<TnGroupPicker>(
      html`<tn-group-picker .adapter=${adapter} .customer=${customer} .groupId=${customer.group!.id}></tn-group-picker>`,
    );
    await waitUntil(async () => (await serverLog('getGroup')).some((request) => request.status === 200), 'no group read', {
      timeout: 5000,
    });
    const paths = (await serverLog('getGroup')).map((request) => request.path);
    expect(paths.length).to.be.greaterThan(0);
    expect(paths.filter((path) => path.includes('countries'))).to.deep.equal([]);
    expect(el.shadowRoot!.textContent).to.contain('TUNGSTEN');
  });

  it('<tn-group-picker> puts the server’s field error on the vendor code field', async () => {
    const adapter = restAdapter();
    const customer = await adapter.getCustomer(DEMO_IDS.tungstenBank);
    // The element allows 60 characters; the contract allows 50, so the server answers 400.
    const el = await fixture<TnGroupPicker>(
      html`<tn-group-picker .adapter=${adapter} .customer=${customer} vendor-code-max-length="60"></tn-group-picker>`,
    );
    const root = el.shadowRoot!;
    await waitUntil(() => root.querySelectorAll('select option').length > 2, 'accounts not shown', { timeout: 5000 });
    const select = root.querySelector('select')!;
    select.value = IT;
    select.dispatchEvent(new Event('change'));
    await el.updateComplete;
    root.querySelector<HTMLInputElement>('#vendor-code')!.focus();
    await type('abcdefghij'.repeat(6).slice(0, 55));
    root.querySelector<HTMLButtonElement>('[part~="submit"]')!.click();
    await waitUntil(() => root.querySelector('#vendor-code-error'), 'no error on the vendor code', { timeout: 5000 });
    const input = root.querySelector<HTMLInputElement>('#vendor-code')!;
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    expect(input.getAttribute('aria-describedby')).to.contain('vendor-code-error');
    expect(root.querySelector('#vendor-code-error')!.textContent).to.contain('too long');
    expect(input.value).to.have.length(55);
    const [request] = await serverLog('requestConnection');
    expect(request.status).to.equal(400);
  });
});
