import { css } from 'lit';

/**
 * Design tokens as CSS custom properties on `:host`. A site sets the public `--nassij-*` properties on any
 * ancestor (or on the element); components read the private `--_n-*` ones, which resolve the public chain:
 * `var(--nassij-button-bg, var(--_n-primary))` where `--_n-primary` is
 * `var(--nassij-color-primary, #0b6e4f)` in light and `var(--nassij-dark-color-primary, #5fd3a6)` in dark.
 * The private layer is what lets dark mode switch without overriding a site's own inherited values.
 *
 * Dark applies with `prefers-color-scheme: dark` unless the element resolves an explicit theme
 * (`theme="light|dark"` on it, or class `nassij-light` / `nassij-dark` or `theme` on an ancestor), which
 * `NassijElement` reflects as `data-nassij-theme`. Forced colours use system colours.
 *
 * WCAG 2.2 contrast of the defaults (text ≥ 4.5:1 on surface and surface-alt; borders ≥ 3:1, SC 1.4.11):
 * light on #ffffff / #f3f6f4: text #1b1f23 16.58 / 15.23, muted #4f5a55 7.18 / 6.60, primary #0b6e4f
 * 6.25 / 5.75 (white on primary 6.25), danger #b3261e 6.54 / 6.01, success #1e6b34 6.55 / 6.02,
 * warning #7a4b00 7.41 / 6.81, focus #1a56db 6.18 / 5.68, border #7b8782 3.73 / 3.43.
 * dark on #121816 / #1c2420: text #e8ecea 15.08 / 13.32, muted #a9b4af 8.42 / 7.44, primary #5fd3a6
 * 9.72 / 8.59 (#0d1411 on primary 10.09), danger #ff8a80 7.88 / 6.96, success #7bd88f 10.33 / 9.12,
 * warning #f2c14e 10.71 / 9.46, focus #8ab4f8 8.53 / 7.53, border #7d8a84 5.00 / 4.42.
 *
 * The public tokens are documented once, as `@cssprop` on `NassijElement`, so that every component's Custom
 * Elements Manifest lists them.
 *
 * @example
 * ```ts
 * static override styles = [baseStyles, css`.title { color: var(--nassij-title-color, var(--_n-text)); }`];
 * ```
 */
export const tokens = css`
  :host {
    --_n-primary: var(--nassij-color-primary, #0b6e4f);
    --_n-on-primary: var(--nassij-color-on-primary, #ffffff);
    --_n-surface: var(--nassij-color-surface, #ffffff);
    --_n-surface-alt: var(--nassij-color-surface-alt, #f3f6f4);
    --_n-text: var(--nassij-color-text, #1b1f23);
    --_n-muted: var(--nassij-color-muted, #4f5a55);
    --_n-border: var(--nassij-color-border, #7b8782);
    --_n-danger: var(--nassij-color-danger, #b3261e);
    --_n-success: var(--nassij-color-success, #1e6b34);
    --_n-warning: var(--nassij-color-warning, #7a4b00);
    --_n-focus: var(--nassij-color-focus, #1a56db);

    --_n-space-1: var(--nassij-space-1, 0.25rem);
    --_n-space-2: var(--nassij-space-2, 0.5rem);
    --_n-space-3: var(--nassij-space-3, 0.75rem);
    --_n-space-4: var(--nassij-space-4, 1rem);
    --_n-space-5: var(--nassij-space-5, 1.5rem);
    --_n-space-6: var(--nassij-space-6, 2rem);
    --_n-radius: var(--nassij-radius, 0.375rem);
    --_n-font-family: var(
      --nassij-font-family,
      system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Noto Sans Arabic', 'Noto Naskh Arabic',
      Tahoma, 'Geeza Pro', 'Noto Sans Tifinagh', 'Ebrima', sans-serif
    );
    --_n-font-size-s: var(--nassij-font-size-s, 0.875rem);
    --_n-font-size-m: var(--nassij-font-size-m, 1rem);
    --_n-font-size-l: var(--nassij-font-size-l, 1.25rem);
    --_n-font-size-xl: var(--nassij-font-size-xl, 1.5rem);
    --_n-line-height: var(--nassij-line-height, 1.6);

    color-scheme: light;
    font-family: var(--_n-font-family);
    font-size: var(--_n-font-size-m);
    line-height: var(--_n-line-height);
    color: var(--_n-text);
  }

  :host([data-nassij-theme='dark']) {
    --_n-primary: var(--nassij-dark-color-primary, #5fd3a6);
    --_n-on-primary: var(--nassij-dark-color-on-primary, #0d1411);
    --_n-surface: var(--nassij-dark-color-surface, #121816);
    --_n-surface-alt: var(--nassij-dark-color-surface-alt, #1c2420);
    --_n-text: var(--nassij-dark-color-text, #e8ecea);
    --_n-muted: var(--nassij-dark-color-muted, #a9b4af);
    --_n-border: var(--nassij-dark-color-border, #7d8a84);
    --_n-danger: var(--nassij-dark-color-danger, #ff8a80);
    --_n-success: var(--nassij-dark-color-success, #7bd88f);
    --_n-warning: var(--nassij-dark-color-warning, #f2c14e);
    --_n-focus: var(--nassij-dark-color-focus, #8ab4f8);
    color-scheme: dark;
  }

  @media (prefers-color-scheme: dark) {
    :host(:not([data-nassij-theme='light'])) {
      --_n-primary: var(--nassij-dark-color-primary, #5fd3a6);
      --_n-on-primary: var(--nassij-dark-color-on-primary, #0d1411);
      --_n-surface: var(--nassij-dark-color-surface, #121816);
      --_n-surface-alt: var(--nassij-dark-color-surface-alt, #1c2420);
      --_n-text: var(--nassij-dark-color-text, #e8ecea);
      --_n-muted: var(--nassij-dark-color-muted, #a9b4af);
      --_n-border: var(--nassij-dark-color-border, #7d8a84);
      --_n-danger: var(--nassij-dark-color-danger, #ff8a80);
      --_n-success: var(--nassij-dark-color-success, #7bd88f);
      --_n-warning: var(--nassij-dark-color-warning, #f2c14e);
      --_n-focus: var(--nassij-dark-color-focus, #8ab4f8);
      color-scheme: dark;
    }
  }

  /* Windows High Contrast and similar: hand colours to the system, keep borders so shapes stay visible. */
  @media (forced-colors: active) {
    :host {
      --_n-primary: LinkText;
      --_n-on-primary: Canvas;
      --_n-surface: Canvas;
      --_n-surface-alt: Canvas;
      --_n-text: CanvasText;
      --_n-muted: CanvasText;
      --_n-border: CanvasText;
      --_n-danger: CanvasText;
      --_n-success: CanvasText;
      --_n-warning: CanvasText;
      --_n-focus: Highlight;
    }
  }
`;
