/**
 * Accent- and case-insensitive text matching, shared by the demo directory (which searches)
 * and the search element (which highlights what matched), so both agree on what "matches".
 */

const COMBINING_MARKS = /\p{M}/gu;

/** Folds one string: decomposes, drops accents, lower-cases, collapses white space. */
export function fold(text: string): string {
  return text.normalize('NFD').replace(COMBINING_MARKS, '').toLowerCase().replace(/\s+/g, ' ');
}

/** One run of a highlighted string. */
export interface TextRun {
  text: string;
  match: boolean;
}

/**
 * Splits `text` into runs, marking every place where the folded `query` occurs in the folded
 * text, mapped back to the original characters (so "Société" matches "societe").
 */
export function highlightRuns(text: string, query: string): TextRun[] {
  const needle = fold(query).trim();
  if (!needle) return [{ text, match: false }];
  // Fold character by character, remembering where each folded character came from.
  let folded = '';
  const origin: number[] = [];
  const chars = Array.from(text);
  let offset = 0;
  for (const char of chars) {
    const piece = char.normalize('NFD').replace(COMBINING_MARKS, '').toLowerCase().replace(/\s/g, ' ');
    for (let i = 0; i < piece.length; i++) origin.push(offset);
    folded += piece;
    offset += char.length;
  }
  const runs: TextRun[] = [];
  let cursor = 0;
  let from = folded.indexOf(needle);
  while (from !== -1) {
    const start = origin[from];
    const lastOrigin = origin[from + needle.length - 1];
    const end = lastOrigin + Array.from(text.slice(lastOrigin))[0].length;
    if (start > cursor) runs.push({ text: text.slice(cursor, start), match: false });
    if (end > start && start >= cursor) runs.push({ text: text.slice(start, end), match: true });
    cursor = Math.max(cursor, end);
    from = folded.indexOf(needle, from + needle.length);
  }
  if (cursor < text.length) runs.push({ text: text.slice(cursor), match: false });
  return runs;
}
