// SQL ↔ contract objects for consultations and contributions. Other areas may import the read functions.
import {
  type Answer,
  type Article,
  CONSULTATION_PHASES,
  type Consultation,
  type ConsultationClosure,
  type ConsultationPhase,
  type ConsultationPhaseDates,
  type ConsultationSearchQuery,
  type ConsultationStats,
  type ConsultationSummary,
  type Contribution,
  type ContributionAuthor,
  type ContributionEvent,
  type ContributionKind,
  type ContributionListQuery,
  type ContributionRepliesQuery,
  type DocumentVersion,
  EMBEDDED_REPLIES_MAX,
  type Facets,
  MODERATION_REASON_MAX,
  type ModerationQueueQuery,
  type OfficialResponse,
  type PageOf,
  type Position,
  type Synthesis,
  type VersionDiff,
} from '@nassij/contract';
import type { Db, SqlValue } from '../../db/db.js';
import { cachedFigure } from '../../db/versioned-cache.js';
import {
  encodeKeysetCursor,
  type Keyset,
  keysetClause,
  keysetPage,
  orderByClause,
  readKeysetCursor,
} from '../../http/cursor.js';
import { problem } from '../../http/problem.js';
import { indexForSearch, searchCondition } from '../../search/search.js';
import {
  consultationFigures,
  countParticipation,
  type Participation,
  type ParticipationColumns,
  participationOf,
  recountParticipation,
} from './participation.js';

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
  /** JSON `{at, reason}` when contributions closed early (the authoring area writes it). */
  closure?: string | null;
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
  /**
   * The version of the text current when it was written (migration `045_contribution_versions`). Optional
   * here only because a row built in memory (the honeypot's pretend answer) may not know it.
   */
  version_id?: string | null;
}

const PHASE_RANK: Record<ConsultationPhase, number> = {
  contributions_open: 0,
  information: 1,
  upcoming: 2,
  closed: 3,
  synthesis_published: 4,
};

/** Where a consultation's phases start, as the `consultations` columns keep them for SQL. */
function phaseStarts(phases: readonly ConsultationPhaseDates[]): {
  information?: string;
  open?: string;
  close?: string;
} {
  const start = (name: ConsultationPhase) => phases.find((p) => p.phase === name)?.period.start;
  const open = phases.find((p) => p.phase === 'contributions_open');
  const information = start('information');
  const close = open?.period.end ?? start('closed');
  return {
    ...(information ? { information } : {}),
    ...(open ? { open: open.period.start } : {}),
    ...(close ? { close } : {}),
  };
}

/**
 * The phase of a consultation at `now`, from its phase dates: `synthesis_published` once its synthesis is
 * published, `closed` from the end of contributions, `contributions_open` from their start, `information`
 * from the information phase's start, `upcoming` before. The stored `phase` is what it was when written;
 * every read goes through this (or {@link consultationPhaseSql}, its SQL twin), so phases move with the clock.
 *
 * @example
 * ```ts
 * consultationPhaseAt(consultation.phases, false, now); // 'contributions_open'
 * ```
 */
