import { css } from 'lit';
import { baseStyles } from '../styles/index.js';

/**
 * Styles of `<nassij-review-panel>`: logical properties only, so nothing scrolls the page sideways at 320 px.
 * Those of an open application (answers, files, review and decision forms) come with its views
 * (`views/application.styles.ts`).
 *
 * @example
 * ```ts
 * static override styles = reviewPanelStyles;
 * ```
 */
export const reviewPanelStyles = [
  baseStyles,
  css`
    section {
      display: grid;
      gap: var(--_n-space-3);
      min-inline-size: 0;
      /* One column that may shrink below its content's width: a wide table scrolls in its own box. */
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
    ul.apps,
    ul.attachments,
    ul.stages,
    ul.reviews {
      list-style: none;
      padding: 0;
      margin: 0;
      display: grid;
      gap: var(--_n-space-2);
    }
    .apps li,
    .attachments li {
      display: grid;
      gap: var(--_n-space-1);
      min-inline-size: 0;
    }
    .apps .nassij-button {
      text-align: start;
      overflow-wrap: anywhere;
    }
    .meta {
      display: flex;
      flex-wrap: wrap;
      gap: var(--_n-space-1) var(--_n-space-3);
      color: var(--_n-muted);
      font-size: var(--_n-font-size-s);
    }
    .nassij-button {
      min-block-size: 2.75rem;
    }
    /* The stages of the call's applications, side by side and wrapping. */
    ul.stages {
      display: flex;
      flex-wrap: wrap;
      gap: var(--_n-space-1) var(--_n-space-3);
      font-weight: 600;
    }
    .apps .name {
      font-weight: 600;
      overflow-wrap: anywhere;
    }
    .note {
      padding-inline-start: var(--_n-space-2);
      border-inline-start: 3px solid var(--_n-border);
    }
    .form-actions {
      display: flex;
      flex-wrap: wrap;
      gap: var(--_n-space-2);
    }
    .field-error,
    .error {
      color: var(--_n-danger);
      font-weight: 600;
    }
  `,
];
