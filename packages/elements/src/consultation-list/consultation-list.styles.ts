import { css } from 'lit';
import { baseStyles } from '../styles/index.js';

/**
 * Styles of the consultation list: cards in a column, filters that wrap (reflow at 320 px), logical
 * properties only.
 *
 * @example
 * ```ts
 * static override styles = consultationListStyles;
 * ```
 */
export const consultationListStyles = [
  baseStyles,
  css`
    .list {
      display: grid;
      gap: var(--nassij-consultation-gap, var(--_n-space-4));
    }
    h2,
    h3,
    p {
      margin: 0;
    }
    .cards {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: var(--_n-space-3);
    }
    .card {
      border: 1px solid var(--_n-border);
      border-radius: var(--_n-radius);
      padding: var(--_n-space-3);
      background: var(--_n-surface);
      display: grid;
      gap: var(--_n-space-2);
      overflow-wrap: anywhere;
    }
    .muted {
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
    a,
    button.link {
      color: var(--_n-primary);
      min-block-size: 1.5rem;
    }
    button.link {
      background: none;
      border: 0;
      padding: 0;
      font: inherit;
      text-decoration: underline;
      cursor: pointer;
      text-align: start;
    }
    fieldset {
      border: 1px solid var(--_n-border);
      border-radius: var(--_n-radius);
      padding: var(--_n-space-3);
      margin: 0;
    }
    .filters {
      display: flex;
      flex-wrap: wrap;
      gap: var(--_n-space-2);
    }
    .filters > p {
      flex: 1 1 12rem;
      min-inline-size: 0;
    }
    p > label {
      display: block;
    }
    select {
      inline-size: 100%;
    }
  `,
];
