import assert from 'node:assert/strict';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { migrate } from '../../db/migrate.js';
import { CORE_MIGRATIONS } from '../../db/migrations/index.js';
import { openDatabase } from '../../db/open.js';
import { removeTestData, testDatabaseOptions } from '../../testing.js';
import { awardReportScansMigration, awardReportsMigration } from './migrations.js';

const insertReport = (requirementId: string, fileSha256: string | null) =>
  [
    `INSERT INTO award_reports (award_id, requirement_id, call_id, association_id, status, updated_at, submission, file_sha256)
     VALUES (?, ?, ?, ?, 'submitted', ?, ?, ?)`,
    [
      'awd_migration',
      requirementId,
      'call_migration',
      'asso_migration',
      '2026-06-01T00:00:00Z',
      '{"at":"2026-06-01T00:00:00Z","summary":"Bilan"}',
      fileSha256,
    ],
  ] as const;

test('031_award_report_scans: files stored before it wait for a scan; reports without one have no state', async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'nassij-award-reports-migration-'));
  const { database } = await testDatabaseOptions(dataDir);
  const db = await openDatabase(database, { dataDir });
  try {
    await migrate(db, [...CORE_MIGRATIONS, awardReportsMigration]);
    await db.write(...insertReport('with_file', `sha256:${'a'.repeat(64)}`));
    await db.write(...insertReport('without_file', null));
    await migrate(db, [...CORE_MIGRATIONS, awardReportsMigration, awardReportScansMigration]);

    const states = await db.all<{ requirement_id: string; file_scan_state: string | null }>(
      'SELECT requirement_id, file_scan_state FROM award_reports ORDER BY requirement_id',
    );
    assert.deepEqual(states, [
      { requirement_id: 'with_file', file_scan_state: 'pending' },
      { requirement_id: 'without_file', file_scan_state: null },
    ]);
    await assert.rejects(
      db.write("UPDATE award_reports SET file_scan_state = 'maybe' WHERE requirement_id = ?", ['with_file']),
      'a state outside the four is refused',
    );
  } finally {
    await db.close();
    await removeTestData(dataDir);
  }
});
