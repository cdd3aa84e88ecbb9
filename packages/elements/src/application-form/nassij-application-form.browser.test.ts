import type { Application, Call } from '@nassij/contract';
import {
  amendCallRef,
  attachFromVaultRef,
  getApplicationRef,
  getCallRef,
  listApplicationsRef,
  listVaultDocumentsRef,
  startApplicationRef,
  type VaultDocument,
} from '@nassij/contract';
import { type BaseClient, createBaseClient, isNassijError } from '@nassij/sdk';
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import { API_BASE } from '/__nassij__/env.js';
import { catalogProblems } from '../i18n/catalogs.js';
import {
  DEMO_CALL,
  DEMO_DRAFT,
  DEMO_INELIGIBLE,
  DEMO_SUBMITTED,
  demoDecided,
} from '../test-support/demo/application.js';
import { FIXTURES } from '../test-support/fixtures.js';
import { applicationFormMessages } from './application-form.messages.js';
import './define.js';
import { deepActive } from '../test-support/focus.js';
import { forgetStored } from '../test-support/storage.js';
import type { NassijApplicationForm } from './nassij-application-form.js';
import { sortForRequirement, vaultKindsFor, vaultRefusal } from './views/vault-picker.js';

const ACCOUNTS = {
  member: ['member@demo.nassij.ma', 'demo-member-2026'],
  representative: ['representative@demo.nassij.ma', 'demo-representative-2026'],
  ministryCallManager: ['ministry-manager@demo.nassij.ma', 'demo-ministry-manager-2026'],
  regionCallManager: ['region-manager@demo.nassij.ma', 'demo-region-manager-2026'],
} as const;
const A11Y = { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] };
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const { associations: ASSOCIATIONS, calls: CALLS, organisations: ORGANISATIONS } = FIXTURES;
/** An upload goes to the server and back: more than waitUntil's default second when two test files share it. */
const UPLOAD = { timeout: 10000 };

async function signedIn(who: keyof typeof ACCOUNTS, fetchImpl?: typeof fetch): Promise<BaseClient> {
  const client = createBaseClient({ baseUrl: API_BASE, ...(fetchImpl ? { fetch: fetchImpl } : {}) });
  await client.auth.signIn(ACCOUNTS[who][0], ACCOUNTS[who][1]);
  return client;
}

async function mount(client: BaseClient, call: string, lang = 'ar'): Promise<NassijApplicationForm> {
  return fixture<NassijApplicationForm>(
    html`<nassij-application-form lang=${lang} call=${call} autosave-delay="50" .client=${client}></nassij-application-form>`,
  );
}

const $ = <T extends Element = HTMLElement>(el: NassijApplicationForm, selector: string): T => {
  const found = el.shadowRoot?.querySelector<T>(selector);
  if (!found) throw new Error(`no ${selector}`);
  return found;
};

function type(el: NassijApplicationForm, id: string, value: string): void {
  const input = $<HTMLInputElement>(el, `#${id}`);
  input.value = value;
  input.dispatchEvent(new Event(input instanceof HTMLSelectElement ? 'change' : 'input'));
}

/** From sign-in to the first step of the form, for a person with one association. */
async function openForm(client: BaseClient, call: string, lang = 'ar'): Promise<NassijApplicationForm> {
  const el = await mount(client, call, lang);
  await waitUntil(() => el.phase === 'eligibility' && el.eligibility, 'eligibility shown');
  $(el, '.eligibility button').click();
  await waitUntil(() => el.phase === 'form', 'form shown');
  await el.updateComplete;
  return el;
}

function pdf(): File {
  const text = '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n';
  return new File([text], 'statuts.pdf', { type: 'application/pdf' });
}

/** A minimal OOXML spreadsheet: a stored ZIP with `[Content_Types].xml` and `xl/workbook.xml`. */
function xlsx(): File {
  const enc = new TextEncoder();
  const entries = [
    { name: '[Content_Types].xml', data: enc.encode('<Types/>') },
    { name: 'xl/workbook.xml', data: enc.encode('<workbook/>') },
  ];
  const parts: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const { name, data } of entries) {
    const n = enc.encode(name);
    const local = new DataView(new ArrayBuffer(30));
    local.setUint32(0, 0x04034b50, true);
    local.setUint32(18, data.length, true);
    local.setUint32(22, data.length, true);
    local.setUint16(26, n.length, true);
    parts.push(new Uint8Array(local.buffer), n, data);
    const c = new DataView(new ArrayBuffer(46));
    c.setUint32(0, 0x02014b50, true);
    c.setUint32(20, data.length, true);
    c.setUint32(24, data.length, true);
    c.setUint16(28, n.length, true);
    c.setUint32(42, offset, true);
    central.push(new Uint8Array(c.buffer), n);
    offset += 30 + n.length + data.length;
  }
  const dirSize = central.reduce((s, p) => s + p.length, 0);
  const end = new DataView(new ArrayBuffer(22));
  end.setUint32(0, 0x06054b50, true);
  end.setUint16(8, entries.length, true);
  end.setUint16(10, entries.length, true);
  end.setUint32(12, dirSize, true);
  end.setUint32(16, offset, true);
  return new File([...parts, ...central, new Uint8Array(end.buffer)] as BlobPart[], 'budget.xlsx', {
    type: XLSX_TYPE,
  });
}

function choose(el: NassijApplicationForm, fieldId: string, file: File): void {
  const input = $<HTMLInputElement>(el, `#f-${fieldId}`);
  const transfer = new DataTransfer();
  transfer.items.add(file);
  input.files = transfer.files;
  input.dispatchEvent(new Event('change'));
}

async function fillProject(el: NassijApplicationForm): Promise<void> {
  type(el, 'f-project_title', 'نادي القراءة في الدواوير');
  type(el, 'f-summary', 'أنشطة قراءة أسبوعية لفائدة الأطفال');
  type(el, 'f-start_date', '2027-01-15');
  type(el, 'f-duration_months', '12');
  type(el, 'f-project_region', 'MA-09');
  $(el, '#f-area-1').click();
  await el.updateComplete;
}

beforeEach(() => forgetStored('nassij:application:'));

