import {
  type Course,
  casablancaDayAt,
  createCourseRef,
  createSessionRef,
  getRegistration,
  getSession,
  listMembersRef,
  publishCourseRef,
  REGIONS,
  type Registration,
  regionName,
  type SessionSummary,
  TAMAZIGHT_MONTHS,
} from '@nassij/contract';
import { createBaseClient } from '@nassij/sdk';
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { executeServerCommand, sendKeys, setViewport } from '@web/test-runner-commands';
import { API_BASE } from '/__nassij__/env.js';
import { clientFor } from '../base/client.js';
import { catalogProblems } from '../i18n/catalogs.js';
import { FIXTURES } from '../test-support/fixtures.js';
import { deepActive } from '../test-support/focus.js';
import './define.js';
import { DEMO_MEMBERS } from '../test-support/demo/training-office.js';
import { DEMO_ASSOCIATIONS, DEMO_COURSES, DEMO_REGISTRATIONS } from '../test-support/demo/trainings.js';
import type { NassijTrainingFinder } from './nassij-training-finder.js';
import { trainingFinderMessages } from './training-finder.messages.js';

const WCAG = { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] };
const MEMBER = { email: 'member@demo.nassij.ma', password: 'demo-member-2026' };
const REPRESENTATIVE = { email: 'representative@demo.nassij.ma', password: 'demo-representative-2026' };
const TRAINING_MANAGER = ['training-manager@demo.nassij.ma', 'demo-training-manager-2026'] as const;

const root = (el: HTMLElement) => el.shadowRoot as ShadowRoot;
const $ = <T extends Element = HTMLElement>(el: HTMLElement, selector: string) =>
  root(el).querySelector(selector) as T;
const $$ = (el: HTMLElement, selector: string) => Array.from(root(el).querySelectorAll(selector));
const active = (el: HTMLElement) => root(el).activeElement as HTMLElement | null;

/** Waits until `check` holds, re-rendering between tries (server answers take a few frames). */
async function until(el: NassijTrainingFinder, check: () => unknown, what: string, ms = 8000): Promise<void> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > ms) throw new Error(`timed out waiting for ${what}`);
    await new Promise((ok) => setTimeout(ok, 50));
    await el.updateComplete;
  }
}

const dataMode = async (lang = 'ar') => {
  const el = await fixture<NassijTrainingFinder>(
    html`<nassij-training-finder lang=${lang} .courses=${DEMO_COURSES}></nassij-training-finder>`,
  );
  await el.whenMessagesReady();
  return el;
};

/**
 * Fills the registration form: the participant is a member's account, chosen in the list (the first one
 * offered when `accountId` is not given), with an optional role; then sends it.
 */
async function fillDialog(el: NassijTrainingFinder, accountId?: string, role = ''): Promise<void> {
  await until(el, () => $(el, '#participant'), 'the participants');
  if (accountId) $<HTMLSelectElement>(el, '#participant').value = accountId;
  $<HTMLInputElement>(el, '#p-role').value = role;
  $<HTMLInputElement>(el, '#consent').checked = true;
  $<HTMLButtonElement>(el, 'dialog button[type="submit"]').click();
}

describe('<nassij-training-finder> catalogs', () => {
  it('has every key and plural form in ar, fr, zgh and en', async () => {
    expect(await catalogProblems(trainingFinderMessages)).to.deep.equal([]);
  });
});

