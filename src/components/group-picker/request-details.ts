/**
 * The details of a connection request: the supplier's vendor code, notes, and a supporting
 * document (dropped or chosen, checked before anything is sent, and uploaded first when the
 * adapter can upload). The picker's form renders it as its "details" section.
 */
import { html, nothing } from 'lit';
import type { ReactiveControllerHost, TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { msg, str } from '@lit/localize';
import type { AttachmentInput, CustomerConnectAdapter } from '../../adapter/types.js';
import { formatCount } from '../../localization/format.js';
import { getLocale } from '../../localization/localization.js';
import { checkAttachment, formatBytes } from './attachment.js';
import type { AttachmentProblem } from './attachment.js';
import { renderFieldError } from '../../base/field-errors.js';
import { inOwnLanguage } from '../../base/tn-element.js';
import type { Field, FieldErrors } from './fields.js';

/** What the details need of the element that shows them. */
export interface DetailsHost extends ReactiveControllerHost, Element {
  readonly renderRoot: HTMLElement | DocumentFragment;
  /** Attachment types allowed, as in `<input accept>`. */
  readonly accept: string;
  /** Largest attachment accepted, in bytes. */
  readonly maxAttachmentSize: number;
  readonly vendorCodeMaxLength: number;
  readonly notesMaxLength: number;
}

export interface DetailsOptions {
  /** The form's errors now. */
  errors(): FieldErrors;
  /** Shows (or, undefined, clears) a field's error. */
  setError(field: Field, message: string | undefined): void;
  /** Whether the customer (or a ticked entity) requires the vendor code. */
  vendorCodeRequired(): boolean;
}

export class RequestDetails {
  vendorCode = '';
  notes = '';
  file?: File;
  /** Share of the attachment uploaded (0–1) while it uploads. */
  private uploadProgress?: number;
  private dragging = false;

  constructor(
    private readonly host: DetailsHost,
    private readonly options: DetailsOptions,
  ) {}

  // The host's settings, read where they are used (the translations' placeholders name them so).
  private get accept(): string {
    return this.host.accept;
  }

  private get maxAttachmentSize(): number {
    return this.host.maxAttachmentSize;
  }

  private get notesMaxLength(): number {
    return this.host.notesMaxLength;
  }

  /** Empties every field. */
  clear(): void {
    this.vendorCode = '';
    this.notes = '';
    this.file = undefined;
    this.host.requestUpdate();
  }

  /** Attaches `file` if it is acceptable; otherwise says why and keeps what was there. */
  attach(file: File): void {
    const problem = checkAttachment(file, this.accept, this.maxAttachmentSize);
    if (problem) {
      this.options.setError('attachment', inOwnLanguage(this.host, () => this.attachmentMessage(problem, file)));
      return;
    }
    this.file = file;
    this.options.setError('attachment', undefined);
    this.host.requestUpdate();
  }

  /**
   * The attachment to send with the request: the file itself, or — when the adapter can
   * upload — the upload of it, made once per submission (`submission.uploadId` keeps it, so
   * a retry does not upload again). `uploading` is called before an upload starts.
   */
  async attachmentFor(
    adapter: CustomerConnectAdapter,
    signal: AbortSignal,
    submission: { uploadId?: string },
    uploading: () => void,
  ): Promise<AttachmentInput | undefined> {
    const file = this.file;
    if (!file) return undefined;
    if (!adapter.uploadAttachment) return { kind: 'inline', file, name: file.name };
    if (!submission.uploadId) {
      uploading();
      this.setProgress(0);
      const uploaded = await adapter.uploadAttachment(file, file.name, {
        signal,
        onProgress: (loaded, total) => this.setProgress(total > 0 ? loaded / total : 0),
      });
      submission.uploadId = uploaded.id;
    }
    return { kind: 'uploaded', id: submission.uploadId, name: file.name };
  }

  /** The request was answered or failed: no progress to show any more. */
  settled(): void {
    this.setProgress(undefined);
  }

  render(): TemplateResult {
    const errors = this.options.errors();
    const vendorError = errors.vendorCode;
    const notesError = errors.notes;
    const required = this.options.vendorCodeRequired();
    return html`<section part="section details" class="section">
      <div part="field" class="field">
        <label for="vendor-code">
          ${msg('Vendor code')}
          ${required ? html`<span class="required">${msg('(required by this customer)')}</span>` : nothing}
        </label>
        <input
          id="vendor-code"
          data-field="vendorCode"
          autocomplete="off"
          maxlength=${this.host.vendorCodeMaxLength}
          .value=${live(this.vendorCode)}
          aria-required=${required ? 'true' : 'false'}
          aria-invalid=${vendorError ? 'true' : 'false'}
          aria-describedby=${vendorError ? 'vendor-code-hint vendor-code-error' : 'vendor-code-hint'}
          @input=${this.onVendorCodeInput}
        />
        <p id="vendor-code-hint" class="hint">${msg('Your supplier ID in this customer’s books.')}</p>
        ${renderFieldError('vendor-code-error', vendorError)}
      </div>
      <div part="field" class="field">
        <label for="notes">${msg('Notes')}</label>
        <textarea
          id="notes"
          data-field="notes"
          rows="3"
          maxlength=${this.notesMaxLength}
          .value=${live(this.notes)}
          aria-invalid=${notesError ? 'true' : 'false'}
          aria-describedby=${notesError ? 'notes-count notes-error' : 'notes-count'}
          @input=${this.onNotesInput}
        ></textarea>
        <p id="notes-count" class="hint counter">
          ${msg(str`${formatCount(this.notes.length)} / ${formatCount(this.notesMaxLength)} characters`, {
            desc: 'Counter under the notes field',
          })}
        </p>
        ${renderFieldError('notes-error', notesError)}
      </div>
      ${this.renderAttachment(errors.attachment)}
    </section>`;
  }

  private renderAttachment(error: string | undefined): TemplateResult {
    const locale = getLocale();
    const file = this.file;
    return html`<div part="field" class="field">
      <span class="label" id="attachment-label">${msg('Attachment')}</span>
      <p id="attachment-hint" class="hint">
        ${msg(
          'If you have a supporting document to identify your company to the chosen customer, attach it here: e.g. a purchase order, invoice, remittance advice or contract.',
        )}
        ${msg(str`Up to ${formatBytes(this.maxAttachmentSize, locale)}.`, { desc: 'Largest attachment allowed' })}
      </p>
      <div
        part="dropzone"
        class="dropzone ${this.dragging ? 'dragging' : ''}"
        @dragover=${this.onDragOver}
        @dragleave=${this.onDragLeave}
        @drop=${this.onDrop}
      >
        ${file
          ? html`<span class="file">
                <span class="file-name">${file.name}</span>
                <span class="file-size">${formatBytes(file.size, locale)}</span>
              </span>
              <button
                class="button"
                type="button"
                data-field="attachment"
                aria-describedby=${ifDefined(error ? 'attachment-error' : undefined)}
                @click=${this.removeFile}
              >
                ${msg('Remove')}<span class="visually-hidden"> ${file.name}</span>
              </button>`
          : html`<span class="drop-hint">${msg('Drop a file here, or')}</span>
              <button
                class="button"
                type="button"
                data-field="attachment"
                aria-describedby=${error ? 'attachment-hint attachment-error' : 'attachment-hint'}
                @click=${this.chooseFile}
              >
                ${msg('Select a file')}
              </button>`}
        <input
          class="visually-hidden"
          type="file"
          tabindex="-1"
          aria-hidden="true"
          accept=${this.accept}
          @change=${this.onFileChosen}
        />
      </div>
      ${this.uploadProgress !== undefined
        ? html`<progress class="progress" max="1" .value=${this.uploadProgress} aria-label=${msg('Uploading the attachment')}></progress>`
        : nothing}
      ${renderFieldError('attachment-error', error)}
    </div>`;
  }

  // Listeners are arrow functions: Lit calls them with the element as `this`.

  private readonly onVendorCodeInput = (event: Event): void => {
    this.vendorCode = (event.target as HTMLInputElement).value;
    this.options.setError('vendorCode', undefined);
    this.host.requestUpdate();
  };

  private readonly onNotesInput = (event: Event): void => {
    this.notes = (event.target as HTMLTextAreaElement).value;
    this.options.setError('notes', undefined);
    this.host.requestUpdate();
  };

  private readonly onDragOver = (event: DragEvent): void => {
    event.preventDefault();
    this.setDragging(true);
  };

  private readonly onDragLeave = (): void => this.setDragging(false);

  private readonly onDrop = (event: DragEvent): void => {
    event.preventDefault();
    this.setDragging(false);
    const file = event.dataTransfer?.files[0];
    if (file) this.attach(file);
  };

  private readonly chooseFile = (): void => {
    this.host.renderRoot.querySelector<HTMLInputElement>('input[type="file"]')?.click();
  };

  private readonly onFileChosen = (event: Event): void => {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (file) this.attach(file);
  };

  private readonly removeFile = (): void => {
    this.file = undefined;
    this.host.requestUpdate();
    void this.host.updateComplete.then(() =>
      this.host.renderRoot.querySelector<HTMLElement>('[data-field="attachment"]')?.focus(),
    );
  };

  private setDragging(dragging: boolean): void {
    if (dragging === this.dragging) return;
    this.dragging = dragging;
    this.host.requestUpdate();
  }

  private setProgress(progress: number | undefined): void {
    this.uploadProgress = progress;
    this.host.requestUpdate();
  }

  private attachmentMessage(problem: AttachmentProblem, file: File): string {
    const locale = getLocale();
    switch (problem) {
      case 'empty':
        return msg(str`“${file.name}” is empty. Choose a file with content.`);
      case 'size':
        return msg(
          str`“${file.name}” is ${formatBytes(file.size, locale)}; the largest file accepted is ${formatBytes(this.maxAttachmentSize, locale)}.`,
        );
      case 'type':
        return msg(str`“${file.name}” is not an accepted type. Accepted: ${this.accept.split(',').join(', ')}.`);
    }
  }
}
