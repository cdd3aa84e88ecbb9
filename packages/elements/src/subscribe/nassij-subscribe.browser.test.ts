import type { CreateSubscription } from '@nassij/contract';
import { type BaseClient, createBaseClient } from '@nassij/sdk';
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { API_BASE } from '/__nassij__/env.js';
import { catalogProblems } from '../i18n/catalogs.js';
import { FIXTURES } from '../test-support/fixtures.js';
import { deepActive, expectNoSideScroll } from '../test-support/focus.js';
import './define.js';
import type { NassijSubscribe } from './nassij-subscribe.js';
import { subscribeMessages } from './subscribe.messages.js';

const AXE = { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] };
const T = { timeout: 10000 };

const $ = <E extends Element = HTMLElement>(el: Element, s: string) =>
  el.shadowRoot?.querySelector<E>(s) ?? null;

/** A fresh address per test: the platform throttles per address. */
const address = (who: string) => `${who}.${crypto.randomUUID().slice(0, 8)}@example.ma`;

/** A client that records the status of every answer to `POST /v1/subscriptions`. */
function recordingClient(): { client: BaseClient; answers: number[] } {
  const answers: number[] = [];
  const record: typeof fetch = async (input, init) => {
    const response = await fetch(input, init);
    const url = input instanceof Request ? input.url : String(input);
    if (new URL(url).pathname.endsWith('/v1/subscriptions')) answers.push(response.status);
    return response;
  };
  return { client: createBaseClient({ baseUrl: API_BASE, retry: { limit: 0 }, fetch: record }), answers };
}

async function press(key: string, times = 1): Promise<void> {
  for (let i = 0; i < times; i++) await sendKeys({ press: key });
}

