import { css } from 'lit';

/**
 * Form fields drawn the same way in every element that has a form (request, verification,
 * relationships): a label over its control, the control's box — its height and padding follow
 * `--tn-density`, like the buttons' — the border of an invalid one, and the hint and the
 * error under it. Every selector sits in `:where()` (no specificity), so an element's own
 * sheet only states what differs (a wider field, a taller control) and always wins.
 */
export const fieldStyles = css`
  :where(.field) {
    display: grid;
    gap: 0.25em;
    min-inline-size: 0;
  }
  :where(.field > label, .field > .label) {
    font-weight: 600;
  }
  :where(input:not([type='file'], [type='checkbox'], [type='radio']), select, textarea) {
    font: inherit;
    color: inherit;
    background: var(--tn-i-surface);
    border: 1px solid var(--tn-i-border);
    border-radius: var(--tn-i-radius);
    padding-block: calc(0.375em * var(--tn-i-density));
    padding-inline: 0.5em;
    min-block-size: calc(2.25em * var(--tn-i-density));
  }
  :where([aria-invalid='true']) {
    border-color: var(--tn-i-danger);
  }
  :where(.hint) {
    margin: 0;
    font-size: 0.875em;
    color: var(--tn-i-muted);
  }
  :where(.field-error) {
    margin: 0;
    color: var(--tn-i-danger);
    font-size: 0.875em;
    font-weight: 600;
  }
`;
