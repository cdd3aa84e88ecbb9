import { css } from 'lit';
import { baseStyles } from '../styles/index.js';

/**
 * Styles of `<nassij-association-space>`: logical properties only, so the layout mirrors in Arabic and
 * nothing scrolls the page sideways at 320 px (the tabs wrap).
 *
 * @example
 * ```ts
 * static override styles = associationSpaceStyles;
 * ```
 */
export const associationSpaceStyles = [
  baseStyles,
  css`
    section,
    .panel,
    form {
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
    h2:focus-visible,
    h3:focus-visible,
    h4:focus-visible,
    .panel:focus-visible,
    .conflict:focus-visible {
      outline: 3px solid var(--_n-focus);
      outline-offset: 2px;
    }
    .heading {
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      gap: var(--_n-space-1) var(--_n-space-3);
    }
    .role,
    .meta,
    .hint,
    .muted {
      color: var(--_n-muted);
    }
    .picker {
      display: flex;
      flex-wrap: wrap;
      align-items: end;
      gap: var(--_n-space-2);
    }
    .picker select {
      min-inline-size: min(20rem, 100%);
    }
    .tabs {
      display: flex;
      flex-wrap: wrap;
      gap: var(--_n-space-1);
      border-block-end: 2px solid var(--_n-border);
    }
    .tab {
      min-block-size: 2.75rem;
      padding-inline: var(--_n-space-3);
      border: 1px solid transparent;
      border-block-end: 0;
      border-start-start-radius: var(--_n-radius);
      border-start-end-radius: var(--_n-radius);
      background: transparent;
      color: var(--_n-text);
      font: inherit;
      cursor: pointer;
    }
    .tab[aria-selected='true'] {
      border-color: var(--_n-border);
      background: var(--_n-surface-alt);
      font-weight: 700;
      box-shadow: inset 0 -3px 0 var(--_n-primary);
    }
    .tab:focus-visible {
      outline: 3px solid var(--_n-focus);
      outline-offset: 2px;
    }
    .panel[hidden] {
      display: none;
    }
    ul.cards,
    ul.pending,
    ul.plain {
      list-style: none;
      padding: 0;
      margin: 0;
      display: grid;
      gap: var(--_n-space-2);
    }
    .cards > li {
      display: grid;
      gap: var(--_n-space-1);
      min-inline-size: 0;
      padding: var(--_n-space-3);
      border: 1px solid var(--_n-border);
      border-radius: var(--_n-radius);
    }
    .cards > li[data-expired='true'],
    .cards > li[data-overdue='true'] {
      border-inline-start: 4px solid var(--_n-danger);
    }
    .meta {
      display: flex;
      flex-wrap: wrap;
      gap: var(--_n-space-1) var(--_n-space-3);
      font-size: var(--_n-font-size-s);
      overflow-wrap: anywhere;
    }
    .doc-name,
    .app-title,
    .member-name,
    .status {
      font-weight: 600;
    }
    .badge {
      display: inline-block;
      border: 1px solid currentColor;
      border-radius: var(--_n-radius);
      padding-inline: var(--_n-space-1);
      font-size: var(--_n-font-size-s);
      font-weight: 600;
    }
    .badge.expired {
      color: var(--_n-danger);
    }
    dl.facts {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(min(14rem, 100%), 1fr));
      gap: var(--_n-space-2) var(--_n-space-4);
      margin: 0;
    }
    dt {
      color: var(--_n-muted);
      font-size: var(--_n-font-size-s);
    }
    dd {
      margin: 0;
      overflow-wrap: anywhere;
    }
    .logo {
      max-inline-size: 8rem;
      max-block-size: 8rem;
    }
    a {
      color: var(--_n-primary);
    }
    a.nassij-button {
      display: inline-flex;
      align-items: center;
      text-decoration: none;
    }
    .nassij-button {
      min-block-size: 2.75rem;
    }
    .form-actions {
      display: flex;
      flex-wrap: wrap;
      gap: var(--_n-space-2);
    }
    fieldset {
      display: grid;
      gap: var(--_n-space-2);
      border: 1px solid var(--_n-border);
      border-radius: var(--_n-radius);
      margin: 0;
      min-inline-size: 0;
    }
    legend {
      font-weight: 600;
      overflow-wrap: anywhere;
    }
    .field {
      display: flex;
      flex-direction: column;
      gap: var(--_n-space-1);
      min-inline-size: 0;
    }
    .nassij-input.short {
      max-inline-size: 12rem;
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
    .domains {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(min(12rem, 100%), 1fr));
      gap: 0 var(--_n-space-3);
    }
    .upload,
    .invite,
    .profile-form,
    .claim {
      border-block-start: 1px solid var(--_n-border);
      padding-block-start: var(--_n-space-3);
    }
    .confirm,
    .conflict {
      display: grid;
      gap: var(--_n-space-2);
      padding: var(--_n-space-3);
      border: 2px solid var(--_n-warning);
      border-radius: var(--_n-radius);
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
    .warning {
      font-weight: 600;
      border-inline-start: 4px solid var(--_n-warning);
      padding-inline-start: var(--_n-space-2);
    }
  `,
];
