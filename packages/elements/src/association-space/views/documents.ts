import { html, nothing, type TemplateResult } from 'lit';
import {
  addDocument,
  askConfirmation,
  cancelConfirmation,
  deleteDocument,
  saveDocument,
} from '../actions.js';
import { DOCUMENT_KINDS, type VaultDocument } from '../api.js';
import type { NassijAssociationSpace, SpaceData } from '../nassij-association-space.js';
import { confirmation, fieldError, invalid, notice, part, refusal } from './parts.js';

/** A calendar date (`YYYY-MM-DD`) or instant, formatted at noon so no time zone moves its day. */
function day(host: NassijAssociationSpace, value: string): string {
  return host.fmt.date(value.length === 10 ? `${value}T12:00:00Z` : value);
}

function item(host: NassijAssociationSpace, space: SpaceData, doc: VaultDocument): TemplateResult {
  const kind = host.t(`as.docs.kind.${doc.kind}`);
  const canManage = host.rights.manageDocuments;
  const key = `doc:${doc.id}`;
  return html`<li data-document=${doc.id} data-expired=${doc.expired ? 'true' : 'false'}>
    <p class="doc-name"><span>${kind}</span>${doc.year ? html` <span>${doc.year}</span>` : nothing}
      ${doc.expired ? html`<span class="badge expired">${host.t('as.docs.expired')}</span>` : nothing}</p>
    <p class="meta">
      <span dir="auto" class="file-name">${doc.fileName}</span>
      <span>${doc.validUntil ? `${host.t('as.docs.validUntil')} ${day(host, doc.validUntil)}` : host.t('as.docs.noExpiry')}</span>
    </p>
    <p class="form-actions">
      <button class="nassij-button" data-variant="secondary" part="button" type="button" data-download=${doc.id}
        ?disabled=${host.busy} @click=${() => void saveDocument(host, space, doc.id, doc.fileName)}>
        ${host.t('as.docs.download')}<span class="visually-hidden">: ${kind} ${doc.year ?? ''}</span></button>
      ${
        canManage
          ? html`<button class="nassij-button" data-variant="secondary" part="button" type="button" data-remove=${doc.id}
              aria-expanded=${host.confirming === key ? 'true' : 'false'}
              @click=${() => void askConfirmation(host, key)}>${host.t('as.docs.remove')}<span class="visually-hidden">: ${kind} ${doc.year ?? ''}</span></button>`
          : nothing
      }
    </p>
    ${host.confirming === key ? nothing : refusal(host, key)}
    ${confirmation(
      host,
      key,
      host.t('as.docs.confirmRemove', { name: doc.fileName }),
      () => void deleteDocument(host, space, doc.id, doc.fileName),
      `button[data-remove="${CSS.escape(doc.id)}"]`,
      (to) => void cancelConfirmation(host, to),
    )}
  </li>`;
}

function uploadForm(host: NassijAssociationSpace, space: SpaceData): TemplateResult {
  return html`<form class="upload" novalidate aria-labelledby="dc-upload-h"
    @submit=${(e: SubmitEvent) => void addDocument(host, space, e)}>
    <h4 id="dc-upload-h">${host.t('as.docs.upload')}</h4>
    <div class="field">
      <label for="dc-kind">${host.t('as.docs.kind')}</label>
      <select class="nassij-input" id="dc-kind" name="kind" aria-invalid=${invalid(host, 'dc-kind')}
        aria-describedby="dc-kind-error">
        ${DOCUMENT_KINDS.map((kind) => html`<option value=${kind}>${host.t(`as.docs.kind.${kind}`)}</option>`)}
      </select>
      ${fieldError(host, 'dc-kind')}
    </div>
    <div class="field">
      <label for="dc-year">${host.t('as.docs.year')}</label>
      <span class="hint" id="dc-year-hint">${host.t('as.docs.yearHint')}</span>
      <input class="nassij-input short" id="dc-year" name="year" inputmode="numeric" dir="ltr" autocomplete="off"
        maxlength="4" aria-invalid=${invalid(host, 'dc-year')} aria-describedby="dc-year-hint dc-year-error" />
      ${fieldError(host, 'dc-year')}
    </div>
    <div class="field">
      <label for="dc-valid-until">${host.t('as.docs.validUntil')}</label>
      <span class="hint" id="dc-valid-until-hint">${host.t('as.docs.validUntilHint')}</span>
      <input class="nassij-input short" id="dc-valid-until" name="validUntil" type="date"
        aria-describedby="dc-valid-until-hint" />
    </div>
    <div class="field">
      <label for="dc-file">${host.t('as.docs.file')}</label>
      <input class="nassij-input" id="dc-file" name="file" type="file" accept="application/pdf,image/*"
        aria-invalid=${invalid(host, 'dc-file')} aria-describedby="dc-file-error" />
      ${fieldError(host, 'dc-file')}
    </div>
    ${refusal(host, 'documents')}
    <p class="form-actions">
      <button class="nassij-button" part="button" type="submit" id="dc-submit" ?disabled=${host.busy}>${host.t('as.docs.submit')}</button>
    </p>
  </form>`;
}

/**
 * The Documents section: the vault (kind, year, validity, expired ones flagged and counted), download for
 * every member; upload and removal (after a confirmation) for the representative and the treasurer.
 */
export function renderDocuments(host: NassijAssociationSpace, space: SpaceData): TemplateResult {
  return html`<h4 id="dc-heading" tabindex="-1">${host.t('as.tab.documents')}</h4>
    ${notice(host, 'documents')}
    ${part(host, space.documents, (docs) => {
      const expired = docs.filter((d) => d.expired).length;
      return html`${expired > 0 ? html`<p class="warning" data-expired-count=${expired}>${host.t('as.docs.expiredCount', { count: expired })}</p>` : nothing}
        ${
          docs.length === 0
            ? html`<p class="muted">${host.t('as.docs.none')}</p>`
            : html`<ul class="cards documents">${docs.map((doc) => item(host, space, doc))}</ul>`
        }
        ${host.rights.manageDocuments ? uploadForm(host, space) : nothing}`;
    })}`;
}
