import { type EligibilityRule, evaluateEligibility, type Money, REGIONS, regionName } from '@nassij/contract';
import { html, nothing, type TemplateResult } from 'lit';
import { plain, text } from '../../base/states.js';
import type { NassijCallEditor } from '../nassij-call-editor.js';
import { selectControl, textControl } from './controls.js';

const LEGAL_FORMS = ['association', 'federation', 'network', 'public_utility_association'] as const;

/**
 * The eligibility preview: a sample association the manager describes, and the contract's
 * `evaluateEligibility` on the call's rules, rule by rule, as an applicant's pre-check would see it.
 *
 * @example
 * ```ts
 * renderEligibilityPreview(editor, editor.fields.eligibility?.rules ?? []);
 * ```
 */
export function renderEligibilityPreview(
  host: NassijCallEditor,
  rules: readonly EligibilityRule[],
): TemplateResult {
  const sample = host.sample;
  const set = (patch: Partial<typeof sample>) => {
    host.sample = { ...sample, ...patch };
  };
  const result = evaluateEligibility(rules, sample, host.now());
  return html`<details class="sample">
    <summary>${host.t('ce.sample.title')}</summary>
    <div class="sample-profile">
      ${selectControl(host, { path: '/sample/legalForm', label: host.t('ce.sample.legalForm'), problems: [], value: sample.legalForm, choices: LEGAL_FORMS.map((v) => [v, host.t(`ce.legalForm.${v}`)]), onChange: (v) => set({ legalForm: v as typeof sample.legalForm }) })}
      ${selectControl(host, { path: '/sample/region', label: host.t('ce.sample.region'), problems: [], value: sample.region, choices: REGIONS.map((r) => [r.code, plain(host.locale, r.name)]), onChange: (v) => set({ region: v as typeof sample.region }) })}
      ${textControl(host, { path: '/sample/domains', label: host.t('ce.sample.domains'), hint: host.t('ce.sample.domainsHint'), problems: [], value: sample.domains.join(', '), onInput: (v) => set({ domains: v.split(/[,\s]+/).filter(Boolean) as typeof sample.domains }) })}
      ${textControl(host, { path: '/sample/foundedOn', label: host.t('ce.sample.foundedOn'), problems: [], type: 'date', value: sample.foundedOn, onInput: (v) => v && set({ foundedOn: v }) })}
      <div class="field"><label class="choice"><input type="checkbox" id="f-sample-publicUtility" .checked=${sample.publicUtility}
        @change=${(e: Event) => set({ publicUtility: (e.target as HTMLInputElement).checked })} /> <span>${host.t('ce.sample.publicUtility')}</span></label></div>
      ${textControl(host, {
        path: '/sample/annualReportsFiled',
        label: host.t('ce.sample.reports'),
        hint: host.t('ce.sample.reportsHint'),
        problems: [],
        value: sample.annualReportsFiled.join(', '),
        onInput: (v) =>
          set({
            annualReportsFiled: v
              .split(/[,\s]+/)
              .map(Number)
              .filter((n) => n >= 1900 && n <= 2100),
          }),
      })}
    </div>
    <div class="sample-result" aria-live="polite">
      <p class="verdict" data-eligible=${result.eligible ? 'true' : 'false'}>
        ${host.t(result.eligible ? 'ce.sample.eligible' : 'ce.sample.notEligible')}</p>
      <ul class="rule-results">${rules.map((rule) => {
        const reason = result.reasons.find((r) => r.rule === rule.id);
        return html`<li data-rule=${rule.id} data-met=${reason ? 'false' : 'true'}>
          ${host.t(`ce.rule.${rule.type}`)}: <strong>${host.t(reason ? 'ce.sample.notMet' : 'ce.sample.met')}</strong>
          ${reason ? html` — ${host.t(`ce.reason.${reason.code}`)}` : nothing}</li>`;
      })}</ul>
    </div>
  </details>`;
}

/** An amount as typed may not be one yet: shown as typed rather than failing the preview. */
function amount(host: NassijCallEditor, money: Money): string {
  try {
    return host.fmt.money(money);
  } catch {
    return money.amount;
  }
}

/**
 * The call as its card will read in the public list: title, summary, award range, regions, deadline.
 * (`<nassij-call-list>` keeps its card private to its module; this one mirrors its markup and classes.)
 *
 * @example
 * ```ts
 * renderPreview(editor);
 * ```
 */
export function renderPreview(host: NassijCallEditor): TemplateResult {
  const f = host.fields;
  const award =
    f.budget?.minAward && f.budget.maxAward
      ? `${amount(host, f.budget.minAward)} – ${amount(host, f.budget.maxAward)}`
      : '—';
  const regions =
    f.coverage === 'national'
      ? host.t('ce.coverage.national')
      : host.fmt.list((f.eligibleRegions ?? []).map((code) => regionName(code, host.locale)));
  const closes = f.dates?.closes?.at;
  return html`<details class="preview">
    <summary>${host.t('ce.preview')}</summary>
    <article class="card" part="card" aria-labelledby="ce-card-title">
      <h3 id="ce-card-title">${f.title ? text(host, f.title) : host.t('ce.preview.untitled')}</h3>
      ${f.summary ? html`<p>${text(host, f.summary)}</p>` : nothing}
      <dl>
        <dt>${host.t('ce.preview.award')}</dt><dd>${award}</dd>
        <dt>${host.t('ce.preview.regions')}</dt><dd>${regions || '—'}</dd>
        <dt>${host.t('ce.preview.deadline')}</dt><dd>${closes ? host.fmt.dateTime(closes) : '—'}</dd>
      </dl>
    </article>
  </details>`;
}
