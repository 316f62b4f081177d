/**
 * Reading the verification form: what the supplier typed at step 1 or 2, checked field by
 * field and turned into the answer the adapter takes — or an error for each field that is
 * not right.
 */
import type { ChallengeAnswer, InvoiceEvidence, VerificationResult } from '../../adapter/types.js';
import { TnAdapterError } from '../../adapter/errors.js';
import { parseAmount, parseLocalDate } from '../../localization/parse.js';
import type { FieldErrors } from './field-errors.js';
import type { DateEntry } from './form-fields.js';
import { amountMessage, enterDateText, enterNumberText, futureDateText, invalidDateText } from './messages.js';
import { tooLong } from '../../base/field-errors.js';

/** The two steps that ask the supplier for invoice details. */
export type FormStep = 'evidence' | 'challenge';

/** What the supplier typed, exactly as typed (the fields of both steps are kept apart). */
export interface Typed {
  invoiceNumber: string;
  invoiceDate: string;
  amount: string;
}

export const EMPTY: Typed = { invoiceNumber: '', invoiceDate: '', amount: '' };

/** One submission of a step, ready for the adapter. */
export type Answer = { step: 'evidence'; evidence: InvoiceEvidence } | { step: 'challenge'; answer: ChallengeAnswer };

/** What reading the form depends on besides what was typed. */
export interface FormContext {
  /** The locale amounts are read in (the element's). */
  locale: string;
  /** The verification's currency. */
  currency: string;
  /** Today, `YYYY-MM-DD`: the latest invoice date. */
  today: string;
  /** Longest invoice number accepted. */
  invoiceNumberMaxLength: number;
  /** How the date is typed: in which locale's order (and the pattern and example its error gives). */
  date: DateEntry;
}

/** Checks the step's fields; the answer to send when they are all right. */
export function readAnswer(step: FormStep, typed: Typed, context: FormContext): { errors: FieldErrors; answer?: Answer } {
  const errors: FieldErrors = {};
  const { currency } = context;

  const invoiceNumber = typed.invoiceNumber.trim();
  if (step === 'evidence') {
    if (!invoiceNumber) errors.invoiceNumber = enterNumberText();
    else if (invoiceNumber.length > context.invoiceNumberMaxLength) errors.invoiceNumber = tooLong(context.invoiceNumberMaxLength);
  }

  const date = parseLocalDate(typed.invoiceDate, context.date.locale, context.today);
  if (!date.ok) {
    errors.invoiceDate =
      date.error === 'empty'
        ? enterDateText()
        : date.error === 'future'
          ? futureDateText()
          : invalidDateText(context.date.pattern, context.date.example);
  }

  const amount = parseAmount(typed.amount, context.locale, currency);
  if (!amount.ok) errors.amount = amountMessage(amount.error, amount.example, currency);

  if (!date.ok || !amount.ok || Object.keys(errors).length > 0) return { errors };
  const money = { amount: amount.amount, currency };
  return {
    errors,
    answer:
      step === 'evidence'
        ? { step, evidence: { invoiceNumber, invoiceDate: date.date, amount: money } }
        : { step, answer: { invoiceDate: date.date, amount: money } },
  };
}

/** The answer about verification `id`, not another one (a confused adapter must not move this one on). */
export function sameSession(result: VerificationResult, id: string): VerificationResult {
  if (result.session.id !== id) {
    throw new TnAdapterError('bad-response', { message: `The answer is about verification ${result.session.id}, not ${id}.` });
  }
  return result;
}
