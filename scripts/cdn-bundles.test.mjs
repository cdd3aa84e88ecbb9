// @ts-check
// What the CDN build puts in each component's first download (needs `npm run build`, which `npm test` runs
// before the node suite): no component downloads zod, whose validation the contract's zod-free checks replace.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

const CDN = join(import.meta.dirname, '..', 'packages', 'elements', 'dist', 'cdn');

test('no component of the CDN build downloads zod at first', () => {
  const graphFile = join(CDN, 'bundle-graph.json');
  assert.ok(existsSync(graphFile), 'the CDN build is there');
  /** @type {Record<string, string[]>} */
  const graph = JSON.parse(readFileSync(graphFile, 'utf8'));
  assert.ok(Object.keys(graph).length >= 9, 'every component is an entry');
  for (const [entry, files] of Object.entries(graph)) {
    for (const file of files) {
      /** @type {{ sources: string[] }} */
      const map = JSON.parse(readFileSync(join(CDN, `${file}.map`), 'utf8'));
      const zod = map.sources.filter((source) => source.includes('node_modules/zod/'));
      assert.deepEqual(zod, [], `${entry} downloads zod through ${file}`);
    }
  }
});
