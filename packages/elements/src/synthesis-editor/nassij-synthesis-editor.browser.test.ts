import {
  getConsultationSynthesisRef,
  getSynthesisDraftRef,
  listSynthesisCandidatesRef,
  updateSynthesisDraftRef,
} from '@nassij/contract';
import { type BaseClient, createBaseClient } from '@nassij/sdk';
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { API_BASE } from '/__nassij__/env.js';
import '../consultation/define.js';
import type { NassijConsultation } from '../consultation/nassij-consultation.js';
import { catalogProblems } from '../i18n/catalogs.js';
import { FIXTURES } from '../test-support/fixtures.js';
import { deepActive, expectNoSideScroll } from '../test-support/focus.js';
import { forgetStored } from '../test-support/storage.js';
import './define.js';
import { candidatesOf, type LoadedCandidates, OUTCOMES } from './model.js';
import {
  type LoadedSynthesis,
  type NassijSynthesisEditor,
  synthesisDraftKey,
} from './nassij-synthesis-editor.js';
import { synthesisEditorMessages } from './synthesis-editor.messages.js';
import { problemText } from './views/draft.js';

const AXE = { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] };
const T = { timeout: 15000 };
const { draftLaw, closed } = FIXTURES.consultations;
/** `demoFixtures.accounts.ministryConsultationManager`: consultation manager of the ministry issuing the draft law. */
const MANAGER = {
  email: 'ministry-consultations@demo.nassij.ma',
  password: 'demo-ministry-consultations-2026',
};
/**
 * The platform admin: the seeded closed consultation is issued by a ministry no demo staff account belongs to,
 * so its synthesis is written as an admin (who runs every organisation's consultations).
 */
const ADMIN = { email: 'admin@demo.nassij.ma', password: 'demo-admin-2026' };

async function signedIn(account: { email: string; password: string }): Promise<BaseClient> {
  const client = createBaseClient({ baseUrl: API_BASE, retry: { limit: 0 } });
  await client.auth.signIn(account.email, account.password);
  return client;
}

const $ = <E extends Element = HTMLElement>(el: Element, selector: string): E => {
  const found = el.shadowRoot?.querySelector<E>(selector);
  if (!found) throw new Error(`no ${selector}`);
  return found;
};
const $$ = <E extends Element = HTMLElement>(el: Element, s: string) => [
  ...(el.shadowRoot?.querySelectorAll<E>(s) ?? []),
];

async function editor(
  lang: string,
  client: BaseClient,
  consultationId: string,
  pageSize = 20,
): Promise<NassijSynthesisEditor> {
  const el = await fixture<NassijSynthesisEditor>(
    html`<nassij-synthesis-editor lang=${lang} consultation-id=${consultationId} autosave-delay="50"
      page-size=${pageSize} .client=${client}></nassij-synthesis-editor>`,
  );
  await waitUntil(() => el.loaded.value || el.loaded.status === 'error', 'the synthesis did not load', T);
  await el.whenMessagesReady();
  return el;
}

/** Types into a control of the editor as a person would: focus, then keys. */
async function typeInto(el: NassijSynthesisEditor, selector: string, text: string): Promise<void> {
  $(el, selector).focus();
  await sendKeys({ type: text });
}

