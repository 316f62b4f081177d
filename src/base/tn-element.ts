import { LitElement } from 'lit';
import type { PropertyValues, ReactiveController } from 'lit';
import { Task, TaskStatus } from '@lit/task';
import { property } from 'lit/decorators.js';
import { ContextConsumer } from '@lit/context';
import { updateWhenLocaleChanges } from '@lit/localize';
import { adapterContext, ensureContextRoot } from '../adapter/context.js';
import type { CustomerConnectAdapter } from '../adapter/types.js';
import { checkedAdapter, DEFAULT_ADAPTER_TIMEOUT_MS } from '../adapter/checked-adapter.js';
import type { AnswerChecks } from '../adapter/checked-adapter.js';
import type { TnAdapterError } from '../adapter/errors.js';
import { adapterFailure, taskFailure } from './error-states.js';
import { elementLocale, ensureLocalization, renderingIn } from '../localization/localization.js';
import { trackInputModality } from './heading-focus.js';
import { VERSION } from './version.js';
import { clampToRange } from './numeric-range.js';
import type { NumericRange } from './numeric-range.js';

/** `adapter-timeout`: 1 s to 10 min, or 0 to wait for ever. */
const ADAPTER_TIMEOUT_RANGE: NumericRange = {
  attribute: 'adapter-timeout',
  min: 1,
  max: 600,
  fallback: DEFAULT_ADAPTER_TIMEOUT_MS / 1000,
  zeroTurnsOff: true,
};

type EventDetail<K extends keyof GlobalEventHandlersEventMap> =
  GlobalEventHandlersEventMap[K] extends CustomEvent<infer D> ? D : never;

/**
 * Registers `tag` for `ctor`, safely: nothing happens when the same class already holds the
 * tag, and a warning (no exception) names both versions when another copy of the library
 * does — our script-tag build may load twice on one page.
 */
export function defineElement(tag: string, ctor: CustomElementConstructor & { version?: string }): void {
  const existing = customElements.get(tag) as (CustomElementConstructor & { version?: string }) | undefined;
  if (!existing) {
    customElements.define(tag, ctor);
    return;
  }
  if (existing === ctor) return;
  console.warn(
    `tn-customer-connect: <${tag}> is already defined (version ${existing.version ?? 'unknown'}); ` +
      `this copy (version ${ctor.version ?? 'unknown'}) was not registered.`,
  );
}

/**
 * Base of every tn-* element that talks to the network: typed events, localization and the
 * adapter, resolved as (1) the `adapter` property, (2) the nearest provider through
 * `@lit/context`, (3) none — and then the element renders a visible "not configured" error.
 *
 * Every element built on it includes the design tokens (src/styles/tokens.ts): the CSS
 * custom properties below are documented here once, and each element inherits them in
 * custom-elements.json. Set them on the element or on any ancestor (they inherit).
 *
 * @csspart error - An error notice (also the "not configured" one).
 * @csspart not-configured - The notice shown when the element has no adapter.
 *
 * @cssprop [--tn-font-family=inherit] - Font of every text; by default the host page's own.
 * @cssprop [--tn-font-size=1em] - Base font size, by default the size the element inherits (not the root's); the other sizes are relative to it.
 * @cssprop [--tn-color-text=light-dark(#1d2733, #e6edf3)] - Text colour.
 * @cssprop [--tn-color-text-muted=light-dark(#4f5b69, #a3afbd)] - Secondary text: hints, details, counts, table headings.
 * @cssprop [--tn-color-surface=light-dark(#ffffff, #161b22)] - Background of fields, buttons and panels.
 * @cssprop [--tn-color-surface-alt=light-dark(#f3f6f9, #222a35)] - Background of notices, boxes and table dividers.
 * @cssprop [--tn-color-border=light-dark(#8a96a3, #6e7b8b)] - Borders of fields, cards and tables.
 * @cssprop [--tn-color-accent=light-dark(#0a58a8, #6cb6ff)] - Buttons, links, selection and the current step.
 * @cssprop [--tn-color-accent-text=light-dark(#ffffff, #0d1117)] - Text on the accent colour (primary buttons).
 * @cssprop [--tn-color-danger=light-dark(#b3261e, #ff938a)] - Error text and error borders.
 * @cssprop [--tn-color-danger-surface=light-dark(#fdecea, #3d1d1c)] - Background of error notices.
 * @cssprop [--tn-color-success=light-dark(#1e7b34, #7ee0a0)] - Success: the Connected status, completed steps.
 * @cssprop [--tn-color-warning-surface=light-dark(#fff4d6, #3a3000)] - Background of warnings: stale data, pending statuses.
 * @cssprop [--tn-color-highlight=light-dark(#fff0a8, #6b5a00)] - Background of the text that matched a search.
 * @cssprop [--tn-color-active=light-dark(#e3effb, #1c3352)] - Background of the row or result the keyboard is on.
 * @cssprop [--tn-radius=4px] - Corner radius of fields, buttons, notices and panels.
 * @cssprop [--tn-space=0.5em] - Spacing unit: gaps and paddings are multiples of it.
 * @cssprop [--tn-density=1] - Height of buttons, fields and rows, a number: `0.85` compact, `1.2` roomy (below `0.75`, controls fall under WCAG 2.2's 24 px target size).
 * @cssprop [--tn-focus-ring=2px solid light-dark(#1a73e8, #8cc8ff)] - The focus indicator (an `outline` value); keep it visible: 3:1 against the page.
 * @cssprop [--tn-color-canvas=var(--tn-color-surface, light-dark(#ffffff, #161b22))] - What the element paints behind itself, so its text keeps its contrast on any page; `transparent` shows the page.
 * @cssprop [--tn-preferred-width=40em] - Width the element takes where its container leaves the choice to it (a dialog, a flex row item, an inline-block, a float); it still shrinks to narrower space.
 * @cssprop [--tn-shadow=0 4px 16px light-dark(rgb(0 0 0 / 0.16), rgb(0 0 0 / 0.6))] - Shadow of floating panels (search results).
 */
