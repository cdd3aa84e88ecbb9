import {
  createCallRef,
  type FormField,
  fromCasablancaWallClock,
  getCallDraftRef,
  getCallRef,
} from '@nassij/contract';
import { type BaseClient, createBaseClient } from '@nassij/sdk';
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { API_BASE } from '/__nassij__/env.js';
// The server's complete call, built in code (it imports only contract types, so it runs in the browser too).
import { completeCallFields } from '../../../server/src/areas/calls/fixtures.js';
import { deepActive, expectNoSideScroll } from '../test-support/focus.js';
import './define.js';
import type { NassijCallEditor } from './nassij-call-editor.js';
import { fieldId } from './paths.js';

// The parts of a call beyond what publishing requires (the choices of a form's lists, the programme, the
// enquiry period, information sessions), written from the keyboard, and the server's refusals of them shown
// at their fields. A file of their own: the editor's other file already runs near the runner's time limit.

const A11Y = { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] };
const T = { timeout: 15000 };
/** The demo ministry's call manager (`demoFixtures.accounts.ministryCallManager`), as DEMO_ACCOUNTS seeds it. */
const MANAGER = { email: 'ministry-manager@demo.nassij.ma', password: 'demo-ministry-manager-2026' };

async function manager(): Promise<BaseClient> {
  const client = createBaseClient({ baseUrl: API_BASE, retry: { limit: 0 } });
  await client.auth.signIn(MANAGER.email, MANAGER.password);
  return client;
}

const $ = <T extends Element = HTMLElement>(el: NassijCallEditor, selector: string): T => {
  const found = el.shadowRoot?.querySelector<T>(selector);
  if (!found) throw new Error(`no ${selector}`);
  return found;
};

async function editor(lang: string, client: BaseClient, callId: string): Promise<NassijCallEditor> {
  const el = await fixture<NassijCallEditor>(
    html`<nassij-call-editor lang=${lang} call-id=${callId} autosave-delay="50" .client=${client}></nassij-call-editor>`,
  );
  await waitUntil(() => el.loaded.value, 'draft loaded', T);
  await el.updateComplete;
  return el;
}

async function press(...keys: string[]): Promise<void> {
  for (const key of keys) await sendKeys({ press: key });
}

/** The calendar day `offset` days from now (`YYYY-MM-DD`). */
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
/** The instant of a Casablanca wall-clock time on `date`, as the editor stores what is typed. */
const wall = (date: string, time: string) =>
  fromCasablancaWallClock(new Date(`${date}T${time}:00Z`)).toISOString();

/**
 * Types a morning date and time into a `datetime-local` input from the keyboard, segment by segment, in
 * Chromium's en-US order (month, day, year, then hours, minutes, AM).
 */
async function typeWallClock(input: HTMLElement, date: string, time: string): Promise<void> {
  input.focus();
  const [year, month, dayOfMonth] = date.split('-');
  await sendKeys({ type: `${month}${dayOfMonth}${year}` });
  await press('ArrowRight');
  await sendKeys({ type: `${time.replace(':', '')}A` });
}

/** The options' values of the form's field `index` of the first section. */
function optionValues(el: NassijCallEditor, index: number): string[] | undefined {
  const field = el.fields.form?.sections[0]?.fields[index];
  return field && 'options' in field ? field.options.map((option) => option.value) : undefined;
}

