#!/usr/bin/env node
// @ts-check
// `npm run build`: `tsc -b` emits every package's dist/, rollup writes the CDN bundles of the elements, the
// analyzer writes their Custom Elements Manifest (packages/elements/custom-elements.json), then the CDN files are
// precompressed.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
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
writeManifest();
precompress(join(ROOT, 'packages/elements/dist/cdn'));
console.log(`build: done in ${((Date.now() - started) / 1000).toFixed(1)}s`);

/**
 * Runs @custom-elements-manifest/analyzer with custom-elements-manifest.config.mjs: it writes
 * packages/elements/custom-elements.json, which the package ships (`customElements`) and Storybook reads.
 */
function writeManifest() {
  console.log('build: custom-elements.json');
  const analyzer = join(ROOT, 'node_modules', '@custom-elements-manifest', 'analyzer', 'cem.js');
  const run = spawnSync(
    process.execPath,
    [analyzer, 'analyze', '--config', 'custom-elements-manifest.config.mjs', '--quiet'],
    { stdio: 'inherit' },
  );
  if (run.status !== 0) {
    console.error(`build: the Custom Elements Manifest failed (exit ${run.status ?? run.signal})`);
    process.exit(1);
  }
}

/**
 * Writes a brotli (.br, quality 11) and a gzip (.gz, level 9) copy beside every script and stylesheet of the
 * CDN folder: the server sends them as they are, so the best compression costs nothing per request.
 * @param {string} dir
 */
function precompress(dir) {
  /** @type {string[]} */
  let names;
  try {
    names = readdirSync(dir, { recursive: true, encoding: 'utf8' });
  } catch {
    return;
  }
  let count = 0;
  for (const name of names) {
    if (!/\.(js|css|json)$/.test(name)) continue;
    const path = join(dir, name);
    const bytes = readFileSync(path);
    writeFileSync(
      `${path}.br`,
      brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
    );
    writeFileSync(`${path}.gz`, gzipSync(bytes, { level: 9 }));
    count++;
  }
  console.log(`build: precompressed ${count} CDN files (.br, .gz)`);
}
