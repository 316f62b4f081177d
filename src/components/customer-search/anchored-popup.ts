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
 * there is more room above. Its height is capped to the room it has (`--tn-i-popup-room`).
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

  /** Shows `popup` in the top layer next to `anchor`, or keeps it there and re-places it. */
  open(popup: HTMLElement, anchor: PopupAnchor): void {
    // An update can land after the element left the page (an answer that was on its way):
    // a popover outside the document cannot be shown, and nobody would see it.
    if (!hasPopover || !popup.isConnected) return;
    const wasOpen = this.popup === popup && popup.matches(':popover-open');
    this.popup = popup;
    this.anchor = anchor;
    if (!popup.matches(':popover-open')) popup.showPopover();
    if (!wasOpen) this.listen();
    this.place();
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

  private readonly schedule = (): void => {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.place();
    });
  };

  private listen(): void {
    // Capture: scroll events do not bubble, and any ancestor that scrolls moves the field.
    window.addEventListener('scroll', this.schedule, { capture: true, passive: true });
    window.addEventListener('resize', this.schedule, { passive: true });
    window.visualViewport?.addEventListener('resize', this.schedule, { passive: true });
    this.observer = new ResizeObserver(this.schedule);
    this.observer.observe(this.anchor!.field);
    this.observer.observe(this.popup!);
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

  /** Puts the popup under (or over) its field, as wide as the field, within the viewport. */
  private place(): void {
    const popup = this.popup;
    const anchor = this.anchor;
    if (!popup || !anchor || !popup.isConnected) return;
    const field = anchor.field.getBoundingClientRect();
    const hint = anchor.below?.getBoundingClientRect();
    const bottom = hint && hint.height > 0 ? Math.max(field.bottom, hint.bottom) : field.bottom;
    const viewportHeight = window.visualViewport?.height ?? window.innerHeight;
    const roomBelow = viewportHeight - bottom - GAP - VIEWPORT_MARGIN;
    const roomAbove = field.top - GAP - VIEWPORT_MARGIN;

    popup.style.setProperty('--tn-i-popup-room', `${Math.max(roomBelow, roomAbove, 0)}px`);
    const wanted = popup.scrollHeight;
    const above = wanted > roomBelow && roomAbove > roomBelow;
    const room = Math.max(above ? roomAbove : roomBelow, 0);
    popup.style.setProperty('--tn-i-popup-room', `${room}px`);
    popup.style.insetInlineStart = 'auto';
    popup.style.left = `${field.left}px`;
    popup.style.width = `${field.width}px`;
    popup.style.top = above ? `${field.top - GAP - Math.min(wanted, room)}px` : `${bottom + GAP}px`;
    popup.dataset.placement = above ? 'above' : 'below';
  }
}
