// The exportable datasets: for each, its columns (a stable, documented order), the rows it reads and how a
// row becomes a flat record. Records never carry personal data: no account ids, device hashes, e-mails,
// author names, participant names, trainers or call contacts.
import {
  type AwardReport,
  type ConsultationPhaseDates,
  casablancaDate,
  type ExportParams,
  type ExportQuery,
  fromMinorUnits,
  type LocalizedText,
  type RegionCode,
  type ThreeSixtyGivingGrant,
} from '@nassij/contract';
import type { VersionedTable } from '../../db/data-versions.js';
import type { Db, SqlValue } from '../../db/db.js';
import { type Keyset, keysetClause, orderByClause } from '../../http/cursor.js';
import { awardsFromRows } from '../applications/awards.js';
import { isOverdue } from '../award-reports/index.js';
import { reportsOfAwards } from '../award-reports/store.js';
import { consultationPhaseAt, consultationTotals } from '../consultations/store.js';
import { yearRange } from '../indicators/period.js';
import type { ExportRecord } from './csv.js';

/** An exportable dataset id (all but the 360Giving package). */
export type ExportableId = ExportParams['dataset'];

/** The optional filters of an export. */
export type ExportFilter = Pick<ExportQuery, 'year' | 'region' | 'consultationId'>;

type Row = Record<string, unknown>;

/** How one dataset is read and flattened. */
export interface DatasetSource {
  id: ExportableId;
  title: LocalizedText;
  description: LocalizedText;
  /** Column order of both CSV and JSON records. */
  columns: readonly string[];
  /** `FROM` clause; the main table is aliased `t` and has a unique text `id` used for keyset paging. */
  from: string;
  /** Conditions always applied (`1 = 1` when none). */
  base: string;
  /** Conditions of the year and region filters. */
  filter(filter: ExportFilter): { sql: string; params: SqlValue[] };
  /** SQL expression of the newest change of a row, for `lastUpdated` (indexed where the table is large). */
  changedAt: string;
  /** The tables the records are read from, for the catalogue's cache (see db/data-versions.ts). */
  tables: readonly VersionedTable[];
  /**
   * Figures the records of a page need beyond their own rows, by row id, read for the whole page at once:
   * one query per page rather than one per row, and never hundreds of queries in flight together.
   */
  pageExtras?(db: Db, ids: readonly string[]): Promise<Map<string, Row>>;
  /** `extra` is the row's entry of {@link DatasetSource.pageExtras}; `now` is the request's clock. */
  toRecord(row: Row, extra: Row | undefined, now: string): ExportRecord;
}

const text = (value: LocalizedText | undefined, locale: 'ar' | 'fr'): string | null =>
  value?.[locale] ?? null;
const str = (value: unknown): string | null => (value === null || value === undefined ? null : String(value));
const money = (minor: unknown): string | null =>
  minor === null || minor === undefined ? null : fromMinorUnits(BigInt(minor as number)).amount;
const json = <T>(value: unknown): T => JSON.parse(String(value)) as T;

function yearWhere(column: string, year: number | undefined): { sql: string; params: SqlValue[] } {
  if (year === undefined) return { sql: '', params: [] };
  const range = yearRange(year);
  return { sql: ` AND ${column} >= ? AND ${column} < ?`, params: [range.start, range.end] };
}

function join(parts: { sql: string; params: SqlValue[] }[]): { sql: string; params: SqlValue[] } {
  return { sql: parts.map((p) => p.sql).join(''), params: parts.flatMap((p) => p.params) };
}

function regionWhere(column: string, region: RegionCode | undefined): { sql: string; params: SqlValue[] } {
  return region ? { sql: ` AND ${column} = ?`, params: [region] } : { sql: '', params: [] };
}

function equalWhere(column: string, value: string | undefined): { sql: string; params: SqlValue[] } {
  return value ? { sql: ` AND ${column} = ?`, params: [value] } : { sql: '', params: [] };
}

