import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  type Award,
  type AwardReport,
  type DataCatalogue,
  type DisbursementList,
  EXPORTABLE_DATASET_IDS,
  type PageOf,
  ThreeSixtyGivingPackage,
  toMinorUnits,
  validate,
} from '@nassij/contract';
import { DEMO_ACCOUNTS } from '../../seed/demo.js';
import { demoFixtures as F } from '../../seed/fixtures.js';
import { signInAs, tempServer } from '../../testing.js';
import { csvField, csvLine } from './csv.js';
import { EXPORT_BATCH, readGrantPage } from './routes.js';

let server: Awaited<ReturnType<typeof tempServer>>;

before(async () => {
  server = await tempServer();
});
after(async () => {
  await server.stop();
});

/** A small RFC 4180 parser: quoted fields with doubled quotes, commas and line breaks inside quotes. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += ch;
  }
  if (field !== '' || row.length > 0) throw new Error('The CSV does not end with CRLF');
  return rows;
}

async function download(dataset: string, query = ''): Promise<{ response: Response; text: string }> {
  const response = await fetch(`${server.url}/v1/open-data/${dataset}${query}`);
  // ignoreBOM keeps the byte order mark in the text, so the tests can see it is there.
  return {
    response,
    text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(await response.arrayBuffer()),
  };
}

async function csvRecords(dataset: string, query = ''): Promise<Record<string, string>[]> {
  const { response, text } = await download(dataset, `?format=csv${query}`);
  assert.equal(response.status, 200);
  assert.equal(response.headers.get('content-type'), 'text/csv; charset=utf-8');
  assert.ok(text.startsWith('\uFEFF'), 'a UTF-8 BOM for Excel');
  const [header, ...rows] = parseCsv(text.slice(1));
  assert.ok(header);
  return rows.map((cells) => {
    assert.equal(cells.length, header.length);
    return Object.fromEntries(header.map((name, i) => [name, cells[i] ?? '']));
  });
}

async function jsonRecords(dataset: string, query = ''): Promise<Record<string, unknown>[]> {
  const { response, text } = await download(dataset, `?format=json${query}`);
  assert.equal(response.status, 200);
  assert.equal(response.headers.get('content-type'), 'application/json; charset=utf-8');
  return JSON.parse(text) as Record<string, unknown>[];
}

async function catalogue(): Promise<DataCatalogue> {
  const response = await fetch(`${server.url}/v1/open-data`);
  assert.equal(response.status, 200);
  return (await response.json()) as DataCatalogue;
}

async function allAwards(): Promise<Award[]> {
  const items: Award[] = [];
  let cursor: string | null = null;
  do {
    const response: Response = await fetch(
      `${server.url}/v1/awards?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
    );
    assert.equal(response.status, 200);
    const page = (await response.json()) as PageOf<Award>;
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}

describe('CSV encoding', () => {
  test('quotes commas, quotes, line breaks and edge spaces; passes Arabic through', () => {
    assert.equal(csvField('a "b", c'), '"a ""b"", c"');
    assert.equal(csvField('سطر\nثان'), '"سطر\nثان"');
    assert.equal(csvField(' x'), '" x"');
    assert.equal(csvField('ⵜⴰⵎⴰⵣⵉⵖⵜ'), 'ⵜⴰⵎⴰⵣⵉⵖⵜ');
    assert.equal(csvField(null), '');
    assert.equal(csvLine(['a', 'b'], { a: 1, b: 'x,y' }), '1,"x,y"\r\n');
    assert.deepEqual(parseCsv(csvLine(['a', 'b'], { a: 'ل"ا', b: 'x,\r\ny' })), [['ل"ا', 'x,\r\ny']]);
  });
});

describe('GET /v1/open-data', () => {
  test('lists every dataset with a licence, formats and a record count that matches its export', async () => {
    const { datasets, publisher } = await catalogue();
    assert.ok(publisher.ar);
    assert.equal(datasets.length, EXPORTABLE_DATASET_IDS.length + 1);
    for (const id of EXPORTABLE_DATASET_IDS) {
      const dataset = datasets.find((d) => d.id === id);
      assert.ok(dataset, id);
      assert.equal(dataset.licence.id, 'CC-BY-4.0');
      assert.deepEqual(
        dataset.formats.map((f) => f.url),
        [`/v1/open-data/${id}?format=csv`, `/v1/open-data/${id}?format=json`],
      );
      const csv = await csvRecords(id);
      const json = await jsonRecords(id);
      assert.equal(csv.length, dataset.recordCount, id);
      assert.equal(json.length, dataset.recordCount, id);
      assert.ok(dataset.recordCount > 0, `${id} has seeded rows`);
      // CSV and JSON carry the same records, in the same column order.
      assert.deepEqual(Object.keys(csv[0] ?? {}), Object.keys(json[0] ?? {}));
      assert.equal(csv[0]?.id, json[0]?.id);
    }
    const pkg = datasets.find((d) => d.id === 'awards-360giving');
    assert.equal(pkg?.recordCount, datasets.find((d) => d.id === 'awards')?.recordCount);
  });
});

describe('GET /v1/open-data/{dataset}', () => {
  test('the awards export matches the awards API, row for row and amount for amount', async () => {
    const api = await allAwards();
    const csv = await csvRecords('awards');
    assert.equal(csv.length, api.length);
    const amounts = new Map(api.map((a) => [a.id, a.amount.amount]));
    for (const row of csv) assert.equal(row.amount, amounts.get(row.id ?? ''), row.id);
    const sum = (values: string[]) =>
      values.reduce((s, v) => s + toMinorUnits({ amount: v, currency: 'MAD' }), 0n);
    assert.equal(sum(csv.map((r) => r.amount ?? '0')), sum(api.map((a) => a.amount.amount)));
  });

  test("the awards export carries the 360Giving fields of the package and each award's follow-up", async () => {
    const records = await jsonRecords('awards');
    const csv = await csvRecords('awards');
    assert.ok(
      [
        'identifier',
        'amountAwarded',
        'recipientOrganization:Identifier',
        'amountDisbursed',
        'reports_overdue',
      ].every((column) => column in (csv[0] ?? {})),
      'the CSV has the new columns',
    );
    assert.ok(['id', 'call_reference', 'amount', 'decided_at'].every((column) => column in (csv[0] ?? {})));
    const pkg = (await (
      await fetch(`${server.url}/v1/open-data/awards-360giving`)
    ).json()) as ThreeSixtyGivingPackage;
    const grants = new Map(pkg.grants.map((grant) => [grant.id, grant]));
    for (const record of records) {
      const grant = grants.get(String(record.identifier));
      assert.ok(grant, String(record.id));
      assert.deepEqual(
        [
          record.amountAwarded,
          record.awardDate,
          record['recipientOrganization:Identifier'],
          record['recipientOrganization:Name'],
          record['fundingOrganization:Identifier'],
          record['fundingOrganization:Name'],
          record['beneficiaryLocation:GeoCode'],
          record.title,
        ],
        [
          grant.amountAwarded,
          grant.awardDate,
          grant.recipientOrganization[0]?.id,
          grant.recipientOrganization[0]?.name,
          grant.fundingOrganization[0]?.id,
          grant.fundingOrganization[0]?.name,
          grant.beneficiaryLocation?.[0]?.geoCode,
          grant.title,
        ],
      );
    }

    // The follow-up columns say what the award's own routes say, for a sample of awards.
    const admin = DEMO_ACCOUNTS.admin;
    const token = await signInAs(server.url, admin.email, admin.password);
    const headers = { authorization: `Bearer ${token}` };
    const sample = records.filter((_, index) => index % 7 === 0);
    assert.ok(sample.length > 3);
    for (const record of sample) {
      const reports = (
        (await (await fetch(`${server.url}/v1/awards/${record.id}/reports`, { headers })).json()) as {
          items: AwardReport[];
        }
      ).items;
      const paid = (await (
        await fetch(`${server.url}/v1/awards/${record.id}/disbursements`, { headers })
      ).json()) as DisbursementList;
      assert.deepEqual(
        [
          record.reports_required,
          record.reports_due,
          record.reports_submitted,
          record.reports_accepted,
          record.reports_overdue,
          record.amountDisbursed,
        ],
        [
          reports.length,
          reports.filter((r) => r.status === 'due' || r.status === 'returned').length,
          reports.filter((r) => r.status === 'submitted').length,
          reports.filter((r) => r.status === 'accepted').length,
          reports.filter((r) => r.overdue).length,
          paid.disbursed.amount,
        ],
        String(record.id),
      );
    }
    assert.ok(
      records.some((r) => Number(r.reports_accepted) > 0),
      'the demo has accepted reports',
    );
    assert.ok(
      records.some((r) => Number(r.reports_overdue) > 0),
      'and overdue ones',
    );
  });

  test('year and region filter the rows; the file is named after them', async () => {
    const all = await jsonRecords('awards');
    // A fiscal year and a region taken from the data: fiscal years move with the calendar.
    const sample = all.find((r) => r.region === 'MA-09') ?? all[0];
    const year = Number(sample?.fiscal_year);
    const region = String(sample?.region);
    const some = await jsonRecords('awards', `&year=${year}&region=${region}`);
    assert.ok(some.length > 0, `awards in ${year} and ${region}`);
    assert.deepEqual(
      some.map((r) => r.id),
      all.filter((r) => r.fiscal_year === year && r.region === region).map((r) => r.id),
    );
    assert.ok(some.length < all.length);
    const { response } = await download('awards', `?format=csv&year=${year}&region=${region}`);
    assert.equal(
      response.headers.get('content-disposition'),
      `attachment; filename="nassij-awards-${year}-${region}.csv"`,
    );
    assert.match(response.headers.get('cache-control') ?? '', /public/);
    const contributions = await jsonRecords('contributions', '&region=MA-06');
    assert.ok(contributions.every((r) => r.region === 'MA-06'));
  });

  test('a consultation page downloads only its own contributions; other datasets refuse the filter', async () => {
    const all = await jsonRecords('contributions');
    const own = await jsonRecords('contributions', `&consultationId=${F.consultations.draftLaw}`);
    assert.ok(own.length > 0 && own.length < all.length);
    assert.deepEqual(
      own.map((r) => r.id),
      all.filter((r) => r.consultation_id === F.consultations.draftLaw).map((r) => r.id),
    );
    const consultations = await jsonRecords(
      'consultations',
      `&consultationId=${F.consultations.synthesisPublished}`,
    );
    assert.deepEqual(
      consultations.map((r) => r.id),
      [F.consultations.synthesisPublished],
    );
    const refused = await download('calls', `?format=json&consultationId=${F.consultations.draftLaw}`);
    assert.equal(refused.response.status, 422);
    const problem = JSON.parse(refused.text) as { errors?: { path: string; code: string }[] };
    assert.deepEqual(
      problem.errors?.map((e) => [e.path, e.code]),
      [['/consultationId', 'not_allowed']],
    );
  });

  test('consultations carry what became of their recommendations', async () => {
    const rows = await jsonRecords('consultations');
    // The export's figures are the consultation's own stats, by the same definition.
    const stats = (await (
      await fetch(`${server.url}/v1/consultations/${F.consultations.draftLaw}/stats`)
    ).json()) as Record<string, number>;
    const row = rows.find((r) => r.id === F.consultations.draftLaw);
    assert.deepEqual(
      [row?.participants, row?.contributions, row?.recommendations, row?.supports],
      [stats.participants, stats.contributions, stats.recommendations, stats.supports],
    );
    const published = rows.filter((r) => r.phase === 'synthesis_published');
    assert.ok(published.length > 0);
    for (const row of published) assert.equal(typeof row.recommendations_accepted, 'number');
    for (const row of rows.filter((r) => r.phase !== 'synthesis_published'))
      assert.equal(row.recommendations_accepted, null);
  });

  test('no export carries personal data', async () => {
    const secrets = new Set<string>();
    for (const account of Object.values(DEMO_ACCOUNTS)) {
      secrets.add(account.email);
      secrets.add(account.displayName);
    }
    for (const row of await server.db.all<{
      author: string;
      device_hash: string | null;
      participant_type: string;
    }>('SELECT author, device_hash, participant_type FROM contributions')) {
      if (row.device_hash) secrets.add(row.device_hash);
      if (row.participant_type === 'citizen')
        secrets.add((JSON.parse(row.author) as { displayName: string }).displayName);
    }
    for (const row of await server.db.all<{ data: string }>('SELECT data FROM training_registrations')) {
      const { participant } = JSON.parse(row.data) as { participant: { name: string; email?: string } };
      secrets.add(participant.name);
      if (participant.email) secrets.add(participant.email);
    }
    for (const row of await server.db.all<{ data: string }>('SELECT data FROM training_sessions')) {
      for (const trainer of (JSON.parse(row.data) as { trainers: { name: string }[] }).trainers)
        secrets.add(trainer.name);
    }
    assert.ok(secrets.size > 20, 'the scan looks for many values');
    const texts: [string, string][] = [];
    for (const id of EXPORTABLE_DATASET_IDS) {
      texts.push([`${id}.csv`, (await download(id, '?format=csv')).text]);
      texts.push([`${id}.json`, (await download(id, '?format=json')).text]);
    }
    texts.push(['awards-360giving', (await download('awards-360giving')).text]);
    for (const [name, text] of texts) {
      assert.doesNotMatch(text, /acc_\d/, `${name} holds an account id`);
      assert.doesNotMatch(text, /@demo\.nassij\.ma/, `${name} holds a demo e-mail`);
      for (const secret of secrets) assert.ok(!text.includes(secret), `${name} holds "${secret}"`);
    }
  });

  test('an unknown dataset or format is a 422; the 360Giving package is not a plain export', async () => {
    for (const path of [
      'nope',
      'calls?format=xml',
      'calls?year=1900',
      'calls?region=MA-99',
      'calls?extra=1',
    ]) {
      const response = await fetch(`${server.url}/v1/open-data/${path}`);
      assert.equal(response.status, 422, path);
      assert.equal(((await response.json()) as { code: string }).code, 'validation_failed');
    }
    const response = await fetch(`${server.url}/v1/open-data/awards-360giving?format=csv`);
    assert.equal(response.headers.get('content-type'), 'application/json; charset=utf-8');
  });
});

describe('GET /v1/open-data/awards-360giving', () => {
  test('every grant carries the required fields with the right types', async () => {
    const response = await fetch(`${server.url}/v1/open-data/awards-360giving`);
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-type'), 'application/json; charset=utf-8');
    const pkg = (await response.json()) as ThreeSixtyGivingPackage;
    // Streamed, so the core no longer checks it against the contract: the test does.
    const checked = validate(ThreeSixtyGivingPackage, pkg);
    assert.ok(checked.ok, JSON.stringify(checked.ok ? '' : checked.errors.slice(0, 3)));
    const { grants } = pkg;
    const api = await allAwards();
    assert.equal(grants.length, api.length);
    const amounts = new Map(api.map((a) => [`360G-nassij-${a.id}`, Number(a.amount.amount)]));
    for (const grant of grants) {
      assert.match(grant.id, /^360G-nassij-awd_/);
      for (const field of [grant.title, grant.description])
        assert.ok(typeof field === 'string' && field.length > 0);
      assert.equal(grant.currency, 'MAD');
      assert.equal(typeof grant.amountAwarded, 'number');
      assert.equal(grant.amountAwarded, amounts.get(grant.id));
      assert.match(grant.awardDate, /^\d{4}-\d{2}-\d{2}$/);
      const [recipient] = grant.recipientOrganization;
      const [funder] = grant.fundingOrganization;
      assert.match(recipient?.id ?? '', /^MA-ASSO-\S+$/);
      assert.ok(recipient?.name);
      assert.match(funder?.id ?? '', /^MA-SECTOR-[a-z0-9-]+$/);
      assert.ok(funder?.name);
      assert.equal(grant.beneficiaryLocation?.[0]?.countryCode, 'MA');
      assert.match(grant.beneficiaryLocation?.[0]?.geoCode ?? '', /^MA-\d{2}$/);
      assert.equal(grant.fromOpenCall, 'Yes');
    }
  });
});

describe('GET /v1/open-data/awards-360giving pages', () => {
  test('small keyset pages give every grant once, in the order of the streamed package', async () => {
    const streamed = (
      (await (await fetch(`${server.url}/v1/open-data/awards-360giving`)).json()) as ThreeSixtyGivingPackage
    ).grants.map((g) => g.id);
    assert.ok(streamed.length > 7, 'several pages of 3');
    const paged: string[] = [];
    let after: Awaited<ReturnType<typeof readGrantPage>>['last'];
    for (let page = 0; page < 10_000; page++) {
      const { grants, last } = await readGrantPage(server.db, after, 3);
      if (!last) break;
      paged.push(...grants.map((g) => g.id));
      after = last;
    }
    assert.deepEqual(paged, streamed);
    assert.equal(new Set(paged).size, paged.length);
  });
});

describe('streaming', () => {
  test('a large export streams in batches without error and with every row', async () => {
    const before = (await server.db.one<{ n: number }>('SELECT COUNT(*) AS n FROM calls'))?.n ?? 0;
    // Copies of the seeded calls under new ids, so that the export spans several batches.
    for (let copy = 1; copy <= Math.ceil((EXPORT_BATCH * 3) / Math.max(before, 1)); copy++) {
      await server.db.write(
        `INSERT INTO calls (id, reference, status, fiscal_year, instrument, funder_level, sector_code, coverage,
           opens_at, closes_at, published_at, max_award_minor, min_award_minor, data)
         SELECT id || '_c${copy}', reference || '-C${copy}', status, fiscal_year, instrument, funder_level, sector_code,
           coverage, opens_at, closes_at, published_at, max_award_minor, min_award_minor, data
         FROM calls WHERE id NOT LIKE '%\\_c%' ESCAPE '\\'`,
      );
    }
    const total = (await server.db.one<{ n: number }>('SELECT COUNT(*) AS n FROM calls'))?.n ?? 0;
    assert.ok(total > EXPORT_BATCH * 3);
    const response = await fetch(`${server.url}/v1/open-data/calls?format=csv`);
    assert.ok(response.body);
    let chunks = 0;
    let text = '';
    const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
    const reader = response.body.getReader();
    for (let read = await reader.read(); !read.done; read = await reader.read()) {
      chunks++;
      text += decoder.decode(read.value, { stream: true });
    }
    assert.ok(chunks > 1, 'the body arrived in several chunks');
    assert.equal(parseCsv(text.slice(1)).length - 1, total);
    assert.equal((await jsonRecords('calls')).length, total);
    assert.equal((await catalogue()).datasets.find((d) => d.id === 'calls')?.recordCount, total);
  });

  test('the server answers /healthz and the catalogue while an export is being downloaded', async () => {
    const response = await fetch(`${server.url}/v1/open-data/calls?format=json`);
    assert.ok(response.body);
    const reader = response.body.getReader();
    const first = await reader.read();
    assert.ok(!first.done, 'the export has begun');
    // The download is paused (the client reads no more); other requests must not wait for it.
    const started = performance.now();
    const health = await fetch(`${server.url}/healthz`);
    assert.equal(health.status, 200);
    await health.arrayBuffer();
    assert.equal((await fetch(`${server.url}/v1/open-data`)).status, 200);
    const waited = performance.now() - started;
    assert.ok(waited < 2000, `answered in ${Math.round(waited)} ms while the export streams`);
    let text = new TextDecoder().decode(first.value, { stream: true });
    const decoder = new TextDecoder();
    for (let read = await reader.read(); !read.done; read = await reader.read())
      text += decoder.decode(read.value, { stream: true });
    const total = (await server.db.one<{ n: number }>('SELECT COUNT(*) AS n FROM calls'))?.n ?? 0;
    assert.equal((JSON.parse(text) as unknown[]).length, total);
  });

  test('the catalogue is kept until a dataset changes: same ETag, then the new count after a write', async () => {
    const first = await fetch(`${server.url}/v1/open-data`);
    const etag = first.headers.get('etag');
    assert.ok(etag);
    const before = ((await first.json()) as DataCatalogue).datasets.find((d) => d.id === 'awards');
    const again = await fetch(`${server.url}/v1/open-data`, { headers: { 'if-none-match': etag } });
    assert.equal(again.status, 304);
    await server.db.write(
      'DELETE FROM award_domains WHERE award_id IN (SELECT id FROM awards WHERE id = (SELECT MAX(id) FROM awards))',
    );
    await server.db.write('DELETE FROM awards WHERE id = (SELECT MAX(id) FROM awards)');
    const after = (await catalogue()).datasets.find((d) => d.id === 'awards');
    assert.equal(after?.recordCount, (before?.recordCount ?? 0) - 1);
    const pkg = after && (await catalogue()).datasets.find((d) => d.id === 'awards-360giving');
    assert.equal(pkg?.recordCount, after?.recordCount);
  });
});
