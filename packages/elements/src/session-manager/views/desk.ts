import {
  type AttendanceLine,
  type Certificate,
  casablancaDate,
  getAttendanceRef,
  getCertificateRef,
  issueCertificateRef,
  markAttendanceRef,
} from '@nassij/contract';
import { html, nothing, type TemplateResult } from 'lit';
import type { BaseClient } from '../../base/client.js';
import { errorMessage, safeHref, text } from '../../base/states.js';
import { done, write } from '../actions.js';
import { loadEvaluations } from '../api.js';
import { type AttendanceMark, AttendanceSheet } from '../attendance.js';
import type { CourseRow, IssuedCertificate, SessionDesk } from '../model.js';
import type { NassijSessionManager } from '../nassij-session-manager.js';
import { dates, place } from './list.js';

// One session's desk, imported when it opens (with its requests): the attendance sheet made for a tablet, the
// evaluations' summary and the certificates of completed registrations.

type Host = NassijSessionManager;

/** Day labels: weekday and date, in Morocco (the days are Casablanca dates already). */
function dayLabel(host: Host, day: string): string {
  return new Intl.DateTimeFormat(host.fmt.tag, {
    timeZone: 'UTC',
    weekday: 'short',
    day: 'numeric',
    month: 'short',
  }).format(new Date(`${day}T12:00:00Z`));
}

/**
 * The certificates already issued to the sheet's participants, with their links (the sheet names each
 * certificate; its PDF and verification addresses are the certificate's own). One that cannot be read now
 * is left out: its line offers "Issue", which gives the same certificate back (issuing is idempotent).
 */
async function issuedCertificates(
  client: BaseClient,
  lines: readonly AttendanceLine[],
  signal: AbortSignal,
): Promise<IssuedCertificate[]> {
  const issued = await Promise.all(
    lines.map(async ({ registrationId, certificateId }) => {
      if (!certificateId) return undefined;
      try {
        const { links } = await client.request(getCertificateRef, { params: { certificateId }, signal });
        return { registrationId, certificateId, pdfUrl: links.pdf, verificationUrl: links.verify };
      } catch (error) {
        if (signal.aborted) throw error;
        return undefined;
      }
    }),
  );
  return issued.filter((c) => c !== undefined);
}

/**
 * The desk of a session: the session, its attendance sheet with the certificates issued, and the summary
 * of its evaluations (without which the sheet still works).
 *
 * @example
 * ```ts
 * const desk = await loadDesk(client, row, 'ses_1', signal);
 * ```
 */
export async function loadDesk(
  client: BaseClient,
  row: CourseRow,
  sessionId: string,
  signal: AbortSignal,
): Promise<SessionDesk> {
  const managed = row.sessions.find((s) => s.session.id === sessionId);
  if (!managed) throw Object.assign(new Error(`Session ${sessionId} is not listed`), { code: 'not_found' });
  const [sheet, evaluations] = await Promise.all([
    client.request(getAttendanceRef, { params: { sessionId }, signal }),
    // The evaluations are a summary beside the sheet: without them the sheet still works.
    loadEvaluations(client, sessionId, signal).catch((error: unknown) => {
      if (signal.aborted) throw error;
      return undefined;
    }),
  ]);
  const certificates = await issuedCertificates(client, sheet.lines, signal);
  return { course: row.managed.course, managed, sheet, evaluations, certificates };
}

/** The marks the platform holds, as the sheet keeps them. */
function marksOf(lines: readonly AttendanceLine[]): AttendanceMark[] {
  return lines.flatMap((line) =>
    line.days.map((d) => ({ registrationId: line.registrationId, day: d.day, present: d.present })),
  );
}

/**
 * The sheet of the open session: made once per session and kept (with its ticks not saved yet) while the
 * page lives, so that leaving the desk offline loses nothing.
 */
