// What the PostgreSQL adapter does without a server: SQL rewriting and the failure to connect. The tests
// against a real server are in postgres.pg.test.ts, run by the PostgreSQL pass of `npm test`.
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { test } from 'node:test';
import { isTransactionConflict } from './errors.js';
import { openPostgres, positionalParams, postgresDdl, TransactionConflict } from './postgres.js';
import { StartupError } from './sqlite.js';

test('? placeholders become $1..$n in order', () => {
  assert.equal(
    positionalParams('SELECT id FROM calls WHERE status = ? AND region IN (?, ?) LIMIT ?'),
    'SELECT id FROM calls WHERE status = $1 AND region IN ($2, $3) LIMIT $4',
  );
  assert.equal(positionalParams('SELECT 1'), 'SELECT 1');
  assert.equal(positionalParams('INSERT INTO t VALUES (?,?)'), 'INSERT INTO t VALUES ($1,$2)');
});

test('a ? inside a literal, a quoted identifier or a comment stays as written', () => {
  assert.equal(
    positionalParams("SELECT ? AS a, 'why? it''s ?' AS b, \"odd?name\", ? -- trailing ?\nFROM t WHERE x = ?"),
    "SELECT $1 AS a, 'why? it''s ?' AS b, \"odd?name\", $2 -- trailing ?\nFROM t WHERE x = $3",
  );
  assert.equal(
    positionalParams('SELECT /* a ? here */ ? , $$ ? $$, $q$ ?$q$, ?'),
    'SELECT /* a ? here */ $1 , $$ ? $$, $q$ ?$q$, $2',
  );
  // An empty literal and a literal that ends the statement do not swallow what follows.
  assert.equal(positionalParams("SELECT '' , ? , ''''"), "SELECT '' , $1 , ''''");
  assert.equal(positionalParams("WHERE a = ? AND b = 'x'"), "WHERE a = $1 AND b = 'x'");
});

test('postgresDdl widens the portable types and leaves everything else', () => {
  assert.equal(
    postgresDdl(
      'CREATE TABLE t (id TEXT PRIMARY KEY, n INTEGER NOT NULL DEFAULT 0, score real, raw BLOB, integer_ish TEXT)',
    ),
    'CREATE TABLE t (id TEXT PRIMARY KEY, n BIGINT NOT NULL DEFAULT 0, score DOUBLE PRECISION, raw BYTEA, integer_ish TEXT)',
  );
  // Words inside literals and comments are data, not types.
  assert.equal(
    postgresDdl("ALTER TABLE t ADD COLUMN kind TEXT DEFAULT 'INTEGER'; -- an INTEGER once\n"),
    "ALTER TABLE t ADD COLUMN kind TEXT DEFAULT 'INTEGER'; -- an INTEGER once\n",
  );
  assert.equal(
    postgresDdl('CREATE INDEX a ON t (n) WHERE n IS NOT NULL'),
    'CREATE INDEX a ON t (n) WHERE n IS NOT NULL',
  );
});

test('a server that refuses the connection is a DATABASE_UNAVAILABLE startup error without the password', async () => {
  // A port that was free a moment ago: nothing listens there.
  const port = await new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
  await assert.rejects(
    openPostgres(`postgres://nassij:s3cret@127.0.0.1:${port}/nassij`),
    (error: unknown) => {
      assert.ok(error instanceof StartupError);
      assert.equal(error.code, 'DATABASE_UNAVAILABLE');
      assert.match(error.message, /ECONNREFUSED/);
      assert.match(error.message, new RegExp(`127\\.0\\.0\\.1:${port}`));
      assert.doesNotMatch(error.message, /s3cret/);
      return true;
    },
  );
});

test('a server that never answers fails the open after the timeout instead of hanging', async () => {
  // Accepts TCP connections and says nothing, like a firewall that swallows packets after the handshake.
  const sockets = new Set<import('node:net').Socket>();
  const silent = createServer((socket) => sockets.add(socket));
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  const { port } = silent.address() as { port: number };
  const started = Date.now();
  try {
    await assert.rejects(
      openPostgres(`postgres://nassij@127.0.0.1:${port}/nassij`, { connectTimeoutMs: 300 }),
      (error: unknown) => error instanceof StartupError && error.code === 'DATABASE_UNAVAILABLE',
    );
    assert.ok(Date.now() - started < 5_000, `gave up after ${Date.now() - started} ms`);
  } finally {
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => silent.close(resolve));
  }
});

test('serialization failures and deadlocks are transaction conflicts; other errors are not', () => {
  const failure = Object.assign(new Error('could not serialize access'), { code: '40001' });
  const deadlock = Object.assign(new Error('deadlock detected'), { code: '40P01' });
  assert.equal(isTransactionConflict(failure), true);
  assert.equal(isTransactionConflict(deadlock), true);
  for (const other of [
    Object.assign(new Error('duplicate key'), { code: '23505' }),
    Object.assign(new Error('busy'), { code: 'SQLITE_BUSY' }),
    new Error('no code'),
    null,
    undefined,
    '40001',
  ])
    assert.equal(isTransactionConflict(other), false, String(other));
  // The marker a savepoint throws keeps the original code and error, so it is recognised the same way.
  const marker = new TransactionConflict(deadlock);
  assert.equal(marker.code, '40P01');
  assert.equal(marker.cause, deadlock);
  assert.equal(isTransactionConflict(marker), true);
  assert.match(marker.message, /deadlock detected/);
});