describe('<nassij-synthesis-editor>', () => {
  beforeEach(() => forgetStored('nassij:synthesis-draft:'));

  it('reads the consultation from the page address with consultation-id-param; an explicit id wins; a non-id is ignored', async () => {
    const client = await signedIn(ADMIN);
    const before = location.href;
    // The runner's own query stays (it names the test session): only `consultation` is added.
    const address = (value: string) => {
      const url = new URL(before);
      url.searchParams.set('consultation', value);
      history.replaceState(null, '', url);
    };
    try {
      address(closed);
      const fromAddress = await fixture<NassijSynthesisEditor>(
        html`<nassij-synthesis-editor lang="fr" consultation-id-param="consultation" .client=${client}></nassij-synthesis-editor>`,
      );
      await waitUntil(() => fromAddress.loaded.value, 'the synthesis of the address', T);
      expect(fromAddress.consultationId).to.equal(closed);
      expect(fromAddress.loaded.value?.consultation.id).to.equal(closed);

      const explicit = await fixture<NassijSynthesisEditor>(
        html`<nassij-synthesis-editor lang="fr" consultation-id=${draftLaw} consultation-id-param="consultation"
          .client=${client}></nassij-synthesis-editor>`,
      );
      expect(explicit.consultationId).to.equal(draftLaw);

      address('../admin');
      const ignored = await fixture<NassijSynthesisEditor>(
        html`<nassij-synthesis-editor lang="fr" consultation-id-param="consultation" .client=${client}></nassij-synthesis-editor>`,
      );
      await ignored.whenMessagesReady();
      await ignored.updateComplete;
      expect(ignored.consultationId).to.equal(undefined);
      expect(ignored.shadowRoot?.textContent).to.include(ignored.t('se.choose'));
    } finally {
      history.replaceState(null, '', before);
    }
  });

  it('has every message in every locale', async () => {
    expect(await catalogProblems(synthesisEditorMessages)).to.deep.equal([]);
  });

  it('offers the sign-in when no one is signed in', async () => {
    const el = await fixture<NassijSynthesisEditor>(
      html`<nassij-synthesis-editor lang="fr" consultation-id=${draftLaw}
        .client=${createBaseClient({ baseUrl: API_BASE, retry: { limit: 0 } })}></nassij-synthesis-editor>`,
    );
    await el.whenMessagesReady();
    expect($(el, '.sign-in').textContent).to.contain(el.t('se.signIn'));
    expect($(el, '.sign-in-button')).to.exist;
  });

  it('refuses the staff of another organisation', async () => {
    const el = await editor('fr', await signedIn(MANAGER), closed);
    expect(el.loaded.status).to.equal('error');
    expect(el.loaded.errorCode).to.equal('forbidden');
  });

  it('the manager answers the draft law’s recommendations with the keyboard; publishing waits for closing', async function () {
    this.timeout(60000);
    const client = await signedIn(MANAGER);
    const el = await editor('ar', client, draftLaw);
    const loaded = el.loaded.value;
    expect(loaded, 'the draft law loads for its ministry’s consultation manager').to.exist;
    const rows = candidatesOf(loaded?.candidates as LoadedCandidates);
    expect(rows.length).to.be.greaterThan(0);
    // Grouped by article, with their supports: one card per candidate, four outcomes each.
    expect($$(el, 'li.candidate').length).to.equal(rows.length);
    expect($$(el, `#se-${rows[0]?.candidate.contributionId} input[type="radio"]`).length).to.equal(4);
    expect($(el, '.phase-note').textContent).to.equal(el.t('se.phase.open'));
    const first = rows[0]?.candidate.contributionId as string;
    // Keyboard: the first outcome, then the arrow moves to the next one (a radio group).
    $(el, `#se-${first}-outcome`).focus();
    await sendKeys({ press: 'Space' });
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    const chosen = el.fields.decisions[first]?.outcome;
    expect(chosen).to.equal(OUTCOMES[1]);
    await typeInto(el, `#se-${first}-reason-ar`, 'رفعت المدة إلى خمسة وأربعين يوما.');
    await el.save();
    const saved = await client.request(getSynthesisDraftRef, { params: { consultationId: draftLaw } });
    expect(saved.decisions.find((d) => d.contributionId === first)).to.deep.equal({
      contributionId: first,
      outcome: OUTCOMES[1],
      reason: { ar: 'رفعت المدة إلى خمسة وأربعين يوما.' },
    });
    expect($(el, '.save-state').getAttribute('data-state')).to.equal('saved');

    // Publishing with the rest missing: the error summary takes focus and names each missing piece.
    $(el, 'button.publish').focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => deepActive()?.id === 'se-summary', 'focus on the error summary', T);
    const links = $$<HTMLAnchorElement>(el, '.error-summary a');
    expect(links.map((a) => a.getAttribute('data-problem'))).to.include('/summary');
    expect(links.map((a) => a.getAttribute('data-problem'))).not.to.include(`/decisions/${first}/reason`);
    const second = rows[1]?.candidate.contributionId;
    if (second) {
      const link = links.find((a) => a.getAttribute('data-problem') === `/decisions/${second}/outcome`);
      expect(link?.textContent).to.equal(
        problemText(el, loaded as LoadedSynthesis, {
          path: `/decisions/${second}/outcome`,
          code: 'required',
          message: '',
        }),
      );
      link?.focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => deepActive()?.id === `se-${second}-outcome`, 'focus on the row', T);
      expect($(el, `#se-${second}`).getAttribute('data-missing')).to.equal('true');
    }

    // Everything written: the platform still refuses while contributions are open, and says so.
    const fields = { ...el.fields, summary: { ar: 'ملخص عام', fr: 'Synthèse générale' } };
    for (const { candidate } of rows)
      fields.decisions = {
        ...fields.decisions,
        [candidate.contributionId]: { outcome: 'accepted', reason: { fr: 'Retenue.' } },
      };
    el.edit(fields);
    await el.publish();
    await el.updateComplete;
    expect($(el, '.actions .field-error').textContent?.trim()).to.not.equal('');
    expect(el.actionError).to.equal('invalid_state');
  });
});

