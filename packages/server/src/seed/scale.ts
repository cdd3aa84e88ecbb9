// The scale generator behind `nassij-server seed --scale …`: a normal demo seed, then synthetic clones of the
// demo's own rows (new ids, varied names and dates) until every resource reaches the scale's figures. The demo
// rows stay as they are, so every id of `demoFixtures` still resolves and the bench's demo accounts, draft law
// and published contributions keep working at any scale.
import type { Association, LocalizedText } from '@nassij/contract';
import { saveAssociation } from '../areas/associations/store.js';
import { registerPublishedCall } from '../areas/calls/authoring.js';
import { type StoredCall, writeCall } from '../areas/calls/store.js';
import {
  contributionId,
  insertConsultation,
  type NewConsultation,
  recountContributions,
} from '../areas/consultations/store.js';
import { saveCourse } from '../areas/trainings/store.js';
import type { Db, SqlValue } from '../db/db.js';
import { startServer } from '../server.js';
import { demoFixtures } from './fixtures.js';
import { mulberry32, seedFor } from './prng.js';
import { writeBatch } from './write-batch.js';

/** How many of each resource a scale asks for, in all (the demo's rows included). */
export interface ScaleTargets {
  /** Associations in the directory. */
  associations: number;
  /** Calls, each cloned with its applications, reviews, decisions and awards. */
  calls: number;
  /** Consultations, each cloned with its contributions. */
  consultations: number;
  /** Contributions on the demo draft law (`demoFixtures.consultations.draftLaw`) alone. */
  draftLawContributions: number;
  /** Training sessions; courses are cloned with their sessions and registrations until there are this many. */
  sessions: number;
}

/** The demo's counts, the unit of a multiplier scale (`10x` is ten times each). */
export const DEMO_COUNTS: ScaleTargets = {
  associations: 320,
  calls: 43,
  consultations: 7,
  draftLawContributions: 25,
  sessions: 144,
};

/**
 * The figures of issue 15 for `national`; the resources it does not name (consultations) grow ten times, as
 * at `10x`.
 */
export const NATIONAL: ScaleTargets = {
  associations: 250_000,
  calls: 5_000,
  consultations: 70,
  draftLawContributions: 1_000_000,
  sessions: 20_000,
};

/**
 * The targets of a scale name: `demo` (nothing added), `national`, or a multiplier of the demo's counts such as
 * `10x` or `2x` (an integer from 1 to 1000). Throws a `RangeError` for anything else.
 *
 * @example
 * ```ts
 * scaleTargets('10x').associations; // 3200
 * scaleTargets('national').draftLawContributions; // 1_000_000
 * ```
 */
export function scaleTargets(scale: string): ScaleTargets {
  if (scale === 'national') return { ...NATIONAL };
  if (scale === 'demo') return { ...DEMO_COUNTS };
  const multiplier = /^([1-9]\d{0,3})x$/.exec(scale);
  if (multiplier && Number(multiplier[1]) <= 1000) {
    const n = Number(multiplier[1]);
    return {
      associations: DEMO_COUNTS.associations * n,
      calls: DEMO_COUNTS.calls * n,
      consultations: DEMO_COUNTS.consultations * n,
      draftLawContributions: DEMO_COUNTS.draftLawContributions * n,
      sessions: DEMO_COUNTS.sessions * n,
    };
  }
  throw new RangeError(`the scale must be demo, national or a multiplier such as 10x, not "${scale}"`);
}

type Row = Record<string, unknown>;

/** What {@link growToScale} and {@link seedScale} print as they go. */
export type ScaleLog = (line: string) => void;

/** The row counts of the main tables after a build, and how long it took. */
export interface ScaleReport {
  counts: Record<string, number>;
  /** Contributions on the demo draft law. */
  draftLawContributions: number;
  elapsedMs: number;
}

/** Rows per flush: large transactions are what makes bulk loading fast on both databases. */
const BATCH_ROWS = 5_000;

/**
 * Associations saved per transaction (their writes go as a few scripts, see {@link writeBatch}). Not more:
 * on PostgreSQL every statement bumps the same data version row, whose dead versions pile up until the
 * transaction ends and make each bump slower (a transaction of 2,000 took longer than two of 1,000).
 */
