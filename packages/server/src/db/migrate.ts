import type { Db, Migration } from './db.js';

const SCHEMA_TABLE =
  'CREATE TABLE IF NOT EXISTS schema_migrations (id TEXT PRIMARY KEY, applied_at TEXT NOT NULL)';

/**
 * Applies the migrations not yet recorded in `schema_migrations`, in `id` order, each in its own
 * transaction. Returns the ids applied now; running it again applies nothing.
 *
 * @example
 * ```ts
 * const applied = migrate(db, [coreMigration, ...AREAS.flatMap((area) => area.migrations)]);
 * ```
 */
export function migrate(db: Db, migrations: readonly Migration[]): string[] {
  db.exec(SCHEMA_TABLE);
  const seen = new Set<string>();
  for (const migration of migrations) {
    if (seen.has(migration.id)) throw new Error(`Two migrations share the id ${migration.id}`);
    seen.add(migration.id);
  }
  const done = new Set(db.query<{ id: string }>('SELECT id FROM schema_migrations').map((row) => row.id));
  const applied: string[] = [];
  for (const migration of [...migrations].sort((a, b) => a.id.localeCompare(b.id))) {
    if (done.has(migration.id)) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      db.run('INSERT INTO schema_migrations (id, applied_at) VALUES (?, ?)', [
        migration.id,
        new Date().toISOString(),
      ]);
    });
    applied.push(migration.id);
  }
  return applied;
}

/**
 * Whether the database has never been migrated (a new data directory), checked before {@link migrate}.
 *
 * @example
 * ```ts
 * const fresh = isNewDatabase(db);
 * ```
 */
export function isNewDatabase(db: Db): boolean {
  db.exec(SCHEMA_TABLE);
  return db.get('SELECT id FROM schema_migrations LIMIT 1') === undefined;
}
