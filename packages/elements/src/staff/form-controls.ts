import type { FieldError, LocalizedText } from '@nassij/contract';
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { fieldId, problemsAt } from './field-paths.js';

// The staff editors' form controls: each with its label, hint and error in one tree (no ARIA id crosses a
// shadow boundary), its id derived from the pointer it edits, and `aria-invalid` once the problems are
// shown. The words come from the editor (its own messages), passed in as `ControlWords`.

/** The words a control needs from its editor, in the reader's language. */
export interface ControlWords {
  /** A problem shown at a control: "Title (French): required". */
  problem(problem: FieldError): string;
  /** The empty first option of a select while nothing is chosen. */
  choose(): string;
  /** A language's name (`ar`, `fr`, `zgh`, `en`). */
  language(language: string): string;
  /** The disclosure of the languages a text may also have: "Title in other languages". */
  moreLanguages(label: string): string;
}

/** What every control is given. */
export interface ControlOptions {
  /** The JSON Pointer the control edits. */
  path: string;
  label: string;
  hint?: string | undefined;
  /** The problems shown now (empty until a publish attempt). */
  problems: readonly FieldError[];
  /** Enclosing pointers whose problems this control shows (a missing title at its Arabic input). */
  also?: readonly string[];
}

/** What a text control is given besides `ControlOptions`. */
export interface TextControlOptions extends ControlOptions {
  value: string | undefined;
  onInput: (value: string) => void;
  multiline?: boolean;
  /** Rows of a multi-line input (default 4). */
  rows?: number;
  type?: string;
  lang?: string;
  inputmode?: string;
}

/** What a number control is given besides `ControlOptions`. */
export interface NumberControlOptions extends ControlOptions {
  value: number | undefined;
  onInput: (value: number | undefined) => void;
}

/** What a select is given besides `ControlOptions`. */
export interface SelectControlOptions extends ControlOptions {
  value: string | undefined;
  choices: readonly (readonly [string, string])[];
  onChange: (value: string) => void;
}

/** What a group of checkboxes or radios is given besides `ControlOptions`. */
export interface ChoiceGroupOptions extends ControlOptions {
  selected: readonly string[];
  choices: readonly (readonly [string, string])[];
  onChange: (values: string[]) => void;
  single?: boolean;
}

/** What a text in several languages is given besides `ControlOptions`. */
export interface LocalizedControlOptions extends ControlOptions {
  value: LocalizedText | undefined;
  onInput: (value: LocalizedText | undefined) => void;
  multiline?: boolean;
  rows?: number;
  /** Languages shown without the disclosure (default Arabic and French). */
  required?: readonly string[];
}

function errors(words: ControlWords, options: ControlOptions) {
  const id = fieldId(options.path);
  const list = problemsAt(options.problems, options.path, options.also);
  const described = [options.hint ? `${id}-hint` : '', list.length ? `${id}-error` : '']
    .filter(Boolean)
    .join(' ');
  const block = list.length
    ? html`<p class="field-error" id="${id}-error">${list.map((problem) => html`<span>${words.problem(problem)}</span> `)}</p>`
    : nothing;
  return { id, invalid: list.length ? 'true' : nothing, described: described || nothing, block };
}

const hint = (id: string, options: ControlOptions) =>
  options.hint ? html`<p class="hint" id="${id}-hint">${options.hint}</p>` : nothing;

/**
 * A one-line or multi-line text input (or a `datetime-local`, a `date`: any `type`).
 *
 * @example
 * ```ts
 * textControl(words, { path: '/contact/email', label: 'E-mail', problems, value, type: 'email', onInput: (v) => … });
 * ```
 */
export function textControl(words: ControlWords, options: TextControlOptions): TemplateResult {
  const { id, invalid, described, block } = errors(words, options);
  const dir = options.lang ? (options.lang === 'ar' ? 'rtl' : 'ltr') : nothing;
  const onInput = (event: Event) => options.onInput((event.target as HTMLInputElement).value);
  return html`<div class="field">
    <label for=${id}>${options.label}</label>
    ${hint(id, options)}
    ${block}
    ${
      options.multiline
        ? html`<textarea class="nassij-input" id=${id} data-path=${options.path} rows=${options.rows ?? 4}
            lang=${options.lang ?? nothing} dir=${dir} aria-invalid=${invalid} aria-describedby=${described}
            .value=${live(options.value ?? '')} @input=${onInput}></textarea>`
        : html`<input class="nassij-input" id=${id} data-path=${options.path} type=${options.type ?? 'text'}
            lang=${options.lang ?? nothing} dir=${dir} inputmode=${options.inputmode ?? nothing}
            aria-invalid=${invalid} aria-describedby=${described}
            .value=${live(options.value ?? '')} @input=${onInput} />`
    }
  </div>`;
}

