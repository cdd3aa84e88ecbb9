import {
  createContributionRef,
  moderateContributionRef,
  type ReportContribution,
  reportContributionRef,
} from '@nassij/contract';
import { type BaseClient, createBaseClient } from '@nassij/sdk';
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import { API_BASE } from '/__nassij__/env.js';
import { catalogProblems } from '../i18n/catalogs.js';
import { FIXTURES } from '../test-support/fixtures.js';
import './define.js';
import { deepActive } from '../test-support/focus.js';
import { moderationQueueMessages } from './moderation-queue.messages.js';
import type { NassijModerationQueue } from './nassij-moderation-queue.js';

const AXE = { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] };
const T = { timeout: 10000 };
const DRAFT_LAW = FIXTURES.consultations.draftLaw;
const MODERATOR = { email: 'moderator@demo.nassij.ma', password: 'demo-moderator-2026' };

const $ = <E extends Element = HTMLElement>(el: Element, s: string) =>
  el.shadowRoot?.querySelector<E>(s) ?? null;

const newClient = (fetchImpl?: typeof fetch): BaseClient =>
  createBaseClient({ baseUrl: API_BASE, retry: { limit: 0 }, ...(fetchImpl ? { fetch: fetchImpl } : {}) });

async function moderator(fetchImpl?: typeof fetch): Promise<BaseClient> {
  const client = newClient(fetchImpl);
  await client.auth.signIn(MODERATOR.email, MODERATOR.password);
  return client;
}

/** A new anonymous comment on the draft law, waiting for moderation. */
async function pendingComment(text: string): Promise<string> {
  const receipt = await newClient().request(createContributionRef, {
    params: { consultationId: DRAFT_LAW },
    body: {
      kind: 'comment',
      body: `${text} ${Date.now()}`,
      consent: true,
      author: { displayName: 'زائر', participantType: 'citizen' },
    },
    headers: { 'x-nassij-device': crypto.randomUUID() },
  });
  return receipt.contribution.id;
}

/** A published comment that a visitor then reported: it stays public and waits for keep/hide. */
async function reportedComment(report: ReportContribution): Promise<string> {
  const id = await pendingComment('تعليق سيُبلّغ عنه');
  await (await moderator()).request(moderateContributionRef, {
    params: { contributionId: id },
    body: { decision: 'publish' },
  });
  await newClient().request(reportContributionRef, {
    params: { contributionId: id },
    body: report,
    headers: { 'x-nassij-device': crypto.randomUUID() },
  });
  return id;
}

async function queue(client: BaseClient, lang = 'ar'): Promise<NassijModerationQueue> {
  const el = await fixture<NassijModerationQueue>(
    html`<nassij-moderation-queue lang=${lang} consultation=${DRAFT_LAW} .client=${client}></nassij-moderation-queue>`,
  );
  await waitUntil(() => el.items, 'no queue', T);
  await el.updateComplete;
  return el;
}

