#!/usr/bin/env node
// @ts-check
// `node scripts/measure-bundle.mjs <entry.ts> [--name label] [--json]`: bundles one entry for the browser in
// memory (rollup + esbuild + terser, dynamic imports inlined) and prints its raw and gzip bytes.
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { rollup } from 'rollup';
import { browserBundlePlugins, quietOnwarn } from './lib/bundle-plugins.mjs';

/**
 * Raw and gzip (level 9) bytes of one entry bundled for the browser.
 *
 * @example
 * const { raw, gzip } = await measureBundle('packages/sdk/src/index.ts');
 * @param {string} entry
 * @returns {Promise<{ raw: number, gzip: number }>}
 */
export async function measureBundle(entry) {
  const bundle = await rollup({ input: entry, plugins: browserBundlePlugins(), onwarn: quietOnwarn });
  try {
    const { output } = await bundle.generate({ format: 'es', inlineDynamicImports: true });
    const code = output.map((file) => (file.type === 'chunk' ? file.code : '')).join('');
    const bytes = Buffer.from(code, 'utf8');
    return { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
  } finally {
    await bundle.close();
  }
}

const isMain = process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href;
if (isMain) {
  const args = process.argv.slice(2);
  const entry = args.find((arg, i) => !arg.startsWith('--') && args[i - 1] !== '--name');
  const nameAt = args.indexOf('--name');
  const name = nameAt >= 0 ? args[nameAt + 1] : entry;
  if (!entry) {
    console.error('usage: node scripts/measure-bundle.mjs <entry.ts> [--name label] [--json]');
    process.exit(2);
  }
  const { raw, gzip } = await measureBundle(entry);
  if (args.includes('--json')) console.log(JSON.stringify({ name, entry, raw, gzip }));
  else console.log(`${name}: ${raw} B raw, ${gzip} B gzip (${(gzip / 1024).toFixed(1)} KB)`);
}
