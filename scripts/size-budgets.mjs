#!/usr/bin/env node
// @ts-check
// `npm run size`: checks every budget of size-budgets.json; each entry is one test. An entry is either a file
// (`"packages/…/x.js": maxGzipBytes`) or a CDN component (`"cdn:call-list": maxGzipBytes`), measured as
// what a page downloads to show it: the `nassij.js` loader plus the component's entry and every chunk it
// imports (from the build's bundle-graph.json), each gzipped on its own as a server sends it.
// Counts go to NASSIJ_SIZE_SUMMARY if set.
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
    const paths = file.startsWith('cdn:') ? cdnFiles(root, file.slice('cdn:'.length)) : [join(root, file)];
    if (paths === null || paths.some((path) => !existsSync(path)))
      return { file, raw: null, gzip: null, budget, ok: false };
    let raw = 0;
    let gzip = 0;
    for (const path of paths) {
      const bytes = readFileSync(path);
      raw += bytes.length;
      gzip += gzipSync(bytes, { level: 9 }).length;
    }
    return { file, raw, gzip, budget, ok: typeof budget === 'number' && gzip <= budget };
  });
}

const CDN_DIR = 'packages/elements/dist/cdn';

/**
 * The files a page downloads for one CDN component through the loader, or `null` when the build has no
 * such entry.
 *
 * @example
 * cdnFiles('/repo', 'call-list'); // ['…/nassij.js', '…/call-list.js', '…/chunks/client-….js', …]
 * @param {string} root
 * @param {string} entry
 * @returns {string[] | null}
 */
export function cdnFiles(root, entry) {
  const graphPath = join(root, CDN_DIR, 'bundle-graph.json');
  if (!existsSync(graphPath)) return null;
  /** @type {Record<string, string[]>} */
  const graph = JSON.parse(readFileSync(graphPath, 'utf8'));
  if (!graph[entry]) return null;
  const files = new Set([...(graph.nassij ?? []), ...graph[entry]]);
  return [...files].map((name) => join(root, CDN_DIR, name));
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
