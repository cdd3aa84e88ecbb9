// The PostgreSQL adapter against a real server. Run by the PostgreSQL pass of `npm test` only, which sets
// NASSIJ_TEST_POSTGRES (.ci/run always does): without it this file fails rather than pass having tested nothing.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { AREAS } from '../areas/index.js';
import { searchMigration } from '../search/search.js';
import { createTestDatabase, type TestDatabase } from '../testing.js';
import type { Db, Migration } from './db.js';
import { isTransactionConflict } from './errors.js';
import { migrate } from './migrate.js';
import { CORE_MIGRATIONS } from './migrations/index.js';
import { openPostgres, postgresDdl, preparedStatement, TransactionConflict } from './postgres.js';

const adminUrl = process.env.NASSIJ_TEST_POSTGRES;
let database: TestDatabase;
let db: Db;

before(async () => {
  assert.ok(adminUrl, 'NASSIJ_TEST_POSTGRES must name a PostgreSQL admin URL (see scripts/lib/postgres.mjs)');
  database = await createTestDatabase(adminUrl);
  db = await openPostgres(database.url, { max: 4 });
  await db.script(`
    CREATE TABLE items (id TEXT PRIMARY KEY, n BIGINT, flag BIGINT, label TEXT, price DOUBLE PRECISION);
    CREATE TABLE marks (id TEXT PRIMARY KEY);
    CREATE TABLE seats (id TEXT PRIMARY KEY, call TEXT NOT NULL);
    CREATE TABLE counters (id TEXT PRIMARY KEY, n BIGINT NOT NULL);
  `);
});

after(async () => {
  await db?.close();
  await database?.drop();
});

/** A promise and the function that resolves it, to order two concurrent transactions step by step. */
function signal(): { promise: Promise<void>; fire: () => void } {
  let fire = () => {};
  const promise = new Promise<void>((resolve) => {
    fire = resolve;
  });
  return { promise, fire };
}

test('? placeholders bind in order; a ? inside a literal is text', async () => {
  await db.write('DELETE FROM items');
  const { changes } = await db.write('INSERT INTO items (id, n, label) VALUES (?, ?, ?), (?, ?, ?)', [
    'a',
    1,
    'why?',
    'b',
    2,
    'because',
  ]);
  assert.equal(changes, 2);
  const rows = await db.all<{ id: string; q: string }>(
    "SELECT id, 'is it?' AS q FROM items WHERE label <> '?' AND n >= ? ORDER BY id",
    [1],
  );
  assert.deepEqual(rows, [
    { id: 'a', q: 'is it?' },
    { id: 'b', q: 'is it?' },
  ]);
  assert.deepEqual(await db.one('SELECT label FROM items WHERE id = ?', ['a']), { label: 'why?' });
  assert.equal(await db.one('SELECT id FROM items WHERE id = ?', ['none']), undefined);
});

test('a statement marked by preparedStatement is prepared once per connection and answers like any other', async () => {
  await db.write('DELETE FROM items');
  await db.write('INSERT INTO items (id, n) VALUES (?, ?), (?, ?)', ['a', 1, 'b', 2]);
  const sql = 'SELECT id FROM items WHERE n >= ? ORDER BY id';
  assert.equal(preparedStatement(sql), sql);
  assert.deepEqual(await db.all(sql, [1]), [{ id: 'a' }, { id: 'b' }]);
  // One connection throughout a transaction: the statement is kept there under its name, and runs again.
  await db.atomic(async () => {
    assert.deepEqual(await db.all(sql, [2]), [{ id: 'b' }]);
    assert.deepEqual(await db.all(sql, [3]), []);
    const kept = await db.all<{ name: string }>(
      "SELECT name FROM pg_prepared_statements WHERE statement LIKE '%FROM items%'",
    );
    assert.equal(kept.length, 1);
    assert.match(kept[0]?.name ?? '', /^nassij_\d+$/);
  });
  // An unmarked statement is not kept.
  await db.atomic(async () => {
    await db.all('SELECT id FROM items WHERE n < ?', [2]);
    assert.deepEqual(
      await db.all("SELECT name FROM pg_prepared_statements WHERE statement LIKE '%n < $1%'"),
      [],
    );
  });
});

