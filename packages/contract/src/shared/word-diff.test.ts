import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CONTRIBUTION_PROPOSED_TEXT_MAX } from '../resources/contribution.js';
import { splitWords, type WordDiffPart, wordDiff, wordTokens } from './word-diff.js';

function sides(parts: WordDiffPart[]): { before: string; after: string } {
  return {
    before: parts
      .filter((p) => p.op !== 'insert')
      .map((p) => p.text)
      .join(''),
    after: parts
      .filter((p) => p.op !== 'delete')
      .map((p) => p.text)
      .join(''),
  };
}

function assertWellFormed(before: string, after: string, parts: WordDiffPart[]): void {
  assert.deepEqual(sides(parts), { before, after }, 'the runs rebuild both texts');
  for (let i = 1; i < parts.length; i++) {
    assert.notEqual(parts[i]?.op, parts[i - 1]?.op, 'adjacent runs are merged');
  }
  assert.ok(
    parts.every((p) => p.text !== ''),
    'no empty run',
  );
}

test('Arabic: one word replaced, diacritics kept with their letters, no word split', () => {
  const before = 'يُحَدَّدُ الأجل في ثلاثين يوما';
  const after = 'يُحَدَّدُ الأجل في ستين يوما';
  const parts = wordDiff(before, after);
  assertWellFormed(before, after, parts);
  assert.deepEqual(parts, [
    { op: 'equal', text: 'يُحَدَّدُ الأجل في ' },
    { op: 'delete', text: 'ثلاثين' },
    { op: 'insert', text: 'ستين' },
    { op: 'equal', text: ' يوما' },
  ]);
});

test('Arabic: adding a diacritic changes the whole word, never a piece of it', () => {
  const parts = wordDiff('الجمعية مستقلة', 'الجمعيّة مستقلة');
  assert.deepEqual(parts, [
    { op: 'delete', text: 'الجمعية' },
    { op: 'insert', text: 'الجمعيّة' },
    { op: 'equal', text: ' مستقلة' },
  ]);
  assert.deepEqual(wordTokens('مُؤَسَّسَة عمومية'), ['مُؤَسَّسَة', ' ', 'عمومية']);
});

test('French: words inserted and deleted, punctuation its own token', () => {
  const before = 'Le délai est de trente jours.';
  const after = 'Le délai est porté à soixante jours ouvrables.';
  const parts = wordDiff(before, after);
  assertWellFormed(before, after, parts);
  assert.deepEqual(parts, [
    { op: 'equal', text: 'Le délai est ' },
    { op: 'delete', text: 'de trente ' },
    { op: 'insert', text: 'porté à soixante ' },
    { op: 'equal', text: 'jours' },
    { op: 'insert', text: ' ouvrables' },
    { op: 'equal', text: '.' },
  ]);
});

test('Tifinagh: words are whole, a removed word is one deletion', () => {
  const before = 'ⴰⵎⵙⴰⵙⴰ ⴰⵎⴰⵜⴰⵢ ⵏ ⵜⵎⵓⵏⴰ';
  const after = 'ⴰⵎⵙⴰⵙⴰ ⵏ ⵜⵎⵓⵏⴰ';
  const parts = wordDiff(before, after);
  assertWellFormed(before, after, parts);
  assert.deepEqual(parts, [
    { op: 'equal', text: 'ⴰⵎⵙⴰⵙⴰ ' },
    { op: 'delete', text: 'ⴰⵎⴰⵜⴰⵢ ' },
    { op: 'equal', text: 'ⵏ ⵜⵎⵓⵏⴰ' },
  ]);
  assert.deepEqual(wordTokens('ⵜⴰⵎⴰⵣⵉⵖⵜ ⵜⴰⵏⴰⵎⵓⵙⵜ'), ['ⵜⴰⵎⴰⵣⵉⵖⵜ', ' ', 'ⵜⴰⵏⴰⵎⵓⵙⵜ']);
});

test('identical, empty and one-sided texts', () => {
  assert.deepEqual(wordDiff('نص', 'نص'), [{ op: 'equal', text: 'نص' }]);
  assert.deepEqual(wordDiff('', ''), []);
  assert.deepEqual(wordDiff('', 'ⴰⵣⵓⵍ'), [{ op: 'insert', text: 'ⴰⵣⵓⵍ' }]);
  assert.deepEqual(wordDiff('Bonjour', ''), [{ op: 'delete', text: 'Bonjour' }]);
});

