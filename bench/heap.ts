/**
 * The JS heap in bytes once garbage is gone, for the benchmark pages (Chromium started with
 * --js-flags=--expose-gc and --enable-precise-memory-info; see harness.mjs).
 *
 * One `gc()` call straight after work can leave garbage that only a later collection frees
 * (finalizers, weak references, work the page queued), so a delta read that way can even come
 * out negative. This collects three times with a task turn between, like the lifecycle
 * budget's reading, so two readings compare what is really held.
 */
export async function settledHeap(): Promise<number> {
  for (let i = 0; i < 3; i++) {
    window.gc?.();
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0;
}

declare global {
  interface Window {
    /** Chromium's full garbage collection, with --js-flags=--expose-gc. */
    gc?: () => void;
  }
}
