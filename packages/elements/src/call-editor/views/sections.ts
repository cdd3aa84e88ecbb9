import {
  type CallDraftFields,
  casablancaWallClock,
  DOMAINS,
  type EligibilityRule,
  type FieldError,
  type FormField,
  fromCasablancaWallClock,
  type LocalizedText,
  REGIONS,
  type SelectionCriterion,
} from '@nassij/contract';
import { html, nothing, type TemplateResult } from 'lit';
import { plain, text } from '../../base/states.js';
import type { NassijCallEditor } from '../nassij-call-editor.js';
import { fieldId } from '../paths.js';
import {
  choiceGroup,
  localizedControl,
  numberControl,
  selectControl,
  smallButton,
  textControl,
} from './controls.js';
import { renderOptions } from './options.js';
import { renderEligibilityPreview } from './preview.js';

export { renderPreview } from './preview.js';

type Host = NassijCallEditor;
type Problems = readonly FieldError[];

const LEGAL_FORMS = ['association', 'federation', 'network', 'public_utility_association'] as const;
const SIZE_BANDS = ['none', '1-5', '6-20', '21-50', '51+'] as const;
const INSTRUMENTS = ['grant', 'partnership_agreement', 'in_kind', 'capacity_building'] as const;
const RULE_TYPES = [
  'legal_form_in',
  'region_in',
  'domain_any',
  'min_age_years',
  'public_utility',
  'annual_reports_filed',
  'size_band_in',
] as const;
/** The field types this editor writes (the form's every type). */
const EDITABLE_FIELD_TYPES = [
  'text',
  'long_text',
  'number',
  'money',
  'date',
  'choice',
  'multi_choice',
  'region',
  'budget_table',
  'beneficiaries',
  'attachment',
] as const;
const MEDIA_TYPES = [
  ['application/pdf', 'PDF'],
  ['image/jpeg', 'JPEG'],
  ['image/png', 'PNG'],
] as const;
const REPORT_KINDS = ['progress', 'financial', 'final'] as const;

/** A Casablanca wall-clock `datetime-local` value of an instant, and back. */
const toWall = (at: string | undefined) => (at ? casablancaWallClock(at).toISOString().slice(0, 16) : '');
const fromWall = (value: string) =>
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value)
    ? fromCasablancaWallClock(new Date(`${value}:00Z`)).toISOString()
    : undefined;

/** A money amount as typed (a comma read as the point), kept as typed until it is valid. */
const money = (typed: string) =>
  typed.trim() === '' ? undefined : { amount: typed.trim().replace(',', '.'), currency: 'MAD' as const };

/** A new id for an item of a list, unique among `taken`. */
function newId(prefix: string, taken: readonly { id: string }[]): string {
  let n = taken.length + 1;
  while (taken.some((item) => item.id === `${prefix}${n}`)) n++;
  return `${prefix}${n}`;
}

/** A copy of `list` with item `index` replaced (or removed with `undefined`). */
function replaced<T>(list: readonly T[], index: number, item: T | undefined): T[] {
  const next = [...list];
  if (item === undefined) next.splice(index, 1);
  else next[index] = item;
  return next;
}

function section(host: Host, id: string, content: unknown): TemplateResult {
  return html`<section class="part" aria-labelledby="s-${id}"><h3 id="s-${id}">${host.t(`ce.s.${id}`)}</h3>${content}</section>`;
}

/**
 * Every section of the editor, in order: texts, support, dates, eligibility, criteria, documents, form,
 * review rules, reports, contact.
 *
 * @example
 * ```ts
 * html`<form>${renderSections(editor, editor.showErrors ? editor.problems : [])}</form>`;
 * ```
 */
export function renderSections(host: Host, problems: Problems): TemplateResult {
  const f = host.fields;
  return html`
    ${section(
      host,
      'texts',
      html`
      ${localizedControl(host, { path: '/title', label: host.t('ce.f.title'), problems, value: f.title, onInput: (v) => host.edit('title', v) })}
      ${localizedControl(host, { path: '/summary', label: host.t('ce.f.summary'), problems, value: f.summary, multiline: true, onInput: (v) => host.edit('summary', v) })}
      ${localizedControl(host, { path: '/description', label: host.t('ce.f.description'), problems, value: f.description, multiline: true, onInput: (v) => host.edit('description', v) })}
      ${localizedControl(host, { path: '/programme', label: host.t('ce.f.programme'), problems, value: f.programme, onInput: (v) => host.edit('programme', v) })}`,
    )}
    ${section(host, 'support', renderSupport(host, f, problems))}
    ${section(host, 'dates', renderDates(host, f, problems))}
    ${section(host, 'eligibility', renderEligibility(host, f, problems))}
    ${section(host, 'criteria', renderCriteria(host, f, problems))}
    ${section(host, 'documents', renderDocuments(host, f, problems))}
    ${section(host, 'form', renderForm(host, f, problems))}
    ${section(host, 'review', renderReview(host, f, problems))}
    ${section(host, 'reports', renderReports(host, f, problems))}
    ${section(host, 'contact', renderContact(host, f, problems))}`;
}

