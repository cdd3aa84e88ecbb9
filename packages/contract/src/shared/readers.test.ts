import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PopupMessage, readPopupMessage } from '../resources/auth.js';
import { Problem, readProblem } from './problem.js';

test('readProblem agrees with the Problem schema on valid documents and refuses what is not a problem', () => {
  const samples: unknown[] = [
    { type: 'https://nassij.ma/problems/not_found', title: 'Not found', status: 404, code: 'not_found' },
    {
      type: 'https://nassij.ma/problems/validation_failed',
      title: 'Invalid',
      status: 422,
      code: 'validation_failed',
      requestId: 'req_sample01',
      errors: [{ path: '/title', in: 'body', code: 'unknown_field', message: 'Unknown field "titel"' }],
    },
    { type: 'x', title: 'Conflict', status: 412, code: 'precondition_failed', current: { id: 'app_sample' } },
  ];
  for (const sample of samples) {
    assert.ok(Problem.safeParse(sample).success);
    assert.deepEqual(readProblem(sample), Problem.parse(sample));
  }
  for (const junk of [null, 'x', [], { status: 404 }, { code: 'not_found' }, { status: '404', code: 'x' }])
    assert.equal(readProblem(junk), undefined);
  const odd = readProblem({ status: 500, code: 'new_code_from_a_newer_server', errors: [{ path: 1 }] });
  assert.equal(odd?.code, 'internal');
  assert.deepEqual(odd?.errors, []);
  assert.ok(Problem.safeParse(odd).success, 'what it returns is always a valid Problem');
});

test('readPopupMessage agrees with the PopupMessage schema', () => {
  const ok = {
    type: 'nassij:auth',
    token: 'tok_abcdefghijklmnopqrstuvwxyz',
    expiresAt: '2026-11-29T20:00:00Z',
    state: 'st4te-123',
  };
  assert.deepEqual(readPopupMessage(ok), PopupMessage.parse(ok));
  for (const bad of [
    { ...ok, type: 'other' },
    { ...ok, token: 42 },
    { ...ok, expiresAt: 'tomorrow' },
    { ...ok, expiresAt: '2026-11-29T21:00:00+01:00' },
    { ...ok, extra: true },
    'nassij:auth',
    null,
  ]) {
    assert.equal(readPopupMessage(bad), undefined, JSON.stringify(bad));
    assert.equal(PopupMessage.safeParse(bad).success, false, JSON.stringify(bad));
  }
});
