/**
 * Seeded randomness for the demo network: the same seed draws the same numbers in every
 * browser and in Node, so every run generates the same directory (and the same latencies).
 */

/** mulberry32: a tiny, fast 32-bit PRNG returning floats in [0, 1). Deterministic everywhere. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** PRNG helpers over one mulberry32 stream. */
export class Random {
  private readonly next: () => number;

  constructor(seed: number) {
    this.next = mulberry32(seed);
  }

  /** Integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  /** A string following a pattern: `#` a digit, `@` a capital letter, anything else literal. */
  fromPattern(pattern: string): string {
    let out = '';
    for (const part of compileIdPattern(pattern)) {
      if (part.kind === 'digits') out += String(this.int(0, 10 ** part.length - 1)).padStart(part.length, '0');
      else if (part.kind === 'letter') out += String.fromCharCode(65 + this.int(0, 25));
      else out += part.text;
    }
    return out;
  }
}

type IdPatternPart = { kind: 'digits'; length: number } | { kind: 'letter' } | { kind: 'text'; text: string };

const compiledIdPatterns = new Map<string, readonly IdPatternPart[]>();

/** Cuts a tax-ID pattern into runs of at most 9 digits, letters and literal text. */
function compileIdPattern(pattern: string): readonly IdPatternPart[] {
  let parts = compiledIdPatterns.get(pattern);
  if (!parts) {
    parts = (pattern.match(/#{1,9}|@|[^#@]+/g) ?? []).map((run): IdPatternPart => {
      if (run[0] === '#') return { kind: 'digits', length: run.length };
      if (run === '@') return { kind: 'letter' };
      return { kind: 'text', text: run };
    });
    compiledIdPatterns.set(pattern, parts);
  }
  return parts;
}