interface CallData {
  title: LocalizedText;
  funder: { sectorCode: string; name: LocalizedText; level: string };
  domains: string[];
  eligibleRegions: string[];
  budget: { total: { amount: string } };
}

const calls: DatasetSource = {
  id: 'calls',
  title: {
    ar: 'طلبات العروض الخاصة بالدعم العمومي للجمعيات',
    fr: 'Appels à projets de soutien public aux associations',
    en: 'Calls for public support to associations',
  },
  description: {
    ar: 'سطر لكل طلب عروض منشور: الممول، السنة المالية، الجهات والمجالات المؤهلة، الميزانية والتواريخ.',
    fr: 'Une ligne par appel publié : financeur, exercice, régions et domaines éligibles, budget et dates.',
    en: 'One row per published call: funder, fiscal year, eligible regions and domains, budget and dates.',
  },
  columns: [
    'id',
    'reference',
    'title_ar',
    'title_fr',
    'status',
    'instrument',
    'fiscal_year',
    'funder_sector',
    'funder_name_ar',
    'funder_name_fr',
    'funder_level',
    'coverage',
    'eligible_regions',
    'domains',
    'budget_total',
    'min_award',
    'max_award',
    'currency',
    'published_at',
    'opens_at',
    'closes_at',
  ],
  from: 'calls t',
  base: '1 = 1',
  filter: (f) =>
    join([
      f.year === undefined ? { sql: '', params: [] } : { sql: ' AND t.fiscal_year = ?', params: [f.year] },
      f.region
        ? {
            sql: " AND (t.coverage = 'national' OR EXISTS (SELECT 1 FROM call_regions r WHERE r.call_id = t.id AND r.region = ?))",
            params: [f.region],
          }
        : { sql: '', params: [] },
    ]),
  changedAt: 't.published_at',
  tables: ['calls', 'call_regions'],
  toRecord(row) {
    const data = json<CallData>(row.data);
    return {
      id: str(row.id),
      reference: str(row.reference),
      title_ar: text(data.title, 'ar'),
      title_fr: text(data.title, 'fr'),
      status: str(row.status),
      instrument: str(row.instrument),
      fiscal_year: Number(row.fiscal_year),
      funder_sector: str(row.sector_code),
      funder_name_ar: text(data.funder.name, 'ar'),
      funder_name_fr: text(data.funder.name, 'fr'),
      funder_level: str(row.funder_level),
      coverage: str(row.coverage),
      eligible_regions: data.eligibleRegions.join(';'),
      domains: data.domains.join(';'),
      budget_total: data.budget.total.amount,
      min_award: money(row.min_award_minor),
      max_award: money(row.max_award_minor),
      currency: 'MAD',
      published_at: str(row.published_at),
      opens_at: str(row.opens_at),
      closes_at: str(row.closes_at),
    };
  },
};

/**
 * The awards dataset's columns named after the 360Giving Data Standard's fields (`recipientOrganization`'s
 * `id` as `recipientOrganization:Identifier`, as the standard's flattened spreadsheets title them), with
 * the same values as the `awards-360giving` package. They follow the older columns, which stay as they were
 * for the files and scripts that read them.
 */
const AWARD_360_COLUMNS = [
  'identifier',
  'title',
  'description',
  'amountAwarded',
  'awardDate',
  'recipientOrganization:Identifier',
  'recipientOrganization:Name',
  'fundingOrganization:Identifier',
  'fundingOrganization:Name',
  'beneficiaryLocation:Name',
  'beneficiaryLocation:CountryCode',
  'beneficiaryLocation:GeoCode',
  'beneficiaryLocation:GeoCodeType',
  'fromOpenCall',
  'amountDisbursed',
] as const;

/**
 * How each award is followed up: its reports by status (`reports_due` counts those still owed, returned
 * ones included), the overdue ones at the export's instant, and the tranches paid (`amountDisbursed`, a
 * 360Giving field, above). Counts only: never who sent or judged a report.
 */
