/**
 * The demo network's pure rules: what makes evidence, a challenge answer and an attachment
 * valid, when an answer matches an invoice, what counts as the same connection request,
 * how dates and decimals are read, how processing deadlines and sequential IDs are made,
 * search paging, which requests skip an entity, which cases are open, which invoice the
 * challenge asks for.
 * No state: every function answers from its arguments alone.
 *
 * Dates: processing deadlines count business days (Monday–Friday) in UTC.
 */
import type { FieldError } from '../errors.js';
import type {
  AttachmentInput,
  ChallengeAnswer,
  ConnectionRequest,
  InvoiceEvidence,
  Money,
  RelationshipStatus,
  SkippedEntity,
  SupportCase,
} from '../types.js';
import type { DemoInvoice } from './data.js';
import { compareText } from './directory-index.js';

/** The largest attachment the network accepts. */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
/** The longest search text, in UTF-16 code units. */
export const MAX_QUERY_LENGTH = 200;
/** The longest vendor code (after trimming) a connection request may carry. */
export const MAX_VENDOR_CODE_LENGTH = 50;
/** The longest notes a connection request may carry. */
export const MAX_NOTES_LENGTH = 1000;
/** Wrong answers a verification takes before it locks. */
export const MAX_VERIFICATION_ATTEMPTS = 3;
/** Search results per page when the query does not say. */
const DEFAULT_PAGE_SIZE = 20;
/** The most search results one page holds. */
const MAX_PAGE_SIZE = 100;
/** Business days between a support case's opening and its processing deadline. */
export const PROCESSING_BUSINESS_DAYS = 2;

/** Adds business days (Monday–Friday, UTC), keeping the time of day. */
export function addBusinessDays(start: Date, days: number): Date {
  const result = new Date(start.getTime());
  let added = 0;
  while (added < days) {
    result.setUTCDate(result.getUTCDate() + 1);
    const weekday = result.getUTCDay();
    if (weekday !== 0 && weekday !== 6) added++;
  }
  return result;
}

/** `"4508"`, `"4508.0"` and `"04508.00"` all give `"4508"`; not a decimal string gives undefined. */
function canonicalDecimal(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const match = /^([+-]?)(\d+)(?:\.(\d+))?$/.exec(value.trim());
  if (!match) return undefined;
  const whole = match[2].replace(/^0+(?=\d)/, '');
  const fraction = (match[3] ?? '').replace(/0+$/, '');
  const sign = match[1] === '-' && (whole !== '0' || fraction !== '') ? '-' : '';
  return `${sign}${whole}${fraction ? `.${fraction}` : ''}`;
}

/** True for a real calendar date written `YYYY-MM-DD`. */
function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const [year, month, day] = value.split('-').map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Invoice numbers compare without surrounding spaces and case. */
export function sameInvoiceNumber(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

/** The values without repeats, in first-seen order. */
export function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}

/** The `n`-th ID of a sequence: `sequenceId('VER', 7)` is `"VER-0007"`. */
export function sequenceId(prefix: string, n: number): string {
  return `${prefix}-${String(n).padStart(4, '0')}`;
}

/** The offset a search cursor stands for (none: 0); undefined for a cursor the network did not issue. */
export function cursorOffset(cursor: string | undefined): number | undefined {
  if (cursor === undefined || cursor === '') return 0;
  return /^\d{1,9}$/.test(cursor) ? Number(cursor) : undefined;
}

/** The page size a search uses: the requested one within 1…{@link MAX_PAGE_SIZE}, or the default. */
export function clampPageSize(pageSize: number | undefined): number {
  if (pageSize === undefined || !Number.isFinite(pageSize)) return DEFAULT_PAGE_SIZE;
  return Math.min(MAX_PAGE_SIZE, Math.max(1, Math.floor(pageSize)));
}

/** Why a request leaves an entity alone, given the account's relationship with it. */
export function skipReason(status: RelationshipStatus | undefined): SkippedEntity['reason'] | undefined {
  if (status === 'connected') return 'already-connected';
  if (status === 'support-case-open' || status === 'pending-customer-confirmation') return 'already-pending';
  return undefined;
}

