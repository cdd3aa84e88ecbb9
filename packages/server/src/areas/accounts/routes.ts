import {
  changeEmail,
  type Locale,
  normaliseEmail,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  type PasswordProblem,
  requestPasswordReset,
  resendVerification,
  resetPassword,
  signOutOthers,
  signUp,
  verifyEmail,
} from '@nassij/contract';
import type { Context } from 'hono';
import { hashPassword, newPasswordProblems, verifyPassword } from '../../auth/password.js';
import { bearerToken, revokeAccountTokens, revokeOtherTokens } from '../../auth/tokens.js';
import { audit } from '../../db/audit.js';
import type { Db } from '../../db/db.js';
import { isUniqueViolation } from '../../db/errors.js';
import type { ApiApp, Handler } from '../../http/app.js';
import { problem } from '../../http/problem.js';
import { RateLimiter, rateLimited } from '../../http/rate-limit.js';
import { enqueueMail } from '../../mail/outbox.js';
import { type AccountMailKind, accountMail } from './mail-messages.js';
import {
  type AccountLine,
  expireLinks,
  findAccountByEmail,
  findAccountById,
  insertUnverifiedAccount,
  issueLink,
  markVerified,
  moveEmail,
  readLink,
  renewUnverifiedSignUp,
  setPasswordHash,
  useLink,
} from './store.js';

/** The one answer of every request whose outcome is told by e-mail. */
const ACCEPTED = { status: 202, body: { status: 'accepted' as const } };

/**
 * Messages one address may be sent by the public routes (sign-up and resend share a budget, reset has its
 * own): 3 at once, then one every 5 minutes. Keyed by the address whether or not it has an account, so the
 * throttle tells nothing about which addresses do; it stops a stranger from flooding someone's mailbox.
 */
const MAIL_BUDGET = { capacity: 3, refillPerSecond: 1 / 300 };

const PASSWORD_MESSAGES: Record<PasswordProblem, string> = {
  password_too_short: `At least ${PASSWORD_MIN_LENGTH} characters`,
  password_too_long: `At most ${PASSWORD_MAX_LENGTH} characters`,
  password_breached: 'Too common or known from a data breach',
  password_context: 'Made of the e-mail address, the name or the service name',
};

/** A refused password as a problem naming the field, with the policy's code. */
function passwordRefused(code: PasswordProblem) {
  const fieldCode =
    code === 'password_too_short' ? 'too_short' : code === 'password_too_long' ? 'too_long' : 'not_allowed';
  return problem(code, undefined, {
    errors: [{ path: '/password', in: 'body', code: fieldCode, message: PASSWORD_MESSAGES[code] }],
  });
}

/** The language of the messages to an account: its own, else the one the request asked for, else Arabic. */
function localeOf(account: AccountLine, fallback: Locale = 'ar'): Locale {
  return (account.locale as Locale | null) ?? fallback;
}

interface Mailer {
  /** Queues one of this area's messages; call it inside the atomic block of the change that causes it. */
  send(
    db: Db,
    to: { email: string; name: string; locale: Locale; accountId?: string },
    kind: AccountMailKind,
    vars?: { url?: string; newEmail?: string },
  ): Promise<void>;
  /** A link to one of the pages that open a one-time token (P's `/auth/verify` and `/auth/reset`). */
  link(c: Context, page: 'verify' | 'reset', token: string, locale: Locale): string;
}

function mailer(app: ApiApp): Mailer {
  return {
    async send(db, to, kind, vars = {}) {
      const mail = accountMail(to.locale, kind, { name: to.name, ...vars });
      await enqueueMail(db, {
        to: to.email,
        locale: to.locale,
        kind,
        ...(to.accountId === undefined ? {} : { accountId: to.accountId }),
        ...mail,
      });
    },
    link(c, page, token, locale) {
      return `${app.publicUrl(c)}/auth/${page}?token=${encodeURIComponent(token)}&lang=${locale}`;
    },
  };
}

