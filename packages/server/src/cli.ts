#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { parseRetentionDays } from './areas/applications/retention.js';
import { sectorOrganisations } from './areas/organisations/organisation.js';
import { StartupError } from './db/sqlite.js';
import { type ProxyHeader, parseTrustProxy, type TrustProxy } from './http/client-address.js';
import type { LogLevel } from './http/log.js';
import { isSmtpUrl, redactUrl, senderDomain } from './mail/transport.js';
import { DEMO_ACCOUNTS, type DemoAccount } from './seed/demo.js';
import { scaleTargets, seedScale } from './seed/scale.js';
import { startServer } from './server.js';

const HELP = `Usage: nassij-server [options]
       nassij-server seed --scale <scale> --data <dir> [--database <url>]

Runs the Nassij reference platform API over an embedded SQLite database, or PostgreSQL.

Options:
  --port <n>              TCP port (default: $PORT or 8787; 0 picks a free one)
  --host <host>           Interface to listen on (default: 127.0.0.1)
  --data <dir>            Data directory, created when missing (default: ./.nassij-data)
  --database <url>        Run on PostgreSQL (postgres://user:pass@host/db; default: $NASSIJ_DATABASE,
                          else SQLite in the data directory). Several processes may share one database
  --seed demo|none        Seed the demo dataset into a new database (default: none)
  --cors-origin <origin>  Allow a site to use the sign-in popup (any site may read and write); repeatable
  --log-level <level>     error, warn, info or debug (default: info)
  --idempotency-lease <s> Seconds an unfinished keyed write holds its Idempotency-Key before a
                          retry may take it over (default: 30)
  --trust-proxy <n|cidrs> Believe reverse proxies about the client address: a hop count (1 for one
                          proxy), or the proxies' addresses (10.0.0.0/8,::1, loopback); repeatable.
                          Without it X-Forwarded-For and Forwarded are ignored
  --proxy-header <name>   The header those proxies write: x-forwarded-for (default) or forwarded
  --retain-documents-days <n|outcome=n,...>
                          Days an application's documents are kept after it ended, then deleted:
                          one number for all, or per outcome (awarded=1825,rejected=365,withdrawn=365,
                          the defaults)
  --public-url <origin>   The origin people reach the server at (https://nassij.ma), for links in
                          messages (default: the origin of each request; set it behind a proxy)
  --smtp <url>            Send mail through this relay: smtp://user:pass@host:587 (STARTTLS,
                          required with credentials off this machine) or smtps://…:465 (default:
                          $NASSIJ_SMTP, else each message is written to <data-dir>/mail/<id>.eml)
  --mail-from <address>   The sender of messages (default: "Nassij <no-reply@HOST>", HOST from
                          --public-url, else localhost)
  --mail-lease <s>        Seconds a sending attempt holds a message before another attempt may
                          take it over (default: 120)
  --webhook-lease <s>     Seconds a webhook delivery attempt holds a delivery before another attempt
                          may take it over (default: 120)
  --webhook-allow-private Let webhooks reach this machine and private networks (internal receivers;
                          refused by default against server-side request forgery; on with --dev)
  --no-rate-limit         Lift the write limits and the sign-in throttle (benchmarks; never in production)
  --dev                   Development checks: every answer validated against its schema (slower),
                          and /dev/mail (also on with --seed demo) lists the messages sent
  --examples <dir>        Serve the example pages at /
  --cdn <dir>             Serve the built bundles at /cdn/
  --help                  Show this help

The seed command builds a data set in a new database and exits: the demo seed, then synthetic clones of
its rows up to the scale (demo; 10x or another multiplier such as 2x: that many times the demo's counts;
national: 250,000 associations, 1,000,000 contributions on the draft law, 5,000 calls, 20,000 sessions).
Benchmarks read <data-dir>/<scale>/nassij.sqlite (see docs/benchmarks.md).
`;

const SEED_HELP = `Usage: nassij-server seed --scale <scale> --data <dir> [--database <url>]

  --scale <scale>   demo, 10x, national, or a multiplier of the demo's counts such as 2x
  --data <dir>      Data directory, created when missing; must not hold a database yet
  --database <url>  Build in this new PostgreSQL database instead (postgres://…; default: $NASSIJ_DATABASE)
`;

