// Pasted legal text → sections and articles. Pure and dependency-free: the consultation editor runs it in the
// browser for a live preview as the text is pasted, and the server runs the same function on import, so the
// preview and the stored result never differ.
//
// What it recognises, in the four scripts the platform publishes in:
// - articles: "Article 1", "Art. 2", "Article premier", "Article 1er", "Article 12 bis"; "المادة 1",
//   "المادة الأولى", "المادة 12 مكرر", "المادة 12 مكرر مرتين"; "الفصل 3" (an article in dahirs and the
//   constitution, unless the same text numbers its articles with "المادة", where "الفصل" is a chapter);
//   "ⴰⵎⴰⴳⵔⴰⴷ 1". Arabic-Indic (١٢) and Eastern (۱۲) digits read as 12.
// - sections: Markdown headings (`#`, `##`), and lines opening with "Titre", "Chapitre", "Section", "Livre",
//   "الباب", "القسم", "الفرع", "الكتاب", "ⴰⵣⵓⵍ" followed by a number or an ordinal.
// An article heading must end its line or be followed by a separator (". – : -"), so that a sentence
// opening with "Article 5 de la loi…" stays in the body it belongs to.

/** How pasted text is read: `markdown` also takes `#` headings as sections. */
export type ArticleImportFormat = 'plain' | 'markdown';

/**
 * One article found in the text: its number as readers see it (`12 bis`, `12 مكرر`), the canonical `key`
 * that matches the same article across languages (`12`, `12.2` for bis/مكرر, `12.3` for ter/مكرر مرتين),
 * an optional heading, its body, and the line (1-based) it starts on.
 */
export interface ImportedArticle {
  number: string;
  key: string;
  heading?: string;
  body: string;
  line: number;
}

/** A section (title, chapter) and its articles; `heading` is absent for articles before any heading. */
export interface ImportedSection {
  heading?: string;
  line: number;
  articles: ImportedArticle[];
}

/**
 * What {@link importArticles} found. `articles` is empty when no article heading was recognised: then
 * `unmatched` says what the text held (its number of non-empty lines, the headings found), for the author
 * to see why.
 */
export interface ArticleImport {
  /** The text before the first article (section headings apart). */
  preamble: string;
  sections: ImportedSection[];
  /** Every article, in order (the same objects as in `sections`). */
  articles: ImportedArticle[];
  unmatched: {
    /** Non-empty lines of the whole text. */
    lineCount: number;
    /** Section headings found. */
    headings: string[];
    /** Non-empty lines outside the preamble and the articles (text between a heading and its first article). */
    lines: string[];
  };
}

const ARABIC_DIGITS = /[\u0660-\u0669\u06F0-\u06F9]/g;

/**
 * Arabic-Indic (٠–٩) and Eastern Arabic (۰–۹) digits as Latin ones.
 *
 * @example
 * ```ts
 * latinDigits('المادة ١٢'); // 'المادة 12'
 * ```
 */
export function latinDigits(text: string): string {
  return text.replace(ARABIC_DIGITS, (digit) => {
    const code = digit.charCodeAt(0);
    return String(code >= 0x06f0 ? code - 0x06f0 : code - 0x0660);
  });
}

// Ordinals up to the twentieth, feminine (المادة) and masculine (الفصل, الباب), with and without hamza.
const ARABIC_ORDINALS: [RegExp, number][] = [
  [/^ال[أا]ول[ىي]?$/, 1],
  [/^الحادي[ةه]? عشر[ةه]?$/, 11],
  [/^الثاني[ةه]? عشر[ةه]?$/, 12],
  [/^الثالث[ةه]? عشر[ةه]?$/, 13],
  [/^الرابع[ةه]? عشر[ةه]?$/, 14],
  [/^الخامس[ةه]? عشر[ةه]?$/, 15],
  [/^السادس[ةه]? عشر[ةه]?$/, 16],
  [/^السابع[ةه]? عشر[ةه]?$/, 17],
  [/^الثامن[ةه]? عشر[ةه]?$/, 18],
  [/^التاسع[ةه]? عشر[ةه]?$/, 19],
  [/^العشرون$/, 20],
  [/^الثاني[ةه]?$/, 2],
  [/^الثالث[ةه]?$/, 3],
  [/^الرابع[ةه]?$/, 4],
  [/^الخامس[ةه]?$/, 5],
  [/^السادس[ةه]?$/, 6],
  [/^السابع[ةه]?$/, 7],
  [/^الثامن[ةه]?$/, 8],
  [/^التاسع[ةه]?$/, 9],
  [/^العاشر[ةه]?$/, 10],
];

const ARABIC_ORDINAL_WORDS =
  '(?:ال[أا]ول[ىي]?|(?:الحادي|الثاني|الثالث|الرابع|الخامس|السادس|السابع|الثامن|التاسع)[ةه]?\\s+عشر[ةه]?|العشرون|الثاني[ةه]?|الثالث[ةه]?|الرابع[ةه]?|الخامس[ةه]?|السادس[ةه]?|السابع[ةه]?|الثامن[ةه]?|التاسع[ةه]?|العاشر[ةه]?)';

