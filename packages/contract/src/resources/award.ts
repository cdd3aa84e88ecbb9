import * as z from 'zod/mini';
import { FunderLevel } from '../reference/sectors.js';
import { Code, Id, PublicReference, RegionCode } from '../shared/ids.js';
import { Instant } from '../shared/instant.js';
import { LocalizedText } from '../shared/localized-text.js';
import { Money } from '../shared/money.js';
import { PageQuery } from '../shared/page.js';
import { Funder } from './call.js';

/**
 * A public award (open data, 360Giving-compatible on export): who received what, from which call.
 *
 * @example
 * ```ts
 * for await (const award of client.awards.iterate({ fiscalYear: [2025], region: ['MA-09'] })) {
 *   console.log(award.associationName.ar, award.amount.amount);
 * }
 * ```
 */
export const Award = /* @__PURE__ */ (() =>
  z.strictObject({
    id: Id,
    callId: Id,
    callReference: PublicReference,
    callTitle: LocalizedText,
    funder: Funder,
    fiscalYear: z.number().check(z.int()),
    applicationId: Id,
    associationId: Id,
    associationName: LocalizedText,
    projectTitle: z.string(),
    amount: Money,
    region: RegionCode,
    domains: z.array(Code),
    decidedAt: Instant,
  }))();
export type Award = z.infer<typeof Award>;

/** Filters of `GET /v1/awards`. Facets: `region`, `domain`, `funderLevel`, `fiscalYear`. */
export const AwardSearchQuery = /* @__PURE__ */ (() =>
  z.strictObject({
    q: z.optional(z.string().check(z.maxLength(200))),
    callId: z.optional(Id),
    associationId: z.optional(Id),
    region: z.optional(z.array(RegionCode)),
    domain: z.optional(z.array(Code)),
    funderLevel: z.optional(z.array(FunderLevel)),
    fiscalYear: z.optional(
      z.array(z.coerce.number<number>().check(z.int(), z.minimum(2000), z.maximum(2100))),
    ),
    ...PageQuery,
  }))();
export type AwardSearchQuery = z.input<typeof AwardSearchQuery>;
