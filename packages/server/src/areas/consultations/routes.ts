import { createHash } from 'node:crypto';
import {
  type Account,
  type ConsultationQuestion,
  type ContributionAuthor,
  compareConsultationVersions,
  contributionFollowPath,
  createContribution,
  type FieldError,
  getConsultation,
  getConsultationStats,
  getConsultationSynthesis,
  getConsultationVersion,
  getContribution,
  isHoneypotFilled,
  listContributionReplies,
  listContributions,
  moderateContribution,
  moderationQueue,
  reportContribution,
  respondToContribution,
  searchConsultations,
  supportContribution,
  withdrawSupport,
} from '@nassij/contract';
import type { Context } from 'hono';
import { isRepresentativeOf } from '../../auth/standing.js';
import { toInstant } from '../../auth/tokens.js';
import { audit } from '../../db/audit.js';
import type { Db } from '../../db/db.js';
import type { ApiApp, Handler, HandlerInput } from '../../http/app.js';
import { rateKeyOf } from '../../http/client-address.js';
import { problem } from '../../http/problem.js';
import { rateLimited } from '../../http/rate-limit.js';
import { noticeModeration } from '../notices/index.js';
import { moderatesConsultationsOf, organisationIdOf } from '../organisations/organisation.js';
import {
  type ActivityTable,
  activitySince,
  addEvent,
  addReport,
  addSupport,
  type ContributionRow,
  changeModerationState,
  consultationStats,
  contributionId,
  diffVersions,
  embeddedReplies,
  findConsultation,
  findContributionRow,
  hasReported,
  historyOf,
  insertContribution,
  issuingSectorOf,
  listContributionsPage,
  listRepliesPage,
  markReportsReviewed,
  moderationQueuePage,
  nextContributionSeq,
  readConsultation,
  readSynthesis,
  readVersion,
  receiptNumber,
  removeSupport,
  repliesOf,
  searchConsultationsPage,
  setOfficialResponse,
  supportedBy,
  toContribution,
  unreviewedSignedInReports,
} from './store.js';

/** Contributions one participant (account or device) may send per hour. */
export const CONTRIBUTIONS_PER_HOUR = 10;
/**
 * Distinct signed-in accounts whose reports, since the last moderator's decision, send a published
 * contribution back to moderation (hidden until a moderator decides). Anonymous reports never hide: they
 * put the contribution in the moderators' queue while it stays public.
 */
export const REPORTS_BEFORE_REVIEW = 5;
/** Reports one reporter (an account, or a client address when signed out) may file per hour. */
export const REPORTS_PER_HOUR = 20;

const HOUR_MS = 60 * 60 * 1000;
const DEVICE_TOKEN = /^[A-Za-z0-9._:-]{16,128}$/;

function fieldProblem(
  path: string,
  code: FieldError['code'],
  message: string,
  part: FieldError['in'] = 'body',
) {
  return problem('validation_failed', message, { errors: [{ path, in: part, code, message }] });
}

/**
 * The hash of the `X-Nassij-Device` token (the raw token is never stored). With `strict`, a malformed
 * token is a 422 naming the header; otherwise it is ignored.
 */
function deviceHash(c: Context, strict: boolean): string | undefined {
  const token = c.req.header('x-nassij-device');
  if (token === undefined) return undefined;
  if (!DEVICE_TOKEN.test(token)) {
    if (!strict) return undefined;
    throw fieldProblem('/X-Nassij-Device', 'invalid_format', '16 to 128 letters, digits or ._:-', 'header');
  }
  return createHash('sha256').update(`nassij-device:${token}`).digest('hex');
}

/**
 * Whether `auth` moderates the contributions of `consultationId`: admins and platform moderators every
 * consultation's, an organisation's moderator those of the consultations its organisation holds.
 */
async function moderates(db: Db, auth: Account | null, consultationId: string): Promise<boolean> {
  if (!auth || !(auth.roles.includes('moderator') || auth.roles.includes('admin'))) return false;
  if (moderatesConsultationsOf(auth, undefined)) return true; // an admin or a platform moderator
  const sector = await issuingSectorOf(db, consultationId);
  return sector !== undefined && moderatesConsultationsOf(auth, organisationIdOf(sector));
}

