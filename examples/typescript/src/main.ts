// One element, imported alone: `tn-customer-connect/customer-connect.js` registers
// <tn-customer-connect> (and the search, picker and verification steps it is made of), and
// nothing else of the package reaches the bundle.
import 'tn-customer-connect/customer-connect.js';
import './app.css';

const flow = document.querySelector('tn-customer-connect')!; // typed: TnCustomerConnect
const status = document.querySelector<HTMLElement>('#flow-status')!;

// Event listeners are typed by the package: `e.detail` is each event's own detail.
flow.addEventListener('tn-flow-step-change', (e) => {
  status.textContent = `Step: ${e.detail.step}`;
});
flow.addEventListener('tn-support-case-opened', (e) => {
  status.textContent = `Support case ${e.detail.supportCase.reference} opened`;
});
flow.addEventListener('tn-error', (e) => {
  status.textContent = `Could not ${e.detail.operation}: ${e.detail.code}`;
});

// The demo adapter, loaded on its own so it stays out of the element's bundle: a portal
// sets `flow.adapter = createRestAdapter({ baseUrl, … })` (from 'tn-customer-connect/rest-adapter.js')
// or its own adapter instead.
void import('tn-customer-connect/demo-adapter.js').then(({ createDemoAdapter }) => {
  flow.adapter = createDemoAdapter({ latency: { min: 150, max: 450 } });
});
