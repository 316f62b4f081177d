// The shape of a test-control fault (see test-control.mjs), as JSON Schema: compiled with
// the contract's validators by `npm run api:types` (server/contract.generated.mjs).
export const FAULT_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['operation', 'kind'],
  properties: {
    operation: { type: 'string', minLength: 1 },
    kind: { enum: ['respond', 'delay', 'drop', 'drop-after'] },
    times: { type: 'integer', minimum: 1, maximum: 100 },
    status: { type: 'integer', minimum: 100, maximum: 599 },
    headers: { type: 'object', additionalProperties: { type: 'string' } },
    body: { type: 'string' },
    delayMs: { type: 'integer', minimum: 0, maximum: 60000 },
  },
};
