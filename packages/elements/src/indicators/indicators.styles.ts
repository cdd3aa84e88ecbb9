import { css } from 'lit';

/** Styles of `<nassij-indicators>`: logical properties only, so Arabic mirrors by itself. */
export const indicatorsStyles = css`
  :host {
    /* Long names and figures wrap rather than widen the page at 320 px. */
    overflow-wrap: anywhere;
  }
  .filters {
    /* A fieldset is at least as wide as its content by default: a long indicator name widened the page. */
    min-inline-size: 0;
    display: flex;
    flex-wrap: wrap;
    gap: var(--_n-space-3);
    border: 1px solid var(--_n-border);
    border-radius: var(--_n-radius);
    padding: var(--_n-space-3);
    margin-block-end: var(--_n-space-4);
  }
  .filters label {
    display: flex;
    flex: 1 1 10rem;
    flex-direction: column;
    gap: var(--_n-space-1);
    min-inline-size: 0;
  }
  .filters select {
    inline-size: 100%;
    max-inline-size: 100%;
  }
  .figures {
    list-style: none;
    padding: 0;
    margin: 0 0 var(--_n-space-3);
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(16rem, 100%), 1fr));
    gap: var(--_n-space-3);
  }
  .figure {
    border: 1px solid var(--_n-border);
    border-radius: var(--_n-radius);
    padding: var(--_n-space-3);
    background: var(--_n-surface);
  }
  .figure h4 {
    font-size: var(--_n-font-size-m);
  }
  .value {
    font-size: var(--_n-font-size-xl);
    font-weight: 700;
    margin: 0;
  }
  .ratio,
  .period,
  .denominator,
  .scope,
  .desc,
  .note {
    color: var(--_n-muted);
    font-size: var(--_n-font-size-s);
    margin-block: var(--_n-space-1);
  }
  summary {
    cursor: pointer;
    min-block-size: 24px;
  }
  figure,
  .breakdown {
    margin: 0 0 var(--_n-space-5);
    padding: var(--_n-space-3);
    border: 1px solid var(--_n-border);
    border-radius: var(--_n-radius);
  }
  figcaption {
    font-weight: 700;
    font-size: var(--_n-font-size-l);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_n-space-3);
    align-items: center;
    margin-block: var(--_n-space-2);
  }
  a {
    color: var(--_n-primary);
  }
  .download {
    display: inline-block;
    min-block-size: 24px;
    padding-block: 2px;
  }
  a:focus-visible,
  button:focus-visible,
  summary:focus-visible {
    outline: 3px solid var(--_n-focus);
    outline-offset: 2px;
  }
  .chart {
    display: block;
    inline-size: 100%;
    max-inline-size: 48rem;
    block-size: auto;
  }
  .chart text {
    fill: var(--_n-text);
    font-family: var(--_n-font-family);
    font-size: 13px;
  }
  .chart .bar {
    fill: var(--nassij-indicators-bar, var(--_n-primary));
  }
  .chart .selected .bar {
    fill: var(--nassij-indicators-bar-selected, var(--_n-warning));
  }
  .chart .selected text {
    font-weight: 700;
  }
  .chart .axis {
    stroke: var(--_n-border);
  }
  /* Wide tables scroll inside their own box (focusable, labelled), never the page. */
  .table-wrap {
    max-inline-size: 100%;
    overflow-x: auto;
  }
  .table-wrap:focus-visible {
    outline: 3px solid var(--_n-focus);
    outline-offset: 2px;
  }
  figure,
  .breakdown {
    min-inline-size: 0;
  }
  table {
    border-collapse: collapse;
    inline-size: 100%;
  }
  caption {
    text-align: start;
    font-weight: 700;
    padding-block-end: var(--_n-space-2);
  }
  th,
  td {
    text-align: start;
    padding: var(--_n-space-1) var(--_n-space-2);
    border-block-end: 1px solid var(--_n-border);
  }
  td {
    font-variant-numeric: tabular-nums;
  }
  .sort {
    font: inherit;
    font-weight: 700;
    color: inherit;
    background: none;
    border: 0;
    padding: 0;
    min-block-size: 24px;
    cursor: pointer;
    display: inline-flex;
    gap: var(--_n-space-1);
    align-items: center;
  }
  @media (forced-colors: active) {
    .chart .bar {
      fill: CanvasText;
    }
    .chart .selected .bar {
      fill: Highlight;
    }
    .chart text {
      fill: CanvasText;
    }
  }
`;