/** Spends one message of an address's budget, or refuses with `rate_limited`. */
async function spend(limiter: RateLimiter | undefined, email: string): Promise<void> {
  const wait = await limiter?.take(`email:${email}`);
  if (wait) throw rateLimited(wait, 'Too many messages asked for this address');
}

function signUpHandler(mail: Mailer, limiter: RateLimiter | undefined): Handler<typeof signUp> {
  return async ({ body, db, now, requestId, c }) => {
    const email = normaliseEmail(body.email);
    const [refused] = newPasswordProblems(body.password, { email, displayName: body.displayName });
    if (refused) throw passwordRefused(refused);
    await spend(limiter, email);
    // Hashed whether or not the address has an account: the answer takes as long either way.
    const passwordHash = await hashPassword(body.password);
    await db.atomic(async () => {
      const id = await insertUnverifiedAccount(
        db,
        { email, displayName: body.displayName, locale: body.locale, passwordHash },
        now,
      );
      if (id) {
        const token = await issueLink(db, { accountId: id, purpose: 'verify_email' }, now);
        await mail.send(
          db,
          { email, name: body.displayName, locale: body.locale, accountId: id },
          'account.verify-email',
          {
            url: mail.link(c, 'verify', token, body.locale),
          },
        );
        await audit(db, {
          at: now,
          accountId: id,
          action: 'account.signUp',
          targetType: 'account',
          targetId: id,
          requestId,
        });
        return;
      }
      const owner = await findAccountByEmail(db, email);
      if (!owner) return;
      const unverified = owner.email_verified_at === null;
      if (unverified) {
        // Never verified: this sign-up replaces the earlier one (whose author never proved the address), and
        // its link replaces the earlier link.
        await renewUnverifiedSignUp(db, owner.id, {
          displayName: body.displayName,
          locale: body.locale,
          passwordHash,
        });
        const token = await issueLink(db, { accountId: owner.id, purpose: 'verify_email' }, now);
        const to = { email, name: body.displayName, locale: body.locale, accountId: owner.id };
        await mail.send(db, to, 'account.verify-email', { url: mail.link(c, 'verify', token, body.locale) });
      } else {
        const to = {
          email,
          name: owner.display_name,
          locale: localeOf(owner, body.locale),
          accountId: owner.id,
        };
        await mail.send(db, to, 'account.sign-up-existing');
      }
      await audit(db, {
        at: now,
        accountId: null,
        action: 'account.signUp',
        targetType: 'account',
        targetId: owner.id,
        requestId,
        details: { outcome: unverified ? 'sign_up_renewed' : 'address_taken' },
      });
    });
    return ACCEPTED;
  };
}

function verifyEmailHandler(): Handler<typeof verifyEmail> {
  return async ({ body, db, now, requestId }) => {
    const check = await readLink(db, body.token, ['verify_email', 'change_email'], now);
    if (!check.ok) throw problem(check.code);
    const { link } = check;
    return db.atomic(async () => {
      if (!(await useLink(db, link.hash, now))) throw problem('link_used');
      const owner = await findAccountById(db, link.account_id);
      if (!owner) throw problem('link_invalid');
      if (link.purpose === 'verify_email') {
        await markVerified(db, owner.id, now);
        await audit(db, {
          at: now,
          accountId: owner.id,
          action: 'account.verifyEmail',
          targetType: 'account',
          targetId: owner.id,
          requestId,
        });
        return { body: { purpose: 'verify_email' as const, email: owner.email } };
      }
      const newEmail = link.new_email ?? '';
      let moved: boolean;
      try {
        moved = await moveEmail(db, owner.id, newEmail, now);
      } catch (error) {
        // Another account took the address between the check and the update.
        if (!isUniqueViolation(error)) throw error;
        moved = false;
      }
      // The person holding this link reads that address's mail: telling them it has an account leaks nothing.
      if (!moved) throw problem('already_exists', 'This address already has an account');
      await expireLinks(db, owner.id, ['change_email'], now);
      await audit(db, {
        at: now,
        accountId: owner.id,
        action: 'account.confirmEmailChange',
        targetType: 'account',
        targetId: owner.id,
        requestId,
      });
      return { body: { purpose: 'change_email' as const, email: newEmail } };
    });
  };
}