describe('<nassij-training-finder> data mode (no client)', () => {
  it('renders the courses with their next sessions: date with zone, place, seats, state badge', async () => {
    const el = await dataMode('ar');
    expect($$(el, 'article[part="card"]')).to.have.length(4);
    const session = $(el, 'li[data-session="ses_demo_1"]');
    expect(session.textContent).to.include('أكادير');
    expect(session.textContent).to.include('توقيت المغرب');
    expect(session.textContent).to.include('14');
    expect(session.querySelector('.badge')?.textContent).to.include('التسجيل مفتوح');
    expect($(el, 'li[data-session="ses_demo_4"]').textContent).to.include('BigBlueButton');
    expect($(el, 'li[data-session="ses_demo_3"] .badge')?.textContent).to.include('لائحة الانتظار');
    // Closed registration: no register button.
    expect($(el, 'button[data-register="ses_demo_5"]')).to.equal(null);
    // Competency names come from the framework, in the reader's language.
    expect($(el, 'article[data-course="crs_demo_2"]').textContent).to.include('الترافع');
    expect($(el, '#competency').textContent).to.include('التدبير المالي');
  });

  it('filters by facets, announces the count and fires nassij-course-search', async () => {
    const el = await dataMode('fr');
    const online = $$(el, 'input[name="modality"]').find(
      (input) => (input as HTMLInputElement).value === 'online',
    ) as HTMLInputElement;
    setTimeout(() => online.click());
    const event = await oneEvent(el, 'nassij-course-search');
    expect(event.detail.modality).to.deep.equal(['online']);
    await el.updateComplete;
    expect($$(el, 'article[part="card"]')).to.have.length(1);
    expect($(el, '[aria-live="polite"]').textContent).to.include('1 résultat');

    online.click();
    const competency = $<HTMLSelectElement>(el, '#competency');
    competency.value = 'advocacy';
    competency.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect($$(el, 'article[part="card"]').map((a) => a.getAttribute('data-course'))).to.deep.equal([
      'crs_demo_2',
    ]);
    competency.value = '';
    competency.dispatchEvent(new Event('change'));
    $<HTMLInputElement>(el, 'input[name="free"]').click();
    await el.updateComplete;
    expect($$(el, 'article[part="card"]')).to.have.length(3);
    $<HTMLInputElement>(el, 'input[name="free"]').click();
    const region = $<HTMLSelectElement>(el, '#region');
    region.value = 'MA-09';
    region.dispatchEvent(new Event('change'));
    await el.updateComplete;
    // Only the courses with a session held in the region (not the blended one held in Marrakech, nor the
    // online one), and of those only the sessions held there.
    expect($$(el, 'article[part="card"]').map((a) => a.getAttribute('data-course'))).to.deep.equal([
      'crs_demo_1',
    ]);
  });

  it('presets filters from the region and competency attributes', async () => {
    const el = await fixture<NassijTrainingFinder>(
      html`<nassij-training-finder lang="en" competency="digital-skills" .courses=${DEMO_COURSES}></nassij-training-finder>`,
    );
    await el.whenMessagesReady();
    expect($$(el, 'article[part="card"]').map((a) => a.getAttribute('data-course'))).to.deep.equal([
      'crs_demo_3',
    ]);
    expect($<HTMLSelectElement>(el, '#competency').value).to.equal('digital-skills');
  });

  it('shows an empty state when nothing matches, and the sign-in button fires nassij-sign-in', async () => {
    const el = await dataMode('en');
    el.courses = [];
    await el.updateComplete;
    expect($(el, '[data-state="empty"]').textContent).to.include('No training matches');
    setTimeout(() => $<HTMLButtonElement>(el, 'button[data-action="sign-in"]').click());
    const event = await oneEvent(el, 'nassij-sign-in');
    expect(event.detail).to.deep.equal({});
  });

  it('registers on a full session: waiting list, focus managed, nassij-register fired', async () => {
    const el = await dataMode('fr');
    el.signedIn = true;
    el.associations = DEMO_ASSOCIATIONS;
    el.members = DEMO_MEMBERS;
    await el.updateComplete;
    const button = $<HTMLButtonElement>(el, 'button[data-register="ses_demo_3"]');
    expect(button.textContent).to.include("liste d'attente");
    button.focus();
    button.click();
    await until(el, () => $(el, 'dialog')?.hasAttribute('open'), 'the dialog');
    expect(active(el)?.id).to.equal('association');
    expect($$(el, '#association option')).to.have.length(2);
    expect($(el, 'dialog').textContent).to.include('09-08');
    const registered = oneEvent(el, 'nassij-register');
    // The participant is one of the association's members, chosen by name (no name typed any more).
    await until(el, () => $(el, '#participant'), 'the participants');
    expect($$(el, '#participant option').map((o) => o.textContent?.trim())).to.deep.equal(
      DEMO_MEMBERS.map((m) => m.displayName),
    );
    await fillDialog(el, 'acc_demo_member_2', 'Trésorière');
    const event = await registered;
    expect((event.detail as Registration).status).to.equal('waitlisted');
    expect((event.detail as Registration).participant).to.deep.equal({
      name: 'ⵜⵉⵍⵉⵍⵉ ⴰⵎⴰⵣⵉⵖ',
      accountId: 'acc_demo_member_2',
      role: 'Trésorière',
    });
    await el.updateComplete;
    expect($(el, 'dialog [data-status="waitlisted"]').textContent).to.include('position 1');
    ($(el, 'dialog .actions button') as HTMLButtonElement).click();
    await until(el, () => !$(el, 'dialog'), 'the dialog to close');
    expect(active(el)).to.equal(button);
  });

  it('lists my registrations and cancels one after confirming', async () => {
    const el = await fixture<NassijTrainingFinder>(html`<nassij-training-finder lang="en" .signedIn=${true}
      .courses=${DEMO_COURSES} .registrations=${structuredClone(DEMO_REGISTRATIONS)}></nassij-training-finder>`);
    await el.whenMessagesReady();
    $<HTMLButtonElement>(el, '#tab-mine').click();
    await el.updateComplete;
    const items = $$(el, 'ul.mine > li');
    expect(items).to.have.length(3);
    expect(items[0]?.textContent).to.include('Financial management for associations');
    expect(items[1]?.textContent).to.include('Position 2 on the waiting list');
    expect($(el, 'button[data-cancel="reg_demo_3"]')).to.equal(null);
    $<HTMLButtonElement>(el, 'button[data-cancel="reg_demo_1"]').click();
    await until(el, () => $(el, 'dialog')?.hasAttribute('open'), 'the confirm dialog');
    expect($(el, 'dialog h2').textContent).to.include('Cancel this registration?');
    const cancelled = oneEvent(el, 'nassij-registration-cancel');
    $<HTMLButtonElement>(el, 'button[data-confirm-cancel]').click();
    expect(((await cancelled).detail as Registration).status).to.equal('cancelled');
    await el.updateComplete;
    expect($(el, 'li[data-registration="reg_demo_1"] .badge').textContent).to.include('Cancelled');
  });

  it('mirrors in Arabic: facets on the right at desktop width, on the left in English', async () => {
    await setViewport({ width: 1280, height: 900 });
    const ar = await dataMode('ar');
    const [facetsAr, resultsAr] = Array.from($(ar, '.layout').children) as HTMLElement[];
    expect(facetsAr?.getBoundingClientRect().left).to.be.greaterThan(
      resultsAr?.getBoundingClientRect().left ?? 0,
    );
    expect(ar.getAttribute('dir')).to.equal('rtl');
    const en = await dataMode('en');
    const [facetsEn, resultsEn] = Array.from($(en, '.layout').children) as HTMLElement[];
    expect(facetsEn?.getBoundingClientRect().left).to.be.lessThan(
      resultsEn?.getBoundingClientRect().left ?? 0,
    );
  });

  it('is reachable by keyboard: search, a facet, a register button, the dialog and Escape', async () => {
    const el = await dataMode('en');
    el.signedIn = true;
    el.associations = DEMO_ASSOCIATIONS;
    el.members = DEMO_MEMBERS;
    await el.updateComplete;
    $<HTMLInputElement>(el, '#q').focus();
    await sendKeys({ type: 'digital' });
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(el.filters.q).to.equal('digital');
    expect($$(el, 'article[part="card"]')).to.have.length(1);
    await sendKeys({ press: 'Tab' });
    expect(active(el)?.getAttribute('type')).to.equal('submit');
    await sendKeys({ press: 'Tab' });
    expect(active(el)?.id).to.equal('competency');
    await sendKeys({ press: 'Tab' });
    expect(active(el)?.getAttribute('name')).to.equal('level');
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    expect(el.filters.level).to.deep.equal([1]);
    for (let i = 0; i < 40 && !active(el)?.hasAttribute('data-register'); i++)
      await sendKeys({ press: 'Tab' });
    const button = active(el);
    expect(button?.getAttribute('data-register')).to.equal('ses_demo_4');
    await sendKeys({ press: 'Enter' });
    await until(el, () => $(el, 'dialog')?.hasAttribute('open'), 'the dialog');
    expect(active(el)?.id).to.equal('association');
    await until(el, () => $(el, '#participant'), 'the participants');
    await sendKeys({ press: 'Tab' });
    expect(active(el)?.id).to.equal('participant');
    await sendKeys({ press: 'Tab' });
    expect(active(el)?.id).to.equal('p-role');
    await sendKeys({ press: 'Tab' });
    expect(active(el)?.id).to.equal('consent');
    await sendKeys({ press: 'Escape' });
    await until(el, () => !$(el, 'dialog'), 'the dialog to close');
    expect(active(el)).to.equal(button);
  });

  for (const lang of ['ar', 'fr', 'zgh', 'en']) {
    it(`has no axe violation in ${lang}, signed in, and with the dialog open`, async () => {
      const el = await dataMode(lang);
      await expect(el).to.be.accessible(WCAG);
      el.signedIn = true;
      el.associations = DEMO_ASSOCIATIONS;
      el.registrations = DEMO_REGISTRATIONS;
      el.members = DEMO_MEMBERS;
      await el.updateComplete;
      await expect(el).to.be.accessible(WCAG);
      $<HTMLButtonElement>(el, 'button[data-register="ses_demo_1"]').click();
      await until(el, () => $(el, 'dialog')?.hasAttribute('open') && $(el, '#participant'), 'the dialog');
      await expect(el).to.be.accessible(WCAG);
      $<HTMLDialogElement>(el, 'dialog').close();
      await el.updateComplete;
      $<HTMLButtonElement>(el, '#tab-mine').click();
      await el.updateComplete;
      await expect(el).to.be.accessible(WCAG);
    });
  }
});

