// SQL ↔ contract objects for consultations and contributions. Other areas may import the read functions.
import {
  type Answer,
  type Article,
  CONSULTATION_PHASES,
  type Consultation,
  type ConsultationPhase,
  type ConsultationSearchQuery,
  type ConsultationStats,
  type ConsultationSummary,
  type Contribution,
  type ContributionAuthor,
  type ContributionEvent,
  type ContributionKind,
  type DocumentVersion,
  type Facets,
  MODERATION_REASON_MAX,
  type OfficialResponse,
  type PageOf,
  type Position,
  type RegionCode,
  type Synthesis,
  type VersionDiff,
} from '@nassij/contract';
import type { Db, SqlValue } from '../../db/db.js';
import { decodeCursor, encodeCursor } from '../../http/cursor.js';
import { problem } from '../../http/problem.js';
import { indexForSearch, searchCondition } from '../../search/search.js';

/** A cursor that decodes but holds no usable offset. */
export function badCursor() {
  return problem('validation_failed', 'The cursor is not one this server issued', {
    errors: [{ path: '/cursor', in: 'query', code: 'invalid', message: 'Unknown or damaged cursor' }],
  });
}

/** A consultation as stored: the contract object without what is computed on read. */
export type StoredConsultation = Omit<Consultation, 'text' | 'stats' | 'synthesis'>;

/** What {@link insertConsultation} needs: the consultation, its versions in order, and its synthesis if any. */
export interface NewConsultation {
  consultation: StoredConsultation;
  createdAt: string;
  /** Versions oldest first; `changed` markers and counts are computed, not given. */
  versions: DocumentVersion[];
  synthesis?: Synthesis;
}

interface ConsultationRow {
  id: string;
  reference: string;
  phase: ConsultationPhase;
  current_version_id: string;
  participation_mode: string;
  synthesis: string | null;
  data: string;
}

/** A contribution row as stored; private columns never leave {@link toContribution}. */
export interface ContributionRow {
  id: string;
  seq: number;
  consultation_id: string;
  article_id: string | null;
  parent_id: string | null;
  kind: ContributionKind;
  body: string;
  proposed_text: string | null;
  question_id: string | null;
  answer: string | null;
  position: Position | null;
  author: string;
  participant_type: string;
  region: string | null;
  participant_key: string;
  account_id: string | null;
  device_hash: string | null;
  created_at: string;
  edited_at: string | null;
  moderation_state: 'pending' | 'published' | 'hidden';
  moderation_reason: string | null;
  decided_at: string | null;
  supports: number;
  report_count: number;
  official_response: string | null;
  /** Set while a published contribution has reports no moderator's decision covered yet. */
  review_requested_at: string | null;
}

const PHASE_RANK: Record<ConsultationPhase, number> = {
  contributions_open: 0,
  information: 1,
  upcoming: 2,
  closed: 3,
  synthesis_published: 4,
};

function json<T>(text: string): T {
  return JSON.parse(text) as T;
}

function articlesOf(version: DocumentVersion): Article[] {
  return version.sections.flatMap((section) => section.articles);
}

function sameText(a: Article, b: Article): boolean {
  return JSON.stringify([a.heading, a.body]) === JSON.stringify([b.heading, b.body]);
}

/**
 * Stores a consultation with its versions (marking each article `added`, `modified` or `unchanged`
 * against the previous version), its questions, and indexes it for search.
 *
 * @example
 * ```ts
 * insertConsultation(db, { consultation, createdAt: '2026-03-01T09:00:00Z', versions: [v1, v2] });
 * ```
 */