const AWARD_FOLLOW_UP_COLUMNS = [
  'reports_required',
  'reports_due',
  'reports_submitted',
  'reports_accepted',
  'reports_overdue',
] as const;

/**
 * What the awards of a page need beyond their rows: each as its 360Giving grant (the package's own
 * `toGrant`, with the recipient's register number), its reports and the sum paid. `routes.ts` reads
 * `DATASETS` when it loads, so it is imported here when first needed rather than statically (a cycle).
 */
async function awardPageExtras(db: Db, ids: readonly string[]): Promise<Map<string, Row>> {
  const { toGrant } = await import('./routes.js');
  const marks = ids.map(() => '?').join(', ');
  const awardRows = await db.all<Row & { association_id: string }>(
    `SELECT a.*, s.registration_number FROM awards a LEFT JOIN associations s ON s.id = a.association_id
     WHERE a.id IN (${marks})`,
    [...ids],
  );
  const awards = awardsFromRows(awardRows);
  const reports = await reportsOfAwards(db, awards, new Date());
  const paid = await db.all<{ award_id: string; total: unknown }>(
    `SELECT award_id, SUM(amount_minor) AS total FROM disbursements WHERE award_id IN (${marks}) GROUP BY award_id`,
    [...ids],
  );
  const extras = new Map<string, Row>();
  awards.forEach((award, index) => {
    const number = awardRows[index]?.registration_number;
    extras.set(award.id, {
      grant: toGrant(award, typeof number === 'string' ? number : undefined),
      reports: reports.filter((report) => report.awardId === award.id),
      disbursedMinor: paid.find((row) => row.award_id === award.id)?.total ?? 0,
    });
  });
  return extras;
}

function award360Fields(grant: ThreeSixtyGivingGrant | undefined): ExportRecord {
  const location = grant?.beneficiaryLocation?.[0];
  return {
    identifier: grant?.id ?? null,
    title: grant?.title ?? null,
    description: grant?.description ?? null,
    amountAwarded: grant?.amountAwarded ?? null,
    awardDate: grant?.awardDate ?? null,
    'recipientOrganization:Identifier': grant?.recipientOrganization[0]?.id ?? null,
    'recipientOrganization:Name': grant?.recipientOrganization[0]?.name ?? null,
    'fundingOrganization:Identifier': grant?.fundingOrganization[0]?.id ?? null,
    'fundingOrganization:Name': grant?.fundingOrganization[0]?.name ?? null,
    'beneficiaryLocation:Name': location?.name ?? null,
    'beneficiaryLocation:CountryCode': location?.countryCode ?? null,
    'beneficiaryLocation:GeoCode': location?.geoCode ?? null,
    'beneficiaryLocation:GeoCodeType': location?.geoCodeType ?? null,
    fromOpenCall: grant?.fromOpenCall ?? null,
  };
}

function awardFollowUp(extra: Row | undefined, now: string): ExportRecord {
  const reports = (extra?.reports as AwardReport[] | undefined) ?? [];
  const count = (keep: (report: AwardReport) => boolean) => reports.filter(keep).length;
  const at = new Date(now);
  return {
    amountDisbursed: money(extra?.disbursedMinor ?? 0),
    reports_required: reports.length,
    reports_due: count((r) => r.status === 'due' || r.status === 'returned'),
    reports_submitted: count((r) => r.status === 'submitted'),
    reports_accepted: count((r) => r.status === 'accepted'),
    reports_overdue: count((r) => isOverdue(r.dueOn, r.status, at)),
  };
}

interface AwardData {
  callReference: string;
  callTitle: LocalizedText;
  funder: { sectorCode: string; name: LocalizedText };
  associationName: LocalizedText;
  projectTitle: string;
  domains: string[];
}

