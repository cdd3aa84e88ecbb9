import {
  type AttendanceSheet,
  type CourseFields,
  casablancaDate,
  casablancaDayAt,
  casablancaDays,
  createCourseRef,
  createRegistrationRef,
  createSessionRef,
  evaluateRegistrationRef,
  getAttendanceRef,
  getCertificateRef,
  listManagedSessionsRef,
  myAssociationsRef,
  publishCourseRef,
  verifyCredentialRef,
} from '@nassij/contract';
import { type BaseClient, createBaseClient } from '@nassij/sdk';
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { executeServerCommand, sendKeys, setViewport } from '@web/test-runner-commands';
import { ifDefined } from 'lit/directives/if-defined.js';
import { API_BASE } from '/__nassij__/env.js';
import { catalogProblems } from '../i18n/catalogs.js';
import { DEMO_COURSE_ROWS, DEMO_DESK } from '../test-support/demo/training-office.js';
import { FIXTURES } from '../test-support/fixtures.js';
import { deepActive } from '../test-support/focus.js';
import './define.js';
import type { NassijSessionManager } from './nassij-session-manager.js';
import { sessionManagerMessages } from './session-manager.messages.js';

const A11Y = { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] };
const T = { timeout: 15000 };
const MANAGER = ['training-manager@demo.nassij.ma', 'demo-training-manager-2026'] as const;
const MEMBER = ['member@demo.nassij.ma', 'demo-member-2026'] as const;
const REGION_MANAGER = ['region-manager@demo.nassij.ma', 'demo-region-manager-2026'] as const;

const newClient = (baseUrl = API_BASE, fetchImpl?: typeof fetch): BaseClient =>
  createBaseClient({ baseUrl, retry: { limit: 0 }, ...(fetchImpl ? { fetch: fetchImpl } : {}) });

async function signedIn(
  [email, password]: readonly [string, string],
  baseUrl = API_BASE,
): Promise<BaseClient> {
  const client = newClient(baseUrl);
  await client.auth.signIn(email, password);
  return client;
}

const $ = <E extends Element = HTMLElement>(el: NassijSessionManager, selector: string): E => {
  const found = el.shadowRoot?.querySelector<E>(selector);
  if (!found) throw new Error(`no ${selector}`);
  return found;
};

/** Presses Tab (Shift+Tab backwards) until `selector` has the focus; fails after `max` presses. */
async function tabTo(el: NassijSessionManager, selector: string, { back = false, max = 80 } = {}) {
  for (let i = 0; i < max; i++) {
    if (deepActive() === el.shadowRoot?.querySelector(selector)) return;
    if (back) {
      await sendKeys({ down: 'Shift' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ up: 'Shift' });
    } else await sendKeys({ press: 'Tab' });
  }
  throw new Error(`Tab never reached ${selector}; focus is on ${deepActive()?.outerHTML.slice(0, 120)}`);
}

/** A course of the training provider's own, each test its own (tests share the server). */
function courseFields(label: string): CourseFields {
  return {
    title: { ar: `تكوين ${label}`, fr: `Formation ${label}` },
    description: { ar: 'تكوين عملي', fr: 'Formation pratique' },
    objectives: [{ ar: 'إعداد ميزانية', fr: 'Établir un budget' }],
    targetAudience: { ar: 'أمناء المال', fr: 'Trésoriers' },
    competencies: [{ code: 'financial-management', level: 1 }],
    languages: ['ar', 'fr'],
    durationHours: 6,
    modality: 'on_site',
    cost: { free: true },
    credential: 'attestation',
  };
}

/** An instant `hours` after `from`, to the second. */
const after = (from: Date, hours: number) =>
  new Date(from.getTime() + hours * 3_600_000).toISOString().replace(/\.\d+Z$/, 'Z');

/**
 * A published course and a one-day session from 09:00 to 15:00 Morocco time the day after tomorrow of `now`
 * (the server's): one date on its sheet whatever the hour the test runs. Registrations open now.
 */
