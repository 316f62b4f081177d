import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Space kept between the popup and the edge of the viewport, in px. */
const VIEWPORT_MARGIN = 8;
/** Space between the field and the popup, in px. */
const GAP = 2;

/** Whether this browser has the Popover API (the top layer). */
const hasPopover = typeof HTMLElement !== 'undefined' && 'showPopover' in HTMLElement.prototype;

/** Where the popup goes: the element it hangs from, and what it may cover below that. */
export interface PopupAnchor {
  /** The box the popup is as wide as, and flips above when there is no room below. */
  field: Element;
  /** Help text under the field that the popup opens below (when it is shown), not over. */
  below?: Element | null;
}

/**
 * Keeps a popup (a `popover="manual"` element) in the top layer and attached to its field:
 * the popup escapes every clipping ancestor (`overflow: hidden` cards, transformed
 * containers, dialogs) and never makes the page scroll. While it is open it follows the field
 * when the page or any scroll container scrolls or the field resizes, takes the field's width,
 * opens below the field, and flips above it when the room below is too small for it and
 * there is more room above. Its height is capped to the larger of the two rooms
 * (`--tn-i-popup-room`), so whichever side it takes, it fits.
 *
 * It never lays the page out to place the popup after new content: where the popup goes
 * depends on its height, and its height is known only once the browser has laid out what was
 * rendered. So a content change is placed from the popup's resize observation, which the
 * browser delivers after its own layout and before it paints (reading geometry there costs
 * nothing), and that placement only moves the popup, never resizes it (a resize observer
 * must not change what it observes: "ResizeObserver loop"). What may resize it (the field's
 * width, the rooms after a scroll) waits for the next animation frame, which reads every
 * box first and then writes.
 *
 * Without the Popover API the popup stays where the element's own CSS puts it (absolutely
 * positioned under the field).
 *
 * A few lines of geometry instead of a positioning library: one popup, one placement
 * (below, or flipped above), no arrow, no shift; this costs about 0.5 KB where the smallest
 * general-purpose library costs six times that.
 */
export class AnchoredPopupController implements ReactiveController {
  private frame = 0;
  private observer?: ResizeObserver;
  private popup?: HTMLElement;
  private anchor?: PopupAnchor;

  constructor(host: ReactiveControllerHost) {
    host.addController(this);
  }

  /**
   * Shows `popup` in the top layer next to `anchor`, or keeps it there. Shown now, it is placed
   * at once; already shown, it is placed again when its size or its field's changes.
   */
  open(popup: HTMLElement, anchor: PopupAnchor): void {
    // An update can land after the element left the page (an answer that was on its way):
    // a popover outside the document cannot be shown, and nobody would see it.
    if (!hasPopover || !popup.isConnected) return;
    const wasOpen = this.popup === popup && popup.matches(':popover-open');
    const sameAnchor = wasOpen && this.anchor?.field === anchor.field && this.anchor?.below === anchor.below;
    this.popup = popup;
    this.anchor = anchor;
    if (sameAnchor) return;
    if (wasOpen) this.unlisten();
    if (!popup.matches(':popover-open')) popup.showPopover();
    this.listen();
    // Below the field for now: its height is not laid out yet, and reading it would lay the
    // page out here. Its first resize observation, before paint, flips it if it must.
    this.place({ fresh: true });
  }

  /** Takes the popup out of the top layer. */
  close(): void {
    this.unlisten();
    const popup = this.popup;
    this.popup = undefined;
    if (popup?.isConnected && popup.matches(':popover-open')) popup.hidePopover();
  }

  hostDisconnected(): void {
    this.close();
  }

  /** Places the popup in the next animation frame (once however many times it is asked). */
  private readonly schedule = (): void => {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.place();
    });
  };

  /** The popup, its field or the help text under it changed size: the popup moves now, before paint. */
  private readonly onResize = (): void => this.place({ moveOnly: true });

  private listen(): void {
    // Capture: scroll events do not bubble, and any ancestor that scrolls moves the field.
    window.addEventListener('scroll', this.schedule, { capture: true, passive: true });
    window.addEventListener('resize', this.schedule, { passive: true });
    window.visualViewport?.addEventListener('resize', this.schedule, { passive: true });
    this.observer = new ResizeObserver(this.onResize);
    this.observer.observe(this.anchor!.field);
    this.observer.observe(this.popup!);
    if (this.anchor!.below) this.observer.observe(this.anchor!.below);
  }

  private unlisten(): void {
    window.removeEventListener('scroll', this.schedule, { capture: true });
    window.removeEventListener('resize', this.schedule);
    window.visualViewport?.removeEventListener('resize', this.schedule);
    this.observer?.disconnect();
    this.observer = undefined;
    cancelAnimationFrame(this.frame);
    this.frame = 0;
  }

  /**
   * Puts the popup under (or over) its field, as wide as the field, within the viewport: every
   * box read first, then every style written, so it lays the page out once at most (not at all
   * when it is laid out already). `moveOnly`: from a resize observation, only where it sits
   * changes now; a new width or cap waits for the next frame. `fresh`: just shown, its height
   * is not read (it goes below; its first resize observation places it again).
   */
  private place({ moveOnly = false, fresh = false } = {}): void {
    const popup = this.popup;
    const anchor = this.anchor;
    if (!popup || !anchor || !popup.isConnected) return;
    // Read.
    const field = anchor.field.getBoundingClientRect();
    const hint = anchor.below?.getBoundingClientRect();
    const viewportHeight = window.visualViewport?.height ?? window.innerHeight;
    // Its height under the cap (the larger room): what it takes on either side.
    const height = fresh ? 0 : popup.offsetHeight;
    // Compute.
    const bottom = hint && hint.height > 0 ? Math.max(field.bottom, hint.bottom) : field.bottom;
    const roomBelow = viewportHeight - bottom - GAP - VIEWPORT_MARGIN;
    const roomAbove = field.top - GAP - VIEWPORT_MARGIN;
    const room = `${Math.max(roomBelow, roomAbove, 0)}px`;
    const width = `${field.width}px`;
    const above = height > roomBelow && roomAbove > roomBelow;
    const resizes = popup.style.getPropertyValue('--tn-i-popup-room') !== room || popup.style.width !== width;
    // Write.
    if (resizes && moveOnly) {
      this.schedule();
    } else if (resizes) {
      popup.style.setProperty('--tn-i-popup-room', room);
      popup.style.width = width;
    }
    popup.style.insetInlineStart = 'auto';
    popup.style.left = `${field.left}px`;
    popup.style.top = above ? `${field.top - GAP - height}px` : `${bottom + GAP}px`;
    popup.dataset.placement = above ? 'above' : 'below';
    // A new cap or width changes its height: its resize observation places it again.
  }
}
