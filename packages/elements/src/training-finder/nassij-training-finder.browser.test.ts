import {
  type Course,
  createRegistration,
  getRegistration,
  getSession,
  REGIONS,
  type Registration,
  regionName,
  type SessionSummary,
  TAMAZIGHT_MONTHS,
} from '@nassij/contract';
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { executeServerCommand, sendKeys, setViewport } from '@web/test-runner-commands';
import { API_BASE } from '/__nassij__/env.js';
import { clientFor } from '../base/client.js';
import { catalogProblems } from '../i18n/catalogs.js';
import { FIXTURES } from '../test-support/fixtures.js';
import { deepActive } from '../test-support/focus.js';
import './define.js';
import { DEMO_ASSOCIATIONS, DEMO_COURSES, DEMO_REGISTRATIONS } from '../test-support/demo/trainings.js';
import type { NassijTrainingFinder } from './nassij-training-finder.js';
import { trainingFinderMessages } from './training-finder.messages.js';

const WCAG = { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] };
const MEMBER = { email: 'member@demo.nassij.ma', password: 'demo-member-2026' };

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

async function fillDialog(el: NassijTrainingFinder, name: string, role = ''): Promise<void> {
  $<HTMLInputElement>(el, '#p-name').value = name;
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
    await fillDialog(el, 'Tilili Amazigh', 'Trésorière');
    const event = await registered;
    expect((event.detail as Registration).status).to.equal('waitlisted');
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
    await sendKeys({ press: 'Tab' });
    expect(active(el)?.id).to.equal('p-name');
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
      await el.updateComplete;
      await expect(el).to.be.accessible(WCAG);
      $<HTMLButtonElement>(el, 'button[data-register="ses_demo_1"]').click();
      await until(el, () => $(el, 'dialog')?.hasAttribute('open'), 'the dialog');
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

  it('signs in, registers (confirmed), fills a session (waitlisted), cancels (promotes), lists mine', async () => {
    await client().auth.signIn(MEMBER.email, MEMBER.password);
    const el = await serverFinder();
    el.requestUpdate();
    await el.updateComplete;
    expect($(el, '#tab-mine')).to.exist;

    // The open session with the fewest seats left among those shown.
    const candidates = (el.courses ?? []).flatMap((course: Course) =>
      (course.nextSessions ?? [])
        .filter((s) => s.registrationState === 'open' && s.seatsLeft >= 2)
        .map((session) => ({ course, session })),
    );
    candidates.sort((a, b) => a.session.seatsLeft - b.session.seatsLeft);
    const target = candidates[0] as { course: Course; session: SessionSummary };
    expect(target, 'an open session with seats').to.exist;

    // 1. Confirmed through the dialog.
    $<HTMLButtonElement>(el, `button[data-register="${target.session.id}"]`).click();
    await until(el, () => $(el, '#p-name'), 'the dialog form');
    expect($$(el, '#association option').length).to.equal(2);
    const first = oneEvent(el, 'nassij-register');
    await fillDialog(el, `Amina Test ${Date.now()}`, 'Trésorière');
    const confirmed = (await first).detail as Registration;
    expect(confirmed.status).to.equal('confirmed');
    await el.updateComplete;
    expect($(el, 'dialog [data-status="confirmed"]')).to.exist;
    ($(el, 'dialog .actions button') as HTMLButtonElement).click();
    await until(el, () => !$(el, 'dialog'), 'the dialog to close');

    // 2. The same participant again: the API's already_registered, translated.
    await until(el, () => $(el, `button[data-register="${target.session.id}"]`), 'the card again');
    $<HTMLButtonElement>(el, `button[data-register="${target.session.id}"]`).click();
    await until(el, () => $(el, '#p-name'), 'the dialog form');
    $<HTMLSelectElement>(el, '#association').value = confirmed.associationId;
    await fillDialog(el, confirmed.participant.name);
    await until(el, () => $(el, 'dialog [role="alert"]'), 'the error');
    expect($(el, 'dialog [role="alert"]').textContent).to.include('déjà inscrit');
    $<HTMLDialogElement>(el, 'dialog').close();
    await until(el, () => !$(el, 'dialog'), 'the dialog to close');

    // 3. Fill the remaining seats through the API, then the element's registration is waitlisted.
    const left = target.session.seatsLeft - 1;
    for (let i = 0; i < left; i++) {
      await client().request(createRegistration, {
        body: {
          sessionId: target.session.id,
          associationId: confirmed.associationId,
          participant: { name: `Filler ${i} ${Date.now()}` },
          consent: true,
        },
      });
    }
    await el.search();
    await until(el, () => $(el, `button[data-register="${target.session.id}"]`), 'the full session');
    $<HTMLButtonElement>(el, `button[data-register="${target.session.id}"]`).click();
    await until(el, () => $(el, '#p-name'), 'the dialog form');
    const second = oneEvent(el, 'nassij-register');
    await fillDialog(el, `Youssef Attente ${Date.now()}`);
    const waitlisted = (await second).detail as Registration;
    expect(waitlisted.status).to.equal('waitlisted');
    expect(waitlisted.waitlistPosition).to.equal(1);
    await el.updateComplete;
    expect($(el, 'dialog [data-status="waitlisted"]').textContent).to.include('position 1');
    $<HTMLDialogElement>(el, 'dialog').close();
    await until(el, () => !$(el, 'dialog'), 'the dialog to close');

    // 4. My registrations, then cancel the confirmed one: the waitlisted one is promoted on the server.
    $<HTMLButtonElement>(el, '#tab-mine').click();
    await until(el, () => $(el, `li[data-registration="${confirmed.id}"]`), 'my registrations');
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
  });
});

