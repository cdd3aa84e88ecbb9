import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  type Account,
  type Call,
  type Organisation,
  type Problem,
  SECTORS,
  type StaffMember,
} from '@nassij/contract';
import { send } from '../../bench/kit.js';
import { DEMO_ACCOUNTS } from '../../seed/demo.js';
import { demoFixtures as F } from '../../seed/fixtures.js';
import { signInAs, tempServer } from '../../testing.js';
import { organisationsArea } from './index.js';
import { nameSortOf } from './organisation.js';
import { ensureSectorOrganisations, organisationOfSector, readOrganisation } from './store.js';

type Server = Awaited<ReturnType<typeof tempServer>>;
interface OrganisationPage {
  items: Organisation[];
  nextCursor: string | null;
  total: number;
}

/** Every page of a list, following `nextCursor` from the first. */
async function allPages(server: Server, query: string): Promise<{ items: Organisation[]; pages: number }> {
  const items: Organisation[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const path: string = `/v1/organisations?${query}${cursor ? `&cursor=${cursor}` : ''}`;
    const answer = await send(server.url, 'GET', path);
    assert.equal(answer.status, 200, answer.text);
    const page = answer.json as OrganisationPage;
    items.push(...page.items);
    cursor = page.nextCursor;
    pages += 1;
  } while (cursor !== null && pages <= SECTORS.length);
  return { items, pages };
}

