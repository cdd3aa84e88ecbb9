import {
  closeConsultation,
  compareConsultationVersions,
  createConsultationDraft,
  getConsultation,
  getConsultationDraft,
  getConsultationStats,
  getConsultationSynthesis,
  getConsultationVersion,
  importConsultationText,
  type LocalizedText,
  listManagedConsultations,
  publishConsultationDraft,
  publishConsultationVersion,
  searchConsultations,
  updateConsultationDraft,
} from '@nassij/contract';
import { isConflictError, type NassijConflictError } from '../errors.js';
import { iterate, type PageItem, type PageIterator, type PageQueryInput } from '../paginate.js';
import type { Transport } from '../transport.js';
import type { BodyOf, RequestOptions, RouteResult, Versioned } from '../types.js';
import { versioned } from '../versioned.js';
import type { UpdateOptions } from './applications.js';

/** The routes `client.consultations` wraps. */
export const consultationsRoutes = [
  searchConsultations,
  getConsultation,
  getConsultationVersion,
  compareConsultationVersions,
  getConsultationStats,
  getConsultationSynthesis,
  createConsultationDraft,
  getConsultationDraft,
  updateConsultationDraft,
  importConsultationText,
  publishConsultationDraft,
  publishConsultationVersion,
  closeConsultation,
  listManagedConsultations,
] as const;

type ConsultationDraft = RouteResult<typeof getConsultationDraft>;
type PublishedConsultation = RouteResult<typeof publishConsultationDraft>;

/**
 * `client.consultations`: public consultations on draft texts, their versions, figures and synthesis; and,
 * for an organisation's consultation managers, a draft with its text pasted or written, its publication,
 * new versions of the text and an early close. Every write carries an `Idempotency-Key`, so it is retried
 * safely.
 *
 * @example
 * ```ts
 * const consultation = await client.consultations.get('MA-CONS-2026-0004');
 *
 * // Staff: draft, paste the text in Arabic then French, publish.
 * const draft = await client.consultations.create({ title: { ar: 'مشروع قانون', fr: 'Projet de loi' } });
 * await client.consultations.importText(draft.id, { text: arabic, locale: 'ar' });
 * await client.consultations.importText(draft.id, { text: french, locale: 'fr' });
 * const published = await client.consultations.publish(draft.id); // NassijValidationError naming each missing field
 * ```
 */
