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
