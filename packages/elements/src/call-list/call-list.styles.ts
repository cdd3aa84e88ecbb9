import { css } from 'lit';

/** Styles of `<nassij-call-list>`: logical properties only, so Arabic mirrors by itself. */
export const callListStyles = css`
  :host {
    container: nassij-call-list / inline-size;
    /* Long words (a reference, an e-mail, a format) wrap rather than widen the page at 320 px. */
    overflow-wrap: anywhere;
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_n-space-3);
    align-items: end;
    margin-block-end: var(--_n-space-4);
  }
  .search {
    display: flex;
    flex: 1 1 16rem;
    flex-wrap: wrap;
    gap: var(--_n-space-2);
    align-items: end;
  }
  .field {
    display: flex;
    flex-direction: column;
    gap: var(--_n-space-1);
  }
  .search .field {
    flex: 1 1 12rem;
  }
  .layout {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: var(--nassij-call-list-gap, var(--_n-space-4));
  }
  .filters-toggle {
    justify-self: start;
    max-inline-size: 100%;
  }
  .facet-actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_n-space-2);
  }
  .facets {
    display: none;
  }
  .facets.open {
    display: block;
  }
  @container nassij-call-list (min-width: 48rem) {
    .layout {
      grid-template-columns: minmax(12rem, 16rem) minmax(0, 1fr);
    }
    .filters-toggle,
    .show-results {
      display: none;
    }
    .facets {
      display: block;
    }
  }
  fieldset {
    margin: 0 0 var(--_n-space-3);
    padding: var(--_n-space-2) var(--_n-space-3);
    border: 1px solid var(--_n-border);
    border-radius: var(--_n-radius);
  }
  legend {
    padding-inline: var(--_n-space-1);
    font-weight: 600;
  }
  .facet-value {
    display: flex;
    gap: var(--_n-space-2);
    align-items: center;
    min-block-size: 1.75rem;
    cursor: pointer;
  }
  .facet-value input {
    inline-size: 1.25rem;
    block-size: 1.25rem;
    margin: 0;
    accent-color: var(--_n-primary);
  }
  .count,
  .muted {
    color: var(--_n-muted);
  }
  .results-head {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_n-space-2);
    align-items: baseline;
    justify-content: space-between;
  }
  ul.cards,
  ul.plain {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  ul.cards > li {
    padding-block-end: var(--nassij-call-list-gap, var(--_n-space-3));
  }
  .card {
    display: flex;
    flex-direction: column;
    gap: var(--_n-space-2);
    padding: var(--_n-space-4);
    border: 1px solid var(--_n-border);
    border-radius: var(--_n-radius);
    background: var(--nassij-call-list-card-bg, var(--_n-surface));
  }
  .card-head {
    display: flex;
    gap: var(--_n-space-2);
    flex-wrap: wrap;
    align-items: start;
  }
  .card-head h3 {
    flex: 1 1 12rem;
    min-inline-size: 0;
    margin: 0;
    font-size: var(--_n-font-size-l);
  }
  .open-call {
    display: inline;
    min-block-size: 1.5rem;
    padding: 0;
    border: 0;
    background: none;
    color: var(--_n-primary);
    font: inherit;
    text-align: start;
    text-decoration: underline;
    cursor: pointer;
  }
  .badge {
    display: inline-block;
    padding-block: 0.125rem;
    padding-inline: var(--_n-space-2);
    border: 1px solid currentColor;
    border-radius: 999px;
    font-size: var(--_n-font-size-s);
  }
  .status-open {
    color: var(--_n-success);
  }
  .card dl,
  .detail dl {
    display: grid;
    grid-template-columns: minmax(0, max-content) minmax(0, 1fr);
    gap: var(--_n-space-1) var(--_n-space-3);
    margin: 0;
  }
  /* Narrow: terms above their values, so neither column is squeezed to a letter a line. */
  @container nassij-call-list (max-width: 24rem) {
    .card dl,
    .detail dl {
      grid-template-columns: minmax(0, 1fr);
    }
    dd + dt {
      margin-block-start: var(--_n-space-1);
    }
  }
  dt {
    color: var(--_n-muted);
  }
  dd {
    margin: 0;
  }
  .deadline {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_n-space-2);
    align-items: center;
  }
  .days {
    margin-inline-start: auto;
  }
  .days.soon {
    color: var(--_n-warning);
    font-weight: 600;
  }
  .more {
    display: flex;
    flex-direction: column;
    gap: var(--_n-space-2);
    align-items: center;
    margin-block-start: var(--_n-space-3);
  }
  .detail {
    display: flex;
    flex-direction: column;
    gap: var(--_n-space-4);
  }
  /* The feed and calendar links: a row under the count that wraps, each link a comfortable target. */
  .feed-links {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_n-space-1) var(--_n-space-4);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .feed-links a,
  .detail-actions a[part='calendar-link'] {
    display: inline-block;
    min-block-size: 24px;
    padding-block: var(--_n-space-1);
  }
  .detail-actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_n-space-3);
    align-items: center;
  }
  .detail section {
    padding-block-start: var(--_n-space-2);
    border-block-start: 1px solid var(--_n-border);
  }
  .detail p {
    margin-block: 0 var(--_n-space-2);
    white-space: pre-line;
  }
  a {
    color: var(--_n-primary);
  }
  a.nassij-button {
    text-decoration: none;
  }
  h2:focus {
    outline: none;
  }
  h2:focus-visible {
    outline: 2px solid var(--_n-focus);
  }
`;