test('counts, sums and BIGINTs come back as numbers; booleans and undefined bind like SQLite', async () => {
  await db.write('DELETE FROM items');
  await db.write('INSERT INTO items (id, n, flag, label, price) VALUES (?, ?, ?, ?, ?)', [
    'big',
    9_000_000_000,
    true,
    undefined,
    12.5,
  ]);
  await db.write('INSERT INTO items (id, n, flag) VALUES (?, ?, ?)', ['small', 3, false]);
  const row = await db.one('SELECT n, flag, label, price FROM items WHERE id = ?', ['big']);
  assert.deepEqual(row, { n: 9_000_000_000, flag: 1, label: null, price: 12.5 });
  assert.deepEqual(await db.one('SELECT flag FROM items WHERE id = ?', ['small']), { flag: 0 });
  const totals = await db.one(
    'SELECT count(*) AS count, sum(n) AS total, avg(n) AS mean, max(n) AS most FROM items',
  );
  assert.deepEqual(totals, { count: 2, total: 9_000_000_003, mean: 4_500_000_001.5, most: 9_000_000_000 });
  // A boolean expression reads as 1/0, as on SQLite, so `row.found === 1` means the same on both.
  const found = await db.one('SELECT EXISTS (SELECT 1 FROM items WHERE flag = ?) AS found', [true]);
  assert.deepEqual(found, { found: 1 });
});

test('text sorts in byte order and lower() folds ASCII only, as on SQLite', async () => {
  const rows = await db.all<{ w: string }>(
    "SELECT w FROM (VALUES ('b'), ('B'), ('é'), ('e'), ('Z')) AS t(w) ORDER BY w",
  );
  assert.deepEqual(
    rows.map((r) => r.w),
    ['B', 'Z', 'b', 'e', 'é'],
  );
  assert.deepEqual(await db.one("SELECT lower('ÉCOLE Souss') AS l"), { l: 'École souss' });
});

test('script runs several statements; write counts the rows it changed', async () => {
  assert.equal(db.dialect, 'postgres');
  await db.script(`
    CREATE TABLE scripted (id TEXT PRIMARY KEY);
    INSERT INTO scripted (id) VALUES ('x'), ('y'), ('z');
  `);
  assert.deepEqual(await db.write('UPDATE scripted SET id = id || ? WHERE id <> ?', ['!', 'x']), {
    changes: 2,
  });
  assert.deepEqual(await db.write('DELETE FROM scripted WHERE id = ?', ['none']), { changes: 0 });
  assert.deepEqual(
    (await db.all<{ id: string }>('SELECT id FROM scripted ORDER BY id')).map((r) => r.id),
    ['x', 'y!', 'z!'],
  );
});

test('atomic commits when fn resolves and rolls back when it rejects', async () => {
  await db.write('DELETE FROM marks');
  assert.equal(db.inTransaction, false);
  const result = await db.atomic(async () => {
    assert.equal(db.inTransaction, true);
    await db.write('INSERT INTO marks (id) VALUES (?)', ['kept']);
    // Another function awaited inside fn joins the transaction too.
    await (async () => db.write('INSERT INTO marks (id) VALUES (?)', ['kept-too']))();
    return 'done';
  });
  assert.equal(result, 'done');
  assert.equal(db.inTransaction, false);
  await assert.rejects(
    db.atomic(async () => {
      await db.write('INSERT INTO marks (id) VALUES (?)', ['lost']);
      assert.deepEqual(await db.one('SELECT id FROM marks WHERE id = ?', ['lost']), { id: 'lost' });
      throw new Error('changed my mind');
    }),
    /changed my mind/,
  );
  // A failing statement rolls back what came before it.
  await assert.rejects(
    db.atomic(async () => {
      await db.write('INSERT INTO marks (id) VALUES (?)', ['lost-too']);
      await db.write('INSERT INTO marks (id) VALUES (?)', ['kept']);
    }),
    (error: Error & { code?: string }) => error.code === '23505',
  );
  assert.deepEqual(
    (await db.all<{ id: string }>('SELECT id FROM marks ORDER BY id')).map((r) => r.id),
    ['kept', 'kept-too'],
  );
});

