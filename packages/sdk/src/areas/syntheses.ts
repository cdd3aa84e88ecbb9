import {
  getSynthesisDraft,
  listSynthesisCandidateGroups,
  listSynthesisCandidates,
  publishSynthesis,
  type SynthesisDraft,
  updateSynthesisDraft,
} from '@nassij/contract';
import { isConflictError, type NassijConflictError } from '../errors.js';
import { iterate, type PageItem, type PageIterator, type PageQueryInput } from '../paginate.js';
import type { Transport } from '../transport.js';
import type { BodyOf, RequestOptions, RouteResult, Versioned } from '../types.js';
import { versioned } from '../versioned.js';
import type { UpdateOptions } from './applications.js';

/** The routes `client.syntheses` wraps. */
export const synthesesRoutes = [
  getSynthesisDraft,
  updateSynthesisDraft,
  listSynthesisCandidates,
  listSynthesisCandidateGroups,
  publishSynthesis,
] as const;

/**
 * Writing and publishing the synthesis of a consultation, for the staff of the organisation that holds it
 * (its organisation admins and consultation managers) and platform admins; others get `403`. The public
 * reads the published synthesis with `client.consultations.synthesis(id)`.
 *
 * @example
 * ```ts
 * const { data: draft, etag } = await client.syntheses.getDraft('cons_0006');
 * const candidates = await client.syntheses.iterateCandidates('cons_0006').collect({ limit: 5000 });
 * const decisions = candidates.map((c) => ({ contributionId: c.contributionId,
 *   outcome: 'accepted' as const, reason: { ar: 'أُدرج في الصيغة النهائية' } }));
 * await client.syntheses.update('cons_0006', { summary: { ar: 'حصيلة' }, articles: [], decisions }, { ifMatch: etag });
 * const synthesis = await client.syntheses.publish('cons_0006');
 * ```
 */
