import {
  amendCall,
  type CallActionReason,
  cancelCall,
  checkEligibility,
  closeCall,
  createCall,
  getCall,
  getCallDraft,
  listCallAwards,
  listCallReviewers,
  listCallVersions,
  listManagedCalls,
  publishCall,
  publishCallResults,
  searchCalls,
  setCallReviewers,
  updateCall,
} from '@nassij/contract';
import { isConflictError, type NassijConflictError } from '../errors.js';
import { iterate, type PageItem, type PageIterator, type PageQueryInput, pages } from '../paginate.js';
import type { Transport } from '../transport.js';
import type { BodyOf, RequestOptions, RouteResult, Versioned } from '../types.js';
import { versioned } from '../versioned.js';
import type { UpdateOptions } from './applications.js';

/** The routes `client.calls` wraps. */
export const callsRoutes = [
  searchCalls,
  getCall,
  checkEligibility,
  listCallAwards,
  createCall,
  getCallDraft,
  updateCall,
  publishCall,
  amendCall,
  closeCall,
  cancelCall,
  listCallVersions,
  listCallReviewers,
  setCallReviewers,
  publishCallResults,
  listManagedCalls,
] as const;

type CallDraft = RouteResult<typeof getCallDraft>;
type PublishedCall = RouteResult<typeof publishCall>;

/**
 * `client.calls`: find calls for public support, read one, check an association's eligibility and read
 * a call's awards; and, for an organisation's call managers, write a draft, publish it, amend, close or
 * cancel it, assign its reviewers and publish its results. Every write carries an `Idempotency-Key`, so it is retried safely;
 * staff of another organisation get `NassijApiError` with `status` 403 and `code` `forbidden`.
 *
 * @example
 * ```ts
 * const page = await client.calls.search({ region: ['MA-06'], status: ['open'] });
 * for await (const call of client.calls.iterate({ status: ['open'] })) console.log(call.reference);
 *
 * const draft = await client.calls.create({ title: { ar: 'دعم الجمعيات', fr: 'Soutien aux associations' } });
 * let { etag } = await client.calls.getDraftWithEtag(draft.id);
 * ({ etag } = await client.calls.update(draft.id, { fiscalYear: 2027 }, { ifMatch: etag }));
 * const call = await client.calls.publish(draft.id); // NassijValidationError naming each missing field
 * ```
 */
