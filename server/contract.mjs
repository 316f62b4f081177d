// The HTTP contract (api/openapi.yaml), loaded once and turned into what the server runs
// on: a route table (method + path template → operation) and JSON Schema validators for
// each operation's parameters, request body and success response. The server routes and
// validates with the contract itself, so it serves exactly what the document says.
//
// The validators are compiled ahead of time: `npm run api:types` parses the YAML and has
// Ajv (draft 2020-12, which OpenAPI 3.1 schemas are) write them as plain functions into
// contract.generated.mjs, with the parsed document. So the installed server needs neither
// Ajv nor a YAML parser (some 4.5 MB a front-end project would install for nothing), and a
// contract changed without regenerating stops the server at start, naming the command.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import * as generated from './contract.generated.mjs';
import { errorsText } from './validator-runtime.mjs';

/** Where the contract lives. */
export const CONTRACT_PATH = new URL('../api/openapi.yaml', import.meta.url);

/**
 * @typedef {object} FieldError
 * @property {string} field  the adapter argument's property at fault
 * @property {string} code   `required`, `too-long`, `too-many`, `unknown`, `invalid`
 * @property {string} [message]
 */

/**
 * @typedef {object} ValidationError  one error of a compiled validator (Ajv's ErrorObject)
 * @property {string} instancePath  where in the value, e.g. `/amount/currency`
 * @property {string} keyword       the schema keyword that failed (`required`, `maxLength`…)
 * @property {Record<string, any>} params
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
 * @property {string} source        the YAML text (served as is)
 * @property {object} document      the parsed document
 * @property {string} basePath      the first server URL's path, e.g. `/v1`
 * @property {Operation[]} operations
 * @property {(validate: { errors?: unknown[] | null }) => string} describeErrors
 */

/** Follows a `#/components/...` reference inside the document. */
function resolve(document, value) {
  if (!value || typeof value.$ref !== 'string' || !value.$ref.startsWith('#/')) return value;
  return value.$ref
    .slice(2)
    .split('/')
    .reduce((node, key) => node?.[key], document);
}

/** `Idempotency-Key` → `idempotencyKey`: field errors name the adapter's property. */
function fieldName(parameter) {
  if (parameter.in !== 'header') return parameter.name;
  return parameter.name
    .toLowerCase()
    .replace(/-([a-z])/g, (_, letter) => letter.toUpperCase());
}

/** The name a schema's compiled validator is exported under (a JavaScript identifier). */
export function validatorName(operationId, part, parameter) {
  return [operationId, part, parameter].filter(Boolean).join('_').replace(/[^A-Za-z0-9_$]/g, '_');
}

/**
 * The operations of a parsed contract document, each validator taken from `validatorFor`
 * (name, schema): the generated functions at run time; at build time (scripts/api-types.mjs),
 * a function that collects the schemas to compile.
 * @param {any} document
 * @param {(name: string, schema: object) => any} validatorFor
 * @returns {Operation[]}
 */
export function describeOperations(document, validatorFor) {
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
          validate: validatorFor(validatorName(spec.operationId, 'param', parameter.name), parameter.schema),
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
        validateBody: jsonBody ? validatorFor(validatorName(spec.operationId, 'body'), jsonBody) : undefined,
        successStatus: success ? Number(success[0]) : 200,
        validateResponse: successSchema ? validatorFor(validatorName(spec.operationId, 'response'), successSchema) : undefined,
      });
    }
  }
  return operations;
}

/** sha256 of the contract's text: the generated validators name the text they were made from. */
export function contractHash(source) {
  return createHash('sha256').update(source).digest('hex');
}

/**
 * Loads the contract and its compiled validators. Throws when api/openapi.yaml is not the
 * text they were generated from (edited without `npm run api:types`).
 * @returns {Contract}
 */
export function loadContract() {
  const source = readFileSync(CONTRACT_PATH, 'utf8');
  if (contractHash(source) !== generated.sourceSha256) {
    throw new Error('api/openapi.yaml has changed since server/contract.generated.mjs was written: run `npm run api:types`.');
  }
  const { document } = generated;
  const operations = describeOperations(document, (name) => {
    const validate = generated.validators[name];
    if (typeof validate !== 'function') throw new Error(`server/contract.generated.mjs has no validator ${name}: run \`npm run api:types\`.`);
    return validate;
  });
  return {
    source,
    document,
    basePath: new URL(document.servers[0].url).pathname.replace(/\/$/, ''),
    operations,
    describeErrors: (validate) => errorsText(validate.errors),
  };
}

/**
 * Field errors for a failed validation of a request body, named by the body's top-level
 * property (what the adapter method's argument calls it); one per field, the first found.
 * @param {ValidationError[]} errors
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
 * @param {ValidationError} error
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
