// The reference server's own behaviour, from Node over real HTTP (`npm run test:server`):
// what a browser test cannot see — loopback by default, CORS refusals, preflights, auth,
// size caps, routing errors, concurrent writes under one Idempotency-Key, the log line.
// The adapter-facing behaviour is tested from the browsers (test/rest-adapter.test.ts).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startReferenceServer } from '../server.mjs';

const ORIGIN = 'http://localhost:8000';
const TOKEN = 'node-test-token';
const AUTH = { Authorization: `Bearer ${TOKEN}` };

/** @type {import('../server.mjs').ReferenceServer} */
let server;
/** @type {string[]} */
const lines = [];

before(async () => {
  server = await startReferenceServer({
    port: 0,
    corsOrigins: [ORIGIN],
    token: TOKEN,
    maxBodyBytes: 1024,
    log: (line) => lines.push(line),
  });
});
after(() => server.close());

const url = (path) => `${server.url}${path}`;
const post = (path, body, headers = {}) =>
  fetch(url(path), {
    method: 'POST',
    headers: { ...AUTH, 'Content-Type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

describe('reference server', () => {
  it('listens on loopback by default', () => {
    assert.equal(server.server.address().address, '127.0.0.1');
    assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+\/v1$/);
  });

  it('answers an allowed origin with CORS headers, and a preflight with what it accepts', async () => {
    const response = await fetch(url('/accounts'), { headers: { ...AUTH, Origin: ORIGIN } });
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('access-control-allow-origin'), ORIGIN);
    assert.match(response.headers.get('access-control-expose-headers'), /Retry-After/);
    const preflight = await fetch(url('/connection-requests'), {
      method: 'OPTIONS',
      headers: { Origin: ORIGIN, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'idempotency-key' },
    });
    assert.equal(preflight.status, 204);
    assert.match(preflight.headers.get('access-control-allow-headers'), /Idempotency-Key/);
    assert.match(preflight.headers.get('access-control-allow-methods'), /POST/);
  });

  it('refuses another origin, without CORS headers', async () => {
    const response = await fetch(url('/accounts'), { headers: { ...AUTH, Origin: 'http://elsewhere.test' } });
    assert.equal(response.status, 403);
    assert.equal(response.headers.get('access-control-allow-origin'), null);
  });

  it('requires the bearer token', async () => {
    const response = await fetch(url('/accounts'));
    assert.equal(response.status, 401);
    assert.match(response.headers.get('www-authenticate'), /^Bearer/);
    assert.equal((await response.json()).code, 'unauthorized');
  });

  it('caps JSON bodies, and wants JSON', async () => {
    const big = await post('/connection-requests', { accountId: 'ACC-AOS-IT', entityIds: ['X'], notes: 'n'.repeat(2000) }, {
      'Idempotency-Key': 'big',
    });
    assert.equal(big.status, 413);
    const text = await post('/connection-requests', 'accountId=1', { 'Content-Type': 'text/plain', 'Idempotency-Key': 'text' });
    assert.equal(text.status, 415);
    const broken = await post('/connection-requests', '{"accountId":', { 'Idempotency-Key': 'broken' });
    assert.equal(broken.status, 400);
    assert.match(broken.headers.get('content-type'), /^application\/problem\+json/);
  });

  it('answers an unknown path with 404 and a wrong method with 405', async () => {
    assert.equal((await fetch(url('/nowhere'), { headers: AUTH })).status, 404);
    const wrong = await fetch(url('/accounts'), { method: 'DELETE', headers: AUTH });
    assert.equal(wrong.status, 405);
    assert.equal(wrong.headers.get('allow'), 'GET');
  });

  it('requires an Idempotency-Key on writes, named as the adapter names it', async () => {
    const response = await post('/connection-requests', { accountId: 'ACC-AOS-IT', entityIds: ['AAA489745059'] });
    assert.equal(response.status, 400);
    assert.deepEqual((await response.json()).fieldErrors, [{ field: 'idempotencyKey', code: 'required' }]);
  });

  it('answers concurrent writes under one key once', async () => {
    const body = { accountId: 'ACC-AOS-UK', entityIds: ['AAA652334046'] };
    const answers = await Promise.all([1, 2, 3].map(() => post('/connection-requests', body, { 'Idempotency-Key': 'same' })));
    const bodies = await Promise.all(answers.map((answer) => answer.json()));
    assert.deepEqual(new Set(bodies.map((outcome) => outcome.supportCase.reference)).size, 1);
    assert.equal(answers.filter((answer) => answer.headers.get('idempotent-replayed') === 'true').length, 2);
  });

  it('serves its contract, and no test control without the flag', async () => {
    const contract = await fetch(url('/openapi.json'));
    assert.equal((await contract.json()).openapi, '3.1.0');
    assert.match(await (await fetch(url('/openapi.yaml'))).text(), /^openapi: 3\.1\.0/);
    const control = await fetch(`${new URL(server.url).origin}/__test/log`);
    assert.equal(control.status, 404);
  });

  it('logs one line per request: time, method, path, status, duration, operation', async () => {
    const before = lines.length;
    await fetch(url('/attention-summary'), { headers: AUTH });
    await fetch(url('/support-cases/2879455'), { headers: AUTH });
    assert.equal(lines.length, before + 2);
    assert.match(lines[before], /^\d{4}-\d\d-\d\dT[\d:.]+Z GET \/v1\/attention-summary 200 \d+ms getAttentionSummary$/);
    assert.match(lines[before + 1], / GET \/v1\/support-cases\/2879455 200 \d+ms getSupportCase$/);
  });
});
