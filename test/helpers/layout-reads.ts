/**
 * Records every read of the layout from the page's script (the properties and methods that
 * make the browser lay the page out when it is not laid out already) until `stop()`: a test
 * asserts that rendering something new reads none, so that the browser lays it out once, in
 * its own frame, instead of in the middle of an update.
 */
export interface LayoutReads {
  /** `<what> of <class or tag>`, in order, e.g. `clientHeight of scroller`. */
  readonly reads: string[];
  /** Puts every property and method back. */
  stop(): void;
}

const ELEMENT = ['clientHeight', 'clientWidth', 'scrollTop', 'scrollHeight', 'getBoundingClientRect'] as const;
const HTML_ELEMENT = ['offsetHeight', 'offsetWidth', 'offsetTop'] as const;

export function spyOnLayoutReads(): LayoutReads {
  const reads: string[] = [];
  const restores: (() => void)[] = [];
  const spy = (proto: object, name: string) => {
    const descriptor = Object.getOwnPropertyDescriptor(proto, name)!;
    const original = (descriptor.get ?? descriptor.value) as (this: Element, ...args: unknown[]) => unknown;
    const counted = function (this: Element, ...args: unknown[]) {
      reads.push(`${name} of ${this.className || this.tagName}`);
      return original.apply(this, args);
    };
    Object.defineProperty(proto, name, descriptor.get ? { ...descriptor, get: counted } : { ...descriptor, value: counted });
    restores.push(() => Object.defineProperty(proto, name, descriptor));
  };
  for (const name of ELEMENT) spy(Element.prototype, name);
  for (const name of HTML_ELEMENT) spy(HTMLElement.prototype, name);
  return { reads, stop: () => restores.splice(0).forEach((restore) => restore()) };
}
