import {
  type Application,
  type ApplicationSummary,
  type FormField,
  fileTypeName,
  getApplicationRef,
  regionName,
  searchAwardsRef,
} from '@nassij/contract';
import { type BaseClient, createBaseClient, createClient, type NassijClient } from '@nassij/sdk';
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import { API_BASE } from '/__nassij__/env.js';
import { completeCallFields } from '../../../server/src/areas/calls/fixtures.js';
import { catalogProblems } from '../i18n/catalogs.js';
import { FIXTURES } from '../test-support/fixtures.js';
import { deepActive } from '../test-support/focus.js';
import './define.js';
import { fileSize } from '../i18n/file-size.js';
import type { NassijReviewPanel } from './nassij-review-panel.js';
import { reviewPanelMessages } from './review-panel.messages.js';
import { AWAITING_CHECK } from './stages.js';

/** Under review: every application was found admissible; the demo reviewer is assigned to it. */
const CALL = FIXTURES.calls.underReview;
const A11Y = { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] };
const T = { timeout: 15000 };
const REVIEWER = { email: 'reviewer@demo.nassij.ma', password: 'demo-reviewer-2026' };
const MANAGER = ['ministry-manager@demo.nassij.ma', 'demo-ministry-manager-2026'] as const;
const REPRESENTATIVE = ['representative@demo.nassij.ma', 'demo-representative-2026'] as const;
const ADMIN = ['admin@demo.nassij.ma', 'demo-admin-2026'] as const;

const newClient = (fetchImpl?: typeof fetch): BaseClient =>
  createBaseClient({ baseUrl: API_BASE, retry: { limit: 0 }, ...(fetchImpl ? { fetch: fetchImpl } : {}) });

async function reviewer(fetchImpl?: typeof fetch): Promise<BaseClient> {
  const client = newClient(fetchImpl);
  await client.auth.signIn(REVIEWER.email, REVIEWER.password);
  return client;
}

/** A full client (calls, applications, reviews), for what the tests set up through the API. */
async function full([email, password]: readonly [string, string]): Promise<NassijClient> {
  const client = createClient({ baseUrl: API_BASE, retry: { limit: 0 } });
  await client.auth.signIn(email, password);
  return client;
}

/** Every request a client makes, as `METHOD path`, for tests that check what was (not) asked. */
function recording(): { fetch: typeof fetch; requests: string[] } {
  const requests: string[] = [];
  return {
    requests,
    fetch: (input, init) => {
      const request = new Request(input, init);
      requests.push(`${request.method} ${new URL(request.url).pathname}`);
      return fetch(request);
    },
  };
}

const $ = <T extends Element = HTMLElement>(el: NassijReviewPanel, selector: string): T => {
  const found = el.shadowRoot?.querySelector<T>(selector);
  if (!found) throw new Error(`no ${selector}`);
  return found;
};

async function panel(lang: string, client?: BaseClient, call: string = CALL): Promise<NassijReviewPanel> {
  const el = await fixture<NassijReviewPanel>(
    html`<nassij-review-panel lang=${lang} call=${call} .client=${client ?? (await reviewer())}></nassij-review-panel>`,
  );
  await waitUntil(() => el.applications?.length, 'listing', T);
  await el.updateComplete;
  return el;
}

/** Presses Tab until `selector` has the focus; fails after `max` presses. */
async function tabTo(el: NassijReviewPanel, selector: string, max = 40): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (deepActive() === el.shadowRoot?.querySelector(selector)) return;
    await sendKeys({ press: 'Tab' });
  }
  throw new Error(`Tab never reached ${selector}; focus is on ${deepActive()?.outerHTML.slice(0, 120)}`);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The bytes of the statutes the representative uploads: a one-page PDF, checked back byte for byte. */
const STATUTES = new TextEncoder().encode(
  '%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
);

