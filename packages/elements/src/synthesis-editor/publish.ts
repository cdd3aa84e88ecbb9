import { type FieldError, publishSynthesisRef } from '@nassij/contract';
import { writeStored } from '../base/storage.js';
import {
  type NassijSynthesisEditor,
  type NassijSynthesisPublishedDetail,
  synthesisDraftKey,
} from './nassij-synthesis-editor.js';

// The publication: loaded when the manager first presses "Publish", so it stays out of the editor's first
// download.

/** Field errors a refusal names, if any (`synthesis_incomplete`, a validation error). */
function fieldErrorsOf(error: unknown): FieldError[] {
  const list = (error as { fieldErrors?: FieldError[] } | undefined)?.fieldErrors;
  return Array.isArray(list) ? list : [];
}

/**
 * Publishes the synthesis: saves what is typed first; while an outcome, a reason or the summary is missing,
 * shows the error summary instead of sending; a refusal of the server (`synthesis_incomplete`) lists what it
 * names the same way.
 *
 * @example
 * ```ts
 * await publish(editor);
 * ```
 */
export async function publish(host: NassijSynthesisEditor): Promise<void> {
  const client = host.resolvedClient;
  const loaded = host.loaded.value;
  if (!client || !loaded || host.busy) return;
  host.actionError = undefined;
  await host.save();
  host.serverProblems = undefined;
  if (host.problems.length || host.dirty || host.conflict) {
    host.showErrors = true;
    await host.focusSummary();
    return;
  }
  host.busy = true;
  try {
    await client.request(publishSynthesisRef, {
      params: { consultationId: loaded.consultation.id },
      ifMatch: host.etag,
    });
  } catch (error) {
    const fields = fieldErrorsOf(error);
    const code = host.reportFailure(error);
    if (fields.length) {
      host.serverProblems = fields;
      host.showErrors = true;
      await host.focusSummary();
    } else host.actionError = code;
    return;
  } finally {
    host.busy = false;
  }
  writeStored(synthesisDraftKey(loaded.consultation.id), undefined);
  host.showErrors = false;
  host.emit<NassijSynthesisPublishedDetail>('nassij-synthesis-published', {
    consultationId: loaded.consultation.id,
  });
  host.announcer.announce(host.t('se.published'));
  await host.reload();
  await host.updateComplete;
  host.renderRoot.querySelector<HTMLElement>('#se-title')?.focus();
}
