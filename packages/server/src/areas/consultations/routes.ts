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
import { toInstant } from '../../auth/tokens.js';
import { audit } from '../../db/audit.js';
import type { Db, SqlValue } from '../../db/db.js';
import type { ApiApp } from '../../http/app.js';
import { rateKeyOf } from '../../http/client-address.js';
import { decodeCursor, encodeCursor } from '../../http/cursor.js';
import { problem } from '../../http/problem.js';
import { rateLimited } from '../../http/rate-limit.js';
import {
  addEvent,
  addSupport,
  badCursor,
  type ContributionRow,
  consultationStats,
  contributionId,
  diffVersions,
  findConsultation,
  findContributionRow,
  historyOf,
  insertContribution,
  nextContributionSeq,
  readConsultation,
  readSynthesis,
  readVersion,
  receiptNumber,
  removeSupport,
  repliesOf,
  reportsOf,
  searchConsultationsPage,
  supportedBy,
  toContribution,
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

function isModerator(auth: Account | null): boolean {
  return auth !== null && (auth.roles.includes('moderator') || auth.roles.includes('admin'));
}

function offsetFrom(cursor: string | undefined, sort: string): number {
  if (!cursor) return 0;
  const position = decodeCursor(cursor, ['o', 's']);
  const offset = Number(position.o);
  if (position.s !== sort || !Number.isInteger(offset) || offset < 0) throw badCursor();
  return offset;
}

function inList(column: string, values: readonly string[] | undefined, params: SqlValue[]): string | null {
  if (!values || values.length === 0) return null;
  params.push(...values);
  return `${column} IN (${values.map(() => '?').join(', ')})`;
}

function visibleRow(db: Db, id: string, auth: Account | null, device: string | undefined): ContributionRow {
  const row = findContributionRow(db, id);
  if (!row) throw problem('not_found', 'No such contribution');
  const own =
    (auth !== null && row.account_id === auth.id) || (device !== undefined && row.device_hash === device);
  if (row.moderation_state !== 'published' && !own && !isModerator(auth)) {
    throw problem('not_found', 'No such contribution');
  }
  return row;
}

function withHistory(db: Db, row: ContributionRow, auth: Account | null) {
  const replies = row.parent_id ? undefined : (repliesOf(db, [row.id]).get(row.id) ?? []);
  const ids = [row.id, ...(replies ?? []).map((r) => r.id)];
  const supported = auth ? supportedBy(db, `acc:${auth.id}`, ids) : undefined;
  return toContribution(row, {
    // Moderators read every report in the history; the public and the author do not.
    history: historyOf(db, row.id, { reports: isModerator(auth) }),
    ...(supported ? { supported } : {}),
    ...(replies ? { replies: replies.map((r) => toContribution(r, supported ? { supported } : {})) } : {}),
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

/** What {@link limitPerHour} counts: rows of `table` whose `keyColumn` is the key. */
interface HourlyLimit {
  table: 'contributions' | 'contribution_reports';
  keyColumn: 'participant_key' | 'reporter_key';
  max: number;
  /** What is counted, for the message: `At most <max> <noun> an hour`. */
  noun: string;
}

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
function limitPerHour(db: Db, limit: HourlyLimit, key: string, now: Date): void {
  const since = toInstant(new Date(now.getTime() - HOUR_MS));
  const recent = db.get<{ n: number; oldest: string | null }>(
    `SELECT COUNT(*) AS n, MIN(created_at) AS oldest FROM ${limit.table} WHERE ${limit.keyColumn} = ? AND created_at > ?`,
    [key, since],
  );
  if (!recent || recent.n < limit.max || !recent.oldest) return;
  throw rateLimited(
    (Date.parse(recent.oldest) + HOUR_MS - now.getTime()) / 1000,
    `At most ${limit.max} ${limit.noun} an hour`,
  );
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
  app.bind(searchConsultations, ({ db, query }) => ({ body: searchConsultationsPage(db, query) }));

  app.bind(getConsultation, ({ db, params }) => {
    const consultation = readConsultation(db, params.consultationId);
    if (!consultation) throw problem('not_found', 'No such consultation');
    return { body: consultation };
  });

  app.bind(getConsultationVersion, ({ db, params }) => {
    const consultation = findConsultation(db, params.consultationId);
    const version = consultation && readVersion(db, consultation.id, params.versionId, true);
    if (!version) throw problem('not_found', 'No such version');
    return { body: version };
  });

  app.bind(compareConsultationVersions, ({ db, params, query }) => {
    const consultation = findConsultation(db, params.consultationId);
    const to = consultation && readVersion(db, consultation.id, params.versionId);
    if (!consultation || !to) throw problem('not_found', 'No such version');
    const from = readVersion(db, consultation.id, query.against);
    if (!from) throw fieldProblem('/against', 'invalid_value', 'No such version of this text', 'query');
    return { body: diffVersions(from, to) };
  });

  app.bind(getConsultationStats, ({ db, params }) => {
    const consultation = findConsultation(db, params.consultationId);
    if (!consultation) throw problem('not_found', 'No such consultation');
    return { body: consultationStats(db, consultation.id) };
  });

  app.bind(getConsultationSynthesis, ({ db, params }) => {
    const synthesis = readSynthesis(db, params.consultationId);
    if (!synthesis) throw problem('not_found', 'No published synthesis for this consultation');
    return { body: synthesis };
  });

  app.bind(listContributions, ({ db, params, query, auth }) => {
    const consultation = findConsultation(db, params.consultationId);
    if (!consultation) throw problem('not_found', 'No such consultation');
    const state = query.state ?? 'published';
    if (state !== 'published' && !isModerator(auth)) {
      throw problem('forbidden', 'Only moderators see contributions that are not published');
    }
    const params2: SqlValue[] = [consultation.id, state];
    const where = ['consultation_id = ?', 'moderation_state = ?', 'parent_id IS NULL'];
    if (query.articleId) {
      where.push('article_id = ?');
      params2.push(query.articleId);
    }
    for (const part of [inList('kind', query.kind, params2), inList('position', query.position, params2)]) {
      if (part) where.push(part);
    }
    const order =
      query.sort === 'newest' ? 'created_at DESC, seq DESC' : 'supports DESC, created_at DESC, seq DESC';
    const offset = offsetFrom(query.cursor, query.sort);
    const sql = `FROM contributions WHERE ${where.join(' AND ')}`;
    const total = db.get<{ n: number }>(`SELECT COUNT(*) AS n ${sql}`, params2)?.n ?? 0;
    const rows = db.query<ContributionRow>(`SELECT * ${sql} ORDER BY ${order} LIMIT ? OFFSET ?`, [
      ...params2,
      query.limit,
      offset,
    ]);
    const replies = repliesOf(
      db,
      rows.map((r) => r.id),
    );
    const supported = auth
      ? supportedBy(db, `acc:${auth.id}`, [
          ...rows.map((r) => r.id),
          ...[...replies.values()].flat().map((r) => r.id),
        ])
      : undefined;
    const view = supported ? { supported } : {};
    const next = offset + rows.length;
    return {
      body: {
        items: rows.map((row) =>
          toContribution(row, {
            ...view,
            replies: (replies.get(row.id) ?? []).map((reply) => toContribution(reply, view)),
          }),
        ),
        nextCursor: next < total ? encodeCursor({ o: next, s: query.sort }) : null,
        total,
      },
    };
  });

  app.bind(createContribution, ({ db, params, body, auth, now, c }) => {
    const consultation = findConsultation(db, params.consultationId);
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
      const represents =
        associationId !== undefined &&
        auth.memberships.some((m) => m.associationId === associationId && m.role === 'representative');
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
    limitPerHour(db, CONTRIBUTION_LIMIT, participantKey, now);

    let articleId = body.articleId ?? null;
    if (articleId !== null) {
      const current = readVersion(db, consultation.id, consultation.currentVersionId);
      const known = current?.sections.some((s) => s.articles.some((a) => a.id === articleId));
      if (!known) throw fieldProblem('/articleId', 'invalid_value', 'No such article in the current text');
    }
    if (body.parentId !== undefined) {
      const parent = findContributionRow(db, body.parentId);
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
    const seq = nextContributionSeq(db);
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
      });
    } else {
      const id = insertContribution(db, { ...fields, ...(state === 'published' ? { decidedAt: at } : {}) });
      contribution = toContribution(findContributionRow(db, id) as ContributionRow);
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
  });

  app.bind(getContribution, ({ db, params, auth, c }) => {
    const row = visibleRow(db, params.contributionId, auth, deviceHash(c, false));
    return { body: withHistory(db, row, auth) };
  });

  /** A published contribution whose consultation still takes (and gives back) supports. */
  const supportable = (db: Db, contributionId: string): ContributionRow => {
    const row = visibleRow(db, contributionId, null, undefined);
    const consultation = findConsultation(db, row.consultation_id);
    if (consultation?.phase !== 'contributions_open') {
      throw problem('phase_closed', 'Supports are taken while contributions are open');
    }
    return row;
  };

  app.bind(supportContribution, ({ db, params, auth, now }) => {
    const row = supportable(db, params.contributionId);
    if (!addSupport(db, row.id, `acc:${(auth as Account).id}`, toInstant(now))) {
      throw problem('already_supported', 'You already support this contribution');
    }
    const supports = findContributionRow(db, row.id)?.supports ?? 0;
    return { status: 201, body: { contributionId: row.id, supports, supportedByMe: true as const } };
  });

  // Idempotent: withdrawing a support this reader does not give answers the count as it stands, so a
  // stale page or a second tab ends up showing the truth rather than an error.
  app.bind(withdrawSupport, ({ db, params, auth }) => {
    const row = supportable(db, params.contributionId);
    removeSupport(db, row.id, `acc:${(auth as Account).id}`);
    const supports = findContributionRow(db, row.id)?.supports ?? 0;
    return { status: 200, body: { contributionId: row.id, supports, supportedByMe: false as const } };
  });

  app.bind(reportContribution, ({ db, params, body, auth, now, c, requestId }) => {
    const row = visibleRow(db, params.contributionId, null, undefined);
    // Signed out, the reporter is the client's network (an IPv6 /64): made-up device tokens or rotated
    // addresses do not multiply reporters.
    const reporter = auth
      ? `acc:${auth.id}`
      : `ip:${createHash('sha256')
          .update(`nassij-report:${rateKeyOf(app.clientAddress(c))}`)
          .digest('hex')}`;
    const at = toInstant(now);
    db.transaction(() => {
      const known = db.get(
        'SELECT 1 AS found FROM contribution_reports WHERE contribution_id = ? AND reporter_key = ?',
        [row.id, reporter],
      );
      // The same reporter twice counts once; the answer stays 202 so reporting reveals nothing.
      if (known) return;
      limitPerHour(db, REPORT_LIMIT, reporter, now);
      db.run(
        `INSERT INTO contribution_reports (contribution_id, reporter_key, reason, detail, created_at, signed_in)
         VALUES (?, ?, ?, ?, ?, ?)`,
        [row.id, reporter, body.reason, body.detail ?? null, at, auth ? 1 : 0],
      );
      // Every report puts the contribution in the moderators' queue; it stays public meanwhile.
      db.run(
        `UPDATE contributions SET report_count = (SELECT COUNT(*) FROM contribution_reports WHERE contribution_id = ?),
           review_requested_at = COALESCE(review_requested_at, ?) WHERE id = ?`,
        [row.id, at, row.id],
      );
      if (!auth || row.moderation_state !== 'published') return;
      // Only distinct signed-in accounts, each limited per hour, can take it down before a moderator looks.
      const accounts =
        db.get<{ n: number }>(
          'SELECT COUNT(*) AS n FROM contribution_reports WHERE contribution_id = ? AND signed_in = 1 AND reviewed_at IS NULL',
          [row.id],
        )?.n ?? 0;
      if (accounts < REPORTS_BEFORE_REVIEW) return;
      const reason = `Back to moderation after reports from ${accounts} signed-in accounts`;
      db.run("UPDATE contributions SET moderation_state = 'pending' WHERE id = ?", [row.id]);
      addEvent(db, row.id, at, 'reported', reason);
      audit(db, {
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
  });

  app.bind(respondToContribution, ({ db, params, body, auth, now, requestId }) => {
    const row = findContributionRow(db, params.contributionId);
    const consultation = row && findConsultation(db, row.consultation_id);
    if (!row || !consultation) throw problem('not_found', 'No such contribution');
    const actor = (auth as Account).id;
    const at = toInstant(now);
    db.transaction(() => {
      db.run('UPDATE contributions SET official_response = ? WHERE id = ?', [
        JSON.stringify({ body: body.body, respondedAt: at, by: consultation.issuingBody.name }),
        row.id,
      ]);
      addEvent(db, row.id, at, 'responded', undefined, actor);
      audit(db, {
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
    return { body: withHistory(db, findContributionRow(db, row.id) as ContributionRow, auth) };
  });

  app.bind(moderationQueue, ({ db, query }) => {
    // "pending" is what waits for a moderator: contributions not yet published, and published ones with
    // reports no decision covered yet (they stay public until a moderator hides them).
    const where =
      query.state === 'pending'
        ? [
            "(moderation_state = 'pending' OR (moderation_state = 'published' AND review_requested_at IS NOT NULL))",
          ]
        : ['moderation_state = ?'];
    const args: SqlValue[] = query.state === 'pending' ? [] : [query.state];
    if (query.consultationId) {
      where.push('consultation_id = ?');
      args.push(findConsultation(db, query.consultationId)?.id ?? query.consultationId);
    }
    const offset = offsetFrom(query.cursor, query.state);
    const sql = `FROM contributions WHERE ${where.join(' AND ')}`;
    const total = db.get<{ n: number }>(`SELECT COUNT(*) AS n ${sql}`, args)?.n ?? 0;
    // Oldest wait first, so nobody waits for ever; the history shows the reports of each.
    const rows = db.query<ContributionRow>(
      `SELECT * ${sql} ORDER BY COALESCE(review_requested_at, created_at), seq LIMIT ? OFFSET ?`,
      [...args, query.limit, offset],
    );
    const next = offset + rows.length;
    const reports = reportsOf(
      db,
      rows.map((row) => row.id),
    );
    return {
      body: {
        items: rows.map((row) =>
          toContribution(row, { history: historyOf(db, row.id, { reports: reports.get(row.id) ?? [] }) }),
        ),
        nextCursor: next < total ? encodeCursor({ o: next, s: query.state }) : null,
        total,
      },
    };
  });

  app.bind(moderateContribution, ({ db, params, body, auth, now, requestId }) => {
    const row = findContributionRow(db, params.contributionId);
    if (!row) throw problem('not_found', 'No such contribution');
    const actor = (auth as Account).id;
    const at = toInstant(now);
    const state = body.decision === 'publish' ? 'published' : 'hidden';
    db.transaction(() => {
      // The decision covers every report so far: the contribution leaves the queue.
      db.run(
        `UPDATE contributions SET moderation_state = ?, moderation_reason = ?, decided_at = ?, review_requested_at = NULL
         WHERE id = ?`,
        [state, body.reason ?? null, at, row.id],
      );
      const reviewed = db.run(
        'UPDATE contribution_reports SET reviewed_at = ? WHERE contribution_id = ? AND reviewed_at IS NULL',
        [at, row.id],
      ).changes;
      addEvent(db, row.id, at, state, body.reason, actor);
      audit(db, {
        at: now,
        accountId: actor,
        action: 'contribution.moderate',
        targetType: 'contribution',
        targetId: row.id,
        requestId,
        ...(body.reason ? { reason: body.reason } : {}),
        details: {
          decision: body.decision,
          from: row.moderation_state,
          to: state,
          reportsReviewed: reviewed,
        },
      });
    });
    return { body: withHistory(db, findContributionRow(db, row.id) as ContributionRow, auth) };
  });
}
