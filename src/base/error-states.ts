/**
 * Templates and messages every element shares for its error states, so each failure reads
 * the same across the flow and is translated once.
 */
import { html, isServer, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import { TaskStatus } from '@lit/task';
import { isAbort, toAdapterError } from '../adapter/errors.js';
import type { AdapterErrorCode, TnAdapterError } from '../adapter/errors.js';

/**
 * What a failed call means for the user: the error to show and report, or `undefined` when
 * the call was only aborted (nobody wants that answer any more: nothing to show or report).
 */
export function adapterFailure(error: unknown): TnAdapterError | undefined {
  return isAbort(error) ? undefined : toAdapterError(error);
}

/** The error a `@lit/task` Task ended with, unless it was only aborted. */
export function taskFailure(task: { readonly status: TaskStatus; readonly error?: unknown }): TnAdapterError | undefined {
  return task.status === TaskStatus.ERROR ? adapterFailure(task.error) : undefined;
}

/** What {@link rerun} needs of a `@lit/task` Task. */
interface Rerunnable {
  readonly status: TaskStatus;
  run(): Promise<void>;
}

/**
 * Runs a read again for "Try again", unless it is already running: fifty clicks before the
 * element re-renders are one request, not fifty (each would abort the one before).
 */
export function rerun(task: Rerunnable): void {
  if (task.status !== TaskStatus.PENDING) void task.run();
}

/** A sentence for the user saying what went wrong, by error code. */
export function errorMessage(code: AdapterErrorCode): string {
  switch (code) {
    case 'network':
      return msg("We couldn't reach the network. Check your connection and try again.", {
        desc: 'Error: the request did not reach the server',
      });
    case 'timeout':
      return msg('The network took too long to answer. Please try again.', { desc: 'Error: request timed out' });
    case 'unauthorized':
      return msg('Your session has expired. Sign in again, then try again.', {
        desc: 'Error: not authenticated (HTTP 401)',
      });
    case 'forbidden':
      return msg("Your account isn't allowed to do this. Ask your administrator for access.", {
        desc: 'Error: authenticated but not permitted (HTTP 403)',
      });
    case 'not-found':
      return msg("We couldn't find what you asked for. It may have been removed.", {
        desc: 'Error: resource not found (HTTP 404)',
      });
    case 'conflict':
      return msg('Something changed in the meantime. Refresh and try again.', {
        desc: 'Error: conflicting state (HTTP 409)',
      });
    case 'invalid':
      return msg('Some details need correcting.', { desc: 'Error: the server rejected the input' });
    case 'rate-limited':
      return msg('Too many requests just now. Wait a moment, then try again.', {
        desc: 'Error: rate limited (HTTP 429)',
      });
    case 'unavailable':
      return msg('The network is unavailable right now. Please try again shortly.', {
        desc: 'Error: service unavailable (HTTP 503)',
      });
    case 'bad-response':
      return msg('The network sent an answer we could not read. Please try again.', {
        desc: 'Error: malformed response',
      });
    case 'aborted':
      return msg('The request was cancelled.', { desc: 'Error: request aborted' });
    case 'unsupported':
      return msg('Not available in this portal.', {
        desc: 'Error: the host portal did not implement this feature (adapter method missing); retrying cannot help',
      });
  }
}

/**
 * An error notice with a "Try again" button (`part="error"`, `part="retry"`). A feature the
 * adapter does not offer (`unsupported`) gets no button: trying again cannot help.
 */
export function renderErrorNotice(
  lead: string,
  code: AdapterErrorCode,
  retry: (() => void) | undefined,
): TemplateResult {
  return html`<div class="notice error" part="error" role="alert">
    <span>${lead} ${errorMessage(code)}</span>
    ${retry && code !== 'unsupported'
      ? html`<button class="button" part="retry" type="button" @click=${retry}>
          ${msg('Try again', { desc: 'Button: retry a failed request' })}
        </button>`
      : nothing}
  </div>`;
}

/**
 * The visible state of an element that has no adapter: never a silent blank box. On a server
 * (`@lit-labs/ssr`) there is no adapter yet, only the page the browser will get: the element
 * renders nothing there (an empty shell with its styles), and the browser renders its content
 * once the element upgrades and finds its adapter.
 */
export function renderNotConfigured(tag: string): TemplateResult {
  if (isServer) return html``;
  return html`<div class="notice error" part="error not-configured" role="alert">
    <span>
      ${msg('This component is not configured: it has no connection to the network.', {
        desc: 'Shown when the host page gave the element no adapter',
      })}
      <code>&lt;${tag}&gt;</code>
    </span>
  </div>`;
}
