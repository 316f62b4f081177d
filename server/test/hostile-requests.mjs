// The hostile-input table: for every operation of the contract, a valid request and the
// same request made wrong in every way a client (or an attacker) can — bodies that are not
// objects, broken JSON, bad UTF-8, look-alike content types, broken percent-encoding in path
// IDs, wrong parameter types, oversize fields, missing or wrong credentials and keys,
// declared sizes over the cap. Shared by server/test/hostile-input.test.mjs (which asserts
// that none is answered 5xx, and that the named ones get their 400/413/415) and
// scripts/server-load.mjs (which prints the statuses). Requests are sent with node:http, so
// bytes, headers and paths go out exactly as written (fetch would normalise them).
import { request as httpRequest } from 'node:http';

/**
 * @typedef {object} HostileRequest
 * @property {string} operationId       the contract operation it targets (or '*' for none in particular)
 * @property {string} label             what is wrong with it
 * @property {string} method
 * @property {string} path              below the base URL, sent as is (not re-encoded)
 * @property {Record<string, string>} headers
 * @property {string | Buffer} [body]
 * @property {number[]} [expect]        the statuses it must get; any 2xx–4xx when absent
 */

/** The demo's IDs the valid requests use. */
export const IDS = {
  account: 'ACC-AOS-IT',
  entity: 'AAA489745059',
  /** The demonstration buyer: it holds invoice history, so a connection request opens a verification. */
  withHistory: 'AAA300000001',
  group: 'GRP-TUNGSTEN',
  supportCase: '2879455',
};

/**
 * A valid request for each operation. `verificationId` comes from a connection request made
 * first (see `verificationFor`).
 * @param {{ verificationId: string }} context
 * @returns {Record<string, { method: string, path: string, body?: unknown, upload?: boolean }>}
 */
export function validRequests({ verificationId }) {
  const money = { amount: '4508.00', currency: 'EUR' };
  return {
    searchDirectory: { method: 'GET', path: '/directory/entities?text=tungsten&pageSize=5' },
    getCustomer: { method: 'GET', path: `/directory/entities/${IDS.entity}` },
    getGroup: { method: 'GET', path: `/directory/groups/${IDS.group}?accountId=${IDS.account}&countries=GB,FR` },
    listAccounts: { method: 'GET', path: '/accounts' },
    uploadAttachment: { method: 'POST', path: '/attachments?name=invoice.pdf', upload: true },
    requestConnection: { method: 'POST', path: '/connection-requests', body: { accountId: IDS.account, entityIds: [IDS.entity] } },
    getVerification: { method: 'GET', path: `/verifications/${verificationId}` },
    submitVerificationEvidence: {
      method: 'POST',
      path: `/verifications/${verificationId}/evidence`,
      body: { invoiceNumber: 'TNA9322', invoiceDate: '2015-08-10', amount: money },
    },
    answerChallenge: {
      method: 'POST',
      path: `/verifications/${verificationId}/challenge-answer`,
      body: { invoiceDate: '2015-08-10', amount: money },
    },
    connectWithoutVerification: { method: 'POST', path: `/verifications/${verificationId}/support-case` },
    getSupportCase: { method: 'GET', path: `/support-cases/${IDS.supportCase}` },
    getAttentionSummary: { method: 'GET', path: '/attention-summary' },
    listRelationships: { method: 'GET', path: `/relationships?accountId=${IDS.account}` },
  };
}

let keyCounter = 0;
/** A fresh Idempotency-Key. */
const freshKey = () => `hostile-${process.pid}-${Date.now()}-${++keyCounter}`;

/** Bodies that are JSON but not an object: the contract's bodies are all objects → 400. */
const NON_OBJECT_BODIES = ['null', '[]', '"abc"', '123', 'true', '[{"accountId":"ACC-AOS-IT"}]'];

/** Path IDs that are not valid percent-encoded UTF-8 → 400. */
const BROKEN_ENCODINGS = ['%E0%A4%A', '%', '%ZZ', '%C0%AF', '%ED%A0%80', 'abc%'];

