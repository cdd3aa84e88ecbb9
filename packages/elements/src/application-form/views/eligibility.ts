import { DOMAINS, type EligibilityResult, LEGAL_FORMS, REGIONS } from '@nassij/contract';
import { html, type TemplateResult } from 'lit';
import { plain } from '../../base/states.js';
import type { NassijApplicationForm } from '../nassij-application-form.js';
import { renderActionError } from './start.js';

type Reason = EligibilityResult['reasons'][number];

/** The words of one unmet rule: codes named (regions, domains, legal forms), lists joined the reader's way. */
function reasonText(host: NassijApplicationForm, reason: Reason): string {
  const name = (code: string) =>
    plain(
      host.locale,
      (
        REGIONS.find((r) => r.code === code) ??
        DOMAINS.find((d) => d.code === code) ??
        LEGAL_FORMS.find((l) => l.code === code)
      )?.name,
    ) || code;
  const params: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(reason.params)) {
    params[key] = Array.isArray(value)
      ? host.fmt.list(value.map(name))
      : typeof value === 'string'
        ? name(value)
        : value;
  }
  const key = `af.reason.${reason.code}`;
  const message = host.t(key, params);
  // A rule newer than this component: say it is unmet rather than show its key.
  return message === key ? host.t('af.reason.other') : message;
}

export function renderEligibility(host: NassijApplicationForm, result: EligibilityResult): TemplateResult {
  return html`<section class="eligibility" aria-labelledby="af-elig">
    <h3 id="af-elig" tabindex="-1" data-focus>${host.t('af.eligibility.heading')}</h3>
    ${
      result.eligible
        ? html`<p class="ok" role="status"><span aria-hidden="true">✓ </span>${host.t('af.eligibility.ok')}</p>
          ${renderActionError(host)}
          <button class="nassij-button primary start" part="button" type="button" ?disabled=${host.busy}
            @click=${() => host.startForm()}>
            ${host.t(host.resumeId ? 'af.eligibility.resume' : 'af.eligibility.start')}
          </button>`
        : html`<div class="not-eligible" role="alert">
          <p>${host.t('af.eligibility.no')}</p>
          <ul>
            ${result.reasons.map((r) => html`<li data-code=${r.code}>${reasonText(host, r)}</li>`)}
          </ul>
        </div>`
    }
  </section>`;
}
