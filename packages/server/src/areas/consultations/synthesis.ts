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
  type getSynthesisDraft,
  type Locale,
  type listSynthesisCandidates,
  type Position,
  pickText,
  type publishSynthesis,
  type Synthesis,
  type SynthesisCandidate,
  type SynthesisCandidates,
  type SynthesisDraft,
  synthesisAuthoringRoutes,
  toLocale,
  type UpdateSynthesisDraft,
  type updateSynthesisDraft,
} from '@nassij/contract';
import { audit } from '../../db/audit.js';
import type { Db } from '../../db/db.js';
import { recordEvent } from '../../events/log.js';
import type { ApiApp, HandlerInput } from '../../http/app.js';
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

interface DraftRow {
  revision: number;
  updated_at: string;
  published_at: string | null;
  data: string;
}

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
  const row = await db.one<DraftRow>(
    'SELECT revision, updated_at, published_at, data FROM synthesis_drafts WHERE consultation_id = ?',
    [consultationId],
  );
  if (!row) return { revision: 0, fields: EMPTY_FIELDS, etag: etagOf(`0|${JSON.stringify(EMPTY_FIELDS)}`) };
  return {
    revision: Number(row.revision),
    updatedAt: row.updated_at,
    ...(row.published_at ? { publishedAt: row.published_at } : {}),
    fields: JSON.parse(row.data) as DraftFields,
    etag: etagOf(`${row.revision}|${row.data}`),
  };
}

interface CandidateRow {
  id: string;
  article_id: string | null;
  kind: 'recommendation' | 'amendment';
  body: string;
  proposed_text: string | null;
  position: Position | null;
  supports: number;
  author: string;
  created_at: string;
  version_id: string | null;
}

/**
 * The recommendations and amendments the synthesis answers: published, top level, most supported first (the
 * partial index `contributions_supported` serves this order).
 */
async function candidateRows(db: Db, consultationId: string): Promise<CandidateRow[]> {
  return await db.all<CandidateRow>(
    `SELECT id, article_id, kind, body, proposed_text, position, supports, author, created_at, version_id
       FROM contributions
      WHERE consultation_id = ? AND moderation_state = 'published' AND parent_id IS NULL
        AND kind IN ('recommendation', 'amendment')
      ORDER BY supports DESC, created_at, seq`,
    [consultationId],
  );
}

/** Whether the consultation has a published synthesis (the column the public synthesis is read from). */
async function isPublished(db: Db, consultationId: string): Promise<boolean> {
  const row = await db.one<{ synthesis: string | null }>('SELECT synthesis FROM consultations WHERE id = ?', [
    consultationId,
  ]);
  return Boolean(row?.synthesis);
}

function required(path: string, message: string): FieldError {
  return { path, code: 'required', message };
}

/** What publishing would refuse now: no summary, or a candidate without outcome or reason. */
function problemsOf(fields: DraftFields, candidates: readonly CandidateRow[]): FieldError[] {
  const problems: FieldError[] = [];
  if (!fields.summary) problems.push(required('/summary', 'The synthesis needs an overall summary'));
  const decisions = new Map(fields.decisions.map((d) => [d.contributionId, d]));
  for (const candidate of candidates) {
    const decision = decisions.get(candidate.id);
    if (!decision?.outcome)
      problems.push(required(`/decisions/${candidate.id}/outcome`, `No outcome yet for ${candidate.id}`));
    if (!decision?.reason)
      problems.push(required(`/decisions/${candidate.id}/reason`, `No reason yet for ${candidate.id}`));
  }
  return problems;
}

