// @ts-check
/**
 * The maths and the tables of `npm run bench`: medians over rounds, the targets of issue 15 and the text
 * tables (endpoints against the bare node:http ceiling, growth across scales, PostgreSQL against SQLite).
 * Targets are printed with ✓/✗, never asserted: timings depend on the machine.
 */

/**
 * What an endpoint is, for its targets: `search` and `list`/`deep`/`item` have a share of the ceiling to
 * reach at demo scale, and (but `item`) latency bounds at national scale.
 *
 * @typedef {'search' | 'list' | 'deep' | 'item' | 'indicators' | 'health' | 'health-export' | 'write' | 'other'} EndpointKind
 */

/**
 * The medians of an endpoint's rounds (and of its ceiling rounds when it has one).
 *
 * @typedef {{
 *   name: string,
 *   kind: EndpointKind,
 *   rps: number,
 *   p50: number,
 *   p99: number,
 *   errors: number,
 *   requests: number,
 *   ceilingRps?: number,
 *   note?: string,
 * }} Summary
 */

/**
 * The median of numbers (the mean of the two middle ones for an even count); `NaN` for none.
 *
 * @example
 * median([3, 1, 2]); // 2
 * median([4, 1, 3, 2]); // 2.5
 * @param {readonly number[]} values
 * @returns {number}
 */
export function median(values) {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const upper = sorted[mid] ?? Number.NaN;
  const lower = sorted[mid - 1] ?? Number.NaN;
  return sorted.length % 2 ? upper : (lower + upper) / 2;
}

/**
 * Folds the rounds of one endpoint into medians: req/s, p50 and p99 each the median of the rounds' (a
 * slow round — a GC pause, another process — moves none of them much), errors and requests summed.
 *
 * @example
 * summarize('calls', 'list', [{ rps: 900, p50: 8, p99: 20, errors: 0, requests: 1800 }, …]);
 * @param {string} name
 * @param {EndpointKind} kind
 * @param {readonly { rps: number, p50: number, p99: number, errors: number, requests: number }[]} rounds
 * @param {readonly { rps: number }[]} [ceiling] the ceiling's rounds, interleaved with these
 * @returns {Summary}
 */
export function summarize(name, kind, rounds, ceiling) {
  return {
    name,
    kind,
    rps: median(rounds.map((r) => r.rps)),
    p50: median(rounds.map((r) => r.p50)),
    p99: median(rounds.map((r) => r.p99)),
    errors: rounds.reduce((n, r) => n + r.errors, 0),
    requests: rounds.reduce((n, r) => n + r.requests, 0),
    ...(ceiling?.length ? { ceilingRps: median(ceiling.map((r) => r.rps)) } : {}),
  };
}

/**
 * The targets of issue 15 (part 4). `share`: the least share of the ceiling's req/s at demo scale.
 * `national`: p50/p99 bounds in ms at national scale on SQLite. `growth`: the most p50 may grow from demo
 * to national. `postgres`: the most a PostgreSQL read's p50 may be over SQLite's.
 */
export const TARGETS = {
  share: /** @type {Partial<Record<EndpointKind, number>>} */ ({
    list: 0.3,
    deep: 0.3,
    item: 0.3,
    search: 0.2,
  }),
  national: /** @type {Partial<Record<EndpointKind, { p50: number, p99: number }>>} */ ({
    search: { p50: 20, p99: 100 },
    list: { p50: 20, p99: 100 },
    deep: { p50: 20, p99: 100 },
    indicators: { p50: 20, p99: 100 },
    'health-export': { p50: Number.POSITIVE_INFINITY, p99: 20 },
  }),
  growth: 3,
  postgres: 2,
};

/**
 * `✓` or `✗` followed by the target's text.
 *
 * @example
 * check(true, '≥ 30 %'); // '✓ ≥ 30 %'
 * @param {boolean} ok
 * @param {string} text
 * @returns {string}
 */
export function check(ok, text) {
  return `${ok ? '✓' : '✗'} ${text}`;
}

/**
 * A number for a table: `—` when it is not a finite number.
 *
 * @example
 * fixed(12.345, 1); // '12.3'
 * fixed(Number.NaN); // '—'
 * @param {number | undefined} value
 * @param {number} [digits]
 * @returns {string}
 */
export function fixed(value, digits = 0) {
  return value === undefined || !Number.isFinite(value) ? '—' : value.toFixed(digits);
}

/**
 * A plain text table: the first column (and those in `left`) left-aligned, the others right-aligned, two
 * spaces apart, trailing spaces trimmed. Widths count code points, so `✓` is one column.
 *
 * @example
 * renderTable(['name', 'n'], [['a', '1'], ['bb', '22']]);
 * // 'name   n\na      1\nbb    22'
 * @param {readonly string[]} header
 * @param {readonly (readonly string[])[]} rows
 * @param {readonly number[]} [left] more left-aligned columns (a last column of notes)
 * @returns {string}
 */
export function renderTable(header, rows, left = []) {
  const width = (/** @type {string} */ s) => [...s].length;
  const widths = header.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i] ?? ''))));
  const line = (/** @type {readonly string[]} */ cells) =>
    cells
      .map((cell, i) => {
        const pad = ' '.repeat(Math.max(0, (widths[i] ?? 0) - width(cell)));
        return i === 0 || left.includes(i) ? cell + pad : pad + cell;
      })
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)].join('\n');
}

