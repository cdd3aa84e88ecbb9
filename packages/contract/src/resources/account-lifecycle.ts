import * as z from 'zod/mini';
import { Email } from '../shared/ids.js';
import { Locale } from '../shared/localized-text.js';

// Password rules of NIST SP 800-63B rev. 4 (2025), § 3.1.1.2, for a password that is the only factor: at
// least 15 characters, at least 64 accepted, each Unicode code point one character, no composition rules
// (no "one digit, one capital"), and a refusal of values on a blocklist of common or breached passwords and of
// context-specific words (the service's name, the user's name and address). The blocklist itself is large
// and stays on the server; pages run the other checks before sending.

/**
 * The fewest characters (Unicode code points after NFC) a new password may have: NIST SP 800-63B rev. 4
 * asks 15 when the password is the only factor, which it is here.
 */
export const PASSWORD_MIN_LENGTH = 15;

/**
 * The most characters (code points after NFC) a new password may have. NIST asks that at least 64 be
 * accepted; the bound only keeps a hash from being asked to chew megabytes.
 */
export const PASSWORD_MAX_LENGTH = 128;

/** A reason a new password is refused; each is also the problem code the server answers with. */
export type PasswordProblem =
  | 'password_too_short'
  | 'password_too_long'
  | 'password_context'
  | 'password_breached';

/** What {@link passwordProblems} compares a password with, besides its length. */
export interface PasswordContext {
  /** The account's e-mail address: neither it nor its local part may be the password. */
  email?: string;
  /** The account's display name. */
  displayName?: string;
  /**
   * Whether a password (NFC, lower case) is on the blocklist of common and breached passwords. The list is
   * large, so only the server passes one; without it the check is left to the server.
   */
  isBlocked?: (folded: string) => boolean;
}

/** The service's own name: the first word an attacker tries. */
const SERVICE_WORDS = ['nassij', 'نسيج', 'ⵏⵙⵙⵉⵊ'];

/** Context words shorter than this are too common to refuse a password for containing them. */
const MIN_CONTEXT_WORD = 3;

/** Lower case, NFC, and without separators, so that `Amina.Benali` and `amina benali` compare equal. */
function fold(text: string): string {
  return text.normalize('NFC').toLowerCase();
}

function compact(text: string): string {
  return fold(text).replace(/[\s._\-@+]+/gu, '');
}

/** The words of the context a password must not be made of: the service's name, the address and the name. */
function contextWords(context: PasswordContext): string[] {
  const words = [...SERVICE_WORDS];
  if (context.email) {
    const email = fold(context.email.trim());
    words.push(email, email.split('@')[0] ?? '');
  }
  if (context.displayName) {
    words.push(context.displayName);
    words.push(...context.displayName.split(/\s+/u));
  }
  return [...new Set(words.map(compact))].filter((word) => [...word].length >= MIN_CONTEXT_WORD);
}

/**
 * Whether a password is made only of context words: once every occurrence of the service's name, the
 * address, its local part and the name (and their words) is taken out, at most digits and punctuation are
 * left (`Amina2026!`, `nassij-nassij-2026`).
 */
function isMadeOfContext(password: string, context: PasswordContext): boolean {
  let rest = compact(password);
  const words = contextWords(context).sort((a, b) => b.length - a.length);
  let found = false;
  for (const word of words) {
    if (rest.includes(word)) {
      found = true;
      rest = rest.split(word).join('');
    }
  }
  return found && !/\p{L}/u.test(rest);
}

/**
 * A unit repeated (`abcabcabcabcabc`, `aaaaaaaaaaaaaaa`) whose unit is short or itself blocked: as easy to
 * guess as the unit. NIST names repetitive values among those to refuse.
 */
function isRepetition(folded: string, isBlocked: ((folded: string) => boolean) | undefined): boolean {
  const points = [...folded];
  for (let size = 1; size <= points.length / 2; size++) {
    if (points.length % size !== 0) continue;
    const unit = points.slice(0, size).join('');
    if (unit.repeat(points.length / size) !== folded) continue;
    if (size <= 4 || isBlocked?.(unit)) return true;
  }
  return false;
}

/**
 * Why a new password is refused, in the order a person fixes them (empty when it is accepted). Length is
 * counted in Unicode code points after NFC normalisation, as the hash sees it; no composition rule applies.
 * Both the pages (without `isBlocked`) and the server (with the blocklist) call it, so they agree.
 *
 * @example
 * ```ts
 * passwordProblems('short'); // ['password_too_short']
 * passwordProblems('amina.benali@example.ma', { email: 'amina.benali@example.ma' }); // ['password_context']
 * passwordProblems('a long sentence about olive trees'); // []
 * ```
 */
export function passwordProblems(password: string, context: PasswordContext = {}): PasswordProblem[] {
  const normalised = password.normalize('NFC');
  const length = [...normalised].length;
  if (length < PASSWORD_MIN_LENGTH) return ['password_too_short'];
  // The second bound keeps every accepted password within what sign-in reads (256 UTF-16 units), whatever
  // NFC does to it.
  if (length > PASSWORD_MAX_LENGTH || password.length > 2 * PASSWORD_MAX_LENGTH) return ['password_too_long'];
  const folded = fold(normalised);
  if (isMadeOfContext(normalised, context)) return ['password_context'];
  if (context.isBlocked?.(folded) || isRepetition(folded, context.isBlocked)) return ['password_breached'];
  return [];
}