describe('<nassij-synthesis-editor> never loses a word', () => {
  beforeEach(() => forgetStored('nassij:synthesis-draft:'));

  it('keeps what was typed on the device when the page closes before the save, and saves it on return', async function () {
    this.timeout(60000);
    const client = await signedIn(MANAGER);
    // The same session, with the connection lost for saves: the tab is closed before anything reaches the server.
    const offline = createBaseClient({
      baseUrl: API_BASE,
      retry: { limit: 0 },
      token: client.tokens.get() ?? '',
      fetch: (input, init) =>
        (init?.method ?? (input instanceof Request ? input.method : 'GET')) === 'PUT'
          ? Promise.reject(new TypeError('Failed to fetch'))
          : fetch(input, init),
    });
    const first = await editor('fr', offline, draftLaw);
    const text = `Texte gardé ${Date.now()}`;
    $<HTMLTextAreaElement>(first, '#se-summary-fr').select();
    await typeInto(first, '#se-summary-fr', text);
    await first.save();
    expect(first.saveState).to.equal('device');
    // Said in the status line, without an alert for a connection that may come back.
    expect($(first, '.save-state').textContent).to.equal(first.t('se.save.device'));
    expect(first.shadowRoot?.querySelector('.actions .field-error')).to.equal(null);
    expect(localStorage.getItem(synthesisDraftKey(draftLaw))).to.contain(text);
    first.remove();
    const again = await editor('fr', client, draftLaw);
    expect($<HTMLTextAreaElement>(again, '#se-summary-fr').value).to.equal(text);
    await waitUntil(() => again.saveState === 'saved', 'saved from the device copy', T);
    const saved = await client.request(getSynthesisDraftRef, { params: { consultationId: draftLaw } });
    expect(saved.summary?.fr).to.equal(text);
    expect(localStorage.getItem(synthesisDraftKey(draftLaw))).to.equal(null);
  });

  it('says a report link must be a whole address, and saves the rest meanwhile', async () => {
    const client = await signedIn(MANAGER);
    const el = await editor('en', client, draftLaw);
    await typeInto(el, '#se-report', 'www.sgg.gov.ma');
    await el.updateComplete;
    expect($(el, '#se-report').getAttribute('aria-invalid')).to.equal('true');
    expect($(el, '#se-report-error').textContent).to.equal(el.t('se.report.invalid'));
    await el.save();
    let saved = await client.request(getSynthesisDraftRef, { params: { consultationId: draftLaw } });
    expect(saved.reportUrl).to.equal(undefined);
    $<HTMLInputElement>(el, '#se-report').select();
    await sendKeys({ type: 'https://www.sgg.gov.ma/synthese.pdf' });
    await el.save();
    saved = await client.request(getSynthesisDraftRef, { params: { consultationId: draftLaw } });
    expect(saved.reportUrl).to.equal('https://www.sgg.gov.ma/synthese.pdf');
    expect(el.shadowRoot?.querySelector('#se-report-error')).to.equal(null);
  });
});

