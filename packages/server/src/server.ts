import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
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
import {
  type ReminderPassReport,
  type ReminderWorker,
  type ReminderWorkerOptions,
  startReminderWorker,
} from './areas/notices/index.js';
import { type DigestWorker, startDigestWorker } from './areas/subscriptions/index.js';
import {
  startWebhookWorker,
  type WebhookPassReport,
  type WebhookWorker,
  type WebhookWorkerOptions,
} from './areas/webhooks/index.js';
import { registerAuth } from './auth/routes.js';
import type { Db } from './db/db.js';
import { isNewDatabase, migrate } from './db/migrate.js';
import { CORE_MIGRATIONS } from './db/migrations/index.js';
import { openDatabase } from './db/open.js';
import { StartupError } from './db/sqlite.js';
import { useEvents } from './events/log.js';
import { type ApiApp, type Clock, createApiApp } from './http/app.js';
import type { TrustProxy } from './http/client-address.js';
import { etagOf } from './http/etag.js';
import { createLogger, type LogLevel } from './http/log.js';
import { problem } from './http/problem.js';
import type { RateLimitOptions } from './http/rate-limit.js';
import { IMMUTABLE, serveStatic } from './http/static.js';
import { registerDevMail } from './mail/dev-pages.js';
import { useMail } from './mail/outbox.js';
import {
  defaultMailFrom,
  fileTransport,
  isSmtpUrl,
  type MailTransport,
  redactUrl,
  senderDomain,
  smtpTransport,
} from './mail/transport.js';
import {
  type MailPassReport,
  type MailWorker,
  type MailWorkerOptions,
  startMailWorker,
} from './mail/worker.js';
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
  /**
   * The origin people reach the server at (`--public-url`, such as `https://nassij.ma`): links in messages
   * start with it. Default: the origin each request came to (set it behind a reverse proxy).
   */
  publicUrl?: string;
  /**
   * The sender of the platform's messages (`--mail-from`), such as `Nassij <no-reply@nassij.ma>`; its
   * domain also names the messages (`Message-ID`). Default: `Nassij <no-reply@…>` at the public URL's host,
   * else at `localhost`.
   */
  mailFrom?: string;
  /**
   * An SMTP relay (`--smtp`): `smtp://user:pass@host:port` (STARTTLS when the relay offers it) or `smtps://`.
   * Without it, each message is written to `<dataDir>/mail/<id>.eml` (see docs/server.md, "Mail").
   */
  smtpUrl?: string;
  /**
   * The mail worker: how often it polls, its lease, attempts and back-off (see `mail/worker.ts`), or another
   * transport (tests); `false` starts none (messages stay queued, for another process to send).
   */
  mailWorker?:
    | (Partial<Omit<MailWorkerOptions, 'db' | 'transport' | 'clock' | 'logger'>> & {
        transport?: MailTransport;
      })
    | false;
  /**
   * The webhook worker: how often it polls, its lease, timeout, retry schedule and when it disables an
   * endpoint (see `areas/webhooks/delivery-worker.ts`); `false` starts none (deliveries stay pending, for
   * another process to post). Only with the webhooks area.
   */
  webhookWorker?: Partial<Omit<WebhookWorkerOptions, 'db' | 'clock' | 'logger'>> | false;
  /**
   * The reminder scheduler (reports due within a week, training sessions tomorrow): how often it looks and
   * its lease (see `areas/notices/reminders.ts`); `false` starts none. Only with the notices area.
   */
  reminderWorker?: Partial<Pick<ReminderWorkerOptions, 'pollMs' | 'leaseMs'>> | false;
  /**
   * Development pages (`/dev/mail`: every message the server sent or queued). Default: on with the demo
   * seed; the CLI also turns them on with `--dev`. Never in production: they show sign-in links.
   */
  devPages?: boolean;
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
  /**
   * Sends the messages due now (after the pass under way, if any) and answers what it did; the worker also
   * runs after every commit that enqueued mail and every few seconds. Nothing when the worker is off.
   */
  sendMail(): Promise<MailPassReport>;
  /**
   * Posts the webhook deliveries due now (after the pass under way, if any) and answers what it did; the
   * worker also runs after every commit that recorded an event and every few seconds. Nothing when it is off.
   */
  deliverWebhooks(): Promise<WebhookPassReport>;
  /**
   * Queues the reminders due now on the server's clock that were not sent yet (after the pass under way, if
   * any) and answers how many; the scheduler also runs at start and every 15 minutes. Nothing when it is off.
   */
  sendReminders(): Promise<ReminderPassReport>;
  close(): Promise<void>;
}

