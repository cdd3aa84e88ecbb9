import { css } from 'lit';
import { styleAdopter } from '../base/style-adopter.js';

/**
 * Styles of the registration dialog and of "my registrations", loaded with them (`registration-ui.ts`) and
 * added to the finder's own by {@link adoptRegistrationStyles}.
 */
export const registrationStyles = css`
  ul.mine {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: var(--nassij-training-finder-gap, var(--_n-space-3));
  }
  ul.mine > li {
    border: 1px solid var(--_n-border);
    border-radius: var(--_n-radius);
    background: var(--nassij-training-finder-card-bg, var(--_n-surface));
    padding: var(--_n-space-4);
  }
  .my-training h4,
  .my-competencies h4 {
    margin-block: 0 var(--_n-space-2);
  }
  .my-competencies {
    margin-block-start: var(--_n-space-5);
  }
  .my-training .links {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_n-space-2) var(--_n-space-4);
  }
  .my-training .links a {
    display: inline-flex;
    align-items: center;
    min-block-size: 2.75rem;
  }
  .my-calendar {
    margin-block-start: var(--_n-space-5);
    padding-block-start: var(--_n-space-4);
    border-block-start: 1px solid var(--_n-border);
  }
  .my-calendar input {
    inline-size: 100%;
  }
  .calendar-actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_n-space-3);
    align-items: center;
    margin-block-start: var(--_n-space-3);
  }
  dialog {
    max-inline-size: min(36rem, 100vw - 2rem);
    border: 1px solid var(--_n-border);
    border-radius: var(--_n-radius);
    background: var(--_n-surface);
    color: var(--_n-text);
    padding: var(--_n-space-5);
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 0.5);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_n-space-2);
    justify-content: flex-end;
    margin-block-start: var(--_n-space-4);
  }
  .field-error {
    border-inline-start: 4px solid var(--_n-danger);
    padding-inline-start: var(--_n-space-3);
    margin: 0;
    font-weight: 700;
  }
`;

/** Adds {@link registrationStyles} after the styles the finder already has (once per finder). */
export const adoptRegistrationStyles = styleAdopter(registrationStyles);
