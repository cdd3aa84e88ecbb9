import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CursorPosition, MAX_CURSOR_LENGTH, MAX_CURSOR_OFFSET, validate } from '@nassij/contract';
import Database from 'better-sqlite3';
import {
  decodeCursor,
  encodeCursor,
  encodeKeysetCursor,
  type Keyset,
  type KeyValue,
  keysetClause,
  keysetPage,
  orderByClause,
  readKeysetCursor,
} from './cursor.js';
import { ApiError } from './problem.js';

test('a cursor round-trips and a tampered one is a 422 naming /cursor', () => {
  const cursor = encodeCursor({ after: 'call_example', score: 3 });
  assert.match(cursor, /^[A-Za-z0-9_-]+$/);
  assert.deepEqual(decodeCursor(cursor, ['after']), { after: 'call_example', score: 3 });
  for (const bad of [`${cursor}!`, 'bm90LWpzb24', Buffer.from('{"v":2}').toString('base64url')]) {
    assert.throws(
      () => decodeCursor(bad),
      (error: unknown) =>
        error instanceof ApiError && error.status === 422 && error.extra.errors?.[0]?.path === '/cursor',
    );
  }
  assert.throws(() => decodeCursor(encodeCursor({ other: 1 }), ['after']), ApiError);
});

test('a forged position is a 422: offsets are integers from 0 to MAX_CURSOR_OFFSET, strings short', () => {
  const forge = (json: string) => Buffer.from(json, 'utf8').toString('base64url');
  const refused = [
    '{"v":1,"offset":1e19}',
    '{"v":1,"offset":10000000000000000000}',
    '{"v":1,"offset":-1}',
    '{"v":1,"offset":1.5}',
    '{"v":1,"offset":1e308}',
    '{"v":1,"offset":1e400}',
    `{"v":1,"offset":${MAX_CURSOR_OFFSET + 1}}`,
    '{"v":1,"offset":[1]}',
    '{"v":1,"offset":{"a":1}}',
    '{"v":1,"offset":true}',
    '{"v":1,"offset":"1e19"}',
    '{"v":1,"offset":" 10000000000000000000 "}',
    '{"v":1,"offset":"0x7fffffffffffffffff"}',
    '{"v":1,"offset":""}',
    `{"v":1,"sort":"${'x'.repeat(300)}"}`,
    '{"v":1,"__proto__":{"offset":1}}',
    '{"v":1,"offset":0,"":1}',
    '[1]',
    '"v"',
  ];
  for (const json of refused) {
    assert.throws(
      () => decodeCursor(forge(json), ['offset']),
      (error: unknown) => error instanceof ApiError && error.status === 422,
      json,
    );
  }
  assert.throws(() => decodeCursor('a'.repeat(MAX_CURSOR_LENGTH + 1)), ApiError);
  assert.deepEqual(decodeCursor(forge(`{"v":1,"offset":${MAX_CURSOR_OFFSET},"sort":null}`), ['offset']), {
    offset: MAX_CURSOR_OFFSET,
    sort: null,
  });
  // `required` names own fields only.
  assert.throws(() => decodeCursor(encodeCursor({ offset: 0 }), ['constructor']), ApiError);
});

// ---- Keyset pagination, against a real SQLite database ------------------------------------------------

interface ItemRow {
  id: string;
  title: string;
  closes_at: string | null;
  score: number;
  amount: number;
}

/**
 * Rows with many ties on every sort key, Arabic and number-like titles, negative, fractional, tiny and huge
 * scores, and NULL deadlines: what a keyset must page through without losing or repeating a row.
 */
function itemRows(): ItemRow[] {
  const titles = [
    'منحة الجمعيات',
    'دعم الشباب',
    'Appel 2026',
    '2026',
    '12',
    'Infinity',
    ' 7',
    '',
    'منحة الجمعيات',
  ];
  const scores = [0, -1.5, 0.1 + 0.2, 0.3, 1e-7, 1e21, -1e300, 5e-324, 42, 42, Number.MAX_SAFE_INTEGER + 2];
  const instants = ['2026-05-01T00:00:00.000Z', '2026-04-30T23:59:59.999Z', null, '2026-05-01T00:00:00.000Z'];
  const rows: ItemRow[] = [];
  for (let index = 0; index < 63; index += 1) {
    rows.push({
      // Not inserted in id order, so that rowid order is no accidental help.
      id: `item_${String((index * 37) % 63).padStart(3, '0')}`,
      title: titles[index % titles.length] as string,
      closes_at: instants[index % instants.length] as string | null,
      score: scores[index % scores.length] as number,
      amount: (index * 7) % 5,
    });
  }
  return rows;
}