function resendVerificationHandler(
  mail: Mailer,
  limiter: RateLimiter | undefined,
): Handler<typeof resendVerification> {
  return async ({ body, db, now, requestId, c }) => {
    const email = normaliseEmail(body.email);
    await spend(limiter, email);
    await db.atomic(async () => {
      const owner = await findAccountByEmail(db, email);
      // Verified or unknown: nothing to send, and the same answer.
      if (!owner || owner.email_verified_at !== null) return;
      const locale = localeOf(owner);
      const token = await issueLink(db, { accountId: owner.id, purpose: 'verify_email' }, now);
      await mail.send(
        db,
        { email, name: owner.display_name, locale, accountId: owner.id },
        'account.verify-email',
        {
          url: mail.link(c, 'verify', token, locale),
        },
      );
      await audit(db, {
        at: now,
        accountId: null,
        action: 'account.resendVerification',
        targetType: 'account',
        targetId: owner.id,
        requestId,
      });
    });
    return ACCEPTED;
  };
}

function requestPasswordResetHandler(
  mail: Mailer,
  limiter: RateLimiter | undefined,
): Handler<typeof requestPasswordReset> {
  return async ({ body, db, now, requestId, c }) => {
    const email = normaliseEmail(body.email);
    await spend(limiter, email);
    await db.atomic(async () => {
      const owner = await findAccountByEmail(db, email);
      if (!owner) return;
      const locale = localeOf(owner);
      const token = await issueLink(db, { accountId: owner.id, purpose: 'reset_password' }, now);
      await mail.send(
        db,
        { email, name: owner.display_name, locale, accountId: owner.id },
        'account.password-reset',
        {
          url: mail.link(c, 'reset', token, locale),
        },
      );
      await audit(db, {
        at: now,
        accountId: null,
        action: 'account.requestPasswordReset',
        targetType: 'account',
        targetId: owner.id,
        requestId,
      });
    });
    return ACCEPTED;
  };
}

function resetPasswordHandler(mail: Mailer): Handler<typeof resetPassword> {
  return async ({ body, db, now, requestId }) => {
    const check = await readLink(db, body.token, ['reset_password'], now);
    if (!check.ok) throw problem(check.code);
    const owner = await findAccountById(db, check.link.account_id);
    if (!owner) throw problem('link_invalid');
    const [refused] = newPasswordProblems(body.password, {
      email: owner.email,
      displayName: owner.display_name,
    });
    if (refused) throw passwordRefused(refused);
    const passwordHash = await hashPassword(body.password);
    await db.atomic(async () => {
      if (!(await useLink(db, check.link.hash, now))) throw problem('link_used');
      await setPasswordHash(db, owner.id, passwordHash);
      // The link reached the mailbox: that proves the address as well as a verification link would.
      await markVerified(db, owner.id, now);
      const sessionsEnded = await revokeAccountTokens(db, owner.id, now);
      // A reset often follows a compromise: a change of address someone else started must not survive it.
      await expireLinks(db, owner.id, ['reset_password', 'change_email'], now);
      await mail.send(
        db,
        { email: owner.email, name: owner.display_name, locale: localeOf(owner), accountId: owner.id },
        'account.password-changed',
      );
      await audit(db, {
        at: now,
        accountId: owner.id,
        action: 'account.resetPassword',
        targetType: 'account',
        targetId: owner.id,
        requestId,
        details: { sessionsEnded },
      });
    });
    return { status: 204 };
  };
}

