import {
  COMPETENCY_NAMES,
  type CompetencyCode,
  type Course,
  type LocalizedText,
  regionName,
  type SessionSummary,
} from '@nassij/contract';
import { html, nothing, type TemplateResult } from 'lit';
import { plain, text } from '../../base/states.js';
import { shownSessions } from '../filters.js';
import type { NassijTrainingFinder } from '../nassij-training-finder.js';
import { sessionCalendarHref } from '../session-calendar.js';

// The results: the count, the course cards with the sessions the filters keep, and "load more".

/** The list of courses, `total` of them in all; `more` shows the button that loads the next page. */
export function renderCourseList(
  host: NassijTrainingFinder,
  courses: readonly Course[],
  total: number,
  more: boolean,
): TemplateResult {
  return html`<p class="meta">${host.t('count.results', { count: total })}</p>
    <ul class="courses">${courses.map((course) => html`<li>${renderCourse(host, course)}</li>`)}</ul>
    ${
      more
        ? html`<button class="nassij-button more" data-variant="secondary" part="button" type="button"
            ?disabled=${host.results.loading} @click=${() => host.loadMore()}>${host.t('pagination.loadMore')}</button>`
        : nothing
    }`;
}

function renderCourse(host: NassijTrainingFinder, course: Course): TemplateResult {
  const sessions = shownSessions(course, host.filters);
  const title = plain(host.locale, course.title);
  const languages = host.fmt.list(course.languages.map((l) => host.t(`tf.lang.${l}`)));
  return html`<article part="card" data-course=${course.id} aria-labelledby="c-${course.id}">
    <h3 id="c-${course.id}" tabindex="-1">${text(host, course.title)}</h3>
    <p class="meta">${host.t('tf.provider', { name: plain(host.locale, course.provider.name) })}</p>
    <ul class="tags">
      ${course.competencies.map((c) => {
        const names = COMPETENCY_NAMES[c.code as CompetencyCode] as LocalizedText | undefined;
        const name = names ? plain(host.locale, names) : c.code;
        return html`<li>${name} · ${host.t('tf.levelShort', { level: c.level })}</li>`;
      })}
      <li>${host.t(`tf.modality.${course.modality}`)}</li>
      <li>${host.t('tf.languages', { list: languages })}</li>
      <li>${host.t('tf.duration', { hours: course.durationHours })}</li>
      <li>${course.cost.free ? host.t('tf.cost.free') : host.t('tf.cost.paid', { amount: host.fmt.money(course.cost.amount) })}</li>
    </ul>
    <p>${text(host, course.description)}</p>
    <h4>${host.t('tf.nextSessions')}</h4>
    ${
      sessions.length === 0
        ? html`<p class="muted">${host.t('tf.noSessions')}</p>`
        : html`<ul class="sessions">${sessions.map((s) => renderSession(host, course, title, s))}</ul>`
    }
  </article>`;
}

/** Where a session takes place, in the reader's language. */
function place(host: NassijTrainingFinder, s: SessionSummary): string {
  const where = s.location;
  if (where.kind === 'online')
    return where.platform ? host.t('tf.onlineOn', { platform: where.platform }) : host.t('tf.online');
  // One message, so each language joins the city and the region with its own comma.
  return host.t('tf.place', {
    city: plain(host.locale, where.city),
    region: regionName(where.region, host.locale),
  });
}

function renderSession(
  host: NassijTrainingFinder,
  course: Course,
  title: string,
  s: SessionSummary,
): TemplateResult {
  const start = host.fmt.dateTime(s.period.start);
  const canRegister = s.registrationState === 'open' || s.registrationState === 'waitlist';
  const label = s.registrationState === 'waitlist' || s.seatsLeft === 0 ? 'tf.joinWaitlist' : 'tf.register';
  return html`<li data-session=${s.id}>
    <div>
      <div>${host.t('tf.when', { start, end: host.fmt.date(s.period.end) })}</div>
      <div class="meta">${place(host, s)} · ${host.t('tf.sessionLang', { language: host.t(`tf.lang.${s.language}`) })}
        · ${host.t('count.seatsLeft', { count: s.seatsLeft })}</div>
      <span class="badge" part="badge" data-state=${s.registrationState}>${host.t(`tf.state.${s.registrationState}`)}</span>
    </div>
    <div class="session-actions">
      <a href=${sessionCalendarHref(s, title, place(host, s))} download="${s.id}.ics" type="text/calendar"
        data-calendar=${s.id}>${host.t('tf.addToCalendar')}<span class="visually-hidden">
        — ${host.t('tf.sessionOf', { course: title, date: start })}</span></a>
      ${
        canRegister
          ? html`<button class="nassij-button" part="button" type="button" data-register=${s.id}
              @click=${() => host.openRegistration(course, s)}>
              ${host.t(label)}<span class="visually-hidden"> ${host.t('tf.registerFor', { course: title, date: start })}</span>
            </button>`
          : nothing
      }
    </div>
  </li>`;
}
