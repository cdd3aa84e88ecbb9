import {
  type Course,
  createRegistration,
  getRegistration,
  type Registration,
  type SessionSummary,
} from '@nassij/contract';
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { API_BASE } from '/__nassij__/env.js';
import { clientFor } from '../base/client.js';
import { catalogProblems } from '../i18n/catalogs.js';
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
    expect($$(el, 'article[part="card"]').map((a) => a.getAttribute('data-course'))).to.deep.equal([
      'crs_demo_1',
      'crs_demo_2',
      'crs_demo_3',
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
