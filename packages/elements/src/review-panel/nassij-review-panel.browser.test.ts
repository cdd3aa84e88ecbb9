import {
  type Application,
  type FormField,
  fileTypeName,
  regionName,
  searchAwardsRef,
} from '@nassij/contract';
import { type BaseClient, createBaseClient } from '@nassij/sdk';
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import { API_BASE } from '/__nassij__/env.js';
import { catalogProblems } from '../i18n/catalogs.js';
import { FIXTURES } from '../test-support/fixtures.js';
import { deepActive } from '../test-support/focus.js';
import './define.js';
import { fileSize } from '../i18n/file-size.js';
import type { NassijReviewPanel } from './nassij-review-panel.js';
import { reviewPanelMessages } from './review-panel.messages.js';

/** Under review: every application waits for a review the demo reviewer may give. */
const CALL = FIXTURES.calls.underReview;
const A11Y = { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] };
const T = { timeout: 10000 };
const REVIEWER = { email: 'reviewer@demo.nassij.ma', password: 'demo-reviewer-2026' };

const newClient = (fetchImpl?: typeof fetch): BaseClient =>
  createBaseClient({ baseUrl: API_BASE, retry: { limit: 0 }, ...(fetchImpl ? { fetch: fetchImpl } : {}) });

async function reviewer(fetchImpl?: typeof fetch): Promise<BaseClient> {
  const client = newClient(fetchImpl);
  await client.auth.signIn(REVIEWER.email, REVIEWER.password);
  return client;
}

const $ = <T extends Element = HTMLElement>(el: NassijReviewPanel, selector: string): T => {
  const found = el.shadowRoot?.querySelector<T>(selector);
  if (!found) throw new Error(`no ${selector}`);
  return found;
};

async function panel(lang: string, client?: BaseClient): Promise<NassijReviewPanel> {
  const el = await fixture<NassijReviewPanel>(
    html`<nassij-review-panel lang=${lang} call=${CALL} .client=${client ?? (await reviewer())}></nassij-review-panel>`,
  );
  await waitUntil(() => el.applications?.length, 'listing', T);
  await el.updateComplete;
  return el;
}

/** Unreviewed applications under review, from the last: each test takes its own. */
const unreviewed = (el: NassijReviewPanel, nth: number) =>
  el.applications!.filter((a) => a.reviewCount === 0 && a.status === 'under_review').at(-nth)!;

