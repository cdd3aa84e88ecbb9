import type { LocalizedText } from '@nassij/contract';
import type { EditedSection } from './model.js';

// The text between the editor and the API: what a save or a new version sends while articles are being
// written, and the editable copy of a published version. Apart from the import and editing helpers of
// model.ts (which the text view loads), because every save needs these.

/** Whether a localized text has a word in some language. */
function written(text: LocalizedText | undefined): text is LocalizedText {
  return Boolean(text && Object.values(text).some((value) => typeof value === 'string' && value.trim()));
}

/**
 * The text as the API accepts it while it is being written: headings left empty are left out, and so are
 * articles without a number or any text yet (they stay on the device until they have them). Whether it
 * left anything out tells the editor that the text is not all on the server.
 *
 * @example
 * ```ts
 * const { text, complete } = sendableText(editor.fields.text);
 * ```
 */
export function sendableText<
  T extends { preamble?: LocalizedText | undefined; sections: readonly EditedSection[] },
>(text: T): { text: T; complete: boolean } {
  let complete = true;
  const sections = text.sections.map((section) => {
    const { heading, ...rest } = section;
    if (heading && !written(heading)) complete = false;
    const articles = section.articles.flatMap((article) => {
      if (!article.number.trim() || !written(article.body)) {
        complete = false;
        return [];
      }
      const { heading: title, ...own } = article;
      if (title && !written(title)) complete = false;
      return [
        written(title)
          ? { ...own, number: article.number.trim(), heading: title }
          : { ...own, number: article.number.trim() },
      ];
    });
    return { ...rest, ...(written(heading) ? { heading } : {}), articles };
  });
  const { preamble, ...others } = text;
  return {
    text: { ...others, ...(written(preamble) ? { preamble } : {}), sections } as unknown as T,
    complete,
  };
}

/**
 * The editable text of a published version: its sections and articles with their ids, numbers, headings
 * and bodies only (not the counts and change marks the public reads), as a new version sends them back.
 *
 * @example
 * ```ts
 * const sections = editableSections(consultation.text?.sections ?? []);
 * ```
 */
export function editableSections(
  sections: readonly {
    id: string;
    heading?: LocalizedText | undefined;
    articles: readonly {
      id: string;
      number: string;
      heading?: LocalizedText | undefined;
      body: LocalizedText;
    }[];
  }[],
): EditedSection[] {
  return sections.map((section) => ({
    id: section.id,
    ...(section.heading ? { heading: section.heading } : {}),
    articles: section.articles.map((article) => ({
      id: article.id,
      number: article.number,
      ...(article.heading ? { heading: article.heading } : {}),
      body: article.body,
    })),
  }));
}