function renderSupport(host: Host, f: CallDraftFields, problems: Problems): TemplateResult {
  const budget = f.budget ?? { total: { amount: '', currency: 'MAD' as const } };
  const setBudget = (patch: Record<string, unknown>) => {
    const next: Record<string, unknown> = { ...budget, ...patch };
    for (const [key, value] of Object.entries(next)) if (value === undefined) delete next[key];
    host.edit('budget', next as CallDraftFields['budget']);
  };
  return html`
    ${selectControl(host, {
      path: '/instrument',
      label: host.t('ce.f.instrument'),
      problems,
      value: f.instrument,
      choices: INSTRUMENTS.map((value) => [value, host.t(`ce.instrument.${value}`)]),
      onChange: (value) => host.edit('instrument', value as CallDraftFields['instrument']),
    })}
    ${numberControl(host, { path: '/fiscalYear', label: host.t('ce.f.fiscalYear'), problems, value: f.fiscalYear, onInput: (v) => host.edit('fiscalYear', v) })}
    ${choiceGroup(host, {
      path: '/domains',
      label: host.t('ce.f.domains'),
      problems,
      selected: f.domains ?? [],
      choices: DOMAINS.map((domain) => [domain.code, plain(host.locale, domain.name)]),
      onChange: (values) => host.edit('domains', values),
    })}
    ${choiceGroup(host, {
      path: '/coverage',
      label: host.t('ce.f.coverage'),
      problems,
      single: true,
      selected: f.coverage ? [f.coverage] : [],
      choices: [
        ['national', host.t('ce.coverage.national')],
        ['regions', host.t('ce.coverage.regions')],
      ],
      onChange: ([value]) => {
        host.edit('coverage', value as 'national' | 'regions');
        if (value === 'national') host.edit('eligibleRegions', []);
      },
    })}
    ${
      f.coverage === 'regions'
        ? choiceGroup(host, {
            path: '/eligibleRegions',
            label: host.t('ce.f.eligibleRegions'),
            problems,
            selected: f.eligibleRegions ?? [],
            choices: REGIONS.map((region) => [region.code, plain(host.locale, region.name)]),
            onChange: (values) => host.edit('eligibleRegions', values as CallDraftFields['eligibleRegions']),
          })
        : nothing
    }
    <fieldset class="group"><legend>${host.t('ce.f.budget')}</legend>
      ${textControl(host, { path: '/budget/total', also: ['/budget'], label: host.t('ce.budget.total'), problems, inputmode: 'decimal', value: f.budget?.total.amount, onInput: (v) => setBudget({ total: money(v) ?? { amount: '', currency: 'MAD' } }) })}
      ${textControl(host, { path: '/budget/minAward', label: host.t('ce.budget.minAward'), problems, inputmode: 'decimal', value: f.budget?.minAward?.amount, onInput: (v) => setBudget({ minAward: money(v) }) })}
      ${textControl(host, { path: '/budget/maxAward', label: host.t('ce.budget.maxAward'), problems, inputmode: 'decimal', value: f.budget?.maxAward?.amount, onInput: (v) => setBudget({ maxAward: money(v) }) })}
      ${numberControl(host, { path: '/budget/expectedAwards', label: host.t('ce.budget.expectedAwards'), problems, value: f.budget?.expectedAwards, onInput: (v) => setBudget({ expectedAwards: v }) })}
      ${numberControl(host, { path: '/budget/coFinancingPercent', label: host.t('ce.budget.coFinancingPercent'), problems, value: f.budget?.coFinancingPercent, onInput: (v) => setBudget({ coFinancingPercent: v }) })}
    </fieldset>`;
}

function renderDates(host: Host, f: CallDraftFields, problems: Problems): TemplateResult {
  const dates = f.dates ?? {};
  const model = f.deadlineModel;
  return html`<p class="hint">${host.t('ce.dates.zone')}</p>
    ${renderDateFields(host, dates, model, problems)}
    ${renderEnquiry(host, problems)}
    ${renderInfoSessions(host, problems)}
    ${textControl(host, {
      path: '/dates/decisionExpectedAt',
      label: host.t('ce.dates.decisionExpectedAt'),
      problems,
      type: 'datetime-local',
      value: toWall(dates.decisionExpectedAt),
      onInput: (v) => setDates(host, { decisionExpectedAt: fromWall(v) }),
    })}`;
}

type Dates = NonNullable<CallDraftFields['dates']>;

