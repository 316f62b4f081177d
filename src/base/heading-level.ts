/**
 * The `aria-level` of a heading `offset` levels below an element's `heading-level`: always a
 * level ARIA knows (1–6), whatever the host set (`fallback` for what is not a number).
 */
export function headingLevel(level: number, offset = 0, fallback = 2): number {
  return Math.min(6, Math.max(1, Math.round(level) || fallback) + offset);
}
