// The operations: what each one does on the caller's demo network (HANDLERS, by
// operationId = adapter method), and how one request becomes an answer — declared size and
// type, the body, parameters and body checked against the contract, test-control faults,
// idempotency for writes, heavy reads from their cache, engine errors as problems.
import { createHash } from 'node:crypto';
import { heavyAnswer, json, problem } from './answers.mjs';
import { bodyFieldErrors } from './contract.mjs';
import { isJsonObject, mediaType, readBody, readParameters, utf8 } from './request-input.mjs';

/** @typedef {import('./idempotency.mjs').StoredResponse} StoredResponse */

/** HTTP status for each adapter error code the engine throws. */
const STATUS_BY_CODE = {
  invalid: 422,
  'not-found': 404,
  conflict: 409,
  unauthorized: 401,
  forbidden: 403,
  'rate-limited': 429,
  unavailable: 503,
  timeout: 504,
};
/** Heavy reads: answered from a cache per caller (computed once per state of its network), gzipped, with an ETag. */
const HEAVY_READS = new Set(['getGroup']);

/**
 * A group cut down to some countries: their entities (in the group's order) and, for every
 * country of the whole group, how many entities it has there — what a client needs to offer
 * a choice of countries without fetching every entity first (an empty list asks for the
 * totals alone).
 * @param {{ id: string, name: string, entities: { country: string }[] }} group
 * @param {string[]} countries
 */
export function groupInCountries(group, countries) {
  const wanted = new Set(countries);
  /** @type {Map<string, number>} */
  const totals = new Map();
  for (const entity of group.entities) totals.set(entity.country, (totals.get(entity.country) ?? 0) + 1);
  return {
    id: group.id,
    name: group.name,
    entities: group.entities.filter((entity) => wanted.has(entity.country)),
    countries: [...totals].sort(([a], [b]) => (a < b ? -1 : 1)).map(([code, total]) => ({ code, total })),
  };
}

/**
 * The operations, by operationId (= adapter method): each turns the validated request into
 * a call of the demo network and returns the success body. Engine errors propagate.
 * @type {Record<string, (request: { network: any, params: Record<string, any>, body: any, upload?: { size: number } }) => unknown>}
 */
export const HANDLERS = {
  searchDirectory: ({ network, params }) =>
    network.searchDirectory({ text: params.text, cursor: params.cursor, pageSize: params.pageSize }),
  getCustomer: ({ network, params }) => network.getCustomer(params.id),
  getGroup: ({ network, params }) => {
    const group = network.getGroup(params.groupId, { accountId: params.accountId });
    return params.countries === undefined ? group : groupInCountries(group, params.countries);
  },
  listAccounts: ({ network }) => ({ items: network.listAccounts() }),
  uploadAttachment: ({ network, params, upload }) => network.registerAttachment(params.name, upload?.size ?? 0),
  requestConnection: ({ network, params, body }) =>
    network.requestConnection({
      ...body,
      attachment: body.attachment ? { kind: 'uploaded', ...body.attachment } : undefined,
      idempotencyKey: params['Idempotency-Key'],
    }),
  getVerification: ({ network, params }) => network.getVerification(params.verificationId),
  submitVerificationEvidence: ({ network, params, body }) => network.submitVerificationEvidence(params.verificationId, body),
  answerChallenge: ({ network, params, body }) => network.answerChallenge(params.verificationId, body),
  connectWithoutVerification: ({ network, params }) =>
    network.connectWithoutVerification(params.verificationId, { idempotencyKey: params['Idempotency-Key'] }),
  getSupportCase: ({ network, params }) => network.getSupportCase(params.reference),
  getAttentionSummary: ({ network }) => network.getAttentionSummary(),
  listRelationships: ({ network, params }) => ({ items: network.listRelationships({ accountId: params.accountId }) }),
};

