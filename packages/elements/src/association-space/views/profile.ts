import { type Locale, regionName } from '@nassij/contract';
import { html, nothing, type TemplateResult } from 'lit';
import { safeHref, text } from '../../base/states.js';
import { cancelProfile, editProfile, reloadProfile, saveProfile } from '../actions.js';
import type { ProfileDraft } from '../api.js';
import type { NassijAssociationSpace, SpaceData } from '../nassij-association-space.js';
import { fieldError, invalid, notice, refusal } from './parts.js';

/** The languages of the descriptions, Arabic first (the platform's source language). */
const LANGUAGES: readonly Locale[] = ['ar', 'fr', 'zgh', 'en'];
/** Writing direction of each language's description field. */
const DIRECTION: Record<Locale, 'rtl' | 'ltr'> = { ar: 'rtl', fr: 'ltr', zgh: 'ltr', en: 'ltr' };
const CONTACTS = ['email', 'phone', 'address'] as const;

/** The profile as the directory and the members read it, with which contacts the public sees. */
function view(host: NassijAssociationSpace, space: SpaceData): TemplateResult {
  const a = space.association;
  const profile = space.profile.value;
  const websiteText = profile ? profile.website : a.website;
  const website = websiteText ? safeHref(websiteText) : undefined;
  // The logo's address is the API's (`/v1/associations/{id}/logo`), under the client's base URL.
  const base = host.resolvedClient?.transport.config.baseUrl ?? '';
  const logo = profile?.logo
    ? safeHref(profile.logo.url.startsWith('/') ? `${base}${profile.logo.url}` : profile.logo.url)
    : undefined;
  const contacts = profile?.contacts;
  const contact = (kind: (typeof CONTACTS)[number]) => {
    // Members read every contact with whether it is shown; without the profile, the public record's.
    const known = contacts?.[kind];
    const value = known ? known.value : contacts ? undefined : a.contact[kind];
    const shown = known ? known.shown : value !== undefined;
    const shownText =
      value === undefined
        ? host.t('as.profile.empty')
        : typeof value === 'string'
          ? html`<span dir="auto">${value}</span>`
          : text(host, value);
    return html`<div data-contact=${kind}><dt>${host.t(`as.profile.${kind}`)}</dt><dd>${shownText}
      ${value === undefined ? nothing : html`<span class="badge" data-shown=${shown ? 'true' : 'false'}>${host.t(shown ? 'as.profile.shownBadge' : 'as.profile.hiddenBadge')}</span>`}</dd></div>`;
  };
  return html`<dl class="facts">
      <div><dt>${host.t('as.profile.registration')}</dt><dd dir="ltr" class="registration">${a.registrationNumber}</dd></div>
      <div><dt>${host.t('as.profile.region')}</dt><dd>${regionName(a.region, host.locale)}</dd></div>
      <div><dt>${host.t('as.profile.website')}</dt><dd class="website">${
        website
          ? html`<a href=${website} dir="ltr" rel="noopener">${websiteText}</a>`
          : host.t('as.profile.empty')
      }</dd></div>
      ${logo ? html`<div><dt>${host.t('as.profile.logo')}</dt><dd><img class="logo" src=${logo} alt=${host.t('as.profile.logo')} /></dd></div>` : nothing}
    </dl>
    <h4>${host.t('as.profile.description')}</h4>
    <p class="description">${profile?.descriptions ? text(host, profile.descriptions) : host.t('as.profile.empty')}</p>
    <h4>${host.t('as.profile.contacts')}</h4>
    <dl class="facts contacts">${CONTACTS.map(contact)}</dl>`;
}

/** Updates the draft (kept in the host, so a failed save or a conflict loses nothing typed). */
function set(host: NassijAssociationSpace, change: (draft: ProfileDraft) => ProfileDraft): void {
  if (host.draft) host.draft = change(host.draft);
}

