import {
  closeConsultationRef,
  createConsultationDraftRef,
  createContributionRef,
  getConsultationRef,
  publishConsultationDraftRef,
  publishConsultationVersionRef,
} from '@nassij/contract';
import { type BaseClient, createBaseClient } from '@nassij/sdk';
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { API_BASE } from '/__nassij__/env.js';
import '../consultation/define.js';
import type { NassijConsultation } from '../consultation/nassij-consultation.js';
import { deepActive } from '../test-support/focus.js';
import { forgetStored } from '../test-support/storage.js';
import './define.js';
import type { NassijSynthesisEditor } from './nassij-synthesis-editor.js';

// Issue 17's "done when", the part after the text is written: a ministry publishes a consultation, receives
// a recommendation and an amendment, publishes version 2 (one article changed, the amended one removed with its
// contributions kept), closes it, and its consultation manager publishes the synthesis from the editor with
// the keyboard; the public widget then shows the contributions marked with their version and the synthesis.

const T = { timeout: 15000 };
/** `demoFixtures.accounts.ministryConsultationManager`. */
const MANAGER = {
  email: 'ministry-consultations@demo.nassij.ma',
  password: 'demo-ministry-consultations-2026',
};
/** `demoFixtures.accounts.citizen`: signed-in contributions are published at once. */
const CITIZEN = { email: 'citizen@demo.nassij.ma', password: 'demo-citizen-2026' };

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

const article = (number: string, ar: string, fr: string, id?: string) => ({
  ...(id ? { id } : {}),
  number,
  body: { ar, fr },
});

