import { type Call, type CallSummary, fileTypeName } from '@nassij/contract';
import { html, nothing, type TemplateResult } from 'lit';
import { renderEmpty, renderError, renderLoading, safeHref, text } from '../../base/states.js';
import { fileSize } from '../../i18n/file-size.js';
import type { NassijCallList } from '../nassij-call-list.js';
import { award, deadline, regions } from './call-facts.js';

/**
 * The details of a call: the summary at once, then what the full call adds (criteria, documents to give,
 * amendments, contact) once loaded. Escape or "back" returns to the list and to the card.
 */
export function renderCallDetails(host: NassijCallList, id: string): TemplateResult {
  const full = host.detail.value?.id === id ? host.detail.value : undefined;
  const call: CallSummary | undefined = full ?? host.results?.find((c) => c.id === id);
  const back = html`<button type="button" class="nassij-button" data-variant="secondary" part="button"
    @click=${() => host.closeCall()}>${host.t('callList.back')}</button>`;
  const state = host.detail.loading
    ? renderLoading(host)
    : host.detail.errorCode
      ? renderError(host, { code: host.detail.errorCode, onRetry: host.detail.retry })
      : nothing;
  if (!call) return html`${back}${state === nothing ? renderEmpty(host) : state}`;
  const onKey = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    void host.closeCall();
  };
  return html`<article class="detail" part="detail" @keydown=${onKey}>
    <div class="detail-actions">${back}</div>
    <h2 id="detail-title" tabindex="-1">${text(host, call.title)}</h2>
    <p class="muted">${host.t('callList.reference')}: <span dir="ltr">${call.reference}</span> ·
      <span class="badge status status-${call.status}">${host.t(`status.${call.status}`)}</span></p>
    <dl>
      <dt>${host.t('callList.funder')}</dt><dd>${text(host, call.funder.name)}</dd>
      <dt>${host.t('callList.award')}</dt><dd>${award(host, call)}</dd>
      <dt>${host.t('callList.regions')}</dt><dd>${regions(host, call)}</dd>
      <dt>${host.t('callList.deadline')}</dt><dd class="deadline">${deadline(host, call)}</dd>
    </dl>
    ${renderActions(host, call)}
    <section>
      <h3>${host.t('callList.description')}</h3>
      <p>${text(host, full?.description ?? call.summary)}</p>
    </section>
    ${state}
    ${full ? renderCriteria(host, full) : nothing}
    ${full ? renderRequiredDocuments(host, full) : nothing}
    ${renderKeyDates(host, call)}
    ${full ? renderAmendments(host, full) : nothing}
    ${full ? renderContact(host, full) : nothing}
    ${full ? renderDocuments(host, full) : nothing}
  </article>`;
}

/**
 * Apply (open calls) and "add the deadline to my calendar" (calls whose deadline is still ahead: open or
 * forecast, not rolling).
 */
function renderActions(host: NassijCallList, call: CallSummary): TemplateResult | typeof nothing {
  const upcoming = call.status === 'open' || call.status === 'forecast';
  const calendar = safeHref(upcoming && call.dates.closes ? host.callCalendarUrl(call.id) : undefined);
  if (call.status !== 'open' && !calendar) return nothing;
  return html`<div class="detail-actions">
    ${call.status === 'open' ? renderApply(host, call) : nothing}
    ${
      calendar
        ? html`<a href=${calendar} type="text/calendar" part="calendar-link" data-link="call-calendar"
            >${host.t('callList.addDeadline')}</a>`
        : nothing
    }
  </div>`;
}

function renderApply(host: NassijCallList, call: CallSummary): TemplateResult {
  const url = host.applyUrl(call.id);
  const onClick = (event: Event) => host.onApply(event, call);
  return url
    ? html`<a class="nassij-button" part="apply" href=${url} @click=${onClick}>${host.t('callList.apply')}</a>`
    : html`<button type="button" class="nassij-button" part="apply" @click=${onClick}>${host.t('callList.apply')}</button>`;
}

function renderCriteria(host: NassijCallList, call: Call): TemplateResult | typeof nothing {
  if (!call.criteria.length) return nothing;
  return html`<section>
    <h3>${host.t('callList.criteria')}</h3>
    <ul>
      ${call.criteria.map(
        (c) => html`<li>${text(host, c.label)} —
          ${host.t('callList.weight', { weight: host.fmt.percent(c.weight / 100) })}
          ${c.description ? html`<br /><span class="muted">${text(host, c.description)}</span>` : nothing}</li>`,
      )}
    </ul>
  </section>`;
}

