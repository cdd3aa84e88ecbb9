import {
  type Indicator,
  type IndicatorBreakdown,
  type IndicatorCode,
  type IndicatorSet,
  type LocalizedText,
  REGIONS,
  regionName,
} from '@nassij/contract';
import { html, type TemplateResult } from 'lit';
import type { NassijElement } from '../base/nassij-element.js';
import { plain, text } from '../base/states.js';
import { type RegionRow, toCsv } from './charts.js';

// What the views of <nassij-indicators> compute from the sets: formatted values, the rows of each chart,
// and messages that carry an indicator's name (marked with its own language when it falls back).

/** Indicators whose numerator and denominator are amounts in MAD rather than counts. */
const MONEY_PARTS: ReadonlySet<IndicatorCode> = new Set(['support_concentration_top_fifth']);

const mad = (value: number) => ({ amount: value.toFixed(2), currency: 'MAD' as const });

/** A value as it reads for its unit: Latin digits, percent, MAD. */
export function formatValue(host: NassijElement, unit: Indicator['unit'], value: number): string {
  if (unit === 'percent') return host.fmt.percent(value / 100, 2);
  if (unit === 'money') return host.fmt.money(mad(value));
  return host.fmt.number(value);
}

/** A numerator or denominator: an amount for money ratios, else a count. */
export function formatPart(host: NassijElement, indicator: Indicator, value: number): string {
  return MONEY_PARTS.has(indicator.code) ? host.fmt.money(mad(value)) : host.fmt.number(value);
}

/** The indicator the regional charts draw: `chart` when it has a regional breakdown, else the first that has. */
export function chartCode(set: IndicatorSet, chart: string | undefined): IndicatorCode | undefined {
  const withRegions = chartable(set);
  return (withRegions.find((i) => i.code === chart) ?? withRegions[0])?.code;
}

/** The indicators with a breakdown by region. */
export function chartable(set: IndicatorSet): Indicator[] {
  return set.indicators.filter((i) => i.breakdown?.some((row) => row.dimension === 'region'));
}

/** The chart indicator's value in every one of the 12 regions (a region without a row reads 0). */
export function regionRows(host: NassijElement, indicator: Indicator | undefined): RegionRow[] {
  if (!indicator) return [];
  const rows = new Map<string, IndicatorBreakdown>();
  for (const row of indicator.breakdown ?? []) if (row.dimension === 'region') rows.set(row.key, row);
  return REGIONS.map((region) => ({
    key: region.code,
    label: plain(host.locale, region.name),
    ...parts(rows.get(region.code)),
  }));
}

/** One row per year with data, oldest first, for the trend. */
export function trendRows(sets: readonly IndicatorSet[], code: IndicatorCode): RegionRow[] {
  return [...sets]
    .sort((a, b) => a.year - b.year)
    .flatMap((set) => {
      const indicator = set.indicators.find((i) => i.code === code);
      return indicator ? [{ key: String(set.year), label: String(set.year), ...parts(indicator) }] : [];
    });
}

function parts(row: { value: number; numerator?: number; denominatorValue?: number } | undefined) {
  return {
    value: row?.value ?? 0,
    ...(row?.numerator !== undefined ? { numerator: row.numerator } : {}),
    ...(row?.denominatorValue !== undefined ? { denominatorValue: row.denominatorValue } : {}),
  };
}

/** "Scope: Morocco" or "Scope: <region>". */
export function scope(host: NassijElement, set: IndicatorSet): string {
  return set.region
    ? host.t('ind.scope.region', { region: regionName(set.region, host.locale) })
    : host.t('ind.scope.national');
}

const SLOT = '\u0000';

/**
 * A message whose `{indicator}` is an indicator's name, as a template: the name in the reader's language,
 * or its fallback marked with its own `lang` (a Tamazight page reading an Arabic name says so).
 */
export function withName(
  host: NassijElement,
  key: string,
  name: LocalizedText,
  params: Record<string, string> = {},
): TemplateResult {
  const [before, after] = host.t(key, { ...params, indicator: SLOT }).split(SLOT);
  return html`${before}${text(host, name)}${after ?? ''}`;
}

/** The reading direction the charts are laid out for (the element's own `dir`). */
export function direction(host: NassijElement): 'ltr' | 'rtl' {
  return host.getAttribute('dir') === 'rtl' ? 'rtl' : 'ltr';
}

/** The CSV of a chart by region. */
export function regionCsv(code: IndicatorCode, year: number, rows: readonly RegionRow[]): string {
  return toCsv(
    ['indicator', 'year', 'region', 'region_name', 'value', 'numerator', 'denominator'],
    rows.map((r) => [code, year, r.key, r.label, r.value, r.numerator ?? null, r.denominatorValue ?? null]),
  );
}