export interface ConsultationsArea {
  /**
   * One page of consultations with facets.
   *
   * @example
   * ```ts
   * const { items } = await client.consultations.search({ q: 'قانون' });
   * ```
   */
  search(
    query?: PageQueryInput<typeof searchConsultations> & { cursor?: string | undefined },
    options?: RequestOptions,
  ): Promise<RouteResult<typeof searchConsultations>>;
  /**
   * Every consultation matching `query`, lazily.
   *
   * @example
   * ```ts
   * for await (const consultation of client.consultations.iterate()) list.push(consultation);
   * const open = await client.consultations.iterate({ phase: ['contributions_open'] }).collect({ limit: 50 });
   * ```
   */
  iterate(
    query?: PageQueryInput<typeof searchConsultations>,
    options?: RequestOptions,
  ): PageIterator<PageItem<typeof searchConsultations>>;
  /**
   * One consultation with its current text, by id or public reference.
   *
   * @example
   * ```ts
   * const consultation = await client.consultations.get('MA-CONS-2026-0004');
   * ```
   */
  get(consultationId: string, options?: RequestOptions): Promise<RouteResult<typeof getConsultation>>;
  /**
   * One version of the consulted text.
   *
   * @example
   * ```ts
   * const version = await client.consultations.getVersion('cons_0001', 'ver_0002');
   * ```
   */
  getVersion(
    consultationId: string,
    versionId: string,
    options?: RequestOptions,
  ): Promise<RouteResult<typeof getConsultationVersion>>;
  /**
   * What changed, article by article, from version `against` to `versionId`.
   *
   * @example
   * ```ts
   * const diff = await client.consultations.compareVersions('cons_0001', 'ver_0002', 'ver_0001');
   * ```
   */
  compareVersions(
    consultationId: string,
    versionId: string,
    against: string,
    options?: RequestOptions,
  ): Promise<RouteResult<typeof compareConsultationVersions>>;
  /**
   * Participation figures.
   *
   * @example
   * ```ts
   * const stats = await client.consultations.stats('cons_0001');
   * ```
   */
  stats(consultationId: string, options?: RequestOptions): Promise<RouteResult<typeof getConsultationStats>>;
  /**
   * The published synthesis; throws `NassijApiError` with code `not_found` until it is published.
   *
   * @example
   * ```ts
   * const synthesis = await client.consultations.synthesis('cons_0001');
   * ```
   */
  synthesis(
    consultationId: string,
    options?: RequestOptions,
  ): Promise<RouteResult<typeof getConsultationSynthesis>>;
  /**
   * Starts a draft consultation of the caller's organisation (a platform admin names it with
   * `organisationId`). Any subset of the fields will do; the draft's `problems` list what publishing would
   * still refuse. Read it with {@link ConsultationsArea.getDraftWithEtag} before the first update.
   *
   * @example
   * ```ts
   * const draft = await client.consultations.create({ title: { ar: 'مشروع قانون التشاور', fr: 'Projet de loi sur la consultation' } });
   * draft.problems.map((p) => p.path); // ['/summary', '/scope', …]
   * ```
   */
  create(
    fields: BodyOf<typeof createConsultationDraft>,
    options?: RequestOptions,
  ): Promise<ConsultationDraft>;
  /**
   * The draft of a consultation (also of a published one, marked `published`), with its `problems`; for its
   * organisation's staff. To edit it, use {@link ConsultationsArea.getDraftWithEtag}.
   *
   * @example
   * ```ts
   * const { fields, problems } = await client.consultations.getDraft(draftId);
   * ```
   */
  getDraft(consultationId: string, options?: RequestOptions): Promise<ConsultationDraft>;
  /**
   * The draft with the ETag that the next {@link ConsultationsArea.update} must send.
   *
   * @example
   * ```ts
   * const { data: draft, etag } = await client.consultations.getDraftWithEtag(draftId);
   * ```
   */
  getDraftWithEtag(consultationId: string, options?: RequestOptions): Promise<Versioned<ConsultationDraft>>;
  /**
   * Replaces the fields given (`null` clears one) of the draft whose ETag `options.ifMatch` names; returns
   * the draft as saved (articles without an id got one) and its new ETag.
   *
   * @throws {@link NassijConflictError} `412` when someone saved the draft since (see {@link ConsultationsArea.isDraftConflict}).
   * @throws {@link NassijApiError} `409 invalid_state` when the consultation is already published.
   *
   * @example
   * ```ts
   * let { data: draft, etag } = await client.consultations.getDraftWithEtag(draftId);
   * ({ data: draft, etag } = await client.consultations.update(draftId, { scope: 'national', region: null }, { ifMatch: etag }));
   * ```
   */
  update(
    consultationId: string,
    fields: BodyOf<typeof updateConsultationDraft>,
    options: UpdateOptions,
  ): Promise<Versioned<ConsultationDraft>>;
  /**
   * Whether `error` is the conflict of a {@link ConsultationsArea.update}: then `error.current` is the draft
   * as someone else saved it and `error.etag` its ETag.
   *
   * @example
   * ```ts
   * catch (error) {
   *   if (client.consultations.isDraftConflict(error)) showMerge(mine, error.current, error.etag);
   *   else throw error;
   * }
   * ```
   */
  isDraftConflict(error: unknown): error is NassijConflictError<ConsultationDraft>;
  /**
   * Reads pasted text into the draft's articles in `locale` ("Article premier", "المادة الأولى",
   * "الفصل 3", "ⴰⵎⴰⴳⵔⴰⴷ 1", bis/ter and مكرر, section headings). Without `replace`, each article fills the
   * article of the same number, so the Arabic and French texts are pasted one after the other. The same
   * reading runs in the browser for a preview: `importArticles` of `@nassij/contract`.
   *
   * @throws {@link NassijApiError} `422 no_articles_detected` when no article heading is found; its
   *   `current` says what was found (lines, headings).
   *
   * @example
   * ```ts
   * const draft = await client.consultations.importText(draftId, { text: pasted, format: 'plain', locale: 'ar' });
   * draft.fields.text?.sections.length; // 3
   * ```
   */
  importText(
    consultationId: string,
    body: BodyOf<typeof importConsultationText>,
    options?: RequestOptions,
  ): Promise<ConsultationDraft>;
  /**
   * Publishes a complete draft: the consultation, its text as version 1 and its articles, at once. Its
   * phase then follows its dates and the clock. Pass `ifMatch` to publish only the draft you last read.
   *
   * @throws {@link NassijValidationError} `422 validation_failed` naming every missing or wrong field (the
   *   draft's `problems`); nothing is published then.
   *
   * @example
   * ```ts
   * const consultation = await client.consultations.publish(draftId, { ifMatch: etag });
   * consultation.reference; // 'MA-CONS-2027-0008'
   * ```
   */
  publish(consultationId: string, options?: RequestOptions): Promise<PublishedConsultation>;
  /**
   * Publishes a new version of the text with what changed and why. Articles that keep their id stay the
   * same articles (their contributions follow them); articles without an id are new.
   *
   * @throws {@link NassijApiError} `409 removed_article_has_contributions` naming (in `errors[]`) each removed
   *   article that has contributions, unless `removedArticles` says `keep_contributions` for it.
   *
   * @example
   * ```ts
   * const consultation = await client.consultations.publishVersion(id, {
   *   text, changeSummary: { ar: 'تمديد الأجل إلى ستين يوما', fr: 'Délai porté à 60 jours' },
   *   removedArticles: { 'art-7': 'keep_contributions' },
   * });
   * consultation.currentVersionId; // 'v2'
   * ```
   */
  publishVersion(
    consultationId: string,
    body: BodyOf<typeof publishConsultationVersion>,
    options?: RequestOptions,
  ): Promise<RouteResult<typeof publishConsultationVersion>>;
  /**
   * Closes contributions now, before their planned end; the reason is public.
   *
   * @example
   * ```ts
   * await client.consultations.close(id, { ar: 'انتهاء المشاورات', fr: 'Fin anticipée des consultations' });
   * ```
   */
  close(
    consultationId: string,
    reason: LocalizedText,
    options?: RequestOptions,
  ): Promise<RouteResult<typeof closeConsultation>>;
  /**
   * One page of an organisation's consultations, drafts included, most recently changed first, with their
   * phase now and their contributions by moderation state (the organisation's staff).
   *
   * @example
   * ```ts
   * const { items } = await client.consultations.managed(account.organisationId, { state: ['draft'] });
   * ```
   */
  managed(
    organisationId: string,
    query?: PageQueryInput<typeof listManagedConsultations> & { cursor?: string | undefined },
    options?: RequestOptions,
  ): Promise<RouteResult<typeof listManagedConsultations>>;
  /**
   * Every consultation of an organisation, page after page, lazily.
   *
   * @example
   * ```ts
   * for await (const consultation of client.consultations.iterateManaged(account.organisationId)) rows.push(consultation);
   * ```
   */
  iterateManaged(
    organisationId: string,
    query?: PageQueryInput<typeof listManagedConsultations>,
    options?: RequestOptions,
  ): PageIterator<PageItem<typeof listManagedConsultations>>;
}

