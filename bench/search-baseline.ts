/**
 * The search benchmark's baseline: a directory search written the plain way — a Lit element
 * with a text field that asks the adapter on every input (no debounce, no abort; an answer
 * for an older query is dropped) and renders the page of results as a plain list of rows
 * (name, network ID, tax IDs, country code). <tn-customer-search> is timed against it on the
 * same adapter, the same queries and the same rows (driver: bench/search.mjs).
 */
import { LitElement, css, html } from 'lit';
import type { TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { CustomerConnectAdapter, CustomerEntity } from '../src/adapter/types.js';

export class BenchSearchBaseline extends LitElement {
  static override styles = css`
    :host {
      display: block;
      font: 14px/1.4 system-ui, sans-serif;
    }
    .row {
      display: flex;
      gap: 0.5rem;
    }
  `;

  /** The query whose answer the list waits for. */
  private wanted = '';

  @state() private items: CustomerEntity[] = [];

  /** Where the results come from. */
  @property({ attribute: false }) adapter?: CustomerConnectAdapter;

  /** Results asked for per query (as <tn-customer-search>'s `page-size`). */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 20;

  private async onInput(event: Event): Promise<void> {
    const text = (event.target as HTMLInputElement).value.trim();
    if (text === this.wanted) return;
    this.wanted = text;
    if (text.length < 2 || !this.adapter) {
      this.items = [];
      return;
    }
    const page = await this.adapter.searchDirectory({ text, pageSize: this.pageSize });
    if (text !== this.wanted) return;
    this.items = page.items.slice(0, this.pageSize);
    this.dispatchEvent(new CustomEvent('bench-results', { detail: { query: text } }));
  }

  override render(): TemplateResult {
    return html`<input aria-label="Search" @input=${this.onInput} />
      <div class="list" role="list">
        ${this.items.map(
          (entity) => html`<div class="row" role="listitem">
            <span class="name">${entity.legalName}</span>
            <span class="id">${entity.id}</span>
            ${entity.taxIds.map((taxId) => html`<span class="tax">${taxId}</span>`)}
            <span class="country">${entity.country}</span>
          </div>`,
        )}
      </div>`;
  }
}

customElements.define('bench-search-baseline', BenchSearchBaseline);

declare global {
  interface HTMLElementTagNameMap {
    'bench-search-baseline': BenchSearchBaseline;
  }
}
