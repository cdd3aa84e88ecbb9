// How the staff of the organisation that holds a consultation write and publish its synthesis. The draft
// lives in `synthesis_drafts` (staff only, saved whole under an ETag); publishing writes the public synthesis
// to `consultations.synthesis` in the same transaction as the phase change, the `synthesis.published` event
// and the participants' e-mails, so a synthesis is public, announced and mailed whole or not at all.
// Who may act: the consultation's organisation (`organisationIdOf(issuingBody.sectorCode)`) admins and
// consultation managers, and platform admins.

import {
  type Account,
  type ConsultationPhaseDates,
  type ContributionAuthor,
  type FieldError,
  getSynthesisDraft,
  type Locale,
  listSynthesisCandidateGroups,
  listSynthesisCandidates,
  pickText,
  publishSynthesis,
  type Synthesis,
  type SynthesisCandidate,
  type SynthesisCandidateGroup,
  type SynthesisDraft,
  toLocale,
  type UpdateSynthesisDraft,
  updateSynthesisDraft,
} from '@nassij/contract';
import { audit } from '../../db/audit.js';
import type { Db } from '../../db/db.js';
import { recordEvent } from '../../events/log.js';
import type { ApiApp, HandlerInput } from '../../http/app.js';
import { readKeysetCursor } from '../../http/cursor.js';
import { etagOf, requireIfMatch } from '../../http/etag.js';
import { problem } from '../../http/problem.js';
import { composeMail } from '../../mail/layout.js';
import { enqueueMail } from '../../mail/outbox.js';
import type { Area } from '../area.js';
import { organisationIdOf, runsConsultationsOf } from '../organisations/organisation.js';
import {
  consultationPhaseAt,
  consultationTotals,
  findConsultation,
  readVersion,
  type StoredConsultation,
} from './store.js';
import { synthesisPublishedMessage } from './synthesis-messages.js';
import { contributionVersionsMigration, synthesisDraftsMigration } from './synthesis-migrations.js';
import {
  allCandidateRows,
  CANDIDATE_ORDER,
  type CandidateFilter,
  type CandidateRow,
  candidateCounts,
  candidateIds,
  candidatePage,
  candidatesAmong,
  consultationArticleIds,
  insertSynthesisDraft,
  isSynthesisPublished,
  markSynthesisDraftPublished,
  readSynthesisDraftRow,
  synthesisRecipients,
  updateSynthesisDraftRow,
  writePublishedSynthesis,
} from './synthesis-store.js';

/** The consultation, if `auth` is on the staff of the organisation that holds it: 404, then 403. */
async function staffConsultation(
  db: Db,
  auth: Account | null,
  idOrReference: string,
): Promise<StoredConsultation & { organisationId: string }> {
  const consultation = await findConsultation(db, idOrReference);
  if (!consultation) throw problem('not_found', 'No such consultation');
  const organisationId = organisationIdOf(consultation.issuingBody.sectorCode);
  if (!runsConsultationsOf(auth, organisationId))
    throw problem('forbidden', 'Only the staff of the organisation that holds this consultation may do this');
  return { ...consultation, organisationId };
}

/** The fields of a draft as stored in `synthesis_drafts.data`. */
type DraftFields = UpdateSynthesisDraft;

interface StoredDraft {
  revision: number;
  updatedAt?: string;
  publishedAt?: string;
  fields: DraftFields;
  /** What the ETag is computed from: the stored state only, so a moderation elsewhere does not stale it. */
  etag: string;
}

const EMPTY_FIELDS: DraftFields = { articles: [], decisions: [] };

async function readDraft(db: Db, consultationId: string): Promise<StoredDraft> {
  const row = await readSynthesisDraftRow(db, consultationId);
  if (!row) return { revision: 0, fields: EMPTY_FIELDS, etag: etagOf(`0|${JSON.stringify(EMPTY_FIELDS)}`) };
  return {
    revision: Number(row.revision),
    updatedAt: row.updated_at,
    ...(row.published_at ? { publishedAt: row.published_at } : {}),
    fields: JSON.parse(row.data) as DraftFields,
    etag: etagOf(`${row.revision}|${row.data}`),
  };
}