function changeEmailHandler(app: ApiApp, mail: Mailer): Handler<typeof changeEmail> {
  return async ({ body, auth, db, now, requestId, c }) => {
    if (!auth) throw problem('unauthenticated');
    const owner = await findAccountById(db, auth.id);
    if (!owner) throw problem('unauthenticated');
    // The password is asked so that a stolen session cannot take the account over; guesses here are
    // throttled like sign-ins.
    const attempt = await app.signInThrottle?.begin(owner.email, app.clientAddress(c));
    if (attempt && !attempt.ok) throw rateLimited(attempt.waitSeconds, 'Too many wrong passwords');
    const ok = await verifyPassword(body.password, owner.password_hash);
    await attempt?.settle(ok);
    if (!ok) throw problem('invalid_credentials', 'The password is wrong');
    const newEmail = normaliseEmail(body.email);
    if (newEmail === owner.email)
      throw problem('validation_failed', undefined, {
        errors: [
          {
            path: '/email',
            in: 'body',
            code: 'invalid_value',
            message: 'This is already the account’s address',
          },
        ],
      });
    const locale = localeOf(owner);
    await db.atomic(async () => {
      const holder = await findAccountByEmail(db, newEmail);
      if (holder) {
        // No link to an address another account holds; its owner learns of the attempt, the requester
        // gets the same answer as otherwise.
        await mail.send(
          db,
          {
            email: newEmail,
            name: holder.display_name,
            locale: localeOf(holder, locale),
            accountId: holder.id,
          },
          'account.email-taken',
        );
      } else {
        const token = await issueLink(db, { accountId: owner.id, purpose: 'change_email', newEmail }, now);
        await mail.send(
          db,
          { email: newEmail, name: owner.display_name, locale, accountId: owner.id },
          'account.change-email',
          {
            url: mail.link(c, 'verify', token, locale),
          },
        );
      }
      await mail.send(
        db,
        { email: owner.email, name: owner.display_name, locale, accountId: owner.id },
        'account.change-email-notice',
        {
          newEmail,
        },
      );
      await audit(db, {
        at: now,
        accountId: owner.id,
        action: 'account.changeEmail',
        targetType: 'account',
        targetId: owner.id,
        requestId,
      });
    });
    return ACCEPTED;
  };
}

function signOutOthersHandler(): Handler<typeof signOutOthers> {
  return async ({ auth, db, now, requestId, c }) => {
    const token = bearerToken(c.req.header('authorization'));
    if (!auth || !token) throw problem('unauthenticated');
    const revoked = await revokeOtherTokens(db, auth.id, token, now);
    await audit(db, {
      at: now,
      accountId: auth.id,
      action: 'account.signOutOthers',
      targetType: 'account',
      targetId: auth.id,
      requestId,
      details: { revoked },
    });
    return { body: { revoked } };
  };
}

/**
 * Binds the routes of account sign-up and self-management (`accounts.*` but `accounts.delete` and
 * `accounts.export`, which the privacy area binds).
 *
 * @example
 * ```ts
 * const accountsArea: Area = { name: 'accounts', migrations, register: registerAccountRoutes };
 * ```
 */
export function registerAccountRoutes(app: ApiApp): void {
  const mail = mailer(app);
  // Rate limits off (tests, benchmarks) means no mail budget either.
  const budget = (pool: string) =>
    app.signInThrottle ? new RateLimiter(app.db, pool, MAIL_BUDGET, () => app.clock().getTime()) : undefined;
  const verifyMail = budget('verify-mail');
  const resetMail = budget('reset-mail');
  // Hashing a password takes tens of milliseconds: those handlers open their own short transaction.
  app.bind(signUp, signUpHandler(mail, verifyMail), { awaitsIo: true });
  app.bind(verifyEmail, verifyEmailHandler());
  app.bind(resendVerification, resendVerificationHandler(mail, verifyMail));
  app.bind(requestPasswordReset, requestPasswordResetHandler(mail, resetMail));
  app.bind(resetPassword, resetPasswordHandler(mail), { awaitsIo: true });
  app.bind(changeEmail, changeEmailHandler(app, mail), { awaitsIo: true });
  app.bind(signOutOthers, signOutOthersHandler());
}
