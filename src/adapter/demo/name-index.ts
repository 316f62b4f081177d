/**
 * An n-gram index over the directory's folded legal names, so that a search reads a few
 * posting lists instead of scanning every name (issue #12: ≤ 5 ms per query over 60,000).
 *
 * Every substring of one, two and three UTF-16 code units of every name is a gram; a gram's
 * posting list holds the positions of the names containing it. A text of up to three code
 * units is answered by its own posting list; a longer one by intersecting the lists of its
 * trigrams, then checking each remaining name with `indexOf`. So the answer is exactly what
 * `name.indexOf(text)` over every name would give: names where it is 0, then names where it
 * is above 0, each in list order.
 *
 * Gram codes pack six bits per code unit: the 63 most frequent code units of the names get a
 * letter of their own, every other code unit shares letter 0. A gram holding letter 0 stands
 * for many substrings, so its posting list is a superset and every name on it is checked.
 *
 * Layout: one gram length's lists live in one typed array (`entries`), list `code` being
 * `entries[offsets[code]…offsets[code + 1])`. Trigram lists are ascending (they are
 * intersected); unigram and bigram lists hold the names starting with the gram first, then
 * the others, each ascending — already the answer to a one- or two-letter search.
 */

import { finish, type Steps } from './steps.js';

const BITS = 6;
const RADIX = 1 << BITS;
const OTHER = 0;
/** Gram lengths indexed; also how many leading letters `heads` keeps. */
const MAX_GRAM = 3;
/** Rounds of {@link NameIndex.warmUp}. */
const WARM_UP_ROUNDS = 3;
/** Names a step of the build reads (letters, or one pass over one gram length): about a millisecond. */
const NAMES_PER_STEP = 10_000;
/** Stop intersecting once this few candidates remain: checking them is cheaper. */
const FEW_CANDIDATES = 32;

/** Positions of names: 16 bits while the list is short enough, which halves the index. */
type Positions = Uint16Array | Int32Array;

interface Postings {
  readonly offsets: Int32Array;
  readonly entries: Positions;
}

/** A search index over a fixed list of folded names. */
export class NameIndex {
  private readonly names: readonly string[];
  /** Letter of each UTF-16 code unit (0 for the rare ones). */
  private readonly letters: Uint8Array;
  /** Each name's first three letters as one code (missing letters are 0). */
  private readonly heads: Int32Array;
  /** Posting lists of grams of one, two and three code units. */
  private readonly postings: readonly Postings[];
  /** Work space of a search, one position per name: two for intersecting, two for splitting. */
  private readonly scratch: readonly Int32Array[];

  /** Indexes `names`, already folded; matches are positions in this list. */
  static build(names: readonly string[]): NameIndex {
    return finish(NameIndex.steps(names));
  }

  /** {@link NameIndex.build} a step at a time (each a pass over {@link NAMES_PER_STEP} names, or a warm-up round). */
  static *steps(names: readonly string[]): Steps<NameIndex> {
    const letters = yield* assignLetters(names);
    const text = yield* encode(names, letters);
    const postings: Postings[] = [];
    for (let length = 1; length <= MAX_GRAM; length++) postings.push(yield* buildPostings(text, length));
    const index = new NameIndex(names, letters, Int32Array.from(names, (_, position) => headOf(text, position)), postings);
    for (let round = 0; round < WARM_UP_ROUNDS; round++) {
      yield;
      index.warmUp();
    }
    return index;
  }

  private constructor(names: readonly string[], letters: Uint8Array, heads: Int32Array, postings: readonly Postings[]) {
    this.names = names;
    this.letters = letters;
    this.heads = heads;
    this.postings = postings;
    this.scratch = Array.from({ length: 4 }, () => new Int32Array(names.length));
  }

  /**
   * Positions of the names containing `text` (folded like the names): those starting with
   * it first, then the others, each ascending. The caller must not modify the array.
   */
  find(text: string): Positions {
    if (text.length === 0) return new Int32Array(0);
    if (text.length > MAX_GRAM || this.hasOther(text)) return this.verify(text, this.candidates(text));
    const list = this.list(text);
    return text.length < MAX_GRAM ? list : this.splitByHead(text, list);
  }

  /** Bytes held by the index's typed arrays. */
  get byteSize(): number {
    const lists = this.postings.reduce((sum, { offsets, entries }) => sum + offsets.byteLength + entries.byteLength, 0);
    const scratch = this.scratch.reduce((sum, array) => sum + array.byteLength, 0);
    return lists + scratch + this.letters.byteLength + this.heads.byteLength;
  }