/**
 * A call of the demo ministry of its own (tests sharing the server never meet): published to open a few
 * seconds from now (the server's clock is the real one: waiting is the only way in), asking one review per
 * application, the demo reviewer assigned; once open, the demo representative's association applies with
 * its statutes, and the ministry's call manager finds the application admissible.
 */
async function ministryCallUnderReview(): Promise<{
  manager: NassijClient;
  callId: string;
  applicationId: string;
  projectTitle: string;
}> {
  const manager = await full(MANAGER);
  const fields = completeCallFields(new Date());
  const opensAt = new Date(Date.now() + 4000).toISOString().replace(/\.\d+Z$/, 'Z');
  const draft = await manager.calls.create({
    ...fields,
    dates: { ...fields.dates!, opensAt },
    review: { reviewsPerApplication: 1, appealDays: 15 },
  });
  await manager.calls.publish(draft.id);
  await manager.calls.setReviewers(draft.id, [FIXTURES.accounts.reviewer]);
  for (let i = 0; i < 40 && (await manager.calls.get(draft.id)).status !== 'open'; i++) await sleep(500);

  const representative = await full(REPRESENTATIVE);
  const started = await representative.applications.start({
    callId: draft.id,
    associationId: FIXTURES.associations.represented,
  });
  await representative.applications.upload(started.id, {
    documentId: 'statutes',
    file: new File([STATUTES], 'statuts.pdf', { type: 'application/pdf' }),
  });
  const projectTitle = 'Ateliers numériques au douar';
  const { etag } = await representative.applications.getWithEtag(started.id);
  await representative.applications.update(
    started.id,
    { projectTitle, answers: { project_title: projectTitle } },
    { ifMatch: etag },
  );
  await representative.applications.submit(started.id);
  await manager.reviews.checkEligibility(started.id, { admissible: true });
  return { manager, callId: draft.id, applicationId: started.id, projectTitle };
}

/** Seeded applications under review the demo reviewer has not declared on yet. */
const undeclared = (el: NassijReviewPanel): ApplicationSummary[] =>
  el.applications!.filter((a) => a.myDeclaration === 'none' && a.status === 'under_review');

