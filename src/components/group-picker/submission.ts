/**
 * The picker's submissions: one connection request per form content. Sending the same
 * content again — a retry after a failure, or the form kept on screen after an outcome —
 * reuses its idempotency key and its uploaded attachment, so the network answers the same
 * request instead of making a second one.
 */
import type { ConnectionOutcome, ConnectionRequest, CustomerConnectAdapter } from '../../adapter/types.js';
import { newIdempotencyKey } from '../../base/idempotency.js';
import type { RequestDetails } from './request-details.js';

/** What the form held when it was last sent. */
interface Submission {
  key: string;
  fingerprint: string;
  /** The attachment once uploaded: a retry sends the request again without uploading again. */
  uploadId?: string;
}

/** A request without its attachment and key: what the form says. */
export type RequestContent = Omit<ConnectionRequest, 'attachment' | 'idempotencyKey'>;

export class RequestSubmission {
  private last?: Submission;
  /** The adapter call being made (an upload first, then the request): what a failure names. */
  operation: 'uploadAttachment' | 'requestConnection' = 'requestConnection';

  constructor(private readonly details: RequestDetails) {}

  /** Sends `content` with the details' attachment; the same content keeps the same key. */
  async send(adapter: CustomerConnectAdapter, signal: AbortSignal, content: RequestContent): Promise<ConnectionOutcome> {
    const file = this.details.file;
    const fingerprint = JSON.stringify([content, file?.name, file?.size, file?.lastModified]);
    if (this.last?.fingerprint !== fingerprint) this.last = { key: newIdempotencyKey(), fingerprint };
    const submission = this.last;
    const attachment = await this.details.attachmentFor(adapter, signal, submission, () => (this.operation = 'uploadAttachment'));
    const request: ConnectionRequest = {
      ...content,
      ...(attachment ? { attachment } : {}),
      idempotencyKey: submission.key,
    };
    this.operation = 'requestConnection';
    return adapter.requestConnection(request, { signal });
  }

  /** The network answered, or the form was emptied: the next submission is a new request. */
  forget(): void {
    this.last = undefined;
  }

  /** The form field a server field error names: an upload's errors name the file, which is the attachment field. */
  fieldOf(name: string): string {
    return this.operation === 'uploadAttachment' && ['file', 'name'].includes(name) ? 'attachment' : name;
  }
}