async function visibleRow(
  db: Db,
  id: string,
  auth: Account | null,
  device: string | undefined,
): Promise<ContributionRow> {
  const row = await findContributionRow(db, id);
  if (!row) throw problem('not_found', 'No such contribution');
  const own =
    (auth !== null && row.account_id === auth.id) || (device !== undefined && row.device_hash === device);
  if (row.moderation_state !== 'published' && !own && !(await moderates(db, auth, row.consultation_id))) {
    throw problem('not_found', 'No such contribution');
  }
  return row;
}

async function withHistory(db: Db, row: ContributionRow, auth: Account | null) {
  // A reply has no replies (threads are one level deep): no `replies`, no `replyCount`.
  const replies = row.parent_id ? undefined : (await repliesOf(db, [row.id])).get(row.id);
  const ids = [row.id, ...(replies?.rows ?? []).map((r) => r.id)];
  const supported = auth ? await supportedBy(db, `acc:${auth.id}`, ids) : undefined;
  const view = supported ? { supported } : {};
  return toContribution(row, {
    // Moderators read every report in the history; the public and the author do not.
    history: await historyOf(db, row.id, { reports: await moderates(db, auth, row.consultation_id) }),
    ...view,
    ...(row.parent_id ? {} : embeddedReplies(replies, view)),
  });
}

function checkAnswer(question: ConsultationQuestion, answer: unknown): void {
  if (answer === undefined) throw fieldProblem('/answer', 'required', 'An answer answers its question');
  if (question.kind === 'open') {
    if (typeof answer !== 'string')
      throw fieldProblem('/answer', 'invalid_type', 'This question is answered in text');
    return;
  }
  if (!Array.isArray(answer)) throw fieldProblem('/answer', 'invalid_type', 'Pick options of this question');
  const options = new Set((question.options ?? []).map((o) => o.id));
  if (answer.some((id) => !options.has(id)) || new Set(answer).size !== answer.length) {
    throw fieldProblem('/answer', 'invalid_value', 'Unknown or repeated option');
  }
  if (!question.multiple && answer.length !== 1) {
    throw fieldProblem('/answer', 'invalid_value', 'This question takes one option');
  }
}

/** What {@link limitPerHour} counts: rows of a table by key, at most `max` an hour. */
type HourlyLimit = ActivityTable & {
  max: number;
  /** What is counted, for the message: `At most <max> <noun> an hour`. */
  noun: string;
};

const CONTRIBUTION_LIMIT: HourlyLimit = {
  table: 'contributions',
  keyColumn: 'participant_key',
  max: CONTRIBUTIONS_PER_HOUR,
  noun: 'contributions',
};
const REPORT_LIMIT: HourlyLimit = {
  table: 'contribution_reports',
  keyColumn: 'reporter_key',
  max: REPORTS_PER_HOUR,
  noun: 'reports',
};

/** At most `limit.max` rows per key in the last hour: a 429 with the wait otherwise. */
async function limitPerHour(db: Db, limit: HourlyLimit, key: string, now: Date): Promise<void> {
  const since = toInstant(new Date(now.getTime() - HOUR_MS));
  const recent = await activitySince(db, limit, key, since);
  if (recent.n < limit.max || !recent.oldest) return;
  throw rateLimited(
    (Date.parse(recent.oldest) + HOUR_MS - now.getTime()) / 1000,
    `At most ${limit.max} ${limit.noun} an hour`,
  );
}

async function searchConsultationsHandler({ db, query, now }: HandlerInput<typeof searchConsultations>) {
  return {
    body: await searchConsultationsPage(db, query, now),
  };
}

async function getConsultationHandler({ db, params, now }: HandlerInput<typeof getConsultation>) {
  const consultation = await readConsultation(db, params.consultationId, now);
  if (!consultation) throw problem('not_found', 'No such consultation');
  return { body: consultation };
}

async function getConsultationVersionHandler({ db, params }: HandlerInput<typeof getConsultationVersion>) {
  const consultation = await findConsultation(db, params.consultationId);
  const version = consultation && (await readVersion(db, consultation.id, params.versionId, true));
  if (!version) throw problem('not_found', 'No such version');
  return { body: version };
}

