/**
 * Accent- and case-insensitive text matching, shared by the demo directory (which searches)
 * and the search element (which highlights what matched), so both agree on what "matches".
 */

/** Letters that Unicode decomposition leaves alone but a searcher types without accent. */
const LETTER_FOLDS: Readonly<Record<string, string>> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
  '\u2018': "'",
  '\u2019': "'",
  '\u02bc': "'",
};
const SPECIAL_LETTERS = /[ßæœøłđðþı\u2018\u2019\u02bc]/g;
const COMBINING_MARKS = /\p{M}/gu;
const DASHES = /[\u2010-\u2015]/g;
/** Printable ASCII with single inner spaces: folding it is only lower-casing (most names). */
const PLAIN_TEXT = /^[\x21-\x7e]+(?: [\x21-\x7e]+)*$/;

/** Folds characters (no white-space handling): no accents, lower case, plain quotes and dashes. */
function foldCharacters(text: string): string {
  return text
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .toLowerCase()
    .replace(SPECIAL_LETTERS, (char) => LETTER_FOLDS[char] ?? char)
    .replace(DASHES, '-');
}

/** Folds a string for matching: no accents, lower case, single spaces, trimmed ("Straße" → "strasse"). */
export function fold(text: string): string {
  if (PLAIN_TEXT.test(text)) return text.toLowerCase();
  return foldCharacters(text).replace(/\s+/g, ' ').trim();
}

/**
 * `text` folded, with where each folded character came from in `text`. Plain ASCII (most
 * names) folds one character for one, by lower-casing: no per-character work, which would
 * cost a search result list milliseconds in the frame that shows it.
 */
function foldWithOrigins(text: string): { folded: string; origin: (index: number) => number } {
  if (PLAIN_TEXT.test(text)) return { folded: text.toLowerCase(), origin: (index) => index };
  // Fold character by character, remembering where each folded character came from.
  let folded = '';
  const origins: number[] = [];
  let offset = 0;
  for (const char of text) {
    const piece = foldCharacters(char).replace(/\s/g, ' ');
    for (let i = 0; i < piece.length; i++) origins.push(offset);
    folded += piece;
    offset += char.length;
  }
  return { folded, origin: (index) => origins[index] };
}

/** One run of a highlighted string. */
export interface TextRun {
  text: string;
  match: boolean;
}

/**
 * Splits `text` into runs, marking every place where the folded `query` occurs in the folded
 * text, mapped back to the original characters (so "societe" marks "Société").
 */
export function highlightRuns(text: string, query: string): TextRun[] {
  const needle = fold(query);
  if (!needle) return [{ text, match: false }];
  const { folded, origin } = foldWithOrigins(text);
  const runs: TextRun[] = [];
  let cursor = 0;
  for (let from = folded.indexOf(needle); from !== -1; from = folded.indexOf(needle, from + needle.length)) {
    const start = origin(from);
    const lastStart = origin(from + needle.length - 1);
    const end = lastStart + (text.codePointAt(lastStart)! > 0xffff ? 2 : 1);
    if (start < cursor) continue;
    if (start > cursor) runs.push({ text: text.slice(cursor, start), match: false });
    runs.push({ text: text.slice(start, end), match: true });
    cursor = end;
  }
  if (cursor < text.length) runs.push({ text: text.slice(cursor), match: false });
  return runs;
}