describe('<nassij-training-finder> against the reference server', () => {
  const client = () => clientFor(API_BASE);

  after(async () => {
    if (client().tokens.get()) await client().auth.signOut();
  });

  const serverFinder = async () => {
    const el = await fixture<NassijTrainingFinder>(
      html`<nassij-training-finder lang="fr" api-base=${API_BASE} page-size="20"></nassij-training-finder>`,
    );
    await until(el, () => el.courses && el.courses.length > 0, 'the courses');
    await el.whenMessagesReady();
    return el;
  };

  it('renders courses from the server with their next sessions', async () => {
    const el = await serverFinder();
    expect($$(el, 'article[part="card"]').length).to.equal(el.courses?.length);
    expect($$(el, 'ul.sessions > li').length).to.be.greaterThan(0);
    expect($(el, '.meta').textContent).to.match(/\d+ résultats?/);
  });

  it('filters on the server by modality, level and the region preset', async () => {
    const el = await serverFinder();
    const online = $$(el, 'input[name="modality"]').find(
      (input) => (input as HTMLInputElement).value === 'online',
    ) as HTMLInputElement;
    online.click();
    await until(el, () => el.courses?.every((c) => c.modality === 'online'), 'online courses');
    expect(el.courses?.length).to.be.greaterThan(0);
    online.click();
    $$(el, 'input[name="level"]')[2]?.dispatchEvent(new MouseEvent('click'));
    await until(
      el,
      () => el.courses?.length && el.courses.every((c) => c.competencies.some((k) => k.level === 3)),
      'level 3 courses',
    );
    const regional = await fixture<NassijTrainingFinder>(
      html`<nassij-training-finder lang="ar" api-base=${API_BASE} region="MA-09"></nassij-training-finder>`,
    );
    await until(regional, () => regional.courses !== undefined, 'regional courses');
    expect($<HTMLSelectElement>(regional, '#region').value).to.equal('MA-09');
  });

  it('a representative registers a member, then another on the waiting list; cancelling promotes; the member sees it as theirs', async function () {
    this.timeout(60000);
    // A session of one seat of its own (tests share the server), scheduled by the training manager.
    const manager = createBaseClient({ baseUrl: API_BASE, retry: { limit: 0 } });
    await manager.auth.signIn(...TRAINING_MANAGER);
    const label = `Siège unique ${Date.now()}`;
    const created = await manager.request(createCourseRef, {
      params: { organisationId: FIXTURES.organisations.trainingProvider },
      body: {
        title: { ar: `تكوين ${label}`, fr: label },
        description: { ar: 'تكوين', fr: 'Formation' },
        objectives: [{ ar: 'هدف', fr: 'Objectif' }],
        targetAudience: { ar: 'الجمعيات', fr: 'Associations' },
        competencies: [{ code: 'governance', level: 1 }],
        languages: ['fr'],
        durationHours: 3,
        modality: 'online',
        cost: { free: true },
        credential: 'attestation',
      },
    });
    await manager.request(publishCourseRef, { params: { courseId: created.course.id } });
    const now = new Date();
    const at = (hours: number) =>
      new Date(now.getTime() + hours * 3_600_000).toISOString().replace(/\.\d+Z$/, 'Z');
    const { session } = await manager.request(createSessionRef, {
      params: { courseId: created.course.id },
      body: {
        // 09:00 to 12:00 Morocco time three days on: "72 h to 75 h from now" crossed a Moroccan midnight when
        // the test ran in the evening, giving the session two days; this stays one day at any hour, and
        // after registration closes (48 h from now, before 09:00 on the third day).
        period: { start: casablancaDayAt(now, 3, 9), end: casablancaDayAt(now, 3, 12) },
        place: { kind: 'online', joinUrl: 'https://meet.example.ma/nassij-test' },
        capacity: 1,
        registrationWindow: { opens: at(-1), closes: at(48) },
        trainers: [{ name: 'Hamid Ouazzani' }],
        language: 'fr',
      },
    });

    await client().auth.signIn(REPRESENTATIVE.email, REPRESENTATIVE.password);
    const el = await serverFinder();
    el.setFilters({ q: label });
    await until(el, () => $(el, `button[data-register="${session.id}"]`), 'the session');
    const members = (
      await client().request(listMembersRef, { params: { associationId: FIXTURES.associations.represented } })
    ).items;
    const rep = await client().auth.me();

    // 1. The representative registers themself: confirmed. The members are offered, "me" first.
    $<HTMLButtonElement>(el, `button[data-register="${session.id}"]`).click();
    await until(el, () => $(el, '#participant'), 'the dialog form');
    const offered = $$(el, '#participant option').map((o) => (o as HTMLOptionElement).value);
    expect(offered).to.include(rep.id).and.to.include(FIXTURES.accounts.member);
    expect(offered.every((id) => members.some((m) => m.accountId === id))).to.equal(true);
    const first = oneEvent(el, 'nassij-register');
    await fillDialog(el, rep.id, 'Présidente');
    const confirmed = (await first).detail as Registration;
    expect(confirmed.status).to.equal('confirmed');
    expect(confirmed.participant).to.include({ accountId: rep.id, name: rep.displayName });
    await el.updateComplete;
    ($(el, 'dialog .actions button') as HTMLButtonElement).click();
    await until(el, () => !$(el, 'dialog'), 'the dialog to close');

    // 2. The same person again: the API's already_registered, translated.
    await until(el, () => $(el, `button[data-register="${session.id}"]`), 'the card again');
    $<HTMLButtonElement>(el, `button[data-register="${session.id}"]`).click();
    await fillDialog(el, rep.id);
    await until(el, () => $(el, 'dialog [role="alert"]'), 'the error');
    expect($(el, 'dialog [role="alert"]').textContent).to.include('déjà inscrit');

    // 3. Another member, chosen in the list: the seat is taken, so the waiting list.
    const second = oneEvent(el, 'nassij-register');
    await fillDialog(el, FIXTURES.accounts.member);
    const waitlisted = (await second).detail as Registration;
    expect(waitlisted.status).to.equal('waitlisted');
    expect(waitlisted.waitlistPosition).to.equal(1);
    expect(waitlisted.participant.accountId).to.equal(FIXTURES.accounts.member);
    await el.updateComplete;
    expect($(el, 'dialog [data-status="waitlisted"]').textContent).to.include('position 1');
    $<HTMLDialogElement>(el, 'dialog').close();
    await until(el, () => !$(el, 'dialog'), 'the dialog to close');

    // 4. The associations' registrations; cancelling the confirmed one promotes the waitlisted one.
    $<HTMLButtonElement>(el, '#tab-mine').click();
    await until(el, () => $(el, `li[data-registration="${confirmed.id}"]`), 'the registrations');
    expect($(el, `li[data-registration="${waitlisted.id}"]`).textContent).to.include("Liste d'attente");
    $<HTMLButtonElement>(el, `button[data-cancel="${confirmed.id}"]`).click();
    await until(el, () => $(el, 'button[data-confirm-cancel]'), 'the confirm dialog');
    const cancelEvent = oneEvent(el, 'nassij-registration-cancel');
    $<HTMLButtonElement>(el, 'button[data-confirm-cancel]').click();
    expect(((await cancelEvent).detail as Registration).status).to.equal('cancelled');
    await until(
      el,
      () => $(el, `li[data-registration="${confirmed.id}"] .badge`)?.textContent?.includes('Annulée'),
      'the cancelled badge',
    );
    const promoted = await client().request(getRegistration, { params: { registrationId: waitlisted.id } });
    expect(promoted.status).to.equal('confirmed');
    await until(
      el,
      () => $(el, `li[data-registration="${waitlisted.id}"] .badge`)?.textContent?.includes('Confirmée'),
      'the promoted badge',
    );

    // 5. The member, signed in, finds it among their own registrations, whoever made it.
    await client().auth.signOut();
    await client().auth.signIn(MEMBER.email, MEMBER.password);
    const own = await serverFinder();
    $<HTMLButtonElement>(own, '#tab-me').click();
    await until(own, () => $(own, `li[data-my-registration="${waitlisted.id}"]`), 'my own registrations');
    expect($(own, `li[data-my-registration="${waitlisted.id}"]`).textContent).to.include(label);
    expect($(own, `li[data-my-registration="${confirmed.id}"]`)).to.equal(null);
    await expect(own).to.be.accessible(WCAG);
  });
});

