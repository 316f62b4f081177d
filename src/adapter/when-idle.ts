/** Options of {@link whenIdle}. */
export interface WhenIdleOptions {
  /** Run at the latest after this many ms even if the browser is never idle; default: no limit. */
  timeout?: number;
  /** Where there is no `requestIdleCallback` (WebKit): run in a task after this many ms; default 0. */
  fallbackDelay?: number;
}

/**
 * Runs `callback` when the browser is next idle (`requestIdleCallback`), with the idle
 * deadline, so that input and rendering already waiting go first. Where there is no
 * `requestIdleCallback`, in a task after `fallbackDelay` ms, without a deadline; in Node that
 * timer does not keep the process alive (idle work is never a reason to stay).
 */
export function whenIdle(callback: (deadline?: IdleDeadline) => void, options: WhenIdleOptions = {}): void {
  const { timeout, fallbackDelay = 0 } = options;
  if (typeof requestIdleCallback === 'function') requestIdleCallback(callback, timeout === undefined ? {} : { timeout });
  else (setTimeout(callback, fallbackDelay) as unknown as { unref?: () => void }).unref?.();
}
