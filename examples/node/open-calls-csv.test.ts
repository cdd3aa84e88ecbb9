import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { pickText } from '@nassij/contract';
import { createClient } from '@nassij/sdk';
import { tempServer } from '@nassij/server/testing';

const run = promisify(execFile);
const script = fileURLToPath(new URL('./open-calls-csv.mjs', import.meta.url));
const root = fileURLToPath(new URL('../../', import.meta.url));

/** A strict RFC 4180 reader: quoted fields may hold commas, doubled quotes and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let value = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        value += '"';
        i++;
      } else if (char === '"') quoted = false;
      else value += char;
    } else if (char === '"') {
      assert.equal(value, '', 'a quote may only open a field');
      quoted = true;
    } else if (char === ',') {
      row.push(value);
      value = '';
    } else if (char === '\r' && text[i + 1] === '\n') {
      row.push(value);
      rows.push(row);
      row = [];
      value = '';
      i++;
    } else {
      assert.notEqual(char, '\n', 'lines end with CRLF');
      value += char;
    }
  }
  assert.equal(quoted, false, 'no field is left open');
  assert.deepEqual(row, [], 'the last line ends with CRLF');
  assert.equal(value, '');
  return rows;
}

const server = await tempServer();
after(() => server.stop());

test('open-calls-csv writes the open calls of a region as RFC 4180 CSV', async () => {
  const region = 'MA-06';
  const { stdout, stderr } = await run(
    process.execPath,
    ['--conditions=source', '--import', 'tsx', script, '--api', server.url, '--region', region],
    { cwd: root, encoding: 'utf8', maxBuffer: 32 * 1024 * 1024 },
  );
  assert.equal(stderr, '');
  const [header, ...rows] = parseCsv(stdout);
  assert.deepEqual(header?.slice(0, 3), ['reference', 'id', 'title']);
  assert.ok(rows.length > 0, 'the demo seed has open calls in the region');
  const column = (name: string) => header?.indexOf(name) ?? -1;

  const client = createClient({ baseUrl: server.url });
  for (const row of rows) {
    assert.equal(row.length, header?.length, 'every row has every column');
    const id = row[column('id')] ?? '';
    const call = await client.calls.get(id);
    assert.equal(call.status, 'open', `${id} is open`);
    assert.ok(
      call.coverage === 'national' || call.eligibleRegions.includes(region),
      `${id} is open to ${region}`,
    );
    assert.equal(row[column('status')], 'open');
    assert.equal(row[column('title')], pickText(call.title, 'ar').text, 'the title survives in UTF-8');
    assert.equal(row[column('deadline')], call.dates.closes?.at ?? '');
    if (call.dates.closes) {
      assert.match(row[column('deadline')] ?? '', /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?Z$/);
      assert.equal(row[column('deadline_time_zone')], 'Africa/Casablanca');
    }
  }
  const ids = rows.map((row) => row[column('id')]);
  assert.equal(new Set(ids).size, ids.length, 'no call is listed twice across pages');
});

test('open-calls-csv exits with 2 and a usage line without --region', async () => {
  const failure = await run(
    process.execPath,
    ['--conditions=source', '--import', 'tsx', script, '--api', server.url],
    { cwd: root, encoding: 'utf8' },
  ).catch((error: unknown) => error as { code: number; stderr: string });
  assert.ok('code' in failure);
  assert.equal(failure.code, 2);
  assert.match(failure.stderr, /usage:/);
});