/** Replaces some of the dates (read at the event: two inputs in a row both count); `undefined` removes one. */
function setDates(host: Host, patch: Partial<Dates>): void {
  const next: Record<string, unknown> = { ...(host.fields.dates ?? {}), ...patch };
  for (const [key, value] of Object.entries(next)) if (value === undefined) delete next[key];
  host.edit('dates', next as Dates);
}

/**
 * The period in which applicants may send questions: both ends, or neither. One end alone is kept as typed
 * (with the other empty) and the server's refusal shows at the missing end.
 */
function renderEnquiry(host: Host, problems: Problems): TemplateResult {
  const period = host.fields.dates?.enquiryPeriod;
  const set = (end: 'start' | 'end', value: string) => {
    const current = host.fields.dates?.enquiryPeriod;
    const next = { start: current?.start ?? '', end: current?.end ?? '', [end]: fromWall(value) ?? '' };
    setDates(host, { enquiryPeriod: next.start || next.end ? next : undefined });
  };
  return html`<fieldset class="group enquiry"><legend>${host.t('ce.dates.enquiryPeriod')}</legend>
    <p class="hint">${host.t('ce.enquiry.hint')}</p>
    ${textControl(host, { path: '/dates/enquiryPeriod/start', also: ['/dates/enquiryPeriod'], label: host.t('ce.enquiry.start'), problems, type: 'datetime-local', value: toWall(period?.start), onInput: (v) => set('start', v) })}
    ${textControl(host, { path: '/dates/enquiryPeriod/end', label: host.t('ce.enquiry.end'), problems, type: 'datetime-local', value: toWall(period?.end), onInput: (v) => set('end', v) })}
  </fieldset>`;
}

type InfoSession = NonNullable<Dates['infoSessions']>[number];

/** The information sessions: when, where (in words, in each language), and an optional web page. */
function renderInfoSessions(host: Host, problems: Problems): TemplateResult {
  const sessions = host.fields.dates?.infoSessions ?? [];
  // Read at the event, not at the render (see renderCriteria).
  const current = () => host.fields.dates?.infoSessions ?? [];
  const set = (index: number, session: InfoSession | undefined) => {
    const next = replaced(current(), index, session);
    setDates(host, { infoSessions: next.length ? next : undefined });
  };
  const focus = (selector: string) =>
    void host.updateComplete.then(() => host.renderRoot.querySelector<HTMLElement>(selector)?.focus());
  const add = () => {
    const next = [...current(), { at: '', place: {} } as unknown as InfoSession];
    setDates(host, { infoSessions: next });
    focus(`#${fieldId(`/dates/infoSessions/${next.length - 1}/at`)}`);
  };
  return html`<h4 id="f-dates-infoSessions" data-path="/dates/infoSessions" tabindex="-1">${host.t('ce.dates.infoSessions')}</h4>
    ${sessions.length === 0 ? html`<p class="muted">${host.t('ce.sessions.none')}</p>` : nothing}
    <ol class="items">${sessions.map((session, index) => {
      const path = `/dates/infoSessions/${index}`;
      const n = String(index + 1);
      return html`<li><fieldset class="group session">
        <legend>${host.t('ce.sessions.one', { n })}</legend>
        ${textControl(host, { path: `${path}/at`, label: host.t('ce.sessions.at'), problems, type: 'datetime-local', value: toWall(session.at), onInput: (v) => set(index, { ...session, at: fromWall(v) ?? '' }) })}
        ${localizedControl(host, { path: `${path}/place`, label: host.t('ce.sessions.place'), problems, value: session.place, onInput: (place) => set(index, { ...session, place: place ?? ({} as never) }) })}
        ${textControl(host, {
          path: `${path}/url`,
          label: host.t('ce.sessions.url'),
          problems,
          type: 'url',
          value: session.url,
          onInput: (v) => {
            const { url: _url, ...rest } = session;
            set(index, v.trim() ? { ...rest, url: v.trim() } : rest);
          },
        })}
        ${smallButton('remove remove-session', host.t('ce.sessions.remove', { n }), () => {
          set(index, undefined);
          focus('button.add-session');
        })}
      </fieldset></li>`;
    })}</ol>
    ${smallButton('add-session', host.t('ce.sessions.add'), add)}`;
}

