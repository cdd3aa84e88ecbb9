import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { casablancaDate, type IndicatorCode, type IndicatorSet } from '@nassij/contract';
import { readDataVersions } from '../../db/data-versions.js';
import type { Db } from '../../db/db.js';
import { tempServer } from '../../testing.js';
import { IndicatorCache } from './cache.js';
import { casablancaMidnight, yearRange } from './period.js';

const NOW = new Date('2026-06-15T10:00:00Z');
const NOW_ISO = NOW.toISOString();

let server: Awaited<ReturnType<typeof tempServer>>;

before(async () => {
  server = await tempServer({ clock: () => NOW });
});
after(async () => {
  await server.stop();
});

async function indicators(query: string): Promise<IndicatorSet> {
  const response = await fetch(`${server.url}/v1/indicators${query}`);
  assert.equal(response.status, 200, await response.clone().text());
  return (await response.json()) as IndicatorSet;
}

/** The Casablanca year of a stored instant, through the contract's date function (not the area's ranges). */
const yearOf = (at: string | null): number | undefined =>
  at ? Number(casablancaDate(at).slice(0, 4)) : undefined;

interface Expected {
  value: number;
  numerator?: number;
  denominatorValue?: number;
}

const pct = (n: number, d: number) => (d === 0 ? 0 : Math.round((n / d) * 10_000) / 100);