function required(path: string, message: string): FieldError {
  return { path, code: 'required', message };
}

/**
 * What publishing would refuse now: no summary, or a candidate (by id, most supported first) without
 * outcome or reason.
 */
function problemsOf(fields: DraftFields, candidates: readonly string[]): FieldError[] {
  const problems: FieldError[] = [];
  if (!fields.summary) problems.push(required('/summary', 'The synthesis needs an overall summary'));
  const decisions = new Map(fields.decisions.map((d) => [d.contributionId, d]));
  for (const id of candidates) {
    const decision = decisions.get(id);
    if (!decision?.outcome) problems.push(required(`/decisions/${id}/outcome`, `No outcome yet for ${id}`));
    if (!decision?.reason) problems.push(required(`/decisions/${id}/reason`, `No reason yet for ${id}`));
  }
  return problems;
}

function draftView(
  consultationId: string,
  draft: StoredDraft,
  candidates: readonly string[],
): SynthesisDraft {
  return {
    consultationId,
    revision: draft.revision,
    ...(draft.updatedAt ? { updatedAt: draft.updatedAt } : {}),
    ...draft.fields,
    problems: problemsOf(draft.fields, candidates),
    ...(draft.publishedAt ? { publishedAt: draft.publishedAt } : {}),
  };
}

/**
 * `syntheses.getDraft`: the draft with what publishing would still refuse; an empty one (revision 0) until
 * the first save.
 *
 * @example
 * ```ts
 * app.bind(getSynthesisDraft, getSynthesisDraftHandler);
 * ```
 */
export async function getSynthesisDraftHandler({ db, auth, params }: HandlerInput<typeof getSynthesisDraft>) {
  const consultation = await staffConsultation(db, auth, params.consultationId);
  const draft = await readDraft(db, consultation.id);
  return {
    body: draftView(consultation.id, draft, await candidateIds(db, consultation.id)),
    etag: draft.etag,
  };
}

function invalid(path: string, message: string): FieldError {
  return { path, in: 'body', code: 'invalid_value', message };
}

/**
 * `syntheses.update`: replaces the draft named by `If-Match`. Article ids must be articles of the
 * consultation's text (any version: an article since removed may be summed up too), contribution ids among
 * the candidates.
 *
 * @example
 * ```ts
 * app.bind(updateSynthesisDraft, updateSynthesisDraftHandler);
 * ```
 */
export async function updateSynthesisDraftHandler({
  db,
  auth,
  params,
  body,
  now,
  c,
}: HandlerInput<typeof updateSynthesisDraft>) {
  const consultation = await staffConsultation(db, auth, params.consultationId);
  const fields = body as DraftFields;
  return await db.atomic(async () => {
    const draft = await readDraft(db, consultation.id);
    const candidates = await candidateIds(db, consultation.id);
    requireIfMatch(c, draft.etag, draftView(consultation.id, draft, candidates));
    if (draft.publishedAt || (await isSynthesisPublished(db, consultation.id)))
      throw problem('invalid_state', 'The synthesis is published and can no longer change');
    const articleIds = await consultationArticleIds(db, consultation.id);
    const known = await candidatesAmong(
      db,
      consultation.id,
      fields.decisions.map((d) => d.contributionId),
    );
    const errors = [
      ...fields.articles.flatMap((a, i) =>
        articleIds.has(a.articleId)
          ? []
          : [invalid(`/articles/${i}/articleId`, `No article ${a.articleId} in this consultation`)],
      ),
      ...fields.decisions.flatMap((d, i) =>
        known.has(d.contributionId)
          ? []
          : [
              invalid(
                `/decisions/${i}/contributionId`,
                `${d.contributionId} is not a published recommendation or amendment of this consultation`,
              ),
            ],
      ),
    ];
    if (errors.length > 0)
      throw problem('validation_failed', 'Some ids are not of this consultation', { errors });
    const data = JSON.stringify(fields);
    const at = now.toISOString();
    // Written only over the revision If-Match named: on PostgreSQL two saves from one ETag can both pass the
    // check above (read committed); the second then matches no row and answers 412 like a stale ETag.
    const save = { at, by: auth?.id ?? null, data };
    const { changes } =
      draft.revision === 0
        ? await insertSynthesisDraft(db, consultation.id, save)
        : await updateSynthesisDraftRow(db, consultation.id, draft.revision, save);
    if (changes !== 1) {
      const current = await readDraft(db, consultation.id);
      throw problem('precondition_failed', 'The draft changed since it was read', {
        current: draftView(consultation.id, current, candidates),
        headers: { etag: current.etag },
      });
    }
    const saved = await readDraft(db, consultation.id);
    return { body: draftView(consultation.id, saved, candidates), etag: saved.etag };
  });
}

