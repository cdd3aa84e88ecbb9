// The frame of every HTML page the server itself renders for people (the sign-in popup and the pages e-mail
// links open, the subscription pages, /dev/mail): language and direction, no referrer, not indexed, one
// stylesheet of the server's own. What goes inside is each page's.
import { type Locale, RTL_LOCALES } from '@nassij/contract';

/**
 * Text made safe inside HTML content and attribute values.
 *
 * @example
 * ```ts
 * escapeHtml('<b>"Tifawin"</b>'); // '&#60;b&#62;&#34;Tifawin&#34;&#60;/b&#62;'
 * ```
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

/**
 * The `lang` attribute and the direction of a locale (Tamazight in Tifinagh is `zgh-Tfng`).
 *
 * @example
 * ```ts
 * htmlLangDir('ar'); // { lang: 'ar', dir: 'rtl' }
 * ```
 */
export function htmlLangDir(locale: Locale): { lang: string; dir: 'rtl' | 'ltr' } {
  return {
    lang: locale === 'zgh' ? 'zgh-Tfng' : locale,
    dir: RTL_LOCALES.includes(locale) ? 'rtl' : 'ltr',
  };
}

/** What a page puts in the frame. */
export interface HtmlPage {
  /** The reader's language (sets `lang` and `dir`; `zgh` is written `zgh-Tfng`). */
  locale: Locale;
  title: string;
  /** The page's stylesheet, a path on this server. */
  stylesheet: string;
  /** The content of `<main>` (already escaped where it holds user text). */
  main: string;
  /** Attributes of `<body>` (already escaped), e.g. `data-page="popup"`. */
  bodyAttributes?: string;
  /** What follows `<main>` in the body: messages for a script, the script tag. */
  after?: string;
}

/**
 * A whole HTML document around a page's content.
 *
 * @example
 * ```ts
 * htmlPage({ locale: 'fr', title: 'Abonnement confirmé', stylesheet: '/auth/popup.css', main: '<h1>…</h1>' });
 * ```
 */
export function htmlPage(page: HtmlPage): string {
  const { lang, dir } = htmlLangDir(page.locale);
  return `<!doctype html>
<html lang="${lang}" dir="${dir}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<meta name="robots" content="noindex">
<title>${escapeHtml(page.title)}</title>
<link rel="stylesheet" href="${escapeHtml(page.stylesheet)}">
</head>
<body${page.bodyAttributes ? ` ${page.bodyAttributes}` : ''}>
<main>
${page.main}
</main>
${page.after ?? ''}</body>
</html>
`;
}
