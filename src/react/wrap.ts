import React from 'react';
import { createComponent } from '@lit/react';
import type { EventName, ReactWebComponent } from '@lit/react';

type EventProps = Record<string, EventName>;
type Listener = (event: Event) => void;

/** Layout effects run in the browser; on a server (SSR) nothing runs, and React 18 would warn. */
const useClientLayoutEffect = typeof document === 'undefined' ? React.useEffect : React.useLayoutEffect;

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
): ReactWebComponent<I, E> {
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
  return Wrapper as unknown as ReactWebComponent<I, E>;
}
