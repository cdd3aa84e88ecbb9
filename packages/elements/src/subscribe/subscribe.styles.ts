import { css } from 'lit';
import { baseStyles } from '../styles/index.js';

/**
 * Styles of `<nassij-subscribe>`: logical properties only (it mirrors in Arabic by itself), one column that
 * shrinks to 320 px, errors marked by a bar and words besides their colour, 44 px targets.
 *
 * @example
 * ```ts
 * static override styles = subscribeStyles;
 * ```
 */
export const subscribeStyles = [
  baseStyles,
  css`
    section,
    form,
    .filters,
    .sent {
      display: grid;
      gap: var(--nassij-subscribe-gap, var(--_n-space-3));
      grid-template-columns: minmax(0, 1fr);
      min-inline-size: 0;
    }
    h2,
    h3,
    p {
      margin: 0;
      overflow-wrap: anywhere;
    }
    .field {
      display: flex;
      flex-direction: column;
      gap: var(--_n-space-1);
      min-inline-size: 0;
    }
    .field.invalid,
    fieldset.invalid {
      border-inline-start: 4px solid var(--_n-danger);
      padding-inline-start: var(--_n-space-3);
    }
    label,
    legend {
      font-weight: 600;
      overflow-wrap: anywhere;
    }
    fieldset {
      border: 1px solid var(--_n-border);
      border-radius: var(--_n-radius);
      padding: var(--_n-space-3);
      margin: 0;
      min-inline-size: 0;
    }
    legend {
      padding-inline: var(--_n-space-1);
    }
    .filters {
      grid-template-columns: repeat(auto-fit, minmax(min(100%, 14rem), 1fr));
    }
    .nassij-input {
      inline-size: 100%;
      box-sizing: border-box;
      max-inline-size: 100%;
    }
    .choice {
      display: flex;
      align-items: center;
      gap: var(--_n-space-2);
      min-block-size: 2.75rem;
      font-weight: normal;
    }
    .choice input {
      inline-size: 1.5rem;
      block-size: 1.5rem;
      margin: 0;
      flex: none;
      accent-color: var(--_n-primary);
    }
    .hint,
    .consent {
      color: var(--_n-muted);
    }
    .consent {
      font-size: var(--_n-font-size-s);
    }
    .field-error,
    .submit-error {
      color: var(--_n-danger);
      font-weight: 600;
    }
    .error-summary {
      border: 4px solid var(--_n-danger);
      padding: var(--_n-space-3);
    }
    .error-summary ul {
      margin: 0;
      padding-inline-start: var(--_n-space-5);
    }
    .error-summary a {
      color: var(--_n-danger);
      font-weight: 600;
    }
    .error-summary:focus,
    .submit-error:focus,
    .sent h3:focus {
      outline: 3px solid var(--_n-focus);
      outline-offset: 2px;
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: var(--_n-space-3);
      align-items: center;
    }
    .sent {
      border: 1px solid var(--_n-border);
      border-inline-start: 4px solid var(--_n-success);
      border-radius: var(--_n-radius);
      padding: var(--_n-space-3);
      background: var(--_n-surface);
    }
  `,
];
