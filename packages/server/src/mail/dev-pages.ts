// `/dev/mail`: the messages the platform sent or queued, for a developer running the demo (there is no
// mailbox to open). Bound only in demo or `--dev` mode: it shows every message, links with tokens in them
// included. Plain server-rendered HTML under a strict policy: no script, no inline style.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Context } from 'hono';
import type { ApiApp } from '../http/app.js';
import { htmlPage } from '../http/html-page.js';
import { escapeHtml, htmlLangDir } from './layout.js';
import { getMail, listMail, type QueuedMail } from './outbox.js';

/** The policy of the `/dev/mail` pages: the stylesheet of the server only, never framed. */
export const DEV_MAIL_CSP =
  "default-src 'none'; style-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/**
 * The policy of a message's HTML part shown as sent: its inline styles only (mail has no other kind), no
 * script, no remote image, sandboxed so it runs nothing and cannot navigate this site.
 */
const MAIL_HTML_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'; sandbox allow-popups allow-popups-to-escape-sandbox";

const STYLE = `body{font-family:system-ui,sans-serif;margin:2rem auto;max-width:60rem;padding:0 1rem;line-height:1.5;color:#1a1a1a}
table{border-collapse:collapse;inline-size:100%}th,td{text-align:start;padding:.4rem .6rem;border-block-end:1px solid #ccc;vertical-align:top}
pre{white-space:pre-wrap;overflow-wrap:anywhere;background:#f6f6f6;padding:1rem;border:1px solid #ddd}
dt{font-weight:bold}dd{margin:0 0 .5rem 0}a{color:#0b5a41}.state-failed{color:#a00000}
`;

/** The most messages the list shows. */
const LIST_LIMIT = 200;

const HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'cache-control': 'no-store',
  'content-security-policy': DEV_MAIL_CSP,
};

function page(title: string, main: string): string {
  // The developer's page is in English: it lists messages in every language, each marked with its own.
  return htmlPage({ locale: 'en', title, stylesheet: '/dev/mail.css', main });
}

/**
 * Plain text as HTML with its http(s) addresses as links (everything escaped; a trailing full stop or
 * bracket stays outside the link).
 *
 * @example
 * ```ts
 * linkify('Open https://nassij.ma/auth/verify?token=a&lang=fr.'); // 'Open <a href="…">…</a>.'
 * ```
 */
export function linkify(text: string): string {
  let html = '';
  let last = 0;
  for (const match of text.matchAll(/https?:\/\/[^\s<>"']+/g)) {
    const url = match[0].replace(/[.,;:!?)\]]+$/, '');
    const start = match.index ?? 0;
    html += escapeHtml(text.slice(last, start));
    html += `<a href="${escapeHtml(url)}">${escapeHtml(url)}</a>`;
    last = start + url.length;
  }
  return html + escapeHtml(text.slice(last));
}

function listPage(messages: QueuedMail[]): string {
  const rows = messages.map(
    (mail) => `<tr>
<td><bdi>${escapeHtml(mail.to)}</bdi></td>
<td><a href="/dev/mail/${encodeURIComponent(mail.id)}" lang="${htmlLangDir(mail.locale).lang}" dir="${htmlLangDir(mail.locale).dir}">${escapeHtml(mail.subject)}</a></td>
<td>${escapeHtml(mail.kind)}</td>
<td class="state-${mail.state}">${escapeHtml(mail.state)}</td>
<td><time datetime="${escapeHtml(mail.createdAt)}">${escapeHtml(mail.createdAt.replace('T', ' ').slice(0, 19))} UTC</time></td>
</tr>`,
  );
  const body =
    messages.length === 0
      ? '<p>No message yet. Messages the platform sends (sign-up, password reset…) appear here.</p>'
      : `<table>
<caption>Newest first${messages.length === LIST_LIMIT ? ` (the latest ${LIST_LIMIT})` : ''}</caption>
<thead><tr><th scope="col">To</th><th scope="col">Subject</th><th scope="col">Kind</th><th scope="col">State</th><th scope="col">Queued</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>`;
  return page(
    'Mail sent by this server',
    `<h1>Mail sent by this server</h1>
<p>Development only: this page exists because the server runs the demo or <code>--dev</code>.</p>
${body}`,
  );
}

function messagePage(mail: QueuedMail): string {
  const { lang, dir } = htmlLangDir(mail.locale);
  const field = (name: string, value: string | null) =>
    value === null ? '' : `<dt>${name}</dt><dd><bdi>${escapeHtml(value)}</bdi></dd>`;
  const id = encodeURIComponent(mail.id);
  return page(
    mail.subject,
    `<p><a href="/dev/mail">All messages</a></p>
<h1 lang="${lang}" dir="${dir}">${escapeHtml(mail.subject)}</h1>
<dl>
${field('To', mail.to)}${field('Kind', mail.kind)}${field('Language', mail.locale)}${field('State', mail.state)}${field('Attempts', String(mail.attempts))}${field('Queued', mail.createdAt)}${field('Sent', mail.sentAt)}${field('Last error', mail.lastError)}${field('Message-ID', mail.messageId)}
</dl>
<h2>Text part</h2>
<pre lang="${lang}" dir="${dir}">${linkify(mail.text)}</pre>
<p><a href="/dev/mail/${id}/html">The HTML part as sent</a> · <a href="/dev/mail/${id}.eml">The .eml file</a> (when written to files)</p>`,
  );
}

function notFound(c: Context): Response {
  return c.body(
    page('Not found', '<h1>No such message</h1><p><a href="/dev/mail">All messages</a></p>'),
    404,
    HEADERS,
  );
}

/**
 * Binds `/dev/mail` (the list, newest first), `/dev/mail/{id}` (a message's text part, links clickable),
 * `/dev/mail/{id}/html` (its HTML part, sandboxed) and `/dev/mail/{id}.eml` (its file, when the server
 * writes files). The server binds them only in demo or `--dev` mode; elsewhere `/dev/mail` is a 404.
 *
 * @example
 * ```ts
 * if (devPages) registerDevMail(app);
 * ```
 */
export function registerDevMail(app: ApiApp): void {
  app.hono.get('/dev/mail.css', (c) =>
    c.body(STYLE, 200, { 'content-type': 'text/css; charset=utf-8', 'cache-control': 'no-store' }),
  );
  app.hono.get('/dev/mail', async (c) =>
    c.body(listPage(await listMail(app.db, { limit: LIST_LIMIT })), 200, HEADERS),
  );
  app.hono.get('/dev/mail/:file', async (c) => {
    const name = c.req.param('file');
    const id = name.endsWith('.eml') ? name.slice(0, -'.eml'.length) : name;
    const mail = await getMail(app.db, id);
    if (!mail) return notFound(c);
    if (id === name) return c.body(messagePage(mail), 200, HEADERS);
    const eml = await readFile(join(app.dataDir, 'mail', `${mail.id}.eml`)).catch(() => undefined);
    if (!eml) return notFound(c);
    return c.body(new Uint8Array(eml), 200, {
      'content-type': 'message/rfc822',
      'content-disposition': `attachment; filename="${mail.id}.eml"`,
      'cache-control': 'no-store',
    });
  });
  app.hono.get('/dev/mail/:id/html', async (c) => {
    const mail = await getMail(app.db, c.req.param('id'));
    if (!mail) return notFound(c);
    return c.body(mail.html, 200, { ...HEADERS, 'content-security-policy': MAIL_HTML_CSP });
  });
}
