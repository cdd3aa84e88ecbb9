import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { articleNumberKey, importArticles, latinDigits } from './article-import.js';

const plain = (text: string) => importArticles(text, { format: 'plain' });
const numbers = (text: string) => plain(text).articles.map((article) => article.number);

describe('importArticles in French', () => {
  test('reads "Article premier", "Art. 2", "Article 1er" and bis/ter, with the preamble before them', () => {
    const result = plain(`Projet de loi n° 12.26
Exposé des motifs.

Article premier. – La présente loi fixe les conditions de la consultation.

Art. 2 : On entend par consultation publique toute procédure.

Article 2 bis
Un comité régional est créé.

Article 2 ter - Le comité se réunit deux fois par an.`);
    assert.deepEqual(
      result.articles.map((article) => [article.number, article.key]),
      [
        ['1', '1'],
        ['2', '2'],
        ['2 bis', '2.2'],
        ['2 ter', '2.3'],
      ],
    );
    assert.equal(result.preamble, 'Projet de loi n° 12.26\nExposé des motifs.');
    assert.equal(result.articles[0]?.body, 'La présente loi fixe les conditions de la consultation.');
    assert.equal(result.articles[2]?.body, 'Un comité régional est créé.');
    assert.equal(result.articles[3]?.body, 'Le comité se réunit deux fois par an.');
    assert.equal(result.articles[0]?.line, 4);
    assert.deepEqual(numbers('Article 1er\nTexte.'), ['1']);
  });

  test('a short unpunctuated rest of the heading line is the article’s title', () => {
    const [article] = plain('Article 3 : Objet\nLe délai est de trente jours.').articles;
    assert.equal(article?.heading, 'Objet');
    assert.equal(article?.body, 'Le délai est de trente jours.');
  });

  test('the rest of the heading line is the text when nothing follows it', () => {
    const [repealed, next] = plain('Article 7 : Abrogé\nArticle 8\nTexte.').articles;
    assert.equal(repealed?.body, 'Abrogé');
    assert.equal(repealed?.heading, undefined);
    assert.equal(next?.body, 'Texte.');
    assert.equal(plain('Article 9\nArticle 10\nTexte.').articles[0]?.body, '', 'a heading alone has no text');
  });

  test('a sentence that opens with "Article 5 de la loi" stays in the body', () => {
    const result = plain('Article 4\nLe texte suivant s’applique.\nArticle 5 de la loi 75.00 est abrogé.');
    assert.deepEqual(
      result.articles.map((article) => article.number),
      ['4'],
    );
    assert.match(result.articles[0]?.body ?? '', /Article 5 de la loi 75\.00 est abrogé\.$/);
  });

  test('"Titre" and "Chapitre" lines are sections; paragraphs keep their blank line', () => {
    const result = plain(`Titre premier : Dispositions générales
Article 1
Premier alinéa.

Second alinéa.
Chapitre II
Article 2
Texte.`);
    assert.deepEqual(
      result.sections.map((section) => [section.heading, section.articles.map((article) => article.number)]),
      [
        ['Titre premier : Dispositions générales', ['1']],
        ['Chapitre II', ['2']],
      ],
    );
    assert.equal(result.articles[0]?.body, 'Premier alinéa.\n\nSecond alinéa.');
  });
});

