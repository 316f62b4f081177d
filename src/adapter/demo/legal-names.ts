/**
 * How a generated legal name is made: a pattern of the language filled with its words
 * ("{S} & {S} {I}" → "Tan & Lim Logistics"), and the checks a new brand must pass.
 */

import { RESERVED_WORDS, type Locale } from './directory-word-lists.js';
import type { Random } from './seeded-random.js';

/** "de Lyon" but "d'Orléans": French elision before a vowel or a mute h. */
function frenchOf(city: string): string {
  return /^[aeiouyhàâäéèêëîïôöûüœ]/i.test(city) ? `d'${city}` : `de ${city}`;
}

/** A pattern cut into literal text and `{S}` surname, `{I}` industry, `{D}` descriptor, `{C}` city, `{dC}` "de city", `{B}` brand. */
type PatternPart = { text: string } | { token: 'S' | 'I' | 'D' | 'C' | 'dC' | 'B' };

const parsedPatterns = new Map<string, readonly PatternPart[]>();

function parsePattern(pattern: string): readonly PatternPart[] {
  let parts = parsedPatterns.get(pattern);
  if (!parts) {
    parts = pattern
      .split(/(\{(?:S|I|D|C|dC|B)\})/)
      .filter((piece) => piece !== '')
      .map((piece): PatternPart =>
        /^\{\w+\}$/.test(piece) ? { token: piece.slice(1, -1) as 'S' | 'I' | 'D' | 'C' | 'dC' | 'B' } : { text: piece },
      );
    parsedPatterns.set(pattern, parts);
  }
  return parts;
}

export function fillPattern(pattern: string, locale: Locale, random: Random, brand = ''): string {
  let out = '';
  let surname = '';
  for (const part of parsePattern(pattern)) {
    if ('text' in part) {
      out += part.text;
    } else if (part.token === 'S') {
      surname = otherSurname(locale, random, surname);
      out += surname;
    } else {
      out += fillToken(part.token, locale, random, brand);
    }
  }
  return out;
}

/** A surname, never the one just used ("Tan & Lim", not "Tan & Tan"). */
function otherSurname(locale: Locale, random: Random, previous: string): string {
  const surnames = locale.surnames ?? locale.bank.surnames;
  let surname = random.pick(surnames);
  while (surname === previous) surname = random.pick(surnames);
  return surname;
}

function fillToken(token: 'S' | 'I' | 'D' | 'C' | 'dC' | 'B', locale: Locale, random: Random, brand: string): string {
  switch (token) {
    case 'S':
      return otherSurname(locale, random, '');
    case 'I':
      return random.pick(locale.bank.industries);
    case 'D':
      return random.pick(locale.bank.descriptors);
    case 'C':
      return random.pick(locale.cities);
    case 'dC':
      return frenchOf(random.pick(locale.cities));
    case 'B':
      return brand;
  }
}

/** Upper-cases the first letter ("van Dijk Bouw" → "Van Dijk Bouw"); most stems need nothing. */
export function capitalise(text: string): string {
  const first = text.charCodeAt(0);
  return first >= 97 && first <= 122 ? text.charAt(0).toUpperCase() + text.slice(1) : text;
}

export function containsReservedWord(text: string): boolean {
  const lower = text.toLowerCase();
  return RESERVED_WORDS.some((word) => lower.includes(word));
}

/** Which of a bank's pattern lists names an entity, and the group's brand for `{B}`. */
export interface NameStyle {
  patterns: 'patterns' | 'groupPatterns';
  brand: string;
}

export const STANDALONE: NameStyle = { patterns: 'patterns', brand: '' };

const VOWELS = new Set(['a', 'e', 'i', 'o', 'u', 'y']);

/** No doubled letter and no two vowels where syllables meet ("Alaano", "Asttek" read badly). */
export function joinsSmoothly(parts: readonly string[]): boolean {
  for (let i = 1; i < parts.length; i++) {
    const end = parts[i - 1].slice(-1).toLowerCase();
    const start = parts[i].charAt(0).toLowerCase();
    if (end === start || (VOWELS.has(end) && VOWELS.has(start))) return false;
  }
  return true;
}
