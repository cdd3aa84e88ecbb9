import type { CSSResultGroup } from 'lit';
import { sharedStyles } from './shared.js';
import { tokens } from './tokens.js';

export { sharedStyles } from './shared.js';
export { tokens } from './tokens.js';

/**
 * Tokens plus shared styles: what `NassijElement.styles` holds and what every component starts from.
 *
 * @example
 * ```ts
 * static override styles = [baseStyles, css`:host { max-inline-size: 60rem; }`];
 * ```
 */
export const baseStyles: CSSResultGroup = [tokens, sharedStyles];