function renderDateFields(
  host: Host,
  dates: Dates,
  model: CallDraftFields['deadlineModel'],
  problems: Problems,
): TemplateResult {
  return html`
    ${textControl(host, {
      path: '/dates/opensAt',
      label: host.t('ce.dates.opensAt'),
      problems,
      type: 'datetime-local',
      value: toWall(dates.opensAt),
      onInput: (v) => setDates(host, { opensAt: fromWall(v) }),
    })}
    ${choiceGroup(host, {
      path: '/deadlineModel',
      label: host.t('ce.f.deadlineModel'),
      problems,
      single: true,
      selected: model ? [model.kind] : [],
      choices: (['single', 'rolling', 'cutoffs'] as const).map((kind) => [
        kind,
        host.t(`ce.deadline.${kind}`),
      ]),
      onChange: ([kind]) =>
        host.edit(
          'deadlineModel',
          kind === 'cutoffs'
            ? { kind, cutoffs: model?.kind === 'cutoffs' ? model.cutoffs : [] }
            : ({ kind } as { kind: 'single' }),
        ),
    })}
    ${textControl(host, {
      path: '/dates/closes/at',
      also: ['/dates/closes'],
      label: host.t('ce.dates.closes'),
      problems,
      type: 'datetime-local',
      value: toWall(dates.closes?.at),
      onInput: (v) => {
        const at = fromWall(v);
        setDates(host, { closes: at ? { at, timeZone: 'Africa/Casablanca' } : undefined });
      },
    })}
    ${
      model?.kind === 'cutoffs'
        ? html`<ol class="items">${model.cutoffs.map(
            (cutoff, index) =>
              html`<li>${textControl(host, {
                path: `/deadlineModel/cutoffs/${index}/at`,
                label: host.t('ce.deadline.cutoff', { n: String(index + 1) }),
                problems,
                type: 'datetime-local',
                value: toWall(cutoff.at),
                onInput: (v) =>
                  host.edit('deadlineModel', {
                    kind: 'cutoffs',
                    cutoffs: replaced(model.cutoffs, index, {
                      at: fromWall(v) ?? '',
                      timeZone: 'Africa/Casablanca',
                    }),
                  }),
              })}${smallButton('remove', host.t('ce.remove'), () =>
                host.edit('deadlineModel', {
                  kind: 'cutoffs',
                  cutoffs: replaced(model.cutoffs, index, undefined),
                }),
              )}</li>`,
          )}</ol>
          ${smallButton('add-cutoff', host.t('ce.deadline.add'), () =>
            host.edit('deadlineModel', {
              kind: 'cutoffs',
              cutoffs: [...model.cutoffs, { at: '', timeZone: 'Africa/Casablanca' }],
            }),
          )}`
        : nothing
    }`;
}

function ruleEditor(
  host: Host,
  rule: EligibilityRule,
  index: number,
  setRule: (rule: EligibilityRule | undefined) => void,
  problems: Problems,
): TemplateResult {
  const path = `/eligibility/rules/${index}`;
  const values = (
    choices: readonly (readonly [string, string])[],
    selected: readonly string[],
    key: string,
  ) =>
    choiceGroup(host, {
      path: `${path}/${key}`,
      label: host.t('ce.rule.values'),
      problems,
      selected,
      choices,
      onChange: (next) => setRule({ ...rule, [key]: next } as EligibilityRule),
    });
  let params: unknown = nothing;
  switch (rule.type) {
    case 'legal_form_in':
      params = values(
        LEGAL_FORMS.map((v) => [v, host.t(`ce.legalForm.${v}`)]),
        rule.values,
        'values',
      );
      break;
    case 'region_in':
      params = values(
        REGIONS.map((r) => [r.code, plain(host.locale, r.name)]),
        rule.regions,
        'regions',
      );
      break;
    case 'domain_any':
      params = values(
        DOMAINS.map((d) => [d.code, plain(host.locale, d.name)]),
        rule.domains,
        'domains',
      );
      break;
    case 'size_band_in':
      params = values(
        SIZE_BANDS.map((v) => [v, host.t(`ce.size.${v}`)]),
        rule.values,
        'values',
      );
      break;
    case 'min_age_years':
    case 'annual_reports_filed':
      params = numberControl(host, {
        path: `${path}/years`,
        label: host.t(`ce.rule.years.${rule.type}`),
        problems,
        value: rule.years,
        onInput: (years) => setRule({ ...rule, years: years ?? 0 }),
      });
      break;
    default:
      break;
  }
  return html`<li><fieldset class="group rule" data-rule=${rule.id}>
    <legend>${host.t(`ce.rule.${rule.type}`)}</legend>
    ${params}
    ${smallButton('remove remove-rule', host.t('ce.rule.remove', { rule: host.t(`ce.rule.${rule.type}`) }), () => setRule(undefined))}
  </fieldset></li>`;
}