async function compareConsultationVersionsHandler({
  db,
  params,
  query,
}: HandlerInput<typeof compareConsultationVersions>) {
  const consultation = await findConsultation(db, params.consultationId);
  const to = consultation && (await readVersion(db, consultation.id, params.versionId));
  if (!consultation || !to) throw problem('not_found', 'No such version');
  const from = await readVersion(db, consultation.id, query.against);
  if (!from) throw fieldProblem('/against', 'invalid_value', 'No such version of this text', 'query');
  return { body: diffVersions(from, to) };
}

async function getConsultationStatsHandler({ db, params }: HandlerInput<typeof getConsultationStats>) {
  const consultation = await findConsultation(db, params.consultationId);
  if (!consultation) throw problem('not_found', 'No such consultation');
  return { body: await consultationStats(db, consultation.id) };
}

async function getConsultationSynthesisHandler({
  db,
  params,
}: HandlerInput<typeof getConsultationSynthesis>) {
  const synthesis = await readSynthesis(db, params.consultationId);
  if (!synthesis) throw problem('not_found', 'No published synthesis for this consultation');
  return { body: synthesis };
}

async function listContributionsHandler({ db, params, query, auth }: HandlerInput<typeof listContributions>) {
  const consultation = await findConsultation(db, params.consultationId);
  if (!consultation) throw problem('not_found', 'No such consultation');
  const state = query.state ?? 'published';
  if (state !== 'published' && !(await moderates(db, auth, consultation.id))) {
    throw problem('forbidden', 'Only moderators see contributions that are not published');
  }
  return {
    body: await listContributionsPage(
      db,
      consultation.id,
      { ...query, state },
      auth ? `acc:${auth.id}` : undefined,
    ),
  };
}

