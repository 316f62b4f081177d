/**
 * Unsent form values kept in the tab's `sessionStorage`, so that a reload (or coming back to
 * the page in the same tab) finds the form as the user left it. Opt-in: an element keeps
 * drafts only while its `keep-drafts` attribute is set, because a host may not want what is
 * typed written to storage.
 *
 * A draft belongs to a scope (the customer a request is for, the verification an answer is
 * for): it is restored once when that scope first shows, written after every update that
 * changed a value, and removed when every value is empty again or the form is finished (the
 * request or answer was accepted). Only strings are kept, never a file. Storage that throws
 * (disabled, full, a sandboxed frame) keeps no draft: the form works as without the option.
 *
 * This module is what the public API needs (`clearDrafts`); the forms' controller is
 * `draft-controller.ts`, fetched with the forms in the script-tag builds.
 */
/** Prefix of every draft's storage key. */
const DRAFT_KEY_PREFIX = 'tn-draft:';

/**
 * Removes every draft the elements kept in `storage` (the tab's `sessionStorage` by
 * default) — for a host's sign-out, or a "start again" of its own.
 */
export function clearDrafts(storage: Storage = sessionStorage): void {
  for (const key of Object.keys(storage)) if (key.startsWith(DRAFT_KEY_PREFIX)) storage.removeItem(key);
}

/** Storage key of one form's draft for one scope. */
export const draftKey = (kind: string, scope: string) => `${DRAFT_KEY_PREFIX}${kind}:${scope}`;

/** Removes the draft of one form (`kind`, e.g. "request") for one `scope` — a host's "start over". */
export function discardDraft(kind: string, scope: string): void {
  try {
    sessionStorage.removeItem(draftKey(kind, scope));
  } catch {
    // No storage: nothing was kept.
  }
}
