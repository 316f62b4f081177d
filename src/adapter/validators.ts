/**
 * A few composable validators for JSON bodies: just what the answer schemas (`schemas.ts`,
 * `later-schemas.ts`) need, about 1 KB minified (valibot took 7 KB of the script-tag bundle).
 * Each validator returns what it accepts (objects rebuilt with only the properties they know)
 * or throws a {@link Mismatch} naming where and what; its output type is {@link Output}, so
 * `test/rest-adapter-contract.test.ts` can compare it with the contract.
 */

/**
 * Why a value was refused, with its path (`items.0.id`). The path is put together only on
 * the way out of a failure (each container adds its key), so checking a valid answer of
 * 10,000 entities builds no strings.
 */
class Mismatch {
  private readonly keys: (string | number)[] = [];
  constructor(private readonly expected: string) {}
  /** The same mismatch, one level further out (inside `key`). */
  within(key: string | number): this {
    this.keys.unshift(key);
    return this;
  }
  get message(): string {
    return `${this.keys.length ? this.keys.join('.') : 'the body'}: expected ${this.expected}`;
  }
}

/** Checks `value` and returns it, or throws a {@link Mismatch}. */
export type Schema<T> = (value: unknown) => T;
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

const fail = (expected: string): never => {
  throw new Mismatch(expected);
};

/** Runs `check` on the value inside `key`, naming `key` in its mismatch. */
function inside<T>(key: string | number, check: () => T): T {
  try {
    return check();
  } catch (error) {
    throw error instanceof Mismatch ? error.within(key) : error;
  }
}

const primitive =
  <T>(type: 'string' | 'number' | 'boolean', test: (value: T) => boolean = () => true, expected: string = `a ${type}`): Schema<T> =>
  (value) =>
    typeof value === type && test(value as T) ? (value as T) : fail(expected);

/** A string, matching `pattern` when given. */
export const string = (pattern?: RegExp): Schema<string> =>
  primitive<string>('string', (value) => !pattern || pattern.test(value), pattern ? `a string matching ${pattern}` : 'a string');

/** A string of `min` to `max` characters (UTF-16 code units). */
export const sized = (min: number, max: number): Schema<string> =>
  primitive<string>(
    'string',
    (value) => value.length >= min && value.length <= max,
    max === Infinity ? `a string of at least ${min} character${min === 1 ? '' : 's'}` : `a string of ${min}–${max} characters`,
  );

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
  (value) =>
    options.includes(value as string) ? (value as T[number]) : fail(options.join(' | '));

/** An array of what `item` accepts. */
export const array =
  <T>(item: Schema<T>): Schema<T[]> =>
  (value) => {
    if (!Array.isArray(value)) return fail('an array');
    const output: T[] = new Array<T>(value.length);
    let index = 0;
    try {
      for (; index < value.length; index++) output[index] = item(value[index]);
    } catch (error) {
      throw error instanceof Mismatch ? error.within(index) : error;
    }
    return output;
  };

/** An array schema, with the schema of its items (to check an item apart). */
export type ArraySchema<T> = Schema<T[]> & { readonly item: Schema<T> };

/**
 * What `array(item)` accepts, for arrays long enough that a generic walk of each item shows:
 * `quick` is `item` compiled by hand into one function — it returns the item as `item`
 * would (the same properties, in the same order), or `undefined` for anything it does not
 * accept outright. Such an item goes through `item` itself, which accepts it or refuses it
 * with the message and path the generic walk gives; so `quick` may be stricter than `item`,
 * never more lenient (`test/validators-fast-array.test.ts` holds the two together).
 */
export const fastArray = <T>(item: Schema<T>, quick: (value: unknown) => T | undefined): ArraySchema<T> =>
  Object.assign(
    (value: unknown) => {
      if (!Array.isArray(value)) return fail('an array');
      const output: T[] = new Array<T>(value.length);
      for (let index = 0; index < value.length; index++) {
        const fast = quick(value[index]);
        output[index] = fast !== undefined ? fast : inside(index, () => item(value[index]));
      }
      return output;
    },
    { item },
  );

/** `schema`, or nothing. */
export const optional = <T>(schema: Schema<T>): OptionalSchema<T> =>
  Object.assign((value: unknown) => (value === undefined ? undefined : schema(value)), { optional: true } as const);

/** An object with these properties; others are dropped. */
export const object = <E extends Entries>(entries: E): ObjectSchema<E> => {
  const keys = Object.keys(entries);
  return Object.assign(
    (value: unknown) => {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return fail('an object');
      const source = value as Record<string, unknown>;
      const output: Record<string, unknown> = {};
      let key = '';
      try {
        for (key of keys) {
          const result = entries[key](source[key]);
          if (result !== undefined || key in source) output[key] = result;
        }
      } catch (error) {
        throw error instanceof Mismatch ? error.within(key) : error;
      }
      return output as ObjectOutput<E>;
    },
    { entries },
  );
};

/** One of `options`, chosen by the value of their common `key`. */
export const variant =
  <K extends string, O extends ObjectSchema<Record<K, Schema<string>>>>(key: K, options: readonly O[]): Schema<Output<O>> =>
  (value) => {
    const kind = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
    const option = options.find((candidate) => {
      try {
        candidate.entries[key](kind);
        return true;
      } catch {
        return false;
      }
    });
    return option ? (option(value) as Output<O>) : inside(key, () => fail('a known kind'));
  };

/** `schema`, and `test` must hold for what it returns (a rule between fields). */
export const refine = <T>(schema: Schema<T>, test: (value: T) => boolean, expected: string): Schema<T> =>
  Object.assign((value: unknown) => {
    const output = schema(value);
    return test(output) ? output : fail(expected);
  }, schema);

/** The value `schema` returns for `value`, or why it refused it. */
export function validate<T>(schema: Schema<T>, value: unknown): { success: true; output: T } | { success: false; issue: string } {
  try {
    return { success: true, output: schema(value) };
  } catch (error) {
    if (error instanceof Mismatch) return { success: false, issue: error.message };
    throw error;
  }
}