describe('<nassij-call-editor>: the whole call', () => {
  it('writes choices, the programme, the enquiry period and information sessions with the keyboard, and publishes them', async function () {
    this.timeout(90000);
    const client = await manager();
    const { data: draft } = await client.transport.opWithEtag(createCallRef, {
      body: completeCallFields(new Date()),
    });
    const el = await editor('fr', client, draft.id);
    $(el, '#f-programme-ar').focus();
    await sendKeys({ type: 'برنامج دعم الشباب' });
    await press('Tab');
    expect(deepActive()?.id).to.equal('f-programme-fr');
    await sendKeys({ type: 'Programme jeunesse' });

    // A third field of the form, made a single choice with the arrow keys (five steps below "short text").
    $(el, 'button.add-field').focus();
    await press('Enter');
    await el.updateComplete;
    const field = '/form/sections/0/fields/2';
    $(el, `#${fieldId(`${field}/label/ar`)}`).focus();
    await sendKeys({ type: 'الفئة المستهدفة' });
    await press('Tab');
    await sendKeys({ type: 'Public visé' });
    $(el, `#${fieldId(`${field}/type`)}`).focus();
    await press('ArrowDown', 'ArrowDown', 'ArrowDown', 'ArrowDown', 'ArrowDown');
    await waitUntil(() => optionValues(el, 2)?.length === 1, 'a choice field with its first option', T);
    await el.updateComplete;

    // Three options: the first is there; "add" moves focus to the new option's Arabic label.
    const options = `${field}/options`;
    const list = fieldId(options);
    $(el, `#${fieldId(`${options}/0/label/ar`)}`).focus();
    await sendKeys({ type: 'الشباب' });
    await press('Tab');
    await sendKeys({ type: 'Jeunes' });
    for (const [index, ar, fr] of [
      [1, 'النساء', 'Femmes'],
      [2, 'الأطفال', 'Enfants'],
    ] as const) {
      $(el, `#${list}-add`).focus();
      await press('Enter');
      await waitUntil(
        () => deepActive()?.id === fieldId(`${options}/${index}/label/ar`),
        'focus on the new option',
        T,
      );
      await sendKeys({ type: ar });
      await press('Tab');
      await sendKeys({ type: fr });
    }
    expect(optionValues(el, 2)).to.deep.equal(['option_1', 'option_2', 'option_3']);
    // "Enfants" up twice: focus rides along, then lands on "down" once "up" is disabled at the top.
    $(el, `#${list}-2-up`).focus();
    await press('Enter');
    await waitUntil(() => deepActive()?.id === `${list}-1-up`, 'focus follows the option', T);
    await press('Enter');
    await waitUntil(() => deepActive()?.id === `${list}-0-down`, 'focus on the top option', T);
    expect(optionValues(el, 2)).to.deep.equal(['option_3', 'option_1', 'option_2']);
    // Remove "Jeunes": focus moves to the remove button of the option now in its place.
    $(el, `#${list}-1-remove`).focus();
    await press('Enter');
    await waitUntil(() => deepActive()?.id === `${list}-1-remove`, 'focus on the next option', T);
    expect(optionValues(el, 2)).to.deep.equal(['option_3', 'option_2']);

    await typeWallClock($(el, '#f-dates-enquiryPeriod-start'), day(3), '09:00');
    await typeWallClock($(el, '#f-dates-enquiryPeriod-end'), day(20), '11:30');
    $(el, 'button.add-session').focus();
    await press('Enter');
    await waitUntil(() => deepActive()?.id === 'f-dates-infoSessions-0-at', 'focus on the new session', T);
    await typeWallClock($(el, '#f-dates-infoSessions-0-at'), day(5), '10:30');
    $(el, '#f-dates-infoSessions-0-place-ar').focus();
    await sendKeys({ type: 'مقر الوزارة، الرباط' });
    await press('Tab');
    await sendKeys({ type: 'Siège du ministère, Rabat' });
    $(el, '#f-dates-infoSessions-0-url').focus();
    await sendKeys({ type: 'https://ministere.example.ma/seance' });

    // A reference document, the share the association finances itself, who answers questions.
    $(el, 'button.add-link').focus();
    await press('Enter');
    await waitUntil(() => deepActive()?.id === 'f-documents-0-title-ar', 'focus on the new document', T);
    await sendKeys({ type: 'دفتر التحملات' });
    await press('Tab');
    await sendKeys({ type: 'Cahier des charges' });
    $(el, '#f-documents-0-url').focus();
    await sendKeys({ type: 'https://ministere.example.ma/cdc.pdf' });
    $(el, '#f-budget-coFinancingPercent').focus();
    await sendKeys({ type: '20' });
    $(el, '#f-contact-name-ar').focus();
    await sendKeys({ type: 'مصلحة الشراكة' });
    await press('Tab');
    await sendKeys({ type: 'Service du partenariat' });

    $(el, 'button.publish').focus();
    const published = oneEvent(el, 'nassij-call-published');
    await press('Enter');
    expect((await published).detail.callId).to.equal(draft.id);
    const call = await client.request(getCallRef, { params: { callId: draft.id } });
    expect(call.programme).to.deep.equal({ ar: 'برنامج دعم الشباب', fr: 'Programme jeunesse' });
    expect(call.dates.enquiryPeriod).to.deep.equal({
      start: wall(day(3), '09:00'),
      end: wall(day(20), '11:30'),
    });
    expect(call.dates.infoSessions).to.deep.equal([
      {
        at: wall(day(5), '10:30'),
        place: { ar: 'مقر الوزارة، الرباط', fr: 'Siège du ministère, Rabat' },
        url: 'https://ministere.example.ma/seance',
      },
    ]);
    expect(call.documents).to.deep.equal([
      {
        title: { ar: 'دفتر التحملات', fr: 'Cahier des charges' },
        url: 'https://ministere.example.ma/cdc.pdf',
      },
    ]);
    expect(call.budget.coFinancingPercent).to.equal(20);
    expect(call.contact.name).to.deep.equal({ ar: 'مصلحة الشراكة', fr: 'Service du partenariat' });
    const choice = call.form.sections[0]?.fields[2] as Extract<FormField, { options: unknown }>;
    expect(choice.type).to.equal('choice');
    expect(choice.label).to.deep.equal({ ar: 'الفئة المستهدفة', fr: 'Public visé' });
    expect(choice.options).to.deep.equal([
      { value: 'option_3', label: { ar: 'الأطفال', fr: 'Enfants' } },
      { value: 'option_2', label: { ar: 'النساء', fr: 'Femmes' } },
    ]);
  });

  it('shows what the server refuses in an option and the enquiry period at those fields, right to left, with axe', async function () {
    this.timeout(60000);
    const client = await manager();
    const fields = completeCallFields(new Date());
    const { data: draft } = await client.transport.opWithEtag(createCallRef, { body: fields });
    const el = await editor('ar', client, draft.id);
    const form = fields.form!;
    const section = form.sections[0]!;
    // An option without its label, and an enquiry period that ends before it starts.
    el.edit('form', {
      ...form,
      sections: [
        {
          ...section,
          fields: [
            ...section.fields,
            {
              id: 'audience',
              type: 'multi_choice',
              required: true,
              label: { ar: 'الفئات', fr: 'Publics' },
              options: [{ value: 'option_1', label: {} as never }],
            },
          ],
        },
      ],
    });
    el.edit('dates', {
      ...fields.dates,
      enquiryPeriod: { start: wall(day(10), '09:00'), end: wall(day(4), '09:00') },
    });
    await el.save();
    // Both wait on the device; the summary names them before any publish attempt.
    expect(el.saveState).to.equal('device');
    const option = '/form/sections/0/fields/2/options/0/label';
    expect(el.problems.map((p) => p.path)).to.have.members([option, '/dates/enquiryPeriod/end']);
    $(el, 'button.publish').click();
    await waitUntil(() => deepActive()?.id === 'ce-summary', 'focus on the error summary', T);
    const links = [...el.shadowRoot!.querySelectorAll<HTMLAnchorElement>('.error-summary a')];
    const link = (path: string) => links.find((a) => a.dataset.problem === path)!;
    expect(link('/dates/enquiryPeriod/end').textContent).to.contain(el.t('ce.p.periodEnd'));
    expect(link(option).textContent).to.contain(el.t('ce.path.option', { n: '1' }));
    link(option).click();
    await waitUntil(() => deepActive()?.id === fieldId(`${option}/ar`), 'focus on the option', T);
    expect($(el, `#${fieldId(`${option}/ar`)}`).getAttribute('aria-invalid')).to.equal('true');
    link('/dates/enquiryPeriod/end').click();
    await waitUntil(() => deepActive()?.id === 'f-dates-enquiryPeriod-end', 'focus on the end', T);
    expect($(el, '#f-dates-enquiryPeriod-end').getAttribute('aria-describedby')).to.equal(
      'f-dates-enquiryPeriod-end-error',
    );
    expect($(el, '#f-dates-enquiryPeriod-end-error').textContent).to.contain(el.t('ce.p.periodEnd'));
    // Right to left: an option's label starts at the right edge of its field, the buttons follow leftwards.
    const row = $(el, `#${fieldId(`${option}/ar`)}`)
      .closest('.field')!
      .getBoundingClientRect();
    const label = $(el, `label[for="${fieldId(`${option}/ar`)}"]`).getBoundingClientRect();
    expect(Math.abs(label.right - row.right)).to.be.below(2);
    const remove = $(el, '#f-form-sections-0-fields-2-options-0-remove').getBoundingClientRect();
    const down = $(el, '#f-form-sections-0-fields-2-options-0-down').getBoundingClientRect();
    expect(remove.right).to.be.below(down.left + 1);
    await expect(el).to.be.accessible(A11Y);
    await setViewport({ width: 320, height: 640 });
    expectNoSideScroll(el, 'ar, options and sessions');
    await setViewport({ width: 800, height: 600 });

    // Mending both: the problems go, and the server has them.
    $(el, `#${fieldId(`${option}/ar`)}`).focus();
    await sendKeys({ type: 'الشباب' });
    await typeWallClock($(el, '#f-dates-enquiryPeriod-end'), day(15), '09:00');
    await el.save();
    expect(el.problems).to.deep.equal([]);
    const saved = await client.request(getCallDraftRef, { params: { callId: draft.id } });
    expect(saved.fields.dates?.enquiryPeriod?.end).to.equal(wall(day(15), '09:00'));
    const audience = saved.fields.form?.sections[0]?.fields[2];
    expect(audience && 'options' in audience ? audience.options : undefined).to.deep.equal([
      { value: 'option_1', label: { ar: 'الشباب' } },
    ]);
  });
});