const LOG_LEVELS = ['error', 'warn', 'info', 'debug'] as const;

function fail(message: string): never {
  process.stderr.write(`nassij-server: ${message}\n`);
  process.exit(2);
}

function parsePort(value: string, from: string): number {
  if (!/^\d{1,5}$/.test(value) || Number(value) > 65_535)
    fail(`${from} must be a port number from 0 to 65535, not "${value}"`);
  return Number(value);
}

function parseOrigin(value: string, flag = '--cors-origin'): string {
  try {
    const url = new URL(value);
    if ((url.protocol === 'http:' || url.protocol === 'https:') && url.origin === value.replace(/\/$/, ''))
      return url.origin;
  } catch {
    // reported below
  }
  return fail(`${flag} must be an origin such as https://region.ma, not "${value}"`);
}

/** `nassij-server seed …`: builds a scale data set (see `seed/scale.ts`), prints its counts and exits. */
async function seedCommand(args: string[]): Promise<void> {
  let values: { scale?: string; data?: string; database?: string; help?: boolean };
  try {
    values = parseArgs({
      args,
      strict: true,
      allowPositionals: false,
      options: {
        scale: { type: 'string' },
        data: { type: 'string' },
        database: { type: 'string' },
        help: { type: 'boolean' },
      },
    }).values;
  } catch (error) {
    fail(`seed: ${(error as Error).message.split('\n')[0]} (see seed --help)`);
  }
  if (values.help) {
    process.stdout.write(SEED_HELP);
    return;
  }
  if (values.scale === undefined) fail('seed needs --scale (demo, 10x, national or a multiplier such as 2x)');
  if (values.data === undefined) fail('seed needs --data <dir>');
  try {
    scaleTargets(values.scale);
  } catch (error) {
    fail(`--scale: ${(error as Error).message}`);
  }
  const database = values.database ?? process.env.NASSIJ_DATABASE;
  if (database !== undefined && database !== '' && !/^postgres(ql)?:\/\//i.test(database))
    fail(`--database must be a postgres:// URL, not "${database.replace(/:[^:@/]*@/, ':***@')}"`);
  const say = (line: string) => process.stdout.write(`${line}\n`);
  say(
    `Building the ${values.scale} data set in ${database ? 'PostgreSQL' : `${values.data}/nassij.sqlite`}…`,
  );
  let report: Awaited<ReturnType<typeof seedScale>>;
  try {
    report = await seedScale({
      scale: values.scale,
      dataDir: values.data,
      ...(database ? { database } : {}),
      log: say,
    });
  } catch (error) {
    if (error instanceof StartupError) fail(error.message);
    fail(`seed: ${(error as Error).message}`);
  }
  for (const [table, n] of Object.entries(report.counts))
    say(`  ${table.padEnd(24)} ${String(n).padStart(9)}`);
  say(`  ${'draft law contributions'.padEnd(24)} ${String(report.draftLawContributions).padStart(9)}`);
  say(`Built in ${(report.elapsedMs / 1000).toFixed(1)} s.`);
}

/**
 * The demo accounts as the start banner lists them, one line each (role, e-mail, password), grouped: the
 * accounts of no organisation first (the public, associations, the independent reviewer, the platform), then
 * the staff of each organisation under its name.
 *
 * @example
 * ```ts
 * lines.push(...demoAccountLines()); // '  Staff of Conseil régional Souss-Massa (org_region-souss-massa):', …
 * ```
 */
function demoAccountLines(): string[] {
  const groups = new Map<string | undefined, DemoAccount[]>();
  for (const account of Object.values(DEMO_ACCOUNTS))
    groups.set(account.organisationId, [...(groups.get(account.organisationId) ?? []), account]);
  const names = new Map(sectorOrganisations().map((organisation) => [organisation.id, organisation.name]));
  const lines: string[] = [];
  for (const [organisationId, accounts] of groups) {
    const name = organisationId ? (names.get(organisationId)?.fr ?? organisationId) : undefined;
    lines.push(
      name
        ? `  Staff of ${name} (${organisationId}):`
        : '  No organisation (citizens, associations, independent reviewer, platform):',
    );
    for (const account of accounts)
      lines.push(
        `    ${account.roles[account.roles.length - 1]?.padEnd(26)} ${account.email.padEnd(34)} ${account.password}`,
      );
  }
  return lines;
}

async function main(): Promise<void> {
  if (process.argv[2] === 'seed') {
    await seedCommand(process.argv.slice(3));
    // A build is done when its counts are printed: timers an area may have started do not keep it alive.
    process.exit(0);
  }
  let values: ReturnType<typeof parse>['values'];
  function parse() {
    return parseArgs({
      args: process.argv.slice(2),
      strict: true,
      allowPositionals: false,
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        data: { type: 'string' },
        database: { type: 'string' },
        seed: { type: 'string' },
        'no-rate-limit': { type: 'boolean' },
        dev: { type: 'boolean' },
        'cors-origin': { type: 'string', multiple: true },
        'log-level': { type: 'string' },
        'idempotency-lease': { type: 'string' },
        'trust-proxy': { type: 'string', multiple: true },
        'proxy-header': { type: 'string' },
        'retain-documents-days': { type: 'string' },
        'public-url': { type: 'string' },
        smtp: { type: 'string' },
        'mail-from': { type: 'string' },
        'mail-lease': { type: 'string' },
        'webhook-lease': { type: 'string' },
        'webhook-allow-private': { type: 'boolean' },
        examples: { type: 'string' },
        cdn: { type: 'string' },
        help: { type: 'boolean' },
      },
    });
  }
  try {
    values = parse().values;
  } catch (error) {
    fail(`${(error as Error).message.split('\n')[0]} (see --help)`);
  }
  if (values.help) {
    process.stdout.write(HELP);
    return;
  }
  const port =
    values.port !== undefined
      ? parsePort(values.port, '--port')
      : process.env.PORT
        ? parsePort(process.env.PORT, '$PORT')
        : 8787;
  const database = values.database ?? process.env.NASSIJ_DATABASE;
  if (database !== undefined && database !== '' && !/^postgres(ql)?:\/\//i.test(database))
    fail(`--database must be a postgres:// URL, not "${database.replace(/:[^:@/]*@/, ':***@')}"`);
  const seed = values.seed ?? 'none';
  if (seed !== 'demo' && seed !== 'none') fail(`--seed must be demo or none, not "${seed}"`);
  const logLevel = values['log-level'] ?? 'info';
  if (!(LOG_LEVELS as readonly string[]).includes(logLevel))
    fail(`--log-level must be one of ${LOG_LEVELS.join(', ')}, not "${logLevel}"`);
  const corsOrigins = (values['cors-origin'] ?? []).map((origin) => parseOrigin(origin));
  const publicUrl =
    values['public-url'] === undefined ? undefined : parseOrigin(values['public-url'], '--public-url');
  const smtpUrl = values.smtp ?? (process.env.NASSIJ_SMTP || undefined);
  // The password never reaches the terminal: the URL is shown with `***` in its place.
  if (smtpUrl !== undefined && !isSmtpUrl(smtpUrl))
    fail(`--smtp must be an smtp:// or smtps:// URL with a host, not "${redactUrl(smtpUrl)}"`);
  const mailFrom = values['mail-from'];
  if (mailFrom !== undefined) {
    try {
      senderDomain(mailFrom);
    } catch {
      fail(`--mail-from must be an address such as "Nassij <no-reply@nassij.ma>", not "${mailFrom}"`);
    }
  }
  const mailLease = values['mail-lease'];
  if (
    mailLease !== undefined &&
    !(/^\d{1,5}(\.\d{1,3})?$/.test(mailLease) && Number(mailLease) >= 1 && Number(mailLease) <= 86_400)
  )
    fail(`--mail-lease must be a number of seconds from 1 to 86400, not "${mailLease}"`);
  const webhookLease = values['webhook-lease'];
  if (
    webhookLease !== undefined &&
    !(
      /^\d{1,5}(\.\d{1,3})?$/.test(webhookLease) &&
      Number(webhookLease) >= 1 &&
      Number(webhookLease) <= 86_400
    )
  )
    fail(`--webhook-lease must be a number of seconds from 1 to 86400, not "${webhookLease}"`);
  const lease = values['idempotency-lease'];
  // At least a second: a lease of 0 would let a retry take over a key whose first attempt still runs.
  if (
    lease !== undefined &&
    !(/^\d{1,5}(\.\d{1,3})?$/.test(lease) && Number(lease) >= 1 && Number(lease) <= 86_400)
  )
    fail(`--idempotency-lease must be a number of seconds from 1 to 86400, not "${lease}"`);

  const proxyHeader = values['proxy-header'];
  if (proxyHeader !== undefined && proxyHeader !== 'x-forwarded-for' && proxyHeader !== 'forwarded')
    fail(`--proxy-header must be x-forwarded-for or forwarded, not "${proxyHeader}"`);
  const trustValues = values['trust-proxy'] ?? [];
  if (proxyHeader !== undefined && trustValues.length === 0)
    fail('--proxy-header needs --trust-proxy (without it no forwarding header is read)');
  let trustProxy: TrustProxy | undefined;
  if (trustValues.length > 0) {
    const joined = trustValues.join(',');
    try {
      if (trustValues.length > 1 && trustValues.some((value) => /^\s*\d+\s*$/.test(value)))
        throw new RangeError('give either one hop count or proxy addresses');
      trustProxy = parseTrustProxy(joined, proxyHeader as ProxyHeader | undefined);
    } catch (error) {
      fail(`--trust-proxy: ${(error as Error).message} ("${joined}")`);
    }
  }

  const retainText = values['retain-documents-days'];
  let retainDocumentsDays: ReturnType<typeof parseRetentionDays> | undefined;
  if (retainText !== undefined) {
    try {
      retainDocumentsDays = parseRetentionDays(retainText);
    } catch (error) {
      fail(`--retain-documents-days: ${(error as Error).message} ("${retainText}")`);
    }
  }

  let server: Awaited<ReturnType<typeof startServer>>;
  try {
    server = await startServer({
      port,
      host: values.host ?? '127.0.0.1',
      dataDir: values.data ?? '.nassij-data',
      ...(database ? { database } : {}),
      seed,
      ...(values['no-rate-limit'] ? { rateLimit: false as const } : {}),
      ...(values.dev ? { validateResponses: true } : {}),
      corsOrigins,
      logLevel: logLevel as LogLevel,
      ...(lease !== undefined ? { idempotencyLeaseMs: Math.round(Number(lease) * 1000) } : {}),
      ...(trustProxy ? { trustProxy } : {}),
      ...(retainDocumentsDays !== undefined ? { retainDocumentsDays } : {}),
      ...(values.examples ? { examplesDir: values.examples } : {}),
      ...(values.cdn ? { cdnDir: values.cdn } : {}),
      ...(publicUrl ? { publicUrl } : {}),
      ...(smtpUrl ? { smtpUrl } : {}),
      ...(mailFrom ? { mailFrom } : {}),
      ...(mailLease !== undefined ? { mailWorker: { leaseMs: Math.round(Number(mailLease) * 1000) } } : {}),
      ...(webhookLease !== undefined || values['webhook-allow-private'] || values.dev
        ? {
            webhookWorker: {
              ...(webhookLease !== undefined ? { leaseMs: Math.round(Number(webhookLease) * 1000) } : {}),
              ...(values['webhook-allow-private'] || values.dev ? { allowPrivateTargets: true } : {}),
            },
          }
        : {}),
      ...(values.dev ? { devPages: true } : {}),
    });
  } catch (error) {
    if (error instanceof StartupError) fail(error.message);
    throw error;
  }

  const lines = [
    `Nassij server listening on ${server.url}`,
    `  API:        ${server.url}/v1/`,
    `  OpenAPI:    ${server.url}/openapi.json`,
    `  Health:     ${server.url}/healthz`,
  ];
  if (values.examples) lines.push(`  Examples:   ${server.url}/`);
  if (values.cdn) lines.push(`  CDN:        ${server.url}/cdn/`);
  if (values.dev || seed === 'demo') lines.push(`  Mail:       ${server.url}/dev/mail`);
  lines.push(server.seeded ? '  Demo data seeded into a new database.' : '');
  lines.push('', 'Demo accounts (demo passwords, never use them in production):', ...demoAccountLines());
  process.stdout.write(`${lines.filter((line, i) => line !== '' || i > 4).join('\n')}\n`);

  const stop = () => {
    server.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`nassij-server: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
