import { searchAwardsRef } from '@nassij/contract';
import { type BaseClient, createBaseClient } from '@nassij/sdk';
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { API_BASE } from '/__nassij__/env.js';
import { catalogProblems } from '../i18n/catalogs.js';
import { FIXTURES } from '../test-support/fixtures.js';
import './define.js';
import type { NassijReviewPanel } from './nassij-review-panel.js';
import { reviewPanelMessages } from './review-panel.messages.js';

/** Under review: every application waits for a review the demo reviewer may give. */
const CALL = FIXTURES.calls.underReview;
const A11Y = { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] };

async function reviewer(): Promise<BaseClient> {
  const client = createBaseClient({ baseUrl: API_BASE });
  await client.auth.signIn('reviewer@demo.nassij.ma', 'demo-reviewer-2026');
  return client;
}

const $ = <T extends Element = HTMLElement>(el: NassijReviewPanel, selector: string): T => {
  const found = el.shadowRoot?.querySelector<T>(selector);
  if (!found) throw new Error(`no ${selector}`);
  return found;
};

describe('<nassij-review-panel>', () => {
  it('has every message in every locale', async () => {
    expect(await catalogProblems(reviewPanelMessages)).to.deep.equal([]);
  });

  it('scores after declaring no conflict, decides, and the award becomes public', async () => {
    const client = await reviewer();
    const el = await fixture<NassijReviewPanel>(
      html`<nassij-review-panel lang="ar" call=${CALL} .client=${client}></nassij-review-panel>`,
    );
    await waitUntil(() => el.applications?.length, 'listing');
    await el.updateComplete;
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
    const el = await fixture<NassijReviewPanel>(
      html`<nassij-review-panel lang="fr" call=${CALL} .client=${await reviewer()}></nassij-review-panel>`,
    );
    await waitUntil(() => el.applications?.length, 'listing');
    await el.whenMessagesReady();
    await el.open(el.applications!.find((a) => a.reviewCount === 0 && !a.id.includes('x'))!.id);
    $(el, '#coi-declared').click();
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('.criterion')).to.equal(null);
    expect(el.shadowRoot!.textContent).to.contain('vous ne notez pas');
  });
});