/** A candidate row as the API shows it, with what the draft says of it so far. */
function candidateOf(row: CandidateRow, decision: UpdateSynthesisDraft['decisions'][number] | undefined) {
  const candidate: SynthesisCandidate = {
    contributionId: row.id,
    kind: row.kind,
    ...(row.version_id ? { versionId: row.version_id } : {}),
    body: row.body,
    ...(row.proposed_text !== null ? { proposedText: row.proposed_text } : {}),
    ...(row.position !== null ? { position: row.position } : {}),
    supports: Number(row.supports),
    author: JSON.parse(row.author) as ContributionAuthor,
    createdAt: row.created_at,
    ...(decision?.outcome ? { outcome: decision.outcome } : {}),
    ...(decision?.reason ? { reason: decision.reason } : {}),
  };
  return candidate;
}

/**
 * `syntheses.candidates`: one page of the recommendations and amendments, most supported first then newest
 * (the keyset `CANDIDATE_ORDER`, served by the partial indexes on supports), of one article, of the whole
 * text, or of all; `total` counts what the filter keeps.
 *
 * @example
 * ```ts
 * app.bind(listSynthesisCandidates, listSynthesisCandidatesHandler);
 * ```
 */
export async function listSynthesisCandidatesHandler({
  db,
  auth,
  params,
  query,
}: HandlerInput<typeof listSynthesisCandidates>) {
  const consultation = await staffConsultation(db, auth, params.consultationId);
  const after = readKeysetCursor(query.cursor, CANDIDATE_ORDER.name, CANDIDATE_ORDER.keys.length);
  const filter: CandidateFilter =
    query.articleId !== undefined
      ? { articleId: query.articleId }
      : query.wholeText
        ? { wholeText: true }
        : {};
  const [page, draft, counts] = await Promise.all([
    candidatePage(db, consultation.id, filter, after, query.limit),
    readDraft(db, consultation.id),
    candidateCounts(db, consultation.id),
  ]);
  const decisions = new Map(draft.fields.decisions.map((d) => [d.contributionId, d]));
  const total =
    query.articleId !== undefined
      ? (counts.get(query.articleId) ?? 0)
      : query.wholeText
        ? (counts.get(null) ?? 0)
        : [...counts.values()].reduce((sum, n) => sum + n, 0);
  return {
    body: {
      items: page.items.map((row) => candidateOf(row, decisions.get(row.id))),
      nextCursor: page.nextCursor,
      total,
    },
  };
}

/**
 * `syntheses.candidateGroups`: the articles that have candidates, in the order of the current text, then
 * articles since removed (by id), then the whole text; each with its count.
 *
 * @example
 * ```ts
 * app.bind(listSynthesisCandidateGroups, listSynthesisCandidateGroupsHandler);
 * ```
 */
