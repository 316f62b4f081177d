/**
 * The benchmark's baseline: what a group list costs written the plain way — a Lit element
 * rendering every entity as a row (a checkbox, the name, the country), no virtualization,
 * and a "Select all" that re-renders them all. <tn-group-picker> is timed against it.
 */
import { LitElement, css, html } from 'lit';
import type { TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { GroupEntity } from '../src/adapter/types.js';

export class BenchBaselineList extends LitElement {
  static override styles = css`
    :host {
      display: block;
      font: 14px/1.4 system-ui, sans-serif;
    }
    .row {
      display: flex;
      gap: 0.5rem;
      align-items: center;
    }
  `;

  @state() private selected = new Set<string>();

  /** The entities to list. */
  @property({ attribute: false }) entities: GroupEntity[] = [];

  override render(): TemplateResult {
    return html`<button part="select-all" type="button" @click=${this.selectAll}>Select all</button>
      <div class="list">
        ${this.entities.map(
          (entity) => html`<div class="row">
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
        )}
      </div>`;
  }

  private toggle(id: string): void {
    const selected = new Set(this.selected);
    if (!selected.delete(id)) selected.add(id);
    this.selected = selected;
  }

  /** Unticks everything (the benchmark clears before timing "Select all" again). */
  clear(): void {
    this.selected = new Set();
  }

  private selectAll(): void {
    this.selected = new Set(this.entities.filter((entity) => !entity.connected).map((entity) => entity.id));
  }
}

customElements.define('bench-baseline-list', BenchBaselineList);

declare global {
  interface HTMLElementTagNameMap {
    'bench-baseline-list': BenchBaselineList;
  }
}