test('a nested atomic is a savepoint: its failure undoes only its own writes', async () => {
  await db.write('DELETE FROM marks');
  await db.atomic(async () => {
    await db.write('INSERT INTO marks (id) VALUES (?)', ['outer']);
    await assert.rejects(
      db.atomic(async () => {
        await db.write('INSERT INTO marks (id) VALUES (?)', ['inner-lost']);
        // A failed statement aborts a PostgreSQL transaction; the savepoint makes it usable again.
        await db.write('INSERT INTO marks (id) VALUES (?)', ['outer']);
      }),
      (error: Error & { code?: string }) => error.code === '23505',
    );
    await db.atomic(async () => {
      await db.write('INSERT INTO marks (id) VALUES (?)', ['inner-kept']);
      await db.atomic(async () => db.write('INSERT INTO marks (id) VALUES (?)', ['deepest']));
    });
    await db.write('INSERT INTO marks (id) VALUES (?)', ['after']);
  });
  assert.deepEqual(
    (await db.all<{ id: string }>('SELECT id FROM marks ORDER BY id')).map((r) => r.id),
    ['after', 'deepest', 'inner-kept', 'outer'],
  );
  // An outer rollback takes the released savepoints with it.
  await assert.rejects(
    db.atomic(async () => {
      await db.atomic(async () => db.write('INSERT INTO marks (id) VALUES (?)', ['nested-then-undone']));
      throw new Error('outer fails');
    }),
  );
  assert.equal(await db.one('SELECT id FROM marks WHERE id = ?', ['nested-then-undone']), undefined);
});

test('concurrent transactions use different connections and never see each other’s uncommitted rows', async () => {
  await db.write('DELETE FROM marks');
  const aWrote = signal();
  const bLooked = signal();
  const a = db.atomic(async () => {
    await db.write('INSERT INTO marks (id) VALUES (?)', ['from-a']);
    const pid = await db.one<{ pid: number }>('SELECT pg_backend_pid() AS pid');
    aWrote.fire();
    await bLooked.promise;
    return pid?.pid;
  });
  const b = db.atomic(async () => {
    await aWrote.promise;
    const seen = await db.all('SELECT id FROM marks');
    const pid = await db.one<{ pid: number }>('SELECT pg_backend_pid() AS pid');
    bLooked.fire();
    return { seen, pid: pid?.pid };
  });
  const [pidA, fromB] = await Promise.all([a, b]);
  assert.deepEqual(fromB.seen, [], 'B does not see A’s row before A commits');
  assert.notEqual(pidA, fromB.pid);
  assert.deepEqual(await db.all('SELECT id FROM marks'), [{ id: 'from-a' }]);
});

test('a read outside a transaction sees only committed rows while one is open', async () => {
  await db.write('DELETE FROM marks');
  await db.write('INSERT INTO marks (id) VALUES (?)', ['committed']);
  const wrote = signal();
  const looked = signal();
  const transaction = db.atomic(async () => {
    await db.write('INSERT INTO marks (id) VALUES (?)', ['pending']);
    await db.write('DELETE FROM marks WHERE id = ?', ['committed']);
    wrote.fire();
    await looked.promise;
  });
  await wrote.promise;
  assert.equal(db.inTransaction, false);
  assert.deepEqual(await db.all('SELECT id FROM marks'), [{ id: 'committed' }]);
  looked.fire();
  await transaction;
  assert.deepEqual(await db.all('SELECT id FROM marks'), [{ id: 'pending' }]);
});

test('a callback left running after its transaction ended runs outside it, not in the next one on that connection', async () => {
  await db.write('DELETE FROM marks');
  // One connection: the next transaction gets the very connection the first one used.
  const own = await openPostgres(database.url, { max: 1, applicationName: 'nassij-scope-test' });
  try {
    const late = signal();
    let lateWrite: Promise<unknown> | undefined;
    let seenInside: boolean | undefined;
    await own.atomic(async () => {
      await own.write('INSERT INTO marks (id) VALUES (?)', ['first']);
      // Scheduled inside the transaction, run after it: AsyncLocalStorage still holds its scope.
      void late.promise.then(() => {
        seenInside = own.inTransaction;
        lateWrite = own.write('INSERT INTO marks (id) VALUES (?)', ['late']);
      });
    });
    await assert.rejects(
      own.atomic(async () => {
        await own.write('INSERT INTO marks (id) VALUES (?)', ['second']);
        late.fire();
        await new Promise((resolve) => setImmediate(resolve));
        throw new Error('second rolls back');
      }),
      /second rolls back/,
    );
    await lateWrite;
    assert.equal(seenInside, false);
    // Had the late write joined the second transaction (the connection it was on), it would be gone too.
    assert.deepEqual(
      (await own.all<{ id: string }>('SELECT id FROM marks ORDER BY id')).map((r) => r.id),
      ['first', 'late'],
    );
  } finally {
    await own.close();
  }
});