async function createContributionHandler({
  db,
  params,
  body,
  auth,
  now,
  c,
}: HandlerInput<typeof createContribution>) {
  const consultation = await findConsultation(db, params.consultationId, now);
  if (!consultation) throw problem('not_found', 'No such consultation');
  if (consultation.phase !== 'contributions_open') {
    throw problem('phase_closed', 'This consultation does not take contributions now');
  }
  const device = deviceHash(c, true);
  const mode = consultation.participationMode;
  let author: ContributionAuthor;
  let participantKey: string;
  let state: 'pending' | 'published';
  if (!auth) {
    if (mode !== 'open') {
      throw problem('unauthenticated', 'Sign in to contribute to this consultation', {
        headers: { 'www-authenticate': 'Bearer' },
      });
    }
    if (!body.author)
      throw fieldProblem('/author', 'required', 'An anonymous contributor gives a display name');
    if (body.author.associationId !== undefined) {
      throw fieldProblem('/author/associationId', 'not_allowed', 'Sign in to speak for an association');
    }
    if (!device) {
      throw fieldProblem(
        '/X-Nassij-Device',
        'required',
        'An anonymous contribution needs a device token',
        'header',
      );
    }
    author = {
      displayName: body.author.displayName,
      participantType: body.author.participantType,
      ...(body.author.region ? { region: body.author.region } : {}),
    };
    participantKey = `dev:${device}`;
    // Anonymous words wait for a moderator before the public sees them.
    state = 'pending';
  } else {
    const associationId = body.author?.associationId;
    const represents = associationId !== undefined && isRepresentativeOf(auth, associationId);
    if (mode === 'associations_only' && !represents) {
      throw problem(
        'forbidden',
        'Only a representative acting for an association (author.associationId) may contribute here',
      );
    }
    if (associationId !== undefined && !represents) {
      throw problem('forbidden', 'Only a representative of this association may speak for it');
    }
    const region = body.author?.region;
    author = represents
      ? {
          // The representative names the association as the public should read it.
          displayName: body.author?.displayName ?? auth.displayName,
          participantType: 'association',
          associationId: associationId as string,
          ...(region ? { region } : {}),
        }
      : { displayName: auth.displayName, participantType: 'citizen', ...(region ? { region } : {}) };
    participantKey = `acc:${auth.id}`;
    state = 'published';
  }
  await limitPerHour(db, CONTRIBUTION_LIMIT, participantKey, now);

  let articleId = body.articleId ?? null;
  if (articleId !== null) {
    const current = await readVersion(db, consultation.id, consultation.currentVersionId);
    const known = current?.sections.some((s) => s.articles.some((a) => a.id === articleId));
    if (!known) throw fieldProblem('/articleId', 'invalid_value', 'No such article in the current text');
  }
  if (body.parentId !== undefined) {
    const parent = await findContributionRow(db, body.parentId);
    if (
      !parent ||
      parent.consultation_id !== consultation.id ||
      parent.parent_id !== null ||
      parent.moderation_state !== 'published'
    ) {
      throw fieldProblem(
        '/parentId',
        'invalid_value',
        'Replies answer a published top-level contribution of this consultation (one level deep)',
      );
    }
    articleId = parent.article_id;
  }
  if (body.kind === 'answer') {
    const question = consultation.questions.find((q) => q.id === body.questionId);
    if (!question)
      throw fieldProblem('/questionId', 'invalid_value', 'No such question in this consultation');
    checkAnswer(question, body.answer);
  }

  const at = toInstant(now);
  const seq = await nextContributionSeq(db);
  const fields = {
    seq,
    consultationId: consultation.id,
    articleId,
    parentId: body.parentId,
    kind: body.kind,
    body: body.body,
    proposedText: body.proposedText,
    questionId: body.questionId,
    answer: body.answer,
    position: body.position,
    author,
    participantKey,
    accountId: auth?.id ?? null,
    deviceHash: auth ? null : (device ?? null),
    createdAt: at,
    state,
  };
  let contribution: ReturnType<typeof toContribution>;
  if (isHoneypotFilled(body)) {
    // A bot filled the hidden field: answer exactly as for a real contribution, store nothing.
    contribution = toContribution({
      id: contributionId(seq),
      seq,
      consultation_id: consultation.id,
      article_id: articleId,
      parent_id: body.parentId ?? null,
      kind: body.kind,
      body: body.body,
      proposed_text: body.proposedText ?? null,
      question_id: body.questionId ?? null,
      answer: body.answer === undefined ? null : JSON.stringify(body.answer),
      position: body.position ?? null,
      author: JSON.stringify(author),
      participant_type: author.participantType,
      region: author.region ?? null,
      participant_key: participantKey,
      account_id: null,
      device_hash: null,
      created_at: at,
      edited_at: null,
      moderation_state: state,
      moderation_reason: null,
      decided_at: null,
      supports: 0,
      report_count: 0,
      official_response: null,
      review_requested_at: null,
      // As a stored one would carry it, so that nothing tells a bot its contribution was dropped.
      version_id: consultation.currentVersionId,
    });
  } else {
    const id = await insertContribution(db, {
      ...fields,
      ...(state === 'published' ? { decidedAt: at } : {}),
    });
    contribution = toContribution((await findContributionRow(db, id)) as ContributionRow);
  }
  const followUrl = contributionFollowPath(contribution.id);
  return {
    status: 201,
    headers: { location: followUrl },
    body: {
      contribution,
      receiptNumber: receiptNumber(seq, at),
      followUrl,
      awaitingModeration: state === 'pending',
    },
  };
}

async function getContributionHandler({ db, params, auth, c }: HandlerInput<typeof getContribution>) {
  const row = await visibleRow(db, params.contributionId, auth, deviceHash(c, false));
  return { body: await withHistory(db, row, auth) };
}

// Whoever may follow the contribution may read its replies, which are published ones only.
async function listContributionRepliesHandler({
  db,
  params,
  query,
  auth,
  c,
}: HandlerInput<typeof listContributionReplies>) {
  const parent = await visibleRow(db, params.contributionId, auth, deviceHash(c, false));
  return { body: await listRepliesPage(db, parent.id, query, auth ? `acc:${auth.id}` : undefined) };
}

