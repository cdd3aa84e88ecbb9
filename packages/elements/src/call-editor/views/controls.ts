import type { FieldError, LocalizedText } from '@nassij/contract';
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { NassijElement } from '../../base/nassij-element.js';
import { fieldId, problemLabel, problemsAt } from '../paths.js';

// The editor's controls: each with its label, hint and error in one tree (no ARIA id crosses a shadow
// boundary), its id derived from the pointer it edits, and `aria-invalid` once the problems are shown.

/** What every control is given. */
export interface ControlOptions {
  /** The JSON Pointer the control edits (see `paths.ts`). */
  path: string;
  label: string;
  hint?: string | undefined;
  /** The problems shown now (empty until a publish attempt). */
  problems: readonly FieldError[];
  /** Enclosing pointers whose problems this control shows (a missing title at its Arabic input). */
  also?: readonly string[];
}

function errors(
  host: NassijElement,
  options: ControlOptions,
): { id: string; list: FieldError[]; described: string | typeof nothing; block: unknown } {
  const id = fieldId(options.path);
  const list = problemsAt(options.problems, options.path, options.also);
  const described = [options.hint ? `${id}-hint` : '', list.length ? `${id}-error` : '']
    .filter(Boolean)
    .join(' ');
  const block = list.length
    ? html`<p class="field-error" id="${id}-error">${list.map((problem) => html`<span>${problemLabel(host, problem)}</span> `)}</p>`
    : nothing;
  return { id, list, described: described || nothing, block };
}

/**
 * A one-line or multi-line text input.
 *
 * @example
 * ```ts
 * textControl(host, { path: '/contact/email', label: 'E-mail', problems, value, type: 'email', onInput: (v) => … });
 * ```
 */
export function textControl(
  host: NassijElement,
  options: ControlOptions & {
    value: string | undefined;
    onInput: (value: string) => void;
    multiline?: boolean;
    type?: string;
    lang?: string;
    inputmode?: string;
  },
): TemplateResult {
  const { id, list, described, block } = errors(host, options);
  const dir = options.lang ? (options.lang === 'ar' ? 'rtl' : 'ltr') : nothing;
  const onInput = (event: Event) => options.onInput((event.target as HTMLInputElement).value);
  return html`<div class="field">
    <label for=${id}>${options.label}</label>
    ${options.hint ? html`<p class="hint" id="${id}-hint">${options.hint}</p>` : nothing}
    ${block}
    ${
      options.multiline
        ? html`<textarea class="nassij-input" id=${id} data-path=${options.path} rows="4" lang=${options.lang ?? nothing}
            dir=${dir} aria-invalid=${list.length ? 'true' : nothing} aria-describedby=${described}
            .value=${live(options.value ?? '')} @input=${onInput}></textarea>`
        : html`<input class="nassij-input" id=${id} data-path=${options.path} type=${options.type ?? 'text'}
            lang=${options.lang ?? nothing} dir=${dir} inputmode=${options.inputmode ?? nothing}
            aria-invalid=${list.length ? 'true' : nothing} aria-describedby=${described}
            .value=${live(options.value ?? '')} @input=${onInput} />`
    }
  </div>`;
}

/**
 * A number input: an empty box is `undefined`.
 *
 * @example
 * ```ts
 * numberControl(host, { path: '/fiscalYear', label, problems, value: 2027, onInput: (n) => host.edit('fiscalYear', n) });
 * ```
 */
export function numberControl(
  host: NassijElement,
  options: ControlOptions & { value: number | undefined; onInput: (value: number | undefined) => void },
): TemplateResult {
  return textControl(host, {
    ...options,
    type: 'text',
    inputmode: 'numeric',
    value: options.value === undefined ? '' : String(options.value),
    onInput: (text) => {
      const clean = text.trim().replace(',', '.');
      options.onInput(clean === '' || Number.isNaN(Number(clean)) ? undefined : Number(clean));
    },
  });
}

/**
 * A select among `choices` (`[value, label]`), with an empty first option when nothing is chosen yet.
 *
 * @example
 * ```ts
 * selectControl(host, { path: '/instrument', label, problems, value, choices, onChange: (v) => … });
 * ```
 */
export function selectControl(
  host: NassijElement,
  options: ControlOptions & {
    value: string | undefined;
    choices: readonly (readonly [string, string])[];
    onChange: (value: string) => void;
  },
): TemplateResult {
  const { id, list, described, block } = errors(host, options);
  return html`<div class="field">
    <label for=${id}>${options.label}</label>
    ${options.hint ? html`<p class="hint" id="${id}-hint">${options.hint}</p>` : nothing}
    ${block}
    <select class="nassij-input" id=${id} data-path=${options.path} aria-invalid=${list.length ? 'true' : nothing}
      aria-describedby=${described} @change=${(event: Event) => options.onChange((event.target as HTMLSelectElement).value)}>
      ${options.value === undefined ? html`<option value="" selected>${host.t('ce.choose')}</option>` : nothing}
      ${options.choices.map(([value, label]) => html`<option value=${value} ?selected=${value === options.value}>${label}</option>`)}
    </select>
  </div>`;
}

