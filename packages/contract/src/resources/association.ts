import * as z from 'zod/mini';
import { DomainCode } from '../reference/domains.js';
import { Email, Id, Phone, RegionCode, WebUrl } from '../shared/ids.js';
import { CalendarDate } from '../shared/instant.js';
import { LocalizedText } from '../shared/localized-text.js';
import { Money } from '../shared/money.js';
import { PageQuery } from '../shared/page.js';
import { queryFlag } from '../shared/query-flag.js';
import { Membership } from './auth.js';

/**
 * The legal form of an association (dahir n° 1-58-376 on the right of association): a plain association,
 * a federation or a network of associations, or an association recognised of public utility.
 *
 * @example
 * ```ts
 * LegalForm.parse('federation'); // 'federation'
 * ```
 */
export const LegalForm = /* @__PURE__ */ (() =>
  z.enum(['association', 'federation', 'network', 'public_utility_association']))();
export type LegalForm = z.infer<typeof LegalForm>;

/**
 * Number of paid employees, in bands (never an exact head count): `none` for all-volunteer associations.
 *
 * @example
 * ```ts
 * SizeBand.parse('6-20'); // '6-20'
 * ```
 */
export const SizeBand = /* @__PURE__ */ (() => z.enum(['none', '1-5', '6-20', '21-50', '51+']))();
export type SizeBand = z.infer<typeof SizeBand>;

/** A calendar year, as annual reports are filed per year. */
export const Year = /* @__PURE__ */ (() => z.number().check(z.int(), z.minimum(1900), z.maximum(2100)))();
export type Year = z.infer<typeof Year>;

/** How the association reaches the public: its own address, never a member's personal details. */
export const AssociationContact = /* @__PURE__ */ (() =>
  z.strictObject({
    email: z.optional(Email),
    phone: z.optional(Phone),
    address: z.optional(LocalizedText),
  }))();
export type AssociationContact = z.infer<typeof AssociationContact>;

/** What the association has done on the platform; computed by the server, never written by clients. */
export const AssociationStats = /* @__PURE__ */ (() =>
  z.strictObject({
    callsAppliedTo: z.number().check(z.int(), z.nonnegative()),
    awardsReceived: z.number().check(z.int(), z.nonnegative()),
    amountReceived: Money,
    trainingsAttended: z.number().check(z.int(), z.nonnegative()),
  }))();
export type AssociationStats = z.infer<typeof AssociationStats>;

/**
 * An association as the public sees it. Members (people) are never part of it: law 09-08 on personal
 * data, and the signed-in member reads their own memberships through `GET /v1/me/associations` only.
 *
 * @example
 * ```ts
 * const association: Association = {
 *   id: 'asso_12', registrationNumber: 'REC-2011-0458', name: { ar: 'جمعية أمل', fr: 'Association Amal' },
 *   legalForm: 'association', foundedOn: '2011-05-14', region: 'MA-09', domains: ['education'],
 *   sizeBand: '1-5', contact: { email: 'contact@amal.ma' }, publicUtility: false,
 *   compliance: { annualReportsFiled: [2023, 2024] },
 * };
 * ```
 */
export const Association = /* @__PURE__ */ (() =>
  z
    .strictObject({
      id: Id,
      /** Number of the récépissé de dépôt delivered by the local authority. */
      registrationNumber: z.string().check(z.trim(), z.minLength(1), z.maxLength(64)),
      name: LocalizedText,
      acronym: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(20))),
      legalForm: LegalForm,
      foundedOn: CalendarDate,
      region: RegionCode,
      province: z.optional(LocalizedText),
      commune: z.optional(LocalizedText),
      domains: z.array(DomainCode).check(z.minLength(1)),
      sizeBand: SizeBand,
      /** The contacts the association chose to show; hidden ones are never part of the public record. */
      contact: AssociationContact,
      website: z.optional(WebUrl),
      /** What the association does, in the languages it wrote it in (edited by its representative). */
      descriptions: z.optional(LocalizedText),
      /** Where its logo is served, relative to the API's origin; changes with the image. */
      logoUrl: z.optional(z.string().check(z.minLength(1), z.maxLength(300))),
      publicUtility: z.boolean(),
      /** `annualReportsFiled`: the years for which both the activity and the financial report are in the vault. */
      compliance: z.strictObject({ annualReportsFiled: z.array(Year) }),
      stats: z.optional(AssociationStats),
    })
    .check(
      z.refine(
        (association) => association.legalForm !== 'public_utility_association' || association.publicUtility,
        {
          message: 'A public-utility association has publicUtility set to true',
          path: ['publicUtility'],
        },
      ),
    ))();
export type Association = z.infer<typeof Association>;

/**
 * What a list shows of an association.
 *
 * @example
 * ```ts
 * const row: AssociationSummary = { id: 'asso_12', name: { ar: 'جمعية أمل' }, legalForm: 'association',
 *   region: 'MA-09', domains: ['education'], sizeBand: '1-5', publicUtility: false };
 * ```
 */
export const AssociationSummary = /* @__PURE__ */ (() =>
  z.strictObject({
    id: Id,
    name: LocalizedText,
    acronym: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(20))),
    legalForm: LegalForm,
    region: RegionCode,
    domains: z.array(DomainCode),
    sizeBand: SizeBand,
    publicUtility: z.boolean(),
  }))();
export type AssociationSummary = z.infer<typeof AssociationSummary>;

/**
 * Query of `GET /v1/associations`: free text `q`, repeatable filters, and the page fields.
 *
 * @example
 * ```ts
 * AssociationSearchQuery.parse({ region: ['MA-06'], publicUtility: 'true' });
 * // { region: ['MA-06'], publicUtility: true, limit: 20 }
 * ```
 */
export const AssociationSearchQuery = /* @__PURE__ */ (() =>
  z.strictObject({
    q: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(200))),
    region: z.optional(z.array(RegionCode)),
    domain: z.optional(z.array(DomainCode)),
    legalForm: z.optional(z.array(LegalForm)),
    publicUtility: z.optional(queryFlag()),
    ...PageQuery,
  }))();
export type AssociationSearchQuery = z.infer<typeof AssociationSearchQuery>;

/**
 * Path params of `/v1/associations/{associationId}`.
 *
 * @example
 * ```ts
 * AssociationParams.parse({ associationId: 'asso_12' });
 * ```
 */
export const AssociationParams = /* @__PURE__ */ (() => z.strictObject({ associationId: Id }))();
export type AssociationParams = z.infer<typeof AssociationParams>;

/**
 * One association of the signed-in account, with the role the account holds in it.
 *
 * @example
 * ```ts
 * const mine: MyAssociation = { association: row, role: 'representative' };
 * ```
 */
export const MyAssociation = /* @__PURE__ */ (() =>
  z.strictObject({
    association: AssociationSummary,
    role: Membership.shape.role,
  }))();
export type MyAssociation = z.infer<typeof MyAssociation>;

/**
 * Response of `GET /v1/me/associations`: all of them at once (an account belongs to a handful at most).
 *
 * @example
 * ```ts
 * const list: MyAssociations = { items: [{ association: row, role: 'member' }] };
 * ```
 */
export const MyAssociations = /* @__PURE__ */ (() => z.strictObject({ items: z.array(MyAssociation) }))();
export type MyAssociations = z.infer<typeof MyAssociations>;
