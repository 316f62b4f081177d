// The HTTP contract (api/openapi.yaml), loaded once and turned into what the server runs
// on: a route table (method + path template → operation) and JSON Schema validators
// (Ajv, draft 2020-12, which OpenAPI 3.1 schemas are) for each operation's parameters,
// request body and success response. The server routes and validates with the contract
// itself, so it serves exactly what the document says.
import Ajv2020 from 'ajv/dist/2020.js';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

/** Where the contract lives. */
export const CONTRACT_PATH = new URL('../api/openapi.yaml', import.meta.url);

/**
 * @typedef {object} FieldError
 * @property {string} field  the adapter argument's property at fault
 * @property {string} code   `required`, `too-long`, `too-many`, `unknown`, `invalid`
 * @property {string} [message]
 */

/**
 * @typedef {object} Parameter
 * @property {string} name      as in the contract (`Idempotency-Key`, `text`…)
 * @property {'path'|'query'|'header'} in
 * @property {boolean} required
 * @property {string} field     the name field errors use (`idempotencyKey` for the header)
 * @property {(value: unknown) => boolean} validate
 * @property {{ type?: string }} schema
 */

/**
 * @typedef {object} Operation
 * @property {string} operationId  = the adapter method
 * @property {'GET'|'POST'} method
 * @property {string} pathTemplate e.g. `/verifications/{verificationId}/evidence`
 * @property {RegExp} pattern      matches a path relative to the base path
 * @property {string[]} pathNames  the template's placeholders, in order
 * @property {Parameter[]} parameters
 * @property {'json'|'binary'|'none'} body
 * @property {((value: unknown) => boolean) | undefined} validateBody
 * @property {number} successStatus
 * @property {((value: unknown) => boolean) | undefined} validateResponse
 */

/**
 * @typedef {object} Contract
 * @property {string} source        the YAML text
 * @property {object} document      the parsed document
 * @property {string} basePath      the first server URL's path, e.g. `/v1`
 * @property {Operation[]} operations
 * @property {(validate: { errors?: unknown[] | null }) => string} describeErrors
 */

/** Replaces `#/components/schemas/X` references with references into one Ajv schema. */
function rewriteRefs(value) {
  if (Array.isArray(value)) return value.map(rewriteRefs);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) => [
      key,
      key === '$ref' && typeof inner === 'string' ? inner.replace('#/components/schemas/', 'contract#/$defs/') : rewriteRefs(inner),
    ]),
  );
}

/** Follows a `#/components/...` reference inside the document. */
function resolve(document, value) {
  if (!value || typeof value.$ref !== 'string' || !value.$ref.startsWith('#/')) return value;
  return value.$ref
    .slice(2)
    .split('/')
    .reduce((node, key) => node?.[key], document);
}

/** True for a real calendar date `YYYY-MM-DD`. */
function isCalendarDate(text) {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const [year, month, day] = text.split('-').map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** `Idempotency-Key` → `idempotencyKey`: field errors name the adapter's property. */
function fieldName(parameter) {
  if (parameter.in !== 'header') return parameter.name;
  return parameter.name
    .toLowerCase()
    .replace(/-([a-z])/g, (_, letter) => letter.toUpperCase());
}

/**
 * Loads and compiles the contract. Throws when the document is not one the server can run
 * (an unknown keyword, a broken reference…), so a broken contract stops the server at start.
 * @returns {Contract}
 */
export function loadContract() {
  const source = readFileSync(CONTRACT_PATH, 'utf8');
  const document = parse(source);
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  // OpenAPI's own keywords: documentation for Ajv.
  ajv.addVocabulary(['discriminator', 'example']);
  ajv.addFormat('date', { type: 'string', validate: isCalendarDate });
  ajv.addFormat('date-time', { type: 'string', validate: (text) => !Number.isNaN(Date.parse(text)) });
  ajv.addSchema({ $id: 'contract', $defs: rewriteRefs(document.components.schemas) });
  const compile = (schema) => ajv.compile(rewriteRefs(schema));

  const basePath = new URL(document.servers[0].url).pathname.replace(/\/$/, '');
  const operations = [];
  for (const [pathTemplate, item] of Object.entries(document.paths)) {
    for (const method of ['get', 'post']) {
      const spec = item[method];
      if (!spec) continue;
      const pathNames = [...pathTemplate.matchAll(/\{(\w+)\}/g)].map((match) => match[1]);
      const pattern = new RegExp(`^${pathTemplate.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{\w+\\?\}/g, '([^/]+)')}$`);
      const parameters = [...(item.parameters ?? []), ...(spec.parameters ?? [])].map((entry) => {
        const parameter = resolve(document, entry);
        const schema = resolve(document, parameter.schema);
        return {
          name: parameter.name,
          in: parameter.in,
          required: parameter.required === true,
          field: fieldName(parameter),
          validate: compile(parameter.schema),
          schema,
        };
      });
      const content = spec.requestBody?.content ?? {};
      const jsonBody = content['application/json']?.schema;
      const success = Object.entries(spec.responses).find(([status]) => /^2\d\d$/.test(status));
      const successSchema = success?.[1].content?.['application/json']?.schema;
      operations.push({
        operationId: spec.operationId,
        method: method.toUpperCase(),
        pathTemplate,
        pattern,
        pathNames,
        parameters,
        body: jsonBody ? 'json' : Object.keys(content).length > 0 ? 'binary' : 'none',
        validateBody: jsonBody ? compile(jsonBody) : undefined,
        successStatus: success ? Number(success[0]) : 200,
        validateResponse: successSchema ? compile(successSchema) : undefined,
      });
    }
  }
  return {
    source,
    document,
    basePath,
    operations,
    describeErrors: (validate) => ajv.errorsText(validate.errors, { separator: '; ' }),
  };
}

/**
 * Field errors for a failed validation of a request body, named by the body's top-level
 * property (what the adapter method's argument calls it); one per field, the first found.
 * @param {import('ajv').ErrorObject[]} errors
 * @returns {FieldError[]}
 */
export function bodyFieldErrors(errors) {
  /** @type {Map<string, FieldError>} */
  const byField = new Map();
  for (const error of errors) {
    const segments = error.instancePath.split('/').filter(Boolean);
    let field = segments[0];
    let code = codeFor(error);
    if (field === undefined && error.keyword === 'required') field = error.params.missingProperty;
    if (field === undefined && error.keyword === 'additionalProperties') field = error.params.additionalProperty;
    if (field === undefined) continue;
    // A nested object missing a part (an amount without currency) is a wrong value, not a missing one.
    if (segments.length > 0 && code === 'required' && error.keyword === 'required') code = 'invalid';
    if (!byField.has(field)) byField.set(field, { field, code, message: error.message });
  }
  return [...byField.values()];
}

/**
 * The field error code for one Ajv error.
 * @param {import('ajv').ErrorObject} error
 */
export function codeFor(error) {
  switch (error.keyword) {
    case 'required':
      return 'required';
    case 'minLength':
    case 'minItems':
      return error.params.limit === 1 ? 'required' : 'too-short';
    case 'maxLength':
      return 'too-long';
    case 'maxItems':
      return 'too-many';
    case 'additionalProperties':
      return 'unknown';
    default:
      return 'invalid';
  }
}