describe('<nassij-application-form>', () => {
  it('has every message in every locale', async () => {
    expect(await catalogProblems(applicationFormMessages)).to.deep.equal([]);
  });

  it('stops an ineligible association before any typing, with every unmet rule in words', async () => {
    const el = await mount(await signedIn('member'), CALLS.openEligible);
    await waitUntil(() => el.phase === 'choose', 'association choice shown');
    await expect(el).to.be.accessible(A11Y);
    // The member's second association is too young for the open call.
    $(el, `#asso-${ASSOCIATIONS.memberOnly}`).click();
    $(el, '.choose button[type=submit]').click();
    await waitUntil(() => el.eligibility, 'eligibility checked');
    await el.updateComplete;
    const reasons = [...el.shadowRoot!.querySelectorAll('.not-eligible li')];
    expect(reasons.map((r) => r.getAttribute('data-code'))).to.include('too_young');
    expect(reasons[0]?.textContent).to.match(/2/);
    expect(el.shadowRoot!.querySelector('input:not([type=radio]), textarea')).to.equal(null);
    await expect(el).to.be.accessible(A11Y);
  });

  it('goes through every step with keyboard-reachable errors and uploads; a member drafts, the representative submits once on a double click', async () => {
    const client = await signedIn('member');
    const el = await mount(client, CALLS.openEligible);
    await waitUntil(() => el.phase === 'choose');
    $(el, `#asso-${ASSOCIATIONS.represented}`).click();
    $(el, '.choose button[type=submit]').click();
    await waitUntil(() => el.eligibility?.eligible === true, 'eligible');
    await el.updateComplete;
    $(el, '.eligibility button').click();
    await waitUntil(() => el.phase === 'form');
    await el.updateComplete;
    expect($(el, '.progress').textContent).to.contain('1').and.contain('4');

    // Empty step: the summary takes focus and each link focuses its field.
    $(el, 'button.next').click();
    await waitUntil(
      () => el.shadowRoot!.activeElement?.classList.contains('error-summary'),
      'summary focused',
    );
    const link = $(el, '.error-summary a');
    expect(link.textContent).to.contain('عنوان المشروع');
    link.focus();
    await sendKeys({ press: 'Enter' });
    expect(el.shadowRoot!.activeElement?.id).to.equal('f-project_title');
    await sendKeys({ type: 'نادي' });
    expect(el.answers.project_title).to.equal('نادي');
    await expect(el).to.be.accessible(A11Y);

    await fillProject(el);
    $(el, 'button.next').click();
    await waitUntil(() => el.step === 1, 'budget step');
    await el.updateComplete;
    $(el, '[data-field=budget_lines]').click();
    await el.updateComplete;
    type(el, 'f-budget_lines-0-label', 'كتب');
    type(el, 'f-budget_lines-0-amount', '100000.10');
    type(el, 'f-budget_lines-0-coFinanced', '20000.05');
    type(el, 'f-requested_amount', '80000.05');
    await el.updateComplete;
    expect($(el, '.requested').textContent).to.contain('80.000,05');
    $(el, 'button.next').click();
    await waitUntil(() => el.step === 2, 'beneficiaries step');
    await el.updateComplete;
    type(el, 'f-beneficiaries-count', '120');
    $(el, 'button.next').click();
    await waitUntil(() => el.step === 3, 'documents step');
    await el.updateComplete;

    choose(el, 'doc_statutes', pdf());
    await waitUntil(
      () => el.application?.attachments.some((a) => a.documentId === 'statutes'),
      'pdf uploaded',
      UPLOAD,
    );
    choose(el, 'doc_budget', xlsx());
    await waitUntil(() => el.application?.attachments.length === 2, 'xlsx uploaded', UPLOAD);
    await waitUntil(() => el.application?.attachments.every((a) => a.scanState === 'clean'), 'scanned', {
      timeout: 15000,
    });
    await el.updateComplete;
    expect($(el, '.scan').getAttribute('data-scan')).to.equal('clean');

    $(el, 'button.next').click();
    await waitUntil(() => el.phase === 'review', 'review page');
    await el.updateComplete;
    // A member drafts; only the association's representative sends. The member is told so, the draft stays.
    $<HTMLButtonElement>(el, 'button.submit').click();
    await waitUntil(() => el.submitError === 'forbidden', 'refused to a member', { timeout: 15000 });
    await el.updateComplete;
    expect($(el, '.submit-error').textContent).to.contain('الممثل');
    expect(el.phase).to.equal('review');
    await expect(el).to.be.accessible(A11Y);

    // The representative opens the same draft, finds every answer, and sends it.
    const signer = await openForm(await signedIn('representative'), CALLS.openEligible);
    expect(signer.application?.id).to.equal(el.application?.id);
    expect(signer.answers.project_title).to.equal(el.answers.project_title);
    await signer.goTo(signer.sections.length - 1);
    $(signer, 'button.next').click();
    await waitUntil(() => signer.phase === 'review', 'review page of the representative');
    await signer.updateComplete;
    const submit = $<HTMLButtonElement>(signer, 'button.submit');
    submit.click();
    submit.click();
    signer.submit();
    await waitUntil(() => signer.phase === 'done', 'submitted', { timeout: 15000 });
    await signer.updateComplete;
    expect($(signer, '.receipt-number').textContent?.trim()).to.match(/^[A-Z0-9]+(-[A-Z0-9]+)+$/);
    expect($(signer, '.receipt').textContent).to.match(/UTC/);
    expect($(signer, '.hash').textContent).to.match(/^sha256:/);
    expect($(signer, '.timeline li[data-step=submitted]').getAttribute('data-state')).to.not.equal('pending');
    expect($(signer, '.timeline li[data-step=decision]').getAttribute('data-state')).to.equal('pending');
    const mine = await client.request(listApplicationsRef, {
      query: { callId: CALLS.openEligible, associationId: ASSOCIATIONS.represented },
    });
    expect(mine.items.length).to.equal(1);
    expect(['submitted', 'received']).to.include(mine.items[0]?.status);
    await expect(signer).to.be.accessible(A11Y);
  });

  it('keeps typing across a reload, then resumes from the server copy on another device', async () => {
    const client = await signedIn('representative');
    const first = await openForm(client, CALLS.openForDrafts[0]);
    type(first, 'f-summary', 'نص لم يُرسل بعد');
    first.remove(); // a crash: before the server save
    const second = await openForm(client, CALLS.openForDrafts[0]);
    expect($<HTMLTextAreaElement>(second, '#f-summary').value).to.equal('نص لم يُرسل بعد');
    await waitUntil(
      () => second.savedAt && $(second, '.save-state').textContent?.match(/\d\d:\d\d/),
      'saved at',
    );
    second.remove();
    forgetStored('nassij:application:'); // another device
    const third = await openForm(client, CALLS.openForDrafts[0]);
    expect($<HTMLTextAreaElement>(third, '#f-summary').value).to.equal('نص لم يُرسل بعد');
  });

  it('explains a two-tab conflict and keeps both texts', async () => {
    const tabA = await openForm(await signedIn('representative'), CALLS.openForDrafts[1]);
    const tabB = await openForm(await signedIn('representative'), CALLS.openForDrafts[1]);
    type(tabA, 'f-summary', 'نص النافذة الأولى');
    await tabA.save();
    type(tabB, 'f-summary', 'نص النافذة الثانية');
    await tabB.save();
    await waitUntil(() => tabB.conflicts.length === 1, 'conflict');
    await tabB.updateComplete;
    const dialog = $<HTMLDialogElement>(tabB, 'dialog.conflict');
    expect(dialog.open).to.equal(true);
    expect(dialog.querySelector('.mine')?.textContent).to.contain('نص النافذة الثانية');
    expect(dialog.querySelector('.theirs')?.textContent).to.contain('نص النافذة الأولى');
    $(tabB, '#c-summary-merge').click();
    await tabB.updateComplete;
    $(tabB, 'dialog.conflict button[type=submit]').click();
    await waitUntil(() => !tabB.conflicts.length && tabB.savedAt, 'saved after merge');
    await tabB.save();
    const merged = tabB.application?.answers.summary as string;
    expect(merged).to.contain('نص النافذة الأولى').and.contain('نص النافذة الثانية');
  });

  it('refuses a wrong type before sending, shows progress and the scan, and mirrors in Arabic', async () => {
    const el = await openForm(await signedIn('representative'), CALLS.openForDrafts[2]);
    await el.goTo(el.callData!.form.sections.length - 1);
    const slot = el.callData!.form.sections.at(-1)!.fields.find((f) => f.type === 'attachment')!;
    const seen: number[] = [];
    const observer = new MutationObserver(() => {
      const bar = el.shadowRoot!.querySelector('progress');
      if (bar) seen.push(bar.value);
    });
    observer.observe(el.shadowRoot!, { subtree: true, childList: true, attributes: true });
    const png = new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])], 'photo.png', {
      type: 'image/png',
    });
    const document = el.callData!.requiredDocuments.find(
      (d) => d.id === (slot as { documentId: string }).documentId,
    )!;
    if (!document.mediaTypes.includes('image/png')) {
      choose(el, slot.id, png);
      await waitUntil(() => el.shadowRoot!.querySelector('.upload-error'), 'refused', UPLOAD);
      // The type and the accepted formats in words (PNG, PDF), never a MIME type.
      expect($(el, '.upload-error').textContent).to.contain('PNG').and.not.contain('image/png');
      expect(el.application?.attachments.length).to.equal(0);
    }
    choose(el, slot.id, document.mediaTypes.includes('application/pdf') ? pdf() : xlsx());
    await waitUntil(() => el.application?.attachments.length === 1, 'uploaded', UPLOAD);
    observer.disconnect();
    expect(seen.length).to.be.greaterThan(0);
    await el.updateComplete;
    expect($(el, '.scan').textContent?.trim().length).to.be.greaterThan(0);

    // Arabic: "next" sits at the inline end, on the left.
    const back = $(el, 'button.back').getBoundingClientRect();
    const next = $(el, 'button.next').getBoundingClientRect();
    expect(next.left).to.be.lessThan(back.left);
    el.setAttribute('lang', 'fr');
    await el.whenMessagesReady();
    await el.updateComplete;
    expect(el.getAttribute('dir')).to.equal('ltr');
    expect($(el, 'button.next').getBoundingClientRect().left).to.be.greaterThan(
      $(el, 'button.back').getBoundingClientRect().left,
    );
    expect($(el, '.progress').textContent).to.contain('Étape');

    $(el, '.document button.subtle').click();
    await waitUntil(() => el.application?.attachments.length === 0, 'removed', UPLOAD);
  });

  it('shows a late submission refused by the server, with the draft kept and a countdown', async () => {
    // A second reference server whose clock the test moves, so the deadline really passes before submitting.
    const { url } = (await executeServerCommand('nassij-clock-server-start')) as { url: string };
    const [email, password] = ACCOUNTS.representative;
    const client = createBaseClient({ baseUrl: url });
    await client.auth.signIn(email, password);
    const el = await openForm(client, CALLS.closingTomorrow);
    const closes = el.callData?.dates.closes?.at ?? '';
    // The call closes tomorrow, within two days of the server's now: the deadline and its countdown are on screen.
    expect($(el, '.deadline').textContent?.trim()).to.not.equal('');
    expect($(el, '.countdown').textContent?.trim()).to.not.equal('');

    await fillProject(el);
    $(el, 'button.next').click();
    await waitUntil(() => el.step === 1, 'budget step');
    await el.updateComplete;
    $(el, '[data-field=budget_lines]').click();
    await el.updateComplete;
    type(el, 'f-budget_lines-0-label', 'كتب');
    type(el, 'f-budget_lines-0-amount', '30000');
    type(el, 'f-budget_lines-0-coFinanced', '3000');
    type(el, 'f-requested_amount', '27000');
    $(el, 'button.next').click();
    await waitUntil(() => el.step === 2, 'beneficiaries step');
    await el.updateComplete;
    type(el, 'f-beneficiaries-count', '120');
    $(el, 'button.next').click();
    await waitUntil(() => el.step === 3, 'documents step');
    await el.updateComplete;
    choose(el, 'doc_statutes', pdf());
    await waitUntil(
      () => el.application?.attachments.some((a) => a.documentId === 'statutes'),
      'pdf uploaded',
      UPLOAD,
    );
    choose(el, 'doc_budget', xlsx());
    await waitUntil(() => el.application?.attachments.length === 2, 'xlsx uploaded', UPLOAD);
    await waitUntil(() => el.application?.attachments.every((a) => a.scanState === 'clean'), 'scanned', {
      timeout: 15000,
    });
    await el.updateComplete;
    $(el, 'button.next').click();
    await waitUntil(() => el.phase === 'review', 'review page');
    await el.save();

    const { now } = (await executeServerCommand('nassij-clock-advance', { days: 3 })) as { now: string };
    expect(Date.parse(now)).to.be.greaterThan(Date.parse(closes));
    // The 12-hour token expired with the moved clock as well: the representative signs in again.
    await client.auth.signIn(email, password);
    await el.updateComplete;
    $(el, 'button.submit').click();
    await waitUntil(() => el.submitError === 'deadline_passed', 'refused by the server');
    await el.updateComplete;
    expect($(el, '.submit-error').getAttribute('data-code')).to.equal('deadline_passed');
    expect($(el, '.submit-error').textContent).to.contain('مسودتكم محفوظة');
    expect(el.phase).to.equal('review');
    expect(el.answers.project_title).to.equal('نادي القراءة في الدواوير');
    const stored: Application = await client.request(getApplicationRef, {
      params: { applicationId: el.application?.id ?? '' },
    });
    expect(stored.status).to.equal('draft');
    expect(stored.answers.project_title).to.equal('نادي القراءة في الدواوير');
    expect(stored.attachments.length).to.equal(2);
  });
});

