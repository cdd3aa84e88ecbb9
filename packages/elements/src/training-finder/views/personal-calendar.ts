import { html, nothing, type TemplateResult } from 'lit';
import { safeHref } from '../../base/states.js';
import type { NassijTrainingFinder } from '../nassij-training-finder.js';
import type { PersonalCalendar } from '../personal-calendar.js';

// "Subscribe to my trainings calendar": why the address is private, the button that issues it, then the
// address with a copy button and a link that opens it in the reader's calendar app.

/** The personal calendar block of the signed-in view (client mode: the secret comes from the platform). */
export function renderPersonalCalendar(
  host: NassijTrainingFinder,
  calendar: PersonalCalendar,
): TemplateResult | typeof nothing {
  if (!host.resolvedClient?.transport) return nothing;
  const address = calendar.address;
  // The same checked http(s) address under the scheme calendar apps subscribe to.
  const webcal = safeHref(address)?.replace(/^https?:/, 'webcal:');
  return html`<section class="my-calendar" aria-labelledby="calendar-title">
    <h3 id="calendar-title">${host.t('tf.cal.title')}</h3>
    <p id="calendar-private">${host.t('tf.cal.private')}</p>
    ${
      address
        ? html`<div class="field">
              <label for="calendar-url">${host.t('tf.cal.url')}</label>
              <input id="calendar-url" class="nassij-input" type="url" readonly dir="ltr" .value=${address}
                aria-describedby="calendar-private" @focus=${(e: Event) => (e.target as HTMLInputElement).select()} />
            </div>
            <div class="calendar-actions">
              <button class="nassij-button" part="button" type="button" data-action="copy-calendar"
                @click=${calendar.copy}>${host.t('tf.cal.copy')}</button>
              ${webcal ? html`<a href=${webcal} data-link="webcal">${host.t('tf.cal.open')}</a>` : nothing}
              <button class="nassij-button" data-variant="secondary" part="button" type="button"
                data-action="reissue-calendar" ?disabled=${calendar.busy} @click=${calendar.issue}
                >${host.t('tf.cal.reissue')}</button>
            </div>`
        : html`<button class="nassij-button" part="button" type="button" data-action="issue-calendar"
            ?disabled=${calendar.busy} @click=${calendar.issue}>${host.t('tf.cal.issue')}</button>`
    }
    ${calendar.error ? html`<p class="alert" role="alert">${calendar.error}</p>` : nothing}
  </section>`;
}
