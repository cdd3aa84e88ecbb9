import * as z from 'zod/mini';
import { COMPETENCIES, Competency } from './competencies.js';
import { DOMAINS, Domain } from './domains.js';
import { LEGAL_FORMS, LegalFormEntry } from './legal-forms.js';
import { REGIONS, Region } from './regions.js';
import { SECTORS, Sector } from './sectors.js';

export * from './competencies.js';
export * from './domains.js';
export * from './legal-forms.js';
export * from './regions.js';
export * from './sectors.js';

/**
 * All reference data in one document, as `GET /v1/reference` serves it (cacheable for a long time).
 *
 * @example
 * ```ts
 * const data: ReferenceData = ReferenceData.parse(await (await fetch('/v1/reference')).json());
 * ```
 */
export const ReferenceData = /* @__PURE__ */ (() =>
  z.strictObject({
    regions: z.array(Region),
    sectors: z.array(Sector),
    domains: z.array(Domain),
    competencies: z.array(Competency),
    legalForms: z.array(LegalFormEntry),
  }))();
export type ReferenceData = z.infer<typeof ReferenceData>;

/**
 * The reference data shipped with this version of the contract.
 *
 * @example
 * ```ts
 * REFERENCE_DATA.regions.length; // 12
 * ```
 */
export const REFERENCE_DATA: ReferenceData = {
  regions: [...REGIONS],
  sectors: [...SECTORS],
  domains: [...DOMAINS],
  competencies: [...COMPETENCIES],
  legalForms: [...LEGAL_FORMS],
};
