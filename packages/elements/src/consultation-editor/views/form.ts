import {
  type ConsultationDraftFields,
  type ConsultationDraftPhases,
  casablancaWallClock,
  DOMAINS,
  type FieldError,
  fromCasablancaWallClock,
  REGIONS,
} from '@nassij/contract';
import { html, nothing, type TemplateResult } from 'lit';
import { plain } from '../../base/states.js';
import type { NassijConsultationEditor } from '../nassij-consultation-editor.js';
import { choiceGroup, localizedControl, selectControl, textControl } from './controls.js';

type Host = NassijConsultationEditor;
type Problems = readonly FieldError[];

const SCOPES = ['national', 'regional', 'local'] as const;
const SUBJECTS = ['draft_law', 'decree', 'policy', 'programme', 'regional_plan'] as const;
const MODES = ['open', 'registered', 'associations_only'] as const;
/** The dated phases, in the order they happen. */
const PHASES = [
  'information',
  'contributions_open',
  'closed',
] as const satisfies readonly (keyof ConsultationDraftPhases)[];

/**
 * A Casablanca wall-clock `datetime-local` value of an instant.
 *
 * @example
 * ```ts
 * toWall('2027-01-12T08:00:00Z'); // '2027-01-12T09:00' (UTC+1)
 * ```
 */
export const toWall = (at: string | undefined): string =>
  at ? casablancaWallClock(at).toISOString().slice(0, 16) : '';

/**
 * The instant of a Casablanca wall-clock `datetime-local` value, `undefined` while it is not a whole one.
 *
 * @example
 * ```ts
 * fromWall('2027-01-12T09:00'); // '2027-01-12T08:00:00.000Z'
 * ```
 */
export const fromWall = (value: string): string | undefined =>
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value)
    ? fromCasablancaWallClock(new Date(`${value}:00Z`)).toISOString()
    : undefined;

function section(host: Host, id: string, content: unknown): TemplateResult {
  return html`<section class="part" aria-labelledby="s-${id}"><h3 id="s-${id}">${host.t(`co.s.${id}`)}</h3>${content}</section>`;
}

/**
 * The draft's form, before its text: the texts (title, summary), scope and participation (scope, region
 * and commune when not national, subject, who may contribute, domains), and the dates of the phases.
 *
 * @example
 * ```ts
 * html`<form>${renderForm(editor, editor.showErrors ? editor.problems : [])}</form>`;
 * ```
 */
export function renderForm(host: Host, problems: Problems): TemplateResult {
  const f = host.fields;
  return html`
    ${section(
      host,
      'texts',
      html`
      ${localizedControl(host, { path: '/title', label: host.t('co.f.title'), problems, value: f.title, onInput: (v) => host.edit('title', v) })}
      ${localizedControl(host, { path: '/summary', label: host.t('co.f.summary'), problems, value: f.summary, multiline: true, onInput: (v) => host.edit('summary', v) })}`,
    )}
    ${section(host, 'scope', renderScope(host, f, problems))}
    ${section(host, 'phases', renderPhases(host, f, problems))}`;
}

function renderScope(host: Host, f: ConsultationDraftFields, problems: Problems): TemplateResult {
  return html`
    ${choiceGroup(host, {
      path: '/scope',
      label: host.t('co.f.scope'),
      problems,
      single: true,
      selected: f.scope ? [f.scope] : [],
      choices: SCOPES.map((scope) => [scope, host.t(`co.scope.${scope}`)]),
      onChange: ([value]) => {
        host.edit('scope', value as ConsultationDraftFields['scope']);
        // A national consultation names no region nor commune; a regional one no commune.
        if (value === 'national') host.edit('region', undefined);
        if (value !== 'local') host.edit('communeCode', undefined);
      },
    })}
    ${
      f.scope && f.scope !== 'national'
        ? selectControl(host, {
            path: '/region',
            label: host.t('co.f.region'),
            problems,
            value: f.region,
            choices: REGIONS.map((region) => [region.code, plain(host.locale, region.name)]),
            onChange: (value) => host.edit('region', value as ConsultationDraftFields['region']),
          })
        : nothing
    }
    ${
      f.scope === 'local'
        ? textControl(host, {
            path: '/communeCode',
            label: host.t('co.f.communeCode'),
            problems,
            value: f.communeCode,
            lang: 'en',
            onInput: (value) => host.edit('communeCode', value.trim() || undefined),
          })
        : nothing
    }
    ${selectControl(host, {
      path: '/subjectType',
      label: host.t('co.f.subjectType'),
      problems,
      value: f.subjectType,
      choices: SUBJECTS.map((subject) => [subject, host.t(`co.subject.${subject}`)]),
      onChange: (value) => host.edit('subjectType', value as ConsultationDraftFields['subjectType']),
    })}
    ${choiceGroup(host, {
      path: '/participationMode',
      label: host.t('co.f.participationMode'),
      problems,
      single: true,
      selected: f.participationMode ? [f.participationMode] : [],
      choices: MODES.map((mode) => [mode, host.t(`co.mode.${mode}`)]),
      onChange: ([value]) =>
        host.edit('participationMode', value as ConsultationDraftFields['participationMode']),
    })}
    ${choiceGroup(host, {
      path: '/domains',
      label: host.t('co.f.domains'),
      problems,
      selected: f.domains ?? [],
      choices: DOMAINS.map((domain) => [domain.code, plain(host.locale, domain.name)]),
      onChange: (values) => host.edit('domains', values),
    })}`;
}

function renderPhases(host: Host, f: ConsultationDraftFields, problems: Problems): TemplateResult {
  const phases = f.phases ?? {};
  const set = (name: (typeof PHASES)[number], value: string) => {
    const next: Record<string, string> = { ...(host.fields.phases ?? {}) };
    const at = fromWall(value);
    if (at) next[name] = at;
    else delete next[name];
    host.edit('phases', Object.keys(next).length ? (next as ConsultationDraftPhases) : undefined);
  };
  return html`<p class="hint" id="co-zone">${host.t('co.dates.zone')}</p>
    ${PHASES.map((name) =>
      textControl(host, {
        path: `/phases/${name}`,
        also: name === 'contributions_open' ? ['/phases'] : [],
        label: host.t(`co.dates.${name}`),
        problems,
        type: 'datetime-local',
        value: toWall(phases[name]),
        onInput: (value) => set(name, value),
      }),
    )}`;
}