/**
 * The table: every operation's valid request, then that request broken in each applicable way.
 * @param {import('../contract.mjs').Contract} contract
 * @param {{ verificationId: string, token?: string, maxBodyBytes: number, maxAttachmentBytes: number }} context
 * @returns {HostileRequest[]}
 */
export function hostileRequests(contract, context) {
  const valid = validRequests(context);
  const auth = context.token ? { Authorization: `Bearer ${context.token}` } : {};
  /** @type {HostileRequest[]} */
  const table = [];
  for (const operation of contract.operations) {
    const base = valid[operation.operationId];
    if (!base) throw new Error(`No valid request for ${operation.operationId}: add one to validRequests().`);
    const write = operation.method === 'POST';
    const headersFor = (extra = {}) => ({
      ...auth,
      ...(write ? { 'Idempotency-Key': freshKey() } : {}),
      ...(operation.body === 'json' ? { 'Content-Type': 'application/json' } : {}),
      ...(operation.body === 'binary' ? { 'Content-Type': 'application/pdf' } : {}),
      ...extra,
    });
    const bodyText = operation.body === 'json' ? JSON.stringify(base.body) : operation.body === 'binary' ? '%PDF-1.4 demo' : undefined;
    const add = (label, changes = {}) =>
      table.push({
        operationId: operation.operationId,
        label,
        method: changes.method ?? base.method,
        path: changes.path ?? base.path,
        headers: changes.headers ?? headersFor(),
        body: 'body' in changes ? changes.body : bodyText,
        expect: changes.expect,
      });

    add('valid request', { expect: [operation.successStatus, 409, 422] });
    add('no credentials', { headers: Object.fromEntries(Object.entries(headersFor()).filter(([name]) => name !== 'Authorization')), expect: context.token ? [401] : undefined });
    add('wrong bearer token', { headers: headersFor({ Authorization: 'Bearer not-the-token' }), expect: context.token ? [401] : undefined });
    add('malformed Authorization', { headers: headersFor({ Authorization: 'Bearer' }), expect: context.token ? [401] : undefined });
    add('wrong method', { method: write ? 'GET' : 'POST', expect: [405] });
    add('DELETE', { method: 'DELETE', expect: [405] });
    add('query string junk', { path: `${base.path}${base.path.includes('?') ? '&' : '?'}%ZZ=%E0%A4%A&pageSize=%FF` });
    add('path with trailing slash', { path: `${base.path.split('?')[0]}/`, expect: [404, 405] });
    add('path traversal', { path: `/../..${base.path}` });

    // Path IDs: broken percent-encoding, NUL, overlong, encoded slash.
    if (operation.pathNames.length > 0) {
      const [pathOnly, query] = base.path.split('?');
      const segments = pathOnly.split('/');
      const templateSegments = operation.pathTemplate.split('/');
      const at = templateSegments.findIndex((segment) => segment.startsWith('{'));
      const withId = (id) => [...segments.slice(0, at), id, ...segments.slice(at + 1)].join('/') + (query ? `?${query}` : '');
      for (const broken of BROKEN_ENCODINGS) add(`path ID ${broken}`, { path: withId(broken), expect: [400] });
      add('path ID %00', { path: withId('%00') });
      add('path ID of 5,000 characters', { path: withId('A'.repeat(5000)), expect: [400, 404] });
      add('path ID %2F..%2F', { path: withId('%2F..%2F') });
      add('path ID in Arabic', { path: withId(encodeURIComponent('معرف')) });
    }

    // Query parameters of the wrong type or size.
    for (const parameter of operation.parameters.filter((entry) => entry.in === 'query')) {
      const set = (value) => {
        const url = new URL(base.path, 'http://x');
        url.searchParams.set(parameter.name, value);
        return url.pathname + url.search;
      };
      add(`${parameter.name}= (empty)`, { path: set('') });
      add(`${parameter.name} of 10,000 characters`, { path: set('x'.repeat(10_000)), expect: [400, 404, 422] });
      if (parameter.schema?.type === 'integer') {
        for (const value of ['-1', '0', '1e3', 'abc', '99999999999999999999', '1.5']) add(`${parameter.name}=${value}`, { path: set(value), expect: [200, 400] });
      }
      // A list of country codes: malformed, unknown (not assigned by ISO 3166-1) or too many is a 400.
      if (parameter.schema?.type === 'array') {
        const malformed = ['fr', 'FRA', 'F', 'ZZ', 'XK', 'EU', 'UK', 'FR,', ',FR', 'FR,,DE', 'FR DE', 'FR;DE', '%00', 'F%00', 'ＦＲ', 'ﬀ', 'FR,de', 'null', '[]', '__proto__'];
        for (const value of malformed) add(`${parameter.name}=${value}`, { path: set(value), expect: [400] });
        add(`${parameter.name} with 250 codes`, { path: set(Array(250).fill('FR').join(',')), expect: [400] });
        add(`${parameter.name} given twice`, { path: `${set('FR')}&${parameter.name}=DE`, expect: [400] });
        add(`${parameter.name}=FR,DE`, { path: set('FR,DE'), expect: [200] });
        add(`${parameter.name}=FR,FR (repeated)`, { path: set('FR,FR'), expect: [200] });
        add(`${parameter.name}= (the totals alone)`, { path: set(''), expect: [200] });
      }
    }

    // Writes: the Idempotency-Key.
    if (write) {
      add('no Idempotency-Key', { headers: Object.fromEntries(Object.entries(headersFor()).filter(([name]) => name !== 'Idempotency-Key')), expect: [400] });
      add('Idempotency-Key of 300 characters', { headers: headersFor({ 'Idempotency-Key': 'k'.repeat(300) }), expect: [400] });
      add('Idempotency-Key with a space', { headers: headersFor({ 'Idempotency-Key': 'a b' }), expect: [400] });
      add('Idempotency-Key in Latin-1', { headers: headersFor({ 'Idempotency-Key': Buffer.from('clé', 'latin1').toString('latin1') }), expect: [400] });
    }

    // JSON bodies.
    if (operation.body === 'json') {
      for (const text of NON_OBJECT_BODIES) add(`body ${text}`, { body: text, expect: [400] });
      add('body {}', { body: '{}', expect: [400] });
      add('body broken JSON', { body: '{"accountId":', expect: [400] });
      add('body empty', { body: '', expect: [400] });
      add('body not UTF-8', { body: Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d]), expect: [400] });
      add('body with a BOM', { body: `\ufeff${bodyText}` }); // RFC 8259 lets a parser ignore it
      add('body nested 30,000 deep', { body: `${'['.repeat(30_000)}${']'.repeat(30_000)}`, expect: [400] });
      add('body with an object nested 10,000 deep', { body: `${bodyText.slice(0, -1)},"extra":${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}}`, expect: [400] });
      add('body __proto__', { body: `{"__proto__":{"polluted":true},${bodyText.slice(1)}`, expect: [400] });
      add('body with an unknown property', { body: JSON.stringify({ ...base.body, admin: true }), expect: [400] });
      for (const [name, value] of Object.entries(base.body)) {
        add(`body ${name}: null`, { body: JSON.stringify({ ...base.body, [name]: null }), expect: [400] });
        add(`body ${name}: 123`, { body: JSON.stringify({ ...base.body, [name]: 123 }), expect: [400] });
        add(`body ${name}: {}`, { body: JSON.stringify({ ...base.body, [name]: {} }), expect: [400] });
        if (typeof value === 'object' && !Array.isArray(value)) {
          add(`body ${name} with a 100,000-digit amount`, { body: JSON.stringify({ ...base.body, [name]: { ...value, amount: '9'.repeat(100_000) } }) });
        }
      }
      add('body over the cap, chunked', { body: `{"notes":"${'n'.repeat(context.maxBodyBytes)}"}`, headers: headersFor({ 'Transfer-Encoding': 'chunked' }), expect: [413] });
      add('Content-Type application/json-patch+json', { headers: headersFor({ 'Content-Type': 'application/json-patch+json' }), expect: [415] });
      add('Content-Type application/jsonp', { headers: headersFor({ 'Content-Type': 'application/jsonp' }), expect: [415] });
      add('Content-Type text/plain', { headers: headersFor({ 'Content-Type': 'text/plain' }), expect: [415] });
      add('Content-Type application/json; charset=latin1', { headers: headersFor({ 'Content-Type': 'application/json; charset=latin1' }), expect: [415] });
      add('no Content-Type', { headers: Object.fromEntries(Object.entries(headersFor()).filter(([name]) => name !== 'Content-Type')), expect: [415] });
      add('Content-Type APPLICATION/JSON; Charset="UTF-8"', { headers: headersFor({ 'Content-Type': 'APPLICATION/JSON; Charset="UTF-8"' }), expect: [operation.successStatus, 409, 422] });
    }
    // A declared length over the cap, with no body sent: refused at once.
    if (operation.body !== 'none') {
      const limit = operation.body === 'binary' ? context.maxAttachmentBytes : context.maxBodyBytes;
      add('declared Content-Length over the cap', { headers: headersFor({ 'Content-Length': String(limit + 1) }), body: undefined, expect: [413] });
    }
    if (operation.body === 'binary') add('empty upload', { body: '' });
  }
  // Not aimed at one operation.
  const any = (label, changes) => table.push({ operationId: '*', label, method: 'GET', path: '/accounts', headers: { ...auth }, ...changes });
  any('unknown path', { path: '/nowhere', expect: [404] });
  any('path outside the base', { path: '/../../etc/passwd', expect: [404] });
  any('OPTIONS without Origin', { method: 'OPTIONS', expect: [204] });
  any('request target *', { path: '*', expect: [400, 404] });
  return table;
}

