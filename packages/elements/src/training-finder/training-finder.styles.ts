import { css } from 'lit';

/**
 * Styles of `<nassij-training-finder>`: logical properties only, so Arabic mirrors by itself. The dialog's and
 * "my registrations"' come with them, in `registration.styles.ts`.
 */
export const trainingFinderStyles = css`
  h2 {
    font-size: var(--_n-font-size-xl);
    margin-block: 0 var(--_n-space-3);
  }
  .bar {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_n-space-3);
    align-items: center;
    justify-content: space-between;
    margin-block-end: var(--_n-space-3);
  }
  [role='tablist'] {
    display: flex;
    gap: var(--_n-space-2);
  }
  [role='tab'] {
    min-block-size: 2.75rem;
    padding-inline: var(--_n-space-3);
    border: 0;
    border-block-end: 3px solid transparent;
    background: none;
    color: var(--_n-text);
    font: inherit;
    cursor: pointer;
  }
  [role='tab'][aria-selected='true'] {
    border-block-end-color: var(--_n-primary);
    font-weight: 700;
  }
  .layout {
    display: grid;
    gap: var(--_n-space-4);
    grid-template-columns: minmax(14rem, 18rem) minmax(0, 1fr);
  }
  /* Reflow at 320 px: no column, field or long word may be wider than the screen. */
  .layout > *,
  fieldset {
    min-inline-size: 0;
  }
  select.nassij-input {
    inline-size: 100%;
    max-inline-size: 100%;
  }
  .wrap {
    overflow-wrap: anywhere;
  }
  @container (max-width: 40rem) {
    .layout {
      grid-template-columns: minmax(0, 1fr);
    }
  }
  .wrap {
    container-type: inline-size;
  }
  form.search {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_n-space-2);
    margin-block-end: var(--_n-space-3);
  }
  form.search .nassij-input {
    flex: 1 1 10rem;
    min-inline-size: 0;
  }
  fieldset {
    border: 1px solid var(--_n-border);
    border-radius: var(--_n-radius);
    margin: 0 0 var(--_n-space-3);
    padding: var(--_n-space-2) var(--_n-space-3);
  }
  legend {
    font-weight: 700;
    padding-inline: var(--_n-space-1);
  }
  .check {
    display: flex;
    gap: var(--_n-space-2);
    align-items: center;
    min-block-size: 1.75rem;
  }
  .check input {
    inline-size: 1.25rem;
    block-size: 1.25rem;
  }
  .field {
    display: flex;
    flex-direction: column;
    gap: var(--_n-space-1);
    margin-block-end: var(--_n-space-2);
  }
  ul.courses,
  ul.sessions {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: var(--nassij-training-finder-gap, var(--_n-space-3));
  }
  article {
    border: 1px solid var(--_n-border);
    border-radius: var(--_n-radius);
    background: var(--nassij-training-finder-card-bg, var(--_n-surface));
    padding: var(--_n-space-4);
  }
  h3 {
    margin: 0 0 var(--_n-space-2);
    font-size: var(--_n-font-size-l);
  }
  h4 {
    margin: var(--_n-space-3) 0 var(--_n-space-2);
    font-size: var(--_n-font-size-m);
  }
  .meta,
  .muted {
    color: var(--_n-muted);
    font-size: var(--_n-font-size-s);
  }
  .tags {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_n-space-2);
    list-style: none;
    margin: 0 0 var(--_n-space-2);
    padding: 0;
  }
  .tags li,
  .badge {
    display: inline-block;
    border: 1px solid var(--_n-border);
    border-radius: 999px;
    padding-inline: var(--_n-space-2);
    font-size: var(--_n-font-size-s);
  }
  .badge[data-state='open'],
  .badge[data-state='confirmed'] {
    border-color: var(--_n-success);
    border-inline-start-width: 4px;
  }
  .badge[data-state='waitlist'],
  .badge[data-state='waitlisted'] {
    border-color: var(--_n-warning);
    border-inline-start-width: 4px;
  }
  .badge[data-state='closed'],
  .badge[data-state='suspended'],
  .badge[data-state='cancelled'] {
    border-color: var(--_n-danger);
    border-inline-start-width: 4px;
  }
  .session-actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_n-space-3);
    align-items: center;
  }
  ul.sessions > li {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_n-space-2);
    align-items: center;
    justify-content: space-between;
    border-block-start: 1px solid var(--_n-border);
    padding-block-start: var(--_n-space-2);
  }
  .alert {
    border-inline-start: 4px solid var(--_n-danger);
    padding-inline-start: var(--_n-space-3);
  }
  .more {
    margin-block-start: var(--_n-space-3);
  }
`;
