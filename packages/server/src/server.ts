import type { AddressInfo } from 'node:net';
import { createAdaptorServer } from '@hono/node-server';
import * as contract from '@nassij/contract';
import {
  EMPTY_SWEEP_REPORT,
  type FileSweepReport,
  type RetentionDays,
  retentionDays,
  startFileSweeper,
  useRetention,
} from './areas/applications/retention.js';
import type { Area, SeedContext } from './areas/area.js';
import { AREAS } from './areas/index.js';
import { registerAuth } from './auth/routes.js';
import type { Db } from './db/db.js';
import { isNewDatabase, migrate } from './db/migrate.js';
import { CORE_MIGRATIONS } from './db/migrations/index.js';
import { openDatabase } from './db/open.js';
import { StartupError } from './db/sqlite.js';
import { type ApiApp, type Clock, createApiApp } from './http/app.js';
import type { TrustProxy } from './http/client-address.js';
import { etagOf } from './http/etag.js';
import { createLogger, type LogLevel } from './http/log.js';
import { problem } from './http/problem.js';
import type { RateLimitOptions } from './http/rate-limit.js';
import { IMMUTABLE, serveStatic } from './http/static.js';
import { DEMO_ACCOUNTS, seedCoreAccounts } from './seed/demo.js';
import { mulberry32, seedFor } from './seed/prng.js';
import { DEMO_ANCHOR, demoShiftFor, shiftDemoDates } from './seed/time-shift.js';

/** Options of {@link startServer}. */
export interface ServerOptions {
  /** TCP port; 0 picks a free one (tests). */
  port?: number;
  host?: string;
  /** Directory of the SQLite database (unless `database` names another) and of stored files; created when missing. */
  dataDir: string;
  /**
   * A `postgres://` URL: the API runs on that PostgreSQL database (several server processes may share it).
   * Without it, SQLite in `dataDir`.
   */
  database?: string;
  /** `demo` seeds the demo dataset when the database is new; a later start reuses it. */
  seed?: 'demo' | 'none';
  /** Origins allowed to use the sign-in popup (any origin may read and write); the server's own is always allowed. */
  corsOrigins?: string[];
  logLevel?: LogLevel;
  /** Folder served at `/` (the example pages). */
  examplesDir?: string;
  /** Folder served at `/cdn/` (the built bundles). */
  cdnDir?: string;
  /**
   * Check every response against its schema: a development aid that costs time on every answer (see
   * docs/server.md, "Production defaults"). Default: off; the test helpers and `--dev` turn it on.
   */
  validateResponses?: boolean;
  clock?: Clock;
  /**
   * Write limits per account (signed in) or client address (signed out) and the sign-in throttle; `false`
   * turns them off (see docs/server.md, "Rate limits").
   */
  rateLimit?: RateLimitOptions | false;
  /**
   * Reverse proxies to believe about the client address (`X-Forwarded-For` or `Forwarded`): a hop count or
   * the proxies' addresses. Without it those headers are ignored.
   */
  trustProxy?: TrustProxy;
  /** How long an unfinished keyed write holds its `Idempotency-Key` (default 30 s; see docs/server.md). */
  idempotencyLeaseMs?: number;
  /**
   * Days the documents of an application are kept after it was awarded, rejected or withdrawn (an
   * unsubmitted draft: after its call closed), then deleted by the file sweep: one number for every outcome,
   * or per outcome. Default: awarded 1825 (5 years), rejected and withdrawn 365 (see docs/server.md,
   * "Personal data").
   */
  retainDocumentsDays?: number | Partial<RetentionDays>;
  /**
   * The sweep of stored files (retention, and files no attachment references, left by a crash): it starts
   * with the server, which does not wait for it (not on a new database), then every `intervalMs` (default 30 minutes; 0: only at start and when
   * asked), and leaves alone an
   * unreferenced file younger than `graceMs` (default 1 hour, on `clock`). `false` turns it off.
   */
  fileSweep?: { intervalMs?: number; graceMs?: number } | false;
  /** The areas to mount (default: all of {@link AREAS}). */
  areas?: readonly Area[];
  /** Called after the core routes and areas are bound, before listening (tests bind throwaway routes). */
  extend?: (app: ApiApp) => void | Promise<void>;
}