describe('<nassij-moderation-queue>', () => {
  it('has every message in every locale', async () => {
    expect(await catalogProblems(moderationQueueMessages)).to.deep.equal([]);
  });

  it('publishes, and hides only with a reason that goes into the history', async () => {
    const created = [await pendingComment('للإشراف 1'), await pendingComment('للإشراف 2')];
    const el = await queue(await moderator());
    for (const id of created) expect($(el, `article[data-id="${id}"]`), id).to.exist;
    await expect(el).to.be.accessible(AXE);

    const [toPublish, toHide] = created as [string, string];
    $<HTMLButtonElement>(el, `article[data-id="${toHide}"] button[value="hide"]`)?.click();
    await el.updateComplete;
    expect(el.itemErrors[toHide]).to.equal(el.t('cons.mod.reasonRequired'));
    ($(el, `article[data-id="${toHide}"] textarea`) as HTMLTextAreaElement).value = 'معطيات شخصية';
    $<HTMLButtonElement>(el, `article[data-id="${toHide}"] button[value="hide"]`)?.click();
    await waitUntil(() => el.decided[toHide], 'not hidden', T);
    expect(el.decided[toHide]?.moderation.state).to.equal('hidden');

    $<HTMLButtonElement>(el, `article[data-id="${toPublish}"] button[value="publish"]`)?.click();
    await waitUntil(() => el.decided[toPublish], 'not published', T);
    await el.updateComplete;
    expect($(el, `article[data-id="${toHide}"] .history`)?.textContent).to.contain('معطيات شخصية');
    expect($(el, `article[data-id="${toPublish}"] .badge`)?.textContent).to.equal(
      el.t('cons.state.published'),
    );
  });

  it('keyboard: hiding a reported contribution asks for a reason, then focus lands on its heading', async () => {
    const id = await reportedComment({ reason: 'personal_data', detail: 'A phone number is published' });
    const el = await queue(await moderator(), 'en');
    const item = `article[data-id="${id}"]`;
    // The report reads in English words, not the server's codes.
    const history = $(el, `${item} .history`)?.textContent ?? '';
    expect(history).to.contain('Personal data (by a visitor)');
    expect(history).not.to.contain('personal_data');
    await expect(el).to.be.accessible(AXE);

    $<HTMLButtonElement>(el, `${item} button[value="hide"]`)?.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(deepActive()).to.equal($(el, `${item} textarea`));
    expect($(el, `${item} textarea`)?.getAttribute('aria-invalid')).to.equal('true');

    await sendKeys({ type: 'Personal data of a third party' });
    await sendKeys({ press: 'Tab' });
    expect(deepActive()).to.equal($(el, `${item} button[value="publish"]`));
    expect(deepActive()?.textContent).to.equal('Keep published');
    await sendKeys({ press: 'Tab' });
    expect(deepActive()).to.equal($(el, `${item} button[value="hide"]`));
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => el.decided[id], 'not hidden', T);
    await el.updateComplete;
    expect(el.decided[id]?.moderation.state).to.equal('hidden');
    expect(deepActive()).to.equal($(el, `#m-${id}-h`));
    expect(deepActive()?.textContent).to.contain('Hidden');
  });

  it('keyboard: keeping a reported contribution published moves focus to its heading', async () => {
    const id = await reportedComment({ reason: 'spam' });
    const el = await queue(await moderator(), 'fr');
    const item = `article[data-id="${id}"]`;
    await expect(el).to.be.accessible(AXE);
    $<HTMLButtonElement>(el, `${item} textarea`)?.focus();
    await sendKeys({ press: 'Tab' });
    expect(deepActive()).to.equal($(el, `${item} button[value="publish"]`));
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => el.decided[id], 'not kept', T);
    await el.updateComplete;
    expect(el.decided[id]?.moderation.state).to.equal('published');
    expect($(el, `${item} form.decide`)).to.equal(null);
    expect(deepActive()).to.equal($(el, `#m-${id}-h`));
  });

  it('reflows at 320 px: a long unbroken contribution never scrolls sideways', async () => {
    const id = await pendingComment(`https://example.org/${'a'.repeat(200)}`);
    const el = await fixture<NassijModerationQueue>(
      html`<nassij-moderation-queue lang="fr" consultation=${DRAFT_LAW} .client=${await moderator()}
        style="display: block; inline-size: 320px; overflow: auto"></nassij-moderation-queue>`,
    );
    await waitUntil(() => el.items?.some((c) => c.id === id), 'no queue', T);
    await el.updateComplete;
    expect(el.scrollWidth).to.be.at.most(el.clientWidth);
  });

  it('a slow answer for the previous consultation never replaces the newer one', async () => {
    const older = FIXTURES.consultations.draftLaw;
    const newer = FIXTURES.consultations.registeredOnly;
    await pendingComment('في الطابور القديم');
    let release!: () => void;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let oldAnswered = false;
    // The draft law's queue answers only once released, even after its request was given up.
    const slow: typeof fetch = async (input, init) => {
      const request = new Request(input, init);
      if (!request.url.includes(`consultationId=${older}`)) return fetch(request);
      await gate;
      const answer = await fetch(request.url, { headers: request.headers });
      oldAnswered = true;
      return answer;
    };
    const client = await moderator(slow);
    const el = await fixture<NassijModerationQueue>(
      html`<nassij-moderation-queue consultation=${older} .client=${client}></nassij-moderation-queue>`,
    );
    el.consultationId = newer;
    await waitUntil(() => el.items, 'the newer queue did not load', T);
    release();
    await waitUntil(() => oldAnswered, 'the old answer never came', T);
    await el.updateComplete;
    expect(el.items?.every((c) => c.consultationId === newer)).to.equal(true);
  });

  it('signed out: offers sign-in (no request), and after the popup focus is on the heading with the queue loaded', async () => {
    let requests = 0;
    const client = newClient((input, init) => {
      requests += 1;
      return fetch(input, init);
    });
    const el = await fixture<NassijModerationQueue>(
      html`<nassij-moderation-queue lang="fr" consultation=${DRAFT_LAW} .client=${client}></nassij-moderation-queue>`,
    );
    await el.updateComplete;
    expect(requests).to.equal(0);
    const button = $<HTMLButtonElement>(el, '.sign-in-button');
    expect(button?.textContent?.trim()).to.equal(el.t('action.signIn'));
    expect($(el, '[data-state="loading"]')).to.equal(null);
    await expect(el).to.be.accessible(AXE);

    button?.focus();
    await sendKeys({ press: 'Enter' });
    const { url } = await executeServerCommand<{ url: string }, typeof MODERATOR>(
      'nassij-popup-sign-in',
      MODERATOR,
    );
    // The popup opened in the element's language.
    expect(new URL(url).searchParams.get('lang')).to.equal('fr');
    await waitUntil(() => el.items, 'the queue did not load after sign-in', T);
    await el.updateComplete;
    expect(deepActive()).to.equal($(el, 'h2'));
  });

  it('an ended session offers sign-in beside retry', async () => {
    const client = newClient();
    client.tokens.set(`tok_${'x'.repeat(40)}`);
    let code = '';
    const el = await fixture<NassijModerationQueue>(
      html`<nassij-moderation-queue consultation=${DRAFT_LAW} .client=${client}
        @nassij-error=${(e: CustomEvent<{ code: string }>) => {
          code = e.detail.code;
        }}></nassij-moderation-queue>`,
    );
    await waitUntil(() => $(el, '[role="alert"] .sign-in-button'), 'no sign-in offered', T);
    expect(['unauthenticated', 'token_expired']).to.include(code);
    expect($(el, '[role="alert"] button[data-variant="secondary"]')?.textContent?.trim()).to.equal(
      el.t('action.retry'),
    );
    await expect(el).to.be.accessible(AXE);
  });
});