function form(host: NassijAssociationSpace, space: SpaceData, draft: ProfileDraft): TemplateResult {
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    void saveProfile(host, space, event.currentTarget as HTMLFormElement);
  };
  const formOf = (event: Event) => (event.currentTarget as HTMLElement).closest('form') as HTMLFormElement;
  return html`<form class="profile-form" novalidate aria-labelledby="pf-heading" @submit=${submit}>
    <h4 id="pf-heading">${host.t('as.profile.form')}</h4>
    <fieldset>
      <legend>${host.t('as.profile.descriptions')}</legend>
      ${LANGUAGES.map(
        (lang) => html`<div class="field">
          <label for="pf-description-${lang}">${host.t(`as.profile.description.${lang}`)}</label>
          <textarea class="nassij-input" id="pf-description-${lang}" name="description-${lang}" rows="3"
            lang=${lang} dir=${DIRECTION[lang]} .value=${draft.description[lang] ?? ''}
            @input=${(e: Event) => set(host, (d) => ({ ...d, description: { ...d.description, [lang]: (e.target as HTMLTextAreaElement).value } }))}></textarea>
        </div>`,
      )}
    </fieldset>
    <div class="field">
      <label for="pf-website">${host.t('as.profile.website')}</label>
      <span class="hint" id="pf-website-hint">${host.t('as.profile.websiteHint')}</span>
      <input class="nassij-input" id="pf-website" name="website" type="url" dir="ltr" autocomplete="url"
        .value=${draft.website} aria-invalid=${invalid(host, 'pf-website')}
        aria-describedby="pf-website-hint pf-website-error"
        @input=${(e: Event) => set(host, (d) => ({ ...d, website: (e.target as HTMLInputElement).value }))} />
      ${fieldError(host, 'pf-website')}
    </div>
    <fieldset>
      <legend>${host.t('as.profile.contacts')}</legend>
      ${CONTACTS.map((kind) => {
        const contact = draft.contacts[kind] ?? { value: '', shown: false };
        const id = `pf-${kind}`;
        const label = host.t(`as.profile.${kind}`);
        const update = (next: Partial<typeof contact>) =>
          set(host, (d) => ({ ...d, contacts: { ...d.contacts, [kind]: { ...contact, ...next } } }));
        return html`<div class="field">
            <label for=${id}>${label}</label>
            ${
              kind === 'address'
                ? html`<textarea class="nassij-input" id=${id} name=${kind} rows="2" dir="auto" .value=${contact.value}
                    @input=${(e: Event) => update({ value: (e.target as HTMLTextAreaElement).value })}></textarea>`
                : html`<input class="nassij-input" id=${id} name=${kind} type=${kind === 'email' ? 'email' : 'tel'}
                    dir="ltr" autocomplete=${kind === 'email' ? 'email' : 'tel'} .value=${contact.value}
                    aria-invalid=${invalid(host, id)} aria-describedby="${id}-error"
                    @input=${(e: Event) => update({ value: (e.target as HTMLInputElement).value })} />`
            }
            ${fieldError(host, id)}
          </div>
          <div class="option">
            <input type="checkbox" id="${id}-shown" name="${kind}-shown" .checked=${contact.shown}
              @change=${(e: Event) => update({ shown: (e.target as HTMLInputElement).checked })} />
            <label for="${id}-shown">${host.t('as.profile.show', { field: label })}</label>
          </div>`;
      })}
    </fieldset>
    <div class="field">
      <label for="pf-logo">${host.t('as.profile.logoFile')}</label>
      <input class="nassij-input" id="pf-logo" name="logo" type="file" accept="image/png,image/jpeg"
        aria-invalid=${invalid(host, 'pf-logo')} aria-describedby="pf-logo-error" />
      ${fieldError(host, 'pf-logo')}
    </div>
    ${
      host.conflict
        ? html`<div class="conflict" id="pf-conflict" tabindex="-1" role="alert">
            <p>${host.t('as.profile.conflict')}</p>
            <p class="form-actions">
              <button class="nassij-button" part="button" type="button" id="pf-overwrite" ?disabled=${host.busy}
                @click=${(e: Event) => void saveProfile(host, space, formOf(e), { overwrite: true })}>${host.t('as.profile.overwrite')}</button>
              <button class="nassij-button" data-variant="secondary" part="button" type="button"
                @click=${() => void reloadProfile(host)}>${host.t('as.profile.reload')}</button>
            </p>
          </div>`
        : nothing
    }
    ${refusal(host, 'profile')}
    <p class="form-actions">
      <button class="nassij-button" part="button" type="submit" id="pf-save" ?disabled=${host.busy}>${host.t('as.profile.save')}</button>
      <button class="nassij-button" data-variant="secondary" part="button" type="button"
        @click=${() => void cancelProfile(host)}>${host.t('action.cancel')}</button>
    </p>
  </form>`;
}

/**
 * The Profile section: the record as the public and the members read it; for the representative, "Edit"
 * opens the form (descriptions per language, website, contacts shown or hidden, logo).
 */
export function renderProfile(host: NassijAssociationSpace, space: SpaceData): TemplateResult {
  const rights = host.rights;
  return html`${notice(host, 'profile')}
    ${
      host.editing && host.draft
        ? form(host, space, host.draft)
        : html`${view(host, space)}
          ${
            rights.editProfile
              ? html`<p class="form-actions"><button class="nassij-button" part="button" type="button" id="pf-edit"
                  @click=${() => void editProfile(host, space)}>${host.t('as.profile.edit')}</button></p>`
              : html`<p class="muted">${host.t('as.profile.readOnly')}</p>`
          }`
    }`;
}
