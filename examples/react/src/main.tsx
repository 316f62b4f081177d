import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createDemoAdapter } from 'tn-customer-connect/demo-adapter.js';
import { App } from './App.js';
import './app.css';

// The demo adapter: an in-memory network with simulated latency. Replace it with
// `createRestAdapter({ baseUrl, … })` from 'tn-customer-connect' (or your own adapter).
const adapter = createDemoAdapter({ latency: { min: 150, max: 450 } });
const query = new URLSearchParams(location.search).get('q') ?? undefined;

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App adapter={adapter} query={query} />
  </StrictMode>,
);
