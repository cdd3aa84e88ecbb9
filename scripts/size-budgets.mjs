#!/usr/bin/env node
// @ts-check
// `npm run size`: checks every `{ "file": maxGzipBytes }` of size-budgets.json; each entry is one test that
// passes when the file exists and its gzip size is within budget. Counts go to NASSIJ_SIZE_SUMMARY if set.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Checks the budgets against the files under `root`.
 *
 * @example
 * checkBudgets('/repo', { 'packages/elements/dist/cdn/nassij.js': 20000 });
 * // [{ file, raw: 41230, gzip: 14872, budget: 20000, ok: true }]
 * @param {string} root
 * @param {Record<string, number>} budgets
 * @returns {{ file: string, raw: number | null, gzip: number | null, budget: number, ok: boolean }[]}
 */
export function checkBudgets(root, budgets) {
  return Object.entries(budgets).map(([file, budget]) => {
    const path = join(root, file);
    if (!existsSync(path)) return { file, raw: null, gzip: null, budget, ok: false };
    const bytes = readFileSync(path);
    const gzip = gzipSync(bytes, { level: 9 }).length;
    return { file, raw: bytes.length, gzip, budget, ok: typeof budget === 'number' && gzip <= budget };
  });
}

const isMain = process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1];
if (isMain) {
  const budgets = JSON.parse(readFileSync(join(ROOT, 'size-budgets.json'), 'utf8'));
  const rows = checkBudgets(ROOT, budgets);
  const table = [
    ['file', 'raw', 'gzip', 'budget', ''],
    ...rows.map((row) => [
      row.file,
      row.raw === null ? 'missing' : String(row.raw),
      row.gzip === null ? '-' : String(row.gzip),
      String(row.budget),
      row.ok ? 'ok' : 'FAIL',
    ]),
  ];
  const widths = table[0]?.map((_, c) => Math.max(...table.map((r) => (r[c] ?? '').length))) ?? [];
  for (const row of table) {
    console.log(
      row
        .map((cell, c) => (c === 0 || c === 4 ? cell.padEnd(widths[c] ?? 0) : cell.padStart(widths[c] ?? 0)))
        .join('  ')
        .trimEnd(),
    );
  }
  const passed = rows.filter((row) => row.ok).length;
  const failed = rows.length - passed;
  if (process.env.NASSIJ_SIZE_SUMMARY) {
    writeFileSync(process.env.NASSIJ_SIZE_SUMMARY, `${JSON.stringify({ passed, failed, skipped: 0 })}\n`);
  }
  console.log(`size: ${passed} passed, ${failed} failed`);
  process.exitCode = failed > 0 ? 1 : 0;
}
