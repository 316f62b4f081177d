import { css } from 'lit';

export const styles = css`
  .base {
    display: grid;
    /* A table wider than the element scrolls inside it instead of widening the page. */
    grid-template-columns: minmax(0, 1fr);
    gap: var(--tn-i-space);
  }
  .header {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: calc(var(--tn-i-space) / 2) var(--tn-i-space);
  }
  .title {
    font-size: 1.125em;
    font-weight: 700;
    margin-inline-end: auto;
  }
  .freshness {
    font-size: 0.875em;
    color: var(--tn-i-muted);
  }
  .icon {
    inline-size: 1em;
    block-size: 1em;
    fill: none;
    stroke: currentColor;
    stroke-width: 2;
    stroke-linecap: round;
    stroke-linejoin: round;
  }
  .refresh[aria-disabled='true'] {
    cursor: progress;
    opacity: 0.7;
  }
  .refresh[aria-disabled='true'] .icon {
    animation: spin 1s linear infinite;
  }
  @keyframes spin {
    to {
      transform: rotate(360deg);
    }
  }
  .stale {
    display: flex;
    flex-wrap: wrap;
    gap: var(--tn-i-space);
    align-items: center;
    justify-content: space-between;
    background: var(--tn-i-warning-surface);
    border-inline-start: 4px solid #b26a00;
  }
  .dot {
    display: inline-block;
    inline-size: 0.625em;
    block-size: 0.625em;
    border-radius: 50%;
    margin-inline-end: 0.5em;
  }
  .dot.failed {
    background: var(--tn-i-danger);
  }
  .dot.tickets {
    background: var(--tn-i-accent);
  }
  .list {
    display: grid;
    gap: calc(var(--tn-i-space) / 2);
    margin-block-start: var(--tn-i-space);
  }
  .list-header {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    justify-content: space-between;
    gap: var(--tn-i-space);
  }
  .list-title {
    font-weight: 700;
  }
  .more {
    margin: 0;
    font-size: 0.875em;
    color: var(--tn-i-muted);
  }
  .status {
    color: var(--tn-i-muted);
  }
  @container (max-width: 22em) {
    .freshness {
      flex-basis: 100%;
      order: 3;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .refresh[aria-disabled='true'] .icon {
      animation: none;
    }
  }
  @media (forced-colors: active) {
    .dot {
      border: 1px solid CanvasText;
    }
    .stale {
      border: 1px solid CanvasText;
    }
  }
`;
