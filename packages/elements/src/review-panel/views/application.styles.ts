import { css } from 'lit';
import { styleAdopter } from '../../base/style-adopter.js';

/**
 * Styles of an open application (answers and files, which wrap anywhere; the budget table, which scrolls
 * inside its own container; the review and decision forms), loaded with its views and added to the panel's
 * own by {@link adoptApplicationStyles}.
 */
export const applicationStyles = css`
  .muted {
    color: var(--_n-muted);
  }
  .file-name,
  .user-text {
    overflow-wrap: anywhere;
    white-space: pre-wrap;
  }
  .file-name {
    font-weight: 600;
  }
  fieldset {
    border: 1px solid var(--_n-border);
    border-radius: var(--_n-radius);
    margin-block: 0 var(--_n-space-3);
    min-inline-size: 0;
  }
  legend {
    font-weight: 600;
  }
  .option {
    display: flex;
    gap: var(--_n-space-2);
    align-items: center;
    min-block-size: 2rem;
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
    margin-block-end: var(--_n-space-3);
  }
  dl {
    margin: 0;
  }
  dl div {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_n-space-2);
    padding-block: var(--_n-space-1);
    border-block-end: 1px solid var(--_n-border);
    min-inline-size: 0;
  }
  dt {
    font-weight: 600;
  }
  dd {
    margin: 0;
    flex: 1 1 12rem;
    min-inline-size: 0;
    overflow-wrap: anywhere;
  }
  .table-scroll {
    max-inline-size: 100%;
    overflow-x: auto;
  }
  table {
    border-collapse: collapse;
  }
  th,
  td {
    padding: var(--_n-space-1) var(--_n-space-2);
    border-block-end: 1px solid var(--_n-border);
    text-align: start;
  }
  .attachments .download {
    justify-self: start;
  }
  .reviews li {
    padding-block: var(--_n-space-1);
    border-block-end: 1px solid var(--_n-border);
  }
  .num {
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }
`;

/** Adds {@link applicationStyles} after the styles the panel already has (once per panel). */
export const adoptApplicationStyles = styleAdopter(applicationStyles);
