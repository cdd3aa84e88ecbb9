import { html, nothing, type TemplateResult } from 'lit';
import { askConfirmation, cancelConfirmation, handOverTo, invite, leave, removeOne } from '../actions.js';
import { MEMBER_ROLES, type MemberList, type SpaceMember } from '../api.js';
import type { NassijAssociationSpace, SpaceData } from '../nassij-association-space.js';
import { confirmation, fieldError, invalid, notice, part, refusal } from './parts.js';

function member(host: NassijAssociationSpace, space: SpaceData, m: SpaceMember): TemplateResult {
  const self = m.accountId === host.home?.accountId;
  const key = `member:${m.accountId}`;
  const handKey = `handover:${m.accountId}`;
  const rights = host.rights;
  const returnTo = (attr: string) => `button[${attr}="${CSS.escape(m.accountId)}"]`;
  return html`<li data-member=${m.accountId} data-role=${m.role}>
    <p class="member-name"><span dir="auto">${m.displayName}</span>${self ? html` <span class="muted">${host.t('as.members.you')}</span>` : nothing}</p>
    <p class="meta"><span class="role-name">${host.t(`as.role.${m.role}`)}</span></p>
    ${
      !self && (rights.removeMembers || rights.handOver)
        ? html`<p class="form-actions">
            ${
              rights.handOver && m.role !== 'representative'
                ? html`<button class="nassij-button" data-variant="secondary" part="button" type="button"
                    data-hand-over=${m.accountId} aria-expanded=${host.confirming === handKey ? 'true' : 'false'}
                    @click=${() => void askConfirmation(host, handKey)}>${host.t('as.members.handOverSubmit')}<span class="visually-hidden">: ${m.displayName}</span></button>`
                : nothing
            }
            ${
              rights.removeMembers
                ? html`<button class="nassij-button" data-variant="secondary" part="button" type="button"
                    data-remove-member=${m.accountId} aria-expanded=${host.confirming === key ? 'true' : 'false'}
                    @click=${() => void askConfirmation(host, key)}>${host.t('as.members.remove')}<span class="visually-hidden">: ${m.displayName}</span></button>`
                : nothing
            }
          </p>`
        : nothing
    }
    ${confirmation(
      host,
      key,
      host.t('as.members.confirmRemove', { name: m.displayName }),
      () => void removeOne(host, space, m.accountId, m.displayName),
      returnTo('data-remove-member'),
      (to) => void cancelConfirmation(host, to),
    )}
    ${confirmation(
      host,
      handKey,
      host.t('as.members.confirmHandOver', { name: m.displayName }),
      () => void handOverTo(host, space, m.accountId, m.displayName),
      returnTo('data-hand-over'),
      (to) => void cancelConfirmation(host, to),
    )}
    ${host.confirming === handKey ? refusal(host, 'handover') : nothing}
  </li>`;
}

function inviteForm(host: NassijAssociationSpace, space: SpaceData): TemplateResult {
  return html`<form class="invite" novalidate aria-labelledby="mb-invite-h"
    @submit=${(e: SubmitEvent) => void invite(host, space, e)}>
    <h4 id="mb-invite-h">${host.t('as.members.invite')}</h4>
    <div class="field">
      <label for="mb-email">${host.t('as.members.email')}</label>
      <input class="nassij-input" id="mb-email" name="email" type="email" dir="ltr" autocomplete="off"
        aria-invalid=${invalid(host, 'mb-email')} aria-describedby="mb-email-error" />
      ${fieldError(host, 'mb-email')}
    </div>
    <div class="field">
      <label for="mb-role">${host.t('as.members.role')}</label>
      <select class="nassij-input" id="mb-role" name="role">
        ${MEMBER_ROLES.map(
          (role) =>
            html`<option value=${role} ?selected=${role === 'member'}>${host.t(`as.role.${role}`)}</option>`,
        )}
      </select>
    </div>
    ${refusal(host, 'invite')}
    <p class="form-actions">
      <button class="nassij-button" part="button" type="submit" id="mb-send" ?disabled=${host.busy}>${host.t('as.members.send')}</button>
    </p>
  </form>`;
}

function list(host: NassijAssociationSpace, space: SpaceData, members: MemberList): TemplateResult {
  const others = members.items.filter((m) => m.accountId !== host.home?.accountId);
  return html`${
    members.items.length === 0
      ? html`<p class="muted">${host.t('as.members.none')}</p>`
      : html`<ul class="cards members">${members.items.map((m) => member(host, space, m))}</ul>`
  }
    ${host.rights.invite ? inviteForm(host, space) : nothing}
    ${
      host.rights.handOver && others.length === 0
        ? html`<p class="muted">${host.t('as.members.handOverNone')}</p>`
        : nothing
    }`;
}

/**
 * The Members section: who belongs to the association and with which role; for the representative, the
 * invitation form, removal and the hand-over of the role (each after a confirmation); for the other
 * members, leaving. Only what the signed-in role may do is offered.
 */
export function renderMembers(host: NassijAssociationSpace, space: SpaceData): TemplateResult {
  const rights = host.rights;
  return html`<h4 id="mb-heading" tabindex="-1">${host.t('as.tab.members')}</h4>
    ${notice(host, 'members')}
    ${part(host, space.members, (members) => list(host, space, members))}
    ${
      rights.leave
        ? html`<div class="leave">
            <p class="form-actions"><button class="nassij-button" data-variant="secondary" part="button" type="button"
              id="mb-leave" aria-expanded=${host.confirming === 'leave' ? 'true' : 'false'}
              @click=${() => void askConfirmation(host, 'leave')}>${host.t('as.members.leave')}</button></p>
            ${confirmation(
              host,
              'leave',
              host.t('as.members.confirmLeave', { association: host.nameOf(space.association) }),
              () => void leave(host, space),
              '#mb-leave',
              (to) => void cancelConfirmation(host, to),
            )}
          </div>`
        : html`<p class="muted">${host.t('as.members.representativeStays')}</p>`
    }`;
}