const ASSOCIATIONS_PER_TRANSACTION = 1_000;

/**
 * Inserts rows in multi-row `INSERT … VALUES (…), (…)` statements, columns taken from the first row (every
 * row must have the same keys). Chunks stay under 30,000 parameters: SQLite's limit is 32,766, PostgreSQL's
 * 65,535.
 */
async function insertRows(db: Db, table: string, rows: readonly Row[]): Promise<void> {
  const first = rows[0];
  if (!first) return;
  const columns = Object.keys(first);
  const per = Math.max(1, Math.min(1_000, Math.floor(30_000 / columns.length)));
  const tuple = `(${columns.map(() => '?').join(', ')})`;
  for (let start = 0; start < rows.length; start += per) {
    const chunk = rows.slice(start, start + per);
    const params: SqlValue[] = [];
    for (const row of chunk) for (const column of columns) params.push(row[column] as SqlValue);
    await db.write(
      `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${chunk.map(() => tuple).join(', ')}`,
      params,
    );
  }
}

const QUOTED = /"([A-Za-z0-9_-]{2,64})"/g;

/**
 * A cloned value: a column holding an id of the clone's family gets the clone's id, and a JSON document gets
 * every quoted id replaced. Other ids (an association an application belongs to) stay, so that clones
 * point at real rows.
 */
function remap(value: unknown, ids: ReadonlyMap<string, string>): unknown {
  if (typeof value !== 'string') return value;
  const direct = ids.get(value);
  if (direct !== undefined) return direct;
  if (value.startsWith('{') || value.startsWith('[')) {
    return value.replace(QUOTED, (whole, id: string) => {
      const to = ids.get(id);
      return to === undefined ? whole : `"${to}"`;
    });
  }
  return value;
}

function remapRow(row: Row, ids: ReadonlyMap<string, string>): Row {
  const out: Row = {};
  for (const [column, value] of Object.entries(row)) out[column] = remap(value, ids);
  return out;
}

/** Moves an ISO instant back by `ms` (text columns compare as strings, so the format must stay). */
function earlier(instant: unknown, ms: number): unknown {
  // Whole seconds, so that an instant written without milliseconds keeps its format.
  const seconds = Math.floor(ms / 1000) * 1000;
  if (typeof instant !== 'string' || seconds === 0) return instant;
  const time = Date.parse(instant);
  if (Number.isNaN(time)) return instant;
  return new Date(time - seconds).toISOString().replace(/\.000Z$/, instant.includes('.') ? '.000Z' : 'Z');
}

/** Buffers cloned rows per table and flushes them in table order, inside the caller's transaction. */
class Loader {
  private readonly buffers = new Map<string, Row[]>();
  private size = 0;
  readonly inserted = new Map<string, number>();
  constructor(
    private readonly db: Db,
    /** Parents before children, for the foreign keys. */
    private readonly order: readonly string[],
  ) {}
  add(table: string, row: Row): void {
    const buffer = this.buffers.get(table);
    if (buffer) buffer.push(row);
    else this.buffers.set(table, [row]);
    this.size++;
  }
  get pending(): number {
    return this.size;
  }
  async flush(): Promise<void> {
    for (const table of this.order) {
      const rows = this.buffers.get(table);
      if (!rows || rows.length === 0) continue;
      await insertRows(this.db, table, rows);
      this.inserted.set(table, (this.inserted.get(table) ?? 0) + rows.length);
    }
    this.buffers.clear();
    this.size = 0;
  }
}

function withSuffix(text: LocalizedText, suffix: string): LocalizedText {
  return Object.fromEntries(
    Object.entries(text).map(([locale, value]) => [locale, `${value}${suffix}`]),
  ) as LocalizedText;
}

async function count(db: Db, sql: string, params: SqlValue[] = []): Promise<number> {
  return Number((await db.one<{ n: number }>(sql, params))?.n ?? 0);
}

/** Where an Arabic name's purpose starts ("… للتنمية القروية …"): its first word with the preposition لـ. */
function splitArabic(name: string): [string, string] | undefined {
  const words = name.split(' ');
  const at = words.findIndex((word, i) => i >= 2 && word.startsWith('ل'));
  return at < 0 ? undefined : [words.slice(0, at).join(' '), words.slice(at).join(' ')];
}

