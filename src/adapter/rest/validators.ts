/**
 * A few composable validators for JSON bodies: just what `schemas.ts` needs, about 1 KB
 * minified (valibot took 7 KB of the script-tag bundle). Each validator returns what it
 * accepts (objects rebuilt with only the properties they know) or throws a {@link Mismatch}
 * naming where and what; its output type is {@link Output}, so
 * `test/rest-adapter-contract.test.ts` can compare it with the contract.
 */

/** Why a value was refused, with its path (`items.0.id`). */
export class Mismatch {
  constructor(readonly message: string) {}
}

/** Checks `value` (found at `path`) and returns it, or throws a {@link Mismatch}. */
export type Schema<T> = (value: unknown, path?: string) => T;
/** A property that may be missing. */
export type OptionalSchema<T> = Schema<T | undefined> & { readonly optional: true };
/** What a schema returns. */
export type Output<S> = S extends Schema<infer T> ? T : never;

type Entries = Record<string, Schema<unknown>>;
type OptionalKeys<E extends Entries> = { [K in keyof E]: E[K] extends { optional: true } ? K : never }[keyof E];
type ObjectOutput<E extends Entries> = { [K in Exclude<keyof E, OptionalKeys<E>>]: Output<E[K]> } & {
  [K in OptionalKeys<E>]?: Exclude<Output<E[K]>, undefined>;
};
/** An object schema, with its entries (to extend it, or pick a variant by them). */
export type ObjectSchema<E extends Entries> = Schema<ObjectOutput<E>> & { readonly entries: E };

const fail = (path: string | undefined, expected: string): never => {
  throw new Mismatch(`${path || 'the body'}: expected ${expected}`);
};

const primitive =
  <T>(type: 'string' | 'number' | 'boolean', test: (value: T) => boolean = () => true, expected: string = `a ${type}`): Schema<T> =>
  (value, path) =>
    typeof value === type && test(value as T) ? (value as T) : fail(path, expected);

/** A string, matching `pattern` when given (the pattern also bounds its length). */
export const string = (pattern?: RegExp): Schema<string> =>
  primitive<string>('string', (value) => !pattern || pattern.test(value), pattern ? `a string matching ${pattern}` : 'a string');

/** An integer ≥ `min`. */
export const integer = (min: number): Schema<number> =>
  primitive<number>('number', (value) => Number.isInteger(value) && value >= min, `an integer ≥ ${min}`);

/** `true` or `false`. */
export const boolean: Schema<boolean> = primitive<boolean>('boolean');

/** Anything (checked later, by a caller that is lenient on purpose). */
export const unknown: Schema<unknown> = (value) => value;

/** One of the given strings. */
export const picklist =
  <const T extends readonly string[]>(options: T): Schema<T[number]> =>
  (value, path) =>
    options.includes(value as string) ? (value as T[number]) : fail(path, options.join(' | '));

/** An array of what `item` accepts. */
export const array =
  <T>(item: Schema<T>): Schema<T[]> =>
  (value, path) =>
    Array.isArray(value) ? value.map((entry, index) => item(entry, path ? `${path}.${index}` : `${index}`)) : fail(path, 'an array');

/** `schema`, or nothing. */
export const optional = <T>(schema: Schema<T>): OptionalSchema<T> =>
  Object.assign((value: unknown, path?: string) => (value === undefined ? undefined : schema(value, path)), { optional: true } as const);

/** An object with these properties; others are dropped. */
export const object = <E extends Entries>(entries: E): ObjectSchema<E> =>
  Object.assign(
    (value: unknown, path?: string) => {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return fail(path, 'an object');
      const source = value as Record<string, unknown>;
      const output: Record<string, unknown> = {};
      for (const key in entries) {
        const result = entries[key](source[key], path ? `${path}.${key}` : key);
        if (key in source) output[key] = result;
      }
      return output as ObjectOutput<E>;
    },
    { entries },
  );

/** One of `options`, chosen by the value of their common `key`. */
export const variant =
  <K extends string, O extends ObjectSchema<Record<K, Schema<string>>>>(key: K, options: readonly O[]): Schema<Output<O>> =>
  (value, path) => {
    const kind = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
    const option = options.find((candidate) => {
      try {
        candidate.entries[key](kind);
        return true;
      } catch {
        return false;
      }
    });
    return option ? (option(value, path) as Output<O>) : fail(path ? `${path}.${key}` : key, 'a known kind');
  };

/** The value `schema` returns for `value`, or why it refused it. */
export function validate<T>(schema: Schema<T>, value: unknown): { success: true; output: T } | { success: false; issue: string } {
  try {
    return { success: true, output: schema(value) };
  } catch (error) {
    if (error instanceof Mismatch) return { success: false, issue: error.message };
    throw error;
  }
}
