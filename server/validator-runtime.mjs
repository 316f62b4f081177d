// What the contract's validators need when they run. They are JSON Schema validators
// compiled ahead of time by Ajv into plain functions (server/contract.generated.mjs, written
// by `npm run api:types`), so that the installed server needs neither Ajv nor a YAML parser:
// they call these few helpers instead of Ajv's runtime modules.

/** True for a real calendar date `YYYY-MM-DD`. */
function isCalendarDate(text) {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const [year, month, day] = text.split('-').map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** The contract's string formats (OpenAPI's `date` and `date-time`). */
export const formats = {
  date: { type: 'string', validate: isCalendarDate },
  'date-time': { type: 'string', validate: (text) => !Number.isNaN(Date.parse(text)) },
};

/** A string's length in Unicode code points, as JSON Schema's minLength and maxLength count. */
export function ucs2length(text) {
  let length = 0;
  for (let i = 0; i < text.length; i += 1) {
    length += 1;
    const unit = text.charCodeAt(i);
    // A high surrogate followed by a low one is one code point.
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) i += 1;
  }
  return length;
}

/** Deep equality of JSON values (enum and const of objects). */
export function equal(a, b) {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((key) => Object.prototype.hasOwnProperty.call(b, key) && equal(a[key], b[key]));
}

/**
 * A validator's errors as one line (what Ajv's `errorsText` says): `data/notes must NOT
 * have more than 1000 characters; data must have required property 'accountId'`.
 * @param {{ instancePath: string, message?: string }[] | null | undefined} errors
 */
export function errorsText(errors) {
  if (!errors?.length) return 'No errors';
  return errors.map((error) => `data${error.instancePath} ${error.message}`).join('; ');
}
