import { createBaseClient } from '@nassij/sdk';
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { API_BASE } from '/__nassij__/env.js';
import { FIXTURES } from '../test-support/fixtures.js';
import { deepActive } from '../test-support/focus.js';
import './define.js';
import type { NassijConsultation } from './nassij-consultation.js';

// "Add the phases to my calendar" in the consultation's header.

const AXE = { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] };
const ID = FIXTURES.consultations.draftLaw;

const $ = <E extends Element = HTMLElement>(el: Element, s: string) =>
  el.shadowRoot?.querySelector<E>(s) ?? null;

async function consultation(lang: string): Promise<NassijConsultation> {
  const client = createBaseClient({ baseUrl: API_BASE, retry: { limit: 0 } });
  const el = await fixture<NassijConsultation>(
    html`<nassij-consultation lang=${lang} consultation=${ID} .client=${client}></nassij-consultation>`,
  );
  await waitUntil(() => el.data && $(el, 'a[part="calendar-link"]'), 'the consultation did not load', {
    timeout: 10000,
  });
  await el.whenMessagesReady();
  return el;
}

describe('<nassij-consultation> "add the phases to my calendar"', () => {
  it('links to the phases’ calendar in the reader’s language, which the platform answers', async () => {
    const el = await consultation('fr');
    const link = $<HTMLAnchorElement>(el, 'a[part="calendar-link"]') as HTMLAnchorElement;
    const url = new URL(link.href);
    expect(url.href.startsWith(API_BASE)).to.equal(true);
    expect(url.pathname.endsWith(`/v1/calendars/consultations/${ID}.ics`)).to.equal(true);
    expect(url.searchParams.get('lang')).to.equal('fr');
    expect(link.textContent?.trim()).to.equal('Ajouter les étapes à mon agenda');
    const answer = await fetch(link.href);
    expect(answer.status).to.equal(200);
    expect(answer.headers.get('content-type')).to.contain('text/calendar');
    expect(await answer.text()).to.contain('BEGIN:VEVENT');
  });

  it('is reached with the Tab key from the consultation’s start', async () => {
    const el = await consultation('ar');
    const before = document.createElement('button');
    before.textContent = 'before';
    el.before(before);
    before.focus();
    let reached = false;
    for (let i = 0; i < 40 && !reached; i++) {
      await sendKeys({ press: 'Tab' });
      reached = (deepActive() as HTMLElement | null)?.getAttribute('part') === 'calendar-link';
    }
    before.remove();
    expect(reached).to.equal(true);
  });

  for (const lang of ['ar', 'fr', 'zgh', 'en']) {
    it(`has no axe violations in ${lang}, and follows the direction of the language`, async () => {
      const el = await consultation(lang);
      const paragraph = $(el, '.calendar-link') as HTMLElement;
      expect(getComputedStyle(paragraph).direction).to.equal(lang === 'ar' ? 'rtl' : 'ltr');
      await expect(el).to.be.accessible(AXE);
    });
  }

  it('is absent in data mode, without a platform to link to', async () => {
    const live = await consultation('en');
    const data = live.data;
    const el = await fixture<NassijConsultation>(
      html`<nassij-consultation lang="en" .data=${data}></nassij-consultation>`,
    );
    await el.updateComplete;
    expect($(el, '#phases-h')).to.exist;
    expect($(el, 'a[part="calendar-link"]')).to.equal(null);
  });
});