/**
 * Sends one request of the table as written. Resolves `{ status, contentType, body }`
 * (status 0 and `error` when the connection failed).
 * @param {string} baseUrl  the API's base URL (`http://127.0.0.1:PORT/v1`)
 * @param {HostileRequest} entry
 */
export function send(baseUrl, entry) {
  const base = new URL(baseUrl);
  const path = entry.path === '*' ? '*' : `${base.pathname}${entry.path}`;
  return new Promise((resolve) => {
    const headers = { ...entry.headers };
    if (entry.body !== undefined && !headers['Transfer-Encoding'] && !headers['Content-Length']) {
      headers['Content-Length'] = String(Buffer.byteLength(entry.body));
    }
    const req = httpRequest({ host: base.hostname, port: base.port, method: entry.method, path, headers, agent: false }, (res) => {
      const chunks = [];
      res.on('data', (chunk) => chunks.push(chunk));
      res.on('end', () => {
        resolve({ status: res.statusCode ?? 0, contentType: res.headers['content-type'] ?? '', body: Buffer.concat(chunks).toString('utf8') });
        req.destroy();
      });
      res.on('error', (error) => resolve({ status: 0, contentType: '', body: '', error: error.message }));
    });
    req.on('error', (error) => resolve({ status: 0, contentType: '', body: '', error: error.message }));
    // A declared Content-Length with no body: the server must answer without waiting for it.
    if (entry.body !== undefined) req.end(entry.body);
    else if (entry.headers['Content-Length'] !== undefined) req.flushHeaders();
    else req.end();
  });
}

/**
 * A verification to aim the verification operations at: a connection request from the IT
 * account to the demonstration buyer, which holds invoice history (once per network: a
 * second request finds the connection pending).
 * @param {string} baseUrl
 * @param {string} [token]
 * @returns {Promise<string>}
 */
export async function verificationFor(baseUrl, token) {
  const response = await fetch(`${baseUrl}/connection-requests`, {
    method: 'POST',
    headers: {
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
      'Content-Type': 'application/json',
      'Idempotency-Key': freshKey(),
    },
    body: JSON.stringify({ accountId: IDS.account, entityIds: [IDS.withHistory] }),
  });
  const outcome = await response.json();
  if (outcome.kind !== 'verification-required') throw new Error(`expected a verification, got ${JSON.stringify(outcome).slice(0, 200)}`);
  return outcome.verification.id;
}
