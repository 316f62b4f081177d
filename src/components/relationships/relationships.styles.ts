import { css } from 'lit';

export const styles = css`
  .base {
    display: grid;
    /* A table wider than the element scrolls inside it instead of widening the page. */
    grid-template-columns: minmax(0, 1fr);
    gap: var(--tn-i-space);
  }
  .title {
    font-size: 1.125em;
    font-weight: 700;
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: var(--tn-i-space);
  }
  .field {
    flex: 1 1 12em;
  }
  .field label {
    font-weight: 600;
    font-size: 0.875em;
  }
  /* The fields' box is the shared one (styles/fields.ts). */
  input,
  select {
    inline-size: 100%;
    min-inline-size: 0;
  }
  .refresh[aria-disabled='true'] {
    cursor: progress;
    opacity: 0.7;
  }
  .count {
    margin: 0;
    font-size: 0.875em;
    color: var(--tn-i-muted);
  }
  .count:empty {
    display: none;
  }
  .sort {
    font: inherit;
    color: inherit;
    background: none;
    border: 0;
    padding: 0;
    cursor: pointer;
    display: inline-flex;
    gap: 0.25em;
    align-items: center;
    text-align: start;
  }
  .sort .arrow {
    font-size: 0.75em;
  }
  .country {
    display: block;
    font-weight: 400;
    font-size: 0.875em;
    color: var(--tn-i-muted);
  }
  .badge {
    display: inline-block;
    padding-block: 0.0625em;
    padding-inline: 0.5em;
    border-radius: 999px;
    border: 1px solid currentColor;
    font-size: 0.8125em;
    font-weight: 600;
    /* A pill stays on one line: labels are kept short enough in every locale. */
    white-space: nowrap;
  }
  /* Narrow, every row a card: the status takes the card's whole width (not only the column
     beside the row's action), so that its one-line pill fits. */
  @container (max-width: 30em) {
    .table td:has(> .badge.status) {
      grid-column: 1 / -1;
    }
  }
  .test-buyer {
    margin-inline-start: 0.375em;
    color: var(--tn-i-accent);
  }
  .status.connected {
    color: var(--tn-i-success);
  }
  .status.pending-customer-confirmation,
  .status.verification-pending,
  .status.support-case-open {
    color: var(--tn-i-text);
    background: var(--tn-i-warning-surface);
  }
  .status.rejected,
  .status.expired {
    color: var(--tn-i-danger);
  }
  .since {
    white-space: nowrap;
  }
  .reference {
    display: block;
    font-size: 0.8125em;
    color: var(--tn-i-muted);
  }
  .link {
    text-align: end;
  }
  .empty {
    display: flex;
    flex-wrap: wrap;
    gap: var(--tn-i-space);
    align-items: center;
    justify-content: space-between;
  }
  .note,
  .status {
    margin: 0;
    font-size: 0.875em;
    color: var(--tn-i-muted);
  }
  @media (forced-colors: active) {
    .badge {
      border-color: CanvasText;
    }
  }
`;
