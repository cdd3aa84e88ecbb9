import {
  type Call,
  closeCallRef,
  createCallRef,
  declareConflictRef,
  getApplicationRef,
  getCallRef,
  listCallApplicationsRef,
  listCallAwardsRef,
  listCallReviewersRef,
  listManagedCallsRef,
  publishCallRef,
  startApplicationRef,
  submitApplicationRef,
  submitReviewRef,
  updateApplicationRef,
  uploadAttachmentRef,
} from '@nassij/contract';
import { type BaseClient, createBaseClient, uploadFile } from '@nassij/sdk';
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { ifDefined } from 'lit/directives/if-defined.js';
import { API_BASE } from '/__nassij__/env.js';
import { completeCallFields } from '../../../server/src/areas/calls/fixtures.js';
import { catalogProblems } from '../i18n/catalogs.js';
import { FIXTURES } from '../test-support/fixtures.js';
import { deepActive } from '../test-support/focus.js';
import { callManagerMessages } from './call-manager.messages.js';
import './define.js';
import type { NassijCallManager } from './nassij-call-manager.js';

const A11Y = { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] };
const T = { timeout: 15000 };
const MANAGER = ['ministry-manager@demo.nassij.ma', 'demo-ministry-manager-2026'] as const;
const MINISTRY_REVIEWER = ['ministry-reviewer@demo.nassij.ma', 'demo-ministry-reviewer-2026'] as const;
const REGION_MANAGER = ['region-manager@demo.nassij.ma', 'demo-region-manager-2026'] as const;
const REPRESENTATIVE = ['representative@demo.nassij.ma', 'demo-representative-2026'] as const;

const newClient = (fetchImpl?: typeof fetch): BaseClient =>
  createBaseClient({ baseUrl: API_BASE, retry: { limit: 0 }, ...(fetchImpl ? { fetch: fetchImpl } : {}) });

async function signedIn([email, password]: readonly [string, string]): Promise<BaseClient> {
  const client = newClient();
  await client.auth.signIn(email, password);
  return client;
}

/** A request for a page of an organisation's calls (`GET /v1/organisations/{id}/calls`). */
const CALL_PAGE = /\/v1\/organisations\/[^/]+\/calls(\?|$)/;

const urlOf = (input: RequestInfo | URL): string =>
  input instanceof Request ? input.url : input instanceof URL ? input.href : input;

/**
 * `count` drafts of the regional council (another organisation than the ministry, which other tests fill),
 * so that it has more calls than two pages of two hold, whatever else it has.
 */
