import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { AuditLogEntry } from '@nassij/contract';
import { send } from '../../bench/kit.js';
import { type AuditEntry, type AuditRecord, audit } from '../../db/audit.js';
import type { Db } from '../../db/db.js';
import { AUDIT_CALL_ID_BACKFILL } from '../../db/migrations/062_audit_call_id.js';
import { DEMO_ACCOUNTS } from '../../seed/demo.js';
import { demoFixtures as F, signInAs, tempServer } from '../../testing.js';
import { readStoredCall } from '../calls/store.js';
import { csvLine } from '../open-data/csv.js';
import { callTrailStream } from './call-trail.js';
import { toAuditLogEntry } from './entry.js';
import { auditCallIdOfApplicationsMigration } from './migrations.js';

let server: Awaited<ReturnType<typeof tempServer>>;
let adminToken: string;
let callId: string;
let otherCallId: string;
let applicationId: string;

before(async () => {
  server = await tempServer({ rateLimit: false });
  adminToken = await signInAs(server.url, DEMO_ACCOUNTS.admin.email, DEMO_ACCOUNTS.admin.password);
  applicationId = F.applications.awardedOfRepresented;
  const row = await server.db.one<{ call_id: string }>('SELECT call_id FROM applications WHERE id = ?', [
    applicationId,
  ]);
  assert.ok(row, 'the fixture application exists');
  callId = row.call_id;
  otherCallId = callId === F.calls.underReview ? F.calls.closedReceived : F.calls.underReview;
  // Every kind of line the trail covers, and lines it leaves out; two share an instant (seq decides).
  const lines: Omit<AuditEntry, 'accountId'>[] = [
    {
      at: new Date('2025-03-01T10:00:00.000Z'),
      action: 'call.amend',
      targetType: 'call',
      targetId: callId,
      reason: 'Correction',
      details: { before: { closesAt: 'a' }, after: { closesAt: 'b' } },
    },
    {
      at: new Date('2025-03-02T10:00:00.000Z'),
      action: 'application.review',
      targetType: 'application',
      targetId: applicationId,
      details: { reviewId: 'rev_test_a', callId, conflictOfInterest: false },
    },
    {
      at: new Date('2025-03-02T10:00:00.000Z'),
      action: 'application.attachFromVault',
      targetType: 'application',
      targetId: applicationId,
      details: { documentId: 'doc_test_a' },
    },
    {
      at: new Date('2025-03-03T10:00:00.000Z'),
      action: 'awardReport.submit',
      targetType: 'award_report',
      targetId: 'rep_test_a',
      details: { organisationId: 'org_test_line', callId, requirementId: 'req_test_a' },
    },
    {
      at: new Date('2025-03-04T10:00:00.000Z'),
      action: 'privacy.purge',
      targetType: 'application',
      targetId: applicationId,
      reason: 'Retention',
      details: { attachments: 2 },
    },
    {
      at: new Date('2025-03-01T11:00:00.000Z'),
      action: 'call.amend',
      targetType: 'call',
      targetId: otherCallId,
    },
    {
      at: new Date('2025-03-01T12:00:00.000Z'),
      action: 'award.disburse',
      targetType: 'award',
      targetId: 'awd_test_a',
      details: { callId: otherCallId },
    },
    {
      at: new Date('2025-03-01T13:00:00.000Z'),
      action: 'privacy.export',
      targetType: 'account',
      targetId: F.accounts.admin,
    },
  ];
  for (const line of lines)
    await audit(server.db, { ...line, accountId: F.accounts.admin, requestId: 'req_test' });
});
after(() => server.stop());

// ---- The export as it was before `call_id`: a LIKE over every line's details, the whole trail in memory.

const COLUMNS = [
  'at',
  'actor_id',
  'organisation_id',
  'action',
  'target_type',
  'target_id',
  'reason',
  'before',
  'after',
  'details',
  'request_id',
] as const;
const json = (value: unknown): string | null => (value === undefined ? null : JSON.stringify(value));