test('a callback left running after a savepoint ended belongs to the transaction still open', async () => {
  await db.write('DELETE FROM marks');
  const late = signal();
  let lateWrite: Promise<unknown> | undefined;
  await assert.rejects(
    db.atomic(async () => {
      await db.atomic(async () => {
        void late.promise.then(() => {
          lateWrite = db.write('INSERT INTO marks (id) VALUES (?)', ['late']);
        });
      });
      late.fire();
      await new Promise((resolve) => setImmediate(resolve));
      await lateWrite;
      assert.equal(db.inTransaction, true);
      throw new Error('outer rolls back');
    }),
    /outer rolls back/,
  );
  assert.deepEqual(await db.all('SELECT id FROM marks'), []);
});

test('transactions are SERIALIZABLE: two concurrent check-then-insert leave exactly one row', async () => {
  await db.write('DELETE FROM seats');
  const bothRead = { a: signal(), b: signal() };
  const ended = { a: signal(), b: signal() };
  const runs = { a: 0, b: 0 };
  const takeLastSeat = (who: 'a' | 'b', other: 'a' | 'b') =>
    db
      .atomic(async () => {
        runs[who] += 1;
        // A run again starts once the other transaction ended, so that it reads after the winner's commit:
        // started sooner, it could read before that commit lands and lose a second race, which the retries
        // allow but this count would not tell apart.
        if (runs[who] > 1) await ended[other].promise;
        const taken = await db.one<{ n: number }>('SELECT count(*) AS n FROM seats WHERE call = ?', ['c1']);
        // Both read "no seat taken" before either inserts: the race that READ COMMITTED would lose.
        bothRead[who].fire();
        await bothRead[other].promise;
        if ((taken?.n ?? 0) >= 1) return 'full';
        await db.write('INSERT INTO seats (id, call) VALUES (?, ?)', [`seat-${who}`, 'c1']);
        return 'booked';
      })
      .finally(() => ended[who].fire());
  const outcomes = await Promise.all([takeLastSeat('a', 'b'), takeLastSeat('b', 'a')]);
  assert.deepEqual([...outcomes].sort(), ['booked', 'full']);
  assert.deepEqual(await db.one('SELECT count(*) AS n FROM seats'), { n: 1 });
  // The loser ran again from the start, saw the seat taken and inserted nothing.
  assert.equal(runs.a + runs.b, 3, JSON.stringify(runs));
});

test('a deadlock (40P01) runs the losing transaction again; both updates land', async () => {
  await db.write('DELETE FROM counters');
  await db.write("INSERT INTO counters (id, n) VALUES ('x', 0), ('y', 0)");
  const locked = { a: signal(), b: signal() };
  let runs = 0;
  const bump = (first: string, second: string, mine: 'a' | 'b', other: 'a' | 'b') =>
    db.atomic(async () => {
      runs += 1;
      await db.write('UPDATE counters SET n = n + 1 WHERE id = ?', [first]);
      locked[mine].fire();
      await locked[other].promise;
      // Each waits for the row the other holds: PostgreSQL ends one after deadlock_timeout (1 s).
      await db.write('UPDATE counters SET n = n + 10 WHERE id = ?', [second]).catch((error) => {
        failures.push((error as { code?: string }).code);
        throw error;
      });
    });
  const failures: Array<string | undefined> = [];
  await Promise.all([bump('x', 'y', 'a', 'b'), bump('y', 'x', 'b', 'a')]);
  assert.deepEqual(await db.all('SELECT id, n FROM counters ORDER BY id'), [
    { id: 'x', n: 11 },
    { id: 'y', n: 11 },
  ]);
  assert.equal(failures[0], '40P01');
  // The victim's second run may block behind the winner's row lock and, at SERIALIZABLE, fail once more
  // with 40001 ("concurrent update") when the winner commits: 3 or 4 runs, all of them counted.
  assert.ok(runs === 3 || runs === 4, `${runs} runs`);
});

