import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { startServer } from '../server.js';
import { createTestDatabase, type TestDatabase } from '../testing.js';
import { demoFixtures } from './fixtures.js';
import { DEMO_COUNTS, NATIONAL, type ScaleReport, scaleTargets, seedScale } from './scale.js';

const CLI = fileURLToPath(new URL('../cli.ts', import.meta.url));

// One 2x build shared by the tests: on PostgreSQL too when NASSIJ_TEST_DATABASE names an admin URL.
let dataDir: string;
let database: TestDatabase | undefined;
let report: ScaleReport;
const lines: string[] = [];

before(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'nassij-scale-'));
  const admin = process.env.NASSIJ_TEST_DATABASE;
  if (admin) database = await createTestDatabase(admin);
  report = await seedScale({
    scale: '2x',
    dataDir,
    ...(database ? { database: database.url } : {}),
    log: (line) => lines.push(line),
  });
});

after(async () => {
  await database?.drop();
  await rm(dataDir, { recursive: true, force: true });
});

test('scale names: demo, national, multipliers; anything else is refused', () => {
  assert.deepEqual(scaleTargets('demo'), DEMO_COUNTS);
  assert.deepEqual(scaleTargets('national'), NATIONAL);
  assert.equal(scaleTargets('10x').associations, 3_200);
  assert.equal(scaleTargets('10x').draftLawContributions, 250);
  for (const bad of ['0x', '2', 'x2', '1001x', 'huge', '2.5x'])
    assert.throws(() => scaleTargets(bad), RangeError, bad);
  // The issue's figures.
  assert.ok(NATIONAL.associations >= 250_000);
  assert.ok(NATIONAL.draftLawContributions >= 1_000_000);
  assert.ok(NATIONAL.calls >= 5_000);
  assert.ok(NATIONAL.sessions >= 20_000);
});

test('2x doubles every resource of the demo, the draft law included', () => {
  assert.deepEqual(report.counts, {
    associations: 640,
    calls: 86,
    // Calls are cloned with everything under them, courses with their sessions and registrations.
    applications: 304,
    reviews: 378,
    awards: 146,
    consultations: 14,
    // 77 in the demo, 77 with the cloned consultations, 25 more on the draft law itself.
    contributions: 179,
    courses: 72,
    training_sessions: 288,
    training_registrations: 1_454,
  });
  assert.equal(report.draftLawContributions, 50);
  assert.ok(
    lines.some((line) => /^associations: \+320 in/.test(line)),
    lines.join('\n'),
  );
});

test('a second build into the same database is refused', async () => {
  await assert.rejects(
    seedScale({ scale: '2x', dataDir, ...(database ? { database: database.url } : {}) }),
    /already has data/,
  );
});

