import {
  type Course,
  cancelRegistrationRef,
  createRegistrationRef,
  listMembersRef,
  type Member,
  type Registration,
  type SessionSummary,
} from '@nassij/contract';
import type { ReactiveController } from 'lit';
import { errorMessage } from '../base/states.js';
import type { NassijTrainingFinder } from './nassij-training-finder.js';
import {
  localRegistration,
  REGISTRATION_FIELDS,
  type RegistrationField,
  readRegistration,
} from './registration.js';
import { adoptRegistrationStyles } from './registration.styles.js';
import { ReturnFocus } from './return-focus.js';

/** What the modal dialog shows: the registration form, its outcome, or the question before cancelling. */
export type RegistrationDialog =
  | { kind: 'register'; course: Course; session: SessionSummary }
  | { kind: 'result'; registration: Registration }
  | { kind: 'cancel'; registration: Registration };

/** The control of each registration field, to focus the first wrong one. */
const FIELD_CONTROLS: Record<RegistrationField, string> = {
  association: '#association',
  participant: '#participant',
  consent: '#consent',
};

/** Whom a participant may be chosen from: a member's account and the name it shows. */
export type Person = Pick<Member, 'accountId' | 'displayName'>;

/**
 * The registration dialog of `<nassij-training-finder>`: opens it, checks the form in the page's language,
 * registers or cancels (writes: failures through `reportFailure`), and moves focus: into the dialog when it
 * opens or changes, to the first wrong field, and back when it closes. Loaded with its views at the first
 * interaction that needs it (see `registration-ui.ts`).
 *
 * @example
 * ```ts
 * this.registration = new RegistrationController(this); // loaded at the first "register"
 * await this.registration.open(course, session); // once signed in
 * ```
 */
export class RegistrationController implements ReactiveController {
  /** The dialog shown, if any. */
  dialog: RegistrationDialog | undefined;
  /** The failure of the dialog's write, translated. */
  error: string | undefined;
  /** The message key of each wrong field of the form. */
  fieldErrors: Partial<Record<RegistrationField, string>> = {};
  /** Whether a write is in flight. */
  busy = false;
  /**
   * Whom the participant is chosen from, for the association chosen: the signed-in person, or for the
   * association's representative its members; `undefined` while they load.
   */
  people: Person[] | undefined;
  /** The signed-in account (shown as "me" among the people). */
  me: string | undefined;
  /** Why the people could not be read, translated. */
  peopleError: string | undefined;
  /** The association the people shown (or loading) are of. */
  #peopleOf: string | undefined;
  readonly #host: NassijTrainingFinder;
  readonly #returnFocus = new ReturnFocus();
  /** The kind of dialog focus was last moved into; focus moves again only when it changes. */
  #focusedKind: RegistrationDialog['kind'] | undefined;

  constructor(host: NassijTrainingFinder) {
    this.#host = host;
    host.addController(this);
    adoptRegistrationStyles(host);
  }

