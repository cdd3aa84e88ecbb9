import {
  COMPETENCY_NAMES,
  type CompetencyCode,
  type LocalizedText,
  type ManagedSession,
  regionName,
} from '@nassij/contract';
import { html, nothing, type TemplateResult } from 'lit';
import { errorMessage, plain, text } from '../../base/states.js';
import type { CourseRow } from '../model.js';
import type { NassijSessionManager } from '../nassij-session-manager.js';

// The list: the organisation's courses, newest first, each with its sessions and their seats. Every button's
// name carries what it acts on (hidden), so that a list of "Attendance" buttons is still told apart.

type Host = NassijSessionManager;

/**
 * The competencies a course develops, with their level, in the reader's language.
 *
 * @example
 * ```ts
 * competencies(host, row); // 'Gestion financière (niveau 1)'
 * ```
 */
export function competencies(host: Host, row: CourseRow): string {
  return host.fmt.list(
    row.managed.course.competencies.map((c) => {
      const names = COMPETENCY_NAMES[c.code as CompetencyCode] as LocalizedText | undefined;
      return host.t('sm.competency', { name: names ? plain(host.locale, names) : c.code, level: c.level });
    }),
  );
}

/**
 * Where a session is held: city and region, or online.
 *
 * @example
 * ```ts
 * place(host, managed); // 'Azilal, Béni Mellal-Khénifra'
 * ```
 */
export function place(host: Host, managed: ManagedSession): string {
  const where = managed.session.location;
  if (where.kind === 'online') return host.t('sm.online');
  return host.t('sm.place', {
    city: plain(host.locale, where.city),
    region: regionName(where.region, host.locale),
  });
}

/**
 * The session's first and last day, in Morocco time.
 *
 * @example
 * ```ts
 * dates(host, managed); // 'Du 12 mai 2026 au 14 mai 2026'
 * ```
 */
export function dates(host: Host, managed: ManagedSession): string {
  const { start, end } = managed.session.period;
  return host.t('sm.when', { start: host.fmt.date(start), end: host.fmt.date(end) });
}

function session(host: Host, row: CourseRow, managed: ManagedSession, title: string): TemplateResult {
  const s = managed.session;
  const when = dates(host, managed);
  const name = html`<span class="visually-hidden">: ${title}, ${when}</span>`;
  const open = s.status === 'scheduled' || s.status === 'postponed';
  const courseId = row.managed.course.id;
  return html`<li data-session=${s.id} data-status=${s.status}>
    <p class="when">${when}</p>
    <p class="meta">
      <span>${place(host, managed)}</span>
      <span class="status" data-status=${s.status}>${host.t(`sm.status.${s.status}`)}</span>
    </p>
    <ul class="counts">
      <li>${host.t('sm.capacity', { count: s.capacity })}</li>
      <li>${host.t('sm.confirmed', { count: managed.counts.confirmed })}</li>
      <li>${host.t('sm.waitlisted', { count: managed.counts.waitlisted })}</li>
      <li>${host.t('sm.seatsLeft', { count: s.seatsLeft })}</li>
    </ul>
    ${managed.cancellationReason ? html`<p class="muted" dir="auto">${host.t('sm.cancelledBecause', { reason: managed.cancellationReason })}</p>` : nothing}
    <p class="form-actions">
      <button class="nassij-button" part="button" type="button" data-desk=${s.id}
        @click=${() => void host.show({ kind: 'desk', courseId, sessionId: s.id })}>${host.t('sm.openDesk')}${name}</button>
      ${
        open
          ? html`<button class="nassij-button" data-variant="secondary" part="button" type="button" data-edit-session=${s.id}
              @click=${() => void host.show({ kind: 'session', courseId, sessionId: s.id })}>${host.t('sm.editSession')}${name}</button>
            <button class="nassij-button" data-variant="secondary" part="button" type="button" data-cancel-session=${s.id}
              @click=${() => void host.show({ kind: 'cancel', courseId, sessionId: s.id })}>${host.t('sm.cancelSession')}${name}</button>`
          : nothing
      }
    </p>
  </li>`;
}

function course(host: Host, row: CourseRow): TemplateResult {
  const { course: c, state } = row.managed;
  const title = plain(host.locale, c.title);
  const name = html`<span class="visually-hidden">: ${title}</span>`;
  const published = state === 'published';
  return html`<li data-course=${c.id} data-state=${state}>
    <h3 tabindex="-1">${text(host, c.title)}</h3>
    <p class="meta">
      <span class="status" data-status=${state}>${host.t(`sm.course.${state}`)}</span>
      <span dir="ltr">${c.reference}</span>
      <span>${competencies(host, row)}</span>
      <span>${host.t(`sm.modality.${c.modality}`)}</span>
      <span>${host.t('sm.hours', { count: c.durationHours })}</span>
    </p>
    ${host.noticeOf(`course-${c.id}`)}
    ${host.refusalOf(`course-${c.id}`) ? html`<p class="error" role="alert">${errorMessage(host, host.refusalOf(`course-${c.id}`)!)}</p>` : nothing}
    <p class="form-actions">
      <button class="nassij-button" data-variant="secondary" part="button" type="button" data-edit-course=${c.id}
        @click=${() => void host.show({ kind: 'course', courseId: c.id })}>${host.t('sm.editCourse')}${name}</button>
      ${
        published
          ? html`<button class="nassij-button" part="button" type="button" data-new-session=${c.id}
              @click=${() => void host.show({ kind: 'session', courseId: c.id })}>${host.t('sm.newSession')}${name}</button>`
          : html`<button class="nassij-button" part="button" type="button" data-publish=${c.id} ?disabled=${host.busy}
              @click=${() => void host.publish(c.id)}>${host.t('sm.publish')}${name}</button>`
      }
    </p>
    ${
      row.sessions.length === 0
        ? html`<p class="muted">${host.t(published ? 'sm.noSessions' : 'sm.draftHint')}</p>`
        : html`<ul class="sessions">${row.sessions.map((m) => session(host, row, m, title))}</ul>`
    }
  </li>`;
}

/**
 * The organisation's courses with their sessions, and "New course" above them.
 *
 * @example
 * ```ts
 * renderCourses(manager, rows);
 * ```
 */
export function renderCourses(host: Host, rows: readonly CourseRow[]): TemplateResult {
  return html`<p class="form-actions">
      <button class="nassij-button new-course" part="button" type="button"
        @click=${() => void host.show({ kind: 'course' })}>${host.t('sm.newCourse')}</button>
    </p>
    ${host.noticeOf('list')}
    ${
      rows.length === 0
        ? html`<div class="nassij-state" data-state="empty" role="status"><p>${host.t('sm.none')}</p></div>`
        : html`<ul class="courses">${rows.map((row) => course(host, row))}</ul>`
    }`;
}