function openItems(rows: readonly ItemRow[]): Database.Database {
  const db = new Database(':memory:');
  db.exec(`CREATE TABLE items (
    id TEXT PRIMARY KEY, title TEXT NOT NULL, closes_at TEXT, score REAL NOT NULL, amount INTEGER NOT NULL
  )`);
  const insert = db.prepare(
    'INSERT INTO items (id, title, closes_at, score, amount) VALUES (@id, @title, @closes_at, @score, @amount)',
  );
  for (const row of rows) insert.run(row);
  return db;
}

interface TestKeyset {
  keyset: Keyset;
  /** The key values of a row, as the page reads them from the selected columns. */
  valuesOf: (row: ItemRow & { k?: string }) => KeyValue[];
}

const NO_DEADLINE = '9999-12-31T23:59:59.999Z';

const KEYSETS: TestKeyset[] = [
  { keyset: { name: 'id', keys: [{ expr: 'i.id' }] }, valuesOf: (row) => [row.id] },
  { keyset: { name: 'idDesc', keys: [{ expr: 'i.id', desc: true }] }, valuesOf: (row) => [row.id] },
  {
    keyset: {
      name: 'closing',
      keys: [{ expr: `COALESCE(i.closes_at, '${NO_DEADLINE}')` }, { expr: 'i.id' }],
    },
    valuesOf: (row) => [row.closes_at ?? NO_DEADLINE, row.id],
  },
  {
    keyset: {
      name: 'best',
      keys: [
        { expr: 'i.score', desc: true },
        { expr: 'i.id', desc: true },
      ],
    },
    valuesOf: (row) => [row.score, row.id],
  },
  {
    keyset: {
      name: 'mixed',
      keys: [{ expr: 'i.score', desc: true }, { expr: 'i.title' }, { expr: 'i.id' }],
    },
    valuesOf: (row) => [row.score, row.title, row.id],
  },
  {
    keyset: {
      name: 'mixed_three',
      keys: [
        { expr: 'i.amount' },
        { expr: `COALESCE(i.closes_at, '${NO_DEADLINE}')`, desc: true },
        { expr: 'i.title', desc: true },
        { expr: 'i.id' },
      ],
    },
    valuesOf: (row) => [row.amount, row.closes_at ?? NO_DEADLINE, row.title, row.id],
  },
];

/** The expected order, computed in JS: numbers numerically, text by UTF-8 bytes (SQLite's BINARY collation). */
function expectedOrder(rows: readonly ItemRow[], { keyset, valuesOf }: TestKeyset): string[] {
  const compare = (a: KeyValue, b: KeyValue) =>
    typeof a === 'number' && typeof b === 'number'
      ? a - b
      : Buffer.compare(Buffer.from(String(a), 'utf8'), Buffer.from(String(b), 'utf8'));
  return [...rows]
    .sort((a, b) => {
      const left = valuesOf(a);
      const right = valuesOf(b);
      for (const [index, key] of keyset.keys.entries()) {
        const order = compare(left[index] as KeyValue, right[index] as KeyValue);
        if (order !== 0) return key.desc ? -order : order;
      }
      return 0;
    })
    .map((row) => row.id);
}

/** One page as a list route would serve it: read the cursor, fetch `limit + 1` rows, cut the page. */
function servePage(db: Database.Database, { keyset, valuesOf }: TestKeyset, limit: number, cursor?: string) {
  const after = readKeysetCursor(cursor, keyset.name, keyset.keys.length);
  const { sql, params } = keysetClause(keyset, after);
  const rows = db
    .prepare(`SELECT i.* FROM items i WHERE i.amount >= 0 AND (${sql}) ${orderByClause(keyset)} LIMIT ?`)
    .all(...params, limit + 1) as ItemRow[];
  return keysetPage(rows, limit, keyset.name, valuesOf);
}

function pageThrough(db: Database.Database, testKeyset: TestKeyset, limit: number) {
  const ids: string[] = [];
  const sizes: number[] = [];
  let cursor: string | undefined;
  for (let guard = 0; guard < 1000; guard += 1) {
    const page = servePage(db, testKeyset, limit, cursor);
    ids.push(...page.items.map((row) => row.id));
    sizes.push(page.items.length);
    if (page.nextCursor === null) return { ids, sizes };
    assert.ok(page.nextCursor.length <= MAX_CURSOR_LENGTH);
    cursor = page.nextCursor;
  }
  throw new Error('Paging did not end');
}

