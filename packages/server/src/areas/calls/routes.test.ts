import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  AWARD_RANGE_BOUNDS,
  type Award,
  type Call,
  type CallSummary,
  casablancaDaysUntil,
  type EligibilityResult,
  type PageOf,
  toMinorUnits,
} from '@nassij/contract';
import { DEMO_ACCOUNTS } from '../../seed/demo.js';
import { demoFixtures as F } from '../../seed/fixtures.js';
import { signInAs, tempServer } from '../../testing.js';

type Server = Awaited<ReturnType<typeof tempServer>>;
let server: Server;

async function get<T>(path: string, token?: string): Promise<{ status: number; body: T }> {
  const response = await fetch(`${server.url}${path}`, {
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  return { status: response.status, body: (await response.json()) as T };
}

async function search(query: string): Promise<PageOf<CallSummary>> {
  const { status, body } = await get<PageOf<CallSummary>>(`/v1/calls?limit=100${query ? `&${query}` : ''}`);
  assert.equal(status, 200, JSON.stringify(body));
  return body;
}

function facet(page: PageOf<unknown>, name: string, value: string): number {
  return page.facets?.[name]?.find((v) => v.value === value)?.count ?? 0;
}

before(async () => {
  server = await tempServer();
});
after(async () => {
  await server.stop();
});

describe('calls.search', () => {
  test('lists at least 40 calls with every status and three fiscal years', async () => {
    const page = await search('');
    assert.ok((page.total ?? 0) >= 40);
    for (const status of ['forecast', 'open', 'closed', 'under_review', 'awarded', 'cancelled'])
      assert.ok(facet(page, 'status', status) > 0, status);
    assert.equal(page.facets?.fiscalYear?.length, 3);
    for (const level of ['national', 'regional', 'provincial', 'communal', 'public_establishment'])
      assert.ok(facet(page, 'funderLevel', level) > 0, level);
  });

  test('finds calls by Arabic words with and without diacritics and hamza forms', async () => {
    const plain = await search(`q=${encodeURIComponent('الشراكة مع الجمعيات')}`);
    assert.ok((plain.total ?? 0) > 0);
    const marked = await search(`q=${encodeURIComponent('الشَّراكة مَعَ الجَمعيّات')}`);
    assert.deepEqual(
      marked.items.map((c) => c.id),
      plain.items.map((c) => c.id),
    );
    for (const call of plain.items) assert.match(call.title.ar ?? '', /الشراكة/);
    const hamza = await search(`q=${encodeURIComponent('اعلان')}`);
    assert.ok(hamza.items.some((c) => c.title.ar?.includes('إعلان')));
  });

  test('finds calls by French words with and without accents', async () => {
    const accented = await search(`q=${encodeURIComponent('Économie sociale')}`);
    const bare = await search('q=economie%20sociale');
    assert.ok((accented.total ?? 0) > 0);
    assert.deepEqual(
      bare.items.map((c) => c.id),
      accented.items.map((c) => c.id),
    );
    const reference = await search(`q=${accented.items[0]?.reference}`);
    assert.equal(reference.items[0]?.id, accented.items[0]?.id);
    const none = await search('q=zzzzqqq');
    assert.equal(none.total, 0);
  });

  test('filters by status, domain, sector, funder level, instrument and fiscal year', async () => {
    const all = await search('');
    const open = await search('status=open');
    assert.equal(open.total, facet(all, 'status', 'open'));
    assert.ok(open.items.every((c) => c.status === 'open'));
    const two = await search('status=open&status=forecast');
    assert.equal(two.total, facet(all, 'status', 'open') + facet(all, 'status', 'forecast'));
    const water = await search('domain=water');
    assert.ok(water.items.length > 0 && water.items.every((c) => c.domains.includes('water')));
    const sector = await search('sector=entraide-nationale');
    assert.ok(
      sector.items.length > 0 && sector.items.every((c) => c.funder.sectorCode === 'entraide-nationale'),
    );
    const regional = await search('funderLevel=regional');
    assert.ok(regional.items.length > 0 && regional.items.every((c) => c.funder.level === 'regional'));
    const inKind = await search('instrument=in_kind');
    assert.ok(inKind.items.length > 0 && inKind.items.every((c) => c.instrument === 'in_kind'));
    const year = Number(all.facets?.fiscalYear?.[0]?.value);
    const byYear = await search(`fiscalYear=${year}`);
    assert.ok(byYear.items.length > 0 && byYear.items.every((c) => c.fiscalYear === year));
  });

  test('a region filter keeps national calls and the calls of that region', async () => {
    const page = await search('region=MA-09');
    assert.ok(page.items.some((c) => c.coverage === 'national'));
    assert.ok(page.items.some((c) => c.coverage === 'regions'));
    assert.ok(page.items.every((c) => c.coverage === 'national' || c.eligibleRegions.includes('MA-09')));
    const all = await search('');
    const national = all.items.filter((c) => c.coverage === 'national').length;
    const inRegion = all.items.filter((c) => c.eligibleRegions.includes('MA-09')).length;
    assert.equal(page.total, national + inRegion);
  });

  test('award ranges bucket calls by their maximum award', async () => {
    for (const range of ['lt-50k', '50k-200k', '200k-1m', 'gte-1m'] as const) {
      const page = await search(`awardRange=${range}`);
      assert.ok(page.items.length > 0, range);
      const [min, max] = AWARD_RANGE_BOUNDS[range];
      for (const call of page.items) {
        const mad = Number(toMinorUnits(call.budget.maxAward ?? { amount: '0', currency: 'MAD' })) / 100;
        assert.ok(mad >= min && (max === null || mad < max), `${call.id} ${mad} in ${range}`);
      }
    }
  });

  test('closing buckets count Casablanca days from now; rolling calls have no deadline', async () => {
    const now = new Date().toISOString();
    const soon = await search('closing=within-7-days');
    assert.ok(soon.items.some((c) => c.id === F.calls.closingTomorrow));
    for (const call of soon.items) {
      const days = casablancaDaysUntil(call.dates.closes?.at ?? '', now);
      assert.ok(days >= 0 && days <= 7, `${call.id}: ${days}`);
    }
    const month = await search('closing=within-30-days');
    for (const call of month.items) {
      const days = casablancaDaysUntil(call.dates.closes?.at ?? '', now);
      assert.ok(days > 7 && days <= 30, `${call.id}: ${days}`);
    }
    const later = await search('closing=later');
    assert.ok(later.items.every((c) => casablancaDaysUntil(c.dates.closes?.at ?? '', now) > 30));
    const rolling = await search('closing=no-deadline');
    assert.ok(rolling.items.length > 0);
    assert.ok(rolling.items.every((c) => c.dates.closes === undefined && c.deadlineModel.kind === 'rolling'));
  });

  test('each facet ignores its own filter but applies the others', async () => {
    const all = await search('');
    const open = await search('status=open');
    // The status facet still shows the other statuses with their full counts.
    assert.deepEqual(open.facets?.status, all.facets?.status);
    const openNational = await search('status=open&funderLevel=national');
    // The status facet under a funder-level filter counts national calls only.
    const national = await search('funderLevel=national');
    assert.equal(facet(openNational, 'status', 'open'), facet(national, 'status', 'open'));
    assert.equal(facet(openNational, 'funderLevel', 'regional'), facet(open, 'funderLevel', 'regional'));
    assert.equal(openNational.total, facet(open, 'funderLevel', 'national'));
  });

  test('sorts by closing date, newest and largest', async () => {
    const now = new Date().toISOString();
    const closing = (await search('status=open&sort=closing_soonest')).items;
    const deadlines = closing.map((c) => c.dates.closes?.at);
    const firstRolling = deadlines.indexOf(undefined);
    assert.ok(firstRolling > 0);
    assert.ok(
      deadlines.slice(firstRolling).every((d) => d === undefined),
      'rolling calls come last',
    );
    const dated = deadlines.slice(0, firstRolling) as string[];
    assert.deepEqual(dated, [...dated].sort());
    assert.ok(dated.every((d) => d >= now));
    assert.equal(closing[0]?.id, F.calls.closingTomorrow);
    const newest = (await search('sort=newest')).items.map((c) => c.dates.publishedAt);
    assert.deepEqual(newest, [...newest].sort().reverse());
    const largest = (await search('sort=largest')).items.map((c) =>
      Number(toMinorUnits(c.budget.maxAward ?? { amount: '0', currency: 'MAD' })),
    );
    assert.deepEqual(
      largest,
      [...largest].sort((a, b) => b - a),
    );
  });

  test('pages through every call without duplicates or gaps', async () => {
    const all = await search('sort=newest');
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const { body: page }: { body: PageOf<CallSummary> } = await get<PageOf<CallSummary>>(
        `/v1/calls?sort=newest&limit=7${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      );
      assert.ok(page.items.length <= 7);
      seen.push(...page.items.map((c) => c.id));
      cursor = page.nextCursor;
      pages++;
    } while (cursor && pages < 20);
    assert.ok(pages >= 3);
    assert.deepEqual(
      seen,
      all.items.map((c) => c.id),
    );
  });

  test('refuses an unknown query field, a bad value and a foreign cursor with 422', async () => {
    const unknown = await get<{ code: string; errors: { path: string; code: string }[] }>(
      '/v1/calls?colour=red',
    );
    assert.equal(unknown.status, 422);
    assert.equal(unknown.body.code, 'validation_failed');
    assert.ok(unknown.body.errors.some((e) => e.path === '/colour' && e.code === 'unknown_field'));
    const bad = await get<{ errors: { path: string }[] }>('/v1/calls?status=lost');
    assert.equal(bad.status, 422);
    assert.ok(bad.body.errors.some((e) => e.path.startsWith('/status')));
    const cursor = await get<{ errors: { path: string }[] }>('/v1/calls?cursor=not-a-cursor');
    assert.equal(cursor.status, 422);
    assert.equal(cursor.body.errors[0]?.path, '/cursor');
  });
});

describe('calls.get', () => {
  test('the open eligible call is a national grant with every field type and two mandatory documents', async () => {
    const { status, body } = await get<Call>(`/v1/calls/${F.calls.openEligible}`);
    assert.equal(status, 200);
    assert.equal(body.status, 'open');
    assert.equal(body.coverage, 'national');
    assert.equal(body.instrument, 'grant');
    const types = new Set(body.form.sections.flatMap((s) => s.fields.map((f) => f.type)));
    for (const type of [
      'text',
      'long_text',
      'number',
      'money',
      'date',
      'choice',
      'multi_choice',
      'region',
      'budget_table',
      'beneficiaries',
      'attachment',
    ])
      assert.ok(types.has(type as never), type);
    assert.deepEqual(
      body.requiredDocuments.map((d) => [d.id, d.requirement, d.mediaTypes[0]]),
      [
        ['statutes', 'mandatory', 'application/pdf'],
        ['budget', 'mandatory', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
      ],
    );
    assert.equal(
      body.criteria.reduce((sum, c) => sum + c.weight, 0),
      100,
    );
    assert.ok((body.dates.closes?.at ?? '') > new Date().toISOString());
  });

  test('deadlines are at 23:59 in Casablanca, Ramadan or not', async () => {
    const page = await search('');
    const format = new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Africa/Casablanca',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    const deadlines = page.items.flatMap((c) => (c.dates.closes ? [c.dates.closes.at] : []));
    assert.ok(deadlines.length > 30);
    for (const at of deadlines) assert.equal(format.format(new Date(at)), '23:59', at);
    const tomorrow = page.items.find((c) => c.id === F.calls.closingTomorrow);
    assert.equal(casablancaDaysUntil(tomorrow?.dates.closes?.at ?? '', new Date()), 1);
  });

  test('an awarded call has stats from its applications and awards; an unknown call is 404', async () => {
    const awarded = (await search('status=awarded')).items[0];
    const { body } = await get<Call>(`/v1/calls/${awarded?.id}`);
    assert.ok(body.stats.applications >= body.stats.awarded);
    assert.ok(body.stats.awarded > 0);
    assert.ok(toMinorUnits(body.stats.amountAwarded) > 0n);
    const missing = await get<{ code: string }>(`/v1/calls/${F.missing.call}`);
    assert.equal(missing.status, 404);
    assert.equal(missing.body.code, 'not_found');
  });
});

describe('calls.checkEligibility', () => {
  const eligibilityPath = (associationId: string, callId: string = F.calls.openEligible) =>
    `/v1/calls/${callId}/eligibility?associationId=${associationId}`;

  test('the represented association is eligible for the open call, the member-only one is too young', async () => {
    const { email, password } = DEMO_ACCOUNTS.member;
    const token = await signInAs(server.url, email, password);
    const ok = await get<EligibilityResult>(eligibilityPath(F.associations.represented), token);
    assert.equal(ok.status, 200);
    assert.deepEqual(ok.body, { eligible: true, reasons: [] });
    const young = await get<EligibilityResult>(eligibilityPath(F.associations.memberOnly), token);
    assert.equal(young.status, 200);
    assert.equal(young.body.eligible, false);
    const reason = young.body.reasons.find((r) => r.code === 'too_young');
    assert.equal(reason?.params.minimumYears, 2);
  });

  test('an admin may check any association; others get 403, anonymous 401, unknown ids 404', async () => {
    const admin = await signInAs(server.url, DEMO_ACCOUNTS.admin.email, DEMO_ACCOUNTS.admin.password);
    const checked = await get<EligibilityResult>(eligibilityPath(F.associations.memberOnly), admin);
    assert.equal(checked.status, 200);
    const rep = await signInAs(
      server.url,
      DEMO_ACCOUNTS.representative.email,
      DEMO_ACCOUNTS.representative.password,
    );
    const other = await get<{ code: string }>(eligibilityPath(F.associations.memberOnly), rep);
    assert.equal(other.status, 403);
    assert.equal(other.body.code, 'forbidden');
    const citizen = await signInAs(server.url, DEMO_ACCOUNTS.citizen.email, DEMO_ACCOUNTS.citizen.password);
    const notMember = await get<{ code: string }>(eligibilityPath(F.associations.represented), citizen);
    assert.equal(notMember.status, 403);
    const anonymous = await get<{ code: string }>(eligibilityPath(F.associations.represented));
    assert.equal(anonymous.status, 401);
    assert.equal((await get(eligibilityPath(F.associations.represented, F.missing.call), admin)).status, 404);
    assert.equal((await get(eligibilityPath(F.missing.association), admin)).status, 404);
    assert.equal((await get(`/v1/calls/${F.calls.openEligible}/eligibility`, admin)).status, 422);
  });
});

describe('awards', () => {
  test('awards.search filters, facets and pages', async () => {
    const all = await get<PageOf<Award>>('/v1/awards?limit=100');
    assert.equal(all.status, 200);
    assert.ok((all.body.total ?? 0) > 10);
    for (const name of ['region', 'domain', 'funderLevel', 'fiscalYear'])
      assert.ok(all.body.facets?.[name]?.length);
    const region = all.body.facets?.region?.[0]?.value ?? 'MA-01';
    const inRegion = await get<PageOf<Award>>(`/v1/awards?limit=100&region=${region}`);
    assert.equal(inRegion.body.total, facet(all.body, 'region', region));
    assert.ok(inRegion.body.items.every((a) => a.region === region));
    assert.deepEqual(inRegion.body.facets?.region, all.body.facets?.region);
    const year = all.body.facets?.fiscalYear?.[0]?.value;
    const byYear = await get<PageOf<Award>>(`/v1/awards?limit=100&fiscalYear=${year}&funderLevel=national`);
    assert.ok(byYear.body.items.every((a) => String(a.fiscalYear) === year && a.funder.level === 'national'));
    const domain = await get<PageOf<Award>>('/v1/awards?limit=100&domain=rural-development');
    assert.ok(domain.body.items.every((a) => a.domains.includes('rural-development')));
    const first = all.body.items[0];
    const byAssociation = await get<PageOf<Award>>(`/v1/awards?associationId=${first?.associationId}`);
    assert.ok(byAssociation.body.items.every((a) => a.associationId === first?.associationId));
    const words = encodeURIComponent(first?.associationName.fr?.split(' ').slice(0, 3).join(' ') ?? '');
    const byName = await get<PageOf<Award>>(`/v1/awards?limit=100&q=${words}`);
    assert.ok(byName.body.items.some((a) => a.id === first?.id));
    const paged: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: PageOf<Award> } = await get<PageOf<Award>>(
        `/v1/awards?limit=25${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      );
      paged.push(...page.body.items.map((a) => a.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    assert.deepEqual(
      paged,
      all.body.items.map((a) => a.id),
    );
    assert.equal((await get('/v1/awards?bogus=1')).status, 422);
  });

  test('calls.awards lists the awards of one call within its min and max award', async () => {
    const awarded = (await search('status=awarded')).items;
    let checked = 0;
    for (const call of awarded.slice(0, 5)) {
      const page = await get<PageOf<Award>>(`/v1/calls/${call.id}/awards`);
      assert.equal(page.status, 200);
      for (const award of page.body.items) {
        assert.equal(award.callId, call.id);
        const amount = toMinorUnits(award.amount);
        assert.ok(call.budget.minAward && amount >= toMinorUnits(call.budget.minAward));
        assert.ok(call.budget.maxAward && amount <= toMinorUnits(call.budget.maxAward));
        checked++;
      }
    }
    assert.ok(checked > 0);
    assert.equal((await get(`/v1/calls/${F.missing.call}/awards`)).status, 404);
  });
});