export class TnElement extends LitElement {
  /** The library version of this copy. */
  static readonly version = VERSION;

  /** The element's `@lit/task`s (they register as controllers), to abort them on removal. */
  private readonly tasks = new Set<Task>();
  /** Fetches cut short by a removal: run again when the element is put back. */
  private readonly interrupted = new Set<Task>();

  private readonly adapterConsumer = new ContextConsumer(this, {
    context: adapterContext,
    subscribe: true,
  });

  /** The adapter this element talks to. When unset, one provided by an ancestor is used. */
  @property({ attribute: false }) adapter?: CustomerConnectAdapter;

  /**
   * Seconds the element waits for one adapter call before it gives up and shows a "took too
   * long" error with "Try again" (the call's `signal` is aborted). 1–600, or 0 to wait for
   * ever. An upload's clock restarts each time it reports progress.
   */
  @property({ type: Number, attribute: 'adapter-timeout' }) adapterTimeout = DEFAULT_ADAPTER_TIMEOUT_MS / 1000;

  /** The last adapter seen, and the checked view of it the element calls. */
  private checked?: { raw: CustomerConnectAdapter; view: CustomerConnectAdapter };

  constructor() {
    super();
    ensureLocalization();
    updateWhenLocaleChanges(this);
  }

  /**
   * Documented ranges of the element's numeric properties, by property name: a value outside
   * is clamped into its range, with a console warning.
   * @internal
   */
  protected static numericRanges: Readonly<Record<string, NumericRange>> = {};

  /**
   * The adapter operations the element calls, each with the schema its answer must match
   * (`adapter/schemas.ts`, `adapter/later-schemas.ts`); `api` offers these and no others.
   * @internal
   */
  protected static answers: AnswerChecks = {};

  /** Clamps numeric properties into their documented ranges (`numericRanges`). */
  protected override willUpdate(changed: PropertyValues): void {
    const ranges = { adapterTimeout: ADAPTER_TIMEOUT_RANGE, ...(this.constructor as typeof TnElement).numericRanges };
    for (const [key, range] of Object.entries(ranges)) {
      if (!changed.has(key)) continue;
      const self = this as unknown as Record<string, number>;
      const value = self[key];
      const clamped = clampToRange(value, range);
      if (Object.is(clamped, value)) continue;
      console.warn(
        `tn-customer-connect: <${this.localName}> ${range.attribute}="${value}" is outside ${range.min}–${range.max}${
          range.zeroTurnsOff ? ' (or 0)' : ''
        }; using ${clamped}.`,
      );
      self[key] = clamped;
    }
  }

