#!/usr/bin/env node
// Lists the open calls for support of one region as CSV (RFC 4180, UTF-8), through @nassij/sdk.
//
//   node examples/node/open-calls-csv.mjs --api http://localhost:8787 --region MA-06 > calls.csv
//
// Options: --api <base URL> (required), --region <MA-01…MA-12> (required), --locale ar|fr|zgh|en
// (title language, default ar), --bom (start with a byte-order mark, for spreadsheet programs).
import { parseArgs } from 'node:util';
import { pickText } from '@nassij/contract';
import { createClient, isNassijError } from '@nassij/sdk';

const COLUMNS = [
  'reference',
  'id',
  'title',
  'funder',
  'instrument',
  'coverage',
  'regions',
  'max_award_mad',
  'deadline',
  'deadline_time_zone',
  'deadline_local',
  'status',
];

/** One CSV field: quoted when it holds a comma, a quote or a line break; quotes doubled (RFC 4180). */
function field(value) {
  const text = value === undefined || value === null ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function line(values) {
  return `${values.map(field).join(',')}\r\n`;
}

/** The deadline as the wall-clock time of its zone, `2026-03-31 23:59`, for readers of the sheet. */
function localTime(deadline) {
  if (!deadline) return '';
  const format = new Intl.DateTimeFormat('sv-SE', {
    timeZone: deadline.timeZone,
    dateStyle: 'short',
    timeStyle: 'short',
  });
  return format.format(new Date(deadline.at));
}

function row(call, locale) {
  const closes = call.dates.closes;
  return [
    call.reference,
    call.id,
    pickText(call.title, locale).text,
    pickText(call.funder.name, locale).text,
    call.instrument,
    call.coverage,
    call.eligibleRegions.join(' '),
    call.budget.maxAward?.amount,
    closes?.at,
    closes?.timeZone,
    localTime(closes),
    call.status,
  ];
}

/** Writes and waits when the pipe is full, so a large export does not pile up in memory. */
function write(text) {
  return new Promise((resolve, reject) => {
    if (process.stdout.write(text, 'utf8')) resolve();
    else process.stdout.once('drain', resolve).once('error', reject);
  });
}

async function main() {
  const { values } = parseArgs({
    options: {
      api: { type: 'string' },
      region: { type: 'string' },
      locale: { type: 'string', default: 'ar' },
      bom: { type: 'boolean', default: false },
    },
  });
  if (!values.api || !values.region) {
    process.stderr.write(
      'usage: open-calls-csv.mjs --api <url> --region <MA-01…MA-12> [--locale ar] [--bom]\n',
    );
    return 2;
  }
  const client = createClient({ baseUrl: values.api, locale: values.locale });
  // Stop paging at once on Ctrl-C rather than after the current request.
  const controller = new AbortController();
  process.once('SIGINT', () => controller.abort());

  if (values.bom) await write('\uFEFF');
  await write(line(COLUMNS));
  const query = { status: ['open'], region: [values.region], sort: 'closing_soonest', limit: 100 };
  for await (const call of client.calls.iterate(query, { signal: controller.signal })) {
    await write(line(row(call, values.locale)));
  }
  return 0;
}

process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(0); // the reader (head, less) has had enough
  throw error;
});

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    // Every SDK failure is a NassijError with a stable code; say which, and the request id for support.
    if (isNassijError(error)) {
      const id = error.requestId ? ` (request ${error.requestId})` : '';
      process.stderr.write(`open-calls-csv: ${error.code}: ${error.message}${id}\n`);
    } else {
      process.stderr.write(`open-calls-csv: ${error instanceof Error ? error.stack : String(error)}\n`);
    }
    process.exitCode = 1;
  },
);
