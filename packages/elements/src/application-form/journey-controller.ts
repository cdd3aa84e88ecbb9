import {
  type Application,
  type Call,
  checkEligibilityRef,
  type EligibilityResult,
  getApplicationRef,
  getCallRef,
  listApplicationsRef,
  type MyAssociations,
  myAssociationsRef,
  startApplicationRef,
} from '@nassij/contract';
import { isNassijError } from '@nassij/sdk';
import type { BaseClient } from '../base/client.js';
import { ResourceController } from '../base/resource.js';
import type { NassijApplicationForm } from './nassij-application-form.js';
import { showsAmendments } from './views/amendments.js';

/** One association the signed-in person belongs to. */
export type Membership = MyAssociations['items'][number];

/** The eligibility of the chosen association, with its draft to resume or its submitted application. */
export interface Check {
  eligibility: EligibilityResult;
  resumeId?: string | undefined;
  submitted?: Application;
}

/**
 * The way into the form: the call, the popup sign-in, the person's associations, the eligibility of the
 * chosen one (with its draft or submitted application), then the draft started or resumed. Each load is a
 * {@link ResourceController} (abort, stale answers ignored, error and retry); `host.phase` follows.
 *
 * @example
 * ```ts
 * readonly journey = new JourneyController(this);
 * render() { return this.journey.call.render({ ready: (call) => … }); }
 * ```
 */
export class JourneyController {
  readonly #host: NassijApplicationForm;
  readonly call: ResourceController<Call>;
  readonly members: ResourceController<Membership[]>;
  readonly check: ResourceController<Check>;

  constructor(host: NassijApplicationForm) {
    this.#host = host;
    this.call = new ResourceController(host, {
      load: (signal) => this.#client.request(getCallRef, { params: { callId: host.callId ?? '' }, signal }),
      onValue: () => {
        if (this.#client.tokens.get()) void this.members.run();
        else host.phase = 'signin';
      },
    });
    this.members = new ResourceController(host, {
      load: async (signal) => (await this.#client.request(myAssociationsRef, { signal })).items,
      onValue: (items) => {
        const preset =
          items.find((m) => m.association.id === host.associationId) ?? (items.length === 1 && items[0]);
        if (preset) void this.choose(preset.association.id);
        else host.phase = 'choose';
      },
    });
    this.check = new ResourceController(host, {
      load: (signal) => this.#loadCheck(signal),
      onValue: ({ submitted }) => {
        if (!submitted) return;
        host.application = submitted;
        host.phase = 'done';
      },
      keepValueOnError: false,
    });
  }

  /** The client; loads run only once it is there (see the host's `clientChanged`). */
  get #client(): BaseClient {
    const client = this.#host.resolvedClient;
    if (!client) throw new Error('no client');
    return client;
  }

  /** The popup in the host's language; then the associations, and focus on what comes next. */
  async signIn(): Promise<void> {
    const host = this.#host;
    const client = host.resolvedClient;
    if (!client) return;
    host.busy = true;
    host.actionError = undefined;
    try {
      await client.auth.signInWithPopup({ locale: host.locale });
    } catch (error) {
      host.actionError = host.reportFailure(error);
      return;
    } finally {
      host.busy = false;
    }
    // The sign-in button is gone: focus the association choice or the eligibility heading once shown.
    void host.focusNext();
    await this.members.run();
  }

  async choose(associationId: string): Promise<void> {
    const host = this.#host;
    host.associationId = associationId;
    host.phase = 'eligibility';
    // Chosen in the form (its button had focus, and is gone now): focus the eligibility heading.
    if (host.shadowRoot?.activeElement) void host.focusNext();
    if (!host.resolvedClient || !host.callId) return;
    this.check.set(undefined);
    await this.check.run();
  }

  async #loadCheck(signal: AbortSignal): Promise<Check> {
    const client = this.#client;
    const callId = this.#host.callId ?? '';
    const associationId = this.#host.associationId ?? '';
    const [eligibility, existing] = await Promise.all([
      client.request(checkEligibilityRef, { params: { callId }, query: { associationId }, signal }),
      client.request(listApplicationsRef, { query: { callId, associationId }, signal }),
    ]);
    const current = existing.items.find((a) => a.status !== 'withdrawn') ?? existing.items[0];
    if (current?.status === 'draft') return { eligibility, resumeId: current.id };
    const submitted =
      current && (await client.request(getApplicationRef, { params: { applicationId: current.id }, signal }));
    return { eligibility, ...(submitted ? { submitted } : {}) };
  }

  /** Starts the draft (or resumes the one on the server), then merges what this device kept. */
  async start(): Promise<void> {
    const host = this.#host;
    const { callId, associationId } = host;
    const client = host.resolvedClient;
    if (!client || !callId || !associationId) return;
    host.busy = true;
    host.actionError = undefined;
    try {
      let applicationId = this.check.value?.resumeId;
      if (!applicationId) {
        try {
          applicationId = (await client.request(startApplicationRef, { body: { callId, associationId } })).id;
        } catch (error) {
          // Started meanwhile (another tab): resume that draft.
          if (!isNassijError(error) || error.code !== 'already_exists') throw error;
          const list = await client.request(listApplicationsRef, { query: { callId, associationId } });
          applicationId = list.items.find((a) => a.status === 'draft')?.id;
          if (!applicationId) throw error;
        }
      }
      // The SDK's `applications.getWithEtag` does this, but brings every route's schema into the bundle.
      const { data, etag } = await client.transport.opWithEtag(getApplicationRef, {
        params: { applicationId },
      });
      const local = host.autosave.local(data.id);
      host.autosave.submitKey = local?.submitKey;
      host.autosave.adopt(data, etag, local);
      host.step = Math.min(local?.step ?? 0, host.sections.length - 1);
      host.phase = data.status === 'draft' ? 'form' : 'done';
      // The start button is gone: focus the first step's heading, or the notice of the call's amendments
      // above it when there is one, which is what to read before typing.
      void host.focusNext(showsAmendments(host) ? '#af-amendments' : undefined);
    } catch (error) {
      host.actionError = host.reportFailure(error);
    } finally {
      host.busy = false;
    }
  }
}
