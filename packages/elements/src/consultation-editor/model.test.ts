import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { importArticles } from '@nassij/contract';
import type { KeyValueStore } from '../base/storage.js';
import {
  consultationDraftKey,
  readConsultationDraft,
  readPasted,
  writeConsultationDraft,
  writePasted,
} from './draft-store.js';
import {
  articlesOf,
  type EditedSection,
  mergeImport,
  moveArticle,
  removedArticles,
  restoreArticles,
  toEditedSections,
} from './model.js';
import { sendableText } from './text-shape.js';

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

const ARABIC = [
  'الباب الأول: أحكام عامة',
  'المادة الأولى',
  'يهدف هذا القانون إلى تنظيم التشاور العمومي.',
  'المادة 2',
  'لا تقل مدة التشاور عن ثلاثين يوما.',
  'الباب الثاني: الحصيلة',
  'المادة 2 مكرر',
  'تنشر الإدارة حصيلة التشاور.',
].join('\n');

const FRENCH = [
  'Article premier',
  'La présente loi organise la consultation publique.',
  'Article 2 bis',
  'L’administration publie le bilan.',
  'Article 3',
  'Entrée en vigueur.',
].join('\n');

/** Two sections of published articles, with stable ids. */
function published(): EditedSection[] {
  return [
    {
      id: 'ch-1',
      heading: { ar: 'أحكام عامة' },
      articles: [
        { id: 'art-1', number: '1', body: { ar: 'نص 1' } },
        { id: 'art-2', number: '2', body: { ar: 'نص 2' } },
      ],
    },
    {
      id: 'ch-2',
      heading: { ar: 'الحصيلة' },
      articles: [{ id: 'art-3', number: '3', body: { ar: 'نص 3' } }],
    },
  ];
}

describe('the consulted text as edited', () => {
  test('pasted Arabic becomes sections of articles in Arabic, without ids (the server gives them)', () => {
    const sections = toEditedSections(importArticles(ARABIC, { format: 'plain' }).sections, 'ar');
    assert.equal(sections.length, 2);
    assert.deepEqual(sections[0]?.heading, { ar: 'الباب الأول: أحكام عامة' });
    assert.deepEqual(
      articlesOf(sections).map(({ article }) => article.number),
      ['1', '2', '2 مكرر'],
    );
    assert.deepEqual(sections[0]?.articles[0], {
      number: '1',
      body: { ar: 'يهدف هذا القانون إلى تنظيم التشاور العمومي.' },
    });
    assert.equal(
      articlesOf(sections).some(({ article }) => article.id !== undefined),
      false,
    );
  });

  test('the French text pasted after fills the articles of the same numbers and adds the new ones', () => {
    const arabic = toEditedSections(importArticles(ARABIC, { format: 'plain' }).sections, 'ar');
    const withIds = arabic.map((section, s) => ({
      ...section,
      id: `ch-${s}`,
      articles: section.articles.map((article, a) => ({ ...article, id: `art-${s}-${a}` })),
    }));
    const merged = mergeImport(withIds, importArticles(FRENCH, { format: 'plain' }).sections, 'fr');
    const all = articlesOf(merged).map(({ article }) => article);
    // "2 bis" is "2 مكرر": same article, same id; "3" is new, at the end, without an id.
    assert.deepEqual(
      all.map((article) => [article.id, article.number, article.body.fr]),
      [
        ['art-0-0', '1', 'La présente loi organise la consultation publique.'],
        ['art-0-1', '2', undefined],
        ['art-1-0', '2 مكرر', 'L’administration publie le bilan.'],
        [undefined, '3', 'Entrée en vigueur.'],
      ],
    );
    assert.equal(all[0]?.body.ar, 'يهدف هذا القانون إلى تنظيم التشاور العمومي.');
  });

  test('an article moves within its section, then across to the next one, and not past the ends', () => {
    const first = moveArticle(published(), 0, 0, 1);
    assert.deepEqual(first?.at, { section: 0, index: 1 });
    assert.deepEqual(
      articlesOf(first!.sections).map(({ article }) => article.id),
      ['art-2', 'art-1', 'art-3'],
    );
    const across = moveArticle(first!.sections, 0, 1, 1);
    assert.deepEqual(across?.at, { section: 1, index: 0 });
    assert.deepEqual(
      across!.sections.map((s) => s.articles.map((a) => a.id)),
      [['art-2'], ['art-1', 'art-3']],
    );
    assert.equal(moveArticle(published(), 0, 0, -1), undefined);
    assert.equal(moveArticle(published(), 1, 0, 1), undefined);
  });

  test('removed articles are found by id, and put back in their old section', () => {
    const edited = published();
    edited[0]!.articles.splice(1, 1);
    edited[1]!.articles.push({ number: '4', body: { ar: 'مادة جديدة' } });
    const removed = removedArticles(published(), edited);
    assert.deepEqual(
      removed.map((a) => a.id),
      ['art-2'],
    );
    const restored = restoreArticles(edited, published(), removed);
    assert.deepEqual(
      restored.map((s) => s.articles.map((a) => a.id ?? a.number)),
      [
        ['art-1', 'art-2'],
        ['art-3', '4'],
      ],
    );
  });

  test('what the API takes while the text is half-written: empty articles and headings wait on the device', () => {
    const { text, complete } = sendableText({
      sections: [
        {
          heading: {} as never,
          articles: [
            { number: ' 1 ', body: { ar: 'نص' }, heading: {} as never },
            { number: '2', body: {} as never },
            { number: '', body: { fr: 'texte' } },
          ],
        },
      ],
    });
    assert.equal(complete, false);
    assert.deepEqual(text, { sections: [{ articles: [{ number: '1', body: { ar: 'نص' } }] }] });
    assert.equal(sendableText({ sections: published() }).complete, true);
  });
});

describe('what the editor keeps on the device', () => {
  test('a draft copy is written, read back and forgotten; a damaged one reads as none', () => {
    const store = memoryStore();
    const key = consultationDraftKey('cons_sample');
    assert.equal(key, 'nassij:consultation-draft:cons_sample');
    const copy = { fields: { title: { ar: 'مشروع قانون' } }, dirty: ['title'], etag: '"r2"' };
    assert.equal(writeConsultationDraft(key, copy, store), true);
    assert.deepEqual(readConsultationDraft(key, store), copy);
    writeConsultationDraft(key, undefined, store);
    assert.equal(store.map.size, 0);
    store.setItem(key, '{not json');
    assert.equal(readConsultationDraft(key, store), undefined);
    store.setItem(key, JSON.stringify({ fields: null, dirty: [] }));
    assert.equal(readConsultationDraft(key, store), undefined);
  });

  test('the pasted text is kept until emptied', () => {
    const store = memoryStore();
    assert.equal(writePasted('cons_sample', 'المادة 1', store), true);
    assert.equal(readPasted('cons_sample', store), 'المادة 1');
    writePasted('cons_sample', '', store);
    assert.equal(readPasted('cons_sample', store), '');
    assert.equal(store.map.size, 0);
  });
});
