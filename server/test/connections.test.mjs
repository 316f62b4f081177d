// Connection hygiene, over raw sockets: timeouts and a connection cap set on purpose, a
// refused request's body never waited for, an oversize declared length refused at once.
import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { startReferenceServer } from '../server.mjs';

const TOKEN = 'conn-token';

/**
 * Opens a socket and writes `text`; resolves what the server sent and when it closed
 * (ms after the write), or `open: true` when it had not closed after `waitMs`.
 */
function exchange(url, text, { waitMs = 4000 } = {}) {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect(Number(port), hostname);
    let received = '';
    let firstByteMs;
    const start = Date.now();
    const timer = setTimeout(() => {
      socket.destroy();
      resolve({ received, firstByteMs, open: true });
    }, waitMs);
    socket.on('data', (chunk) => {
      firstByteMs ??= Date.now() - start;
      received += chunk.toString('latin1');
    });
    socket.on('error', () => {});
    socket.on('close', () => {
      clearTimeout(timer);
      resolve({ received, firstByteMs, closedMs: Date.now() - start, open: false });
    });
    socket.write(text);
  });
}

describe('connections', () => {
  /** @type {import('../server.mjs').ReferenceServer} */
  let server;
  /** @type {import('../server.mjs').ReferenceServer} */
  let defaults;
  before(async () => {
    server = await startReferenceServer({
      port: 0,
      token: TOKEN,
      maxBodyBytes: 1024,
      headersTimeoutMs: 1000,
      requestTimeoutMs: 1500,
      maxConnections: 4,
      log: () => {},
    });
    defaults = await startReferenceServer({ port: 0, log: () => {} });
  });
  after(() => Promise.all([server.close(), defaults.close()]));

  const path = () => new URL(server.url).pathname;

  it('sets its timeouts and connection cap on purpose', () => {
    const node = defaults.server;
    assert.deepEqual(
      [node.headersTimeout, node.requestTimeout, node.keepAliveTimeout, node.maxConnections],
      [10_000, 60_000, 5_000, 256],
    );
  });

  it('answers an unauthenticated request at once, without waiting for its body, and closes the connection', async () => {
    const result = await exchange(
      server.url,
      `POST ${path()}/connection-requests HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nIdempotency-Key: k\r\nContent-Length: 1000\r\n\r\n{"acc`,
    );
    assert.match(result.received, /^HTTP\/1\.1 401 /);
    assert.match(result.received, /\r\nConnection: close\r\n/i);
    // The answer comes before the body; the close lingers briefly (a browser still uploading
    // needs that to read the answer), well under the second.
    assert.ok(result.firstByteMs < 400, `answered after ${result.firstByteMs} ms`);
    assert.equal(result.open, false, 'the connection stayed open for the body');
    assert.ok(result.closedMs < 1000, `closed after ${result.closedMs} ms`);
  });

  it('refuses a declared Content-Length over the cap at once (413), before any of the body', async () => {
    const result = await exchange(
      server.url,
      `POST ${path()}/connection-requests HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${TOKEN}\r\nContent-Type: application/json\r\nIdempotency-Key: k\r\nContent-Length: 5000000000\r\n\r\n`,
    );
    assert.match(result.received, /^HTTP\/1\.1 413 /);
    assert.match(result.received, /"detail":"The body is over the limit of 1024 bytes\."/);
    assert.equal(result.open, false);
    assert.ok(result.closedMs < 1000, `closed after ${result.closedMs} ms`);
  });

  it('cuts a body trickled too slowly (request timeout)', async () => {
    const result = await exchange(
      server.url,
      `POST ${path()}/connection-requests HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${TOKEN}\r\nContent-Type: application/json\r\nIdempotency-Key: k\r\nContent-Length: 100\r\n\r\n{`,
      { waitMs: 6000 },
    );
    assert.equal(result.open, false, 'a trickled body kept the connection open');
    assert.ok(result.closedMs >= 1400 && result.closedMs < 4500, `closed after ${result.closedMs} ms`);
  });

  it('cuts headers trickled too slowly (headers timeout)', async () => {
    const result = await exchange(server.url, `GET ${path()}/accounts HTTP/1.1\r\nHost: x\r\n`, { waitMs: 6000 });
    assert.equal(result.open, false);
    assert.ok(result.closedMs >= 900 && result.closedMs < 4000, `closed after ${result.closedMs} ms`);
  });

  it('closes connections over the cap at once', async () => {
    const { hostname, port } = new URL(server.url);
    const held = await Promise.all(
      Array.from({ length: 4 }, () => new Promise((resolve) => {
        const socket = connect(Number(port), hostname, () => resolve(socket));
        socket.on('error', () => {});
      })),
    );
    try {
      await new Promise((resolve) => setTimeout(resolve, 100));
      const extra = await exchange(server.url, `GET ${path()}/accounts HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${TOKEN}\r\n\r\n`, {
        waitMs: 2000,
      });
      assert.equal(extra.received, '', 'a connection over the cap was served');
      assert.equal(extra.open, false);
    } finally {
      for (const socket of held) socket.destroy();
    }
    // Once they are gone, it serves again.
    await new Promise((resolve) => setTimeout(resolve, 100));
    const response = await fetch(`${server.url}/accounts`, { headers: { Authorization: `Bearer ${TOKEN}` } });
    assert.equal(response.status, 200);
  });
});