/**
 * A new password as a body carries it. The schema bounds only the size of the request; the policy
 * ({@link passwordProblems}) answers with its own codes (`password_too_short`…), which name the rule broken.
 */
export const NewPassword = /* @__PURE__ */ (() => z.string().check(z.minLength(1), z.maxLength(1024)))();
export type NewPassword = z.infer<typeof NewPassword>;

/**
 * Body of `POST /v1/accounts`: sign up with an e-mail address and a password. The answer is the same
 * whether or not the address already has an account; a verification link goes to the address.
 *
 * @example
 * ```ts
 * const request: SignUpRequest = { email: 'amina@example.ma', password: 'olive trees of the Souss valley',
 *   displayName: 'Amina Benali', locale: 'ar' };
 * ```
 */
export const SignUpRequest = /* @__PURE__ */ (() =>
  z.strictObject({
    email: Email,
    password: NewPassword,
    displayName: z.string().check(z.trim(), z.minLength(1), z.maxLength(120)),
    /** The language of the messages the platform sends the account. */
    locale: Locale,
  }))();
export type SignUpRequest = z.infer<typeof SignUpRequest>;

/**
 * The answer to a request whose outcome is told by e-mail only (sign-up, resend, password reset, change of
 * address): always the same, so that it says nothing about which addresses have an account.
 *
 * @example
 * ```ts
 * const answer: AccountRequestAccepted = { status: 'accepted' };
 * ```
 */
export const AccountRequestAccepted = /* @__PURE__ */ (() =>
  z.strictObject({ status: z.literal('accepted') }))();
export type AccountRequestAccepted = z.infer<typeof AccountRequestAccepted>;

/** A one-time link's token, as the link carries it in `?token=`. */
export const LinkToken = /* @__PURE__ */ (() => z.string().check(z.minLength(1), z.maxLength(200)))();
export type LinkToken = z.infer<typeof LinkToken>;

/**
 * Body of `POST /v1/accounts/email-verification`: the token of a verification link, either the one sent at
 * sign-up or the one sent to a new address after a change of e-mail.
 *
 * @example
 * ```ts
 * const request: VerifyEmailRequest = { token: 'k3Jx…' };
 * ```
 */
export const VerifyEmailRequest = /* @__PURE__ */ (() => z.strictObject({ token: LinkToken }))();
export type VerifyEmailRequest = z.infer<typeof VerifyEmailRequest>;

/**
 * What a verification link confirmed: the address of a new account (`verify_email`) or an account's new
 * address (`change_email`), now its sign-in address.
 *
 * @example
 * ```ts
 * const verified: EmailVerified = { purpose: 'verify_email', email: 'amina@example.ma' };
 * ```
 */
export const EmailVerified = /* @__PURE__ */ (() =>
  z.strictObject({
    purpose: z.enum(['verify_email', 'change_email']),
    email: Email,
  }))();
export type EmailVerified = z.infer<typeof EmailVerified>;

/**
 * Body of the requests that name an address only: `POST /v1/accounts/email-verification/resend` and
 * `POST /v1/accounts/password-reset`.
 *
 * @example
 * ```ts
 * const request: EmailRequest = { email: 'amina@example.ma' };
 * ```
 */
export const EmailRequest = /* @__PURE__ */ (() => z.strictObject({ email: Email }))();
export type EmailRequest = z.infer<typeof EmailRequest>;

/**
 * Body of `POST /v1/accounts/password-reset/confirm`: the reset link's token and the new password. Every
 * session of the account ends.
 *
 * @example
 * ```ts
 * const request: ResetPasswordRequest = { token: 'k3Jx…', password: 'a new sentence about argan trees' };
 * ```
 */
export const ResetPasswordRequest = /* @__PURE__ */ (() =>
  z.strictObject({ token: LinkToken, password: NewPassword }))();
export type ResetPasswordRequest = z.infer<typeof ResetPasswordRequest>;

/**
 * Body of `POST /v1/auth/me/email`: the new address and the current password. A link goes to the new
 * address and a notice to the old one; the address changes when the link is opened.
 *
 * @example
 * ```ts
 * const request: ChangeEmailRequest = { email: 'amina.benali@example.ma', password: 'my current password' };
 * ```
 */
export const ChangeEmailRequest = /* @__PURE__ */ (() =>
  z.strictObject({
    email: Email,
    password: z.string().check(z.minLength(1), z.maxLength(1024)),
  }))();
export type ChangeEmailRequest = z.infer<typeof ChangeEmailRequest>;

/**
 * Body of `DELETE /v1/auth/me`: the current password, and optionally why (kept in the audit log).
 *
 * @example
 * ```ts
 * const request: DeleteAccountRequest = { password: 'my current password', reason: 'I no longer use it' };
 * ```
 */
export const DeleteAccountRequest = /* @__PURE__ */ (() =>
  z.strictObject({
    password: z.string().check(z.minLength(1), z.maxLength(1024)),
    reason: z.optional(z.string().check(z.trim(), z.maxLength(2000))),
  }))();
export type DeleteAccountRequest = z.infer<typeof DeleteAccountRequest>;

/**
 * The answer of `DELETE /v1/auth/me/other-sessions`: how many other sessions (tokens) ended.
 *
 * @example
 * ```ts
 * const answer: OtherSessionsEnded = { revoked: 2 };
 * ```
 */
export const OtherSessionsEnded = /* @__PURE__ */ (() =>
  z.strictObject({ revoked: z.number().check(z.int(), z.nonnegative()) }))();
export type OtherSessionsEnded = z.infer<typeof OtherSessionsEnded>;
