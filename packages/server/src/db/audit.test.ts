import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { planOf } from '../test-support/query-plan.js';
import { tempServer } from '../testing.js';
import { audit, readAudit, readCallAuditBatch } from './audit.js';
import type { Db, SqlValue } from './db.js';

let server: Awaited<ReturnType<typeof tempServer>>;

before(async () => {
  // The core tables only: the audit log works without any area.
  server = await tempServer({ areas: [], seed: 'none' });
});
after(() => server.stop());

/** The statements `run` sends through `db.all`, so that a test can ask the database how it runs them. */
async function statementsOf(db: Db, run: (spy: Db) => Promise<unknown>) {
  const seen: { sql: string; params: readonly SqlValue[] }[] = [];
  const spy = Object.create(db) as Db;
  spy.all = ((sql: string, params: readonly SqlValue[] = []) => {
    seen.push({ sql, params });
    return db.all(sql, params);
  }) as Db['all'];
  await run(spy);
  return seen;
}

/** Whether a plan reads `index` and sorts nothing itself. */
function assertOrderedBy(plan: string, index: string): void {
  assert.match(plan, new RegExp(index), plan);
  assert.doesNotMatch(plan, /TEMP B-TREE|Sort\b/, plan);
}

test('a line names the call it concerns: its target, else the callId of its details', async () => {
  const at = new Date('2026-01-05T10:00:00.000Z');
  const base = { at, accountId: null, action: 'call.amend' as const };
  await audit(server.db, { ...base, targetType: 'call', targetId: 'call_test_target' });
  await audit(server.db, {
    ...base,
    targetType: 'award_report',
    targetId: 'rep_test_a',
    details: { callId: 'call_test_named', before: { callId: 'call_test_nested' } },
  });
  await audit(server.db, { ...base, targetType: 'award', targetId: 'awd_test_a', details: { callId: 7 } });
  await audit(server.db, { ...base, targetType: 'account', targetId: 'acc_test_a' });
  const ids = async (callId: string) =>
    (await readCallAuditBatch(server.db, callId, undefined, 10)).map((line) => line.targetId);
  assert.deepEqual(await ids('call_test_target'), ['call_test_target']);
  assert.deepEqual(await ids('call_test_named'), ['rep_test_a']);
  assert.deepEqual(await ids('call_test_nested'), [], 'only the details’ own callId names the call');
  assert.deepEqual(await ids('7'), [], 'a callId that is not text names no call');
});

test('a call’s trail reads oldest first in batches, ties in writing order, without repeat or gap', async () => {
  const callId = 'call_test_batches';
  const instants = ['2026-02-01T09:00:00.000Z', '2026-02-01T08:00:00.000Z', '2026-02-01T08:00:00.000Z'];
  for (const [index, at] of [...instants, '2026-02-02T00:00:00.000Z', '2026-01-31T00:00:00.000Z'].entries())
    await audit(server.db, {
      at: new Date(at),
      accountId: null,
      action: 'application.review',
      targetType: 'application',
      targetId: `app_test_${index}`,
      details: { callId },
    });
  const whole = await readCallAuditBatch(server.db, callId, undefined, 100);
  assert.deepEqual(
    whole.map((line) => line.targetId),
    ['app_test_4', 'app_test_1', 'app_test_2', 'app_test_0', 'app_test_3'],
  );
  const seen: string[] = [];
  let last: (typeof whole)[number] | undefined;
  for (;;) {
    const batch = await readCallAuditBatch(server.db, callId, last, 2);
    if (batch.length === 0) break;
    assert.ok(batch.length <= 2);
    seen.push(...batch.map((line) => line.id));
    last = batch.at(-1);
  }
  assert.deepEqual(
    seen,
    whole.map((line) => line.id),
  );
});

test('a call’s trail and a target type alone are read in order from an index, never sorted', async () => {
  const trail = await statementsOf(server.db, (spy) =>
    readCallAuditBatch(spy, 'call_test_plan', { at: '2026-01-01T00:00:00.000Z', seq: 1 }, 500),
  );
  assert.equal(trail.length, 1);
  const [read] = trail as [(typeof trail)[number]];
  assertOrderedBy(await planOf(server.db, read.sql, read.params), 'audit_log_by_call');

  const typed = await statementsOf(server.db, (spy) => readAudit(spy, { targetType: 'contribution' }));
  const [list] = typed as [(typeof typed)[number]];
  assertOrderedBy(await planOf(server.db, list.sql, list.params), 'audit_log_by_target_type');
});
