import type { TemplateResult } from 'lit';
import * as controls from '../../staff/form-controls.js';
import type { NassijConsultationEditor } from '../nassij-consultation-editor.js';
import { problemLabel } from '../paths.js';

// The consultation editor's controls: the staff editors' controls (`../../staff/form-controls.ts`) in its
// words; a problem's label names articles by their number in the draft.

export { type ControlOptions, smallButton } from '../../staff/form-controls.js';

type Host = NassijConsultationEditor;

const words = (host: Host): controls.ControlWords => ({
  problem: (problem) => problemLabel(host, problem, host.fields),
  choose: () => host.t('co.choose'),
  language: (language) => host.t(`co.lang.${language}`),
  moreLanguages: (label) => host.t('co.lang.more', { label }),
});

/**
 * A one-line or multi-line text input (or a `datetime-local`, a `date`: any `type`).
 *
 * @example
 * ```ts
 * textControl(editor, { path: '/sections/0/articles/1/number', label, problems, value: '2', onInput: (v) => … });
 * ```
 */
export const textControl = (host: Host, options: controls.TextControlOptions): TemplateResult =>
  controls.textControl(words(host), options);

/**
 * A select among `choices` (`[value, label]`), with an empty first option while nothing is chosen.
 *
 * @example
 * ```ts
 * selectControl(editor, { path: '/subjectType', label, problems, value, choices, onChange: (v) => … });
 * ```
 */
export const selectControl = (host: Host, options: controls.SelectControlOptions): TemplateResult =>
  controls.selectControl(words(host), options);

/**
 * A group of checkboxes (many values) or radios (`single`).
 *
 * @example
 * ```ts
 * choiceGroup(editor, { path: '/domains', label, problems, selected, choices, onChange: (values) => … });
 * ```
 */
export const choiceGroup = (host: Host, options: controls.ChoiceGroupOptions): TemplateResult =>
  controls.choiceGroup(words(host), options);

/**
 * A text in several languages: Arabic and French inputs, Tamazight and English behind a disclosure (open
 * when one of them is written).
 *
 * @example
 * ```ts
 * localizedControl(editor, { path: '/title', label, problems, value: fields.title, onInput: (t) => editor.edit('title', t) });
 * ```
 */
export const localizedControl = (host: Host, options: controls.LocalizedControlOptions): TemplateResult =>
  controls.localizedControl(words(host), options);
