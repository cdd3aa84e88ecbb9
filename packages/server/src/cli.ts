#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { parseRetentionDays } from './areas/applications/retention.js';
import { StartupError } from './db/sqlite.js';
import { type ProxyHeader, parseTrustProxy, type TrustProxy } from './http/client-address.js';
import type { LogLevel } from './http/log.js';
import { DEMO_ACCOUNTS } from './seed/demo.js';
import { startServer } from './server.js';

const HELP = `Usage: nassij-server [options]

Runs the Nassij reference platform API over an embedded SQLite database.

Options:
  --port <n>              TCP port (default: $PORT or 8787; 0 picks a free one)
  --host <host>           Interface to listen on (default: 127.0.0.1)
  --data <dir>            Data directory, created when missing (default: ./.nassij-data)
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
  --examples <dir>        Serve the example pages at /
  --cdn <dir>             Serve the built bundles at /cdn/
  --help                  Show this help
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

function parseOrigin(value: string): string {
  try {
    const url = new URL(value);
    if ((url.protocol === 'http:' || url.protocol === 'https:') && url.origin === value.replace(/\/$/, ''))
      return url.origin;
  } catch {
    // reported below
  }
  return fail(`--cors-origin must be an origin such as https://region.ma, not "${value}"`);
}

async function main(): Promise<void> {
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
        seed: { type: 'string' },
        'cors-origin': { type: 'string', multiple: true },
        'log-level': { type: 'string' },
        'idempotency-lease': { type: 'string' },
        'trust-proxy': { type: 'string', multiple: true },
        'proxy-header': { type: 'string' },
        'retain-documents-days': { type: 'string' },
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
  const seed = values.seed ?? 'none';
  if (seed !== 'demo' && seed !== 'none') fail(`--seed must be demo or none, not "${seed}"`);
  const logLevel = values['log-level'] ?? 'info';
  if (!(LOG_LEVELS as readonly string[]).includes(logLevel))
    fail(`--log-level must be one of ${LOG_LEVELS.join(', ')}, not "${logLevel}"`);
  const corsOrigins = (values['cors-origin'] ?? []).map(parseOrigin);
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
      seed,
      corsOrigins,
      logLevel: logLevel as LogLevel,
      ...(lease !== undefined ? { idempotencyLeaseMs: Math.round(Number(lease) * 1000) } : {}),
      ...(trustProxy ? { trustProxy } : {}),
      ...(retainDocumentsDays !== undefined ? { retainDocumentsDays } : {}),
      ...(values.examples ? { examplesDir: values.examples } : {}),
      ...(values.cdn ? { cdnDir: values.cdn } : {}),
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
  lines.push(server.seeded ? '  Demo data seeded into a new database.' : '');
  lines.push('', 'Demo accounts (demo passwords, never use them in production):');
  for (const account of Object.values(DEMO_ACCOUNTS)) {
    lines.push(
      `  ${account.roles[account.roles.length - 1]?.padEnd(28)} ${account.email.padEnd(32)} ${account.password}`,
    );
  }
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
