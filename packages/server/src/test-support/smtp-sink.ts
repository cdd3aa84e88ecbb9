// A tiny SMTP server for tests (node:net, no dependency): it speaks enough of RFC 5321 for nodemailer
// (EHLO with AUTH PLAIN/LOGIN and no STARTTLS, MAIL, RCPT, DATA with dot-unstuffing, RSET, NOOP, QUIT),
// accepts every message and keeps it. Never for anything but tests: it checks no password.
import { once } from 'node:events';
import { createServer, type Socket } from 'node:net';

/** A message the sink accepted. */
export interface SunkMessage {
  from: string;
  to: string[];
  /** The raw message (headers and body), CRLF line ends, dot-unstuffed. */
  data: string;
  /** The credentials the client gave with AUTH, if any. */
  auth?: { user: string; pass: string };
}

/** A running sink. */
export interface SmtpSink {
  /** `smtp://user:pass@127.0.0.1:port` for the given credentials, or without any. */
  url(credentials?: { user: string; pass: string }): string;
  port: number;
  messages: SunkMessage[];
  /** Answers the next `n` messages with a temporary failure (451) instead of accepting them. */
  refuseNext(n: number): void;
  close(): Promise<void>;
}

/**
 * Starts an SMTP sink on a free port of 127.0.0.1.
 *
 * @example
 * ```ts
 * const sink = await startSmtpSink();
 * await startServer({ dataDir, smtpUrl: sink.url({ user: 'mailer', pass: 's3cret' }) });
 * sink.messages[0]?.data; // 'Content-Type: multipart/alternative; …'
 * await sink.close();
 * ```
 */
export async function startSmtpSink(): Promise<SmtpSink> {
  const messages: SunkMessage[] = [];
  const sockets = new Set<Socket>();
  let refusals = 0;
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    socket.setEncoding('utf8');
    const say = (line: string) => socket.write(`${line}\r\n`);
    let buffer = '';
    let mode: 'command' | 'data' | 'auth-user' | 'auth-pass' = 'command';
    let current: SunkMessage = { from: '', to: [], data: '' };
    let auth: { user: string; pass: string } | undefined;
    let loginUser = '';
    const decode = (text: string) => Buffer.from(text, 'base64').toString('utf8');
    const command = (line: string) => {
      const verb = line.split(' ')[0]?.toUpperCase() ?? '';
      if (verb === 'EHLO') {
        socket.write('250-sink.test\r\n250-AUTH PLAIN LOGIN\r\n250-8BITMIME\r\n250 SMTPUTF8\r\n');
      } else if (verb === 'HELO') say('250 sink.test');
      else if (verb === 'AUTH') {
        const [, mechanism, initial] = line.split(' ');
        if (mechanism?.toUpperCase() === 'PLAIN' && initial) {
          const [, user = '', pass = ''] = decode(initial).split('\u0000');
          auth = { user, pass };
          say('235 2.7.0 Authentication successful');
        } else if (mechanism?.toUpperCase() === 'PLAIN') {
          mode = 'auth-pass';
          loginUser = '';
          say('334 ');
        } else if (mechanism?.toUpperCase() === 'LOGIN') {
          mode = 'auth-user';
          say('334 VXNlcm5hbWU6');
        } else say('504 5.5.4 Unrecognized authentication type');
      } else if (verb === 'MAIL') {
        current = { from: /<([^>]*)>/.exec(line)?.[1] ?? '', to: [], data: '', ...(auth ? { auth } : {}) };
        say('250 2.1.0 Ok');
      } else if (verb === 'RCPT') {
        current.to.push(/<([^>]*)>/.exec(line)?.[1] ?? '');
        say('250 2.1.5 Ok');
      } else if (verb === 'DATA') {
        mode = 'data';
        say('354 End data with <CR><LF>.<CR><LF>');
      } else if (verb === 'RSET') {
        current = { from: '', to: [], data: '' };
        say('250 2.0.0 Ok');
      } else if (verb === 'NOOP') say('250 2.0.0 Ok');
      else if (verb === 'QUIT') {
        say('221 2.0.0 Bye');
        socket.end();
      } else say('502 5.5.2 Command not recognized');
    };
    socket.on('data', (chunk: string) => {
      buffer += chunk;
      for (;;) {
        if (mode === 'data') {
          const end = buffer.indexOf('\r\n.\r\n');
          const starts = buffer.startsWith('.\r\n');
          if (end < 0 && !starts) return;
          const body = starts ? '' : buffer.slice(0, end + 2);
          buffer = buffer.slice(starts ? 3 : end + 5);
          mode = 'command';
          current.data = body.replace(/^\.\./gm, '.');
          if (refusals > 0) {
            refusals -= 1;
            say('451 4.3.0 Try again later');
          } else {
            messages.push(current);
            say('250 2.0.0 Ok: queued');
          }
          current = { from: '', to: [], data: '' };
          continue;
        }
        const newline = buffer.indexOf('\r\n');
        if (newline < 0) return;
        const line = buffer.slice(0, newline);
        buffer = buffer.slice(newline + 2);
        if (mode === 'auth-user') {
          loginUser = decode(line);
          mode = 'auth-pass';
          say('334 UGFzc3dvcmQ6');
        } else if (mode === 'auth-pass') {
          if (loginUser === '') {
            const [, user = '', pass = ''] = decode(line).split('\u0000');
            auth = { user, pass };
          } else auth = { user: loginUser, pass: decode(line) };
          mode = 'command';
          say('235 2.7.0 Authentication successful');
        } else command(line);
      }
    });
    say('220 sink.test ESMTP test sink');
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    port,
    messages,
    url: (credentials) =>
      credentials
        ? `smtp://${encodeURIComponent(credentials.user)}:${encodeURIComponent(credentials.pass)}@127.0.0.1:${port}`
        : `smtp://127.0.0.1:${port}`,
    refuseNext(n) {
      refusals += n;
    },
    async close() {
      for (const socket of sockets) socket.destroy();
      server.close();
      await once(server, 'close').catch(() => undefined);
    },
  };
}