/** Presses a key and checks that focus stayed inside the finder (never `<body>`). */
async function press(el: NassijTrainingFinder, key: string): Promise<Element | null> {
  await sendKeys({ press: key });
  await el.updateComplete;
  const focused = deepActive();
  expect(root(el).contains(focused), `focus after ${key}: ${focused?.outerHTML.slice(0, 80)}`).to.equal(true);
  return focused;
}

const signedInDataMode = async (lang: string) => {
  const el = await dataMode(lang);
  el.signedIn = true;
  el.associations = DEMO_ASSOCIATIONS;
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
    await until(el, () => el.courses?.length && $(el, 'button[data-register]'), 'the courses');
    await el.whenMessagesReady();
    const button = $<HTMLButtonElement>(el, 'button[data-register]');
    const sessionId = button.getAttribute('data-register');
    button.focus();
    await sendKeys({ press: 'Enter' });
    await until(el, () => $(el, '#p-name') && active(el)?.id === 'association', 'the form');
    await fillDialog(el, `Focus Retour ${Date.now()}`);
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
    await fillDialog(el, 'Tilili Amazigh');
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
    $<HTMLButtonElement>(el, 'dialog button[type="submit"]').click();
    const name = $<HTMLInputElement>(el, '#p-name');
    await until(el, () => active(el) === name, 'focus on the first wrong field');
    expect(registered).to.equal(false);
    const describedText = (input: Element) =>
      (input.getAttribute('aria-describedby') ?? '')
        .split(' ')
        .map((id) => root(el).getElementById(id)?.textContent ?? '')
        .join(' ');
    expect(name.getAttribute('aria-invalid')).to.equal('true');
    expect(describedText(name)).to.include(trainingFinderMessages.ar['tf.error.name'] as string);
    const consent = $<HTMLInputElement>(el, '#consent');
    expect(consent.getAttribute('aria-invalid')).to.equal('true');
    expect(describedText(consent)).to.include(trainingFinderMessages.ar['tf.error.consent'] as string);
    expect(consent.getAttribute('aria-describedby')).to.include('notice');
    // Typing a name takes its message away; the other stays until the box is ticked.
    await sendKeys({ type: 'أمينة' });
    await el.updateComplete;
    expect(name.hasAttribute('aria-invalid')).to.equal(false);
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

    // 6. Sending it empty: focus goes to the first wrong field, with our message.
    expect((await press(el, 'Tab'))?.id).to.equal('p-name');
    expect((await press(el, 'Tab'))?.id).to.equal('p-role');
    expect((await press(el, 'Tab'))?.id).to.equal('consent');
    expect((await press(el, 'Tab'))?.textContent).to.include('Annuler');
    expect((await press(el, 'Tab'))?.getAttribute('type')).to.equal('submit');
    await sendKeys({ press: 'Enter' });
    await until(el, () => deepActive()?.id === 'p-name', 'focus on the name');
    expect(deepActive()?.getAttribute('aria-invalid')).to.equal('true');

    // 7. Fill it in and send it.
    await sendKeys({ type: `Amina Clavier ${Date.now()}` });
    expect(deepActive()?.id).to.equal('p-name');
    expect((await press(el, 'Tab'))?.id).to.equal('p-role');
    expect((await press(el, 'Tab'))?.id).to.equal('consent');
    await press(el, 'Space');
    expect($<HTMLInputElement>(el, '#consent').checked).to.equal(true);
    expect((await press(el, 'Tab'))?.textContent).to.include('Annuler');
    expect((await press(el, 'Tab'))?.getAttribute('type')).to.equal('submit');
    const registered = oneEvent(el, 'nassij-register');
    await sendKeys({ press: 'Enter' });
    const registration = (await registered).detail as Registration;
    expect(registration.sessionId).to.equal(session.id);

    // 8. The outcome, with focus on its Close button; Enter closes it and focus returns to the session.
    await until(el, () => $(el, 'dialog [data-status]') && deepActive()?.closest('dialog'), 'the outcome');
    expect(deepActive()?.textContent).to.include('Fermer');
    await sendKeys({ press: 'Enter' });
    await until(el, () => !$(el, 'dialog'), 'the dialog to close');
    expect(deepActive()?.getAttribute('data-register')).to.equal(session.id);
  });
});
