import { css } from 'lit';
import { baseStyles } from '../styles/index.js';

/**
 * Styles of `<nassij-moderation-queue>`: logical properties only, user text wraps anywhere so a long word
 * never scrolls the page sideways at 320 px, states carry a text badge besides their colour.
 *
 * @example
 * ```ts
 * static override styles = moderationQueueStyles;
 * ```
 */
export const moderationQueueStyles = [
  baseStyles,
  css`
    section,
    .contribution,
    .decide {
      display: grid;
      gap: var(--nassij-consultation-gap, var(--_n-space-3));
      min-inline-size: 0;
      /* One column that may shrink below its content's width: a wide table scrolls in its own box. */
      grid-template-columns: minmax(0, 1fr);
    }
    h2,
    h3,
    p {
      margin: 0;
      overflow-wrap: anywhere;
    }
    h3 {
      display: flex;
      flex-wrap: wrap;
      gap: var(--_n-space-2);
      align-items: baseline;
    }
    .queue {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: var(--nassij-consultation-gap, var(--_n-space-3));
    }
    .contribution {
      border: 1px solid var(--_n-border);
      border-radius: var(--_n-radius);
      padding: var(--_n-space-3);
      background: var(--_n-surface);
    }
    .meta {
      display: flex;
      flex-wrap: wrap;
      gap: var(--_n-space-2);
      color: var(--_n-muted);
      font-size: var(--_n-font-size-s);
    }
    .badge {
      display: inline-block;
      padding-inline: var(--_n-space-2);
      border-radius: var(--_n-radius);
      border: 1px solid currentColor;
      font-size: var(--_n-font-size-s);
      font-weight: 600;
    }
    .body,
    .user-text {
      white-space: pre-wrap;
      overflow-wrap: anywhere;
    }
    .label {
      font-weight: 600;
    }
    .history ol {
      margin: 0;
      padding-inline-start: var(--_n-space-5);
    }
    summary {
      min-block-size: 1.5rem;
      cursor: pointer;
    }
    label {
      display: block;
    }
    textarea {
      inline-size: 100%;
      box-sizing: border-box;
    }
    .form-actions {
      display: flex;
      flex-wrap: wrap;
      gap: var(--_n-space-2);
      align-items: center;
    }
    .field-error {
      color: var(--_n-danger);
      font-weight: 600;
    }
  `,
];