test('keyset paging returns every row exactly once, in order, for every sort and page size', () => {
  const rows = itemRows();
  const db = openItems(rows);
  for (const testKeyset of KEYSETS) {
    const expected = expectedOrder(rows, testKeyset);
    // The SQL order is the JS oracle's, so the oracle checks ORDER BY too.
    const sqlOrder = db
      .prepare(`SELECT i.id FROM items i ${orderByClause(testKeyset.keyset)}`)
      .all()
      .map((row) => (row as { id: string }).id);
    assert.deepEqual(sqlOrder, expected, testKeyset.keyset.name);
    for (const limit of [1, 2, 7, 63, 100]) {
      const { ids, sizes } = pageThrough(db, testKeyset, limit);
      const label = `${testKeyset.keyset.name} limit ${limit}`;
      assert.equal(ids.length, rows.length, label);
      assert.equal(new Set(ids).size, rows.length, label);
      assert.deepEqual(ids, expected, label);
      // Full pages, and no empty page at the end (63 rows are exactly 9 pages of 7).
      assert.deepEqual(sizes, pageSizes(rows.length, limit), label);
    }
  }
  db.close();
});

function pageSizes(total: number, limit: number): number[] {
  const sizes: number[] = [];
  for (let left = total; left > 0; left -= limit) sizes.push(Math.min(limit, left));
  return sizes;
}

test('rows inserted or deleted between pages neither repeat nor hide the others', () => {
  const rows = itemRows();
  const db = openItems(rows);
  const mixed = KEYSETS.find((entry) => entry.keyset.name === 'mixed') as TestKeyset;
  const before = expectedOrder(rows, mixed);
  const first = servePage(db, mixed, 7);
  const seen = first.items.map((row) => row.id);
  assert.deepEqual(seen, before.slice(0, 7));
  // A row that sorts first (already passed), and the deletion of the row due next.
  db.prepare('INSERT INTO items VALUES (?, ?, ?, ?, ?)').run('item_new', 'جديد', null, 1e308, 0);
  db.prepare('DELETE FROM items WHERE id = ?').run(before[7]);
  let cursor = first.nextCursor ?? undefined;
  while (cursor) {
    const page = servePage(db, mixed, 7, cursor);
    seen.push(...page.items.map((row) => row.id));
    cursor = page.nextCursor ?? undefined;
  }
  assert.deepEqual(seen, [...before.slice(0, 7), ...before.slice(8)]);
  db.close();
});

test('a text key bounded with substr() keeps long Arabic titles in a short, exact cursor', () => {
  const long = (word: string) => `${word} `.repeat(60).slice(0, 300);
  const rows = itemRows().map((row, index) => ({ ...row, title: long(index % 2 ? 'منحة' : 'دعم') }));
  const db = openItems(rows);
  const bounded: TestKeyset = {
    keyset: { name: 'title', keys: [{ expr: 'substr(i.title, 1, 60)' }, { expr: 'i.id', desc: true }] },
    valuesOf: (row) => [row.title.slice(0, 60), row.id],
  };
  for (const limit of [1, 2, 7]) {
    assert.deepEqual(pageThrough(db, bounded, limit).ids, expectedOrder(rows, bounded));
  }
  // Unbounded, the same rows do not fit in a cursor: a bug to fix in the keyset, never a truncated cursor.
  const unbounded: TestKeyset = {
    keyset: { name: 'title', keys: [{ expr: 'i.title' }, { expr: 'i.id', desc: true }] },
    valuesOf: (row) => [row.title, row.id],
  };
  assert.throws(
    () => servePage(db, unbounded, 7),
    (error: unknown) =>
      error instanceof Error && !(error instanceof ApiError) && /substr/.test(error.message),
  );
  db.close();
});

