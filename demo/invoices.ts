/**
 * The demo portal's Invoices page: where the attention panel's "View" and "View all" on
 * failed and saved invoices lead. A host page of its own (not a tn-* element): two tables
 * filled from the adapter's attention summary, the invoice the user chose marked and
 * scrolled to. Every value is set as text.
 */
import type { AttentionList } from '../src/base/events.js';
import type { CustomerConnectAdapter } from '../src/adapter/types.js';
import { PAGE_TEXT } from './page-text.js';


function cell(row: HTMLTableRowElement, text: string, header = false) {
  const node = document.createElement(header ? 'th' : 'td');
  if (header) node.scope = 'row';
  node.textContent = text;
  row.append(node);
}

function table(caption: string, columns: string[], rows: string[][], ids: string[], current?: string): HTMLTableElement {
  const element = document.createElement('table');
  element.className = 'invoices';
  element.createCaption().textContent = caption;
  const head = element.createTHead().insertRow();
  for (const column of columns) {
    const th = document.createElement('th');
    th.scope = 'col';
    th.textContent = column;
    head.append(th);
  }
  const body = element.createTBody();
  rows.forEach((values, index) => {
    const row = body.insertRow();
    values.forEach((value, column) => cell(row, value, column === 0));
    if (ids[index] === current) row.setAttribute('aria-current', 'true');
  });
  return element;
}

/** Fills the Invoices page with `list` first; the invoice `current` (when the user chose one) is marked. */
export async function showInvoices(adapter: CustomerConnectAdapter, list: AttentionList, current?: string): Promise<void> {
  const lang = document.documentElement.lang;
  const text = { ...PAGE_TEXT.en, ...PAGE_TEXT[lang] };
  const container = document.querySelector<HTMLElement>('#invoices')!;
  container.setAttribute('aria-busy', 'true');
  const date = (iso?: string) => (iso ? new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso)) : '');
  try {
    const summary = await adapter.getAttentionSummary();
    const failed = table(
      text.failedInvoices,
      [text.colInvoice, text.colCustomer, text.colFailed],
      summary.failedInvoices.items.map((i) => [i.number, i.buyerName, date(i.failedAt)]),
      summary.failedInvoices.items.map((i) => i.id),
      current,
    );
    const saved = table(
      text.savedInvoices,
      [text.colInvoice, text.colCustomer, text.colAmount, text.colSaved],
      summary.savedInvoices.items.map((i) => [
        i.number,
        i.buyerName ?? i.buyerId,
        new Intl.NumberFormat(lang, { style: 'currency', currency: i.amount.currency }).format(Number(i.amount.amount)),
        date(i.savedAt),
      ]),
      summary.savedInvoices.items.map((i) => i.id),
      current,
    );
    container.replaceChildren(...(list === 'saved-invoices' ? [saved, failed] : [failed, saved]));
  } catch (error) {
    const message = document.createElement('p');
    message.setAttribute('role', 'alert');
    message.textContent = `${text.invoicesFailed} (${error instanceof Error ? error.message : String(error)})`;
    container.replaceChildren(message);
  } finally {
    container.removeAttribute('aria-busy');
  }
  container.querySelector('[aria-current="true"]')?.scrollIntoView({ block: 'center' });
}