describe('organisations on the demo seed', () => {
  let server: Server;

  before(async () => {
    server = await tempServer({ rateLimit: false });
  });
  after(() => server.stop());

  test('every sector of the reference data is an organisation, listed in name order', async () => {
    const answer = await send(server.url, 'GET', '/v1/organisations?limit=100');
    assert.equal(answer.status, 200, answer.text);
    const page = answer.json as OrganisationPage;
    assert.equal(page.total, SECTORS.length);
    assert.equal(page.nextCursor, null);
    assert.deepEqual(page.items.map((o) => o.sectorCode).sort(), SECTORS.map((s) => s.code).sort());
    const keys = page.items.map((o) => `${nameSortOf(o.name)}\u0000${o.id}`);
    assert.deepEqual(
      keys,
      [...keys].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)),
      'by French name',
    );
  });

  test('the cursor walks the whole list once, page by page', async () => {
    const whole = (await send(server.url, 'GET', '/v1/organisations?limit=100')).json as OrganisationPage;
    const walked = await allPages(server, 'limit=4');
    assert.equal(walked.pages, Math.ceil(SECTORS.length / 4));
    assert.deepEqual(
      walked.items.map((o) => o.id),
      whole.items.map((o) => o.id),
    );
  });

  test('level and region filters, each repeatable, with the total under them', async () => {
    const regional = (await send(server.url, 'GET', '/v1/organisations?level=regional&limit=100'))
      .json as OrganisationPage;
    assert.ok(regional.items.length > 1);
    assert.ok(regional.items.every((o) => o.level === 'regional' && o.region !== undefined));
    assert.ok(regional.items.some((o) => o.id === F.organisations.regionalCouncil));
    assert.equal(regional.total, SECTORS.filter((s) => s.level === 'regional').length);

    const twoLevels = await allPages(server, 'level=national&level=regional&limit=3');
    assert.deepEqual(
      new Set(twoLevels.items.map((o) => o.level)),
      new Set(['national', 'regional']),
      'both levels, walked with the cursor',
    );
    assert.equal(
      twoLevels.items.length,
      SECTORS.filter((s) => s.level === 'national' || s.level === 'regional').length,
    );

    const souss = (await send(server.url, 'GET', '/v1/organisations?region=MA-09')).json as OrganisationPage;
    assert.ok(souss.items.length > 0);
    assert.ok(souss.items.every((o) => o.region === 'MA-09'));
    assert.ok(souss.items.some((o) => o.id === F.organisations.regionalCouncil));
    assert.ok(!souss.items.some((o) => o.id === F.organisations.ministry), 'national bodies have no region');

    const none = (await send(server.url, 'GET', '/v1/organisations?level=national&region=MA-09'))
      .json as OrganisationPage;
    assert.deepEqual({ items: none.items, total: none.total }, { items: [], total: 0 });
  });

  test('a bad filter or a damaged cursor is a 422 naming it', async () => {
    const level = await send(server.url, 'GET', '/v1/organisations?level=galactic');
    assert.equal(level.status, 422, level.text);
    assert.equal((level.json as Problem).code, 'validation_failed');
    const cursor = await send(server.url, 'GET', '/v1/organisations?cursor=bm90LWEtY3Vyc29y');
    assert.equal(cursor.status, 422, cursor.text);
    assert.ok((cursor.json as Problem).errors?.some((e) => e.path === '/cursor'));
  });

  test('one organisation with its level and region; 404 for an unknown one', async () => {
    const council = await send(server.url, 'GET', `/v1/organisations/${F.organisations.regionalCouncil}`);
    assert.equal(council.status, 200, council.text);
    const { name, ...rest } = council.json as Organisation;
    assert.deepEqual(rest, {
      id: F.organisations.regionalCouncil,
      sectorCode: 'region-souss-massa',
      kind: 'regional_council',
      level: 'regional',
      region: 'MA-09',
    });
    assert.ok(name.ar && name.fr, 'named in Arabic and French');

    const ministry = (await send(server.url, 'GET', `/v1/organisations/${F.organisations.ministry}`))
      .json as Organisation;
    assert.equal(ministry.level, 'national');
    assert.equal(ministry.region, undefined);

    const missing = await send(server.url, 'GET', `/v1/organisations/${F.missing.organisation}`);
    assert.equal(missing.status, 404, missing.text);
    assert.equal((missing.json as Problem).code, 'not_found');
  });

  test('the demo ministry runs the open demo call', async () => {
    const call = (await send(server.url, 'GET', `/v1/calls/${F.calls.openEligible}`)).json as Call;
    assert.equal(
      (await organisationOfSector(server.db, call.funder.sectorCode))?.id,
      F.organisations.ministry,
    );
    assert.equal(await organisationOfSector(server.db, 'no-such-sector'), undefined);
    assert.equal(
      (await readOrganisation(server.db, F.organisations.ministry))?.sectorCode,
      call.funder.sectorCode,
    );
  });

  test('every demo account exists once; staff accounts show their organisation, others none', async () => {
    const ids = (await server.db.all<{ id: string }>('SELECT id FROM accounts ORDER BY id')).map((r) => r.id);
    assert.deepEqual(
      ids,
      Object.values(DEMO_ACCOUNTS)
        .map((account) => account.id)
        .sort(),
    );
    assert.equal(ids.length, Object.keys(DEMO_ACCOUNTS).length);

    const staff = [
      [DEMO_ACCOUNTS.ministryAdmin, F.organisations.ministry, 'organisation_admin'],
      [DEMO_ACCOUNTS.ministryCallManager, F.organisations.ministry, 'call_manager'],
      [DEMO_ACCOUNTS.ministryReviewer, F.organisations.ministry, 'reviewer'],
      [DEMO_ACCOUNTS.regionAdmin, F.organisations.regionalCouncil, 'organisation_admin'],
      [DEMO_ACCOUNTS.regionCallManager, F.organisations.regionalCouncil, 'call_manager'],
      [DEMO_ACCOUNTS.regionReviewer, F.organisations.regionalCouncil, 'reviewer'],
    ] as const;
    for (const [account, organisationId, role] of staff) {
      const token = await signInAs(server.url, account.email, account.password);
      const me = await send(server.url, 'GET', '/v1/auth/me', { token });
      assert.equal(me.status, 200, me.text);
      const body = me.json as Account;
      assert.equal(body.id, account.id);
      assert.equal(body.organisationId, organisationId, account.email);
      assert.deepEqual(body.roles, [role]);
    }

    // The independent reviewer and the association side belong to no organisation.
    for (const account of [DEMO_ACCOUNTS.reviewer, DEMO_ACCOUNTS.representative]) {
      const signIn = await send(server.url, 'POST', '/v1/auth/token', {
        json: { email: account.email, password: account.password },
      });
      assert.equal(signIn.status, 201, signIn.text);
      assert.ok(!('organisationId' in (signIn.json as { account: Account }).account), account.email);
    }
  });
});

