import { html, nothing, type TemplateResult } from 'lit';
import { text } from '../../base/states.js';
import type { ConflictChoice } from '../autosave-controller.js';
import type { FieldConflict } from '../draft-store.js';
import type { NassijApplicationForm } from '../nassij-application-form.js';
import { displayAnswer } from './review.js';

// Another tab or device saved while the reader typed: both texts side by side, the reader keeps one or
// merges them. The dialog cannot be dismissed with Escape: a choice must be made so nothing is lost.

const LABELS: Record<ConflictChoice, string> = {
  mine: 'af.conflict.keepMine',
  theirs: 'af.conflict.keepTheirs',
  merge: 'af.conflict.merge',
};

function renderField(host: NassijApplicationForm, c: FieldConflict): TemplateResult | typeof nothing {
  const field = host.sections.flatMap((s) => s.fields).find((f) => f.id === c.fieldId);
  if (!field) return nothing;
  const { choices, merged } = host.autosave;
  const choice = choices[c.fieldId] ?? 'mine';
  const choices_: ConflictChoice[] =
    field.type === 'text' || field.type === 'long_text' ? ['mine', 'theirs', 'merge'] : ['mine', 'theirs'];
  const pick = (value: ConflictChoice) => () => {
    choices[c.fieldId] = value;
    if (value === 'merge' && merged[c.fieldId] === undefined)
      merged[c.fieldId] = `${c.mine ?? ''}\n\n${c.theirs ?? ''}`.trim();
    host.requestUpdate();
  };
  return html`<fieldset class="conflict-field" data-field=${c.fieldId}>
    <legend>${text(host, field.label)}</legend>
    <div class="versions">
      <div class="mine"><h4>${host.t('af.conflict.mine')}</h4><p class="text">${displayAnswer(host, field, c.mine)}</p></div>
      <div class="theirs"><h4>${host.t('af.conflict.theirs')}</h4><p class="text">${displayAnswer(host, field, c.theirs)}</p></div>
    </div>
    ${choices_.map(
      (value) => html`<div class="option">
        <input type="radio" id="c-${c.fieldId}-${value}" name="c-${c.fieldId}" value=${value}
          .checked=${choice === value} @change=${pick(value)} />
        <label for="c-${c.fieldId}-${value}">${host.t(LABELS[value])}</label>
      </div>`,
    )}
    ${
      choice === 'merge'
        ? html`<label for="c-${c.fieldId}-text">${host.t('af.conflict.merge')}</label>
        <textarea class="nassij-input" id="c-${c.fieldId}-text" rows="5" .value=${merged[c.fieldId] ?? ''}
          @input=${(e: Event) => {
            merged[c.fieldId] = (e.target as HTMLTextAreaElement).value;
          }}></textarea>`
        : nothing
    }
  </fieldset>`;
}

export function renderConflictDialog(host: NassijApplicationForm): TemplateResult | typeof nothing {
  if (!host.conflicts.length) return nothing;
  const onSubmit = (e: Event) => {
    e.preventDefault();
    void host.resolveConflicts();
  };
  return html`<dialog class="conflict" aria-labelledby="af-conflict" @cancel=${(e: Event) => e.preventDefault()}>
    <form @submit=${onSubmit}>
      <h3 id="af-conflict">${host.t('af.conflict.title')}</h3>
      <p>${host.t('af.conflict.explain')}</p>
      ${host.conflicts.map((c) => renderField(host, c))}
      <button class="nassij-button primary" part="button" type="submit">${host.t('af.conflict.save')}</button>
    </form>
  </dialog>`;
}