export interface CallsArea {
  /**
   * One page of calls with `total` and `facets`.
   *
   * @example
   * ```ts
   * const { items, facets, nextCursor } = await client.calls.search({ q: 'شباب', sort: 'newest', limit: 20 });
   * ```
   */
  search(
    query?: PageQueryInput<typeof searchCalls> & { cursor?: string | undefined },
    options?: RequestOptions,
  ): Promise<RouteResult<typeof searchCalls>>;
  /**
   * Every call matching `query`, page after page, fetched only as the loop asks; `.collect({ limit })`
   * gathers up to `limit` of them into an array.
   *
   * @example
   * ```ts
   * for await (const call of client.calls.iterate({ region: ['MA-06'], status: ['open'] })) rows.push(call);
   * const open = await client.calls.iterate({ status: ['open'], limit: 100 }).collect({ limit: 500 });
   * ```
   */
  iterate(
    query?: PageQueryInput<typeof searchCalls>,
    options?: RequestOptions,
  ): PageIterator<PageItem<typeof searchCalls>>;
  /**
   * Whole pages (with `total` and `facets`), lazily.
   *
   * @example
   * ```ts
   * for await (const page of client.calls.pages({ status: ['open'] })) showFacets(page.facets);
   * ```
   */
  pages(
    query?: PageQueryInput<typeof searchCalls>,
    options?: RequestOptions,
  ): AsyncGenerator<RouteResult<typeof searchCalls>, void, undefined>;
  /**
   * One call in full: criteria, required documents, form, amendments.
   *
   * @example
   * ```ts
   * const call = await client.calls.get('call_0001');
   * ```
   */
  get(callId: string, options?: RequestOptions): Promise<RouteResult<typeof getCall>>;
  /**
   * Whether an association may apply, rule by rule (signed in as one of its members).
   *
   * @example
   * ```ts
   * const result = await client.calls.checkEligibility('call_0001', 'asso_0001');
   * if (!result.eligible) showUnmet(result);
   * ```
   */
  checkEligibility(
    callId: string,
    associationId: string,
    options?: RequestOptions,
  ): Promise<RouteResult<typeof checkEligibility>>;
  /**
   * One page of a call's public awards.
   *
   * @example
   * ```ts
   * const { items } = await client.calls.awards('call_0001', { limit: 50 });
   * ```
   */
  awards(
    callId: string,
    query?: PageQueryInput<typeof listCallAwards> & { cursor?: string | undefined },
    options?: RequestOptions,
  ): Promise<RouteResult<typeof listCallAwards>>;
  /**
   * Every award of a call, lazily.
   *
   * @example
   * ```ts
   * for await (const award of client.calls.iterateAwards('call_0001')) total += Number(award.amount.amount);
   * const awards = await client.calls.iterateAwards('call_0001').collect({ limit: 100 });
   * ```
   */
  iterateAwards(
    callId: string,
    query?: PageQueryInput<typeof listCallAwards>,
    options?: RequestOptions,
  ): PageIterator<PageItem<typeof listCallAwards>>;
  /**
   * Starts a draft call of the signed-in staff member's organisation (a platform admin names it with
   * `organisationId`). Any subset of the fields will do; the draft's `problems` list what publishing
   * would still refuse. Read it with {@link CallsArea.getDraftWithEtag} before the first update.
   *
   * @example
   * ```ts
   * const draft = await client.calls.create({ title: { ar: 'دعم مشاريع الشباب', fr: 'Soutien aux projets des jeunes' } });
   * draft.problems.map((problem) => problem.path); // ['/summary', '/description', …]
   * ```
   */
  create(fields: BodyOf<typeof createCall>, options?: RequestOptions): Promise<CallDraft>;
  /**
   * The draft of a call (also of a published one, marked `published`), with its `problems`; for its
   * organisation's staff. To edit it, use {@link CallsArea.getDraftWithEtag}.
   *
   * @example
   * ```ts
   * const { fields, problems } = await client.calls.getDraft(callId);
   * ```
   */
  getDraft(callId: string, options?: RequestOptions): Promise<CallDraft>;
  /**
   * The draft of a call with the ETag that the next {@link CallsArea.update} must send.
   *
   * @example
   * ```ts
   * const { data: draft, etag } = await client.calls.getDraftWithEtag(callId);
   * ```
   */
  getDraftWithEtag(callId: string, options?: RequestOptions): Promise<Versioned<CallDraft>>;
  /**
   * Edits a draft: each field given replaces the draft's whole field, `null` clears it, fields not given
   * are kept. `options.ifMatch` (required) is the ETag the change was made from. Resolves with the saved draft (its
   * `problems` recomputed) and its new ETag. A published call is amended instead ({@link CallsArea.amend}).
   *
   * @throws {@link NassijConflictError}`<CallDraft>` (`412 precondition_failed`) when someone saved the
   *   draft since; `error.current` and `error.etag` are the draft as saved ({@link CallsArea.isDraftConflict}).
   * @throws {@link NassijValidationError} (`precondition_required`) when `ifMatch` is empty, before sending.
   * @throws {@link NassijApiError} `409 invalid_state` when the call is already published.
   *
   * @example
   * ```ts
   * ({ data: draft, etag } = await client.calls.update(draft.id, { budget: null, fiscalYear: 2027 }, { ifMatch: etag }));
   * ```
   */
  update(
    callId: string,
    fields: BodyOf<typeof updateCall>,
    options: UpdateOptions,
  ): Promise<Versioned<CallDraft>>;
  /**
   * Whether `error` is the conflict of a {@link CallsArea.update}: then `error.current` is the draft as
   * someone else saved it and `error.etag` its ETag.
   *
   * @example
   * ```ts
   * catch (error) {
   *   if (client.calls.isDraftConflict(error)) showMerge(mine, error.current, error.etag);
   *   else throw error;
   * }
   * ```
   */
  isDraftConflict(error: unknown): error is NassijConflictError<CallDraft>;
  /**
   * Publishes a complete draft: the call is `forecast` until it opens and `open` until it closes, by the
   * clock. Pass `ifMatch` to publish only the draft you last read.
   *
   * @throws {@link NassijValidationError} `422 validation_failed` whose `fieldErrors` name every missing
   *   or wrong field (the draft's `problems`); nothing is published then.
   *
   * @example
   * ```ts
   * const call = await client.calls.publish(draft.id, { ifMatch: etag });
   * call.status; // 'forecast'
   * ```
   */
  publish(callId: string, options?: RequestOptions): Promise<PublishedCall>;
  /**
   * Amends a published call: a new public version with `summary` saying what changed and why. Refused
   * once the call is closed, and a closing date moved earlier is refused once applications exist.
   *
   * @example
   * ```ts
   * await client.calls.amend(callId, {
   *   changes: { dates: { ...draft.fields.dates, closes: { at: later, timeZone: 'Africa/Casablanca' } } },
   *   summary: { ar: 'تمديد أجل إيداع الطلبات', fr: 'Report de la date limite de dépôt' },
   * });
   * ```
   */
  amend(
    callId: string,
    amendment: BodyOf<typeof amendCall>,
    options?: RequestOptions,
  ): Promise<RouteResult<typeof amendCall>>;
  /**
   * Closes an open call before its deadline; the reason is public.
   *
   * @example
   * ```ts
   * await client.calls.close(callId, { ar: 'استنفاد الميزانية', fr: 'Budget épuisé' });
   * ```
   */
  close(
    callId: string,
    reason: CallActionReason['reason'],
    options?: RequestOptions,
  ): Promise<RouteResult<typeof closeCall>>;
  /**
   * Cancels a published call before any decision; the reason is public.
   *
   * @example
   * ```ts
   * await client.calls.cancel(callId, { fr: 'Programme suspendu par la loi de finances' });
   * ```
   */
  cancel(
    callId: string,
    reason: CallActionReason['reason'],
    options?: RequestOptions,
  ): Promise<RouteResult<typeof cancelCall>>;
  /**
   * One page of the public history of a published call, oldest first: version 1 as published, then one
   * version per amendment with what changed and why. Pass the page's `nextCursor` back for the next one,
   * or use {@link CallsArea.iterateVersions}.
   *
   * @example
   * ```ts
   * const { items, nextCursor } = await client.calls.versions(callId, { limit: 20 });
   * items.map((version) => version.amendment?.summary.fr); // [undefined, 'Report de la date limite']
   * ```
   */
  versions(
    callId: string,
    query?: PageQueryInput<typeof listCallVersions> & { cursor?: string | undefined },
    options?: RequestOptions,
  ): Promise<RouteResult<typeof listCallVersions>>;
  /**
   * Every version of a published call, oldest first, page after page, lazily.
   *
   * @example
   * ```ts
   * for await (const version of client.calls.iterateVersions(callId)) console.log(version.version, version.at);
   * const history = await client.calls.iterateVersions(callId, { limit: 100 }).collect({ limit: 500 });
   * ```
   */
  iterateVersions(
    callId: string,
    query?: PageQueryInput<typeof listCallVersions>,
    options?: RequestOptions,
  ): PageIterator<PageItem<typeof listCallVersions>>;
  /**
   * The reviewers assigned to a call.
   *
   * @example
   * ```ts
   * const { items } = await client.calls.reviewers(callId);
   * ```
   */
  reviewers(callId: string, options?: RequestOptions): Promise<RouteResult<typeof listCallReviewers>>;
  /**
   * Assigns the reviewers of a call: the whole list (accounts with the reviewer role, of the call's
   * organisation or independent experts). Resolves with the reviewers now.
   *
   * @example
   * ```ts
   * await client.calls.setReviewers(callId, [reviewerId, expertId]);
   * ```
   */
  setReviewers(
    callId: string,
    accountIds: readonly string[],
    options?: RequestOptions,
  ): Promise<RouteResult<typeof setCallReviewers>>;
  /**
   * One page of an organisation's calls, drafts included, most recently changed first, with their
   * applications by stage and number of reviewers (the organisation's staff).
   *
   * @example
   * ```ts
   * const { items } = await client.calls.managed(account.organisationId, { state: ['draft'] });
   * ```
   */
  managed(
    organisationId: string,
    query?: PageQueryInput<typeof listManagedCalls> & { cursor?: string | undefined },
    options?: RequestOptions,
  ): Promise<RouteResult<typeof listManagedCalls>>;
  /**
   * Every call of an organisation, page after page, lazily.
   *
   * @example
   * ```ts
   * for await (const call of client.calls.iterateManaged(account.organisationId)) rows.push(call);
   * ```
   */
  iterateManaged(
    organisationId: string,
    query?: PageQueryInput<typeof listManagedCalls>,
    options?: RequestOptions,
  ): PageIterator<PageItem<typeof listManagedCalls>>;
  /**
   * Publishes the results of a closed call whose admissible applications are all decided: its awards
   * become public (the call's awards, the award search, open data) and the call `awarded`, as a new public
   * version. Refused with `call_still_open` before it closes and `reviews_incomplete` while a decision is
   * missing.
   *
   * @example
   * ```ts
   * const awarded = await client.calls.publishResults(callId, { summary: { fr: 'Douze projets retenus' } });
   * awarded.status; // 'awarded'
   * ```
   */
  publishResults(
    callId: string,
    body?: BodyOf<typeof publishCallResults>,
    options?: RequestOptions,
  ): Promise<RouteResult<typeof publishCallResults>>;
}

