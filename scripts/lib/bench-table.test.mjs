import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  backendTable,
  check,
  endpointTable,
  fixed,
  growthTable,
  median,
  nationalChecks,
  renderTable,
  summarize,
} from './bench-table.mjs';

/** @param {number} rps @param {number} p50 @param {number} p99 @param {number} [errors] */
const round = (rps, p50, p99, errors = 0) => ({ rps, p50, p99, errors, requests: Math.round(rps) });

describe('median', () => {
  it('is the middle value, or the mean of the two middle ones, whatever the order', () => {
    assert.equal(median([3, 1, 2]), 2);
    assert.equal(median([4, 1, 3, 2]), 2.5);
    assert.equal(median([5]), 5);
    assert.equal(median([10, 1000, 11]), 11);
    assert.ok(Number.isNaN(median([])));
  });
});

describe('summarize', () => {
  it('takes each figure’s median over the rounds, so one bad round moves none of them', () => {
    const s = summarize(
      'x',
      'list',
      [round(1000, 5, 20), round(200, 40, 300), round(900, 6, 22)],
      [round(5000, 1, 3), round(4000, 1, 3), round(4500, 1, 3)],
    );
    assert.equal(s.rps, 900);
    assert.equal(s.p50, 6);
    assert.equal(s.p99, 22);
    assert.equal(s.ceilingRps, 4500);
    assert.equal(s.requests, 2100);
  });

  it('sums the errors and has no ceiling without ceiling rounds', () => {
    const s = summarize('w', 'write', [round(10, 1, 2, 3), round(10, 1, 2, 4)]);
    assert.equal(s.errors, 7);
    assert.equal(s.ceilingRps, undefined);
  });
});

describe('formatting', () => {
  it('prints — for a missing figure', () => {
    assert.equal(fixed(12.345, 1), '12.3');
    assert.equal(fixed(Number.NaN), '—');
    assert.equal(fixed(undefined), '—');
    assert.equal(fixed(Number.POSITIVE_INFINITY), '—');
  });

  it('aligns columns, counting ✓ as one column', () => {
    assert.equal(
      renderTable(
        ['name', 'n'],
        [
          ['a', '1'],
          ['bb', '22'],
        ],
      ),
      'name   n\na      1\nbb    22',
    );
    assert.equal(
      renderTable(
        ['a', 't'],
        [
          ['x', '✓ ok'],
          ['y', '✗'],
        ],
        [1],
      ),
      'a  t\nx  ✓ ok\ny  ✗',
    );
    assert.equal(check(true, '≥ 30 %'), '✓ ≥ 30 %');
    assert.equal(check(false, '≤ 20'), '✗ ≤ 20');
  });
});

describe('endpointTable', () => {
  const list = summarize('GET list', 'list', [round(400, 5, 9)], [round(1000, 1, 2)]);
  const search = summarize('GET search', 'search', [round(150, 5, 9)], [round(1000, 1, 2)]);
  const health = summarize('GET /healthz', 'health', [round(900, 1, 2)], [round(1000, 1, 2)]);

  it('prints the ratio to the ceiling and the demo share targets with ✓/✗', () => {
    const text = endpointTable([list, search, health], true);
    const lines = text.split('\n');
    assert.match(lines[0] ?? '', /req\/s.*p50 ms.*p99 ms.*ceiling req\/s.*ratio/);
    assert.match(lines[1] ?? '', /GET list\s+400\s+5\.00\s+9\.00\s+1000\s+40 %\s+✓ ≥ 30 % of ceiling/);
    assert.match(lines[2] ?? '', /GET search .*15 %\s+✗ ≥ 20 % of ceiling/);
    // /healthz has no share target: its ratio is printed without a verdict.
    assert.match(lines[3] ?? '', /GET \/healthz .*90 %$/);
  });

  it('gives no verdict away from demo scale', () => {
    assert.doesNotMatch(endpointTable([list, search], false), /[✓✗]/);
  });
});

describe('nationalChecks', () => {
  it('checks p50 ≤ 20 ms and p99 ≤ 100 ms, and /healthz p99 ≤ 20 ms during an export', () => {
    const lines = nationalChecks([
      summarize('search', 'search', [round(100, 19, 101)]),
      summarize('item', 'item', [round(100, 50, 500)]),
      summarize('healthz export', 'health-export', [round(100, 2, 21)]),
    ]);
    assert.equal(lines.length, 2, 'one item has no national target');
    assert.equal(lines[0], 'search: p50 19.0 ms ✓ ≤ 20, p99 101.0 ms ✗ ≤ 100');
    assert.equal(lines[1], 'healthz export: p99 21.0 ms ✗ ≤ 20');
  });
});

describe('growthTable', () => {
  it('prints p50/p99 per scale and the p50 growth from the first to the last against ≤ 3×', () => {
    const text = growthTable(
      new Map([
        ['demo', [summarize('a', 'list', [round(1, 2, 4)]), summarize('w', 'write', [round(1, 1, 1)])]],
        ['10x', [summarize('a', 'list', [round(1, 3, 6)])]],
        ['national', [summarize('a', 'list', [round(1, 8, 16)]), summarize('b', 'deep', [round(1, 1, 1)])]],
      ]),
    );
    const lines = text.split('\n');
    assert.match(
      lines[0] ?? '',
      /demo p50\s+demo p99\s+10x p50\s+10x p99\s+national p50\s+national p99\s+p50 demo→national/,
    );
    assert.match(lines[1] ?? '', /^a\s+2\.00\s+4\.00\s+3\.00\s+6\.00\s+8\.00\s+16\.00\s+4\.00× ✗ ≤ 3×$/);
    // Missing at demo: no growth; writes are not in the growth table.
    assert.match(lines[2] ?? '', /^b\s+—\s+—\s+—\s+—\s+1\.00\s+1\.00\s+—$/);
    assert.equal(lines.length, 3);
  });
});

describe('backendTable', () => {
  it('compares PostgreSQL’s p50 with SQLite’s against ≤ 2× for reads only', () => {
    const text = backendTable(
      [summarize('r', 'list', [round(1000, 2, 5)]), summarize('w', 'write', [round(300, 3, 9)])],
      [summarize('r', 'list', [round(700, 5, 9)]), summarize('w', 'write', [round(200, 9, 20)])],
      2,
    );
    const lines = text.split('\n');
    assert.match(lines[0] ?? '', /pg×2 req\/s/);
    assert.match(lines[1] ?? '', /^r .*2\.50× ✗ ≤ 2×$/);
    assert.match(lines[2] ?? '', /^w .*3\.00×$/);
  });
});
