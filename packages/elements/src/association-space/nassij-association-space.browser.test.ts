import {
  associationCompetenciesRef,
  getAssociationProfileRef,
  getAssociationRef,
  getCourseRef,
  getRegistrationRef,
  listMembersRef,
  listVaultDocumentsRef,
  pickText,
  updateAssociationRef,
} from '@nassij/contract';
import { type BaseClient, createBaseClient } from '@nassij/sdk';
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { API_BASE } from '/__nassij__/env.js';
import { catalogProblems } from '../i18n/catalogs.js';
import { FIXTURES } from '../test-support/fixtures.js';
import { deepActive } from '../test-support/focus.js';
import { associationSpaceMessages } from './association-space.messages.js';
import './define.js';
import type { NassijAssociationSpace } from './nassij-association-space.js';

// <nassij-association-space> in Chromium against the reference server: the demo representative edits the
// profile, adds a document to the vault and invites a member with the keyboard alone; a member sees no
// invitation form and no editing; an account with two associations picks one; the demo citizen's claim is
// pending. Axe checks each state; the Arabic layout runs right to left.

const A11Y = { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] };
const T = { timeout: 15000 };
const REPRESENTATIVE = ['representative@demo.nassij.ma', 'demo-representative-2026'] as const;
const MEMBER = ['member@demo.nassij.ma', 'demo-member-2026'] as const;
const CITIZEN = ['citizen@demo.nassij.ma', 'demo-citizen-2026'] as const;
/** The independent reviewer belongs to no association and has claimed none: the claim form is theirs. */
const NO_ASSOCIATION = ['reviewer@demo.nassij.ma', 'demo-reviewer-2026'] as const;
const REPRESENTED = FIXTURES.associations.represented;

async function signedIn([email, password]: readonly [string, string]): Promise<BaseClient> {
  const client = createBaseClient({ baseUrl: API_BASE, retry: { limit: 0 } });
  await client.auth.signIn(email, password);
  return client;
}

const $ = <E extends Element = HTMLElement>(el: NassijAssociationSpace, selector: string): E => {
  const found = el.shadowRoot?.querySelector<E>(selector);
  if (!found) throw new Error(`no ${selector}`);
  return found;
};
const has = (el: NassijAssociationSpace, selector: string) => el.shadowRoot?.querySelector(selector) !== null;

async function open(
  client: BaseClient,
  { lang = 'fr', associationId }: { lang?: string; associationId?: string } = {},
): Promise<NassijAssociationSpace> {
  const el = await fixture<NassijAssociationSpace>(
    associationId
      ? html`<nassij-association-space lang=${lang} association-id=${associationId} .client=${client}></nassij-association-space>`
      : html`<nassij-association-space lang=${lang} .client=${client}></nassij-association-space>`,
  );
  await el.whenMessagesReady();
  await waitUntil(
    () =>
      associationId
        ? has(el, '[role="tablist"]')
        : has(el, '[role="tablist"]') || has(el, '.claim-state') || has(el, '#as-picker'),
    'the space loads',
    T,
  );
  await el.updateComplete;
  return el;
}

/** Presses Tab until `selector` (in the element's shadow root) has the focus; fails after `max` presses. */
async function tabTo(el: NassijAssociationSpace, selector: string, max = 60): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (deepActive() === el.shadowRoot?.querySelector(selector)) return;
    await sendKeys({ press: 'Tab' });
  }
  throw new Error(`Tab never reached ${selector}; focus is on ${deepActive()?.outerHTML.slice(0, 120)}`);
}

/** Waits for the element's live region to say `text`. */
async function announced(el: NassijAssociationSpace, text: string): Promise<void> {
  await waitUntil(() => el.announcer.message.replace('\u200b', '') === text, `announces “${text}”`, T);
}

/** A small PDF the server's sniffing accepts. */
function pdf(name: string): File {
  const body = '%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n';
  return new File([body], name, { type: 'application/pdf' });
}

