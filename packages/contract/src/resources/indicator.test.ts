import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { queryToObject, validate } from '../shared/validate.js';
import {
  INDICATOR_CODES,
  INDICATOR_DEFINITIONS,
  Indicator,
  IndicatorQuery,
  IndicatorSet,
  percentOf,
} from './indicator.js';

const share: Indicator = {
  code: 'associations_supported_share',
  ...INDICATOR_DEFINITIONS.associations_supported_share,
  name: { ...INDICATOR_DEFINITIONS.associations_supported_share.name, zgh: 'ⵜⴰⵙⵏⵎⴰⵍⴰ ⵏ ⵜⵎⵓⵙⵙⵉⵡⵉⵏ' },
  period: { year: 2026 },
  value: 12.35,
  numerator: 24_700,
  denominatorValue: 200_000,
  breakdown: [
    {
      dimension: 'region',
      key: 'MA-06',
      label: { ar: 'الدار البيضاء سطات' },
      value: 14.2,
      numerator: 142,
      denominatorValue: 1000,
    },
    { dimension: 'funder_level', key: 'regional', value: 0 },
  ],
  computedAt: '2026-06-01T00:00:00Z',
};

function codes(result: ReturnType<typeof validate>): string[] {
  return result.ok ? [] : result.errors.map((e) => `${e.path}:${e.code}`);
}

describe('INDICATOR_DEFINITIONS', () => {
  it('defines every code, each text in ar, fr and en, and validates as LocalizedText', () => {
    assert.deepEqual(Object.keys(INDICATOR_DEFINITIONS).sort(), [...INDICATOR_CODES].sort());
    for (const code of INDICATOR_CODES) {
      const definition = INDICATOR_DEFINITIONS[code];
      const texts = [
        definition.name,
        definition.definition,
        ...(definition.denominator ? [definition.denominator] : []),
      ];
      for (const text of texts) {
        for (const locale of ['ar', 'fr', 'en'] as const) {
          assert.ok(text[locale].trim().length > 0, `${code} lacks ${locale}`);
        }
        assert.match(text.ar, /[\u0600-\u06FF]/, `${code}: the Arabic text is in Arabic script`);
      }
    }
  });

  it('publishes a denominator for every share and ratio, and none for counts', () => {
    for (const code of INDICATOR_CODES) {
      const { unit, denominator } = INDICATOR_DEFINITIONS[code];
      assert.equal(denominator !== undefined, unit !== 'count', code);
    }
  });

  it('builds a valid indicator from each definition', () => {
    for (const code of INDICATOR_CODES) {
      const indicator = {
        code,
        ...INDICATOR_DEFINITIONS[code],
        period: { year: 2026 },
        value: 3,
        computedAt: '2026-06-01T00:00:00Z',
      };
      assert.equal(validate(Indicator, indicator).ok, true, code);
    }
  });
});

describe('Indicator', () => {
  it('accepts a percent with a breakdown and Tifinagh name', () => {
    assert.equal(validate(Indicator, share).ok, true);
  });

  it('refuses a percent over 100, more than two decimals and a negative value', () => {
    assert.deepEqual(codes(validate(Indicator, { ...share, value: 100.01 })), ['/value:invalid']);
    assert.deepEqual(codes(validate(Indicator, { ...share, value: 12.345 })), ['/value:invalid']);
    assert.deepEqual(codes(validate(Indicator, { ...share, value: -1 })), ['/value:invalid']);
    assert.equal(validate(Indicator, { ...share, value: 100 }).ok, true);
  });

  it('refuses a fractional count and a breakdown value that does not fit', () => {
    const count = { ...share, code: 'trainings_held', unit: 'count', breakdown: undefined };
    assert.equal(validate(Indicator, { ...count, value: 42 }).ok, true);
    assert.deepEqual(codes(validate(Indicator, { ...count, value: 4.5 })), ['/value:invalid']);
    const breakdown = [{ dimension: 'region', key: 'MA-01', value: 101 }];
    assert.deepEqual(codes(validate(Indicator, { ...share, breakdown })), ['/breakdown:invalid']);
  });

  it('refuses an unknown code, dimension and unit, and an unknown field', () => {
    assert.deepEqual(codes(validate(Indicator, { ...share, code: 'happiness' })), ['/code:invalid_value']);
    const breakdown = [{ dimension: 'gender', key: 'f', value: 1 }];
    assert.deepEqual(codes(validate(Indicator, { ...share, breakdown })), [
      '/breakdown/0/dimension:invalid_value',
    ]);
    assert.deepEqual(codes(validate(Indicator, { ...share, unit: 'euro' })), ['/unit:invalid_value']);
    assert.deepEqual(codes(validate(Indicator, { ...share, colour: 'red' })), ['/colour:unknown_field']);
  });
});

describe('IndicatorQuery', () => {
  const parse = (query: string) =>
    validate(IndicatorQuery, queryToObject(IndicatorQuery, new URLSearchParams(query)), 'query');

  it('coerces the year and reads codes as an array', () => {
    const result = parse('year=2026&region=MA-06&code=trainings_held');
    assert.ok(result.ok);
    assert.equal(result.value.year, 2026);
    assert.deepEqual(result.value.code, ['trainings_held']);
  });

  it('refuses years out of range, a bad region, an unknown code and an unknown field', () => {
    assert.deepEqual(codes(parse('year=1999')), ['/year:too_small']);
    assert.deepEqual(codes(parse('year=2101')), ['/year:too_big']);
    assert.deepEqual(codes(parse('year=2026.5')), ['/year:invalid_type']);
    assert.deepEqual(codes(parse('region=MA-00')), ['/region:invalid_format']);
    assert.deepEqual(codes(parse('code=happiness')), ['/code/0:invalid_value']);
    assert.deepEqual(codes(parse('lang=ar')), ['/lang:unknown_field']);
  });
});

describe('IndicatorSet', () => {
  it('accepts a set and refuses one without a year', () => {
    assert.equal(
      validate(IndicatorSet, { year: 2026, region: 'MA-06', indicators: [share], years: [2025, 2026] }).ok,
      true,
    );
    assert.deepEqual(codes(validate(IndicatorSet, { indicators: [], years: [] })), ['/year:required']);
  });
});

describe('percentOf', () => {
  it('rounds to two decimals and reads 0 without a denominator', () => {
    assert.equal(percentOf(1, 3), 33.33);
    assert.equal(percentOf(2, 3), 66.67);
    assert.equal(percentOf(5, 5), 100);
    assert.equal(percentOf(3, 0), 0);
  });
});
