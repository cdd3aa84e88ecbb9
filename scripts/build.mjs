#!/usr/bin/env node
// @ts-check
// `npm run build`: `tsc -b` emits every package's dist/, then rollup writes the CDN bundles of the elements.
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { rollup } from 'rollup';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(ROOT);

const started = Date.now();
console.log('build: tsc -b');
const tsc = spawnSync(join(ROOT, 'node_modules', '.bin', 'tsc'), ['-b'], { stdio: 'inherit' });
if (tsc.status !== 0) {
  console.error(`build: tsc -b failed (exit ${tsc.status ?? tsc.signal})`);
  process.exit(1);
}

/** @type {{ default: import('rollup').RollupOptions[] }} */
const { default: configs } = await import('../rollup.config.mjs');
if (configs.length === 0) {
  console.log('build: no packages/elements/src/cdn/*.ts yet, skipping the CDN bundles');
} else {
  // Old hashed chunks would otherwise pile up beside the new ones.
  rmSync(join(ROOT, 'packages/elements/dist/cdn'), { recursive: true, force: true });
  for (const config of configs) {
    const bundle = await rollup(config);
    try {
      const outputs = Array.isArray(config.output) ? config.output : config.output ? [config.output] : [];
      for (const output of outputs) {
        const { output: files } = await bundle.write(output);
        for (const file of files) {
          if (file.type === 'chunk') console.log(`build: ${output.dir ?? ''}/${file.fileName}`);
        }
      }
    } finally {
      await bundle.close();
    }
  }
}
console.log(`build: done in ${((Date.now() - started) / 1000).toFixed(1)}s`);