/**
 * A group of checkboxes (many values) or radios (`single`), in a fieldset whose first box takes the focus
 * of the error summary.
 *
 * @example
 * ```ts
 * choiceGroup(host, { path: '/domains', label, problems, selected, choices, onChange: (values) => … });
 * ```
 */
export function choiceGroup(
  host: NassijElement,
  options: ControlOptions & {
    selected: readonly string[];
    choices: readonly (readonly [string, string])[];
    onChange: (values: string[]) => void;
    single?: boolean;
  },
): TemplateResult {
  const { id, list, described, block } = errors(host, options);
  const toggle = (value: string, checked: boolean) => {
    if (options.single) return options.onChange([value]);
    const next = options.selected.filter((v) => v !== value);
    options.onChange(checked ? [...next, value] : next);
  };
  return html`<fieldset class="field choices" aria-describedby=${described} aria-invalid=${list.length ? 'true' : nothing}>
    <legend>${options.label}</legend>
    ${options.hint ? html`<p class="hint" id="${id}-hint">${options.hint}</p>` : nothing}
    ${block}
    <div class="choice-list">
      ${options.choices.map(
        ([value, label], index) => html`<label class="choice">
          <input type=${options.single ? 'radio' : 'checkbox'} name=${id} value=${value}
            id=${index === 0 ? id : `${id}-${value}`} data-path=${index === 0 ? options.path : nothing}
            .checked=${live(options.selected.includes(value))}
            @change=${(event: Event) => toggle(value, (event.target as HTMLInputElement).checked)} />
          <span>${label}</span>
        </label>`,
      )}
    </div>
  </fieldset>`;
}

/** Languages a text must have (`required`) and may have. */
const REQUIRED_LANGUAGES = ['ar', 'fr'] as const;
const OPTIONAL_LANGUAGES = ['zgh', 'en'] as const;

/**
 * A text in several languages: Arabic and French inputs, Tamazight and English behind a disclosure. An
 * emptied language is removed; an empty text is `undefined`.
 *
 * @example
 * ```ts
 * localizedControl(host, { path: '/title', label, problems, value: fields.title, onInput: (t) => host.edit('title', t) });
 * ```
 */
export function localizedControl(
  host: NassijElement,
  options: ControlOptions & {
    value: LocalizedText | undefined;
    onInput: (value: LocalizedText | undefined) => void;
    multiline?: boolean;
  },
): TemplateResult {
  const set = (language: string, text: string) => {
    const next: Record<string, string> = { ...(options.value ?? {}) };
    if (text.trim() === '') delete next[language];
    else next[language] = text;
    options.onInput(Object.keys(next).length ? (next as LocalizedText) : undefined);
  };
  const input = (language: string, index: number) =>
    textControl(host, {
      path: `${options.path}/${language}`,
      label: `${options.label} (${host.t(`ce.lang.${language}`)})`,
      problems: options.problems,
      also: index === 0 ? [options.path] : [],
      value: options.value?.[language as keyof LocalizedText],
      lang: language,
      multiline: options.multiline ?? false,
      onInput: (text) => set(language, text),
    });
  const optional = OPTIONAL_LANGUAGES.some((language) => options.value?.[language]);
  return html`<div class="localized">
    ${REQUIRED_LANGUAGES.map((language, index) => input(language, index))}
    <details ?open=${optional}>
      <summary>${host.t('ce.lang.more', { label: options.label })}</summary>
      ${OPTIONAL_LANGUAGES.map((language) => input(language, 1))}
    </details>
  </div>`;
}

/**
 * A small button (add, remove, move) of a list.
 *
 * @example
 * ```ts
 * smallButton('remove-criterion', host.t('ce.remove'), () => …);
 * ```
 */
export function smallButton(
  className: string,
  label: string,
  onClick: () => void,
  options: { id?: string; path?: string; disabled?: boolean; describedby?: string } = {},
): TemplateResult {
  return html`<button class="nassij-button small ${className}" data-variant="secondary" part="button" type="button"
    id=${options.id ?? nothing} data-path=${options.path ?? nothing} ?disabled=${options.disabled ?? false}
    aria-describedby=${options.describedby ?? nothing} @click=${onClick}>${label}</button>`;
}