function draftView(
  consultationId: string,
  draft: StoredDraft,
  candidates: readonly CandidateRow[],
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
    body: draftView(consultation.id, draft, await candidateRows(db, consultation.id)),
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
    const candidates = await candidateRows(db, consultation.id);
    requireIfMatch(c, draft.etag, draftView(consultation.id, draft, candidates));
    if (draft.publishedAt || (await isPublished(db, consultation.id)))
      throw problem('invalid_state', 'The synthesis is published and can no longer change');
    const articleIds = new Set(
      (
        await db.all<{ id: string }>('SELECT id FROM consultation_articles WHERE consultation_id = ?', [
          consultation.id,
        ])
      ).map((r) => r.id),
    );
    const candidateIds = new Set(candidates.map((r) => r.id));
    const errors = [
      ...fields.articles.flatMap((a, i) =>
        articleIds.has(a.articleId)
          ? []
          : [invalid(`/articles/${i}/articleId`, `No article ${a.articleId} in this consultation`)],
      ),
      ...fields.decisions.flatMap((d, i) =>
        candidateIds.has(d.contributionId)
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
    const { changes } =
      draft.revision === 0
        ? await db.write(
            `INSERT INTO synthesis_drafts (consultation_id, revision, updated_at, updated_by, data)
             VALUES (?, 1, ?, ?, ?) ON CONFLICT (consultation_id) DO NOTHING`,
            [consultation.id, at, auth?.id ?? null, data],
          )
        : await db.write(
            `UPDATE synthesis_drafts SET revision = revision + 1, updated_at = ?, updated_by = ?, data = ?
              WHERE consultation_id = ? AND revision = ?`,
            [at, auth?.id ?? null, data, consultation.id, draft.revision],
          );
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

/**
 * `syntheses.candidates`: the recommendations and amendments grouped by article, in the order of the current
 * text, then articles since removed, then the whole text; most supported first in each group.
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
}: HandlerInput<typeof listSynthesisCandidates>) {
  const consultation = await staffConsultation(db, auth, params.consultationId);
  const [rows, draft, current] = await Promise.all([
    candidateRows(db, consultation.id),
    readDraft(db, consultation.id),
    readVersion(db, consultation.id, consultation.currentVersionId),
  ]);
  const decisions = new Map(draft.fields.decisions.map((d) => [d.contributionId, d]));
  const byArticle = new Map<string | null, SynthesisCandidate[]>();
  for (const row of rows) {
    const decision = decisions.get(row.id);
    const list = byArticle.get(row.article_id) ?? [];
    list.push({
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
    });
    byArticle.set(row.article_id, list);
  }
  const groups: SynthesisCandidates['groups'] = [];
  for (const article of current?.sections.flatMap((s) => s.articles) ?? []) {
    const candidates = byArticle.get(article.id);
    if (!candidates) continue;
    groups.push({ articleId: article.id, number: article.number, candidates });
    byArticle.delete(article.id);
  }
  const whole = byArticle.get(null);
  byArticle.delete(null);
  for (const [articleId, candidates] of [...byArticle].sort(([a], [b]) => String(a).localeCompare(String(b))))
    groups.push({ articleId, removed: true, candidates });
  if (whole) groups.push({ articleId: null, candidates: whole });
  return { body: { consultationId: consultation.id, total: rows.length, groups } };
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

interface Recipient {
  id: string;
  email: string;
  display_name: string;
  locale: string | null;
}

/**
 * Queues the "synthesis published" message for each account that contributed (whatever became of the
 * contribution: it took part), once per account, in its language; not erased, address verified. Anonymous
 * participants left no address and are not written to. Returns how many were queued.
 */
async function mailParticipants(db: Db, consultation: StoredConsultation, answered: number): Promise<number> {
  const recipients = await db.all<Recipient>(
    `SELECT a.id, a.email, a.display_name, a.locale FROM accounts a
      WHERE a.id IN (SELECT account_id FROM contributions WHERE consultation_id = ? AND account_id IS NOT NULL)
        AND a.erased_at IS NULL AND a.email_verified_at IS NOT NULL
      ORDER BY a.id`,
    [consultation.id],
  );
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
    if (await isPublished(db, consultation.id))
      throw problem('invalid_state', 'The synthesis is already published');
    // The phase follows the clock (an open consultation closes at its date without a write).
    if (consultationPhaseAt(current.phases, false, now) !== 'closed')
      throw problem('invalid_state', 'A synthesis is published once contributions are closed');
    const draft = await readDraft(db, consultation.id);
    const candidates = await candidateRows(db, consultation.id);
    if (c.req.header('if-match'))
      requireIfMatch(c, draft.etag, draftView(consultation.id, draft, candidates));
    const problems = problemsOf(draft.fields, candidates);
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
    const { changes } = await db.write(
      `UPDATE consultations SET synthesis = ?, phase = 'synthesis_published', phase_rank = 4, data = ?
        WHERE id = ? AND synthesis IS NULL`,
      [JSON.stringify(published), JSON.stringify(stored), consultation.id],
    );
    if (changes !== 1) throw problem('invalid_state', 'The synthesis is already published');
    await db.write('UPDATE synthesis_drafts SET published_at = ? WHERE consultation_id = ?', [
      at,
      consultation.id,
    ]);
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
  const [getDraft, update, candidates, publish] = synthesisAuthoringRoutes;
  app.bind(getDraft, getSynthesisDraftHandler);
  app.bind(update, updateSynthesisDraftHandler);
  app.bind(candidates, listSynthesisCandidatesHandler);
  app.bind(publish, publishSynthesisHandler);
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
