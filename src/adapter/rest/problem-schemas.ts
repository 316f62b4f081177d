/**
 * The parts of an error body the REST adapter reads (a problem, RFC 9457, and its field
 * errors): only the REST adapter's implementation needs them, so they are fetched with it.
 */
import * as v from '../validators.js';

/** `FieldError` of a problem body. */
export const FieldErrorSchema = /*#__PURE__*/ v.object({
  field: /*#__PURE__*/ v.string(),
  code: /*#__PURE__*/ v.string(),
  message: /*#__PURE__*/ v.optional(/*#__PURE__*/ v.string()),
});

/**
 * The parts of an RFC 9457 problem body the adapter reads. Lenient on purpose: the status
 * decides the error code, the body only adds a message and field errors, so a problem body
 * that does not match is ignored rather than turned into `bad-response`.
 */
export const ProblemSchema = /*#__PURE__*/ v.object({
  title: /*#__PURE__*/ v.optional(/*#__PURE__*/ v.string()),
  detail: /*#__PURE__*/ v.optional(/*#__PURE__*/ v.string()),
  fieldErrors: /*#__PURE__*/ v.optional(/*#__PURE__*/ v.array(v.unknown)),
});
