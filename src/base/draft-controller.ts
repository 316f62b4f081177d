/**
 * The controller a form uses to keep its unsent values as a draft (what a draft is, where it
 * is kept and when it is removed: `draft.ts`).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { draftKey } from './draft.js';

/** The values a form keeps: field name → text typed. */
export type DraftValues = Record<string, string>;

export interface DraftOptions<T extends DraftValues> {
  /** What the form is ("request", "verification"): part of the storage key. */
  kind: string;
  /** Whether the host keeps drafts now (its `keep-drafts` attribute). */
  enabled(): boolean;
  /** What the values belong to (a customer, a verification), or undefined while unknown. */
  scope(): string | undefined;
  /** Whether the form is finished: its draft is removed and no longer written. */
  finished(): boolean;
  /** The values now. */
  read(): T;
  /** Puts back the values of a saved draft (only the known fields, each a string). */
  restore(values: Partial<T>): void;
}

export class DraftController<T extends DraftValues> implements ReactiveController {
  /** Key whose draft was restored (or found absent): each scope is restored once. */
  private restoredKey?: string;
  /** What was last written, under which key. */
  private written?: { key: string; json: string };

  constructor(
    host: ReactiveControllerHost,
    private readonly options: DraftOptions<T>,
  ) {
    host.addController(this);
  }

  /** Restores a scope's draft before the update that first shows it renders. */
  hostUpdate(): void {
    const key = this.key();
    if (key === undefined || key === this.restoredKey || this.options.finished()) return;
    this.restoredKey = key;
    const saved = this.load(key);
    if (!saved) return;
    this.options.restore(saved);
    this.written = { key, json: JSON.stringify(this.options.read()) };
  }

  /** Writes what changed (or removes the draft when empty or finished). */
  hostUpdated(): void {
    const key = this.key();
    if (key === undefined) return;
    if (this.options.finished()) {
      this.restoredKey = key;
      if (this.written?.key !== key || this.written.json !== '') this.remove(key, '');
      return;
    }
    const values = this.options.read();
    const json = JSON.stringify(values);
    if (this.written?.key === key && this.written.json === json) return;
    if (Object.values(values).every((value) => value === '')) this.remove(key, json);
    else this.store(key, json);
  }

  /**
   * Forgets the current scope's draft (the user started over): removed from storage, and
   * written again only once a value changes.
   */
  discard(): void {
    const key = this.key();
    if (key !== undefined) this.remove(key, JSON.stringify(this.options.read()));
  }

  private key(): string | undefined {
    const scope = this.options.enabled() ? this.options.scope() : undefined;
    return scope === undefined ? undefined : draftKey(this.options.kind, scope);
  }

  /** The saved draft's known string fields, or undefined (none, or not readable). */
  private load(key: string): Partial<T> | undefined {
    let parsed: unknown;
    try {
      const text = sessionStorage.getItem(key);
      parsed = text === null ? undefined : JSON.parse(text);
    } catch {
      return undefined;
    }
    if (typeof parsed !== 'object' || parsed === null) return undefined;
    const known = Object.keys(this.options.read());
    const values = Object.fromEntries(
      Object.entries(parsed).filter(([name, value]) => known.includes(name) && typeof value === 'string'),
    ) as Partial<T>;
    return Object.keys(values).length > 0 ? values : undefined;
  }

  private store(key: string, json: string): void {
    try {
      sessionStorage.setItem(key, json);
      this.written = { key, json };
    } catch {
      // No storage (disabled, full, sandboxed): the form simply keeps no draft.
    }
  }

  /** Removes the draft; `json` is what the values were then ('' once finished). */
  private remove(key: string, json: string): void {
    try {
      sessionStorage.removeItem(key);
    } catch {
      // As above: nothing was kept.
    }
    this.written = { key, json };
  }
}
