import { css } from 'lit';
import { baseStyles } from '../styles/index.js';

/**
 * Styles of `<nassij-synthesis-editor>`: logical properties only (the layout mirrors in Arabic by itself), one
 * column that may shrink to 320 px, each recommendation or amendment a bordered card with its outcome and
 * reason, and the preview drawn as the public page draws it.
 *
 * @example
 * ```ts
 * static override styles = synthesisEditorStyles;
 * ```
 */
export const synthesisEditorStyles = [
  baseStyles,
  css`
    .editor,
    .draft,
    .group,
    .localized,
    .candidate,
    .synthesis,
    .preview {
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
    .group {
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
    .muted,
    .meta {
      color: var(--_n-muted);
      font-size: var(--_n-font-size-s);
    }
    .meta,
    .status-line,
    .form-actions,
    .actions,
    .downloads {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: var(--_n-space-2);
    }
    .badge {
      border: 1px solid var(--_n-border);
      border-radius: var(--_n-radius);
      padding-inline: var(--_n-space-2);
    }
    .save-state {
      color: var(--_n-muted);
    }
    .candidates,
    .recommendations {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: var(--_n-space-3);
    }
    .candidate,
    .recommendation {
      border: 1px solid var(--_n-border);
      border-radius: var(--_n-radius);
      padding: var(--_n-space-3);
      display: grid;
      gap: var(--_n-space-2);
    }
    /* A row publishing still refuses: a thicker bar on its start side, and its message in words. */
    .candidate[data-missing] {
      border-inline-start: 4px solid var(--_n-danger);
    }
    .user-text,
    .body,
    ins {
      white-space: pre-wrap;
      overflow-wrap: anywhere;
    }
    ins {
      display: block;
      text-decoration: none;
      border: 1px solid var(--_n-border);
      border-radius: var(--_n-radius);
      padding: var(--_n-space-2);
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
    fieldset.outcomes {
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
      margin: 0;
    }
    textarea,
    input[type='url'] {
      inline-size: 100%;
    }
    .nassij-button {
      min-block-size: 2.75rem;
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
    .preview {
      border: 2px dashed var(--_n-border);
      border-radius: var(--_n-radius);
      padding: var(--_n-space-3);
      background: var(--_n-surface-alt);
    }
    /* The public page's own look, as <nassij-consultation> draws it. */
    .figures {
      display: flex;
      flex-wrap: wrap;
      gap: var(--_n-space-4);
      margin: 0;
    }
    .figures div {
      display: grid;
    }
    .figures dd {
      margin: 0;
      font-size: var(--_n-font-size-xl);
      font-weight: 700;
    }
    .by-article {
      margin: 0;
      padding-inline-start: var(--_n-space-5);
    }
    .label {
      font-weight: 600;
    }
    blockquote {
      margin: 0;
      padding-inline-start: var(--_n-space-3);
      border-inline-start: 3px solid var(--_n-border);
    }
    a {
      color: var(--_n-primary);
    }
  `,
];