/** Throws when the contract has an operation without a handler, or a handler has no operation. */
export function checkHandlers(contract) {
  const missing = contract.operations.filter((operation) => !HANDLERS[operation.operationId]);
  const extra = Object.keys(HANDLERS).filter((id) => !contract.operations.some((operation) => operation.operationId === id));
  if (missing.length || extra.length) {
    throw new Error(
      `The server and the contract disagree: no handler for [${missing.map((o) => o.operationId)}], ` +
        `handlers outside the contract [${extra}].`,
    );
  }
}

/** Resolves after `ms`, or as soon as `gone()` says the client left (checked every 25 ms). */
function wait(ms, gone) {
  return new Promise((resolve) => {
    const end = Date.now() + ms;
    const tick = () => (gone() || Date.now() >= end ? resolve() : setTimeout(tick, Math.min(25, end - Date.now())));
    tick();
  });
}

/**
 * Where a heavy read's answer is cached, and under which key: a whole group in the caller's
 * small cache (keyed by the request as before), some countries of it in the larger one,
 * keyed by what was asked (the same countries in any order or repeated are one answer).
 */
function heavyCacheFor(tenant, operation, url, params) {
  if (params.countries === undefined) {
    return { cache: tenant.heavy, key: JSON.stringify([operation.operationId, url.pathname, [...url.searchParams].sort()]) };
  }
  const countries = [...new Set(params.countries)].sort();
  return { cache: tenant.heavySlices, key: JSON.stringify([operation.operationId, params.groupId, params.accountId ?? null, countries]) };
}

/**
 * Makes the function that runs one operation: auth, declared size and type, body,
 * parameters and body checked against the contract, idempotency, the engine. Everything the
 * engine gets has been validated; every refusal is a 4xx problem.
 * @param {{ contract: import('./contract.mjs').Contract, engine: import('./engine.mjs').DemoEngine,
 *   callers: ReturnType<typeof import('./callers.mjs').createCallers>, unauthorized: () => StoredResponse,
 *   testControl?: import('./test-control.mjs').TestControl, checkResponses: boolean,
 *   maxBodyBytes: number, maxAttachmentBytes: number, latency?: { min: number, max: number }, log: (line: string) => void }} context
 */
