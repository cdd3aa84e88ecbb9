import type { Association } from '../resources/association.js';
import type { Instant } from '../shared/instant.js';
import { casablancaDate } from '../shared/time.js';
import type { EligibilityProfile, EligibilityReason, EligibilityResult, EligibilityRule } from './rules.js';

/**
 * Full years from `from` to `to` (both `YYYY-MM-DD`): the count goes up on each anniversary. Someone
 * founded on 29 February has their anniversary on 1 March in common years.
 *
 * @example
 * ```ts
 * fullYearsBetween('2020-05-14', '2026-05-13'); // 5
 * fullYearsBetween('2020-05-14', '2026-05-14'); // 6
 * ```
 */
export function fullYearsBetween(from: string, to: string): number {
  const years = Number(to.slice(0, 4)) - Number(from.slice(0, 4));
  // MM-DD strings compare in calendar order.
  return to.slice(5) < from.slice(5) ? years - 1 : years;
}

function reasonFor(
  rule: EligibilityRule,
  profile: EligibilityProfile,
  today: string,
): EligibilityReason | null {
  switch (rule.type) {
    case 'legal_form_in':
      return rule.values.includes(profile.legalForm)
        ? null
        : {
            rule: rule.id,
            code: 'legal_form_not_allowed',
            params: { allowed: rule.values, actual: profile.legalForm },
          };
    case 'region_in':
      return rule.regions.includes(profile.region)
        ? null
        : {
            rule: rule.id,
            code: 'region_not_eligible',
            params: { allowed: rule.regions, actual: profile.region },
          };
    case 'domain_any':
      return profile.domains.some((domain) => rule.domains.includes(domain))
        ? null
        : {
            rule: rule.id,
            code: 'domain_not_covered',
            params: { allowed: rule.domains, actual: profile.domains },
          };
    case 'min_age_years': {
      const ageYears = fullYearsBetween(profile.foundedOn, today);
      return ageYears >= rule.years
        ? null
        : {
            rule: rule.id,
            code: 'too_young',
            params: { minimumYears: rule.years, ageYears: Math.max(0, ageYears) },
          };
    }
    case 'public_utility':
      return profile.publicUtility ? null : { rule: rule.id, code: 'not_public_utility', params: {} };
    case 'annual_reports_filed': {
      const currentYear = Number(today.slice(0, 4));
      const missing: string[] = [];
      for (let year = currentYear - rule.years; year < currentYear; year++) {
        if (!profile.annualReportsFiled.includes(year)) missing.push(String(year));
      }
      return missing.length === 0
        ? null
        : { rule: rule.id, code: 'annual_reports_missing', params: { years: rule.years, missing } };
    }
    case 'size_band_in':
      return rule.values.includes(profile.sizeBand)
        ? null
        : {
            rule: rule.id,
            code: 'size_band_not_allowed',
            params: { allowed: rule.values, actual: profile.sizeBand },
          };
    default: {
      const unknown: never = rule;
      throw new TypeError(`Unknown eligibility rule ${JSON.stringify(unknown)}`);
    }
  }
}

/**
 * Evaluates a call's eligibility rules against an association's profile at an instant. Pure and
 * deterministic, so the server and the form's pre-check always agree. Every unmet rule is reported, in
 * the order of `rules`; no rules means eligible. Ages and report years are reckoned on the calendar of
 * Africa/Casablanca at `at`.
 *
 * @example
 * ```ts
 * evaluateEligibility([{ type: 'region_in', id: 'r', regions: ['MA-09'] }], profile, '2026-03-01T10:00:00Z');
 * // { eligible: false, reasons: [{ rule: 'r', code: 'region_not_eligible', params: { allowed: ['MA-09'], actual: 'MA-06' } }] }
 * ```
 */
export function evaluateEligibility(
  rules: readonly EligibilityRule[],
  profile: EligibilityProfile,
  at: Instant,
): EligibilityResult {
  const today = casablancaDate(at);
  const reasons: EligibilityReason[] = [];
  for (const rule of rules) {
    const reason = reasonFor(rule, profile, today);
    if (reason) reasons.push(reason);
  }
  return { eligible: reasons.length === 0, reasons };
}

/**
 * The part of an association that eligibility depends on.
 *
 * @example
 * ```ts
 * evaluateEligibility(call.eligibility, profileOf(association), new Date().toISOString());
 * ```
 */
export function profileOf(association: Association): EligibilityProfile {
  return {
    legalForm: association.legalForm,
    region: association.region,
    domains: [...association.domains],
    foundedOn: association.foundedOn,
    publicUtility: association.publicUtility,
    annualReportsFiled: [...association.compliance.annualReportsFiled],
    sizeBand: association.sizeBand,
  };
}