function sheetFor(host: Host, desk: SessionDesk): AttendanceSheet {
  const sessionId = desk.managed.session.id;
  const existing = host.sheets.get(sessionId);
  if (existing) {
    if (host.sheet !== existing) {
      host.sheet = existing;
      existing.load(marksOf(desk.sheet.lines));
    }
    return existing;
  }
  const sheet = new AttendanceSheet(
    host,
    async (marks) => {
      const client = host.resolvedClient;
      if (client) {
        const saved = await client.request(markAttendanceRef, { params: { sessionId }, body: { marks } });
        // The statuses may have moved (an ended session's completed registrations): shown at once.
        const shown = host.desk;
        if (shown?.managed.session.id === sessionId) host.setDesk({ ...shown, sheet: saved });
      }
      host.emit('nassij-attendance-save', { sessionId, marks });
      if (sheet.failure) host.announcer.announce(host.t('sm.att.recovered'));
    },
    (error) => {
      const code = host.reportFailure(error);
      // Said once, not at every retry: the sheet's state line keeps saying it.
      if (!sheet.failure) host.announcer.announce(host.t('sm.att.failedShort'));
      return code;
    },
  );
  sheet.load(marksOf(desk.sheet.lines));
  host.sheets.set(sessionId, sheet);
  host.sheet = sheet;
  return sheet;
}

/**
 * Arrow keys move between the sheet's checkboxes, as in a spreadsheet: up and down to the same day of the
 * participant above or below, left and right to the day before or after in reading order (mirrored in
 * Arabic). Tab still visits every box; a disabled box (a day to come) is skipped.
 */
function moveInSheet(host: Host, event: KeyboardEvent): void {
  const box = event.target as HTMLElement;
  if (!box.matches('input.tick')) return;
  const rtl = host.getAttribute('dir') === 'rtl';
  const steps: Record<string, [number, number]> = {
    ArrowUp: [-1, 0],
    ArrowDown: [1, 0],
    ArrowLeft: [0, rtl ? 1 : -1],
    ArrowRight: [0, rtl ? -1 : 1],
  };
  const step = steps[event.key];
  if (!step) return;
  event.preventDefault();
  const rows = [...host.renderRoot.querySelectorAll('tbody tr')].map((tr) => [
    ...tr.querySelectorAll<HTMLInputElement>('input.tick'),
  ]);
  const row = rows.findIndex((boxes) => boxes.includes(box as HTMLInputElement));
  const column = rows[row]?.indexOf(box as HTMLInputElement) ?? -1;
  for (let r = row + step[0], c = column + step[1]; rows[r]?.[c]; r += step[0], c += step[1]) {
    const next = rows[r]![c]!;
    if (!next.disabled) return void next.focus();
  }
}

/** What the sheet's saving says: saved (at what time), saving, waiting, or failed and kept. */
function saveState(host: Host, sheet: AttendanceSheet): TemplateResult {
  const state = sheet.state;
  const message =
    state === 'saved'
      ? sheet.savedAt
        ? host.t('sm.att.savedAt', { time: host.fmt.time(sheet.savedAt) })
        : host.t('sm.att.allSaved')
      : state === 'saving'
        ? host.t('sm.att.saving')
        : state === 'pending'
          ? host.t('sm.att.pending', { count: sheet.unsaved })
          : host.t('sm.att.failed', {
              count: sheet.unsaved,
              reason: errorMessage(host, sheet.failure ?? 'unknown'),
            });
  return html`<div class="save-state" data-state=${state}>
    <p>${message}</p>
    ${
      state === 'failed' || state === 'pending'
        ? html`<button class="nassij-button save-now" data-variant="secondary" part="button" type="button"
            @click=${() => void sheet.flush()}>${host.t('sm.att.saveNow')}</button>`
        : nothing
    }
  </div>`;
}

