/**
 * Moving focus to a heading after a step change (so that screen readers announce the new
 * step), without the focus ring a mouse user did not ask for.
 *
 * Browsers show the ring on script-moved focus when the element focused before matched
 * `:focus-visible` — and a text field always does. So after a click on a search result (the
 * search field still focused), the next step's heading would wear a ring. We remember how
 * the user last acted (pointer or keyboard, tracked on the document) and mark a heading
 * focused after a pointer action with `data-pointer-focus`, which the styles exempt from the
 * ring. Keyboard users keep it.
 */
let lastInputWasPointer = false;
let tracking = false;

function track(doc: Document): void {
  if (tracking) return;
  tracking = true;
  doc.addEventListener('pointerdown', () => (lastInputWasPointer = true), { capture: true, passive: true });
  doc.addEventListener('keydown', () => (lastInputWasPointer = false), { capture: true, passive: true });
}

/** Starts tracking how the user acts (pointer or keyboard); harmless to call again. */
export function trackInputModality(doc: Document = document): void {
  track(doc);
}

/** Focuses `heading`; without a ring when the user's last action was a pointer one. */
export function focusHeading(heading: HTMLElement | null | undefined, options?: FocusOptions): void {
  if (!heading) return;
  heading.toggleAttribute('data-pointer-focus', lastInputWasPointer);
  heading.addEventListener('blur', () => heading.removeAttribute('data-pointer-focus'), { once: true });
  heading.focus(options);
}
