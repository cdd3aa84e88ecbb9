import { type Answers, type Application, checkAnswers, updateApplicationRef } from '@nassij/contract';
import { isConflictError } from '@nassij/sdk';
import type { ReactiveController } from 'lit';
import { draftKey, type LocalDraft, readDraft, reconcile, sameAnswer, writeDraft } from './draft-store.js';
import type { NassijApplicationForm } from './nassij-application-form.js';

/** What the reader keeps for a field both tabs changed. */
export type ConflictChoice = 'mine' | 'theirs' | 'merge';

/**
 * Keeps what the applicant types: on the device at once (the draft store), on the server after
 * `autosaveDelay` of quiet, conditionally on the ETag of the version the edits were made from. When
 * another tab or device saved meanwhile, the SDK's conflict error brings that version: fields only one
 * side changed merge, the others go to the host's conflict dialog (`host.conflicts`), and nothing is lost.
 *
 * @example
 * ```ts
 * readonly autosave = new AutosaveController(this);
 * setAnswer(id, value) { this.answers = { ...this.answers, [id]: value }; this.autosave.record(id); }
 * ```
 */
export class AutosaveController implements ReactiveController {
  /** The server's answers the device's edits were made from. */
  synced: Answers = {};
  /** Fields typed but not yet on the server. */
  dirty = new Set<string>();
  /** Idempotency key of a submission not yet answered (kept on the device for a retry). */
  submitKey: string | undefined;
  /** The reader's choice per conflicting field, and the merged text of a "merge". */
  choices: Record<string, ConflictChoice> = {};
  merged: Record<string, string> = {};
  #etag: string | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #saving: Promise<void> | undefined;
  readonly #host: NassijApplicationForm;

  constructor(host: NassijApplicationForm) {
    this.#host = host;
    host.addController(this);
  }

  /** The device's key for this call and association. */
  get key(): string | undefined {
    const { callId, associationId } = this.#host;
    return callId && associationId ? draftKey(callId, associationId) : undefined;
  }

  /** The device's copy for `applicationId`, if it is of that application. */
  local(applicationId: string): LocalDraft | undefined {
    const key = this.key;
    const draft = key ? readDraft(key) : undefined;
    return draft?.applicationId === applicationId ? draft : undefined;
  }

  /** Writes the device's copy now (synchronously). */
  persist(): void {
    const host = this.#host;
    const key = this.key;
    if (!key) return;
    writeDraft(key, {
      applicationId: host.application?.id,
      answers: host.answers,
      synced: this.synced,
      dirty: [...this.dirty],
      etag: this.#etag,
      savedAt: host.savedAt,
      step: host.step,
      submitKey: this.submitKey,
    });
  }

  /** Forgets the device's copy (after a submission). */
  forget(): void {
    const key = this.key;
    if (key) writeDraft(key, undefined);
  }

  /** Takes a server copy as the new base, keeping this device's unsaved edits (conflicts go to the dialog). */
  adopt(
    server: Application,
    etag: string | undefined,
    local: Pick<LocalDraft, 'answers' | 'synced' | 'dirty'> | undefined,
  ): void {
    const host = this.#host;
    const merged = reconcile(local, server.answers);
    host.application = server;
    this.#etag = etag;
    this.synced = { ...server.answers };
    host.answers = merged.answers;
    this.dirty = new Set(merged.dirty);
    if (server.autosavedAt) host.savedAt = server.autosavedAt;
    if (merged.conflicts.length) {
      // Until settled, the field shows my text; both stay in the dialog.
      for (const c of merged.conflicts) {
        host.answers = { ...host.answers, [c.fieldId]: c.mine ?? null };
        this.choices[c.fieldId] = 'mine';
      }
      host.conflicts = merged.conflicts;
    }
    this.persist();
    if (this.dirty.size && !merged.conflicts.length) this.schedule();
  }

  /** One field changed: kept on the device at once, sent after a pause. */
  record(fieldId: string): void {
    this.dirty.add(fieldId);
    this.persist();
    this.schedule();
  }

  schedule(): void {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      void this.save();
    }, this.#host.autosaveDelay);
  }

  /** Saves the unsaved, well-formed answers now; resolves when the server has them (or could not). */
  save(): Promise<void> {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    if (this.#saving) return this.#saving.then(() => (this.dirty.size ? this.save() : undefined));
    this.#saving = this.#save().finally(() => {
      this.#saving = undefined;
    });
    return this.#saving;
  }

  async #save(): Promise<void> {
    const host = this.#host;
    const client = host.resolvedClient;
    const application = host.application;
    const form = host.callData?.form;
    if (!client || !application || !form || application.status !== 'draft' || host.conflicts.length) return;
    const patch: Answers = {};
    for (const id of this.dirty) {
      const value = host.answers[id] ?? null;
      // A half-typed value stays on the device until it is valid; the server would refuse it.
      if (checkAnswers(form, { [id]: value }, { complete: false }).length === 0) patch[id] = value;
    }
    if (Object.keys(patch).length === 0) return;
    if (!host.online.online) {
      host.saveState = 'device';
      return;
    }
    host.saveState = 'saving';
    const title = patch.project_title;
    try {
      // The SDK's `applications.update` does this, but brings every route's schema into the bundle.
      const { data, etag } = await client.transport.opWithEtag(
        updateApplicationRef,
        {
          params: { applicationId: application.id },
          body: { answers: patch, ...(typeof title === 'string' ? { projectTitle: title } : {}) },
        },
        { ifMatch: this.#etag ?? '*' },
      );
      // The attachments are the uploads controller's: an answer to a save sent before an upload (or a document
      // taken from the vault) finished would otherwise drop the file just attached.
      host.application = { ...data, attachments: host.application?.attachments ?? data.attachments };
      this.#etag = etag;
      this.synced = { ...data.answers };
      for (const [id, value] of Object.entries(patch)) {
        if (sameAnswer(host.answers[id], value)) this.dirty.delete(id);
      }
      host.savedAt = data.autosavedAt ?? new Date().toISOString();
      host.saveState = 'idle';
      this.persist();
      host.emit('nassij-application-save', { applicationId: data.id, savedAt: host.savedAt });
    } catch (error) {
      if (isConflictError(error, updateApplicationRef) && error.current?.answers) {
        host.saveState = 'idle';
        this.adopt(error.current, error.etag, {
          answers: host.answers,
          synced: this.synced,
          dirty: [...this.dirty],
        });
      } else {
        // Kept on the device; the next edit or the connection's return tries again.
        host.saveState = 'device';
      }
    }
  }

  /** Applies the reader's choices in the conflict dialog and saves with the new ETag. */
  resolve(): Promise<void> {
    const host = this.#host;
    for (const c of host.conflicts) {
      const choice = this.choices[c.fieldId] ?? 'mine';
      const value =
        choice === 'theirs'
          ? (c.theirs ?? null)
          : choice === 'merge'
            ? (this.merged[c.fieldId] ?? '')
            : (c.mine ?? null);
      host.answers = { ...host.answers, [c.fieldId]: value };
      this.dirty.add(c.fieldId);
    }
    host.conflicts = [];
    this.choices = {};
    this.merged = {};
    this.persist();
    return this.save();
  }

  hostDisconnected(): void {
    // Leaving the page: what is typed is already on the device; try the server too.
    if (this.#timer) void this.save();
  }
}
