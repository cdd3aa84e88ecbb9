import { css } from 'lit';
import { baseStyles } from '../styles/index.js';

/**
 * Styles of `<nassij-session-manager>`: logical properties only, so the layout mirrors in Arabic and nothing
 * scrolls the page sideways at 320 px.
 *
 * @example
 * ```ts
 * static override styles = sessionManagerStyles;
 * ```
 */
export const sessionManagerStyles = [
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
    h5,
    p {
      margin: 0;
      overflow-wrap: anywhere;
    }
    ul.courses,
    ul.sessions,
    ul.certificates {
      list-style: none;
      padding: 0;
      margin: 0;
      display: grid;
      gap: var(--_n-space-3);
    }
    .courses > li,
    .sessions > li,
    .certificates > li {
      display: grid;
      gap: var(--_n-space-2);
      min-inline-size: 0;
      padding: var(--_n-space-3);
      border: 1px solid var(--_n-border);
      border-radius: var(--_n-radius);
    }
    ul.counts {
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
    .sessions > li[data-status='cancelled'] {
      border-style: dashed;
    }
    .pair {
      grid-template-columns: repeat(auto-fit, minmax(min(100%, 14rem), 1fr));
      gap: var(--_n-space-2);
    }
    .pair > legend,
    .pair > .hint {
      grid-column: 1 / -1;
    }
    .save-state {
      display: flex;
      flex-wrap: wrap;
      gap: var(--_n-space-2);
      align-items: center;
      padding: var(--_n-space-2) var(--_n-space-3);
      border-inline-start: 4px solid var(--_n-success);
      background: var(--_n-surface-alt);
      font-weight: 600;
    }
    .save-state[data-state='pending'],
    .save-state[data-state='saving'] {
      border-inline-start-color: var(--_n-muted);
    }
    .save-state[data-state='failed'] {
      border-inline-start-color: var(--_n-danger);
      color: var(--_n-danger);
    }
    /* The sheet scrolls sideways inside its own box (focusable), never the page. */
    .sheet-scroll {
      overflow-x: auto;
      max-inline-size: 100%;
    }
    .sheet-scroll:focus-visible {
      outline: 3px solid var(--_n-focus);
      outline-offset: 2px;
    }
    table {
      border-collapse: collapse;
      min-inline-size: 100%;
    }
    caption {
      text-align: start;
      font-weight: 600;
      padding-block-end: var(--_n-space-2);
    }
    th,
    td {
      border: 1px solid var(--_n-border);
      padding: var(--_n-space-1) var(--_n-space-2);
      text-align: center;
      vertical-align: middle;
    }
    th[scope='row'],
    thead th:first-child {
      text-align: start;
      min-inline-size: 9rem;
    }
    th[scope='row'] .status {
      display: block;
      color: var(--_n-muted);
      font-size: var(--_n-font-size-s);
    }
    thead th {
      white-space: nowrap;
    }
    thead .day {
      display: block;
    }
    /* Touch targets of at least 44 CSS px (WCAG 2.5.5), for a finger on a tablet. */
    input.tick {
      inline-size: 2.75rem;
      block-size: 2.75rem;
      margin: 0;
      accent-color: var(--_n-primary);
      cursor: pointer;
    }
    /* The ratings' table is narrow: none of the sheet's wide, unbroken headers (it fits 320 px). */
    table.ratings th {
      min-inline-size: 0;
      white-space: normal;
    }
    /* The share of each rating, for the eye: the table's figures say it to everyone. */
    .bar {
      display: block;
      block-size: 0.5rem;
      inline-size: var(--share, 0);
      background: var(--_n-primary);
      border-radius: 2px;
    }
    ul.comments {
      list-style: none;
      padding: 0;
      margin: 0;
      display: grid;
      gap: var(--_n-space-2);
    }
    .comments > li {
      display: grid;
      gap: var(--_n-space-1);
      padding-inline-start: var(--_n-space-3);
      border-inline-start: 4px solid var(--_n-border);
    }
    .links {
      display: flex;
      flex-wrap: wrap;
      gap: var(--_n-space-3);
    }
    .links a {
      display: inline-flex;
      align-items: center;
      min-block-size: 2.75rem;
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
