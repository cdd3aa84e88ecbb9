import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Beneficiaries, isBeneficiaries } from '../resources/form.js';
import { isRegionCode, RegionCode } from './ids.js';
import { CalendarDate, isCalendarDate } from './instant.js';
import { isMoney, Money } from './money.js';

// The zod-free checks that ship to browsers must decide exactly as the schemas the server validates with.
const decidesLike = (
  name: string,
  predicate: (v: unknown) => boolean,
  schema: { safeParse(v: unknown): { success: boolean } },
  samples: unknown[],
) => {
  for (const sample of samples)
    assert.equal(predicate(sample), schema.safeParse(sample).success, `${name}(${JSON.stringify(sample)})`);
};

const junk = [undefined, null, 0, 1.5, '', 'x', [], {}, true, NaN];

describe('zod-free checks decide as the schemas do', () => {
  it('isRegionCode', () => {
    const samples = [
      ...junk,
      'MA-01',
      'MA-09',
      'MA-12',
      'MA-00',
      'MA-13',
      'MA-1',
      'ma-01',
      ' MA-01',
      'MA-01 ',
    ];
    decidesLike('isRegionCode', isRegionCode, RegionCode, samples);
    assert.equal(isRegionCode('MA-12'), true);
  });

  it('isCalendarDate, leap years and centuries included', () => {
    const samples = [
      ...junk,
      '2026-03-31',
      '2026-02-28',
      '2026-02-29',
      '2028-02-29',
      '2000-02-29',
      '1900-02-29',
      '2100-02-29',
      '2400-02-29',
      '0004-02-29',
      '0000-02-29',
      '2026-04-31',
      '2026-13-01',
      '2026-00-10',
      '2026-01-00',
      '2026-1-01',
      '2026-01-01T00:00:00Z',
      '20260101',
      '9999-12-31',
      '2026-06-31',
      '2026-11-30',
    ];
    decidesLike('isCalendarDate', isCalendarDate, CalendarDate, samples);
    assert.equal(isCalendarDate('2028-02-29'), true);
  });

  it('isMoney', () => {
    const samples = [
      ...junk,
      { amount: '0', currency: 'MAD' },
      { amount: '250000.00', currency: 'MAD' },
      { amount: '12.5', currency: 'MAD' },
      { amount: '12.505', currency: 'MAD' },
      { amount: '-1', currency: 'MAD' },
      { amount: '01', currency: 'MAD' },
      { amount: '1e3', currency: 'MAD' },
      { amount: 12, currency: 'MAD' },
      { amount: '12', currency: 'EUR' },
      { amount: '12' },
      { amount: '12', currency: 'MAD', extra: 1 },
      { amount: '999999999999999.99', currency: 'MAD' },
      { amount: '1000000000000000', currency: 'MAD' },
    ];
    decidesLike('isMoney', isMoney, Money, samples);
    assert.equal(isMoney({ amount: '12.50', currency: 'MAD' }), true);
  });

  it('isBeneficiaries', () => {
    const samples = [
      ...junk,
      { count: 0 },
      { count: 120, women: 70, youth: 30, description: 'Jeunes' },
      { count: -1 },
      { count: 1.5 },
      { count: 100_000_000 },
      { count: 100_000_001 },
      { count: '3' },
      { count: 3, women: -2 },
      { count: 3, youth: 2.5 },
      { count: 3, description: 'x'.repeat(2000) },
      { count: 3, description: 'x'.repeat(2001) },
      { count: 3, description: 4 },
      { count: 3, other: 1 },
      { women: 3 },
    ];
    decidesLike('isBeneficiaries', isBeneficiaries, Beneficiaries, samples);
    assert.equal(isBeneficiaries({ count: 3 }), true);
  });
});
