import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { Task, TaskStatus, initialState } from '@lit/task';
import { msg, str } from '@lit/localize';
import { TnElement } from '../../base/tn-element.js';
import { AttentionSummarySchema } from '../../adapter/later-schemas.js';
import { adapterFailure, errorMessage, renderErrorNotice, renderNotConfigured } from '../../base/error-states.js';
import { headingLevel } from '../../base/heading-level.js';
import { systemClock, Timer } from '../../base/clock.js';
import type { Clock } from '../../base/clock.js';
import type { TnAdapterError } from '../../adapter/errors.js';
import type { AttentionSummary, FailedInvoice, SavedInvoice, SupportCase } from '../../adapter/types.js';
import type { AttentionList } from '../../base/events.js';
import { displayText, formatCount, formatDateTime, formatMoney, formatRelative } from '../../localization/format.js';
import { getLocale } from '../../localization/localization.js';
import { tokens, shared } from '../../styles/tokens.js';
import { tableStyles } from '../../styles/table.js';
import { styles } from './attention-panel.styles.js';

/** First retry after a failed refresh; each further failure doubles it, up to the cap. */
const FIRST_RETRY_MS = 5_000;
const MAX_RETRY_MS = 5 * 60_000;
const MINUTE = 60_000;

/**
 * What needs the supplier's attention (the portal's "For your attention"):
 * counts of failed invoices and open support tickets, the failed and saved (draft) invoices,
 * and how fresh all that is. It refreshes on its own every `refresh-interval` seconds while
 * the page is visible, when a support case opens anywhere on the page
 * (`tn-support-case-opened`), and on demand (`refresh()` or its Refresh button). A failed
 * refresh keeps the last data on screen with a notice, and retries with back-off.
 *
 * @summary The "For your attention" panel: counts, lists, freshness, auto refresh.
 *
 * @fires tn-view-attention - The user asked for a list ("View all") or one item ("View"). `detail: { list, item? }`.
 * @fires tn-error - Loading or refreshing failed. `detail: { operation, code, error, retry }`.
 *
 * @csspart base - The panel.
 * @csspart header - Title, freshness and the Refresh button.
 * @csspart title - The panel's title.
 * @csspart freshness - "Last refresh: N minutes ago".
 * @csspart refresh - The Refresh button.
 * @csspart summary - The summary table (type, count, date, customer).
 * @csspart list - Each list section (failed invoices, saved invoices).
 * @csspart list-title - A list's heading.
 * @csspart table - Each table.
 * @csspart action - Every "View" / "View all" button.
 * @csspart stale - The notice shown when a refresh failed and older data is on screen.
 * @csspart empty - The "nothing needs your attention" message.
 * @csspart status - The loading message.
 * @csspart error - An error message.
 * @csspart retry - The "Try again" button.
 *
 * @cssprop --tn-color-accent - Buttons and counts.
 * @cssprop --tn-color-warning-surface - Background of the stale-data notice.
 */
export class TnAttentionPanel extends TnElement {
  static override styles = [tokens, shared, tableStyles, styles];
  /**
   * What the element asks of its adapter, and how each answer is checked.
   * @internal
   */
  protected static override answers = {
    getAttentionSummary: AttentionSummarySchema,
  };

  /**
   * Documented ranges of the numeric properties (clamped, with a warning).
   * @internal
   */
  protected static override numericRanges = {
    refreshInterval: { attribute: 'refresh-interval', min: 15, max: 86_400, fallback: 60, zeroTurnsOff: true },
    maxRows: { attribute: 'max-rows', min: 1, max: 1000, fallback: 5, integer: true },
    // Its lists' headings are one level below.
    headingLevel: { attribute: 'heading-level', min: 1, max: 5, fallback: 2, integer: true },
  };

  /** Consecutive failed loads, for the back-off. */
  private failures = 0;
  private readonly refreshTimer = new Timer(
    () => this.clock,
    () => void this.refresh(),
  );
  /** Re-renders "N minutes ago" when the minute turns. */
  private readonly minuteTimer = new Timer(
    () => this.clock,
    () => {
      this.requestUpdate();
      this.scheduleMinuteTick();
    },
  );

  private readonly summaryTask = new Task(this, {
    args: () => [this.api] as const,
    task: async ([adapter], { signal }) => {
      if (!adapter) return initialState;
      return adapter.getAttentionSummary({ signal });
    },
    onComplete: (summary) => this.loaded(summary),
    onError: (error) => this.failed(error),
  });

  /** The last summary that loaded; kept on screen when a refresh fails. */
  @state() private summary?: AttentionSummary;
  /** When (clock time) `summary` arrived. */
  @state() private loadedAt?: number;

