// Geometry and data helpers of <nassij-indicators>, without Lit or the DOM so that Node tests cover them.
// Coordinates are computed for the reading direction here instead of mirroring the SVG with a transform:
// a transform would mirror the text too, and screen geometry is what the Arabic-layout tests assert.

/** One row of a chart's data: a region or a year, its value and the parts of the ratio. */
export interface RegionRow {
  key: string;
  label: string;
  value: number;
  numerator?: number;
  denominatorValue?: number;
}

/** The charts of `<nassij-indicators>`, each of which can show its data as a table. */
export type ChartId = 'bars' | 'trend' | 'breakdown';

/** One bar or column: its key (region code or year), its label, its value and where it is drawn. */
export interface ChartBar {
  key: string;
  label: string;
  value: number;
  /** Left edge and width in the SVG's user units (whatever the direction). */
  x: number;
  width: number;
  y: number;
  height: number;
}

/** Size of the bar chart's drawing, in SVG user units (the SVG scales to its container). */
export const BAR_CHART = { width: 640, labelWidth: 230, valueWidth: 70, row: 30, bar: 18, pad: 8 } as const;

/**
 * Horizontal bars, one row per item, growing from the inline-start side: from the labels on the left in
 * LTR, from the labels on the right in RTL. The longest bar fills the space left by labels and values.
 *
 * @example
 * ```ts
 * barLayout([{ key: 'MA-01', label: 'Tanger', value: 10 }], 'rtl')[0]?.x; // 70 (grows leftwards from 410)
 * ```
 */
export function barLayout(
  items: readonly { key: string; label: string; value: number }[],
  dir: 'ltr' | 'rtl',
): ChartBar[] {
  const { width, labelWidth, valueWidth, row, bar } = BAR_CHART;
  const span = width - labelWidth - valueWidth;
  const max = Math.max(0, ...items.map((item) => item.value));
  return items.map((item, index) => {
    const length = max > 0 ? (item.value / max) * span : 0;
    const x = dir === 'rtl' ? width - labelWidth - length : labelWidth;
    return { ...item, x, width: length, y: index * row + (row - bar) / 2, height: bar };
  });
}

/** Size of the trend chart's drawing, in SVG user units. */
export const TREND_CHART = { width: 640, height: 240, top: 28, bottom: 36, side: 24 } as const;

/**
 * Columns for a trend over years, in reading order: the earliest year on the left in LTR and on the
 * right in RTL. Items must be in chronological order.
 *
 * @example
 * ```ts
 * const [first] = trendLayout([{ key: '2024', label: '2024', value: 3 }, { key: '2025', label: '2025', value: 5 }], 'rtl');
 * first.x > 320; // true: 2024 is on the right
 * ```
 */
export function trendLayout(
  items: readonly { key: string; label: string; value: number }[],
  dir: 'ltr' | 'rtl',
): ChartBar[] {
  const { width, height, top, bottom, side } = TREND_CHART;
  const plot = height - top - bottom;
  const slot = items.length > 0 ? (width - 2 * side) / items.length : 0;
  const columnWidth = Math.min(80, slot * 0.6);
  const max = Math.max(0, ...items.map((item) => item.value));
  return items.map((item, index) => {
    const position = dir === 'rtl' ? items.length - 1 - index : index;
    const columnHeight = max > 0 ? (item.value / max) * plot : 0;
    return {
      ...item,
      x: side + position * slot + (slot - columnWidth) / 2,
      width: columnWidth,
      y: top + plot - columnHeight,
      height: columnHeight,
    };
  });
}

/** A cell that a spreadsheet would run as a formula starts with one of these. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A CSV document (RFC 4180, CRLF, UTF-8 with a byte-order mark so that spreadsheets read Arabic), with
 * text cells that look like formulas prefixed by `'` (CSV injection). Numbers are written as they are.
 *
 * @example
 * ```ts
 * toCsv(['region', 'value'], [['MA-01', 12.5]]); // '\uFEFFregion,value\r\nMA-01,12.5\r\n'
 * ```
 */
export function toCsv(
  header: readonly string[],
  rows: readonly (readonly (string | number | null)[])[],
): string {
  const cell = (value: string | number | null): string => {
    if (value === null) return '';
    if (typeof value === 'number') return String(value);
    const safe = FORMULA_START.test(value) ? `'${value}` : value;
    return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  return `\uFEFF${[header, ...rows].map((row) => row.map(cell).join(',')).join('\r\n')}\r\n`;
}

/** A sortable column of the regional breakdown. */
export type SortKey = 'label' | 'value' | 'numerator' | 'denominatorValue';

/**
 * Rows sorted by a column, ascending or descending; labels compare with the locale's collation, missing
 * numbers sort last, ties keep the region order.
 *
 * @example
 * ```ts
 * sortRows(rows, 'value', 'descending', 'ar')[0]?.key; // the region with the highest value
 * ```
 */
export function sortRows<
  T extends { key: string; label: string; value: number; numerator?: number; denominatorValue?: number },
>(rows: readonly T[], key: SortKey, order: 'ascending' | 'descending', locale: string): T[] {
  const collator = new Intl.Collator(locale);
  const sign = order === 'ascending' ? 1 : -1;
  return rows
    .map((row, index) => ({ row, index }))
    .sort((a, b) => {
      let diff: number;
      if (key === 'label') diff = collator.compare(a.row.label, b.row.label);
      else {
        const x = a.row[key];
        const y = b.row[key];
        if (x === undefined || y === undefined) return x === y ? a.index - b.index : x === undefined ? 1 : -1;
        diff = x - y;
      }
      return diff * sign || a.index - b.index;
    })
    .map(({ row }) => row);
}