export function consultationPhaseAt(
  phases: readonly ConsultationPhaseDates[],
  synthesisPublished: boolean,
  now: Date,
): ConsultationPhase {
  if (synthesisPublished) return 'synthesis_published';
  const at = now.toISOString();
  const starts = phaseStarts(phases);
  if (starts.close !== undefined && starts.close <= at) return 'closed';
  if (starts.open !== undefined && starts.open <= at) return 'contributions_open';
  if (starts.information !== undefined && starts.information <= at) return 'information';
  return 'upcoming';
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** `now` as a SQL literal (checked: it is built from a Date, never from input). */
function instantLiteral(now: Date): string {
  const text = now.toISOString();
  if (!ISO_INSTANT.test(text)) throw new Error(`Not an instant: ${text}`);
  return `'${text}'`;
}

/**
 * The SQL twin of {@link consultationPhaseAt} over the `consultations` columns (optionally of alias `t`):
 * what lists filter, count and sort by, so that a consultation whose dates passed is listed in its phase
 * of now, not the one stored when it was written.
 *
 * @example
 * ```ts
 * await db.all(`SELECT id, ${consultationPhaseSql(now)} AS phase FROM consultations`);
 * ```
 */
export function consultationPhaseSql(now: Date, alias = ''): string {
  const at = instantLiteral(now);
  const t = alias ? `${alias}.` : '';
  return `(CASE WHEN ${t}synthesis IS NOT NULL THEN 'synthesis_published'
    WHEN ${t}contributions_close_at <= ${at} THEN 'closed'
    WHEN ${t}contributions_open_at <= ${at} THEN 'contributions_open'
    WHEN ${t}information_at <= ${at} THEN 'information' ELSE 'upcoming' END)`;
}

/** {@link PHASE_RANK} of {@link consultationPhaseSql}: open consultations first. */
function phaseRankSql(now: Date): string {
  return `(CASE ${consultationPhaseSql(now)} ${Object.entries(PHASE_RANK)
    .map(([phase, rank]) => `WHEN '${phase}' THEN ${rank}`)
    .join(' ')} END)`;
}

/** The next instant at which the clock alone changes a phase (a cached list or detail is good until then). */
async function nextPhaseBoundary(db: Db, now: Date, consultationId?: string): Promise<string> {
  const at = now.toISOString();
  const one = consultationId ? 'AND id = ?' : '';
  const params = consultationId ? [at, consultationId] : [at];
  const next = await db.one<{ t: string | null }>(
    `SELECT MIN(t) AS t FROM (
       SELECT MIN(information_at) AS t FROM consultations WHERE synthesis IS NULL AND information_at > ? ${one}
       UNION ALL SELECT MIN(contributions_open_at) FROM consultations WHERE synthesis IS NULL AND contributions_open_at > ? ${one}
       UNION ALL SELECT MIN(contributions_close_at) FROM consultations WHERE synthesis IS NULL AND contributions_close_at > ? ${one}
     ) x`,
    [...params, ...params, ...params],
  );
  return next?.t ?? '9999';
}

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
export async function insertConsultation(db: Db, input: NewConsultation): Promise<void> {
  const { consultation: c, versions } = input;
  const starts = phaseStarts(c.phases);
  await db.atomic(async () => {
    await db.write(
      `INSERT INTO consultations (id, reference, phase, phase_rank, scope, region, subject_type, participation_mode,
        issuing_sector, contributions_open_at, contributions_close_at, created_at, current_version_id, synthesis, data,
        information_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
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
        starts.open ?? null,
        starts.close ?? null,
        input.createdAt,
        c.currentVersionId,
        input.synthesis ? JSON.stringify(input.synthesis) : null,
        JSON.stringify(c),
        starts.information ?? null,
      ],
    );
    let previous: Map<string, Article> | undefined;
    for (const [position, version] of versions.entries()) {
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
      await db.write(
        'INSERT INTO consultation_versions (consultation_id, id, position, published_at, data) VALUES (?, ?, ?, ?, ?)',
        [c.id, version.id, position, version.publishedAt, JSON.stringify(marked)],
      );
      for (const article of articlesOf(version)) {
        await db.write(
          `INSERT INTO consultation_articles (consultation_id, id, first_version_id, last_version_id) VALUES (?, ?, ?, ?)
           ON CONFLICT (consultation_id, id) DO UPDATE SET last_version_id = excluded.last_version_id`,
          [c.id, article.id, version.id, version.id],
        );
      }
      previous = new Map(articlesOf(version).map((a) => [a.id, a]));
    }
    for (const [position, question] of c.questions.entries()) {
      await db.write(
        'INSERT INTO consultation_questions (consultation_id, id, position, kind, data) VALUES (?, ?, ?, ?, ?)',
        [c.id, question.id, position, question.kind, JSON.stringify(question)],
      );
    }
    const current = versions.find((v) => v.id === c.currentVersionId);
    await indexForSearch(db, 'consultation', c.id, [
      c.reference,
      c.title,
      c.summary,
      c.issuingBody.name,
      ...(current ? current.sections.map((s) => s.heading) : []),
    ]);
  });
}

async function findRow(db: Db, idOrReference: string): Promise<ConsultationRow | undefined> {
  return await db.one<ConsultationRow>(
    'SELECT id, reference, phase, current_version_id, participation_mode, synthesis, closure, data FROM consultations WHERE id = ? OR reference = ?',
    [idOrReference, idOrReference],
  );
}

/**
 * The stored consultation (without text, stats or synthesis), by id or public reference, its `phase` the
 * one at `now` ({@link consultationPhaseAt}): pass the request's clock.
 *
 * @example
 * ```ts
 * (await findConsultation(db, 'MA-CONS-2026-0001', now))?.phase; // 'contributions_open'
 * ```
 */
export async function findConsultation(
  db: Db,
  idOrReference: string,
  now: Date = new Date(),
): Promise<StoredConsultation | undefined> {
  const row = await findRow(db, idOrReference);
  return row ? storedAt(row, now) : undefined;
}

/** A row's consultation with its phase at `now`. */
function storedAt(row: ConsultationRow, now: Date): StoredConsultation {
  const stored = json<StoredConsultation>(row.data);
  return { ...stored, phase: consultationPhaseAt(stored.phases, row.synthesis !== null, now) };
}

/** The headline figures of a consultation, from its published contributions. */
export interface ConsultationTotals {
  participants: number;
  contributions: number;
  recommendations: number;
  supports: number;
}

/**
 * The headline figures of a consultation, from its participation counters: the API's stats and the
 * open-data export both read them here, so the two never disagree.
 *
 * @example
 * ```ts
 * (await consultationTotals(db, 'cons_0001')).recommendations; // 3
 * ```
 */
export async function consultationTotals(db: Db, consultationId: string): Promise<ConsultationTotals> {
  const { participants, contributions, recommendations, supports } = await consultationFigures(
    db,
    consultationId,
  );
  return { participants, contributions, recommendations, supports };
}

/**
 * Participation figures of a consultation's published contributions (never stored by hand: counters kept
 * by the store, see `participation.ts`). A participant is an account, a device, or a seeded person,
 * counted once.
 *
 * @example
 * ```ts
 * (await consultationStats(db, 'cons_0001')).participants; // 23
 * ```
 */
export async function consultationStats(db: Db, consultationId: string): Promise<ConsultationStats> {
  return await consultationFigures(db, consultationId);
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
export async function readVersion(
  db: Db,
  consultationId: string,
  versionId: string,
  counts = false,
): Promise<DocumentVersion | undefined> {
  const row = await db.one<{ data: string }>(
    'SELECT data FROM consultation_versions WHERE consultation_id = ? AND id = ?',
    [consultationId, versionId],
  );
  if (!row) return undefined;
  const version = json<DocumentVersion>(row.data);
  if (!counts) return version;
  // From the maintained counters (replies included, as they follow their parent's article): a sum over a
  // few hundred rows where counting the contributions read a million of them (5.6 s at national scale).
  const perArticle = new Map(
    (
      await db.all<{ article_id: string; n: number }>(
        `SELECT article_id, SUM(n) AS n FROM contribution_counts
         WHERE consultation_id = ? AND moderation_state = 'published' AND article_id <> '' GROUP BY article_id`,
        [consultationId],
      )
    ).map((r) => [r.article_id, Number(r.n)]),
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
export async function readSynthesis(db: Db, idOrReference: string): Promise<Synthesis | undefined> {
  // Publishing a synthesis sets the column: that is what makes the phase `synthesis_published`.
  const row = await findRow(db, idOrReference);
  if (!row?.synthesis) return undefined;
  return json<Synthesis>(row.synthesis);
}

/**
 * A whole consultation as the detail route shows it: current text with per-article counts, computed
 * stats, and the synthesis once published. Kept per data version (`db/versioned-cache.ts`) until the
 * consultation, its texts or its contributions are written.
 *
 * @example
 * ```ts
 * readConsultation(db, 'cons_0001')?.text?.sections.length; // 4
 * ```
 */
export async function readConsultation(
  db: Db,
  idOrReference: string,
  now: Date = new Date(),
): Promise<Consultation | undefined> {
  return await cachedFigure(db, {
    key: `consultation|${idOrReference}`,
    tables: CONSULTATION_TABLES,
    now,
    compute: async () => {
      const value = await loadConsultation(db, idOrReference, now);
      // Kept until the clock moves its phase, too.
      return { value, ...(value ? { validUntil: await nextPhaseBoundary(db, now, value.id) } : {}) };
    },
  });
}

/**
 * The tables a consultation's public reads depend on: its row and texts, and its contributions (whose
 * every change, support counts included, bumps their version; the counters beside them move in the same
 * transactions).
 */
const CONSULTATION_TABLES = ['consultations', 'consultation_versions', 'contributions'] as const;

async function loadConsultation(db: Db, idOrReference: string, now: Date): Promise<Consultation | undefined> {
  const row = await findRow(db, idOrReference);
  if (!row) return undefined;
  const stored = storedAt(row, now);
  const text = await readVersion(db, row.id, row.current_version_id, true);
  const synthesis = await readSynthesis(db, row.id);
  return {
    ...stored,
    ...(text ? { text } : {}),
    stats: await consultationStats(db, row.id),
    ...(synthesis ? { synthesis } : {}),
    ...(row.closure ? { closure: JSON.parse(row.closure) as ConsultationClosure } : {}),
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
  phase: 'phase', // replaced by the phase at the request's clock (consultationPhaseSql)
  region: 'region',
  subjectType: 'subject_type',
  scope: 'scope',
  issuingBody: 'issuing_sector',
};

/**
 * Open consultations first (the rank of the phase at `now`), newest first within a phase; the id makes the
 * order total. The rank moves with the clock, so no index holds it: consultations number in the thousands.
 */
function listedKeyset(now: Date): Keyset {
  return {
    name: 'listed',
    keys: [{ expr: phaseRankSql(now) }, { expr: 'created_at', desc: true }, { expr: 'id' }],
  };
}

interface ListedRow {
  id: string;
  data: string;
  phase_rank: number;
  phase_now: ConsultationPhase;
  created_at: string;
}

function summaryOf(
  row: { id: string; data: string; phase_now: ConsultationPhase },
  figures: Participation | undefined,
): ConsultationSummary {
  const c = { ...json<StoredConsultation>(row.data), phase: row.phase_now };
  const stats = figures ?? { participants: 0, contributions: 0 };
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
export async function searchConsultationsPage(
  db: Db,
  query: ConsultationSearchQuery,
  now: Date = new Date(),
): Promise<PageOf<ConsultationSummary>> {
  return await cachedFigure(db, {
    key: `consultations-page|${JSON.stringify(query)}`,
    tables: CONSULTATION_TABLES,
    now,
    compute: async () => ({
      value: await readConsultationsPage(db, query, now),
      validUntil: await nextPhaseBoundary(db, now),
    }),
  });
}

async function readConsultationsPage(
  db: Db,
  query: ConsultationSearchQuery,
  now: Date,
): Promise<PageOf<ConsultationSummary>> {
  const phaseNow = consultationPhaseSql(now);
  const column = (name: FacetName) => (name === 'phase' ? phaseNow : FACET_COLUMNS[name]);
  const listed = listedKeyset(now);
  const match = searchCondition(db, 'consultation', 'id', query.q);
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
      parts.push(`${column(name)} IN (${values.map(() => '?').join(', ')})`);
      params.push(...values);
    }
    return { sql: parts.length ? `WHERE ${parts.join(' AND ')}` : '', params };
  };
  const after = readKeysetCursor(query.cursor, listed.name, listed.keys.length);
  const all = where();
  const position = keysetClause(listed, after);
  // An exact count: consultations number in the thousands nationally (one per draft text), not millions.
  const total =
    (await db.one<{ n: number }>(`SELECT COUNT(*) AS n FROM consultations ${all.sql}`, all.params))?.n ?? 0;
  const rows = await db.all<ListedRow>(
    `SELECT id, data, ${listed.keys[0]?.expr} AS phase_rank, ${phaseNow} AS phase_now, created_at FROM consultations
     ${all.sql ? `${all.sql} AND` : 'WHERE'} (${position.sql}) ${orderByClause(listed)} LIMIT ?`,
    [...all.params, ...position.params, query.limit + 1],
  );
  const page = keysetPage(rows, query.limit, listed.name, (row) => [row.phase_rank, row.created_at, row.id]);
  const facets: Facets = {};
  for (const name of Object.keys(FACET_COLUMNS) as FacetName[]) {
    const w = where(name);
    const value = column(name);
    const extra = w.sql ? `${w.sql} AND ${value} IS NOT NULL` : `WHERE ${value} IS NOT NULL`;
    const counts = await db.all<{ value: string; count: number }>(
      `SELECT ${value} AS value, COUNT(*) AS count FROM consultations ${extra} GROUP BY ${value} ORDER BY count DESC, value`,
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
  const figures = await participationOf(
    db,
    page.items.map((row) => row.id),
  );
  return {
    items: page.items.map((row) => summaryOf(row, figures.get(row.id))),
    nextCursor: page.nextCursor,
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
export async function nextContributionSeq(db: Db): Promise<number> {
  return await db.atomic(async () => {
    await db.write(
      `INSERT INTO contribution_sequence (name, value) VALUES ('contribution', 1)
       ON CONFLICT (name) DO UPDATE SET value = contribution_sequence.value + 1`,
    );
    return (
      await db.one<{ value: number }>("SELECT value FROM contribution_sequence WHERE name = 'contribution'")
    )?.value as number;
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
  /**
   * The version of the text the contribution was written on. Absent: the consultation's current version,
   * read in the same statement as the insert (what a participant writing now sees). The demo seed names it,
   * since its contributions are dated before the latest version.
   */
  versionId?: string | undefined;
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
export async function insertContribution(db: Db, c: NewContribution): Promise<string> {
  const id = contributionId(c.seq);
  await db.atomic(async () => {
    await db.write(
      `INSERT INTO contributions (id, seq, consultation_id, article_id, parent_id, kind, body, proposed_text, question_id,
        answer, position, author, participant_type, region, participant_key, account_id, device_hash, created_at,
        moderation_state, moderation_reason, decided_at, official_response, version_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,
         COALESCE(?, (SELECT current_version_id FROM consultations WHERE id = ?)))`,
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
        c.versionId ?? null,
        c.consultationId,
      ],
    );
    await bumpCount(
      db,
      {
        consultation_id: c.consultationId,
        parent_id: c.parentId ?? null,
        article_id: c.articleId,
        kind: c.kind,
        position: c.position ?? null,
      },
      c.state,
      1,
    );
    if (c.state === 'published') await countParticipation(db, participationColumnsOf(c), 1);
    await addEvent(db, id, c.createdAt, 'created');
    if (c.state !== 'pending' && c.decidedAt) {
      await addEvent(db, id, c.decidedAt, c.state === 'published' ? 'published' : 'hidden', c.reason);
    }
    if (c.officialResponse) await addEvent(db, id, c.officialResponse.respondedAt, 'responded');
  });
  return id;
}

type ModerationStateName = ContributionRow['moderation_state'];

/** The participation key columns of a contribution about to be inserted. */
function participationColumnsOf(c: NewContribution): ParticipationColumns {
  return {
    consultation_id: c.consultationId,
    participant_key: c.participantKey,
    participant_type: c.author.participantType,
    region: c.author.region ?? null,
  };
}

/** The columns of a contribution that its counter row is keyed by (see `contribution_counts`). */
type CountedColumns = Pick<
  ContributionRow,
  'consultation_id' | 'parent_id' | 'article_id' | 'kind' | 'position'
>;

/**
 * Adds `delta` to the counter of contributions like `row` in `state`, in the caller's transaction. An
 * upsert adds to the row as it stands (`n = n + excluded.n`), so two transactions never lose a count.
 */
async function bumpCount(
  db: Db,
  row: CountedColumns,
  state: ModerationStateName,
  delta: 1 | -1,
): Promise<void> {
  await db.write(
    `INSERT INTO contribution_counts (consultation_id, moderation_state, top_level, article_id, kind, position, n)
     VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (consultation_id, moderation_state, top_level, article_id, kind, position)
     DO UPDATE SET n = contribution_counts.n + excluded.n`,
    [
      row.consultation_id,
      state,
      row.parent_id === null ? 1 : 0,
      row.article_id ?? '',
      row.kind,
      row.position ?? '',
      delta,
    ],
  );
}

/** A moderator's decision recorded with a state change: its reason and instant; it clears the review flag. */
export interface ModerationDecision {
  reason: string | null;
  decidedAt: string;
}

/**
 * Moves a contribution to moderation state `to` and keeps `contribution_counts` in step, in one
 * transaction. With a `decision` (a moderator's), the reason and instant are recorded and the contribution
 * leaves the review queue; without (reports sending it back), only the state changes. Returns the state it
 * left, or `undefined` when there is no such contribution.
 *
 * The update names the state it read (`AND moderation_state = ?`): if another transaction moved the
 * contribution meanwhile (PostgreSQL, two moderators at once), nothing is updated and the row is read again,
 * so the counters always move from the state the row really left.
 *
 * @example
 * ```ts
 * const from = await changeModerationState(db, 'ctb_000001', 'hidden', { reason: 'Insultes', decidedAt: at });
 * ```
 */
export async function changeModerationState(
  db: Db,
  id: string,
  to: ModerationStateName,
  decision?: ModerationDecision,
): Promise<ModerationStateName | undefined> {
  return await db.atomic(async () => {
    for (;;) {
      const row = await db.one<
        CountedColumns & ParticipationColumns & { moderation_state: ModerationStateName }
      >(
        `SELECT consultation_id, parent_id, article_id, kind, position, moderation_state, participant_key,
           participant_type, region
         FROM contributions WHERE id = ?`,
        [id],
      );
      if (!row) return undefined;
      const { changes } = decision
        ? await db.write(
            `UPDATE contributions SET moderation_state = ?, moderation_reason = ?, decided_at = ?, review_requested_at = NULL
             WHERE id = ? AND moderation_state = ?`,
            [to, decision.reason, decision.decidedAt, id, row.moderation_state],
          )
        : await db.write(
            'UPDATE contributions SET moderation_state = ? WHERE id = ? AND moderation_state = ?',
            [to, id, row.moderation_state],
          );
      if (changes === 0) continue;
      if (row.moderation_state !== to) {
        await bumpCount(db, row, row.moderation_state, -1);
        await bumpCount(db, row, to, 1);
        // Only the published state counts in participation.
        if (row.moderation_state === 'published') await countParticipation(db, row, -1);
        else if (to === 'published') await countParticipation(db, row, 1);
      }
      return row.moderation_state;
    }
  });
}

/**
 * Rebuilds `contribution_counts` and the participation counters from the contributions themselves, in one
 * transaction. The store keeps the
 * counters in step with every write it makes; call this after loading contributions in bulk without it
 * (the scale seeder's clones), or to check the counters (a test compares both).
 *
 * @example
 * ```ts
 * await loader.flush();
 * await recountContributions(db);
 * ```
 */
export async function recountContributions(db: Db): Promise<void> {
  await db.atomic(async () => {
    await db.write('DELETE FROM contribution_counts');
    await db.write(
      `INSERT INTO contribution_counts (consultation_id, moderation_state, top_level, article_id, kind, position, n)
       SELECT consultation_id, moderation_state, CASE WHEN parent_id IS NULL THEN 1 ELSE 0 END,
         COALESCE(article_id, ''), kind, COALESCE(position, ''), COUNT(*)
       FROM contributions
       GROUP BY consultation_id, moderation_state, CASE WHEN parent_id IS NULL THEN 1 ELSE 0 END,
         COALESCE(article_id, ''), kind, COALESCE(position, '')`,
    );
    await recountParticipation(db);
  });
}

/** Which contributions {@link countContributions} counts; an absent or empty list does not filter. */
export interface ContributionCountFilter {
  consultationId?: string | undefined;
  states: readonly ModerationStateName[];
  /** Top-level contributions only (`true`), replies only (`false`), or both. */
  topLevel?: boolean | undefined;
  articleId?: string | undefined;
  kinds?: readonly ContributionKind[] | undefined;
  positions?: readonly Position[] | undefined;
}

function inList(column: string, values: readonly string[] | undefined, params: SqlValue[]): string | null {
  if (!values || values.length === 0) return null;
  params.push(...values);
  return `${column} IN (${values.map(() => '?').join(', ')})`;
}

/**
 * How many contributions match, from the maintained `contribution_counts` (exact, in step with every
 * insert and moderation change): a sum over at most a few hundred counter rows per consultation, where a
 * `COUNT(*)` would read up to a million contributions of one consultation on every page.
 *
 * @example
 * ```ts
 * await countContributions(db, { consultationId: 'cons_0001', states: ['published'], topLevel: true });
 * ```
 */
export async function countContributions(db: Db, filter: ContributionCountFilter): Promise<number> {
  const params: SqlValue[] = [];
  const where = [inList('moderation_state', filter.states, params) ?? '1 = 0'];
  if (filter.consultationId !== undefined) {
    where.push('consultation_id = ?');
    params.push(filter.consultationId);
  }
  if (filter.topLevel !== undefined) {
    where.push('top_level = ?');
    params.push(filter.topLevel ? 1 : 0);
  }
  if (filter.articleId !== undefined) {
    where.push('article_id = ?');
    params.push(filter.articleId);
  }
  for (const part of [inList('kind', filter.kinds, params), inList('position', filter.positions, params)]) {
    if (part) where.push(part);
  }
  const row = await db.one<{ n: number }>(
    `SELECT COALESCE(SUM(n), 0) AS n FROM contribution_counts WHERE ${where.join(' AND ')}`,
    params,
  );
  return Number(row?.n ?? 0);
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
export async function addEvent(
  db: Db,
  id: string,
  at: string,
  action: ContributionEvent['action'],
  reason?: string,
  actorId?: string,
): Promise<void> {
  const seq =
    ((
      await db.one<{ n: number }>(
        'SELECT COALESCE(MAX(seq), 0) AS n FROM contribution_history WHERE contribution_id = ?',
        [id],
      )
    )?.n ?? 0) + 1;
  await db.write(
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
export async function addSupport(db: Db, id: string, supporterKey: string, at: string): Promise<boolean> {
  return await db.atomic(async () => {
    const inserted = await db.write(
      'INSERT INTO contribution_supports (contribution_id, supporter_key, created_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING',
      [id, supporterKey, at],
    );
    if (inserted.changes === 0) return false;
    // A step rather than a recount: counting read the supports' index pages, which concurrent supports of
    // other contributions write, and PostgreSQL's SERIALIZABLE then failed one of the two transactions.
    await db.write('UPDATE contributions SET supports = supports + 1 WHERE id = ?', [id]);
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
export async function removeSupport(db: Db, id: string, supporterKey: string): Promise<boolean> {
  return await db.atomic(async () => {
    const removed = await db.write(
      'DELETE FROM contribution_supports WHERE contribution_id = ? AND supporter_key = ?',
      [id, supporterKey],
    );
    if (removed.changes === 0) return false;
    await db.write('UPDATE contributions SET supports = supports - 1 WHERE id = ?', [id]);
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
export async function findContributionRow(db: Db, id: string): Promise<ContributionRow | undefined> {
  return await db.one<ContributionRow>('SELECT * FROM contributions WHERE id = ?', [id]);
}

/**
 * The issuing sector of a consultation (`org:<organisationId>` for an organisation's own), which decides
 * whose moderators moderate it; `undefined` for an unknown consultation.
 *
 * @example
 * ```ts
 * organisationIdOf((await issuingSectorOf(db, 'cons_0001')) ?? '');
 * ```
 */
export async function issuingSectorOf(db: Db, consultationId: string): Promise<string | undefined> {
  const row = await db.one<{ issuing_sector: string }>(
    'SELECT issuing_sector FROM consultations WHERE id = ?',
    [consultationId],
  );
  return row?.issuing_sector;
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
export async function reportsOf(db: Db, ids: readonly string[]): Promise<Map<string, ContributionEvent[]>> {
  const byId = new Map<string, ContributionEvent[]>();
  if (ids.length === 0) return byId;
  const rows = await db.all<{
    contribution_id: string;
    at: string;
    reason: string;
    signed_in: number;
    detail: string | null;
  }>(
    // The reporter key breaks ties between reports of the same instant: unique per contribution (the key),
    // so the order is total and the same on both databases.
    `SELECT contribution_id, created_at AS at, reason, signed_in, detail FROM contribution_reports
     WHERE contribution_id IN (${ids.map(() => '?').join(', ')}) ORDER BY contribution_id, created_at, reporter_key`,
    [...ids],
  );
  for (const r of rows) {
    const list = byId.get(r.contribution_id) ?? [];
    list.push({ at: r.at, action: 'reported', reason: reportReason(r.reason, r.signed_in === 1, r.detail) });
    byId.set(r.contribution_id, list);
  }
  return byId;
}

/** One recorded event (not a report) as `contribution_history` holds it. */
interface HistoryRow {
  contribution_id: string;
  at: string;
  action: ContributionEvent['action'];
  reason: string | null;
}

/** Merges recorded events and reports (each oldest first) by instant; on a tie the recorded event comes first. */
function mergeEvents(
  events: readonly ContributionEvent[],
  reports: readonly ContributionEvent[],
): ContributionEvent[] {
  const merged: ContributionEvent[] = [];
  let j = 0;
  for (const event of events) {
    while (j < reports.length && (reports[j] as ContributionEvent).at < event.at)
      merged.push(reports[j++] as ContributionEvent);
    merged.push(event);
  }
  return [...merged, ...reports.slice(j)];
}

/**
 * The histories of several contributions, oldest first, by id: ONE query for a page instead of one per
 * row. With `reports` (for moderators: the page's reports, read by {@link reportsOf}), every report is an
 * event `reported` merged in by instant. An id without events maps to `[]`.
 *
 * @example
 * ```ts
 * const ids = rows.map((row) => row.id);
 * const histories = await historiesOf(db, ids, await reportsOf(db, ids));
 * ```
 */
export async function historiesOf(
  db: Db,
  ids: readonly string[],
  reports?: ReadonlyMap<string, readonly ContributionEvent[]>,
): Promise<Map<string, ContributionEvent[]>> {
  const byId = new Map<string, ContributionEvent[]>(ids.map((id) => [id, []]));
  if (ids.length === 0) return byId;
  const rows = await db.all<HistoryRow>(
    `SELECT contribution_id, at, action, reason FROM contribution_history
     WHERE contribution_id IN (${ids.map(() => '?').join(', ')}) ORDER BY contribution_id, seq`,
    [...ids],
  );
  for (const e of rows) {
    byId
      .get(e.contribution_id)
      ?.push({ at: e.at, action: e.action, ...(e.reason ? { reason: e.reason } : {}) });
  }
  if (reports) for (const [id, events] of byId) byId.set(id, mergeEvents(events, reports.get(id) ?? []));
  return byId;
}

/**
 * The history of a contribution, oldest first. With `reports` (for moderators), every report is an event
 * `reported` whose reason reads `<reason> · signed in|anonymous · <detail>`: when, why and whether the
 * reporter was signed in, never who. For a page of contributions use {@link historiesOf}.
 *
 * @example
 * ```ts
 * historyOf(db, 'ctb_000001', { reports: true }).filter((e) => e.action === 'reported');
 * ```
 */
export async function historyOf(
  db: Db,
  id: string,
  options: { reports?: boolean } = {},
): Promise<ContributionEvent[]> {
  const reports = options.reports ? await reportsOf(db, [id]) : undefined;
  return (await historiesOf(db, [id], reports)).get(id) ?? [];
}

/** Options of {@link toContribution}. */
export interface ContributionView {
  /** Ids the caller supports; when given, `supportedByMe` is set. */
  supported?: ReadonlySet<string>;
  history?: ContributionEvent[];
  /** The first replies, with `replyCount`: given together, for a top-level contribution. */
  replies?: Contribution[];
  replyCount?: number;
  repliesNextCursor?: string | null;
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
    ...(row.version_id ? { versionId: row.version_id } : {}),
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
    ...(view.replyCount !== undefined ? { replyCount: view.replyCount } : {}),
    ...(view.repliesNextCursor !== undefined ? { repliesNextCursor: view.repliesNextCursor } : {}),
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
export async function supportedBy(
  db: Db,
  supporterKey: string,
  ids: readonly string[],
): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  return new Set(
    (
      await db.all<{ contribution_id: string }>(
        `SELECT contribution_id FROM contribution_supports WHERE supporter_key = ? AND contribution_id IN (${ids
          .map(() => '?')
          .join(', ')})`,
        [supporterKey, ...ids],
      )
    ).map((r) => r.contribution_id),
  );
}

/** What a list or follow page embeds of a contribution's replies. */
export interface RepliesPreview {
  /** The first published replies, oldest first: at most `EMBEDDED_REPLIES_MAX`. */
  rows: ContributionRow[];
  /** How many published replies there are in all, exactly. */
  count: number;
}

/**
 * The first published replies (oldest first, at most `EMBEDDED_REPLIES_MAX`) of each given contribution and
 * how many it has in all, by parent; a parent without replies maps to `{ rows: [], count: 0 }`. At most two
 * queries whatever the number of replies: the previews, then one grouped count of the parents whose preview
 * is full (for the others the preview is every reply). The rest of the replies page through
 * {@link listRepliesPage}.
 *
 * @example
 * ```ts
 * const { rows, count } = (await repliesOf(db, ['ctb_000001'])).get('ctb_000001') ?? { rows: [], count: 0 };
 * ```
 */
export async function repliesOf(db: Db, parentIds: readonly string[]): Promise<Map<string, RepliesPreview>> {
  const ids = [...new Set(parentIds)];
  const out = new Map<string, RepliesPreview>(ids.map((id) => [id, { rows: [], count: 0 }]));
  if (ids.length === 0) return out;
  // One branch per parent, each a short range of `contributions_replies` cut by its LIMIT: a parent with
  // 50 000 replies costs what one with 3 does, where a window function would number every reply first.
  const branches = ids.map(
    (_, index) =>
      `SELECT * FROM (SELECT * FROM contributions WHERE parent_id = ? AND moderation_state = 'published'
       ORDER BY created_at, seq LIMIT ?) AS first_replies_${index}`,
  );
  const rows = await db.all<ContributionRow>(
    `${branches.join(' UNION ALL ')} ORDER BY parent_id, created_at, seq`,
    ids.flatMap((id) => [id, EMBEDDED_REPLIES_MAX]),
  );
  for (const row of rows) out.get(row.parent_id as string)?.rows.push(row);
  for (const preview of out.values()) preview.count = preview.rows.length;
  const full = ids.filter((id) => out.get(id)?.rows.length === EMBEDDED_REPLIES_MAX);
  if (full.length > 0) {
    const counts = await db.all<{ parent_id: string; n: number | string }>(
      `SELECT parent_id, COUNT(*) AS n FROM contributions
       WHERE parent_id IN (${full.map(() => '?').join(', ')}) AND moderation_state = 'published'
       GROUP BY parent_id`,
      full,
    );
    // PostgreSQL's COUNT is a bigint, which `pg` returns as text.
    for (const { parent_id, n } of counts) {
      const preview = out.get(parent_id);
      if (preview) preview.count = Number(n);
    }
  }
  return out;
}

/**
 * A contribution's embedded replies as {@link toContribution} takes them: `replies`, `replyCount`, and
 * `repliesNextCursor`, the cursor of {@link listRepliesPage} after the last embedded reply (the embedded
 * replies are that list's first rows), or `null` when they are all embedded.
 *
 * @example
 * ```ts
 * toContribution(row, { ...view, ...embeddedReplies((await repliesOf(db, [row.id])).get(row.id), view) });
 * ```
 */
export function embeddedReplies(
  preview: RepliesPreview | undefined,
  view: Pick<ContributionView, 'supported'> = {},
): Pick<ContributionView, 'replies' | 'replyCount' | 'repliesNextCursor'> {
  const rows = preview?.rows ?? [];
  const last = rows[rows.length - 1];
  return {
    replies: rows.map((reply) => toContribution(reply, view)),
    replyCount: preview?.count ?? 0,
    repliesNextCursor:
      last && (preview?.count ?? 0) > rows.length
        ? encodeKeysetCursor(REPLY_ORDER.name, [last.created_at, last.seq])
        : null,
  };
}

/**
 * The order of a contribution's replies: oldest first, `seq` last (unique, and an integer where the text id
 * would sort `ctb_1000000` before `ctb_999999`). `contributions_replies`
 * `(parent_id, moderation_state, created_at, seq)` answers it with a range scan.
 */
export const REPLY_ORDER: Keyset = {
  name: 'oldest',
  keys: [{ expr: 'created_at' }, { expr: 'seq' }],
};

/**
 * One page of a contribution's published replies, oldest first (keyset on {@link REPLY_ORDER}), with
 * `supportedByMe` for a signed-in reader (`supporterKey`). The first page starts with the replies that
 * {@link repliesOf} embeds. Visibility of the parent is the caller's to check. No `total`: the parent's
 * `replyCount` gives it.
 *
 * @example
 * ```ts
 * const page = await listRepliesPage(db, 'ctb_000002', { limit: 20 });
 * const next = page.nextCursor && (await listRepliesPage(db, 'ctb_000002', { limit: 20, cursor: page.nextCursor }));
 * ```
 */
export async function listRepliesPage(
  db: Db,
  parentId: string,
  query: ContributionRepliesQuery,
  supporterKey?: string,
): Promise<PageOf<Contribution>> {
  const after = readKeysetCursor(query.cursor, REPLY_ORDER.name, REPLY_ORDER.keys.length);
  const position = keysetClause(REPLY_ORDER, after);
  const rows = await db.all<ContributionRow>(
    `SELECT * FROM contributions WHERE parent_id = ? AND moderation_state = 'published' AND (${position.sql})
     ${orderByClause(REPLY_ORDER)} LIMIT ?`,
    [parentId, ...position.params, query.limit + 1],
  );
  const page = keysetPage(rows, query.limit, REPLY_ORDER.name, (row) => [row.created_at, row.seq]);
  const supported = supporterKey
    ? await supportedBy(
        db,
        supporterKey,
        page.items.map((row) => row.id),
      )
    : undefined;
  return {
    items: page.items.map((row) => toContribution(row, supported ? { supported } : {})),
    nextCursor: page.nextCursor,
  };
}

// ---------------------------------------------------------------------------------------------------
// Contribution lists (keyset pages)

/**
 * The sorts of a consultation's contribution list. Every key is descending, so the position compares as
 * one row value, `(supports, created_at, seq) < (?, ?, ?)`, answered from `contributions_supported`
 * (or `contributions_newest`, and their `_article_` twins when an article is chosen) read backwards.
 * `seq` is the unique last key: an integer, where the text id `ctb_000001` would sort `ctb_1000000` wrongly.
 */
export const CONTRIBUTION_SORTS: Readonly<Record<ContributionListQuery['sort'], Keyset>> = {
  newest: {
    name: 'newest',
    keys: [
      { expr: 'created_at', desc: true },
      { expr: 'seq', desc: true },
    ],
  },
  most_supported: {
    name: 'most_supported',
    keys: [
      { expr: 'supports', desc: true },
      { expr: 'created_at', desc: true },
      { expr: 'seq', desc: true },
    ],
  },
};

/** What {@link listContributionsPage} reads: the contract's query with the state already decided. */
export interface ContributionListRequest extends ContributionListQuery {
  state: ModerationStateName;
}

/**
 * One page of a consultation's top-level contributions, each with its first published replies (oldest first,
 * at most `EMBEDDED_REPLIES_MAX`) and `replyCount`, and,
 * for a signed-in reader (`supporterKey`), `supportedByMe`. Keyset pages on `query.sort`
 * ({@link CONTRIBUTION_SORTS}); `total` comes from the maintained counters ({@link countContributions}),
 * exact, without counting the rows. At most five queries whatever the page size: the page, the total, the
 * replies and their counts ({@link repliesOf}), the supports.
 *
 * @example
 * ```ts
 * const page = await listContributionsPage(db, 'cons_0001', { sort: 'newest', limit: 20, state: 'published' });
 * const next = page.nextCursor && (await listContributionsPage(db, 'cons_0001', { ...query, cursor: page.nextCursor }));
 * ```
 */
export async function listContributionsPage(
  db: Db,
  consultationId: string,
  query: ContributionListRequest,
  supporterKey?: string,
): Promise<PageOf<Contribution>> {
  // A page seen by someone signed in says which contributions they support: read for them each time.
  if (supporterKey !== undefined) return await readContributionsPage(db, consultationId, query, supporterKey);
  return await cachedFigure(db, {
    key: `contributions-page|${consultationId}|${JSON.stringify(query)}`,
    tables: ['contributions'],
    compute: async () => ({ value: await readContributionsPage(db, consultationId, query) }),
  });
}

async function readContributionsPage(
  db: Db,
  consultationId: string,
  query: ContributionListRequest,
  supporterKey?: string,
): Promise<PageOf<Contribution>> {
  const keyset = CONTRIBUTION_SORTS[query.sort];
  const after = readKeysetCursor(query.cursor, keyset.name, keyset.keys.length);
  const params: SqlValue[] = [consultationId, query.state];
  const where = ['consultation_id = ?', 'moderation_state = ?', 'parent_id IS NULL'];
  if (query.articleId) {
    where.push('article_id = ?');
    params.push(query.articleId);
  }
  for (const part of [inList('kind', query.kind, params), inList('position', query.position, params)]) {
    if (part) where.push(part);
  }
  const position = keysetClause(keyset, after);
  const rows = await db.all<ContributionRow>(
    `SELECT * FROM contributions WHERE ${where.join(' AND ')} AND (${position.sql})
     ${orderByClause(keyset)} LIMIT ?`,
    [...params, ...position.params, query.limit + 1],
  );
  const page = keysetPage(rows, query.limit, keyset.name, (row) =>
    query.sort === 'newest' ? [row.created_at, row.seq] : [row.supports, row.created_at, row.seq],
  );
  const total = await countContributions(db, {
    consultationId,
    states: [query.state],
    topLevel: true,
    articleId: query.articleId,
    kinds: query.kind,
    positions: query.position,
  });
  const replies = await repliesOf(
    db,
    page.items.map((r) => r.id),
  );
  const supported = supporterKey
    ? await supportedBy(db, supporterKey, [
        ...page.items.map((r) => r.id),
        ...[...replies.values()].flatMap((preview) => preview.rows.map((r) => r.id)),
      ])
    : undefined;
  const view = supported ? { supported } : {};
  return {
    items: page.items.map((row) =>
      toContribution(row, { ...view, ...embeddedReplies(replies.get(row.id), view) }),
    ),
    nextCursor: page.nextCursor,
    total,
  };
}

/** When a contribution joined the moderators' queue: its first unreviewed report, else its creation. */
const QUEUE_AT = 'COALESCE(review_requested_at, created_at)';

/**
 * What waits for a moderator: contributions not yet published, and published ones with reports no decision
 * covered yet. Written exactly as the partial indexes `contributions_waiting*` are, so that SQLite (which
 * matches a partial index's condition by its terms) uses them; `<> 'hidden'` keeps a hidden contribution
 * out whatever its review flag.
 */
const WAITING = `(moderation_state = 'pending' OR review_requested_at IS NOT NULL) AND moderation_state <> 'hidden'`;

/**
 * One page of the moderators' queue, longest waiting first (so nobody waits for ever), each contribution
 * with its full history including every report. Keyset pages on `(COALESCE(review_requested_at,
 * created_at), seq)`, from an index on that expression; the cursor names the state, so a cursor of the
 * pending queue is refused on the hidden one. `total` is exact: counters for a state, plus (for `pending`)
 * the published contributions awaiting review, counted from their small partial index. With an
 * `organisationId` (an organisation's moderator), only the consultations that organisation holds.
 *
 * @example
 * ```ts
 * const page = await moderationQueuePage(db, { state: 'pending', limit: 20 });
 * ```
 */
export async function moderationQueuePage(
  db: Db,
  query: ModerationQueueQuery,
  organisationId?: string,
): Promise<PageOf<Contribution>> {
  const keyset: Keyset = { name: query.state, keys: [{ expr: QUEUE_AT }, { expr: 'seq' }] };
  const after = readKeysetCursor(query.cursor, keyset.name, keyset.keys.length);
  const where = query.state === 'pending' ? [WAITING] : ['moderation_state = ?'];
  const args: SqlValue[] = query.state === 'pending' ? [] : [query.state];
  let consultationId: string | undefined;
  if (query.consultationId) {
    consultationId = (await findRow(db, query.consultationId))?.id ?? query.consultationId;
    where.push('consultation_id = ?');
    args.push(consultationId);
  }
  // An organisation's moderator: the consultations its organisation holds (few), as a list of ids.
  const held =
    organisationId === undefined
      ? undefined
      : (
          await db.all<{ id: string }>(
            `SELECT c.id FROM consultations c JOIN organisations o ON o.sector_code = c.issuing_sector
              WHERE o.id = ? ORDER BY c.id`,
            [organisationId],
          )
        ).map((row) => row.id);
  if (held !== undefined) where.push(inList('consultation_id', held, args) ?? '1 = 0');
  const position = keysetClause(keyset, after);
  // SQLite bounds an index range by a row value over columns, not over an expression: the redundant
  // `QUEUE_AT >= ?` gives it the range on the indexed expression (else it reads the queue from its start).
  const from = after === undefined ? '' : `AND ${QUEUE_AT} >= ?`;
  const rows = await db.all<ContributionRow & { queue_at: string }>(
    `SELECT *, ${QUEUE_AT} AS queue_at FROM contributions WHERE ${where.join(' AND ')} ${from} AND (${position.sql})
     ${orderByClause(keyset)} LIMIT ?`,
    [...args, ...(after === undefined ? [] : [after[0] as string]), ...position.params, query.limit + 1],
  );
  const page = keysetPage(rows, query.limit, keyset.name, (row) => [row.queue_at, row.seq]);
  // The consultations counted: the one asked for, else those the moderator's organisation holds, else all.
  const counted: (string | undefined)[] =
    consultationId !== undefined
      ? held === undefined || held.includes(consultationId)
        ? [consultationId]
        : []
      : (held ?? [undefined]);
  let total = 0;
  for (const id of counted) {
    total += await countContributions(db, { consultationId: id, states: [query.state] });
    if (query.state === 'pending') {
      // Published and reported: few rows, all in the partial index `contributions_by_review`. `|| ''` keeps
      // the state and consultation out of index choice, where a planner without statistics would rather walk
      // every published contribution (`contributions_queue`) than that small index.
      const reviewed = await db.one<{ n: number }>(
        `SELECT COUNT(*) AS n FROM contributions WHERE review_requested_at IS NOT NULL AND moderation_state || '' = 'published'
         ${id === undefined ? '' : "AND consultation_id || '' = ?"}`,
        id === undefined ? [] : [id],
      );
      total += Number(reviewed?.n ?? 0);
    }
  }
  const ids = page.items.map((row) => row.id);
  const histories = await historiesOf(db, ids, await reportsOf(db, ids));
  return {
    items: page.items.map(({ queue_at: _queueAt, ...row }) =>
      toContribution(row, { history: histories.get(row.id) ?? [] }),
    ),
    nextCursor: page.nextCursor,
    total,
  };
}

// ---------------------------------------------------------------------------------------------------
// Reports, responses, hourly limits

/** What the hourly limits count: rows of `table` whose `keyColumn` is a participant's or reporter's key. */
export type ActivityTable =
  | { table: 'contributions'; keyColumn: 'participant_key' }
  | { table: 'contribution_reports'; keyColumn: 'reporter_key' };

/**
 * How many rows a key made since an instant, and the oldest of them (for the wait a 429 announces), from
 * the `(key, created_at)` index of each table.
 *
 * @example
 * ```ts
 * const { n, oldest } = await activitySince(db, { table: 'contributions', keyColumn: 'participant_key' }, 'acc:acc_0001', since);
 * ```
 */
export async function activitySince(
  db: Db,
  what: ActivityTable,
  key: string,
  since: string,
): Promise<{ n: number; oldest: string | null }> {
  const row = await db.one<{ n: number; oldest: string | null }>(
    `SELECT COUNT(*) AS n, MIN(created_at) AS oldest FROM ${what.table} WHERE ${what.keyColumn} = ? AND created_at > ?`,
    [key, since],
  );
  return { n: Number(row?.n ?? 0), oldest: row?.oldest ?? null };
}

/** A report as {@link addReport} records it. */
export interface NewReport {
  contributionId: string;
  reporterKey: string;
  reason: string;
  detail?: string | undefined;
  at: string;
  signedIn: boolean;
}

/**
 * Whether this reporter already reported this contribution (the same reporter twice counts once).
 *
 * @example
 * ```ts
 * if (await hasReported(db, 'ctb_000001', 'acc:acc_0001')) return;
 * ```
 */
export async function hasReported(db: Db, contributionId: string, reporterKey: string): Promise<boolean> {
  const row = await db.one(
    'SELECT 1 AS found FROM contribution_reports WHERE contribution_id = ? AND reporter_key = ?',
    [contributionId, reporterKey],
  );
  return row !== undefined;
}

/**
 * Records a report and puts the contribution in the moderators' queue (it stays public meanwhile): the
 * report count is recounted and `review_requested_at` keeps the first unreviewed report's instant.
 *
 * @example
 * ```ts
 * await addReport(db, { contributionId: 'ctb_000001', reporterKey: 'acc:acc_0001', reason: 'spam', at, signedIn: true });
 * ```
 */
export async function addReport(db: Db, report: NewReport): Promise<void> {
  await db.atomic(async () => {
    await db.write(
      `INSERT INTO contribution_reports (contribution_id, reporter_key, reason, detail, created_at, signed_in)
       VALUES (?, ?, ?, ?, ?, ?)`,
      [
        report.contributionId,
        report.reporterKey,
        report.reason,
        report.detail ?? null,
        report.at,
        report.signedIn ? 1 : 0,
      ],
    );
    await db.write(
      `UPDATE contributions SET report_count = (SELECT COUNT(*) FROM contribution_reports WHERE contribution_id = ?),
         review_requested_at = COALESCE(review_requested_at, ?) WHERE id = ?`,
      [report.contributionId, report.at, report.contributionId],
    );
  });
}

/**
 * How many distinct signed-in accounts reported a contribution since a moderator's last decision.
 *
 * @example
 * ```ts
 * (await unreviewedSignedInReports(db, 'ctb_000001')) >= REPORTS_BEFORE_REVIEW;
 * ```
 */
export async function unreviewedSignedInReports(db: Db, contributionId: string): Promise<number> {
  const row = await db.one<{ n: number }>(
    'SELECT COUNT(*) AS n FROM contribution_reports WHERE contribution_id = ? AND signed_in = 1 AND reviewed_at IS NULL',
    [contributionId],
  );
  return Number(row?.n ?? 0);
}

/**
 * Marks every report not yet reviewed as covered by a moderator's decision at `at`; returns how many.
 *
 * @example
 * ```ts
 * const reviewed = await markReportsReviewed(db, 'ctb_000001', at); // 3
 * ```
 */
export async function markReportsReviewed(db: Db, contributionId: string, at: string): Promise<number> {
  return (
    await db.write(
      'UPDATE contribution_reports SET reviewed_at = ? WHERE contribution_id = ? AND reviewed_at IS NULL',
      [at, contributionId],
    )
  ).changes;
}

/**
 * Sets (or replaces) the official response to a contribution.
 *
 * @example
 * ```ts
 * await setOfficialResponse(db, 'ctb_000001', { body: { fr: 'Retenu' }, respondedAt: at, by: 'Ministère' });
 * ```
 */
export async function setOfficialResponse(
  db: Db,
  contributionId: string,
  response: OfficialResponse,
): Promise<void> {
  await db.write('UPDATE contributions SET official_response = ? WHERE id = ?', [
    JSON.stringify(response),
    contributionId,
  ]);
}
