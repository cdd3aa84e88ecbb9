// How a message leaves the server: through an SMTP relay (`--smtp`), or, without one, as `.eml` files in
// `<dataDir>/mail/` that a developer opens in a mail client (and `/dev/mail` lists). Both build the same
// MIME message with nodemailer: multipart/alternative (text, then HTML), UTF-8, the subject encoded, and
// the `Message-ID` fixed when the message was enqueued.
import { randomUUID } from 'node:crypto';
import { mkdir, open, readdir, rename, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import nodemailer, { type SendMailOptions } from 'nodemailer';
import { htmlLangDir } from './layout.js';
import type { QueuedMail } from './outbox.js';

/**
 * Sends one message. `send` resolves once the message is handed over (written, or accepted by the relay)
 * and rejects when it was not; `delivered` says whether an earlier attempt already handed it over (a file
 * transport knows; a relay cannot be asked).
 *
 * @example
 * ```ts
 * const transport = fileTransport({ dir: join(dataDir, 'mail'), from: 'Nassij <no-reply@nassij.ma>' });
 * await transport.send(mail);
 * await transport.close();
 * ```
 */
export interface MailTransport {
  /** For logs: `files in <dir>` or the relay's URL without its credentials. */
  readonly description: string;
  delivered?(mail: QueuedMail): Promise<boolean>;
  send(mail: QueuedMail): Promise<void>;
  close(): Promise<void>;
}

/** The default sender when `--mail-from` is not given: no-reply at the public host, else at localhost. */
export function defaultMailFrom(publicUrl?: string): string {
  const host = publicUrl ? new URL(publicUrl).hostname : 'localhost';
  return `Nassij <no-reply@${host}>`;
}

/**
 * The domain of a sender address (`Nassij <no-reply@nassij.ma>` → `nassij.ma`), the host part of the
 * `Message-ID`s. Throws a `RangeError` when there is none.
 *
 * @example
 * ```ts
 * senderDomain('Nassij <no-reply@nassij.ma>'); // 'nassij.ma'
 * ```
 */
export function senderDomain(from: string): string {
  const match = /@([A-Za-z0-9.-]+)>?\s*$/.exec(from.trim());
  if (!match?.[1] || match[1].startsWith('.') || match[1].endsWith('.'))
    throw new RangeError(`Not a sender address: ${JSON.stringify(from)}`);
  return match[1].toLowerCase();
}

/** The message as nodemailer builds it. `date` is the attempt's instant on the server's clock. */
function messageOptions(mail: QueuedMail, from: string, date: Date): SendMailOptions {
  return {
    from,
    to: mail.to,
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    messageId: mail.messageId,
    date,
    headers: {
      // Extra headers first (List-Unsubscribe…): the ones below are the server's and always win.
      ...mail.headers,
      'Content-Language': htmlLangDir(mail.locale).lang,
      // RFC 3834: vacation responders and the like must not answer.
      'Auto-Submitted': 'auto-generated',
    },
  };
}

/** Message ids are generated (`mail_…`); anything else never becomes a file name. */
const SAFE_ID = /^[A-Za-z0-9_-]{1,100}$/;

/** A temporary file older than this was left by a crash (a write takes milliseconds) and is deleted. */
const STALE_TMP_MS = 10 * 60_000;

/**
 * Writes each message to `<dir>/<id>.eml`, built by nodemailer's stream transport. The write is atomic (a
 * temporary file, flushed, then renamed), so a crash leaves either no file or the whole message, and a
 * message whose file exists counts as delivered: a retry after a crash never writes it twice. Temporary
 * files older than ten minutes (a crash's leftovers) are deleted when the transport starts.
 *
 * @example
 * ```ts
 * const transport = fileTransport({ dir: join(dataDir, 'mail'), from: 'Nassij <no-reply@localhost>' });
 * ```
 */
export function fileTransport(options: { dir: string; from: string; clock?: () => Date }): MailTransport {
  const { dir, from } = options;
  const clock = options.clock ?? (() => new Date());
  const composer = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
  const pathOf = (mail: QueuedMail): string => {
    if (!SAFE_ID.test(mail.id)) throw new RangeError(`Not a message id: ${JSON.stringify(mail.id)}`);
    return join(dir, `${mail.id}.eml`);
  };
  const ready = (async () => {
    await mkdir(dir, { recursive: true });
    const now = Date.now();
    for (const name of await readdir(dir)) {
      if (!name.endsWith('.tmp')) continue;
      const path = join(dir, name);
      const info = await stat(path).catch(() => undefined);
      if (info && now - info.mtimeMs > STALE_TMP_MS) await unlink(path).catch(() => undefined);
    }
  })();
  // Reported by the first send instead of as an unhandled rejection.
  ready.catch(() => undefined);
  return {
    description: `files in ${dir}`,
    async delivered(mail) {
      await ready;
      return (await stat(pathOf(mail)).catch(() => undefined)) !== undefined;
    },
    async send(mail) {
      await ready;
      const path = pathOf(mail);
      if ((await stat(path).catch(() => undefined)) !== undefined) return;
      const info = await composer.sendMail(messageOptions(mail, from, clock()));
      const temporary = `${path}.${randomUUID()}.tmp`;
      const file = await open(temporary, 'wx');
      try {
        await file.writeFile(info.message as Buffer);
        await file.sync();
      } finally {
        await file.close();
      }
      // Two processes writing the same message (a lease taken over) rename the same bytes onto one name.
      await rename(temporary, path).catch(async (error: unknown) => {
        await unlink(temporary).catch(() => undefined);
        throw error;
      });
    },
    close: async () => {
      composer.close();
    },
  };
}

/**
 * A URL for logs and errors: the user name kept, the password replaced by `***`.
 *
 * @example
 * ```ts
 * redactUrl('smtp://mailer:s3cret@relay.example.ma:587'); // 'smtp://mailer:***@relay.example.ma:587'
 * ```
 */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString().replace(/\/$/, '');
  } catch {
    return url.replace(/:[^:@/]*@/, ':***@');
  }
}

