// The one look of every message the platform sends: a plain-text part that reads well on its own, and a
// plain, accessible HTML part (language and direction set, user text escaped, one action as a link that
// looks like a button, with its address printed too for clients that strip links). Areas keep their own
// wording (`<area>/mail-messages.ts`); this file only lays it out.
import type { Locale } from '@nassij/contract';
import { escapeHtml, htmlLangDir } from '../http/html-page.js';

// The HTML text rules are the server's pages' too (http/html-page.ts); messages use them from here.
export { escapeHtml, htmlLangDir };

/** What a message says, in the recipient's language. */
export interface MailContent {
  subject: string;
  /** The opening line ("Hello Amina,"). */
  greeting?: string;
  /** The body, one text per paragraph (a line break inside a paragraph is kept). */
  paragraphs: string[];
  /** The one thing the message asks the reader to do: a link shown as a button. */
  action?: { label: string; url: string };
  /** A closing note in place of the default one (why the reader receives this message). */
  footer?: string;
}

/** A composed message: what `enqueueMail` takes besides the recipient. */
export interface ComposedMail {
  subject: string;
  text: string;
  html: string;
}

interface LayoutTexts {
  /** Before the printed address of the action. */
  linkFallback: string;
  /** The default footer. */
  footer: string;
  /** The signature. */
  signature: string;
  /** Between the action's label and its address in the text part (French puts a space before it). */
  colon: string;
}

// Tamazight strings want a native speaker's review before release.
const TEXTS: Record<Locale, LayoutTexts> = {
  ar: {
    linkFallback: 'إذا لم يعمل الزر، انسخ هذا العنوان في متصفحك:',
    footer:
      'وصلتك هذه الرسالة لأن عملية أُجريت على حسابك في نسيج. إن لم تكن أنت من قام بها، يمكنك تجاهلها. هذه رسالة آلية، لا تردّ عليها.',
    signature: 'نسيج',
    colon: ':',
  },
  fr: {
    linkFallback: 'Si le bouton ne fonctionne pas, copiez cette adresse dans votre navigateur :',
    footer:
      'Vous recevez ce message parce qu’une action a été faite sur votre compte Nassij. Si ce n’était pas vous, ignorez-le. Ce message est automatique, n’y répondez pas.',
    signature: 'Nassij',
    colon: '\u202f:',
  },
  zgh: {
    linkFallback: 'ⵎⴽ ⵓⵔ ⵉⵙⵡⵓⵔⵉ ⵓⵜⵔⴰⴽ, ⵙⵏⵖⵍ ⴰⵏⵙⴰ ⴰ ⴳ ⵓⵏⴰⵡⴰⵢ ⵏⵏⴽ:',
    footer:
      'ⵜⵓⵡⵙⵉⴷ ⵜⵓⵣⵉⵏⵜ ⴰ ⵏⵏⴰⵖ ⵉⵜⵜⵓⵙⴽⴰⵔ ⴽⵔⴰ ⴳ ⵓⵎⵉⴹⴰⵏ ⵏⵏⴽ ⴳ ⵏⵙⵙⵉⵊ. ⵎⴽ ⵓⵔ ⵜⵍⵍⵉⴷ ⴽⵢⵢ, ⵙⵙⵓⵔⴼ ⴰⵙ. ⵜⴰⵣⵉⵏⵜ ⴰ ⵜⴰⵡⵓⵔⵎⴰⵏⵜ, ⵓⵔ ⴰⵙ ⵜⵔⴰⵔⴷ.',
    signature: 'ⵏⵙⵙⵉⵊ',
    colon: ':',
  },
  en: {
    linkFallback: 'If the button does not work, copy this address into your browser:',
    footer:
      'You receive this message because something was done on your Nassij account. If it was not you, you can ignore it. This message is automatic; please do not reply.',
    signature: 'Nassij',
    colon: ':',
  },
};

/** An action link must go to a web page: nothing else belongs in a button a reader is asked to press. */
function checkedUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new RangeError(`A mail action needs an absolute URL, not ${JSON.stringify(url)}`);
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')
    throw new RangeError(`A mail action links to http(s) only, not ${parsed.protocol}`);
  return url;
}

