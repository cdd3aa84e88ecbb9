import {
  INDICATOR_CODES,
  INDICATOR_DEFINITIONS,
  type Indicator,
  type IndicatorCode,
  type IndicatorSet,
  percentOf,
  REGIONS,
  type RegionCode,
} from '@nassij/contract';

// Realistic figures for stories and data-mode tests; the same shape as `GET /v1/indicators` answers.

const VALUES: Record<number, Partial<Record<IndicatorCode, [number, number?, number?]>>> = {
  2024: {
    support_concentration_top_fifth: [59.66, 12_299_000, 20_616_000],
    calls_published_q1: [10, 10, 12],
    consultations_held: [4],
    participants_per_consultation: [41.5, 166, 4],
    recommendations_per_consultation: [5.25, 21, 4],
    sectors_involved: [12],
    trainings_held: [28],
    beneficiaries_people: [140],
    beneficiaries_associations: [62],
    services_available: [8],
  },
  2025: {
    support_concentration_top_fifth: [71.8, 3_438_000, 4_788_000],
    calls_published_q1: [9, 9, 11],
    consultations_held: [5],
    participants_per_consultation: [48, 192, 4],
    recommendations_per_consultation: [6, 24, 4],
    sectors_involved: [11],
    trainings_held: [35],
    beneficiaries_people: [161],
    beneficiaries_associations: [60],
    services_available: [9],
  },
  2026: {
    support_concentration_top_fifth: [64.2, 5_136_000, 8_000_000],
    calls_published_q1: [15, 15, 20],
    consultations_held: [7],
    participants_per_consultation: [57, 114, 2],
    recommendations_per_consultation: [6.5, 13, 2],
    sectors_involved: [15],
    trainings_held: [47],
    beneficiaries_people: [177],
    beneficiaries_associations: [197],
    services_available: [10],
  },
};

/** Supported associations per region (MA-01 … MA-12) and year, out of 26 registered each. */
const SUPPORTED: Record<number, number[]> = {
  2024: [6, 2, 2, 4, 5, 3, 2, 4, 7, 2, 0, 2],
  2025: [5, 0, 0, 3, 2, 1, 1, 5, 4, 5, 1, 4],
  2026: [7, 3, 1, 4, 6, 5, 2, 3, 8, 4, 2, 3],
};

function indicator(code: IndicatorCode, year: number, region?: string): Indicator {
  const definition = INDICATOR_DEFINITIONS[code];
  const base = {
    code,
    name: definition.name,
    definition: definition.definition,
    ...(definition.denominator ? { denominator: definition.denominator } : {}),
    unit: definition.unit,
    period: { year },
    computedAt: `${year + 1}-01-02T08:00:00Z`,
  };
  if (code === 'associations_supported_share') {
    const supported = SUPPORTED[year] ?? [];
    const rows = REGIONS.map((r, index) => ({
      dimension: 'region' as const,
      key: r.code,
      numerator: supported[index] ?? 0,
      denominatorValue: 26,
      value: percentOf(supported[index] ?? 0, 26),
    })).filter((row) => !region || row.key === region);
    const numerator = rows.reduce((sum, row) => sum + row.numerator, 0);
    const denominatorValue = rows.length * 26;
    return {
      ...base,
      value: percentOf(numerator, denominatorValue),
      numerator,
      denominatorValue,
      breakdown: rows,
    };
  }
  const [value, numerator, denominatorValue] = VALUES[year]?.[code] ?? [0];
  return {
    ...base,
    value,
    ...(numerator !== undefined ? { numerator } : {}),
    ...(denominatorValue !== undefined ? { denominatorValue } : {}),
  };
}

/**
 * A demo indicator set for `year` (2024–2026), for the whole country or one region.
 *
 * @example
 * ```ts
 * el.data = demoIndicators(2026);
 * el.history = DEMO_YEARS.map((year) => demoIndicators(year));
 * ```
 */
export function demoIndicators(year = 2026, region?: string): IndicatorSet {
  return {
    year,
    ...(region ? { region: region as RegionCode } : {}),
    years: [...DEMO_YEARS],
    indicators: INDICATOR_CODES.map((code) => indicator(code, year, region)),
  };
}

/** The years the demo data covers. */
export const DEMO_YEARS = [2024, 2025, 2026] as const;
