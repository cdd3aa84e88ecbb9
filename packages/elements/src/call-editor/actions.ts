import {
  amendCallRef,
  type CallDraftFields,
  cancelCallRef,
  closeCallRef,
  type FieldError,
  type LocalizedText,
  publishCallRef,
} from '@nassij/contract';
import { callDraftKey, writeCallDraft } from './draft-store.js';
import type {
  NassijCallAmendedDetail,
  NassijCallEditor,
  NassijCallEndedDetail,
  NassijCallPublishedDetail,
} from './nassij-call-editor.js';

// The call's lifecycle writes: loaded when the manager first publishes or acts on a published call, so they
// stay out of the editor's first download.

/** Field errors a refusal names, if any (a validation error or an invalid state with errors). */
function fieldErrorsOf(error: unknown): FieldError[] {
  const list = (error as { fieldErrors?: FieldError[] } | undefined)?.fieldErrors;
  return Array.isArray(list) ? list : [];
}

/** Runs an action: busy meanwhile; a refusal naming fields goes to the error summary, any other to a message. */
async function act<T>(host: NassijCallEditor, request: () => Promise<T>): Promise<T | undefined> {
  host.begin();
  try {
    return await request();
  } catch (error) {
    const fields = fieldErrorsOf(error);
    if (fields.length) {
      host.serverProblems = fields;
      host.showErrors = true;
      host.reportFailure(error);
      await host.focusSummary();
    } else host.actionError = host.reportFailure(error);
    return undefined;
  } finally {
    host.busy = false;
  }
}

async function focus(host: NassijCallEditor, selector: string): Promise<void> {
  await host.updateComplete;
  host.renderRoot.querySelector<HTMLElement>(selector)?.focus();
}

/**
 * Publishes the draft: saves what is typed first; while the publication check finds problems, shows them
 * (error summary, then each field) instead of sending; a refusal of the server maps to the fields it names.
 *
 * @example
 * ```ts
 * await publish(editor);
 * ```
 */
export async function publish(host: NassijCallEditor): Promise<void> {
  const client = host.resolvedClient;
  const draft = host.loaded.value?.draft;
  if (!client || !draft) return;
  await host.save();
  host.serverProblems = undefined;
  if (host.problems.length || host.dirty.size || host.conflict) {
    host.showErrors = true;
    await host.focusSummary();
    return;
  }
  const call = await act(host, () =>
    client.request(publishCallRef, { params: { callId: draft.id }, ifMatch: host.etag }),
  );
  if (!call) return;
  writeCallDraft(callDraftKey(draft.id), undefined);
  host.showErrors = false;
  host.emit<NassijCallPublishedDetail>('nassij-call-published', {
    callId: call.id,
    reference: call.reference,
    status: call.status,
  });
  host.announcer.announce(host.t('ce.published', { reference: call.reference }));
  await host.reload();
  await focus(host, '#ce-title');
}

/** The localized text of two textareas of an action form (`<name>-ar`, `<name>-fr`), without empty ones. */
function reasonOf(form: HTMLFormElement, name: string): LocalizedText | undefined {
  const data = new FormData(form);
  const textOf: Record<string, string> = {};
  for (const language of ['ar', 'fr']) {
    const value = String(data.get(`${name}-${language}`) ?? '').trim();
    if (value) textOf[language] = value;
  }
  return Object.keys(textOf).length ? (textOf as LocalizedText) : undefined;
}

/**
 * Publishes an amendment of a published call: the fields changed in the editor, with the public summary.
 *
 * @example
 * ```ts
 * form.addEventListener('submit', (event) => { event.preventDefault(); void amend(editor, form); });
 * ```
 */
export async function amend(host: NassijCallEditor, form: HTMLFormElement): Promise<void> {
  const client = host.resolvedClient;
  const draft = host.loaded.value?.draft;
  if (!client || !draft) return;
  const summary = reasonOf(form, 'summary');
  host.reasonMissing = !summary;
  if (!summary) return focus(host, '#amend-summary-ar');
  if (host.dirty.size === 0) {
    host.actionError = 'nothing_changed';
    return;
  }
  const changes: Record<string, unknown> = {};
  for (const name of host.dirty) changes[name] = host.fields[name];
  const call = await act(host, () =>
    client.request(amendCallRef, {
      params: { callId: draft.id },
      body: { changes: changes as CallDraftFields, summary },
    }),
  );
  if (!call) return;
  host.panel = undefined;
  host.showErrors = false;
  host.emit<NassijCallAmendedDetail>('nassij-call-amended', { callId: call.id, version: call.version });
  host.announcer.announce(host.t('ce.amended', { version: String(call.version) }));
  await host.reload();
  await focus(host, '#ce-versions-h');
}

/**
 * Closes a published call early or cancels it, with the public reason.
 *
 * @example
 * ```ts
 * form.addEventListener('submit', (event) => { event.preventDefault(); void end(editor, 'closed_early', form); });
 * ```
 */
export async function end(
  host: NassijCallEditor,
  kind: 'closed_early' | 'cancelled',
  form: HTMLFormElement,
): Promise<void> {
  const client = host.resolvedClient;
  const draft = host.loaded.value?.draft;
  if (!client || !draft) return;
  const reason = reasonOf(form, 'reason');
  host.reasonMissing = !reason;
  if (!reason) return focus(host, '#end-reason-ar');
  const ref = kind === 'closed_early' ? closeCallRef : cancelCallRef;
  const call = await act(host, () => client.request(ref, { params: { callId: draft.id }, body: { reason } }));
  if (!call) return;
  host.panel = undefined;
  host.emit<NassijCallEndedDetail>('nassij-call-ended', { callId: call.id, kind });
  host.announcer.announce(host.t(kind === 'closed_early' ? 'ce.closed' : 'ce.cancelled'));
  await host.reload();
  await focus(host, '#ce-title');
}