function renderEligibility(host: Host, f: CallDraftFields, problems: Problems): TemplateResult {
  const rules = f.eligibility?.rules ?? [];
  const setRules = (next: EligibilityRule[]) =>
    host.edit('eligibility', { ...(f.eligibility ?? {}), rules: next });
  const add = () => {
    const select = host.renderRoot.querySelector<HTMLSelectElement>('#f-eligibility-type');
    const type = (select?.value ?? 'min_age_years') as EligibilityRule['type'];
    const current = host.fields.eligibility?.rules ?? [];
    const id = newId(type.replaceAll('_', '-'), current);
    const blank: Record<string, unknown> = { type, id };
    if (type === 'min_age_years' || type === 'annual_reports_filed') blank.years = 1;
    else if (type === 'region_in') blank.regions = [];
    else if (type === 'domain_any') blank.domains = [];
    else if (type !== 'public_utility') blank.values = [];
    setRules([...current, blank as EligibilityRule]);
  };
  return html`
    ${choiceGroup(host, {
      path: '/eligibleApplicantTypes',
      label: host.t('ce.f.eligibleApplicantTypes'),
      problems,
      selected: f.eligibleApplicantTypes ?? [],
      choices: LEGAL_FORMS.map((v) => [v, host.t(`ce.legalForm.${v}`)]),
      onChange: (values) =>
        host.edit('eligibleApplicantTypes', values as CallDraftFields['eligibleApplicantTypes']),
    })}
    ${localizedControl(host, {
      path: '/eligibility/text',
      label: host.t('ce.eligibility.text'),
      problems,
      multiline: true,
      value: f.eligibility?.text,
      onInput: (text) => {
        const { text: _old, ...rest } = host.fields.eligibility ?? { rules: [] };
        host.edit('eligibility', text ? { ...rest, text } : rest);
      },
    })}
    <h4>${host.t('ce.f.eligibility')}</h4>
    ${rules.length === 0 ? html`<p class="muted">${host.t('ce.rule.none')}</p>` : nothing}
    <ul class="items">${rules.map((rule, index) =>
      ruleEditor(host, rule, index, (next) => setRules(replaced(rules, index, next)), problems),
    )}</ul>
    <div class="add-row">
      <label for="f-eligibility-type">${host.t('ce.rule.type')}</label>
      <select class="nassij-input" id="f-eligibility-type">
        ${RULE_TYPES.map((type) => html`<option value=${type}>${host.t(`ce.rule.${type}`)}</option>`)}
      </select>
      ${smallButton('add-rule', host.t('ce.rule.add'), add, { id: fieldId('/eligibility'), path: '/eligibility' })}
    </div>
    ${renderEligibilityPreview(host, rules)}`;
}

function renderCriteria(host: Host, f: CallDraftFields, problems: Problems): TemplateResult {
  const criteria = f.criteria ?? [];
  const set = (index: number, criterion: SelectionCriterion | undefined) =>
    host.edit('criteria', replaced(criteria, index, criterion));
  const sum = criteria.reduce((total, c) => total + (Number.isFinite(c.weight) ? c.weight : 0), 0);
  // Read at the click, not at the render: two quick clicks add two criteria.
  const add = () =>
    host.edit('criteria', [
      ...(host.fields.criteria ?? []),
      {
        id: newId('c', criteria),
        label: {},
        weight: 0,
        maxScore: 10,
        anchors: [
          { score: 0, description: {} },
          { score: 10, description: {} },
        ],
      } as unknown as SelectionCriterion,
    ]);
  const sumProblems = problems.filter((p) => p.path === '/criteria');
  return html`<p class="weights" id="f-criteria-sum" data-path="/criteria" tabindex="-1" aria-live="polite"
      data-sum-ok=${Math.abs(sum - 100) < 1e-9 ? 'true' : 'false'}>${host.t('ce.criteria.sum', { sum: host.fmt.number(sum) })}</p>
    ${sumProblems.length ? html`<p class="field-error">${host.t('ce.p.weights', { sum: host.fmt.number(sum) })}</p>` : nothing}
    <ol class="items">${criteria.map(
      (c, index) => html`<li><fieldset class="group criterion">
        <legend>${host.t('ce.criteria.one', { n: String(index + 1) })}</legend>
        ${localizedControl(host, { path: `/criteria/${index}/label`, label: host.t('ce.criteria.label'), problems, value: c.label, onInput: (label) => set(index, { ...c, label: label ?? ({} as never) }) })}
        ${numberControl(host, { path: `/criteria/${index}/weight`, label: host.t('ce.criteria.weight'), problems, value: c.weight, onInput: (weight) => set(index, { ...c, weight: weight ?? 0 }) })}
        ${numberControl(host, { path: `/criteria/${index}/maxScore`, label: host.t('ce.criteria.maxScore'), problems, value: c.maxScore, onInput: (maxScore) => set(index, { ...c, maxScore: maxScore ?? 0 }) })}
        <h4 class="sub" id="f-criteria-${index}-anchors" data-path="/criteria/${index}/anchors" tabindex="-1">${host.t('ce.criteria.anchors')}</h4>
        <ul class="items">${c.anchors.map(
          (anchor, a) => html`<li class="anchor">
            ${numberControl(host, { path: `/criteria/${index}/anchors/${a}/score`, label: host.t('ce.criteria.score'), problems, value: anchor.score, onInput: (score) => set(index, { ...c, anchors: replaced(c.anchors, a, { ...anchor, score: score ?? 0 }) }) })}
            ${localizedControl(host, { path: `/criteria/${index}/anchors/${a}/description`, label: host.t('ce.criteria.anchor'), problems, value: anchor.description, onInput: (description) => set(index, { ...c, anchors: replaced(c.anchors, a, { ...anchor, description: description ?? ({} as never) }) }) })}
            ${smallButton('remove', host.t('ce.remove'), () => set(index, { ...c, anchors: replaced(c.anchors, a, undefined) }))}
          </li>`,
        )}</ul>
        ${smallButton('add-anchor', host.t('ce.criteria.addAnchor'), () => set(index, { ...c, anchors: [...c.anchors, { score: c.maxScore, description: {} as never }] }))}
        ${smallButton('remove remove-criterion', host.t('ce.criteria.remove', { n: String(index + 1) }), () => set(index, undefined))}
      </fieldset></li>`,
    )}</ol>
    ${smallButton('add-criterion', host.t('ce.criteria.add'), add)}`;
}

