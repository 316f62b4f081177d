/**
 * Renders a long list a screenful at a time: the host's render() asks `range(items)` which
 * items to render, and renders just those, in order, as the only element children of a
 * scrolling element (the "scroller"). The scroller's own scroll position and size decide the
 * range — never the page's viewport — so a list scrolled out of the page, or shown after
 * being hidden, renders its rows all the same.
 *
 * Rows may differ in height (they wrap in a narrow box or at a large text size). After each
 * update the rendered rows are measured; rows not measured count as the average of the first
 * ones measured. A new list of items (filtered, or a country collapsed) starts from that
 * estimate again: looking its items' heights up would cost a filter keystroke more than the
 * rows it renders. Whenever measuring, or a new list, would move the rows in view, the scroll
 * position moves by as much: what the user looks at stays where it was.
 *
 * The rows are the scroller's element children, after `leading` others (a sticky heading
 * that stays at the top of the view, say). The controller sets custom properties on the
 * scroller for its styles: `--tn-i-before` / `--tn-i-after`, the space the unrendered rows
 * above and below take (for spacers, such as the scroller's ::before and ::after).
 *
 * The scroller may be as tall as its rows up to a limit (its CSS: `max-block-size`). It
 * observes the scroller's size only, and what it renders after a resize leaves that size
 * alone, so it sets off no "ResizeObserver loop" notice: a list shorter than the limit has
 * every row rendered (the rows rendered cover more than the view) and no spacer, so its
 * height is its rows' own, which the resize itself already laid out; a longer one is as tall
 * as the limit, whatever its spacers.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Rendered beyond each edge of the view: this share of the view's height. */
const OVERSCAN = 0.4;
/** Row height assumed before any row has been measured (2.25em at 16 px). */
const FIRST_GUESS = 36;
/** View height assumed while the scroller has none (hidden, or not laid out yet). */
const UNKNOWN_HEIGHT = 360;
/** Re-renders in a row that measuring may cause before it gives up waiting to settle. */
const MAX_SETTLE = 4;

/** A list the window renders from: an array, or a list that makes its items as they are asked for. */
export interface ItemList<T> {
  readonly length: number;
  at(index: number): T | undefined;
}

export class ListWindow<T> implements ReactiveController {
  /** The items rendered: `start` up to, not including, `end`. */
  start = 0;
  end = 0;

  private items: ItemList<T> = [];
  /**
   * Measured height of each item (0: never measured), index for index with `items`; then
   * where each item starts, recomputed when stale — up to `extent` only: no item from there
   * on has been measured, so each is `estimate` tall and where it starts is a product
   * (`offsetAt`). A new list is measured only around its view, so a filter keystroke lays out
   * the rows above the view, not 10,000 estimates (a loop that took about 1 ms a pass at
   * 10,000 rows in Chromium, twice per keystroke). Both arrays only grow: a new list reuses
   * them (no allocation per keystroke).
   */
  private sizes = new Float64Array(0);
  private offsets = new Float64Array(1);
  private extent = 0;
  private stale = false;
  /** Height of an item not yet measured. */
  private estimate = 0;
  private scroller?: HTMLElement;
  private top = 0;
  private height = 0;
  private width = 0;
  /** Number of items when `height` was read. */
  private count = 0;
  /** The tallest view seen: a scroller as tall as its rows (up to a limit) grows with a longer list. */
  private tallest = 0;
  /** An item to bring into view once rendered. */
  private revealing?: number;
  /** Bring it to the top of the view, scrolling the list alone (not the page). */
  private revealAtTop = false;
  /** The item at the top of the view before an update, and how far into it the view starts. */
  private anchor?: { items: ItemList<T>; key: unknown; index: number; delta: number; atEnd: boolean };
  private settling = 0;
  /**
   * The scroller was rendered by the last update, whose rows were rendered from estimates
   * and not measured: the next update, or its first resize observation, measures them.
   */
  private unlaidOut = false;
  /** Made with the first scroller: an element that never shows its list never makes one. */
  private resizes?: ResizeObserver;

  constructor(
    private readonly host: ReactiveControllerHost,
    /** The scrolling element, once rendered. */
    private readonly find: () => HTMLElement | null | undefined,
    /** What identifies an item across lists (to keep it in view); the item itself by default. */
    private readonly key: (item: T) => unknown = (item) => item,
    /** Element children of the scroller before the rows. */
    private readonly leading = 0,
  ) {
    host.addController(this);
  }