const LATIN_SUFFIXES = ['bis', 'ter', 'quater', 'quinquies', 'sexies', 'septies', 'octies', 'nonies'];

// "Article premier", "Art. 2", "Article 1er", "Article 12 bis", then end of line or a separator.
const LATIN_ARTICLE =
  /* @__PURE__ */ /^(?:article|art\.?)\s+(premier|première|unique|\d+)(?:er|ère)?(?:[\s-]+(bis|ter|quater|quinquies|sexies|septies|octies|nonies))?\b\s*(?:$|(?:[.:)–—-]\s*)+(.*)$)/iu;
// "المادة 1", "المادة الأولى", "الفصل 3", "المادة 12 مكرر مرتين", then end of line or a separator.
const ARABIC_ARTICLE = /* @__PURE__ */ new RegExp(
  `^(المادة|الماده|الفصل)\\s+(\\d+|${ARABIC_ORDINAL_WORDS}|فريدة|الفريدة|الوحيدة)(?:\\s*[-–]?\\s*(مكرر(?:\\s+(?:مرتين|ثلاث\\s+مرات))?))?\\s*(?:$|(?:[.:)–—،-]\\s*)+(.*)$)`,
  'u',
);
const TIFINAGH_ARTICLE = /^ⴰⵎⴰⴳⵔⴰⴷ\s+(\d+)(?:\s+(ⵉⵙⵉⵏ|ⴽⵕⴰⴹ))?\s*(?:$|(?:[.:)–—-]\s*)+(.*)$)/u;

const SECTION_WORDS =
  /^(?:titre|chapitre|section|sous-section|livre|partie|الباب|القسم|الفرع|الكتاب|الجزء|ⴰⵣⵓⵍ|ⴰⵙⵎⵉⵍ)\s+\S/iu;
const ARABIC_CHAPTER = /* @__PURE__ */ new RegExp(`^الفصل\\s+(?:\\d+|${ARABIC_ORDINAL_WORDS})`, 'u');

function arabicNumber(word: string): number | undefined {
  const spaced = word.replace(/\s+/g, ' ');
  return ARABIC_ORDINALS.find(([pattern]) => pattern.test(spaced))?.[1];
}