function renderDocuments(host: Host, f: CallDraftFields, problems: Problems): TemplateResult {
  const documents = f.requiredDocuments;
  const list = documents ?? [];
  const set = (next: typeof list) => host.edit('requiredDocuments', next);
  return html`
    ${choiceGroup(host, {
      path: '/requiredDocuments',
      label: host.t('ce.f.requiredDocuments'),
      problems,
      selected: documents && documents.length === 0 ? ['none'] : [],
      choices: [['none', host.t('ce.documents.none')]],
      onChange: (values) => host.edit('requiredDocuments', values.length ? [] : undefined),
    })}
    <ol class="items">${list.map(
      (d, index) => html`<li><fieldset class="group document">
        <legend>${host.t('ce.documents.one', { n: String(index + 1) })}</legend>
        ${localizedControl(host, { path: `/requiredDocuments/${index}/label`, label: host.t('ce.documents.label'), problems, value: d.label, onInput: (label) => set(replaced(list, index, { ...d, label: label ?? ({} as never) })) })}
        ${selectControl(host, {
          path: `/requiredDocuments/${index}/requirement`,
          label: host.t('ce.documents.requirement'),
          problems,
          value: d.requirement,
          choices: (['mandatory', 'conditional'] as const).map((v) => [v, host.t(`ce.documents.${v}`)]),
          onChange: (v) => set(replaced(list, index, { ...d, requirement: v as 'mandatory' })),
        })}
        ${choiceGroup(host, {
          path: `/requiredDocuments/${index}/mediaTypes`,
          label: host.t('ce.documents.mediaTypes'),
          problems,
          selected: d.mediaTypes,
          choices: MEDIA_TYPES,
          onChange: (mediaTypes) => set(replaced(list, index, { ...d, mediaTypes })),
        })}
        ${numberControl(host, { path: `/requiredDocuments/${index}/maxBytes`, label: host.t('ce.documents.maxMb'), problems, value: Math.round(d.maxBytes / 1048576), onInput: (mb) => set(replaced(list, index, { ...d, maxBytes: Math.round((mb ?? 0) * 1048576) })) })}
        ${smallButton('remove', host.t('ce.documents.remove', { n: String(index + 1) }), () => set(replaced(list, index, undefined)))}
      </fieldset></li>`,
    )}</ol>
    ${smallButton('add-document', host.t('ce.documents.add'), () =>
      set([
        ...list,
        {
          id: newId('doc', list),
          type: 'other',
          label: {} as never,
          requirement: 'mandatory',
          mediaTypes: ['application/pdf'],
          maxBytes: 5 * 1048576,
        },
      ]),
    )}
    ${renderLinks(host, problems)}`;
}

type Link = NonNullable<CallDraftFields['documents']>[number];