/** Presses a key and checks that focus stayed inside the finder (never `<body>`). */
async function press(el: NassijTrainingFinder, key: string, shift = false): Promise<Element | null> {
  if (shift) await sendKeys({ down: 'Shift' });
  await sendKeys({ press: key });
  if (shift) await sendKeys({ up: 'Shift' });
  await el.updateComplete;
  const focused = deepActive();
  expect(root(el).contains(focused), `focus after ${key}: ${focused?.outerHTML.slice(0, 80)}`).to.equal(true);
  return focused;
}

const signedInDataMode = async (lang: string) => {
  const el = await dataMode(lang);
  el.signedIn = true;
  el.associations = DEMO_ASSOCIATIONS;
  el.members = DEMO_MEMBERS;
  await el.updateComplete;
  return el;
};

const openDialogFor = async (el: NassijTrainingFinder, sessionId: string) => {
  $<HTMLButtonElement>(el, `button[data-register="${sessionId}"]`).click();
  await until(el, () => $(el, 'dialog')?.hasAttribute('open'), 'the dialog');
};

describe('<nassij-training-finder> issue 13 defects', () => {
  const api = () => clientFor(API_BASE);
  afterEach(async () => {
    await setViewport({ width: 800, height: 600 });
    if (api().tokens.get()) await api().auth.signOut();
  });

  it('(a) offers only the sessions held in the preset region, in data mode', async () => {
    const el = await fixture<NassijTrainingFinder>(
      html`<nassij-training-finder lang="ar" region="MA-09" .courses=${DEMO_COURSES}></nassij-training-finder>`,
    );
    await el.whenMessagesReady();
    const inRegion = DEMO_COURSES.flatMap((c) => c.nextSessions ?? [])
      .filter((s) => s.location.kind === 'on_site' && s.location.region === 'MA-09')
      .map((s) => s.id);
    expect($$(el, 'li[data-session]').map((li) => li.getAttribute('data-session'))).to.deep.equal(inRegion);
    for (const li of $$(el, 'li[data-session]')) expect(li.textContent).to.include(regionName('MA-09', 'ar'));
  });

  it('(a) the Souss-Massa page offers only sessions in Souss-Massa, from the server', async () => {
    const el = await fixture<NassijTrainingFinder>(
      html`<nassij-training-finder lang="ar" api-base=${API_BASE} region="MA-09" page-size="50"></nassij-training-finder>`,
    );
    await until(el, () => el.courses?.length && !$(el, '[aria-busy="true"]'), 'the regional courses');
    await el.whenMessagesReady();
    const sessions = (el.courses ?? []).flatMap((c) => c.nextSessions ?? []);
    expect(sessions.length).to.be.greaterThan(0);
    for (const s of sessions) expect(s.location).to.include({ kind: 'on_site', region: 'MA-09' });
    const items = $$(el, 'li[data-session]');
    expect(items.length).to.equal(sessions.length);
    for (const li of items) expect(li.textContent).to.include(regionName('MA-09', 'ar'));
    // No course of another region shown with "no session" either.
    for (const card of $$(el, 'article[part="card"]'))
      expect(card.querySelector('li[data-session]')).to.exist;
  });

  it('(b) closing the result dialog returns focus to the register button, after the list reloaded', async () => {
    await api().auth.signIn(MEMBER.email, MEMBER.password);
    const el = await fixture<NassijTrainingFinder>(
      html`<nassij-training-finder lang="fr" api-base=${API_BASE} page-size="20"></nassij-training-finder>`,
    );
    // Not the session the keyboard journey registers the same member to (a person registers once).
    const other = `button[data-register]:not([data-register="${FIXTURES.sessions.openWithSeats}"])`;
    await until(el, () => el.courses?.length && $(el, other), 'the courses');
    await el.whenMessagesReady();
    const button = $<HTMLButtonElement>(el, other);
    const sessionId = button.getAttribute('data-register');
    button.focus();
    await sendKeys({ press: 'Enter' });
    await until(el, () => $(el, '#participant') && active(el)?.id === 'association', 'the form');
    await fillDialog(el);
    await until(el, () => $(el, 'dialog [data-status]'), 'the outcome');
    await until(
      el,
      () => !$(el, '[aria-busy="true"]') && $(el, 'button[data-register]'),
      'the list to reload',
    );
    await sendKeys({ press: 'Escape' });
    await until(el, () => !$(el, 'dialog'), 'the dialog to close');
    expect(active(el)?.getAttribute('data-register')).to.equal(sessionId);
  });

  it("(b) focus goes to the course's heading when the session's button is gone", async () => {
    const el = await signedInDataMode('en');
    const [course] = DEMO_COURSES as [Course];
    const [session] = course.nextSessions as [SessionSummary];
    // The page takes the session off the list once registered (say it became full and it hides those).
    el.addEventListener('nassij-register', () => {
      el.courses = DEMO_COURSES.map((c) =>
        c.id === course.id ? { ...c, nextSessions: c.nextSessions?.filter((s) => s.id !== session.id) } : c,
      );
    });
    await openDialogFor(el, session.id);
    await fillDialog(el, 'acc_demo_member_2');
    await until(el, () => $(el, 'dialog [data-status]'), 'the outcome');
    $<HTMLButtonElement>(el, 'dialog .actions button').click();
    await until(el, () => !$(el, 'dialog'), 'the dialog to close');
    expect(active(el)?.id).to.equal(`c-${course.id}`);
  });

  it("(c) checks the registration form with our messages in the page's language, not the browser's", async () => {
    const el = await signedInDataMode('ar');
    await openDialogFor(el, 'ses_demo_1');
    expect($<HTMLFormElement>(el, 'dialog form').noValidate).to.equal(true);
    let registered = false;
    el.addEventListener('nassij-register', () => {
      registered = true;
    });
    await until(el, () => $(el, '#participant'), 'the participants');
    // No participant offered (a page whose association has no member listed): the form says which field.
    el.registration!.people = [];
    el.requestUpdate();
    await el.updateComplete;
    $<HTMLButtonElement>(el, 'dialog form').dispatchEvent(new Event('submit', { cancelable: true }));
    const participant = $<HTMLSelectElement>(el, '#participant');
    await until(el, () => active(el) === participant, 'focus on the first wrong field');
    expect(registered).to.equal(false);
    const describedText = (input: Element) =>
      (input.getAttribute('aria-describedby') ?? '')
        .split(' ')
        .map((id) => root(el).getElementById(id)?.textContent ?? '')
        .join(' ');
    expect(participant.getAttribute('aria-invalid')).to.equal('true');
    expect(describedText(participant)).to.include(
      trainingFinderMessages.ar['tf.error.participant'] as string,
    );
    const consent = $<HTMLInputElement>(el, '#consent');
    expect(consent.getAttribute('aria-invalid')).to.equal('true');
    expect(describedText(consent)).to.include(trainingFinderMessages.ar['tf.error.consent'] as string);
    expect(consent.getAttribute('aria-describedby')).to.include('notice');
    // Members offered again, one chosen: the participant's message goes; the consent's stays until ticked.
    await el.registration!.choose(DEMO_ASSOCIATIONS[0]!.association.id);
    await el.updateComplete;
    const chosen = $<HTMLSelectElement>(el, '#participant');
    chosen.value = DEMO_MEMBERS[1]!.accountId;
    chosen.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await el.updateComplete;
    expect(chosen.hasAttribute('aria-invalid')).to.equal(false);
    expect(consent.getAttribute('aria-invalid')).to.equal('true');
    await expect(el).to.be.accessible(WCAG);
  });

  for (const lang of ['fr', 'ar', 'zgh']) {
    it(`(d) reflows at 320 px in ${lang}: no horizontal scroll, signed in and with the dialog open`, async () => {
      await setViewport({ width: 320, height: 640 });
      const el = await signedInDataMode(lang);
      const fits = (node: Element, what: string) =>
        expect(node.scrollWidth, `${what} ${node.scrollWidth} > ${node.clientWidth}`).to.be.at.most(
          node.clientWidth,
        );
      fits(document.documentElement, 'the page');
      fits(el, 'the finder');
      await openDialogFor(el, 'ses_demo_1');
      fits(document.documentElement, 'the page');
      fits($(el, 'dialog'), 'the dialog');
    });
  }

  it('(e) after signing in with the header button, focus goes to the tabs that replaced it', async () => {
    const el = await dataMode('fr');
    el.addEventListener('nassij-sign-in', () => {
      el.signedIn = true;
    });
    $<HTMLButtonElement>(el, 'button[data-action="sign-in"]').focus();
    await sendKeys({ press: 'Enter' });
    await until(el, () => active(el)?.id === 'tab-search', 'focus on the first tab');
  });

  it('(f) writes dates, places and lists in the page language', async () => {
    const zgh = await dataMode('zgh');
    const when = $(zgh, 'li[data-session="ses_demo_1"]').textContent ?? '';
    expect(
      TAMAZIGHT_MONTHS.some((month) => when.includes(month)),
      when,
    ).to.equal(true);
    const ar = await dataMode('ar');
    const meta = $(ar, 'li[data-session="ses_demo_1"] .meta').textContent ?? '';
    expect(meta).to.include(`أكادير، ${regionName('MA-09', 'ar')}`);
    expect(meta).not.to.include(',');
    const tags = $(ar, 'article[data-course="crs_demo_1"] .tags').textContent ?? '';
    expect(tags).to.include(ar.fmt.list(['العربية', 'الفرنسية']));
    const fr = await dataMode('fr');
    expect($(fr, 'article[data-course="crs_demo_1"] .tags').textContent).to.include('Arabe et Français');
  });
});