/** Where a French name's purpose starts ("… pour le développement rural …", "… d'appui aux jeunes …"). */
function splitFrench(name: string): [string, string] | undefined {
  const match = /^(.+?) ((?:pour|d'|des ).*)$/.exec(name);
  return match ? [match[1] as string, match[2] as string] : undefined;
}

/**
 * Associations: each clone crosses two demo associations, the kind and proper name of one ("جمعية الأمل",
 * "Association Al Amal") with the purpose, town, region and domains of another ("للتنمية القروية بتيزنيت"), so
 * that a word is as selective at 250,000 as in the demo (an exact duplicate of 320 names would not be).
 * Saved through the area's `saveAssociation`, which also indexes them for search, a thousand per transaction
 * and with their statements sent in a few scripts on PostgreSQL ({@link writeBatch}).
 */
async function growAssociations(
  db: Db,
  target: number,
  random: () => number,
  log: ScaleLog,
): Promise<number> {
  const templates = (await db.all<{ data: string }>('SELECT data FROM associations ORDER BY id')).map(
    (row) => JSON.parse(row.data) as Association,
  );
  const start = templates.length;
  let n = start;
  const started = performance.now();
  while (n < target) {
    const from = n;
    const end = Math.min(target, from + ASSOCIATIONS_PER_TRANSACTION);
    await db.atomic(async () => {
      const batch = writeBatch(db);
      for (let index = from; index < end; index++) {
        const head = templates[index % templates.length] as Association;
        const tail = templates[Math.floor(random() * templates.length)] as Association;
        const ar = splitArabic(head.name.ar ?? '');
        const arTail = splitArabic(tail.name.ar ?? '');
        const fr = splitFrench(head.name.fr ?? '');
        const frTail = splitFrench(tail.name.fr ?? '');
        const name: LocalizedText = {
          ar: ar && arTail ? `${ar[0]} ${arTail[1]}` : (tail.name.ar ?? ''),
          fr: fr && frTail ? `${fr[0]} ${frTail[1]}` : (tail.name.fr ?? ''),
        };
        const year = 1960 + Math.floor(random() * 66);
        const number = String(100_000 + index);
        const { acronym: _acronym, website: _website, ...rest } = tail;
        await saveAssociation(batch.db, {
          ...rest,
          id: `asso_g${String(index + 1).padStart(6, '0')}`,
          registrationNumber: `REC-${year}-${number}`,
          name,
          legalForm: head.legalForm,
          publicUtility: head.publicUtility,
          foundedOn: `${year}-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`,
          contact: { ...tail.contact, email: `contact@asso${number}.ma` },
          compliance: {
            annualReportsFiled: tail.compliance.annualReportsFiled.filter((filed) => filed > year),
          },
        });
      }
      await batch.flush();
    });
    n = end;
    if (Math.floor(n / 20_000) !== Math.floor(from / 20_000) || n === target)
      log(`  associations ${n} / ${target} (${Math.round(performance.now() - started)} ms)`);
  }
  return n - start;
}

/** Ids of a clone: the template's id and the round (`app_0025_k3`), which no demo id nor fixture looks like. */
function cloneId(id: string, round: number): string {
  return `${id}_k${round}`;
}

/**
 * Calls with everything under them: each round clones every demo call (through `writeCall`, which indexes it
 * for search, and `registerPublishedCall`) with its reviewers, its applications, their history, attachments (the
 * same stored files), eligibility checks, declarations, reviews, decisions and awards; the applications stay
 * with the demo's associations.
 */
async function growCalls(db: Db, target: number, log: ScaleLog): Promise<number> {
  const calls = (await db.all<{ data: string }>('SELECT data FROM calls ORDER BY id')).map(
    (row) => JSON.parse(row.data) as StoredCall,
  );
  if (calls.length === 0) return 0;
  const rounds = Math.ceil(Math.max(0, target - calls.length) / calls.length);
  const applications = await db.all<Row>('SELECT * FROM applications ORDER BY id');
  const children: [string, Row[], string | undefined][] = [
    ['applications', applications, 'id'],
    [
      'application_history',
      await db.all<Row>('SELECT * FROM application_history ORDER BY application_id, seq'),
      undefined,
    ],
    ['attachments', await db.all<Row>('SELECT * FROM attachments ORDER BY id'), 'id'],
    ['reviews', await db.all<Row>('SELECT * FROM reviews ORDER BY id'), 'id'],
    ['decisions', await db.all<Row>('SELECT * FROM decisions ORDER BY application_id'), undefined],
    ['awards', await db.all<Row>('SELECT * FROM awards ORDER BY id'), 'id'],
    ['award_domains', await db.all<Row>('SELECT * FROM award_domains ORDER BY award_id, domain'), undefined],
    [
      'call_reviewers',
      await db.all<Row>('SELECT * FROM call_reviewers ORDER BY call_id, account_id'),
      undefined,
    ],
    [
      'eligibility_checks',
      await db.all<Row>('SELECT * FROM eligibility_checks ORDER BY application_id'),
      undefined,
    ],
    [
      'conflict_declarations',
      await db.all<Row>('SELECT * FROM conflict_declarations ORDER BY application_id, reviewer_id'),
      undefined,
    ],
  ];
  const loader = new Loader(
    db,
    children.map(([table]) => table),
  );
  const started = performance.now();
  for (let round = 1; round <= rounds; round++) {
    const ids = new Map<string, string>();
    for (const call of calls) ids.set(call.id, cloneId(call.id, round));
    for (const [, rows, idColumn] of children)
      if (idColumn)
        for (const row of rows) ids.set(row[idColumn] as string, cloneId(row[idColumn] as string, round));
    await db.atomic(async () => {
      const batch = writeBatch(db);
      for (const call of calls) {
        const clone = JSON.parse(remap(JSON.stringify(call), ids) as string) as StoredCall;
        const written: StoredCall = {
          ...clone,
          id: cloneId(call.id, round),
          reference: `${call.reference}-${round}`,
          title: withSuffix(call.title, ` (${round + 1})`),
        };
        await writeCall(batch.db, written);
        // Its public history and its row among its organisation's calls, as the demo's own calls have.
        await registerPublishedCall(batch.db, written);
      }
      await batch.flush();
      for (const [table, rows] of children) for (const row of rows) loader.add(table, remapRow(row, ids));
      await loader.flush();
    });
    if (round % 20 === 0 || round === rounds)
      log(`  calls round ${round} / ${rounds} (${Math.round(performance.now() - started)} ms)`);
  }
  return rounds * calls.length;
}

interface ContributionTemplates {
  contributions: Row[];
  history: Row[];
}

/** The next contribution number to use, and how to burn the one a fixture names as "missing". */
class Sequence {
  constructor(private value: number) {}
  next(): number {
    this.value++;
    // `demoFixtures.missing.contribution` must stay missing at every scale.
    if (contributionId(this.value) === demoFixtures.missing.contribution) this.value++;
    return this.value;
  }
  get last(): number {
    return this.value;
  }
}

/**
 * Adds to `loader` one clone of a consultation's contributions (replies follow their clone parent) and their
 * history, on `consultationId`, moved back in time by one random offset for the whole round (so that replies
 * stay after what they answer) but never before the consultation opened. Clones have no supports nor reports
 * (their counters start at 0, as their rows say) and belong to a synthetic participant, never to an account.
 */
function cloneContributions(
  loader: Loader,
  templates: ContributionTemplates,
  consultationIds: ReadonlyMap<string, string>,
  sequence: Sequence,
  round: number,
  shiftMs: number,
): void {
  const ids = new Map(consultationIds);
  for (const row of templates.contributions) ids.set(row.id as string, contributionId(sequence.next()));
  for (const row of templates.contributions) {
    const clone = remapRow(row, ids);
    const id = clone.id as string;
    clone.seq = Number(id.slice(4));
    clone.participant_key = `seed:g${round}-${String(row.participant_key).replace(/^(acc|dev):.*/, '$1')}`;
    clone.account_id = null;
    clone.device_hash = null;
    clone.supports = 0;
    clone.report_count = 0;
    if ('review_requested_at' in clone) clone.review_requested_at = null;
    for (const column of ['created_at', 'edited_at', 'decided_at'])
      clone[column] = earlier(clone[column], shiftMs);
    loader.add('contributions', clone);
  }
  for (const row of templates.history) {
    const clone = remapRow(row, ids);
    clone.at = earlier(clone.at, shiftMs);
    loader.add('contribution_history', clone);
  }
}

async function contributionTemplates(db: Db, consultationId: string): Promise<ContributionTemplates> {
  return {
    contributions: await db.all<Row>('SELECT * FROM contributions WHERE consultation_id = ? ORDER BY seq', [
      consultationId,
    ]),
    history: await db.all<Row>(
      `SELECT h.* FROM contribution_history h JOIN contributions c ON c.id = h.contribution_id
       WHERE c.consultation_id = ? ORDER BY c.seq, h.seq`,
      [consultationId],
    ),
  };
}

/** How far back a round of clones may move: to the consultation's opening, at most 60 days. */
function shiftRoom(templates: ContributionTemplates, opensAt: string | null): number {
  const first = Math.min(...templates.contributions.map((row) => Date.parse(row.created_at as string)));
  const open = opensAt ? Date.parse(opensAt) : first;
  return Math.max(0, Math.min(first - open, 60 * 86_400_000));
}

async function readSequence(db: Db): Promise<Sequence> {
  const seq = await count(db, 'SELECT COALESCE(MAX(seq), 0) AS n FROM contributions');
  const stored = await count(
    db,
    "SELECT COALESCE(MAX(value), 0) AS n FROM contribution_sequence WHERE name = 'contribution'",
  );
  return new Sequence(Math.max(seq, stored));
}

async function saveSequence(db: Db, sequence: Sequence): Promise<void> {
  // New contributions take the numbers after the clones'.
  await db.write(
    `INSERT INTO contribution_sequence (name, value) VALUES ('contribution', ?)
     ON CONFLICT (name) DO UPDATE SET value = excluded.value`,
    [sequence.last],
  );
}

/**
 * Consultations: each round clones every demo consultation through `insertConsultation` (versions, articles,
 * questions, search index) with its contributions.
 */
async function growConsultations(
  db: Db,
  target: number,
  random: () => number,
  log: ScaleLog,
): Promise<number> {
  const consultations = await db.all<{
    id: string;
    reference: string;
    created_at: string;
    synthesis: string | null;
    contributions_open_at: string | null;
    data: string;
  }>(
    'SELECT id, reference, created_at, synthesis, contributions_open_at, data FROM consultations ORDER BY id',
  );
  if (consultations.length === 0) return 0;
  const rounds = Math.ceil(Math.max(0, target - consultations.length) / consultations.length);
  if (rounds === 0) return 0;
  const versions = new Map<string, NewConsultation['versions']>();
  const contributions = new Map<string, ContributionTemplates>();
  for (const c of consultations) {
    versions.set(
      c.id,
      (
        await db.all<{ data: string }>(
          'SELECT data FROM consultation_versions WHERE consultation_id = ? ORDER BY position',
          [c.id],
        )
      ).map((row) => JSON.parse(row.data)),
    );
    contributions.set(c.id, await contributionTemplates(db, c.id));
  }
  const sequence = await readSequence(db);
  const loader = new Loader(db, ['contributions', 'contribution_history']);
  for (let round = 1; round <= rounds; round++) {
    await db.atomic(async () => {
      for (const c of consultations) {
        const ids = new Map([[c.id, cloneId(c.id, round)]]);
        const consultation = JSON.parse(remap(c.data, ids) as string) as NewConsultation['consultation'];
        await insertConsultation(db, {
          consultation: {
            ...consultation,
            id: cloneId(c.id, round),
            reference: `${c.reference}-${round}`,
            title: withSuffix(consultation.title, ` (${round + 1})`),
          },
          createdAt: c.created_at,
          versions: versions.get(c.id) ?? [],
          ...(c.synthesis ? { synthesis: JSON.parse(remap(c.synthesis, ids) as string) } : {}),
        });
        const templates = contributions.get(c.id);
        if (templates && templates.contributions.length > 0)
          cloneContributions(
            loader,
            templates,
            ids,
            sequence,
            round,
            Math.floor(random() * shiftRoom(templates, c.contributions_open_at)),
          );
      }
      await loader.flush();
      await saveSequence(db, sequence);
    });
  }
  log(`  consultations: ${rounds} rounds of ${consultations.length}`);
  return rounds * consultations.length;
}

/**
 * The draft law's contributions, cloned onto the draft law itself until it has `target`: the national scale's
 * million contributions on ONE consultation.
 */
async function growDraftLaw(db: Db, target: number, random: () => number, log: ScaleLog): Promise<number> {
  const draftLaw = demoFixtures.consultations.draftLaw;
  const opensAt = (
    await db.one<{ at: string | null }>(
      'SELECT contributions_open_at AS at FROM consultations WHERE id = ?',
      [draftLaw],
    )
  )?.at;
  const templates = await contributionTemplates(db, draftLaw);
  const per = templates.contributions.length;
  if (per === 0) return 0;
  const have = await count(db, 'SELECT count(*) AS n FROM contributions WHERE consultation_id = ?', [
    draftLaw,
  ]);
  const rounds = Math.ceil(Math.max(0, target - have) / per);
  if (rounds === 0) return 0;
  const sequence = await readSequence(db);
  const loader = new Loader(db, ['contributions', 'contribution_history']);
  const room = shiftRoom(templates, opensAt ?? null);
  const same = new Map<string, string>();
  const started = performance.now();
  const roundsPerBatch = Math.max(1, Math.floor(BATCH_ROWS / per));
  for (let round = 1; round <= rounds; ) {
    const end = Math.min(rounds, round + roundsPerBatch - 1);
    await db.atomic(async () => {
      for (; round <= end; round++)
        cloneContributions(loader, templates, same, sequence, round, Math.floor(random() * room));
      await loader.flush();
      await saveSequence(db, sequence);
    });
    const done = (round - 1) * per;
    if (Math.floor(done / 100_000) !== Math.floor((done - roundsPerBatch * per) / 100_000) || round > rounds)
      log(
        `  draft law contributions +${done} / ${rounds * per} (${Math.round(performance.now() - started)} ms)`,
      );
  }
  return rounds * per;
}

/**
 * Courses with their sessions and registrations (and the registrations' history): each round clones every
 * demo course through `saveCourse` (search index), until there are `target` sessions. Registrations take new
 * numbers after the demo's (`seq` is unique: it orders a waiting list).
 */
async function growCourses(db: Db, target: number, log: ScaleLog): Promise<number> {
  const courses = await db.all<{ id: string; created_at: string; data: string }>(
    'SELECT id, created_at, data FROM courses ORDER BY id',
  );
  const sessions = await db.all<Row>('SELECT * FROM training_sessions ORDER BY id');
  if (courses.length === 0 || sessions.length === 0) return 0;
  const rounds = Math.ceil(Math.max(0, target - sessions.length) / sessions.length);
  const registrations = await db.all<Row>('SELECT * FROM training_registrations ORDER BY seq');
  const history = await db.all<Row>(
    'SELECT * FROM training_registration_history ORDER BY registration_id, position',
  );
  let seq = await count(db, 'SELECT COALESCE(MAX(seq), 0) AS n FROM training_registrations');
  const loader = new Loader(db, [
    'training_sessions',
    'training_registrations',
    'training_registration_history',
  ]);
  const started = performance.now();
  for (let round = 1; round <= rounds; round++) {
    const ids = new Map<string, string>();
    for (const course of courses) ids.set(course.id, cloneId(course.id, round));
    for (const session of sessions) ids.set(session.id as string, cloneId(session.id as string, round));
    for (const registration of registrations)
      ids.set(registration.id as string, cloneId(registration.id as string, round));
    await db.atomic(async () => {
      const batch = writeBatch(db);
      for (const course of courses) {
        const clone = JSON.parse(remap(course.data, ids) as string) as Parameters<typeof saveCourse>[1];
        await saveCourse(
          batch.db,
          {
            ...clone,
            reference: `${clone.reference}-${round}`,
            title: withSuffix(clone.title, ` (${round + 1})`),
          },
          course.created_at,
        );
      }
      await batch.flush();
      for (const session of sessions) loader.add('training_sessions', remapRow(session, ids));
      for (const registration of registrations) {
        const clone = remapRow(registration, ids);
        clone.seq = ++seq;
        loader.add('training_registrations', clone);
      }
      for (const row of history) loader.add('training_registration_history', remapRow(row, ids));
      await loader.flush();
    });
    if (round % 20 === 0 || round === rounds)
      log(`  courses round ${round} / ${rounds} (${Math.round(performance.now() - started)} ms)`);
  }
  return rounds * sessions.length;
}

/** The tables {@link ScaleReport.counts} counts. */
export const COUNTED_TABLES = [
  'associations',
  'calls',
  'applications',
  'reviews',
  'awards',
  'consultations',
  'contributions',
  'courses',
  'training_sessions',
  'training_registrations',
] as const;

/**
 * Grows a demo-seeded database to `targets` by cloning its rows, each resource in its own large transactions,
 * and answers the counts. Deterministic: the same targets give the same rows. Runs on SQLite and PostgreSQL.
 *
 * @example
 * ```ts
 * const server = await startServer({ dataDir, seed: 'demo' });
 * await growToScale(server.db, scaleTargets('10x'), console.log);
 * ```
 */
export async function growToScale(
  db: Db,
  targets: ScaleTargets,
  log: ScaleLog = () => {},
): Promise<ScaleReport> {
  const started = performance.now();
  const random = mulberry32(seedFor('scale'));
  const step = async (name: string, grow: () => Promise<number>) => {
    const at = performance.now();
    const added = await grow();
    log(`${name}: +${added} in ${((performance.now() - at) / 1000).toFixed(1)} s`);
  };
  await step('associations', () => growAssociations(db, targets.associations, random, log));
  await step('calls', () => growCalls(db, targets.calls, log));
  await step('consultations', () => growConsultations(db, targets.consultations, random, log));
  await step('draft law contributions', () => growDraftLaw(db, targets.draftLawContributions, random, log));
  await step('training sessions', () => growCourses(db, targets.sessions, log));
  // The clones were loaded in bulk, past the store: the counters that lists and figures read (totals per
  // state, participants per consultation) are rebuilt from the rows once, at the end.
  await step('contribution counters', async () => {
    await recountContributions(db);
    return 0;
  });
  const counts: Record<string, number> = {};
  for (const table of COUNTED_TABLES) counts[table] = await count(db, `SELECT count(*) AS n FROM ${table}`);
  return {
    counts,
    draftLawContributions: await count(
      db,
      'SELECT count(*) AS n FROM contributions WHERE consultation_id = ?',
      [demoFixtures.consultations.draftLaw],
    ),
    elapsedMs: performance.now() - started,
  };
}

/** Options of {@link seedScale}. */
export interface SeedScaleOptions {
  /** `demo`, `10x`, `national` or a multiplier such as `2x` (see {@link scaleTargets}). */
  scale: string;
  /** The data directory (the SQLite file, and stored files on either database). */
  dataDir: string;
  /** A `postgres://` URL; without it, SQLite in `dataDir`. */
  database?: string;
  log?: ScaleLog;
}

/**
 * Builds a scale data set in a NEW database: the demo seed as `--seed demo` makes it (every fixture id holds),
 * then {@link growToScale}. Rejects when the database already has data, so that a build never mixes with an
 * older one.
 *
 * @example
 * ```ts
 * const report = await seedScale({ scale: 'national', dataDir: '/srv/bench-data/national' });
 * report.counts.associations; // 250000
 * ```
 */
export async function seedScale(options: SeedScaleOptions): Promise<ScaleReport> {
  const targets = scaleTargets(options.scale);
  const log = options.log ?? (() => {});
  const started = performance.now();
  const server = await startServer({
    dataDir: options.dataDir,
    ...(options.database ? { database: options.database } : {}),
    seed: 'demo',
    logLevel: 'warn',
    fileSweep: false,
  });
  try {
    if (!server.seeded)
      throw new Error(
        `the database already has data (${options.database ? 'the --database given' : `${options.dataDir}/nassij.sqlite`}); seed builds a new one`,
      );
    log(`demo seeded in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    const report = await growToScale(server.db, targets, log);
    return { ...report, elapsedMs: performance.now() - started };
  } finally {
    await server.close();
  }
}