export function insertConsultation(db: Db, input: NewConsultation): void {
  const { consultation: c, versions } = input;
  const open = c.phases.find((p) => p.phase === 'contributions_open');
  db.transaction(() => {
    db.run(
      `INSERT INTO consultations (id, reference, phase, phase_rank, scope, region, subject_type, participation_mode,
        issuing_sector, contributions_open_at, contributions_close_at, created_at, current_version_id, synthesis, data)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        c.id,
        c.reference,
        c.phase,
        PHASE_RANK[c.phase],
        c.scope,
        c.region ?? null,
        c.subjectType,
        c.participationMode,
        c.issuingBody.sectorCode,
        open?.period.start ?? null,
        open?.period.end ?? null,
        input.createdAt,
        c.currentVersionId,
        input.synthesis ? JSON.stringify(input.synthesis) : null,
        JSON.stringify(c),
      ],
    );
    let previous: Map<string, Article> | undefined;
    versions.forEach((version, position) => {
      const marked: DocumentVersion = {
        ...version,
        sections: version.sections.map((section) => ({
          ...section,
          articles: section.articles.map((article) => {
            const { contributionCount: _count, changed: _changed, ...bare } = article;
            if (!previous) return bare;
            const before = previous.get(article.id);
            return {
              ...bare,
              changed: !before ? 'added' : sameText(before, article) ? 'unchanged' : 'modified',
            } satisfies Article;
          }),
        })),
      };
      db.run(
        'INSERT INTO consultation_versions (consultation_id, id, position, published_at, data) VALUES (?, ?, ?, ?, ?)',
        [c.id, version.id, position, version.publishedAt, JSON.stringify(marked)],
      );
      for (const article of articlesOf(version)) {
        db.run(
          `INSERT INTO consultation_articles (consultation_id, id, first_version_id, last_version_id) VALUES (?, ?, ?, ?)
           ON CONFLICT (consultation_id, id) DO UPDATE SET last_version_id = excluded.last_version_id`,
          [c.id, article.id, version.id, version.id],
        );
      }
      previous = new Map(articlesOf(version).map((a) => [a.id, a]));
    });
    c.questions.forEach((question, position) => {
      db.run(
        'INSERT INTO consultation_questions (consultation_id, id, position, kind, data) VALUES (?, ?, ?, ?, ?)',
        [c.id, question.id, position, question.kind, JSON.stringify(question)],
      );
    });
    const current = versions.find((v) => v.id === c.currentVersionId);
    indexForSearch(db, 'consultation', c.id, [
      c.reference,
      c.title,
      c.summary,
      c.issuingBody.name,
      ...(current ? current.sections.map((s) => s.heading) : []),
    ]);
  });
}

function findRow(db: Db, idOrReference: string): ConsultationRow | undefined {
  return db.get<ConsultationRow>(
    'SELECT id, reference, phase, current_version_id, participation_mode, synthesis, data FROM consultations WHERE id = ? OR reference = ?',
    [idOrReference, idOrReference],
  );
}

/**
 * The stored consultation (without text, stats or synthesis), by id or public reference.
 *
 * @example
 * ```ts
 * findConsultation(db, 'MA-CONS-2026-0001')?.participationMode; // 'open'
 * ```
 */
export function findConsultation(db: Db, idOrReference: string): StoredConsultation | undefined {
  const row = findRow(db, idOrReference);
  return row ? json<StoredConsultation>(row.data) : undefined;
}

/** The headline figures of a consultation, from its published contributions. */
export interface ConsultationTotals {
  participants: number;
  contributions: number;
  recommendations: number;
  supports: number;
}

const PUBLISHED_OF = "consultation_id = ? AND moderation_state = 'published'";

/**
 * The headline figures of a consultation, counted from its published contributions: the API's stats and
 * the open-data export both read them here, so the two never disagree.
 *
 * @example
 * ```ts
 * consultationTotals(db, 'cons_0001').recommendations; // 3
 * ```
 */
export function consultationTotals(db: Db, consultationId: string): ConsultationTotals {
  return (
    db.get<ConsultationTotals>(
      `SELECT COUNT(DISTINCT participant_key) AS participants, COUNT(*) AS contributions,
         COALESCE(SUM(CASE WHEN kind = 'recommendation' THEN 1 ELSE 0 END), 0) AS recommendations,
         COALESCE(SUM(supports), 0) AS supports
       FROM contributions WHERE ${PUBLISHED_OF}`,
      [consultationId],
    ) ?? { participants: 0, contributions: 0, recommendations: 0, supports: 0 }
  );
}

/**
 * Participation figures computed from the published contributions (never stored by hand). A participant
 * is an account, a device, or a seeded person, counted once.
 *
 * @example
 * ```ts
 * consultationStats(db, 'cons_0001').participants; // 23
 * ```
 */
export function consultationStats(db: Db, consultationId: string): ConsultationStats {
  const where = PUBLISHED_OF;
  const totals = consultationTotals(db, consultationId);
  const byRegion = db.query<{ region: RegionCode; participants: number; contributions: number }>(
    `SELECT region, COUNT(DISTINCT participant_key) AS participants, COUNT(*) AS contributions
     FROM contributions WHERE ${where} AND region IS NOT NULL GROUP BY region ORDER BY region`,
    [consultationId],
  );
  const byType = db.query<{ type: 'citizen' | 'association'; participants: number; contributions: number }>(
    `SELECT participant_type AS type, COUNT(DISTINCT participant_key) AS participants, COUNT(*) AS contributions
     FROM contributions WHERE ${where} GROUP BY participant_type ORDER BY participant_type`,
    [consultationId],
  );
  return {
    participants: totals.participants,
    contributions: totals.contributions,
    recommendations: totals.recommendations,
    supports: totals.supports,
    byRegion: byRegion.map((r) => ({
      region: r.region,
      participants: r.participants,
      contributions: r.contributions,
    })),
    byParticipantType: byType.map((r) => ({
      type: r.type,
      participants: r.participants,
      contributions: r.contributions,
    })),
  };
}

/**
 * One version of a consultation's text; with `counts`, each article carries its number of published
 * contributions (the count follows the stable article id across versions).
 *
 * @example
 * ```ts
 * readVersion(db, 'cons_0001', 'v2', true)?.sections[0]?.articles[0]?.contributionCount;
 * ```
 */
export function readVersion(
  db: Db,
  consultationId: string,
  versionId: string,
  counts = false,
): DocumentVersion | undefined {
  const row = db.get<{ data: string }>(
    'SELECT data FROM consultation_versions WHERE consultation_id = ? AND id = ?',
    [consultationId, versionId],
  );
  if (!row) return undefined;
  const version = json<DocumentVersion>(row.data);
  if (!counts) return version;
  const perArticle = new Map(
    db
      .query<{ article_id: string; n: number }>(
        `SELECT article_id, COUNT(*) AS n FROM contributions
         WHERE consultation_id = ? AND moderation_state = 'published' AND article_id IS NOT NULL GROUP BY article_id`,
        [consultationId],
      )
      .map((r) => [r.article_id, r.n]),
  );
  return {
    ...version,
    sections: version.sections.map((section) => ({
      ...section,
      articles: section.articles.map((article) => ({
        ...article,
        contributionCount: perArticle.get(article.id) ?? 0,
      })),
    })),
  };
}

/**
 * The published synthesis, or `undefined` until the consultation reaches `synthesis_published`.
 *
 * @example
 * ```ts
 * readSynthesis(db, 'cons_0007')?.recommendations.length;
 * ```
 */
export function readSynthesis(db: Db, idOrReference: string): Synthesis | undefined {
  const row = findRow(db, idOrReference);
  if (row?.phase !== 'synthesis_published' || !row.synthesis) return undefined;
  return json<Synthesis>(row.synthesis);
}

/**
 * A whole consultation as the detail route shows it: current text with per-article counts, computed
 * stats, and the synthesis once published.
 *
 * @example
 * ```ts
 * readConsultation(db, 'cons_0001')?.text?.sections.length; // 4
 * ```
 */
export function readConsultation(db: Db, idOrReference: string): Consultation | undefined {
  const row = findRow(db, idOrReference);
  if (!row) return undefined;
  const stored = json<StoredConsultation>(row.data);
  const text = readVersion(db, row.id, row.current_version_id, true);
  const synthesis = readSynthesis(db, row.id);
  return {
    ...stored,
    ...(text ? { text } : {}),
    stats: consultationStats(db, row.id),
    ...(synthesis ? { synthesis } : {}),
  };
}

/**
 * Compares two versions article by article (stable ids make it exact). Articles follow the newer
 * version's order; a removed article is placed after the article that preceded it in the older one.
 *
 * @example
 * ```ts
 * diffVersions(v1, v2).articles.filter((a) => a.change === 'removed');
 * ```
 */
export function diffVersions(from: DocumentVersion, to: DocumentVersion): VersionDiff {
  const before = articlesOf(from);
  const after = articlesOf(to);
  const beforeById = new Map(before.map((a) => [a.id, a]));
  const afterIds = new Set(after.map((a) => a.id));
  const out: VersionDiff['articles'] = [];
  const removedAfter = new Map<string | null, Article[]>();
  let previousId: string | null = null;
  for (const article of before) {
    if (!afterIds.has(article.id)) {
      const list = removedAfter.get(previousId) ?? [];
      list.push(article);
      removedAfter.set(previousId, list);
    } else previousId = article.id;
  }
  const pushRemoved = (key: string | null) => {
    for (const gone of removedAfter.get(key) ?? []) {
      out.push({ articleId: gone.id, number: gone.number, change: 'removed', before: gone.body });
    }
  };
  pushRemoved(null);
  for (const article of after) {
    const old = beforeById.get(article.id);
    if (!old)
      out.push({ articleId: article.id, number: article.number, change: 'added', after: article.body });
    else if (sameText(old, article)) {
      out.push({ articleId: article.id, number: article.number, change: 'unchanged', after: article.body });
    } else {
      out.push({
        articleId: article.id,
        number: article.number,
        change: 'modified',
        before: old.body,
        after: article.body,
      });
    }
    pushRemoved(article.id);
  }
  return { consultationId: from.consultationId, fromVersionId: from.id, toVersionId: to.id, articles: out };
}

type FacetName = 'phase' | 'region' | 'subjectType' | 'scope' | 'issuingBody';

const FACET_COLUMNS: Record<FacetName, string> = {
  phase: 'phase',
  region: 'region',
  subjectType: 'subject_type',
  scope: 'scope',
  issuingBody: 'issuing_sector',
};

function summaryOf(db: Db, row: { id: string; data: string }): ConsultationSummary {
  const c = json<StoredConsultation>(row.data);
  const stats = consultationStats(db, row.id);
  const open = c.phases.find((p) => p.phase === 'contributions_open');
  return {
    id: c.id,
    reference: c.reference,
    title: c.title,
    summary: c.summary,
    issuingBody: c.issuingBody,
    scope: c.scope,
    ...(c.region ? { region: c.region } : {}),
    subjectType: c.subjectType,
    participationMode: c.participationMode,
    phase: c.phase,
    ...(open?.period.end ? { contributionsClose: { at: open.period.end, timeZone: open.timeZone } } : {}),
    participants: stats.participants,
    contributions: stats.contributions,
    domains: c.domains,
  };
}

/**
 * Searches consultations: full text plus filters, open consultations first, with facets whose counts
 * apply every filter except their own.
 *
 * @example
 * ```ts
 * searchConsultationsPage(db, { phase: ['contributions_open'], limit: 20 }).facets?.region;
 * ```
 */
export function searchConsultationsPage(db: Db, query: ConsultationSearchQuery): PageOf<ConsultationSummary> {
  const match = searchCondition('consultation', 'id', query.q);
  const filters: Record<FacetName, readonly string[] | undefined> = {
    phase: query.phase,
    region: query.region,
    subjectType: query.subjectType,
    scope: query.scope,
    issuingBody: query.issuingBody,
  };
  const where = (except?: FacetName): { sql: string; params: SqlValue[] } => {
    const parts: string[] = [];
    const params: SqlValue[] = [];
    if (match) {
      parts.push(match.sql);
      params.push(...match.params);
    }
    for (const [name, values] of Object.entries(filters) as [FacetName, readonly string[] | undefined][]) {
      if (name === except || !values || values.length === 0) continue;
      parts.push(`${FACET_COLUMNS[name]} IN (${values.map(() => '?').join(', ')})`);
      params.push(...values);
    }
    return { sql: parts.length ? `WHERE ${parts.join(' AND ')}` : '', params };
  };
  const offset = query.cursor ? Number(decodeCursor(query.cursor, ['o']).o) : 0;
  if (!Number.isInteger(offset) || offset < 0) throw badCursor();
  const all = where();
  const total =
    db.get<{ n: number }>(`SELECT COUNT(*) AS n FROM consultations ${all.sql}`, all.params)?.n ?? 0;
  const rows = db.query<{ id: string; data: string }>(
    `SELECT id, data FROM consultations ${all.sql} ORDER BY phase_rank, created_at DESC, id LIMIT ? OFFSET ?`,
    [...all.params, query.limit, offset],
  );
  const facets: Facets = {};
  for (const name of Object.keys(FACET_COLUMNS) as FacetName[]) {
    const w = where(name);
    const column = FACET_COLUMNS[name];
    const extra = w.sql ? `${w.sql} AND ${column} IS NOT NULL` : `WHERE ${column} IS NOT NULL`;
    const counts = db.query<{ value: string; count: number }>(
      `SELECT ${column} AS value, COUNT(*) AS count FROM consultations ${extra} GROUP BY ${column} ORDER BY count DESC, value`,
      w.params,
    );
    facets[name] =
      name === 'phase'
        ? counts.sort(
            (a, b) =>
              CONSULTATION_PHASES.indexOf(a.value as never) - CONSULTATION_PHASES.indexOf(b.value as never),
          )
        : counts;
  }
  const next = offset + rows.length;
  return {
    items: rows.map((row) => summaryOf(db, row)),
    nextCursor: next < total ? encodeCursor({ o: next }) : null,
    total,
    facets,
  };
}

// ---------------------------------------------------------------------------------------------------
// Contributions

/**
 * The next contribution number (never reused, also burnt by honeypot submissions so that fake and real
 * receipts look alike).
 *
 * @example
 * ```ts
 * const seq = nextContributionSeq(db); // 42
 * ```
 */
export function nextContributionSeq(db: Db): number {
  return db.transaction(() => {
    db.run(
      `INSERT INTO contribution_sequence (name, value) VALUES ('contribution', 1)
       ON CONFLICT (name) DO UPDATE SET value = contribution_sequence.value + 1`,
    );
    return db.get<{ value: number }>("SELECT value FROM contribution_sequence WHERE name = 'contribution'")
      ?.value as number;
  });
}

/** The public id of contribution number `seq`. */
export function contributionId(seq: number): string {
  return `ctb_${String(seq).padStart(6, '0')}`;
}

/** The receipt number a contributor quotes: `MA-CTB-<year>-<seq>`. */
export function receiptNumber(seq: number, at: string): string {
  return `MA-CTB-${at.slice(0, 4)}-${String(seq).padStart(6, '0')}`;
}

/** What {@link insertContribution} stores. */
export interface NewContribution {
  seq: number;
  consultationId: string;
  articleId: string | null;
  parentId?: string | undefined;
  kind: ContributionKind;
  body: string;
  proposedText?: string | undefined;
  questionId?: string | undefined;
  answer?: Answer | undefined;
  position?: Position | undefined;
  author: ContributionAuthor;
  /** Who participates, for counting participants and rate limits: `acc:…`, `dev:…` or `seed:…`. */
  participantKey: string;
  accountId?: string | null;
  deviceHash?: string | null;
  createdAt: string;
  state: 'pending' | 'published' | 'hidden';
  reason?: string | undefined;
  decidedAt?: string | undefined;
  officialResponse?: OfficialResponse | undefined;
}

/**
 * Stores a contribution and its `created` event (plus `published`/`hidden` when decided at once).
 *
 * @example
 * ```ts
 * insertContribution(db, { seq, consultationId: 'cons_0001', articleId: 'art-3', kind: 'comment', … });
 * ```
 */
export function insertContribution(db: Db, c: NewContribution): string {
  const id = contributionId(c.seq);
  db.transaction(() => {
    db.run(
      `INSERT INTO contributions (id, seq, consultation_id, article_id, parent_id, kind, body, proposed_text, question_id,
        answer, position, author, participant_type, region, participant_key, account_id, device_hash, created_at,
        moderation_state, moderation_reason, decided_at, official_response)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        id,
        c.seq,
        c.consultationId,
        c.articleId,
        c.parentId ?? null,
        c.kind,
        c.body,
        c.proposedText ?? null,
        c.questionId ?? null,
        c.answer === undefined ? null : JSON.stringify(c.answer),
        c.position ?? null,
        JSON.stringify(c.author),
        c.author.participantType,
        c.author.region ?? null,
        c.participantKey,
        c.accountId ?? null,
        c.deviceHash ?? null,
        c.createdAt,
        c.state,
        c.reason ?? null,
        c.decidedAt ?? null,
        c.officialResponse ? JSON.stringify(c.officialResponse) : null,
      ],
    );
    addEvent(db, id, c.createdAt, 'created');
    if (c.state !== 'pending' && c.decidedAt) {
      addEvent(db, id, c.decidedAt, c.state === 'published' ? 'published' : 'hidden', c.reason);
    }
    if (c.officialResponse) addEvent(db, id, c.officialResponse.respondedAt, 'responded');
  });
  return id;
}