  /**
   * The items of `items` to render now, as [start, end): those in view and some beyond,
   * including the one `reveal()` asked for. Call it from render().
   */
  range(items: ItemList<T>): [number, number] {
    const fresh = items !== this.items;
    if (fresh) this.adopt(items);
    // A new list may make the view taller: render for the tallest (not a second time once measured).
    const height = (fresh ? Math.max(this.height, this.tallest) : this.height) || UNKNOWN_HEIGHT;
    let top = Math.max(0, Math.min(this.anchoredTop() ?? this.top, this.offsetAt(items.length) - height));
    const target = this.revealing;
    if (target !== undefined && target < items.length) {
      // Where scrolling it into view ("nearest", or to the top) will put the view.
      if (this.offsetAt(target) < top || this.revealAtTop) top = this.offsetAt(target);
      else if (this.offsetAt(target + 1) > top + height) top = this.offsetAt(target + 1) - height;
    }
    const margin = height * OVERSCAN;
    if (!fresh && target === undefined && this.rendersAround(top, height, margin)) return [this.start, this.end];
    this.start = this.indexAt(top - margin);
    this.end = Math.min(items.length, this.indexAt(top + height + margin) + 1);
    return [this.start, this.end];
  }

  /**
   * Renders item `index` if needed and scrolls it into view: as little as needed (the page
   * too, if the list is out of the page's view), or — `atTop` — to the top of the list's
   * view when it is out of it, scrolling the list alone.
   */
  reveal(index: number, { atTop = false } = {}): void {
    this.revealing = index;
    this.revealAtTop = atTop;
    this.host.requestUpdate();
  }

  /** The item at `y` px from the start of the list (clamped to the list). */
  itemAt(y: number): number {
    return this.indexAt(y);
  }

  /** Where item `index` starts, in px from the start of the list (measured, or estimated). */
  itemStart(index: number): number {
    return this.offsetAt(Math.max(0, Math.min(index, this.items.length)));
  }

  /** Back to the first item (the next update renders from there). */
  toTop(): void {
    // Writing scrollTop lays the page out: only when it is not there already.
    if (this.scroller && this.top !== 0) this.scroller.scrollTop = 0;
    this.top = 0;
  }

  hostConnected(): void {
    this.attach(this.find() ?? undefined);
  }

  hostDisconnected(): void {
    this.attach(undefined);
  }

  /**
   * False from the update that renders a new scroller until its rows are measured (its first
   * resize observation, or the next update): meanwhile nothing should read the layout.
   */
  get measured(): boolean {
    return !!this.scroller && !this.unlaidOut;
  }

  hostUpdate(): void {
    // Remember what the user sees, to keep it in place whatever measuring changes.
    const n = this.items.length;
    if (!this.scroller || !n || this.revealing !== undefined) return;
    const index = this.indexAt(this.top);
    const atEnd = this.top > 0 && this.top + this.height >= this.offsetAt(n) - 1;
    this.anchor = { items: this.items, key: this.key(this.items.at(index)!), index, delta: this.top - this.offsetAt(index), atEnd };
  }

  hostUpdated(): void {
    const scroller = this.find() ?? undefined;
    let anchor = this.anchor;
    this.anchor = undefined;
    if (scroller !== this.scroller) {
      // Rendered by this update: a new element, at the top.
      this.attach(scroller, 0);
      anchor = undefined;
      if (scroller) {
        // Never laid out: reading its size now would lay out the whole element in the middle
        // of this update, the first layout of everything around it too. Its first resize
        // observation comes once the browser has laid the page out itself, before it paints;
        // that measures and corrects the range (onResize) — or any update before it does.
        this.setSpacers(scroller);
        this.unlaidOut = true;
        return;
      }
    }
    if (!scroller) return;
    this.unlaidOut = false;
    // Sizes first, as estimated, then one layout to measure: when the estimates were right
    // (rows of one line), nothing changes after measuring and the frame needs no other layout.
    this.setSpacers(scroller);
    const height = scroller.clientHeight;
    // Hidden: nothing to measure. Showing it resizes it, and that renders it again.
    if (height === 0) return;
    // Rows wrap differently at another width, and the text size changed when the scroller's
    // height did for as many items (its height is in rem): what was measured no longer holds.
    const width = scroller.clientWidth;
    if (this.width && (width !== this.width || (height !== this.height && this.items.length === this.count))) {
      this.forget();
      this.tallest = 0;
    }
    this.height = height;
    this.tallest = Math.max(this.tallest, height);
    this.width = width;
    this.count = this.items.length;
    this.measure(scroller);
    this.setSpacers(scroller);

    const target = this.revealing;
    this.revealing = undefined;
    if (target !== undefined) {
      const row = scroller.children[this.leading + target - this.start];
      if (row && this.revealAtTop) scrollToTop(scroller, row);
      else row?.scrollIntoView({ block: 'nearest' });
      this.top = scroller.scrollTop;
    } else {
      const top = this.anchoredTop(anchor);
      if (top !== undefined && Math.abs(top - this.top) >= 1) {
        scroller.scrollTop = top;
        this.top = scroller.scrollTop;
      }
    }
    this.settle();
  }

