/**
 * Work done a step at a time: a generator whose every `next()` does a few milliseconds of
 * it and whose last returns the result. The demo directory is built this way, so that it can
 * be built in the page's idle time without holding up input, or at once when a search needs it.
 */
import { whenIdle } from '../when-idle.js';

export type Steps<T> = Generator<void, T, void>;

/** How long one slice of idle-time work runs at most, in ms (less when the idle deadline is sooner). */
const SLICE_MS = 10;

/** Runs every step left, at once, and returns the result. */
export function finish<T>(steps: Steps<T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * A result made a step at a time, by whoever asks first: {@link Stepwise.step} advances it
 * (idle-time work), {@link Stepwise.result} does what is left at once.
 */
export class Stepwise<T> {
  private steps?: Steps<T>;
  private made?: { readonly value: T };

  /** `make` starts the steps; it is called on the first step or the first ask. */
  constructor(private readonly make: () => Steps<T>) {}

  /** Whether the result is made. */
  get done(): boolean {
    return this.made !== undefined;
  }

  /** Does one step, unless the result is made; true once it is. */
  step(): boolean {
    if (this.made) return true;
    const step = (this.steps ??= this.make()).next();
    if (step.done) this.made = { value: step.value };
    return step.done === true;
  }

  /** The result: the steps left are done now. */
  get result(): T {
    while (!this.step());
    return this.made!.value;
  }
}

/**
 * Runs `steps` in the page's idle time (`requestIdleCallback`; a timer where there is none),
 * in tasks of at most {@link SLICE_MS}, so that input and rendering never wait long behind
 * them. A task starts another step only if one as long as the last still fits, in the task
 * and in the idle period the browser gave (which ends at the next frame or input it expects).
 * When a task ends with idle time left (a long idle period lasts up to 50 ms), the next one
 * follows in a new task within the same period, rather than waiting for the next period.
 */
export function runWhenIdle(steps: Steps<unknown>): void {
  const slice = (deadline?: IdleDeadline): void => {
    const started = performance.now();
    for (;;) {
      const stepStarted = performance.now();
      if (steps.next().done) return;
      const now = performance.now();
      const stepMs = now - stepStarted;
      const periodOver = deadline !== undefined && deadline.timeRemaining() < stepMs;
      const taskFull = now + stepMs - started > SLICE_MS;
      if (periodOver || (taskFull && !deadline)) break;
      if (taskFull) {
        // Input and rendering go first; then this idle period goes on.
        setTimeout(() => slice(deadline));
        return;
      }
    }
    whenIdle(slice);
  };
  whenIdle(slice);
}