  #set(
    patch: Partial<
      Pick<RegistrationController, 'dialog' | 'error' | 'fieldErrors' | 'busy' | 'people' | 'peopleError'>
    >,
  ): void {
    Object.assign(this, patch);
    this.#host.requestUpdate();
  }

  /**
   * Opens the form for a session; `opener` gets focus back on close. The host signs in and reads the
   * associations first, so that the dialog opens with its chooser and focuses it.
   */
  async open(course: Course, session: SessionSummary, opener?: HTMLElement): Promise<void> {
    // Found again on close: the list may have re-rendered meanwhile. Else the course's heading.
    this.#returnFocus.remember(opener, `[data-register="${session.id}"]`, `#c-${course.id}`, '#title');
    // The people first: the form opens whole, focus on its first field (not on one below a list to come).
    const first = this.#host.associations?.[0]?.association.id;
    if (first) await this.choose(first);
    this.#set({ dialog: { kind: 'register', course, session }, error: undefined, fieldErrors: {} });
  }

  /**
   * Reads whom the participant may be chosen from for `associationId`: the signed-in person, or, when they
   * represent the association, its members (those who left or have not accepted their invitation are not
   * offered). Data mode: the page's `members`.
   */
  async choose(associationId: string): Promise<void> {
    const host = this.#host;
    const client = host.resolvedClient;
    this.#peopleOf = associationId;
    this.#set({ people: undefined, peopleError: undefined });
    try {
      let people: Person[] = host.members ?? [];
      if (client) {
        const me = await client.auth.me();
        this.me = me.id;
        const role = host.associations?.find((a) => a.association.id === associationId)?.role;
        people =
          role === 'representative'
            ? (await client.request(listMembersRef, { params: { associationId } })).items.filter(
                (m) => !m.leftAt && (m.acceptedAt !== undefined || m.invitedAt === undefined),
              )
            : [{ accountId: me.id, displayName: me.displayName }];
      }
      if (this.#peopleOf === associationId) this.#set({ people });
    } catch (error) {
      if (this.#peopleOf === associationId)
        this.#set({ people: [], peopleError: errorMessage(host, host.reportFailure(error)) });
    }
  }

  /** Shows a dialog as it is (stories); focus moves into it. */
  show(dialog: RegistrationDialog | undefined): void {
    this.#set({ dialog, error: undefined, fieldErrors: {} });
    const first = this.#host.associations?.[0]?.association.id;
    if (dialog?.kind === 'register' && first) void this.choose(first);
  }

  /** Asks before cancelling a registration. */
  askCancel(registration: Registration): void {
    const item = `li[data-registration="${registration.id}"]`;
    this.#returnFocus.remember(`[data-cancel="${registration.id}"]`, `${item} h3`, '#title');
    this.#set({ dialog: { kind: 'cancel', registration }, error: undefined });
  }

  /** The form's submit: checks it (focus to the first wrong field), then registers the participant. */
  readonly submit = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    const dialog = this.dialog;
    if (dialog?.kind !== 'register') return;
    const host = this.#host;
    const { input, errors } = readRegistration(event.target as HTMLFormElement);
    this.#set({ fieldErrors: errors });
    const wrong = REGISTRATION_FIELDS.find((field) => errors[field]);
    if (wrong) {
      await host.updateComplete;
      host.renderRoot.querySelector<HTMLElement>(FIELD_CONTROLS[wrong])?.focus();
      return;
    }
    const client = host.resolvedClient;
    this.#set({ busy: true, error: undefined });
    try {
      const registration = client
        ? await client.request(createRegistrationRef, {
            body: {
              sessionId: dialog.session.id,
              associationId: input.associationId,
              participant: { accountId: input.accountId, ...(input.role ? { role: input.role } : {}) },
              consent: true,
            },
          })
        : localRegistration(
            dialog.course,
            dialog.session,
            input,
            this.people?.find((p) => p.accountId === input.accountId),
          );
      this.#set({ dialog: { kind: 'result', registration } });
      host.emit('nassij-register', registration);
      host.setRegistrations([registration, ...(host.registrations ?? [])]);
      void host.search();
    } catch (error) {
      this.#set({ error: errorMessage(host, host.reportFailure(error)) });
    } finally {
      this.#set({ busy: false });
    }
  };

  /** A field's message goes as soon as the reader changes it. */
  readonly clearFieldError = (event: Event): void => {
    const name = (event.target as HTMLInputElement).name as RegistrationField;
    if (!this.fieldErrors[name]) return;
    const { [name]: _, ...rest } = this.fieldErrors;
    this.#set({ fieldErrors: rest });
  };

  /** Cancels a registration after the reader confirmed. */
  async confirmCancel(registration: Registration): Promise<void> {
    const host = this.#host;
    const client = host.resolvedClient;
    this.#set({ busy: true, error: undefined });
    try {
      const cancelled: Registration = client
        ? await client.request(cancelRegistrationRef, {
            params: { registrationId: registration.id },
            body: {},
          })
        : { ...registration, status: 'cancelled' };
      host.setRegistrations((host.registrations ?? []).map((r) => (r.id === cancelled.id ? cancelled : r)));
      host.emit('nassij-registration-cancel', cancelled);
      this.close();
      host.announcer.announce(host.t('tf.cancel.done', { name: cancelled.participant.name }));
      void host.loadRegistrations();
      void host.search();
    } catch (error) {
      this.#set({ error: errorMessage(host, host.reportFailure(error)) });
    } finally {
      this.#set({ busy: false });
    }
  }

  /** Closes the dialog (its buttons). */
  close(): void {
    const dialog = this.#host.renderRoot.querySelector('dialog');
    if (dialog?.open) dialog.close();
    else this.onClosed();
  }

  /** The dialog closed (a button, Escape): focus goes back where it came from. */
  readonly onClosed = (): void => {
    this.#set({ dialog: undefined, error: undefined, fieldErrors: {} });
    void this.#host.updateComplete.then(() => this.#returnFocus.restore(this.#host.renderRoot));
  };

  hostUpdated(): void {
    const kind = this.dialog?.kind;
    if (kind === this.#focusedKind) return;
    this.#focusedKind = kind;
    if (!kind) return;
    const dialog = this.#host.renderRoot.querySelector('dialog');
    if (dialog && !dialog.open) dialog.showModal();
    dialog?.querySelector<HTMLElement>('select, input:not([type="hidden"]), button')?.focus();
  }
}
