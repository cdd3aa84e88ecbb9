import assert from 'node:assert/strict';
import { test } from 'node:test';
import { foldForSearch, searchTerms } from './search-text.js';

test('Arabic folding strips tashkeel and tatweel and unifies alef, ya, ta marbuta and hamza forms', () => {
  assert.equal(foldForSearch('الجمعيّة'), foldForSearch('الجمعية'));
  assert.equal(foldForSearch('جمعيـــة'), foldForSearch('جمعية'));
  assert.equal(foldForSearch('إدارة'), foldForSearch('اداره'));
  assert.equal(foldForSearch('مستشفى'), foldForSearch('مستشفي'));
  assert.equal(foldForSearch('مُؤَسَّسَة'), 'موسسه');
  assert.equal(foldForSearch('آفاق'), 'افاق');
});

test('Latin folding removes accents and case; punctuation becomes space', () => {
  assert.equal(foldForSearch('Étudiant'), 'etudiant');
  assert.equal(foldForSearch("Développement de l'Oriental — Œuvre"), 'developpement de l oriental oeuvre');
  assert.equal(foldForSearch('ⵜⴰⵎⴰⵣⵉⵖⵜ'), 'ⵜⴰⵎⴰⵣⵉⵖⵜ', 'Tifinagh is kept as it is');
});

test('search terms take the definite article off, so جمعية finds الجمعيّة', () => {
  assert.deepEqual(searchTerms('الجمعيّة'), searchTerms('جمعية'));
  assert.deepEqual(searchTerms('الجمعيّة للتنمية'), ['جمعيه', 'تنميه']);
  assert.deepEqual(searchTerms('etudiant'), searchTerms('Étudiant'));
  assert.deepEqual(searchTerms('a la'), ['la'], 'one-letter words are dropped');
  assert.deepEqual(searchTerms('ال'), [], 'a lone article is not a word');
});
