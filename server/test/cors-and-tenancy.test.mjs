// CORS that says what it means, and tenancy: each bearer token of the list has its own
// demo network and idempotency keys; test control needs a token too.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startReferenceServer } from '../server.mjs';

const LISTED = 'http://portal.example';
const ALICE = 'alice-token';
const BOB = 'bob-token';

/** @type {import('../server.mjs').ReferenceServer[]} */
const started = [];
async function start(options) {
  const server = await startReferenceServer({ port: 0, log: () => {}, ...options });
  started.push(server);
  return server;
}
after(() => Promise.all(started.map((server) => server.close())));

const as = (token, headers = {}) => ({ ...(token ? { Authorization: `Bearer ${token}` } : {}), ...headers });

describe('CORS', () => {
  /** @type {import('../server.mjs').ReferenceServer} */
  let server;
  before(async () => {
    server = await start({ corsOrigins: ['*', LISTED] });
  });

  it('answers `*` literally, without credentials, to an origin that is not listed', async () => {
    const response = await fetch(`${server.url}/accounts`, { headers: { Origin: 'http://anyone.example' } });
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('access-control-allow-origin'), '*');
    assert.equal(response.headers.get('access-control-allow-credentials'), null);
    const preflight = await fetch(`${server.url}/connection-requests`, {
      method: 'OPTIONS',
      headers: { Origin: 'http://anyone.example', 'Access-Control-Request-Method': 'POST' },
    });
    assert.equal(preflight.status, 204);
    assert.equal(preflight.headers.get('access-control-allow-origin'), '*');
    assert.equal(preflight.headers.get('access-control-allow-credentials'), null);
  });

  it('echoes a listed origin, with credentials', async () => {
    const response = await fetch(`${server.url}/accounts`, { headers: { Origin: LISTED } });
    assert.equal(response.headers.get('access-control-allow-origin'), LISTED);
    assert.equal(response.headers.get('access-control-allow-credentials'), 'true');
    assert.match(response.headers.get('vary'), /Origin/);
  });

  it('never allows the origin `null` (sandboxed frames, file: pages) unless it is listed', async () => {
    const refused = await fetch(`${server.url}/accounts`, { headers: { Origin: 'null' } });
    assert.equal(refused.status, 403);
    assert.equal(refused.headers.get('access-control-allow-origin'), null);
    const listed = await start({ corsOrigins: ['null'] });
    const allowed = await fetch(`${listed.url}/accounts`, { headers: { Origin: 'null' } });
    assert.equal(allowed.status, 200);
    assert.equal(allowed.headers.get('access-control-allow-origin'), 'null');
  });

  it('without `*`, refuses an origin that is not listed', async () => {
    const strict = await start({ corsOrigins: [LISTED] });
    const response = await fetch(`${strict.url}/accounts`, { headers: { Origin: 'http://anyone.example' } });
    assert.equal(response.status, 403);
    assert.equal(response.headers.get('access-control-allow-origin'), null);
  });
});

describe('tenancy', () => {
  /** @type {import('../server.mjs').ReferenceServer} */
  let server;
  /** @type {string[]} */
  const lines = [];
  before(async () => {
    server = await start({ tokens: [ALICE, BOB], testControl: true, log: (line) => lines.push(line) });
  });

  const requestConnection = (token, key, entityId) =>
    fetch(`${server.url}/connection-requests`, {
      method: 'POST',
      headers: as(token, { 'Content-Type': 'application/json', 'Idempotency-Key': key }),
      body: JSON.stringify({ accountId: 'ACC-AOS-UK', entityIds: [entityId] }),
    });

  it('refuses a token that is not listed, and no token', async () => {
    assert.equal((await fetch(`${server.url}/accounts`, { headers: as('mallory-token') })).status, 401);
    assert.equal((await fetch(`${server.url}/accounts`)).status, 401);
  });

  it('gives two tokens the same key without mixing their answers: each caller gets its own support case', async () => {
    const alice = await (await requestConnection(ALICE, 'same-key', 'AAA300000003')).json();
    const bob = await requestConnection(BOB, 'same-key', 'AAA300000003');
    assert.equal(bob.headers.get('idempotent-replayed'), null, "Bob's request was answered with Alice's");
    const bobs = await bob.json();
    assert.equal(alice.kind, 'support-case');
    assert.equal(bobs.kind, 'support-case');
    assert.notEqual(bobs.supportCase.reference, undefined);
    // Each network numbers its own cases: the same reference, in two separate networks.
    const aliceCase = await fetch(`${server.url}/support-cases/${alice.supportCase.reference}`, { headers: as(ALICE) });
    assert.equal((await aliceCase.json()).customers[0].id, 'AAA300000003');
  });

  it("never shows one caller another's data: Bob's relationships do not list what Alice asked for", async () => {
    await requestConnection(ALICE, 'alice-only', 'AAA300000006');
    const list = async (token) =>
      (await (await fetch(`${server.url}/relationships?accountId=ACC-AOS-UK`, { headers: as(token) })).json()).items.map(
        (relationship) => relationship.entityId ?? relationship.customer?.id,
      );
    const alices = JSON.stringify(await list(ALICE));
    const bobs = JSON.stringify(await list(BOB));
    assert.match(alices, /AAA300000006/);
    assert.doesNotMatch(bobs, /AAA300000006/);
  });

  it('names the caller in the log by number, never by token', async () => {
    await fetch(`${server.url}/accounts`, { headers: as(BOB) });
    assert.match(lines.at(-1), / listAccounts caller=2$/);
    assert.equal(lines.filter((line) => line.includes(ALICE) || line.includes(BOB)).length, 0);
  });

  it('asks test control for a token too; a reset is for the caller only', async () => {
    const origin = new URL(server.url).origin;
    assert.equal((await fetch(`${origin}/__test/log`)).status, 401);
    assert.equal((await fetch(`${origin}/__test/reset`, { method: 'POST', headers: as('mallory-token') })).status, 401);
    const faults = await fetch(`${origin}/__test/faults`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ operation: '*', kind: 'respond', status: 500 }),
    });
    assert.equal(faults.status, 401);
    assert.equal((await fetch(`${origin}/__test/log`, { headers: as(ALICE) })).status, 200);

    const tickets = async (token) =>
      JSON.stringify((await (await fetch(`${server.url}/attention-summary`, { headers: as(token) })).json()).supportTickets);
    const before = await tickets(BOB);
    assert.equal((await fetch(`${origin}/__test/reset`, { method: 'POST', headers: as(ALICE) })).status, 204);
    // Bob's network keeps its state (his support case is still open), Alice's is the seed again.
    const bobsCase = await requestConnection(BOB, 'same-key', 'AAA300000003');
    assert.equal(bobsCase.headers.get('idempotent-replayed'), 'true');
    const alicesAgain = await requestConnection(ALICE, 'alice-only', 'AAA300000003');
    assert.equal(alicesAgain.headers.get('idempotent-replayed'), null);
    assert.equal(await tickets(BOB), before);
  });

  it('refuses to start with a token that cannot be one, or the same token twice', async () => {
    await assert.rejects(startReferenceServer({ port: 0, tokens: ['has space'] }), /bearer token/);
    await assert.rejects(startReferenceServer({ port: 0, tokens: [ALICE, ALICE] }), /twice/);
  });
});
