import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { whenIdle } from '../../adapter/when-idle.js';

/** Results rendered in a new list's first frame, until the listbox's view is measured. */
const FIRST_ROWS_GUESS = 8;

/**
 * A new list's first frame creates, lays out and paints only the results in the listbox's
 * view; the rest are rendered once that frame is painted, when the browser is next idle, and
 * shown in a following frame. Each result is a dozen elements: creating the
 * DOM of twenty was most of the keystroke → first results frame (about half a millisecond of
 * script, style and layout each), and the ones below the listbox's fold are not seen in it
 * anyway.
 *
 * Meanwhile assistive technology hears the same list it will hear once every result is there:
 * each option says its place in the whole list (`aria-posinset`, `aria-setsize`), the live
 * status says the whole count, and the listbox is `aria-busy` until the rest are in. The
 * keyboard never waits: moving past the results rendered renders every result at once
 * ({@link reach}), in the same update.
 *
 * After the first frame is painted, with its layout still clean (reading it costs nothing),
 * this counts the results the listbox showed, for the next list: never fewer than before (a
 * list shown where there was less room must not cut the next one short), twice as many when
 * the ones shown did not fill the view.
 */
export class FirstRowsController implements ReactiveController {
  /** The list is in its first frame: only the first {@link rendered} results are rendered. */
  settling = false;
  /** How many results fill the listbox's view, and two more. */
  private rowsInView = FIRST_ROWS_GUESS;
  private scheduled = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly listbox: () => HTMLElement | null,
  ) {
    host.addController(this);
  }

  /** A list of `count` results is about to render; `fresh` when it is a new query's (not a further page). */
  start(count: number, fresh: boolean): void {
    this.settling = fresh && count > this.rowsInView;
  }

  /** The keyboard moved to `index`: past the results rendered, every result is rendered at once. */
  reach(index: number): void {
    if (this.settling && index >= this.rowsInView) this.settling = false;
  }

  /** How many of a list's `count` results to render now (the first ones, in display order). */
  rendered(count: number): number {
    return this.settling ? Math.min(count, this.rowsInView) : count;
  }

  hostUpdated(): void {
    if (!this.settling || this.scheduled) return;
    this.scheduled = true;
    // This animation frame is the one that paints. What is queued from it runs after the
    // paint: the rest when the browser is next idle, so that a key typed meanwhile, or
    // anything else already waiting, goes first.
    requestAnimationFrame(() =>
      whenIdle(
        () => {
          this.scheduled = false;
          if (!this.settling) return;
          this.measure();
          this.settling = false;
          this.host.requestUpdate();
        },
        { timeout: 50 },
      ),
    );
  }

  private measure(): void {
    const listbox = this.listbox();
    if (!listbox?.isConnected || !listbox.clientHeight) return;
    if (listbox.scrollHeight <= listbox.clientHeight) {
      this.rowsInView *= 2;
      return;
    }
    const bottom = listbox.getBoundingClientRect().bottom;
    const shown = [...listbox.querySelectorAll<HTMLElement>('[role="option"]')];
    const inView = shown.filter((option) => option.getBoundingClientRect().top < bottom).length;
    this.rowsInView = Math.max(this.rowsInView, inView + 2);
  }
}