/** A heading line without its Markdown decoration (`## `, `**…**`, `_…_`). */
function undecorated(line: string): { text: string; markdownLevel: number } {
  const hashes = /^(#{1,6})\s+(.*)$/.exec(line);
  const text = (hashes ? (hashes[2] ?? '') : line)
    .replace(
      /^[*_]{1,3}(.*?)[*_]{1,3}(\s*[.:–—-].*)?$/u,
      (_all, inner: string, rest?: string) => inner + (rest ?? ''),
    )
    .replace(/\s+#+\s*$/, '')
    .trim();
  return { text, markdownLevel: hashes ? (hashes[1]?.length ?? 0) : 0 };
}

interface ArticleHeading {
  number: string;
  key: string;
  rest?: string;
  arabicFasl: boolean;
}

function articleHeading(text: string): ArticleHeading | undefined {
  const line = latinDigits(text);
  const latin = LATIN_ARTICLE.exec(line);
  if (latin) {
    const word = (latin[1] ?? '').toLowerCase();
    const n = /^\d+$/.test(word) ? String(Number(word)) : '1';
    const suffix = latin[2]?.toLowerCase();
    const rank = suffix ? LATIN_SUFFIXES.indexOf(suffix) + 2 : 1;
    return {
      number: suffix ? `${n} ${suffix}` : n,
      key: rank > 1 ? `${n}.${rank}` : n,
      ...(latin[3] ? { rest: latin[3].trim() } : {}),
      arabicFasl: false,
    };
  }
  const arabic = ARABIC_ARTICLE.exec(line);
  if (arabic) {
    const word = arabic[2] ?? '';
    const n = /^\d+$/.test(word) ? String(Number(word)) : String(arabicNumber(word) ?? 1);
    const suffix = arabic[3]?.replace(/\s+/g, ' ');
    const rank = !suffix ? 1 : suffix === 'مكرر' ? 2 : suffix === 'مكرر مرتين' ? 3 : 4;
    return {
      number: suffix ? `${n} ${suffix}` : n,
      key: rank > 1 ? `${n}.${rank}` : n,
      ...(arabic[4] ? { rest: arabic[4].trim() } : {}),
      arabicFasl: arabic[1] === 'الفصل',
    };
  }
  const tifinagh = TIFINAGH_ARTICLE.exec(line);
  if (tifinagh) {
    const n = String(Number(tifinagh[1]));
    const rank = tifinagh[2] === 'ⵉⵙⵉⵏ' ? 2 : tifinagh[2] ? 3 : 1;
    return {
      number: tifinagh[2] ? `${n} ${tifinagh[2]}` : n,
      key: rank > 1 ? `${n}.${rank}` : n,
      ...(tifinagh[3] ? { rest: tifinagh[3].trim() } : {}),
      arabicFasl: false,
    };
  }
  return undefined;
}

/**
 * The canonical key of an article number, the same in every language (`12 bis` and `12 مكرر` → `12.2`), so
 * that a French text imported after the Arabic one fills the same articles.
 *
 * @example
 * ```ts
 * articleNumberKey('12 مكرر مرتين'); // '12.3'
 * articleNumberKey('Premier'); // '1'
 * ```
 */
export function articleNumberKey(number: string): string {
  const heading = articleHeading(`Article ${number}`) ?? articleHeading(`المادة ${number}`);
  return heading?.key ?? latinDigits(number).trim().toLowerCase();
}

// The rest of a heading line is the article's title when short and unpunctuated ("Objet"), else the start
// of its body ("Article premier. – La présente loi fixe…").
function isTitle(rest: string, markdown: boolean): boolean {
  return markdown || (rest.length <= 80 && !/[.;:؛،,]$/.test(rest) && rest.split(/\s+/).length <= 10);
}

function paragraphs(lines: string[]): string {
  return lines
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/**
 * Reads pasted legal text into its preamble, sections and articles (see the top of this file for what is
 * recognised). Never throws: text without any article heading gives `articles: []` and, in `unmatched`,
 * what was found instead.
 *
 * @example
 * ```ts
 * const result = importArticles('Préambule\n\nArticle premier. – La présente loi…\n\nArticle 2\nLe délai…', {
 *   format: 'plain',
 * });
 * result.articles.map((a) => a.number); // ['1', '2']
 * result.preamble; // 'Préambule'
 * ```
 */
export function importArticles(text: string, options: { format: ArticleImportFormat }): ArticleImport {
  const markdown = options.format === 'markdown';
  const lines = text
    .replace(/\r\n?/g, '\n')
    .replace(/\u00a0/g, ' ')
    .split('\n');
  // "الفصل" numbers articles unless the text also uses "المادة" for them.
  const faslIsChapter = lines.some((line) => {
    const heading = articleHeading(undecorated(line.trim()).text);
    return heading !== undefined && !heading.arabicFasl && /^الماد/u.test(undecorated(line.trim()).text);
  });
  const preamble: string[] = [];
  const sections: ImportedSection[] = [];
  const articles: ImportedArticle[] = [];
  const headings: string[] = [];
  const stray: string[] = [];
  let section: ImportedSection | undefined;
  let article: { value: ImportedArticle; body: string[] } | undefined;
  const closeArticle = () => {
    if (article) {
      article.value.body = paragraphs(article.body);
      // "Article 7 : Abrogé" with nothing under it: the rest of the line was the text, not a title.
      if (!article.value.body && article.value.heading) {
        article.value.body = article.value.heading;
        delete article.value.heading;
      }
    }
    article = undefined;
  };
  let lineCount = 0;
  lines.forEach((raw, index) => {
    const line = raw.trim();
    if (line) lineCount++;
    const { text: bare, markdownLevel } = undecorated(line);
    const heading = line ? articleHeading(bare) : undefined;
    const isArticle = heading !== undefined && !(heading.arabicFasl && faslIsChapter);
    const isSection =
      !isArticle &&
      line.length > 0 &&
      ((markdown && markdownLevel > 0) ||
        (bare.length <= 160 && (SECTION_WORDS.test(bare) || (faslIsChapter && ARABIC_CHAPTER.test(bare)))));
    if (isArticle && heading) {
      closeArticle();
      if (!section) {
        section = { line: index + 1, articles: [] };
        sections.push(section);
      }
      const rest = heading.rest;
      const title = rest && isTitle(rest, markdownLevel > 0) ? rest : undefined;
      const value: ImportedArticle = {
        number: heading.number,
        key: heading.key,
        ...(title ? { heading: title } : {}),
        body: '',
        line: index + 1,
      };
      article = { value, body: rest && !title ? [rest] : [] };
      section.articles.push(value);
      articles.push(value);
      return;
    }
    if (isSection) {
      closeArticle();
      headings.push(bare);
      section = { heading: bare, line: index + 1, articles: [] };
      sections.push(section);
      return;
    }
    if (article) article.body.push(line);
    else if (articles.length === 0) preamble.push(line);
    else if (line) stray.push(line);
  });
  closeArticle();
  return {
    preamble: paragraphs(preamble),
    // Headings with no article under them stay visible in `unmatched.headings`, not as empty sections.
    sections: sections.filter((s) => s.articles.length > 0),
    articles,
    unmatched: { lineCount, headings, lines: stray.slice(0, 50) },
  };
}
