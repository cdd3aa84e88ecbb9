import { html, nothing, type TemplateResult } from 'lit';
import { errorMessage, text } from '../../base/states.js';
import type { LoadedCall, NassijCallEditor } from '../nassij-call-editor.js';

/** Two textareas, Arabic and French, for a public text (an amendment's summary, a closing reason). */
function reasonFields(host: NassijCallEditor, name: string, prefix: string, label: string): TemplateResult {
  const invalid = host.reasonMissing ? 'true' : 'false';
  return html`<fieldset class="group">
    <legend>${label}</legend>
    ${host.reasonMissing ? html`<p class="field-error" id="${prefix}-error">${host.t('ce.reason.required')}</p>` : nothing}
    ${(['ar', 'fr'] as const).map(
      (language) => html`<div class="field">
        <label for="${prefix}-${language}">${host.t(`ce.lang.${language}`)}</label>
        <textarea class="nassij-input" id="${prefix}-${language}" name="${name}-${language}" rows="3" lang=${language}
          dir=${language === 'ar' ? 'rtl' : 'ltr'} aria-invalid=${invalid}
          aria-describedby=${host.reasonMissing ? `${prefix}-error` : nothing}></textarea>
      </div>`,
    )}
  </fieldset>`;
}

function open(host: NassijCallEditor, panel: 'amend' | 'close' | 'cancel'): void {
  host.panel = panel;
  host.reasonMissing = false;
  host.actionError = undefined;
  void host.updateComplete.then(() =>
    host.renderRoot
      .querySelector<HTMLElement>(panel === 'amend' ? '#amend-summary-ar' : '#end-reason-ar')
      ?.focus(),
  );
}

/** Keeps the browser from sending the form (at once: the actions' module loads after), then runs the action. */
function submit(
  event: SubmitEvent,
  run: (actions: typeof import('../actions.js'), form: HTMLFormElement) => Promise<void>,
): void {
  event.preventDefault();
  const form = event.currentTarget as HTMLFormElement;
  void import('../actions.js').then((actions) => run(actions, form));
}

/**
 * A published call's actions and history: amend (the fields changed above, with a public summary), close
 * early and cancel (each with a public reason), and its versions, oldest first.
 *
 * @example
 * ```ts
 * renderPublished(editor, editor.loaded.value);
 * ```
 */
export function renderPublished(host: NassijCallEditor, loaded: LoadedCall): TemplateResult {
  const call = loaded.call;
  const status = call?.status;
  const ended = status === 'cancelled' || status === 'awarded' || Boolean(call?.closure);
  const panel = host.panel;
  return html`<div class="actions published-actions">
      ${
        ended
          ? html`<p>${host.t('ce.ended')}${call?.closure ? html` ${text(host, call.closure.reason)}` : nothing}</p>`
          : html`<p class="hint">${host.t('ce.amend.hint', { count: host.dirty.size })}</p>
        <p class="form-actions">
          <button class="nassij-button open-amend" part="button" type="button" aria-expanded=${panel === 'amend' ? 'true' : 'false'}
            @click=${() => open(host, 'amend')}>${host.t('ce.amend')}</button>
          ${
            status === 'open'
              ? html`<button class="nassij-button open-close" data-variant="secondary" part="button" type="button"
            aria-expanded=${panel === 'close' ? 'true' : 'false'} @click=${() => open(host, 'close')}>${host.t('ce.close')}</button>`
              : nothing
          }
          <button class="nassij-button open-cancel" data-variant="secondary" part="button" type="button"
            aria-expanded=${panel === 'cancel' ? 'true' : 'false'} @click=${() => open(host, 'cancel')}>${host.t('ce.cancel')}</button>
        </p>`
      }
      ${
        panel === 'amend' && !ended
          ? html`<form class="amend" novalidate @submit=${(e: SubmitEvent) => submit(e, (a, form) => a.amend(host, form))}>
            ${reasonFields(host, 'summary', 'amend-summary', host.t('ce.amend.summary'))}
            <button class="nassij-button send-amend" part="button" type="submit" ?disabled=${host.busy}>${host.t('ce.amend.send')}</button>
          </form>`
          : nothing
      }
      ${
        (panel === 'close' || panel === 'cancel') && !ended
          ? html`<form class="end" data-kind=${panel} novalidate
              @submit=${(e: SubmitEvent) => submit(e, (a, form) => a.end(host, panel === 'close' ? 'closed_early' : 'cancelled', form))}>
            ${reasonFields(host, 'reason', 'end-reason', host.t(`ce.${panel}.reason`))}
            <button class="nassij-button send-end" part="button" type="submit" ?disabled=${host.busy}>${host.t(`ce.${panel}.send`)}</button>
          </form>`
          : nothing
      }
      ${
        host.actionError
          ? html`<p class="field-error" role="alert">${host.actionError === 'nothing_changed' ? host.t('ce.amend.nothing') : errorMessage(host, host.actionError)}</p>`
          : nothing
      }
    </div>
    <section class="versions" aria-labelledby="ce-versions-h">
      <h3 id="ce-versions-h" tabindex="-1">${host.t('ce.versions')}</h3>
      <ol>${(loaded.versions ?? []).map(
        (version) => html`<li data-version=${version.version}>
          <strong>${host.t('ce.version', { version: String(version.version) })}</strong>
          <span>${host.fmt.dateTime(version.at)}</span>
          ${version.amendment ? html`<p>${text(host, version.amendment.summary)}</p>` : html`<p>${host.t('ce.version.first')}</p>`}
        </li>`,
      )}</ol>
    </section>`;
}
