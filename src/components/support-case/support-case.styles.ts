import { css } from 'lit';

export const styles = css`
  .base {
    display: grid;
    gap: var(--tn-i-space);
    justify-items: start;
  }
  .title {
    margin: 0;
    font-size: 1.125em;
    font-weight: 700;
  }
  p {
    margin: 0;
  }
  .status {
    display: inline-block;
    padding: 0.125em 0.625em;
    border-radius: 999px;
    border: 1px solid currentColor;
    font-size: 0.8125em;
    font-weight: 600;
    white-space: nowrap;
  }
  .status.open,
  .status.in-progress {
    color: var(--tn-i-text);
    background: var(--tn-i-warning-surface);
  }
  .status.resolved {
    color: var(--tn-i-success);
  }
  .status.closed {
    color: var(--tn-i-muted);
  }
  .details {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: calc(var(--tn-i-space) / 2) var(--tn-i-space);
    margin: 0;
    justify-self: stretch;
  }
  .fact {
    display: contents;
  }
  dt {
    color: var(--tn-i-muted);
  }
  dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
  .reference {
    font-size: 1.125em;
  }
  .next {
    color: var(--tn-i-muted);
  }
  a.button {
    text-decoration: none;
  }
  @container (max-width: 24em) {
    .details {
      grid-template-columns: 1fr;
    }
    .fact + .fact dt {
      margin-block-start: calc(var(--tn-i-space) / 2);
    }
  }
`;
