import { css } from 'lit';

/**
 * Styles of `<nassij-association-directory>`'s search form: logical properties only, so Arabic mirrors by
 * itself. The results and the profile card come with their styles, in `views/results.ts` and `views/profile.ts`.
 */
export const directoryStyles = css`
  :host {
    /* Long names, registration numbers and addresses wrap rather than widen the page at 320 px. */
    overflow-wrap: anywhere;
  }
  form {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_n-space-3);
    align-items: end;
    margin-block-end: var(--_n-space-4);
  }
  .field {
    display: flex;
    flex-direction: column;
    gap: var(--_n-space-1);
    min-inline-size: 0;
    max-inline-size: 100%;
  }
  select {
    max-inline-size: 100%;
  }
  .q {
    flex: 1 1 16rem;
  }
  fieldset {
    min-inline-size: 0;
    border: 1px solid var(--_n-border);
    border-radius: var(--_n-radius);
    padding: var(--_n-space-1) var(--_n-space-2);
    margin: 0;
  }
  .check {
    display: inline-flex;
    gap: var(--_n-space-2);
    align-items: center;
    min-block-size: 24px;
  }
  .check input {
    inline-size: 20px;
    block-size: 20px;
  }
`;