/** An open or in-progress case: one the attention summary counts. */
export function isOpenCase(supportCase: SupportCase): boolean {
  return supportCase.status === 'open' || supportCase.status === 'in-progress';
}

/** Sort order of support cases: the most recently opened first, then the higher reference. */
export function newestCaseFirst(a: SupportCase, b: SupportCase): number {
  return compareText(b.openedAt, a.openedAt) || Number(b.reference) - Number(a.reference);
}

/**
 * The challenge: another invoice of the history, chosen deterministically from the
 * verification's ID and the invoice just given (never that one); undefined when there is none.
 */
export function chooseChallenge(history: readonly DemoInvoice[], verificationId: string, given: DemoInvoice): DemoInvoice | undefined {
  const others = history.filter((invoice) => !sameInvoiceNumber(invoice.number, given.number));
  if (others.length === 0) return undefined;
  return others[hashText(`${verificationId}|${given.number}`) % others.length];
}

/** FNV-1a: a small stable hash for deterministic choices. */
function hashText(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** A date and an amount given as an answer, checked against the session's currency. */
export function answerErrors(answer: { invoiceDate?: unknown; amount?: Partial<Money> }, currency: string): FieldError[] {
  const errors: FieldError[] = [];
  if (!isIsoDate(answer.invoiceDate)) {
    errors.push({ field: 'invoiceDate', code: answer.invoiceDate ? 'invalid' : 'required' });
  }
  const amount = answer.amount;
  if (canonicalDecimal(amount?.amount) === undefined) {
    errors.push({ field: 'amount', code: amount?.amount ? 'invalid' : 'required' });
  } else if (typeof amount?.currency !== 'string' || amount.currency.toUpperCase() !== currency) {
    errors.push({ field: 'amount', code: 'currency-mismatch', message: `Amounts must be given in ${currency}.` });
  }
  return errors;
}

/** Step 1's evidence: an invoice number, plus a valid date and amount. */
export function evidenceErrors(evidence: Partial<InvoiceEvidence>, currency: string): FieldError[] {
  const numberErrors: FieldError[] =
    typeof evidence.invoiceNumber === 'string' && evidence.invoiceNumber.trim() !== ''
      ? []
      : [{ field: 'invoiceNumber', code: 'required' }];
  return [...numberErrors, ...answerErrors(evidence, currency)];
}

/** True when the invoice has this date and amount (decimals compared exactly). */
export function matchesInvoice(invoice: DemoInvoice, answer: ChallengeAnswer): boolean {
  return (
    invoice.date === answer.invoiceDate &&
    canonicalDecimal(invoice.amount.amount) === canonicalDecimal(answer.amount.amount) &&
    invoice.amount.currency === answer.amount.currency.toUpperCase()
  );
}

/** A request's attachment: named, and either uploaded to this network or small enough. */
export function attachmentErrors(attachment: AttachmentInput | undefined, uploaded: ReadonlySet<string>): FieldError[] {
  if (attachment === undefined) return [];
  if (typeof attachment.name !== 'string' || attachment.name.trim() === '') {
    return [{ field: 'attachment', code: 'required', message: 'The attachment needs a file name.' }];
  }
  if (attachment.kind === 'uploaded') {
    return uploaded.has(attachment.id) ? [] : [{ field: 'attachment', code: 'unknown' }];
  }
  return attachment.file.size > MAX_ATTACHMENT_BYTES ? [{ field: 'attachment', code: 'too-large' }] : [];
}

/** What makes two connection requests the same request, for an idempotency key's replay. */
export function connectionFingerprint(request: ConnectionRequest): string {
  const attachment = request.attachment;
  return JSON.stringify([
    request.accountId,
    unique(request.entityIds ?? []).sort(),
    (request.vendorCode ?? '').trim(),
    request.notes ?? '',
    attachment === undefined ? null : attachment.kind === 'uploaded' ? attachment.id : [attachment.name, attachment.file.size],
  ]);
}
