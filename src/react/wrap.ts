import React from 'react';
import { createComponent } from '@lit/react';
import type { EventName } from '@lit/react';
import type { LitElement } from 'lit';

type EventProps = Record<string, EventName>;
type Listener = (event: Event) => void;

/** `A` when `X` and `Y` are the same type, `readonly` modifiers included; else `B`. */
type IfSame<X, Y, A, B> = (<T>() => T extends X ? 1 : 2) extends <T>() => T extends Y ? 1 : 2 ? A : B;

/**
 * The properties of element `I` a host can set: its own public members (not LitElement's
 * nor HTMLElement's: `requestUpdate`, `renderRoot`, `innerHTML`…) that are neither methods
 * nor read-only (a getter without a setter, such as `step` of `<tn-customer-connect>`, is
 * read-only). These are the public, writable fields custom-elements.json lists for it
 * (test/package/integration-types.test.mjs compares them).
 */
type WritableKeys<I> = {
  // Mapped over `keyof I` itself, so that `{ [Q in K]: I[K] }` keeps `readonly`.
  [K in keyof I]-?: K extends keyof LitElement
    ? never
    : I[K] extends (...args: never[]) => unknown
      ? never
      : IfSame<{ [Q in K]: I[K] }, { -readonly [Q in K]: I[K] }, K, never>;
}[keyof I];

/** Props that set the element's properties. */
type ElementProps<I> = { [K in WritableKeys<I>]?: I[K] };

/** Props that listen to the element's events: `onTnConnect?: (e: TnConnectEvent) => void`. */
type ListenerProps<E extends EventProps> = {
  [K in keyof E]?: E[K] extends EventName<infer T> ? (event: T) => void : never;
};

/**
 * A wrapper's props: the element's writable properties, its events, and the attributes
 * React gives every HTML element (`className`, `style`, `id`, `slot`, `aria-*`, `children`…),
 * plus `ref` (the element).
 */
type WrapperProps<I extends HTMLElement, E extends EventProps> = Omit<
  React.HTMLAttributes<I>,
  keyof E | WritableKeys<I>
> &
  ListenerProps<E> &
  ElementProps<I> &
  React.RefAttributes<I>;

/** The React component `wrap` makes for element `I` with event props `E`. */
export type WrappedElement<I extends HTMLElement, E extends EventProps> = React.ForwardRefExoticComponent<
  WrapperProps<I, E>
>;

/**
 * A layout effect in the browser; on a server (SSR), where effects don't run and React 18
 * warns about layout ones, a plain effect. Decided at render, not when the module loads (an
 * import in Node reads no browser global). The same hook every render in one environment.
 */
function useClientLayoutEffect(effect: React.EffectCallback, deps?: React.DependencyList): void {
  (typeof document === 'undefined' ? React.useEffect : React.useLayoutEffect)(effect, deps);
}

/**
 * A React component for `tagName`: `@lit/react`'s `createComponent` sets the element's
 * properties (objects such as `adapter` included) and attributes; the `events` props are
 * listened to here, so that unmounting removes the listeners. (`createComponent`'s own
 * event props stay on the element after React is done with it: a detached element that
 * dispatched later would still call the unmounted component's handler.)
 *
 * One listener per event type for the element's lifetime; it calls whatever handler the
 * latest committed render passed, so changing a handler re-adds nothing.
 */
export function wrap<I extends HTMLElement, E extends EventProps>(
  tagName: string,
  elementClass: new () => I,
  events: E,
  displayName: string,
): WrappedElement<I, E> {
  const Element = createComponent({ react: React, tagName, elementClass, displayName: `${displayName}Element` });
  const eventProps = Object.entries(events) as [string, string][];
  const eventPropNames = new Set(Object.keys(events));

  const Wrapper = React.forwardRef<I, Record<string, unknown>>((props, forwardedRef) => {
    const node = React.useRef<I | null>(null);
    const handlers = React.useRef<Record<string, unknown>>({});
    const elementProps: Record<string, unknown> = {};
    const eventHandlers: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(props)) {
      if (eventPropNames.has(key)) eventHandlers[key] = value;
      else elementProps[key] = value;
    }

    useClientLayoutEffect(() => {
      handlers.current = eventHandlers;
    });

    useClientLayoutEffect(() => {
      const element = node.current;
      if (!element) return;
      const listeners = eventProps.map(([prop, type]): [string, Listener] => [
        type,
        (event) => (handlers.current[prop] as Listener | undefined)?.(event),
      ]);
      for (const [type, listener] of listeners) element.addEventListener(type, listener);
      return () => {
        for (const [type, listener] of listeners) element.removeEventListener(type, listener);
      };
    }, []);

    const ref = React.useCallback(
      (element: I | null) => {
        node.current = element;
        if (typeof forwardedRef === 'function') forwardedRef(element);
        else if (forwardedRef) forwardedRef.current = element;
      },
      [forwardedRef],
    );

    return React.createElement(Element, { ...elementProps, ref } as React.ComponentProps<typeof Element>);
  });
  Wrapper.displayName = displayName;
  return Wrapper as unknown as WrappedElement<I, E>;
}
