import * as z from 'zod/mini';
import { Email, Id } from '../shared/ids.js';
import { Instant } from '../shared/instant.js';
import { Locale } from '../shared/localized-text.js';
import { Role } from '../shared/roles.js';

/**
 * The roles an account holds in an association: a `member` drafts applications and registers for
 * trainings, a `treasurer` also submits financial reports, the `representative` alone submits, signs,
 * invites members and hands over.
 *
 * @example
 * ```ts
 * MembershipRole.parse('treasurer'); // 'treasurer'
 * ```
 */
export const MEMBERSHIP_ROLES = ['representative', 'treasurer', 'member'] as const;
export const MembershipRole = /* @__PURE__ */ (() => z.enum(MEMBERSHIP_ROLES))();
export type MembershipRole = z.infer<typeof MembershipRole>;

/** A membership of an account in an association, with the role it holds there. */
export const Membership = /* @__PURE__ */ (() =>
  z.strictObject({
    associationId: Id,
    role: MembershipRole,
  }))();
export type Membership = z.infer<typeof Membership>;

/**
 * The signed-in account as the API shows it to its owner. Law 09-08: only what the platform needs.
 *
 * @example
 * ```ts
 * const me: Account = { id: 'acc_1', email: 'amina@example.ma', displayName: 'Amina',
 *   roles: ['association_member'], memberships: [{ associationId: 'asso_12', role: 'member' }], locale: 'ar',
 *   emailVerified: true };
 * ```
 */
export const Account = /* @__PURE__ */ (() =>
  z.strictObject({
    id: Id,
    email: Email,
    displayName: z.string().check(z.minLength(1), z.maxLength(120)),
    roles: z.array(Role),
    /** The organisation a staff account works for; its staff roles apply to that organisation only. */
    organisationId: z.optional(Id),
    memberships: z.array(Membership),
    locale: z.optional(Locale),
    /**
     * Whether the account's address is confirmed (the link sent at sign-up was opened). An account not yet
     * verified cannot sign in. Always sent by servers since accounts could sign up; optional so that a
     * client still reads an older server's answer.
     */
    emailVerified: z.optional(z.boolean()),
  }))();
export type Account = z.infer<typeof Account>;

/** Body of `POST /v1/auth/token`: e-mail and password sign-in for scripts and the popup page. */
export const SignInRequest = /* @__PURE__ */ (() =>
  z.strictObject({
    email: Email,
    password: z.string().check(z.minLength(1), z.maxLength(256)),
  }))();
export type SignInRequest = z.infer<typeof SignInRequest>;

/** An opaque bearer token, its expiry and the account it acts for. */
export const TokenResponse = /* @__PURE__ */ (() =>
  z.strictObject({
    token: z.string().check(z.minLength(20)),
    tokenType: z.literal('Bearer'),
    expiresAt: Instant,
    account: Account,
  }))();
export type TokenResponse = z.infer<typeof TokenResponse>;

/**
 * The message the `/auth/popup` page posts to its opener (`window.opener.postMessage`) after sign-in,
 * to the origin named in its `origin` query parameter only, and only when that origin is allowed.
 */
export const PopupMessage = /* @__PURE__ */ (() =>
  z.strictObject({
    type: z.literal('nassij:auth'),
    token: z.string(),
    expiresAt: Instant,
    /** Echo of the `state` the opener passed, so it can match the reply to its request. */
    state: z.string(),
  }))();
export type PopupMessage = z.infer<typeof PopupMessage>;

/** Query of `GET /auth/popup`: the opener's origin (must be on the server's allowlist) and a `state`. */
export const PopupQuery = /* @__PURE__ */ (() =>
  z.strictObject({
    origin: z.url({ protocol: /^https?$/ }),
    state: z.string().check(z.minLength(8), z.maxLength(128)),
    lang: z.optional(Locale),
  }))();
export type PopupQuery = z.infer<typeof PopupQuery>;

/**
 * Reads a popup's `postMessage` data without zod (embeds stay small): the message when it has the
 * {@link PopupMessage} shape, else `undefined`. A test checks it agrees with the schema.
 *
 * @example
 * ```ts
 * const message = readPopupMessage(event.data);
 * if (message?.state === expectedState) useToken(message.token);
 * ```
 */
export function readPopupMessage(value: unknown): PopupMessage | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { type, token, expiresAt, state, ...rest } = value as Record<string, unknown>;
  if (Object.keys(rest).length > 0 || type !== 'nassij:auth') return undefined;
  if (typeof token !== 'string' || typeof state !== 'string' || typeof expiresAt !== 'string')
    return undefined;
  if (
    !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/.test(expiresAt) ||
    Number.isNaN(Date.parse(expiresAt))
  )
    return undefined;
  return { type, token, expiresAt, state };
}