const FONT = "font-family:system-ui,-apple-system,'Segoe UI',Tahoma,Arial,sans-serif";

/** A paragraph of user text as HTML, its line breaks kept. */
function paragraphHtml(text: string, style = ''): string {
  const body = text.split('\n').map(escapeHtml).join('<br>');
  return `<p style="margin:0 0 16px 0;${style}">${body}</p>`;
}

/**
 * Lays a message out in `locale`: the plain-text part (greeting, paragraphs, the action's label and its
 * address on a line of its own, footer) and an HTML part with `lang` and `dir` set (right to left for
 * Arabic), every text escaped, and the action as a link styled like a button with its address printed
 * below it. Styles are inline, the only kind mail clients keep; colours pass WCAG AA contrast. The footer
 * defaults to a note, in the recipient's language, on why they receive the message. Throws a `RangeError`
 * for an action URL that is not http(s), or a subject with a line break.
 *
 * @example
 * ```ts
 * const mail = composeMail('fr', {
 *   subject: 'Confirmez votre adresse e-mail',
 *   greeting: 'Bonjour Amina,',
 *   paragraphs: ['Pour activer votre compte, confirmez votre adresse.'],
 *   action: { label: 'Confirmer mon adresse', url: 'https://nassij.ma/auth/verify?token=…&lang=fr' },
 * });
 * await enqueueMail(db, { to: 'amina@example.ma', locale: 'fr', kind: 'account.verify-email', ...mail });
 * ```
 */
export function composeMail(locale: Locale, content: MailContent): ComposedMail {
  const texts = TEXTS[locale];
  if (!texts) throw new RangeError(`Not a locale: ${JSON.stringify(locale)}`);
  const subject = content.subject.trim();
  if (/[\r\n]/.test(subject)) throw new RangeError('A mail subject is one line');
  const action = content.action ? { ...content.action, url: checkedUrl(content.action.url) } : undefined;
  const footer = content.footer ?? texts.footer;

  const textBlocks: string[] = [];
  if (content.greeting) textBlocks.push(content.greeting);
  textBlocks.push(...content.paragraphs);
  if (action) textBlocks.push(`${action.label}${texts.colon}\n${action.url}`);
  textBlocks.push(`-- \n${footer}\n${texts.signature}`);
  const text = `${textBlocks.join('\n\n')}\n`;

  const { lang, dir } = htmlLangDir(locale);
  const align = dir === 'rtl' ? 'right' : 'left';
  const parts: string[] = [];
  if (content.greeting) parts.push(paragraphHtml(content.greeting));
  for (const paragraph of content.paragraphs) parts.push(paragraphHtml(paragraph));
  if (action) {
    const href = escapeHtml(action.url);
    parts.push(
      `<p style="margin:24px 0;"><a href="${href}" style="display:inline-block;padding:12px 24px;background:#0b6e4f;color:#ffffff;text-decoration:none;border-radius:6px;font-weight:bold;">${escapeHtml(action.label)}</a></p>`,
      `<p style="margin:0 0 16px 0;font-size:14px;color:#4a4a4a;">${escapeHtml(texts.linkFallback)}<br><a href="${href}" dir="ltr" style="color:#0b6e4f;word-break:break-all;">${href}</a></p>`,
    );
  }
  const html = `<!doctype html>
<html lang="${lang}" dir="${dir}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(subject)}</title>
</head>
<body style="margin:0;padding:0;background:#f4f4f4;">
<div role="article" aria-label="${escapeHtml(subject)}" lang="${lang}" dir="${dir}" style="max-width:600px;margin:0 auto;padding:32px 24px;background:#ffffff;color:#1a1a1a;${FONT};font-size:16px;line-height:1.5;text-align:${align};">
${parts.join('\n')}
<hr style="border:none;border-top:1px solid #d0d0d0;margin:24px 0;">
${paragraphHtml(footer, 'font-size:13px;color:#4a4a4a;')}
${paragraphHtml(texts.signature, 'font-size:13px;color:#4a4a4a;font-weight:bold;')}
</div>
</body>
</html>
`;
  return { subject, text, html };
}
