import { type Attachment, expiredAttachmentErrors, type FormField } from '@nassij/contract';
import { html, nothing, type TemplateResult } from 'lit';
import { errorMessage, safeHref, text } from '../../base/states.js';
import { fileSize } from '../../i18n/file-size.js';
import type { NassijApplicationForm } from '../nassij-application-form.js';
import { hintAndErrors } from './field-parts.js';

// The required documents: the checklist, then one block per document with its rules (formats and size in
// the reader's words), the file, upload progress, the virus scan and the refusals.

export function renderChecklist(host: NassijApplicationForm): TemplateResult {
  const docs = host.callData?.requiredDocuments ?? [];
  const attachments = host.application?.attachments ?? [];
  return html`<section class="checklist" aria-labelledby="af-checklist">
    <h4 id="af-checklist">${host.t('af.doc.checklist')}</h4>
    <ul>
      ${docs.map((d) => {
        const attached = attachments.find((a) => a.documentId === d.id);
        return html`<li data-document=${d.id}>
          <span aria-hidden="true">${attached ? '☑' : '☐'}</span>
          ${text(host, d.label)} (${host.t(d.requirement === 'mandatory' ? 'af.doc.mandatory' : 'af.doc.conditional')}) —
          ${attached ? host.t('af.doc.attached', { name: attached.fileName, size: fileSize(host.fmt, attached.size) }) : host.t('af.doc.missing')}
        </li>`;
      })}
    </ul>
  </section>`;
}

function uploadError(host: NassijApplicationForm, documentId: string): TemplateResult | typeof nothing {
  const { error, params = {} } = host.documents.state[documentId] ?? {};
  if (!error) return nothing;
  const message =
    error === 'file_type_not_allowed'
      ? host.t('af.doc.refusedType', params)
      : error === 'file_too_large'
        ? host.t('af.doc.refusedSize', params)
        : errorMessage(host, error);
  return html`<p class="field-error upload-error" role="alert" data-code=${error}>${message}</p>`;
}

/**
 * The vault documents among `attachments` that have expired, or expire before the call closes (the
 * submission refuses them), by required document id.
 */
export function expiredAttachments(host: NassijApplicationForm): Map<string, string> {
  const errors = expiredAttachmentErrors(
    host.application?.attachments ?? [],
    host.callData?.dates.closes?.at,
    new Date(host.now),
  );
  return new Map(errors.map((e) => [String(e.params?.documentId ?? ''), String(e.params?.validUntil ?? '')]));
}

/** The file attached (name, size, virus scan; where it came from and its validity), or that none is yet. */
function renderAttached(
  host: NassijApplicationForm,
  fieldId: string,
  attachment: Attachment | undefined,
): TemplateResult {
  if (!attachment) return html`<p class="missing">${host.t('af.doc.missing')}</p>`;
  const { fileName: name, size, scanState, vaultDocumentId, validUntil } = attachment;
  const expired = expiredAttachments(host).get(attachment.documentId);
  const date = (d: string) => host.fmt.date(`${d}T12:00:00Z`);
  return html`<p class="attached" id="a-${fieldId}" tabindex="-1">${host.t('af.doc.attached', { name, size: fileSize(host.fmt, size) })}</p>
    ${
      vaultDocumentId
        ? html`<p class="vault-source" data-vault=${vaultDocumentId}>${host.t('af.vault.source')}
          ${validUntil ? host.t('af.vault.validUntil', { date: date(validUntil) }) : nothing}</p>`
        : nothing
    }
    ${expired ? html`<p class="field-error vault-expired"><span aria-hidden="true">⚠ </span>${host.t('af.vault.expiredAttached', { date: date(expired) })}</p>` : nothing}
    <p class="scan" data-scan=${scanState} role="status">${host.t(`af.doc.scan.${scanState}`)}</p>`;
}

function renderProgress(host: NassijApplicationForm, fieldId: string, progress: number | undefined) {
  if (progress === undefined) return nothing;
  return html`<div class="upload"><label for="p-${fieldId}">${host.t('af.doc.progress')}</label>
    <progress id="p-${fieldId}" max="1" .value=${progress}>${host.fmt.percent(progress)}</progress></div>`;
}

export function renderAttachment(
  host: NassijApplicationForm,
  field: Extract<FormField, { type: 'attachment' }>,
  invalid: boolean,
): TemplateResult {
  const document = host.callData?.requiredDocuments.find((d) => d.id === field.documentId);
  if (!document) return html``;
  const attachment = host.application?.attachments.find((a) => a.documentId === document.id);
  const progress = host.documents.state[document.id]?.progress;
  const id = `f-${field.id}`;
  const template = safeHref(document.templateUrl);
  const rules = {
    formats: host.documents.formats(document.mediaTypes),
    size: fileSize(host.fmt, document.maxBytes),
  };
  const open = host.vault.open === document.id;
  const onChange = (e: Event) => {
    const input = e.target as HTMLInputElement;
    const file = input.files?.[0];
    // Emptied after the upload, so that choosing the same file again uploads it again.
    if (file) void host.upload(document.id, file).then(() => (input.value = ''));
  };
  return html`<div class="field document ${invalid ? 'invalid' : ''}" data-document=${document.id}>
    <h4>${text(host, field.label)}</h4>
    <p class="hint" id="r-${field.id}">${host.t('af.doc.rules', rules)}
      ${template ? html` <a href=${template} rel="noopener">${host.t('af.doc.template')}</a>` : nothing}</p>
    ${hintAndErrors(host, { ...field, hint: undefined })}
    ${renderAttached(host, field.id, attachment)}
    <label for=${id} class="file-label">${host.t(attachment ? 'af.doc.replace' : 'af.doc.choose')}: ${text(host, field.label)}</label>
    <input id=${id} data-field=${field.id} type="file" accept=${document.mediaTypes.join(',')}
      aria-describedby=${[`r-${field.id}`, ...(invalid ? [`e-${field.id}`] : [])].join(' ')}
      aria-invalid=${invalid ? 'true' : 'false'} @change=${onChange} />
    ${renderProgress(host, field.id, progress)}
    ${uploadError(host, document.id)}
    ${
      attachment
        ? html`<button class="nassij-button subtle" part="button" type="button" @click=${() => host.removeDocument(document.id)}>
        ${host.t('af.doc.remove')}</button>`
        : nothing
    }
    <button id="vo-${field.id}" class="nassij-button subtle vault-open" part="button" type="button"
      aria-expanded=${open ? 'true' : 'false'} aria-controls=${open ? `v-${field.id}` : nothing}
      @click=${() => host.vault.toggle(document.id)}>${host.t('af.vault.use')}</button>
    ${host.vault.render(document.id, field.id) ?? nothing}
  </div>`;
}
