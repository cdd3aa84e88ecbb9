import {
  attachFromVault,
  type Call,
  getApplication,
  getAttachmentContent,
  listApplications,
  removeAttachment,
  startApplication,
  submitApplication,
  updateApplication,
  uploadAttachment,
  withdrawApplication,
} from '@nassij/contract';
import { isConflictError, type NassijConflictError, NassijValidationError } from '../errors.js';
import { iterate, type PageItem, type PageIterator, type PageQueryInput } from '../paginate.js';
import type { Transport } from '../transport.js';
import type { BodyOf, RequestOptions, RouteResult, Versioned } from '../types.js';
import { type UploadFile, type UploadProgress, type UploadRules, uploadFile } from '../upload.js';
import { versioned } from '../versioned.js';

/** The routes `client.applications` wraps. */
export const applicationsRoutes = [
  startApplication,
  listApplications,
  getApplication,
  updateApplication,
  uploadAttachment,
  getAttachmentContent,
  removeAttachment,
  submitApplication,
  withdrawApplication,
  attachFromVault,
] as const;

type Application = RouteResult<typeof getApplication>;

/**
 * Options of {@link ApplicationsArea.update}: `ifMatch` is required, the ETag of the representation the
 * patch was made from.
 *
 * @example
 * ```ts
 * const options: UpdateOptions = { ifMatch: etag, signal: controller.signal };
 * ```
 */
export type UpdateOptions = Omit<RequestOptions, 'ifMatch'> & { ifMatch: string };

/**
 * What {@link ApplicationsArea.upload} takes besides the application id.
 *
 * @example
 * ```ts
 * const input: AttachmentUpload = { documentId: 'doc_statutes', file, rules: client.applications.rulesFor(call, 'doc_statutes') };
 * ```
 */
export interface AttachmentUpload extends RequestOptions {
  /** The call's required document this file answers (`call.requiredDocuments[].id`). */
  documentId: string;
  file: UploadFile;
  onProgress?: ((progress: UploadProgress) => void) | undefined;
  /** Checked before a byte is sent; get them with {@link ApplicationsArea.rulesFor}. */
  rules?: UploadRules | undefined;
}

/**
 * `client.applications`: start, autosave, attach, submit and withdraw applications to calls.
 *
 * Autosave is conditional: every write says which version it was made from (`ifMatch`), and the server
 * refuses it with `412` when another tab or person saved since. There is no default ETag, on purpose —
 * a client that remembered "the last ETag" for you would let a second tab overwrite the first silently.
 *
 * @example
 * ```ts
 * const draft = await client.applications.start({ callId, associationId });
 * let { etag } = await client.applications.getWithEtag(draft.id);
 * ({ etag } = await client.applications.update(draft.id, { projectTitle: 'نادي القراءة' }, { ifMatch: etag }));
 * const { receipt } = await client.applications.submit(draft.id);
 * ```
 */