test('keyset clauses: row values for one direction, an expansion with a leading bound for mixed ones', () => {
  const mixed: Keyset = { name: 'newest', keys: [{ expr: 'a', desc: true }, { expr: 'b' }, { expr: 'id' }] };
  assert.deepEqual(keysetClause(mixed, [5, 'x', 'id_1']), {
    sql: 'a <= ? AND (a < ? OR (a = ? AND (b > ? OR (b = ? AND id > ?))))',
    params: [5, 5, 5, 'x', 'x', 'id_1'],
  });
  assert.equal(orderByClause(mixed), 'ORDER BY a DESC, b ASC, id ASC');
  assert.deepEqual(keysetClause({ name: 'oldest', keys: [{ expr: 'a' }, { expr: 'id' }] }, [-1.5, 'id_1']), {
    sql: '(a, id) > (?, ?)',
    params: [-1.5, 'id_1'],
  });
  assert.deepEqual(keysetClause({ name: 'id', keys: [{ expr: 'id', desc: true }] }, ['id_1']), {
    sql: 'id < ?',
    params: ['id_1'],
  });
  assert.deepEqual(keysetClause(mixed, undefined), { sql: '1 = 1', params: [] });
  // Positions that no cursor can carry are bugs in the caller.
  assert.throws(() => keysetClause(mixed, [5, 'x']), /3 keys/);
  assert.throws(() => keysetClause(mixed, [Number.NaN, 'x', 'id_1']), Error);
  assert.throws(() => keysetClause(mixed, [null as unknown as string, 'x', 'id_1']), Error);
  assert.throws(() => keysetClause({ name: 'Bad name', keys: [{ expr: 'id' }] }, undefined), Error);
  assert.throws(() => keysetClause({ name: 'empty', keys: [] }, undefined), Error);
});

test('an index that matches the sort serves the keyset clause on SQLite', () => {
  const db = openItems(itemRows());
  db.exec('CREATE INDEX items_score_title ON items (score DESC, title, id)');
  db.exec('CREATE INDEX items_amount ON items (amount, id)');
  const plan = (keyset: Keyset, after: KeyValue[]) => {
    const { sql, params } = keysetClause(keyset, after);
    return db
      .prepare(`EXPLAIN QUERY PLAN SELECT i.id FROM items i WHERE ${sql} ${orderByClause(keyset)} LIMIT 8`)
      .all(...params)
      .map((row) => (row as { detail: string }).detail)
      .join('\n');
  };
  const mixed = plan(
    { name: 'mixed', keys: [{ expr: 'score', desc: true }, { expr: 'title' }, { expr: 'id' }] },
    [42, 'x', 'item_001'],
  );
  assert.match(mixed, /SEARCH i USING (COVERING )?INDEX items_score_title \(score<\?\)/);
  assert.doesNotMatch(mixed, /TEMP B-TREE/);
  const same = plan({ name: 'amount', keys: [{ expr: 'amount' }, { expr: 'id' }] }, [2, 'item_001']);
  assert.match(same, /SEARCH i USING (COVERING )?INDEX items_amount \(\(amount,id\)>\(\?,\?\)\)/);
  assert.doesNotMatch(same, /TEMP B-TREE/);
  db.close();
});

test('keyset cursors round-trip any string and any finite number exactly, within CursorPosition', () => {
  const values: KeyValue[] = [
    '2026',
    '12',
    '',
    ' 7',
    'Infinity',
    '0x10',
    '1e19',
    'n5',
    's',
    'منحة "الجمعيات" \\ \u0000',
    '😀',
    0,
    -1.5,
    0.1 + 0.2,
    1e21,
    -1e-7,
    5e-324,
    Number.MAX_VALUE,
    -Number.MAX_VALUE,
    Number.MAX_SAFE_INTEGER + 2,
  ];
  for (const value of values) {
    const cursor = encodeKeysetCursor('sorted', [value, 'id_1']);
    const back = readKeysetCursor(cursor, 'sorted', 2);
    assert.deepEqual(back, [value, 'id_1'], String(value));
    assert.equal(typeof back?.[0], typeof value);
    // What the client holds passes the contract's checks on its own.
    assert.ok(validate(CursorPosition, decodeCursor(cursor)).ok);
  }
  // -0 compares equal to 0 in SQL, so the sign need not survive.
  assert.deepEqual(readKeysetCursor(encodeKeysetCursor('sorted', [-0]), 'sorted', 1), [0]);
  assert.equal(readKeysetCursor(undefined, 'sorted', 1), undefined);
});