/**
 * Whether `url` is an SMTP relay URL the server accepts: `smtp://` (STARTTLS when offered) or `smtps://`
 * (TLS from the start), with a host. Credentials go in the URL, percent-encoded.
 *
 * @example
 * ```ts
 * isSmtpUrl('smtp://user:pass@relay.example.ma:587'); // true
 * ```
 */
export function isSmtpUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return (parsed.protocol === 'smtp:' || parsed.protocol === 'smtps:') && parsed.hostname !== '';
  } catch {
    return false;
  }
}

/**
 * Whether sending through `url` must upgrade with STARTTLS first: credentials cross the network only
 * encrypted, so over `smtp://` to another machine with a user or password, a relay (or someone in between)
 * that does not offer STARTTLS gets no password and the attempt fails. A relay on the same machine may
 * speak plain SMTP; `smtps://` is encrypted from the start.
 *
 * @example
 * ```ts
 * smtpRequiresStartTls('smtp://mailer:s3cret@relay.example.ma:587'); // true
 * smtpRequiresStartTls('smtp://mailer:s3cret@127.0.0.1:2525'); // false
 * ```
 */
export function smtpRequiresStartTls(url: string): boolean {
  const parsed = new URL(url);
  const loopback = /^(localhost|127\.\d+\.\d+\.\d+|\[::1\])$/i.test(parsed.hostname);
  return parsed.protocol === 'smtp:' && (parsed.username !== '' || parsed.password !== '') && !loopback;
}

/**
 * Sends through an SMTP relay with nodemailer, one connection per message. The relay cannot say whether an
 * attempt cut short (a crash after the relay accepted, before the outbox recorded it) went through, so a
 * retry may send a message again: delivery is at least once, and every attempt carries the same
 * `Message-ID`, by which mail systems and clients recognise a duplicate. Errors never carry the password,
 * and over `smtp://` to another machine, credentials are only sent after STARTTLS.
 *
 * @example
 * ```ts
 * const transport = smtpTransport({ url: 'smtp://mailer:s3cret@relay.example.ma:587', from: 'Nassij <no-reply@nassij.ma>' });
 * ```
 */
export function smtpTransport(options: { url: string; from: string; clock?: () => Date }): MailTransport {
  const { url, from } = options;
  const clock = options.clock ?? (() => new Date());
  if (!isSmtpUrl(url)) throw new RangeError(`Not an SMTP URL: ${redactUrl(url)}`);
  const password = new URL(url).password;
  const secrets = password ? [password, decodeURIComponent(password)] : [];
  const transporter = nodemailer.createTransport({
    url,
    requireTLS: smtpRequiresStartTls(url),
    // Well within the worker's lease, so that an attempt ends before another process may take it over.
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 30_000,
  });
  return {
    description: redactUrl(url),
    async send(mail) {
      try {
        await transporter.sendMail(messageOptions(mail, from, clock()));
      } catch (error) {
        let message = error instanceof Error ? error.message : String(error);
        for (const secret of secrets) message = message.split(secret).join('***');
        throw new Error(message);
      }
    },
    close: async () => {
      transporter.close();
    },
  };
}
