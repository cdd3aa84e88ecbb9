import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decodeCursor, encodeCursor } from './cursor.js';
import { ApiError } from './problem.js';

test('a cursor round-trips and a tampered one is a 422 naming /cursor', () => {
  const cursor = encodeCursor({ after: 'call_example', score: 3 });
  assert.match(cursor, /^[A-Za-z0-9_-]+$/);
  assert.deepEqual(decodeCursor(cursor, ['after']), { after: 'call_example', score: 3 });
  for (const bad of [`${cursor}!`, 'bm90LWpzb24', Buffer.from('{"v":2}').toString('base64url')]) {
    assert.throws(
      () => decodeCursor(bad),
      (error: unknown) =>
        error instanceof ApiError && error.status === 422 && error.extra.errors?.[0]?.path === '/cursor',
    );
  }
  assert.throws(() => decodeCursor(encodeCursor({ other: 1 }), ['after']), ApiError);
});
