import { submitApplicationRef, withdrawApplicationRef } from '@nassij/contract';
import { NassijApiError } from '@nassij/sdk';
import type { NassijApplicationForm } from './nassij-application-form.js';

function newKey(): string {
  return globalThis.crypto?.randomUUID?.() ?? `${Date.now()}-${Math.random().toString(36).slice(2)}`;
}

/**
 * Submission and withdrawal. A submission is sent once: a second click while the first is on its way gets
 * the same promise, and a retry uses the same idempotency key (kept on the device by the autosave), so
 * there is one application and one receipt. A refusal goes back to the field (validation) or under the
 * submit button (deadline, network), with focus there.
 *
 * @example
 * ```ts
 * readonly submission = new SubmissionController(this);
 * submit() { return this.submission.submit(); }
 * ```
 */
export class SubmissionController {
  readonly #host: NassijApplicationForm;
  #submitting: Promise<void> | undefined;

  constructor(host: NassijApplicationForm) {
    this.#host = host;
  }

  submit(): Promise<void> {
    this.#submitting ??= this.#submit().finally(() => {
      this.#submitting = undefined;
    });
    return this.#submitting;
  }

  async #submit(): Promise<void> {
    const host = this.#host;
    const client = host.resolvedClient;
    const application = host.application;
    if (!client || !application) return;
    const autosave = host.autosave;
    host.busy = true;
    host.submitError = undefined;
    autosave.submitKey ??= newKey();
    autosave.persist();
    try {
      await autosave.save();
      if (host.conflicts.length) return;
      const result = await client.request(submitApplicationRef, {
        params: { applicationId: application.id },
        idempotencyKey: autosave.submitKey,
      });
      host.application = result.application;
      host.phase = 'done';
      autosave.submitKey = undefined;
      autosave.forget();
      host.emit('nassij-application-submit', { applicationId: application.id, receipt: result.receipt });
      await host.focusNext();
    } catch (error) {
      const code = host.reportFailure(error);
      const fieldErrors = error instanceof NassijApiError ? error.fieldErrors : [];
      if (code === 'validation_failed' && fieldErrors.length) {
        const first = fieldErrors[0]?.path.split('/')[2];
        await host.goTo(
          Math.max(
            0,
            host.sections.findIndex((s) => s.fields.some((f) => f.id === first)),
          ),
        );
        host.errors = fieldErrors;
        await host.focusNext('.error-summary');
      } else {
        host.submitError = code;
        await host.focusNext('.submit-error');
      }
    } finally {
      host.busy = false;
    }
  }

  async withdraw(reason: string): Promise<void> {
    const host = this.#host;
    const client = host.resolvedClient;
    const application = host.application;
    if (!client || !application) return;
    host.busy = true;
    host.actionError = undefined;
    try {
      host.application = await client.request(withdrawApplicationRef, {
        params: { applicationId: application.id },
        body: reason.trim() ? { reason: reason.trim() } : {},
      });
      host.announcer.announce(host.t('af.withdraw.done'));
      host.emit('nassij-application-withdraw', { applicationId: application.id });
    } catch (error) {
      host.actionError = host.reportFailure(error);
    } finally {
      host.busy = false;
      host.renderRoot.querySelector<HTMLDialogElement>('dialog.withdraw')?.close();
      // The withdraw button is gone (or the error is under it): the timeline says where things stand.
      void host.focusNext('#af-timeline');
    }
  }
}
