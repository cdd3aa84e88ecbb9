import { readFileSync } from 'node:fs';
import { health, me, popup, signIn, signOut } from '@nassij/contract';
import { audit } from '../db/audit.js';
import type { ApiApp, Handler, HandlerInput } from '../http/app.js';
import { problem } from '../http/problem.js';
import { rateLimited } from '../http/rate-limit.js';
import { verifyPassword } from './password.js';
import { POPUP_CSP, POPUP_SCRIPT, POPUP_STYLE, popupPage, refusedPage } from './popup-page.js';
import { findCredentials, pingDatabase } from './store.js';
import { bearerToken, issueToken, loadAccount, revokeToken } from './tokens.js';

function packageVersion(): string {
  try {
    // src/ and dist/ both sit one level below package.json.
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
      version?: string;
    };
    return pkg.version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}

const PAGE_HEADERS = {
  'content-security-policy': POPUP_CSP,
  'cache-control': 'no-store',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
};

function signInHandler(app: ApiApp): Handler<typeof signIn> {
  return async ({ body, db, now, requestId, c }) => {
    const email = body.email.trim().toLowerCase();
    // Throttled per e-mail whatever the address (exponential back-off) and per client address; a refused
    // attempt never reaches the password check, and an unknown e-mail is throttled like a known one.
    const attempt = await app.signInThrottle?.begin(email, app.clientAddress(c));
    if (attempt && !attempt.ok)
      throw rateLimited(
        attempt.waitSeconds,
        attempt.by === 'account'
          ? 'Too many failed sign-ins for this account'
          : 'Too many failed sign-ins from this address',
      );
    const row = await findCredentials(db, email);
    const ok = await verifyPassword(body.password, row?.password_hash);
    const account = ok && row ? await loadAccount(db, row.id) : undefined;
    await attempt?.settle(account !== undefined);
    if (!row || !account) throw problem('invalid_credentials');
    const { token, expiresAt } = await db.atomic(async () => {
      const issued = await issueToken(db, row.id, now);
      await audit(db, { at: now, accountId: row.id, action: 'auth.signIn', requestId });
      return issued;
    });
    return { status: 201, body: { token, tokenType: 'Bearer' as const, expiresAt, account } };
  };
}

async function signOutHandler({ c, db, now }: HandlerInput<typeof signOut>) {
  const token = bearerToken(c.req.header('authorization'));
  if (token) await revokeToken(db, token, now);
  return { status: 204 };
}

function meHandler({ auth }: HandlerInput<typeof me>) {
  if (!auth) throw problem('unauthenticated');
  return { body: auth };
}

function healthHandler(version: string): Handler<typeof health> {
  return async ({ db }) => {
    try {
      await pingDatabase(db);
    } catch {
      throw problem('unavailable', 'The database does not answer');
    }
    return { body: { status: 'ok' as const, version } };
  };
}

function popupHandler(app: ApiApp): Handler<typeof popup> {
  return ({ query }) => {
    const lang = query.lang ?? 'ar';
    // Compare the serialised origin so `https://Region.ma/` and `https://region.ma` are the same site.
    const origin = new URL(query.origin).origin;
    if (!app.allowedOrigins.has(origin)) {
      return new Response(refusedPage(lang, origin), {
        status: 403,
        headers: { 'content-type': 'text/html; charset=utf-8', ...PAGE_HEADERS },
      });
    }
    return new Response(popupPage(lang, origin, query.state), {
      status: 200,
      headers: { 'content-type': 'text/html; charset=utf-8', ...PAGE_HEADERS },
    });
  };
}

function popupScript(): Response {
  return new Response(POPUP_SCRIPT, {
    headers: { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'public, max-age=300' },
  });
}

function popupStyle(): Response {
  return new Response(POPUP_STYLE, {
    headers: { 'content-type': 'text/css; charset=utf-8', 'cache-control': 'public, max-age=300' },
  });
}

/**
 * Registers the core routes: sign-in, sign-out, the current account, the popup sign-in page with its
 * script and stylesheet, and the health check.
 *
 * @example
 * ```ts
 * registerAuth(app);
 * ```
 */
export function registerAuth(app: ApiApp): void {
  // The password hash takes tens of milliseconds: no transaction waits for it.
  app.bind(signIn, signInHandler(app), { awaitsIo: true });
  app.bind(signOut, signOutHandler);
  app.bind(me, meHandler);
  app.bind(health, healthHandler(packageVersion()));
  app.bind(popup, popupHandler(app));
  app.hono.get('/auth/popup.js', popupScript);
  app.hono.get('/auth/popup.css', popupStyle);
}