describe('importArticles in Arabic', () => {
  test('reads ordinal words, Arabic-Indic and Eastern digits, and مكرر / مكرر مرتين', () => {
    const result = plain(`ديباجة
المادة الأولى
يهدف هذا القانون إلى تحديد الشروط.
المادة الثانية
نص المادة الثانية.
المادة ١٢
نص.
المادة ۱۳ مكرر
نص.
المادة 13 مكرر مرتين: تنشر الحصيلة في البوابة الوطنية.
المادة العاشرة
نص.
المادة الحادية عشرة
نص.`);
    assert.deepEqual(
      result.articles.map((article) => [article.number, article.key]),
      [
        ['1', '1'],
        ['2', '2'],
        ['12', '12'],
        ['13 مكرر', '13.2'],
        ['13 مكرر مرتين', '13.3'],
        ['10', '10'],
        ['11', '11'],
      ],
    );
    assert.equal(result.preamble, 'ديباجة');
    assert.equal(result.articles[4]?.body, 'تنشر الحصيلة في البوابة الوطنية.');
  });

  test('every ordinal word from the first to the tenth', () => {
    const words = [
      'الأولى',
      'الثانية',
      'الثالثة',
      'الرابعة',
      'الخامسة',
      'السادسة',
      'السابعة',
      'الثامنة',
      'التاسعة',
      'العاشرة',
    ];
    assert.deepEqual(numbers(words.map((word) => `المادة ${word}\nنص.`).join('\n')), [
      '1',
      '2',
      '3',
      '4',
      '5',
      '6',
      '7',
      '8',
      '9',
      '10',
    ]);
  });

  test('"الفصل" is an article in a text without "المادة", a chapter in a text with it', () => {
    assert.deepEqual(numbers('الفصل 3\nنص الفصل.\nالفصل الرابع\nنص.'), ['3', '4']);
    const result = plain('الفصل الأول: أحكام عامة\nالمادة 1\nنص.\nالفصل الثاني\nالمادة 2\nنص.');
    assert.deepEqual(
      result.sections.map((section) => [section.heading, section.articles.map((article) => article.number)]),
      [
        ['الفصل الأول: أحكام عامة', ['1']],
        ['الفصل الثاني', ['2']],
      ],
    );
  });

  test('"الباب" and "القسم" lines are sections', () => {
    const result = plain('الباب الأول\nالمادة 1\nنص.\nالقسم الثاني\nالمادة 2\nنص.');
    assert.deepEqual(
      result.sections.map((section) => section.heading),
      ['الباب الأول', 'القسم الثاني'],
    );
  });

  test('"المادة 5 من القانون" inside a body stays in it', () => {
    assert.deepEqual(numbers('المادة 4\nتنسخ المادة 5 من القانون.\nالمادة 5 من القانون رقم 75.00 تنسخ.'), [
      '4',
    ]);
  });
});

describe('importArticles in Tamazight and Markdown', () => {
  test('reads "ⴰⵎⴰⴳⵔⴰⴷ" headings', () => {
    assert.deepEqual(numbers('ⴰⵎⴰⴳⵔⴰⴷ 1\nⴰⴹⵕⵉⵚ.\nⴰⵎⴰⴳⵔⴰⴷ 2\nⴰⴹⵕⵉⵚ.'), ['1', '2']);
  });

  test('Markdown headings are sections, or articles when they name one; emphasis is no obstacle', () => {
    const result = importArticles(
      '# Titre I\n## Article 1 — Objet\nTexte.\n**Article 2**\nTexte 2.\n## Chapitre 2\n### Art. 3\nTexte 3.',
      {
        format: 'markdown',
      },
    );
    assert.deepEqual(
      result.sections.map((section) => [section.heading, section.articles.map((article) => article.number)]),
      [
        ['Titre I', ['1', '2']],
        ['Chapitre 2', ['3']],
      ],
    );
    assert.equal(result.articles[0]?.heading, 'Objet');
    assert.equal(result.articles[1]?.body, 'Texte 2.');
  });

  test('in plain format a "#" line is text, not a section', () => {
    const result = plain('Article 1\n# not a heading\nTexte.');
    assert.equal(result.sections.length, 1);
    assert.equal(result.articles[0]?.body, '# not a heading\nTexte.');
  });
});

describe('text without articles', () => {
  test('says so, with the lines and headings found', () => {
    const result = importArticles('Note de présentation\n\n# Chapitre I\nQuelques mots.\n', {
      format: 'markdown',
    });
    assert.deepEqual(result.articles, []);
    assert.deepEqual(result.sections, []);
    assert.equal(result.unmatched.lineCount, 3);
    assert.deepEqual(result.unmatched.headings, ['Chapitre I']);
    assert.equal(result.preamble, 'Note de présentation\n\nQuelques mots.');
  });

  test('an empty text', () => {
    const result = plain('');
    assert.deepEqual(result.articles, []);
    assert.equal(result.unmatched.lineCount, 0);
    assert.equal(result.preamble, '');
  });
});

describe('numbers', () => {
  test('latinDigits reads Arabic-Indic and Eastern digits', () => {
    assert.equal(latinDigits('١٢٣ ۴۵۶'), '123 456');
  });

  test('articleNumberKey matches an article across languages', () => {
    assert.equal(articleNumberKey('12 bis'), articleNumberKey('12 مكرر'));
    assert.equal(articleNumberKey('12 ter'), articleNumberKey('12 مكرر مرتين'));
    assert.notEqual(articleNumberKey('12 bis'), articleNumberKey('12'));
    assert.equal(articleNumberKey('premier'), '1');
    assert.equal(articleNumberKey('١٢'), '12');
  });
});