function attendance(host: Host, desk: SessionDesk, sheet: AttendanceSheet): TemplateResult {
  const { days, lines } = desk.sheet;
  // Days still to come cannot be marked (the platform refuses them): shown, not offered. Once the platform
  // says the session has ended, every day is past, whatever this device's clock says.
  const today = casablancaDate(new Date());
  const markable = (day: string) => desk.sheet.ended || day <= today;
  const ids = lines.map((l) => l.registrationId);
  return html`<section class="desk-part" aria-labelledby="sm-att-h">
    <h4 id="sm-att-h" tabindex="-1">${host.t('sm.att.title')}</h4>
    <p class="hint">${host.t('sm.att.hint')}</p>
    <p class="hint">${host.t('sm.att.keys')}</p>
    ${
      lines.length === 0
        ? html`<p class="muted">${host.t('sm.att.none')}</p>`
        : html`${saveState(host, sheet)}
          <div class="sheet-scroll" role="region" aria-labelledby="sm-att-caption" tabindex="0">
            <table part="sheet" @keydown=${(e: KeyboardEvent) => moveInSheet(host, e)}>
              <caption id="sm-att-caption">${host.t('sm.att.caption', { count: lines.length })}</caption>
              <thead>
                <tr>
                  <th scope="col">${host.t('sm.att.participant')}</th>
                  ${days.map(
                    (day) => html`<th scope="col" data-day=${day}>
                      <span class="day">${dayLabel(host, day)}</span>
                      ${
                        markable(day)
                          ? html`<button class="nassij-button all-present" data-variant="secondary" part="button" type="button"
                              data-all=${day} @click=${() => sheet.markAll(ids, day, true)}>${host.t('sm.att.all')}<span
                              class="visually-hidden"> — ${host.t(day === today ? 'sm.att.today' : 'sm.att.onDay', { day: host.fmt.date(`${day}T12:00:00Z`) })}</span></button>`
                          : html`<span class="muted">${host.t('sm.att.later')}</span>`
                      }
                    </th>`,
                  )}
                </tr>
              </thead>
              <tbody>
                ${lines.map(
                  (line) => html`<tr data-registration=${line.registrationId}>
                    <th scope="row"><span dir="auto">${line.participant.name}</span>
                      <span class="status" data-status=${line.status}>${host.t(`sm.reg.${line.status}`)}</span></th>
                    ${days.map(
                      (day) => html`<td>
                        <input type="checkbox" class="tick" data-day=${day}
                          aria-label=${host.t('sm.att.mark', { name: line.participant.name, day: host.fmt.date(`${day}T12:00:00Z`) })}
                          .checked=${sheet.present(line.registrationId, day)} ?disabled=${!markable(day)}
                          @change=${(e: Event) => sheet.mark(line.registrationId, day, (e.target as HTMLInputElement).checked)} />
                      </td>`,
                    )}
                  </tr>`,
                )}
              </tbody>
            </table>
          </div>`
    }
  </section>`;
}

const RATINGS = ['5', '4', '3', '2', '1'] as const;

/** The scope of the "more comments" request, for its refusal and its notice. */
const MORE_COMMENTS = 'eval-more';

/**
 * Reads the next page of the open session's comments and adds it under those shown; the summary is the
 * latest one the platform gave. Focus goes to the first comment added, so a keyboard reader goes on from
 * there; a refusal is shown beside the button, which stays for another try.
 */
async function moreComments(host: Host): Promise<void> {
  const client = host.resolvedClient;
  const desk = host.desk;
  const cursor = desk?.evaluations?.nextCursor;
  if (!client || !desk?.evaluations || !cursor) return;
  const sessionId = desk.managed.session.id;
  const page = await write(host, MORE_COMMENTS, () => loadEvaluations(client, sessionId, undefined, cursor));
  // The reader may have opened another session meanwhile: that desk is not this page's.
  const current = host.desk;
  if (!page || !current?.evaluations || current.managed.session.id !== sessionId) return;
  const shown = current.evaluations.comments.length;
  host.setDesk({
    ...current,
    evaluations: { ...page, comments: [...current.evaluations.comments, ...page.comments] },
  });
  done(host, MORE_COMMENTS, host.t('sm.eval.moreShown'));
  await host.updateComplete;
  host.renderRoot.querySelectorAll<HTMLElement>('ul.comments > li')[shown]?.focus();
}

