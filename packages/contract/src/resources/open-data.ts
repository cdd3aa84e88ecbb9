import * as z from 'zod/mini';
import { Id, RegionCode, WebUrl } from '../shared/ids.js';
import { CalendarDate, Instant } from '../shared/instant.js';
import { LocalizedText } from '../shared/localized-text.js';
import { CURRENCY, type Money } from '../shared/money.js';

/**
 * The datasets the platform publishes as open data. `awards-360giving` is the awards in the 360Giving
 * standard's shape and has its own route; the others are served by `GET /v1/open-data/{dataset}`.
 *
 * @example
 * ```ts
 * const id: DatasetId = 'awards';
 * ```
 */
export const DATASET_IDS = [
  'calls',
  'awards',
  'awards-360giving',
  'consultations',
  'contributions',
  'training-sessions',
] as const;
export type DatasetId = (typeof DATASET_IDS)[number];
/** Schema of a {@link DatasetId}. */
export const DatasetId = /* @__PURE__ */ (() => z.enum(DATASET_IDS))();

/** The datasets `GET /v1/open-data/{dataset}` exports (all but the 360Giving package). */
export const EXPORTABLE_DATASET_IDS = /* @__PURE__ */ (() =>
  DATASET_IDS.filter((id): id is Exclude<DatasetId, 'awards-360giving'> => id !== 'awards-360giving'))();

/**
 * One published dataset, its licence and where to download it.
 *
 * @example
 * ```ts
 * const awards: Dataset = {
 *   id: 'awards', title: { ar: 'المنح الممنوحة', fr: 'Subventions attribuées' },
 *   description: { fr: 'Une ligne par subvention décidée' },
 *   licence: { id: 'etalab-2.0', url: 'https://www.etalab.gouv.fr/licence-ouverte-open-licence/' },
 *   formats: [{ mediaType: 'text/csv', url: '/v1/open-data/awards?format=csv' }],
 *   lastUpdated: '2026-06-01T00:00:00Z', recordCount: 1830,
 * };
 * ```
 */
export const Dataset = /* @__PURE__ */ (() =>
  z.strictObject({
    id: DatasetId,
    title: LocalizedText,
    description: LocalizedText,
    licence: z.strictObject({ id: z.enum(['etalab-2.0', 'CC-BY-4.0']), url: WebUrl }),
    formats: z
      .array(
        z.strictObject({
          mediaType: z.enum(['text/csv', 'application/json', 'application/x-ndjson']),
          /** Absolute, or relative to the API's base URL. */
          url: z.string().check(z.minLength(1)),
        }),
      )
      .check(z.minLength(1)),
    /** A JSON Schema or Table Schema describing the records. */
    schemaUrl: z.optional(z.string().check(z.minLength(1))),
    lastUpdated: Instant,
    recordCount: z.number().check(z.int(), z.nonnegative()),
  }))();
export type Dataset = z.infer<typeof Dataset>;

/**
 * The open data catalogue: every dataset and who publishes them.
 *
 * @example
 * ```ts
 * const catalogue: DataCatalogue = { datasets: [awards], publisher: { ar: 'الوزارة المكلفة بالعلاقات مع البرلمان' } };
 * ```
 */
export const DataCatalogue = /* @__PURE__ */ (() =>
  z.strictObject({
    datasets: z.array(Dataset),
    publisher: LocalizedText,
  }))();
export type DataCatalogue = z.infer<typeof DataCatalogue>;

/**
 * Path parameters of `GET /v1/open-data/{dataset}`.
 *
 * @example
 * ```ts
 * ExportParams.parse({ dataset: 'training-sessions' });
 * ```
 */
export const ExportParams = /* @__PURE__ */ (() =>
  z.strictObject({ dataset: z.enum(EXPORTABLE_DATASET_IDS) }))();
export type ExportParams = z.infer<typeof ExportParams>;

/**
 * Query of `GET /v1/open-data/{dataset}`: the format (CSV by default) and optional year and region.
 *
 * @example
 * ```ts
 * validate(ExportQuery, { format: 'json', year: '2026', region: 'MA-06' }, 'query');
 * ```
 */
export const ExportQuery = /* @__PURE__ */ (() =>
  z.strictObject({
    format: z._default(z.enum(['csv', 'json']), 'csv'),
    year: z.optional(z.coerce.number<number>().check(z.int(), z.minimum(2000), z.maximum(2100))),
    region: z.optional(RegionCode),
    /** Only this consultation's records (datasets `consultations` and `contributions`). */
    consultationId: z.optional(Id),
  }))();
