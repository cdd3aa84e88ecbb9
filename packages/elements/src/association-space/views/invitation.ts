import { html, type TemplateResult } from 'lit';
import { acceptInvitationOf } from '../actions.js';
import type { NassijAssociationSpace } from '../nassij-association-space.js';
import { refusal } from './parts.js';

// The invitation of an e-mail link, offered to the signed-in account: joining is a choice the person makes
// (a button), never a side effect of opening the link.

/** The invitation banner: what it is, and "Accept" (its refusal shown under it, in the reader's language). */
export function renderInvitation(host: NassijAssociationSpace): TemplateResult {
  return html`<div class="invitation" role="group" aria-labelledby="as-invitation-title">
    <h3 id="as-invitation-title">${host.t('as.invitation.title')}</h3>
    <p>${host.t('as.invitation.body')}</p>
    ${refusal(host, 'invitation')}
    <p class="form-actions">
      <button class="nassij-button primary" part="button" type="button" data-accept-invitation
        ?disabled=${host.busy} @click=${() => void acceptInvitationOf(host)}>
        ${host.t('as.invitation.accept')}</button>
    </p>
  </div>`;
}