/** The reference documents the call links to (terms of reference, templates): a title and an address each. */
function renderLinks(host: Host, problems: Problems): TemplateResult {
  const links = host.fields.documents ?? [];
  const current = () => host.fields.documents ?? [];
  const set = (index: number, link: Link | undefined) =>
    host.edit('documents', replaced(current(), index, link));
  const focus = (selector: string) =>
    void host.updateComplete.then(() => host.renderRoot.querySelector<HTMLElement>(selector)?.focus());
  return html`<h4 id="f-documents" data-path="/documents" tabindex="-1">${host.t('ce.f.documents')}</h4>
    <ol class="items">${links.map((link, index) => {
      const n = String(index + 1);
      return html`<li><fieldset class="group link">
        <legend>${host.t('ce.links.one', { n })}</legend>
        ${localizedControl(host, { path: `/documents/${index}/title`, label: host.t('ce.links.title'), problems, value: link.title, onInput: (title) => set(index, { ...link, title: title ?? ({} as never) }) })}
        ${textControl(host, { path: `/documents/${index}/url`, label: host.t('ce.links.url'), problems, type: 'url', value: link.url, onInput: (url) => set(index, { ...link, url: url.trim() }) })}
        ${smallButton('remove remove-link', host.t('ce.links.remove', { n }), () => {
          set(index, undefined);
          focus('button.add-link');
        })}
      </fieldset></li>`;
    })}</ol>
    ${smallButton('add-link', host.t('ce.links.add'), () => {
      const next = [...current(), { title: {}, url: '' } as unknown as Link];
      host.edit('documents', next);
      focus(`#${fieldId(`/documents/${next.length - 1}/title/ar`)}`);
    })}`;
}

function renderForm(host: Host, f: CallDraftFields, problems: Problems): TemplateResult {
  const form = f.form ?? { version: 1, sections: [] };
  const setSections = (sections: typeof form.sections) => host.edit('form', { ...form, sections });
  const documents = f.requiredDocuments ?? [];
  const addField = () => {
    const sections = form.sections.length
      ? form.sections
      : [{ id: 'application', title: { ar: 'الطلب', fr: 'Demande' }, fields: [] as FormField[] }];
    const last = sections.length - 1;
    const all = sections.flatMap((s) => s.fields);
    const field = {
      id: newId('field_', all),
      type: 'text',
      required: true,
      label: {},
    } as unknown as FormField;
    setSections(replaced(sections, last, { ...sections[last]!, fields: [...sections[last]!.fields, field] }));
  };
  return html`<p class="hint">${host.t('ce.form.hint')}</p>
    ${form.sections.map((s, si) => {
      const setFields = (fields: FormField[]) => setSections(replaced(form.sections, si, { ...s, fields }));
      return html`<fieldset class="group form-section"><legend>${text(host, s.title)}</legend>
        ${localizedControl(host, { path: `/form/sections/${si}/title`, label: host.t('ce.form.sectionTitle'), problems, value: s.title, onInput: (title) => setSections(replaced(form.sections, si, { ...s, title: title ?? ({} as never) })) })}
        <ol class="items fields">${s.fields.map((field, fi) => {
          const path = `/form/sections/${si}/fields/${fi}`;
          const set = (next: FormField | undefined) => setFields(replaced(s.fields, fi, next));
          const types = (EDITABLE_FIELD_TYPES as readonly string[]).includes(field.type)
            ? EDITABLE_FIELD_TYPES
            : [...EDITABLE_FIELD_TYPES, field.type];
          const move = (by: number) => {
            const next = [...s.fields];
            const [moved] = next.splice(fi, 1);
            next.splice(fi + by, 0, moved!);
            setFields(next);
            void host.updateComplete.then(() =>
              host.renderRoot
                .querySelector<HTMLElement>(`#${fieldId(`/form/sections/${si}/fields/${fi + by}/type`)}`)
                ?.focus(),
            );
          };
          const name = plain(host.locale, field.label) || field.id;
          return html`<li class="form-field" data-field=${field.id}>
            ${localizedControl(host, { path: `${path}/label`, label: host.t('ce.form.label'), problems, value: field.label, onInput: (label) => set({ ...field, label: label ?? ({} as never) }) })}
            ${selectControl(host, {
              path: `${path}/type`,
              label: host.t('ce.form.type'),
              problems,
              value: field.type,
              choices: types.map((t) => [t, host.t(`ce.form.type.${t}`)]),
              onChange: (type) =>
                set({
                  id: field.id,
                  label: field.label,
                  required: field.required,
                  type,
                  ...(type === 'attachment' ? { documentId: documents[0]?.id ?? '' } : {}),
                  // Choices switching between one and many keep their options; a new choice field starts with one.
                  ...(type === 'choice' || type === 'multi_choice'
                    ? { options: 'options' in field ? field.options : [{ value: 'option_1', label: {} }] }
                    : {}),
                } as FormField),
            })}
            ${
              field.type === 'choice' || field.type === 'multi_choice'
                ? renderOptions(host, {
                    path: `${path}/options`,
                    label: host.t('ce.options.title'),
                    options: field.options,
                    problems,
                    valuePrefix: 'option_',
                    onChange: (options) => set({ ...field, options: options as typeof field.options }),
                  })
                : nothing
            }
            ${
              field.type === 'budget_table'
                ? renderOptions(host, {
                    path: `${path}/categories`,
                    label: host.t('ce.options.categories'),
                    options: field.categories ?? [],
                    problems,
                    valuePrefix: 'category_',
                    onChange: (categories) => {
                      const { categories: _old, ...rest } = field;
                      set(categories.length ? { ...rest, categories } : rest);
                    },
                  })
                : nothing
            }
            ${
              field.type === 'attachment'
                ? selectControl(host, {
                    path: `${path}/documentId`,
                    label: host.t('ce.form.document'),
                    problems,
                    value: field.documentId || undefined,
                    choices: documents.map((d) => [d.id, plain(host.locale, d.label) || d.id]),
                    onChange: (documentId) => set({ ...field, documentId }),
                  })
                : nothing
            }
            ${choiceGroup(host, { path: `${path}/required`, label: host.t('ce.form.requiredLegend'), problems, selected: field.required ? ['yes'] : [], choices: [['yes', host.t('ce.form.required')]], onChange: (v) => set({ ...field, required: v.length > 0 }) })}
            <p class="row-actions">
              ${smallButton('move-up', host.t('ce.form.up', { name }), () => move(-1), { disabled: fi === 0 })}
              ${smallButton('move-down', host.t('ce.form.down', { name }), () => move(1), { disabled: fi === s.fields.length - 1 })}
              ${smallButton('remove remove-field', host.t('ce.form.remove', { name }), () => set(undefined))}
            </p>
          </li>`;
        })}</ol>
      </fieldset>`;
    })}
    ${smallButton('add-field', host.t('ce.form.add'), addField, { id: fieldId('/form'), path: '/form' })}`;
}