/** A published contribution whose consultation still takes (and gives back) supports. */
async function supportable(db: Db, contributionId: string, now: Date): Promise<ContributionRow> {
  const row = await visibleRow(db, contributionId, null, undefined);
  const consultation = await findConsultation(db, row.consultation_id, now);
  if (consultation?.phase !== 'contributions_open') {
    throw problem('phase_closed', 'Supports are taken while contributions are open');
  }
  return row;
}

async function supportContributionHandler({
  db,
  params,
  auth,
  now,
}: HandlerInput<typeof supportContribution>) {
  const row = await supportable(db, params.contributionId, now);
  if (!(await addSupport(db, row.id, `acc:${(auth as Account).id}`, toInstant(now)))) {
    throw problem('already_supported', 'You already support this contribution');
  }
  const supports = (await findContributionRow(db, row.id))?.supports ?? 0;
  return { status: 201, body: { contributionId: row.id, supports, supportedByMe: true as const } };
}

// Idempotent: withdrawing a support this reader does not give answers the count as it stands, so a
// stale page or a second tab ends up showing the truth rather than an error.
async function withdrawSupportHandler({ db, params, auth, now }: HandlerInput<typeof withdrawSupport>) {
  const row = await supportable(db, params.contributionId, now);
  await removeSupport(db, row.id, `acc:${(auth as Account).id}`);
  const supports = (await findContributionRow(db, row.id))?.supports ?? 0;
  return { status: 200, body: { contributionId: row.id, supports, supportedByMe: false as const } };
}

function reportContributionHandler(app: ApiApp): Handler<typeof reportContribution> {
  return async ({ db, params, body, auth, now, c, requestId }) => {
    const row = await visibleRow(db, params.contributionId, null, undefined);
    // Signed out, the reporter is the client's network (an IPv6 /64): made-up device tokens or rotated
    // addresses do not multiply reporters.
    const reporter = auth
      ? `acc:${auth.id}`
      : `ip:${createHash('sha256')
          .update(`nassij-report:${rateKeyOf(app.clientAddress(c))}`)
          .digest('hex')}`;
    const at = toInstant(now);
    await db.atomic(async () => {
      // The same reporter twice counts once; the answer stays 202 so reporting reveals nothing.
      if (await hasReported(db, row.id, reporter)) return;
      await limitPerHour(db, REPORT_LIMIT, reporter, now);
      // Every report puts the contribution in the moderators' queue; it stays public meanwhile.
      await addReport(db, {
        contributionId: row.id,
        reporterKey: reporter,
        reason: body.reason,
        detail: body.detail,
        at,
        signedIn: auth !== null,
      });
      if (!auth || row.moderation_state !== 'published') return;
      // Only distinct signed-in accounts, each limited per hour, can take it down before a moderator looks.
      const accounts = await unreviewedSignedInReports(db, row.id);
      if (accounts < REPORTS_BEFORE_REVIEW) return;
      const reason = `Back to moderation after reports from ${accounts} signed-in accounts`;
      await changeModerationState(db, row.id, 'pending');
      await addEvent(db, row.id, at, 'reported', reason);
      await audit(db, {
        at: now,
        accountId: null,
        action: 'contribution.autoHide',
        targetType: 'contribution',
        targetId: row.id,
        requestId,
        reason,
        details: { from: 'published', to: 'pending', signedInReports: accounts },
      });
    });
    return { status: 202 };
  };
}

async function respondToContributionHandler({
  db,
  params,
  body,
  auth,
  now,
  requestId,
}: HandlerInput<typeof respondToContribution>) {
  const row = await findContributionRow(db, params.contributionId);
  const consultation = row && (await findConsultation(db, row.consultation_id));
  if (!row || !consultation) throw problem('not_found', 'No such contribution');
  const actor = (auth as Account).id;
  const at = toInstant(now);
  await db.atomic(async () => {
    await setOfficialResponse(db, row.id, {
      body: body.body,
      respondedAt: at,
      by: consultation.issuingBody.name,
    });
    await addEvent(db, row.id, at, 'responded', undefined, actor);
    await audit(db, {
      at: now,
      accountId: actor,
      action: 'contribution.respond',
      targetType: 'contribution',
      targetId: row.id,
      requestId,
      details: {
        consultationId: consultation.id,
        languages: Object.keys(body.body),
        replaced: row.official_response !== null,
      },
    });
  });
  return { body: await withHistory(db, (await findContributionRow(db, row.id)) as ContributionRow, auth) };
}