describe('organisations on a database without demo data', () => {
  let server: Server;

  before(async () => {
    server = await tempServer({ areas: [organisationsArea], seed: 'none' });
  });
  after(() => server.stop());

  test('exist without the demo seed, and prepare creates only the missing ones, once', async () => {
    const count = async () =>
      (await server.db.one<{ n: number }>('SELECT COUNT(*) AS n FROM organisations'))?.n;
    assert.equal(await count(), SECTORS.length);
    assert.equal(await ensureSectorOrganisations(server.db), 0, 'nothing to do');

    // As if the reference data had gained sectors since the migration: two processes starting together.
    await server.db.write('DELETE FROM organisations WHERE id IN (?, ?)', [
      F.organisations.ministry,
      F.organisations.regionalCouncil,
    ]);
    const created = await Promise.all([
      ensureSectorOrganisations(server.db),
      ensureSectorOrganisations(server.db),
    ]);
    assert.equal(created[0] + created[1], 2);
    assert.equal(await count(), SECTORS.length);
    assert.equal((await readOrganisation(server.db, F.organisations.regionalCouncil))?.region, 'MA-09');
  });
});

describe('the staff list of an organisation', () => {
  let server: Server;
  let token: string;
  interface StaffPage {
    items: StaffMember[];
    nextCursor: string | null;
  }

  // Made-up accounts on top of the demo ones: independent reviewers (two whose names share their first 60
  // characters, so that the id orders them), a citizen who must never show, a reviewer of another
  // organisation, and a second call manager of the ministry.
  const SHARED = `${'Expert indépendant en gouvernance associative et finances '.padEnd(60, 'x')}`;
  const ADDED = [
    { id: 'acc_test_staff_a', name: 'Aicha Test Reviewer', roles: ['reviewer'], organisationId: null },
    { id: 'acc_test_staff_c', name: `${SHARED} B`, roles: ['reviewer'], organisationId: null },
    { id: 'acc_test_staff_b', name: `${SHARED} A`, roles: ['reviewer'], organisationId: null },
    {
      id: 'acc_test_staff_d',
      name: 'مراجع مستقل للاختبار',
      roles: ['citizen', 'reviewer'],
      organisationId: null,
    },
    { id: 'acc_test_staff_e', name: 'Citoyen Test', roles: ['citizen'], organisationId: null },
    {
      id: 'acc_test_staff_f',
      name: 'Relecteur Conseil Test',
      roles: ['reviewer'],
      organisationId: F.organisations.regionalCouncil,
    },
    {
      id: 'acc_test_staff_g',
      name: 'Gestionnaire Test',
      roles: ['call_manager'],
      organisationId: F.organisations.ministry,
    },
  ] as const;

  before(async () => {
    server = await tempServer({ rateLimit: false });
    for (const account of ADDED)
      await server.db.write(
        `INSERT INTO accounts (id, email, display_name, password_hash, roles, locale, created_at, organisation_id)
         VALUES (?, ?, ?, 'x', ?, NULL, ?, ?)`,
        [
          account.id,
          `${account.id}@test.nassij.ma`,
          account.name,
          JSON.stringify(account.roles),
          new Date().toISOString(),
          account.organisationId,
        ],
      );
    const admin = DEMO_ACCOUNTS.ministryAdmin;
    token = await signInAs(server.url, admin.email, admin.password);
  });
  after(() => server.stop());

  /** What the list must hold, from every account, in its order (name cut to 60 characters, then id). */
  async function expected(role?: 'reviewer' | 'call_manager'): Promise<string[]> {
    const rows = await server.db.all<{
      id: string;
      display_name: string;
      roles: string;
      organisation_id: string | null;
    }>('SELECT id, display_name, roles, organisation_id FROM accounts');
    return rows
      .filter((row) => {
        const roles = JSON.parse(row.roles) as string[];
        if (role === 'reviewer')
          return (
            roles.includes('reviewer') &&
            (row.organisation_id === F.organisations.ministry || row.organisation_id === null)
          );
        return row.organisation_id === F.organisations.ministry && (!role || roles.includes(role));
      })
      .map((row) => [row.display_name.slice(0, 60), row.id] as const)
      .sort(([a, x], [b, y]) => (a < b ? -1 : a > b ? 1 : x < y ? -1 : x > y ? 1 : 0))
      .map(([, id]) => id);
  }

  /** Every page of the list with a small limit, following `nextCursor` to the end. */
  async function walk(query: string): Promise<{ ids: string[]; pages: StaffPage[] }> {
    const pages: StaffPage[] = [];
    let cursor: string | null = null;
    do {
      const path: string = `/v1/organisations/${F.organisations.ministry}/staff?${query}${cursor ? `&cursor=${cursor}` : ''}`;
      const answer = await send(server.url, 'GET', path, { token });
      assert.equal(answer.status, 200, answer.text);
      const page = answer.json as StaffPage;
      pages.push(page);
      cursor = page.nextCursor;
    } while (cursor !== null && pages.length <= 50);
    return { ids: pages.flatMap((page) => page.items.map((item) => item.accountId)), pages };
  }

  test('the reviewer pool pages by name: the organisation’s reviewers and the independent ones, once each', async () => {
    const want = await expected('reviewer');
    assert.ok(want.includes(DEMO_ACCOUNTS.reviewer.id), 'the demo independent reviewer');
    assert.ok(want.includes(DEMO_ACCOUNTS.ministryReviewer.id), 'the ministry’s own reviewer');
    const { ids, pages } = await walk('role=reviewer&limit=2');
    assert.deepEqual(ids, want, 'in order, no repeat, no gap');
    assert.equal(new Set(ids).size, ids.length);
    assert.ok(pages.length > 2, 'several pages');
    assert.ok(pages.slice(0, -1).every((page) => page.items.length === 2 && page.nextCursor !== null));
    assert.equal(pages.at(-1)?.nextCursor, null);
    assert.ok(pages.at(-1)?.items.length, 'never a cursor to an empty page');
    // Names that share their first 60 characters fall to the id.
    assert.ok(ids.indexOf('acc_test_staff_b') < ids.indexOf('acc_test_staff_c'));
    assert.ok(!ids.includes('acc_test_staff_e'), 'a citizen is no reviewer');
    assert.ok(!ids.includes('acc_test_staff_f'), 'another organisation’s reviewer');

    const independent = pages
      .flatMap((page) => page.items)
      .find((person) => person.accountId === 'acc_test_staff_d');
    assert.deepEqual(independent, {
      accountId: 'acc_test_staff_d',
      displayName: 'مراجع مستقل للاختبار',
      roles: ['citizen', 'reviewer'],
    });
  });

  test('without a role, the organisation’s own staff; with one, those holding it', async () => {
    const all = await walk('limit=3');
    assert.deepEqual(all.ids, await expected());
    assert.ok(all.ids.includes(DEMO_ACCOUNTS.ministryAdmin.id));
    assert.ok(!all.ids.includes(DEMO_ACCOUNTS.reviewer.id), 'independent reviewers only with role=reviewer');
    assert.ok(
      all.pages
        .flatMap((page) => page.items)
        .every((person) => person.organisationId === F.organisations.ministry),
    );
    const managers = await walk('role=call_manager&limit=1');
    assert.deepEqual(managers.ids, await expected('call_manager'));
    assert.ok(managers.ids.includes('acc_test_staff_g') && managers.ids.length >= 2);
  });

  test('a damaged cursor is a 422 naming it; another organisation’s staff are refused', async () => {
    const damaged = await send(
      server.url,
      'GET',
      `/v1/organisations/${F.organisations.ministry}/staff?cursor=bm90LWEtY3Vyc29y`,
      { token },
    );
    assert.equal(damaged.status, 422, damaged.text);
    assert.ok((damaged.json as Problem).errors?.some((e) => e.path === '/cursor'));
    const other = await send(
      server.url,
      'GET',
      `/v1/organisations/${F.organisations.regionalCouncil}/staff`,
      {
        token,
      },
    );
    assert.equal(other.status, 403, other.text);
  });
});