export async function listSynthesisCandidateGroupsHandler({
  db,
  auth,
  params,
}: HandlerInput<typeof listSynthesisCandidateGroups>) {
  const consultation = await staffConsultation(db, auth, params.consultationId);
  const [counts, current] = await Promise.all([
    candidateCounts(db, consultation.id),
    readVersion(db, consultation.id, consultation.currentVersionId),
  ]);
  const left = new Map(counts);
  const groups: SynthesisCandidateGroup[] = [];
  for (const article of current?.sections.flatMap((s) => s.articles) ?? []) {
    const count = left.get(article.id);
    if (count === undefined) continue;
    groups.push({ articleId: article.id, number: article.number, count });
    left.delete(article.id);
  }
  const whole = left.get(null);
  left.delete(null);
  for (const [articleId, count] of [...left].sort(([a], [b]) => String(a).localeCompare(String(b))))
    groups.push({ articleId, removed: true, count });
  if (whole !== undefined) groups.push({ articleId: null, count: whole });
  const total = [...counts.values()].reduce((sum, n) => sum + n, 0);
  return { body: { consultationId: consultation.id, total, groups } };
}

/**
 * When contributions closed: the end of the `contributions_open` phase, else the start of `closed`, else
 * `fallback` (a consultation closed by hand without dates).
 */
function closedAtOf(phases: readonly ConsultationPhaseDates[], fallback: string): string {
  return (
    phases.find((p) => p.phase === 'contributions_open')?.period.end ??
    phases.find((p) => p.phase === 'closed')?.period.start ??
    fallback
  );
}

/** The phases once the synthesis is published at `at`: `closed` ends then, `synthesis_published` starts. */
function phasesPublishedAt(phases: readonly ConsultationPhaseDates[], at: string): ConsultationPhaseDates[] {
  const kept = phases
    .filter((p) => p.phase !== 'synthesis_published')
    .map((p) =>
      p.phase === 'closed' && p.period.start < at && (p.period.end === undefined || p.period.end > at)
        ? { ...p, period: { start: p.period.start, end: at } }
        : p,
    );
  return [...kept, { phase: 'synthesis_published', period: { start: at }, timeZone: 'Africa/Casablanca' }];
}

/**
 * Queues the "synthesis published" message for each account that contributed (whatever became of the
 * contribution: it took part), once per account, in its language; not erased, address verified. Anonymous
 * participants left no address and are not written to. Returns how many were queued.
 */
async function mailParticipants(db: Db, consultation: StoredConsultation, answered: number): Promise<number> {
  const recipients = await synthesisRecipients(db, consultation.id);
  for (const recipient of recipients) {
    const locale: Locale = toLocale(recipient.locale) ?? 'ar';
    const content = synthesisPublishedMessage(locale, {
      name: recipient.display_name,
      title: pickText(consultation.title, locale).text,
      reference: consultation.reference,
      answered,
    });
    await enqueueMail(db, {
      to: recipient.email,
      locale,
      kind: 'synthesis.published',
      accountId: recipient.id,
      ...composeMail(locale, content),
    });
  }
  return recipients.length;
}

/** Longest excerpt the public synthesis quotes of a contribution (its schema's bound, in UTF-16 units). */
const EXCERPT_MAX = 1000;

/** The contribution's words up to {@link EXCERPT_MAX}, never ending on half a surrogate pair. */
function excerptOf(body: string): string {
  if (body.length <= EXCERPT_MAX) return body;
  const cut = body.slice(0, EXCERPT_MAX);
  return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
}

/**
 * `syntheses.publish`: publishes a complete draft of a closed consultation: freezes the figures, moves the
 * consultation to `synthesis_published`, records `synthesis.published` and mails the participants.
 *
 * @example
 * ```ts
 * app.bind(publishSynthesis, publishSynthesisHandler);
 * ```
 */
