import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { ApplicationSummary, PageOf } from '@nassij/contract';
import { DEMO_ACCOUNTS } from '../../seed/demo.js';
import { signInAs, tempServer } from '../../testing.js';
import { applicationKeysetsMigration } from './migrations.js';
import { nextReceiptNumber } from './store.js';

// The two application lists page by keyset (`updated` for an association's own, `submitted` for the
// reviewers of a call) and count in SQL. Paging with small limits must give exactly the one big page.

type Server = Awaited<ReturnType<typeof tempServer>>;
let server: Server;
const tokens: Partial<Record<'reviewer' | 'representative', string>> = {};

before(async () => {
  server = await tempServer({ rateLimit: false });
  for (const key of ['reviewer', 'representative'] as const)
    tokens[key] = await signInAs(server.url, DEMO_ACCOUNTS[key].email, DEMO_ACCOUNTS[key].password);
});
after(async () => {
  await server.stop();
});

async function get<T>(path: string, token: string | undefined): Promise<{ status: number; body: T }> {
  const response = await fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
  return { status: response.status, body: (await response.json()) as T };
}

/** Every item of a list through pages of `limit`, following `nextCursor`. */
async function pages(path: string, limit: number, token: string | undefined) {
  const items: ApplicationSummary[] = [];
  const totals = new Set<number>();
  let cursor: string | null = null;
  for (let n = 0; n < 200; n++) {
    const separator = path.includes('?') ? '&' : '?';
    const { status, body }: { status: number; body: PageOf<ApplicationSummary> } = await get<
      PageOf<ApplicationSummary>
    >(`${path}${separator}limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, token);
    assert.equal(status, 200, JSON.stringify(body));
    assert.ok(body.items.length <= limit);
    items.push(...body.items);
    totals.add(body.total ?? -1);
    cursor = body.nextCursor;
    if (!cursor) break;
  }
  assert.equal(totals.size, 1, 'the total is the same on every page');
  return { items, total: [...totals][0] };
}

describe('application lists by keyset', () => {
  test('reviewers page through a call’s submitted applications in submission order', async () => {
    const busiest = await server.db.one<{ call_id: string; n: number }>(
      `SELECT call_id, COUNT(*) AS n FROM applications WHERE submitted_at IS NOT NULL
         AND status NOT IN ('draft', 'withdrawn') GROUP BY call_id ORDER BY COUNT(*) DESC, call_id LIMIT 1`,
    );
    assert.ok(busiest && Number(busiest.n) >= 3, 'a demo call has several submitted applications');
    const path = `/v1/calls/${busiest.call_id}/applications`;
    const whole = await get<PageOf<ApplicationSummary>>(`${path}?limit=100`, tokens.reviewer);
    assert.equal(whole.status, 200);
    assert.equal(whole.body.items.length, Number(busiest.n));
    assert.equal(whole.body.total, Number(busiest.n));
    const order = whole.body.items.map((a) => `${a.submittedAt}|${a.id}`);
    assert.deepEqual(order, [...order].sort(), 'first submitted first, then by id');
    // The status facet counts every listed application once.
    assert.equal(
      whole.body.facets?.status?.reduce((sum, f) => sum + f.count, 0),
      whole.body.total,
    );
    assert.ok(whole.body.items.every((a) => typeof a.reviewCount === 'number'));
    for (const limit of [1, 2]) {
      const paged = await pages(path, limit, tokens.reviewer);
      assert.deepEqual(
        paged.items.map((a) => a.id),
        whole.body.items.map((a) => a.id),
      );
      assert.equal(paged.total, whole.body.total);
    }
    // A cursor of the other list is refused.
    const mine = await get<PageOf<ApplicationSummary>>('/v1/applications?limit=1', tokens.representative);
    if (mine.body.nextCursor) {
      const foreign = await get<{ errors: { path: string }[] }>(
        `${path}?cursor=${encodeURIComponent(mine.body.nextCursor)}`,
        tokens.reviewer,
      );
      assert.equal(foreign.status, 422);
      assert.equal(foreign.body.errors[0]?.path, '/cursor');
    }
  });

  test('members page through their associations’ applications, most recently changed first', async () => {
    const whole = await get<PageOf<ApplicationSummary>>('/v1/applications?limit=100', tokens.representative);
    assert.equal(whole.status, 200);
    assert.ok(whole.body.items.length >= 2, 'the representative’s association has applications');
    assert.equal(whole.body.total, whole.body.items.length);
    const paged = await pages('/v1/applications', 1, tokens.representative);
    assert.deepEqual(
      paged.items.map((a) => a.id),
      whole.body.items.map((a) => a.id),
    );
    // Most recently changed first, as stored.
    const updated = await server.db.all<{ id: string }>(
      `SELECT id FROM applications WHERE id IN (${whole.body.items.map(() => '?').join(', ')})
       ORDER BY updated_at DESC, id`,
      whole.body.items.map((a) => a.id),
    );
    assert.deepEqual(
      whole.body.items.map((a) => a.id),
      updated.map((row) => row.id),
    );
  });

  test('the next receipt number follows the year’s highest, from the indexed column', async () => {
    const highest = await server.db.one<{ n: string | null }>(
      "SELECT MAX(receipt_number) AS n FROM applications WHERE receipt_number LIKE 'RC-%'",
    );
    assert.ok(highest?.n, 'the demo has submitted applications with receipts');
    const year = highest.n.slice(3, 7);
    const next = await nextReceiptNumber(server.db, year);
    assert.equal(next, `RC-${year}-${String(Number(highest.n.slice(8)) + 1).padStart(6, '0')}`);
    assert.equal(await nextReceiptNumber(server.db, '1999'), 'RC-1999-000001');
  });

  test('the migration fills receipt numbers from the receipts stored before it', async () => {
    const before = await server.db.all<{ id: string; receipt_number: string | null }>(
      'SELECT id, receipt_number FROM applications WHERE receipt_number IS NOT NULL ORDER BY id',
    );
    assert.ok(before.length > 0);
    const { sql } = applicationKeysetsMigration;
    assert.ok(typeof sql === 'object');
    const fill = sql[server.db.dialect].split('\n').find((line) => line.startsWith('UPDATE applications'));
    assert.ok(fill);
    await server.db.atomic(async () => {
      await server.db.write('UPDATE applications SET receipt_number = NULL');
      await server.db.write(fill);
    });
    const after = await server.db.all<{ id: string; receipt_number: string | null }>(
      'SELECT id, receipt_number FROM applications WHERE receipt_number IS NOT NULL ORDER BY id',
    );
    assert.deepEqual(after, before);
  });
});