/** Presses Tab (or Shift+Tab) until `reached` holds for the focused element; fails after `max` presses. */
async function tabTo(reached: (el: Element) => boolean, what: string, { back = false, max = 25 } = {}) {
  for (let i = 0; i < max; i++) {
    const active = deepActive();
    if (active && reached(active)) return active;
    if (back) await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Tab' });
    if (back) await sendKeys({ up: 'Shift' });
  }
  throw new Error(`Tab never reached ${what}; focus on ${deepActive()?.outerHTML.slice(0, 80)}`);
}

/** Waits until focus is on `selector` inside the form, and says where it was otherwise. */
async function focusOn(el: NassijApplicationForm, selector: string, what: string): Promise<void> {
  await waitUntil(
    () => {
      const active = deepActive();
      return active !== null && active !== document.body && active === el.shadowRoot?.querySelector(selector);
    },
    `focus on ${what}; it is on ${deepActive()?.outerHTML.slice(0, 80) ?? 'nothing'}`,
    { timeout: 10000 },
  );
}

async function dataMode(props: Partial<NassijApplicationForm>, lang = 'fr'): Promise<NassijApplicationForm> {
  const el = await fixture<NassijApplicationForm>(
    html`<nassij-application-form lang=${lang}></nassij-application-form>`,
  );
  Object.assign(el, { callData: DEMO_CALL, application: DEMO_DRAFT, answers: DEMO_DRAFT.answers, ...props });
  await el.whenMessagesReady();
  await el.updateComplete;
  return el;
}