  private readonly onScroll = (): void => {
    if (!this.scroller) return;
    this.top = this.scroller.scrollTop;
    // Render again before the rendered rows run out, not at every row scrolled past.
    if (!this.covers(this.height * OVERSCAN * 0.5)) {
      this.settling = 0;
      this.host.requestUpdate();
    }
  };

  private onResize(): void {
    const scroller = this.scroller;
    // Hidden: nothing to render until it is shown (which resizes it again).
    if (!scroller || scroller.clientHeight === 0) return;
    if (this.unlaidOut) {
      // Laid out at last: the next update measures the rows rendered from the estimates, before
      // the browser paints. Unless the scroller is as tall as its rows and some are missing:
      // rendering them could change its height, which a resize observer must not do in its own
      // callback ("ResizeObserver loop"); then in the next frame.
      this.unlaidOut = false;
      const mayGrow = this.end < this.items.length && scroller.scrollHeight <= scroller.clientHeight;
      if (mayGrow) requestAnimationFrame(() => this.host.requestUpdate());
      else this.host.requestUpdate();
      return;
    }
    if (scroller.clientWidth !== this.width || scroller.clientHeight !== this.height) this.host.requestUpdate();
  }

  /**
   * Renders again when the rows rendered leave part of the view empty: the view grew, or
   * rows turned out shorter than estimated. Once this update is over (still before the
   * browser paints); it settles as soon as the rows around the view are measured.
   */
  private settle(): void {
    if (this.covers(0)) this.settling = 0;
    else if (this.settling++ < MAX_SETTLE) queueMicrotask(() => this.host.requestUpdate());
  }

  /**
   * Follows `scroller` from now on. `top`, when the caller knows it (a scroller just rendered
   * is at 0), spares reading `scrollTop`: that read would lay the whole element out in the
   * middle of its first update — at 10,000 entities, about half of the picker's open time
   * went there — and the browser lays it out again before painting.
   */
  private attach(scroller: HTMLElement | undefined, top?: number): void {
    if (scroller === this.scroller) return;
    this.scroller?.removeEventListener('scroll', this.onScroll);
    this.resizes?.disconnect();
    this.scroller = scroller;
    this.unlaidOut = false;
    this.top = top ?? scroller?.scrollTop ?? 0;
    if (!scroller) return;
    scroller.addEventListener('scroll', this.onScroll, { passive: true });
    this.resizes ??= new ResizeObserver(() => this.onResize());
    this.resizes.observe(scroller);
  }

  /**
   * Where the view must start for the row the user looked at (`anchor`, by default the one
   * recorded before this update) to stay where it was — or, at the end of the list, for the
   * view to stay at its end (the last rows may have turned out taller). Undefined when that
   * row is gone.
   */
  private anchoredTop(anchor = this.anchor): number | undefined {
    if (!anchor) return undefined;
    const { index } = anchor;
    if (anchor.items === this.items) return anchor.atEnd ? this.offsetAt(this.items.length) - this.height : this.offsetAt(index) + anchor.delta;
    // Another list (a country collapsed or expanded below that row): the row at the same place.
    if (index < this.items.length && this.key(this.items.at(index)!) === anchor.key) return this.offsetAt(index) + anchor.delta;
    return undefined;
  }

  /** True when the rendered rows cover the view and `slack` beyond each edge (or the list ends). */
  private covers(slack: number): boolean {
    const height = this.height || UNKNOWN_HEIGHT;
    return (
      (this.start === 0 || this.offsetAt(this.start) <= this.top - slack) &&
      (this.end === this.items.length || this.offsetAt(this.end) >= this.top + height + slack)
    );
  }

