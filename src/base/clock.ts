/**
 * Time as elements see it: the current time and one-shot timers. Elements that poll or show
 * relative times take a `clock` so tests (and hosts with their own scheduling) can drive
 * time; the default is the browser's.
 */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
  /** Calls `callback` once after `ms`; returns a handle for `clearTimeout`. */
  setTimeout(callback: () => void, ms: number): number;
  clearTimeout(handle: number): void;
}

/** The browser's clock. */
export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms) as unknown as number,
  clearTimeout: (handle) => globalThis.clearTimeout(handle),
};

/** One named timer on a clock: scheduling again replaces it, `cancel` clears it. */
export class Timer {
  private handle?: number;

  constructor(
    private readonly clock: () => Clock,
    private readonly callback: () => void,
  ) {}

  /** Runs the callback after `ms` (replacing any pending run). */
  schedule(ms: number): void {
    this.cancel();
    this.handle = this.clock().setTimeout(() => {
      this.handle = undefined;
      this.callback();
    }, Math.max(0, ms));
  }

  cancel(): void {
    if (this.handle !== undefined) this.clock().clearTimeout(this.handle);
    this.handle = undefined;
  }

  get pending(): boolean {
    return this.handle !== undefined;
  }
}