const awards: DatasetSource = {
  id: 'awards',
  title: {
    ar: 'المنح الممنوحة للجمعيات',
    fr: 'Subventions attribuées aux associations',
    en: 'Awards to associations',
  },
  description: {
    ar: 'سطر لكل منحة مقررة: طلب العروض، الممول، الجمعية المستفيدة، المشروع، المبلغ، الجهة والمجالات.',
    fr: 'Une ligne par subvention décidée : appel, financeur, association bénéficiaire, projet, montant, région et domaines.',
    en: 'One row per award decided: call, funder, recipient association, project, amount, region and domains.',
  },
  columns: [
    'id',
    'call_id',
    'call_reference',
    'call_title_ar',
    'call_title_fr',
    'funder_sector',
    'funder_name_ar',
    'funder_name_fr',
    'funder_level',
    'fiscal_year',
    'association_id',
    'association_name_ar',
    'association_name_fr',
    'project_title',
    'amount',
    'currency',
    'region',
    'domains',
    'decided_at',
    ...AWARD_360_COLUMNS,
    ...AWARD_FOLLOW_UP_COLUMNS,
  ],
  from: 'awards t',
  base: '1 = 1',
  filter: (f) =>
    join([
      f.year === undefined ? { sql: '', params: [] } : { sql: ' AND t.fiscal_year = ?', params: [f.year] },
      regionWhere('t.region', f.region),
    ]),
  changedAt: 't.decided_at',
  // The follow-up columns (reports, amounts disbursed) change with these too.
  tables: ['awards', 'award_reports', 'disbursements'],
  pageExtras: awardPageExtras,
  toRecord(row, extra, now) {
    const data = json<AwardData>(row.data);
    return {
      id: str(row.id),
      call_id: str(row.call_id),
      call_reference: data.callReference,
      call_title_ar: text(data.callTitle, 'ar'),
      call_title_fr: text(data.callTitle, 'fr'),
      funder_sector: data.funder.sectorCode,
      funder_name_ar: text(data.funder.name, 'ar'),
      funder_name_fr: text(data.funder.name, 'fr'),
      funder_level: str(row.funder_level),
      fiscal_year: Number(row.fiscal_year),
      association_id: str(row.association_id),
      association_name_ar: text(data.associationName, 'ar'),
      association_name_fr: text(data.associationName, 'fr'),
      project_title: data.projectTitle,
      amount: money(row.amount_minor),
      currency: 'MAD',
      region: str(row.region),
      domains: data.domains.join(';'),
      decided_at: str(row.decided_at),
      ...award360Fields(extra?.grant as ThreeSixtyGivingGrant | undefined),
      ...awardFollowUp(extra, now),
    };
  },
};

interface ConsultationData {
  title: LocalizedText;
  issuingBody: { name: LocalizedText };
  phases: ConsultationPhaseDates[];
}

interface SynthesisData {
  publishedAt: string;
  recommendations: { outcome: string }[];
}