/**
 * Appends an event to a contribution's history; `actorId` is the account that decided (a moderator, the
 * official responder), kept for the record and never shown to the public.
 *
 * @example
 * ```ts
 * addEvent(db, 'ctb_000001', '2026-03-05T10:00:00Z', 'hidden', 'Données personnelles', moderator.id);
 * ```
 */
export function addEvent(
  db: Db,
  id: string,
  at: string,
  action: ContributionEvent['action'],
  reason?: string,
  actorId?: string,
): void {
  const seq =
    (db.get<{ n: number }>(
      'SELECT COALESCE(MAX(seq), 0) AS n FROM contribution_history WHERE contribution_id = ?',
      [id],
    )?.n ?? 0) + 1;
  db.run(
    'INSERT INTO contribution_history (contribution_id, seq, at, action, reason, actor_id) VALUES (?, ?, ?, ?, ?, ?)',
    [id, seq, at, action, reason ?? null, actorId ?? null],
  );
}

/**
 * Adds a support (unique per supporter) and keeps the denormalised count in step; `false` when this
 * supporter already supported it.
 *
 * @example
 * ```ts
 * addSupport(db, 'ctb_000001', 'acc:acc_0001', now); // true, then false
 * ```
 */
export function addSupport(db: Db, id: string, supporterKey: string, at: string): boolean {
  return db.transaction(() => {
    const inserted = db.run(
      'INSERT INTO contribution_supports (contribution_id, supporter_key, created_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING',
      [id, supporterKey, at],
    );
    if (inserted.changes === 0) return false;
    db.run(
      'UPDATE contributions SET supports = (SELECT COUNT(*) FROM contribution_supports WHERE contribution_id = ?) WHERE id = ?',
      [id, id],
    );
    return true;
  });
}

