import {
  casablancaDayAt,
  casablancaDays,
  createCourseRef,
  createRegistrationRef,
  createSessionRef,
  markAttendanceRef,
  myAssociationsRef,
  publishCourseRef,
  verifyCredentialRef,
} from '@nassij/contract';
import { type BaseClient, createBaseClient } from '@nassij/sdk';
import { expect, fixture, html } from '@open-wc/testing';
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import { catalogProblems } from '../i18n/catalogs.js';
import { DEMO_MY_COMPETENCIES, DEMO_MY_REGISTRATIONS } from '../test-support/demo/training-office.js';
import { DEMO_ASSOCIATIONS, DEMO_COURSES } from '../test-support/demo/trainings.js';
import { FIXTURES } from '../test-support/fixtures.js';
import { deepActive } from '../test-support/focus.js';
import './define.js';
import { myTrainingMessages } from './my-training.messages.js';
import type { NassijTrainingFinder } from './nassij-training-finder.js';

const WCAG = { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] };
const MANAGER = ['training-manager@demo.nassij.ma', 'demo-training-manager-2026'] as const;
const MEMBER = ['member@demo.nassij.ma', 'demo-member-2026'] as const;

const $ = <T extends Element = HTMLElement>(el: HTMLElement, selector: string) =>
  el.shadowRoot!.querySelector(selector) as T;

async function until(el: NassijTrainingFinder, check: () => unknown, what: string, ms = 10000) {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > ms) throw new Error(`timed out waiting for ${what}`);
    await new Promise((ok) => setTimeout(ok, 50));
    await el.updateComplete;
  }
}

const after = (from: Date, hours: number) =>
  new Date(from.getTime() + hours * 3_600_000).toISOString().replace(/\.\d+Z$/, 'Z');