/**
 * The evaluations' summary: how many, the average (one decimal, in the reader's digits), a table of how many
 * gave each rating (read out by screen readers; the bars only repeat the share for the eye) and the comments
 * as written, each with its rating and date. Nobody is named: the platform does not say who wrote what.
 */
function evaluations(host: Host, desk: SessionDesk): TemplateResult {
  const summary = desk.evaluations;
  const average = (rating: number) =>
    new Intl.NumberFormat(host.fmt.tag, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(
      rating,
    );
  return html`<section class="desk-part" aria-labelledby="sm-eval-h">
    <h4 id="sm-eval-h" tabindex="-1">${host.t('sm.eval.title')}</h4>
    ${
      !summary
        ? html`<p class="muted">${host.t('sm.eval.unavailable')}</p>`
        : summary.count === 0
          ? html`<p class="muted">${host.t('sm.eval.none')}</p>`
          : html`<p class="average">${host.t('sm.eval.average', { rating: average(summary.averageRating ?? 0), count: summary.count })}</p>
            <table class="ratings">
              <caption>${host.t('sm.eval.caption')}</caption>
              <thead><tr>
                <th scope="col">${host.t('sm.eval.rating')}</th>
                <th scope="col">${host.t('sm.eval.count')}</th>
                <th scope="col">${host.t('sm.eval.share')}</th>
              </tr></thead>
              <tbody>${RATINGS.map((rating) => {
                const n = summary.distribution[rating] ?? 0;
                const share = n / summary.count;
                // The bar's length through `.style` (CSSOM), not a style attribute: a strict CSP allows it.
                return html`<tr data-rating=${rating}>
                  <th scope="row">${host.t('sm.eval.stars', { stars: Number(rating) })}</th>
                  <td>${host.fmt.number(n)}</td>
                  <td><span class="bar" aria-hidden="true" .style=${`--share: ${Math.round(share * 100)}%`}></span>
                    ${host.fmt.percent(share, 0)}</td>
                </tr>`;
              })}</tbody>
            </table>
            ${
              summary.comments.length
                ? html`<h5>${
                    // The count once every comment is here; while more pages remain, the total is not known.
                    summary.nextCursor
                      ? host.t('sm.eval.commentsTitle')
                      : host.t('sm.eval.comments', { count: summary.comments.length })
                  }</h5>
                  <ul class="comments">${summary.comments.map(
                    (c) => html`<li tabindex="-1">
                      <p dir="auto">${c.comment}</p>
                      <p class="meta">${host.t('sm.eval.commentMeta', { stars: c.rating, date: host.fmt.date(c.submittedAt) })}</p>
                    </li>`,
                  )}</ul>
                  ${
                    summary.nextCursor
                      ? html`<button class="nassij-button more-comments" part="button" type="button"
                          ?disabled=${host.busy} @click=${() => void moreComments(host)}>${host.t('sm.eval.more')}</button>`
                      : nothing
                  }
                  ${(() => {
                    const refused = host.refusalOf(MORE_COMMENTS);
                    return refused
                      ? html`<p class="error" role="alert">${errorMessage(host, refused)}</p>`
                      : nothing;
                  })()}
                  ${host.noticeOf(MORE_COMMENTS)}`
                : nothing
            }`
    }
  </section>`;
}

/** Issues (or fetches again: issuing is idempotent) the certificate of a completed registration. */
async function issue(host: Host, line: AttendanceLine): Promise<void> {
  const client = host.resolvedClient;
  if (!client) return;
  const registrationId = line.registrationId;
  const scope = `cert-${registrationId}`;
  const certificate: Certificate | undefined = await write(host, scope, () =>
    client.request(issueCertificateRef, { params: { registrationId } }),
  );
  if (!certificate) return;
  const desk = host.desk;
  if (desk)
    host.setDesk({
      ...desk,
      certificates: [
        ...desk.certificates.filter((c) => c.registrationId !== registrationId),
        {
          registrationId,
          certificateId: certificate.id,
          pdfUrl: certificate.links.pdf,
          verificationUrl: certificate.links.verify,
        },
      ],
    });
  host.emit('nassij-certificate-issue', { registrationId, certificateId: certificate.id });
  done(host, scope, host.t('sm.cert.issued', { name: line.participant.name }));
  await host.updateComplete;
  host.renderRoot.querySelector<HTMLElement>(`[data-certificate="${CSS.escape(registrationId)}"] a`)?.focus();
}

function certificates(host: Host, desk: SessionDesk): TemplateResult {
  const completed = desk.sheet.lines.filter((l) => l.status === 'completed');
  return html`<section class="desk-part" aria-labelledby="sm-cert-h">
    <h4 id="sm-cert-h" tabindex="-1">${host.t('sm.cert.title')}</h4>
    <p class="hint">${host.t('sm.cert.hint')}</p>
    ${
      completed.length === 0
        ? html`<p class="muted">${host.t('sm.cert.none')}</p>`
        : html`<ul class="certificates">${completed.map((line) => {
            const issued = desk.certificates.find((c) => c.registrationId === line.registrationId);
            const pdf = safeHref(issued?.pdfUrl);
            const verify = safeHref(issued?.verificationUrl);
            const scope = `cert-${line.registrationId}`;
            const refused = host.refusalOf(scope);
            return html`<li data-certificate=${line.registrationId}>
              <span class="name" dir="auto">${line.participant.name}</span>
              ${
                issued
                  ? html`<span class="links">
                      ${pdf ? html`<a href=${pdf} target="_blank" rel="noopener" data-link="pdf">${host.t('sm.cert.pdf')}<span class="visually-hidden"> — ${line.participant.name}</span></a>` : nothing}
                      ${verify ? html`<a href=${verify} target="_blank" rel="noopener" data-link="verify">${host.t('sm.cert.verify')}<span class="visually-hidden"> — ${line.participant.name}</span></a>` : nothing}
                    </span>`
                  : html`<button class="nassij-button issue" part="button" type="button" data-issue=${line.registrationId}
                      ?disabled=${host.busy} @click=${() => void issue(host, line)}>${host.t('sm.cert.issue')}<span
                      class="visually-hidden"> — ${line.participant.name}</span></button>`
              }
              ${refused ? html`<p class="error" role="alert">${errorMessage(host, refused)}</p>` : nothing}
              ${host.noticeOf(scope)}
            </li>`;
          })}</ul>`
    }
  </section>`;
}

/**
 * The desk of an open session: its heading (focused on opening), facts, attendance sheet, evaluations and
 * certificates.
 *
 * @example
 * ```ts
 * renderDesk(manager, desk);
 * ```
 */
export function renderDesk(host: Host, desk: SessionDesk): TemplateResult {
  const sheet = sheetFor(host, desk);
  const s = desk.managed.session;
  return html`<h3 id="sm-screen-h" tabindex="-1">${text(host, desk.course.title)}</h3>
    <p class="meta">
      <span>${dates(host, desk.managed)}</span>
      <span>${place(host, desk.managed)}</span>
      <span class="status" data-status=${s.status}>${host.t(`sm.status.${s.status}`)}</span>
      <span>${host.t('sm.confirmed', { count: desk.managed.counts.confirmed })}</span>
      <span>${host.t('sm.waitlisted', { count: desk.managed.counts.waitlisted })}</span>
    </p>
    ${attendance(host, desk, sheet)} ${evaluations(host, desk)} ${certificates(host, desk)}`;
}