  // ----- private: building

  /**
   * Runs a few searches (one round of {@link WARM_UP_ROUNDS}), so that the JavaScript engine
   * has compiled the search code before the first real query (which would otherwise run
   * several times slower, interpreted).
   */
  private warmUp(): void {
    const { names } = this;
    for (const name of [names[0], names[names.length >> 1], names[names.length - 1]]) {
      for (const length of [2, 3, 5, 8]) if (name?.length >= length) this.find(name.slice(0, length));
    }
  }

  // ----- private: searching

  private code(text: string): number {
    let code = 0;
    for (let i = 0; i < text.length; i++) code = (code << BITS) | this.letters[text.charCodeAt(i)];
    return code;
  }

  private hasOther(text: string): boolean {
    for (let i = 0; i < text.length; i++) if (this.letters[text.charCodeAt(i)] === OTHER) return true;
    return false;
  }

  private list(gram: string): Positions {
    const { offsets, entries } = this.postings[gram.length - 1];
    const code = this.code(gram);
    return entries.subarray(offsets[code], offsets[code + 1]);
  }

  /** An ascending trigram list of frequent letters, names starting with the trigram first. */
  private splitByHead(gram: string, list: Positions): Int32Array {
    const head = this.code(gram);
    const [, , starting, others] = this.scratch;
    let startingCount = 0;
    let otherCount = 0;
    for (let i = 0; i < list.length; i++) {
      const position = list[i];
      if (this.heads[position] === head) starting[startingCount++] = position;
      else others[otherCount++] = position;
    }
    return concat(starting.subarray(0, startingCount), others.subarray(0, otherCount));
  }

  /** Names that may contain `text`: its gram's list, or the intersection of its trigrams' lists. */
  private candidates(text: string): Positions {
    if (text.length <= MAX_GRAM) return this.list(text);
    const grams = new Set<string>();
    for (let i = 0; i + MAX_GRAM <= text.length; i++) grams.add(text.slice(i, i + MAX_GRAM));
    const lists = [...grams].map((gram) => this.list(gram)).sort((a, b) => a.length - b.length);
    let result = lists[0];
    for (let i = 1; i < lists.length && result.length > FEW_CANDIDATES; i++) result = intersect(result, lists[i], this.scratch[i % 2]);
    return result;
  }

  /** The candidates whose name contains `text`: starting with it first, then the others, each ascending. */
  private verify(text: string, candidates: Positions): Int32Array {
    const [, , starting, others] = this.scratch;
    let startingCount = 0;
    let otherCount = 0;
    for (let i = 0; i < candidates.length; i++) {
      const position = candidates[i];
      const at = this.names[position].indexOf(text);
      if (at === 0) starting[startingCount++] = position;
      else if (at > 0) others[otherCount++] = position;
    }
    if (text.length < MAX_GRAM) {
      // Unigram and bigram lists are not ascending: sort what they gave.
      starting.subarray(0, startingCount).sort();
      others.subarray(0, otherCount).sort();
    }
    return concat(starting.subarray(0, startingCount), others.subarray(0, otherCount));
  }
}

/** Gives the 63 most frequent code units of the names a letter of their own (1–63), every other 0. */
function* assignLetters(names: readonly string[]): Steps<Uint8Array> {
  const counts = new Int32Array(0x10000);
  for (let position = 0; position < names.length; position++) {
    const name = names[position];
    for (let i = 0; i < name.length; i++) counts[name.charCodeAt(i)]++;
    if ((position + 1) % NAMES_PER_STEP === 0) yield;
  }
  const used: number[] = [];
  for (let unit = 0; unit < counts.length; unit++) if (counts[unit] > 0) used.push(unit);
  used.sort((a, b) => counts[b] - counts[a] || a - b);
  const letters = new Uint8Array(0x10000);
  used.slice(0, RADIX - 1).forEach((unit, i) => (letters[unit] = i + 1));
  return letters;
}

/** Every name's letters, one after the other. */
function* encode(names: readonly string[], letters: Uint8Array): Steps<EncodedNames> {
  const starts = new Int32Array(names.length + 1);
  for (let position = 0; position < names.length; position++) starts[position + 1] = starts[position] + names[position].length;
  const codes = new Uint8Array(starts[names.length]);
  for (let position = 0; position < names.length; position++) {
    const name = names[position];
    const start = starts[position];
    for (let i = 0; i < name.length; i++) codes[start + i] = letters[name.charCodeAt(i)];
    if ((position + 1) % NAMES_PER_STEP === 0) yield;
  }
  return { codes, starts };
}