/**
 * A number input: an empty box is `undefined`.
 *
 * @example
 * ```ts
 * numberControl(words, { path: '/fiscalYear', label, problems, value: 2027, onInput: (n) => host.edit('fiscalYear', n) });
 * ```
 */
export function numberControl(words: ControlWords, options: NumberControlOptions): TemplateResult {
  return textControl(words, {
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
 * A select among `choices` (`[value, label]`), with an empty first option while nothing is chosen.
 *
 * @example
 * ```ts
 * selectControl(words, { path: '/instrument', label, problems, value, choices, onChange: (v) => … });
 * ```
 */
export function selectControl(words: ControlWords, options: SelectControlOptions): TemplateResult {
  const { id, invalid, described, block } = errors(words, options);
  return html`<div class="field">
    <label for=${id}>${options.label}</label>
    ${hint(id, options)}
    ${block}
    <select class="nassij-input" id=${id} data-path=${options.path} aria-invalid=${invalid}
      aria-describedby=${described} @change=${(event: Event) => options.onChange((event.target as HTMLSelectElement).value)}>
      ${options.value === undefined ? html`<option value="" selected>${words.choose()}</option>` : nothing}
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
 * choiceGroup(words, { path: '/domains', label, problems, selected, choices, onChange: (values) => … });
 * ```
 */
export function choiceGroup(words: ControlWords, options: ChoiceGroupOptions): TemplateResult {
  const { id, invalid, described, block } = errors(words, options);
  const toggle = (value: string, checked: boolean) => {
    if (options.single) return options.onChange([value]);
    const next = options.selected.filter((v) => v !== value);
    options.onChange(checked ? [...next, value] : next);
  };
  return html`<fieldset class="field choices" aria-describedby=${described} aria-invalid=${invalid}>
    <legend>${options.label}</legend>
    ${hint(id, options)}
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

/** Languages a text must have and may have. */
const REQUIRED_LANGUAGES = ['ar', 'fr'] as const;
const OPTIONAL_LANGUAGES = ['zgh', 'en'] as const;

/**
 * A text in several languages: Arabic and French inputs, Tamazight and English behind a disclosure (open
 * when one of them is written). An emptied language is removed; an empty text is `undefined`.
 *
 * @example
 * ```ts
 * localizedControl(words, { path: '/title', label, problems, value: fields.title, onInput: (t) => host.edit('title', t) });
 * ```
 */
export function localizedControl(words: ControlWords, options: LocalizedControlOptions): TemplateResult {
  const set = (language: string, value: string) => {
    const next: Record<string, string> = { ...(options.value ?? {}) };
    if (value.trim() === '') delete next[language];
    else next[language] = value;
    options.onInput(Object.keys(next).length ? (next as LocalizedText) : undefined);
  };
  const input = (language: string, index: number) =>
    textControl(words, {
      path: `${options.path}/${language}`,
      label: `${options.label} (${words.language(language)})`,
      problems: options.problems,
      also: index === 0 ? [options.path, ...(options.also ?? [])] : [],
      value: options.value?.[language as keyof LocalizedText],
      lang: language,
      multiline: options.multiline ?? false,
      ...(options.rows ? { rows: options.rows } : {}),
      onInput: (value) => set(language, value),
    });
  const shown = options.required ?? REQUIRED_LANGUAGES;
  const others = [...REQUIRED_LANGUAGES, ...OPTIONAL_LANGUAGES].filter((l) => !shown.includes(l));
  const open = others.some((language) => options.value?.[language]);
  return html`<div class="localized">
    ${shown.map((language, index) => input(language, index))}
    <details ?open=${open}>
      <summary>${words.moreLanguages(options.label)}</summary>
      ${others.map((language) => input(language, 1))}
    </details>
  </div>`;
}

/**
 * A small button (add, remove, move) of a list.
 *
 * @example
 * ```ts
 * smallButton('remove-article', host.t('co.article.remove', { number: '3' }), () => …, { id: 'a-3-remove' });
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