describe('<nassij-subscribe>', () => {
  it('has every message in every locale', async () => {
    expect(await catalogProblems(subscribeMessages)).to.deep.equal([]);
  });

  it('keyboard, Arabic: subscribes to the calls of a region; the platform queues the confirmation', async () => {
    const { client, answers } = recordingClient();
    const wrapper = await fixture<HTMLElement>(html`<div lang="ar">
      <button type="button">قبل</button>
      <nassij-subscribe region="MA-09" .client=${client}></nassij-subscribe>
    </div>`);
    const el = wrapper.querySelector('nassij-subscribe') as NassijSubscribe;
    await el.whenMessagesReady();
    await waitUntil(() => el.organisations, 'organisations not loaded', T);
    await el.updateComplete;
    expect(el.getAttribute('dir')).to.equal('rtl');
    expect($(el, 'h2')?.textContent).to.equal(el.t('sub.title.calls'));
    expect($<HTMLSelectElement>(el, '#sub-region')?.value).to.equal('MA-09');
    // The funder list holds the seeded organisations by name.
    expect([...($<HTMLSelectElement>(el, '#sub-funder')?.options ?? [])].map((o) => o.value)).to.include(
      FIXTURES.organisations.regionalCouncil,
    );
    await expect(el).to.be.accessible(AXE);

    // RTL: the label's words start at the right edge of the form, and the submit button sits on the right.
    const form = $(el, 'form')!.getBoundingClientRect();
    const words = document.createRange();
    words.selectNodeContents($(el, 'label[for="sub-email"]')!);
    const label = words.getBoundingClientRect();
    const submit = $(el, 'button[type="submit"]')!.getBoundingClientRect();
    expect(Math.abs(form.right - label.right)).to.be.below(2);
    expect(label.left - form.left).to.be.above(20);
    expect(Math.abs(form.right - submit.right)).to.be.below(2);
    expect(submit.left - form.left).to.be.above(20);

    wrapper.querySelector('button')?.focus();
    await press('Tab');
    expect(deepActive()).to.equal($(el, '#sub-email'));
    const email = address('amina');
    await sendKeys({ type: email });
    await press('Tab'); // region, prefilled
    expect(deepActive()).to.equal($(el, '#sub-region'));
    await press('Tab', 3); // sector, funder, domain: left at "any"
    expect(deepActive()).to.equal($(el, '#sub-domain'));
    await press('Tab'); // the digest radios: the first, checked by default
    expect(deepActive()).to.equal($(el, '#sub-digest-0'));
    await press('ArrowDown', 2);
    expect(el.input.digest).to.equal('weekly');
    await press('Tab');
    expect(deepActive()).to.equal($(el, 'button[type="submit"]'));

    const sent = oneEvent(el, 'nassij-subscribe');
    await press('Enter');
    const { detail } = (await sent) as CustomEvent<CreateSubscription>;
    expect(detail).to.deep.equal({
      email,
      locale: 'ar',
      filter: { kind: 'calls', region: 'MA-09' },
      digest: 'weekly',
    });
    // 202: the request is accepted and the confirmation message is in the platform's outbox.
    expect(answers).to.deep.equal([202]);
    await el.updateComplete;
    expect(el.status).to.equal('sent');
    expect(deepActive()).to.equal($(el, '.sent h3'));
    expect($(el, '.sent')?.textContent).to.contain(el.t('sub.sent.title'));
    await expect(el).to.be.accessible(AXE);

    // Back to the form: nothing typed is lost.
    await press('Tab');
    await press('Enter');
    await el.updateComplete;
    expect(deepActive()).to.equal($(el, '#sub-email'));
    expect($<HTMLInputElement>(el, '#sub-email')?.value).to.equal(email);
    expect($<HTMLInputElement>(el, '#sub-digest-2')?.checked).to.equal(true);
  });

  it('an unknown region is refused at the region field, in the reader’s language, the input kept', async () => {
    const { client, answers } = recordingClient();
    const el = await fixture<NassijSubscribe>(
      html`<nassij-subscribe lang="fr" region="MA-99" digest="daily" .client=${client}></nassij-subscribe>`,
    );
    await el.whenMessagesReady();
    // Kept and offered by its code, so that the reader sees what the page asked for.
    expect($<HTMLSelectElement>(el, '#sub-region')?.value).to.equal('MA-99');
    const email = address('yassine');
    const input = $<HTMLInputElement>(el, '#sub-email')!;
    input.value = email;
    input.dispatchEvent(new Event('input'));
    $<HTMLButtonElement>(el, 'button[type="submit"]')?.click();
    await waitUntil(() => el.errors.length > 0, 'no error shown', T);
    await el.updateComplete;

    expect(answers).to.deep.equal([422]);
    expect(el.status).to.equal('editing');
    expect(el.errors.map((e) => e.path)).to.deep.equal(['/filter/region']);
    const summary = $(el, '.error-summary')!;
    expect(deepActive()).to.equal(summary);
    expect(summary.textContent).to.contain(`Région : ${el.t('sub.choice.invalid')}`);
    const region = $<HTMLSelectElement>(el, '#sub-region')!;
    expect(region.getAttribute('aria-invalid')).to.equal('true');
    expect(region.getAttribute('aria-describedby')).to.equal('sub-region-error');
    expect($(el, '#sub-region-error')?.textContent?.trim()).to.equal(el.t('sub.choice.invalid'));
    expect($<HTMLInputElement>(el, '#sub-email')?.value).to.equal(email);
    expect($<HTMLInputElement>(el, '#sub-digest-1')?.checked).to.equal(true);
    await expect(el).to.be.accessible(AXE);

    // The summary's link takes the reader to the field.
    $<HTMLAnchorElement>(el, '.error-summary a')?.click();
    expect(deepActive()).to.equal(region);
  });

  it('asks for an address before sending anything', async () => {
    const { client, answers } = recordingClient();
    const el = await fixture<NassijSubscribe>(
      html`<nassij-subscribe lang="en" .client=${client}></nassij-subscribe>`,
    );
    await el.whenMessagesReady();
    $<HTMLButtonElement>(el, 'button[type="submit"]')?.click();
    await el.updateComplete;
    expect(deepActive()).to.equal($(el, '.error-summary'));
    expect($(el, '#sub-email-error')?.textContent?.trim()).to.equal('Enter your email address.');
    expect($(el, '#sub-email')?.getAttribute('aria-describedby')).to.equal('sub-email-hint sub-email-error');
    expect(answers).to.deep.equal([]);
  });

  it('follows a consultation; a failure that names no field is said by the button, the input kept', async () => {
    let fail = true;
    const failing: typeof fetch = (input, init) =>
      fail ? Promise.reject(new TypeError('Failed to fetch')) : fetch(input, init);
    const client = createBaseClient({ baseUrl: API_BASE, retry: { limit: 0 }, fetch: failing });
    const el = await fixture<NassijSubscribe>(
      html`<nassij-subscribe lang="en" consultation=${FIXTURES.consultations.draftLaw} .client=${client}></nassij-subscribe>`,
    );
    await el.whenMessagesReady();
    expect($(el, 'h2')?.textContent).to.equal('Follow this consultation by email');
    expect($(el, '#sub-region')).to.equal(null);
    const email = address('salma');
    const input = $<HTMLInputElement>(el, '#sub-email')!;
    input.value = email;
    input.dispatchEvent(new Event('input'));

    $<HTMLButtonElement>(el, 'button[type="submit"]')?.click();
    await waitUntil(() => el.submitError, 'no error', T);
    await el.updateComplete;
    expect(el.submitError).to.equal('network_error');
    expect(deepActive()).to.equal($(el, '.submit-error'));
    expect($(el, '.submit-error')?.textContent?.trim()).to.not.equal('');
    expect($<HTMLInputElement>(el, '#sub-email')?.value).to.equal(email);

    fail = false;
    const sent = oneEvent(el, 'nassij-subscribe');
    $<HTMLButtonElement>(el, 'button[type="submit"]')?.click();
    const { detail } = (await sent) as CustomEvent<CreateSubscription>;
    expect(detail.filter).to.deep.equal({
      kind: 'consultation',
      consultationId: FIXTURES.consultations.draftLaw,
    });
    expect(detail.locale).to.equal('en');
    expect(detail.digest).to.equal('immediate');
  });

  it('reflows at 320 px in Arabic without scrolling sideways', async () => {
    await setViewport({ width: 320, height: 640 });
    try {
      const el = await fixture<NassijSubscribe>(
        html`<nassij-subscribe lang="ar" region="MA-09"></nassij-subscribe>`,
      );
      await el.whenMessagesReady();
      expectNoSideScroll(el, 'ar, 320 px');
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });
});