/**
 * Removes this supporter's support, if any, and keeps the denormalised count in step; `false` when there was
 * none to remove.
 *
 * @example
 * ```ts
 * removeSupport(db, 'ctb_000001', 'acc:acc_0001'); // true, then false
 * ```
 */
export function removeSupport(db: Db, id: string, supporterKey: string): boolean {
  return db.transaction(() => {
    const removed = db.run(
      'DELETE FROM contribution_supports WHERE contribution_id = ? AND supporter_key = ?',
      [id, supporterKey],
    );
    if (removed.changes === 0) return false;
    db.run(
      'UPDATE contributions SET supports = (SELECT COUNT(*) FROM contribution_supports WHERE contribution_id = ?) WHERE id = ?',
      [id, id],
    );
    return true;
  });
}

/**
 * One contribution row by id (private columns included; for the server only).
 *
 * @example
 * ```ts
 * findContributionRow(db, 'ctb_000001')?.moderation_state;
 * ```
 */
export function findContributionRow(db: Db, id: string): ContributionRow | undefined {
  return db.get<ContributionRow>('SELECT * FROM contributions WHERE id = ?', [id]);
}

/** How a report reads in a moderator's history: its reason, whether signed in, and the reporter's words. */
export function reportReason(reason: string, signedIn: boolean, detail: string | null): string {
  const text = `${reason} · ${signedIn ? 'signed in' : 'anonymous'}${detail ? ` · ${detail}` : ''}`;
  return text.length > MODERATION_REASON_MAX ? `${text.slice(0, MODERATION_REASON_MAX - 1)}…` : text;
}

