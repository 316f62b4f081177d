import { css } from 'lit';

export const styles = css`
  :host {
    --tn-i-tree-height: var(--tn-group-tree-height, 20em);
  }
  .base {
    display: grid;
    gap: calc(var(--tn-i-space) * 2);
  }
  .section {
    display: grid;
    gap: var(--tn-i-space);
    min-inline-size: 0;
  }
  .heading {
    margin: 0;
    font-size: 1.0625em;
  }
  .heading:focus {
    outline: none;
  }
  .heading:not([data-pointer-focus]):focus-visible {
    outline: var(--tn-i-focus);
  }
  .lead,
  .status {
    margin: 0;
    color: var(--tn-i-muted);
  }
  .required {
    font-weight: 400;
    color: var(--tn-i-muted);
    margin-inline-start: 0.25em;
  }
  /* The fields' box is the shared one (styles/fields.ts), which follows --tn-density. */
  input:not([type='file']),
  select,
  textarea {
    max-inline-size: 100%;
  }
  select {
    inline-size: 100%;
    min-inline-size: 0;
    max-inline-size: 32em;
  }
  textarea {
    resize: vertical;
  }
  [aria-invalid='true'] {
    border-color: var(--tn-i-danger);
  }
  .card {
    margin: 0;
    display: grid;
    gap: 0.25em;
    padding: var(--tn-i-space);
    background: var(--tn-i-surface-alt);
    border-radius: var(--tn-i-radius);
  }
  .card div {
    display: flex;
    flex-wrap: wrap;
    gap: 0 0.5em;
  }
  .card dt {
    font-weight: 600;
  }
  .card dt::after {
    content: ':';
  }
  .card dd {
    margin: 0;
  }
  .group-offer {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--tn-i-space);
  }
  .group-offer p {
    margin: 0;
    flex: 1 1 16em;
  }
  .group-tools {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: var(--tn-i-space);
  }
  .filter {
    flex: 1 1 14em;
  }
  .bulk {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--tn-i-space) / 2);
  }
  .button[disabled] {
    opacity: 0.5;
    cursor: not-allowed;
  }
  .count {
    margin: 0;
    font-size: 0.875em;
    color: var(--tn-i-muted);
  }
  .tree-bar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: calc(var(--tn-i-space) / 2) var(--tn-i-space);
  }
  /* A segmented control: the two options joined (never apart), in the count's size. The
     label goes above them when the line is too short ("Afficher : Toutes | Sélectionnées (10 000)" at 360 px):
     kept on one line, it made the whole form wider than the page. */
  .show {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    row-gap: calc(var(--tn-i-space) / 2);
    white-space: nowrap;
  }
  .show-options {
    display: flex;
  }
  .show-label {
    font-size: 0.875em;
    color: var(--tn-i-muted);
    margin-inline-end: 0.5em;
  }
  .show .button {
    font-size: 0.875em;
    padding-inline: 0.625em;
    border-radius: 0;
  }
  .show .button:first-of-type {
    border-start-start-radius: var(--tn-i-radius);
    border-end-start-radius: var(--tn-i-radius);
  }
  .show .button:last-of-type {
    border-start-end-radius: var(--tn-i-radius);
    border-end-end-radius: var(--tn-i-radius);
    margin-inline-start: -1px;
  }
  .show .button[aria-pressed='true'] {
    background: var(--tn-i-accent);
    border-color: var(--tn-i-accent);
    color: var(--tn-i-accent-text);
  }
  /* As tall as its rows, up to the limit; a small group's rows all show, whatever their height. */
  .tree {
    max-block-size: var(--tn-i-tree-height);
    overflow: auto;
    /* The country heading covers the top of the view: rows brought into view land below it. */
    scroll-padding-block-start: 2.25em;
    /* The scrollbar appearing must not narrow (and re-wrap, and re-measure) the rows. */
    scrollbar-gutter: stable;
    border: 1px solid var(--tn-i-border);
    border-radius: var(--tn-i-radius);
    background: var(--tn-i-surface);
    /* The row window keeps the rows in view in place itself (list-window.ts): no second correction. */
    overflow-anchor: none;
  }
  .tree.whole {
    max-block-size: none;
  }
  /* The space of the rows not rendered, above and below those that are (list-window.ts). */
  .tree::before,
  .tree::after {
    content: '';
    display: block;
  }
  .tree::before {
    block-size: var(--tn-i-before, 0px);
  }
  .tree::after {
    block-size: var(--tn-i-after, 0px);
  }
  /* A track as high as nothing, stuck to the top of the view, and the heading hanging in it. */
  .heading-track {
    position: sticky;
    inset-block-start: 0;
    block-size: 0;
    z-index: 1;
  }
  .country-heading {
    position: absolute;
    inset-block-start: 0;
    inset-inline: 0;
    display: flex;
    align-items: center;
    box-sizing: border-box;
    min-block-size: 2.25em;
    padding-block: 0.25em;
    /* Its name where the country row has its own: after the border, caret and box. */
    padding-inline: calc(3px + 3.5em) 0.5em;
    font-weight: 700;
    background: var(--tn-i-surface-alt);
    border-block-end: 1px solid var(--tn-i-border);
    cursor: pointer;
  }
  .country-heading[hidden] {
    display: none;
  }
  .tree:focus-visible {
    outline: var(--tn-i-focus);
    outline-offset: 2px;
  }
  .row {
    display: flex;
    align-items: center;
    gap: 0.5em;
    inline-size: 100%;
    min-block-size: 2.25em;
    padding-block: 0.25em;
    padding-inline: 0.5em;
    cursor: pointer;
    border-inline-start: 3px solid transparent;
  }
  .row.entity {
    flex-wrap: wrap;
    padding-inline-start: 2.25em;
  }
  /* A marker that finds no room beside the name goes under it, at the row's end. */
  .row.entity .label {
    flex: 1 1 12em;
  }
  .row.country {
    font-weight: 700;
    background: var(--tn-i-surface-alt);
  }
  .row.active {
    background: var(--tn-i-active);
    border-inline-start-color: var(--tn-i-accent);
  }
  .tree:not(:focus) .row.active {
    border-inline-start-color: transparent;
  }
  .row.disabled {
    cursor: default;
    color: var(--tn-i-muted);
  }
  .caret {
    inline-size: 1em;
    text-align: center;
  }
  .box {
    flex: none;
    inline-size: 1em;
    block-size: 1em;
    border: 2px solid var(--tn-i-border);
    border-radius: 3px;
    background: var(--tn-i-surface);
    display: inline-grid;
    place-items: center;
  }
  .box.true,
  .box.mixed {
    background: var(--tn-i-accent);
    border-color: var(--tn-i-accent);
  }
  .box.true::after {
    content: '';
    inline-size: 0.3em;
    block-size: 0.55em;
    border: solid var(--tn-i-accent-text);
    border-width: 0 2px 2px 0;
    transform: translateY(-1px) rotate(45deg);
  }
  .box.mixed::after {
    content: '';
    inline-size: 0.55em;
    block-size: 2px;
    background: var(--tn-i-accent-text);
  }
  .disabled .box {
    opacity: 0.5;
  }
  .label {
    flex: 1;
    min-inline-size: 0;
    overflow-wrap: anywhere;
  }
  .meta {
    font-size: 0.8125em;
    color: var(--tn-i-muted);
    font-weight: 400;
  }
  /* "Already connected", "Needs vendor code": words, with a frame to set them apart. */
  .marker {
    flex: none;
    margin-inline-start: auto;
    font-size: 0.8125em;
    font-weight: 400;
    padding-inline: 0.375em;
    border: 1px solid var(--tn-i-border);
    border-radius: var(--tn-i-radius);
    color: var(--tn-i-muted);
    white-space: nowrap;
  }
  .marker.vendor-code {
    color: var(--tn-i-text);
    background: var(--tn-i-warning-surface);
  }
  .id,
  .tax {
    font-variant-numeric: tabular-nums;
  }
  .dropzone {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--tn-i-space);
    padding: var(--tn-i-space);
    border: 2px dashed var(--tn-i-border);
    border-radius: var(--tn-i-radius);
  }
  .dropzone.dragging {
    border-color: var(--tn-i-accent);
    background: var(--tn-i-active);
  }
  .file {
    display: flex;
    flex-wrap: wrap;
    gap: 0 0.5em;
    flex: 1;
    min-inline-size: 0;
  }
  .file-name {
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  .file-size,
  .drop-hint {
    color: var(--tn-i-muted);
  }
  .progress {
    inline-size: 100%;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--tn-i-space);
  }
  .button.primary[aria-disabled='true'] {
    cursor: progress;
    opacity: 0.7;
  }
  .outcome {
    display: grid;
    gap: var(--tn-i-space);
    justify-items: start;
  }
  .outcome p {
    margin: 0;
  }
  .skipped ul {
    margin: 0.25em 0 0;
    padding-inline-start: 1.25em;
  }
  @media (forced-colors: active) {
    .box.true,
    .box.mixed {
      background: Highlight;
    }
    .row.active {
      outline: 2px solid Highlight;
    }
  }
  /* The collapsed caret points toward the row's end: mirrored right to left. */
  :host(:dir(rtl)) .caret {
    transform: scaleX(-1);
  }
`;