describe('a consultation from publication to synthesis', () => {
  beforeEach(() => forgetStored('nassij:synthesis-draft:'));

  it('versions mark the contributions, and the manager publishes the synthesis the public page shows', async function () {
    this.timeout(120000);
    const manager = await signedIn(MANAGER);
    const citizen = await signedIn(CITIZEN);
    // Contributions open in a few seconds (a publication's dates lie in the future) and close in a week.
    const opens = Date.now() + 3000;
    const draft = await manager.request(createConsultationDraftRef, {
      body: {
        title: {
          ar: 'مشروع مرسوم يتعلق بالتشاور المحلي',
          fr: 'Projet de décret relatif à la consultation locale',
        },
        summary: {
          ar: 'تحديد كيفيات التشاور على مستوى الجماعات.',
          fr: 'Modalités de consultation au niveau des communes.',
        },
        scope: 'national',
        subjectType: 'decree',
        participationMode: 'registered',
        domains: ['human-rights'],
        phases: {
          contributions_open: new Date(opens).toISOString(),
          closed: new Date(opens + 7 * 86_400_000).toISOString(),
        },
        text: {
          sections: [
            {
              articles: [
                article(
                  '1',
                  'تنشر الجماعة مشروع القرار قبل ثلاثين يوما.',
                  'La commune publie le projet trente jours avant.',
                ),
                article('2', 'تعقد الجماعة لقاء عموميا واحدا.', 'La commune tient une réunion publique.'),
              ],
            },
          ],
        },
      },
    });
    const v1 = await manager.request(publishConsultationDraftRef, { params: { consultationId: draft.id } });
    const [first, second] = v1.text?.sections[0]?.articles ?? [];
    expect(first && second, 'two articles with stable ids').to.be.ok;
    await waitUntil(() => Date.now() > opens + 500, 'contributions open', { timeout: 10000, interval: 250 });

    const contribute = (body: object) =>
      citizen.request(createContributionRef, { params: { consultationId: draft.id }, body: body as never });
    const recommendation = await contribute({
      kind: 'recommendation',
      articleId: first?.id,
      body: 'نقترح رفع الأجل إلى خمسة وأربعين يوما.',
      consent: true,
    });
    const amendment = await contribute({
      kind: 'amendment',
      articleId: second?.id,
      body: 'Deux réunions valent mieux qu’une.',
      proposedText: 'La commune tient deux réunions publiques.',
      consent: true,
    });
    expect(recommendation.awaitingModeration).to.equal(false);
    expect(recommendation.contribution.versionId).to.equal(v1.currentVersionId);

    // Version 2: article 1 changed, article 2 removed, its amendment kept.
    const v2 = await manager.request(publishConsultationVersionRef, {
      params: { consultationId: draft.id },
      body: {
        text: {
          sections: [
            {
              articles: [
                article(
                  '1',
                  'تنشر الجماعة مشروع القرار قبل خمسة وأربعين يوما.',
                  'La commune publie le projet quarante-cinq jours avant.',
                  first?.id,
                ),
              ],
            },
          ],
        },
        changeSummary: { ar: 'تمديد الأجل وحذف المادة 2.', fr: 'Délai allongé, article 2 supprimé.' },
        removedArticles: { [second?.id as string]: 'keep_contributions' },
      },
    });
    expect(v2.versions.length).to.equal(2);

    // The public page: the recommendation says "on version 1", and what changed in its article since.
    const page = await fixture<NassijConsultation>(
      html`<nassij-consultation lang="ar" consultation=${draft.id}
        .client=${createBaseClient({ baseUrl: API_BASE, retry: { limit: 0 } })}></nassij-consultation>`,
    );
    await waitUntil(() => page.data && page.diff, 'the consultation', T);
    await page.openArticle(first?.id ?? '');
    await waitUntil(() => page.since.size > 0, 'the comparison since version 1', T);
    await page.updateComplete;
    const mark = $(page, `article.contribution[data-id="${recommendation.contribution.id}"] .version-mark`);
    expect(mark.textContent?.trim()).to.equal(page.t('cons.onVersion', { number: '1' }));
    expect($(page, '.since .word-diff ins').textContent).to.contain('خمسة وأربعين');
    // The removed article's amendment: reached from the list of removed articles, marked as such.
    await page.closeArticle();
    $(page, `.removed button[data-open="${second?.id}"]`).click();
    await waitUntil(
      () => page.contributions?.some((c) => c.id === amendment.contribution.id),
      'its contributions',
      T,
    );
    await page.updateComplete;
    expect($(page, `article.contribution[data-id="${amendment.contribution.id}"] [data-removed]`)).to.exist;
    page.remove();

    await manager.request(closeConsultationRef, {
      params: { consultationId: draft.id },
      body: { reason: { ar: 'انتهت المشاورات.', fr: 'Consultation terminée.' } },
    });
    const closed = await manager.request(getConsultationRef, { params: { consultationId: draft.id } });
    expect(closed.phase).to.equal('closed');

    // The consultation manager writes and publishes the synthesis, with the keyboard.
    const el = await fixture<NassijSynthesisEditor>(
      html`<nassij-synthesis-editor lang="fr" consultation-id=${draft.id} autosave-delay="50"
        .client=${manager}></nassij-synthesis-editor>`,
    );
    await waitUntil(() => el.loaded.value, 'the synthesis', T);
    await el.whenMessagesReady();
    const groups = el.loaded.value?.candidates.groups ?? [];
    expect(groups.map((g) => [g.articleId, g.removed ?? false])).to.deep.equal([
      [first?.id, false],
      [second?.id, true],
    ]);
    $(el, '#se-summary-fr').focus();
    await sendKeys({ type: 'Deux contributions reçues.' });
    for (const [id, reason] of [
      [recommendation.contribution.id, 'Délai porté à quarante-cinq jours.'],
      [amendment.contribution.id, 'L’article est supprimé.'],
    ] as const) {
      $(el, `#se-${id}-outcome`).focus();
      // Accepted for the first, then Arrow down to "partly accepted"… the amendment goes out of scope.
      await sendKeys({ press: 'Space' });
      if (id === amendment.contribution.id)
        for (let i = 0; i < 3; i++) await sendKeys({ press: 'ArrowDown' });
      $(el, `#se-${id}-reason-fr`).focus();
      await sendKeys({ type: reason });
    }
    const published = oneEvent(el, 'nassij-synthesis-published');
    $(el, 'button.publish').focus();
    await sendKeys({ press: 'Enter' });
    await published;
    await waitUntil(
      () => el.published && deepActive()?.id === 'se-title',
      'published, focus on the title',
      T,
    );

    // The public page shows the synthesis: each outcome, the figures frozen at closing.
    const after = await fixture<NassijConsultation>(
      html`<nassij-consultation lang="fr" consultation=${draft.id}
        .client=${createBaseClient({ baseUrl: API_BASE, retry: { limit: 0 } })}></nassij-consultation>`,
    );
    await waitUntil(() => after.shadowRoot?.querySelector('.recommendation'), 'the public synthesis', T);
    await after.whenMessagesReady();
    const outcomes = [...(after.shadowRoot?.querySelectorAll('.recommendation') ?? [])].map((r) =>
      r.getAttribute('data-outcome'),
    );
    expect(outcomes.sort()).to.deep.equal(['accepted', 'out_of_scope']);
    expect($(after, '.frozen [data-figure="contributions"] dd').textContent).to.equal(after.fmt.number(2));
    expect(after.data?.phase).to.equal('synthesis_published');
  });
});
