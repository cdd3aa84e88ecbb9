import { css } from 'lit';
import { baseStyles } from '../styles/index.js';

/**
 * Styles of `<nassij-consultation-editor>`: logical properties only (the layout mirrors in Arabic by
 * itself), one column that may shrink to 320 px, articles as bordered groups with a bar on their start side.
 *
 * @example
 * ```ts
 * static override styles = consultationEditorStyles;
 * ```
 */
export const consultationEditorStyles = [
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
    .lead {
      font-size: var(--_n-font-size-l);
      font-weight: 600;
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
    .choice-list,
    .import-options {
      display: flex;
      flex-wrap: wrap;
      align-items: end;
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
      flex: none;
    }
    textarea.paste {
      font-family: inherit;
      min-block-size: 10rem;
    }
    .items,
    .consultations {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: var(--_n-space-3);
    }
    .article > fieldset {
      border-inline-start-width: 4px;
    }
    .consultation {
      display: grid;
      gap: var(--_n-space-2);
      border: 1px solid var(--_n-border);
      border-inline-start: 4px solid var(--_n-primary);
      border-radius: var(--_n-radius);
      padding-block: var(--_n-space-2);
      padding-inline: var(--_n-space-3);
    }
    .consultation h3 {
      font-size: 1em;
    }
    .row-actions,
    .form-actions,
    .status-line {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: var(--_n-space-2);
    }
    .nassij-button {
      min-block-size: 2.75rem;
      max-inline-size: 100%;
      white-space: normal;
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
    .conflict,
    .removed-question {
      border: 4px solid var(--_n-danger);
      border-radius: var(--_n-radius);
      padding-block: var(--_n-space-3);
      padding-inline: var(--_n-space-4);
      display: grid;
      gap: var(--_n-space-2);
    }
    .removed-question {
      border-color: var(--_n-warning);
    }
    .error-summary ul,
    .removed-question ul,
    .found {
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
    .preview {
      display: grid;
      gap: var(--_n-space-2);
      background: var(--_n-surface-alt);
      border-radius: var(--_n-radius);
      padding-block: var(--_n-space-2);
      padding-inline: var(--_n-space-3);
    }
    .preview h4 {
      font-size: 1em;
    }
    .preview-sections,
    .preview-articles {
      margin: 0;
      padding-inline-start: var(--_n-space-4);
      display: grid;
      gap: var(--_n-space-1);
    }
    .article-number {
      font-weight: 600;
    }
    .excerpt {
      display: block;
      overflow-wrap: anywhere;
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
    .actions,
    .versions,
    .version,
    .close {
      display: grid;
      gap: var(--_n-space-3);
    }
    /* The way to the synthesis is a link (it leads to another page) that looks like the next action. */
    a.nassij-button {
      text-decoration: none;
    }
    .versions ol {
      margin: 0;
      padding-inline-start: var(--_n-space-4);
      display: grid;
      gap: var(--_n-space-2);
    }
  `,
];
