import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, passwordProblems } from './account-lifecycle.js';

test('length is counted in Unicode code points after NFC, from 15 to 128', () => {
  assert.equal(PASSWORD_MIN_LENGTH, 15);
  assert.ok(PASSWORD_MAX_LENGTH >= 64);
  assert.deepEqual(passwordProblems('x'.repeat(6) + 'y'.repeat(8)), ['password_too_short']);
  assert.deepEqual(passwordProblems('fifteen letters'), []);
  // "e" + combining acute is one character once composed: 14 of them are too short.
  assert.deepEqual(passwordProblems('abcdefghijklm\u0065\u0301'), ['password_too_short']);
  const distinct = (n: number) =>
    Array.from({ length: n }, (_, i) => String.fromCodePoint(0x1f330 + i)).join('');
  assert.deepEqual(passwordProblems(distinct(PASSWORD_MAX_LENGTH)), []);
  assert.deepEqual(passwordProblems(distinct(PASSWORD_MAX_LENGTH + 1)), ['password_too_long']);
});

test('no composition rule; repetitions and blocklisted values are refused', () => {
  assert.deepEqual(passwordProblems('only lower case words here'), []);
  assert.deepEqual(passwordProblems('abcabcabcabcabcabc'), ['password_breached']);
  const isBlocked = (folded: string) => folded === 'correcthorsebatterystaple';
  assert.deepEqual(passwordProblems('CorrectHorseBatteryStaple', { isBlocked }), ['password_breached']);
  assert.deepEqual(passwordProblems('CorrectHorseBatteryStaple'), []);
});

test('context words: the address, its local part, the name and the service name', () => {
  const context = { email: 'Amina.Benali@example.ma', displayName: 'Amina Benali' };
  assert.deepEqual(passwordProblems('amina.benali@example.ma', context), ['password_context']);
  assert.deepEqual(passwordProblems('AminaBenali-2026!!', context), ['password_context']);
  assert.deepEqual(passwordProblems('nassij nassij 2026', context), ['password_context']);
  // A context word inside a real sentence is fine.
  assert.deepEqual(passwordProblems('Amina grows olive trees near Tiznit', context), []);
});
