import { css } from 'lit';

/**
 * Data tables shared by the elements that list things (attention panel, relationships):
 * compact rows, numbers aligned at the end, and — in a container narrower than 30em —
 * every row a small card with each value under its column's label (`data-label`).
 * The host element's wrapper must be a size container (`container-type: inline-size`).
 */
export const tableStyles = css`
  /* Wraps a table: a wide table scrolls here. Positioned, so that visually hidden (absolute)
     text inside the table is clipped too instead of widening the host page. */
  .scroller {
    overflow-x: auto;
    position: relative;
  }
  .table {
    inline-size: 100%;
    border-collapse: collapse;
    font-size: 0.9375em;
  }
  .table th,
  .table td {
    text-align: start;
    padding-block: calc(0.375em * var(--tn-i-density));
    padding-inline: 0.5em;
    border-block-end: 1px solid var(--tn-i-surface-alt);
    vertical-align: middle;
    overflow-wrap: break-word;
  }
  .table thead th {
    font-size: 0.8125em;
    color: var(--tn-i-muted);
    font-weight: 600;
    border-block-end-color: var(--tn-i-border);
  }
  .table tbody th {
    font-weight: 600;
  }
  .table .number {
    text-align: end;
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }
  .table .actions {
    text-align: end;
    white-space: nowrap;
  }
  /* Narrow: each row becomes a small card, every value under its column's label. */
  @container (max-width: 30em) {
    .table thead {
      position: absolute;
      inline-size: 1px;
      block-size: 1px;
      overflow: hidden;
      clip-path: inset(50%);
    }
    .table,
    .table tbody,
    .table tr,
    .table th,
    .table td {
      display: block;
    }
    .table tr {
      display: grid;
      grid-template-columns: minmax(0, 1fr) auto;
      gap: 0.125em var(--tn-i-space);
      padding-block: 0.5em;
      border-block-end: 1px solid var(--tn-i-surface-alt);
    }
    .table th,
    .table td {
      padding: 0;
      border: 0;
    }
    .table tbody th {
      grid-column: 1;
    }
    .table td[data-label] {
      grid-column: 1;
      text-align: start;
      white-space: normal;
    }
    .table td[data-label]:empty {
      display: none;
    }
    .table td[data-label]::before {
      content: attr(data-label) ' ';
      font-size: 0.8125em;
      color: var(--tn-i-muted);
      margin-inline-end: 0.25em;
    }
    .table .actions {
      grid-column: 2;
      grid-row: 1;
    }
  }
  /* A row's action: a button that reads as a link. */
  .link {
    font: inherit;
    background: none;
    border: 0;
    padding: 0.125em 0.25em;
    color: var(--tn-i-accent);
    text-decoration: underline;
    cursor: pointer;
    border-radius: var(--tn-i-radius);
  }
`;
