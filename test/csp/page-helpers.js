// Helpers of the self-driven pages (self-test.js, host-self-test.js): finding elements
// through open shadow roots, waiting for them, typing as input events do. Same origin, no
// inline script, no markup strings: they run under the page's policy like the library does.

/** Every element matching `selector`, through open shadow roots. */
export function deepAll(selector, root = document, into = []) {
  for (const el of root.querySelectorAll('*')) {
    if (el.matches(selector)) into.push(el);
    if (el.shadowRoot) deepAll(selector, el.shadowRoot, into);
  }
  return into;
}

/** The text of an element, its shadow root's when it has one. */
export const textOf = (el) => (el.shadowRoot ? el.shadowRoot.textContent : el.textContent) ?? '';

/** Resolves with what `find` returns once it is truthy; rejects after 10 s naming `what`. */
export function until(what, find) {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const poll = () => {
      const found = find();
      if (found) resolve(found);
      else if (Date.now() - started > 10_000) reject(new Error(`timed out waiting for ${what}`));
      else setTimeout(poll, 50);
    };
    poll();
  });
}

/** A finder for the first element matching `selector` whose text includes `words`. */
export const withText = (selector, words) => () => deepAll(selector).find((el) => el.textContent.includes(words));

/** Puts `text` in `input` as typing does (an `input` event that crosses shadow roots). */
export function type(input, text) {
  input.focus();
  input.value = text;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertText', data: text }));
}
