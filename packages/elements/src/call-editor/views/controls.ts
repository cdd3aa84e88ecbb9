import type { TemplateResult } from 'lit';
import type { NassijElement } from '../../base/nassij-element.js';
import * as controls from '../../staff/form-controls.js';
import { problemLabel } from '../paths.js';

// The call editor's controls: the staff editors' controls (`../../staff/form-controls.ts`) in its words.

export { type ControlOptions, smallButton } from '../../staff/form-controls.js';

const words = (host: NassijElement): controls.ControlWords => ({
  problem: (problem) => problemLabel(host, problem),
  choose: () => host.t('ce.choose'),
  language: (language) => host.t(`ce.lang.${language}`),
  moreLanguages: (label) => host.t('ce.lang.more', { label }),
});

/**
 * A one-line or multi-line text input.
 *
 * @example
 * ```ts
 * textControl(host, { path: '/contact/email', label: 'E-mail', problems, value, type: 'email', onInput: (v) => … });
 * ```
 */
export const textControl = (host: NassijElement, options: controls.TextControlOptions): TemplateResult =>
  controls.textControl(words(host), options);

/**
 * A number input: an empty box is `undefined`.
 *
 * @example
 * ```ts
 * numberControl(host, { path: '/fiscalYear', label, problems, value: 2027, onInput: (n) => host.edit('fiscalYear', n) });
 * ```
 */
export const numberControl = (host: NassijElement, options: controls.NumberControlOptions): TemplateResult =>
  controls.numberControl(words(host), options);

/**
 * A select among `choices` (`[value, label]`), with an empty first option when nothing is chosen yet.
 *
 * @example
 * ```ts
 * selectControl(host, { path: '/instrument', label, problems, value, choices, onChange: (v) => … });
 * ```
 */
export const selectControl = (host: NassijElement, options: controls.SelectControlOptions): TemplateResult =>
  controls.selectControl(words(host), options);

/**
 * A group of checkboxes (many values) or radios (`single`).
 *
 * @example
 * ```ts
 * choiceGroup(host, { path: '/domains', label, problems, selected, choices, onChange: (values) => … });
 * ```
 */
export const choiceGroup = (host: NassijElement, options: controls.ChoiceGroupOptions): TemplateResult =>
  controls.choiceGroup(words(host), options);

/**
 * A text in several languages: Arabic and French inputs, Tamazight and English behind a disclosure.
 *
 * @example
 * ```ts
 * localizedControl(host, { path: '/title', label, problems, value: fields.title, onInput: (t) => host.edit('title', t) });
 * ```
 */
export const localizedControl = (
  host: NassijElement,
  options: controls.LocalizedControlOptions,
): TemplateResult => controls.localizedControl(words(host), options);
