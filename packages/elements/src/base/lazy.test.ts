import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lazy } from './lazy.js';

test('imports once, however often it is asked, and keeps the module', async () => {
  let imports = 0;
  const view = lazy(async () => {
    imports += 1;
    return { name: 'view' };
  });
  assert.equal(view.value, undefined);
  const [a, b] = await Promise.all([view.load(), view.load()]);
  assert.equal(a, b);
  assert.equal(await view.load(), a);
  assert.equal(view.value, a);
  assert.equal(imports, 1);
});

test('a failed import (offline) is not kept: the next load imports again', async () => {
  let imports = 0;
  const view = lazy(async () => {
    imports += 1;
    if (imports === 1) throw new TypeError('Failed to fetch dynamically imported module');
    return { name: 'view' };
  });
  await assert.rejects(view.load(), TypeError);
  assert.equal(view.value, undefined);
  assert.deepEqual(await view.load(), { name: 'view' });
  assert.equal(imports, 2);
});
