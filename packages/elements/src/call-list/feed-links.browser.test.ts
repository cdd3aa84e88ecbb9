import { expect, fixture, waitUntil } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { API_BASE } from '/__nassij__/env.js';
import { deepActive } from '../test-support/focus.js';
import './define.js';
import type { NassijCallList } from './nassij-call-list.js';

// The feed and calendar links of <nassij-call-list>: they carry the filters and the reader's language,
// the platform answers them with an Atom feed or an iCalendar file, and they are reachable by keyboard.

const AXE = { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] };

const $ = <T extends Element = HTMLElement>(el: NassijCallList, selector: string) =>
  el.shadowRoot?.querySelector<T>(selector) ?? null;

async function settled(el: NassijCallList): Promise<void> {
  await waitUntil(() => !el.loading && el.results !== undefined, 'the search did not finish', {
    timeout: 10000,
  });
  await el.updateComplete;
}

async function serverList(attrs = 'status="open"'): Promise<NassijCallList> {
  const wrapper = await fixture<HTMLDivElement>(
    `<div><nassij-call-list api-base="${API_BASE}" ${attrs}></nassij-call-list></div>`,
  );
  const el = wrapper.querySelector('nassij-call-list') as NassijCallList;
  await settled(el);
  await el.whenMessagesReady();
  return el;
}

const link = (el: NassijCallList, name: 'feed' | 'calendar') =>
  $<HTMLAnchorElement>(el, `.feed-links a[data-link="${name}"]`) as HTMLAnchorElement;

/** The head's feed links (the page's own and every list's). */
const headFeeds = () => [...document.head.querySelectorAll<HTMLLinkElement>('link[rel="alternate"]')];

/** Fetches a link as a feed reader or calendar app would, and gives its status, type and text. */
async function fetchLink(href: string) {
  const response = await fetch(href);
  return {
    status: response.status,
    type: response.headers.get('content-type') ?? '',
    body: await response.text(),
  };
}

