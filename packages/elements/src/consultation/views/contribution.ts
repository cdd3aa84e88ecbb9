import { REPORT_DETAIL_MAX, regionName } from '@nassij/contract';
import { html, nothing, type TemplateResult } from 'lit';
import { errorMessage, text } from '../../base/states.js';
import { reportContribution, toggleSupport } from '../contribution-actions.js';
import { type Item, POSITION_ICON, REPORT_REASONS } from '../model.js';
import type { NassijConsultation } from '../nassij-consultation.js';

// One contribution: who, when, what, the official response, the support button, reporting, replies.

/** A contribution with its replies. */
export function renderContribution(host: NassijConsultation, c: Item, open: boolean): TemplateResult {
  const replies = 'replies' in c ? (c.replies ?? []) : [];
  const error = host.actionError?.id === c.id ? host.actionError.code : undefined;
  const response = c.officialResponse;
  return html`<li>
    <article part="contribution" class="contribution" data-id=${c.id} aria-label=${c.author.displayName}>
      <p class="meta">
        <strong class="author" dir="auto">${c.author.displayName}</strong>
        <span>${host.t(`cons.ptype.${c.author.participantType}`)}</span>
        ${c.author.region ? html`<span>${regionName(c.author.region, host.locale)}</span>` : nothing}
        <time datetime=${c.createdAt}>${host.fmt.date(c.createdAt)}</time>
        <span class="badge">${host.t(`cons.kind.${c.kind}`)}</span>
        ${c.position ? html`<span class="position" data-position=${c.position}><span aria-hidden="true">${POSITION_ICON[c.position]} </span>${host.t(`cons.position.${c.position}`)}</span>` : nothing}
      </p>
      <p class="body user-text" dir="auto">${c.body}</p>
      ${c.proposedText ? html`<div class="proposal"><p class="label">${host.t('cons.form.proposed')}</p><ins class="user-text" dir="auto">${c.proposedText}</ins></div>` : nothing}
      ${
        response
          ? html`<section class="response" aria-label=${host.t('cons.response.title')}>
              <p class="label">${host.t('cons.response.title')} — ${text(host, response.by)}, <time datetime=${response.respondedAt}>${host.fmt.date(response.respondedAt)}</time></p>
              <p>${text(host, response.body)}</p>
            </section>`
          : nothing
      }
      <p class="actions">
        ${renderSupport(host, c, open)}
        <button class="nassij-button report" data-variant="secondary" part="button" type="button"
          aria-expanded=${host.reporting === c.id ? 'true' : 'false'}
          @click=${() => {
            host.reporting = host.reporting === c.id ? undefined : c.id;
          }}>${host.t('cons.report.action')}</button>
      </p>
      ${error ? html`<p role="alert" class="error">${errorMessage(host, error)}</p>` : nothing}
      ${host.reporting === c.id ? renderReport(host, c) : nothing}
      ${replies.length ? html`<ul class="replies" aria-label=${host.t('cons.replies')}>${replies.map((r) => renderContribution(host, r, open))}</ul>` : nothing}
    </article>
  </li>`;
}

/**
 * The support toggle: a fixed label ("Support") and `aria-pressed`, so a screen reader states the state
 * once; pressing it again withdraws the support. The count sits beside it (it describes the button) so
 * that a new count never changes the button's name.
 */
function renderSupport(host: NassijConsultation, c: Item, open: boolean): TemplateResult {
  const count = `supports-${c.id}`;
  return html`<button class="nassij-button support" data-variant="secondary" part="button" type="button"
    ?disabled=${!open} aria-pressed=${c.supportedByMe === true ? 'true' : 'false'} aria-describedby=${count}
    @click=${() => toggleSupport(host, c)}>${host.t('cons.support.action')}</button>
    <span class="supports" id=${count}>${host.t('cons.support.count', { count: c.supports })}</span>`;
}

function renderReport(host: NassijConsultation, c: Item): TemplateResult {
  const id = `report-${c.id}`;
  return html`<form class="report-form" @submit=${(e: SubmitEvent) => reportContribution(host, e, c)}>
    <p>
      <label for=${`${id}-reason`}>${host.t('cons.report.reason')}</label>
      <select id=${`${id}-reason`} name="reason" class="nassij-input">
        ${REPORT_REASONS.map((r) => html`<option value=${r}>${host.t(`cons.reason.${r}`)}</option>`)}
      </select>
    </p>
    <p>
      <label for=${`${id}-detail`}>${host.t('cons.report.detail')}</label>
      <textarea id=${`${id}-detail`} name="detail" class="nassij-input" maxlength=${REPORT_DETAIL_MAX}></textarea>
    </p>
    <button class="nassij-button" part="button" type="submit">${host.t('cons.report.send')}</button>
  </form>`;
}
