/**
 * The group's legal entities as a tree of countries: the filter, the bulk actions, the count
 * of ticked entities, the "All / Selected (n)" switch that reviews what is ticked, and the
 * tree itself, operated with the keyboard as an ARIA tree (focus stays on the tree, which
 * names its active row) or with the pointer. Only the rows around the tree's view are
 * rendered (list-window.ts); the selection and the rows live in the model
 * (entity-selection.ts, the rows' shapes in tree-rows.ts), never in the DOM.
 *
 * While the tree is scrolled, the country of the rows at the top of its view stays there (a
 * heading over the rows, pushed up by the next country's row as it arrives). The heading is
 * for the eye only: the rows themselves tell assistive technology their country.
 */
import { html, nothing } from 'lit';
import type { ReactiveController, ReactiveControllerHost, TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { msg, str } from '@lit/localize';
import type { CustomerGroup } from '../../adapter/types.js';
import type { AdapterErrorCode } from '../../adapter/errors.js';
import { whenIdle } from '../../adapter/when-idle.js';
import { renderErrorNotice } from '../../base/error-states.js';
import { displayText, formatCount, isolated } from '../../localization/format.js';
import { getLocale } from '../../localization/localization.js';
import { EntitySelection, type ByCountry } from './entity-selection.js';
import { countryState, TreeRows, type CountryRow, type EntityRow, type TreeRow } from './tree-rows.js';
import { renderFieldError } from '../../base/field-errors.js';
import { ListWindow } from './list-window.js';

/** A group of at most this many entities shows all its rows (the page scrolls, not the tree). */
export const SMALL_GROUP = 12;

/** What the tree needs of the element that shows it. */
export interface GroupTreeHost extends ReactiveControllerHost, HTMLElement {
  readonly renderRoot: HTMLElement | DocumentFragment;
}

export interface GroupTreeOptions {
  /** The error the form shows on the entities, if any. */
  error(): string | undefined;
  /** The user changed what is ticked: ticked or unticked entities, or cleared them all. */
  changed(how: 'ticked' | 'cleared'): void;
}

/** How a group is taken (see {@link GroupTree.load}). */
export interface GroupLoad {
  /** Entities to tick; `replace` unticks the others (also those ticked before a reload). */
  ticks: Iterable<string>;
  replace: boolean;
  /** Instead of `ticks`: the host's selection by country (or every entity but some). */
  byCountry?: ByCountry;
  /** The entity the user came from: its country is expanded and its row in view. */
  cameFrom?: string;
  /** A larger group starts with its countries collapsed. */
  expandThreshold: number;
}

export class GroupTree implements ReactiveController {
  /** The group's entities and which are ticked, once the group has loaded. */
  selection?: EntitySelection;
  /** The ID of the group loaded. */
  groupId?: string;
  private rows = new TreeRows([], new Set());
  private activeRow = 0;
  /**
   * Whether the tree has the focus. Only then does it name its active row
   * (aria-activedescendant), and only while that row is rendered: a reference to a missing
   * element is invalid ARIA. Moving the active row renders it and scrolls it into view.
   */
  private treeFocused = false;
  private filter = '';
  /** The tree renders only the rows around its view (after its heading, the first child). */
  private readonly rowWindow: ListWindow<TreeRow>;

  constructor(
    private readonly host: GroupTreeHost,
    private readonly options: GroupTreeOptions,
  ) {
    this.rowWindow = new ListWindow<TreeRow>(host, () => this.tree, (row) => row.key, 1);
    // After the window's: the heading follows where the window left the view.
    host.addController(this);
  }

  private get tree(): HTMLElement | null {
    return this.host.renderRoot.querySelector<HTMLElement>('.tree');
  }

  /**
   * Takes the group (again, for another account: what was ticked stays ticked, and the
   * countries expanded stay so). A group of more than `expandThreshold` entities starts with
   * its countries collapsed, but for the country of the entity the user came from.
   */
  load(group: CustomerGroup, { ticks, replace, byCountry, cameFrom, expandThreshold }: GroupLoad): void {
    const previous = this.groupId === group.id ? this.selection : undefined;
    const collapse = previous ? previous.collapsedCountries() : group.entities.length > expandThreshold ? 'all' : [];
    const selection = new EntitySelection(group.entities, getLocale(), { collapse });
    if (byCountry) {
      selection.selectByCountry(byCountry);
    } else {
      if (!replace) for (const id of this.selection?.selected ?? []) selection.toggle(id, true);
      for (const id of ticks) selection.toggle(id, true);
    }
    const country = cameFrom ? selection.countryOf(cameFrom) : undefined;
    if (country) selection.setExpanded(country, true);
    selection.setFilter(this.filter);
    if (this.selection?.reviewing) selection.setReviewing(true);
    this.selection = selection;
    this.groupId = group.id;
    this.refreshRows();
    prepareWhenIdle(selection, () => this.selection === selection && this.host.isConnected);
    const index = cameFrom && country ? this.rows.indexOfEntity(cameFrom, country) : -1;
    if (index >= 0) {
      this.activeRow = index;
      this.rowWindow.reveal(index, { atTop: true });
    }
  }

  /** Ticks exactly `ids` (those of the group that can be ticked). */
  select(ids: Iterable<string>): void {
    const selection = this.selection;
    if (!selection) return;
    selection.clear();
    for (const id of ids) selection.toggle(id, true);
    // The review, if it is on, of these.
    if (selection.reviewing) selection.setReviewing(true);
    this.refreshRows();
  }

  /** Ticks by country (see {@link ByCountry}): every entity but some, or some countries. */
  selectByCountry(byCountry: ByCountry): void {
    const selection = this.selection;
    if (!selection) return;
    selection.selectByCountry(byCountry);
    if (selection.reviewing) selection.setReviewing(true);
    this.refreshRows();
  }

  /** Unticks everything. */
  clear(): void {
    this.selection?.clear();
    this.refreshRows();
  }

  hostUpdated(): void {
    this.placeHeading();
  }

  /**
   * Takes the selection's rows. The array is new only when the filter, the view or an
   * expansion changed (the row window then measures it afresh); after a tick it is the same
   * one, and the update re-renders just the rows on screen, which read their state through it.
   */
  private refreshRows(): void {
    if (!this.selection) return;
    this.rows = this.selection.rows();
    this.activeRow = Math.min(this.activeRow, Math.max(0, this.rows.length - 1));
    this.host.requestUpdate();
  }

  /** The group's section: its name, then the tree (or that it is loading, or why it failed). */
  renderSection({ group, failure }: { group?: CustomerGroup; failure?: { code: AdapterErrorCode; retry: () => void } }): TemplateResult {
    let body: TemplateResult;
    if (failure) {
      body = renderErrorNotice(
        msg("Couldn't load the group.", { desc: 'Lead of the error when a group fails to load' }),
        failure.code,
        failure.retry,
      );
    } else if (!group || !this.selection) {
      body = html`<p class="status">${msg('Loading the group…')}</p>`;
    } else {
      body = this.render(group, this.selection);
    }
    return html`<section part="section group" class="section">
      <h3 part="heading" class="heading">${group?.name ?? msg('Group')}</h3>
      <p class="lead">
        ${msg('Select the legal entities you want to connect with, or select the whole group.', {
          desc: 'Above the list of a group’s legal entities',
        })}
      </p>
      ${body}
    </section>`;
  }

  /** The filter, the bulk actions, the count, the review switch and the tree. */
  private render(group: CustomerGroup, selection: EntitySelection): TemplateResult {
    const error = this.options.error();
    const selected = selection.selected.size;
    const [start, end] = this.rowWindow.range(this.rows);
    const active = this.activeRow >= start && this.activeRow < end ? this.rows.at(this.activeRow) : undefined;
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
      <div class="tree-bar">
        <p part="count" class="count" id="count" role="status">
          ${msg(str`${formatCount(selected)} of ${formatCount(selection.selectableCount)} selected`, {
            desc: 'Count of ticked legal entities in a group',
          })}${selection.filtering
            ? html` · ${msg(str`${formatCount(selection.shownCount)} shown`, {
                desc: 'How many legal entities match the filter',
              })}`
            : nothing}
        </p>
        ${this.renderShowSwitch(selection, selected)}
      </div>
      ${this.rows.length === 0
        ? html`<p class="notice">${this.emptyText(selection)}</p>`
        : html`<div
            part="tree"
            class=${selection.total <= SMALL_GROUP ? 'tree whole' : 'tree'}
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
            @scroll=${this.onTreeScroll}
          ><div class="heading-track" aria-hidden="true"
            ><div part="country-heading" class="country-heading" hidden @click=${this.onHeadingClick}></div></div
          >${this.rows.slice(start, end).map((row, i) => this.renderRow(row, start + i))}</div>`}
      ${renderFieldError('tree-error', error)}`;
  }

  /** "Show: All | Selected (n)": everything, or only what is ticked, to review it before sending. */
  private renderShowSwitch(selection: EntitySelection, selected: number): TemplateResult {
    const reviewing = selection.reviewing;
    return html`<div part="show" class="show" role="group" aria-labelledby="show-label">
      <span id="show-label" class="show-label">${msg('Show:', { desc: 'Before the switch between all legal entities and the selected ones' })}</span>
      <span class="show-options">
        <button
          part="show-all"
          class="button"
          type="button"
          aria-pressed=${reviewing ? 'false' : 'true'}
          @click=${this.onShowAll}
        >
          ${msg('All', { desc: 'Shows every legal entity of the group' })}
        </button>
        <button
          part="show-selected"
          class="button"
          type="button"
          aria-pressed=${reviewing ? 'true' : 'false'}
          @click=${this.onShowSelected}
        >
          ${msg(str`Selected (${formatCount(selected)})`, {
            desc: 'Shows only the ticked legal entities; the number is how many are ticked',
          })}
        </button>
      </span>
    </div>`;
  }

  private emptyText(selection: EntitySelection): string {
    if (!selection.reviewing) return msg(str`No legal entity matches “${this.filter}”.`);
    return selection.filtering
      ? msg(str`No selected legal entity matches “${this.filter}”.`)
      : msg('No legal entity is selected yet.');
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

  /** A row's nodes count, times the rows rendered: its marker is one element, shown or hidden (no comment markers). */
  private renderEntityRow(row: EntityRow, index: number, active: boolean): TemplateResult {
    const { entity } = row;
    const marker = row.disabled ? 'connected' : row.needsVendorCode ? 'vendor-code' : '';
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
      ><span
        part="marker"
        class="marker ${marker}"
        ?hidden=${!marker}
        .textContent=${marker === 'connected' ? msg('Already connected') : marker === 'vendor-code' ? vendorCodeMarker() : ''}
      ></span
    ></div>`;
  }

  /**
   * Shows, over the top of the tree's view, the country of the rows there — unless that
   * country's own row starts the view — and lets the next country's row push it up. Reads
   * where rows start from the window (no layout), writes only what changed.
   */
  private placeHeading(): void {
    const tree = this.tree;
    const heading = tree?.querySelector<HTMLElement>('.country-heading');
    // Not laid out yet: at the top, where no heading shows; reading scrollTop would lay it out now.
    if (!tree || !heading || !this.selection || !this.rowWindow.measured) return;
    const top = tree.scrollTop;
    const index = this.rowWindow.itemAt(top);
    const row = this.rows.at(index);
    const own = row?.kind === 'country' && this.rowWindow.itemStart(index) >= top - 0.5;
    const country = row && !own ? row.country : '';
    if (heading.dataset.country !== country) {
      heading.dataset.country = country;
      heading.hidden = !country;
      heading.textContent = country ? this.selection.countryLabel(country) : '';
    }
    let shift = 0;
    if (country) {
      const height = heading.offsetHeight;
      const below = this.rowWindow.itemAt(top + height);
      if (below > index && this.rows.at(below)?.kind === 'country') shift = Math.min(0, this.rowWindow.itemStart(below) - top - height);
    }
    const transform = shift ? `translateY(${shift}px)` : '';
    if (heading.style.transform !== transform) heading.style.transform = transform;
  }

  // Listeners are arrow functions: Lit calls them with the element as `this`.

  private readonly onTreeScroll = (): void => this.placeHeading();

  /** The heading was clicked: to its country's row. */
  private readonly onHeadingClick = (event: MouseEvent): void => {
    event.stopPropagation();
    const country = (event.currentTarget as HTMLElement).dataset.country;
    const index = country ? this.rows.indexOfCountry(country) : -1;
    if (index < 0) return;
    this.activeRow = index;
    this.rowWindow.reveal(index);
    this.tree?.focus();
  };

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
    this.toFirstRow();
  };

  private readonly onShowAll = (): void => this.setReviewing(false);

  private readonly onShowSelected = (): void => this.setReviewing(true);

  private setReviewing(reviewing: boolean): void {
    if (!this.selection || this.selection.reviewing === reviewing) return;
    this.selection.setReviewing(reviewing);
    this.toFirstRow();
  }

  /** A new list (filtered, or another view): from its first row. */
  private toFirstRow(): void {
    this.activeRow = 0;
    this.rowWindow.toTop();
    this.refreshRows();
  }

  private readonly onSelectAll = (): void => {
    this.selection?.selectAll();
    this.refreshRows();
    this.options.changed('ticked');
  };

  private readonly onClearSelection = (): void => {
    this.selection?.clear();
    this.refreshRows();
    this.options.changed('cleared');
  };

  private readonly onTreeClick = (event: MouseEvent): void => {
    const rowElement = (event.target as Element).closest<HTMLElement>('[role="treeitem"]');
    if (!rowElement) return;
    const index = Number(rowElement.dataset.index);
    this.activeRow = index;
    const row = this.rows.at(index);
    if (row?.kind === 'country' && (event.target as Element).closest('[data-action="expand"]')) {
      this.setExpanded(row, !row.expanded);
    } else {
      this.toggleRow(index);
    }
    this.tree?.focus();
  };

  private readonly onTreeKeyDown = (event: KeyboardEvent): void => {
    const row = this.rows.at(this.activeRow);
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
          move(this.rows.indexOfCountry(row.country));
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
    this.activeRow = this.rows.indexOfCountry(row.country);
  }

  private toggleRow(index: number): void {
    const row = this.rows.at(index);
    if (!row || !this.selection) return;
    if (row.kind === 'country') {
      if (row.selectable === 0) return;
      this.selection.setCountry(row.country, countryState(row) !== 'true');
    } else if (row.disabled) {
      return;
    } else {
      this.selection.toggle(row.entity.id);
    }
    this.refreshRows();
    this.options.changed('ticked');
  }
}

