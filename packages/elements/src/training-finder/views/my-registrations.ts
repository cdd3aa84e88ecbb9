import type { Registration } from '@nassij/contract';
import { html, nothing, type TemplateResult } from 'lit';
import type { NassijTrainingFinder } from '../nassij-training-finder.js';
import type { RegistrationController } from '../registration-controller.js';

// "My registrations": the participants the reader's associations registered, their state, and cancelling.

const CANCELLABLE = new Set<Registration['status']>(['confirmed', 'waitlisted', 'requested']);

/** The registrations of the reader's associations. */
export function renderMyRegistrations(
  host: NassijTrainingFinder,
  reg: RegistrationController,
  list: readonly Registration[],
): TemplateResult {
  return html`<ul class="mine">
    ${list.map(
      (r) => html`<li data-registration=${r.id}>
        <h3 tabindex="-1">${host.courseTitle(r.courseId) ?? host.t('tf.mine.session', { id: r.sessionId })}</h3>
        <p>${host.t('tf.mine.participant', { name: r.participant.name })}</p>
        <p><span class="badge" part="badge" data-state=${r.status}>${host.t(`tf.status.${r.status}`)}</span>
          ${r.waitlistPosition ? html` ${host.t('tf.mine.position', { position: r.waitlistPosition })}` : nothing}</p>
        ${
          CANCELLABLE.has(r.status)
            ? html`<button class="nassij-button" data-variant="secondary" part="button" type="button"
                data-cancel=${r.id} @click=${() => reg.askCancel(r)}>${host.t('tf.mine.cancel')}<span
                class="visually-hidden"> — ${r.participant.name}</span></button>`
            : nothing
        }
      </li>`,
    )}
  </ul>`;
}