test('the demo fixtures resolve, clones are valid and searchable, new contributions take fresh numbers', async () => {
  const server = await startServer({
    dataDir,
    ...(database ? { database: database.url } : {}),
    seed: 'none',
    logLevel: 'silent',
    validateResponses: true,
    fileSweep: false,
  });
  try {
    const get = async (path: string) => {
      const response = await fetch(`${server.url}${path}`);
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    };
    for (const path of [
      `/v1/associations/${demoFixtures.associations.represented}`,
      `/v1/calls/${demoFixtures.calls.openEligible}`,
      `/v1/consultations/${demoFixtures.consultations.draftLaw}`,
      `/v1/contributions/${demoFixtures.contributions.publishedWithReplies}`,
      `/v1/courses/${demoFixtures.courses.first}`,
      `/v1/sessions/${demoFixtures.sessions.openWithSeats}`,
    ])
      assert.equal((await get(path)).status, 200, path);
    for (const path of [
      `/v1/associations/${demoFixtures.missing.association}`,
      `/v1/calls/${demoFixtures.missing.call}`,
      `/v1/contributions/${demoFixtures.missing.contribution}`,
      `/v1/sessions/${demoFixtures.missing.session}`,
    ])
      assert.equal((await get(path)).status, 404, path);

    // Clones answer through the API (every answer is checked against its schema here).
    const call = await get(`/v1/calls/${demoFixtures.calls.openEligible}_k1`);
    assert.equal(call.status, 200);
    assert.match(String((call.body.title as Record<string, string>).fr), / \(2\)$/);
    assert.equal((await get(`/v1/consultations/${demoFixtures.consultations.draftLaw}_k1`)).status, 200);
    assert.equal((await get(`/v1/courses/${demoFixtures.courses.first}_k1`)).status, 200);
    assert.equal((await get(`/v1/sessions/${demoFixtures.sessions.openWithSeats}_k1`)).status, 200);

    // Ids are unique across demo rows and clones (the keys would refuse a duplicate; this checks the
    // generated ones are the expected, distinct forms) and contribution numbers never repeat.
    const ids = await server.db.all<{ id: string }>('SELECT id FROM associations ORDER BY id');
    assert.equal(new Set(ids.map((row) => row.id)).size, 640);
    assert.equal(ids.filter((row) => row.id.startsWith('asso_g')).length, 320);
    const seqs = await server.db.one<{ n: number; distinct_seq: number; top: number }>(
      'SELECT count(*) AS n, count(DISTINCT seq) AS distinct_seq, max(seq) AS top FROM contributions',
    );
    assert.equal(seqs?.n, 179);
    assert.equal(seqs?.distinct_seq, 179);

    // A cloned association is found by its own name.
    const clone = await get('/v1/associations/asso_g000321');
    assert.equal(clone.status, 200);
    const name = (clone.body.name as Record<string, string>).ar as string;
    let found = false;
    let cursor: string | undefined;
    for (let page = 0; page < 40 && !found; page++) {
      const list = await get(
        `/v1/associations?q=${encodeURIComponent(name)}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      );
      assert.equal(list.status, 200);
      const items = list.body.items as { id: string }[];
      found = items.some((item) => item.id === 'asso_g000321');
      cursor = list.body.nextCursor as string | undefined;
      if (!cursor) break;
    }
    assert.ok(found, `a search for "${name}" finds asso_g000321`);

    // The draft law's contributions list pages through clones and demo rows alike.
    const contributions = await get(
      `/v1/consultations/${demoFixtures.consultations.draftLaw}/contributions?limit=50`,
    );
    assert.equal(contributions.status, 200);
    // Its total and figures count the clones: the counters were rebuilt after the bulk load.
    const published = await server.db.one<{ n: number; people: number }>(
      `SELECT count(*) AS n, count(DISTINCT participant_key) AS people FROM contributions
       WHERE consultation_id = ? AND moderation_state = 'published'`,
      [demoFixtures.consultations.draftLaw],
    );
    const stats = await get(`/v1/consultations/${demoFixtures.consultations.draftLaw}/stats`);
    assert.equal(stats.body.contributions, Number(published?.n));
    assert.equal(stats.body.participants, Number(published?.people));
    const topLevel = await server.db.one<{ n: number }>(
      `SELECT count(*) AS n FROM contributions
       WHERE consultation_id = ? AND moderation_state = 'published' AND parent_id IS NULL`,
      [demoFixtures.consultations.draftLaw],
    );
    assert.equal(contributions.body.total, Number(topLevel?.n));

    // A new contribution is numbered after every clone.
    const posted = await fetch(
      `${server.url}/v1/consultations/${demoFixtures.consultations.draftLaw}/contributions`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          kind: 'comment',
          body: 'Un commentaire écrit après la génération des données à grande échelle.',
          author: { displayName: 'Test Scale', participantType: 'citizen' },
        }),
      },
    );
    if (posted.status === 201 || posted.status === 202) {
      const body = (await posted.json()) as { id: string };
      assert.ok(Number(body.id.slice(4)) > Number(seqs?.top), body.id);
    } else {
      // The anonymous form may ask for more (a consent, a device key): the sequence is checked directly then.
      const sequence = await server.db.one<{ value: number }>(
        "SELECT value FROM contribution_sequence WHERE name = 'contribution'",
      );
      assert.equal(sequence?.value, seqs?.top);
    }
  } finally {
    await server.close();
  }
});

function run(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', CLI, ...args], {
    stdio: 'pipe',
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => {
    stdout += String(chunk);
  });
  child.stderr.on('data', (chunk) => {
    stderr += String(chunk);
  });
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

test('the CLI: seed --scale 1x builds the demo and prints the counts; a bad scale exits with code 2', async () => {
  const bad = await run(['seed', '--scale', 'big', '--data', join(dataDir, 'never')]);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /--scale: the scale must be demo, national or a multiplier/);
  const missing = await run(['seed', '--data', join(dataDir, 'never')]);
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /seed needs --scale/);
  if (database) return; // the CLI run below builds on SQLite; the PostgreSQL build is checked above
  const dir = join(dataDir, '1x');
  const built = await run(['seed', '--scale', '1x', '--data', dir]);
  assert.equal(built.code, 0, built.stderr);
  assert.match(built.stdout, /associations\s+320\n/);
  assert.match(built.stdout, /draft law contributions\s+25\n/);
  assert.match(built.stdout, /Built in \d+\.\d s\./);
});
