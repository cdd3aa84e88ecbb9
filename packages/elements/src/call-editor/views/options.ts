import type { FieldError, LocalizedText } from '@nassij/contract';
import { html, nothing, type TemplateResult } from 'lit';
import { plain } from '../../base/states.js';
import type { NassijCallEditor } from '../nassij-call-editor.js';
import { fieldId, problemLabel, problemsAt } from '../paths.js';
import { localizedControl, smallButton } from './controls.js';

/** One choice of a choice field, or one category of a budget table: a stored value and its label. */
export interface EditedOption {
  value: string;
  label: LocalizedText;
}

/** What {@link renderOptions} is given. */
export interface OptionListOptions {
  /** The pointer of the list (`/form/sections/0/fields/2/options`). */
  path: string;
  /** The list's legend. */
  label: string;
  options: readonly EditedOption[];
  problems: readonly FieldError[];
  /** The stem of the values new items get (`option_` → `option_3`). */
  valuePrefix: string;
  onChange: (options: EditedOption[]) => void;
}

/** A value for a new item, unique in the list: what applications store, so it never changes afterwards. */
function newValue(prefix: string, options: readonly EditedOption[]): string {
  let n = options.length + 1;
  while (options.some((option) => option.value === `${prefix}${n}`)) n++;
  return `${prefix}${n}`;
}

/**
 * The editor of a list of choices (a choice field's options, a budget table's categories): each label in
 * Arabic and French (Tamazight and English behind a disclosure); add, remove, and move up or down with
 * buttons, focus following the item moved (or landing on the next control after a removal) so that the
 * keyboard never loses its place. Each item keeps the value it was created with: reordering or relabelling
 * a choice does not change what applications already store.
 *
 * @example
 * ```ts
 * renderOptions(editor, { path: `${fieldPath}/options`, label: editor.t('ce.options.title'), options: field.options,
 *   problems, valuePrefix: 'option_', onChange: (options) => set({ ...field, options }) });
 * ```
 */
export function renderOptions(host: NassijCallEditor, list: OptionListOptions): TemplateResult {
  const { path, options } = list;
  const id = fieldId(path);
  const focus = (selector: string, fallback?: string) =>
    void host.updateComplete.then(() => {
      const root = host.renderRoot;
      const target = root.querySelector<HTMLButtonElement>(selector);
      const usable =
        target && !target.disabled ? target : fallback ? root.querySelector<HTMLElement>(fallback) : null;
      usable?.focus();
    });
  // Read at the event, not at the render: two quick presses act on the list as it is then.
  const current = () => list.options;
  const move = (index: number, by: -1 | 1, button: 'up' | 'down') => {
    const next = [...current()];
    const [moved] = next.splice(index, 1);
    if (!moved) return;
    next.splice(index + by, 0, moved);
    list.onChange(next);
    const other = button === 'up' ? 'down' : 'up';
    focus(`#${id}-${index + by}-${button}`, `#${id}-${index + by}-${other}`);
  };
  const remove = (index: number) => {
    const next = current().filter((_, i) => i !== index);
    list.onChange(next);
    focus(`#${id}-${Math.min(index, next.length - 1)}-remove`, `#${id}-add`);
  };
  const add = () => {
    const next = [...current(), { value: newValue(list.valuePrefix, current()), label: {} as LocalizedText }];
    list.onChange(next);
    void host.updateComplete.then(() =>
      host.renderRoot
        .querySelector<HTMLElement>(`#${fieldId(`${path}/${next.length - 1}/label/ar`)}`)
        ?.focus(),
    );
  };
  const own = problemsAt(list.problems, path);
  return html`<fieldset class="group options" data-options=${path}>
    <legend>${list.label}</legend>
    ${own.length ? html`<p class="field-error" id="${id}-error">${own.map((problem) => html`<span>${problemLabel(host, problem)}</span> `)}</p>` : nothing}
    <ol class="items">${options.map((option, index) => {
      const n = String(index + 1);
      const name = plain(host.locale, option.label) || host.t('ce.options.one', { n });
      return html`<li class="option" data-value=${option.value}>
        ${localizedControl(host, {
          path: `${path}/${index}/label`,
          label: host.t('ce.options.one', { n }),
          problems: list.problems,
          value: option.label,
          onInput: (label) =>
            list.onChange(
              current().map((item, i) =>
                i === index ? { ...item, label: label ?? ({} as LocalizedText) } : item,
              ),
            ),
        })}
        <p class="row-actions">
          ${smallButton('move-up', host.t('ce.options.up', { name }), () => move(index, -1, 'up'), { id: `${id}-${index}-up`, disabled: index === 0 })}
          ${smallButton('move-down', host.t('ce.options.down', { name }), () => move(index, 1, 'down'), { id: `${id}-${index}-down`, disabled: index === options.length - 1 })}
          ${smallButton('remove remove-option', host.t('ce.options.remove', { name }), () => remove(index), { id: `${id}-${index}-remove` })}
        </p>
      </li>`;
    })}</ol>
    ${smallButton('add-option', host.t('ce.options.add'), add, { id: `${id}-add`, path, describedby: own.length ? `${id}-error` : undefined })}
  </fieldset>`;
}
