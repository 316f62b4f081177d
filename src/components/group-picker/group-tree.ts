/**
 * The group's legal entities as a tree of countries: the filter, the bulk actions, the count
 * of ticked entities and the tree itself, operated with the keyboard as an ARIA tree (focus
 * stays on the tree, which names its active row) or with the pointer. Only the rows around
 * the tree's view are rendered (window.ts); the selection and the rows live in the model
 * (entity-selection.ts), never in the DOM.
 */
import { html, nothing } from 'lit';
import type { ReactiveControllerHost, TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { msg, str } from '@lit/localize';
import type { CustomerGroup } from '../../adapter/types.js';
import { displayText, formatCount, isolated } from '../../format.js';
import { getLocale } from '../../localization.js';
import { EntitySelection, countryState } from './entity-selection.js';
import type { CountryRow, EntityRow, TreeRow } from './entity-selection.js';
import { renderFieldError } from './fields.js';
import { ListWindow } from './window.js';

/** What the tree needs of the element that shows it. */
export interface GroupTreeHost extends ReactiveControllerHost, HTMLElement {
  readonly renderRoot: HTMLElement | DocumentFragment;
}

export interface GroupTreeOptions {
  /** The error the form shows on the entities, if any. */
  error(): string | undefined;
  /** The user ticked or unticked entities. */
  ticked(): void;
}

export class GroupTree {
  /** The group's entities and which are ticked, once the group has loaded. */
  selection?: EntitySelection;
  private rows: TreeRow[] = [];
  private activeRow = 0;
  /**
   * Whether the tree has the focus. Only then does it name its active row
   * (aria-activedescendant), and only while that row is rendered: a reference to a missing
   * element is invalid ARIA. Moving the active row renders it and scrolls it into view.
   */
  private treeFocused = false;
  private filter = '';
  /** The tree renders only the rows around its view. */
  private readonly rowWindow: ListWindow<TreeRow>;

  constructor(
    private readonly host: GroupTreeHost,
    private readonly options: GroupTreeOptions,
  ) {
    this.rowWindow = new ListWindow<TreeRow>(host, () => this.tree, (row) => row.key);
  }

  private get tree(): HTMLElement | null {
    return this.host.renderRoot.querySelector<HTMLElement>('.tree');
  }

  /**
   * Takes the group (again, for another account): what was ticked stays ticked, and `ticks`
   * (the customer the user came from) are ticked too.
   */
  load(group: CustomerGroup, ticks: Iterable<string>): void {
    const previous = this.selection;
    const selection = new EntitySelection(group.entities, getLocale());
    for (const id of previous?.selected ?? []) selection.toggle(id, true);
    for (const id of ticks) selection.toggle(id, true);
    selection.setFilter(this.filter);
    this.selection = selection;
    this.refreshRows();
  }

  /** Unticks everything. */
  clear(): void {
    this.selection?.clear();
    this.refreshRows();
  }

  /**
   * Takes the selection's rows. The array is new only when the filter or an expansion
   * changed (the row window then measures it afresh); after a tick it is the same one,
   * and the update re-renders just the rows on screen, which read their state through it.
   */
  private refreshRows(): void {
    if (!this.selection) return;
    this.rows = this.selection.rows();
    this.activeRow = Math.min(this.activeRow, Math.max(0, this.rows.length - 1));
    this.host.requestUpdate();
  }

  /** The filter, the bulk actions, the count and the tree. */
  render(group: CustomerGroup): TemplateResult | typeof nothing {
    const selection = this.selection;
    if (!selection) return nothing;
    const error = this.options.error();
    const selected = selection.selected.size;
    const [start, end] = this.rowWindow.range(this.rows);
    const active = this.activeRow >= start && this.activeRow < end ? this.rows[this.activeRow] : undefined;
    return html`<div class="group-tools">
        <div part="field filter" class="field filter">
          <label for="filter">${msg('Filter the group')}</label>
          <input
            id="filter"
            type="search"
            autocomplete="off"
            placeholder=${msg('Name, network ID or VAT number')}
            .value=${this.filter}
            @input=${this.onFilterInput}
          />
        </div>
        <div class="bulk">
          <button part="select-all" class="button" type="button" @click=${this.onSelectAll}>
            ${msg('Select the whole group')}
          </button>
          <button class="button" type="button" ?disabled=${selected === 0} @click=${this.onClearSelection}>
            ${msg('Clear selection')}
          </button>
        </div>
      </div>
      <p part="count" class="count" id="count" role="status">
        ${msg(str`${formatCount(selected)} of ${formatCount(selection.selectableCount)} selected`, {
          desc: 'Count of ticked legal entities in a group',
        })}${selection.filtering
          ? html` · ${msg(str`${formatCount(selection.shownCount)} shown`, {
              desc: 'How many legal entities match the filter',
            })}`
          : nothing}
      </p>
      ${this.rows.length === 0
        ? html`<p class="notice">${msg(str`No legal entity matches “${this.filter}”.`)}</p>`
        : html`<div
            part="tree"
            class="tree"
            role="tree"
            tabindex="0"
            data-field="entityIds"
            aria-multiselectable="true"
            aria-label=${msg(str`Legal entities of ${isolated(group.name)}`)}
            aria-activedescendant=${ifDefined(active && this.treeFocused ? rowId(active) : undefined)}
            aria-invalid=${error ? 'true' : 'false'}
            aria-describedby=${error ? 'count tree-error' : 'count'}
            @keydown=${this.onTreeKeyDown}
            @click=${this.onTreeClick}
            @focus=${this.onTreeFocus}
            @blur=${this.onTreeBlur}
          >${this.rows.slice(start, end).map((row, i) => this.renderRow(row, start + i))}</div>`}
      ${renderFieldError('tree-error', error)}`;
  }

  private renderRow(row: TreeRow, index: number): TemplateResult {
    const active = index === this.activeRow;
    return row.kind === 'country' ? this.renderCountryRow(row, index, active) : this.renderEntityRow(row, index, active);
  }

  private renderCountryRow(row: CountryRow, index: number, active: boolean): TemplateResult {
    const checked = countryState(row);
    return html`<div
      id=${rowId(row)}
      data-index=${index}
      role="treeitem"
      aria-level="1"
      aria-expanded=${row.expanded ? 'true' : 'false'}
      aria-checked=${checked}
      aria-disabled=${row.selectable === 0 ? 'true' : 'false'}
      aria-setsize=${row.setSize}
      aria-posinset=${row.position}
      part=${active ? 'row row-country row-active' : 'row row-country'}
      class="row country ${active ? 'active' : ''}"
      ><span class="caret" data-action="expand" aria-hidden="true" .textContent=${row.expanded ? '▾' : '▸'}></span
      ><span class="box ${checked}" aria-hidden="true"></span
      ><span class="label" .textContent=${row.label}></span
      ><span class="meta" .textContent=${formatCount(row.shown)}></span
    ></div>`;
  }

  private renderEntityRow(row: EntityRow, index: number, active: boolean): TemplateResult {
    const { entity } = row;
    return html`<div
      id=${rowId(row)}
      data-index=${index}
      role="treeitem"
      aria-level="2"
      aria-checked=${row.checked ? 'true' : 'false'}
      aria-disabled=${row.disabled ? 'true' : 'false'}
      aria-setsize=${row.setSize}
      aria-posinset=${row.position}
      part=${active ? 'row row-entity row-active' : 'row row-entity'}
      class="row entity ${active ? 'active' : ''} ${row.disabled ? 'disabled' : ''}"
      ><span class="box ${row.checked || row.disabled ? 'true' : 'false'}" aria-hidden="true"></span
      ><span class="label clamp"
        ><span dir="ltr" class="id" .textContent=${entity.id}></span> – <span dir="auto" class="name" .textContent=${displayText(entity.legalName)}></span>
        <span class="tax" dir="ltr" .textContent=${entity.taxIds.length ? `(${entity.taxIds.join(', ')})` : ''}></span
      ></span
      >${row.disabled ? html`<span class="meta connected">${msg('Already connected')}</span>` : nothing}</div
    >`;
  }

  // Listeners are arrow functions: Lit calls them with the element as `this`.

  private readonly onTreeFocus = (): void => {
    this.treeFocused = true;
    this.host.requestUpdate();
  };

  private readonly onTreeBlur = (): void => {
    this.treeFocused = false;
    this.host.requestUpdate();
  };

  private readonly onFilterInput = (event: Event): void => {
    this.filter = (event.target as HTMLInputElement).value;
    this.selection?.setFilter(this.filter);
    this.activeRow = 0;
    this.rowWindow.toTop();
    this.refreshRows();
  };

  private readonly onSelectAll = (): void => {
    this.selection?.selectAll();
    this.options.ticked();
    this.refreshRows();
  };

  private readonly onClearSelection = (): void => {
    this.selection?.clear();
    this.refreshRows();
  };

  private readonly onTreeClick = (event: MouseEvent): void => {
    const rowElement = (event.target as Element).closest<HTMLElement>('[role="treeitem"]');
    if (!rowElement) return;
    const index = Number(rowElement.dataset.index);
    this.activeRow = index;
    const row = this.rows[index];
    if (row?.kind === 'country' && (event.target as Element).closest('[data-action="expand"]')) {
      this.setExpanded(row, !row.expanded);
    } else {
      this.toggleRow(index);
    }
    this.tree?.focus();
  };

  private readonly onTreeKeyDown = (event: KeyboardEvent): void => {
    const row = this.rows[this.activeRow];
    if (!row) return;
    const last = this.rows.length - 1;
    const move = (to: number) => {
      event.preventDefault();
      this.activeRow = Math.max(0, Math.min(last, to));
      this.rowWindow.reveal(this.activeRow);
    };
    // Right to left, → and ← swap: "expand" is toward the row's end, as the caret points.
    const rtl = getComputedStyle(this.host).direction === 'rtl';
    const key = rtl && event.key === 'ArrowRight' ? 'ArrowLeft' : rtl && event.key === 'ArrowLeft' ? 'ArrowRight' : event.key;
    switch (key) {
      case 'ArrowDown':
        return move(this.activeRow + 1);
      case 'ArrowUp':
        return move(this.activeRow - 1);
      case 'Home':
        return move(0);
      case 'End':
        return move(last);
      case 'PageDown':
        return move(this.activeRow + 10);
      case 'PageUp':
        return move(this.activeRow - 10);
      case 'ArrowRight':
        if (row.kind === 'country' && !row.expanded) {
          event.preventDefault();
          this.setExpanded(row, true);
        } else if (row.kind === 'country') move(this.activeRow + 1);
        return;
      case 'ArrowLeft':
        if (row.kind === 'country' && row.expanded) {
          event.preventDefault();
          this.setExpanded(row, false);
        } else if (row.kind === 'entity') {
          move(this.rows.findIndex((r) => r.kind === 'country' && r.country === row.country));
        }
        return;
      case ' ':
      case 'Enter':
        event.preventDefault();
        this.toggleRow(this.activeRow);
        return;
    }
  };

  private setExpanded(row: CountryRow, expanded: boolean): void {
    this.selection?.setExpanded(row.country, expanded);
    this.refreshRows();
    this.activeRow = this.rows.findIndex((r) => r.key === row.key);
  }

  private toggleRow(index: number): void {
    const row = this.rows[index];
    if (!row || !this.selection) return;
    if (row.kind === 'country') this.selection.setCountry(row.country, countryState(row) !== 'true');
    else if (!row.disabled) this.selection.toggle(row.entity.id);
    this.options.ticked();
    this.refreshRows();
  }
}

/** A stable element ID for a row (IDs are only used inside this shadow root). */
function rowId(row: TreeRow): string {
  return row.kind === 'country' ? `country-${row.country}` : `entity-${row.entity.id.replace(/[^\w-]/g, '_')}`;
}