const consultations: DatasetSource = {
  id: 'consultations',
  title: {
    ar: 'الاستشارات العمومية ونتائجها',
    fr: 'Consultations publiques et leurs résultats',
    en: 'Public consultations and their outcomes',
  },
  description: {
    ar: 'سطر لكل استشارة: الجهة المصدرة، النطاق، التواريخ، أرقام المشاركة، ومآل التوصيات بعد نشر الخلاصة.',
    fr: 'Une ligne par consultation : émetteur, portée, dates, chiffres de participation et suite donnée aux recommandations une fois la synthèse publiée.',
    en: 'One row per consultation: issuer, scope, dates, participation figures and what became of the recommendations once the synthesis is published.',
  },
  columns: [
    'id',
    'reference',
    'title_ar',
    'title_fr',
    'issuing_sector',
    'issuing_body_ar',
    'issuing_body_fr',
    'scope',
    'region',
    'subject_type',
    'participation_mode',
    'phase',
    'contributions_open_at',
    'contributions_close_at',
    'participants',
    'contributions',
    'recommendations',
    'supports',
    'synthesis_published_at',
    'recommendations_accepted',
    'recommendations_partly_accepted',
    'recommendations_not_retained',
    'recommendations_out_of_scope',
  ],
  from: 'consultations t',
  base: '1 = 1',
  filter: (f) =>
    join([
      yearWhere('t.contributions_open_at', f.year),
      regionWhere('t.region', f.region),
      equalWhere('t.id', f.consultationId),
    ]),
  changedAt: 'COALESCE(t.contributions_close_at, t.created_at)',
  tables: ['consultations', 'contributions'],
  async pageExtras(db, ids) {
    // The same figures as the consultation's own stats in the API, from the consultations area's own
    // function; one at a time, since each may count many contributions.
    const extras = new Map<string, Row>();
    for (const id of ids) extras.set(id, { ...(await consultationTotals(db, id)) });
    return extras;
  },
  toRecord(row, extra, now) {
    const data = json<ConsultationData>(row.data);
    const figures = {
      participants: Number(extra?.participants ?? 0),
      contributions: Number(extra?.contributions ?? 0),
      recommendations: Number(extra?.recommendations ?? 0),
      supports: Number(extra?.supports ?? 0),
    };
    // The phase moves with the clock; the stored column is only what the seed or the last write saw.
    const synthesis = row.synthesis ? json<SynthesisData>(row.synthesis) : undefined;
    const phase = consultationPhaseAt(data.phases, synthesis !== undefined, new Date(now));
    const outcomes = (outcome: string) =>
      synthesis ? synthesis.recommendations.filter((r) => r.outcome === outcome).length : null;
    return {
      id: str(row.id),
      reference: str(row.reference),
      title_ar: text(data.title, 'ar'),
      title_fr: text(data.title, 'fr'),
      issuing_sector: str(row.issuing_sector),
      issuing_body_ar: text(data.issuingBody.name, 'ar'),
      issuing_body_fr: text(data.issuingBody.name, 'fr'),
      scope: str(row.scope),
      region: str(row.region),
      subject_type: str(row.subject_type),
      participation_mode: str(row.participation_mode),
      phase,
      contributions_open_at: str(row.contributions_open_at),
      contributions_close_at: str(row.contributions_close_at),
      participants: figures.participants,
      contributions: figures.contributions,
      recommendations: figures.recommendations,
      supports: figures.supports,
      synthesis_published_at: synthesis?.publishedAt ?? null,
      recommendations_accepted: outcomes('accepted'),
      recommendations_partly_accepted: outcomes('partly_accepted'),
      recommendations_not_retained: outcomes('not_retained'),
      recommendations_out_of_scope: outcomes('out_of_scope'),
    };
  },
};

const contributions: DatasetSource = {
  id: 'contributions',
  title: {
    ar: 'المساهمات المنشورة في الاستشارات (مجهولة الهوية)',
    fr: 'Contributions publiées aux consultations (anonymisées)',
    en: 'Published consultation contributions (anonymised)',
  },
  description: {
    ar: 'سطر لكل مساهمة منشورة بعد الإشراف، دون أي معطى شخصي: المادة، النوع، الموقف، صنف المشارك، الجهة، تاريخ الإيداع، التأييدات والنص.',
    fr: 'Une ligne par contribution publiée après modération, sans donnée personnelle : article, nature, position, type de participant, région, date de dépôt, soutiens et texte.',
    en: 'One row per contribution published after moderation, without personal data: article, kind, position, participant type, region, date, supports and text.',
  },
  columns: [
    'id',
    'consultation_id',
    'article_id',
    'parent_id',
    'kind',
    'position',
    'participant_type',
    'region',
    'created_on',
    'supports',
    'moderation',
    'body',
    'proposed_text',
  ],
  from: 'contributions t',
  base: "t.moderation_state = 'published'",
  filter: (f) =>
    join([
      yearWhere('t.created_at', f.year),
      regionWhere('t.region', f.region),
      equalWhere('t.consultation_id', f.consultationId),
    ]),
  // Indexed with the state (contributions_by_state_changed), so the MAX is read from the end of the index.
  changedAt: 'COALESCE(t.decided_at, t.edited_at, t.created_at)',
  tables: ['contributions'],
  // Only these columns are written: author, participant_key, account_id and device_hash never leave the table.
  toRecord(row) {
    return {
      id: str(row.id),
      consultation_id: str(row.consultation_id),
      article_id: str(row.article_id),
      parent_id: str(row.parent_id),
      kind: str(row.kind),
      position: str(row.position),
      participant_type: str(row.participant_type),
      region: str(row.region),
      created_on: casablancaDate(String(row.created_at)),
      supports: Number(row.supports),
      moderation: 'published',
      body: str(row.body),
      proposed_text: str(row.proposed_text),
    };
  },
};

