// How the reference server writes answers: JSON and RFC 9457 problem bodies, a cached heavy
// answer (304, gzip or identity), and the two ways of sending — `send` for a request whose
// body has been read, `refuse` for one refused before its body was read (the connection
// closes after the answer, lingering a moment so the client sees the answer, not a reset).
import { STATUS_CODES } from 'node:http';
import { acceptsGzip, matchesEtag } from './heavy-reads.mjs';

/** @typedef {import('./idempotency.mjs').StoredResponse} StoredResponse */

/** How long a refused request's connection lingers to drop what the client still sends (ms). */
const LINGER_MS = 500;

/** A JSON answer. @returns {StoredResponse} */
export function json(status, value, headers = {}) {
  return { status, headers: { 'Content-Type': 'application/json; charset=utf-8', ...headers }, body: JSON.stringify(value) };
}

/** An empty `204`. @returns {StoredResponse} */
export function noContent() {
  return { status: 204, headers: {}, body: '' };
}

/**
 * An RFC 9457 problem answer.
 * @param {number} status
 * @param {{ detail?: string, code?: string, fieldErrors?: import('./contract.mjs').FieldError[], headers?: Record<string, string> }} [extra]
 * @returns {StoredResponse}
 */
export function problem(status, extra = {}) {
  const body = {
    type: 'about:blank',
    title: STATUS_CODES[status] ?? 'Error',
    status,
    ...(extra.detail ? { detail: extra.detail } : {}),
    ...(extra.code ? { code: extra.code } : {}),
    ...(extra.fieldErrors?.length ? { fieldErrors: extra.fieldErrors } : {}),
  };
  return { status, headers: { 'Content-Type': 'application/problem+json; charset=utf-8', ...extra.headers }, body: JSON.stringify(body) };
}

/**
 * A cached heavy answer for this request: `304` when its If-None-Match names the ETag,
 * else the JSON, gzipped when the client accepts it. Browsers revalidate (`no-cache`).
 * @param {import('node:http').IncomingMessage} req
 * @param {import('./heavy-reads.mjs').CachedAnswer} answer
 * @returns {StoredResponse}
 */
export function heavyAnswer(req, answer) {
  const headers = { ETag: answer.etag, 'Cache-Control': 'private, no-cache', Vary: 'Accept-Encoding, Authorization' };
  if (matchesEtag(req.headers['if-none-match'], answer.etag)) return { status: 304, headers, body: '' };
  const gzip = acceptsGzip(req.headers['accept-encoding']);
  return {
    status: 200,
    headers: { 'Content-Type': 'application/json; charset=utf-8', ...headers, ...(gzip ? { 'Content-Encoding': 'gzip' } : {}) },
    body: gzip ? answer.gzip : answer.identity,
  };
}

/**
 * Sends a stored response (plus `extraHeaders`); with `hold`, writes it whole but leaves
 * ending it to the caller (the client has the answer: its length is declared).
 * @param {import('node:http').ServerResponse} res
 * @param {StoredResponse} response
 */
export function send(res, response, extraHeaders = {}, { hold = false } = {}) {
  if (res.headersSent || res.destroyed) return;
  const vary = [res.getHeader('Vary'), response.headers.Vary].filter(Boolean).join(', ');
  const length = response.status === 204 || response.status === 304 ? {} : { 'Content-Length': Buffer.byteLength(response.body) };
  res.writeHead(response.status, { ...response.headers, ...extraHeaders, ...length, ...(vary ? { Vary: vary } : {}) });
  if (hold) res.write(response.body);
  else res.end(response.body);
}

/**
 * Answers without reading the request's body, and closes the connection after the answer:
 * a refused request's body (unauthenticated, too large, of the wrong type, for no
 * operation) is never waited for. The close lingers: the whole answer is written at once,
 * but the response (and with it the connection) ends only when the client has sent its
 * body or LINGER_MS have passed, the server dropping what arrives meanwhile — a browser
 * still uploading when the connection is cut (Firefox, WebKit) reports a network error
 * instead of the answer.
 * @param {import('node:http').ServerResponse} res
 * @param {StoredResponse} response
 */
export function refuse(res, response) {
  const { req } = res;
  if (req.complete) return send(res, response, { Connection: 'close' });
  const finish = () => {
    clearTimeout(timer);
    res.end();
  };
  const timer = setTimeout(finish, LINGER_MS);
  req.once('end', finish);
  req.resume();
  send(res, response, { Connection: 'close' }, { hold: true });
}