/** Work done in idle time at most this long at once where the browser cannot say how long it may take. */
const IDLE_SLICE_MS = 8;

/**
 * Sorts the group's countries (entity-selection.ts) while the page is idle, once the first
 * screen is painted, so that expanding a country, a bulk tick or the first filter keystroke
 * finds them sorted. Stops when `wanted()` turns false (another group, or the element gone).
 * Browsers without requestIdleCallback get slices of work in timers instead.
 */
function prepareWhenIdle(selection: EntitySelection, wanted: () => boolean): void {
  const step = (deadline?: IdleDeadline): void => {
    if (!wanted()) return;
    const until = performance.now() + IDLE_SLICE_MS;
    const enough = deadline ? () => deadline.timeRemaining() < 1 : () => performance.now() > until;
    if (!selection.prepare(enough)) later();
  };
  const later = () => whenIdle(step, { fallbackDelay: 50 });
  // Not before the second frame: the first paints the tree, the second may still correct its
  // rows (list-window.ts), and a step begun in the idle time between them can overrun it.
  requestAnimationFrame(() => requestAnimationFrame(later));
}

const vendorCodeMarker = () =>
  msg('Needs vendor code', { desc: 'Marker on a legal entity that requires the supplier’s vendor code on a request' });

/** A stable element ID for a row (IDs are only used inside this shadow root). */
function rowId(row: TreeRow): string {
  return row.kind === 'country' ? `country-${row.country}` : `entity-${row.entity.id.replace(/[^\w-]/g, '_')}`;
}