async function courseWithSession(manager: BaseClient, label: string, now: Date) {
  const created = await manager.request(createCourseRef, {
    params: { organisationId: FIXTURES.organisations.trainingProvider },
    body: courseFields(label),
  });
  await manager.request(publishCourseRef, { params: { courseId: created.course.id } });
  const managed = await manager.request(createSessionRef, {
    params: { courseId: created.course.id },
    body: {
      period: { start: casablancaDayAt(now, 2, 9), end: casablancaDayAt(now, 2, 15) },
      place: {
        kind: 'on_site',
        region: 'MA-05',
        city: { ar: 'أزيلال', fr: 'Azilal' },
        address: { ar: 'دار الجمعيات', fr: 'Maison des associations' },
      },
      capacity: 10,
      registrationWindow: { opens: after(now, -1), closes: after(now, 20) },
      trainers: [{ name: 'Fatima Zahra Benali' }],
      language: 'ar',
    },
  });
  return { course: created.course, session: managed.session };
}

describe('<nassij-session-manager>', () => {
  afterEach(async () => {
    await setViewport({ width: 800, height: 600 });
  });

  it('has every message in every locale', async () => {
    expect(await catalogProblems(sessionManagerMessages)).to.deep.equal([]);
  });

  it('keyboard only on a 768 px tablet: a failed save keeps the tick and retries, the participant completes, a certificate is issued and verifies', async function () {
    this.timeout(120000);
    await setViewport({ width: 768, height: 1024 });
    // A server whose clock moves: the session really ends before its sheet is filled.
    const { url } = (await executeServerCommand('nassij-clock-server-start')) as { url: string };
    const { now } = (await executeServerCommand('nassij-clock-advance', { days: 0 })) as { now: string };
    let failNextSave = false;
    const client = newClient(url, (input, init) => {
      const request = input instanceof Request ? input : undefined;
      const method = init?.method ?? request?.method ?? 'GET';
      const target = request?.url ?? String(input);
      if (failNextSave && method === 'PUT' && target.includes('/attendance')) {
        failNextSave = false;
        return Promise.reject(new TypeError('Failed to fetch'));
      }
      return fetch(input, init);
    });
    await client.auth.signIn(...MANAGER);
    const { course, session } = await courseWithSession(client, `tablette ${Date.now()}`, new Date(now));

    // The demo member registers themself through one of their associations.
    const member = await signedIn(MEMBER, url);
    const [association] = (await member.request(myAssociationsRef)).items;
    const me = await member.auth.me();
    const registration = await member.request(createRegistrationRef, {
      body: {
        sessionId: session.id,
        associationId: association!.association.id,
        participant: { accountId: me.id },
        consent: true,
      },
    });
    expect(registration.status).to.equal('confirmed');

    // Three days later the session is over; the moved clock ended the manager's session too.
    await executeServerCommand('nassij-clock-advance', { days: 3 });
    await client.auth.signIn(...MANAGER);

    const el = await fixture<NassijSessionManager>(
      html`<nassij-session-manager lang="fr" .client=${client}></nassij-session-manager>`,
    );
    await waitUntil(() => el.courses?.some((row) => row.managed.course.id === course.id), 'listed', T);
    await el.whenMessagesReady();
    const row = $(el, `li[data-course="${course.id}"]`);
    expect(row.querySelector(`li[data-session="${session.id}"]`)?.textContent).to.contain('Confirmés : 1');
    await expect(el).to.be.accessible(A11Y);

    // To the session's desk by keyboard.
    $(el, 'h2').focus();
    await tabTo(el, `button[data-desk="${session.id}"]`, { max: 400 });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => deepActive() === el.shadowRoot?.querySelector('#sm-screen-h'), 'desk heading', T);
    const [day, ...more] = casablancaDays(session.period.start, session.period.end);
    expect(more, 'a one-day session').to.deep.equal([]);
    const box = `tr[data-registration="${registration.id}"] input[data-day="${day}"]`;
    const tick = $<HTMLInputElement>(el, box);
    // A touch target a finger can hit, and a name that says who and which day.
    const rect = tick.getBoundingClientRect();
    expect(rect.width).to.be.at.least(44);
    expect(rect.height).to.be.at.least(44);
    expect(tick.getAttribute('aria-label')).to.equal(
      `${me.displayName} — ${el.fmt.date(`${day}T12:00:00Z`)}`,
    );
    expect(el.scrollWidth).to.be.at.most(el.clientWidth);
    await expect(el).to.be.accessible(A11Y);

    // The first save fails (the room's Wi-Fi): the tick stays, the sheet says so and offers to save now.
    failNextSave = true;
    await tabTo(el, box);
    await sendKeys({ press: 'Space' });
    expect(tick.checked).to.equal(true);
    await waitUntil(() => el.sheet?.state === 'failed', 'the save failed', T);
    await el.updateComplete;
    expect(tick.checked).to.equal(true);
    expect($(el, '.save-state').textContent).to.contain('pas encore enregistrées : 1');
    expect(el.announcer.message).to.contain('restent sur cet appareil');
    await tabTo(el, 'button.save-now');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => el.sheet?.state === 'saved', 'saved on retry', T);
    const sheet: AttendanceSheet = await client.request(getAttendanceRef, {
      params: { sessionId: session.id },
    });
    const line = sheet.lines.find((l) => l.registrationId === registration.id);
    expect(line?.days).to.deep.equal([{ day, present: true }]);
    // Present every day of an ended session: completed, and its certificate is offered.
    expect(line?.status).to.equal('completed');
    await waitUntil(
      () => el.shadowRoot?.querySelector(`button[data-issue="${registration.id}"]`),
      'offered',
      T,
    );
    expect($(el, '.save-state').textContent).to.contain('Toutes les présences sont enregistrées');

    let certificateId = '';
    el.addEventListener('nassij-certificate-issue', (event) => {
      certificateId = event.detail.certificateId;
    });
    await tabTo(el, `button[data-issue="${registration.id}"]`);
    await sendKeys({ press: 'Enter' });
    await waitUntil(
      () =>
        deepActive() ===
        el.shadowRoot?.querySelector(`[data-certificate="${registration.id}"] a[data-link="pdf"]`),
      'focus on the PDF link',
      T,
    );
    const verify = $<HTMLAnchorElement>(el, `[data-certificate="${registration.id}"] a[data-link="verify"]`);
    expect(verify.textContent).to.contain('Page de vérification');
    await expect(el).to.be.accessible(A11Y);

    // The certificate verifies; altered, it does not.
    const certificate = await client.request(getCertificateRef, { params: { certificateId } });
    expect(certificate.registrationId).to.equal(registration.id);
    expect((await client.request(verifyCredentialRef, { body: certificate })).valid).to.equal(true);
    const [head, payload, signature] = certificate.compactJws.split('.');
    const tampered = `${head}.${payload!.slice(0, -2)}${payload!.endsWith('A') ? 'B' : 'A'}${payload!.slice(-1)}.${signature}`;
    const refused = await client.request(verifyCredentialRef, { body: tampered });
    expect(refused.valid).to.equal(false);
    expect(refused.reason).to.be.a('string');

    // The participant evaluates the session (the moved clock ended their session too).
    const participant = await signedIn(MEMBER, url);
    await participant.request(evaluateRegistrationRef, {
      params: { registrationId: registration.id },
      body: { rating: 4, comment: 'Très concret, merci.' },
    });
    // The page is reloaded: a new element reads the desk afresh from the platform.
    el.remove();
    const reloaded = await fixture<NassijSessionManager>(
      html`<nassij-session-manager lang="fr" .client=${client}></nassij-session-manager>`,
    );
    await waitUntil(() => reloaded.courses?.some((r) => r.managed.course.id === course.id), 'listed', T);
    await reloaded.whenMessagesReady();
    await reloaded.show({ kind: 'desk', courseId: course.id, sessionId: session.id });
    await waitUntil(() => reloaded.shadowRoot?.querySelector('#sm-eval-h'), 'the desk', T);
    await reloaded.updateComplete;
    // The certificate issued before: its links, not "Issue" again.
    const issued = `[data-certificate="${registration.id}"]`;
    // (Booleans and strings compared, not elements: a failure then reports quickly what differs.)
    expect(Boolean(reloaded.shadowRoot!.querySelector(`${issued} button[data-issue]`))).to.equal(false);
    expect($<HTMLAnchorElement>(reloaded, `${issued} a[data-link="pdf"]`).href).to.equal(
      certificate.links.pdf,
    );
    expect($<HTMLAnchorElement>(reloaded, `${issued} a[data-link="verify"]`).href).to.equal(
      certificate.links.verify,
    );
    // The evaluations' summary from the platform: one evaluation rated 4, its comment, nobody named.
    const oneDecimal = new Intl.NumberFormat(reloaded.fmt.tag, { minimumFractionDigits: 1 }).format(4);
    expect($(reloaded, '.average').textContent).to.equal(
      `Note moyenne : ${oneDecimal} sur 5 (évaluations : 1)`,
    );
    const rows = [...reloaded.shadowRoot!.querySelectorAll<HTMLElement>('table.ratings tbody tr')];
    expect(rows.map((tr) => [tr.dataset.rating, tr.querySelector('td')?.textContent?.trim()])).to.deep.equal([
      ['5', '0'],
      ['4', '1'],
      ['3', '0'],
      ['2', '0'],
      ['1', '0'],
    ]);
    const comment = $(reloaded, '.comments li');
    expect(comment.textContent).to.contain('Très concret, merci.');
    expect(comment.textContent).not.to.contain(me.displayName);
    await expect(reloaded).to.be.accessible(A11Y);
    // By keyboard from the sheet's heading: the PDF link comes before the verification page's.
    $(reloaded, '#sm-att-h').focus();
    await tabTo(reloaded, `${issued} a[data-link="pdf"]`);
    await sendKeys({ press: 'Tab' });
    expect((deepActive() as HTMLElement | null)?.dataset.link).to.equal('verify');
  });

  it('bad input: the course form and the cancellation speak by the field; a cancelled session says why', async function () {
    this.timeout(60000);
    const client = await signedIn(MANAGER);
    const { course, session } = await courseWithSession(client, `annulation ${Date.now()}`, new Date());
    const el = await fixture<NassijSessionManager>(
      html`<nassij-session-manager lang="en" organisation-id=${FIXTURES.organisations.trainingProvider}
        .client=${client}></nassij-session-manager>`,
    );
    await waitUntil(() => el.courses?.some((row) => row.managed.course.id === course.id), 'listed', T);
    await el.whenMessagesReady();

    // A new course sent empty: every required field says so, focus on the first.
    $(el, 'button.new-course').click();
    await waitUntil(() => el.shadowRoot?.querySelector('form.course-form'), 'the form', T);
    $(el, 'form.course-form button.save').click();
    await waitUntil(() => deepActive()?.id === 'c-title-ar', 'focus on the first wrong field', T);
    expect($(el, '#c-title-ar').getAttribute('aria-invalid')).to.equal('true');
    expect($(el, '#c-title-ar-error').textContent).to.equal('This field is required.');
    expect($(el, '#c-desc-fr-error').textContent).to.equal('This field is required.');
    await expect(el).to.be.accessible(A11Y);

    // Back to the list, then the session is cancelled: first without a reason, then with one.
    $(el, 'button.back').click();
    await waitUntil(
      () => el.shadowRoot?.querySelector(`button[data-cancel-session="${session.id}"]`),
      'list',
      T,
    );
    $(el, `button[data-cancel-session="${session.id}"]`).click();
    await waitUntil(() => el.shadowRoot?.querySelector('form.cancel-form'), 'the cancellation', T);
    $(el, 'button.confirm-cancel').click();
    await waitUntil(() => deepActive()?.id === 'x-reason', 'focus on the reason', T);
    expect($(el, '#x-reason-error').textContent).to.equal(
      'Give the reason for cancelling: every participant is told.',
    );
    $<HTMLTextAreaElement>(el, '#x-reason').value = 'The trainer is unavailable';
    $(el, 'button.confirm-cancel').click();
    await waitUntil(() => el.notice?.scope === `course-${course.id}`, 'cancelled', T);
    await el.updateComplete;
    const sessions = await client.request(listManagedSessionsRef, { params: { courseId: course.id } });
    const cancelled = sessions.items.find((m) => m.session.id === session.id);
    expect(cancelled?.session.status).to.equal('cancelled');
    expect(cancelled?.cancellationReason).to.equal('The trainer is unavailable');
    const item = $(el, `li[data-session="${session.id}"]`);
    expect(item.textContent).to.contain('Reason for cancelling: The trainer is unavailable');
    // A cancelled session offers neither change nor cancellation again.
    expect(item.querySelector('button[data-cancel-session]')).to.equal(null);
    expect(deepActive()).to.equal(item.querySelector('button[data-desk]'));
    await expect(el).to.be.accessible(A11Y);
  });

  it('creates a course, publishes it and schedules a session from the forms', async function () {
    this.timeout(60000);
    const client = await signedIn(MANAGER);
    const el = await fixture<NassijSessionManager>(
      html`<nassij-session-manager lang="ar" .client=${client}></nassij-session-manager>`,
    );
    await waitUntil(() => el.courses, 'listed', T);
    const label = `${Date.now()}`;
    $(el, 'button.new-course').click();
    await waitUntil(() => el.shadowRoot?.querySelector('form.course-form'), 'the form', T);
    const set = (id: string, value: string) => {
      $<HTMLInputElement>(el, `#${id}`).value = value;
    };
    set('c-title-ar', `المحاسبة ${label}`);
    set('c-title-fr', `Comptabilité ${label}`);
    set('c-desc-ar', 'تكوين عملي');
    set('c-desc-fr', 'Formation pratique');
    set('c-goal-ar', 'مسك الحسابات');
    set('c-goal-fr', 'Tenir les comptes');
    set('c-aud-ar', 'أمناء المال');
    set('c-aud-fr', 'Trésoriers');
    set('c-hours', '12');
    $<HTMLSelectElement>(el, '#c-comp').value = 'financial-management';
    $(el, '#c-level-2').click();
    $(el, 'form.course-form button.save').click();
    await waitUntil(
      () => el.courses?.some((r) => r.managed.course.title.fr === `Comptabilité ${label}`),
      'created',
      T,
    );
    const row = el.courses!.find((r) => r.managed.course.title.fr === `Comptabilité ${label}`)!;
    expect(row.managed.state).to.equal('draft');
    expect(row.managed.course.competencies).to.deep.equal([{ code: 'financial-management', level: 2 }]);
    await waitUntil(
      () => deepActive() === el.shadowRoot?.querySelector(`li[data-course="${row.managed.course.id}"] h3`),
      'focus',
      T,
    );

    // Published by its button; then a session, on site in Azilal, in Morocco time.
    $(el, `button[data-publish="${row.managed.course.id}"]`).click();
    await waitUntil(
      () => el.shadowRoot?.querySelector(`button[data-new-session="${row.managed.course.id}"]`),
      'published',
      T,
    );
    $(el, `button[data-new-session="${row.managed.course.id}"]`).click();
    await waitUntil(() => el.shadowRoot?.querySelector('form.session-form'), 'the session form', T);
    const day = casablancaDate(new Date(Date.now() + 10 * 86_400_000));
    const today = casablancaDate(new Date());
    $<HTMLSelectElement>(el, '#s-region').value = 'MA-05';
    set('s-city-ar', 'أزيلال');
    set('s-city-fr', 'Azilal');
    set('s-address-ar', 'دار الجمعيات');
    set('s-address-fr', 'Maison des associations');
    set('s-start', `${day}T09:00`);
    set('s-end', `${day}T08:00`);
    set('s-opens', `${today}T00:00`);
    set('s-closes', `${day}T07:00`);
    set('s-capacity', '15');
    set('s-trainer', 'Hamid Ouazzani');
    // The end before the start: our own check, in Arabic, by the field.
    $(el, 'form.session-form button.save').click();
    await waitUntil(() => deepActive()?.id === 's-end', 'focus on the end', T);
    expect($(el, '#s-end-error').textContent).to.equal('يجب أن تأتي النهاية بعد البداية.');
    set('s-end', `${day}T17:00`);
    $(el, 'form.session-form button.save').click();
    await waitUntil(
      () => el.courses?.find((r) => r.managed.course.id === row.managed.course.id)?.sessions.length,
      'scheduled',
      T,
    );
    const [scheduled] = el.courses!.find((r) => r.managed.course.id === row.managed.course.id)!.sessions;
    // 09:00 in Morocco, whatever the browser's zone.
    expect(casablancaDate(scheduled!.session.period.start)).to.equal(day);
    expect(el.fmt.time(scheduled!.session.period.start)).to.equal('09:00');
    expect(scheduled!.session.capacity).to.equal(15);
    expect(scheduled!.session.location).to.deep.include({ kind: 'on_site', region: 'MA-05' });

    // Changed: the session's capacity, then the course's French title (each sent with its ETag).
    $(el, `button[data-edit-session="${scheduled!.session.id}"]`).click();
    await waitUntil(() => el.shadowRoot?.querySelector('form.session-form') && el.etag, 'the filled form', T);
    expect($<HTMLInputElement>(el, '#s-capacity').value).to.equal('15');
    expect($<HTMLInputElement>(el, '#s-start').value).to.equal(`${day}T09:00`);
    set('s-capacity', '20');
    $(el, 'form.session-form button.save').click();
    await waitUntil(
      () =>
        el.courses?.find((r) => r.managed.course.id === row.managed.course.id)?.sessions[0]?.session
          .capacity === 20,
      'the capacity changed',
      T,
    );
    $(el, `button[data-edit-course="${row.managed.course.id}"]`).click();
    await waitUntil(() => el.shadowRoot?.querySelector('form.course-form') && el.etag, 'the course form', T);
    expect($<HTMLInputElement>(el, '#c-title-fr').value).to.equal(`Comptabilité ${label}`);
    set('c-title-fr', `Comptabilité associative ${label}`);
    $(el, 'form.course-form button.save').click();
    await waitUntil(
      () => el.courses?.some((r) => r.managed.course.title.fr === `Comptabilité associative ${label}`),
      'the title changed',
      T,
    );
    expect(
      el.courses!.find((r) => r.managed.course.id === row.managed.course.id)!.managed.course.title.ar,
    ).to.equal(`المحاسبة ${label}`);
  });

  it('Arabic at 320 px, data mode: mirrored, the sheet scrolls in its own box, targets of 44 px, every word Arabic', async () => {
    const saved: unknown[] = [];
    const el = await fixture<NassijSessionManager>(
      html`<nassij-session-manager lang="ar" .courses=${DEMO_COURSE_ROWS} .desk=${DEMO_DESK}
        style="display: block; inline-size: 320px" @nassij-attendance-save=${(e: CustomEvent) => saved.push(e.detail)}></nassij-session-manager>`,
    );
    await waitUntil(() => el.shadowRoot?.querySelector('table'), 'the sheet', T);
    await el.updateComplete;
    expect(el.getAttribute('dir')).to.equal('rtl');
    expect(el.scrollWidth).to.be.at.most(el.clientWidth);
    const scroller = $(el, '.sheet-scroll');
    expect(scroller.getAttribute('tabindex')).to.equal('0');
    expect(getComputedStyle(scroller).overflowX).to.equal('auto');
    // The participants' column starts on the right in Arabic.
    const table = $(el, 'table').getBoundingClientRect();
    const firstHeader = $(el, 'thead th').getBoundingClientRect();
    // (Within the collapsed border's width.)
    expect(table.right - firstHeader.right).to.be.within(0, 1.5);
    expect(firstHeader.left).to.be.greaterThan(table.left + 10);
    const back = $(el, 'button.back').getBoundingClientRect();
    const section = $(el, 'section').getBoundingClientRect();
    expect(Math.round(section.right - back.right)).to.equal(0);
    for (const tick of el.shadowRoot!.querySelectorAll<HTMLInputElement>('input.tick')) {
      const rect = tick.getBoundingClientRect();
      expect(rect.width).to.be.at.least(44);
      expect(rect.height).to.be.at.least(44);
    }
    expect($(el, 'caption').textContent).to.equal('الحضور حسب اليوم — عدد المشاركين: 5');
    expect($(el, '.average').textContent).to.contain(`${el.fmt.number(4.5)} من 5`);
    // The spread of the ratings is a table a screen reader reads: a header per rating, the count, the share.
    expect($(el, 'table.ratings caption').textContent).to.equal('توزيع التقييمات');
    const five = $(el, 'table.ratings tr[data-rating="5"]');
    expect(five.querySelector('th[scope="row"]')?.textContent).to.equal('5 من 5');
    expect(five.querySelector('td')?.textContent?.trim()).to.equal(el.fmt.number(1));
    expect(five.querySelector('td:last-child')?.textContent?.trim()).to.equal(el.fmt.percent(0.5, 0));
    // Its bar (for the eye only) grows from the right, the start of an Arabic line.
    const bar = five.querySelector('.bar')!.getBoundingClientRect();
    const cell = five.querySelector('td:last-child')!.getBoundingClientRect();
    expect(bar.left + bar.width / 2).to.be.greaterThan(cell.left + cell.width / 2);
    expect(five.querySelector('.bar')?.getAttribute('aria-hidden')).to.equal('true');
    expect($(el, '.comments li p[dir="auto"]').textContent).to.equal(
      DEMO_DESK.evaluations!.comments[0]!.comment,
    );
    expect(el.shadowRoot!.textContent).not.to.match(/sm\.|undefined/);
    await expect(el).to.be.accessible(A11Y);

    // Arrow keys move like a spreadsheet, mirrored: left is the next day in Arabic.
    const [d1, d2] = DEMO_DESK.sheet.days;
    const [r1, r2] = DEMO_DESK.sheet.lines.map((l) => l.registrationId);
    const boxOf = (r: string, d: string) =>
      $<HTMLInputElement>(el, `tr[data-registration="${r}"] input[data-day="${d}"]`);
    boxOf(r1!, d1!).focus();
    await sendKeys({ press: 'ArrowDown' });
    expect(deepActive()).to.equal(boxOf(r2!, d1!));
    await sendKeys({ press: 'ArrowLeft' });
    expect(deepActive()).to.equal(boxOf(r2!, d2!));
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'ArrowUp' });
    expect(deepActive()).to.equal(boxOf(r1!, d1!));
    // The arrows only move: nothing ticked, nothing waiting to be saved.
    expect(el.sheet!.unsaved).to.equal(0);
    expect(boxOf(r1!, d1!).checked).to.equal(DEMO_DESK.sheet.lines[0]!.days[0]!.present);

    // "All present" on the first day: one batch, everyone ticked (data mode: the page hears it).
    const [first] = DEMO_DESK.sheet.days;
    $(el, `button[data-all="${first}"]`).click();
    await el.sheet!.flush();
    expect(saved).to.have.length(1);
    const ids = DEMO_DESK.sheet.lines.map((l) => l.registrationId);
    expect(
      (saved[0] as { marks: { registrationId: string }[] }).marks.map((m) => m.registrationId),
    ).to.deep.equal(ids);
    for (const id of ids) expect(el.sheet!.present(id, first!)).to.equal(true);
  });

  it('more comments: the next page is added under those shown, focus on the first added, the count once all are in', async function () {
    this.timeout(60000);
    const sessionId = DEMO_DESK.managed.session.id;
    const first = DEMO_DESK.evaluations!;
    const next = {
      ...first,
      comments: [
        { rating: 4, comment: 'Des exemples concrets, merci.', submittedAt: '2026-03-07T09:00:00Z' },
      ],
      nextCursor: null,
    };
    // The real platform for everything else; the demo session's next page of comments from here.
    const asked: (string | null)[] = [];
    const client = newClient(API_BASE, (input, init) => {
      const target = input instanceof Request ? input.url : String(input);
      if (target.includes(`/v1/sessions/${sessionId}/evaluations`)) {
        asked.push(new URL(target).searchParams.get('cursor'));
        return Promise.resolve(
          new Response(JSON.stringify(next), {
            status: 200,
            headers: { 'content-type': 'application/json' },
          }),
        );
      }
      return fetch(input, init);
    });
    await client.auth.signIn(...MANAGER);
    const el = await fixture<NassijSessionManager>(
      html`<nassij-session-manager lang="en" organisation-id=${FIXTURES.organisations.trainingProvider}
        .client=${client}></nassij-session-manager>`,
    );
    await waitUntil(() => el.courses !== undefined, 'listed', T);
    el.desk = { ...DEMO_DESK, evaluations: { ...first, nextCursor: 'cursor_of_page_2' } };
    await waitUntil(() => el.shadowRoot?.querySelector('button.more-comments'), 'more comments offered', T);
    await el.whenMessagesReady();
    await el.updateComplete;
    const part = () => $(el, 'section[aria-labelledby="sm-eval-h"]');
    // More remain: the heading does not count what is shown as if it were all.
    expect(part().querySelector('h5')?.textContent).to.equal('Comments');
    await expect(el).to.be.accessible(A11Y);

    $(el, 'button.more-comments').click();
    await waitUntil(() => part().querySelectorAll('.comments li').length === 2, 'the next page added', T);
    await el.updateComplete;
    expect(asked).to.deep.equal(['cursor_of_page_2']);
    const shown = [...part().querySelectorAll('.comments li p[dir="auto"]')].map((p) => p.textContent);
    expect(shown).to.deep.equal([first.comments[0]!.comment, next.comments[0]!.comment]);
    await waitUntil(
      () => deepActive() === part().querySelectorAll('.comments li')[1],
      'focus on the added one',
      T,
    );
    expect(Boolean(part().querySelector('button.more-comments'))).to.equal(false);
    expect(part().querySelector('h5')?.textContent).to.equal('2 comments');
    expect(part().textContent).to.contain('More comments are shown.');
    await expect(el).to.be.accessible(A11Y);
  });

  it('says when nobody has evaluated the session yet, and when the platform could not give the summary', async () => {
    const { averageRating: _, ...summary } = DEMO_DESK.evaluations!;
    const none = {
      ...summary,
      count: 0,
      distribution: { '1': 0, '2': 0, '3': 0, '4': 0, '5': 0 },
      comments: [],
    };
    const el = await fixture<NassijSessionManager>(
      html`<nassij-session-manager lang="en" .courses=${DEMO_COURSE_ROWS} .desk=${{ ...DEMO_DESK, evaluations: none }}></nassij-session-manager>`,
    );
    await waitUntil(() => el.shadowRoot?.querySelector('#sm-eval-h'), 'the desk', T);
    await el.whenMessagesReady();
    await el.updateComplete;
    const part = () => $(el, 'section[aria-labelledby="sm-eval-h"]');
    expect(part().textContent).to.contain('No participant has evaluated this session yet.');
    expect(Boolean(part().querySelector('table, .average, .comments'))).to.equal(false);
    await expect(el).to.be.accessible(A11Y);

    el.desk = { ...DEMO_DESK, evaluations: undefined };
    await el.updateComplete;
    expect(part().textContent).to.contain('could not give the summary');
    expect(Boolean(part().querySelector('table'))).to.equal(false);
    // The rest of the desk stands: the sheet and the certificate already issued, with its links.
    expect(Boolean(el.shadowRoot!.querySelector('table[part="sheet"]'))).to.equal(true);
    const issued = $(el, '[data-certificate="reg_demo_office_1"]');
    expect(issued.querySelector('a[data-link="pdf"]')?.getAttribute('href')).to.equal(
      DEMO_DESK.certificates[0]!.pdfUrl,
    );
    expect(Boolean(issued.querySelector('button[data-issue]'))).to.equal(false);
    // The other completed participant has none yet: "Issue" is offered.
    expect(Boolean(el.shadowRoot!.querySelector('button[data-issue="reg_demo_office_2"]'))).to.equal(true);
    await expect(el).to.be.accessible(A11Y);
  });

  it('staff of another organisation see that the workspace is not theirs; signed out, sign-in is offered and nothing asked', async () => {
    const other = await fixture<NassijSessionManager>(
      html`<nassij-session-manager lang="en" organisation-id=${FIXTURES.organisations.trainingProvider}
        .client=${await signedIn(REGION_MANAGER)}></nassij-session-manager>`,
    );
    await waitUntil(() => other.shadowRoot?.querySelector('[data-state="forbidden"]'), 'not allowed', T);
    await other.whenMessagesReady();
    expect($(other, '[data-state="forbidden"]').textContent).to.contain(
      'Your account cannot manage the trainings of this organisation',
    );
    expect(other.shadowRoot!.querySelector('button')).to.equal(null);
    await expect(other).to.be.accessible(A11Y);

    let requests = 0;
    const anonymous = newClient(API_BASE, (input, init) => {
      requests += 1;
      return fetch(input, init);
    });
    const el = await fixture<NassijSessionManager>(
      html`<nassij-session-manager lang="zgh" organisation-id=${ifDefined(undefined)} .client=${anonymous}></nassij-session-manager>`,
    );
    await el.whenMessagesReady();
    expect(requests).to.equal(0);
    expect($(el, '.sign-in').textContent).to.contain(el.t('sm.signIn'));
    await expect(el).to.be.accessible(A11Y);
  });
});
