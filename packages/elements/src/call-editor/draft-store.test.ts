import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { KeyValueStore } from '../base/storage.js';
import { callDraftKey, readCallDraft, writeCallDraft } from './draft-store.js';

/** A Map-backed store, as `localStorage` would be. */
function memoryStore(): KeyValueStore & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return {
    map,
    getItem: (key) => map.get(key) ?? null,
    setItem: (key, value) => void map.set(key, value),
    removeItem: (key) => void map.delete(key),
  };
}

describe('call draft store', () => {
  test('a copy written is read back, and forgotten with undefined', () => {
    const store = memoryStore();
    const key = callDraftKey('call_sample');
    assert.equal(key, 'nassij:call-draft:call_sample');
    const copy = {
      fields: { fiscalYear: 2027, title: { fr: 'Titre' } },
      dirty: ['title' as const],
      etag: '"r3"',
    };
    assert.equal(writeCallDraft(key, copy, store), true);
    assert.deepEqual(readCallDraft(key, store), copy);
    writeCallDraft(key, undefined, store);
    assert.equal(readCallDraft(key, store), undefined);
    assert.equal(store.map.size, 0);
  });

  test('damaged or foreign text reads as no copy', () => {
    const store = memoryStore();
    const key = callDraftKey('call_sample');
    store.setItem(key, '{not json');
    assert.equal(readCallDraft(key, store), undefined);
    store.setItem(key, JSON.stringify({ fields: {}, dirty: 'title' }));
    assert.equal(readCallDraft(key, store), undefined);
  });
});
