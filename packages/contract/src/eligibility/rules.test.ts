import assert from 'node:assert/strict';
import { test } from 'node:test';
import { validate } from '../shared/validate.js';
import {
  ELIGIBILITY_REASON_CODES,
  EligibilityProfile,
  EligibilityResult,
  EligibilityRule,
  EligibilityRules,
} from './rules.js';

const valid: unknown[] = [
  { type: 'legal_form_in', id: 'form', values: ['association', 'network'] },
  {
    type: 'region_in',
    id: 'region',
    regions: ['MA-09'],
    text: { ar: 'جهة سوس ماسة', zgh: 'ⵜⴰⵎⵏⴰⴹⵜ ⵏ ⵙⵓⵙ-ⵎⴰⵙⵙⴰ' },
  },
  { type: 'domain_any', id: 'domain', domains: ['water', 'environment'] },
  { type: 'min_age_years', id: 'age', years: 2 },
  { type: 'public_utility', id: 'rup' },
  { type: 'annual_reports_filed', id: 'reports', years: 2 },
  { type: 'size_band_in', id: 'size', values: ['none', '1-5'] },
];

test('each kind of rule parses, with Arabic and Tifinagh text', () => {
  for (const rule of valid) assert.ok(validate(EligibilityRule, rule).ok, JSON.stringify(rule));
  assert.ok(validate(EligibilityRules, valid).ok);
});

test('rules refuse an unknown type, empty lists, bad values and unknown fields', () => {
  const unknownType = validate(EligibilityRule, { type: 'max_budget', id: 'x' });
  assert.equal(unknownType.ok, false);
  if (!unknownType.ok) assert.equal(unknownType.errors[0]?.path, '/type');
  assert.equal(validate(EligibilityRule, { type: 'region_in', id: 'r', regions: [] }).ok, false);
  assert.equal(validate(EligibilityRule, { type: 'region_in', id: 'r', regions: ['MA-13'] }).ok, false);
  assert.equal(validate(EligibilityRule, { type: 'min_age_years', id: 'a', years: 1.5 }).ok, false);
  assert.equal(validate(EligibilityRule, { type: 'legal_form_in', values: ['association'] }).ok, false);
  const extra = validate(EligibilityRule, { type: 'public_utility', id: 'rup', years: 3 }, 'body');
  assert.equal(extra.ok, false);
  if (!extra.ok)
    assert.deepEqual(extra.errors[0], {
      path: '/years',
      in: 'body',
      code: 'unknown_field',
      message: 'Unknown field "years"',
    });
});

test('rule ids must be unique within a call', () => {
  const result = validate(EligibilityRules, [
    { type: 'public_utility', id: 'same' },
    { type: 'min_age_years', id: 'same', years: 1 },
  ]);
  assert.equal(result.ok, false);
  if (!result.ok) assert.equal(result.errors[0]?.code, 'not_allowed');
});

test('EligibilityProfile parses and refuses unknown fields', () => {
  const profile = {
    legalForm: 'association',
    region: 'MA-09',
    domains: ['water'],
    foundedOn: '2015-03-01',
    publicUtility: false,
    annualReportsFiled: [2024],
    sizeBand: 'none',
  };
  assert.ok(validate(EligibilityProfile, profile).ok);
  const extra = validate(EligibilityProfile, { ...profile, members: 12 });
  assert.equal(extra.ok, false);
  if (!extra.ok) assert.equal(extra.errors[0]?.code, 'unknown_field');
});

test('EligibilityResult accepts the known reason codes only', () => {
  assert.equal(ELIGIBILITY_REASON_CODES.length, 7);
  const ok = {
    eligible: false,
    reasons: [{ rule: 'age', code: 'too_young', params: { minimumYears: 2, ageYears: 1 } }],
  };
  assert.ok(validate(EligibilityResult, ok).ok);
  assert.equal(
    validate(EligibilityResult, { eligible: false, reasons: [{ rule: 'x', code: 'nope', params: {} }] }).ok,
    false,
  );
});