async function regionDrafts(client: BaseClient, count: number): Promise<void> {
  for (let i = 0; i < count; i++) await client.request(createCallRef, { body: {} });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const $ = <E extends Element = HTMLElement>(el: NassijCallManager, selector: string): E => {
  const found = el.shadowRoot?.querySelector<E>(selector);
  if (!found) throw new Error(`no ${selector}`);
  return found;
};

/** Presses Tab (Shift+Tab backwards) until `selector` has the focus; fails after `max` presses. */
async function tabTo(
  el: NassijCallManager,
  selector: string,
  { back = false, max = 60 } = {},
): Promise<void> {
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

/**
 * A call of the demo ministry of its own (tests sharing the server never meet), published to open a few
 * seconds from now, asking one review per application; once it is open, the demo representative's
 * association applies with its statutes. The server's clock is the real one: waiting is the only way in.
 */
async function ministryCallWithApplication(
  manager: BaseClient,
): Promise<{ call: Call; applicationId: string }> {
  const fields = completeCallFields(new Date());
  const opensAt = new Date(Date.now() + 4000).toISOString().replace(/\.\d+Z$/, 'Z');
  const draft = await manager.request(createCallRef, {
    body: {
      ...fields,
      dates: { ...fields.dates!, opensAt },
      review: { reviewsPerApplication: 1, appealDays: 15 },
    },
  });
  await manager.request(publishCallRef, { params: { callId: draft.id } });
  let call = await manager.request(getCallRef, { params: { callId: draft.id } });
  for (let i = 0; i < 40 && call.status !== 'open'; i++) {
    await sleep(500);
    call = await manager.request(getCallRef, { params: { callId: draft.id } });
  }
  expect(call.status, 'the call opened').to.equal('open');

  const representative = await signedIn(REPRESENTATIVE);
  const started = await representative.request(startApplicationRef, {
    body: { callId: call.id, associationId: FIXTURES.associations.represented },
  });
  const pdf = new TextEncoder().encode(
    '%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
  );
  await uploadFile(representative.transport, uploadAttachmentRef, {
    params: { applicationId: started.id },
    file: new File([pdf], 'statuts.pdf', { type: 'application/pdf' }),
    fields: { documentId: 'statutes' },
  });
  await representative.transport.opWithEtag(
    updateApplicationRef,
    {
      params: { applicationId: started.id },
      body: { projectTitle: 'Ateliers numériques', answers: { project_title: 'Ateliers numériques' } },
    },
    { ifMatch: '*' },
  );
  await representative.request(submitApplicationRef, { params: { applicationId: started.id } });
  return { call, applicationId: started.id };
}

async function manager(
  lang: string,
  client: BaseClient,
  organisationId?: string,
): Promise<NassijCallManager> {
  const el = await fixture<NassijCallManager>(
    html`<nassij-call-manager lang=${lang} organisation-id=${ifDefined(organisationId)} .client=${client}></nassij-call-manager>`,
  );
  return el;
}

describe('<nassij-call-manager>', () => {
  it('has every message in every locale', async () => {
    expect(await catalogProblems(callManagerMessages)).to.deep.equal([]);
  });

  it('keyboard only: assigns a reviewer, checks eligibility, is refused a decision while open, decides, publishes', async function () {
    this.timeout(120000);
    const client = await signedIn(MANAGER);
    const { call, applicationId } = await ministryCallWithApplication(client);
    // No organisation named: the signed-in manager's own.
    const el = await fixture<NassijCallManager>(
      html`<nassij-call-manager lang="fr" .client=${client}></nassij-call-manager>`,
    );
    await waitUntil(() => el.calls?.some((c) => c.id === call.id), 'the new call is listed', T);
    await el.updateComplete;
    await el.whenMessagesReady();
    const row = $(el, `li[data-call="${call.id}"]`);
    expect(row.textContent).to.contain('En attente du contrôle de recevabilité : 1');
    expect(row.textContent).to.contain('Évaluateurs : 0');
    await expect(el).to.be.accessible(A11Y);

    // Through the list to the call, by keyboard.
    $(el, 'h2').focus();
    // Other tests may add calls of the ministry meanwhile: the list may be long.
    await tabTo(el, `button[data-manage="${call.id}"]`, { max: 300 });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => el.desk?.call.id === call.id, 'the desk opened', T);
    // The desk's view may still be on its way (a lazy chunk): focus lands on its heading once it is drawn.
    await waitUntil(
      () =>
        el.shadowRoot?.querySelector('#cm-desk-h') &&
        deepActive() === el.shadowRoot.querySelector('#cm-desk-h'),
      'focus on the desk heading',
      T,
    );
    expect(deepActive()).to.equal($(el, '#cm-desk-h'));

    // Reviewers: tick the ministry's reviewer, save.
    const box = `#rv-${FIXTURES.accounts.ministryReviewer}`;
    await tabTo(el, box);
    await sendKeys({ press: 'Space' });
    expect($<HTMLInputElement>(el, box).checked).to.equal(true);
    await tabTo(el, 'button.save-reviewers');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => el.notice?.scope === 'reviewers', 'the reviewers were saved', T);
    const assigned = await client.request(listCallReviewersRef, { params: { callId: call.id } });
    expect(assigned.items.map((r) => r.accountId)).to.deep.equal([FIXTURES.accounts.ministryReviewer]);
    await expect(el).to.be.accessible(A11Y);

    // Eligibility: "not admissible" without a reason is our own message, by the field; then admissible.
    const check = `ck-${applicationId}`;
    await tabTo(el, `#${CSS.escape(`${check}-yes`)}`);
    await sendKeys({ press: 'ArrowDown' });
    expect($<HTMLInputElement>(el, `#${CSS.escape(`${check}-no`)}`).checked).to.equal(true);
    await tabTo(el, `li[data-application="${applicationId}"] button.record-check`);
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(deepActive()).to.equal($(el, `#${CSS.escape(`${check}-reason`)}`));
    expect($(el, `#${CSS.escape(`${check}-reason-error`)}`).textContent).to.equal(
      'Indiquez pourquoi la demande n’est pas recevable.',
    );
    await tabTo(el, `#${CSS.escape(`${check}-no`)}`, { back: true });
    await sendKeys({ press: 'ArrowUp' });
    await tabTo(el, `li[data-application="${applicationId}"] button.record-check`);
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => el.desk?.underReview.some((a) => a.id === applicationId), 'now under review', T);
    await el.updateComplete;
    expect(deepActive()).to.equal($(el, '#cm-check-h'));
    expect(el.shadowRoot!.querySelector(`.queue li[data-application="${applicationId}"]`)).to.equal(null);
    const board = $(el, `.board li[data-application="${applicationId}"]`);
    expect(board.querySelector('.reviews')?.textContent).to.equal('0 évaluation');
    expect(board.querySelector('.average')?.textContent).to.equal('Pas encore de note');

    // A decision while the call is open: the platform refuses, in French.
    await tabTo(el, `button[data-decide="${applicationId}"]`);
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect($(el, `button[data-decide="${applicationId}"]`).getAttribute('aria-expanded')).to.equal('true');
    await tabTo(el, '#dc-amount');
    await sendKeys({ type: '10' });
    await tabTo(el, 'button.record-decision');
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    // Below the call's smallest award: our message, naming the range.
    expect(deepActive()).to.equal($(el, '#dc-amount'));
    expect($(el, '#dc-amount-error').textContent).to.contain(el.fmt.money(call.budget.minAward!));
    await sendKeys({ press: 'Backspace' });
    await sendKeys({ press: 'Backspace' });
    await sendKeys({ type: '50000' });
    await tabTo(el, '#dc-conditions');
    await sendKeys({ type: 'Rapport final sous 12 mois' });
    await tabTo(el, 'button.record-decision');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => el.actionError?.code === 'call_still_open', 'refused while open', T);
    await waitUntil(() => el.shadowRoot?.querySelector('form.decision .error')?.textContent, 'shown', T);
    expect($(el, 'form.decision .error').textContent).to.contain('encore ouvert');
    await expect(el).to.be.accessible(A11Y);

    // The call closes (by the SDK) and the assigned reviewer reviews, after declaring.
    await client.request(closeCallRef, {
      params: { callId: call.id },
      body: { reason: { ar: 'إغلاق للاختبار', fr: 'Clôture pour le test' } },
    });
    const reviewer = await signedIn(MINISTRY_REVIEWER);
    await reviewer.request(declareConflictRef, { params: { applicationId }, body: { declared: false } });
    await reviewer.request(submitReviewRef, {
      params: { applicationId },
      body: {
        conflictOfInterest: { declared: false },
        scores: call.criteria.map((c) => ({ criterionId: c.id, score: c.maxScore })),
      },
    });
    await el.refresh();
    await el.updateComplete;
    const listed = await client.request(listCallApplicationsRef, {
      params: { callId: call.id },
      query: { status: ['under_review'] },
    });
    const average = listed.items.find((a) => a.id === applicationId)?.averageScore;
    expect(average).to.be.a('number');
    expect($(el, `.board li[data-application="${applicationId}"] .reviews`).textContent).to.equal(
      '1 évaluation',
    );
    expect($(el, `.board li[data-application="${applicationId}"] .average`).textContent).to.equal(
      `Note moyenne : ${el.fmt.number(Math.round(average! * 10) / 10)}`,
    );

    // The same form, sent again: the decision is recorded.
    await tabTo(el, 'button.record-decision');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => el.notice?.scope === 'decisions', 'decided', T);
    await el.updateComplete;
    expect(deepActive()).to.equal($(el, '#cm-decisions-h'));
    const decided = await client.request(getApplicationRef, { params: { applicationId } });
    expect(decided.decision?.outcome).to.equal('awarded');
    expect(decided.decision?.amount?.amount).to.match(/^50000/);
    expect(decided.decision?.conditions).to.equal('Rapport final sous 12 mois');

    // Results.
    await tabTo(el, 'button.publish-results');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => el.desk?.call.status === 'awarded', 'results published', T);
    await el.updateComplete;
    expect(deepActive()).to.equal($(el, '#cm-results-h'));
    expect($(el, '.published').textContent).to.equal('Les résultats de cet appel sont publiés.');
    const awards = await client.request(listCallAwardsRef, { params: { callId: call.id } });
    expect(awards.items.map((a) => a.applicationId)).to.deep.equal([applicationId]);

    // Back to the list: focus on the call's button, its counts reloaded.
    $(el, 'button.back').click();
    await waitUntil(
      () => deepActive() === el.shadowRoot?.querySelector(`button[data-manage="${call.id}"]`),
      'focus',
      T,
    );
    expect($(el, `li[data-call="${call.id}"]`).textContent).to.contain('Décidées : 1');
  });

  it('the reviewer picker follows the staff list page after page: every reviewer it may assign', async () => {
    // Pages of one reviewer each, so that the demo's pool (the ministry's reviewer and the independent
    // one) takes several requests, as a national pool of thousands takes several pages of 100.
    const staffRequests: string[] = [];
    const onePerPage: typeof fetch = (input, init) => {
      const url = new URL(urlOf(input));
      if (/\/v1\/organisations\/[^/]+\/staff$/.test(url.pathname)) {
        url.searchParams.set('limit', '1');
        staffRequests.push(url.search);
        return fetch(input instanceof Request ? new Request(url, input) : url, init);
      }
      return fetch(input, init);
    };
    const client = newClient(onePerPage);
    await client.auth.signIn(...MANAGER);
    const el = await manager('fr', client);
    await waitUntil(() => el.calls, 'the list loaded', T);
    await el.open(FIXTURES.calls.underReview);
    await waitUntil(() => el.desk?.call.id === FIXTURES.calls.underReview, 'the desk opened', T);
    const pool = el.desk!.pool.map((person) => person.accountId);
    expect(pool).to.include.members([FIXTURES.accounts.ministryReviewer, FIXTURES.accounts.reviewer]);
    expect(new Set(pool).size).to.equal(pool.length);
    // One request per reviewer at most one page each, the last page without a cursor.
    expect(staffRequests.length).to.be.at.least(pool.length);
    expect(staffRequests.every((search) => search.includes('role=reviewer'))).to.equal(true);
    await el.updateComplete;
    for (const id of pool) expect(el.shadowRoot!.querySelector(`#rv-${id}`)).to.not.equal(null);
  });

  it('staff of another organisation see that the workspace is not theirs, not a blank widget', async () => {
    const el = await manager('en', await signedIn(REGION_MANAGER), FIXTURES.organisations.ministry);
    await waitUntil(() => el.shadowRoot?.querySelector('[data-state="forbidden"]'), 'not allowed', T);
    await el.whenMessagesReady();
    const block = $(el, '[data-state="forbidden"]');
    expect(block.getAttribute('role')).to.equal('alert');
    expect(block.textContent?.trim()).to.equal(el.t('cm.forbidden'));
    expect(block.textContent).to.contain('Your account cannot manage the calls of this organisation');
    // No retry that could only fail again, no sign-in offered to someone signed in.
    expect(el.shadowRoot!.querySelector('button')).to.equal(null);
    await expect(el).to.be.accessible(A11Y);
  });

  it('Arabic: right to left, the list mirrored, every word Arabic', async () => {
    // Published calls only: drafts other tests create would otherwise fill the first page.
    const el = await fixture<NassijCallManager>(
      html`<nassij-call-manager lang="ar" call-state="published" organisation-id=${FIXTURES.organisations.ministry}
        .client=${await signedIn(MANAGER)}></nassij-call-manager>`,
    );
    await waitUntil(() => el.calls?.some((c) => c.state === 'published'), 'listed', T);
    await el.updateComplete;
    expect(el.getAttribute('dir')).to.equal('rtl');
    expect(getComputedStyle($(el, 'ul.calls')).direction).to.equal('rtl');
    const published = el.calls!.find((c) => c.state === 'published')!;
    const manage = $(el, `button[data-manage="${published.id}"]`).getBoundingClientRect();
    const edit = $(el, `button[data-edit="${published.id}"]`).getBoundingClientRect();
    // The first action sits at the inline start, the right in Arabic.
    expect(manage.left).to.be.greaterThan(edit.left);
    const title = $(el, 'h2').getBoundingClientRect();
    const section = $(el, 'section').getBoundingClientRect();
    expect(Math.round(section.right - title.right)).to.equal(0);
    expect($(el, 'h2').textContent).to.equal('إعلانات طلبات الدعم للإدارة');
    // The attribute's state is the filter's choice, and every call listed is in it.
    expect($<HTMLSelectElement>(el, '#cm-state').value).to.equal('published');
    expect(el.calls!.every((c) => c.state === 'published')).to.equal(true);
    expect(el.shadowRoot!.textContent).not.to.match(/cm\.|status\./);
    await expect(el).to.be.accessible(A11Y);
  });

  it('"Edit" fires nassij-call-edit with the call, for the page to open its editor', async () => {
    const el = await manager('fr', await signedIn(MANAGER), FIXTURES.organisations.ministry);
    await waitUntil(() => el.calls?.length, 'listed', T);
    await el.updateComplete;
    const first = el.calls![0]!;
    let detail: { callId: string } | undefined;
    el.addEventListener('nassij-call-edit', (event) => {
      detail = event.detail;
    });
    $(el, `button[data-edit="${first.id}"]`).focus();
    await sendKeys({ press: 'Enter' });
    expect(detail).to.deep.equal({ callId: first.id });
  });

  it('data mode in Arabic at 320 px: the desk and an open decision form reflow, mirrored, and pass axe', async () => {
    // The desk of a seeded call as its organisation's admin sees it, then shown by a page that sets the data.
    const admin = await signedIn(['admin@demo.nassij.ma', 'demo-admin-2026']);
    const callId = FIXTURES.calls.underReview;
    const call = await admin.request(getCallRef, { params: { callId } });
    const listed = await admin.request(listCallApplicationsRef, { params: { callId }, query: { limit: 5 } });
    const desk = {
      call,
      reviewers: [],
      pool: [],
      awaitingCheck: listed.items.slice(0, 1),
      underReview: listed.items.slice(1, 3),
    };
    const el = await fixture<NassijCallManager>(
      html`<nassij-call-manager lang="ar" .calls=${[]} .desk=${desk}
        style="display: block; inline-size: 320px; overflow: auto"></nassij-call-manager>`,
    );
    await waitUntil(() => el.shadowRoot?.querySelector('#cm-desk-h'), 'the desk view loaded', T);
    el.deciding = desk.underReview[0]!.id;
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('form.decision')).to.exist;
    expect(el.scrollWidth).to.be.at.most(el.clientWidth);
    expect(getComputedStyle($(el, 'form.decision')).direction).to.equal('rtl');
    // Radios sit at the inline start: on the right of their label in Arabic.
    const radio = $(el, '#dc-awarded').getBoundingClientRect();
    const label = $(el, 'label[for="dc-awarded"]').getBoundingClientRect();
    expect(radio.left).to.be.greaterThan(label.left);
    expect($(el, 'label[for="dc-amount"]').textContent).to.equal('المبلغ الممنوح (درهم)');
    // A rejection needs its reason: our message, by the field, focused.
    $(el, '#dc-rejected').click();
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('#dc-amount')).to.equal(null);
    $(el, 'button.record-decision').click();
    await waitUntil(() => el.fieldError === 'dc-reason', 'our own check', T);
    await el.updateComplete;
    expect(deepActive()).to.equal($(el, '#dc-reason'));
    expect($(el, '#dc-reason-error').textContent).to.equal('اكتبوا سبب رفض الطلب.');
    await expect(el).to.be.accessible(A11Y);
  });

  it('keyboard only: "Load more" adds a page, focuses its first call and says how many; asked twice, asks once; the filter starts again from the first page', async function () {
    this.timeout(60000);
    let pages = 0;
    const client = newClient((input, init) => {
      if (CALL_PAGE.test(urlOf(input))) pages += 1;
      return fetch(input, init);
    });
    await client.auth.signIn(...REGION_MANAGER);
    await regionDrafts(client, 7);
    const el = await fixture<NassijCallManager>(
      html`<nassij-call-manager lang="fr" page-size="2" .client=${client}></nassij-call-manager>`,
    );
    await waitUntil(() => el.calls?.length === 2, 'the first page', T);
    await el.updateComplete;
    await el.whenMessagesReady();
    const firstPage = el.calls!.map((call) => call.id);
    expect($(el, '.more .shown').textContent).to.equal('2 appels affichés, d’autres suivent');
    await expect(el).to.be.accessible(A11Y);

    // By keyboard to "Load more": the next two calls come below, and the first of them has the focus.
    $(el, 'h2').focus();
    await tabTo(el, 'button.load-more');
    expect($(el, 'button.load-more').textContent?.trim()).to.equal('Afficher plus');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => el.calls?.length === 4, 'the second page', T);
    await el.updateComplete;
    const ids = el.calls!.map((call) => call.id);
    expect(ids.slice(0, 2)).to.deep.equal(firstPage);
    const added = ids[2]!;
    expect(deepActive()).to.equal($(el, `li[data-call="${added}"] h3`));
    expect(el.announcer.message).to.contain('2 appels ajoutés.').and.to.contain('4 appels affichés');
    expect($(el, '.more .shown').textContent).to.equal('4 appels affichés, d’autres suivent');
    // Tab goes on to that call's buttons.
    await sendKeys({ press: 'Tab' });
    expect(deepActive()?.closest('li[data-call]')).to.equal($(el, `li[data-call="${added}"]`));

    // "Load more" twice before the answer: one request, no row twice, in the API's order.
    const before = pages;
    await Promise.all([el.loadMore(), el.loadMore()]);
    expect(pages - before).to.equal(1);
    const listed = await client.request(listManagedCallsRef, {
      params: { organisationId: FIXTURES.organisations.regionalCouncil },
      query: { limit: 6 },
    });
    expect(el.calls!.map((call) => call.id)).to.deep.equal(listed.items.map((call) => call.id));
    expect(el.shadowRoot!.querySelectorAll('ul.calls > li')).to.have.length(6);

    // The filter, by keyboard: drafts only, from the first page again; the focus stays on the filter.
    await tabTo(el, '#cm-state', { back: true, max: 80 });
    await sendKeys({ press: 'ArrowDown' });
    await waitUntil(() => el.callState === 'draft' && el.calls?.length === 2, 'the drafts’ first page', T);
    await el.updateComplete;
    const drafts = await client.request(listManagedCallsRef, {
      params: { organisationId: FIXTURES.organisations.regionalCouncil },
      query: { state: ['draft'], limit: 2 },
    });
    expect(el.calls!.map((call) => call.id)).to.deep.equal(drafts.items.map((call) => call.id));
    expect(el.shadowRoot!.querySelectorAll('ul.calls > li[data-state="draft"]')).to.have.length(2);
    expect(deepActive()).to.equal($(el, '#cm-state'));
    expect(el.announcer.message).to.contain('2 appels affichés, d’autres suivent');
    await expect(el).to.be.accessible(A11Y);

    // Data mode: the page's calls, neither filter nor "Load more".
    const data = await fixture<NassijCallManager>(
      html`<nassij-call-manager lang="fr" .calls=${listed.items}></nassij-call-manager>`,
    );
    await data.updateComplete;
    expect(data.shadowRoot!.querySelectorAll('ul.calls > li')).to.have.length(6);
    expect(data.shadowRoot!.querySelector('#cm-state')).to.equal(null);
    expect(data.shadowRoot!.querySelector('.more')).to.equal(null);
  });

  it('Arabic: a page that fails keeps the calls shown, says why, and the same button retries; mirrored', async function () {
    this.timeout(60000);
    let failNext = false;
    const client = newClient((input, init) => {
      const url = urlOf(input);
      if (failNext && CALL_PAGE.test(url) && url.includes('cursor=')) {
        failNext = false;
        const body = { type: 'about:blank', title: 'unavailable', status: 503, code: 'unavailable' };
        return Promise.resolve(
          new Response(JSON.stringify(body), {
            status: 503,
            headers: { 'content-type': 'application/problem+json' },
          }),
        );
      }
      return fetch(input, init);
    });
    await client.auth.signIn(...REGION_MANAGER);
    await regionDrafts(client, 3);
    const el = await fixture<NassijCallManager>(
      html`<nassij-call-manager lang="ar" page-size="2" .client=${client}></nassij-call-manager>`,
    );
    await waitUntil(() => el.calls?.length === 2, 'the first page', T);
    await el.updateComplete;
    await el.whenMessagesReady();
    const firstPage = el.calls!.map((call) => call.id);

    failNext = true;
    $(el, 'button.load-more').focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => el.shadowRoot?.querySelector('.more [role="alert"]')?.textContent, 'said', T);
    await el.updateComplete;
    expect(el.calls!.map((call) => call.id)).to.deep.equal(firstPage);
    expect(el.shadowRoot!.querySelectorAll('ul.calls > li')).to.have.length(2);
    expect($(el, '.more [role="alert"]').textContent).to.equal('المنصة غير متاحة حاليًا. حاول مجددًا لاحقًا.');
    expect(deepActive()).to.equal($(el, 'button.load-more'));
    expect($(el, 'button.load-more').textContent?.trim()).to.equal('إعادة المحاولة');
    await expect(el).to.be.accessible(A11Y);

    await sendKeys({ press: 'Enter' });
    await waitUntil(() => el.calls?.length === 4, 'the second page', T);
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('.more [role="alert"]')).to.equal(null);
    expect(deepActive()).to.equal($(el, `li[data-call="${el.calls![2]!.id}"] h3`));
    expect($(el, '.more .shown').textContent).to.equal('4 إعلانات معروضة، وهناك المزيد');
    expect(el.announcer.message).to.contain('أُضيف إعلانان.');
    expect($(el, 'button.load-more').textContent?.trim()).to.equal('عرض المزيد');
    // Right to left: the filter and "Load more" start at the right.
    expect(getComputedStyle($(el, '.more')).direction).to.equal('rtl');
    const section = $(el, 'section').getBoundingClientRect();
    expect(Math.round(section.right - $(el, 'button.load-more').getBoundingClientRect().right)).to.equal(0);
    expect(Math.round(section.right - $(el, '#cm-state').getBoundingClientRect().right)).to.equal(0);
    expect($(el, 'label[for="cm-state"]').textContent).to.equal('عرض');
    await expect(el).to.be.accessible(A11Y);
  });

  it('signed out: offers sign-in and asks nothing', async () => {
    let requests = 0;
    const client = newClient((input, init) => {
      requests += 1;
      return fetch(input, init);
    });
    const el = await manager('zgh', client);
    await el.updateComplete;
    expect(requests).to.equal(0);
    expect($(el, '.sign-in').textContent).to.contain(el.t('cm.signIn'));
    await expect(el).to.be.accessible(A11Y);
  });
});
