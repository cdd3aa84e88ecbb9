import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { memoryTokenStorage, sessionTokenStorage } from './tokens.js';

describe('token storage', () => {
  test('memory storage forgets an expired token', () => {
    const storage = memoryTokenStorage();
    storage.set('live', '2099-01-01T00:00:00Z');
    assert.equal(storage.get(), 'live');
    storage.set('dead', '2000-01-01T00:00:00Z');
    assert.equal(storage.get(), null);
    storage.set('again');
    storage.clear();
    assert.equal(storage.get(), null);
  });

  test('session storage falls back to memory where sessionStorage is missing', () => {
    assert.equal('sessionStorage' in globalThis, false);
    const storage = sessionTokenStorage();
    storage.set('kept', '2099-01-01T00:00:00Z');
    assert.equal(storage.get(), 'kept');
  });
});
