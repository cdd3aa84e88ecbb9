import { textPublicationProblems } from '@nassij/contract';
import { html, nothing, type TemplateResult } from 'lit';
import { errorMessage, text } from '../../base/states.js';
import type { LoadedConsultation, NassijConsultationEditor } from '../nassij-consultation-editor.js';

type Host = NassijConsultationEditor;

/** Phases in which contributions may still be closed early. */
const CLOSABLE = new Set(['upcoming', 'information', 'contributions_open']);

/** Two textareas, Arabic and French, for a public text (a change summary, a closing reason). */
function reasonFields(host: Host, name: string, prefix: string, label: string): TemplateResult {
  const invalid = host.reasonMissing ? 'true' : 'false';
  return html`<fieldset class="group">
    <legend>${label}</legend>
    ${host.reasonMissing ? html`<p class="field-error" id="${prefix}-error">${host.t('co.reason.required')}</p>` : nothing}
    ${(['ar', 'fr'] as const).map(
      (language) => html`<div class="field">
        <label for="${prefix}-${language}">${host.t(`co.lang.${language}`)}</label>
        <textarea class="nassij-input" id="${prefix}-${language}" name="${name}-${language}" rows="3" lang=${language}
          dir=${language === 'ar' ? 'rtl' : 'ltr'} aria-invalid=${invalid}
          aria-describedby=${host.reasonMissing ? `${prefix}-error` : nothing}></textarea>
      </div>`,
    )}
  </fieldset>`;
}

function open(host: Host, panel: 'version' | 'close'): void {
  host.panel = panel;
  host.reasonMissing = false;
  host.actionError = undefined;
  host.removedPending = undefined;
  void host.updateComplete.then(() =>
    host.renderRoot
      .querySelector<HTMLElement>(panel === 'version' ? '#version-summary-ar' : '#close-reason-ar')
      ?.focus(),
  );
}

/** Keeps the browser from sending the form (at once: the actions' module loads after), then runs the action. */
function submit(
  event: Event,
  run: (actions: typeof import('../actions.js'), form: HTMLFormElement) => Promise<void>,
): void {
  event.preventDefault();
  const target = event.currentTarget as HTMLElement;
  const form = target instanceof HTMLFormElement ? target : target.closest('form');
  if (form) void import('../actions.js').then((actions) => run(actions, form));
}

/**
 * Above a published consultation's text: its title, and once its text is edited, what a new version would
 * still refuse (an article without text, a number twice), each linking to its field.
 *
 * @example
 * ```ts
 * renderSummary(editor, editor.loaded.value);
 * ```
 */
export function renderSummary(host: Host, loaded: LoadedConsultation): TemplateResult {
  const problems = host.dirty.has('text') ? textPublicationProblems(host.fields.text, '/text') : [];
  return html`<p class="lead">${text(host, loaded.consultation?.title ?? host.fields.title)}</p>
    ${
      problems.length
        ? html`<div class="error-summary" id="co-summary" tabindex="-1" aria-labelledby="co-summary-h"
            role=${host.showErrors ? 'alert' : nothing}>
            <h3 id="co-summary-h">${host.t('co.summary.title', { count: problems.length })}</h3>
            ${host.renderProblemList(problems)}
          </div>`
        : nothing
    }`;
}

/**
 * A published consultation's actions and history: a new version of the text edited above (with a public
 * summary of the changes, and the question of what becomes of the contributions on articles it removes),
 * an early close with a public reason, and the versions published so far, oldest first.
 *
 * @example
 * ```ts
 * renderPublished(editor, editor.loaded.value);
 * ```
 */