describe('<nassij-call-list> feed and calendar links', () => {
  before(() => setViewport({ width: 1200, height: 900 }));

  it('link to the feed and the calendar of the current filters, in the reader’s language', async () => {
    const el = await serverList();
    const feed = new URL(link(el, 'feed').href);
    const calendar = new URL(link(el, 'calendar').href);
    expect(feed.href.startsWith(API_BASE)).to.equal(true);
    expect(feed.pathname.endsWith('/v1/feeds/calls.atom')).to.equal(true);
    expect(calendar.pathname.endsWith('/v1/calendars/calls.ics')).to.equal(true);
    for (const url of [feed, calendar]) {
      expect(url.searchParams.getAll('status')).to.deep.equal(['open']);
      expect(url.searchParams.get('lang')).to.equal('ar');
      // The sort orders the list, not a feed.
      expect(url.searchParams.has('sort')).to.equal(false);
    }
    expect(link(el, 'feed').type).to.equal('application/atom+xml');
    expect(link(el, 'feed').textContent?.trim()).to.equal(el.t('callList.subscribeFeed'));
    expect(link(el, 'calendar').textContent?.trim()).to.equal(el.t('callList.addDeadlines'));
  });

  it('follow the filters as the reader changes them, and the language', async () => {
    const el = await serverList();
    const region = $<HTMLInputElement>(el, 'fieldset[data-facet="region"] input') as HTMLInputElement;
    region.click();
    await settled(el);
    const q = $<HTMLInputElement>(el, '#q') as HTMLInputElement;
    q.value = 'جمعية';
    q.form?.requestSubmit();
    await settled(el);
    for (const name of ['feed', 'calendar'] as const) {
      const url = new URL(link(el, name).href);
      expect(url.searchParams.getAll('region'), name).to.deep.equal([region.value]);
      expect(url.searchParams.get('q'), name).to.equal('جمعية');
      expect(url.searchParams.getAll('status'), name).to.deep.equal(['open']);
    }
    el.setAttribute('lang', 'fr');
    await waitUntil(() => el.locale === 'fr');
    await el.whenMessagesReady();
    expect(new URL(link(el, 'feed').href).searchParams.get('lang')).to.equal('fr');
    expect(new URL(link(el, 'calendar').href).searchParams.get('lang')).to.equal('fr');
    expect(link(el, 'feed').textContent?.trim()).to.equal('S’abonner à ces appels');
  });

  it('are answered by the platform: an Atom feed and an iCalendar file', async () => {
    const el = await serverList('status="open" lang="fr"');
    const feed = await fetchLink(link(el, 'feed').href);
    expect(feed.status).to.equal(200);
    expect(feed.type).to.contain('application/atom+xml');
    expect(feed.body).to.contain('<feed');
    const calendar = await fetchLink(link(el, 'calendar').href);
    expect(calendar.status).to.equal(200);
    expect(calendar.type).to.contain('text/calendar');
    expect(calendar.body).to.contain('BEGIN:VCALENDAR');
  });

  it('offer the deadline of one call in its details, answered with that call’s calendar', async () => {
    const el = await serverList();
    const call = el.results?.find((c) => c.dates.closes) ?? el.results?.[0];
    expect(call?.dates.closes, 'an open call with a deadline').to.exist;
    await el.openCall(call?.id ?? '');
    await waitUntil(() => $(el, '[data-link="call-calendar"]') !== null, 'no calendar link in the details');
    const anchor = $<HTMLAnchorElement>(el, '[data-link="call-calendar"]') as HTMLAnchorElement;
    const url = new URL(anchor.href);
    expect(url.pathname.endsWith(`/v1/calendars/calls/${encodeURIComponent(call?.id ?? '')}.ics`)).to.equal(
      true,
    );
    expect(url.searchParams.get('lang')).to.equal('ar');
    expect(anchor.textContent?.trim()).to.equal(el.t('callList.addDeadline'));
    const answer = await fetchLink(anchor.href);
    expect(answer.status).to.equal(200);
    expect(answer.type).to.contain('text/calendar');
    expect(answer.body).to.contain('BEGIN:VEVENT');
    await expect(el).to.be.accessible(AXE);
  });

  it('are reached with the Tab key after the filters', async () => {
    const el = await serverList();
    $<HTMLInputElement>(el, '#q')?.focus();
    const reached: string[] = [];
    for (let i = 0; i < 80 && reached.length < 2; i++) {
      await sendKeys({ press: 'Tab' });
      const name = (deepActive() as HTMLElement | null)?.dataset?.link;
      if (name && !reached.includes(name)) reached.push(name);
    }
    expect(reached).to.deep.equal(['feed', 'calendar']);
  });

  for (const lang of ['ar', 'fr', 'zgh', 'en']) {
    it(`have no axe violations in ${lang}`, async () => {
      const el = await serverList(`status="open" lang="${lang}"`);
      expect(link(el, 'feed')).to.exist;
      await expect(el).to.be.accessible(AXE);
    });
  }

  it('read from the right in Arabic and from the left in French', async () => {
    const el = await serverList();
    const order = () =>
      link(el, 'feed').getBoundingClientRect().left - link(el, 'calendar').getBoundingClientRect().left;
    expect(getComputedStyle($(el, '.feed-links') as HTMLElement).direction).to.equal('rtl');
    expect(order()).to.be.greaterThan(0);
    el.setAttribute('lang', 'fr');
    await waitUntil(() => el.locale === 'fr');
    await el.whenMessagesReady();
    expect(order()).to.be.lessThan(0);
  });

  it('are absent in data mode without a platform to link to', async () => {
    const el = await fixture<NassijCallList>('<nassij-call-list></nassij-call-list>');
    el.calls = [];
    await el.updateComplete;
    expect($(el, '.feed-links')).to.equal(null);
  });
});

describe('<nassij-call-list feed-link>', () => {
  it('keeps one Atom link in the head for the current filters, and removes it when the list goes', async () => {
    const before = headFeeds().length;
    const el = await serverList('status="open" feed-link');
    const mine = () => headFeeds().filter((l) => l.href.includes('/v1/feeds/calls.atom'));
    expect(headFeeds().length).to.equal(before + 1);
    expect(mine()).to.have.length(1);
    expect(mine()[0]?.type).to.equal('application/atom+xml');
    expect(mine()[0]?.href).to.equal(link(el, 'feed').href);
    expect(mine()[0]?.title).to.equal(el.t('callList.title'));
    const region = $<HTMLInputElement>(el, 'fieldset[data-facet="region"] input') as HTMLInputElement;
    region.click();
    await settled(el);
    expect(mine()).to.have.length(1);
    expect(new URL(mine()[0]?.href ?? '').searchParams.getAll('region')).to.deep.equal([region.value]);
    el.setAttribute('lang', 'en');
    await waitUntil(() => el.locale === 'en');
    await el.whenMessagesReady();
    expect(new URL(mine()[0]?.href ?? '').searchParams.get('lang')).to.equal('en');
    el.remove();
    expect(headFeeds().length).to.equal(before);
  });

  it('adds nothing to the head unless the page asks', async () => {
    const before = headFeeds().length;
    await serverList();
    expect(headFeeds().length).to.equal(before);
  });
});
