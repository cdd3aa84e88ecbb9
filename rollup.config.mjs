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

/**
 * Writes `bundle-graph.json` beside the bundles: for each entry, every file a browser downloads to run it
 * (the entry and the chunks it imports, transitively). The size budgets measure these sets, because
 * that is what a visitor pays, not one file alone.
 *
 * @returns {import('rollup').Plugin}
 */
function bundleGraph() {
  return {
    name: 'nassij-bundle-graph',
    generateBundle(_options, bundle) {
      /** @type {Record<string, string[]>} */
      const graph = {};
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk' || !chunk.isEntry) continue;
        const files = new Set([chunk.fileName]);
        const queue = [...chunk.imports];
        while (queue.length) {
          const next = /** @type {string} */ (queue.shift());
          if (files.has(next)) continue;
          files.add(next);
          const imported = bundle[next];
          if (imported?.type === 'chunk') queue.push(...imported.imports);
        }
        graph[chunk.name] = [...files].sort();
      }
      this.emitFile({
        type: 'asset',
        fileName: 'bundle-graph.json',
        source: `${JSON.stringify(graph, null, 2)}\n`,
      });
    },
  };
}

/** @type {import('rollup').RollupOptions[]} */
export default Object.keys(input).length === 0
  ? []
  : [
      {
        input,
        plugins: [...browserBundlePlugins(), bundleGraph()],
        onwarn: quietOnwarn,
        output: {
          dir: 'packages/elements/dist/cdn',
          format: 'es',
          entryFileNames: '[name].js',
          chunkFileNames: 'chunks/[name]-[hash].js',
          // No component ships zod: the application form checks answers with the contract's zod-free checks.
          // scripts/cdn-bundles.test.mjs fails if it comes back.
          sourcemap: true,
        },
      },
    ];