function renderReview(host: Host, f: CallDraftFields, problems: Problems): TemplateResult {
  const review = f.review ?? ({} as Partial<NonNullable<CallDraftFields['review']>>);
  const set = (patch: Record<string, number | undefined>) =>
    host.edit('review', { ...review, ...patch } as NonNullable<CallDraftFields['review']>);
  return html`
    ${numberControl(host, { path: '/review/reviewsPerApplication', also: ['/review'], label: host.t('ce.review.reviews'), problems, value: review.reviewsPerApplication, onInput: (v) => set({ reviewsPerApplication: v }) })}
    ${numberControl(host, { path: '/review/appealDays', label: host.t('ce.review.appealDays'), problems, value: review.appealDays, onInput: (v) => set({ appealDays: v }) })}`;
}

function renderReports(host: Host, f: CallDraftFields, problems: Problems): TemplateResult {
  const reports = f.reports;
  const list = reports ?? [];
  const set = (next: typeof list) => host.edit('reports', next);
  return html`
    ${choiceGroup(host, {
      path: '/reports',
      label: host.t('ce.f.reports'),
      problems,
      selected: reports && reports.length === 0 ? ['none'] : [],
      choices: [['none', host.t('ce.reports.none')]],
      onChange: (values) => host.edit('reports', values.length ? [] : undefined),
    })}
    <ol class="items">${list.map(
      (r, index) => html`<li><fieldset class="group report">
        <legend>${host.t('ce.reports.one', { n: String(index + 1) })}</legend>
        ${selectControl(host, { path: `/reports/${index}/kind`, label: host.t('ce.reports.kind'), problems, value: r.kind, choices: REPORT_KINDS.map((k) => [k, host.t(`ce.reports.${k}`)]), onChange: (kind) => set(replaced(list, index, { ...r, kind: kind as 'final' })) })}
        ${localizedControl(host, { path: `/reports/${index}/label`, label: host.t('ce.reports.label'), problems, value: r.label, onInput: (label) => set(replaced(list, index, { ...r, label: label ?? ({} as never) })) })}
        ${textControl(host, { path: `/reports/${index}/dueOn`, label: host.t('ce.reports.dueOn'), problems, type: 'date', value: r.dueOn, onInput: (dueOn) => set(replaced(list, index, { ...r, dueOn })) })}
        ${smallButton('remove', host.t('ce.reports.remove', { n: String(index + 1) }), () => set(replaced(list, index, undefined)))}
      </fieldset></li>`,
    )}</ol>
    ${smallButton('add-report', host.t('ce.reports.add'), () => set([...list, { id: newId('report', list), kind: 'final', label: {} as never, dueOn: '' }]))}`;
}

function renderContact(host: Host, f: CallDraftFields, problems: Problems): TemplateResult {
  const contact = f.contact ?? {};
  const set = (key: 'email' | 'phone' | 'url' | 'name', value: string | LocalizedText | undefined) => {
    const clean = typeof value === 'string' ? value.trim() : value;
    const next: Record<string, unknown> = { ...(host.fields.contact ?? {}), [key]: clean };
    if (!clean) delete next[key];
    host.edit('contact', Object.keys(next).length ? (next as CallDraftFields['contact']) : undefined);
  };
  return html`
    ${textControl(host, { path: '/contact/email', also: ['/contact'], label: host.t('ce.contact.email'), problems, type: 'email', value: contact.email, onInput: (v) => set('email', v) })}
    ${textControl(host, { path: '/contact/phone', label: host.t('ce.contact.phone'), problems, type: 'tel', value: contact.phone, onInput: (v) => set('phone', v) })}
    ${textControl(host, { path: '/contact/url', label: host.t('ce.contact.url'), problems, type: 'url', value: contact.url, onInput: (v) => set('url', v) })}
    ${localizedControl(host, { path: '/contact/name', label: host.t('ce.contact.name'), problems, value: contact.name, onInput: (v) => set('name', v) })}`;
}
