import { CONSULTATION_PHASES, type Consultation, type ConsultationStats, regionName } from '@nassij/contract';
import { feedsArea } from '@nassij/sdk';
import { html, nothing, type TemplateResult } from 'lit';
import { safeHref, text } from '../../base/states.js';
import type { NassijConsultation } from '../nassij-consultation.js';

// The consultation's header: who consults, its phases on a timeline, participation figures, documents.

/** The header of the consultation. */
export function renderHeader(host: NassijConsultation, data: Consultation): TemplateResult {
  return html`<header part="header" class="header">
    <p class="kicker">
      <span>${host.t(`cons.subject.${data.subjectType}`)}</span> · <span class="ref" dir="ltr">${data.reference}</span>
    </p>
    <h2 id="title">${text(host, data.title)}</h2>
    <p class="body">${text(host, data.issuingBody.name)}</p>
    <p>
      ${host.t(`cons.scope.${data.scope}`)}${data.region ? html` — ${regionName(data.region, host.locale)}` : nothing}
      · ${host.t(`cons.mode.${data.participationMode}`)}
    </p>
    <p class="summary">${text(host, data.summary)}</p>
    ${renderTimeline(host, data)} ${renderStats(host, host.stats ?? data.stats)}
    ${
      data.documents.length
        ? html`<ul class="documents">
            ${data.documents.map((d) => {
              const href = safeHref(d.url);
              return href
                ? html`<li><a href=${href} rel="noopener">${text(host, d.title)}</a></li>`
                : nothing;
            })}
          </ul>`
        : nothing
    }
  </header>`;
}

/** The phases, the current one marked; dates with the element's formatter (Tifinagh months in zgh). */
function renderTimeline(host: NassijConsultation, data: Consultation): TemplateResult {
  const currentIndex = CONSULTATION_PHASES.indexOf(data.phase);
  const time = (instant: string) => html`<time datetime=${instant}>${host.fmt.dateTime(instant)}</time>`;
  return html`<section aria-labelledby="phases-h">
    <h3 id="phases-h">${host.t('cons.phases')}</h3>
    <ol class="timeline">
      ${CONSULTATION_PHASES.map((phase, index) => {
        const period = data.phases.find((p) => p.phase === phase)?.period;
        const state = index < currentIndex ? 'past' : index === currentIndex ? 'current' : 'future';
        return html`<li class="phase" data-state=${state} aria-current=${index === currentIndex ? 'step' : nothing}>
          <span class="phase-name">${host.t(`cons.phase.${phase}`)}</span>
          ${index === currentIndex ? html`<span class="badge">${host.t('cons.phase.now')}</span>` : nothing}
          ${period ? html`<span class="dates">${time(period.start)}${period.end ? html` — ${time(period.end)}` : nothing}</span>` : nothing}
        </li>`;
      })}
    </ol>
    ${
      data.closure
        ? html`<p class="closure" part="closure"><strong>${host.t('cons.closedEarly', { date: host.fmt.dateTime(data.closure.at) })}</strong>
            ${text(host, data.closure.reason)}</p>`
        : nothing
    }
    ${renderCalendarLink(host, data)}
  </section>`;
}

/**
 * "Add the phases to my calendar": the platform's iCalendar file of the consultation's phases. Only with a
 * platform to link to (data mode without a client has none).
 */
function renderCalendarLink(host: NassijConsultation, data: Consultation): TemplateResult | typeof nothing {
  const transport = host.resolvedClient?.transport;
  if (!transport) return nothing;
  const href = safeHref(feedsArea(transport).consultationCalendarUrl(data.id, host.locale));
  return html`<p class="calendar-link"><a href=${href} type="text/calendar" part="calendar-link"
    >${host.t('cons.addPhases')}</a></p>`;
}

function renderStats(host: NassijConsultation, stats: ConsultationStats): TemplateResult {
  const line = (b: { participants: number; contributions: number }) =>
    host.t('cons.stats.line', { participants: b.participants, contributions: b.contributions });
  return html`<section aria-labelledby="stats-h" class="stats">
    <h3 id="stats-h">${host.t('cons.stats.title')}</h3>
    <dl class="figures">
      ${(['participants', 'contributions', 'recommendations', 'supports'] as const).map(
        (k) => html`<div><dt>${host.t(`cons.stats.${k}`)}</dt><dd>${host.fmt.number(stats[k])}</dd></div>`,
      )}
    </dl>
    ${
      stats.byParticipantType.length || stats.byRegion.length
        ? html`<details>
            <summary>${host.t('cons.stats.breakdown')}</summary>
            <ul>
              ${stats.byParticipantType.map((b) => html`<li>${host.t(`cons.ptype.${b.type}`)}: ${line(b)}</li>`)}
              ${stats.byRegion.map((b) => html`<li>${regionName(b.region, host.locale)}: ${line(b)}</li>`)}
            </ul>
          </details>`
        : nothing
    }
  </section>`;
}
