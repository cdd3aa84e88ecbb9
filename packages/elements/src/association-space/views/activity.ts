import {
  type ApplicationSummary,
  type AwardReport,
  COMPETENCIES,
  type Course,
  type Registration,
} from '@nassij/contract';
import { html, nothing, type TemplateResult } from 'lit';
import { plain, safeHref, text } from '../../base/states.js';
import type {
  NassijApplicationOpenDetail,
  NassijAssociationSpace,
  SpaceData,
} from '../nassij-association-space.js';
import { part } from './parts.js';

// What the association does on the platform: its applications, the reports it owes after an award and its
// trainings. Read-only here: each links to where the work is done.

/** A calendar date (`YYYY-MM-DD`) or instant, formatted at noon so no time zone moves its day. */
function day(host: NassijAssociationSpace, value: string): string {
  return host.fmt.date(value.length === 10 ? `${value}T12:00:00Z` : value);
}

/**
 * The page's address of an application (`application-href`, `{id}` and `{callId}` replaced), when it is a
 * web address.
 */
function hrefOf(host: NassijAssociationSpace, app: ApplicationSummary): string | undefined {
  if (!host.applicationHref) return undefined;
  const href = host.applicationHref
    .replaceAll('{id}', encodeURIComponent(app.id))
    .replaceAll('{callId}', encodeURIComponent(app.callId));
  return safeHref(new URL(href, document.baseURI).href);
}

function openApplication(host: NassijAssociationSpace, app: ApplicationSummary, event: Event): void {
  const proceed = host.emit<NassijApplicationOpenDetail>('nassij-application-open', {
    applicationId: app.id,
    callId: app.callId,
  });
  if (!proceed) event.preventDefault();
}

function application(host: NassijAssociationSpace, app: ApplicationSummary): TemplateResult {
  const href = safeHref(hrefOf(host, app));
  const title = text(host, app.callTitle);
  return html`<li data-application=${app.id} data-status=${app.status}>
    <p class="app-title">${title}</p>
    <p class="meta">
      <span class="status" data-status=${app.status}>${host.t(`as.apps.status.${app.status}`)}</span>
      <span dir="ltr">${app.callReference}</span>
      ${app.projectTitle ? html`<span dir="auto">${app.projectTitle}</span>` : nothing}
      ${app.requestedAmount ? html`<span>${host.t('as.apps.requested', { amount: host.fmt.money(app.requestedAmount) })}</span>` : nothing}
      ${app.submittedAt ? html`<span>${host.t('as.apps.submittedOn', { date: host.fmt.date(app.submittedAt) })}</span>` : nothing}
    </p>
    <p class="next">${host.t(`as.apps.next.${app.status}`)}</p>
    <p class="form-actions">${
      href
        ? html`<a class="nassij-button" data-variant="secondary" part="button" href=${href} data-open=${app.id}
            @click=${(e: Event) => openApplication(host, app, e)}>${host.t('as.apps.open')}<span class="visually-hidden">: ${title}</span></a>`
        : html`<button class="nassij-button" data-variant="secondary" part="button" type="button" data-open=${app.id}
            @click=${(e: Event) => openApplication(host, app, e)}>${host.t('as.apps.open')}<span class="visually-hidden">: ${title}</span></button>`
    }</p>
  </li>`;
}

function report(host: NassijAssociationSpace, r: AwardReport): TemplateResult {
  return html`<li data-report=${r.id} data-overdue=${r.overdue ? 'true' : 'false'}>
    <p class="app-title">${text(host, r.label)}</p>
    <p class="meta">
      <span class="status" data-status=${r.status}>${host.t(`as.reports.status.${r.status}`)}</span>
      <span>${host.t('as.reports.due', { date: day(host, r.dueOn) })}</span>
      ${r.overdue ? html`<span class="badge expired">${host.t('as.reports.overdue')}</span>` : nothing}
    </p>
  </li>`;
}

/** Registrations whose session was attended: what the association's members learnt. */
const ATTENDED = new Set(['attended', 'completed']);

/** Competencies of the sessions attended, with how many sessions taught each (most first). */
function competencies(
  registrations: readonly Registration[],
  courses: Record<string, Course>,
): { code: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const r of registrations) {
    if (!ATTENDED.has(r.status)) continue;
    for (const c of courses[r.courseId]?.competencies ?? [])
      counts.set(c.code, (counts.get(c.code) ?? 0) + 1);
  }
  return [...counts].map(([code, count]) => ({ code, count })).sort((a, b) => b.count - a.count);
}

function trainings(
  host: NassijAssociationSpace,
  space: SpaceData,
  registrations: Registration[],
): TemplateResult {
  const courseTitle = (r: Registration) => {
    const course = space.courses[r.courseId];
    return course ? text(host, course.title) : host.t('as.trainings.course');
  };
  const certificates = registrations.filter((r) => r.credentialIssuedOn);
  const acquired = competencies(registrations, space.courses);
  const competencyName = (code: string) => {
    const known = COMPETENCIES.find((c) => c.code === code);
    return known ? plain(host.locale, known.name) : code;
  };
  return html`<h4>${host.t('as.trainings.registrations')}</h4>
    ${
      registrations.length === 0
        ? html`<p class="muted">${host.t('as.trainings.none')}</p>`
        : html`<ul class="cards registrations">${registrations.map(
            (r) => html`<li data-registration=${r.id} data-status=${r.status}>
              <p class="app-title">${courseTitle(r)}</p>
              <p class="meta">
                <span class="status">${host.t(`as.trainings.status.${r.status}`)}</span>
                <span>${host.t('as.trainings.participant', { name: r.participant.name })}</span>
              </p>
            </li>`,
          )}</ul>`
    }
    <h4>${host.t('as.trainings.certificates')}</h4>
    ${
      certificates.length === 0
        ? html`<p class="muted">${host.t('as.trainings.noCertificates')}</p>`
        : html`<ul class="plain certificates">${certificates.map(
            (r) =>
              html`<li>${courseTitle(r)} — ${host.t('as.trainings.certificate', { name: r.participant.name, date: host.fmt.date(r.credentialIssuedOn!) })}</li>`,
          )}</ul>`
    }
    <h4>${host.t('as.trainings.competencies')}</h4>
    <p class="hint">${host.t('as.trainings.competenciesNote')}</p>
    ${
      acquired.length === 0
        ? html`<p class="muted">${host.t('as.trainings.noCompetencies')}</p>`
        : html`<ul class="plain competencies">${acquired.map(
            (c) =>
              html`<li data-competency=${c.code}>${host.t('as.trainings.competency', { name: competencyName(c.code), count: c.count })}</li>`,
          )}</ul>`
    }`;
}

/** The Applications, Reports due or Trainings section (read-only views of the association's activity). */
export function renderActivity(
  host: NassijAssociationSpace,
  space: SpaceData,
  section: 'applications' | 'reports' | 'trainings',
): unknown {
  if (section === 'applications')
    return part(host, space.applications, (apps) =>
      apps.length === 0
        ? html`<p class="muted">${host.t('as.apps.none')}</p>`
        : html`<ul class="cards applications">${apps.map((app) => application(host, app))}</ul>`,
    );
  if (section === 'reports')
    return part(host, space.reports, (reports) =>
      reports.length === 0
        ? html`<p class="muted">${host.t('as.reports.none')}</p>`
        : html`<ul class="cards reports">${reports.map((r) => report(host, r))}</ul>`,
    );
  return part(host, space.registrations, (registrations) => trainings(host, space, registrations));
}
