import type { Course, SessionSummary } from '@nassij/contract';
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { API_BASE } from '/__nassij__/env.js';
import { clientFor } from '../base/client.js';
import { plain } from '../base/states.js';
import { deepActive } from '../test-support/focus.js';
import './define.js';
import { DEMO_COURSES } from '../test-support/demo/trainings.js';
import type { NassijTrainingFinder } from './nassij-training-finder.js';

// "Add to calendar" for each session, and "Subscribe to my trainings calendar" in the signed-in view.

const WCAG = { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] };
const MEMBER = { email: 'member@demo.nassij.ma', password: 'demo-member-2026' };

const $ = <T extends Element = HTMLElement>(el: HTMLElement, selector: string) =>
  el.shadowRoot?.querySelector(selector) as T;

async function until(el: NassijTrainingFinder, check: () => unknown, what: string, ms = 8000): Promise<void> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > ms) throw new Error(`timed out waiting for ${what}`);
    await new Promise((ok) => setTimeout(ok, 50));
    await el.updateComplete;
  }
}

const dataMode = async (lang: string) => {
  const el = await fixture<NassijTrainingFinder>(
    html`<nassij-training-finder lang=${lang} .courses=${DEMO_COURSES}></nassij-training-finder>`,
  );
  await el.whenMessagesReady();
  return el;
};

const course = DEMO_COURSES[0] as Course;
const session = course.nextSessions?.[0] as SessionSummary;

/** The iCalendar file behind a session's link, as a calendar app would read it. */
async function sessionFile(el: NassijTrainingFinder, id: string) {
  const link = $<HTMLAnchorElement>(el, `a[data-calendar="${id}"]`);
  const response = await fetch(link.href);
  return { link, type: response.headers.get('content-type') ?? '', text: await response.text() };
}

/** RFC 5545 content lines, unfolded. */
const unfold = (text: string) => text.replace(/\r\n /g, '').split('\r\n');

describe('<nassij-training-finder> "add to calendar" per session', () => {
  before(() => setViewport({ width: 1280, height: 900 }));

  it('offers each session as an iCalendar event: its period in UTC, the course and the place', async () => {
    const el = await dataMode('fr');
    const { link, type, text } = await sessionFile(el, session.id);
    expect(type).to.contain('text/calendar');
    expect(link.getAttribute('download')).to.equal(`${session.id}.ics`);
    expect(link.textContent).to.contain('Ajouter à mon agenda');
    // The hidden part names the course, so that a list of such links is not a list of equal names.
    expect(link.textContent).to.contain(plain('fr', course.title));
    const lines = unfold(text);
    expect(lines[0]).to.equal('BEGIN:VCALENDAR');
    expect(lines).to.include(`UID:${session.id}@nassij`);
    const utc = (iso: string) => `${iso.slice(0, 19).replace(/[-:]/g, '')}Z`;
    expect(lines).to.include(`DTSTART:${utc(session.period.start)}`);
    expect(lines).to.include(`DTEND:${utc(session.period.end)}`);
    expect(lines).to.include(`SUMMARY:${plain('fr', course.title).replace(/[\\;,]/g, '\\$&')}`);
    expect(lines.find((l) => l.startsWith('LOCATION:'))).to.contain('Agadir');
    expect(text.endsWith('END:VCALENDAR\r\n')).to.equal(true);
  });

  it('folds long Arabic and Tifinagh lines at 75 octets without splitting a letter', async () => {
    for (const lang of ['ar', 'zgh']) {
      const el = await dataMode(lang);
      const { text } = await sessionFile(el, session.id);
      const encoder = new TextEncoder();
      for (const line of text.split('\r\n')) expect(encoder.encode(line).length, line).to.be.at.most(75);
      const summary = unfold(text).find((l) => l.startsWith('SUMMARY:'));
      expect(summary).to.equal(`SUMMARY:${plain(lang as 'ar', course.title).replace(/[\\;,]/g, '\\$&')}`);
    }
  });

  it('is reached with the keyboard just before the session’s register button', async () => {
    const el = await dataMode('ar');
    $<HTMLButtonElement>(el, `button[data-register="${session.id}"]`).focus();
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ up: 'Shift' });
    expect((deepActive() as HTMLElement | null)?.dataset.calendar).to.equal(session.id);
  });

  it('sits on the reading side of the register button: right of it in Arabic, left of it in English', async () => {
    for (const [lang, rightToLeft] of [
      ['ar', true],
      ['en', false],
    ] as const) {
      const el = await dataMode(lang);
      const link = $(el, `a[data-calendar="${session.id}"]`).getBoundingClientRect();
      const button = $(el, `button[data-register="${session.id}"]`).getBoundingClientRect();
      expect(link.left > button.left, lang).to.equal(rightToLeft);
    }
  });

  for (const lang of ['ar', 'fr', 'zgh', 'en']) {
    it(`has no axe violations with the calendar links in ${lang}`, async () => {
      const el = await dataMode(lang);
      expect($(el, 'a[data-calendar]')).to.exist;
      await expect(el).to.be.accessible(WCAG);
    });
  }
});