export interface ApplicationsArea {
  /**
   * Starts a draft for an association (refused with `not_eligible` and every unmet rule). Read it with
   * {@link ApplicationsArea.getWithEtag} before the first autosave.
   *
   * @example
   * ```ts
   * const draft = await client.applications.start({ callId: 'call_0001', associationId: 'asso_0001' });
   * ```
   */
  start(body: BodyOf<typeof startApplication>, options?: RequestOptions): Promise<Application>;
  /**
   * One page of the applications of the account's associations.
   *
   * @example
   * ```ts
   * const { items } = await client.applications.list({ status: ['draft'] });
   * ```
   */
  list(
    query?: PageQueryInput<typeof listApplications> & { cursor?: string | undefined },
    options?: RequestOptions,
  ): Promise<RouteResult<typeof listApplications>>;
  /**
   * Every application of the account's associations, lazily.
   *
   * @example
   * ```ts
   * for await (const application of client.applications.iterate()) show(application);
   * const drafts = await client.applications.iterate({ status: ['draft'] }).collect({ limit: 50 });
   * ```
   */
  iterate(
    query?: PageQueryInput<typeof listApplications>,
    options?: RequestOptions,
  ): PageIterator<PageItem<typeof listApplications>>;
  /**
   * One application, to show it. To edit it, use {@link ApplicationsArea.getWithEtag}.
   *
   * @example
   * ```ts
   * const application = await client.applications.get('app_0001');
   * ```
   */
  get(applicationId: string, options?: RequestOptions): Promise<Application>;
  /**
   * One application with the ETag that the next {@link ApplicationsArea.update} must send.
   *
   * @example
   * ```ts
   * const { data, etag } = await client.applications.getWithEtag('app_0001');
   * ```
   */
  getWithEtag(applicationId: string, options?: RequestOptions): Promise<Versioned<Application>>;
  /**
   * Autosaves a draft (`answers` merge by field). `options.ifMatch` is the ETag the patch was made
   * from; if someone saved since, it throws a `NassijConflictError<Application>` whose `current` and
   * `etag` let you merge and save again ({@link ApplicationsArea.isConflict} types `current`). Resolves
   * with the saved draft and its new ETag.
   *
   * @throws {@link NassijConflictError}`<Application>` (`412 precondition_failed`) when the draft changed
   *   since the version `ifMatch` names.
   * @throws {@link NassijValidationError} (`precondition_required`) when `ifMatch` is empty: before
   *   sending, or from the server's `428` with `validate: false`.
   *
   * @example
   * ```ts
   * try {
   *   ({ data, etag } = await client.applications.update(id, { answers }, { ifMatch: etag }));
   * } catch (error) {
   *   if (!client.applications.isConflict(error) || error.etag === undefined) throw error;
   *   const theirs = error.current?.answers ?? {}; // error.current is an Application
   *   ({ data, etag } = await client.applications.update(id, { answers: merge(answers, theirs) }, { ifMatch: error.etag }));
   * }
   * ```
   */
  update(
    applicationId: string,
    patch: BodyOf<typeof updateApplication>,
    options: UpdateOptions,
  ): Promise<Versioned<Application>>;
  /**
   * Whether `error` is the conflict of an {@link ApplicationsArea.update}: then `error.current` is the
   * application as someone else saved it (an `Application`, not `unknown` as after `instanceof`) and
   * `error.etag` its ETag.
   *
   * @example
   * ```ts
   * catch (error) {
   *   if (client.applications.isConflict(error)) showMerge(draft, error.current, error.etag);
   *   else throw error;
   * }
   * ```
   */
  isConflict(error: unknown): error is NassijConflictError<Application>;
  /**
   * Uploads one document as `multipart/form-data`, with progress; refused before sending when `rules`
   * are given and the file breaks them. Uploading again for the same document replaces the file.
   *
   * @example
   * ```ts
   * const attachment = await client.applications.upload(id, {
   *   documentId: 'doc_statutes', file: input.files[0], rules: client.applications.rulesFor(call, 'doc_statutes'),
   *   onProgress: ({ loaded, total }) => { bar.value = loaded / total; },
   * });
   * ```
   */
  upload(applicationId: string, input: AttachmentUpload): Promise<RouteResult<typeof uploadAttachment>>;
  /**
   * The size and type rules of one of the call's required documents, for {@link ApplicationsArea.upload}.
   * Throws `NassijValidationError` when the call has no such document.
   *
   * @example
   * ```ts
   * client.applications.rulesFor(call, 'doc_budget'); // { maxBytes: 10485760, mediaTypes: ['application/pdf'] }
   * ```
   */
  rulesFor(call: Pick<Call, 'requiredDocuments'>, documentId: string): UploadRules;
  /**
   * Answers one of the call's documents with a document of the association's vault, without uploading it
   * again: the attachment references the same stored file and carries its scan state, its vault document id
   * and its `validUntil`. A document that has expired, or expires before the call closes, is attached but
   * flagged (see `expiredAttachmentErrors` of `@nassij/contract` to warn early) and `submit` refuses it with
   * `document_expired`.
   *
   * @example
   * ```ts
   * const attachment = await client.applications.attachFromVault('app_0001', {
   *   documentId: 'statutes', vaultDocumentId: 'vdoc_000001' });
   * ```
   */
  attachFromVault(
    applicationId: string,
    body: BodyOf<typeof attachFromVault>,
    options?: RequestOptions,
  ): Promise<RouteResult<typeof attachFromVault>>;
  /**
   * The file of an attachment, as uploaded (a `Blob` with its media type), for whoever may read the
   * application: its association's members, the staff who run the call, and its assigned reviewers once
   * they declared no conflict of interest.
   *
   * @example
   * ```ts
   * const file = await client.applications.downloadAttachment('app_0001', 'att_0003');
   * await writeFile('statuts.pdf', new Uint8Array(await file.arrayBuffer()));
   * ```
   */
  downloadAttachment(
    applicationId: string,
    attachmentId: string,
    options?: RequestOptions,
  ): Promise<RouteResult<typeof getAttachmentContent>>;
  /**
   * Removes an attachment from a draft.
   *
   * @example
   * ```ts
   * await client.applications.removeAttachment('app_0001', 'att_0003');
   * ```
   */
  removeAttachment(applicationId: string, attachmentId: string, options?: RequestOptions): Promise<void>;
  /**
   * Submits once; a retry (same idempotency key) or a second submit gives the same receipt.
   *
   * @example
   * ```ts
   * const { application, receipt } = await client.applications.submit('app_0001');
   * ```
   */
  submit(applicationId: string, options?: RequestOptions): Promise<RouteResult<typeof submitApplication>>;
  /**
   * Withdraws an application before the deadline.
   *
   * @example
   * ```ts
   * await client.applications.withdraw('app_0001', 'Le projet est reporté');
   * ```
   */
  withdraw(
    applicationId: string,
    reason?: string,
    options?: RequestOptions,
  ): Promise<RouteResult<typeof withdrawApplication>>;
}