  /**
   * A server-rendered page (`@lit-labs/ssr`) gives the element a declarative shadow root
   * holding an empty shell (no adapter exists on a server): the browser replaces it with the
   * real content instead of rendering beside it.
   * @internal
   */
  protected override createRenderRoot(): HTMLElement | DocumentFragment {
    this.shadowRoot?.replaceChildren();
    return super.createRenderRoot();
  }

  /**
   * An update in the element's own language: `lang` on the element or its nearest ancestor
   * (`<html>` aside, which sets the page's) decides what `msg()` and `getLocale()` give while
   * it renders, so two languages can share a page.
   * @internal
   */
  protected override performUpdate(): void {
    inOwnLanguage(this, () => super.performUpdate());
  }

  /**
   * Lit's `addController`; also keeps the element's tasks, to abort them on removal.
   * @internal
   */
  override addController(controller: ReactiveController): void {
    super.addController(controller);
    if (controller instanceof Task) this.tasks.add(controller);
  }

  override connectedCallback(): void {
    ensureContextRoot(this.ownerDocument);
    trackInputModality(this.ownerDocument);
    super.connectedCallback();
    for (const task of this.interrupted) void task.run();
    this.interrupted.clear();
  }

  /**
   * Removed from the page: every pending request is aborted (its `signal` fires; no error is
   * shown or reported). Reads start again if the element is put back; a write (a task that
   * only runs on demand, like a submission) is not repeated by itself.
   */
  override disconnectedCallback(): void {
    super.disconnectedCallback();
    for (const task of this.tasks) {
      if (task.status !== TaskStatus.PENDING) continue;
      task.abort();
      if (task.autoRun !== false) this.interrupted.add(task);
    }
  }

  /** The adapter in effect: the property, else the provided one, else `undefined`. */
  protected get resolvedAdapter(): CustomerConnectAdapter | undefined {
    return this.adapter ?? this.adapterConsumer.value;
  }

  /**
   * What the element calls: the adapter in effect, with every answer validated, every failure
   * a `TnAdapterError` and every call given up after `adapter-timeout` (see
   * `adapter/checked-adapter.ts`). The same object for as long as the adapter is the same, so
   * it can stand in a task's arguments.
   */
  protected get api(): CustomerConnectAdapter | undefined {
    const raw = this.resolvedAdapter;
    if (!raw) return undefined;
    if (this.checked?.raw !== raw) {
      const checks = (this.constructor as typeof TnElement).answers;
      this.checked = { raw, view: checkedAdapter(raw, checks, () => this.adapterTimeout * 1000) };
    }
    return this.checked.view;
  }

  /**
   * Reports a failed adapter call as `tn-error` — every element's one way to — and returns
   * the error to show; an abort is neither reported nor returned (nobody wants that answer
   * any more). `retry` runs the call again, as the element's "Try again" button does.
   */
  protected reportError(operation: keyof CustomerConnectAdapter, error: unknown, retry: () => void): TnAdapterError | undefined {
    const failure = adapterFailure(error);
    if (failure) this.emit('tn-error', { operation, code: failure.code, error: failure, retry });
    return failure;
  }

  /** The error a task ended with, unless it was only aborted. */
  protected failureOf(task: Task): TnAdapterError | undefined {
    return taskFailure(task);
  }

  /**
   * Dispatches a typed `tn-*` event that bubbles and crosses shadow roots. Returns `false`
   * when a listener called `preventDefault()` on a cancelable event.
   */
  protected emit<K extends keyof GlobalEventHandlersEventMap & `tn-${string}`>(
    name: K,
    detail: EventDetail<K>,
    options: { cancelable?: boolean } = {},
  ): boolean {
    return this.dispatchEvent(
      new CustomEvent(name, { detail, bubbles: true, composed: true, cancelable: options.cancelable ?? false }),
    );
  }
}

/**
 * Runs `work` in `element`'s own language (its `lang` or its nearest ancestor's), as its
 * updates run: for what an element words or reads outside its render, such as the field errors
 * and the amounts and dates read when the user submits a form.
 */
export function inOwnLanguage<T>(element: Element, work: () => T): T {
  return renderingIn(elementLocale(element), work);
}