describe('<nassij-training-finder> keyboard journey: find a session in a region and register', () => {
  const api = () => clientFor(API_BASE);
  after(async () => {
    if (api().tokens.get()) await api().auth.signOut();
  });

  it('filters by region, signs in through the popup, registers, and comes back to the session', async () => {
    if (api().tokens.get()) await api().auth.signOut();
    const session = await api().request(getSession, {
      params: { sessionId: FIXTURES.sessions.openWithSeats },
    });
    if (session.location.kind !== 'on_site') throw new Error('the fixture session is held on site');
    const region = session.location.region;
    const el = await fixture<NassijTrainingFinder>(
      html`<nassij-training-finder lang="fr" api-base=${API_BASE} page-size="50"></nassij-training-finder>`,
    );
    await until(el, () => el.courses?.length, 'the courses');
    await el.whenMessagesReady();

    // 1. From the search box, Tab to the region filter.
    $<HTMLInputElement>(el, '#q').focus();
    expect(deepActive()?.id).to.equal('q');
    for (let i = 0; i < 20 && deepActive()?.id !== 'region'; i++) await press(el, 'Tab');
    expect(deepActive()?.id).to.equal('region');

    // 2. Arrow keys choose the region; the results follow, with that region's sessions only.
    const steps = REGIONS.findIndex((r) => r.code === region) + 1;
    for (let i = 0; i < steps; i++) expect((await press(el, 'ArrowDown'))?.id).to.equal('region');
    expect($<HTMLSelectElement>(el, '#region').value).to.equal(region);
    await until(
      el,
      () =>
        !$(el, '[aria-busy="true"]') &&
        el.courses?.length &&
        el.courses.every((c) =>
          c.nextSessions?.every((s) => s.location.kind === 'on_site' && s.location.region === region),
        ),
      'the regional results',
    );
    expect(deepActive()?.id).to.equal('region');

    // 3. Tab to the session's register button.
    for (let i = 0; i < 200 && deepActive()?.getAttribute('data-register') !== session.id; i++)
      await press(el, 'Tab');
    expect(deepActive()?.getAttribute('data-register')).to.equal(session.id);

    // 4. Enter: not signed in yet, so the sign-in popup opens, in the page's language.
    await sendKeys({ press: 'Enter' });
    const { url } = (await executeServerCommand('nassij-popup-sign-in', MEMBER)) as { url: string };
    expect(new URL(url).searchParams.get('lang')).to.equal('fr');

    // 5. Signed in: the registration form opens with focus on its first field.
    await until(
      el,
      () => $(el, 'dialog')?.hasAttribute('open') && deepActive()?.id === 'association',
      'the form',
    );
    expect(deepActive()?.id).to.equal('association');

    // 6. The participant is the signed-in member (a plain member registers themself). Sending the form
    // without consent: focus goes to the first wrong field, with our message.
    await until(el, () => $(el, '#participant'), 'the participant');
    const me = await api().auth.me();
    expect($<HTMLSelectElement>(el, '#participant').value).to.equal(me.id);
    expect($(el, '#participant option').textContent).to.equal(`${me.displayName} (moi)`);
    expect((await press(el, 'Tab'))?.id).to.equal('participant');
    expect((await press(el, 'Tab'))?.id).to.equal('p-role');
    expect((await press(el, 'Tab'))?.id).to.equal('consent');
    expect((await press(el, 'Tab'))?.textContent).to.include('Annuler');
    expect((await press(el, 'Tab'))?.getAttribute('type')).to.equal('submit');
    await sendKeys({ press: 'Enter' });
    await until(el, () => deepActive()?.id === 'consent', 'focus on the consent');
    expect(deepActive()?.getAttribute('aria-invalid')).to.equal('true');

    // 7. Fill it in and send it.
    expect((await press(el, 'Tab', true))?.id).to.equal('p-role');
    await sendKeys({ type: 'Trésorière' });
    expect((await press(el, 'Tab'))?.id).to.equal('consent');
    await press(el, 'Space');
    expect($<HTMLInputElement>(el, '#consent').checked).to.equal(true);
    expect((await press(el, 'Tab'))?.textContent).to.include('Annuler');
    expect((await press(el, 'Tab'))?.getAttribute('type')).to.equal('submit');
    const registered = oneEvent(el, 'nassij-register');
    await sendKeys({ press: 'Enter' });
    const registration = (await registered).detail as Registration;
    expect(registration.sessionId).to.equal(session.id);
    expect(registration.participant).to.include({
      accountId: me.id,
      name: me.displayName,
      role: 'Trésorière',
    });

    // 8. The outcome, with focus on its Close button; Enter closes it and focus returns to the session.
    await until(el, () => $(el, 'dialog [data-status]') && deepActive()?.closest('dialog'), 'the outcome');
    expect(deepActive()?.textContent).to.include('Fermer');
    await sendKeys({ press: 'Enter' });
    await until(el, () => !$(el, 'dialog'), 'the dialog to close');
    expect(deepActive()?.getAttribute('data-register')).to.equal(session.id);
  });
});