/** Counts every indicator by hand: plain rows out of SQL, then filtering and counting in JS. */
async function handCount(db: Db, year: number, region?: string): Promise<Record<IndicatorCode, Expected>> {
  const associations = await db.all<{ id: string; region: string; founded_on: string }>(
    'SELECT id, region, founded_on FROM associations',
  );
  const regionOf = new Map(associations.map((a) => [a.id, a.region]));
  const inRegion = (id: string) => !region || regionOf.get(id) === region;
  const registered = associations.filter((a) => a.founded_on <= `${year}-12-31` && inRegion(a.id));
  const registeredIds = new Set(registered.map((a) => a.id));
  const awards = (
    await db.all<{ association_id: string; amount_minor: number; decided_at: string }>(
      'SELECT association_id, amount_minor, decided_at FROM awards',
    )
  ).filter((a) => yearOf(a.decided_at) === year && inRegion(a.association_id));
  const supported = new Set(awards.map((a) => a.association_id).filter((id) => registeredIds.has(id)));

  const sums = new Map<string, number>();
  for (const a of awards)
    sums.set(a.association_id, (sums.get(a.association_id) ?? 0) + Number(a.amount_minor));
  const sorted = [...sums.values()].sort((a, b) => b - a);
  const total = sorted.reduce((s, x) => s + x, 0);
  const top = sorted.slice(0, Math.ceil(sorted.length / 5)).reduce((s, x) => s + x, 0);

  const callRegions = await db.all<{ call_id: string; region: string }>(
    'SELECT call_id, region FROM call_regions',
  );
  const calls = (
    await db.all<{ id: string; published_at: string; coverage: string; sector_code: string }>(
      'SELECT id, published_at, coverage, sector_code FROM calls',
    )
  )
    .filter(
      (c) =>
        !region ||
        c.coverage === 'national' ||
        callRegions.some((r) => r.call_id === c.id && r.region === region),
    )
    .filter((c) => yearOf(c.published_at) === year);
  const q1 = calls.filter((c) => casablancaDate(c.published_at) <= `${year}-03-31`);

  const consultations = (
    await db.all<{
      id: string;
      region: string | null;
      issuing_sector: string;
      contributions_open_at: string | null;
      contributions_close_at: string | null;
    }>('SELECT id, region, issuing_sector, contributions_open_at, contributions_close_at FROM consultations')
  ).filter((c) => !region || c.region === region);
  const held = consultations.filter((c) => yearOf(c.contributions_open_at) === year);
  const closed = consultations.filter(
    (c) => yearOf(c.contributions_close_at) === year && (c.contributions_close_at ?? '') <= NOW_ISO,
  );
  const contributions = await db.all<{
    id: string;
    consultation_id: string;
    participant_key: string;
    kind: string;
    moderation_state: string;
    account_id: string | null;
    participant_type: string;
    author: string;
    region: string | null;
    created_at: string;
  }>('SELECT * FROM contributions');
  const supports = await db.all<{ contribution_id: string; supporter_key: string }>(
    'SELECT contribution_id, supporter_key FROM contribution_supports',
  );
  let participants = 0;
  let recommendations = 0;
  for (const c of closed) {
    const published = contributions.filter(
      (x) => x.consultation_id === c.id && x.moderation_state === 'published',
    );
    const ids = new Set(published.map((x) => x.id));
    const keys = new Set([
      ...published.map((x) => x.participant_key),
      ...supports.filter((s) => ids.has(s.contribution_id)).map((s) => s.supporter_key),
    ]);
    participants += keys.size;
    recommendations += published.filter((x) => x.kind === 'recommendation' || x.kind === 'amendment').length;
  }

  const versions = await db.all<{ consultation_id: string; published_at: string }>(
    'SELECT consultation_id, published_at FROM consultation_versions',
  );
  const firstPublished = new Map<string, string>();
  for (const v of versions) {
    const seen = firstPublished.get(v.consultation_id);
    if (!seen || v.published_at < seen) firstPublished.set(v.consultation_id, v.published_at);
  }
  const sessions = (
    await db.all<{
      id: string;
      course_id: string;
      start_at: string;
      end_at: string;
      region: string | null;
      status: string;
    }>('SELECT id, course_id, start_at, end_at, region, status FROM training_sessions')
  ).filter((s) => !region || s.region === region);
  const providers = new Map(
    (await db.all<{ id: string; provider_sector: string }>('SELECT id, provider_sector FROM courses')).map(
      (c) => [c.id, c.provider_sector],
    ),
  );
  const sectors = new Set([
    ...calls.map((c) => c.sector_code),
    ...consultations
      .filter((c) => yearOf(firstPublished.get(c.id) ?? null) === year)
      .map((c) => c.issuing_sector),
    ...sessions
      .filter((s) => s.status !== 'cancelled' && yearOf(s.start_at) === year)
      .map((s) => providers.get(s.course_id)),
  ]);
  const ended = sessions.filter(
    (s) => !['cancelled', 'postponed'].includes(s.status) && yearOf(s.end_at) === year && s.end_at <= NOW_ISO,
  );

  const registrations = await db.all<{
    session_id: string;
    association_id: string;
    participant_key: string;
    status: string;
    created_at: string;
  }>('SELECT session_id, association_id, participant_key, status, created_at FROM training_registrations');
  const submissions = (
    await db.all<{ actor: string | null; at: string; association_id: string; region: string }>(
      `SELECT h.actor, h.at, p.association_id, p.region FROM application_history h
       JOIN applications p ON p.id = h.application_id WHERE h.status = 'submitted'`,
    )
  ).filter((h) => yearOf(h.at) === year);
  const yearContributions = contributions.filter((c) => yearOf(c.created_at) === year);
  const accounts = new Set([
    ...submissions.filter((h) => h.actor && (!region || h.region === region)).map((h) => h.actor),
    ...yearContributions
      .filter((c) => c.account_id && (!region || c.region === region))
      .map((c) => c.account_id),
  ]);
  const sessionEnds = new Map(
    (await db.all<{ id: string; end_at: string }>('SELECT id, end_at FROM training_sessions')).map((s) => [
      s.id,
      s.end_at,
    ]),
  );
  const attended = new Set(
    registrations
      .filter((r) => ['attended', 'completed'].includes(r.status) && inRegion(r.association_id))
      .filter((r) => {
        const endAt = sessionEnds.get(r.session_id);
        return endAt !== undefined && yearOf(endAt) === year && endAt <= NOW_ISO;
      })
      .map((r) => `${r.association_id}|${r.participant_key}`),
  );
  const beneficiaryAssociations = new Set([
    ...submissions.map((h) => h.association_id),
    ...registrations.filter((r) => yearOf(r.created_at) === year).map((r) => r.association_id),
    ...yearContributions
      .filter((c) => c.participant_type === 'association')
      .map((c) => (JSON.parse(c.author) as { associationId?: string }).associationId)
      .filter((id): id is string => id !== undefined),
  ]);
  const coursesWithCompetencies = new Set(
    (await db.all<{ course_id: string }>('SELECT course_id FROM course_competencies')).map(
      (c) => c.course_id,
    ),
  );
  const sessionCourses = new Map(
    (await db.all<{ id: string; course_id: string }>('SELECT id, course_id FROM training_sessions')).map(
      (s) => [s.id, s.course_id],
    ),
  );
  const trained = new Set(
    registrations
      .filter((r) => r.status === 'completed' && inRegion(r.association_id))
      .filter((r) => {
        const endAt = sessionEnds.get(r.session_id);
        return endAt !== undefined && yearOf(endAt) === year && endAt <= NOW_ISO;
      })
      .filter((r) => coursesWithCompetencies.has(sessionCourses.get(r.session_id) ?? ''))
      .map((r) => r.association_id),
  );
  const ratio = (n: number, d: number) => (d === 0 ? 0 : Math.round((n / d) * 100) / 100);
  return {
    associations_supported_share: {
      value: pct(supported.size, registered.length),
      numerator: supported.size,
      denominatorValue: registered.length,
    },
    support_concentration_top_fifth: {
      value: pct(top, total),
      numerator: top / 100,
      denominatorValue: total / 100,
    },
    calls_published_q1: { value: q1.length, numerator: q1.length, denominatorValue: calls.length },
    consultations_held: { value: held.length },
    participants_per_consultation: {
      value: ratio(participants, closed.length),
      numerator: participants,
      denominatorValue: closed.length,
    },
    recommendations_per_consultation: {
      value: ratio(recommendations, closed.length),
      numerator: recommendations,
      denominatorValue: closed.length,
    },
    sectors_involved: { value: sectors.size },
    trainings_held: { value: ended.length },
    beneficiaries_people: { value: accounts.size + attended.size },
    beneficiaries_associations: { value: [...beneficiaryAssociations].filter(inRegion).length },
    services_available: { value: 11 },
    associations_trained_per_competency: { value: trained.size },
  };
}

