import {
  expiredAttachmentErrors,
  listVaultDocumentsRef,
  MAX_PAGE_SIZE,
  type RequiredDocument,
  type VaultDocument,
  type VaultDocumentKind,
} from '@nassij/contract';
import { iterate } from '@nassij/sdk';
import { html, nothing, type TemplateResult } from 'lit';
import { errorMessage, plain } from '../../base/states.js';
import type { NassijApplicationForm } from '../nassij-application-form.js';

// The vault picker of one required document, loaded on first use: the association's documents, those of
// the kinds the requirement asks for first, each with its kind, year and validity. A document that cannot
// answer (expired, expiring before the call closes, of a format or size the call refuses, unsafe) is listed
// with the reason and no button, so that the applicant sees what to renew in the vault.

// Words that name each kind in a requirement's id, type or label (Arabic, French, English: a call's labels
// come in Arabic with French beside, so a Tamazight one need not be matched).
const KIND_WORDS: [VaultDocumentKind, RegExp][] = [
  ['statutes', /statut|النظام الأساسي|القانون الأساسي/i],
  ['general_assembly_minutes', /minutes|proc[eè]s[- ]verba|\bpv\b|محضر/i],
  // Narrow: "photos of previous activities" is no activity report.
  [
    'activity_report',
    /activity[_ -]report|rapport[^.]{0,12}activit|rapport moral|التقرير الأدبي|تقرير[^.]{0,8}(النشاط|الأنشطة)/i,
  ],
  [
    'financial_report',
    /financial[_ -]report|rapport financier|[ée]tats? financiers|التقرير المالي|القوائم المالية/i,
  ],
  ['bank_certificate', /bank|bancaire|\brib\b|بنكي|البنك/i],
];

/**
 * The vault kinds that obviously answer a call's document requirement, judged from its id, type and
 * label in every language (statutes answer "statutes", a bank certificate "attestation RIB"); empty when none does.
 *
 * @example
 * ```ts
 * vaultKindsFor({ id: 'statutes', label: { fr: "Statuts de l'association" } }); // ['statutes']
 * vaultKindsFor({ id: 'budget', label: { fr: 'Budget prévisionnel' } }); // []
 * ```
 */
export function vaultKindsFor(
  requirement: Pick<RequiredDocument, 'id' | 'label'> & { type?: string },
): VaultDocumentKind[] {
  const words = [requirement.id, requirement.type ?? '', ...Object.values(requirement.label ?? {})].join(' ');
  return KIND_WORDS.filter(([, pattern]) => pattern.test(words)).map(([kind]) => kind);
}

/** Why a vault document cannot answer a requirement; absent when it can. */
export type VaultRefusal = 'expired' | 'expiresBeforeClose' | 'notAccepted' | 'unsafe';

/**
 * Loads the documents of the application's association into `host.vault` (once per association; again
 * after a failure).
 *
 * @example
 * ```ts
 * await loadVault(host);
 * host.vault.items; // the association's vault
 * ```
 */
export async function loadVault(host: NassijApplicationForm, again = false): Promise<void> {
  const vault = host.vault;
  const client = host.resolvedClient;
  const associationId = host.application?.associationId;
  if (!client || !associationId) return;
  if (!again && vault.itemsOf === associationId && !vault.error) return;
  vault.loading = true;
  vault.error = undefined;
  host.requestUpdate();
  try {
    // The picker offers the whole vault: it is paged (it grows every year), so follow it to the end.
    const items: VaultDocument[] = [];
    const pages = iterate(
      client.transport,
      listVaultDocumentsRef,
      { limit: MAX_PAGE_SIZE },
      { params: { associationId } },
    );
    for await (const document of pages) items.push(document);
    vault.items = items;
    vault.itemsOf = associationId;
  } catch (error) {
    vault.error = host.reportFailure(error);
  } finally {
    vault.loading = false;
    host.requestUpdate();
  }
}

/**
 * Why `doc` cannot answer `requirement` on `now` for a call closing at `closesAt`, or `undefined`. An
 * expired document (or one that expires before the call closes) is refused here although the API would
 * attach it: the submission would then refuse it (`document_expired`), so offering it would only lead the
 * applicant to a dead end; the list says why and what to do instead.
 *
 * @example
 * ```ts
 * vaultRefusal(bankCertificate, statutesRequirement, call.dates.closes?.at, new Date()); // 'expired'
 * ```
 */
export function vaultRefusal(
  doc: VaultDocument,
  requirement: RequiredDocument,
  closesAt: string | undefined,
  now: Date,
): VaultRefusal | undefined {
  if (doc.expired) return 'expired';
  if (expiredAttachmentErrors([{ ...doc, documentId: requirement.id }], closesAt, now).length > 0)
    return 'expiresBeforeClose';
  if (doc.scanState === 'infected' || doc.scanState === 'error') return 'unsafe';
  if (!requirement.mediaTypes.includes(doc.mediaType) || doc.size > requirement.maxBytes)
    return 'notAccepted';
  return undefined;
}