async function moderationQueueHandler({ db, query, auth }: HandlerInput<typeof moderationQueue>) {
  const moderator = auth as Account;
  // An organisation's moderator sees the queue of its own organisation's consultations only.
  const organisationId = moderatesConsultationsOf(moderator, undefined)
    ? undefined
    : moderator.organisationId;
  if (query.consultationId && organisationId !== undefined) {
    const consultation = await findConsultation(db, query.consultationId);
    if (consultation && !(await moderates(db, moderator, consultation.id)))
      throw problem(
        'forbidden',
        'Only the moderators of the organisation that holds this consultation see its queue',
      );
  }
  return { body: await moderationQueuePage(db, query, organisationId) };
}

async function moderateContributionHandler({
  db,
  params,
  body,
  auth,
  now,
  requestId,
}: HandlerInput<typeof moderateContribution>) {
  const row = await findContributionRow(db, params.contributionId);
  if (!row) throw problem('not_found', 'No such contribution');
  if (!(await moderates(db, auth, row.consultation_id)))
    throw problem(
      'forbidden',
      'Only the moderators of the organisation that holds this consultation may decide',
    );
  const actor = (auth as Account).id;
  const at = toInstant(now);
  const state = body.decision === 'publish' ? 'published' : 'hidden';
  await db.atomic(async () => {
    // The decision covers every report so far: the contribution leaves the queue.
    const from = await changeModerationState(db, row.id, state, {
      reason: body.reason ?? null,
      decidedAt: at,
    });
    const reviewed = await markReportsReviewed(db, row.id, at);
    await addEvent(db, row.id, at, state, body.reason, actor);
    await audit(db, {
      at: now,
      accountId: actor,
      action: 'contribution.moderate',
      targetType: 'contribution',
      targetId: row.id,
      requestId,
      ...(body.reason ? { reason: body.reason } : {}),
      details: {
        decision: body.decision,
        from: from ?? row.moderation_state,
        to: state,
        reportsReviewed: reviewed,
      },
    });
    // The signed-in author hears of a decision that changed their contribution's state.
    if ((from ?? row.moderation_state) !== state)
      await noticeModeration(db, {
        contributionId: row.id,
        published: state === 'published',
        reason: body.reason,
      });
  });
  return { body: await withHistory(db, (await findContributionRow(db, row.id)) as ContributionRow, auth) };
}

/**
 * Binds the consultation, contribution and moderation routes.
 *
 * Identity when contributing follows the consultation's participation mode: `open` accepts an anonymous
 * author (declared `author` and an `X-Nassij-Device` token, stored hashed; the contribution waits for
 * moderation), `registered` needs a token, `associations_only` a representative of `author.associationId`.
 * A filled honeypot gets a plausible `201` receipt (its number is burnt) and NOTHING is stored.
 *
 * @example
 * ```ts
 * registerConsultationRoutes(app);
 * ```
 */
export function registerConsultationRoutes(app: ApiApp): void {
  app.bind(searchConsultations, searchConsultationsHandler);
  app.bind(getConsultation, getConsultationHandler);
  app.bind(getConsultationVersion, getConsultationVersionHandler);
  app.bind(compareConsultationVersions, compareConsultationVersionsHandler);
  app.bind(getConsultationStats, getConsultationStatsHandler);
  app.bind(getConsultationSynthesis, getConsultationSynthesisHandler);
  app.bind(listContributions, listContributionsHandler);
  app.bind(createContribution, createContributionHandler);
  app.bind(getContribution, getContributionHandler);
  app.bind(listContributionReplies, listContributionRepliesHandler);
  app.bind(supportContribution, supportContributionHandler);
  app.bind(withdrawSupport, withdrawSupportHandler);
  app.bind(reportContribution, reportContributionHandler(app));
  app.bind(respondToContribution, respondToContributionHandler);
  app.bind(moderationQueue, moderationQueueHandler);
  app.bind(moderateContribution, moderateContributionHandler);
}
