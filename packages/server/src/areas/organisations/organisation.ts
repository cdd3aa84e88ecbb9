// What an organisation is made of, without the database: the organisations the reference data's sectors
// give, their ids and how a row stores them, and who may run its calls. The migration, the store, the CLI
// and the areas that act for an organisation share it.
import {
  type Account,
  foldForSearch,
  type LocalizedText,
  type Organisation,
  SECTORS,
  type Sector,
} from '@nassij/contract';

/**
 * Characters of the folded name kept in `name_fr_sort`: the sort key goes into page cursors (at most 256
 * characters a value), while a name may be long. Names alike over their first 60 characters fall to the id.
 */
export const NAME_SORT_LENGTH = 60;

/**
 * The id of the organisation of a sector: `org_` and the sector's code, so that it reads as what it is and
 * never changes while the sector's code does not.
 *
 * @example
 * ```ts
 * organisationIdOf('region-souss-massa'); // 'org_region-souss-massa'
 * ```
 */
export function organisationIdOf(sectorCode: string): string {
  return `org_${sectorCode}`;
}

/**
 * The organisation of a reference data sector, as the API shows it.
 *
 * @example
 * ```ts
 * organisationOf(SECTORS.find((s) => s.code === 'region-souss-massa')!).region; // 'MA-09'
 * ```
 */
export function organisationOf(sector: Sector): Organisation {
  return {
    id: organisationIdOf(sector.code),
    sectorCode: sector.code,
    name: sector.name,
    kind: sector.kind,
    level: sector.level,
    ...(sector.region ? { region: sector.region } : {}),
  };
}

/**
 * Every organisation the reference data's sectors give, in the sectors' order: each deployment has them.
 *
 * @example
 * ```ts
 * sectorOrganisations().find((o) => o.id === 'org_region-souss-massa')?.name.fr; // 'Conseil régional Souss-Massa'
 * ```
 */
export function sectorOrganisations(): Organisation[] {
  return SECTORS.map(organisationOf);
}

/**
 * The sort key of an organisation's name: its French name (else Arabic, else any) folded as search folds
 * it, cut to {@link NAME_SORT_LENGTH} characters (code points, as SQL's `substr` counts them).
 *
 * @example
 * ```ts
 * nameSortOf({ ar: 'وزارة الداخلية', fr: "Ministère de l'Intérieur" }); // 'ministere de l interieur'
 * ```
 */
export function nameSortOf(name: LocalizedText): string {
  const first = name.fr ?? name.ar ?? Object.values(name).find((text) => text !== undefined) ?? '';
  return Array.from(foldForSearch(first)).slice(0, NAME_SORT_LENGTH).join('');
}

/** The columns of `organisations`, in the order of {@link organisationRow}. */
export const ORGANISATION_COLUMNS = [
  'id',
  'sector_code',
  'kind',
  'level',
  'region',
  'name_fr_sort',
  'data',
] as const;

/**
 * An organisation as the values of an `organisations` row, in {@link ORGANISATION_COLUMNS} order.
 *
 * @example
 * ```ts
 * await db.write(`INSERT INTO organisations (${ORGANISATION_COLUMNS.join(', ')}) VALUES (?, ?, ?, ?, ?, ?, ?)`,
 *   organisationRow(organisation));
 * ```
 */
export function organisationRow(organisation: Organisation): (string | null)[] {
  return [
    organisation.id,
    organisation.sectorCode,
    organisation.kind,
    organisation.level,
    organisation.region ?? null,
    nameSortOf(organisation.name),
    JSON.stringify(organisation),
  ];
}

/** The roles that write and run an organisation's calls. */
const CALL_STAFF_ROLES = ['call_manager', 'organisation_admin'] as const;

/**
 * Whether `auth` may write and run the calls of `organisationId`: a platform admin, or a call manager or
 * organisation admin of that organisation. Staff of another organisation may not, whatever their role.
 *
 * @example
 * ```ts
 * if (!runsCallsOf(auth, call.funder.organisationId)) throw problem('forbidden');
 * ```
 */
export function runsCallsOf(auth: Account | null, organisationId: string | undefined): boolean {
  if (!auth) return false;
  if (auth.roles.includes('admin')) return true;
  return (
    organisationId !== undefined &&
    auth.organisationId === organisationId &&
    CALL_STAFF_ROLES.some((role) => auth.roles.includes(role))
  );
}

/** The roles that author an organisation's courses and run their sessions. */
const TRAINING_STAFF_ROLES = ['training_manager', 'organisation_admin'] as const;

/**
 * Whether `auth` may author the courses of `organisationId` and run their sessions (attendance included): a
 * platform admin, or a training manager or organisation admin of that organisation. A course's organisation
 * is `organisationIdOf(course.provider.sectorCode)`.
 *
 * @example
 * ```ts
 * if (!runsTrainingsOf(auth, organisationIdOf(course.provider.sectorCode))) throw problem('forbidden');
 * ```
 */
export function runsTrainingsOf(auth: Account | null, organisationId: string | undefined): boolean {
  if (!auth) return false;
  if (auth.roles.includes('admin')) return true;
  return (
    organisationId !== undefined &&
    auth.organisationId === organisationId &&
    TRAINING_STAFF_ROLES.some((role) => auth.roles.includes(role))
  );
}

/** The roles that prepare, publish and run an organisation's consultations. */
const CONSULTATION_STAFF_ROLES = ['consultation_manager', 'organisation_admin'] as const;

/**
 * Whether `auth` may prepare, publish and run the consultations of `organisationId` (drafts, versions of
 * the text, early close): a platform admin, or a consultation manager or organisation admin of that
 * organisation. A consultation's organisation is `organisationIdOf(issuingBody.sectorCode)`.
 *
 * @example
 * ```ts
 * if (!runsConsultationsOf(auth, organisationIdOf(consultation.issuingBody.sectorCode))) throw problem('forbidden');
 * ```
 */
export function runsConsultationsOf(auth: Account | null, organisationId: string | undefined): boolean {
  if (!auth) return false;
  if (auth.roles.includes('admin')) return true;
  return (
    organisationId !== undefined &&
    auth.organisationId === organisationId &&
    CONSULTATION_STAFF_ROLES.some((role) => auth.roles.includes(role))
  );
}

/**
 * Whether `auth` moderates the contributions of the consultations `organisationId` holds: a platform admin or
 * a platform moderator (a moderator of no organisation) moderates every consultation; an organisation's
 * moderator, only its own organisation's.
 *
 * @example
 * ```ts
 * if (!moderatesConsultationsOf(auth, organisationIdOf(sector))) throw problem('forbidden');
 * ```
 */
export function moderatesConsultationsOf(auth: Account | null, organisationId: string | undefined): boolean {
  if (!auth) return false;
  if (auth.roles.includes('admin')) return true;
  if (!auth.roles.includes('moderator')) return false;
  return auth.organisationId === undefined || auth.organisationId === organisationId;
}