export type ExportQuery = z.infer<typeof ExportQuery>;

/** An organisation as 360Giving names it: an org-id style identifier and a name. */
const ThreeSixtyGivingOrganization = /* @__PURE__ */ (() =>
  z.object({
    id: z.string().check(z.minLength(1)),
    name: z.string().check(z.minLength(1)),
  }))();

/**
 * One grant in the 360Giving Data Standard's shape (https://standard.threesixtygiving.org), exported from
 * an award. These export shapes are loose objects: the standard allows extra fields.
 *
 * `amountAwarded` is a JSON number because the standard requires one; it is the one place where Nassij
 * writes money as a number, built exactly from the decimal string by {@link toAmountAwarded}.
 *
 * @example
 * ```ts
 * const grant: ThreeSixtyGivingGrant = {
 *   id: '360G-nassij-awd_1', title: 'دعم مشروع محو الأمية', description: 'Projet d’alphabétisation des femmes',
 *   currency: 'MAD', amountAwarded: 150000, awardDate: '2026-06-15',
 *   recipientOrganization: [{ id: 'MA-ASSO-12345', name: 'جمعية الأمل' }],
 *   fundingOrganization: [{ id: 'MA-GOV-MRP', name: 'Ministère chargé des relations avec le Parlement' }],
 *   beneficiaryLocation: [{ name: 'Casablanca-Settat', countryCode: 'MA', geoCode: 'MA-06', geoCodeType: 'RGN' }],
 *   fromOpenCall: 'Yes',
 * };
 * ```
 */
export const ThreeSixtyGivingGrant = /* @__PURE__ */ (() =>
  z.object({
    /** A registered 360Giving prefix (`360G-{publisher}-`) followed by the award's own id. */
    id: z
      .string()
      .check(
        z.regex(/^360G-[A-Za-z0-9._]+-\S+$/, { message: 'A 360Giving identifier: 360G-{publisher}-{id}' }),
      ),
    title: z.string().check(z.minLength(1)),
    description: z.string().check(z.minLength(1)),
    currency: z.literal(CURRENCY),
    amountAwarded: z.number().check(z.nonnegative()),
    awardDate: CalendarDate,
    recipientOrganization: z.array(ThreeSixtyGivingOrganization).check(z.minLength(1)),
    fundingOrganization: z.array(ThreeSixtyGivingOrganization).check(z.minLength(1)),
    beneficiaryLocation: z.optional(
      z.array(
        z.object({
          name: z.string().check(z.minLength(1)),
          countryCode: z.literal('MA'),
          geoCode: z.optional(z.string()),
          geoCodeType: z.optional(z.string()),
        }),
      ),
    ),
    fromOpenCall: z.optional(z.enum(['Yes', 'No'])),
    plannedDates: z.optional(
      z.array(
        z.object({
          startDate: z.optional(CalendarDate),
          endDate: z.optional(CalendarDate),
          /** Months, as the standard counts them. */
          duration: z.optional(z.number().check(z.nonnegative())),
        }),
      ),
    ),
  }))();
export type ThreeSixtyGivingGrant = z.infer<typeof ThreeSixtyGivingGrant>;

/**
 * A 360Giving data package: `{ grants: [...] }`.
 *
 * @example
 * ```ts
 * const pkg: ThreeSixtyGivingPackage = { grants: [grant] };
 * ```
 */
export const ThreeSixtyGivingPackage = /* @__PURE__ */ (() =>
  z.object({
    grants: z.array(ThreeSixtyGivingGrant),
  }))();
export type ThreeSixtyGivingPackage = z.infer<typeof ThreeSixtyGivingPackage>;

/** Amounts from this many dirhams up have more than 15 significant digits and no exact double. */
const LARGEST_EXACT_AWARD = 10_000_000_000_000n;

/**
 * Converts a {@link Money} to the number 360Giving's `amountAwarded` requires. Below 10 000 billion MAD an
 * amount has at most 15 significant digits, so the double reads back as the same decimal; above, it
 * would not, and this throws rather than publish a wrong amount.
 *
 * @example
 * ```ts
 * toAmountAwarded({ amount: '150000.50', currency: 'MAD' }); // 150000.5
 * ```
 */
export function toAmountAwarded(money: Money): number {
  const [whole = '0'] = money.amount.split('.');
  if (BigInt(whole) >= LARGEST_EXACT_AWARD) throw new RangeError('The amount has no exact JSON number');
  return Number(money.amount);
}
