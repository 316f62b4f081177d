import { html, nothing, render } from 'lit';
import type { PropertyValues, TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { Task, TaskStatus, initialState } from '@lit/task';
import { msg, str } from '@lit/localize';
import { TnElement } from '../../base/tn-element.js';
import { SearchPageSchema } from '../../adapter/schemas.js';
import { renderErrorNotice, renderNotConfigured, rerun } from '../../base/error-states.js';
import { highlightRuns } from '../../adapter/text-matching.js';
import { abortableDelay } from '../../adapter/abortable-delay.js';
import { whenIdle } from '../../adapter/when-idle.js';
import type { CustomerEntity } from '../../adapter/types.js';
import { countryName, displayText, prepareListFormats } from '../../localization/format.js';
import { getLocale } from '../../localization/localization.js';
import { tokens, shared } from '../../styles/tokens.js';
import { styles } from './customer-search.styles.js';
import { AnchoredPopupController } from './anchored-popup.js';
import { FirstRowsController } from './first-rows.js';
import { layout, partialCount, resultCount } from './search-results.js';
import type { ResultSet, ResultView } from './search-results.js';

/** The two things a result offers. */
type ResultAction = 'connect' | 'view-group';

/**
 * Searches the network directory for a customer: an ARIA 1.2 combobox whose
 * listbox lives in the same shadow root, results grouped under their corporate group, and
 * **Connect** / **View group** on each result.
 *
 * Keyboard (focus stays in the text field):
 * - typing searches once `min-chars` characters are there, after `debounce` ms;
 * - ↓ / ↑ open the list and move through the results; Home / End jump to the first / last
 *   result while one is active (otherwise they move the caret);
 * - Enter connects the active result; Shift+Enter views its group;
 * - Escape closes the list, and clears the field when the list is already closed;
 * - Tab reaches "Show more results" and "Try again" when they are shown.
 *
 * @summary Directory search with Connect and View group actions.
 *
 * @fires tn-connect - The user chose Connect on a result. `detail: { customer }`.
 * @fires tn-view-group - The user chose View group on a grouped result. `detail: { customer, group }`.
 * @fires tn-search - A page of results arrived. `detail: { query, total, shown }`.
 * @fires tn-error - A search failed; the element shows an error with a retry. `detail: { operation, code, error, retry }`.
 *
 * @csspart base - The wrapper of everything.
 * @csspart label - The field's label.
 * @csspart field - The box around the icon, the text field and the busy indicator.
 * @csspart input - The text field (the combobox).
 * @csspart hint - The help text under the field.
 * @csspart popup - The panel under the field that holds results and statuses.
 * @csspart listbox - The list of results.
 * @csspart group - A group of results, with its heading.
 * @csspart group-label - A group's heading.
 * @csspart option - One result.
 * @csspart option-active - The result the keyboard is on.
 * @csspart name - A result's legal name.
 * @csspart match - The part of a name that matched the query.
 * @csspart meta - A result's network ID, tax IDs and country.
 * @csspart action - Each of a result's actions.
 * @csspart action-connect - A result's Connect action.
 * @csspart action-view-group - A result's View group action.
 * @csspart status - The loading and no-results messages.
 * @csspart count - "Showing 20 of 10,000. Refine your search…", over the results when they are a page of more.
 * @csspart show-more - The "Show more results" button.
 * @csspart error - An error message.
 * @csspart retry - The "Try again" button.
 *
 * @cssprop [--tn-search-popup-max-height=24em] - Height at which the list of results scrolls.
 * @cssprop --tn-color-accent - Buttons, focus and active result accents.
 * @cssprop --tn-color-highlight - Background of the matched text.
 */
export class TnCustomerSearch extends TnElement {
  static override styles = [tokens, shared, styles];
  /**
   * What the element asks of its adapter, and how each answer is checked.
   * @internal
   */
  protected static override answers = {
    searchDirectory: SearchPageSchema,
  };

  /**
   * Documented ranges of the numeric properties (clamped, with a warning).
   * @internal
   */
  protected static override numericRanges = {
    minChars: { attribute: 'min-chars', min: 1, max: 10, fallback: 2, integer: true },
    debounce: { attribute: 'debounce', min: 0, max: 2000, fallback: 250 },
    pageSize: { attribute: 'page-size', min: 1, max: 100, fallback: 20, integer: true },
  };

  /** Set by "Try again" and "Show more": run at once, without the typing debounce. */
  private skipDebounce = false;
  /** When the user last typed in the field (`performance.now()`). */
  private lastInput = -Infinity;
  /** Keeps the results panel in the top layer, attached to the field. */
  private readonly popup = new AnchoredPopupController(this);
  /** Renders a new list's results in view in its first frame, the rest once that frame is painted. */
  private readonly firstRows = new FirstRowsController(this, () => this.renderRoot.querySelector('.listbox'));
  /** The locale the element last rendered in (its own `lang`, or the page's). */
  private renderedLocale?: string;
  /** The locale whose result formatters are prepared (see {@link prepareFormatsWhenIdle}). */
  private preparedLocale?: string;

  private readonly searchTask = new Task(this, {
    args: () => [this.api, this.query.trim(), this.minChars, this.pageSize] as const,
    task: async ([adapter, text, minChars, pageSize], { signal }) => {
      if (!adapter || text.length < minChars) return initialState;
      if (this.skipDebounce) this.skipDebounce = false;
      else await this.typingPause(signal);
      const page = await adapter.searchDirectory({ text, pageSize }, { signal });
      // The contract asks for `pageSize` at most: more (a broken or hostile server) is cut off.
      const items = page.items.slice(0, this.pageSize);
      return { query: text, items, total: page.total, nextCursor: page.nextCursor } as ResultSet;
    },
    onComplete: (results) => {
      this.results = results;
      this.reportSearch(results);
    },
    onError: (error) => this.reportError('searchDirectory', error, () => this.retry()),
  });

  private readonly moreTask = new Task(this, {
    autoRun: false,
    args: () => [this.api, this.results] as const,
    task: async ([adapter, results], { signal }) => {
      if (!adapter || !results?.nextCursor) return initialState;
      const page = await adapter.searchDirectory(
        { text: results.query, cursor: results.nextCursor, pageSize: this.pageSize },
        { signal },
      );
      const known = new Set(results.items.map((item) => item.id));
      return {
        query: results.query,
        items: [...results.items, ...page.items.slice(0, this.pageSize).filter((item) => !known.has(item.id))],
        total: page.total ?? results.total,
        nextCursor: page.nextCursor,
      } as ResultSet;
    },
    onComplete: (results) => {
      this.results = results;
      this.reportSearch(results);
    },
    onError: (error) => this.reportError('searchDirectory', error, () => this.showMore()),
  });

  @query('input') private input!: HTMLInputElement;

  /** The results on screen: the current query's pages, or none. */
  @state() private results?: ResultSet;
  /** Whether the results panel is open. */
  @state() private expanded = false;
  /** The results laid out for the listbox (derived from `results`). */
  @state() private view: ResultView = { sections: [], ordered: [] };
  /** Position (in display order) of the result the keyboard is on, or -1. */
  @state() private activeIndex = -1;

  /** What is in the search field. Setting it searches, as typing does. */
  @property() value = '';

  /** Characters needed before searching: 1–10 (an empty field never searches). */
  @property({ type: Number, attribute: 'min-chars' }) minChars = 2;

  /** Milliseconds to wait after the last keystroke before searching: 0–2000. */
  @property({ type: Number }) debounce = 250;

  /** Results asked for per page: 1–100. */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 20;

  /** Overrides the field's label ("Search your customers"). */
  @property() label?: string;

  /** Overrides the field's placeholder. */
  @property() placeholder?: string;

  private get query(): string {
    return this.value;
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    // A new query (or another adapter) makes the pages of the old one meaningless.
    if (changed.has('value') || changed.has('adapter') || changed.has('minChars')) {
      if (this.results && this.results.query !== this.query.trim()) {
        this.moreTask.abort();
        this.results = undefined;
        this.activeIndex = -1;
      }
    }
    if (changed.has('results')) {
      this.view = layout(this.results?.items ?? []);
      // A new query's list (not a further page of the same one) shows its view first.
      const before = changed.get('results') as ResultSet | undefined;
      const fresh = this.results && this.results.query !== before?.query;
      this.firstRows.start(this.view.ordered.length, Boolean(fresh));
    }
    this.firstRows.reach(this.activeIndex);
  }

  protected override updated(): void {
    const popup = this.renderRoot.querySelector<HTMLElement>('.popup');
    const field = this.renderRoot.querySelector('.field');
    if (popup && field && this.popupOpen) {
      this.popup.open(popup, { field, below: this.renderRoot.querySelector('.hint') });
    } else {
      this.popup.close();
    }
    if (this.activeIndex >= 0) {
      this.renderRoot.querySelector(`#option-${this.activeIndex}`)?.scrollIntoView({ block: 'nearest' });
    }
  }

  private onInput(event: InputEvent): void {
    this.lastInput = performance.now();
    this.value = (event.target as HTMLInputElement).value;
    this.expanded = true;
    this.prepareFormatsWhenIdle();
  }

  /**
   * Creates the `Intl` formatters the results will use while the user types (idle time within
   * the debounce) rather than in the frame that paints the first results: the first of each
   * kind costs milliseconds (profiled: most of a frame in Chromium under load).
   */
  private prepareFormatsWhenIdle(): void {
    const locale = this.renderedLocale;
    if (!locale || locale === this.preparedLocale) return;
    this.preparedLocale = locale;
    const prepare = (deadline?: IdleDeadline) => {
      prepareListFormats(locale);
      // The layout only in idle time and before the first results: run by the timeout the
      // page is busy, and once results are shown it is theirs to pay, not a rehearsal's.
      this.rehearseResults({ layOut: !deadline?.didTimeout && !this.results });
    };
    whenIdle(prepare, { timeout: 200 });
  }

  /**
   * Rehearses the results: renders a sample result and lays it out once, unseen, inert and
   * in a box that cannot grow any scroll container, then removes it in the same task. The
   * templates are then parsed and their code compiled, and the browser has laid out each
   * text style of a result (bold names, small meta text, tabular figures: fonts to find and
   * text to shape) once, before the first results arrive rather than in the frame that
   * shows them. Profiled in Chromium: the templates were a third of that frame's script,
   * and without the layout rehearsal its layout took 6 ms instead of 4. Without `layOut`,
   * the sample is rendered out of the page: the templates alone, no layout read.
   */
  private rehearseResults({ layOut }: { layOut: boolean }): void {
    const sample: CustomerEntity = {
      id: 'AAA000000000',
      legalName: 'Sample',
      country: 'GB',
      taxIds: ['GB000000000'],
      group: { id: 'G', name: 'Sample' },
    };
    const results: ResultSet = { query: 'Sam', items: [sample, { ...sample, group: undefined }] };
    const listbox = this.renderListbox(results, layout(results.items));
    const base = this.renderRoot.querySelector('.base');
    if (!layOut || !base) {
      render(listbox, document.createDocumentFragment());
      return;
    }
    const stage = document.createElement('div');
    stage.className = 'popup rehearsal';
    stage.setAttribute('aria-hidden', 'true');
    stage.inert = true;
    base.append(stage);
    render(listbox, stage);
    void stage.offsetHeight;
    stage.remove();
  }

  private onKeyDown(event: KeyboardEvent): void {
    const count = this.view.ordered.length;
    switch (event.key) {
      case 'ArrowDown':
      case 'ArrowUp': {
        event.preventDefault();
        const down = event.key === 'ArrowDown';
        if (!this.expanded) {
          this.expanded = true;
          if (count) this.activeIndex = down ? 0 : count - 1;
        } else if (count) {
          if (this.activeIndex < 0) this.activeIndex = down ? 0 : count - 1;
          else this.activeIndex = Math.min(count - 1, Math.max(0, this.activeIndex + (down ? 1 : -1)));
        }
        break;
      }
      case 'Home':
      case 'End':
        if (this.expanded && this.activeIndex >= 0 && count) {
          event.preventDefault();
          this.activeIndex = event.key === 'Home' ? 0 : count - 1;
        }
        break;
      case 'Enter':
        if (this.expanded && this.activeIndex >= 0) {
          event.preventDefault();
          this.choose(this.activeIndex, event.shiftKey ? 'view-group' : 'connect');
        }
        break;
      case 'Escape':
        if (this.expanded) {
          event.preventDefault();
          // Handled: don't let it also close a host dialog around us.
          event.stopPropagation();
          this.collapse();
        } else if (this.value) {
          event.preventDefault();
          this.value = '';
        }
        break;
    }
  }

  private onFocusOut(event: FocusEvent): void {
    const next = event.relatedTarget as Node | null;
    if (!next || !this.renderRoot.contains(next)) this.collapse();
  }

  /** Keeps focus in the field when the pointer presses inside the panel. */
  private onPopupPointerDown(event: PointerEvent): void {
    if (!(event.target as Element).closest('button')) event.preventDefault();
  }

  private onOptionClick(event: MouseEvent): void {
    const option = (event.target as Element).closest<HTMLElement>('[role="option"]');
    if (!option) return;
    const index = Number(option.dataset.index);
    const action = (event.target as Element).closest<HTMLElement>('[data-action]')?.dataset.action as
      | ResultAction
      | undefined;
    this.activeIndex = index;
    if (action) this.choose(index, action);
    this.input.focus();
  }

  /** Runs the failed search again, at once. */
  retry(): void {
    this.expanded = true;
    if (this.searchTask.status === TaskStatus.PENDING) return;
    this.skipDebounce = true;
    rerun(this.searchTask);
  }

  /** Fetches the next page of results, when there is one. */
  showMore(): void {
    // A page already on its way is not asked for again (fifty clicks before the next render
    // are one request).
    if (this.moreTask.status === TaskStatus.PENDING) return;
    if (this.results?.nextCursor) void this.moreTask.run();
  }

  /** Moves focus to the search field. */
  override focus(options?: FocusOptions): void {
    this.input?.focus(options);
  }

  override render(): TemplateResult {
    this.renderedLocale = getLocale();
    const adapter = this.resolvedAdapter;
    return html`<div part="base" class="base" @focusout=${this.onFocusOut}>
      ${adapter ? this.renderField() : renderNotConfigured('tn-customer-search')}
      <div class="visually-hidden" role="status">${this.renderAnnouncement()}</div>
    </div>`;
  }

  private renderField(): TemplateResult {
    const open = this.popupOpen;
    const hasOptions = open && (this.results?.items.length ?? 0) > 0;
    const busy = this.searchTask.status === TaskStatus.PENDING || this.moreTask.status === TaskStatus.PENDING;
    const hint = this.renderHint();
    return html`<label part="label" class="label" for="input">${this.label ?? msg('Search your customers')}</label>
      <div part="field" class="field">
        <svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
          <circle cx="10.5" cy="10.5" r="6.5" />
          <path d="M15.5 15.5 21 21" />
        </svg>
        <input
          id="input"
          part="input"
          type="text"
          role="combobox"
          autocomplete="off"
          autocapitalize="off"
          spellcheck="false"
          aria-autocomplete="list"
          aria-expanded=${hasOptions ? 'true' : 'false'}
          aria-controls=${ifDefined(hasOptions ? 'listbox' : undefined)}
          aria-activedescendant=${ifDefined(
            hasOptions && this.activeIndex >= 0 ? `option-${this.activeIndex}` : undefined,
          )}
          aria-describedby=${ifDefined(hint ? 'hint' : undefined)}
          aria-busy=${busy ? 'true' : 'false'}
          placeholder=${this.placeholder ?? msg('Legal name, network ID or VAT number')}
          .value=${this.value}
          @input=${this.onInput}
          @keydown=${this.onKeyDown}
        />
        <span class="spinner" ?hidden=${!busy} aria-hidden="true"></span>
      </div>
      <p id="hint" part="hint" class="hint ${this.showsKeyboardHelp ? 'visually-hidden' : ''}">${hint}</p>
      <div part="popup" class="popup" popover="manual" ?hidden=${!open} @pointerdown=${this.onPopupPointerDown}>
        ${this.renderPopupContent()}
      </div>`;
  }

  /** The panel is open when the user wants it and there is something to show in it. */
  private get popupOpen(): boolean {
    return this.expanded && this.query.trim().length >= this.minChars;
  }

  /** Help under the field: how long a query must be, or how to use the listed results. */
  /**
   * While results are listed, the hint is the keyboard help: the field's description for
   * assistive technology, but not on screen (two or three lines under the field at 360 px,
   * which sighted keyboard users learn once).
   */
  private get showsKeyboardHelp(): boolean {
    return this.query.trim().length >= this.minChars && this.view.ordered.length > 0;
  }

  private renderHint(): string {
    if (this.query.trim().length >= this.minChars) {
      if (!this.view.ordered.length) return '';
      return msg('Use the arrow keys to choose; Enter connects, Shift+Enter views the group, Escape closes.', {
        desc: 'Keyboard help shown while results are listed',
      });
    }
    return msg(str`Type at least ${this.minChars} characters of the legal name, or a network ID or VAT number.`, {
      desc: 'Help under the search field; the number is the minimum length of a search',
    });
  }

  private renderPopupContent(): TemplateResult | typeof nothing {
    const error = this.failureOf(this.searchTask);
    if (error) return renderErrorNotice(searchFailedText(), error.code, () => this.retry());
    const results = this.results;
    if (!results || this.searchTask.status === TaskStatus.PENDING) {
      return html`<p part="status" class="notice status">${searchingText()}</p>`;
    }
    if (results.items.length === 0) {
      return html`<p part="status" class="notice status">
        ${noMatchText(results.query)}
      </p>`;
    }
    const partial = partialCount(results);
    return html`${partial ? html`<p part="count" class="count">${partial}</p>` : nothing} ${this.renderListbox(results, this.view)}
    ${this.renderMore(results)}`;
  }

  private renderListbox(results: ResultSet, view: ResultView): TemplateResult {
    const settling = this.firstRows.settling;
    const count = view.ordered.length;
    // While the list settles, only its first results (a prefix of the sections) are rendered.
    const rendered = this.firstRows.rendered(count);
    const sections = view.sections.filter((section) => section.entries[0].index < rendered);
    const option = ({ entity, index }: { entity: CustomerEntity; index: number }) =>
      index < rendered ? this.renderOption(entity, index, count, results.query) : nothing;
    return html`<div
      id="listbox"
      part="listbox"
      class="listbox"
      role="listbox"
      aria-label=${msg('Customers')}
      aria-busy=${ifDefined(settling ? 'true' : undefined)}
      @click=${this.onOptionClick}
    >
      ${sections.map((section, i) =>
        section.group
          ? html`<div role="group" part="group" class="group" aria-labelledby="group-${i}">
              <div id="group-${i}" part="group-label" class="group-label" role="presentation">
                <span class="clamp"><span dir="auto">${displayText(section.group.name)}</span></span>
              </div>
              ${section.entries.map(option)}
            </div>`
          : section.entries.map(option),
      )}
    </div>`;
  }

  /** Result `index` of `count`: its place in the whole list is said even before the rest is rendered. */
  private renderOption(entity: CustomerEntity, index: number, count: number, query: string): TemplateResult {
    const active = index === this.activeIndex;
    const locale = getLocale();
    return html`<div
      id="option-${index}"
      data-index=${index}
      role="option"
      aria-selected=${active ? 'true' : 'false'}
      aria-posinset=${index + 1}
      aria-setsize=${count}
      part=${active ? 'option option-active' : 'option'}
      class=${active ? 'option active' : 'option'}
    >
      <span part="name" class="name clamp"
        ><span dir="auto"
          >${highlightRuns(displayText(entity.legalName), query).map((run) =>
            run.match ? html`<mark part="match">${run.text}</mark>` : run.text,
          )}</span
        ></span
      >
      <span part="meta" class="meta">
        <span class="id"><span dir="ltr">${entity.id}</span></span>
        ${entity.taxIds.map(
          (taxId) =>
            html`<span class="tax"
              ><span class="visually-hidden">${msg('VAT number')} </span><span dir="ltr">${taxId}</span></span
            >`,
        )}
        <span class="country">${countryName(entity.country, locale)}</span>
      </span>
      <span class="actions" aria-hidden="true">
        <span part="action action-connect" class="action primary" data-action="connect">${msg('Connect')}</span>
        ${entity.group
          ? html`<span part="action action-view-group" class="action" data-action="view-group"
              >${msg('View group')}</span
            >`
          : nothing}
      </span>
    </div>`;
  }

  private renderMore(results: ResultSet): TemplateResult | typeof nothing {
    const moreError = this.failureOf(this.moreTask);
    if (moreError) {
      return renderErrorNotice(
        msg("Couldn't load more results.", { desc: 'Lead of the error shown when loading a further page fails' }),
        moreError.code,
        () => this.showMore(),
      );
    }
    if (!results.nextCursor) return nothing;
    const loading = this.moreTask.status === TaskStatus.PENDING;
    return html`<button
      part="show-more"
      class="button show-more"
      type="button"
      aria-disabled=${loading ? 'true' : 'false'}
      @click=${() => !loading && this.showMore()}
    >
      ${loading ? msg('Loading more…') : msg('Show more results')}
    </button>`;
  }

  /** What the polite live region says: the state of the search, in words. */
  private renderAnnouncement(): string {
    if (!this.popupOpen) return '';
    if (this.searchTask.status === TaskStatus.PENDING) return searchingText();
    if (this.failureOf(this.searchTask)) return searchFailedText();
    const results = this.results;
    if (!results) return '';
    if (results.items.length === 0) return noMatchText(results.query);
    return resultCount(results);
  }

  private choose(index: number, action: ResultAction): void {
    const customer = this.view.ordered[index];
    if (!customer) return;
    if (action === 'view-group') {
      if (!customer.group) return;
      this.emit('tn-view-group', { customer, group: customer.group });
    } else {
      this.emit('tn-connect', { customer });
    }
    this.collapse();
  }

  /**
   * Waits `debounce` ms after the last keystroke. A key that leaves the query as it was (the
   * space between two words) starts no new search, but it restarts the wait: at 10 keys/s the
   * next word's first letter then comes 100 ms later, not 200 — well inside the debounce.
   */
  private async typingPause(signal: AbortSignal): Promise<void> {
    await abortableDelay(this.debounce, signal);
    for (let wait = this.lastInput + this.debounce - performance.now(); wait > 0; ) {
      await abortableDelay(wait, signal);
      wait = this.lastInput + this.debounce - performance.now();
    }
  }

  private collapse(): void {
    this.expanded = false;
    this.activeIndex = -1;
  }

  private reportSearch(results: ResultSet): void {
    this.emit('tn-search', { query: results.query, total: results.total, shown: results.items.length });
  }
}


const searchingText = () => msg('Searching…', { desc: 'Status while a search runs' });

const searchFailedText = () =>
  msg("Couldn't search the directory.", { desc: 'Lead of the error shown when a search fails' });

const noMatchText = (query: string) =>
  msg(str`No customers match “${query}”.`, { desc: 'Empty search result; the placeholder is what the user typed' });