describe('<nassij-review-panel>', () => {
  it('has every message in every locale', async () => {
    expect(await catalogProblems(reviewPanelMessages)).to.deep.equal([]);
  });

  it('lists each application with its stage and the reviewer’s declaration, in Arabic, right to left', async () => {
    const el = await panel('ar');
    await expect(el).to.be.accessible(A11Y);
    expect(el.readerRole).to.equal('reviewer');
    const items = el.applications!;
    for (const a of items.filter((item) => !AWAITING_CHECK.includes(item.status))) {
      const li = $(el, `li[data-application="${a.id}"]`);
      expect(a.myDeclaration, a.id).to.be.oneOf(['none', 'no_conflict', 'conflict']);
      expect(li.querySelector('.declaration')?.textContent).to.equal(
        el.t(`rp.declaration.${a.myDeclaration}`),
      );
      expect(li.querySelector('.status')?.textContent).to.equal(el.t(`rp.status.${a.status}`));
    }
    const underReview = items.filter((a) => a.status === 'under_review').length;
    expect($(el, '[data-stage="review"]').textContent).to.equal(
      el.t('rp.stage.review', { count: underReview }),
    );
    expect(el.shadowRoot!.querySelector('form.decision')).to.equal(null);
    // Right to left: the list's buttons start at the right edge of the list.
    expect(getComputedStyle($(el, 'section')).direction).to.equal('rtl');
    const list = $(el, 'ul.apps').getBoundingClientRect();
    const button = $(el, 'ul.apps button').getBoundingClientRect();
    expect(Math.abs(button.right - list.right)).to.be.below(2);
    const meta = [...$(el, 'ul.apps .meta').children].map((c) => c.getBoundingClientRect());
    expect(meta[0]!.left, 'the status comes first, at the right').to.be.greaterThan(meta[1]!.left);
  });

  it('shows the eligibility stage: a reviewer cannot open an application awaiting the check, and is told why', async () => {
    const { fetch: spy, requests } = recording();
    const el = await panel('fr', await reviewer(spy), FIXTURES.calls.closedReceived);
    const awaiting = el.applications!.filter((a) => AWAITING_CHECK.includes(a.status));
    expect(awaiting.length).to.be.greaterThan(0);
    expect($(el, '[data-stage="awaiting"]').textContent).to.equal(
      el.t('rp.stage.awaiting', { count: awaiting.length }),
    );
    for (const a of awaiting) {
      const li = $(el, `li[data-application="${a.id}"]`);
      expect(li.querySelector('button'), a.id).to.equal(null);
      expect(li.querySelector('[data-note="awaiting-check"]')?.textContent).to.equal(
        el.t('rp.awaitingCheck'),
      );
      expect(li.querySelector('.status')?.textContent).to.equal(el.t(`rp.status.${a.status}`));
    }
    const before = requests.length;
    await el.open(awaiting[0]!.id);
    await el.updateComplete;
    expect(requests.length, 'no request').to.equal(before);
    expect(el.declaring).to.equal(undefined);
    expect(el.shadowRoot!.querySelector('form.declaration')).to.equal(null);
    await expect(el).to.be.accessible(A11Y);
  });

  describe('a call of its own, from the declaration to the decision', () => {
    let setup: Awaited<ReturnType<typeof ministryCallUnderReview>>;
    before(async function () {
      this.timeout(60000);
      setup = await ministryCallUnderReview();
    });

    it('keyboard only: declares no conflict before seeing anything, downloads the statutes, scores and sends', async function () {
      this.timeout(60000);
      const { fetch: spy, requests } = recording();
      const el = await panel('en', await reviewer(spy), setup.callId);
      const summary = el.applications!.find((a) => a.id === setup.applicationId)!;
      expect(summary.myDeclaration).to.equal('none');
      expect($(el, `li[data-application="${summary.id}"] .declaration`).textContent).to.equal(
        el.t('rp.declaration.none'),
      );

      $(el, `button[data-open="${summary.id}"]`).focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => el.shadowRoot?.querySelector('form.declaration'), 'no declaration step', T);
      await el.updateComplete;
      expect(deepActive()).to.equal($(el, 'h3[tabindex]'));
      // Only who applies and the project's title: no answers, no files, and the application was not asked.
      expect($(el, 'dl.declaring').textContent).to.contain(setup.projectTitle);
      expect(el.shadowRoot!.querySelector('.answers, .attachments, form.review')).to.equal(null);
      expect(requests.some((r) => r.startsWith(`GET /v1/applications/${summary.id}`))).to.equal(false);
      await expect(el).to.be.accessible(A11Y);

      // Sending without an answer: our message, focus on the first answer.
      await tabTo(el, 'button.declare');
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect($(el, '#coi-choose-error').textContent).to.equal(el.t('rp.declare.choose'));
      expect(deepActive()).to.equal($(el, '#coi-none'));
      await sendKeys({ press: 'Space' });
      await el.updateComplete;
      expect(el.conflict).to.equal('none');
      await sendKeys({ press: 'Tab' });
      expect(deepActive()).to.equal($(el, 'button.declare'));
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => el.application?.id === summary.id, 'not opened after declaring', T);
      await el.updateComplete;
      expect(requests).to.include(`PUT /v1/applications/${summary.id}/conflict-declaration`);
      expect(deepActive()).to.equal($(el, 'h3[tabindex]'));
      expect(el.applications!.find((a) => a.id === summary.id)?.myDeclaration).to.equal('no_conflict');
      expect(el.shadowRoot!.querySelector('.answers')).to.exist;

      // The statutes come through the client, byte for byte what was uploaded.
      const blobs: Blob[] = [];
      const create = URL.createObjectURL;
      URL.createObjectURL = (blob: Blob | MediaSource) => {
        blobs.push(blob as Blob);
        return create(blob);
      };
      try {
        const attachment = el.application!.attachments[0]!;
        await tabTo(el, `button[data-download="${attachment.id}"]`);
        expect(deepActive()?.textContent).to.equal(el.t('rp.download', { name: 'statuts.pdf' }));
        await sendKeys({ press: 'Enter' });
        await waitUntil(() => blobs.length === 1, 'nothing downloaded', T);
        expect(requests).to.include(`GET /v1/applications/${summary.id}/attachments/${attachment.id}`);
        expect(new Uint8Array(await blobs[0]!.arrayBuffer())).to.deep.equal(STATUTES);
      } finally {
        URL.createObjectURL = create;
      }

      for (const c of el.callData!.criteria) {
        await sendKeys({ press: 'Tab' });
        expect(deepActive()).to.equal($(el, `#s-${c.id}-0`));
        for (let s = 0; s < c.maxScore; s++) await sendKeys({ press: 'ArrowDown' });
        expect($<HTMLInputElement>(el, `#s-${c.id}-${c.maxScore}`).checked).to.equal(true);
      }
      await sendKeys({ press: 'Tab' });
      expect(deepActive()).to.equal($(el, '#rp-comment'));
      await sendKeys({ type: 'Clear plan.' });
      await sendKeys({ press: 'Tab' });
      expect(deepActive()).to.equal($(el, 'button.submit-review'));
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => el.reviewed, 'review not recorded', T);
      await el.updateComplete;
      expect(deepActive()).to.equal($(el, '#rp-review-h'));
      // Reviewers no longer decide.
      expect(el.shadowRoot!.querySelector('form.decision, #rp-decision-h')).to.equal(null);
      await expect(el).to.be.accessible(A11Y);
    });

    it('the call manager decides once the call is closed; the award is public with the results', async function () {
      this.timeout(60000);
      const { manager, callId, applicationId } = setup;
      const el = await panel('fr', manager, callId);
      expect(el.readerRole).to.equal('staff');
      await el.open(applicationId);
      await el.updateComplete;
      expect($(el, '.progress').textContent).to.equal(
        el.t('rp.reviewsList.progress', { count: 1, needed: 1 }),
      );
      expect(el.shadowRoot!.querySelector('form.review')).to.equal(null);
      await expect(el).to.be.accessible(A11Y);

      $<HTMLInputElement>(el, '#d-amount').value = '45000';
      $(el, 'button.decide').click();
      await waitUntil(() => el.actionError, 'not refused', T);
      await el.updateComplete;
      // Refused while the call is open, said in French with its closing date.
      expect(el.actionError).to.equal('call_still_open');
      expect($(el, '#rp-decision-error').textContent).to.equal(
        el.t('rp.decision.callStillOpen', { date: el.fmt.date(el.callData!.dates.closes!.at) }),
      );

      await manager.calls.close(callId, { ar: 'إغلاق مبكر للاختبار', fr: 'Clôture anticipée' });
      $(el, 'button.decide').click();
      await waitUntil(() => el.application?.decision, 'not decided', T);
      await el.updateComplete;
      expect(el.application?.decision?.amount?.amount).to.match(/^45000/);
      expect(deepActive()).to.equal($(el, '#rp-decision-h'));
      expect($(el, '.decided').textContent).to.contain(el.t('rp.decision.awarded'));
      const awards = () => manager.request(searchAwardsRef, { query: { callId } });
      expect((await awards()).items.some((a) => a.applicationId === applicationId)).to.equal(false);
      await manager.calls.publishResults(callId);
      expect(
        (await awards()).items.some(
          (a) => a.applicationId === applicationId && a.amount.amount.startsWith('45000'),
        ),
      ).to.equal(true);
    });
  });

  it('a declared conflict, with its statement, recuses the reviewer: the application stays closed', async () => {
    const { fetch: spy, requests } = recording();
    const client = await reviewer(spy);
    const el = await panel('fr', client);
    await el.whenMessagesReady();
    const target = undeclared(el).at(-1)!;
    expect(target, 'an application under review the reviewer has not declared on').to.exist;
    await el.open(target.id);
    await el.updateComplete;
    $(el, '#coi-declared').click();
    await el.updateComplete;
    expect($(el, '#coi-no-scoring').textContent).to.equal(el.t('rp.coi.noScoring'));
    // A conflict needs its statement.
    $(el, 'button.declare').click();
    await el.updateComplete;
    expect($(el, '#coi-statement-error').textContent).to.equal(el.t('rp.declare.statementMissing'));
    expect(deepActive()).to.equal($(el, '#coi-statement'));
    $<HTMLTextAreaElement>(el, '#coi-statement').value = 'Membre du bureau de cette association.';
    $(el, 'button.declare').click();
    await waitUntil(() => el.shadowRoot?.querySelector(`li[data-application="${target.id}"]`), 'not back', T);
    await el.updateComplete;
    const li = $(el, `li[data-application="${target.id}"]`);
    expect(li.querySelector('button')).to.equal(null);
    expect(li.querySelector('[data-note="recused"]')?.textContent).to.equal(el.t('rp.recused'));
    expect(li.querySelector('.declaration')?.textContent).to.equal(el.t('rp.declaration.conflict'));
    expect(deepActive()).to.equal(li.querySelector('[data-name]'));
    const before = requests.length;
    await el.open(target.id);
    expect(requests.length, 'opening asks nothing').to.equal(before);
    // And the server agrees.
    const refused = await client
      .request(getApplicationRef, { params: { applicationId: target.id } })
      .catch((e) => e);
    expect(refused.code).to.equal('conflict_of_interest');
    await expect(el).to.be.accessible(A11Y);
  });

  it('staff, in Arabic: a decision without its reviews is refused, and the panel says how many are missing', async () => {
    const admin = await full(ADMIN);
    const el = await panel('ar', admin);
    expect(el.readerRole).to.equal('staff');
    // Staff see no declarations: every application opens.
    expect(el.shadowRoot!.querySelectorAll('.declaration, [data-note]').length).to.equal(0);
    const target = el.applications!.find((a) => a.status === 'under_review' && a.reviewCount === 0)!;
    expect(target, 'an application under review with no review').to.exist;
    await el.open(target.id);
    await el.updateComplete;
    const needed = el.callData!.review?.reviewsPerApplication ?? 1;
    expect($(el, '.progress').textContent).to.equal(el.t('rp.reviewsList.progress', { count: 0, needed }));
    $(el, '#d-rejected').click();
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('#d-amount')).to.equal(null);
    $(el, 'button.decide').click();
    await waitUntil(() => el.actionError, 'not refused', T);
    await el.updateComplete;
    expect(el.actionError).to.equal('reviews_incomplete');
    expect($(el, '#rp-decision-error').textContent).to.equal(
      el.t('rp.decision.reviewsIncomplete', { count: 0, needed }),
    );
    expect(el.application?.decision).to.equal(undefined);
    // Right to left: the decision's options start at the right edge of their group.
    const group = $(el, 'form.decision fieldset').getBoundingClientRect();
    const option = $(el, '#d-awarded').getBoundingClientRect();
    expect(group.right - option.right).to.be.below(group.width / 4);
    expect(option.left - group.left).to.be.greaterThan(group.width / 2);
    await expect(el).to.be.accessible(A11Y);
  });

  it('shows answers typed (amounts, dates, regions, options, budget), statuses in words and the attachments', async () => {
    const el = await panel('fr');
    const listText = el.shadowRoot!.textContent ?? '';
    expect(listText).not.to.contain('status.');
    expect($(el, '.apps .status').textContent).to.equal(el.t(`rp.status.${el.applications![0]!.status}`));
    // One the demo reviewer declared on and reviewed in the seed: it opens at once.
    await el.open(el.applications!.find((a) => a.myDeclaration === 'no_conflict')!.id);
    await el.updateComplete;
    const application = el.application as Application;
    expect(el.shadowRoot!.querySelector('form.declaration')).to.equal(null);
    expect($(el, '#rp-review-h').nextElementSibling?.textContent).to.equal(el.t('rp.review.already'));
    const fields = el.callData!.form.sections.flatMap((s) => s.fields);
    const answer = (type: FormField['type']) => {
      const field = fields.find((f) => f.type === type)!;
      return { field, value: application.answers[field.id], dd: $(el, `dd[data-field="${field.id}"]`) };
    };
    const answers = $(el, '.answers').parentElement!.textContent ?? '';
    expect(answers).not.to.match(/[{}]|"amount"|status\./);

    const money = answer('money');
    expect(money.dd.textContent?.trim()).to.equal(el.fmt.money(money.value as never));
    const region = answer('region');
    expect(region.dd.textContent?.trim()).to.equal(regionName(region.value as string, 'fr'));
    const date = answer('date');
    expect(date.dd.textContent?.trim()).to.equal(el.fmt.date(date.value as string));
    const multi = answer('multi_choice');
    const options = multi.field.type === 'multi_choice' ? multi.field.options : [];
    const labels = (multi.value as string[]).map((v) => options.find((o) => o.value === v)!.label.fr!);
    expect(multi.dd.textContent?.trim()).to.equal(el.fmt.list(labels));
    const budget = answer('budget_table');
    expect(budget.dd.querySelector('.table-scroll[tabindex="0"][role="region"] table')).to.exist;
    expect(answer('beneficiaries').dd.textContent).to.contain('dont femmes');

    const files = [...el.shadowRoot!.querySelectorAll('.attachments li')];
    expect(files.length).to.equal(application.attachments.length);
    expect(files.length).to.be.greaterThan(0);
    const first = application.attachments[0]!;
    expect(files[0]?.querySelector('.file-name')?.textContent).to.equal(first.fileName);
    expect(files[0]?.querySelector('.type')?.textContent).to.equal(fileTypeName(first.mediaType));
    expect(files[0]?.querySelector('.size')?.textContent).to.equal(fileSize(el.fmt, first.size));
    expect(files[0]?.querySelector('.scan')?.textContent).to.equal(el.t(`rp.scan.${first.scanState}`));
    // The seed records its files' fingerprints, not their bytes: the download says the file is not kept.
    $(el, `button[data-download="${first.id}"]`).click();
    await waitUntil(() => el.downloadError, 'the download did not fail', T);
    await el.updateComplete;
    expect(el.downloadError).to.equal('not_found');
    expect($(el, '.attachments + [role="alert"]').textContent).to.equal(el.t('rp.download.missing'));
    await expect(el).to.be.accessible(A11Y);
  });

  it('reflows at 320 px: an open application never scrolls sideways (the budget table scrolls in its box)', async () => {
    const client = await reviewer();
    const el = await fixture<NassijReviewPanel>(
      html`<nassij-review-panel lang="fr" call=${CALL} .client=${client}
        style="display: block; inline-size: 320px; overflow: auto"></nassij-review-panel>`,
    );
    await waitUntil(() => el.applications?.length, 'listing', T);
    await el.open(el.applications!.find((a) => a.myDeclaration === 'no_conflict')!.id);
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('.answers')).to.exist;
    expect(el.scrollWidth).to.be.at.most(el.clientWidth);
    const table = $(el, '.table-scroll');
    expect(table.scrollWidth).to.be.greaterThan(table.clientWidth);
  });

  it('data mode: the views load without a request, the staff see the decision, and back focuses the opened one', async () => {
    const loaded = await panel('fr');
    const summary = loaded.applications!.find((a) => a.myDeclaration === 'no_conflict')!;
    await loaded.open(summary.id);
    // A platform admin is staff of every call, whichever organisation runs it.
    const staff = await (await full(ADMIN)).auth.me();
    const el = await fixture<NassijReviewPanel>(
      html`<nassij-review-panel lang="fr" .callData=${loaded.callData} .applications=${loaded.applications}
        .application=${loaded.application} .account=${staff}></nassij-review-panel>`,
    );
    await waitUntil(() => el.shadowRoot?.querySelector('.answers'), 'the application views did not load', T);
    expect($(el, 'h3[tabindex]').textContent).to.equal($(loaded, 'h3[tabindex]').textContent);
    // The staff's side: the reviews and the decision, no review form.
    expect(el.readerRole).to.equal('staff');
    expect(el.shadowRoot!.querySelector('form.review')).to.equal(null);
    expect($(el, '#rp-decision-h').textContent).to.equal(el.t('rp.decision.legend'));
    expect(el.shadowRoot!.querySelectorAll('.reviews li').length).to.equal(
      loaded.application!.reviews!.length,
    );
    $(el, 'button.back').click();
    await waitUntil(
      () => deepActive() === el.shadowRoot?.querySelector(`button[data-open="${summary.id}"]`),
      'focus',
      T,
    );
    expect(el.shadowRoot!.querySelectorAll('.apps li').length).to.equal(loaded.applications!.length);
  });

  it('a slow answer for the previous call never replaces the newer one', async () => {
    const older = FIXTURES.calls.closedReceived;
    let release!: () => void;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let oldAnswered = 0;
    // The older call's requests answer only once released, even after they were given up.
    const slow: typeof fetch = async (input, init) => {
      const request = new Request(input, init);
      if (!request.url.includes(`/calls/${older}`)) return fetch(request);
      await gate;
      const answer = await fetch(request.url, { headers: request.headers });
      oldAnswered += 1;
      return answer;
    };
    const el = await fixture<NassijReviewPanel>(
      html`<nassij-review-panel call=${older} .client=${await reviewer(slow)}></nassij-review-panel>`,
    );
    el.call = CALL;
    await waitUntil(() => el.callData, 'the newer call did not load', T);
    release();
    await waitUntil(() => oldAnswered === 2, 'the old answers never came', T);
    await el.updateComplete;
    expect(el.callData?.id).to.equal(CALL);
    expect(el.applications?.every((a) => a.callId === CALL)).to.equal(true);
  });

  it('signed out: offers sign-in (no request), and after the popup focus is on the heading with the list loaded', async () => {
    let requests = 0;
    const client = newClient((input, init) => {
      requests += 1;
      return fetch(input, init);
    });
    const el = await fixture<NassijReviewPanel>(
      html`<nassij-review-panel lang="zgh" call=${CALL} .client=${client}></nassij-review-panel>`,
    );
    await el.updateComplete;
    expect(requests).to.equal(0);
    expect($(el, '.sign-in').textContent).to.contain(el.t('rp.signIn'));
    expect(el.shadowRoot!.querySelector('[data-state="loading"]')).to.equal(null);

    $(el, '.sign-in-button').focus();
    await sendKeys({ press: 'Enter' });
    const { url } = await executeServerCommand<{ url: string }, typeof REVIEWER>(
      'nassij-popup-sign-in',
      REVIEWER,
    );
    expect(new URL(url).searchParams.get('lang')).to.equal('zgh');
    await waitUntil(() => el.applications?.length, 'the list did not load after sign-in', T);
    await el.updateComplete;
    expect(deepActive()).to.equal($(el, 'h2'));
  });

  it('an ended session offers sign-in beside retry', async () => {
    const client = newClient();
    client.tokens.set(`tok_${'x'.repeat(40)}`);
    const el = await fixture<NassijReviewPanel>(
      html`<nassij-review-panel lang="fr" call=${CALL} .client=${client}></nassij-review-panel>`,
    );
    await waitUntil(() => el.shadowRoot?.querySelector('[role="alert"] .sign-in-button'), 'no sign-in', T);
    expect($(el, '[role="alert"] button[data-variant="secondary"]').textContent?.trim()).to.equal(
      el.t('action.retry'),
    );
    await expect(el).to.be.accessible(A11Y);
  });
});
