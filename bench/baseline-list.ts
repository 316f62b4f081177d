/**
 * The benchmark's baseline: what a group list costs written the plain way — a Lit element
 * rendering every entity as a row (a checkbox, the name, the country), no virtualization,
 * and a "Select all" that re-renders them all. <tn-group-picker> is timed against it.
 *
 * `BenchList` is the list without its rows: the bare virtual list (bench/virtual-list.ts)
 * renders the very same row and selection through `@lit-labs/virtualizer`.
 */
import { LitElement, css, html } from 'lit';
import type { CSSResultGroup, TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { GroupEntity } from '../src/adapter/types.js';

export abstract class BenchList extends LitElement {
  static override styles: CSSResultGroup = css`
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
      <div class="list">${this.rows()}</div>`;
  }

  /** Every entity's row, the way the list renders them. */
  protected abstract rows(): unknown;

  /** One entity: a checkbox, the name, the country. */
  protected row(entity: GroupEntity): TemplateResult {
    return html`<div class="row">
      <input
        type="checkbox"
        aria-label=${entity.legalName}
        .checked=${this.selected.has(entity.id)}
        ?disabled=${!!entity.connected}
        @change=${() => this.toggle(entity.id)}
      />
      <span class="name">${entity.legalName}</span>
      <span class="country">${entity.country}</span>
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

export class BenchBaselineList extends BenchList {
  protected rows(): unknown {
    return this.entities.map((entity) => this.row(entity));
  }
}

customElements.define('bench-baseline-list', BenchBaselineList);

declare global {
  interface HTMLElementTagNameMap {
    'bench-baseline-list': BenchBaselineList;
  }
}