test('a keyset cursor of another sort, arity, format or a tampered one is the 422 of decodeCursor', () => {
  const forge = (position: Record<string, unknown>) =>
    Buffer.from(JSON.stringify({ v: 1, ...position }), 'utf8').toString('base64url');
  const good = encodeKeysetCursor('closing', ['2026-05-01T00:00:00.000Z', 'row-0001']);
  assert.deepEqual(readKeysetCursor(good, 'closing', 2), ['2026-05-01T00:00:00.000Z', 'row-0001']);
  const refused: Array<[string, string]> = [
    ['another sort', encodeKeysetCursor('newest', ['2026-05-01T00:00:00.000Z', 'row-0001'])],
    ['fewer keys', encodeKeysetCursor('closing', ['2026-05-01T00:00:00.000Z'])],
    ['more keys', encodeKeysetCursor('closing', ['2026-05-01T00:00:00.000Z', 'row-0001', 'x'])],
    ['an offset cursor', encodeCursor({ offset: 20, sort: 'closing' })],
    ['no sort', forge({ k0: 's2026', k1: 'srow-0001' })],
    ['a gap in the keys', forge({ sort: 'closing', k0: 's2026', k2: 'srow-0001' })],
    ['an extra field', forge({ sort: 'closing', k0: 's2026', k1: 'srow-0001', offset: 0 })],
    ['an untagged value', forge({ sort: 'closing', k0: 'x2026', k1: 'srow-0001' })],
    ['a JSON number', forge({ sort: 'closing', k0: 5, k1: 'srow-0001' })],
    ['a null', forge({ sort: 'closing', k0: null, k1: 'srow-0001' })],
    ['a bare string that reads as a number', forge({ sort: 'closing', k0: '2026', k1: 'srow-0001' })],
    ['a non-canonical number', forge({ sort: 'closing', k0: 'n01', k1: 'srow-0001' })],
    ['a trailing zero', forge({ sort: 'closing', k0: 'n1.50', k1: 'srow-0001' })],
    ['a plus sign', forge({ sort: 'closing', k0: 'n+1', k1: 'srow-0001' })],
    ['an unbounded number', forge({ sort: 'closing', k0: 'n1e400', k1: 'srow-0001' })],
    ['Infinity', forge({ sort: 'closing', k0: 'nInfinity', k1: 'srow-0001' })],
    ['NaN', forge({ sort: 'closing', k0: 'nNaN', k1: 'srow-0001' })],
    ['hex', forge({ sort: 'closing', k0: 'n0x10', k1: 'srow-0001' })],
    ['spaces', forge({ sort: 'closing', k0: 'n 1', k1: 'srow-0001' })],
    ['an empty number', forge({ sort: 'closing', k0: 'n', k1: 'srow-0001' })],
    ['an empty value', forge({ sort: 'closing', k0: '', k1: 'srow-0001' })],
    ['a long value', forge({ sort: 'closing', k0: `s${'x'.repeat(300)}`, k1: 'srow-0001' })],
    ['a flipped character', `${good.slice(0, 10)}${good[10] === 'A' ? 'B' : 'A'}${good.slice(11)}`],
    ['not base64url', `${good}=`],
    ['too long', 'a'.repeat(MAX_CURSOR_LENGTH + 1)],
  ];
  for (const [label, cursor] of refused) {
    assert.throws(
      () => readKeysetCursor(cursor, 'closing', 2),
      (error: unknown) =>
        error instanceof ApiError &&
        error.status === 422 &&
        error.code === 'validation_failed' &&
        error.extra.errors?.[0]?.path === '/cursor',
      label,
    );
  }
});

test('keysetPage issues a cursor only when an extra row shows that more follow', () => {
  const rows = [
    { id: 'a', n: 1 },
    { id: 'b', n: 2 },
    { id: 'c', n: 3 },
  ];
  const valuesOf = (row: { id: string; n: number }) => [row.n, row.id];
  assert.deepEqual(keysetPage(rows, 3, 'n', valuesOf), { items: rows, nextCursor: null });
  assert.deepEqual(keysetPage([], 3, 'n', valuesOf), { items: [], nextCursor: null });
  const page = keysetPage(rows, 2, 'n', valuesOf);
  assert.deepEqual(page.items, rows.slice(0, 2));
  assert.deepEqual(readKeysetCursor(page.nextCursor ?? undefined, 'n', 2), [2, 'b']);
  assert.throws(() => keysetPage(rows, 0, 'n', valuesOf), Error);
  assert.throws(() => keysetPage(rows, 1, 'Not a name', valuesOf), Error);
  assert.throws(() => keysetPage(rows, 1, 'n', () => [Number.POSITIVE_INFINITY, 'a']), Error);
  assert.throws(() => encodeKeysetCursor('n', []), Error);
  assert.throws(
    () =>
      encodeKeysetCursor(
        'n',
        Array.from({ length: 9 }, () => 1),
      ),
    Error,
  );
});