  /**
   * True when the rows rendered now still suit a view from `top`, `height` tall: they cover it
   * and half the margin beyond each edge (as much as scrolling leaves before it renders again),
   * and reach no further than twice the margin. Then an update of the same list (a tick, the
   * whole group selected) keeps them: none is added or removed, the spacers stay as they are,
   * and its layout is the changed rows' alone. A new list's first rows are rendered for a view
   * estimated before the browser lays it out (`hostUpdated`): cutting the rows beyond the view
   * it turned out to have would lay out the whole tree in the next update instead, which made
   * "select all" at 10,000 entities lay out 3.7 ms instead of 2.8 (Chromium trace, medians of 10).
   */
  private rendersAround(top: number, height: number, margin: number): boolean {
    const { start, end } = this;
    const n = this.items.length;
    if (start >= end || end > n) return false;
    const from = this.offsetAt(start);
    const to = this.offsetAt(end);
    return (
      (start === 0 || from <= top - margin / 2) &&
      (end === n || to >= top + height + margin / 2) &&
      from >= top - 2 * margin &&
      to <= top + height + 2 * margin
    );
  }

  /** Takes a new list, none of its items measured yet. */
  private adopt(items: ItemList<T>): void {
    this.items = items;
    if (this.sizes.length < items.length) {
      this.sizes = new Float64Array(items.length);
      this.offsets = new Float64Array(items.length + 1);
    } else {
      this.sizes.fill(0, 0, Math.min(items.length, this.extent));
    }
    this.extent = 0;
    this.stale = true;
  }

  private forget(): void {
    this.sizes.fill(0, 0, this.extent);
    this.extent = 0;
    this.estimate = 0;
    this.stale = true;
  }

  /** Measures the rendered rows (the scroller's element children, `start` onwards). */
  private measure(scroller: HTMLElement): void {
    const rows = scroller.children;
    const count = Math.min(rows.length - this.leading, this.end - this.start);
    let total = 0;
    for (let k = 0; k < count; k++) {
      const i = this.start + k;
      const size = rows[this.leading + k].getBoundingClientRect().height;
      total += size;
      if (size > 0 && size !== this.sizes[i]) {
        this.sizes[i] = size;
        this.stale = true;
        if (i >= this.extent) this.extent = i + 1;
      }
    }
    if (!this.estimate && total > 0) {
      this.estimate = total / count;
      this.stale = true;
    }
  }

  private setSpacers(scroller: HTMLElement): void {
    setProperty(scroller, '--tn-i-before', `${this.offsetAt(this.start)}px`);
    setProperty(scroller, '--tn-i-after', `${this.offsetAt(this.items.length) - this.offsetAt(this.end)}px`);
  }

  /** Where item `index` starts, in px (at `items.length`: the list's height). */
  private offsetAt(index: number): number {
    const offsets = this.layout();
    const { extent } = this;
    return index <= extent ? offsets[index] : offsets[extent] + (index - extent) * (this.estimate || FIRST_GUESS);
  }

  /** Where the items up to `extent` start. */
  private layout(): Float64Array {
    const { sizes, offsets, extent } = this;
    if (!this.stale) return offsets;
    const estimate = this.estimate || FIRST_GUESS;
    for (let i = 0; i < extent; i++) offsets[i + 1] = offsets[i] + (sizes[i] || estimate);
    this.stale = false;
    return offsets;
  }

  /** The item at `y` (clamped to the list). */
  private indexAt(y: number): number {
    const offsets = this.layout();
    const { extent } = this;
    const n = this.items.length;
    // Beyond the items measured, every one is as tall as the estimate.
    if (extent < n && y >= offsets[extent]) {
      return Math.min(n - 1, extent + Math.floor((y - offsets[extent]) / (this.estimate || FIRST_GUESS)));
    }
    let low = 0;
    let high = Math.min(extent, n) - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (offsets[middle] <= y) low = middle;
      else high = middle - 1;
    }
    return Math.max(0, low);
  }
}

/** Scrolls `scroller` alone so that `row` starts the view (below its scroll padding), unless it is in view. */
function scrollToTop(scroller: HTMLElement, row: Element): void {
  const view = scroller.getBoundingClientRect();
  const box = row.getBoundingClientRect();
  const top = view.top + scroller.clientTop + (parseFloat(getComputedStyle(scroller).scrollPaddingBlockStart) || 0);
  const bottom = view.top + scroller.clientTop + scroller.clientHeight;
  if (box.top < top || box.bottom > bottom) scroller.scrollTop += box.top - top;
}

/** Sets a custom property through the CSSOM (a strict CSP allows it), only when it changes. */
function setProperty(element: HTMLElement, name: string, value: string): void {
  if (element.style.getPropertyValue(name) !== value) element.style.setProperty(name, value);
}