/** Whether `value` is an http(s) origin (a trailing slash allowed), as `--public-url` takes. */
function isOrigin(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.origin === value.replace(/\/$/, '');
  } catch {
    return false;
  }
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
  if (options.publicUrl !== undefined && !isOrigin(options.publicUrl))
    throw new StartupError(
      `publicUrl must be an http(s) origin such as https://nassij.ma, not "${options.publicUrl}"`,
      'BAD_OPTION',
    );
  const mailFrom = options.mailFrom ?? defaultMailFrom(options.publicUrl);
  let messageIdHost: string;
  try {
    messageIdHost = senderDomain(mailFrom);
  } catch {
    throw new StartupError(
      `mailFrom must be an address such as "Nassij <no-reply@nassij.ma>", not "${mailFrom}"`,
      'BAD_OPTION',
    );
  }
  if (options.smtpUrl !== undefined && !isSmtpUrl(options.smtpUrl))
    throw new StartupError(
      `smtpUrl must be an smtp:// or smtps:// URL, not "${redactUrl(options.smtpUrl)}"`,
      'BAD_OPTION',
    );

  const db = await openDatabase(options.database, { dataDir: options.dataDir });
  // Messages are dated on the server's clock and named at the sender's domain, even with no worker here
  // (another process on the database sends them); the worker, once started, is woken by every commit that
  // enqueued one.
  let mailWorker: MailWorker | undefined;
  useMail(db, { clock, messageIdHost, wake: () => mailWorker?.wake() });
  // Events are recorded (in the transaction of their change) only where the webhooks area keeps them.
  let webhookWorker: WebhookWorker | undefined;
  const withWebhooks = areas.some((area) => area.name === 'webhooks');
  if (withWebhooks) useEvents(db, { clock, wake: () => webhookWorker?.wake() });
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
    ...(options.publicUrl === undefined ? {} : { publicUrl: options.publicUrl }),
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
  if (options.devPages ?? options.seed === 'demo') registerDevMail(app);
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

  const mailer = options.mailWorker === false ? undefined : options.mailWorker;
  const transport =
    options.mailWorker === false
      ? undefined
      : (mailer?.transport ??
        (options.smtpUrl
          ? smtpTransport({ url: options.smtpUrl, from: mailFrom, clock })
          : fileTransport({ dir: join(options.dataDir, 'mail'), from: mailFrom, clock })));
  const { transport: _injected, ...tuning } = mailer ?? {};
  if (transport) mailWorker = startMailWorker({ ...tuning, db, transport, clock, logger });
  if (transport) logger.info('mail', { via: transport.description, from: mailFrom });
  if (withWebhooks && options.webhookWorker !== false)
    webhookWorker = startWebhookWorker({ ...options.webhookWorker, db, clock, logger });
  // Reminders read the tables of the areas they remind about: only those mounted are looked at.
  const reminderWorker: ReminderWorker | undefined =
    areas.some((area) => area.name === 'notices') && options.reminderWorker !== false
      ? startReminderWorker({
          ...options.reminderWorker,
          db,
          clock,
          logger,
          runAtStart: !fresh,
          sources: {
            awardReports: areas.some((area) => area.name === 'award-reports'),
            trainings: areas.some((area) => area.name === 'trainings'),
          },
        })
      : undefined;

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
    await mailWorker?.stop();
    await webhookWorker?.stop();
    await reminderWorker?.stop();
    await db.close();
    throw error;
  });

  const urlHost = host.includes(':') ? `[${host}]` : host;
  const url = `http://${urlHost}:${address.port}`;
  app.allowedOrigins.add(url);
  if (host === '127.0.0.1' || host === '0.0.0.0' || host === '::')
    app.allowedOrigins.add(`http://localhost:${address.port}`);
  logger.info('listening', { url });
  // Subscription notices and digests read the event log, which only the webhooks area keeps.
  const digestWorker: DigestWorker | undefined =
    withWebhooks && areas.some((area) => area.name === 'subscriptions')
      ? startDigestWorker({
          db,
          clock,
          logger,
          publicUrl: () => (options.publicUrl ? new URL(options.publicUrl).origin : url),
        })
      : undefined;
  if (options.smtpUrl && !options.publicUrl)
    logger.warn('links in messages point to this address; set --public-url to the address people use', {
      url,
    });

  let closing: Promise<void> | undefined;
  return {
    url,
    port: address.port,
    db,
    seeded,
    sweepFiles: () => (sweeper ? sweeper.run() : Promise.resolve({ ...EMPTY_SWEEP_REPORT })),
    sendMail: () => (mailWorker ? mailWorker.runOnce() : Promise.resolve({ sent: 0, retried: 0, failed: 0 })),
    deliverWebhooks: () =>
      webhookWorker
        ? webhookWorker.runOnce()
        : Promise.resolve({ delivered: 0, retried: 0, failed: 0, disabled: 0 }),
    sendReminders: () =>
      reminderWorker ? reminderWorker.runOnce() : Promise.resolve({ reportsDue: 0, sessionsTomorrow: 0 }),
    close() {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => {
          // The sweep's and the mail worker's timers stop, and their running passes finish, before the
          // database closes.
          const stopped = Promise.all([
            sweeper?.stop(),
            mailWorker?.stop(),
            webhookWorker?.stop(),
            reminderWorker?.stop(),
            digestWorker?.stop(),
          ]);
          void stopped.finally(() => db.close()).then(() => resolve());
        });
        if ('closeAllConnections' in server) server.closeAllConnections();
      });
      return closing;
    },
  };
}
