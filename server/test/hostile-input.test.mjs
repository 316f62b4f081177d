// Every request is validated before the engine sees it: the hostile-input table
// (hostile-requests.mjs) over every operation of the contract, sent as raw HTTP. No entry
// may get a 5xx or a stack trace; the ones with a named answer (non-object bodies, broken
// percent-encoding, look-alike content types, oversize declared lengths…) get exactly it,
// as application/problem+json.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { loadContract } from '../contract.mjs';
import { startReferenceServer } from '../server.mjs';
import { hostileRequests, send, verificationFor } from './hostile-requests.mjs';

const TOKEN = 'hostile-test-token';
const MAX_BODY = 64 * 1024;
const MAX_UPLOAD = 256 * 1024;

/** @type {import('../server.mjs').ReferenceServer} */
let server;
/** @type {string[]} */
const lines = [];
const contract = loadContract();

before(async () => {
  server = await startReferenceServer({
    port: 0,
    token: TOKEN,
    maxBodyBytes: MAX_BODY,
    maxAttachmentBytes: MAX_UPLOAD,
    checkResponses: true,
    log: (line) => lines.push(line),
  });
});
after(() => server.close());

describe('hostile input', () => {
  it('the table covers every operation of the contract', async () => {
    const table = hostileRequests(contract, { verificationId: 'VER-X', token: TOKEN, maxBodyBytes: MAX_BODY, maxAttachmentBytes: MAX_UPLOAD });
    const covered = new Set(table.map((entry) => entry.operationId));
    assert.deepEqual(
      contract.operations.map((operation) => operation.operationId).filter((id) => !covered.has(id)),
      [],
    );
    assert.ok(table.length > 300, `only ${table.length} requests`);
  });

  it('answers no request of the table with a 5xx, and each named one as expected, as problem+json', async () => {
    const verificationId = await verificationFor(server.url, TOKEN);
    const table = hostileRequests(contract, { verificationId, token: TOKEN, maxBodyBytes: MAX_BODY, maxAttachmentBytes: MAX_UPLOAD });
    const problems = [];
    // Eight at a time: quick, and still every request on its own connection.
    const queue = table.map((entry, index) => ({ entry, index }));
    const results = new Array(table.length);
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        for (let item = queue.shift(); item; item = queue.shift()) results[item.index] = await send(server.url, item.entry);
      }),
    );
    table.forEach((entry, i) => {
      const { status, contentType, body, error } = results[i];
      const name = `${entry.operationId} · ${entry.label}`;
      if (status === 0) problems.push(`${name}: no answer (${error})`);
      else if (status >= 500) problems.push(`${name}: ${status} ${body.slice(0, 200)}`);
      else if (entry.expect && !entry.expect.includes(status)) problems.push(`${name}: ${status}, expected ${entry.expect.join('/')} ${body.slice(0, 200)}`);
      if (status >= 400 && !/^application\/problem\+json/.test(contentType)) problems.push(`${name}: ${status} as ${contentType}`);
      if (/at .+\.(m?js|ts):\d+/.test(body)) problems.push(`${name}: a stack trace in the answer`);
    });
    assert.deepEqual(problems, []);
    assert.deepEqual(lines.filter((line) => /^ERROR|CONTRACT VIOLATION/.test(line)), [], 'the server logged a failure');
  });

  it('says what is wrong: a non-object body, a broken path ID, a look-alike content type', async () => {
    const post = (path, body, headers = {}) =>
      fetch(`${server.url}${path}`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json', 'Idempotency-Key': `k-${Math.random()}`, ...headers },
        body,
      });
    for (const body of ['null', '[]', '"abc"', '123', 'true']) {
      const response = await post('/connection-requests', body);
      assert.equal(response.status, 400, body);
      assert.equal((await response.json()).detail, 'The body must be a JSON object.');
    }
    const broken = await fetch(`${server.url}/directory/entities/%E0%A4%A`, { headers: { Authorization: `Bearer ${TOKEN}` } });
    assert.equal(broken.status, 400);
    assert.deepEqual((await broken.json()).fieldErrors, [{ field: 'id', code: 'invalid', message: 'is not valid percent-encoded UTF-8' }]);
    const patch = await post('/connection-requests', '{}', { 'Content-Type': 'application/json-patch+json' });
    assert.equal(patch.status, 415);
    assert.equal(patch.headers.get('connection'), 'close');
  });
});