describe('<nassij-synthesis-editor> page by page', () => {
  beforeEach(() => forgetStored('nassij:synthesis-draft:'));

  it('shows each article’s count, loads the next page with the keyboard, and finds a row not loaded yet', async function () {
    this.timeout(90000);
    const admin = await signedIn(ADMIN);
    const el = await editor('fr', admin, closed, 1);
    const loaded = el.loaded.value as LoadedSynthesis;
    const { groups, total } = loaded.candidates;
    expect(total).to.be.greaterThan(1);
    // One row per group at first (a page of one), every group with its count, the status with every candidate.
    expect($$(el, 'li.candidate').length).to.equal(groups.filter((g) => g.count > 0).length);
    expect($(el, '.progress').getAttribute('data-total')).to.equal(String(total));
    const group = groups.find((g) => g.count > 1);
    expect(group, 'a group with more than one page').to.exist;
    const selector = `section.group[data-article="${group?.articleId ?? '-'}"]`;
    expect($(el, `${selector} .group-count`).textContent).to.equal(
      el.t('se.group.count', { count: group?.count ?? 0, shown: el.fmt.number(1) }),
    );

    // "Show more" by the keyboard: the next row comes, and focus moves to its first outcome.
    $(el, `${selector} button.more-candidates`).focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => $$(el, `${selector} li.candidate`).length === 2, 'the next page', T);
    const second = el.loaded.value?.candidates.groups.find((g) => g.articleId === group?.articleId)
      ?.candidates[1];
    await waitUntil(
      () => deepActive()?.id === `se-${second?.contributionId}-outcome`,
      'focus on the new row',
      T,
    );
    expect($(el, `${selector} .group-count`).textContent).to.equal(
      el.t('se.group.count', { count: group?.count ?? 0, shown: el.fmt.number(2) }),
    );
    if ((group?.count ?? 0) === 2)
      expect(el.shadowRoot?.querySelector(`${selector} button.more-candidates`)).to.equal(null);

    // A decision on a row of a page not loaded stays when the draft is saved: the draft is saved whole.
    const all = await admin.request(listSynthesisCandidatesRef, {
      params: { consultationId: closed },
      query: { limit: 100 },
    });
    const shown = new Set(
      candidatesOf(el.loaded.value?.candidates as LoadedCandidates).map((r) => r.candidate.contributionId),
    );
    const hidden = all.items.find((c) => !shown.has(c.contributionId));
    expect(hidden, 'a candidate not loaded yet').to.exist;
    const hiddenId = hidden?.contributionId as string;

    // Publishing with it unanswered: the summary names it, though its row is not loaded; its link loads the
    // pages until the row is there, and focuses it.
    await el.publish();
    await waitUntil(() => deepActive()?.id === 'se-summary', 'the error summary', T);
    const link = $$<HTMLAnchorElement>(el, '.error-summary a').find(
      (a) => a.getAttribute('data-problem') === `/decisions/${hiddenId}/outcome`,
    );
    expect(link, 'the row not loaded is named').to.exist;
    expect(link?.textContent).to.contain(hiddenId);
    link?.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => deepActive()?.id === `se-${hiddenId}-outcome`, 'focus on the row, once loaded', T);
    await expect(el).to.be.accessible(AXE);
  });
});