describe('<nassij-training-finder> my registrations and certificates', () => {
  it('has every message of the view in every locale', async () => {
    expect(await catalogProblems(myTrainingMessages)).to.deep.equal([]);
  });

  it('data mode in Arabic: a third tab by arrow keys (mirrored), my registrations and competencies, axe', async () => {
    const el = await fixture<NassijTrainingFinder>(html`<nassij-training-finder lang="ar" .signedIn=${true}
      .courses=${DEMO_COURSES} .associations=${DEMO_ASSOCIATIONS}
      .myTraining=${{ registrations: DEMO_MY_REGISTRATIONS, competencies: DEMO_MY_COMPETENCIES.competencies }}>
      </nassij-training-finder>`);
    await el.whenMessagesReady();
    $<HTMLButtonElement>(el, '#tab-search').focus();
    // Right to left: the next tab is to the left, ArrowLeft.
    await sendKeys({ press: 'ArrowLeft' });
    await sendKeys({ press: 'ArrowLeft' });
    await until(el, () => $(el, '#panel-me .my-training'), 'the view');
    expect(deepActive()?.id).to.equal('tab-me');
    expect($(el, '#tab-me').getAttribute('aria-selected')).to.equal('true');
    expect($(el, '#tab-me').textContent).to.equal('تسجيلاتي وشهاداتي');
    const tabs = ['search', 'mine', 'me'].map((t) => $(el, `#tab-${t}`).getBoundingClientRect().left);
    expect(tabs[0]).to.be.greaterThan(tabs[1]!);
    expect(tabs[1]).to.be.greaterThan(tabs[2]!);
    const [completed, waiting] = DEMO_MY_REGISTRATIONS;
    expect(
      $(el, `li[data-my-registration="${completed!.id}"] button[data-certificate]`).textContent,
    ).to.equal('الحصول على شهادتي');
    // Not completed: no certificate to ask for.
    expect($(el, `li[data-my-registration="${waiting!.id}"] button`)).to.equal(null);
    expect($(el, `li[data-my-registration="${waiting!.id}"]`).textContent).to.contain('الرتبة 2');
    const competency = $(el, 'li[data-competency="financial-management"]');
    expect(competency.textContent).to.contain('أعلى مستوى: 1');
    expect(competency.textContent).to.contain('التدبير المالي للجمعيات');
    // Home goes back to the first tab.
    await sendKeys({ press: 'Home' });
    expect(deepActive()?.id).to.equal('tab-search');
    await sendKeys({ press: 'End' });
    await until(el, () => $(el, '#panel-me .my-training'), 'the view again');
    await expect(el).to.be.accessible(WCAG);
  });

  it('against the server: the participant of a completed session gets the certificate (PDF in their language, verification, signed JSON) and sees the competency', async function () {
    this.timeout(90000);
    const { url } = (await executeServerCommand('nassij-clock-server-start')) as { url: string };
    const { now } = (await executeServerCommand('nassij-clock-advance', { days: 0 })) as { now: string };
    const signIn = async ([email, password]: readonly [string, string]): Promise<BaseClient> => {
      const client = createBaseClient({ baseUrl: url, retry: { limit: 0 } });
      await client.auth.signIn(email, password);
      return client;
    };
    const manager = await signIn(MANAGER);
    const label = `Certificat ${Date.now()}`;
    const created = await manager.request(createCourseRef, {
      params: { organisationId: FIXTURES.organisations.trainingProvider },
      body: {
        title: { ar: `شهادة ${label}`, fr: label },
        description: { ar: 'تكوين', fr: 'Formation' },
        objectives: [{ ar: 'هدف', fr: 'Objectif' }],
        targetAudience: { ar: 'الجمعيات', fr: 'Associations' },
        competencies: [{ code: 'advocacy', level: 2 }],
        languages: ['fr'],
        durationHours: 4,
        modality: 'online',
        cost: { free: true },
        credential: 'attestation',
      },
    });
    await manager.request(publishCourseRef, { params: { courseId: created.course.id } });
    const start = new Date(now);
    const { session } = await manager.request(createSessionRef, {
      params: { courseId: created.course.id },
      body: {
        period: { start: casablancaDayAt(start, 2, 9), end: casablancaDayAt(start, 2, 13) },
        place: { kind: 'online', joinUrl: 'https://meet.example.ma/nassij-cert' },
        capacity: 5,
        registrationWindow: { opens: after(start, -1), closes: after(start, 20) },
        trainers: [{ name: 'Hamid Ouazzani' }],
        language: 'fr',
      },
    });
    const member = await signIn(MEMBER);
    const [association] = (await member.request(myAssociationsRef)).items;
    const me = await member.auth.me();
    const registration = await member.request(createRegistrationRef, {
      body: {
        sessionId: session.id,
        associationId: association!.association.id,
        participant: { accountId: me.id },
        consent: true,
      },
    });
    await executeServerCommand('nassij-clock-advance', { days: 3 });
    await manager.auth.signIn(...MANAGER);
    const [day, ...more] = casablancaDays(session.period.start, session.period.end);
    expect(more, 'a one-day session').to.deep.equal([]);
    await manager.request(markAttendanceRef, {
      params: { sessionId: session.id },
      body: { marks: [{ registrationId: registration.id, day: day!, present: true }] },
    });

    const client = await signIn(MEMBER);
    const el = await fixture<NassijTrainingFinder>(
      html`<nassij-training-finder lang="fr" .client=${client}></nassij-training-finder>`,
    );
    await until(el, () => el.courses !== undefined && $(el, '#tab-me'), 'the signed-in finder');
    await el.whenMessagesReady();
    $<HTMLButtonElement>(el, '#tab-me').click();
    const item = `li[data-my-registration="${registration.id}"]`;
    await until(el, () => $(el, `${item} button[data-certificate]`), 'the completed registration');
    expect($(el, item).textContent).to.contain(label);
    $<HTMLButtonElement>(el, `${item} button[data-certificate]`).click();
    await until(el, () => $(el, `${item} a[data-link="pdf"]`), 'the certificate');
    await el.updateComplete;
    // Focus moves to the PDF, which took the button's place.
    expect(deepActive()).to.equal($(el, `${item} a[data-link="pdf"]`));
    const pdf = new URL($<HTMLAnchorElement>(el, `${item} a[data-link="pdf"]`).href);
    expect(pdf.searchParams.get('lang')).to.equal('fr');
    const answer = await fetch(pdf);
    expect(answer.status).to.equal(200);
    expect(answer.headers.get('content-type')).to.contain('application/pdf');
    expect($(el, `${item} a[data-link="verify"]`).textContent).to.equal('Page de vérification');
    // The signed JSON, as downloaded, verifies; the competency is listed, at its level.
    const json = $<HTMLAnchorElement>(el, `${item} a[data-link="json"]`);
    expect(json.getAttribute('download')).to.match(/^certificate-.+\.json$/);
    const downloaded = await (await fetch(json.href)).json();
    expect(downloaded.registrationId).to.equal(registration.id);
    expect((await client.request(verifyCredentialRef, { body: downloaded })).valid).to.equal(true);
    await until(el, () => $(el, 'li[data-competency="advocacy"]'), 'the competency');
    expect($(el, 'li[data-competency="advocacy"]').textContent).to.contain(label);
    await expect(el).to.be.accessible(WCAG);
  });
});
