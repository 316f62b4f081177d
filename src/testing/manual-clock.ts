import type { Clock } from '../base/clock.js';

/**
 * A clock a test moves by hand: timers fire only inside `advance`. Give it to an element that
 * takes a `clock` (`<tn-attention-panel>` polls and shows relative times with one) to test
 * refreshes, back-off and "3 minutes ago" without waiting.
 */
export class ManualClock implements Clock {
  private time: number;
  private next = 1;
  private readonly timers = new Map<number, { at: number; callback: () => void }>();

  constructor(start: Date | number = new Date(2026, 10, 28, 9, 0, 0)) {
    this.time = typeof start === 'number' ? start : start.getTime();
  }

  now(): number {
    return this.time;
  }

  setTimeout(callback: () => void, ms: number): number {
    const handle = this.next++;
    this.timers.set(handle, { at: this.time + Math.max(0, ms), callback });
    return handle;
  }

  clearTimeout(handle: number): void {
    this.timers.delete(handle);
  }

  /** Timers not yet fired nor cleared. */
  get pending(): number {
    return this.timers.size;
  }

  /** Milliseconds until the next timer fires, or undefined. */
  get nextIn(): number | undefined {
    const times = [...this.timers.values()].map((t) => t.at);
    return times.length ? Math.min(...times) - this.time : undefined;
  }

  /** Moves time forward, firing every timer that falls due, in order. */
  advance(ms: number): void {
    const end = this.time + ms;
    for (;;) {
      const due = [...this.timers.entries()].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      this.timers.delete(due[0]);
      this.time = due[1].at;
      due[1].callback();
    }
    this.time = end;
  }
}
