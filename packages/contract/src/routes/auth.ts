import * as z from 'zod/mini';
import { Account, PopupQuery, SignInRequest, TokenResponse } from '../resources/auth.js';
import { Locale } from '../shared/localized-text.js';
import { route } from './route.js';

/** `POST /v1/auth/token` — sign in with e-mail and password; returns a bearer token. */
export const signIn = /* @__PURE__ */ (() =>
  route({
    id: 'auth.signIn',
    method: 'POST',
    path: '/v1/auth/token',
    tag: 'auth',
    summary: 'Sign in with e-mail and password',
    auth: 'public',
    body: SignInRequest,
    errors: ['invalid_credentials', 'validation_failed', 'rate_limited', 'email_not_verified'],
    response: { status: 201, schema: TokenResponse, description: 'A new bearer token' },
  }))();

/** `DELETE /v1/auth/token` — revoke the token that authenticates the request. */
export const signOut = /* @__PURE__ */ (() =>
  route({
    id: 'auth.signOut',
    method: 'DELETE',
    path: '/v1/auth/token',
    tag: 'auth',
    summary: 'Revoke the current token',
    auth: 'required',
    errors: [],
    response: { status: 204, description: 'The token no longer works' },
  }))();

/** `GET /v1/auth/me` — the account behind the token. */
export const me = /* @__PURE__ */ (() =>
  route({
    id: 'auth.me',
    method: 'GET',
    path: '/v1/auth/me',
    tag: 'auth',
    summary: 'The signed-in account',
    auth: 'required',
    errors: ['token_expired'],
    response: { status: 200, schema: Account, description: 'The account' },
  }))();

/**
 * `GET /auth/popup` — the sign-in page an embed opens in a popup. After sign-in it posts a
 * `PopupMessage` to `origin` (allowlisted) and closes; no cookie is set.
 */
export const popup = /* @__PURE__ */ (() =>
  route({
    id: 'auth.popup',
    method: 'GET',
    path: '/auth/popup',
    tag: 'auth',
    summary: 'Sign-in page for embedded widgets (popup + postMessage)',
    auth: 'public',
    query: PopupQuery,
    errors: ['origin_not_allowed', 'validation_failed'],
    response: { status: 200, contentType: 'text/html', description: 'The sign-in page' },
  }))();

/**
 * Query of the pages a one-time link opens (`/auth/verify`, `/auth/reset`): the link's token and the
 * language of the message that carried it. Not strict: a mail system that appends tracking parameters must
 * not break the link; a missing token opens the page on the way to a new link.
 *
 * @example
 * ```ts
 * const query: LinkPageQuery = { token: 'k3Jx…', lang: 'ar' };
 * ```
 */
export const LinkPageQuery = /* @__PURE__ */ (() =>
  z.object({
    token: z.optional(z.string().check(z.maxLength(1024))),
    lang: z.optional(Locale),
  }))();
export type LinkPageQuery = z.infer<typeof LinkPageQuery>;

/**
 * `GET /auth/verify` — the page a verification link opens (a new account's address, or a changed address).
 * It never confirms on GET, since mail scanners fetch links: a button posts the token to
 * `accounts.verifyEmail`. An expired, used or invalid link leads to a new one.
 */
export const verifyPage = /* @__PURE__ */ (() =>
  route({
    id: 'auth.verifyPage',
    method: 'GET',
    path: '/auth/verify',
    tag: 'auth',
    summary: 'E-mail confirmation page opened by the link in a message',
    auth: 'public',
    query: LinkPageQuery,
    errors: ['validation_failed'],
    response: { status: 200, contentType: 'text/html', description: 'The confirmation page' },
  }))();

/**
 * `GET /auth/reset` — the page a password reset link opens: a new password, checked live against the
 * contract's policy, posted with the token to `accounts.resetPassword`.
 */
export const resetPage = /* @__PURE__ */ (() =>
  route({
    id: 'auth.resetPage',
    method: 'GET',
    path: '/auth/reset',
    tag: 'auth',
    summary: 'New password page opened by the link in a reset message',
    auth: 'public',
    query: LinkPageQuery,
    errors: ['validation_failed'],
    response: { status: 200, contentType: 'text/html', description: 'The new password page' },
  }))();

/** `GET /healthz` — liveness and database reachability. */
export const health = /* @__PURE__ */ (() =>
  route({
    id: 'health',
    method: 'GET',
    path: '/healthz',
    tag: 'meta',
    summary: 'Health check',
    auth: 'public',
    errors: ['unavailable'],
    response: {
      status: 200,
      schema: z.strictObject({ status: z.literal('ok'), version: z.string() }),
      description: 'The server and its database answer',
    },
  }))();

/** `GET /openapi.json` — the OpenAPI 3.1 document generated from this contract. */
export const openapi = /* @__PURE__ */ (() =>
  route({
    id: 'openapi',
    method: 'GET',
    path: '/openapi.json',
    tag: 'meta',
    summary: 'OpenAPI 3.1 description of this API',
    auth: 'public',
    errors: [],
    response: { status: 200, contentType: 'application/json', description: 'The OpenAPI document' },
  }))();

/** The authentication and meta routes. */
export const authRoutes = [signIn, signOut, me, popup, verifyPage, resetPage, health, openapi] as const;