describe('<nassij-review-panel>', () => {
  it('has every message in every locale', async () => {
    expect(await catalogProblems(reviewPanelMessages)).to.deep.equal([]);
  });

  it('scores after declaring no conflict, decides, and the award becomes public', async () => {
    const client = await reviewer();
    const el = await panel('ar', client);
    await expect(el).to.be.accessible(A11Y);
    const unreviewed = el.applications!.find((a) => a.reviewCount === 0 && a.status === 'under_review')!;
    await el.open(unreviewed.id);
    // No scoring before the declaration.
    expect(el.shadowRoot!.querySelector('.criterion')).to.equal(null);
    $(el, '#coi-none').click();
    await el.updateComplete;
    const criteria = el.shadowRoot!.querySelectorAll('.criterion');
    expect(criteria.length).to.equal(el.callData!.criteria.length);
    for (const c of el.callData!.criteria) $(el, `#s-${c.id}-${c.maxScore}`).click();
    expect(criteria[0]?.textContent).to.contain(el.callData!.criteria[0]!.anchors.at(-1)!.description.ar!);
    await expect(el).to.be.accessible(A11Y);
    $(el, 'button.submit-review').click();
    await waitUntil(() => el.reviewed, 'review recorded');
    await el.updateComplete;
    $<HTMLInputElement>(el, '#d-amount').value = '45000.00';
    $(el, 'button.decide').click();
    await waitUntil(() => el.application?.decision, 'decided');
    const awards = await client.request(searchAwardsRef, { query: { callId: CALL } });
    expect(
      awards.items.some((a) => a.applicationId === unreviewed.id && a.amount.amount.startsWith('45000')),
    ).to.equal(true);
  });

  it('asks for no scores once a conflict of interest is declared', async () => {
    const el = await panel('fr');
    await el.whenMessagesReady();
    await el.open(el.applications!.find((a) => a.reviewCount === 0 && !a.id.includes('x'))!.id);
    $(el, '#coi-declared').click();
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('.criterion')).to.equal(null);
    expect(el.shadowRoot!.textContent).to.contain('vous ne notez pas');
  });

  it('shows answers typed (amounts, dates, regions, options, budget), statuses in words and the attachments', async () => {
    const el = await panel('fr');
    const listText = el.shadowRoot!.textContent ?? '';
    expect(listText).not.to.contain('status.');
    expect($(el, '.apps .status').textContent).to.equal(el.t(`rp.status.${el.applications![0]!.status}`));
    await el.open(el.applications![0]!.id);
    await el.updateComplete;
    const application = el.application as Application;
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
    await expect(el).to.be.accessible(A11Y);
  });

  it('reflows at 320 px: an open application never scrolls sideways (the budget table scrolls in its box)', async () => {
    const client = await reviewer();
    const el = await fixture<NassijReviewPanel>(
      html`<nassij-review-panel lang="fr" call=${CALL} .client=${client}
        style="display: block; inline-size: 320px; overflow: auto"></nassij-review-panel>`,
    );
    await waitUntil(() => el.applications?.length, 'listing', T);
    await el.open(el.applications![0]!.id);
    $(el, '#coi-none').click();
    await el.updateComplete;
    expect(el.scrollWidth).to.be.at.most(el.clientWidth);
    const table = $(el, '.table-scroll');
    expect(table.scrollWidth).to.be.greaterThan(table.clientWidth);
  });

  it('keyboard: open an application, declare, score every criterion, send, then decide; focus follows', async () => {
    const el = await panel('en');
    const target = unreviewed(el, 1);
    $(el, `button[data-open="${target.id}"]`).focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => el.application?.id === target.id, 'not opened', T);
    await el.updateComplete;
    expect(deepActive()).to.equal($(el, 'h3[tabindex]'));

    // Through the answers (the budget table's scroll area is a stop) to the declaration.
    for (let i = 0; i < 6 && deepActive()?.getAttribute('name') !== 'coi'; i++)
      await sendKeys({ press: 'Tab' });
    expect(deepActive()).to.equal($(el, '#coi-none'));
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    expect(el.conflict).to.equal('none');
    expect(deepActive()).to.equal($(el, '#coi-none'));

    for (const c of el.callData!.criteria) {
      await sendKeys({ press: 'Tab' });
      expect(deepActive()).to.equal($(el, `#s-${c.id}-0`));
      for (let s = 0; s < c.maxScore; s++) await sendKeys({ press: 'ArrowDown' });
      expect(deepActive()).to.equal($(el, `#s-${c.id}-${c.maxScore}`));
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
    expect(deepActive()).to.equal($(el, '#rp-decision-h'));

    await sendKeys({ press: 'Tab' });
    expect(deepActive()).to.equal($(el, '#d-awarded'));
    await sendKeys({ press: 'Tab' });
    expect(deepActive()).to.equal($(el, '#d-amount'));
    // Enter with no amount: our message, in English, and focus stays on the field.
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(deepActive()).to.equal($(el, '#d-amount'));
    expect($(el, '#d-amount').getAttribute('aria-invalid')).to.equal('true');
    expect($(el, '#d-amount-error').textContent).to.equal(el.t('rp.decision.amountInvalid'));
    await sendKeys({ type: '38000' });
    await sendKeys({ press: 'Tab' });
    expect(deepActive()).to.equal($(el, '#d-reason'));
    await sendKeys({ press: 'Tab' });
    expect(deepActive()).to.equal($(el, 'button.decide'));
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => el.application?.decision, 'not decided', T);
    await el.updateComplete;
    expect(el.application?.decision?.amount?.amount).to.match(/^38000/);
    expect(deepActive()).to.equal($(el, '#rp-decision-h'));
    expect($(el, '.decided').textContent).to.contain('Award the support');
  });

  it('data mode: the views load without a request, and back to the list focuses the opened one', async () => {
    const loaded = await panel('fr');
    const summary = loaded.applications![0]!;
    await loaded.open(summary.id);
    const el = await fixture<NassijReviewPanel>(
      html`<nassij-review-panel lang="fr" .callData=${loaded.callData} .applications=${loaded.applications}
        .application=${loaded.application}></nassij-review-panel>`,
    );
    await waitUntil(() => el.shadowRoot?.querySelector('.answers'), 'the application views did not load', T);
    expect($(el, 'h3[tabindex]').textContent).to.equal($(loaded, 'h3[tabindex]').textContent);
    expect(el.shadowRoot!.querySelector('form.review')).to.exist;
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
