/**
 * The floor the group picker is held to: the same rows as bench/baseline-list.ts (a checkbox,
 * the name, the country), but rendered through `@lit-labs/virtualizer`, so only the rows in
 * view exist, in a scrolling box as tall as the picker's tree. No sorting, no countries, no
 * form: what any virtualized list of the group costs before it does anything of its own.
 */
import { LitElement, css, html } from 'lit';
import type { TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { virtualize } from '@lit-labs/virtualizer/virtualize.js';
import type { GroupEntity } from '../src/adapter/types.js';

export class BenchVirtualList extends LitElement {
  static override styles = css`
    :host {
      display: block;
      font: 14px/1.4 system-ui, sans-serif;
    }
    .list {
      block-size: 20rem;
      overflow: auto;
    }
    .row {
      display: flex;
      gap: 0.5rem;
      align-items: center;
      inline-size: 100%;
    }
  `;

  @state() private selected = new Set<string>();

  /** The entities to list. */
  @property({ attribute: false }) entities: GroupEntity[] = [];

  override render(): TemplateResult {
    return html`<button part="select-all" type="button" @click=${this.selectAll}>Select all</button>
      <div class="list">
        ${virtualize({
          items: this.entities,
          scroller: true,
          renderItem: (entity: GroupEntity) =>
            html`<div class="row">
              <input
                type="checkbox"
                aria-label=${entity.legalName}
                .checked=${this.selected.has(entity.id)}
                ?disabled=${!!entity.connected}
                @change=${() => this.toggle(entity.id)}
              />
              <span class="name">${entity.legalName}</span>
              <span class="country">${entity.country}</span>
            </div>`,
        })}
      </div>`;
  }

  private toggle(id: string): void {
    const selected = new Set(this.selected);
    if (!selected.delete(id)) selected.add(id);
    this.selected = selected;
  }

  /** Unticks everything. */
  clear(): void {
    this.selected = new Set();
  }

  private selectAll(): void {
    this.selected = new Set(this.entities.filter((entity) => !entity.connected).map((entity) => entity.id));
  }
}

customElements.define('bench-virtual-list', BenchVirtualList);

declare global {
  interface HTMLElementTagNameMap {
    'bench-virtual-list': BenchVirtualList;
  }
}