/**
 * The table of one scale: per endpoint, the medians of req/s, p50 and p99, the ceiling's req/s measured
 * in the rounds interleaved with it, the ratio, and the demo target on that ratio with ✓/✗ (`demo` false:
 * the share targets are for demo scale only, the ratio is printed without a verdict).
 *
 * @example
 * endpointTable([summarize('GET /healthz', 'health', rounds, ceilingRounds)], true);
 * @param {readonly Summary[]} summaries
 * @param {boolean} demo
 * @returns {string}
 */
export function endpointTable(summaries, demo) {
  const rows = summaries.map((s) => {
    const ratio = s.ceilingRps ? s.rps / s.ceilingRps : Number.NaN;
    const share = TARGETS.share[s.kind];
    const target =
      demo && share !== undefined && Number.isFinite(ratio)
        ? check(ratio >= share, `≥ ${Math.round(share * 100)} % of ceiling`)
        : '';
    return [
      s.name,
      fixed(s.rps),
      fixed(s.p50, 2),
      fixed(s.p99, 2),
      fixed(s.ceilingRps),
      Number.isFinite(ratio) ? `${(ratio * 100).toFixed(0)} %` : '—',
      s.errors ? String(s.errors) : '',
      [target, s.note ?? ''].filter(Boolean).join('  '),
    ];
  });
  return renderTable(
    ['endpoint', 'req/s', 'p50 ms', 'p99 ms', 'ceiling req/s', 'ratio', 'errors', 'target, notes'],
    rows,
    [7],
  );
}

/**
 * The national-scale latency targets met or not, one line each, for the endpoints that have one.
 *
 * @example
 * nationalChecks(summaries); // ['GET /v1/associations?q=… p50 4.1 ms ✓ ≤ 20, p99 9.0 ms ✓ ≤ 100', …]
 * @param {readonly Summary[]} summaries
 * @returns {string[]}
 */
export function nationalChecks(summaries) {
  /** @type {string[]} */
  const lines = [];
  for (const s of summaries) {
    const bound = TARGETS.national[s.kind];
    if (!bound) continue;
    const parts = [];
    if (Number.isFinite(bound.p50))
      parts.push(`p50 ${fixed(s.p50, 1)} ms ${check(s.p50 <= bound.p50, `≤ ${bound.p50}`)}`);
    parts.push(`p99 ${fixed(s.p99, 1)} ms ${check(s.p99 <= bound.p99, `≤ ${bound.p99}`)}`);
    lines.push(`${s.name}: ${parts.join(', ')}`);
  }
  return lines;
}

/**
 * The growth table: p50/p99 of each endpoint at each scale measured, and the p50 growth from the first
 * scale to the last against the target (≤ 3× from demo to national). An endpoint missing at a scale shows
 * `—`.
 *
 * @example
 * growthTable(new Map([['demo', demoSummaries], ['national', nationalSummaries]]));
 * @param {ReadonlyMap<string, readonly Summary[]>} byScale scales in order, smallest first
 * @returns {string}
 */
export function growthTable(byScale) {
  const scales = [...byScale.keys()];
  /** @type {string[]} */
  const names = [];
  for (const summaries of byScale.values())
    for (const s of summaries) if (s.kind !== 'write' && !names.includes(s.name)) names.push(s.name);
  const first = scales[0];
  const last = scales[scales.length - 1];
  const rows = names.map((name) => {
    const at = (/** @type {string | undefined} */ scale) =>
      scale === undefined ? undefined : byScale.get(scale)?.find((s) => s.name === name);
    const cells = scales.flatMap((scale) => {
      const s = at(scale);
      return [fixed(s?.p50, 2), fixed(s?.p99, 2)];
    });
    const from = at(first);
    const to = at(last);
    const growth = from && to && scales.length > 1 ? to.p50 / from.p50 : Number.NaN;
    const verdict = Number.isFinite(growth)
      ? `${growth.toFixed(2)}× ${check(growth <= TARGETS.growth, `≤ ${TARGETS.growth}×`)}`
      : '—';
    return [name, ...cells, verdict];
  });
  return renderTable(
    ['endpoint', ...scales.flatMap((scale) => [`${scale} p50`, `${scale} p99`]), `p50 ${first}→${last}`],
    rows,
  );
}

/**
 * PostgreSQL against SQLite at one scale: p50 of both and their ratio against the target (≤ 2× for reads).
 *
 * @example
 * backendTable(sqliteSummaries, postgresSummaries, 2);
 * @param {readonly Summary[]} sqlite
 * @param {readonly Summary[]} postgres
 * @param {number} processes server processes sharing the PostgreSQL database
 * @returns {string}
 */
export function backendTable(sqlite, postgres, processes) {
  const rows = postgres.map((pg) => {
    const lite = sqlite.find((s) => s.name === pg.name);
    const ratio = lite ? pg.p50 / lite.p50 : Number.NaN;
    const read = pg.kind !== 'write';
    return [
      pg.name,
      fixed(lite?.rps),
      fixed(pg.rps),
      fixed(lite?.p50, 2),
      fixed(pg.p50, 2),
      fixed(lite?.p99, 2),
      fixed(pg.p99, 2),
      Number.isFinite(ratio)
        ? `${ratio.toFixed(2)}×${read ? ` ${check(ratio <= TARGETS.postgres, `≤ ${TARGETS.postgres}×`)}` : ''}`
        : '—',
    ];
  });
  return renderTable(
    [
      'endpoint',
      'sqlite req/s',
      `pg×${processes} req/s`,
      'sqlite p50',
      'pg p50',
      'sqlite p99',
      'pg p99',
      'pg/sqlite p50',
    ],
    rows,
  );
}
