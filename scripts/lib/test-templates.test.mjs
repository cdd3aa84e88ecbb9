// @ts-check
// The names of a run's seeded templates and their removal (the folders; the PostgreSQL side is covered by
// packages/server/src/test-templates.test.ts in that pass).
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { isTemplateOf, newTemplateRun, removeTemplates, STALE_AFTER_MS } from './test-templates.mjs';

const KEY = '0123456789abcdef';

test('a run id carries its start time and differs from the next', () => {
  const now = Date.parse('2026-12-05T11:00:00Z');
  const run = newTemplateRun(now);
  assert.match(run, /^[0-9a-z]+_[0-9a-f]{4}$/);
  assert.equal(parseInt(run.split('_')[0] ?? '', 36), now);
  const others = new Set(Array.from({ length: 20 }, () => newTemplateRun(now)));
  assert.ok(others.size > 1, 'random digits tell apart runs started in the same millisecond');
});

test("a run's templates are its own; without a run, only those of runs older than a day", () => {
  const now = Date.parse('2026-12-05T11:00:00Z');
  const fresh = newTemplateRun(now - 3_600_000);
  const stale = newTemplateRun(now - STALE_AFTER_MS - 1);
  assert.equal(isTemplateOf(`nassij_tpl_${fresh}_${KEY}`, fresh, now), true);
  assert.equal(isTemplateOf(`nassij-tpl-${fresh}`, fresh, now), true);
  assert.equal(isTemplateOf(`nassij_tpl_${stale}_${KEY}`, fresh, now), false, "another run's");
  assert.equal(isTemplateOf(`nassij_tpl_${fresh}_${KEY}`, undefined, now), false, 'a run under way');
  assert.equal(isTemplateOf(`nassij-tpl-${fresh}`, undefined, now), false);
  assert.equal(isTemplateOf(`nassij_tpl_${stale}_${KEY}`, undefined, now), true);
  assert.equal(isTemplateOf(`nassij-tpl-${stale}`, undefined, now), true);
  // Test databases and anything else are never templates.
  assert.equal(isTemplateOf('nassij_t_0123456789abcdef', undefined, now), false);
  assert.equal(isTemplateOf(`nassij_tpl_${stale}`, undefined, now), false);
  assert.equal(isTemplateOf('postgres', undefined, now), false);
});

test("removing a run's templates takes its folder; removing stale ones leaves a run under way", async () => {
  const mine = newTemplateRun();
  const running = newTemplateRun();
  // A run killed two days ago: its leftovers go. (A real run under way on this machine is younger than a day.)
  const killed = newTemplateRun(Date.now() - 2 * STALE_AFTER_MS);
  for (const run of [mine, running, killed]) {
    mkdirSync(join(tmpdir(), `nassij-tpl-${run}`, KEY), { recursive: true });
    writeFileSync(join(tmpdir(), `nassij-tpl-${run}`, KEY, 'nassij.sqlite'), '');
  }
  try {
    assert.equal(await removeTemplates({ run: mine }), 1);
    assert.equal(existsSync(join(tmpdir(), `nassij-tpl-${mine}`)), false);
    assert.equal(existsSync(join(tmpdir(), `nassij-tpl-${running}`, KEY)), true);
    assert.ok((await removeTemplates({})) >= 1);
    assert.equal(existsSync(join(tmpdir(), `nassij-tpl-${killed}`)), false);
    assert.equal(existsSync(join(tmpdir(), `nassij-tpl-${running}`, KEY)), true);
  } finally {
    for (const run of [mine, running, killed]) await removeTemplates({ run });
  }
});