test('a whole replacement is one deletion then one insertion, the spaces between joined', () => {
  assert.deepEqual(wordDiff('un deux trois', 'quatre cinq six'), [
    { op: 'delete', text: 'un deux trois' },
    { op: 'insert', text: 'quatre cinq six' },
  ]);
});

test('beyond the edit cap the middle is one deletion and one insertion, and still exact', () => {
  const before = Array.from({ length: 40 }, (_, i) => `a${i}`).join(' ');
  const after = Array.from({ length: 40 }, (_, i) => (i % 2 ? `a${i}` : `b${i}`)).join(' ');
  const detailed = wordDiff(before, after);
  assertWellFormed(before, after, detailed);
  assert.ok(detailed.length > 20, 'under the cap each changed word is shown');
  const coarse = wordDiff(before, after, 5);
  assertWellFormed(before, after, coarse);
  assert.deepEqual(
    coarse.map((p) => p.op),
    ['delete', 'insert', 'equal'],
    'the shared last word stays kept',
  );
});

test('long texts of the amendment size diff completely, even when they share nothing', () => {
  const words = (seed: string) => {
    let text = '';
    for (let i = 0; text.length < CONTRIBUTION_PROPOSED_TEXT_MAX - 20; i++) text += `${seed}${i % 97} `;
    return text.trim();
  };
  const before = words('كلمة');
  const after = words('ⴰⵡⴰⵍ');
  const parts = wordDiff(before, after);
  assertWellFormed(before, after, parts);
  const edited = `${before.slice(0, 3000)} إضافة ${before.slice(3000)}`;
  const small = wordDiff(before, edited);
  assertWellFormed(before, edited, small);
  assert.ok(small.filter((p) => p.op !== 'equal').length <= 2, 'a small edit stays small');
});

test('without Intl.Segmenter, words keep their marks and joiners and the tokens rebuild the text', () => {
  assert.deepEqual(splitWords('يُحَدَّدُ الأجلُ، في 60 يوما.'), [
    'يُحَدَّدُ',
    ' ',
    'الأجلُ',
    '،',
    ' ',
    'في',
    ' ',
    '60',
    ' ',
    'يوما',
    '.',
  ]);
  assert.deepEqual(splitWords('l’article 3'), ['l', '’', 'article', ' ', '3']);
  assert.deepEqual(splitWords('ⵜⴰⵎⴰⵣⵉⵖⵜ  ⵜⴰⵏⴰⵎⵓⵙⵜ'), ['ⵜⴰⵎⴰⵣⵉⵖⵜ', '  ', 'ⵜⴰⵏⴰⵎⵓⵙⵜ']);
  const mixed = 'Article 12 bis : يحدث مجلس — ⴰⵎⵙⴰⵙⴰ\n\tfin';
  assert.equal(splitWords(mixed).join(''), mixed);
});

test('the tokens are the segmenter’s words, space runs kept whole', () => {
  const text = 'L’article 12 bis : يُحدِث مجلسُ الجهة، لجنةً (ⵜⴰⵎⵙⵙⵓⴷⵙⵜ) — ⴰⵎⵙⴰⵙⴰ2026 جمعيـــة\n\n中文字 fin.';
  const tokens = wordTokens(text);
  assert.equal(tokens.join(''), text);
  const Segmenter = (
    Intl as {
      Segmenter?: new (l?: string, o?: object) => { segment(t: string): Iterable<{ segment: string }> };
    }
  ).Segmenter;
  assert.ok(Segmenter, 'Node has Intl.Segmenter');
  const segmented = Array.from(
    new Segmenter(undefined, { granularity: 'word' }).segment(text),
    (s) => s.segment,
  );
  const words = (list: string[]) => list.filter((t) => t.trim() !== '');
  assert.deepEqual(words(tokens), words(segmented));
  assert.ok(tokens.includes('L’article') && tokens.includes('مجلسُ') && tokens.includes('جمعيـــة'));
});