/**
 * The reports of contributions as moderators read them in a history (see {@link historyOf}), by contribution
 * id, oldest first: one query for a page.
 *
 * @example
 * ```ts
 * const reports = reportsOf(db, rows.map((row) => row.id));
 * ```
 */
export function reportsOf(db: Db, ids: readonly string[]): Map<string, ContributionEvent[]> {
  const byId = new Map<string, ContributionEvent[]>();
  if (ids.length === 0) return byId;
  const rows = db.query<{
    contribution_id: string;
    at: string;
    reason: string;
    signed_in: number;
    detail: string | null;
  }>(
    `SELECT contribution_id, created_at AS at, reason, signed_in, detail FROM contribution_reports
     WHERE contribution_id IN (${ids.map(() => '?').join(', ')}) ORDER BY created_at, rowid`,
    [...ids],
  );
  for (const r of rows) {
    const list = byId.get(r.contribution_id) ?? [];
    list.push({ at: r.at, action: 'reported', reason: reportReason(r.reason, r.signed_in === 1, r.detail) });
    byId.set(r.contribution_id, list);
  }
  return byId;
}

/**
 * The history of a contribution, oldest first. With `reports` (for moderators), every report is an event
 * `reported` whose reason reads `<reason> · signed in|anonymous · <detail>`: when, why and whether the
 * reporter was signed in, never who. `reports` may be the contribution's reports already read (a page's,
 * by {@link reportsOf}) rather than `true`.
 *
 * @example
 * ```ts
 * historyOf(db, 'ctb_000001', { reports: true }).filter((e) => e.action === 'reported');
 * ```
 */
