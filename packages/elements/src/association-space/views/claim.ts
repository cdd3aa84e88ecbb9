import { DOMAINS, LEGAL_FORMS, REGIONS } from '@nassij/contract';
import { html, nothing, type TemplateResult } from 'lit';
import { plain } from '../../base/states.js';
import { submitClaim } from '../actions.js';
import type { ClaimSummary } from '../api.js';
import type { NassijAssociationSpace, SpaceHome } from '../nassij-association-space.js';
import { fieldError, invalid, refusal } from './parts.js';

// An account that belongs to no association: its claim waiting for verification, or the form to claim an
// association of the directory or to register a new one, with the receipt and the mandate.

/** The claim's association name, in the reader's language when it has one. */
function claimName(host: NassijAssociationSpace, claim: ClaimSummary): string {
  return plain(host.locale, claim.associationName);
}

function field(
  host: NassijAssociationSpace,
  id: string,
  label: string,
  input: TemplateResult,
  hint?: string,
): TemplateResult {
  return html`<div class="field">
    <label for=${id}>${label}</label>
    ${hint ? html`<span class="hint" id="${id}-hint">${hint}</span>` : nothing}
    ${input}
    ${fieldError(host, id)}
  </div>`;
}

function text(host: NassijAssociationSpace, id: string, name: string, dir: 'auto' | 'ltr' | 'rtl' = 'auto') {
  return html`<input class="nassij-input" id=${id} name=${name} dir=${dir} autocomplete="off"
    aria-invalid=${invalid(host, id)} aria-describedby="${id}-error" />`;
}

function fileInput(host: NassijAssociationSpace, id: string, name: string, hinted = false) {
  return html`<input class="nassij-input" id=${id} name=${name} type="file" accept="application/pdf,image/*"
    aria-invalid=${invalid(host, id)} aria-describedby="${hinted ? `${id}-hint ` : ''}${id}-error" />`;
}

function claimForm(host: NassijAssociationSpace): TemplateResult {
  const kind = host.claimKind;
  const choose = (next: 'claim' | 'register') => {
    host.claimKind = next;
    host.fieldErrors = {};
  };
  const select = (id: string, name: string, options: { code: string; label: string }[]) =>
    html`<select class="nassij-input" id=${id} name=${name} aria-invalid=${invalid(host, id)}
      aria-describedby="${id}-error">
      <option value="">${host.t('as.claim.choose')}</option>
      ${options.map((o) => html`<option value=${o.code}>${o.label}</option>`)}
    </select>`;
  return html`<form class="claim" novalidate aria-labelledby="cl-heading"
    @submit=${(e: SubmitEvent) => void submitClaim(host, e)}>
    <fieldset>
      <legend>${host.t('as.claim.kind')}</legend>
      ${(['claim', 'register'] as const).map(
        (k) => html`<div class="option">
          <input type="radio" id="cl-kind-${k}" name="kind" value=${k} .checked=${kind === k}
            @change=${() => choose(k)} />
          <label for="cl-kind-${k}">${host.t(`as.claim.kind.${k}`)}</label>
        </div>`,
      )}
    </fieldset>
    ${field(host, 'cl-receiptNumber', host.t('as.claim.receiptNumber'), text(host, 'cl-receiptNumber', 'receiptNumber', 'ltr'))}
    ${field(
      host,
      'cl-receiptDate',
      host.t('as.claim.receiptDate'),
      html`<input class="nassij-input short" id="cl-receiptDate" name="receiptDate" type="date"
        aria-invalid=${invalid(host, 'cl-receiptDate')} aria-describedby="cl-receiptDate-error" />`,
    )}
    ${
      kind === 'claim'
        ? field(host, 'cl-name', host.t('as.claim.name'), text(host, 'cl-name', 'name'))
        : html`${field(host, 'cl-nameAr', host.t('as.claim.nameAr'), html`<input class="nassij-input" id="cl-nameAr" name="nameAr" lang="ar" dir="rtl" autocomplete="off" aria-invalid=${invalid(host, 'cl-nameAr')} aria-describedby="cl-nameAr-error" />`)}
          ${field(host, 'cl-nameFr', host.t('as.claim.nameFr'), html`<input class="nassij-input" id="cl-nameFr" name="nameFr" lang="fr" dir="ltr" autocomplete="off" aria-invalid=${invalid(host, 'cl-nameFr')} aria-describedby="cl-nameFr-error" />`)}
          ${field(
            host,
            'cl-legalForm',
            host.t('as.claim.legalForm'),
            select(
              'cl-legalForm',
              'legalForm',
              LEGAL_FORMS.map((f) => ({ code: f.code, label: plain(host.locale, f.name) })),
            ),
          )}
          ${field(
            host,
            'cl-region',
            host.t('as.claim.region'),
            select(
              'cl-region',
              'region',
              REGIONS.map((r) => ({ code: r.code, label: plain(host.locale, r.name) })),
            ),
          )}
          <fieldset aria-describedby="cl-domains-error">
            <legend>${host.t('as.claim.domains')}</legend>
            <div class="domains">
              ${DOMAINS.map(
                (d, i) => html`<div class="option">
                  <input type="checkbox" id=${i === 0 ? 'cl-domains' : `cl-domain-${d.code}`} name="domains" value=${d.code}
                    aria-invalid=${i === 0 ? invalid(host, 'cl-domains') : 'false'} />
                  <label for=${i === 0 ? 'cl-domains' : `cl-domain-${d.code}`}>${plain(host.locale, d.name)}</label>
                </div>`,
              )}
            </div>
            ${fieldError(host, 'cl-domains')}
          </fieldset>`
    }
    ${field(host, 'cl-receipt', host.t('as.claim.receipt'), fileInput(host, 'cl-receipt', 'receipt'))}
    ${field(host, 'cl-mandate', host.t('as.claim.mandate'), fileInput(host, 'cl-mandate', 'mandate', true), host.t('as.claim.mandateHint'))}
    ${refusal(host, 'claim')}
    <p class="form-actions">
      <button class="nassij-button" part="button" type="submit" id="cl-submit" ?disabled=${host.busy}>${host.t('as.claim.submit')}</button>
    </p>
  </form>`;
}

/**
 * The space of an account with no association: its pending claim (it can do nothing in the association's
 * name until verified), the reason of a refused one, and the claim form when none is pending.
 */
export function renderClaim(host: NassijAssociationSpace, home: SpaceHome): TemplateResult {
  const pending = home.claims.find((c) => c.state === 'pending');
  if (pending)
    return html`<div class="claim-state" data-state="pending-claim">
      <h3 id="cl-pending" tabindex="-1">${host.t('as.claim.pendingTitle')}</h3>
      <p>${host.t('as.claim.pending', { name: claimName(host, pending), receipt: pending.receiptNumber ?? '' })}</p>
      ${pending.createdAt ? html`<p class="meta"><time datetime=${pending.createdAt}>${host.fmt.date(pending.createdAt)}</time></p>` : nothing}
    </div>`;
  const refused = home.claims.find((c) => c.state === 'refused');
  return html`<div class="claim-state" data-state="no-association">
    <h3 id="cl-heading" tabindex="-1">${host.t('as.claim.noneTitle')}</h3>
    ${
      refused
        ? html`<p class="error">${host.t('as.claim.refused', { name: claimName(host, refused), reason: refused.reason ?? '' })}</p>`
        : nothing
    }
    <p>${host.t('as.claim.none')}</p>
    ${claimForm(host)}
  </div>`;
}
