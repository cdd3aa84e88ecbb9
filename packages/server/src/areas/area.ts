import type { Db, Migration } from '../db/db.js';
import type { ApiApp, Clock } from '../http/app.js';
import type { Logger } from '../http/log.js';
import type { DemoAccount, DemoAccountKey } from '../seed/demo.js';

/**
 * What an area's demo seed receives. `random` is a seeded PRNG private to the area (same data on every
 * machine); `now` is the clock's time when seeding started, so "open" and "closed" calls are relative
 * to it. Core demo accounts already exist; association ids `asso_0001` and `asso_0002` must be
 * created by the associations area (demo accounts are members of them).
 */
export interface SeedContext {
  db: Db;
  /** Directory of the database; stored files live in `<dataDir>/files`. */
  dataDir: string;
  /** Uniform in [0, 1), deterministic. */
  random: () => number;
  /** A deterministic integer in [min, max]. */
  randomInt(min: number, max: number): number;
  /** A deterministic element of a non-empty list. */
  pick<T>(items: readonly T[]): T;
  accounts: Record<DemoAccountKey, DemoAccount>;
  now: Date;
  clock: Clock;
  log: Logger;
}

/**
 * A functional area of the platform (calls, consultations, trainings, associations…): its migrations,
 * its demo data and its routes.
 *
 * @example
 * ```ts
 * export const callsArea: Area = {
 *   name: 'calls',
 *   migrations: [{ id: '010_calls', sql: 'CREATE TABLE calls (id TEXT PRIMARY KEY, data TEXT NOT NULL)' }],
 *   seedDemo: ({ db, random }) => { ... },
 *   register: (app) => app.bind(getCall, ({ params, db }) => ({ body: readCall(db, params.callId) })),
 * };
 * ```
 */
export interface Area {
  name: string;
  /** Ids must be unique across areas and sort after `001_core` (`010_associations`, `020_calls`…). */
  migrations: Migration[];
  /** Seeds demo data; runs once, when the database is new and `--seed demo` is given, in `AREAS` order. */
  seedDemo?(ctx: SeedContext): void | Promise<void>;
  /**
   * Brings up to date, at every start after the migrations, what SQL alone cannot: data derived by code
   * (search words folded by the contract) for rows written before that data existed, or triggers over other
   * areas' tables. Idempotent and cheap when there is nothing to do; several processes sharing a database
   * may run it at once. The server listens only once every area is prepared.
   */
  prepare?(db: Db, log: Logger): Promise<void>;
  /** Binds the area's routes with `app.bind(route, handler)`. */
  register(app: ApiApp): void;
}
