import { css } from 'lit';
import { baseStyles } from '../styles/index.js';

/**
 * Styles of `<nassij-call-editor>`: logical properties only (the layout mirrors in Arabic by itself), one
 * column that may shrink to 320 px, lists of items as bordered groups.
 *
 * @example
 * ```ts
 * static override styles = callEditorStyles;
 * ```
 */
export const callEditorStyles = [
  baseStyles,
  css`
    .editor,
    .sections,
    .part,
    .localized {
      display: grid;
      gap: var(--_n-space-3);
      min-inline-size: 0;
      grid-template-columns: minmax(0, 1fr);
    }
    h2,
    h3,
    h4,
    h5,
    p {
      margin: 0;
      overflow-wrap: anywhere;
    }
    .part {
      border-block-start: 1px solid var(--_n-border);
      padding-block-start: var(--_n-space-3);
    }
    .field {
      display: grid;
      gap: var(--_n-space-1);
      min-inline-size: 0;
    }
    .field > label,
    legend {
      font-weight: 600;
    }
    .hint,
    .muted {
      color: var(--_n-muted);
      font-size: var(--_n-font-size-s);
    }
    fieldset {
      margin: 0;
      min-inline-size: 0;
      border: 1px solid var(--_n-border);
      border-radius: var(--_n-radius);
      padding-block: var(--_n-space-2);
      padding-inline: var(--_n-space-3);
      display: grid;
      gap: var(--_n-space-2);
    }
    fieldset.choices {
      border: none;
      padding: 0;
    }
    .choice-list {
      display: flex;
      flex-wrap: wrap;
      gap: var(--_n-space-1) var(--_n-space-3);
    }
    .choice {
      display: inline-flex;
      align-items: center;
      gap: var(--_n-space-1);
      min-block-size: 2.75rem;
    }
    .choice input {
      inline-size: 1.25rem;
      block-size: 1.25rem;
    }
    .items {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: var(--_n-space-3);
    }
    .form-field {
      display: grid;
      gap: var(--_n-space-2);
      border-inline-start: 4px solid var(--_n-border);
      padding-inline-start: var(--_n-space-3);
    }
    /* A choice of a form field, inside the field's own bar: a thinner bar of its own. */
    .option {
      display: grid;
      gap: var(--_n-space-2);
      border-inline-start: 2px solid var(--_n-border);
      padding-inline-start: var(--_n-space-3);
    }
    h4.sub {
      font-size: 1em;
    }
    .add-row,
    .row-actions,
    .form-actions,
    .status-line {
      display: flex;
      flex-wrap: wrap;
      align-items: end;
      gap: var(--_n-space-2);
    }
    .nassij-button {
      min-block-size: 2.75rem;
    }
    .nassij-button.small {
      padding-block: var(--_n-space-1);
      padding-inline: var(--_n-space-3);
    }
    .badge {
      border: 1px solid var(--_n-border);
      border-radius: var(--_n-radius);
      padding-inline: var(--_n-space-2);
    }
    .save-state {
      color: var(--_n-muted);
    }
    .error-summary,
    .conflict {
      border: 4px solid var(--_n-danger);
      border-radius: var(--_n-radius);
      padding-block: var(--_n-space-3);
      padding-inline: var(--_n-space-4);
      display: grid;
      gap: var(--_n-space-2);
    }
    .error-summary ul {
      margin: 0;
      padding-inline-start: var(--_n-space-4);
    }
    .error-summary a {
      color: var(--_n-danger);
      font-weight: 600;
    }
    .ready {
      border-inline-start: 4px solid var(--_n-success);
      padding-inline-start: var(--_n-space-3);
    }
    .field-error {
      color: var(--_n-danger);
      font-weight: 600;
      margin: 0;
    }
    .weights[data-sum-ok='false'] {
      color: var(--_n-danger);
      font-weight: 600;
    }
    .weights[data-sum-ok='true'] {
      font-weight: 600;
    }
    details {
      border: 1px solid var(--_n-border);
      border-radius: var(--_n-radius);
      padding-block: var(--_n-space-2);
      padding-inline: var(--_n-space-3);
    }
    details[open] {
      display: grid;
      gap: var(--_n-space-2);
    }
    summary {
      cursor: pointer;
      min-block-size: 2.75rem;
      display: flex;
      align-items: center;
      font-weight: 600;
    }
    .sample-profile {
      display: grid;
      gap: var(--_n-space-2);
    }
    .verdict[data-eligible='false'],
    .rule-results [data-met='false'] {
      color: var(--_n-danger);
    }
    .card {
      border: 1px solid var(--_n-border);
      border-radius: var(--_n-radius);
      background: var(--_n-surface-alt);
      padding-block: var(--_n-space-3);
      padding-inline: var(--_n-space-4);
      display: grid;
      gap: var(--_n-space-2);
    }
    .card dl {
      display: grid;
      grid-template-columns: max-content minmax(0, 1fr);
      gap: var(--_n-space-1) var(--_n-space-3);
      margin: 0;
    }
    .card dd {
      margin: 0;
    }
    .actions,
    .versions,
    .amend,
    .end {
      display: grid;
      gap: var(--_n-space-3);
    }
    .versions ol {
      margin: 0;
      padding-inline-start: var(--_n-space-4);
      display: grid;
      gap: var(--_n-space-2);
    }
  `,
];