const RAISE_CONFLICT =
  "DO $$ BEGIN RAISE EXCEPTION 'simulated' USING ERRCODE = 'serialization_failure'; END $$";

test('a serialization failure inside a savepoint runs the whole transaction again, even when caught', async () => {
  await db.write('DELETE FROM marks');
  let runs = 0;
  const caught: unknown[] = [];
  const result = await db.atomic(async () => {
    runs += 1;
    await db.write('INSERT INTO marks (id) VALUES (?)', ['outer']);
    try {
      await db.atomic(async () => {
        await db.write('INSERT INTO marks (id) VALUES (?)', [`inner-${runs}`]);
        if (runs === 1) await db.script(RAISE_CONFLICT);
      });
    } catch (error) {
      // Code that shrugs a failure off (a best-effort step) must not keep a run that lost a race.
      caught.push(error);
    }
    if (runs === 1) {
      // The doomed run fails fast: nothing more reaches the server.
      await assert.rejects(db.one('SELECT 1'), TransactionConflict);
    }
    return runs;
  });
  assert.equal(result, 2);
  assert.equal(caught.length, 1);
  assert.ok(caught[0] instanceof TransactionConflict);
  assert.equal((caught[0] as TransactionConflict).code, '40001');
  assert.ok(isTransactionConflict(caught[0]));
  // Run 1's writes (outer and inner) are gone; run 2's are there once.
  assert.deepEqual(
    (await db.all<{ id: string }>('SELECT id FROM marks ORDER BY id')).map((r) => r.id),
    ['inner-2', 'outer'],
  );
});

test('after the retries the serialization failure is thrown, and nothing was committed', async () => {
  await db.write('DELETE FROM marks');
  const own = await openPostgres(database.url, { max: 1, retries: 2, applicationName: 'nassij-retry-test' });
  try {
    let runs = 0;
    await assert.rejects(
      own.atomic(async () => {
        runs += 1;
        await own.write('INSERT INTO marks (id) VALUES (?)', [`run-${runs}`]);
        await own.script(RAISE_CONFLICT);
      }),
      (error: Error & { code?: string }) => error.code === '40001' && /simulated/.test(error.message),
    );
    assert.equal(runs, 3);
    assert.deepEqual(await own.all('SELECT id FROM marks'), []);
    // Other failures are not retried.
    runs = 0;
    await assert.rejects(
      own.atomic(async () => {
        runs += 1;
        await own.write('INSERT INTO no_such_table VALUES (1)');
      }),
      (error: Error & { code?: string }) => error.code === '42P01',
    );
    assert.equal(runs, 1);
  } finally {
    await own.close();
  }
});

test('transactions that keep colliding run alone after serialAfter lost races, and all commit', async () => {
  const writers = 8;
  await db.write('DELETE FROM counters');
  for (let i = 0; i < writers; i++) await db.write('INSERT INTO counters (id, n) VALUES (?, 0)', [`w${i}`]);
  // One retry only: without running alone, the retries would collide again and some writer would fail.
  const own = await openPostgres(database.url, { max: writers, retries: 1, serialAfter: 1 });
  try {
    const runs = Array.from({ length: writers }, () => 0);
    let read = 0;
    let allRead = () => {};
    const everyoneRead = new Promise<void>((resolve) => {
      allRead = resolve;
    });
    await Promise.all(
      runs.map((_, i) =>
        own.atomic(async () => {
          runs[i] = (runs[i] ?? 0) + 1;
          // Each reads what all the others write: every pair of first runs collides.
          await own.one('SELECT SUM(n) AS total FROM counters');
          if (runs[i] === 1) {
            if (++read === writers) allRead();
            await everyoneRead;
          }
          await own.write('UPDATE counters SET n = n + 1 WHERE id = ?', [`w${i}`]);
        }),
      ),
    );
    assert.deepEqual(
      (await db.all<{ n: number }>('SELECT n FROM counters ORDER BY id')).map((row) => row.n),
      Array.from({ length: writers }, () => 1),
    );
    assert.ok(runs.reduce((sum, n) => sum + n, 0) > writers, `the first runs collided: ${runs.join(' ')}`);
  } finally {
    await own.close();
  }
});