  /** Seconds between automatic refreshes while the page is visible: 15–86400; 0 turns them off. */
  @property({ type: Number, attribute: 'refresh-interval' }) refreshInterval = 60;

  /** Rows shown per list before "View all": 1–1000. */
  @property({ type: Number, attribute: 'max-rows' }) maxRows = 5;

  /** Level of the panel's heading: 1–5 (its lists' headings are one below). */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;

  /** The clock the panel schedules with (for tests, or hosts that drive time). */
  @property({ attribute: false }) clock: Clock = systemClock;

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('visibilitychange', this.onVisibilityChange);
    document.addEventListener('tn-support-case-opened', this.onCaseOpened);
    // Re-attached after a removal: pick up where the timers left off (unless the base class
    // already restarted the read the removal cut short).
    if (this.hasUpdated && this.summaryTask.status !== TaskStatus.PENDING) void this.refresh();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('visibilitychange', this.onVisibilityChange);
    document.removeEventListener('tn-support-case-opened', this.onCaseOpened);
    this.refreshTimer.cancel();
    this.minuteTimer.cancel();
    this.summaryTask.abort();
  }

  private readonly onVisibilityChange = (): void => {
    if (document.visibilityState === 'hidden') {
      this.refreshTimer.cancel();
      this.minuteTimer.cancel();
      return;
    }
    // Back on screen: refresh now if a refresh fell due while hidden.
    const since = this.loadedAt === undefined ? Infinity : this.clock.now() - this.loadedAt;
    if (this.failures > 0 || (this.refreshInterval > 0 && since >= this.refreshInterval * 1000)) {
      void this.refresh();
    } else {
      this.scheduleRefresh();
      this.scheduleMinuteTick();
      this.requestUpdate();
    }
  };

  private readonly onCaseOpened = (): void => {
    void this.refresh();
  };

  /** Loads the summary again now. Resolves when it has loaded or failed. */
  async refresh(): Promise<void> {
    this.refreshTimer.cancel();
    if (!this.resolvedAdapter) return;
    await this.summaryTask.run();
  }

  /** "Try again": loads the summary again unless a load is already on its way. */
  private retry(): void {
    if (!this.loading) void this.refresh();
  }

  override render(): TemplateResult {
    const Heading = this.headingLevel;
    return html`<section part="base" class="base" aria-labelledby="title" aria-busy=${this.loading ? 'true' : 'false'}>
      <div part="header" class="header">
        <div part="title" id="title" class="title" role="heading" aria-level=${Heading}>
          ${msg('For your attention')}
        </div>
        ${this.renderFreshness()}
      </div>
      ${this.renderBody()}
      <div class="visually-hidden" role="status">${this.renderAnnouncement()}</div>
    </section>`;
  }

  private get loading(): boolean {
    return this.summaryTask.status === TaskStatus.PENDING;
  }

  private renderFreshness(): TemplateResult | typeof nothing {
    if (!this.resolvedAdapter) return nothing;
    const ago =
      this.loadedAt === undefined
        ? undefined
        : formatRelative(new Date(this.loadedAt).toISOString(), new Date(this.clock.now()), getLocale());
    return html`<span part="freshness" class="freshness">
        ${ago === undefined ? nothing : msg(str`Last refresh: ${ago}`, { desc: 'When the panel last loaded; the placeholder is a relative time such as "3 minutes ago"' })}
      </span>
      <button
        part="refresh"
        class="button refresh"
        type="button"
        aria-disabled=${this.loading ? 'true' : 'false'}
        @click=${() => !this.loading && void this.refresh()}
      >
        <svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
          <path d="M20 12a8 8 0 1 1-2.34-5.66M20 4v5h-5" />
        </svg>
        ${this.loading ? msg('Refreshing…') : msg('Refresh')}
      </button>`;
  }

  private renderBody(): TemplateResult {
    if (!this.resolvedAdapter) return renderNotConfigured('tn-attention-panel');
    const summary = this.summary;
    const failure = this.failureOf(this.summaryTask);
    if (!summary) {
      if (failure) {
        return renderErrorNotice(loadFailedText(), failure.code, () => this.retry());
      }
      return html`<p part="status" class="notice status">${loadingText()}</p>`;
    }
    const nothingToDo =
      summary.failedInvoices.count === 0 && summary.supportTickets.count === 0 && summary.savedInvoices.count === 0;
    return html`${failure ? this.renderStale(failure) : nothing}
    ${nothingToDo
      ? html`<p part="empty" class="notice empty">${msg('Nothing needs your attention.')}</p>`
      : html`${this.renderSummary(summary)} ${this.renderFailedInvoices(summary)} ${this.renderSavedInvoices(summary)}`}`;
  }

  private renderStale(failure: TnAdapterError): TemplateResult {
    return html`<div part="stale" class="notice stale">
      <span>
        ${msg("Couldn't refresh; this is the last information we had.", {
          desc: 'Shown above older data after a refresh failed',
        })}
        ${errorMessage(failure.code)}
        ${failure.retryable ? msg("We'll try again automatically.") : nothing}
      </span>
      <button class="button" part="retry" type="button" @click=${() => this.retry()}>
        ${msg('Try again', { desc: 'Button: retry a failed request' })}
      </button>
    </div>`;
  }

  private renderSummary(summary: AttentionSummary): TemplateResult {
    const failed = summary.failedInvoices;
    const tickets = summary.supportTickets;
    const single = failed.count === 1 && failed.items.length === 1 ? failed.items[0] : undefined;
    const ticketCustomer = commonName(tickets.items.flatMap((item) => item.customers.map((c) => c.legalName)));
    return html`<div class="scroller"><table part="summary table" class="table summary">
      <caption class="visually-hidden">${msg('Summary')}</caption>
      <thead>
        <tr>
          <th scope="col">${msg('Type')}</th>
          <th scope="col" class="number">${msg('Count')}</th>
          <th scope="col">${msg('Date')}</th>
          <th scope="col">${msg('Customer')}</th>
          <th scope="col"><span class="visually-hidden">${msg('Actions')}</span></th>
        </tr>
      </thead>
      <tbody>
        <tr>
          <th scope="row"><span class="dot failed" aria-hidden="true"></span>${failedInvoicesText()}</th>
          <td class="number" data-label=${msg('Count')}>${formatCount(failed.count)}</td>
          <td data-label=${msg('Date')}>${failed.latestAt ? tableDate(failed.latestAt) : nothing}</td>
          <td data-label=${msg('Customer')}>${customerCell(commonName(failed.items.map((item) => item.buyerName)))}</td>
          <td class="actions">
            ${failed.count === 0
              ? nothing
              : single
                ? this.renderViewItem('failed-invoices', single, single.number)
                : this.renderViewAll('failed-invoices', failedInvoicesText())}
          </td>
        </tr>
        <tr>
          <th scope="row"><span class="dot tickets" aria-hidden="true"></span>${supportTicketsText()}</th>
          <td class="number" data-label=${msg('Count')}>${formatCount(tickets.count)}</td>
          <td data-label=${msg('Date')}>${tickets.latestAt ? tableDate(tickets.latestAt) : nothing}</td>
          <td data-label=${msg('Customer')}>${customerCell(ticketCustomer)}</td>
          <td class="actions">
            ${tickets.count === 0 ? nothing : this.renderViewAll('support-tickets', supportTicketsText())}
          </td>
        </tr>
      </tbody>
    </table></div>`;
  }

  private renderFailedInvoices(summary: AttentionSummary): TemplateResult | typeof nothing {
    const { count, items } = summary.failedInvoices;
    if (count === 0) return nothing;
    return this.renderList(
      'failed-invoices',
      failedInvoicesText(),
      count,
      [msg('Number'), msg('Supplier'), msg('Buyer')],
      items.slice(0, this.maxRows).map((item: FailedInvoice) => ({
        item,
        label: item.number,
        cells: [item.number, item.supplierName, item.buyerName],
      })),
    );
  }

  private renderSavedInvoices(summary: AttentionSummary): TemplateResult | typeof nothing {
    const { count, items } = summary.savedInvoices;
    if (count === 0) return nothing;
    return this.renderList(
      'saved-invoices',
      msg('Saved invoices'),
      count,
      [msg('Number'), msg('Buyer'), msg('Amount')],
      items.slice(0, this.maxRows).map((item: SavedInvoice) => ({
        item,
        label: item.number,
        cells: [item.number, item.buyerName ?? item.buyerId, formatMoney(item.amount)],
      })),
      2,
    );
  }

  /** A list section: heading with "View all", then a table whose rows each have "View". */
  private renderList(
    list: AttentionList,
    title: string,
    count: number,
    columns: string[],
    rows: { item: FailedInvoice | SavedInvoice; label: string; cells: string[] }[],
    numericColumn = -1,
  ): TemplateResult {
    const id = `list-${list}`;
    return html`<section part="list" class="list" aria-labelledby=${id}>
      <div class="list-header">
        <div part="list-title" id=${id} class="list-title" role="heading" aria-level=${headingLevel(this.headingLevel, 1)}>
          ${title}
        </div>
        ${this.renderViewAll(list, title)}
      </div>
      <div class="scroller">
        <table part="table" class="table">
          <thead>
            <tr>
              ${columns.map(
                (column, i) => html`<th scope="col" class=${i === numericColumn ? 'number' : ''}>${column}</th>`,
              )}
              <th scope="col"><span class="visually-hidden">${msg('Actions')}</span></th>
            </tr>
          </thead>
          <tbody>
            ${rows.map(
              (row) =>
                html`<tr>
                  ${row.cells.map((cell, i) =>
                    i === 0
                      ? html`<th scope="row" dir="auto">${displayText(cell)}</th>`
                      : html`<td class=${i === numericColumn ? 'number' : ''} data-label=${columns[i]}
                          ><span dir="auto">${displayText(cell)}</span></td
                        >`,
                  )}
                  <td class="actions">${this.renderViewItem(list, row.item, row.label)}</td>
                </tr>`,
            )}
          </tbody>
        </table>
      </div>
      ${count > rows.length
        ? html`<p class="more">
            ${msg(str`Showing ${formatCount(rows.length)} of ${formatCount(count)}.`, {
              desc: 'Under a list: how many rows it shows, of all (number-neutral: no plural noun)',
            })}
          </p>`
        : nothing}
    </section>`;
  }

  private renderViewAll(list: AttentionList, title: string): TemplateResult {
    return html`<button part="action" class="link" type="button" @click=${() => this.view(list)}>
      ${msg('View all')}<span class="visually-hidden">: ${title}</span>
    </button>`;
  }

  private renderViewItem(list: AttentionList, item: FailedInvoice | SavedInvoice | SupportCase, label: string) {
    return html`<button part="action" class="link" type="button" @click=${() => this.view(list, item)}>
      ${msg('View')}<span class="visually-hidden"> ${label}</span>
    </button>`;
  }

  private renderAnnouncement(): string {
    if (!this.summary && this.loading) return loadingText();
    if (this.failureOf(this.summaryTask)) return this.summary ? msg("Couldn't refresh.") : loadFailedText();
    return '';
  }

  private view(list: AttentionList, item?: FailedInvoice | SavedInvoice | SupportCase): void {
    this.emit('tn-view-attention', item ? { list, item } : { list });
  }

  private loaded(summary: AttentionSummary): void {
    this.summary = summary;
    this.loadedAt = this.clock.now();
    this.failures = 0;
    this.scheduleRefresh();
    this.scheduleMinuteTick();
  }

  private failed(error: unknown): void {
    const adapterError = adapterFailure(error);
    if (!adapterError) return;
    this.failures += 1;
    this.reportError('getAttentionSummary', adapterError, () => this.retry());
    if (adapterError.retryable) {
      const backOff = Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** (this.failures - 1));
      this.scheduleRefresh(Math.max(backOff, adapterError.retryAfterMs ?? 0));
    }
  }

  /** Next automatic refresh: after `ms`, or the refresh interval; never while hidden. */
  private scheduleRefresh(ms?: number): void {
    this.refreshTimer.cancel();
    if (!this.isConnected || document.visibilityState === 'hidden') return;
    if (ms === undefined) {
      if (this.refreshInterval <= 0) return;
      const since = this.loadedAt === undefined ? 0 : this.clock.now() - this.loadedAt;
      ms = this.refreshInterval * 1000 - since;
    }
    this.refreshTimer.schedule(ms);
  }

  /** Wakes up when "N minutes ago" changes. */
  private scheduleMinuteTick(): void {
    this.minuteTimer.cancel();
    if (this.loadedAt === undefined || !this.isConnected || document.visibilityState === 'hidden') return;
    const elapsed = this.clock.now() - this.loadedAt;
    this.minuteTimer.schedule(MINUTE - (elapsed % MINUTE));
  }
}

const loadingText = () => msg('Loading what needs your attention…', { desc: 'Attention panel: first load' });

const loadFailedText = () =>
  msg("Couldn't load what needs your attention.", { desc: 'Lead of the error when the panel cannot load' });

const failedInvoicesText = () => msg('Failed invoices');

const supportTicketsText = () =>
  msg('Support cases', { desc: 'Attention panel: the row of open support cases (one term for them everywhere)' });

/** A date and time short enough for a table cell. */
const tableDate = (iso: string) => formatDateTime(iso, getLocale(), 'medium');

/** The one name every item shares, or nothing when they differ (the portal leaves it blank). */
function commonName(names: (string | undefined)[]): string {
  const distinct = new Set(names.filter((name): name is string => !!name));
  return distinct.size === 1 ? displayText([...distinct][0]) : '';
}

/**
 * A summary row's customer: the name, or nothing at all when the row's items have several
 * customers or none, so that the narrow layout shows no "Customer" label without a value.
 */
function customerCell(name: string): TemplateResult | typeof nothing {
  return name ? html`<span dir="auto">${name}</span>` : nothing;
}
