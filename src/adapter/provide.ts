import { ContextProvider } from '@lit/context';
import { adapterContext, ensureContextRoot } from './context.js';
import type { CustomerConnectAdapter } from './types.js';

/** What {@link provideAdapter} returns: change the adapter later, or stop providing. */
export interface AdapterProvision {
  /** Replace the adapter; every element below re-resolves. */
  setAdapter(adapter: CustomerConnectAdapter | undefined): void;
}

/**
 * Provides an adapter to every tn-* element below `element`, which may be any plain element
 * (hosts that don't use Lit). `provideAdapter(document.body, adapter)` is the page-wide
 * default for script-tag users: there is no global singleton.
 */
export function provideAdapter(element: HTMLElement, adapter: CustomerConnectAdapter | undefined): AdapterProvision {
  ensureContextRoot(element.ownerDocument);
  const provider = new ContextProvider(element, { context: adapterContext, initialValue: adapter });
  // A plain element is no controller host: announce the provider ourselves so that
  // elements which asked earlier are answered now.
  provider.hostConnected();
  return {
    setAdapter(next) {
      provider.setValue(next);
    },
  };
}
