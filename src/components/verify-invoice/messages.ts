/**
 * What `<tn-verify-invoice>` says: every sentence of the verification, as functions so that
 * each is looked up in the locale the element renders in at the time.
 */
import { msg, str } from '@lit/localize';
import type { VerificationSession } from '../../adapter/types.js';
import { amountExample } from '../../localization/parse.js';
import type { AmountError, DateEntryFormat, DateField } from '../../localization/parse.js';
import { formatCount, isolated, pluralCategory } from '../../localization/format.js';
import { getLocale } from '../../localization/localization.js';

export const enterNumberText = () => msg('Enter the invoice number.', { desc: 'Error: the invoice number is missing' });

export const enterDateText = () => msg('Enter the invoice date.', { desc: 'Error: the invoice date is missing' });

export const enterAmountText = () => msg('Enter the invoice amount.', { desc: 'Error: the amount is missing' });

export const futureDateText = () => msg('The invoice date can’t be in the future.', { desc: 'Date error' });

/** How a date is typed here, in the locale's own letters: "mm/dd/yyyy", "jj/mm/aaaa", "TT.MM.JJJJ". */
export function datePattern({ order, separator }: DateEntryFormat): string {
  const letters: Record<DateField, string> = {
    day: msg('dd', { desc: 'Date pattern (as in dd/mm/yyyy): the letters standing for the day (French jj, German TT)' }),
    month: msg('mm', { desc: 'Date pattern (as in dd/mm/yyyy): the letters standing for the month (German MM)' }),
    year: msg('yyyy', { desc: 'Date pattern (as in dd/mm/yyyy): the letters standing for the year (French aaaa, German JJJJ)' }),
  };
  return order.map((field) => letters[field]).join(separator);
}

export const dateHintText = (pattern: string, example: string) =>
  msg(str`Format: ${pattern}, for example ${example}`, {
    desc: 'Help under the invoice date; placeholders: the date pattern (jj/mm/aaaa), a date written that way',
  });

export const invalidDateText = (pattern: string, example: string) =>
  msg(str`Enter a real date as ${pattern}, for example ${example}.`, {
    desc: 'Date error: not a date, or no such day; placeholders: the date pattern (jj/mm/aaaa), a date written that way',
  });

export const changedElsewhereText = () =>
  msg('This verification changed in the meantime, perhaps in another window.', {
    desc: 'Lead of the error when the verification moved on elsewhere; Try again reloads it',
  });

export const loadingText = () => msg('Loading the verification…', { desc: 'Status while a verification loads' });

export const loadFailedText = () =>
  msg("Couldn't load this verification.", { desc: 'Lead of the error when a verification fails to load' });

export const noSessionText = () =>
  msg('There is no verification to show: the page gave this element no verification session.', {
    desc: 'Shown when the host gave the element neither a session nor a verification ID',
  });

export const checkingText = () => msg('Checking the invoice details…', { desc: 'Status while an answer is checked' });

export const checkFailedText = () =>
  msg("Couldn't check these details.", { desc: 'Lead of the error when an answer could not be sent' });

export const openingCaseText = () =>
  msg('Opening a support case…', { desc: 'Status and button text while connecting without verification' });

export const lockedTitle = () => msg('Verification locked', { desc: 'Heading of the locked state' });

export const invoiceNumberLabel = () => msg('Invoice number', { desc: 'Label of the invoice number (field, or the challenge)' });

export const stepLabel = (step: number) => msg(str`Step ${step}:`, { desc: 'Before each step’s name in the step indicator' });

/** The element's title: "Activate your buyer: {name}", or without the name while it is not known. */
export function titleText(name: string | undefined): string {
  return name
    ? msg(str`Activate your buyer: ${isolated(name)}`, { desc: 'Title; the placeholder is the customer’s legal name' })
    : msg('Activate your buyer', { desc: 'Title while the customer is not known yet' });
}

