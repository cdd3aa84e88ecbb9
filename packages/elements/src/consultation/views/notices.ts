import { html, nothing, type TemplateResult } from 'lit';
import { safeHref } from '../../base/states.js';
import type { NassijConsultation } from '../nassij-consultation.js';

// What became of the reader's contributions: waiting in the outbox, or stored with a receipt.

/** Contributions waiting to be sent, with a retry button while online. */
export function renderOutbox(host: NassijConsultation): TemplateResult | typeof nothing {
  const outbox = host.outbox;
  if (!outbox.length) return nothing;
  return html`<section class="outbox notice" aria-labelledby="outbox-h" data-outbox>
    <h3 id="outbox-h" tabindex="-1">${host.t('cons.outbox.title', { count: outbox.length })}</h3>
    <p>${host.t('cons.outbox.explain')}</p>
    <ul>
      ${outbox.map((e) => html`<li class="waiting"><span class="badge">${host.t('cons.outbox.waiting')}</span> ${e.body.body.slice(0, 120)}</li>`)}
    </ul>
    ${
      host.online.online
        ? html`<button class="nassij-button" data-variant="secondary" part="button" type="button" @click=${() => host.flushOutbox()}>${host.t('action.retry')}</button>`
        : nothing
    }
  </section>`;
}

/** The receipt of the last stored contribution, with a link to follow it. */
export function renderReceipt(host: NassijConsultation): TemplateResult | typeof nothing {
  const receipt = host.receipt;
  if (!receipt) return nothing;
  const base = host.resolvedClient?.transport.config.baseUrl;
  const follow = base
    ? safeHref(`${base.replace(/\/+$/, '')}${receipt.followUrl}`, document.baseURI)
    : undefined;
  return html`<section part="receipt" class="receipt notice" aria-labelledby="receipt-heading">
    <h3 id="receipt-heading" tabindex="-1">${host.t('cons.receipt.title')}</h3>
    <p>${host.t('cons.receipt.number')} <strong class="receipt-number" dir="ltr">${receipt.receiptNumber}</strong></p>
    ${
      receipt.awaitingModeration
        ? html`<p class="pending">${host.t('cons.receipt.pending')}</p>`
        : html`<p>${host.t('cons.receipt.published')}</p>`
    }
    ${follow ? html`<p><a class="follow" href=${follow} rel="noopener">${host.t('cons.receipt.follow')}</a></p>` : nothing}
  </section>`;
}
