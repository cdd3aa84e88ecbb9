import type { ApplicationSummary, AwardReport, CompetencyRecord, Registration } from '@nassij/contract';
import { html, nothing, type TemplateResult } from 'lit';
import { safeHref, text } from '../../base/states.js';
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

/**
 * A competency the members acquired: its name, the highest level reached, and each course completed that
 * brought it (when, at what level), most recent first.
 */
function competency(host: NassijAssociationSpace, record: CompetencyRecord): TemplateResult {
  return html`<li data-competency=${record.code} data-level=${record.highestLevel}>
    <p class="app-title">${record.name ? text(host, record.name) : record.code}</p>
    <p>${host.t('as.trainings.level', { level: record.highestLevel })}</p>
    <ul class="plain acquisitions">${record.acquisitions.map(
      (a) =>
        html`<li data-course=${a.courseId} data-session=${a.sessionId}>${text(host, a.courseTitle)} — ${host.t(
          'as.trainings.acquired',
          { date: host.fmt.date(a.completedOn), level: a.level },
        )}</li>`,
    )}</ul>
  </li>`;
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
    ${part(host, space.competencies ?? { error: 'unavailable' }, (acquired) =>
      acquired.length === 0
        ? html`<p class="muted">${host.t('as.trainings.noCompetencies')}</p>`
        : html`<ul class="cards competencies">${acquired.map((record) => competency(host, record))}</ul>`,
    )}`;
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