export const introText = (session: VerificationSession) =>
  msg(str`You must complete a verification process before you can connect with ${isolated(session.customer.legalName)}.`, {
    desc: 'Under the title; the placeholder is the customer’s legal name',
  });

/** The heading of step 1 or 2. */
export function formHeading(step: 'evidence' | 'challenge', challengeNumber: string): string {
  return step === 'evidence'
    ? msg('Step 1. Please provide the details of a recent invoice.', { desc: 'Heading of step 1' })
    : msg(str`Step 2. Please provide the date and amount of invoice ${challengeNumber}.`, {
        desc: 'Heading of step 2; the placeholder is the invoice number the network chose',
      });
}

/** "These details don't match…" after a wrong answer at step 1 or 2. */
export function rejectionText(step: 'evidence' | 'challenge', session: VerificationSession): string {
  return step === 'evidence'
    ? msg(
        str`These details don't match an invoice we hold for ${isolated(session.customer.legalName)}. Check the number, date and amount, then try again.`,
        { desc: 'Wrong answer at step 1; the placeholder is the customer' },
      )
    : msg(
        str`This date and amount don't match invoice ${session.challenge?.invoiceNumber ?? ''}. Check them, then try again.`,
        { desc: 'Wrong answer at step 2; the placeholder is the invoice number' },
      );
}

export const lastAttemptText = () =>
  msg('After one more wrong answer, the verification locks.', { desc: 'Warning after a wrong answer when one attempt is left' });

/** "You have 2 attempts left." (plural by locale). */
export function attemptsLeftText(count: number): string {
  return pluralCategory(count) === 'one'
    ? msg(str`You have ${formatCount(count)} attempt left.`, { desc: 'Attempts left (singular: 0 or 1 in French)' })
    : msg(str`You have ${formatCount(count)} attempts left.`, { desc: 'Attempts left (plural)' });
}

/** What is wrong with a typed amount, saying which form is expected. */
export function amountMessage(error: AmountError, example: string, currency: string): string {
  switch (error) {
    case 'empty':
      return enterAmountText();
    case 'malformed':
      return msg(str`Enter the amount as a number, for example ${example}.`, {
        desc: 'Amount error; the placeholder is an amount written the local way, e.g. 4,508.00',
      });
    case 'not-positive':
      return msg('The amount must be greater than zero.', { desc: 'Amount error: zero or negative' });
    case 'too-many-decimals':
      return msg(str`Too many decimals: amounts in ${currency} are written like ${example}.`, {
        desc: 'Amount error; placeholders: currency code, an amount written the local way',
      });
  }
}

export const amountHintText = (currency: string) =>
  msg(str`In ${currency}, for example ${amountExample(getLocale(), currency)}`, {
    desc: 'Help under the amount; placeholders: currency code, an amount written the local way',
  });

/** What "Connect without verification" does: the main way forward once locked, else an offer. */
export function fallbackText(locked: boolean, session: VerificationSession): string {
  return locked
    ? msg(
        str`You can still connect: we'll open a support case, and our support team will ask ${isolated(session.customer.legalName)} to confirm that you are one of its suppliers.`,
        { desc: 'Locked state: what connecting without verification does; the placeholder is the customer' },
      )
    : msg(
        str`If you can't complete the verification because information is missing or wrong, connect without verification: we'll open a support case and ask ${isolated(session.customer.legalName)} to confirm that you are one of its suppliers.`,
        { desc: 'Fallback offer at steps 1 and 2; the placeholder is the customer' },
      );
}

export const fallbackButtonText = () =>
  msg('Connect without verification', { desc: 'Button: give up verifying and open a support case' });

export const connectedText = (session: VerificationSession) =>
  msg(
    str`You are now connected with ${isolated(session.customer.legalName)}: you can send it electronic invoices and credit notes.`,
    { desc: 'Step 3; the placeholder is the customer' },
  );

export const lockedText = () =>
  msg(
    'The details you gave did not match and no attempts remain, so this verification is locked to protect your customer’s data.',
    { desc: 'Locked state: what happened' },
  );