/** A running server. */
export interface RunningServer {
  /** `http://host:port`, without a trailing slash. */
  url: string;
  port: number;
  db: Db;
  /** Whether this start seeded the demo dataset. */
  seeded: boolean;
  /**
   * Runs the file sweep now (retention, then unreferenced files past the grace period) and answers what it
   * did, or joins the one running (the one at start, not awaited before listening: not on a new database);
   * it also runs on its timer. Nothing when the sweep is off or no
   * area stores files.
   */
  sweepFiles(): Promise<FileSweepReport>;
  close(): Promise<void>;
}

function openApiHandler(): () => Response {
  let cached: { json: string; etag: string } | undefined;
  return () => {
    const build = (contract as unknown as { openApiDocument?: () => object }).openApiDocument;
    if (typeof build !== 'function')
      throw problem('unavailable', 'The OpenAPI document is not available in this build');
    if (!cached) {
      const json = JSON.stringify(build());
      cached = { json, etag: etagOf(json) };
    }
    return new Response(cached.json, {
      headers: {
        'content-type': 'application/json; charset=utf-8',
        'cache-control': 'public, max-age=300',
        'content-length': String(Buffer.byteLength(cached.json)),
        etag: cached.etag,
      },
    });
  };
}

/**
 * Opens (or creates) the database in `dataDir`, applies migrations, seeds the demo when asked and the
 * database is new, and listens. Rejects with a {@link StartupError} for an unwritable data directory or
 * a port in use.
 *
 * @example
 * ```ts
 * const server = await startServer({ dataDir: await mkdtemp(join(tmpdir(), 'nassij-')), seed: 'demo' });
 * await fetch(`${server.url}/healthz`);
 * await server.close();
 * ```
 */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1';
  const port = options.port ?? 0;
  if (!Number.isInteger(port) || port < 0 || port > 65_535)
    throw new StartupError(`Invalid port ${port}`, 'BAD_OPTION');
  const logger = createLogger(options.logLevel ?? 'info');
  const clock = options.clock ?? (() => new Date());
  const areas = options.areas ?? AREAS;
  // Checked before anything opens, like the port.
  let retention: RetentionDays;
  try {
    retention = retentionDays(options.retainDocumentsDays);
  } catch (error) {
    throw new StartupError(`retainDocumentsDays: ${(error as Error).message}`, 'BAD_OPTION');
  }

  const db = await openDatabase(options.database, { dataDir: options.dataDir });
  let seeded = false;
  let fresh = false;
  try {
    fresh = await isNewDatabase(db);
    await migrate(db, [...CORE_MIGRATIONS, ...areas.flatMap((area) => area.migrations)]);
    if (fresh && options.seed === 'demo') {
      // Generated at a fixed instant so ids and statuses never depend on the hour, then moved to today.
      const now = DEMO_ANCHOR;
      // The demo accounts exist since well before the seeding day.
      await seedCoreAccounts(db, new Date(now.getTime() - 400 * 86_400_000));
      for (const area of areas) {
        if (!area.seedDemo) continue;
        const random = mulberry32(seedFor(area.name));
        const ctx: SeedContext = {
          dataDir: options.dataDir,
          db,
          random,
          randomInt: (min, max) => min + Math.floor(random() * (max - min + 1)),
          pick: (items) => {
            if (items.length === 0) throw new RangeError('pick() needs a non-empty list');
            return items[Math.floor(random() * items.length)] as (typeof items)[number];
          },
          accounts: DEMO_ACCOUNTS,
          now,
          clock: () => now,
          log: logger,
        };
        await area.seedDemo(ctx);
      }
      await shiftDemoDates(db, demoShiftFor(clock()));
      seeded = true;
    }
    for (const area of areas) await area.prepare?.(db, logger);
  } catch (error) {
    await db.close();
    throw error;
  }

  const app = createApiApp({
    db,
    dataDir: options.dataDir,
    logger,
    clock,
    corsOrigins: options.corsOrigins ?? [],
    ...(options.validateResponses === undefined ? {} : { validateResponses: options.validateResponses }),
    ...(options.rateLimit === undefined ? {} : { rateLimit: options.rateLimit }),
    ...(options.trustProxy === undefined ? {} : { trustProxy: options.trustProxy }),
    ...(options.idempotencyLeaseMs === undefined ? {} : { idempotencyLeaseMs: options.idempotencyLeaseMs }),
    fallback: (c) => {
      const path = c.req.path;
      if (path.startsWith('/v1/')) return undefined;
      const acceptEncoding = c.req.header('accept-encoding');
      if (options.cdnDir && path.startsWith('/cdn/'))
        return serveStatic(options.cdnDir, path.slice('/cdn'.length), {
          acceptEncoding,
          // Chunks are named by their content hash; entries and the loader keep their names, so they are
          // short-lived and a site picks up a new release within minutes.
          cacheControl: path.startsWith('/cdn/chunks/') ? IMMUTABLE : 'public, max-age=300',
        });
      if (options.examplesDir) return serveStatic(options.examplesDir, path, { acceptEncoding });
      return undefined;
    },
  });
  registerAuth(app);
  app.bind(contract.openapi, openApiHandler());
  for (const area of areas) area.register(app);
  await options.extend?.(app);

  useRetention(db, retention);
  // Stored files belong to the applications area: without it nothing references them and nothing is swept.
  const sweeper =
    options.fileSweep !== false && areas.some((area) => area.name === 'applications')
      ? startFileSweeper({
          db,
          dataDir: options.dataDir,
          clock,
          logger,
          retention,
          ...(options.fileSweep?.intervalMs === undefined
            ? {}
            : { intervalMs: options.fileSweep.intervalMs }),
          ...(options.fileSweep?.graceMs === undefined ? {} : { graceMs: options.fileSweep.graceMs }),
        })
      : undefined;
  // A new database has nothing a crash could have left, and the demo's dates were just set: its first
  // sweep is the timer's (so that a seed is the same whatever the instant, audit log included).
  // Not awaited: the server listens meanwhile (its retention part runs before the first await, the walk of
  // the files after); `close` waits for it.
  if (!fresh)
    sweeper?.run().catch((error: unknown) => logger.error('file sweep failed', { error: String(error) }));

  const server = createAdaptorServer({ fetch: app.hono.fetch });
  const address = await new Promise<AddressInfo>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE')
        reject(new StartupError(`The port ${port} on ${host} is already in use`, 'EADDRINUSE'));
      else reject(error);
    });
    server.listen(port, host, () => resolve(server.address() as AddressInfo));
  }).catch(async (error: unknown) => {
    await sweeper?.stop();
    await db.close();
    throw error;
  });

  const urlHost = host.includes(':') ? `[${host}]` : host;
  const url = `http://${urlHost}:${address.port}`;
  app.allowedOrigins.add(url);
  if (host === '127.0.0.1' || host === '0.0.0.0' || host === '::')
    app.allowedOrigins.add(`http://localhost:${address.port}`);
  logger.info('listening', { url });

  let closing: Promise<void> | undefined;
  return {
    url,
    port: address.port,
    db,
    seeded,
    sweepFiles: () => (sweeper ? sweeper.run() : Promise.resolve({ ...EMPTY_SWEEP_REPORT })),
    close() {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => {
          // The sweep's timer stops and a running sweep finishes before the database closes.
          const stopped = sweeper ? sweeper.stop() : Promise.resolve();
          void stopped.finally(() => db.close()).then(() => resolve());
        });
        if ('closeAllConnections' in server) server.closeAllConnections();
      });
      return closing;
    },
  };
}