/**
 * The vault's documents for `requirement`: the kinds that fit it first, each group in the vault's order
 * (newest year first).
 *
 * @example
 * ```ts
 * sortForRequirement(vault.items, statutesRequirement)[0]; // { doc: statutes, fits: true }
 * ```
 */
export function sortForRequirement(
  items: readonly VaultDocument[],
  requirement: RequiredDocument,
): { doc: VaultDocument; fits: boolean }[] {
  const kinds = vaultKindsFor(requirement);
  const all = items.map((doc) => ({ doc, fits: kinds.includes(doc.kind) }));
  return [...all.filter((d) => d.fits), ...all.filter((d) => !d.fits)];
}

/** A calendar date in the reader's words (noon UTC is that same day in Casablanca). */
function day(host: NassijApplicationForm, date: string): string {
  return host.fmt.date(`${date}T12:00:00Z`);
}

/** "Statutes", "Activity report 2025": the name a document goes by in the list and on its button. */
export function vaultDocumentName(host: NassijApplicationForm, doc: VaultDocument): string {
  const kind = host.t(`af.vault.kind.${doc.kind}`);
  return doc.year === undefined ? kind : host.t('af.vault.withYear', { kind, year: String(doc.year) });
}

function refusalText(host: NassijApplicationForm, doc: VaultDocument, requirement: RequiredDocument) {
  const refusal = vaultRefusal(doc, requirement, host.callData?.dates.closes?.at, new Date(host.now));
  if (!refusal) return undefined;
  const closes = host.callData?.dates.closes?.at;
  return host.t(`af.vault.refused.${refusal}`, {
    date: doc.validUntil ? day(host, doc.validUntil) : '',
    closes: closes ? host.fmt.date(closes) : '',
    formats: host.documents.formats(requirement.mediaTypes),
  });
}

function renderItem(
  host: NassijApplicationForm,
  requirement: RequiredDocument,
  fieldId: string,
  { doc, fits }: { doc: VaultDocument; fits: boolean },
): TemplateResult {
  const name = vaultDocumentName(host, doc);
  const refused = refusalText(host, doc, requirement);
  const meta = `vm-${fieldId}-${doc.id}`;
  return html`<li class="vault-item" data-vault=${doc.id} data-kind=${doc.kind} ?data-fits=${fits}
    ?data-refused=${refused !== undefined}>
    <p class="vault-name">${name}${fits ? html` <span class="vault-fits">${host.t('af.vault.fits')}</span>` : nothing}</p>
    <p class="vault-meta" id=${meta}>${doc.fileName} —
      ${doc.validUntil ? host.t('af.vault.validUntil', { date: day(host, doc.validUntil) }) : host.t('af.vault.noExpiry')}</p>
    ${
      refused
        ? html`<p class="vault-refused" id="${meta}-r"><span aria-hidden="true">⚠ </span>${refused}</p>`
        : html`<button class="nassij-button vault-choose" part="button" type="button" aria-describedby=${meta}
          @click=${() => host.vault.choose(requirement.id, doc.id)}>${host.t('af.vault.choose', { name })}</button>`
    }
  </li>`;
}

/**
 * The open vault picker of required document `documentId` (`fieldId` is its form field): loading, a failure with a
 * retry, an empty vault, or the list.
 *
 * @example
 * ```ts
 * html`${renderVaultPicker(host, 'statutes', 'doc_statutes')}`;
 * ```
 */
export function renderVaultPicker(
  host: NassijApplicationForm,
  documentId: string,
  fieldId: string,
): TemplateResult | typeof nothing {
  const vault = host.vault;
  const requirement = host.callData?.requiredDocuments.find((d) => d.id === documentId);
  if (!requirement) return nothing;
  const label = plain(host.locale, requirement.label);
  const onKeydown = (e: KeyboardEvent) => {
    if (e.key !== 'Escape') return;
    e.preventDefault();
    void vault.toggle(requirement.id).then(() => host.focusNext(`#vo-${fieldId}`));
  };
  let body: TemplateResult;
  if (vault.loading && !vault.items) body = html`<p role="status">${host.t('af.vault.loading')}</p>`;
  else if (vault.error)
    body = html`<p class="field-error" role="alert">${errorMessage(host, vault.error)}</p>
      <button class="nassij-button subtle" part="button" type="button" @click=${() => loadVault(host, true)}>
        ${host.t('af.vault.retry')}</button>`;
  else {
    const items = sortForRequirement(vault.items ?? [], requirement);
    body = items.length
      ? html`<ul class="vault-list">${items.map((item) => renderItem(host, requirement, fieldId, item))}</ul>`
      : html`<p>${host.t('af.vault.empty')}</p>`;
  }
  return html`<div class="vault" id="v-${fieldId}" role="group" aria-labelledby="vh-${fieldId}" @keydown=${onKeydown}>
    <h5 id="vh-${fieldId}">${host.t('af.vault.heading', { label })}</h5>
    ${body}
  </div>`;
}