describe('<nassij-training-finder> "subscribe to my trainings calendar" (signed in)', () => {
  const client = () => clientFor(API_BASE);
  const copied: string[] = [];

  before(async () => {
    await setViewport({ width: 1280, height: 900 });
    // A headless page may not write to the clipboard: what the element writes is kept here instead.
    Object.defineProperty(navigator, 'clipboard', {
      configurable: true,
      value: { writeText: async (text: string) => void copied.push(text) },
    });
    await client().auth.signIn(MEMBER.email, MEMBER.password);
  });

  after(async () => {
    // Deleting the own property brings back the prototype's.
    delete (navigator as unknown as Record<string, unknown>).clipboard;
    if (client().tokens.get()) await client().auth.signOut();
  });

  async function mineTab(lang = 'fr'): Promise<NassijTrainingFinder> {
    const el = await fixture<NassijTrainingFinder>(
      html`<nassij-training-finder lang=${lang} api-base=${API_BASE}></nassij-training-finder>`,
    );
    await el.whenMessagesReady();
    await until(el, () => $(el, '#tab-mine'), 'the signed-in tabs');
    $<HTMLButtonElement>(el, '#tab-mine').click();
    await until(el, () => $(el, 'button[data-action="issue-calendar"]'), 'the calendar block');
    return el;
  }

  it('explains that the address is private, issues it, focuses it, and copies it', async () => {
    const el = await mineTab('fr');
    expect($(el, '#calendar-private').textContent).to.contain('privée');
    $<HTMLButtonElement>(el, 'button[data-action="issue-calendar"]').focus();
    await sendKeys({ press: 'Enter' });
    await until(el, () => el.shadowRoot?.activeElement?.id === 'calendar-url', 'focus on the address');
    const input = $<HTMLInputElement>(el, '#calendar-url');
    const url = new URL(input.value);
    expect(url.href.startsWith(API_BASE)).to.equal(true);
    expect(url.pathname).to.match(/\/v1\/calendars\/me\/[^/]+\.ics$/);
    expect(input.getAttribute('aria-describedby')).to.equal('calendar-private');
    expect($<HTMLAnchorElement>(el, 'a[data-link="webcal"]').href).to.equal(
      input.value.replace(/^https?:/, 'webcal:'),
    );
    await sendKeys({ press: 'Tab' });
    expect((deepActive() as HTMLElement | null)?.dataset.action).to.equal('copy-calendar');
    await sendKeys({ press: 'Enter' });
    await until(el, () => copied.length > 0, 'the copy');
    expect(copied.at(-1)).to.equal(input.value);
    await expect(el).to.be.accessible(WCAG);
  });

  it('answers the address with the person’s calendar; a new address stops the old one', async () => {
    const el = await mineTab('ar');
    $<HTMLButtonElement>(el, 'button[data-action="issue-calendar"]').click();
    await until(el, () => $(el, '#calendar-url'), 'the address');
    const first = $<HTMLInputElement>(el, '#calendar-url').value;
    const answer = await fetch(first);
    expect(answer.status).to.equal(200);
    expect(answer.headers.get('content-type')).to.contain('text/calendar');
    expect(await answer.text()).to.contain('BEGIN:VCALENDAR');
    $<HTMLButtonElement>(el, 'button[data-action="reissue-calendar"]').click();
    await until(el, () => $<HTMLInputElement>(el, '#calendar-url')?.value !== first, 'a new address');
    expect((await fetch(first)).status).to.equal(404);
    expect((await fetch($<HTMLInputElement>(el, '#calendar-url').value)).status).to.equal(200);
  });

  it('forgets the address on sign-out', async () => {
    const el = await mineTab('en');
    $<HTMLButtonElement>(el, 'button[data-action="issue-calendar"]').click();
    await until(el, () => $(el, '#calendar-url'), 'the address');
    expect(el.calendar?.address).to.be.a('string');
    const signOut = [...(el.shadowRoot?.querySelectorAll<HTMLButtonElement>('.bar button') ?? [])][0];
    signOut?.click();
    await until(el, () => $(el, 'button[data-action="sign-in"]'), 'the signed-out view');
    expect(el.calendar?.address).to.equal(undefined);
  });
});
