import { useCallback, useState } from 'react';
import { TnAdapterProvider, TnCustomerConnect } from 'tn-customer-connect/react.js';
import type { CustomerConnectAdapter } from 'tn-customer-connect';

interface LogEntry {
  id: number;
  event: string;
  text: string;
}

let nextId = 1;

/**
 * A supplier portal page: the whole Customer Connect flow, the "For your attention" panel
 * and a log of what the elements reported.
 *
 * Both ways of using the elements in React 19 are here: the flow through its React wrapper
 * (`<TnCustomerConnect>`, camel-case props and `onTn…` event props), the panel as a bare tag
 * (`<tn-attention-panel>`, typed by `tn-customer-connect/jsx` — see `tn-elements.d.ts` — with
 * dashed attributes and `ontn-…` event handlers, which React 19 adds as event listeners).
 *
 * `adapter` is the host's: the demo adapter here, your REST adapter (or your own) in a portal.
 * `query` pre-fills the search (e.g. from the portal's own search box or the URL).
 */
export function App({ adapter, query }: { adapter: CustomerConnectAdapter; query?: string }) {
  const [log, setLog] = useState<LogEntry[]>([]);
  const record = useCallback((event: string, text: string) => {
    setLog((entries) => [{ id: nextId++, event, text }, ...entries].slice(0, 12));
  }, []);

  return (
    <TnAdapterProvider adapter={adapter}>
      <header className="portal-header">
        <h1>Connect with a customer</h1>
      </header>
      <main className="portal-main">
        <section className="card" aria-labelledby="flow-heading">
          <h2 id="flow-heading">New connection</h2>
          <TnCustomerConnect
            headingLevel={3}
            query={query}
            onTnSearch={(e) => record('tn-search', `"${e.detail.query}": ${e.detail.total ?? e.detail.shown} results`)}
            onTnConnect={(e) => record('tn-connect', e.detail.customer.legalName)}
            onTnFlowStepChange={(e) => record('tn-flow-step-change', `${e.detail.previous} → ${e.detail.step}`)}
            onTnConnected={(e) => record('tn-connected', e.detail.relationships.map((r) => r.customer.legalName).join(', '))}
            onTnSupportCaseOpened={(e) => record('tn-support-case-opened', `case ${e.detail.supportCase.reference}`)}
            onTnViewCase={(e) => record('tn-view-case', `case ${e.detail.reference}`)}
            onTnError={(e) => record('tn-error', `${e.detail.operation}: ${e.detail.code}`)}
          />
        </section>
        <aside className="side">
          <section className="card" aria-label="For your attention">
            <tn-attention-panel
              heading-level={2}
              ontn-view-attention={(e) => record('tn-view-attention', e.detail.item ? `${e.detail.list}: one item` : e.detail.list)}
              ontn-error={(e) => record('tn-error', `${e.detail.operation}: ${e.detail.code}`)}
            />
          </section>
          <section className="card" aria-labelledby="log-heading">
            <h2 id="log-heading">Event log</h2>
            {log.length === 0 ? (
              <p className="muted">Events from the elements appear here.</p>
            ) : (
              <ul className="event-log">
                {log.map((entry) => (
                  <li key={entry.id}>
                    <code>{entry.event}</code> {entry.text}
                  </li>
                ))}
              </ul>
            )}
          </section>
        </aside>
      </main>
    </TnAdapterProvider>
  );
}
