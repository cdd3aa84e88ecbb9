import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { draftKey, parseMoney, readDraft, reconcile, sameAnswer, writeDraft } from './draft-store.js';

class MemoryStorage {
  #map = new Map<string, string>();
  get length() {
    return this.#map.size;
  }
  clear() {
    this.#map.clear();
  }
  getItem(key: string) {
    return this.#map.get(key) ?? null;
  }
  key(index: number) {
    return [...this.#map.keys()][index] ?? null;
  }
  removeItem(key: string) {
    this.#map.delete(key);
  }
  setItem(key: string, value: string) {
    this.#map.set(key, value);
  }
}

describe('draft store', () => {
  test('a draft written is read back; damaged text reads as none', () => {
    const storage = new MemoryStorage() as Storage;
    const key = draftKey('call_sample', 'asso_sample');
    assert.equal(key, 'nassij:application:call_sample:asso_sample');
    assert.equal(writeDraft(key, { answers: { a: 'x' }, synced: {}, dirty: ['a'] }, storage), true);
    assert.deepEqual(readDraft(key, storage)?.answers, { a: 'x' });
    storage.setItem(key, '{not json');
    assert.equal(readDraft(key, storage), undefined);
    assert.equal(writeDraft(key, undefined, storage), true);
    assert.equal(storage.getItem(key), null);
  });

  test('reconcile keeps local edits, takes server edits, and reports fields both changed', () => {
    const local = {
      answers: { title: 'mine', summary: 'my summary', area: 'rural' },
      synced: { title: 'old', summary: 'old summary', area: 'urban' },
      dirty: ['title', 'summary'],
    };
    const server = { title: 'old', summary: 'their summary', area: 'mixed', extra: 'theirs' };
    const { answers, dirty, conflicts } = reconcile(local, server);
    assert.equal(answers.title, 'mine');
    assert.equal(answers.area, 'mixed');
    assert.equal(answers.extra, 'theirs');
    assert.deepEqual(dirty, ['title']);
    assert.deepEqual(conflicts, [{ fieldId: 'summary', mine: 'my summary', theirs: 'their summary' }]);
  });

  test('an edit the server already has is neither dirty nor a conflict', () => {
    const result = reconcile({ answers: { a: 'x' }, synced: { a: 'o' }, dirty: ['a'] }, { a: 'x' });
    assert.deepEqual(result.dirty, []);
    assert.deepEqual(result.conflicts, []);
    assert.ok(sameAnswer(undefined, null));
    assert.ok(!sameAnswer('a', 'b'));
  });

  test('amounts are read exactly, with Arabic-Indic digits and a comma', () => {
    assert.deepEqual(parseMoney('1 500,5'), { amount: '1500.5', currency: 'MAD' });
    assert.deepEqual(parseMoney('١٢٠٠'), { amount: '1200', currency: 'MAD' });
    assert.equal(parseMoney(''), null);
    assert.equal(parseMoney('12.345'), '12.345');
  });
});
