import { createContext } from '@lit/context';
import { ContextRoot } from '@lit/context';
import type { CustomerConnectAdapter } from './types.js';

/**
 * The context elements read their adapter from. Its key is a plain string so that two
 * copies of the library on one page (say an npm build and a script-tag build) still find
 * each other's providers.
 */
export const adapterContext = createContext<CustomerConnectAdapter | undefined>(
  'tn-customer-connect:adapter',
);

const ROOT_FLAG = Symbol.for('tn-customer-connect:context-root');

/**
 * Makes late providers work: an element that asked for its adapter before any provider
 * existed (a script-tag page that calls `provideAdapter(document.body, …)` after the
 * elements upgraded) is answered as soon as one appears. Attached once per document,
 * lazily, so importing the library never touches `document`.
 */
export function ensureContextRoot(doc: Document = document): void {
  const flagged = doc as Document & { [ROOT_FLAG]?: true };
  if (flagged[ROOT_FLAG]) return;
  flagged[ROOT_FLAG] = true;
  new ContextRoot().attach(doc as unknown as HTMLElement);
}
