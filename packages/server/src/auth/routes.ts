import { readFileSync } from 'node:fs';
import { health, me, normaliseEmail, popup, resetPage, signIn, signOut, verifyPage } from '@nassij/contract';
import { audit } from '../db/audit.js';
import type { ApiApp, Handler, HandlerInput } from '../http/app.js';
import { problem } from '../http/problem.js';
import { rateLimited } from '../http/rate-limit.js';
import { PAGE_HEADERS } from './pages/layout.js';
import { resetPage as renderResetPage, verifyPage as renderVerifyPage } from './pages/link-pages.js';
import { PASSWORD_POLICY_MODULE } from './pages/password-policy-module.js';
import { popupPage, refusedPage } from './pages/popup.js';
import { PAGES_SCRIPT, PAGES_STYLE } from './pages/script.js';
import { verifyPassword } from './password.js';
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

function signInHandler(app: ApiApp): Handler<typeof signIn> {
  return async ({ body, db, now, requestId, c }) => {
    const email = normaliseEmail(body.email);
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
    // Said only to whoever knows the password, so it tells a stranger nothing about the address.
    if (row.email_verified_at === null)
      throw problem('email_not_verified', 'Open the link sent to this address, or ask for a new one');
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
      return new Response(refusedPage(lang, origin), { status: 403, headers: PAGE_HEADERS });
    }
    return new Response(popupPage(lang, origin, query.state), { status: 200, headers: PAGE_HEADERS });
  };
}

// The pages a one-time link opens only render: the token is posted by a button, never used on GET, since
// mail scanners fetch every link of a message. A link without a token opens on the way to a new link (still
// 200: every 4xx of the API is problem+json, and a person wants this page rather than JSON).
function verifyPageHandler({ query }: HandlerInput<typeof verifyPage>): Response {
  return new Response(renderVerifyPage(query.lang ?? 'ar', query.token || undefined), {
    headers: PAGE_HEADERS,
  });
}

function resetPageHandler({ query }: HandlerInput<typeof resetPage>): Response {
  return new Response(renderResetPage(query.lang ?? 'ar', query.token || undefined), {
    headers: PAGE_HEADERS,
  });
}

function asset(body: string, contentType: string): () => Response {
  return () =>
    new Response(body, {
      headers: { 'content-type': contentType, 'cache-control': 'public, max-age=300' },
    });
}

/**
 * Registers the core routes: sign-in, sign-out, the current account, the account pages (the popup, the
 * pages e-mail links open) with their script, stylesheet and password policy module, and the health check.
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
  app.bind(verifyPage, verifyPageHandler);
  app.bind(resetPage, resetPageHandler);
  app.hono.get('/auth/popup.js', asset(PAGES_SCRIPT, 'text/javascript; charset=utf-8'));
  app.hono.get('/auth/popup.css', asset(PAGES_STYLE, 'text/css; charset=utf-8'));
  app.hono.get('/auth/password-policy.js', asset(PASSWORD_POLICY_MODULE, 'text/javascript; charset=utf-8'));
}