export function historyOf(
  db: Db,
  id: string,
  options: { reports?: boolean | readonly ContributionEvent[] } = {},
): ContributionEvent[] {
  const events = db
    .query<{ at: string; action: ContributionEvent['action']; reason: string | null }>(
      'SELECT at, action, reason FROM contribution_history WHERE contribution_id = ? ORDER BY seq',
      [id],
    )
    .map(
      (e): ContributionEvent => ({ at: e.at, action: e.action, ...(e.reason ? { reason: e.reason } : {}) }),
    );
  if (!options.reports) return events;
  const reports = options.reports === true ? (reportsOf(db, [id]).get(id) ?? []) : options.reports;
  // A stable merge by instant: on a tie the recorded event comes first.
  const merged: ContributionEvent[] = [];
  let j = 0;
  for (const event of events) {
    while (j < reports.length && (reports[j] as ContributionEvent).at < event.at)
      merged.push(reports[j++] as ContributionEvent);
    merged.push(event);
  }
  return [...merged, ...reports.slice(j)];
}

/** Options of {@link toContribution}. */
export interface ContributionView {
  /** Ids the caller supports; when given, `supportedByMe` is set. */
  supported?: ReadonlySet<string>;
  history?: ContributionEvent[];
  replies?: Contribution[];
}