describe('<nassij-synthesis-editor> on a closed consultation', () => {
  beforeEach(() => forgetStored('nassij:synthesis-draft:'));

  it('keeps the text typed here when someone saved meanwhile, then saves it over', async function () {
    this.timeout(60000);
    const admin = await signedIn(ADMIN);
    const el = await editor('fr', admin, closed);
    // Another tab saves first.
    const other = await signedIn(ADMIN);
    const { etag } = await other.transport.opWithEtag(getSynthesisDraftRef, {
      params: { consultationId: closed },
    });
    await other.transport.opWithEtag(
      updateSynthesisDraftRef,
      {
        params: { consultationId: closed },
        body: { summary: { fr: 'Texte de l’autre onglet' }, articles: [], decisions: [] },
      },
      { ifMatch: etag ?? '*' },
    );
    await typeInto(el, '#se-summary-fr', 'Mon texte');
    await el.save();
    await waitUntil(() => el.conflict, 'the conflict is shown', T);
    await el.updateComplete;
    // Said at once (an alert) without taking the typist's place.
    expect($(el, '#se-conflict').getAttribute('role')).to.equal('alert');
    expect(deepActive()?.id).to.equal('se-summary-fr');
    expect($(el, '#se-conflict h3').textContent).to.equal(el.t('se.conflict.title'));
    // Nothing lost: in the field and on the device.
    expect($<HTMLTextAreaElement>(el, '#se-summary-fr').value).to.equal('Mon texte');
    expect(localStorage.getItem(synthesisDraftKey(closed))).to.contain('Mon texte');
    $(el, 'button.keep-mine').focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => !el.conflict && el.saveState === 'saved', 'saved over the newer draft', T);
    const saved = await other.request(getSynthesisDraftRef, { params: { consultationId: closed } });
    expect(saved.summary).to.deep.equal({ fr: 'Mon texte' });
    expect(localStorage.getItem(synthesisDraftKey(closed))).to.equal(null);
  });

  it('or takes the newer draft, forgetting the copy on this device', async function () {
    this.timeout(60000);
    const el = await editor('en', await signedIn(ADMIN), closed);
    const other = await signedIn(ADMIN);
    const { etag } = await other.transport.opWithEtag(getSynthesisDraftRef, {
      params: { consultationId: closed },
    });
    await other.transport.opWithEtag(
      updateSynthesisDraftRef,
      {
        params: { consultationId: closed },
        body: { summary: { en: 'Their summary' }, articles: [], decisions: [] },
      },
      { ifMatch: etag ?? '*' },
    );
    await typeInto(el, '#se-summary-ar', 'نصي');
    await el.save();
    await waitUntil(() => el.conflict, 'the conflict is shown', T);
    await el.updateComplete;
    $(el, 'button.take-theirs').click();
    await el.updateComplete;
    expect(el.conflict).to.equal(undefined);
    expect(el.fields.summary).to.deep.equal({ en: 'Their summary' });
    expect($<HTMLTextAreaElement>(el, '#se-summary-ar').value).to.equal('');
    expect(localStorage.getItem(synthesisDraftKey(closed))).to.equal(null);
  });

  for (const lang of ['ar', 'fr', 'zgh', 'en']) {
    it(`has no axe violations in ${lang}, with the errors and the preview shown`, async () => {
      const el = await editor(lang, await signedIn(ADMIN), closed);
      await expect(el).to.be.accessible(AXE);
      el.showErrors = true;
      el.previewOpen = true;
      await el.updateComplete;
      expect($(el, '#se-preview .synthesis')).to.exist;
      if (lang !== 'ar') expect($(el, '#se-title').textContent).not.to.match(/[\u0600-\u06FF]/);
      await expect(el).to.be.accessible(AXE);
    });
  }

  it('mirrors in Arabic and fits 320 px', async () => {
    await setViewport({ width: 320, height: 700 });
    try {
      const el = await editor('ar', await signedIn(ADMIN), closed);
      expect(getComputedStyle(el).direction).to.equal('rtl');
      const card = $(el, 'li.candidate').getBoundingClientRect();
      const badge = $(el, 'li.candidate .badge').getBoundingClientRect();
      // The kind badge starts the row: on the right in Arabic.
      expect(card.right - badge.right).to.be.lessThan(card.width / 4);
      expect(badge.left - card.left).to.be.greaterThan(card.width / 4);
      expectNoSideScroll(el, 'the synthesis editor');
    } finally {
      await setViewport({ width: 1024, height: 768 });
    }
  });

  it('previews, is refused while a reason is missing, then publishes; the public page shows it', async function () {
    this.timeout(90000);
    const admin = await signedIn(ADMIN);
    const el = await editor('fr', admin, closed);
    const rows = candidatesOf(el.loaded.value?.candidates as LoadedCandidates);
    expect(rows.length).to.be.greaterThan(1);
    await typeInto(el, '#se-summary-ar', 'تلقت الوزارة مساهمات حول المجالس الشبابية.');
    // Every row answered but the last one's reason; the last one is out of scope.
    const fields = { ...el.fields };
    rows.forEach(({ candidate }, index) => {
      const last = index === rows.length - 1;
      fields.decisions = {
        ...fields.decisions,
        [candidate.contributionId]: {
          outcome: last ? 'out_of_scope' : 'partly_accepted',
          reason: last ? {} : { fr: `Motif ${index + 1}` },
        },
      };
    });
    el.edit(fields);
    // The preview shows the public page as it would read: the rows answered so far.
    $(el, 'button.preview-toggle').click();
    await el.updateComplete;
    expect($(el, 'button.preview-toggle').getAttribute('aria-expanded')).to.equal('true');
    expect($$(el, '#se-preview .recommendation').length).to.equal(rows.length - 1);

    await el.publish();
    await waitUntil(() => deepActive()?.id === 'se-summary', 'the error summary', T);
    const last = rows[rows.length - 1]?.candidate.contributionId as string;
    const links = $$<HTMLAnchorElement>(el, '.error-summary a');
    expect(links.map((a) => a.getAttribute('data-problem'))).to.deep.equal([`/decisions/${last}/reason`]);
    links[0]?.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => deepActive()?.id === `se-${last}-reason-ar`, 'focus on the missing reason', T);
    await sendKeys({ type: 'لا يدخل في موضوع الاستراتيجية.' });

    const published = oneEvent(el, 'nassij-synthesis-published');
    $(el, 'button.publish').focus();
    await sendKeys({ press: 'Enter' });
    expect((await published).detail.consultationId).to.equal(closed);
    await waitUntil(() => el.published, 'shown as published', T);
    expect(localStorage.getItem(synthesisDraftKey(closed))).to.equal(null);

    // The public synthesis: every row, the figures frozen at closing.
    const synthesis = await admin.request(getConsultationSynthesisRef, {
      params: { consultationId: closed },
    });
    expect(synthesis.recommendations.length).to.equal(rows.length);
    expect(synthesis.recommendations.find((r) => r.contributionId === last)?.outcome).to.equal(
      'out_of_scope',
    );
    expect(synthesis.frozen?.contributions).to.be.greaterThan(0);
    const candidates = await admin.request(listSynthesisCandidatesRef, {
      params: { consultationId: closed },
    });
    expect(candidates.total).to.equal(rows.length);

    // The public widget shows it, with the out-of-scope outcome and the frozen figures.
    const page = await fixture<NassijConsultation>(
      html`<nassij-consultation lang="fr" consultation=${closed}
        .client=${createBaseClient({ baseUrl: API_BASE, retry: { limit: 0 } })}></nassij-consultation>`,
    );
    await waitUntil(
      () => page.shadowRoot?.querySelector('.recommendation[data-outcome="out_of_scope"]'),
      'public synthesis',
      T,
    );
    await page.whenMessagesReady();
    expect(page.shadowRoot?.querySelector('.frozen [data-figure="contributions"] dd')?.textContent).to.equal(
      page.fmt.number(synthesis.frozen?.contributions ?? -1),
    );
  });
});
