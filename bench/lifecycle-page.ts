/**
 * Runs inside a benchmark page (driver: bench/lifecycle.mjs): the first render of
 * <tn-attention-panel> and <tn-customer-connect> on a demo adapter that answers at once, and
 * the JS heap over 1,000 mount/unmount cycles of every element — the page the lifecycle test
 * (test/lifecycle.test.ts) cycles, measured here in a browser that runs nothing else.
 */
import { html, render } from 'lit';
import '../src/define.js';
import { createDemoAdapter } from '../src/adapter/demo/index.js';
import { everyElement } from '../test/helpers/every-element.js';
import { settledHeap } from './heap.js';

declare global {
  interface Window {
    benchFirstRender(tag: 'tn-attention-panel' | 'tn-customer-connect'): Promise<number>;
    benchCycles(cycles: number): Promise<{ heapAfter10MB: number; heapAfterAllMB: number; growth: number }>;
  }
}

const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
const adapter = createDemoAdapter();

/** Insertion → the element's content painted (its data shown, two frames). */
window.benchFirstRender = async (tag) => {
  const host = document.createElement('div');
  document.body.append(host);
  const start = performance.now();
  const el = document.createElement(tag) as HTMLElement & { adapter: unknown };
  el.adapter = adapter;
  host.append(el);
  const ready = () =>
    tag === 'tn-attention-panel'
      ? !!el.shadowRoot?.querySelector('tbody tr')
      : !!el.shadowRoot?.querySelector('tn-customer-search')?.shadowRoot?.querySelector('input');
  while (!ready()) await new Promise((resolve) => setTimeout(resolve, 0));
  await frame();
  await frame();
  const ms = performance.now() - start;
  host.remove();
  return ms;
};

window.benchCycles = async (cycles) => {
  const host = document.createElement('div');
  document.body.append(host);
  const page = () => everyElement(adapter);
  const cycle = async () => {
    render(page(), host);
    await new Promise((resolve) => setTimeout(resolve, 0));
    render(html``, host);
    host.replaceChildren();
    delete (host as unknown as Record<string, unknown>)['_$litPart$'];
  };
  for (let i = 0; i < 10; i++) await cycle();
  const after10 = await settledHeap();
  for (let i = 10; i < cycles; i++) await cycle();
  const afterAll = await settledHeap();
  host.remove();
  return { heapAfter10MB: after10 / 2 ** 20, heapAfterAllMB: afterAll / 2 ** 20, growth: (afterAll - after10) / after10 };
};
