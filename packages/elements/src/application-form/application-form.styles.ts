import { css } from 'lit';
import { baseStyles } from '../styles/index.js';

/** Styles of `<nassij-application-form>`: logical properties only, and a print sheet for the receipt. */
export const applicationFormStyles = [
  baseStyles,
  css`
    :host {
      max-inline-size: var(--nassij-application-form-max-width, 48rem);
    }
    h3[tabindex]:focus,
    .error-summary:focus,
    .submit-error:focus {
      outline: 3px solid var(--_n-focus);
      outline-offset: 2px;
    }
    .deadline,
    .progress,
    .hint,
    .save-state,
    .optional {
      color: var(--_n-muted);
    }
    .countdown:empty {
      display: none;
    }
    .countdown {
      font-weight: 600;
      color: var(--_n-warning);
    }
    .field {
      display: flex;
      flex-direction: column;
      gap: var(--_n-space-1);
      margin-block: 0 var(--_n-space-4);
      padding: 0;
      border: 0;
    }
    fieldset.field,
    fieldset.line,
    .choose fieldset,
    .conflict-field {
      border: 1px solid var(--_n-border);
      border-radius: var(--_n-radius);
      padding: var(--_n-space-3);
    }
    legend {
      font-weight: 600;
      padding-inline: var(--_n-space-1);
    }
    label {
      font-weight: 600;
    }
    .option label,
    .sub label {
      font-weight: normal;
    }
    .option {
      display: flex;
      gap: var(--_n-space-2);
      align-items: center;
      min-block-size: 2rem;
    }
    .option input {
      inline-size: 1.25rem;
      block-size: 1.25rem;
    }
    .short {
      max-inline-size: 14rem;
    }
    .money {
      display: inline-flex;
      flex-wrap: wrap;
      align-items: center;
      gap: var(--_n-space-1);
      max-inline-size: 100%;
    }
    /* A fieldset is as wide as its content by default: let it and its inputs shrink to 320 px. */
    fieldset,
    .money input {
      min-inline-size: 0;
    }
    .money input {
      flex: 1 1 8rem;
    }
    h2,
    h3,
    h4,
    p,
    dd,
    legend,
    label {
      overflow-wrap: anywhere;
    }
    .invalid {
      border-inline-start: 4px solid var(--_n-danger);
      padding-inline-start: var(--_n-space-3);
    }
    .field-error {
      color: var(--_n-danger);
      font-weight: 600;
      margin: 0;
    }
    .error-summary {
      border: 4px solid var(--_n-danger);
      padding: var(--_n-space-3);
      margin-block-end: var(--_n-space-4);
    }
    .error-summary a {
      color: var(--_n-danger);
      font-weight: 600;
    }
    .nav {
      display: flex;
      flex-wrap: wrap;
      gap: var(--_n-space-3);
      justify-content: space-between;
      margin-block-start: var(--_n-space-4);
    }
    .nav .primary {
      margin-inline-start: auto;
    }
    .nassij-button {
      min-block-size: 2.75rem;
      min-inline-size: 2.75rem;
    }
    .primary {
      background: var(--_n-primary);
      color: var(--_n-on-primary);
    }
    .subtle {
      background: transparent;
      color: var(--_n-primary);
      border: 1px solid currentColor;
    }
    .lines {
      list-style: none;
      padding: 0;
      display: flex;
      flex-direction: column;
      gap: var(--_n-space-3);
    }
    .line {
      display: grid;
      gap: var(--_n-space-1);
    }
    .totals div,
    .receipt dl div,
    .review dl div,
    .decision dl div {
      display: flex;
      flex-wrap: wrap;
      gap: var(--_n-space-2);
      justify-content: space-between;
      border-block-end: 1px solid var(--_n-border);
      padding-block: var(--_n-space-1);
    }
    dt {
      font-weight: 600;
    }
    dd {
      margin: 0;
    }
    .requested {
      font-weight: 700;
    }
    .document {
      border: 1px solid var(--_n-border);
      border-radius: var(--_n-radius);
      padding: var(--_n-space-3);
    }
    .vault {
      margin-block: var(--_n-space-2);
      padding: var(--_n-space-2);
      border: 1px solid var(--_n-border);
      border-radius: var(--_n-radius);
    }
    .vault h5 {
      margin-block: 0 var(--_n-space-2);
      font-size: 1rem;
    }
    .vault-list {
      list-style: none;
      margin: 0;
      padding: 0;
    }
    .vault-item {
      padding-block: var(--_n-space-2);
      border-block-end: 1px solid var(--_n-border);
    }
    .vault-item p {
      margin-block: 0 var(--_n-space-1);
    }
    .vault-name {
      font-weight: 600;
    }
    .vault-fits {
      font-weight: 400;
      border: 1px solid currentColor;
      border-radius: var(--_n-radius);
      padding-inline: var(--_n-space-1);
    }
    .vault-refused,
    .vault-expired {
      color: var(--_n-danger);
    }
    .expired-documents {
      border-inline-start: 4px solid var(--_n-danger);
      padding-inline-start: var(--_n-space-3);
      margin-block: var(--_n-space-3);
    }
    progress {
      inline-size: 100%;
      block-size: 1rem;
    }
    .scan[data-scan='infected'],
    .scan[data-scan='error'] {
      color: var(--_n-danger);
      font-weight: 600;
    }
    .not-eligible {
      border-inline-start: 4px solid var(--_n-danger);
      padding-inline-start: var(--_n-space-3);
    }
    .ok {
      border-inline-start: 4px solid var(--_n-success);
      padding-inline-start: var(--_n-space-3);
    }
    .timeline ol {
      list-style: none;
      padding: 0;
      margin: 0;
    }
    .timeline li {
      display: grid;
      grid-template-columns: 2rem 1fr;
      column-gap: var(--_n-space-2);
      padding-block: var(--_n-space-2);
      border-inline-start: 2px solid var(--_n-border);
      padding-inline-start: var(--_n-space-2);
    }
    .timeline li[data-state='current'] {
      border-inline-start-color: var(--_n-primary);
      font-weight: 600;
    }
    .timeline .state,
    .timeline p {
      grid-column: 2;
      margin: 0;
      color: var(--_n-muted);
    }
    /* The call changed since the draft was started: read before typing. */
    .amendments {
      border-inline-start: 4px solid var(--_n-warning);
      background: var(--_n-surface-alt);
      padding: var(--_n-space-3);
      margin-block-end: var(--_n-space-4);
    }
    .amendments h3 {
      margin-block-start: 0;
    }
    .amendments ul {
      padding-inline-start: var(--_n-space-4);
    }
    .timeline li[data-state='skipped'] {
      border-inline-start-style: dashed;
    }
    .check[data-admissible='false'] {
      color: var(--_n-danger);
      font-weight: 600;
    }
    /* The staff's own words keep their line breaks. */
    .check-reason span,
    .decision dd span {
      white-space: pre-line;
    }
    .decision {
      border: 1px solid var(--_n-border);
      border-radius: var(--_n-radius);
      padding: var(--_n-space-4);
      margin-block: var(--_n-space-4);
    }
    .decision[data-outcome='awarded'] {
      border-inline-start: 4px solid var(--_n-success);
    }
    .decision .outcome {
      font-weight: 700;
    }
    .appeal[data-open='true'] {
      font-weight: 600;
    }
    .appeal[data-open='false'] {
      color: var(--_n-muted);
    }
    .receipt {
      border: 2px solid var(--_n-primary);
      border-radius: var(--_n-radius);
      padding: var(--_n-space-4);
      margin-block-end: var(--_n-space-4);
    }
    .hash {
      font-family: monospace;
      overflow-wrap: anywhere;
    }
    dialog {
      max-inline-size: min(44rem, 95vw);
      color: var(--_n-text);
      background: var(--_n-surface);
      border: 1px solid var(--_n-border);
      border-radius: var(--_n-radius);
    }
    dialog::backdrop {
      background: rgb(0 0 0 / 0.5);
    }
    .versions {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(14rem, 1fr));
      gap: var(--_n-space-3);
    }
    .versions .text {
      white-space: pre-wrap;
      background: var(--_n-surface-alt);
      padding: var(--_n-space-2);
    }
    @media print {
      :host {
        max-inline-size: none;
        color: #000;
      }
      .no-print,
      .nassij-button,
      .countdown,
      .deadline,
      dialog {
        display: none !important;
      }
      .receipt {
        border: 1px solid #000;
        break-inside: avoid;
      }
    }
  `,
];
