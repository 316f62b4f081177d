/**
 * The demo directory is built in the page's idle time, a few milliseconds at a time, when a
 * demo adapter is made; whatever needs it first finishes the build at once. This file has a
 * page of its own, so the shared index starts unbuilt here.
 */
import { expect } from '@open-wc/testing';
import { buildDirectoryIndex, directoryIndex, findMatches, prepareDirectoryIndex, type DirectoryIndex } from '../src/adapter/demo/directory-index.js';
import { DemoNetwork } from '../src/adapter/demo/demo-network.js';
import { finish, runWhenIdle, Stepwise, type Steps } from '../src/adapter/demo/steps.js';

/** Resolves in the next idle callback (a task where there is none), after the slices already queued. */
const idle = () =>
  new Promise<void>((resolve) => (typeof requestIdleCallback === 'function' ? requestIdleCallback(() => resolve()) : setTimeout(resolve, 0)));

/** Steps that log what they do, each busy for `busyMs`. */
function* logged(log: string[], count: number, busyMs = 0): Steps<string> {
  for (let i = 0; i < count; i++) {
    const until = performance.now() + busyMs;
    while (performance.now() < until);
    log.push(`step ${i}`);
    yield;
  }
  return 'made';
}

describe('Stepwise', () => {
  it('starts its steps on the first step or ask, not before', () => {
    const log: string[] = [];
    const work = new Stepwise(() => logged(log, 3));
    expect(log).to.deep.equal([]);
    expect(work.done).to.equal(false);
    expect(work.step()).to.equal(false);
    expect(log).to.deep.equal(['step 0']);
  });

  it('does one step at a time, then the rest at once when the result is asked for, and never again', () => {
    const log: string[] = [];
    let made = 0;
    const work = new Stepwise(() => (made++, logged(log, 4)));
    work.step();
    work.step();
    expect(log).to.deep.equal(['step 0', 'step 1']);
    expect(work.result).to.equal('made');
    expect(log).to.deep.equal(['step 0', 'step 1', 'step 2', 'step 3']);
    expect(work.done).to.equal(true);
    expect(work.step()).to.equal(true);
    expect(work.result).to.equal('made');
    expect(made).to.equal(1);
    expect(log).to.have.length(4);
  });
});

/**
 * `count` logged steps of `busyMs` each, wrapped so that `tasks` gets, for each task they run
 * in, the number of steps done when it began (`log.length` after its first step).
 */
function countingTasks(log: string[], tasks: number[], count: number, busyMs: number): Steps<void> {
  let inTask = false;
  return (function* (): Steps<void> {
    const inner = logged(log, count, busyMs);
    while (!inner.next().done) {
      // A microtask runs between tasks: a step that finds the flag down began a new task.
      if (!inTask) {
        inTask = true;
        tasks.push(log.length);
        queueMicrotask(() => (inTask = false));
      }
      yield;
    }
  })();
}

