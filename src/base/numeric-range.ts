/**
 * The documented range of a numeric property. A value set from outside the range (by
 * attribute or property) is clamped into it, with a console warning naming the element and
 * the attribute: `refresh-interval="0.001"` must not send hundreds of requests a second, and
 * `page-size="1e9"` must not reach the adapter.
 */
export interface NumericRange {
  /** The attribute, for the warning. */
  attribute: string;
  min: number;
  max: number;
  /** Used when the value is not a number at all (`"abc"`, `NaN`). */
  fallback: number;
  /** Rounded to a whole number. */
  integer?: boolean;
  /** 0 is allowed besides the range (it turns the feature off). */
  zeroTurnsOff?: boolean;
}

/** `value` within `range` (see {@link NumericRange}). */
export function clampToRange(value: number, range: NumericRange): number {
  if (typeof value !== 'number' || Number.isNaN(value)) return range.fallback;
  if (range.zeroTurnsOff && value === 0) return 0;
  const whole = range.integer ? Math.round(value) : value;
  return Math.min(range.max, Math.max(range.min, whole));
}