export interface SynthesesArea {
  /**
   * The synthesis being written, with its `problems` (what publishing would still refuse) and the ETag the
   * next {@link SynthesesArea.update} must send. An empty draft (revision 0) until the first save.
   *
   * @example
   * ```ts
   * const { data: draft, etag } = await client.syntheses.getDraft('cons_0006');
   * draft.problems.map((p) => p.path); // ['/summary', '/decisions/ctb_000091/outcome', …]
   * ```
   */
  getDraft(consultationId: string, options?: RequestOptions): Promise<Versioned<SynthesisDraft>>;
  /**
   * Saves the whole draft (summary, article summaries, an outcome and a reason per recommendation or
   * amendment). `options.ifMatch` (required) is the ETag the change was made from. Resolves with the saved
   * draft and its new ETag.
   *
   * @throws {@link NassijConflictError}`<SynthesisDraft>` (`412 precondition_failed`) when someone saved
   *   since; see {@link SynthesesArea.isDraftConflict}.
   * @throws {@link NassijValidationError} (`422`) naming an article or contribution not of this consultation.
   * @throws {@link NassijApiError} `409 invalid_state` once the synthesis is published.
   *
   * @example
   * ```ts
   * ({ data: draft, etag } = await client.syntheses.update('cons_0006', { summary: { fr: 'Synthèse' },
   *   articles: [], decisions: [{ contributionId: 'ctb_000091', outcome: 'out_of_scope', reason: { fr: 'Relève d’un décret' } }] },
   *   { ifMatch: etag }));
   * ```
   */
  update(
    consultationId: string,
    draft: BodyOf<typeof updateSynthesisDraft>,
    options: UpdateOptions,
  ): Promise<Versioned<SynthesisDraft>>;
  /**
   * Whether `error` is the conflict of a {@link SynthesesArea.update}: then `error.current` is the draft as
   * someone else saved it and `error.etag` its ETag.
   *
   * @example
   * ```ts
   * catch (error) {
   *   if (client.syntheses.isDraftConflict(error)) showMerge(mine, error.current, error.etag);
   *   else throw error;
   * }
   * ```
   */
  isDraftConflict(error: unknown): error is NassijConflictError<SynthesisDraft>;
  /**
   * One page of the published recommendations and amendments to answer, most supported first (then
   * newest), each with what the draft says of it so far: one article's (`articleId`), those on the whole
   * text (`wholeText: true`), or every one. `total` counts what the filter keeps; pass `nextCursor` back as
   * `cursor` for the next page.
   *
   * @example
   * ```ts
   * const { items, total, nextCursor } = await client.syntheses.candidates('cons_0006', { articleId: 'art-3', limit: 50 });
   * ```
   */
  candidates(
    consultationId: string,
    query?: PageQueryInput<typeof listSynthesisCandidates> & { cursor?: string | undefined },
    options?: RequestOptions,
  ): Promise<RouteResult<typeof listSynthesisCandidates>>;
  /**
   * Every candidate the query keeps, page after page, lazily (a national consultation has tens of
   * thousands: bound what you gather with `collect({ limit })`).
   *
   * @example
   * ```ts
   * for await (const candidate of client.syntheses.iterateCandidates('cons_0006', { articleId: 'art-3' })) rows.push(candidate);
   * ```
   */
  iterateCandidates(
    consultationId: string,
    query?: PageQueryInput<typeof listSynthesisCandidates>,
    options?: RequestOptions,
  ): PageIterator<PageItem<typeof listSynthesisCandidates>>;
  /**
   * The articles that have candidates, in the order of the current text (articles since removed after
   * them, then the whole text as `articleId: null`), each with its count.
   *
   * @example
   * ```ts
   * const { total, groups } = await client.syntheses.candidateGroups('cons_0006');
   * ```
   */
  candidateGroups(
    consultationId: string,
    options?: RequestOptions,
  ): Promise<RouteResult<typeof listSynthesisCandidateGroups>>;
  /**
   * Publishes the synthesis of a closed consultation: the figures are frozen, the consultation moves to
   * `synthesis_published`, and each participant with an account is told by e-mail.
   *
   * @throws {@link NassijApiError} `422 synthesis_incomplete`, `errors[]` naming the missing summary and
   *   each recommendation or amendment without an outcome or a reason.
   * @throws {@link NassijApiError} `409 invalid_state` while contributions are open, or once published.
   *
   * @example
   * ```ts
   * const synthesis = await client.syntheses.publish('cons_0006');
   * synthesis.frozen?.participants;
   * ```
   */
  publish(consultationId: string, options?: RequestOptions): Promise<RouteResult<typeof publishSynthesis>>;
}

/**
 * Builds `client.syntheses` over a transport.
 *
 * @example
 * ```ts
 * const syntheses = synthesesArea(client.transport);
 * ```
 */
export function synthesesArea(t: Transport): SynthesesArea {
  return {
    getDraft: async (consultationId, options) =>
      versioned(
        getSynthesisDraft.id,
        await t.opWithEtag(getSynthesisDraft, { params: { consultationId } }, options),
      ),
    // Without ifMatch the transport refuses it before sending, as the route requires If-Match.
    update: async (consultationId, draft, options) =>
      versioned(
        updateSynthesisDraft.id,
        await t.opWithEtag(updateSynthesisDraft, { params: { consultationId }, body: draft }, options),
      ),
    isDraftConflict: (error): error is NassijConflictError<SynthesisDraft> =>
      isConflictError(error, updateSynthesisDraft),
    candidates: (consultationId, query, options) =>
      t.op(listSynthesisCandidates, { params: { consultationId }, query: query ?? {} }, options),
    iterateCandidates: (consultationId, query, options) =>
      iterate(t, listSynthesisCandidates, query, { ...options, params: { consultationId } }),
    candidateGroups: (consultationId, options) =>
      t.op(listSynthesisCandidateGroups, { params: { consultationId } }, options),
    publish: (consultationId, options) => t.op(publishSynthesis, { params: { consultationId } }, options),
  };
}
