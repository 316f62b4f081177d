// Reading what a request brings, before anything is believed: its target as a URL, its
// body (capped, hashed as it arrives), its Content-Type, and its parameters — path, query
// and header, each coerced by its schema and checked with the contract's validator, so
// that a wrong value is a field error rather than something the engine has to survive.
import { createHash } from 'node:crypto';
import { codeFor } from './contract.mjs';

/** Strict UTF-8: a body that is not is a 400, not a string with U+FFFD in it. */
export const utf8 = new TextDecoder('utf-8', { fatal: true });

/** The request target as a URL, or undefined when it is not one (absolute form or a path). */
export function requestUrl(target) {
  try {
    return target.startsWith('/') ? new URL(`http://server${target}`) : new URL(target);
  } catch {
    return undefined;
  }
}

/**
 * Reads a request body up to `limit` bytes, hashing it as it comes. Past the limit it stops
 * reading and resolves `tooLarge` at once (the answer, a 413, closes the connection). A
 * declared `Content-Length` over the limit never gets here (refused before any byte is read).
 * A client that stops sending is cut by the server's request timeout.
 * @param {import('node:http').IncomingMessage} req
 * @param {number} limit
 * @param {boolean} keep  keep the bytes (a JSON body), or only count and hash them (an upload)
 * @returns {Promise<{ size: number, hash: string, bytes?: Buffer, tooLarge: boolean }>}
 */
export function readBody(req, limit, keep) {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    /** @type {Buffer[]} */
    const chunks = [];
    let size = 0;
    const onData = (chunk) => {
      size += chunk.length;
      if (size > limit) {
        req.off('data', onData);
        req.pause();
        resolve({ size, hash: '', tooLarge: true });
        return;
      }
      hash.update(chunk);
      if (keep) chunks.push(chunk);
    };
    req.on('data', onData);
    req.on('end', () =>
      resolve({ size, hash: hash.digest('hex'), bytes: keep ? Buffer.concat(chunks) : undefined, tooLarge: size > limit }),
    );
    req.on('error', reject);
  });
}

/** The media type of a Content-Type header, lower case without parameters; `charset` when one is given. */
export function mediaType(header) {
  const [type = '', ...parameters] = String(header ?? '').split(';');
  const charset = parameters
    .map((parameter) => parameter.trim().split('='))
    .find(([name]) => name?.toLowerCase() === 'charset')?.[1]
    ?.replace(/^"|"$/g, '')
    .toLowerCase();
  return { type: type.trim().toLowerCase(), charset };
}

/** A plain JSON object (not null, an array, a string, a number or a boolean). */
export function isJsonObject(value) {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * `text=a&pageSize=2` → `{ text: 'a', pageSize: 2 }`, coercing by each parameter's schema
 * type; an array is comma-separated (`countries=FR,DE`, the contract's `explode: false`),
 * and an empty value is an empty array.
 */
export function coerce(value, schema) {
  if (value === undefined) return undefined;
  if ((schema?.type === 'integer' || schema?.type === 'number') && /^-?\d+(\.\d+)?$/.test(value)) return Number(value);
  if (schema?.type === 'array') return value === '' ? [] : value.split(',');
  return value;
}

/**
 * The operation's path, query and header parameters, each checked with its schema from the
 * contract: the valid ones by name, and a field error for each of the others.
 * @param {import('node:http').IncomingMessage} req
 * @param {URL} url
 * @param {import('./contract.mjs').Operation} operation
 * @param {RegExpMatchArray} match  the path matched against the operation's pattern
 * @returns {{ params: Record<string, unknown>, fieldErrors: import('./contract.mjs').FieldError[] }}
 */
export function readParameters(req, url, operation, match) {
  /** @type {Record<string, unknown>} */
  const params = {};
  /** @type {import('./contract.mjs').FieldError[]} */
  const fieldErrors = [];
  for (const parameter of operation.parameters) {
    let raw;
    if (parameter.in === 'path') {
      try {
        raw = decodeURIComponent(match[operation.pathNames.indexOf(parameter.name) + 1]);
      } catch {
        fieldErrors.push({ field: parameter.field, code: 'invalid', message: 'is not valid percent-encoded UTF-8' });
        continue;
      }
    } else if (parameter.in === 'query') {
      // A list is one comma-separated value: the same list given twice is refused, not half read.
      if (parameter.schema?.type === 'array' && url.searchParams.getAll(parameter.name).length > 1) {
        fieldErrors.push({ field: parameter.field, code: 'invalid', message: 'is given more than once (separate the items with commas)' });
        continue;
      }
      raw = url.searchParams.get(parameter.name) ?? undefined;
    } else raw = req.headers[parameter.name.toLowerCase()];
    const value = coerce(raw, parameter.schema);
    if (value === undefined) {
      if (parameter.required) fieldErrors.push({ field: parameter.field, code: 'required' });
      continue;
    }
    if (!parameter.validate(value)) {
      const [error] = parameter.validate.errors;
      // Which item of a list is wrong, and what it is (cut short: it is the caller's text).
      const item = error.instancePath.slice(1);
      const where = item ? ` (item ${item}: ${JSON.stringify(String(value[item])).slice(0, 40)})` : '';
      fieldErrors.push({ field: parameter.field, code: codeFor(error), message: `${error.message}${where}` });
      continue;
    }
    params[parameter.name] = value;
  }
  return { params, fieldErrors };
}
