import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MAX_CURSOR_LENGTH, MAX_CURSOR_OFFSET } from '@nassij/contract';
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

test('a forged position is a 422: offsets are integers from 0 to MAX_CURSOR_OFFSET, strings short', () => {
  const forge = (json: string) => Buffer.from(json, 'utf8').toString('base64url');
  const refused = [
    '{"v":1,"offset":1e19}',
    '{"v":1,"offset":10000000000000000000}',
    '{"v":1,"offset":-1}',
    '{"v":1,"offset":1.5}',
    '{"v":1,"offset":1e308}',
    '{"v":1,"offset":1e400}',
    `{"v":1,"offset":${MAX_CURSOR_OFFSET + 1}}`,
    '{"v":1,"offset":[1]}',
    '{"v":1,"offset":{"a":1}}',
    '{"v":1,"offset":true}',
    '{"v":1,"offset":"1e19"}',
    '{"v":1,"offset":" 10000000000000000000 "}',
    '{"v":1,"offset":"0x7fffffffffffffffff"}',
    '{"v":1,"offset":""}',
    `{"v":1,"sort":"${'x'.repeat(300)}"}`,
    '{"v":1,"__proto__":{"offset":1}}',
    '{"v":1,"offset":0,"":1}',
    '[1]',
    '"v"',
  ];
  for (const json of refused) {
    assert.throws(
      () => decodeCursor(forge(json), ['offset']),
      (error: unknown) => error instanceof ApiError && error.status === 422,
      json,
    );
  }
  assert.throws(() => decodeCursor('a'.repeat(MAX_CURSOR_LENGTH + 1)), ApiError);
  assert.deepEqual(decodeCursor(forge(`{"v":1,"offset":${MAX_CURSOR_OFFSET},"sort":null}`), ['offset']), {
    offset: MAX_CURSOR_OFFSET,
    sort: null,
  });
  // `required` names own fields only.
  assert.throws(() => decodeCursor(encodeCursor({ offset: 0 }), ['constructor']), ApiError);
});