interface SessionData {
  location: { kind: string; city?: LocalizedText; platform?: string };
}

const trainingSessions: DatasetSource = {
  id: 'training-sessions',
  title: {
    ar: 'دورات التكوين لفائدة الجمعيات',
    fr: 'Sessions de formation des associations',
    en: 'Training sessions for associations',
  },
  description: {
    ar: 'سطر لكل دورة تكوينية: التكوين، الجهة المنظمة، التواريخ، المكان، الطاقة الاستيعابية وأعداد المسجلين والحاضرين.',
    fr: 'Une ligne par session : formation, organisme, dates, lieu, capacité, nombres d’inscrits et de présents.',
    en: 'One row per session: course, provider, dates, place, capacity, numbers registered and attending.',
  },
  columns: [
    'id',
    'course_id',
    'course_reference',
    'course_title_ar',
    'course_title_fr',
    'provider_sector',
    'modality',
    'start_at',
    'end_at',
    'region',
    'city_ar',
    'city_fr',
    'language',
    'status',
    'capacity',
    'seats_left',
    'registrations',
    'attended',
  ],
  from: 'training_sessions t JOIN courses c ON c.id = t.course_id',
  base: '1 = 1',
  filter: (f) => join([yearWhere('t.start_at', f.year), regionWhere('t.region', f.region)]),
  changedAt: 't.start_at',
  tables: ['training_sessions', 'courses', 'training_registrations'],
  async pageExtras(db, ids) {
    // One grouped query for the page's sessions (training_registrations_by_session covers it).
    const rows = await db.all<Row>(
      `SELECT session_id,
         SUM(CASE WHEN status IN ('requested', 'confirmed', 'attended', 'no_show', 'completed') THEN 1 ELSE 0 END) AS registered,
         SUM(CASE WHEN status IN ('attended', 'completed') THEN 1 ELSE 0 END) AS attended
       FROM training_registrations WHERE session_id IN (${ids.map(() => '?').join(', ')}) GROUP BY session_id`,
      ids,
    );
    return new Map(rows.map((row) => [String(row.session_id), row]));
  },
  toRecord(row, counts, now) {
    const data = json<SessionData>(row.data);
    // As the trainings API shows it: a scheduled session that has ended reads `completed`.
    const status = row.status === 'scheduled' && String(row.end_at) <= now ? 'completed' : str(row.status);
    const course = json<{ title: LocalizedText; modality: string }>(row.course_data);
    return {
      id: str(row.id),
      course_id: str(row.course_id),
      course_reference: str(row.course_reference),
      course_title_ar: text(course.title, 'ar'),
      course_title_fr: text(course.title, 'fr'),
      provider_sector: str(row.provider_sector),
      modality: data.location.kind,
      start_at: str(row.start_at),
      end_at: str(row.end_at),
      region: str(row.region),
      city_ar: text(data.location.city, 'ar'),
      city_fr: text(data.location.city, 'fr'),
      language: str(row.language),
      status,
      capacity: Number(row.capacity),
      seats_left: Number(row.seats_left),
      registrations: Number(counts?.registered ?? 0),
      attended: Number(counts?.attended ?? 0),
    };
  },
};

