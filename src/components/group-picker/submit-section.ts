/**
 * The end of the request form: the Connect button (busy while the request is on its way),
 * why the last submission failed, and a polite announcement while it is being sent.
 */
import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { msg } from '@lit/localize';
import type { TnAdapterError } from '../../adapter/errors.js';
import { renderErrorNotice } from '../../base/error-states.js';

export interface SubmitSection {
  /** The request is on its way. */
  busy: boolean;
  /** Why the last submission failed, if it did. */
  error?: TnAdapterError;
  retry(): void;
}

export function renderSubmitSection({ busy, error, retry }: SubmitSection): TemplateResult {
  return html`${error && error.code !== 'invalid'
      ? renderErrorNotice(
          msg("Couldn't send your request.", { desc: 'Lead of the error when a connection request fails' }),
          error.code,
          retry,
        )
      : nothing}
    <div class="actions">
      <button
        part="submit"
        class="button primary"
        type="submit"
        aria-disabled=${busy ? 'true' : 'false'}
        aria-describedby=${ifDefined(error?.code === 'invalid' ? 'invalid-summary' : undefined)}
      >
        ${busy ? msg('Connecting…') : msg('Connect')}
      </button>
      ${error?.code === 'invalid'
        ? html`<p id="invalid-summary" class="field-error" role="alert">${msg('Some details need correcting.', {
            desc: 'Error: the server rejected the input',
          })}</p>`
        : nothing}
    </div>
    <div class="visually-hidden" role="status">${busy ? msg('Sending your request…') : ''}</div>`;
}
