import {
  closeConsultationRef,
  type FieldError,
  type LocalizedText,
  publishConsultationDraftRef,
  publishConsultationVersionRef,
  textPublicationProblems,
} from '@nassij/contract';
import { removedArticles, restoreArticles } from './model.js';
import type {
  NassijConsultationClosedDetail,
  NassijConsultationEditor,
  NassijConsultationPublishedDetail,
  NassijConsultationVersionDetail,
  RemovedArticle,
} from './nassij-consultation-editor.js';
import { sendableText } from './text-shape.js';

// A consultation's lifecycle writes: loaded when the manager first publishes or acts on a published
// consultation, so they stay out of the editor's first download.

/** Field errors a refusal names, if any (a validation error or an invalid state with errors). */
function fieldErrorsOf(error: unknown): FieldError[] {
  const list = (error as { fieldErrors?: FieldError[] } | undefined)?.fieldErrors;
  return Array.isArray(list) ? list : [];
}

/** Runs an action: busy meanwhile; a refusal naming fields goes to the error summary, any other to a message. */
async function act<T>(host: NassijConsultationEditor, request: () => Promise<T>): Promise<T | undefined> {
  host.begin();
  try {
    return await request();
  } catch (error) {
    if (isRemovalRefusal(error)) {
      // The server counted contributions this page had not seen yet: ask, as for those it had.
      await ask(host, removedWithContributions(host, error));
      return undefined;
    }
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

function isRemovalRefusal(error: unknown): boolean {
  return (error as { code?: string } | undefined)?.code === 'removed_article_has_contributions';
}

async function focus(host: NassijConsultationEditor, selector: string): Promise<void> {
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
export async function publish(host: NassijConsultationEditor): Promise<void> {
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
  const consultation = await act(host, () =>
    client.request(publishConsultationDraftRef, {
      params: { consultationId: draft.id },
      ifMatch: host.etag,
    }),
  );
  if (!consultation) return;
  host.forgetLocal();
  host.showErrors = false;
  host.emit<NassijConsultationPublishedDetail>('nassij-consultation-published', {
    consultationId: consultation.id,
    reference: consultation.reference,
  });
  host.announcer.announce(host.t('co.published', { reference: consultation.reference }));
  await host.reload();
  await focus(host, '#co-title');
}

/** The localized text of the two textareas of an action form (`<name>-ar`, `<name>-fr`), without empty ones. */
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
 * The articles the edited text removes that have contributions: as the server named them in its refusal
 * (each error's `params`: `articleId`, `number`, `contributions`), else as this page counts them.
 */
function removedWithContributions(host: NassijConsultationEditor, refusal?: unknown): RemovedArticle[] {
  const named = fieldErrorsOf(refusal).flatMap((error) => {
    const params = error.params ?? {};
    const articleId = typeof params.articleId === 'string' ? params.articleId : undefined;
    if (!articleId) return [];
    return [
      {
        articleId,
        number: String(params.number ?? articleId),
        contributions: Number(params.contributions ?? 0),
      },
    ];
  });
  if (named.length) return named;
  const removed = removedArticles(host.publishedSections, host.sections).map((article) => ({
    articleId: article.id ?? '',
    number: article.number,
    contributions: host.contributionsOn(article.id ?? ''),
  }));
  // After a refusal that named none, every removed article is in the question.
  return refusal ? removed : removed.filter((article) => article.contributions > 0);
}

async function ask(host: NassijConsultationEditor, removed: RemovedArticle[]): Promise<void> {
  host.removedPending = removed;
  await focus(host, '#co-removed');
}

/**
 * Publishes the text edited above as a new version, with the public summary of its changes. When it
 * removes articles that have contributions, it first asks what becomes of them; `keep` is the answer
 * "keep them, shown as on a removed article", sent with the version.
 *
 * @example
 * ```ts
 * form.addEventListener('submit', (event) => { event.preventDefault(); void publishVersion(editor, form); });
 * ```
 */
export async function publishVersion(
  host: NassijConsultationEditor,
  form: HTMLFormElement,
  { keep = false }: { keep?: boolean } = {},
): Promise<void> {
  const client = host.resolvedClient;
  const draft = host.loaded.value?.draft;
  if (!client || !draft) return;
  const changeSummary = reasonOf(form, 'summary');
  host.reasonMissing = !changeSummary;
  if (!changeSummary) return focus(host, '#version-summary-ar');
  if (!host.dirty.has('text') || !host.fields.text) {
    host.actionError = 'nothing_changed';
    return;
  }
  const problems = textPublicationProblems(host.fields.text, '/text');
  if (problems.length) {
    host.showErrors = true;
    await host.focusSummary();
    return;
  }
  const removed = keep ? (host.removedPending ?? []) : removedWithContributions(host);
  if (!keep && removed.length) return ask(host, removed);
  const { text } = sendableText(host.fields.text);
  const consultation = await act(host, () =>
    client.request(publishConsultationVersionRef, {
      params: { consultationId: draft.id },
      body: {
        text,
        changeSummary,
        ...(removed.length
          ? {
              removedArticles: Object.fromEntries(
                removed.map((article) => [article.articleId, 'keep_contributions' as const]),
              ),
            }
          : {}),
      },
    }),
  );
  if (!consultation) return;
  host.forgetLocal();
  host.panel = undefined;
  host.removedPending = undefined;
  host.showErrors = false;
  host.emit<NassijConsultationVersionDetail>('nassij-consultation-version-published', {
    consultationId: consultation.id,
    versionId: consultation.currentVersionId,
  });
  host.announcer.announce(host.t('co.version.done'));
  await host.reload();
  await focus(host, '#co-versions-h');
}

/**
 * The other answer to the question of removed articles: put them back where they stood, then the
 * manager publishes again (or edits further).
 *
 * @example
 * ```ts
 * restoreRemoved(editor);
 * ```
 */
export function restoreRemoved(host: NassijConsultationEditor): void {
  const removed = removedArticles(host.publishedSections, host.sections).filter((article) =>
    (host.removedPending ?? []).some((pending) => pending.articleId === article.id),
  );
  host.setSections(restoreArticles(host.sections, host.publishedSections, removed));
  host.removedPending = undefined;
  void focus(host, 'button.send-version');
}

/**
 * Closes contributions early, with the public reason.
 *
 * @example
 * ```ts
 * form.addEventListener('submit', (event) => { event.preventDefault(); void close(editor, form); });
 * ```
 */
export async function close(host: NassijConsultationEditor, form: HTMLFormElement): Promise<void> {
  const client = host.resolvedClient;
  const draft = host.loaded.value?.draft;
  if (!client || !draft) return;
  const reason = reasonOf(form, 'reason');
  host.reasonMissing = !reason;
  if (!reason) return focus(host, '#close-reason-ar');
  const consultation = await act(host, () =>
    client.request(closeConsultationRef, { params: { consultationId: draft.id }, body: { reason } }),
  );
  if (!consultation) return;
  host.panel = undefined;
  host.emit<NassijConsultationClosedDetail>('nassij-consultation-closed', {
    consultationId: consultation.id,
  });
  host.announcer.announce(host.t('co.closed'));
  await host.reload();
  await focus(host, '#co-title');
}