/** Extra columns selected beside `t.*`, per dataset. */
const EXTRA_SELECT: Partial<Record<ExportableId, string>> = {
  'training-sessions': 'c.reference AS course_reference, c.provider_sector, c.data AS course_data',
};

/**
 * Every exportable dataset by id.
 *
 * @example
 * ```ts
 * DATASETS.awards.columns[0]; // 'id'
 * ```
 */
export const DATASETS: Readonly<Record<ExportableId, DatasetSource>> = {
  calls,
  awards,
  consultations,
  contributions,
  'training-sessions': trainingSessions,
};

function whereOf(source: DatasetSource, filter: ExportFilter): { sql: string; params: SqlValue[] } {
  const extra = source.filter(filter);
  return { sql: `WHERE ${source.base}${extra.sql}`, params: extra.params };
}

/** Every export's order: the exported table's primary key (`t` in each source's `from`). */
const BY_ID: Keyset = { name: 'id', keys: [{ expr: 't.id' }] };

/**
 * One page of records after the row id `after`, `''` for the first page (keyset paging keeps memory flat
 * and is not thrown off by rows added while a download runs). Returns the records and the last id read.
 *
 * @example
 * ```ts
 * const { records, last } = readPage(db, DATASETS.calls, {}, '', 500, new Date().toISOString());
 * ```
 */
export async function readPage(
  db: Db,
  source: DatasetSource,
  filter: ExportFilter,
  after: string,
  limit: number,
  now: string,
): Promise<{ records: ExportRecord[]; last: string | undefined }> {
  const where = whereOf(source, filter);
  const extra = EXTRA_SELECT[source.id];
  // The primary key's index gives the order: each page is a range read after the last id, never an offset.
  const keyset = keysetClause(BY_ID, after === '' ? undefined : [after]);
  const rows = await db.all<Row>(
    `SELECT t.*${extra ? `, ${extra}` : ''} FROM ${source.from} ${where.sql} AND (${keyset.sql}) ${orderByClause(BY_ID)} LIMIT ?`,
    [...where.params, ...keyset.params, limit],
  );
  const extras =
    source.pageExtras && rows.length > 0
      ? await source.pageExtras(
          db,
          rows.map((row) => String(row.id)),
        )
      : undefined;
  return {
    records: rows.map((row) => source.toRecord(row, extras?.get(String(row.id)), now)),
    last: rows.at(-1)?.id as string | undefined,
  };
}

/**
 * The number of records an export with `filter` holds, and the newest change among them.
 *
 * @example
 * ```ts
 * datasetFigures(db, DATASETS.awards, {}).count; // as many as the awards export has rows
 * ```
 */
export async function datasetFigures(
  db: Db,
  source: DatasetSource,
  filter: ExportFilter,
): Promise<{ count: number; lastChange: string | null }> {
  const where = whereOf(source, filter);
  // Exact counts: the catalogue keeps them per data version (routes.ts), so a count runs once per change of
  // its tables. Contributions, the one dataset that reaches a million rows, count published rows on the
  // (moderation_state, created_at) index. Two queries, because a MAX alone is read from the end of an index
  // while a MAX beside a COUNT would read every row.
  const count = await db.one<{ n: number }>(
    `SELECT COUNT(*) AS n FROM ${source.from} ${where.sql}`,
    where.params,
  );
  const last = await db.one<{ last: string | null }>(
    `SELECT MAX(${source.changedAt}) AS last FROM ${source.from} ${where.sql}`,
    where.params,
  );
  return { count: Number(count?.n ?? 0), lastChange: last?.last ?? null };
}
