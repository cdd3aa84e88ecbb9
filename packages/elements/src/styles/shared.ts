import { css } from 'lit';

/**
 * Styles every component shares: visually-hidden text, the focus ring, buttons, inputs, state blocks and the
 * skeleton shimmer. Logical properties only, so Arabic mirrors by itself.
 *
 * @csspart button - Buttons rendered by the shared state helpers (retry).
 *
 * @example
 * ```ts
 * html`<button class="nassij-button" part="button">${this.t('action.retry')}</button>`;
 * ```
 */
export const sharedStyles = css`
  :host {
    display: block;
    box-sizing: border-box;
    color: var(--_n-text);
    font-family: var(--_n-font-family);
    line-height: var(--_n-line-height);
  }
  h2,
  h3,
  h4 {
    margin-block: 0 var(--_n-space-2);
    line-height: 1.3;
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }

  .visually-hidden {
    position: absolute !important;
    inline-size: 1px;
    block-size: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
    border: 0;
  }

  /* 2px ring with an offset, outside the element so a sticky header or a neighbour does not hide it. */
  :focus-visible {
    outline: 2px solid var(--_n-focus);
    outline-offset: 2px;
    scroll-margin-block: var(--nassij-scroll-margin, 4rem);
  }

  .nassij-button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: var(--_n-space-2);
    min-block-size: 2.75rem; /* 44px touch target, above the 24px of WCAG 2.2 SC 2.5.8 */
    padding-block: var(--_n-space-2);
    padding-inline: var(--_n-space-4);
    border: 1px solid var(--nassij-button-border, var(--_n-primary));
    border-radius: var(--nassij-button-radius, var(--_n-radius));
    background: var(--nassij-button-bg, var(--_n-primary));
    color: var(--nassij-button-color, var(--_n-on-primary));
    font: inherit;
    font-weight: 600;
    cursor: pointer;
  }
  .nassij-button[data-variant='secondary'] {
    background: var(--nassij-button-secondary-bg, var(--_n-surface));
    color: var(--nassij-button-secondary-color, var(--_n-primary));
  }
  .nassij-button:disabled {
    cursor: not-allowed;
    opacity: 0.6;
  }

  .nassij-input {
    min-block-size: 2.75rem;
    padding-block: var(--_n-space-2);
    padding-inline: var(--_n-space-3);
    border: 1px solid var(--nassij-input-border, var(--_n-border));
    border-radius: var(--nassij-input-radius, var(--_n-radius));
    background: var(--nassij-input-bg, var(--_n-surface));
    color: var(--_n-text);
    font: inherit;
  }
  .nassij-input[aria-invalid='true'] {
    border-color: var(--_n-danger);
    border-inline-start-width: 4px;
  }

  .nassij-state {
    display: flex;
    flex-direction: column;
    align-items: flex-start;
    gap: var(--_n-space-3);
    padding-block: var(--_n-space-4);
    padding-inline: var(--_n-space-4);
    border-radius: var(--_n-radius);
    background: var(--_n-surface);
    color: var(--_n-text);
  }
  .nassij-skeleton-lines {
    inline-size: 100%;
  }
  .nassij-state[data-state='error'] {
    border-inline-start: 4px solid var(--_n-danger);
  }
  .nassij-state[data-state='offline'] {
    border-inline-start: 4px solid var(--_n-warning);
  }

  .nassij-skeleton {
    display: block;
    inline-size: 100%;
    block-size: 1rem;
    border-radius: var(--_n-radius);
    background: linear-gradient(90deg, var(--_n-surface-alt) 25%, var(--_n-surface) 50%, var(--_n-surface-alt) 75%);
    background-size: 200% 100%;
    animation: nassij-shimmer 1.4s ease-in-out infinite;
  }
  .nassij-skeleton + .nassij-skeleton {
    margin-block-start: var(--_n-space-2);
  }
  .nassij-skeleton:nth-child(3n) {
    inline-size: 70%;
  }
  @keyframes nassij-shimmer {
    from {
      background-position: 100% 0;
    }
    to {
      background-position: -100% 0;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .nassij-skeleton {
      animation: none;
    }
  }
  @media (forced-colors: active) {
    .nassij-skeleton {
      border: 1px solid CanvasText;
    }
  }
`;