function renderRequiredDocuments(host: NassijCallList, call: Call): TemplateResult | typeof nothing {
  if (!call.requiredDocuments.length) return nothing;
  return html`<section>
    <h3>${host.t('callList.requiredDocuments')}</h3>
    <ul>
      ${call.requiredDocuments.map((d) => {
        const template = safeHref(d.templateUrl);
        // Formats by the names people know (PDF, ODS), joined as the language joins a list; sizes by Intl.
        const formats = host.fmt.list(d.mediaTypes.map(fileTypeName), 'disjunction');
        return html`<li>
          <strong>${text(host, d.label)}</strong>
          (${d.requirement === 'mandatory' ? host.t('callList.mandatory') : host.t('callList.conditional')})
          ${d.condition ? html`— ${text(host, d.condition)}` : nothing}
          <br /><span class="muted">${host.t('callList.formats', { formats })} ·
            ${host.t('callList.maxSize', { size: fileSize(host.fmt, d.maxBytes) })}</span>
          ${template ? html`· <a href=${template} rel="noopener">${host.t('callList.template')}</a>` : nothing}
        </li>`;
      })}
    </ul>
  </section>`;
}

function renderKeyDates(host: NassijCallList, call: CallSummary): TemplateResult {
  const date = (label: string, at: string | undefined) =>
    at
      ? html`<dt>${host.t(label)}</dt><dd><time datetime=${at}>${host.fmt.dateTime(at)}</time></dd>`
      : nothing;
  const { dates } = call;
  return html`<section>
    <h3>${host.t('callList.keyDates')}</h3>
    <dl>
      ${date('callList.date.published', dates.publishedAt)}
      ${date('callList.date.opens', dates.opensAt)}
      ${date('callList.date.enquiries', dates.enquiryPeriod?.end)}
      ${(dates.infoSessions ?? []).map(
        (s) => html`<dt>${host.t('callList.date.infoSession')}</dt>
          <dd><time datetime=${s.at}>${host.fmt.dateTime(s.at)}</time> — ${text(host, s.place)}</dd>`,
      )}
      ${date('callList.date.closes', dates.closes?.at)}
      ${date('callList.date.decision', dates.decisionExpectedAt)}
    </dl>
  </section>`;
}

function renderAmendments(host: NassijCallList, call: Call): TemplateResult | typeof nothing {
  if (!call.amendments.length) return nothing;
  return html`<section>
    <h3>${host.t('callList.amendments')}</h3>
    <ul>
      ${call.amendments.map(
        (a) => html`<li>
          ${host.t('callList.amendment', { version: host.fmt.number(a.version), date: host.fmt.date(a.at) })}:
          ${text(host, a.summary)}
        </li>`,
      )}
    </ul>
  </section>`;
}

function renderContact(host: NassijCallList, call: Call): TemplateResult | typeof nothing {
  const { name, email, phone, url } = call.contact;
  const site = safeHref(url);
  if (!name && !email && !phone && !site) return nothing;
  return html`<section>
    <h3>${host.t('callList.contact')}</h3>
    <dl>
      ${name ? html`<dt class="visually-hidden">${host.t('callList.contact')}</dt><dd>${text(host, name)}</dd>` : nothing}
      ${email ? html`<dt>${host.t('callList.email')}</dt><dd><a href="mailto:${email}" dir="ltr">${email}</a></dd>` : nothing}
      ${phone ? html`<dt>${host.t('callList.phone')}</dt><dd><a href="tel:${phone}" dir="ltr">${phone}</a></dd>` : nothing}
      ${site ? html`<dt>${host.t('callList.website')}</dt><dd><a href=${site} rel="noopener" dir="ltr">${site}</a></dd>` : nothing}
    </dl>
  </section>`;
}

function renderDocuments(host: NassijCallList, call: Call): TemplateResult | typeof nothing {
  const links = call.documents.flatMap((d) => {
    const url = safeHref(d.url);
    return url ? [html`<li><a href=${url} rel="noopener">${text(host, d.title)}</a></li>`] : [];
  });
  if (!links.length) return nothing;
  return html`<section>
    <h3>${host.t('callList.documents')}</h3>
    <ul>${links}</ul>
  </section>`;
}