/** A new array holding `first`, then `second`. */
function concat(first: Int32Array, second: Int32Array): Int32Array {
  const result = new Int32Array(first.length + second.length);
  result.set(first);
  result.set(second, first.length);
  return result;
}

/** The names as letters: name `p` is `codes[starts[p]…starts[p + 1])`. */
interface EncodedNames {
  readonly codes: Uint8Array;
  readonly starts: Int32Array;
}

/** Which grams of a name {@link fillPostings} writes. */
const enum Grams {
  All,
  Head,
  NotHead,
}

/** A name's first three letters as one code, missing letters as 0. */
function headOf({ codes, starts }: EncodedNames, position: number): number {
  let code = 0;
  for (let i = 0; i < MAX_GRAM; i++) code = (code << BITS) | (starts[position] + i < starts[position + 1] ? codes[starts[position] + i] : 0);
  return code;
}

/** Counts, then fills, the posting lists of grams of `length` letters. */
function* buildPostings(text: EncodedNames, length: number): Steps<Postings> {
  const size = 1 << (BITS * length);
  const offsets = yield* countGrams(text, length);
  for (let code = 0; code < size; code++) offsets[code + 1] += offsets[code];
  const names = text.starts.length - 1;
  const entries = names <= 0x10000 ? new Uint16Array(offsets[size]) : new Int32Array(offsets[size]);
  const cursor = offsets.slice(0, size);
  if (length < MAX_GRAM) {
    yield* fillPostings(text, length, cursor, entries, Grams.Head);
    yield* fillPostings(text, length, cursor, entries, Grams.NotHead);
  } else {
    yield* fillPostings(text, length, cursor, entries, Grams.All);
  }
  return { offsets, entries };
}

/** How many names hold each gram of `length` letters, at `[code + 1]`. */
function* countGrams({ codes, starts }: EncodedNames, length: number): Steps<Int32Array> {
  const mask = (1 << (BITS * length)) - 1;
  const counts = new Int32Array(mask + 2);
  const lastName = new Int32Array(mask + 1).fill(-1);
  for (let position = 0; position + 1 < starts.length; position++) {
    let code = 0;
    for (let i = starts[position], end = starts[position + 1], first = i + length - 1; i < end; i++) {
      code = ((code << BITS) | codes[i]) & mask;
      if (i < first || lastName[code] === position) continue;
      lastName[code] = position;
      counts[code + 1]++;
    }
    if ((position + 1) % NAMES_PER_STEP === 0) yield;
  }
  return counts;
}

/** Writes each name's distinct grams of `length` letters (those `which` asks for) at `cursor[code]++`. */
function* fillPostings({ codes, starts }: EncodedNames, length: number, cursor: Int32Array, entries: Positions, which: Grams): Steps<void> {
  const mask = (1 << (BITS * length)) - 1;
  const lastName = new Int32Array(mask + 1).fill(-1);
  for (let position = 0; position + 1 < starts.length; position++) {
    let code = 0;
    const first = starts[position] + length - 1;
    const end = which === Grams.Head ? Math.min(first + 1, starts[position + 1]) : starts[position + 1];
    for (let i = starts[position]; i < end; i++) {
      code = ((code << BITS) | codes[i]) & mask;
      if (i < first || lastName[code] === position) continue;
      lastName[code] = position;
      // The head gram's name was written by the `Grams.Head` pass.
      if (which !== Grams.NotHead || i !== first) entries[cursor[code]++] = position;
    }
    if ((position + 1) % NAMES_PER_STEP === 0) yield;
  }
}

/**
 * The positions on both ascending lists, written to `result` (which `small` may not share): a
 * merge, or binary searches when `small` is much shorter.
 */
function intersect(small: Positions, large: Positions, result: Int32Array): Int32Array {
  let count = 0;
  if (small.length * 16 < large.length) {
    let low = 0;
    for (let i = 0; i < small.length; i++) {
      const value = small[i];
      let high = large.length;
      while (low < high) {
        const middle = (low + high) >>> 1;
        if (large[middle] < value) low = middle + 1;
        else high = middle;
      }
      if (low < large.length && large[low] === value) result[count++] = value;
    }
  } else {
    for (let i = 0, j = 0; i < small.length && j < large.length; ) {
      if (small[i] < large[j]) i++;
      else if (small[i] > large[j]) j++;
      else {
        result[count++] = small[i];
        i++;
        j++;
      }
    }
  }
  return result.subarray(0, count);
}
