import { type ContributionReceipt, type CreateContribution, createContributionRef } from '@nassij/contract';
import type { ReactiveController } from 'lit';
import { errorMessage } from '../base/states.js';
import type { NassijConsultation } from './nassij-consultation.js';
import {
  deviceToken,
  isTransient,
  newKey,
  type OutboxEntry,
  putInOutbox,
  readOutbox,
  rememberConsent,
  removeFromOutbox,
  saveDraft,
} from './storage.js';

/**
 * The outbox of `<nassij-consultation>`: a contribution is kept on the device (storage.ts) before it is sent,
 * sent with the same idempotency key on every attempt (so the platform stores it once, even when an answer
 * was lost), and left waiting when the connection is out, to go when it returns.
 *
 * @example
 * ```ts
 * readonly outboxes = new OutboxController(this);
 * await this.outboxes.send(this.outboxes.entry(consultationId, body, anonymous, draftKey), true);
 * ```
 */
export class OutboxController implements ReactiveController {
  readonly #host: NassijConsultation;
  /** Keys being sent now: a flush while a send is in flight does not send it twice at once. */
  readonly #sending = new Set<string>();

  constructor(host: NassijConsultation) {
    this.#host = host;
    host.addController(this);
  }

  hostConnected(): void {}

  /** What waits for one consultation, oldest first. */
  entries(consultationId: string): OutboxEntry[] {
    return readOutbox().filter((e) => e.consultationId === consultationId);
  }

  /** A new entry (its idempotency key made now), kept on the device when there is a platform to send to. */
  entry(
    consultationId: string,
    body: CreateContribution,
    anonymous: boolean,
    draftKey?: string,
  ): OutboxEntry {
    rememberConsent();
    const entry: OutboxEntry = {
      key: newKey(),
      consultationId,
      body,
      anonymous,
      createdAt: new Date().toISOString(),
      ...(draftKey ? { draftKey } : {}),
    };
    if (this.#host.resolvedClient) {
      putInOutbox(entry);
      this.#host.outbox = this.entries(consultationId);
    }
    return entry;
  }

  /**
   * Keeps a contribution in the outbox and sends it (data mode: hands it to the page in
   * `nassij-contribution-queue`, there being nothing to send to).
   */
  async contribute(body: CreateContribution, draftKey: string | undefined): Promise<void> {
    const host = this.#host;
    const data = host.data;
    if (!data) return;
    const entry = this.entry(data.id, body, !host.signedIn, draftKey);
    if (!host.resolvedClient) {
      host.emit('nassij-contribution-queue', { key: entry.key, body });
      return;
    }
    host.busy = true;
    await this.send(entry, true);
    host.busy = false;
  }

  /** Sends everything that waits for a consultation (on load and when the connection returns). */
  flush(consultationId: string): void {
    for (const entry of this.entries(consultationId)) void this.send(entry, false);
  }

  /** The platform stored a contribution: the receipt, announced and focused; the list and figures again. */
  async #stored(receipt: ContributionReceipt): Promise<void> {
    const host = this.#host;
    host.receipt = receipt;
    host.form = undefined;
    host.formError = undefined;
    const pending = receipt.awaitingModeration ? host.t('cons.receipt.pending') : '';
    host.announcer.announce(`${host.t('cons.receipt.title')} ${receipt.receiptNumber}. ${pending}`);
    host.emit('nassij-contribute', receipt);
    void host.refreshStats();
    void host.reloadContributions();
    await host.updateComplete;
    host.focusOn('#receipt-heading');
  }

  /** Sends one entry; `interactive` when the reader just pressed "send" (they hear what happened). */
  async send(entry: OutboxEntry, interactive: boolean): Promise<void> {
    const host = this.#host;
    const client = host.resolvedClient;
    if (!client || this.#sending.has(entry.key)) return;
    this.#sending.add(entry.key);
    try {
      const receipt = await client.request(createContributionRef, {
        params: { consultationId: entry.consultationId },
        body: entry.body,
        // The same key on every attempt, across reloads: the server stores the contribution once.
        idempotencyKey: entry.key,
        ...(entry.anonymous ? { headers: { 'x-nassij-device': deviceToken() } } : {}),
      });
      removeFromOutbox(entry.key);
      if (entry.draftKey) saveDraft(entry.draftKey, undefined);
      await this.#stored(receipt);
    } catch (error) {
      const code = host.reportFailure(error);
      if (isTransient(code)) {
        if (interactive) {
          host.form = undefined;
          host.announcer.announce(host.t('cons.outbox.queued'));
          host.emit('nassij-contribution-queue', { key: entry.key });
          // The form is gone: focus on the outbox that now holds the contribution.
          void host.updateComplete.then(() => host.focusOn('#outbox-h'));
        }
      } else {
        removeFromOutbox(entry.key);
        host.formError = code;
        if (!interactive) host.announcer.announce(errorMessage(host, code));
      }
    } finally {
      this.#sending.delete(entry.key);
      host.outbox = this.entries(entry.consultationId);
    }
  }
}