/** Puts `file` in a file input, as choosing it in the browser's dialog does. */
function choose(input: HTMLInputElement, file: File): void {
  const transfer = new DataTransfer();
  transfer.items.add(file);
  input.files = transfer.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

describe('<nassij-association-space>', () => {
  it('has every message in every language', async () => {
    expect(await catalogProblems(associationSpaceMessages)).to.deep.equal([]);
  });

  it('offers the sign-in popup to a reader who is not signed in', async () => {
    const client = createBaseClient({ baseUrl: API_BASE, retry: { limit: 0 } });
    const el = await fixture<NassijAssociationSpace>(
      html`<nassij-association-space lang="fr" .client=${client}></nassij-association-space>`,
    );
    await el.whenMessagesReady();
    expect($(el, '.sign-in-button').textContent?.trim()).to.equal('Se connecter');
    await expect(el).to.be.accessible(A11Y);
  });

  it('lets the representative edit the profile, add a document and invite a member with the keyboard', async () => {
    const client = await signedIn(REPRESENTATIVE);
    const el = await open(client, { associationId: REPRESENTED });
    expect($(el, '.role').textContent).to.contain('représentant');
    await expect(el).to.be.accessible(A11Y);

    // Profile: "Edit" focuses the first description; the text typed is saved with If-Match.
    await tabTo(el, '#pf-edit');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => deepActive()?.id === 'pf-description-ar', 'the form opens on its first field', T);
    const stamp = `${Date.now()}`;
    const description = `Bibliothèque de douar ${stamp}`;
    await tabTo(el, '#pf-description-fr');
    await sendKeys({ type: description });
    await expect(el).to.be.accessible(A11Y);
    await tabTo(el, '#pf-save');
    await sendKeys({ press: 'Enter' });
    await announced(el, 'Profil de l’association enregistré.');
    const profile = await client.request(getAssociationProfileRef, {
      params: { associationId: REPRESENTED },
    });
    expect(profile.descriptions?.fr).to.equal(description);
    expect(deepActive()?.id).to.equal('pf-edit');

    // Documents: arrow keys move along the tabs; the upload form is filled and sent from the keyboard.
    ($(el, '#as-tab-profile') as HTMLElement).focus();
    await sendKeys({ press: 'ArrowRight' });
    expect(deepActive()?.id).to.equal('as-tab-documents');
    expect($(el, '#as-tab-documents').getAttribute('aria-selected')).to.equal('true');
    expect(has(el, '[data-document]')).to.equal(true);
    await tabTo(el, '#dc-kind');
    const kind = $<HTMLSelectElement>(el, '#dc-kind');
    // The kinds list statutes first: ArrowDown picks the general assembly minutes.
    await sendKeys({ press: 'ArrowDown' });
    expect(kind.value).to.equal('general_assembly_minutes');
    choose($<HTMLInputElement>(el, '#dc-file'), pdf(`pv-ag-${stamp}.pdf`));
    await tabTo(el, '#dc-submit');
    await sendKeys({ press: 'Enter' });
    await announced(el, `Document « pv-ag-${stamp}.pdf » ajouté au coffre-fort.`);
    const vault = await client.request(listVaultDocumentsRef, { params: { associationId: REPRESENTED } });
    expect(vault.items.map((d) => d.fileName)).to.include(`pv-ag-${stamp}.pdf`);
    expect(
      has(el, `[data-document="${vault.items.find((d) => d.fileName === `pv-ag-${stamp}.pdf`)?.id}"]`),
    ).to.equal(true);

    // Members: the invitation is typed and sent from the keyboard.
    ($(el, '#as-tab-documents') as HTMLElement).focus();
    await sendKeys({ press: 'ArrowRight' });
    expect(deepActive()?.id).to.equal('as-tab-members');
    await tabTo(el, '#mb-email');
    const email = `invite-${stamp}@example.ma`;
    await sendKeys({ type: email });
    await tabTo(el, '#mb-send');
    await sendKeys({ press: 'Enter' });
    await announced(el, `Invitation envoyée à ${email}.`);
    expect($<HTMLInputElement>(el, '#mb-email').value).to.equal('');
    await expect(el).to.be.accessible(A11Y);
  });

  it('keeps what was typed when a save fails, and says why', async () => {
    const client = await signedIn(REPRESENTATIVE);
    const el = await open(client, { associationId: REPRESENTED });
    $(el, '#pf-edit').click();
    await el.updateComplete;
    const website = $<HTMLInputElement>(el, '#pf-website');
    website.focus();
    website.value = 'javascript:alert(1)';
    website.dispatchEvent(new Event('input'));
    $(el, '#pf-save').click();
    await waitUntil(() => deepActive()?.id === 'pf-website', 'the website field takes the focus', T);
    expect(website.getAttribute('aria-invalid')).to.equal('true');
    expect($(el, '#pf-website-error').textContent).to.contain('https://');
    expect(website.value).to.equal('javascript:alert(1)');
  });

  it('keeps the reader’s text when someone saved the profile meanwhile, and saves it over on request', async () => {
    const client = await signedIn(REPRESENTATIVE);
    const el = await open(client, { associationId: REPRESENTED });
    $(el, '#pf-edit').click();
    await el.updateComplete;
    // Someone else saves first, from another session.
    const other = await signedIn(REPRESENTATIVE);
    const { etag } = await other.transport.opWithEtag(getAssociationProfileRef, {
      params: { associationId: REPRESENTED },
    });
    await other.request(updateAssociationRef, {
      params: { associationId: REPRESENTED },
      body: { descriptions: { ar: `نسخة أخرى ${Date.now()}` } },
      ifMatch: etag ?? '*',
    });
    const mine = `Ma version ${Date.now()}`;
    const field = $<HTMLTextAreaElement>(el, '#pf-description-fr');
    field.value = mine;
    field.dispatchEvent(new Event('input'));
    $(el, '#pf-save').click();
    await waitUntil(() => has(el, '#pf-conflict'), 'the conflict is shown', T);
    await waitUntil(() => deepActive()?.id === 'pf-conflict', 'the conflict takes the focus', T);
    expect($<HTMLTextAreaElement>(el, '#pf-description-fr').value).to.equal(mine);
    await expect(el).to.be.accessible(A11Y);
    $(el, '#pf-overwrite').click();
    await announced(el, 'Profil de l’association enregistré.');
    const profile = await client.request(getAssociationProfileRef, {
      params: { associationId: REPRESENTED },
    });
    expect(profile.descriptions?.fr).to.equal(mine);
  });

  it('shows a member only what a member may do: no invitation, no editing, leaving', async () => {
    const client = await signedIn(MEMBER);
    const el = await open(client, { associationId: REPRESENTED });
    expect($(el, '.role').textContent).to.contain('membre');
    expect(has(el, '#pf-edit')).to.equal(false);
    expect($(el, '#as-panel-profile').textContent).to.contain('représentant·e de l’association modifie');
    $(el, '#as-tab-documents').click();
    await el.updateComplete;
    expect(has(el, '#dc-kind')).to.equal(false);
    expect(has(el, '[data-remove]')).to.equal(false);
    expect(has(el, '[data-download]')).to.equal(true);
    $(el, '#as-tab-members').click();
    await el.updateComplete;
    await waitUntil(() => has(el, '[data-member]'), 'the members are listed', T);
    expect(has(el, '#mb-email')).to.equal(false);
    expect(has(el, '[data-remove-member]')).to.equal(false);
    expect(has(el, '[data-hand-over]')).to.equal(false);
    expect(has(el, '#mb-leave')).to.equal(true);
    const members = await client.request(listMembersRef, { params: { associationId: REPRESENTED } });
    expect(el.shadowRoot?.querySelectorAll('[data-member]').length).to.equal(members.items.length);
    // Leaving asks first; Cancel puts the focus back on the button.
    $(el, '#mb-leave').click();
    await waitUntil(() => has(el, '.confirm [data-confirm]'), 'the confirmation opens', T);
    expect(deepActive()).to.equal($(el, '.confirm [data-confirm]'));
    await expect(el).to.be.accessible(A11Y);
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => deepActive()?.id === 'mb-leave', 'the focus is back on Leave', T);
    expect(has(el, '.confirm')).to.equal(false);
  });

  it('lets an account with two associations pick one', async () => {
    const client = await signedIn(MEMBER);
    const el = await open(client);
    const picker = $<HTMLSelectElement>(el, '#as-picker');
    expect([...picker.options].map((o) => o.value)).to.include.members([
      FIXTURES.associations.represented,
      FIXTURES.associations.memberOnly,
    ]);
    picker.value = FIXTURES.associations.memberOnly;
    $(el, '.picker button').click();
    await waitUntil(() => has(el, '[role="tablist"]'), 'the chosen association opens', T);
    expect(el.associationId).to.equal(FIXTURES.associations.memberOnly);
    await expect(el).to.be.accessible(A11Y);
  });

  it('tells an account whose claim waits for verification that it can do nothing yet', async () => {
    const client = await signedIn(CITIZEN);
    const el = await open(client, { lang: 'ar' });
    expect($(el, '.claim-state').dataset.state).to.equal('pending-claim');
    expect($(el, '#cl-pending').textContent).to.equal('طلبكم قيد التحقق');
    expect(has(el, 'form.claim')).to.equal(false);
    await expect(el).to.be.accessible(A11Y);
  });

  it('checks the claim form before sending it, and keeps it with the platform’s refusal', async () => {
    const client = await signedIn(NO_ASSOCIATION);
    const el = await open(client);
    expect($(el, '.claim-state').dataset.state).to.equal('no-association');
    await expect(el).to.be.accessible(A11Y);
    // Sent empty: the first field missing takes the focus and says why.
    await tabTo(el, '#cl-submit');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => deepActive()?.id === 'cl-receiptNumber', 'the first missing field is focused', T);
    expect($(el, '#cl-receiptNumber-error').textContent).to.equal('Ce champ est obligatoire.');
    expect($(el, '#cl-mandate').getAttribute('aria-invalid')).to.equal('true');
    // Registering asks for the names, legal form, region and fields of action.
    $(el, '#cl-kind-register').click();
    await el.updateComplete;
    expect(has(el, '#cl-nameAr') && has(el, '#cl-legalForm') && has(el, '#cl-domains')).to.equal(true);
    $(el, '#cl-kind-claim').click();
    await el.updateComplete;
    // An association already claimed by someone else: the platform refuses, the form stays as typed.
    const claimed = await client.request(getAssociationRef, {
      params: { associationId: FIXTURES.associations.claimedByCitizen },
    });
    const type = (selector: string, value: string) => {
      const input = $<HTMLInputElement>(el, selector);
      input.value = value;
    };
    type('#cl-receiptNumber', claimed.registrationNumber);
    type('#cl-receiptDate', claimed.foundedOn);
    type('#cl-name', claimed.name.ar ?? '');
    choose($<HTMLInputElement>(el, '#cl-receipt'), pdf('recepisse.pdf'));
    choose($<HTMLInputElement>(el, '#cl-mandate'), pdf('mandat.pdf'));
    $(el, '#cl-submit').click();
    // The receipt number is taken by the pending claim: 409 receipt_already_claimed, said in French.
    await waitUntil(
      () => $(el, 'form.claim').querySelector('.error[role="alert"]')?.textContent?.includes('récépissé'),
      'the refusal is shown',
      T,
    );
    expect($(el, 'form.claim .error').textContent?.trim()).to.equal(
      'Ce numéro de récépissé est déjà revendiqué ou vérifié. S’il s’agit de votre association, contactez la plateforme.',
    );
    expect($<HTMLInputElement>(el, '#cl-receiptNumber').value).to.equal(claimed.registrationNumber);
    expect($<HTMLInputElement>(el, '#cl-mandate').files?.length).to.equal(1);
    expect($(el, '.claim-state').dataset.state).to.equal('no-association');
  });

  it('shows the applications with their next step, and the training registrations with their participant', async () => {
    const client = await signedIn(REPRESENTATIVE);
    const el = await open(client, { associationId: REPRESENTED });
    $(el, '#as-tab-applications').click();
    await el.updateComplete;
    const awarded = $(el, `[data-application="${FIXTURES.applications.awardedOfRepresented}"]`);
    expect(awarded.dataset.status).to.equal('awarded');
    expect(awarded.querySelector('.next')?.textContent).to.equal(
      'Étape suivante : remettre les rapports dus à leurs échéances.',
    );
    // Without `application-href`, "Open" tells the page which application to open.
    setTimeout(() => (awarded.querySelector('button[data-open]') as HTMLElement).click());
    const opened = await oneEvent(el, 'nassij-application-open');
    expect(opened.detail.applicationId).to.equal(FIXTURES.applications.awardedOfRepresented);
    $(el, '#as-tab-trainings').click();
    await el.updateComplete;
    const attended = await client.request(getRegistrationRef, {
      params: { registrationId: FIXTURES.registrations.attendedOfRepresented },
    });
    const course = await client.request(getCourseRef, { params: { courseId: attended.courseId } });
    const line = $(el, `[data-registration="${attended.id}"]`);
    expect(line.textContent).to.contain(attended.participant.name);
    expect(line.textContent).to.contain(pickText(course.title, 'fr').text);
    await expect(el).to.be.accessible(A11Y);
  });

  it('shows the competencies the platform records for the association: a course a member completed, with its competency and level', async () => {
    const client = await signedIn(REPRESENTATIVE);
    const completed = await client.request(getRegistrationRef, {
      params: { registrationId: FIXTURES.registrations.completedOfMember },
    });
    expect(completed.status).to.equal('completed');
    const course = await client.request(getCourseRef, { params: { courseId: completed.courseId } });
    expect(course.competencies.length).to.be.greaterThan(0);
    const el = await open(client, { lang: 'en', associationId: REPRESENTED });
    // To the trainings tab by keyboard: Tab to the selected tab, End to the last one.
    await tabTo(el, '#as-tab-profile');
    await sendKeys({ press: 'End' });
    expect(deepActive()?.id).to.equal('as-tab-trainings');
    await el.updateComplete;
    for (const { code, level } of course.competencies) {
      const item = $(el, `.competencies [data-competency="${code}"]`);
      // Reached at least at this course's level; the course is listed with the level it brought.
      expect(Number(item.dataset.level), code).to.be.at.least(level);
      const acquisition = item.querySelector(
        `[data-course="${course.id}"][data-session="${completed.sessionId}"]`,
      );
      expect(acquisition, `${code} from ${course.id}`).to.not.equal(null);
      expect(acquisition!.textContent).to.contain(pickText(course.title, 'en').text);
      expect(acquisition!.textContent).to.contain(`(level ${level})`);
      expect(item.textContent).to.contain(`Highest level reached by the members: ${item.dataset.level}`);
    }
    // The platform's record as it is, not counted in the browser: the same competencies, in the same order.
    const record = await client.request(associationCompetenciesRef, {
      params: { associationId: REPRESENTED },
    });
    const shown = [...el.shadowRoot!.querySelectorAll<HTMLElement>('.competencies > li')].map(
      (li) => li.dataset.competency,
    );
    expect(shown).to.deep.equal(record.competencies.map((c) => c.code));
    expect(el.shadowRoot!.textContent).not.to.match(/as\.trainings|undefined/);
    await expect(el).to.be.accessible(A11Y);
  });

  it('shows what the page gives it in data mode, without a client', async () => {
    const el = await fixture<NassijAssociationSpace>(
      html`<nassij-association-space lang="en" .home=${{ memberships: [], claims: [] }}></nassij-association-space>`,
    );
    await el.whenMessagesReady();
    await el.updateComplete;
    expect($(el, '.claim-state').dataset.state).to.equal('no-association');
    expect($(el, '#cl-heading').textContent).to.equal('Your account belongs to no association yet');
    expect(has(el, 'form.claim')).to.equal(true);
    await expect(el).to.be.accessible(A11Y);
  });

  it('lays the Arabic space out right to left, the tabs from the right, at 320 px too', async () => {
    const client = await signedIn(REPRESENTATIVE);
    const el = await open(client, { lang: 'ar', associationId: REPRESENTED });
    expect(getComputedStyle(el).direction).to.equal('rtl');
    const first = $(el, '#as-tab-profile').getBoundingClientRect();
    const second = $(el, '#as-tab-documents').getBoundingClientRect();
    expect(first.left).to.be.greaterThan(second.left);
    // In Arabic the arrow pointing left moves to the next tab.
    $(el, '#as-tab-profile').focus();
    await sendKeys({ press: 'ArrowLeft' });
    expect(deepActive()?.id).to.equal('as-tab-documents');
    await sendKeys({ press: 'End' });
    expect(deepActive()?.id).to.equal('as-tab-trainings');
    // The competencies in Arabic, each line starting on the right.
    await el.updateComplete;
    const competency = $(el, '.competencies > li');
    expect(competency.textContent).to.contain('أعلى مستوى بلغه الأعضاء');
    const title = competency.querySelector('.app-title')!;
    const range = document.createRange();
    range.selectNodeContents(title);
    const words = range.getBoundingClientRect();
    expect(Math.round(title.getBoundingClientRect().right - words.right)).to.equal(0);
    expect(words.left).to.be.greaterThan(title.getBoundingClientRect().left);
    await expect(el).to.be.accessible(A11Y);
    await setViewport({ width: 320, height: 640 });
    try {
      await el.updateComplete;
      expect(document.documentElement.scrollWidth).to.be.at.most(320);
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });
});