export function renderPublished(host: Host, loaded: LoadedConsultation): TemplateResult {
  const consultation = loaded.consultation;
  const phase = consultation?.phase;
  const ended = phase === 'synthesis_published';
  const closable = phase !== undefined && CLOSABLE.has(phase);
  const panel = host.panel;
  return html`<div class="actions published-actions">
      ${renderLinks(host, phase)}
      ${
        ended
          ? html`<p>${host.t('co.ended')}</p>`
          : html`<p class="hint">${host.t('co.version.hint')}</p>
        <p class="form-actions">
          <button class="nassij-button open-version" part="button" type="button" aria-expanded=${panel === 'version' ? 'true' : 'false'}
            @click=${() => open(host, 'version')}>${host.t('co.version.open')}</button>
          ${
            closable
              ? html`<button class="nassij-button open-close" data-variant="secondary" part="button" type="button"
                aria-expanded=${panel === 'close' ? 'true' : 'false'} @click=${() => open(host, 'close')}>${host.t('co.close.open')}</button>`
              : nothing
          }
        </p>`
      }
      ${
        panel === 'version' && !ended
          ? html`<form class="version" novalidate @submit=${(e: Event) => submit(e, (a, form) => a.publishVersion(host, form))}>
            ${reasonFields(host, 'summary', 'version-summary', host.t('co.version.summary'))}
            ${renderRemovedQuestion(host)}
            ${host.removedPending ? nothing : html`<button class="nassij-button send-version" part="button" type="submit" ?disabled=${host.busy}>${host.t('co.version.send')}</button>`}
          </form>`
          : nothing
      }
      ${
        panel === 'close' && closable
          ? html`<form class="close" novalidate @submit=${(e: Event) => submit(e, (a, form) => a.close(host, form))}>
            ${reasonFields(host, 'reason', 'close-reason', host.t('co.close.reason'))}
            <button class="nassij-button send-close" part="button" type="submit" ?disabled=${host.busy}>${host.t('co.close.send')}</button>
          </form>`
          : nothing
      }
      ${
        host.actionError
          ? html`<p class="field-error" role="alert">${host.actionError === 'nothing_changed' ? host.t('co.version.nothing') : errorMessage(host, host.actionError)}</p>`
          : nothing
      }
    </div>
    <section class="versions" aria-labelledby="co-versions-h">
      <h3 id="co-versions-h" tabindex="-1">${host.t('co.versions')}</h3>
      <ol>${(consultation?.versions ?? []).map(
        (version) => html`<li data-version=${version.id}>
          <strong>${text(host, version.label)}</strong>
          <span>${host.fmt.dateTime(version.publishedAt)}</span>
          ${version.changeSummary ? html`<p><span class="muted">${host.t('co.versions.changes')}:</span> ${text(host, version.changeSummary)}</p>` : nothing}
        </li>`,
      )}</ol>
    </section>`;
}

/**
 * The ways out of the editor the page configured: once contributions are closed, to the page where the
 * synthesis is written (`synthesis-href`; once published, where it is read), and to the public page
 * (`public-href`). Both go through `safeHref`; a template the page did not give shows nothing.
 */
function renderLinks(host: Host, phase: string | undefined): unknown {
  const closed = phase === 'closed';
  const synthesis = closed || phase === 'synthesis_published' ? host.hrefFor(host.synthesisHref) : undefined;
  const publicPage = host.hrefFor(host.publicHref);
  if (!synthesis && !publicPage) return nothing;
  return html`${synthesis && closed ? html`<p class="hint">${host.t('co.synthesis.hint')}</p>` : nothing}
    ${
      synthesis
        ? html`<p><a class="nassij-button synthesis-link" part="button" href=${synthesis}>${host.t(closed ? 'co.synthesis.write' : 'co.synthesis.read')}</a></p>`
        : nothing
    }
    ${publicPage ? html`<p><a class="public-link" href=${publicPage}>${host.t('co.public')}</a></p>` : nothing}`;
}

/**
 * The question a new version puts when it removes articles that have contributions: keep them (shown as
 * "on a removed article") and publish, or put the articles back.
 */
function renderRemovedQuestion(host: Host): unknown {
  const removed = host.removedPending;
  if (!removed) return nothing;
  return html`<div class="removed-question" id="co-removed" role="alert" tabindex="-1" aria-labelledby="co-removed-h">
    <h4 id="co-removed-h">${host.t('co.removedArticles.title')}</h4>
    <ul>${removed.map(
      (article) => html`<li data-article=${article.articleId}>
        ${host.t('co.removedArticles.item', { number: article.number })} —
        ${host.t('co.article.contributions', { count: article.contributions })}
      </li>`,
    )}</ul>
    <p>${host.t('co.removedArticles.body')}</p>
    <p class="form-actions">
      <button class="nassij-button keep-contributions" part="button" type="button" ?disabled=${host.busy}
        @click=${(e: Event) => submit(e, (a, form) => a.publishVersion(host, form, { keep: true }))}>${host.t('co.removedArticles.keep')}</button>
      <button class="nassij-button restore-articles" data-variant="secondary" part="button" type="button"
        @click=${(e: Event) => submit(e, (a) => Promise.resolve(a.restoreRemoved(host)))}>${host.t('co.removedArticles.restore')}</button>
    </p>
  </div>`;
}