test('a transaction that picks READ COMMITTED first runs at that level', async () => {
  const level = await db.atomic(async () => {
    await db.script('SET TRANSACTION ISOLATION LEVEL READ COMMITTED');
    return (await db.one<{ level: string }>('SELECT current_setting(?) AS level', ['transaction_isolation']))
      ?.level;
  });
  assert.equal(level, 'read committed');
  const serializable = await db.atomic(
    async () =>
      (await db.one<{ level: string }>('SELECT current_setting(?) AS level', ['transaction_isolation']))
        ?.level,
  );
  assert.equal(serializable, 'serializable');
});

test('a failed statement whose error was caught without a savepoint rolls back instead of a silent commit', async () => {
  await db.write('DELETE FROM marks');
  await db.write('INSERT INTO marks (id) VALUES (?)', ['taken']);
  await assert.rejects(
    db.atomic(async () => {
      await db.write('INSERT INTO marks (id) VALUES (?)', ['before']);
      await db.write('INSERT INTO marks (id) VALUES (?)', ['taken']).catch(() => undefined);
    }),
    (error: Error) =>
      error.name === 'AbortedTransaction' && (error.cause as { code?: string }).code === '23505',
  );
  assert.deepEqual(await db.all('SELECT id FROM marks'), [{ id: 'taken' }]);
  // The same inside a savepoint: the savepoint is rolled back and the outer transaction goes on.
  await db.atomic(async () => {
    await db.write('INSERT INTO marks (id) VALUES (?)', ['outer']);
    await assert.rejects(
      db.atomic(async () => {
        await db.write('INSERT INTO marks (id) VALUES (?)', ['inner']);
        await db.write('INSERT INTO marks (id) VALUES (?)', ['taken']).catch(() => undefined);
      }),
      (error: Error) => error.name === 'AbortedTransaction',
    );
    // The right way: the statement that may fail in its own savepoint, its error caught outside.
    await db.atomic(() => db.write('INSERT INTO marks (id) VALUES (?)', ['taken'])).catch(() => undefined);
    await db.write('INSERT INTO marks (id) VALUES (?)', ['after']);
  });
  assert.deepEqual(
    (await db.all<{ id: string }>('SELECT id FROM marks ORDER BY id')).map((r) => r.id),
    ['after', 'outer', 'taken'],
  );
});

test('statements time out; migrations (script) do not; pool_max and application_name apply', async () => {
  const name = 'nassij-limits-test';
  const own = await openPostgres(`${database.url}?pool_max=2`, {
    statementTimeoutMs: 200,
    applicationName: name,
  });
  try {
    await assert.rejects(
      own.one('SELECT pg_sleep(2)'),
      (error: Error & { code?: string }) => error.code === '57014',
    );
    await own.script('SELECT pg_sleep(0.4)');
    await own.atomic(async () => {
      await own.script('SELECT pg_sleep(0.4)');
      // Back to the limit for the rest of the transaction.
      assert.deepEqual(await own.one('SHOW statement_timeout'), { statement_timeout: '200ms' });
    });
    // The exemption did not stay on the connection (two connections: check both).
    const shown = await Promise.all([
      own.atomic(async () => {
        await new Promise((resolve) => setTimeout(resolve, 50));
        return own.one('SHOW statement_timeout');
      }),
      own.atomic(() => own.one('SHOW statement_timeout')),
    ]);
    assert.deepEqual(shown, [{ statement_timeout: '200ms' }, { statement_timeout: '200ms' }]);
    // Three transactions at once on a pool of two: the third waits for a connection.
    const hold = signal();
    const holders = [0, 1, 2].map(() => own.atomic(() => hold.promise));
    await new Promise((resolve) => setTimeout(resolve, 100));
    const connected = await db.one<{ n: number }>(
      'SELECT count(*) AS n FROM pg_stat_activity WHERE application_name = ?',
      [name],
    );
    assert.deepEqual(connected, { n: 2 });
    hold.fire();
    await Promise.all(holders);
  } finally {
    await own.close();
  }
});

