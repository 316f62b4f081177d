/**
 * The verification's unsent answers kept with `keep-drafts` (see `base/draft.ts`). The
 * challenge's answers are kept with the invoice they answer, and put back only while the
 * network still names that invoice.
 */
import type { ReactiveControllerHost } from 'lit';
import type { VerificationSession } from '../../adapter/types.js';
import { DraftController } from '../../base/draft-controller.js';
import type { Typed } from './read-answer.js';

export interface AnswersDraftOptions {
  enabled(): boolean;
  /** The verification the answers are for. */
  session(): VerificationSession | undefined;
  /** Whether no form is on screen any more (verified, locked, a support case). */
  finished(): boolean;
  evidence(): Typed;
  challenge(): Typed;
  /** Puts the saved answers back; `challenge` only when they answer the invoice asked now. */
  restore(evidence: Typed, challenge: Typed | undefined): void;
}

export function keepAnswerDrafts(host: ReactiveControllerHost, options: AnswersDraftOptions): void {
  new DraftController(host, {
    kind: 'verification',
    enabled: options.enabled,
    scope: () => options.session()?.id,
    finished: options.finished,
    read: () => {
      const evidence = options.evidence();
      const challenge = options.challenge();
      const answered = challenge.invoiceDate !== '' || challenge.amount !== '';
      return {
        invoiceNumber: evidence.invoiceNumber,
        invoiceDate: evidence.invoiceDate,
        amount: evidence.amount,
        challengeInvoice: answered ? (options.session()?.challenge?.invoiceNumber ?? '') : '',
        challengeDate: challenge.invoiceDate,
        challengeAmount: challenge.amount,
      };
    },
    restore: (saved) => {
      const evidence = { invoiceNumber: saved.invoiceNumber ?? '', invoiceDate: saved.invoiceDate ?? '', amount: saved.amount ?? '' };
      const invoice = options.session()?.challenge?.invoiceNumber;
      const challenge =
        invoice && saved.challengeInvoice === invoice
          ? { invoiceNumber: '', invoiceDate: saved.challengeDate ?? '', amount: saved.challengeAmount ?? '' }
          : undefined;
      options.restore(evidence, challenge);
    },
  });
}
