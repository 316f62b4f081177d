/**
 * The demo page's "Reset demo data" button, beside the event log's Clear. The embedded demo
 * adapter keeps its network in `sessionStorage`, so a reload comes back to the same
 * verification, cases and relationships; this button starts over instead: the seed's data,
 * then a fresh page on Home, without the flow's query parameters (language and theme stay),
 * and without the forms' unsent drafts (the flow's `keep-drafts`).
 */
import { DemoAdapter } from '../src/adapter/demo/index.js';
import { clearDrafts } from '../src/index.js';

/** The query parameters that put the flow at a step; after a reset they name nothing. */
const FLOW_PARAMS = ['q', 'customer', 'group', 'verification', 'case'];

const button = document.querySelector<HTMLButtonElement>('#reset-demo')!;
// With `?api=`, the page runs on the reference server, whose data this page cannot reset.
button.hidden = Boolean(new URLSearchParams(location.search).get('api'));
button.addEventListener('click', () => {
  const adapter = document.querySelector('tn-adapter-provider')?.adapter;
  if (adapter instanceof DemoAdapter) adapter.reset();
  clearDrafts();
  const params = new URLSearchParams(location.search);
  for (const name of FLOW_PARAMS) params.delete(name);
  const search = params.toString();
  // No hash: the new page opens on Home. `replace`: Back does not return to the old state.
  location.replace(location.pathname + (search ? `?${search}` : ''));
});