describe('runWhenIdle', () => {
  it('runs every step, in order, over several tasks rather than one long one', async () => {
    const log: string[] = [];
    const tasks: number[] = [];
    const steps = countingTasks(log, tasks, 20, 2);
    runWhenIdle(steps);
    expect(log, 'nothing runs before the page is idle').to.deep.equal([]);
    for (let i = 0; i < 100 && log.length < 20; i++) await idle();
    expect(log).to.deep.equal(Array.from({ length: 20 }, (_, i) => `step ${i}`));
    // 20 steps of at least 2 ms, a slice ends once past 10 ms: at most 5 steps a task, so
    // several tasks. (Fewer steps a task is right when the page is busy: the idle deadline is
    // then sooner, or a step takes longer.)
    const stepsPerTask = tasks.map((start, i) => (tasks[i + 1] ?? 21) - start);
    expect(Math.max(...stepsPerTask), `steps per task: ${stepsPerTask.join(', ')}`).to.be.at.most(5);
  });

  /**
   * Runs `test` with the browser's idle callbacks replaced by ones whose idle periods last
   * `periodMs` (each called in a task of its own); resolves with how many were asked for.
   */
  async function withIdlePeriods(periodMs: number, test: () => Promise<void>): Promise<number> {
    const realIdleCallback = window.requestIdleCallback;
    let asked = 0;
    window.requestIdleCallback = (callback: IdleRequestCallback) => {
      asked++;
      return window.setTimeout(() => {
        const end = performance.now() + periodMs;
        callback({ didTimeout: false, timeRemaining: () => Math.max(0, end - performance.now()) });
      });
    };
    try {
      await test();
    } finally {
      // WebKit has none: remove the stand-in rather than leave `undefined` behind.
      if (realIdleCallback) window.requestIdleCallback = realIdleCallback;
      else delete (window as { requestIdleCallback?: unknown }).requestIdleCallback;
    }
    return asked;
  }

  it('does not start a step that would outlast the idle period the browser gave', async () => {
    // Idle periods of 3 ms, steps of 2 ms: after one step, one more would end past the
    // period (a step that starts while any time remains overruns it by up to a step).
    const log: string[] = [];
    const tasks: number[] = [];
    await withIdlePeriods(3, async () => {
      runWhenIdle(countingTasks(log, tasks, 6, 2));
      for (let i = 0; i < 100 && log.length < 6; i++) await new Promise((resolve) => setTimeout(resolve, 5));
    });
    expect(log).to.have.length(6);
    expect(tasks, 'one step per idle period').to.deep.equal([1, 2, 3, 4, 5, 6]);
  });

  it('uses a long idle period whole, in several short tasks, rather than waiting for the next period', async () => {
    const log: string[] = [];
    const tasks: number[] = [];
    const asked = await withIdlePeriods(1000, async () => {
      runWhenIdle(countingTasks(log, tasks, 20, 2));
      for (let i = 0; i < 100 && log.length < 20; i++) await new Promise((resolve) => setTimeout(resolve, 5));
    });
    expect(log).to.have.length(20);
    expect(asked, 'one idle period asked for').to.equal(1);
    const stepsPerTask = tasks.map((start, i) => (tasks[i + 1] ?? 21) - start);
    expect(Math.max(...stepsPerTask), `steps per task: ${stepsPerTask.join(', ')}`).to.be.at.most(5);
  });
});

describe('The shared demo directory index', () => {
  it('answers a search that comes while the idle-time build is under way with what a build at once gives', async function () {
    this.timeout(60_000);
    prepareDirectoryIndex();
    await idle();
    await idle();
    // The search finishes the build now; the same steps, all at once, give the reference.
    const page = new DemoNetwork().searchDirectory({ text: 'globex', pageSize: 5 });
    const shared = directoryIndex();
    const atOnce: DirectoryIndex = finish(buildDirectoryIndex());
    expect(page.total).to.equal(10_000);
    expect(shared.ordered.map((entity) => entity.record.id)).to.deep.equal(atOnce.ordered.map((entity) => entity.record.id));
    expect(shared.ordered.every((entity, rank) => entity.rank === rank)).to.equal(true);
    for (const text of ['a', 'gl', 'globex', 'société', 'zz']) {
      expect(Array.from(shared.names.find(text)), text).to.deep.equal(Array.from(atOnce.names.find(text)));
    }
    expect(shared.byId.size).to.equal(atOnce.byId.size);
    expect([...shared.groups.values()].map((group) => group.members.length)).to.deep.equal([...atOnce.groups.values()].map((group) => group.members.length));
    const taxId = shared.ordered.find((entity) => entity.record.taxIds.length > 0)!.record.taxIds[0];
    expect(findMatches(taxId).exact.map((entity) => entity.record.id)).to.include(shared.ordered.find((entity) => entity.record.taxIds.includes(taxId))!.record.id);
    expect(shared.byTaxId.result.size).to.equal(atOnce.byTaxId.result.size);
  });

  it('is built once: asking again, or preparing again, gives the same index', async () => {
    const first = directoryIndex();
    prepareDirectoryIndex();
    await idle();
    expect(directoryIndex()).to.equal(first);
  });
});
