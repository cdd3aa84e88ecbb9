import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Association } from '../resources/association.js';
import { casablancaDate } from '../shared/time.js';
import { validate } from '../shared/validate.js';
import { evaluateEligibility, fullYearsBetween, profileOf } from './evaluate.js';
import { type EligibilityProfile, EligibilityResult, type EligibilityRule } from './rules.js';

const profile: EligibilityProfile = {
  legalForm: 'association',
  region: 'MA-09',
  domains: ['water', 'education'],
  foundedOn: '2020-05-14',
  publicUtility: false,
  annualReportsFiled: [2023, 2025],
  sizeBand: '1-5',
};
const AT = '2026-03-01T10:00:00Z';

function codes(rules: EligibilityRule[], p: EligibilityProfile = profile, at = AT): string[] {
  return evaluateEligibility(rules, p, at).reasons.map((r) => r.code);
}

test('no rules means eligible', () => {
  assert.deepEqual(evaluateEligibility([], profile, AT), { eligible: true, reasons: [] });
});

test('each rule, met', () => {
  const met: EligibilityRule[] = [
    { type: 'legal_form_in', id: 'form', values: ['association'] },
    { type: 'region_in', id: 'region', regions: ['MA-06', 'MA-09'] },
    { type: 'domain_any', id: 'domain', domains: ['health', 'water'] },
    { type: 'min_age_years', id: 'age', years: 5 },
    { type: 'annual_reports_filed', id: 'reports', years: 1 },
    { type: 'size_band_in', id: 'size', values: ['1-5', '6-20'] },
  ];
  for (const rule of met)
    assert.deepEqual(evaluateEligibility([rule], profile, AT), { eligible: true, reasons: [] }, rule.id);
  assert.deepEqual(codes([{ type: 'public_utility', id: 'rup' }], { ...profile, publicUtility: true }), []);
});

test('each rule, unmet, with its code and params', () => {
  const cases: [EligibilityRule, string, Record<string, unknown>][] = [
    [
      { type: 'legal_form_in', id: 'form', values: ['federation', 'network'] },
      'legal_form_not_allowed',
      { allowed: ['federation', 'network'], actual: 'association' },
    ],
    [
      { type: 'region_in', id: 'region', regions: ['MA-06'] },
      'region_not_eligible',
      { allowed: ['MA-06'], actual: 'MA-09' },
    ],
    [
      { type: 'domain_any', id: 'domain', domains: ['health'] },
      'domain_not_covered',
      { allowed: ['health'], actual: ['water', 'education'] },
    ],
    [{ type: 'min_age_years', id: 'age', years: 6 }, 'too_young', { minimumYears: 6, ageYears: 5 }],
    [{ type: 'public_utility', id: 'rup' }, 'not_public_utility', {}],
    [
      { type: 'annual_reports_filed', id: 'reports', years: 3 },
      'annual_reports_missing',
      { years: 3, missing: ['2024'] },
    ],
    [
      { type: 'size_band_in', id: 'size', values: ['none'] },
      'size_band_not_allowed',
      { allowed: ['none'], actual: '1-5' },
    ],
  ];
  for (const [rule, code, params] of cases) {
    const result = evaluateEligibility([rule], profile, AT);
    assert.deepEqual(result, { eligible: false, reasons: [{ rule: rule.id, code, params }] }, rule.id);
    assert.ok(validate(EligibilityResult, result).ok);
  }
});

test('every unmet rule is reported, in rule order, and met ones are not', () => {
  const rules: EligibilityRule[] = [
    { type: 'size_band_in', id: 's', values: ['51+'] },
    { type: 'region_in', id: 'r', regions: ['MA-09'] },
    { type: 'public_utility', id: 'p' },
    { type: 'legal_form_in', id: 'f', values: ['network'] },
  ];
  const result = evaluateEligibility(rules, profile, AT);
  assert.equal(result.eligible, false);
  assert.deepEqual(
    result.reasons.map((r) => [r.rule, r.code]),
    [
      ['s', 'size_band_not_allowed'],
      ['p', 'not_public_utility'],
      ['f', 'legal_form_not_allowed'],
    ],
  );
});

test('age turns over on the founding anniversary in Casablanca, not in UTC', () => {
  const rule: EligibilityRule[] = [{ type: 'min_age_years', id: 'age', years: 6 }];
  // 2026-05-13 23:59 in Casablanca (UTC+1): the day before the 6th anniversary.
  assert.deepEqual(codes(rule, profile, '2026-05-13T22:59:59Z'), ['too_young']);
  // Midnight on 14 May in Casablanca is still 13 May in UTC.
  assert.deepEqual(codes(rule, profile, '2026-05-13T23:00:00Z'), []);
});

test('founded on 29 February: the anniversary falls on 1 March in common years', () => {
  assert.equal(fullYearsBetween('2020-02-29', '2023-02-28'), 2);
  assert.equal(fullYearsBetween('2020-02-29', '2023-03-01'), 3);
  assert.equal(fullYearsBetween('2020-02-29', '2024-02-29'), 4);
});

test('report years follow the Casablanca calendar year at the turn of the year', () => {
  const rule: EligibilityRule[] = [{ type: 'annual_reports_filed', id: 'reports', years: 2 }];
  const filed = { ...profile, annualReportsFiled: [2024, 2025] };
  // 31 December 23:30 UTC is already 1 January 2026 in Casablanca: 2024 and 2025 are required and filed.
  assert.equal(casablancaDate('2025-12-31T23:30:00Z'), '2026-01-01');
  assert.deepEqual(codes(rule, filed, '2025-12-31T23:30:00Z'), []);
  // An hour earlier it is still 2025 there: 2023 is required and missing.
  const earlier = evaluateEligibility(rule, filed, '2025-12-31T22:30:00Z');
  assert.deepEqual(earlier.reasons[0]?.params, { years: 2, missing: ['2023'] });
});

test('an invalid instant throws rather than guessing', () => {
  assert.throws(() => evaluateEligibility([], profile, 'yesterday'), RangeError);
});

test('profileOf takes what eligibility needs from an association', () => {
  const association: Association = {
    id: 'asso_sample',
    registrationNumber: 'R-1',
    name: { ar: 'جمعية الماء', zgh: 'ⴰⵎⴰⵏ' },
    legalForm: 'public_utility_association',
    foundedOn: '1999-01-01',
    region: 'MA-04',
    domains: ['water'],
    sizeBand: '21-50',
    contact: { email: 'a@example.ma' },
    publicUtility: true,
    compliance: { annualReportsFiled: [2024, 2025] },
  };
  assert.deepEqual(profileOf(association), {
    legalForm: 'public_utility_association',
    region: 'MA-04',
    domains: ['water'],
    foundedOn: '1999-01-01',
    publicUtility: true,
    annualReportsFiled: [2024, 2025],
    sizeBand: '21-50',
  });
  assert.deepEqual(
    evaluateEligibility(
      [
        { type: 'public_utility', id: 'p' },
        { type: 'annual_reports_filed', id: 'r', years: 2 },
      ],
      profileOf(association),
      AT,
    ),
    { eligible: true, reasons: [] },
  );
});