test('a transaction left idle is ended by the server; the process survives and the pool goes on', async () => {
  const own = await openPostgres(database.url, {
    max: 1,
    idleInTransactionTimeoutMs: 150,
    applicationName: 'nassij-idle-test',
  });
  try {
    await assert.rejects(
      own.atomic(async () => {
        await own.write('INSERT INTO marks (id) VALUES (?)', ['idle']);
        // Awaiting something other than the database for too long: PostgreSQL ends the session, and the
        // connection's error arrives while no statement runs (unhandled, it would end this process).
        await new Promise((resolve) => setTimeout(resolve, 600));
        await own.one('SELECT 1');
      }),
    );
    assert.equal(await own.one('SELECT id FROM marks WHERE id = ?', ['idle']), undefined);
    // The dead connection left the pool: the only slot opens a new one.
    assert.deepEqual(await own.atomic(() => own.one('SELECT 2 AS two')), { two: 2 });
  } finally {
    await own.close();
  }
});

test('every migration applies to a fresh database through postgresDdl, with migrate()', async () => {
  // search_index is an FTS5 virtual table: the PostgreSQL search module has its own migration.
  const all: Migration[] = [...CORE_MIGRATIONS, ...AREAS.flatMap((area) => area.migrations)].filter(
    (migration) => migration.id !== searchMigration.id,
  );
  assert.ok(all.length >= 10, `${all.length} migrations`);
  const fresh = await createTestDatabase(adminUrl as string);
  const target = await openPostgres(fresh.url, { max: 2 });
  try {
    // As migrate() should translate a portable text for PostgreSQL (see docs/server.md, "PostgreSQL").
    const translated = all.map((migration) => ({
      id: migration.id,
      sql:
        typeof migration.sql === 'string'
          ? { sqlite: migration.sql, postgres: postgresDdl(migration.sql) }
          : migration.sql,
    }));
    const applied = await migrate(target, translated);
    assert.deepEqual(
      applied,
      [...all.map((m) => m.id)].sort((a, b) => a.localeCompare(b)),
    );
    assert.deepEqual(await migrate(target, translated), []);
    // Money in centimes past 2^31 fits: INTEGER became BIGINT.
    const columns = await target.all<{ data_type: string }>(
      "SELECT data_type FROM information_schema.columns WHERE table_name = 'awards' AND column_name = 'amount_minor'",
    );
    assert.deepEqual(columns, [{ data_type: 'bigint' }]);
    const reviews = await target.one<{ data_type: string }>(
      "SELECT data_type FROM information_schema.columns WHERE table_name = 'reviews' AND column_name = 'weighted_total'",
    );
    assert.deepEqual(reviews, { data_type: 'double precision' });
    // The constraints came along: a foreign key refuses an unknown account, CASCADE deletes memberships.
    await target.write(
      'INSERT INTO accounts (id, email, display_name, password_hash, roles, created_at) VALUES (?, ?, ?, ?, ?, ?)',
      ['account-one', 'a@example.ma', 'A', 'x', '[]', '2026-01-01T00:00:00Z'],
    );
    await target.write('INSERT INTO memberships (account_id, association_id, role) VALUES (?, ?, ?)', [
      'account-one',
      'association-one',
      'member',
    ]);
    await assert.rejects(
      target.write('INSERT INTO memberships (account_id, association_id, role) VALUES (?, ?, ?)', [
        'acc_none',
        'association-one',
        'member',
      ]),
      (error: Error & { code?: string }) => error.code === '23503',
    );
    await target.write('DELETE FROM accounts WHERE id = ?', ['account-one']);
    assert.deepEqual(await target.one('SELECT count(*) AS n FROM memberships'), { n: 0 });
  } finally {
    await target.close();
    await fresh.drop();
  }
});

test('close ends the pool: later calls reject, closing again is harmless', async () => {
  const own = await openPostgres(database.url, { max: 1 });
  assert.deepEqual(await own.one('SELECT 1 AS one'), { one: 1 });
  await own.close();
  await own.close();
  await assert.rejects(own.all('SELECT 1'));
  const left = await db.one<{ n: number }>(
    "SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'nassij-server' AND state IS NOT NULL",
  );
  // Only this file's shared pool (at most its 4 connections) is still connected.
  assert.ok((left?.n ?? 0) <= 4, `${left?.n} connections`);
});