/**
 * Builds `client.consultations` over a transport.
 *
 * @example
 * ```ts
 * const consultations = consultationsArea(client.transport);
 * ```
 */
export function consultationsArea(t: Transport): ConsultationsArea {
  return {
    search: (query, options) => t.op(searchConsultations, { query: query ?? {} }, options),
    iterate: (query, options) => iterate(t, searchConsultations, query, options),
    get: (consultationId, options) => t.op(getConsultation, { params: { consultationId } }, options),
    getVersion: (consultationId, versionId, options) =>
      t.op(getConsultationVersion, { params: { consultationId, versionId } }, options),
    compareVersions: (consultationId, versionId, against, options) =>
      t.op(
        compareConsultationVersions,
        { params: { consultationId, versionId }, query: { against } },
        options,
      ),
    stats: (consultationId, options) => t.op(getConsultationStats, { params: { consultationId } }, options),
    synthesis: (consultationId, options) =>
      t.op(getConsultationSynthesis, { params: { consultationId } }, options),
    create: (fields, options) => t.op(createConsultationDraft, { body: fields }, options),
    getDraft: (consultationId, options) =>
      t.op(getConsultationDraft, { params: { consultationId } }, options),
    getDraftWithEtag: async (consultationId, options) =>
      versioned(
        getConsultationDraft.id,
        await t.opWithEtag(getConsultationDraft, { params: { consultationId } }, options),
      ),
    // Without ifMatch the transport refuses it before sending, as the route requires If-Match.
    update: async (consultationId, fields, options) =>
      versioned(
        updateConsultationDraft.id,
        await t.opWithEtag(updateConsultationDraft, { params: { consultationId }, body: fields }, options),
      ),
    isDraftConflict: (error): error is NassijConflictError<ConsultationDraft> =>
      isConflictError(error, updateConsultationDraft),
    importText: (consultationId, body, options) =>
      t.op(importConsultationText, { params: { consultationId }, body }, options),
    publish: (consultationId, options) =>
      t.op(publishConsultationDraft, { params: { consultationId } }, options),
    publishVersion: (consultationId, body, options) =>
      t.op(publishConsultationVersion, { params: { consultationId }, body }, options),
    close: (consultationId, reason, options) =>
      t.op(closeConsultation, { params: { consultationId }, body: { reason } }, options),
    managed: (organisationId, query, options) =>
      t.op(listManagedConsultations, { params: { organisationId }, query: query ?? {} }, options),
    iterateManaged: (organisationId, query, options) =>
      iterate(t, listManagedConsultations, query, { ...options, params: { organisationId } }),
  };
}