export async function publishSynthesisHandler({
  db,
  auth,
  params,
  now,
  c,
  requestId,
}: HandlerInput<typeof publishSynthesis>) {
  const consultation = await staffConsultation(db, auth, params.consultationId);
  const at = now.toISOString();
  const synthesis = await db.atomic(async (): Promise<Synthesis> => {
    // Read again inside the transaction: two publications at once must not both pass the checks.
    const current = (await findConsultation(db, consultation.id)) as StoredConsultation;
    if (await isSynthesisPublished(db, consultation.id))
      throw problem('invalid_state', 'The synthesis is already published');
    // The phase follows the clock (an open consultation closes at its date without a write).
    if (consultationPhaseAt(current.phases, false, now) !== 'closed')
      throw problem('invalid_state', 'A synthesis is published once contributions are closed');
    const draft = await readDraft(db, consultation.id);
    // Every candidate, read here on the server: publishing never needs the editor to have loaded them all.
    const candidates = await allCandidateRows(db, consultation.id);
    const ids = candidates.map((row) => row.id);
    if (c.req.header('if-match')) requireIfMatch(c, draft.etag, draftView(consultation.id, draft, ids));
    const problems = problemsOf(draft.fields, ids);
    if (problems.length > 0)
      throw problem(
        'synthesis_incomplete',
        'Give the synthesis a summary, and each recommendation and amendment an outcome and a reason',
        {
          errors: problems,
        },
      );
    const summary = draft.fields.summary;
    if (!summary) throw new Error('The summary is missing'); // problemsOf above refused that
    const decisions = new Map(draft.fields.decisions.map((d) => [d.contributionId, d]));
    const totals = await consultationTotals(db, consultation.id);
    const published: Synthesis = {
      publishedAt: at,
      frozen: {
        participants: totals.participants,
        contributions: totals.contributions,
        supports: totals.supports,
        closedAt: closedAtOf(current.phases, at),
      },
      summary,
      ...(draft.fields.reportUrl ? { reportUrl: draft.fields.reportUrl } : {}),
      articles: draft.fields.articles,
      recommendations: candidates.map((row) => {
        const decision = decisions.get(row.id);
        // problemsOf above refused any candidate without both.
        if (!decision?.outcome || !decision.reason) throw new Error(`${row.id} is not answered`);
        return {
          contributionId: row.id,
          ...(row.article_id ? { articleId: row.article_id } : {}),
          kind: row.kind,
          excerpt: excerptOf(row.body),
          outcome: decision.outcome,
          reason: decision.reason,
        };
      }),
    };
    const stored: StoredConsultation = {
      ...current,
      phase: 'synthesis_published',
      phases: phasesPublishedAt(current.phases, at),
    };
    const { changes } = await writePublishedSynthesis(
      db,
      consultation.id,
      JSON.stringify(published),
      JSON.stringify(stored),
    );
    if (changes !== 1) throw problem('invalid_state', 'The synthesis is already published');
    await markSynthesisDraftPublished(db, consultation.id, at);
    await recordEvent(db, 'synthesis.published', {
      consultationId: consultation.id,
      reference: consultation.reference,
      organisationId: consultation.organisationId,
      publishedAt: at,
    });
    await audit(db, {
      at: now,
      accountId: auth?.id ?? null,
      action: 'consultation.publishSynthesis',
      targetType: 'consultation',
      targetId: consultation.id,
      requestId,
      details: {
        organisationId: consultation.organisationId,
        recommendations: published.recommendations.length,
        frozen: published.frozen,
      },
    });
    await mailParticipants(db, current, candidates.length);
    return published;
  });
  return { body: synthesis };
}

/**
 * Binds the synthesis authoring routes.
 *
 * @example
 * ```ts
 * registerSynthesisRoutes(app);
 * ```
 */
export function registerSynthesisRoutes(app: ApiApp): void {
  app.bind(getSynthesisDraft, getSynthesisDraftHandler);
  app.bind(updateSynthesisDraft, updateSynthesisDraftHandler);
  app.bind(listSynthesisCandidates, listSynthesisCandidatesHandler);
  app.bind(listSynthesisCandidateGroups, listSynthesisCandidateGroupsHandler);
  app.bind(publishSynthesis, publishSynthesisHandler);
}

/**
 * Syntheses written through the API, and the version each contribution was written on. Its migrations run
 * in id order with the consultations area's (`045` after `040`–`044`); it seeds nothing: the consultations
 * seed writes the versions of its contributions and its published syntheses.
 *
 * @example
 * ```ts
 * const AREAS: Area[] = [consultationsArea, synthesesArea];
 * ```
 */
export const synthesesArea: Area = {
  name: 'syntheses',
  migrations: [contributionVersionsMigration, synthesisDraftsMigration],
  register: registerSynthesisRoutes,
};
