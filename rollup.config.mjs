// @ts-check
// CDN bundles of the elements: every `packages/elements/src/cdn/*.ts` is an entry of ONE build, so that the
// `nassij.js` loader and the per-component files share Lit and the SDK as chunks, loaded once.
import { readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { browserBundlePlugins, quietOnwarn } from './scripts/lib/bundle-plugins.mjs';

const CDN_SRC = 'packages/elements/src/cdn';

/** @returns {Record<string, string>} */
function cdnEntries() {
  /** @type {string[]} */
  let names = [];
  try {
    names = readdirSync(CDN_SRC);
  } catch {
    return {}; // No CDN entries yet.
  }
  return Object.fromEntries(
    names
      .filter((name) => name.endsWith('.ts') && !name.endsWith('.d.ts') && !name.endsWith('.test.ts'))
      .sort()
      .map((name) => [basename(name, '.ts'), join(CDN_SRC, name)]),
  );
}

const input = cdnEntries();

/** @type {import('rollup').RollupOptions[]} */
export default Object.keys(input).length === 0
  ? []
  : [
      {
        input,
        plugins: browserBundlePlugins(),
        onwarn: quietOnwarn,
        output: {
          dir: 'packages/elements/dist/cdn',
          format: 'es',
          entryFileNames: '[name].js',
          chunkFileNames: 'chunks/[name]-[hash].js',
          sourcemap: true,
        },
      },
    ];
