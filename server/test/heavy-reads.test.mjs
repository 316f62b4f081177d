// Heavy reads (a whole group) over HTTP: gzipped when accepted, the same JSON either way,
// an ETag that a browser revalidates (304), computed once per state of the caller's network
// however many ask at once, and a bounded cache.
import assert from 'node:assert/strict';
import { get } from './raw-get.mjs';
import { after, before, describe, it } from 'node:test';
import { gunzipSync } from 'node:zlib';
import { HeavyReadCache, acceptsGzip, matchesEtag, serialize } from '../heavy-reads.mjs';
import { startReferenceServer } from '../server.mjs';

const ORIGIN = 'http://portal.example';


describe('heavy reads over HTTP', () => {
  /** @type {import('../server.mjs').ReferenceServer} */
  let server;
  before(async () => {
    server = await startReferenceServer({ port: 0, corsOrigins: [ORIGIN], checkResponses: true, log: () => {} });
  });
  after(() => server.close());
  const group = () => `${server.url}/directory/groups/GRP-GLOBEX`;

  it('answers a group gzipped when the request accepts it, the same JSON as uncompressed, with an ETag', async () => {
    const plain = await get(group(), { 'Accept-Encoding': 'identity' });
    const zipped = await get(group(), { 'Accept-Encoding': 'gzip, deflate, br' });
    assert.equal(plain.status, 200);
    assert.equal(plain.headers['content-encoding'], undefined);
    assert.equal(zipped.headers['content-encoding'], 'gzip');
    assert.deepEqual(gunzipSync(zipped.body), plain.body);
    assert.equal(JSON.parse(plain.body.toString('utf8')).entities.length, 10_000);
    assert.ok(zipped.body.length * 5 < plain.body.length, `gzip: ${zipped.body.length} of ${plain.body.length} bytes`);
    assert.equal(Number(zipped.headers['content-length']), zipped.body.length);
    assert.match(plain.headers.etag, /^W\/"[\w-]+"$/);
    assert.equal(zipped.headers.etag, plain.headers.etag);
    assert.equal(plain.headers['cache-control'], 'private, no-cache');
  });

  it('answers If-None-Match with its ETag by 304 and no body, while the group has not changed', async () => {
    const first = await get(group());
    const again = await get(group(), { 'If-None-Match': first.headers.etag });
    assert.equal(again.status, 304);
    assert.equal(again.body.length, 0);
    assert.equal(again.headers.etag, first.headers.etag);
    // A write that does not change the group: the content, and so the ETag, stay the same.
    await fetch(`${server.url}/attachments?name=a.pdf`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/pdf', 'Idempotency-Key': 'k' },
      body: 'pdf',
    });
    assert.equal((await get(group(), { 'If-None-Match': first.headers.etag })).status, 304);
    assert.equal((await get(group(), { 'If-None-Match': 'W/"other"' })).status, 200);
  });

  it('varies by Origin, Accept-Encoding and Authorization, and still answers a browser origin with CORS', async () => {
    const response = await get(group(), { Origin: ORIGIN, 'Accept-Encoding': 'gzip' });
    assert.equal(response.headers['access-control-allow-origin'], ORIGIN);
    assert.deepEqual(response.headers.vary.split(/,\s*/).sort(), ['Accept-Encoding', 'Authorization', 'Origin']);
  });

  it('serves a flood of the same group from one computation: 100 at once in well under a second each', async () => {
    const started = Date.now();
    const answers = await Promise.all(Array.from({ length: 100 }, () => get(group(), { 'Accept-Encoding': 'gzip' })));
    assert.deepEqual(new Set(answers.map((answer) => answer.status)), new Set([200]));
    assert.equal(new Set(answers.map((answer) => answer.headers.etag)).size, 1);
    assert.ok(Date.now() - started < 20_000, `${Date.now() - started} ms`);
  });

  it('still answers an unknown group 404 and a bad account 422, as problems', async () => {
    const missing = await get(`${server.url}/directory/groups/GRP-NONE`);
    assert.equal(missing.status, 404);
    assert.match(missing.headers['content-type'], /^application\/problem\+json/);
    const account = await get(`${group()}?accountId=ACC-NONE`);
    assert.ok([404, 422].includes(account.status), String(account.status));
  });
});

describe('HeavyReadCache', () => {
  it('computes once for concurrent requests of one key and version, again for a new version', async () => {
    const cache = new HeavyReadCache();
    let computed = 0;
    const compute = () => ({ id: 'g', entities: Array.from({ length: 1200 }, (_, i) => ({ i })), computed: ++computed });
    const answers = await Promise.all(Array.from({ length: 10 }, () => cache.get('g', 1, compute)));
    assert.equal(computed, 1);
    assert.equal(new Set(answers).size, 1);
    await cache.get('g', 1, compute);
    assert.equal(computed, 1);
    await cache.get('g', 2, compute);
    assert.equal(computed, 2);
  });

  it('keeps at most maxEntries answers, the least recently used out first, and nothing for a failed computation', async () => {
    const cache = new HeavyReadCache({ maxEntries: 2 });
    const calls = [];
    const compute = (key) => () => (calls.push(key), { key });
    for (const key of ['a', 'b', 'a', 'c', 'a', 'b']) await cache.get(key, 1, compute(key));
    assert.deepEqual(calls, ['a', 'b', 'c', 'b']);
    await assert.rejects(cache.get('x', 1, () => {
      throw new Error('no such group');
    }), /no such group/);
    assert.equal((await cache.get('x', 1, () => ({ ok: true }))).identity.toString(), '{"ok":true}');
  });

  it('computes a small answer of its own lane while a whole group is being computed in the other', async () => {
    const big = () => ({ entities: Array.from({ length: 100_000 }, (_, i) => ({ i, text: 'x'.repeat(20) })) });
    const order = [];
    const whole = new HeavyReadCache({ lane: 'whole' });
    const slices = new HeavyReadCache({ lane: 'slices' });
    const sameLane = new HeavyReadCache({ lane: 'whole' });
    await Promise.all([
      whole.get('big', 1, big).then(() => order.push('whole')),
      slices.get('small', 1, () => ({ ok: true })).then(() => order.push('slice')),
      sameLane.get('small', 1, () => ({ ok: true })).then(() => order.push('same lane')),
    ]);
    assert.deepEqual(order, ['slice', 'whole', 'same lane']);
  });

  it('serialises exactly as JSON.stringify, a slice at a time', async () => {
    const value = { id: 'g', name: 'n', entities: Array.from({ length: 1234 }, (_, i) => ({ i, text: `\u0000"é${i}` })), after: [1] };
    assert.equal(await serialize(value), JSON.stringify(value));
    assert.equal(await serialize([1, 2]), '[1,2]');
    assert.equal(await serialize(null), 'null');
  });

  it('reads Accept-Encoding and If-None-Match as HTTP says', () => {
    assert.equal(acceptsGzip('gzip, deflate, br'), true);
    assert.equal(acceptsGzip('br;q=1.0, gzip;q=0.5'), true);
    assert.equal(acceptsGzip('gzip;q=0'), false);
    assert.equal(acceptsGzip('identity'), false);
    assert.equal(acceptsGzip('*'), true);
    assert.equal(acceptsGzip(undefined), false);
    assert.equal(matchesEtag('W/"a", W/"b"', 'W/"b"'), true);
    assert.equal(matchesEtag('"b"', 'W/"b"'), true);
    assert.equal(matchesEtag('*', 'W/"b"'), true);
    assert.equal(matchesEtag('W/"c"', 'W/"b"'), false);
  });
});