const DAY = 86_400_000;

describe('<nassij-application-form> defects of issue 13', () => {
  it('without a call, says how to pick one (link to the calls), with no skeleton and nothing busy', async () => {
    const el = await fixture<NassijApplicationForm>(
      html`<nassij-application-form lang="fr" api-base=${API_BASE} calls-href="/calls/"></nassij-application-form>`,
    );
    await el.whenMessagesReady();
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[aria-busy], [data-state=loading], .nassij-skeleton')).to.equal(
      null,
    );
    expect($(el, '.idle').textContent).to.contain('Choisissez d’abord un appel ouvert');
    expect(new URL($<HTMLAnchorElement>(el, '.idle a').href).pathname).to.equal('/calls/');
    await expect(el).to.be.accessible(A11Y);
  });

  it('opens the sign-in popup in its own language, then focuses the eligibility heading and the first step', async () => {
    const client = createBaseClient({ baseUrl: API_BASE });
    const el = await mount(client, CALLS.openForDrafts[2], 'fr');
    await waitUntil(() => el.shadowRoot!.querySelector('button.sign-in'), 'sign-in button');
    $(el, 'button.sign-in').focus();
    await sendKeys({ press: 'Enter' });
    const [email, password] = ACCOUNTS.representative;
    const { url } = (await executeServerCommand('nassij-popup-sign-in', { email, password })) as {
      url: string;
    };
    expect(new URL(url).searchParams.get('lang')).to.equal('fr');
    // One association: chosen for the reader; focus goes to the eligibility heading, not to <body>.
    await focusOn(el, '#af-elig', 'the eligibility heading');
    $(el, 'button.start').focus();
    await sendKeys({ press: 'Enter' });
    await focusOn(el, '.step h3', 'the first step heading');
    expect(el.phase).to.equal('form');
  });

  it("names file types and sizes in words, and joins lists the reader's way", async () => {
    const el = await dataMode({ phase: 'form', step: 3 });
    const shown = el.shadowRoot!.textContent ?? '';
    expect(shown).to.not.match(/\b(MB|KB|MAD)\b|application\/|vnd\./);
    expect($(el, '.document .hint').textContent)
      .to.contain('PDF')
      .and.match(/\d\s?Mo/);
    expect($(el, '.attached').textContent).to.match(/\d\s?ko/);
    el.answers = { ...DEMO_DRAFT.answers, partners: ['commune', 'school', 'private'] };
    el.phase = 'review';
    await el.updateComplete;
    const review = $(el, '.review').textContent ?? '';
    expect(review).to.contain('Commune, Établissement scolaire et Secteur privé').and.not.contain('،');
    expect(review).to.contain(el.fmt.money({ amount: '80000.00', currency: 'MAD' }));
    expect(review).to.contain('15 janvier 2027').and.not.contain('2027-01-15');
  });

  it('shows no raw key or JSON: an unknown rule, a budget and a half-typed amount', async () => {
    const unknownRule = { rule: 'new', code: 'brand_new_rule', params: {} } as never;
    const el = await dataMode({
      phase: 'eligibility',
      eligibility: { eligible: false, reasons: [...DEMO_INELIGIBLE.reasons, unknownRule] },
    });
    const noRaw = (text: string | null | undefined) =>
      expect(text).to.not.match(/\baf\.|field\.|\{"|\[object/);
    noRaw(el.shadowRoot!.textContent);
    expect($(el, 'li[data-code=brand_new_rule]').textContent).to.contain('éligibilité');
    el.answers = { ...DEMO_DRAFT.answers, requested_amount: { amount: '12,,5', currency: 'MAD' } };
    el.phase = 'review';
    await el.updateComplete;
    noRaw(el.shadowRoot!.textContent);
    expect($(el, '.review').textContent)
      .to.contain(`1 — Total: ${el.fmt.money({ amount: '100000.00', currency: 'MAD' })}`)
      .and.contain('12,,5');
  });
});

describe('<nassij-application-form> at 320 px', () => {
  for (const lang of ['ar', 'fr']) {
    it(`reflows every step, the review and the receipt without horizontal scroll (${lang})`, async () => {
      const el = await dataMode({ phase: 'form', step: 0 }, lang);
      el.style.inlineSize = '320px';
      const views: Partial<NassijApplicationForm>[] = [
        ...[0, 1, 2, 3].map((step) => ({ phase: 'form' as const, step })),
        { phase: 'review' },
        { phase: 'done', application: DEMO_SUBMITTED },
        { phase: 'done', application: demoDecided(new Date(Date.now() + 10 * DAY).toISOString()) },
      ];
      for (const view of views) {
        Object.assign(el, view);
        await el.updateComplete;
        const box = el.getBoundingClientRect();
        const outside = [...el.shadowRoot!.querySelectorAll('*')].filter((node) => {
          const r = node.getBoundingClientRect();
          if (node.closest('.visually-hidden, dialog')) return false; // clipped, or shown over the page
          return r.width > 0 && (r.left < box.left - 0.5 || r.right > box.right + 0.5);
        });
        expect(
          outside.map((node) => node.outerHTML.slice(0, 70)),
          JSON.stringify(view),
        ).to.deep.equal([]);
        expect(el.scrollWidth, JSON.stringify(view)).to.be.at.most(320);
      }
    });
  }
});

describe('<nassij-application-form> keyboard journey', () => {
  it('a member applies and the representative submits, keyboard only, focus always on the next thing to do', async () => {
    // A server of its own, where the member's association has applied to nothing yet.
    const { url: base } = (await executeServerCommand('nassij-clock-server-start')) as { url: string };
    const el = await mount(createBaseClient({ baseUrl: base }), CALLS.openEligible, 'fr');
    await waitUntil(() => el.shadowRoot!.querySelector('button.sign-in'), 'sign-in button');
    await tabTo((a) => a.matches('button.sign-in'), 'the sign-in button');
    await sendKeys({ press: 'Enter' });
    const [email, password] = ACCOUNTS.member;
    await executeServerCommand('nassij-popup-sign-in', { email, password });

    // Two associations: focus on the first choice; arrows pick the represented one.
    await focusOn(el, 'input[name=association]', 'the first association');
    for (let i = 0; i < 3 && deepActive()?.id !== `asso-${ASSOCIATIONS.represented}`; i++) {
      await sendKeys({ press: 'ArrowDown' });
    }
    expect(deepActive()?.id).to.equal(`asso-${ASSOCIATIONS.represented}`);
    await tabTo((a) => a.matches('.choose button[type=submit]'), 'continue');
    await sendKeys({ press: 'Enter' });
    await focusOn(el, '#af-elig', 'the eligibility heading');
    await tabTo((a) => a.matches('button.start'), 'start');
    await sendKeys({ press: 'Enter' });
    await focusOn(el, '.step h3', 'step 1');

    // Step 1: the project.
    const field = (id: string) => (a: Element) => a.id === id;
    await tabTo(field('f-project_title'), 'title');
    await sendKeys({ type: 'Club de lecture' });
    await tabTo(field('f-summary'), 'summary');
    await sendKeys({ type: 'Lecture hebdomadaire pour les enfants' });
    await tabTo(field('f-start_date'), 'start date');
    await sendKeys({ type: '01152027' });
    await tabTo(field('f-duration_months'), 'duration');
    await sendKeys({ type: '12' });
    await tabTo(field('f-project_region'), 'region');
    await sendKeys({ type: 'Souss' });
    await tabTo(field('f-area-0'), 'area');
    await sendKeys({ press: 'Space' });
    expect(el.answers).to.include({ start_date: '2027-01-15', duration_months: 12, project_region: 'MA-09' });
    await tabTo((a) => a.matches('button.next'), 'next');
    await sendKeys({ press: 'Enter' });
    await focusOn(el, '.step h3', 'step 2');

    // Step 2: one budget line, then the amount asked.
    await tabTo((a) => a.matches('[data-field=budget_lines]'), 'add a line');
    await sendKeys({ press: 'Enter' });
    await tabTo(field('f-budget_lines-0-label'), 'line label', { back: true });
    await sendKeys({ type: 'Livres' });
    await tabTo(field('f-budget_lines-0-amount'), 'line amount');
    await sendKeys({ type: '100000.10' });
    await tabTo(field('f-budget_lines-0-coFinanced'), 'line co-financing');
    await sendKeys({ type: '20000.05' });
    await tabTo(field('f-requested_amount'), 'amount asked');
    await sendKeys({ type: '80000.05' });
    await sendKeys({ press: 'Enter' });
    await focusOn(el, '.step h3', 'step 3');

    // Step 3: beneficiaries.
    await tabTo(field('f-beneficiaries-count'), 'beneficiaries');
    await sendKeys({ type: '120' });
    await sendKeys({ press: 'Enter' });
    await focusOn(el, '.step h3', 'step 4');

    // Step 4: the documents. The system's file chooser is outside the page: the focused input gets the file.
    const upload = async (id: string, file: File) => {
      await tabTo(field(id), id);
      choose(el, id.slice(2), file);
    };
    await upload('f-doc_statutes', pdf());
    await waitUntil(() => el.application?.attachments.length === 1, 'pdf uploaded', UPLOAD);
    await upload('f-doc_budget', xlsx());
    await waitUntil(() => el.application?.attachments.length === 2, 'xlsx uploaded', UPLOAD);
    await waitUntil(() => el.application?.attachments.every((a) => a.scanState === 'clean'), 'scanned', {
      timeout: 15000,
    });
    await tabTo((a) => a.matches('button.next'), 'to the review');
    await sendKeys({ press: 'Enter' });
    await focusOn(el, '#af-review', 'the review heading');

    // A member drafts; the representative sends. The member hears why, with the draft kept.
    await tabTo((a) => a.matches('button.submit'), 'submit');
    await sendKeys({ press: 'Enter' });
    await focusOn(el, '.submit-error', 'the refusal');
    expect(el.submitError).to.equal('forbidden');
    expect($(el, '.submit-error').textContent).to.contain('représentant');
    el.remove();

    // The representative signs in on their own device, resumes the same draft and sends it, keyboard only.
    const signer = await mount(createBaseClient({ baseUrl: base }), CALLS.openEligible, 'fr');
    await waitUntil(() => signer.shadowRoot!.querySelector('button.sign-in'), 'sign-in button');
    await tabTo((a) => a.matches('button.sign-in'), 'the sign-in button');
    await sendKeys({ press: 'Enter' });
    const [repEmail, repPassword] = ACCOUNTS.representative;
    await executeServerCommand('nassij-popup-sign-in', { email: repEmail, password: repPassword });
    await focusOn(signer, '#af-elig', 'the eligibility heading');
    await tabTo((a) => a.matches('button.start'), 'resume');
    await sendKeys({ press: 'Enter' });
    await focusOn(signer, '.step h3', 'step 1');
    expect(signer.answers).to.include({ project_title: 'Club de lecture' });
    for (let step = 0; step < 4 && !signer.shadowRoot!.querySelector('#af-review'); step++) {
      await tabTo((a) => a.matches('button.next'), `next ${step + 1}`);
      await sendKeys({ press: 'Enter' });
      await signer.updateComplete;
    }
    await focusOn(signer, '#af-review', 'the review heading');
    await tabTo((a) => a.matches('button.submit'), 'submit');
    await sendKeys({ press: 'Enter' });
    await focusOn(signer, '#af-receipt', 'the receipt heading');
    expect(signer.phase).to.equal('done');
    await expect(signer).to.be.accessible(A11Y);
  });
});

/**
 * The first call kept for drafts that a demo call manager runs, found by its funder so that the test does not
 * depend on which organisation the seed gave each call, with the account of that manager.
 */
async function callRunByDemoStaff(): Promise<{ call: Call; manager: keyof typeof ACCOUNTS }> {
  const managers: Record<string, keyof typeof ACCOUNTS> = {
    [ORGANISATIONS.ministry]: 'ministryCallManager',
    [ORGANISATIONS.regionalCouncil]: 'regionCallManager',
  };
  const anonymous = createBaseClient({ baseUrl: API_BASE });
  for (const callId of CALLS.openForDrafts) {
    const call = await anonymous.request(getCallRef, { params: { callId } });
    const manager = managers[call.funder.organisationId ?? ''];
    if (manager && call.dates.closes) return { call, manager };
  }
  throw new Error('no call kept for drafts is run by a demo call manager');
}

describe('<nassij-application-form> the applicant sees the selection (issue 16)', () => {
  it('opens a draft on the amendments of its call: date and summary in the reader’s language, RTL, keyboard', async () => {
    const { call, manager } = await callRunByDemoStaff();
    const closes = call.dates.closes;
    if (!closes) throw new Error('the call has no closing date');
    // The draft exists before the amendment (another test of this file may have started it already).
    const representative = await signedIn('representative');
    try {
      await representative.request(startApplicationRef, {
        body: { callId: call.id, associationId: ASSOCIATIONS.represented },
      });
    } catch (error) {
      if (!isNassijError(error) || error.code !== 'already_exists') throw error;
    }
    const { publishedAt: _published, ...dates } = call.dates;
    const later = new Date(Date.parse(closes.at) + 7 * DAY).toISOString();
    const summary = { ar: 'تمديد أجل إيداع الطلبات بأسبوع', fr: 'Report d’une semaine de la date limite' };
    const amended: Call = await (await signedIn(manager)).request(amendCallRef, {
      params: { callId: call.id },
      body: { changes: { dates: { ...dates, closes: { at: later, timeZone: closes.timeZone } } }, summary },
    });
    const amendment = amended.amendments.at(-1);
    if (!amendment) throw new Error('the amended call lists no amendment');

    const el = await openForm(representative, call.id);
    // What changed is read before typing: focus goes to the notice, above the first step.
    await focusOn(el, '#af-amendments', 'the notice of the amendments');
    const notice = $(el, '.amendments');
    expect(
      notice.compareDocumentPosition($(el, 'form.step')) & Node.DOCUMENT_POSITION_FOLLOWING,
    ).to.not.equal(0);
    expect($(el, '#af-amendments').textContent).to.contain('عُدّل طلب الدعم');
    const item = () => $(el, `.amendments li[data-version="${amendment.version}"]`);
    expect(item().textContent).to.contain(summary.ar).and.contain(el.fmt.date(amendment.at));
    // Arabic: the notice's bar is on the right, where its lines start.
    expect(el.getAttribute('dir')).to.equal('rtl');
    expect(getComputedStyle(notice).borderRightWidth).to.equal('4px');
    expect(getComputedStyle(notice).borderLeftWidth).to.equal('0px');
    await expect(el).to.be.accessible(A11Y);

    el.setAttribute('lang', 'fr');
    await el.whenMessagesReady();
    await el.updateComplete;
    expect(item().textContent).to.contain(summary.fr).and.contain('L’appel a été modifié le');

    // Keyboard: from the heading, Tab reaches "hide"; hidden for the session, focus on the step's heading.
    $(el, '#af-amendments').focus();
    await tabTo((a) => a.matches('.amendments button.dismiss'), 'the button that hides the notice');
    await sendKeys({ press: 'Enter' });
    await focusOn(el, '.step h3', 'the step heading');
    expect(el.shadowRoot!.querySelector('.amendments')).to.equal(null);
    el.remove();
    const again = await openForm(representative, call.id, 'fr');
    expect(again.shadowRoot!.querySelector('.amendments')).to.equal(null);
    expect(again.application?.callAmendments?.length).to.be.greaterThan(0);
  });

  it('shows the seeded decision: amount, conditions, the admissible check and the closed appeal window', async () => {
    const client = await signedIn('representative');
    const application: Application = await client.request(getApplicationRef, {
      params: { applicationId: FIXTURES.applications.awardedOfRepresented },
    });
    const { decision, eligibilityCheck } = application;
    if (!decision?.amount || !decision.appealUntil)
      throw new Error('the seeded decision has no amount or appeal');
    expect(Date.parse(decision.appealUntil)).to.be.lessThan(Date.now());
    expect(eligibilityCheck?.admissible).to.equal(true);

    const el = await mount(client, application.callId);
    await waitUntil(() => el.phase === 'done', 'the decided application shown', { timeout: 5000 });
    await el.updateComplete;
    expect($(el, '.decision').getAttribute('data-outcome')).to.equal('awarded');
    expect($(el, '.decision .outcome').textContent).to.contain('قُبل طلبكم');
    expect($(el, '.decision .amount dd').textContent).to.contain(el.fmt.money(decision.amount));
    if (decision.conditions)
      expect($(el, '.decision .conditions dd').textContent).to.contain(decision.conditions);
    expect($(el, '.appeal').getAttribute('data-open')).to.equal('false');
    expect($(el, '.appeal').textContent)
      .to.contain('انتهى أجل التظلم')
      .and.contain(el.fmt.dateTime(decision.appealUntil));
    expect($(el, '[data-step=eligibility_check] .check').getAttribute('data-admissible')).to.equal('true');
    expect($(el, '[data-step=decision]').getAttribute('data-state')).to.equal('done');
    // Arabic: the awarded decision's green bar is on the right.
    expect(el.getAttribute('dir')).to.equal('rtl');
    expect(getComputedStyle($(el, '.decision')).borderRightWidth).to.equal('4px');
    await expect(el).to.be.accessible(A11Y);
  });

  it('says until when to appeal while the window is open, in Morocco time', async () => {
    const appealUntil = new Date(Date.now() + 10 * DAY).toISOString();
    const el = await dataMode({ phase: 'done', application: demoDecided(appealUntil) });
    expect($(el, '.appeal').getAttribute('data-open')).to.equal('true');
    expect($(el, '.appeal').textContent)
      .to.contain('Vous pouvez former un recours jusqu’au')
      .and.contain(el.fmt.dateTime(appealUntil))
      .and.contain('heure du Maroc');
    expect($(el, '.decision .reason dd').textContent).to.contain('Projet pertinent');
    // The staff's line breaks are kept.
    expect(getComputedStyle($(el, '.decision .conditions dd span')).whiteSpace).to.equal('pre-line');
    el.setAttribute('lang', 'en');
    await el.whenMessagesReady();
    await el.updateComplete;
    expect($(el, '.appeal').textContent).to.contain('You may appeal until');
    await expect(el).to.be.accessible(A11Y);
  });

  it('shows a not-admissible check with its reason, and no review step reached', async () => {
    const reason = 'Les statuts joints ne sont pas signés.';
    const inadmissible: Application = {
      ...DEMO_SUBMITTED,
      status: 'rejected',
      history: [
        ...DEMO_SUBMITTED.history,
        { status: 'eligibility_check', at: '2026-04-01T09:00:00Z' },
        { status: 'rejected', at: '2026-04-02T09:00:00Z', reason },
      ],
      eligibilityCheck: { admissible: false, reason, checkedAt: '2026-04-02T09:00:00Z' },
    };
    const el = await dataMode({ phase: 'done', application: inadmissible }, 'ar');
    const check = $(el, '[data-step=eligibility_check] .check');
    expect(check.getAttribute('data-admissible')).to.equal('false');
    expect(check.textContent).to.contain('غير مقبول');
    expect($(el, '[data-step=eligibility_check] .check-reason').textContent).to.contain(reason);
    expect($(el, '[data-step=under_review]').getAttribute('data-state')).to.equal('skipped');
    expect($(el, '[data-step=decision]').textContent)
      .to.contain('غير مقبول')
      .and.contain(el.fmt.dateTime('2026-04-02T09:00:00Z'));
    expect(el.shadowRoot!.querySelector('.decision, .appeal')).to.equal(null);
    // No withdrawal of a rejected application.
    expect(el.shadowRoot!.querySelector('button.withdraw')).to.equal(null);
    await expect(el).to.be.accessible(A11Y);
  });
});

/** The vault of the representative's association, as the API lists it (the demo's fits one page of 100). */
async function vaultOf(client: BaseClient): Promise<VaultDocument[]> {
  const list = await client.request(listVaultDocumentsRef, {
    params: { associationId: ASSOCIATIONS.represented },
    query: { limit: 100 },
  });
  return list.items;
}

/** Fills the three steps before the documents with well-formed answers. */
async function fillToDocuments(el: NassijApplicationForm): Promise<void> {
  await fillProject(el);
  $(el, 'button.next').click();
  await waitUntil(() => el.step === 1, 'budget step');
  await el.updateComplete;
  if (!el.shadowRoot!.querySelector('#f-budget_lines-0-label')) {
    $(el, '[data-field=budget_lines]').click();
    await el.updateComplete;
  }
  type(el, 'f-budget_lines-0-label', 'كتب');
  type(el, 'f-budget_lines-0-amount', '30000');
  type(el, 'f-budget_lines-0-coFinanced', '3000');
  type(el, 'f-requested_amount', '27000');
  $(el, 'button.next').click();
  await waitUntil(() => el.step === 2, 'beneficiaries step');
  await el.updateComplete;
  type(el, 'f-beneficiaries-count', '120');
  $(el, 'button.next').click();
  await waitUntil(() => el.step === 3, 'documents step');
  await el.updateComplete;
}

describe('<nassij-application-form> documents from the vault (issue 18)', () => {
  it('matches requirements to vault kinds and refuses expired or unfit documents', () => {
    const requirement = {
      id: 'statutes',
      type: 'statutes',
      label: { ar: 'القانون الأساسي للجمعية', fr: "Statuts de l'association" },
      requirement: 'mandatory' as const,
      mediaTypes: ['application/pdf'],
      maxBytes: 1000,
    };
    expect(vaultKindsFor(requirement)).to.deep.equal(['statutes']);
    expect(vaultKindsFor({ id: 'rib', label: { fr: 'Attestation bancaire' } })).to.deep.equal([
      'bank_certificate',
    ]);
    // Photos of past activities are no activity report.
    expect(vaultKindsFor({ id: 'photos', label: { fr: 'Photos des activités précédentes' } })).to.deep.equal(
      [],
    );
    const doc: VaultDocument = {
      id: 'vdoc_test',
      associationId: ASSOCIATIONS.represented,
      kind: 'bank_certificate',
      validUntil: '2026-06-30',
      fileName: 'rib.pdf',
      size: 10,
      mediaType: 'application/pdf',
      sha256: `sha256:${'0'.repeat(64)}`,
      scanState: 'clean',
      uploadedAt: '2026-01-02T08:00:00Z',
      expired: false,
    };
    const june = new Date('2026-06-01T10:00:00Z');
    expect(vaultRefusal(doc, requirement, '2026-06-15T22:59:00Z', june)).to.equal(undefined);
    expect(vaultRefusal(doc, requirement, '2026-07-15T22:59:00Z', june)).to.equal('expiresBeforeClose');
    expect(vaultRefusal({ ...doc, expired: true }, requirement, undefined, june)).to.equal('expired');
    expect(vaultRefusal({ ...doc, size: 1001 }, requirement, undefined, june)).to.equal('notAccepted');
    expect(vaultRefusal({ ...doc, mediaType: 'image/png' }, requirement, undefined, june)).to.equal(
      'notAccepted',
    );
    expect(vaultRefusal({ ...doc, scanState: 'infected' }, requirement, undefined, june)).to.equal('unsafe');
    const statutes = { ...doc, id: 'vdoc_s', kind: 'statutes' as const };
    expect(sortForRequirement([doc, statutes], requirement).map((d) => [d.doc.id, d.fits])).to.deep.equal([
      ['vdoc_s', true],
      ['vdoc_test', false],
    ]);
  });

  it('the representative attaches the statutes from the vault, sees them on the review, submits (Arabic, RTL)', async () => {
    const client = await signedIn('representative');
    const vault = await vaultOf(client);
    const expired = vault.find((d) => d.kind === 'bank_certificate' && d.expired);
    if (!expired) throw new Error('the seed gives the represented association an expired bank certificate');
    const statutesId = FIXTURES.vaultDocuments.statutesOfRepresented;
    const el = await openForm(client, CALLS.openForDrafts[1]);
    await fillToDocuments(el);

    $(el, '#vo-doc_statutes').click();
    await waitUntil(
      () => el.shadowRoot!.querySelector('#v-doc_statutes .vault-item'),
      'vault listed',
      UPLOAD,
    );
    await el.updateComplete;
    expect($(el, '#vo-doc_statutes').getAttribute('aria-expanded')).to.equal('true');
    // The statutes come first, marked as fitting; every document of the vault is listed.
    const items = [...el.shadowRoot!.querySelectorAll<HTMLElement>('#v-doc_statutes .vault-item')];
    expect(items.length).to.equal(vault.length);
    expect(items[0]?.dataset.vault).to.equal(statutesId);
    expect(items[0]?.hasAttribute('data-fits')).to.equal(true);
    expect(items[0]?.textContent).to.contain('القانون الأساسي');
    // The expired certificate says why, with its date, and offers no button.
    const old = $(el, `#v-doc_statutes [data-vault="${expired.id}"]`);
    expect(old.querySelector('button')).to.equal(null);
    expect(old.querySelector('.vault-refused')?.textContent)
      .to.contain('انتهت صلاحيتها')
      .and.contain(el.fmt.date(`${expired.validUntil}T12:00:00Z`));
    // A yearly report shows its year.
    const report = vault.find((d) => d.kind === 'activity_report');
    if (report?.year)
      expect($(el, `[data-vault="${report.id}"]`).textContent).to.contain(String(report.year));
    // Arabic: the picker reads right to left.
    expect(el.getAttribute('dir')).to.equal('rtl');
    expect(getComputedStyle($(el, '#v-doc_statutes')).direction).to.equal('rtl');
    await expect(el).to.be.accessible(A11Y);

    $<HTMLButtonElement>(el, `[data-vault="${statutesId}"] .vault-choose`).click();
    await waitUntil(
      () => el.application?.attachments.some((a) => a.vaultDocumentId === statutesId),
      'attached from the vault',
      UPLOAD,
    );
    await el.updateComplete;
    // It shows like an upload: the file, its scan, replace and remove; the picker closed.
    expect(el.shadowRoot!.querySelector('#v-doc_statutes')).to.equal(null);
    expect($(el, '[data-document=statutes] .attached').textContent).to.contain('statuts.pdf');
    expect($(el, '[data-document=statutes] .vault-source').textContent).to.contain('خزانة');
    expect($(el, '[data-document=statutes] label.file-label').textContent).to.contain('استبدال');
    choose(el, 'doc_budget', xlsx());
    await waitUntil(() => el.application?.attachments.length === 2, 'xlsx uploaded', UPLOAD);
    await waitUntil(() => el.application?.attachments.every((a) => a.scanState === 'clean'), 'scanned', {
      timeout: 15000,
    });
    $(el, 'button.next').click();
    await waitUntil(() => el.phase === 'review', 'review page');
    await el.updateComplete;
    expect($(el, '.review').textContent).to.contain('statuts.pdf');
    expect(el.shadowRoot!.querySelector('.expired-documents')).to.equal(null);
    await expect(el).to.be.accessible(A11Y);

    $(el, 'button.submit').click();
    await waitUntil(() => el.phase === 'done', 'submitted', { timeout: 15000 });
    const stored: Application = await client.request(getApplicationRef, {
      params: { applicationId: el.application?.id ?? '' },
    });
    expect(['submitted', 'received']).to.include(stored.status);
    const statutes = stored.attachments.find((a) => a.documentId === 'statutes');
    expect(statutes?.vaultDocumentId).to.equal(statutesId);
  });

  it('is keyboard-only: opens the vault, picks a document, and flags an expired one on the review (French)', async () => {
    const client = await signedIn('representative');
    const vault = await vaultOf(client);
    const expired = vault.find((d) => d.kind === 'bank_certificate' && d.expired);
    if (!expired) throw new Error('the seed gives the represented association an expired bank certificate');
    const statutesId = FIXTURES.vaultDocuments.statutesOfRepresented;
    const el = await openForm(client, CALLS.openForDrafts[2], 'fr');
    const last = el.sections.length - 1;
    await el.goTo(last);
    await el.updateComplete;

    const vaultButton = await tabTo((a) => a.matches('#vo-doc_statutes'), 'the vault button', { max: 40 });
    await sendKeys({ press: 'Enter' });
    await waitUntil(
      () => el.shadowRoot!.querySelector('#v-doc_statutes .vault-choose'),
      'vault listed',
      UPLOAD,
    );
    expect(vaultButton.getAttribute('aria-expanded')).to.equal('true');
    // The first Tab reaches the first selectable document: the statutes, which fit.
    await sendKeys({ press: 'Tab' });
    const first = deepActive();
    expect(first?.closest('.vault-item')?.getAttribute('data-vault')).to.equal(statutesId);
    // Escape closes the picker and gives focus back to its button.
    await sendKeys({ press: 'Escape' });
    await focusOn(el, '#vo-doc_statutes', 'the vault button again');
    expect(el.shadowRoot!.querySelector('#v-doc_statutes')).to.equal(null);
    await sendKeys({ press: 'Enter' });
    await waitUntil(
      () => el.shadowRoot!.querySelector('#v-doc_statutes .vault-choose'),
      'vault again',
      UPLOAD,
    );
    await tabTo((a) => a.closest('.vault-item')?.getAttribute('data-vault') === statutesId, 'the statutes');
    await sendKeys({ press: 'Enter' });
    await focusOn(el, '[data-document=statutes] .attached', 'the attached file');
    expect(el.application?.attachments.find((a) => a.documentId === 'statutes')?.vaultDocumentId).to.equal(
      statutesId,
    );

    // Removed like an upload, then answered again through the API with the expired certificate, which the
    // API attaches (flagged); the form shows it at the field and on the review.
    await tabTo((a) => a.matches('[data-document=statutes] button.subtle:not(.vault-open)'), 'remove');
    await sendKeys({ press: 'Enter' });
    await waitUntil(
      () => !el.application?.attachments.some((a) => a.documentId === 'statutes'),
      'removed',
      UPLOAD,
    );
    await client.request(attachFromVaultRef, {
      params: { applicationId: el.application?.id ?? '' },
      body: { documentId: 'statutes', vaultDocumentId: expired.id },
    });
    const fresh: Application = await client.request(getApplicationRef, {
      params: { applicationId: el.application?.id ?? '' },
    });
    expect(
      fresh.attachments.filter((a) => a.documentId === 'statutes').map((a) => a.vaultDocumentId),
    ).to.deep.equal([expired.id]);
    el.application = fresh;
    await el.updateComplete;
    expect($(el, '[data-document=statutes] .vault-expired').textContent).to.contain('expiré');
    el.phase = 'review';
    await el.updateComplete;
    const flag = $(el, '.expired-documents li[data-document=statutes]');
    expect(flag.textContent)
      .to.contain(expired.fileName)
      .and.contain(el.fmt.date(`${expired.validUntil}T12:00:00Z`));
    await expect(el).to.be.accessible(A11Y);
    // Its link leads, by keyboard, to the field to replace it.
    await tabTo((a) => a.matches('.expired-documents a.fix'), 'the link to the field', { max: 60 });
    await sendKeys({ press: 'Enter' });
    await focusOn(el, '#f-doc_statutes', 'the statutes field');
    expect(el.phase).to.equal('form');
    expect(el.step).to.equal(last);
  });
});
