import { css } from 'lit';
import { baseStyles } from '../styles/index.js';

/**
 * Styles of `<nassij-call-manager>`: logical properties only, so the layout mirrors in Arabic and nothing
 * scrolls the page sideways at 320 px.
 *
 * @example
 * ```ts
 * static override styles = callManagerStyles;
 * ```
 */
export const callManagerStyles = [
  baseStyles,
  css`
    section {
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
    ul.calls,
    ul.queue,
    ul.board {
      list-style: none;
      padding: 0;
      margin: 0;
      display: grid;
      gap: var(--_n-space-3);
    }
    .calls > li,
    .queue > li,
    .board > li {
      display: grid;
      gap: var(--_n-space-2);
      min-inline-size: 0;
      padding: var(--_n-space-3);
      border: 1px solid var(--_n-border);
      border-radius: var(--_n-radius);
    }
    ul.stages {
      list-style: none;
      padding: 0;
      margin: 0;
      display: flex;
      flex-wrap: wrap;
      gap: var(--_n-space-1) var(--_n-space-3);
    }
    .meta {
      display: flex;
      flex-wrap: wrap;
      gap: var(--_n-space-1) var(--_n-space-3);
      color: var(--_n-muted);
      font-size: var(--_n-font-size-s);
      overflow-wrap: anywhere;
    }
    .status {
      font-weight: 600;
    }
    .app-name {
      font-weight: 600;
    }
    .desk-part {
      border-block-start: 1px solid var(--_n-border);
      padding-block-start: var(--_n-space-3);
    }
    .nassij-button {
      min-block-size: 2.75rem;
    }
    .form-actions {
      display: flex;
      flex-wrap: wrap;
      gap: var(--_n-space-2);
    }
    form {
      display: grid;
      gap: var(--_n-space-2);
      min-inline-size: 0;
    }
    fieldset {
      display: grid;
      gap: var(--_n-space-1);
      border: 1px solid var(--_n-border);
      border-radius: var(--_n-radius);
      margin: 0;
      min-inline-size: 0;
    }
    legend {
      font-weight: 600;
      overflow-wrap: anywhere;
    }
    .option {
      display: flex;
      gap: var(--_n-space-2);
      align-items: center;
      min-block-size: 2.75rem;
    }
    .option input {
      inline-size: 1.25rem;
      block-size: 1.25rem;
      flex: none;
    }
    .field {
      display: flex;
      flex-direction: column;
      gap: var(--_n-space-1);
    }
    .hint,
    .muted {
      color: var(--_n-muted);
    }
    .field-error,
    .error {
      color: var(--_n-danger);
      font-weight: 600;
    }
    .notice {
      color: var(--_n-success);
      font-weight: 600;
    }
    .filter {
      max-inline-size: 20rem;
    }
    .filter select {
      min-block-size: 2.75rem;
    }
    .more {
      display: grid;
      gap: var(--_n-space-2);
      justify-items: start;
    }
    .load-more[aria-disabled='true'] {
      cursor: progress;
      opacity: 0.7;
    }
  `,
];
