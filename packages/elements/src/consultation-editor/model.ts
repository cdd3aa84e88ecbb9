import { articleNumberKey, type DraftArticle, type DraftSection, type LocalizedText } from '@nassij/contract';

// The consulted text as the editor handles it: sections of articles, each article with a stable id. Pure
// functions (no DOM, no element), so that they run under node's test runner too.

/** One article as edited: a stable `id` once saved (contributions hang on it across versions), a number, texts. */
export type EditedArticle = DraftArticle;

/** One section (chapter, title) of the text and its articles; a text without headings has one without. */
export type EditedSection = DraftSection;

/** The languages an article's text is written in, Arabic first. */
export const TEXT_LANGUAGES = ['ar', 'fr', 'zgh', 'en'] as const;
export type TextLanguage = (typeof TEXT_LANGUAGES)[number];

/**
 * Every article of `sections`, in reading order, with where it stands.
 *
 * @example
 * ```ts
 * articlesOf(sections).map((a) => a.article.number); // ['1', '2', '2 bis']
 * ```
 */
export function articlesOf(
  sections: readonly EditedSection[],
): { article: EditedArticle; section: number; index: number }[] {
  return sections.flatMap((section, s) =>
    section.articles.map((article, index) => ({ article, section: s, index })),
  );
}

/**
 * A copy of `sections` with the article at (`section`, `index`) moved one place up (`-1`) or down (`1`),
 * across sections when it is the first or last of its own: the reading order is what the reader changes.
 * Returns the new position, or `undefined` when the article cannot move that way.
 *
 * @example
 * ```ts
 * const moved = moveArticle(sections, 0, 1, -1); // article 2 of section 1 becomes its first
 * moved?.at; // { section: 0, index: 0 }
 * ```
 */
export function moveArticle(
  sections: readonly EditedSection[],
  section: number,
  index: number,
  by: -1 | 1,
): { sections: EditedSection[]; at: { section: number; index: number } } | undefined {
  const next = sections.map((s) => ({ ...s, articles: [...s.articles] }));
  const from = next[section];
  const article = from?.articles[index];
  if (!from || !article) return undefined;
  const target = index + by;
  if (target >= 0 && target < from.articles.length) {
    from.articles.splice(index, 1);
    from.articles.splice(target, 0, article);
    return { sections: next, at: { section, index: target } };
  }
  // First or last of its section: to the end of the previous section, or the start of the next one.
  const other = next[section + by];
  if (!other) return undefined;
  from.articles.splice(index, 1);
  if (by === -1) other.articles.push(article);
  else other.articles.unshift(article);
  return {
    sections: next,
    at: { section: section + by, index: by === -1 ? other.articles.length - 1 : 0 },
  };
}

/** What an article detected by the contract's `importArticles` is read as: a number, a heading, a body. */
export interface DetectedArticle {
  number: string;
  heading?: string | undefined;
  body: string;
}

/** A section detected by `importArticles`, with its articles. */
export interface DetectedSection {
  heading?: string | undefined;
  articles: readonly DetectedArticle[];
}

/**
 * The sections an import adds, as edited sections: every text in `language`, without ids (the server gives
 * new articles theirs when it saves the draft, and a new version takes an article without an id as new).
 *
 * @example
 * ```ts
 * toEditedSections([{ articles: [{ number: '1', body: 'يهدف هذا القانون…' }] }], 'ar');
 * // [{ articles: [{ number: '1', body: { ar: 'يهدف هذا القانون…' } }] }]
 * ```
 */
export function toEditedSections(
  detected: readonly DetectedSection[],
  language: TextLanguage,
): EditedSection[] {
  return detected
    .filter((section) => section.articles.length > 0)
    .map((section) => ({
      ...(section.heading ? { heading: { [language]: section.heading } as LocalizedText } : {}),
      articles: section.articles.map((article) => ({
        number: article.number,
        ...(article.heading ? { heading: { [language]: article.heading } as LocalizedText } : {}),
        body: { [language]: article.body } as LocalizedText,
      })),
    }));
}

/**
 * The articles of `before` that are no longer in `after` (by id): what a new version removes.
 *
 * @example
 * ```ts
 * removedArticles(published, edited).map((a) => a.number); // ['4']
 * ```
 */
export function removedArticles(
  before: readonly EditedSection[],
  after: readonly EditedSection[],
): EditedArticle[] {
  const kept = new Set(articlesOf(after).map(({ article }) => article.id));
  return articlesOf(before)
    .map(({ article }) => article)
    .filter((article) => article.id !== undefined && !kept.has(article.id));
}

/**
 * `sections` with the `articles` put back where they stood in `before` (at the end of their old section, or
 * of the last section when it is gone): the "put the articles back" answer to a removal.
 *
 * @example
 * ```ts
 * restoreArticles(edited, published, removedArticles(published, edited));
 * ```
 */
export function restoreArticles(
  sections: readonly EditedSection[],
  before: readonly EditedSection[],
  articles: readonly EditedArticle[],
): EditedSection[] {
  const next = sections.map((s) => ({ ...s, articles: [...s.articles] }));
  for (const article of articles) {
    const home = before.find((s) => s.articles.some((a) => a.id === article.id));
    const target = (home?.id && next.find((s) => s.id === home.id)) || next.at(-1);
    if (target) target.articles.push(article);
    else next.push({ ...(home?.heading ? { heading: home.heading } : {}), articles: [article] });
  }
  return next;
}

/**
 * `sections` with an imported text in `language` laid over them: an article whose number matches one
 * already there (`12 bis` and `12 مكرر` are the same article) gets its text in that language, keeping its
 * id; the others are added at the end, in a section of their own when the import had headings. This is how
 * the French text, pasted after the Arabic, completes the same articles.
 *
 * @example
 * ```ts
 * const next = mergeImport(sections, importArticles(french, { format: 'plain' }).sections, 'fr');
 * ```
 */
export function mergeImport(
  sections: readonly EditedSection[],
  detected: readonly DetectedSection[],
  language: TextLanguage,
): EditedSection[] {
  const next = sections.map((s) => ({ ...s, articles: [...s.articles] }));
  const byKey = new Map<string, { section: number; index: number }>();
  next.forEach((section, s) => {
    section.articles.forEach((article, index) => {
      const key = articleNumberKey(article.number);
      if (!byKey.has(key)) byKey.set(key, { section: s, index });
    });
  });
  const added: DetectedSection[] = [];
  for (const section of detected) {
    const rest: DetectedArticle[] = [];
    for (const article of section.articles) {
      const at = byKey.get(articleNumberKey(article.number));
      const target = at && next[at.section];
      const current = at && target?.articles[at.index];
      if (!at || !target || !current) {
        rest.push(article);
        continue;
      }
      target.articles[at.index] = {
        ...current,
        body: { ...current.body, [language]: article.body },
        ...(article.heading
          ? { heading: { ...(current.heading ?? {}), [language]: article.heading } as LocalizedText }
          : {}),
      };
      // A section whose articles were found gets the heading in this language too, when it had one.
      const own = next[at.section];
      if (own?.heading && section.heading && !own.heading[language])
        next[at.section] = { ...own, heading: { ...own.heading, [language]: section.heading } };
    }
    if (rest.length) added.push({ ...section, articles: rest });
  }
  if (added.length === 0) return next;
  return [...next, ...toEditedSections(added, language)];
}
