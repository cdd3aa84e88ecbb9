import * as z from 'zod/mini';
import { FunderLevel, SectorKind } from '../reference/sectors.js';
import { Code, Id, RegionCode } from '../shared/ids.js';
import { LocalizedText } from '../shared/localized-text.js';
import { Page, PageQuery } from '../shared/page.js';
import { Role } from '../shared/roles.js';

/**
 * A public body that funds calls, runs consultations or trains: a ministry, a public establishment or an
 * elected council. Each is one of the reference data's sectors (`sectorCode`), with its own staff: an
 * organisation admin, call managers and reviewers, whose rights stop at its calls.
 *
 * @example
 * ```ts
 * const souss: Organisation = {
 *   id: 'org_region-souss-massa', sectorCode: 'region-souss-massa', kind: 'regional_council',
 *   level: 'regional', region: 'MA-09', name: { ar: 'مجلس جهة سوس ماسة', fr: 'Conseil régional Souss-Massa' },
 * };
 * ```
 */
export const Organisation = /* @__PURE__ */ (() =>
  z.strictObject({
    id: Id,
    sectorCode: Code,
    name: LocalizedText,
    kind: SectorKind,
    level: FunderLevel,
    /** The region of a regional, provincial or communal council; absent for national bodies. */
    region: z.optional(RegionCode),
  }))();
export type Organisation = z.infer<typeof Organisation>;

/** Path parameters of `GET /v1/organisations/{organisationId}`. */
export const OrganisationParams = /* @__PURE__ */ (() => z.strictObject({ organisationId: Id }))();
export type OrganisationParams = z.infer<typeof OrganisationParams>;

/** Filters of `GET /v1/organisations`: by level and region (each repeatable), in name order. */
export const OrganisationSearchQuery = /* @__PURE__ */ (() =>
  z.strictObject({
    ...PageQuery,
    level: z.optional(z.array(FunderLevel)),
    region: z.optional(z.array(RegionCode)),
  }))();
export type OrganisationSearchQuery = z.infer<typeof OrganisationSearchQuery>;

/**
 * A staff account as its organisation's admins and call managers see it, to assign reviewers: the
 * organisation's own staff, and (for reviewers) the independent experts of the platform's pool.
 *
 * @example
 * ```ts
 * const { items, nextCursor } = await client.organisations.staff('org_region-souss-massa', { role: 'reviewer' });
 * items.map((person) => person.displayName);
 * ```
 */
export const StaffMember = /* @__PURE__ */ (() =>
  z.strictObject({
    accountId: Id,
    displayName: z.string(),
    roles: z.array(Role),
    /** Absent for an independent expert of the platform's pool. */
    organisationId: z.optional(Id),
  }))();
export type StaffMember = z.infer<typeof StaffMember>;

/**
 * Filters of `GET /v1/organisations/{organisationId}/staff`: one role (the reviewers include the platform's
 * independent ones), and the page (`limit`, `cursor`).
 */
export const StaffQuery = /* @__PURE__ */ (() =>
  z.strictObject({
    ...PageQuery,
    role: z.optional(z.enum(['organisation_admin', 'call_manager', 'reviewer'])),
  }))();
export type StaffQuery = z.infer<typeof StaffQuery>;

/**
 * One page of an organisation's staff, by name (the first 60 characters, then the account id). The
 * independent reviewers of a national platform number in the thousands: a picker follows `nextCursor`.
 */
export const StaffList = /* @__PURE__ */ (() => Page(StaffMember))();
export type StaffList = z.infer<typeof StaffList>;
