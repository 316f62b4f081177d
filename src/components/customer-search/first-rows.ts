import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Results laid out in a new list's first frame, until the listbox's view is measured. */
const FIRST_ROWS_GUESS = 8;

/**
 * A new list's first frame lays out and paints only the results in the listbox's view; the
 * rest are in the DOM from the start (every option is there for assistive technology, the
 * listbox `aria-busy` meanwhile), hidden, and laid out from the next frame on. Each result is
 * a dozen elements, measured at about half a millisecond of style and layout each: twenty of
 * them were most of the keystroke → first results frame, and the ones below the listbox's fold
 * are not seen in it anyway.
 *
 * The host hides the results at and after {@link isLater} while {@link settling}. After the
 * first frame is painted, with its layout still clean (reading it costs nothing), this counts
 * the results the listbox showed, for the next list: never fewer than before (a list shown
 * where there was less room must not cut the next one short), twice as many when the ones
 * shown did not fill the view.
 */
export class FirstRowsController implements ReactiveController {
  /** The list is in its first frame: the results from {@link isLater} on are hidden. */
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

  /** The keyboard moved to `index`: past the results shown, every result is shown at once. */
  reach(index: number): void {
    if (this.settling && index >= this.rowsInView) this.settling = false;
  }

  /** Whether the result at `index` waits for the next frame while the list settles. */
  isLater(index: number): boolean {
    return index >= this.rowsInView;
  }

  hostUpdated(): void {
    if (!this.settling || this.scheduled) return;
    this.scheduled = true;
    // This animation frame is the one that paints; a task queued from it runs after the paint.
    requestAnimationFrame(() =>
      setTimeout(() => {
        this.scheduled = false;
        if (!this.settling) return;
        this.measure();
        this.settling = false;
        this.host.requestUpdate();
      }),
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
    const shown = [...listbox.querySelectorAll<HTMLElement>('[role="option"]:not(.later)')];
    const inView = shown.filter((option) => option.getBoundingClientRect().top < bottom).length;
    this.rowsInView = Math.max(this.rowsInView, inView + 2);
  }
}
