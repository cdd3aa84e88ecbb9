import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BAR_CHART, barLayout, sortRows, toCsv, trendLayout } from './charts.js';

const items = [
  { key: 'MA-01', label: 'Tanger', value: 10 },
  { key: 'MA-02', label: 'Oriental', value: 5 },
  { key: 'MA-03', label: 'Fès', value: 0 },
];

describe('barLayout', () => {
  it('grows bars from the labels: the left in LTR, the right in RTL', () => {
    const ltr = barLayout(items, 'ltr');
    assert.deepEqual(
      ltr.map((b) => b.x),
      [BAR_CHART.labelWidth, BAR_CHART.labelWidth, BAR_CHART.labelWidth],
    );
    const rtl = barLayout(items, 'rtl');
    const edge = BAR_CHART.width - BAR_CHART.labelWidth;
    assert.deepEqual(
      rtl.map((b) => b.x + b.width),
      [edge, edge, edge],
    );
    assert.equal(rtl[1]?.width, (rtl[0]?.width ?? 0) / 2);
    assert.equal(rtl[2]?.width, 0);
  });
});

describe('trendLayout', () => {
  it('puts the earliest year first in reading order', () => {
    const years = [
      { key: '2024', label: '2024', value: 1 },
      { key: '2025', label: '2025', value: 2 },
    ];
    const [ltrFirst, ltrLast] = trendLayout(years, 'ltr');
    assert.ok((ltrFirst?.x ?? 0) < (ltrLast?.x ?? 0));
    const [rtlFirst, rtlLast] = trendLayout(years, 'rtl');
    assert.ok((rtlFirst?.x ?? 0) > (rtlLast?.x ?? 0));
    assert.equal((rtlFirst?.height ?? 0) * 2, rtlLast?.height);
  });
});

describe('toCsv', () => {
  it('quotes, guards formulas and starts with a byte-order mark', () => {
    assert.equal(
      toCsv(
        ['a', 'b'],
        [
          ['x,y', '=SUM(A1)'],
          [1.5, null],
        ],
      ),
      '\uFEFFa,b\r\n"x,y",\'=SUM(A1)\r\n1.5,\r\n',
    );
  });
});

describe('sortRows', () => {
  it('sorts by value either way and by label with the locale', () => {
    assert.deepEqual(
      sortRows(items, 'value', 'descending', 'fr').map((r) => r.key),
      ['MA-01', 'MA-02', 'MA-03'],
    );
    assert.deepEqual(
      sortRows(items, 'value', 'ascending', 'fr').map((r) => r.key),
      ['MA-03', 'MA-02', 'MA-01'],
    );
    assert.deepEqual(
      sortRows(items, 'label', 'ascending', 'fr').map((r) => r.label),
      ['Fès', 'Oriental', 'Tanger'],
    );
  });
});