/**
 * The upload rules of a call's required document.
 *
 * @example
 * ```ts
 * const rules = rulesFor(call, 'doc_statutes');
 * ```
 */
export function rulesFor(call: Pick<Call, 'requiredDocuments'>, documentId: string): UploadRules {
  const document = call.requiredDocuments.find((d) => d.id === documentId);
  if (!document) {
    const message = `The call asks for no document "${documentId}"`;
    throw new NassijValidationError(message, {
      code: 'validation_failed',
      fieldErrors: [
        { path: '/documentId', in: 'body', code: 'not_allowed', message, params: { documentId } },
      ],
    });
  }
  return { maxBytes: document.maxBytes, mediaTypes: document.mediaTypes };
}

/**
 * Builds `client.applications` over a transport.
 *
 * @example
 * ```ts
 * const applications = applicationsArea(client.transport);
 * ```
 */
export function applicationsArea(t: Transport): ApplicationsArea {
  return {
    start: (body, options) => t.op(startApplication, { body }, options),
    list: (query, options) => t.op(listApplications, { query: query ?? {} }, options),
    iterate: (query, options) => iterate(t, listApplications, query, options),
    get: (applicationId, options) => t.op(getApplication, { params: { applicationId } }, options),
    getWithEtag: async (applicationId, options) =>
      versioned(
        getApplication.id,
        await t.opWithEtag(getApplication, { params: { applicationId } }, options),
      ),
    async update(applicationId, patch, options) {
      // Without ifMatch the transport refuses it before sending, as the route requires If-Match.
      const result = await t.opWithEtag(
        updateApplication,
        { params: { applicationId }, body: patch },
        options,
      );
      return versioned(updateApplication.id, result);
    },
    isConflict: (error): error is NassijConflictError<Application> =>
      isConflictError(error, updateApplication),
    upload: (applicationId, { documentId, file, onProgress, rules, ...options }) =>
      uploadFile(t, uploadAttachment, {
        ...options,
        params: { applicationId },
        file,
        fields: { documentId },
        onProgress,
        rules,
      }),
    rulesFor,
    attachFromVault: (applicationId, body, options) =>
      t.op(attachFromVault, { params: { applicationId }, body }, options),
    downloadAttachment: (applicationId, attachmentId, options) =>
      t.op(getAttachmentContent, { params: { applicationId, attachmentId } }, options),
    removeAttachment: (applicationId, attachmentId, options) =>
      t.op(removeAttachment, { params: { applicationId, attachmentId } }, options),
    submit: (applicationId, options) => t.op(submitApplication, { params: { applicationId } }, options),
    withdraw: (applicationId, reason, options) =>
      t.op(
        withdrawApplication,
        { params: { applicationId }, body: reason === undefined ? {} : { reason } },
        options,
      ),
  };
}
