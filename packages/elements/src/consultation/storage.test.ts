import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  deviceToken,
  draftKey,
  isTransient,
  type KeyValueStore,
  loadDraft,
  putInOutbox,
  readOutbox,
  removeFromOutbox,
  saveDraft,
} from './storage.js';

function memory(): KeyValueStore & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return {
    map,
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => void map.set(k, v),
    removeItem: (k) => void map.delete(k),
  };
}

const body = { kind: 'comment', body: 'نص', consent: true } as const;

describe('consultation storage', () => {
  it('keeps one draft per consultation, article and kind, and drops empty ones', () => {
    const store = memory();
    const a = draftKey('cons_sample', 'art-1', 'comment');
    const b = draftKey('cons_sample', null, 'comment');
    assert.notEqual(a, b);
    saveDraft(a, { body: 'أقترح' }, store);
    assert.deepEqual(loadDraft(a, store), { body: 'أقترح' });
    assert.equal(loadDraft(b, store), undefined);
    saveDraft(a, { body: '' }, store);
    assert.equal(store.map.size, 0);
  });

  it('replaces an outbox entry by key and removes it', () => {
    const store = memory();
    const entry = { key: 'k1', consultationId: 'c', body, anonymous: true, createdAt: 'x' };
    putInOutbox(entry, store);
    putInOutbox({ ...entry, createdAt: 'y' }, store);
    putInOutbox({ ...entry, key: 'k2' }, store);
    assert.deepEqual(
      readOutbox(store).map((e) => [e.key, e.createdAt]),
      [
        ['k1', 'y'],
        ['k2', 'x'],
      ],
    );
    removeFromOutbox('k1', store);
    removeFromOutbox('k2', store);
    assert.deepEqual(readOutbox(store), []);
    assert.equal(store.map.size, 0);
  });

  it('survives a store that throws or holds garbage', () => {
    const broken: KeyValueStore = {
      getItem: () => '{not json',
      setItem: () => {
        throw new Error('quota');
      },
      removeItem: () => {},
    };
    assert.deepEqual(readOutbox(broken), []);
    assert.doesNotThrow(() => saveDraft('k', { body: 'x' }, broken));
    assert.match(deviceToken(broken), /^[A-Za-z0-9-]{36}$/);
  });

  it('makes the device token once', () => {
    const store = memory();
    const first = deviceToken(store);
    assert.equal(deviceToken(store), first);
    assert.match(first, /^[A-Za-z0-9._:-]{16,128}$/);
  });

  it('retries network failures only', () => {
    assert.equal(isTransient('network_error'), true);
    assert.equal(isTransient('timeout'), true);
    assert.equal(isTransient('already_supported'), false);
  });
});