/**
 * The public shape of a contribution row: never an account id, device hash or e-mail.
 *
 * @example
 * ```ts
 * const contribution = toContribution(row, { supported: new Set() });
 * ```
 */
export function toContribution(row: ContributionRow, view: ContributionView = {}): Contribution {
  return {
    id: row.id,
    consultationId: row.consultation_id,
    articleId: row.article_id,
    ...(row.parent_id ? { parentId: row.parent_id } : {}),
    kind: row.kind,
    body: row.body,
    ...(row.proposed_text !== null ? { proposedText: row.proposed_text } : {}),
    ...(row.question_id !== null ? { questionId: row.question_id } : {}),
    ...(row.answer !== null ? { answer: json<Answer>(row.answer) } : {}),
    ...(row.position !== null ? { position: row.position } : {}),
    author: json<ContributionAuthor>(row.author),
    createdAt: row.created_at,
    ...(row.edited_at ? { editedAt: row.edited_at } : {}),
    moderation: {
      state: row.moderation_state,
      ...(row.moderation_reason ? { reason: row.moderation_reason } : {}),
      ...(row.decided_at ? { decidedAt: row.decided_at } : {}),
    },
    supports: row.supports,
    ...(view.supported ? { supportedByMe: view.supported.has(row.id) } : {}),
    ...(row.official_response ? { officialResponse: json<OfficialResponse>(row.official_response) } : {}),
    ...(view.history ? { history: view.history } : {}),
    ...(view.replies ? { replies: view.replies } : {}),
  };
}

/**
 * Which of `ids` the supporter supports.
 *
 * @example
 * ```ts
 * supportedBy(db, 'acc:acc_0001', ['ctb_000001']).has('ctb_000001');
 * ```
 */
export function supportedBy(db: Db, supporterKey: string, ids: readonly string[]): Set<string> {
  if (ids.length === 0) return new Set();
  return new Set(
    db
      .query<{ contribution_id: string }>(
        `SELECT contribution_id FROM contribution_supports WHERE supporter_key = ? AND contribution_id IN (${ids
          .map(() => '?')
          .join(', ')})`,
        [supporterKey, ...ids],
      )
      .map((r) => r.contribution_id),
  );
}

/**
 * Published replies of the given contributions, grouped by parent, oldest first.
 *
 * @example
 * ```ts
 * repliesOf(db, ['ctb_000001']).get('ctb_000001')?.length;
 * ```
 */
export function repliesOf(db: Db, parentIds: readonly string[]): Map<string, ContributionRow[]> {
  const out = new Map<string, ContributionRow[]>();
  if (parentIds.length === 0) return out;
  const rows = db.query<ContributionRow>(
    `SELECT * FROM contributions WHERE moderation_state = 'published' AND parent_id IN (${parentIds
      .map(() => '?')
      .join(', ')}) ORDER BY created_at, seq`,
    [...parentIds],
  );
  for (const row of rows) {
    const key = row.parent_id as string;
    out.set(key, [...(out.get(key) ?? []), row]);
  }
  return out;
}