async function legacyLines(db: Db, id: string): Promise<AuditLogEntry[]> {
  const rows = await db.all<{
    seq: number;
    id: string;
    at: string;
    account_id: string | null;
    action: AuditRecord['action'];
    target_type: string | null;
    target_id: string | null;
    request_id: string | null;
    reason: string | null;
    details: string | null;
  }>(
    `SELECT seq, id, at, account_id, action, target_type, target_id, request_id, reason, details FROM audit_log
     WHERE (target_type = 'call' AND target_id = ?)
        OR (target_type = 'application' AND target_id IN (SELECT id FROM applications WHERE call_id = ?))
        OR details LIKE ? ESCAPE '\\'
     ORDER BY at DESC, seq DESC`,
    [id, id, `%"callId":"${id.replaceAll('_', '\\_')}"%`],
  );
  return rows.reverse().map((row) =>
    toAuditLogEntry({
      seq: row.seq,
      id: row.id,
      at: row.at,
      accountId: row.account_id,
      action: row.action,
      targetType: row.target_type,
      targetId: row.target_id,
      requestId: row.request_id,
      reason: row.reason,
      details: row.details ? (JSON.parse(row.details) as Record<string, unknown>) : null,
    }),
  );
}

function legacyCsv(lines: AuditLogEntry[], organisationId: string | undefined): string {
  let text = csvLine(COLUMNS, Object.fromEntries(COLUMNS.map((column) => [column, column])));
  for (const line of lines) {
    const {
      before,
      after,
      organisationId: lineOrganisation,
      ...details
    } = (line.details ?? {}) as Record<string, unknown>;
    text += csvLine(COLUMNS, {
      at: line.at,
      actor_id: line.actorId ?? null,
      organisation_id: typeof lineOrganisation === 'string' ? lineOrganisation : (organisationId ?? null),
      action: line.action,
      target_type: line.target?.type ?? null,
      target_id: line.target?.id ?? null,
      reason: line.reason ?? null,
      before: json(before),
      after: json(after),
      details: Object.keys(details).length > 0 ? JSON.stringify(details) : null,
      request_id: line.requestId ?? null,
    });
  }
  return text;
}

test('the streamed trail is byte for byte the export of before, whatever the batch size', async () => {
  const call = await readStoredCall(server.db, callId);
  assert.ok(call);
  const lines = await legacyLines(server.db, callId);
  assert.deepEqual(
    lines.map((line) => line.action),
    [
      'call.amend',
      'application.review',
      'application.attachFromVault',
      'awardReport.submit',
      'privacy.purge',
    ],
    'every kind of line of the call, ties in writing order, and none of another call',
  );
  const expectedCsv = legacyCsv(lines, call.funder.organisationId);
  const expectedJson = JSON.stringify(lines);
  // 5 is the length of the trail: a last batch that is full, then an empty one.
  for (const batch of [1, 2, 5, 500]) {
    assert.equal(
      await new Response(callTrailStream(server.db, call, 'csv', batch)).text(),
      expectedCsv,
      `csv by ${batch}`,
    );
    assert.equal(
      await new Response(callTrailStream(server.db, call, 'json', batch)).text(),
      expectedJson,
      `json by ${batch}`,
    );
  }
  for (const format of ['csv', 'json'] as const) {
    const response = await send(server.url, 'GET', `/v1/calls/${callId}/audit?format=${format}`, {
      token: adminToken,
    });
    assert.equal(response.status, 200, response.text);
    assert.equal(response.text, format === 'csv' ? expectedCsv : expectedJson);
  }
});

test('a trail with no line is a header alone, or an empty array', async () => {
  const call = await readStoredCall(server.db, F.calls.openEligible);
  assert.ok(call);
  const expectedCsv = legacyCsv(await legacyLines(server.db, call.id), call.funder.organisationId);
  assert.equal(await new Response(callTrailStream(server.db, call, 'csv', 2)).text(), expectedCsv);
  assert.equal(await new Response(callTrailStream(server.db, call, 'json', 2)).text(), '[]');
});

test('lines written before call_id existed are backfilled to the same trail', async () => {
  const call = await readStoredCall(server.db, callId);
  assert.ok(call);
  const before = await new Response(callTrailStream(server.db, call, 'json')).text();
  await server.db.write('UPDATE audit_log SET call_id = NULL');
  assert.equal(
    await new Response(callTrailStream(server.db, call, 'json')).text(),
    '[]',
    'the trail reads call_id',
  );
  await server.db.script(AUDIT_CALL_ID_BACKFILL[server.db.dialect]);
  await server.db.script(auditCallIdOfApplicationsMigration.sql as string);
  assert.equal(await new Response(callTrailStream(server.db, call, 'json')).text(), before);
});