/**
 * Builds `client.calls` over a transport.
 *
 * @example
 * ```ts
 * const calls = callsArea(client.transport);
 * ```
 */
export function callsArea(t: Transport): CallsArea {
  return {
    search: (query, options) => t.op(searchCalls, { query: query ?? {} }, options),
    iterate: (query, options) => iterate(t, searchCalls, query, options),
    pages: (query, options) => pages(t, searchCalls, query, options),
    get: (callId, options) => t.op(getCall, { params: { callId } }, options),
    checkEligibility: (callId, associationId, options) =>
      t.op(checkEligibility, { params: { callId }, query: { associationId } }, options),
    awards: (callId, query, options) =>
      t.op(listCallAwards, { params: { callId }, query: query ?? {} }, options),
    iterateAwards: (callId, query, options) =>
      iterate(t, listCallAwards, query, { ...options, params: { callId } }),
    create: (fields, options) => t.op(createCall, { body: fields }, options),
    getDraft: (callId, options) => t.op(getCallDraft, { params: { callId } }, options),
    getDraftWithEtag: async (callId, options) =>
      versioned(getCallDraft.id, await t.opWithEtag(getCallDraft, { params: { callId } }, options)),
    // Without ifMatch the transport refuses it before sending, as the route requires If-Match.
    update: async (callId, fields, options) =>
      versioned(updateCall.id, await t.opWithEtag(updateCall, { params: { callId }, body: fields }, options)),
    isDraftConflict: (error): error is NassijConflictError<CallDraft> => isConflictError(error, updateCall),
    publish: (callId, options) => t.op(publishCall, { params: { callId } }, options),
    amend: (callId, amendment, options) => t.op(amendCall, { params: { callId }, body: amendment }, options),
    close: (callId, reason, options) => t.op(closeCall, { params: { callId }, body: { reason } }, options),
    cancel: (callId, reason, options) => t.op(cancelCall, { params: { callId }, body: { reason } }, options),
    versions: (callId, query, options) =>
      t.op(listCallVersions, { params: { callId }, query: query ?? {} }, options),
    iterateVersions: (callId, query, options) =>
      iterate(t, listCallVersions, query, { ...options, params: { callId } }),
    reviewers: (callId, options) => t.op(listCallReviewers, { params: { callId } }, options),
    setReviewers: (callId, accountIds, options) =>
      t.op(setCallReviewers, { params: { callId }, body: { accountIds: [...accountIds] } }, options),
    managed: (organisationId, query, options) =>
      t.op(listManagedCalls, { params: { organisationId }, query: query ?? {} }, options),
    iterateManaged: (organisationId, query, options) =>
      iterate(t, listManagedCalls, query, { ...options, params: { organisationId } }),
    publishResults: (callId, body, options) =>
      t.op(publishCallResults, { params: { callId }, body: body ?? {} }, options),
  };
}