function assertMatches(set: IndicatorSet, expected: Record<IndicatorCode, Expected>): void {
  assert.equal(set.indicators.length, Object.keys(expected).length);
  for (const indicator of set.indicators) {
    const want = expected[indicator.code];
    assert.equal(indicator.value, want.value, `${indicator.code} value`);
    if (want.numerator !== undefined)
      assert.equal(indicator.numerator, want.numerator, `${indicator.code} numerator`);
    if (want.denominatorValue !== undefined)
      assert.equal(indicator.denominatorValue, want.denominatorValue, `${indicator.code} denominator`);
    assert.equal(indicator.period.year, set.year);
  }
}

describe('GET /v1/indicators', () => {
  test("the server created the indexes of the figures' reads at start", async () => {
    for (const name of ['awards_by_decided', 'contributions_by_state_id', 'training_sessions_by_end']) {
      const found =
        server.db.dialect === 'postgres'
          ? await server.db.one<{ r: string | null }>('SELECT to_regclass(?) AS r', [name])
          : await server.db.one<{ r: string }>(
              "SELECT name AS r FROM sqlite_master WHERE type = 'index' AND name = ?",
              [name],
            );
      assert.ok(found?.r, name);
    }
  });

  test('the current year matches a hand count, nationally and for a region', async () => {
    const national = await indicators('?year=2026');
    assertMatches(national, await handCount(server.db, 2026));
    // The seed's current year has consultations closed and sessions held, so the counts are not vacuous.
    for (const code of ['participants_per_consultation', 'trainings_held', 'calls_published_q1'])
      assert.ok((national.indicators.find((i) => i.code === code)?.value ?? 0) > 0, code);
    const regional = await indicators('?year=2026&region=MA-06');
    assert.equal(regional.region, 'MA-06');
    assertMatches(regional, await handCount(server.db, 2026, 'MA-06'));
  });

  test('the previous year matches a hand count, nationally and for a region', async () => {
    const national = await indicators('?year=2025');
    assertMatches(national, await handCount(server.db, 2025));
    const share = national.indicators.find((i) => i.code === 'associations_supported_share');
    assert.ok((share?.value ?? 0) > 0, 'the seed awarded support in 2025');
    assertMatches(await indicators('?year=2025&region=MA-09'), await handCount(server.db, 2025, 'MA-09'));
  });

  test('without a year, the latest complete year with data; years list the years with data', async () => {
    const set = await indicators('');
    // The clock is in June 2026: 2026 is under way, so the default is 2025.
    assert.equal(set.year, 2025);
    assert.equal(set.year, set.years.filter((y) => y < 2026).at(-1));
    assert.ok(set.years.includes(2025) && set.years.includes(2026), String(set.years));
    assert.deepEqual(
      set.years,
      [...set.years].sort((a, b) => a - b),
    );
    assert.ok(set.years.every((y) => y <= 2026));
  });

  test('definitions are published beside the values and breakdowns add up', async () => {
    const set = await indicators('?year=2026');
    const share = set.indicators.find((i) => i.code === 'associations_supported_share');
    assert.ok(share?.denominator && share.definition.fr);
    const regions = share.breakdown?.filter((b) => b.dimension === 'region') ?? [];
    assert.equal(regions.length, 12);
    assert.equal(
      regions.reduce((s, b) => s + (b.numerator ?? 0), 0),
      share.numerator,
    );
    assert.ok(share.breakdown?.some((b) => b.dimension === 'domain'));
    assert.equal(share.breakdown?.filter((b) => b.dimension === 'funder_level').length, 5);
    const fifth = set.indicators.find((i) => i.code === 'support_concentration_top_fifth');
    assert.match(fifth?.definition.fr ?? '', /arrondi à l'unité supérieure/);
    const participants = set.indicators.find((i) => i.code === 'participants_per_consultation');
    assert.equal(participants?.breakdown?.length, participants?.denominatorValue);
  });

  test('associations trained per competency are also counted by region and by domain, once per association', async () => {
    const set = await indicators('?year=2026&code=associations_trained_per_competency');
    const [trained] = set.indicators;
    assert.ok(trained);
    // By hand: completed registrations of sessions that ended in 2026 by now, on courses with competencies.
    const rows = await server.db.all<{ association_id: string; end_at: string; status: string }>(
      `SELECT r.association_id, t.end_at, r.status FROM training_registrations r
       JOIN training_sessions t ON t.id = r.session_id
       WHERE r.course_id IN (SELECT course_id FROM course_competencies)`,
    );
    const associations = new Set(
      rows
        .filter((r) => r.status === 'completed' && yearOf(r.end_at) === 2026 && r.end_at <= NOW_ISO)
        .map((r) => r.association_id),
    );
    assert.ok(associations.size > 0, 'the demo data trained associations this year');
    assert.equal(trained.value, associations.size);
    const domains = new Map<string, number>();
    for (const row of await server.db.all<{ association_id: string; domain: string }>(
      'SELECT association_id, domain FROM association_domains',
    ))
      if (associations.has(row.association_id)) domains.set(row.domain, (domains.get(row.domain) ?? 0) + 1);
    const byDomain = (trained.breakdown ?? []).filter((b) => b.dimension === 'domain');
    assert.deepEqual(
      Object.fromEntries(byDomain.map((b) => [b.key, b.value])),
      Object.fromEntries([...domains].sort(([a], [b]) => a.localeCompare(b))),
    );
    assert.ok(
      byDomain.every((b) => b.label?.fr),
      'each domain is named',
    );
    const byRegion = (trained.breakdown ?? []).filter((b) => b.dimension === 'region');
    assert.equal(
      byRegion.reduce((sum, b) => sum + b.value, 0),
      associations.size,
      'an association is in one region',
    );
  });

  test('code filters the indicators', async () => {
    const set = await indicators('?year=2026&code=trainings_held&code=consultations_held');
    assert.deepEqual(set.indicators.map((i) => i.code).sort(), ['consultations_held', 'trainings_held']);
  });

  test('bad input is a 422', async () => {
    for (const query of ['?year=1999', '?year=abc', '?region=MA-13', '?code=nope', '?other=1']) {
      const response = await fetch(`${server.url}/v1/indicators${query}`);
      assert.equal(response.status, 422, query);
      assert.equal(((await response.json()) as { code: string }).code, 'validation_failed');
    }
  });
});

describe('indicators kept per data version', () => {
  // A clock the tests move: without a cache, every request would carry a new computedAt and a new ETag.
  let now = new Date('2026-06-15T10:00:00Z');
  let cached: Awaited<ReturnType<typeof tempServer>>;
  before(async () => {
    cached = await tempServer({ clock: () => now });
  });
  after(async () => {
    await cached.stop();
  });

  const get = (query: string, headers: Record<string, string> = {}) =>
    fetch(`${cached.url}/v1/indicators${query}`, { headers });
  const indicator = (set: IndicatorSet, code: IndicatorCode) => {
    const found = set.indicators.find((i) => i.code === code);
    assert.ok(found, code);
    return found;
  };

  test('without a change, the same ETag and computedAt a second later, and 304 on If-None-Match', async () => {
    const first = await get('?year=2025');
    assert.equal(first.status, 200);
    const etag = first.headers.get('etag');
    assert.ok(etag);
    const body = (await first.json()) as IndicatorSet;
    now = new Date(now.getTime() + 1000);
    const second = await get('?year=2025');
    assert.equal(second.headers.get('etag'), etag);
    assert.deepEqual(await second.json(), body);
    for (const i of body.indicators) assert.equal(i.computedAt, '2026-06-15T10:00:00.000Z', i.code);
    const conditional = await get('?year=2025', { 'if-none-match': etag });
    assert.equal(conditional.status, 304);
  });

  test('a write to an input table brings new values; figures that do not read it keep their computedAt', async () => {
    const before = (await (await get('?year=2025')).json()) as IndicatorSet;
    const etag = (await get('?year=2025')).headers.get('etag');
    const share = indicator(before, 'associations_supported_share');
    // An association with no award in 2025 receives one, decided in 2025.
    const row = await cached.db.one<Record<string, unknown>>(
      `SELECT * FROM awards WHERE decided_at >= ? AND decided_at < ? ORDER BY id LIMIT 1`,
      [yearRange(2025).start, yearRange(2025).end],
    );
    const fresh = await cached.db.one<{ id: string; region: string }>(
      `SELECT id, region FROM associations WHERE founded_on <= '2025-12-31'
       AND id NOT IN (SELECT association_id FROM awards) ORDER BY id LIMIT 1`,
    );
    const application = await cached.db.one<{ id: string }>(
      'SELECT id FROM applications WHERE id NOT IN (SELECT application_id FROM awards) ORDER BY id LIMIT 1',
    );
    assert.ok(row && fresh && application);
    const columns = Object.keys(row);
    const copy: Record<string, unknown> = {
      ...row,
      id: 'awd_cache_test',
      application_id: application.id,
      association_id: fresh.id,
      region: fresh.region,
    };
    const versionBefore = (await readDataVersions(cached.db)).get('awards');
    await cached.db.write(
      `INSERT INTO awards (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
      columns.map((c) => copy[c] as string | number | null),
    );
    assert.ok(((await readDataVersions(cached.db)).get('awards') ?? 0) > (versionBefore ?? 0));
    now = new Date(now.getTime() + 1000);
    const response = await get('?year=2025');
    assert.notEqual(response.headers.get('etag'), etag);
    const after = (await response.json()) as IndicatorSet;
    const newShare = indicator(after, 'associations_supported_share');
    assert.equal(newShare.numerator, (share.numerator ?? 0) + 1);
    assert.equal(newShare.computedAt, now.toISOString());
    assertMatches(after, await handCount(cached.db, 2025));
    // trainings_held reads no award: still the figure computed before the write.
    assert.equal(
      indicator(after, 'trainings_held').computedAt,
      indicator(before, 'trainings_held').computedAt,
    );
    // The conditional request with the old ETag now gets the new set.
    assert.equal((await get('?year=2025', { 'if-none-match': etag ?? '' })).status, 200);
  });

  test('a figure that counts what has happened by now changes when a session ends, with no write', async () => {
    const set = (await (await get('?year=2026')).json()) as IndicatorSet;
    const held = indicator(set, 'trainings_held');
    const next = await cached.db.one<{ end_at: string }>(
      `SELECT end_at FROM training_sessions WHERE end_at > ? AND end_at < ?
       AND status NOT IN ('cancelled', 'postponed') ORDER BY end_at LIMIT 1`,
      [now.toISOString(), yearRange(2026).end],
    );
    assert.ok(next, 'the seed has a session ending later in 2026');
    const ending = await cached.db.one<{ n: number }>(
      `SELECT COUNT(*) AS n FROM training_sessions WHERE end_at > ? AND end_at <= ?
       AND status NOT IN ('cancelled', 'postponed')`,
      [now.toISOString(), next.end_at],
    );
    // The next whole second: stored instants may lack milliseconds, and instants compare as text.
    now = new Date(Math.floor(Date.parse(next.end_at) / 1000) * 1000 + 1000);
    const later = (await (await get('?year=2026')).json()) as IndicatorSet;
    assert.equal(indicator(later, 'trainings_held').value, held.value + Number(ending?.n ?? 0));
    assert.equal(indicator(later, 'trainings_held').computedAt, now.toISOString());
  });

  test('two caches over one database (two processes) both see a committed write', async () => {
    const a = new IndicatorCache(cached.db);
    const b = new IndicatorCache(cached.db);
    const query = { year: 2026, code: ['consultations_held' as const] };
    const heldBy = async (cache: IndicatorCache) => (await cache.get(query, now)).indicators[0]?.value;
    const held = await heldBy(a);
    assert.equal(await heldBy(b), held);
    assert.equal(await heldBy(a), held);
    assert.equal(a.computed, 2, 'the years list and one figure, computed once');
    const source = await cached.db.one<{ id: string }>(
      'SELECT id FROM consultations WHERE contributions_open_at >= ? AND contributions_open_at < ? ORDER BY id LIMIT 1',
      [yearRange(2026).start, yearRange(2026).end],
    );
    assert.ok(source, 'the seed opened a consultation in 2026');
    // Moved out of 2026 by a write neither cache made.
    await cached.db.write('UPDATE consultations SET contributions_open_at = ? WHERE id = ?', [
      yearRange(2024).start,
      source.id,
    ]);
    assert.equal(await heldBy(a), (held ?? 0) - 1);
    assert.equal(await heldBy(b), (held ?? 0) - 1);
  });
});

describe('Casablanca periods', () => {
  test('a year starts at midnight Casablanca time, in winter UTC+1', () => {
    assert.equal(yearRange(2026).start, '2025-12-31T23:00:00.000Z');
    assert.equal(casablancaDate(casablancaMidnight(2026, 4, 1)), '2026-04-01');
    assert.notEqual(casablancaDate(new Date(casablancaMidnight(2026, 4, 1).getTime() - 1)), '2026-04-01');
  });
});
