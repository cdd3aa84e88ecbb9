import { html, nothing, type TemplateResult } from 'lit';
import { safeHref, text } from '../../base/states.js';
import type { NassijApplicationForm } from '../nassij-application-form.js';

// The journey's first views: no call chosen yet, sign-in, and the choice of association.

/** Without a call there is nothing to load: say how to pick one (with the page's link to the calls). */
export function renderIdle(host: NassijApplicationForm): TemplateResult {
  // A host's address, relative to the page.
  const href = safeHref(host.callsHref, document.baseURI);
  return html`<section class="idle" aria-labelledby="af-idle">
    <h2 id="af-idle">${host.t('af.title')}</h2>
    <p>${host.t('af.idle')}</p>
    ${href ? html`<p><a href=${href}>${host.t('af.idle.link')}</a></p>` : nothing}
  </section>`;
}

/** The write failure of the last action (sign-in, start, withdraw), under the action's button. */
export function renderActionError(host: NassijApplicationForm): TemplateResult | typeof nothing {
  const code = host.actionError;
  return code
    ? html`<p class="action-error" role="alert" data-code=${code}>${host.errorText(code)}</p>`
    : nothing;
}

export function renderSignIn(host: NassijApplicationForm): TemplateResult {
  return html`<p>${host.t('af.signIn.intro')}</p>
    ${renderActionError(host)}
    <button class="nassij-button sign-in" part="button" type="button" ?disabled=${host.busy}
      @click=${() => host.signIn()}>${host.t('af.signIn.button')}</button>`;
}

export function renderChoose(
  host: NassijApplicationForm,
  items: NassijApplicationForm['associations'] & {},
): TemplateResult {
  if (items.length === 0)
    return html`<p role="alert" tabindex="-1" data-focus>${host.t('af.signIn.noAssociation')}</p>`;
  const onSubmit = (event: Event) => {
    event.preventDefault();
    const chosen = new FormData(event.target as HTMLFormElement).get('association');
    if (typeof chosen === 'string') void host.chooseAssociation(chosen);
  };
  return html`<form class="choose" @submit=${onSubmit}>
    <fieldset>
      <legend>${host.t('af.choose.legend')}</legend>
      ${items.map(
        (m, i) => html`<div class="option">
          <input type="radio" name="association" id="asso-${m.association.id}" value=${m.association.id}
            ?checked=${i === 0} ?data-focus=${i === 0} />
          <label for="asso-${m.association.id}">${text(host, m.association.name)}</label>
        </div>`,
      )}
    </fieldset>
    <button class="nassij-button" part="button" type="submit">${host.t('af.continue')}</button>
  </form>`;
}
