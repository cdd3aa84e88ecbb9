import { css } from 'lit';
import { baseStyles } from '../styles/index.js';

/**
 * Styles of `<nassij-consultation>`: logical properties only (Arabic mirrors by itself), marks that
 * carry a text label and a symbol besides their colour.
 *
 * @example
 * ```ts
 * static override styles = consultationStyles;
 * ```
 */
export const consultationStyles = [
  baseStyles,
  css`
    .consultation,
    .detail,
    .text,
    section {
      display: grid;
      gap: var(--nassij-consultation-gap, var(--_n-space-4));
    }
    h2,
    h3,
    h4,
    h5,
    p {
      margin: 0;
    }
    ul,
    ol {
      margin: 0;
      padding-inline-start: var(--_n-space-5);
    }
    .contributions,
    .recommendations,
    .replies {
      list-style: none;
      padding: 0;
      display: grid;
      gap: var(--_n-space-3);
    }
    .replies {
      margin-inline-start: var(--_n-space-5);
      border-inline-start: 3px solid var(--_n-border);
      padding-inline-start: var(--_n-space-3);
    }
    .kicker,
    .muted,
    .hint,
    .counter,
    .meta,
    .draft-note {
      color: var(--_n-muted);
      font-size: var(--_n-font-size-s);
    }
    .meta {
      display: flex;
      flex-wrap: wrap;
      gap: var(--_n-space-2);
      align-items: baseline;
    }
    .timeline {
      list-style: none;
      padding: 0;
      display: flex;
      flex-wrap: wrap;
      gap: var(--_n-space-2);
    }
    /* An early close: the organisation's public reason, beside the phases. */
    .closure {
      border-inline-start: 4px solid currentColor;
      padding-inline-start: var(--_n-space-2);
    }
    .phase {
      border: 1px solid var(--_n-border);
      border-radius: var(--_n-radius);
      padding: var(--_n-space-2) var(--_n-space-3);
      display: grid;
    }
    .phase[data-state='current'] {
      border-width: 3px;
      border-color: var(--_n-primary);
    }
    .phase[data-state='past'] {
      color: var(--_n-muted);
    }
    .phase-name {
      font-weight: 600;
    }
    .figures {
      display: flex;
      flex-wrap: wrap;
      gap: var(--_n-space-4);
      margin: 0;
    }
    .figures dd {
      margin: 0;
      font-size: var(--_n-font-size-xl);
      font-weight: 700;
    }
    .article,
    .contribution,
    .notice,
    .recommendation,
    .contribute,
    .question {
      border: 1px solid var(--_n-border);
      border-radius: var(--_n-radius);
      padding: var(--_n-space-3);
      background: var(--_n-surface);
      display: grid;
      gap: var(--_n-space-2);
    }
    .article[data-change] {
      border-inline-start: 4px solid var(--_n-primary);
    }
    .notice,
    .receipt {
      background: var(--_n-surface-alt);
    }
    .mark,
    .badge,
    .position {
      display: inline-block;
      padding-inline: var(--_n-space-2);
      border-radius: var(--_n-radius);
      border: 1px solid currentColor;
      font-size: var(--_n-font-size-s);
      font-weight: 600;
    }
    .mark[data-change='added'] {
      background: var(--nassij-consultation-mark-added, var(--_n-surface-alt));
    }
    .mark[data-change='modified'] {
      background: var(--nassij-consultation-mark-modified, var(--_n-surface-alt));
    }
    .body,
    .user-text,
    del,
    ins {
      white-space: pre-wrap;
      overflow-wrap: anywhere;
    }
    del,
    ins {
      display: block;
      padding: var(--_n-space-2);
      border-radius: var(--_n-radius);
      border: 1px dashed var(--_n-border);
    }
    del {
      text-decoration: line-through;
    }
    ins {
      text-decoration: none;
      border-style: solid;
    }
    .compare {
      display: grid;
      gap: var(--_n-space-3);
      grid-template-columns: repeat(auto-fit, minmax(15rem, 1fr));
    }
    .label {
      font-weight: 600;
    }
    /* Pressed: filled, with a check mark (not colour alone); the mark is silent, aria-pressed says it. */
    .support[aria-pressed='true'] {
      background: var(--nassij-button-bg, var(--_n-primary));
      color: var(--nassij-button-color, var(--_n-on-primary));
    }
    .support[aria-pressed='true']::before {
      content: '✓' / '';
    }
    .article-actions,
    .actions,
    .form-actions,
    .contribute-actions,
    .downloads {
      display: flex;
      flex-wrap: wrap;
      gap: var(--_n-space-2);
      align-items: center;
    }
    fieldset {
      border: 1px solid var(--_n-border);
      border-radius: var(--_n-radius);
      padding: var(--_n-space-3);
      margin: 0;
      display: grid;
      gap: var(--_n-space-2);
    }
    fieldset.inline {
      display: flex;
      flex-wrap: wrap;
      gap: var(--_n-space-3);
    }
    label {
      display: inline-flex;
      gap: var(--_n-space-1);
      align-items: center;
      min-block-size: 1.5rem;
    }
    p > label {
      display: block;
    }
    .version-date {
      display: block;
      margin-block-start: var(--_n-space-1);
    }
    textarea,
    select,
    input:not([type='radio'], [type='checkbox']) {
      inline-size: 100%;
    }
    input[type='radio'],
    input[type='checkbox'] {
      inline-size: 1.5rem;
      block-size: 1.5rem;
      margin: 0;
    }
    .field-error,
    .error {
      color: var(--_n-danger);
      font-weight: 600;
    }
    .counter[data-near='true'] {
      color: var(--_n-warning);
      font-weight: 600;
    }
    .trap {
      position: absolute;
      inset-inline-start: -10000px;
      inline-size: 1px;
      block-size: 1px;
      overflow: hidden;
    }
    .toc a,
    a {
      color: var(--_n-primary);
      min-block-size: 1.5rem;
      display: inline-block;
    }
    :host(:dir(rtl)) .dir-icon {
      display: inline-block;
      transform: scaleX(-1);
    }
    /* Word diffs: inline marks, each with a line (not colour alone) and a label screen readers read. */
    .word-diff ins,
    .word-diff del,
    .diff-legend ins,
    .diff-legend del {
      display: inline;
      padding: 0;
      border: none;
      border-radius: 0;
    }
    .word-diff ins,
    .diff-legend ins {
      color: var(--nassij-consultation-diff-added, var(--_n-success));
      text-decoration: underline;
      text-decoration-thickness: 2px;
    }
    .word-diff del,
    .diff-legend del {
      color: var(--nassij-consultation-diff-removed, var(--_n-danger));
      text-decoration: line-through;
    }
    .diff-legend {
      display: flex;
      gap: var(--_n-space-3);
      font-size: var(--_n-font-size-s);
    }
    .since,
    .amendment-diff {
      border: 1px solid var(--_n-border);
      border-radius: var(--_n-radius);
      padding-block: var(--_n-space-2);
      padding-inline: var(--_n-space-3);
    }
    .since[open],
    .amendment-diff[open] {
      display: grid;
      gap: var(--_n-space-2);
    }
    .since > summary,
    .amendment-diff > summary {
      cursor: pointer;
      font-weight: 600;
      min-block-size: 1.5rem;
    }
    .version-mark {
      background: var(--_n-surface-alt);
    }
    .removed-note {
      font-weight: 600;
    }
    .frozen .figures div {
      display: grid;
    }
    blockquote {
      margin: 0;
      padding-inline-start: var(--_n-space-3);
      border-inline-start: 3px solid var(--_n-border);
    }
  `,
];