export function createOperationRunner(context) {
  const { contract, engine, callers, unauthorized, testControl, checkResponses, maxBodyBytes, maxAttachmentBytes, latency, log } = context;

  /**
   * @returns {Promise<{ response: StoredResponse, replayed?: boolean, drop?: boolean, early?: boolean } | undefined>}
   *   undefined: the client left; `early`: answered without reading the body (the connection closes)
   */
  return async function runOperation(req, url, operation, match, record, gone) {
    // Auth first: nothing about the request is looked at, nor its body read, for a caller without credentials.
    const tenant = callers.of(req);
    if (!tenant) return { response: unauthorized(), early: true };
    if (callers.count > 1) record.caller = tenant.number;

    // What the headers say about the body, before reading any of it.
    const upload = operation.body === 'binary';
    const limit = upload ? maxAttachmentBytes : maxBodyBytes;
    const tooLarge = () =>
      problem(413, {
        detail: `The body is over the limit of ${limit} bytes.`,
        code: 'invalid',
        fieldErrors: upload ? [{ field: 'file', code: 'too-large' }] : [],
      });
    const declared = req.headers['content-length'];
    if (declared !== undefined && Number(declared) > limit) return { response: tooLarge(), early: true };
    if (operation.body === 'json') {
      const { type, charset } = mediaType(req.headers['content-type']);
      if (type !== 'application/json' || (charset !== undefined && charset !== 'utf-8')) {
        return { response: problem(415, { detail: 'The body must be application/json (UTF-8).', code: 'invalid' }), early: true };
      }
    }

    // Body: JSON (capped at maxBodyBytes) or an upload (capped at maxAttachmentBytes).
    const body = await readBody(req, limit, !upload);
    if (gone()) return undefined;
    if (body.tooLarge) return { response: tooLarge(), early: true };

    const fault = testControl?.takeFault(operation.operationId);
    if (fault) record.fault = fault.kind;
    if (fault?.kind === 'delay') await wait(fault.delayMs ?? 0, gone);
    if (latency) await wait(latency.min + Math.random() * (latency.max - latency.min), gone);
    if (gone()) return undefined;
    if (fault?.kind === 'drop') return { response: problem(500), drop: true };
    if (fault?.kind === 'respond') {
      return { response: { status: fault.status ?? 500, headers: fault.headers ?? {}, body: fault.body ?? '' } };
    }

    // Parameters: path, query, header — each checked with its schema from the contract.
    const { params, fieldErrors } = readParameters(req, url, operation, match);

    // The JSON body: UTF-8, JSON, an object, and what the contract's schema says.
    let payload;
    if (operation.body === 'json') {
      let text;
      try {
        text = utf8.decode(body.bytes);
      } catch {
        return { response: problem(400, { detail: 'The body is not UTF-8.', code: 'invalid' }) };
      }
      try {
        payload = JSON.parse(text);
      } catch {
        return { response: problem(400, { detail: 'The body is not valid JSON.', code: 'invalid' }) };
      }
      if (!isJsonObject(payload)) {
        return { response: problem(400, { detail: 'The body must be a JSON object.', code: 'invalid', fieldErrors }) };
      }
      if (!operation.validateBody(payload)) {
        const errors = bodyFieldErrors(operation.validateBody.errors);
        if (errors.length === 0) {
          const detail = `The body does not match the contract: ${contract.describeErrors(operation.validateBody)}.`;
          return { response: problem(400, { detail, code: 'invalid', fieldErrors }) };
        }
        fieldErrors.push(...errors);
      }
    }
    if (fieldErrors.length > 0) {
      const fields = fieldErrors.map((error) => `${error.field} (${error.code})`).join(', ');
      return { response: problem(400, { detail: `Invalid request: ${fields}.`, code: 'invalid', fieldErrors }) };
    }

    /** The operation's value, checked against the contract when asked to (a violation throws). */
    const compute = () => {
      const value = HANDLERS[operation.operationId]({ network: tenant.network, params, body: payload, upload: { size: body.size } });
      if (checkResponses && operation.validateResponse && !operation.validateResponse(value)) {
        throw Object.assign(new Error(`The server's answer breaks the contract: ${contract.describeErrors(operation.validateResponse)}`), {
          contractViolation: true,
        });
      }
      return value;
    };
    const execute = async () => {
      let response;
      try {
        if (HEAVY_READS.has(operation.operationId)) {
          const { cache, key } = heavyCacheFor(tenant, operation, url, params);
          response = heavyAnswer(req, await cache.get(key, tenant.version, compute));
        } else {
          response = json(operation.successStatus, compute());
        }
      } catch (error) {
        if (error?.contractViolation) {
          log(`CONTRACT VIOLATION ${operation.operationId}: ${error.message}`);
          return { response: problem(500, { detail: error.message, code: 'unavailable' }), store: false };
        }
        if (!engine.isAdapterError(error)) throw error;
        const status = error.status ?? STATUS_BY_CODE[error.code] ?? 500;
        response = problem(status, { detail: error.message, code: error.code, fieldErrors: error.fieldErrors });
      }
      // Answers about the operation are kept for the key; a server failure is not (a retry runs again).
      return { response, store: response.status < 500 };
    };

    if (operation.method !== 'POST') return { ...(await execute()), drop: fault?.kind === 'drop-after' };
    const key = String(params['Idempotency-Key']);
    record.idempotencyKey = key;
    const query = [...url.searchParams].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    const fingerprint = createHash('sha256')
      .update(JSON.stringify([operation.operationId, url.pathname, query, body.hash]))
      .digest('hex');
    // The caller's own store, scoped by operation (the engine's keys are per caller and operation too).
    const outcome = await tenant.idempotency.run(operation.operationId, key, fingerprint, execute);
    if ('conflict' in outcome) {
      return {
        response: problem(409, { detail: 'This Idempotency-Key was already used for a different request.', code: 'conflict' }),
      };
    }
    return { response: outcome.response, replayed: outcome.replayed, drop: fault?.kind === 'drop-after' };
  };
}
