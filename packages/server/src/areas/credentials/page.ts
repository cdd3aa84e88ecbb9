// The public verification page of a certificate, `/verify/{certificateId}`: rendered by the server in the
// reader's language with `lang`/`dir`, no script at all and a strict CSP, saying whether the certificate is
// valid and, if not, why.
import { type Certificate, type CredentialVerification, LOCALES, type Locale } from '@nassij/contract';
import { escapeHtml, htmlPage } from '../../http/html-page.js';
import { competencyLabel, readableDate } from './certificates.js';
import { CERTIFICATE_TEXTS } from './messages.js';

/** No script, only the server's stylesheet, never framed. */
export const VERIFY_PAGE_CSP =
  "default-src 'none'; style-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/** Headers of the verification page: public, briefly cached (a revocation shows within a minute). */
export const VERIFY_PAGE_HEADERS: Readonly<Record<string, string>> = {
  'content-type': 'text/html; charset=utf-8',
  'content-security-policy': VERIFY_PAGE_CSP,
  'cache-control': 'public, max-age=60',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
};

/** The names of the languages, each in itself, for the language links. */
const LANGUAGE_NAMES: Record<Locale, string> = {
  ar: 'العربية',
  fr: 'Français',
  zgh: 'ⵜⴰⵎⴰⵣⵉⵖⵜ',
  en: 'English',
};

function languageLinks(certificateId: string, current: Locale): string {
  const items = LOCALES.map((locale) => {
    const lang = locale === 'zgh' ? 'zgh-Tfng' : locale;
    const name = escapeHtml(LANGUAGE_NAMES[locale]);
    return locale === current
      ? `<li><span lang="${lang}" aria-current="page">${name}</span></li>`
      : `<li><a href="/verify/${escapeHtml(certificateId)}?lang=${locale}" lang="${lang}" hreflang="${lang}">${name}</a></li>`;
  });
  return `<nav aria-label="${escapeHtml(CERTIFICATE_TEXTS[current].languages)}"><ul>${items.join('')}</ul></nav>`;
}

/**
 * The page of a certificate: valid, or invalid with the reason, and what it certifies.
 *
 * @example
 * ```ts
 * const html = verificationPage(certificate, result, 'fr');
 * ```
 */
export function verificationPage(
  certificate: Certificate,
  result: CredentialVerification,
  locale: Locale,
): string {
  const t = CERTIFICATE_TEXTS[locale];
  const verdict = result.valid
    ? `<p class="verdict valid" role="status" data-valid="true">${escapeHtml(t.valid)}</p>`
    : `<p class="verdict problem" role="alert" data-valid="false" data-reason="${escapeHtml(result.reason ?? '')}">${escapeHtml(
        t.invalid,
      )} ${escapeHtml(t.reasons[result.reason ?? 'malformed'])}</p>`;
  const credential = certificate.credential;
  const achievement = credential.credentialSubject.achievement;
  const rows: [string, string][] = [
    [t.participant, certificate.participantName],
    [t.course, achievement.name],
    [
      t.competencies,
      (achievement.alignment ?? [])
        .map((a) => {
          const level = Number(/#level-(\d)$/.exec(a.targetUrl)?.[1] ?? 0);
          return a.targetCode && level ? competencyLabel(a.targetCode, level, locale) : a.targetName;
        })
        .join(' · '),
    ],
    [t.issuer, credential.issuer.name],
    [t.issuedOn.replace('{date}', '').trim(), readableDate(certificate.issuedAt, locale)],
  ];
  const facts = rows
    .filter(([, value]) => value !== '')
    .map(([term, value]) => `<dt>${escapeHtml(term)}</dt><dd dir="auto">${escapeHtml(value)}</dd>`)
    .join('\n');
  const id = escapeHtml(certificate.id);
  return htmlPage({
    locale,
    title: t.pageTitle,
    stylesheet: '/auth/popup.css',
    main: `${languageLinks(certificate.id, locale)}
<h1>${escapeHtml(t.pageTitle)}</h1>
${verdict}
<dl>
${facts}
</dl>
<ul>
<li><a href="/v1/certificates/${id}.pdf?lang=${locale}" type="application/pdf">${escapeHtml(t.downloadPdf)}</a></li>
<li><a href="/v1/certificates/${id}" type="application/json">${escapeHtml(t.downloadJson)}</a></li>
</ul>`,
  });
}

/**
 * The page of an id no certificate has.
 *
 * @example
 * ```ts
 * const html = notFoundPage('ar');
 * ```
 */
export function notFoundPage(locale: Locale): string {
  const t = CERTIFICATE_TEXTS[locale];
  return htmlPage({
    locale,
    title: t.pageTitle,
    stylesheet: '/auth/popup.css',
    main: `<h1>${escapeHtml(t.pageTitle)}</h1>\n<p class="problem" role="alert">${escapeHtml(t.notFound)}</p>`,
  });
}
