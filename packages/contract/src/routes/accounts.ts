import {
  AccountRequestAccepted,
  ChangeEmailRequest,
  DeleteAccountRequest,
  EmailRequest,
  EmailVerified,
  OtherSessionsEnded,
  ResetPasswordRequest,
  SignUpRequest,
  VerifyEmailRequest,
} from '../resources/account-lifecycle.js';
import { ErasureReport, PersonalDataExport } from '../resources/privacy.js';
import { route } from './route.js';

const ACCEPTED = {
  status: 202,
  schema: AccountRequestAccepted,
  description:
    'Accepted; what follows is told by e-mail (the same answer whether or not the address has an account)',
} as const;

/**
 * `POST /v1/accounts` — sign up. Answers 202 whatever the address: a new address gets a verification
 * link (24 hours, single use), an address that already has an account gets a notice instead.
 */
export const signUp = /* @__PURE__ */ (() =>
  route({
    id: 'accounts.signUp',
    method: 'POST',
    path: '/v1/accounts',
    tag: 'accounts',
    summary: 'Sign up with an e-mail address and a password',
    description:
      'The password follows NIST SP 800-63B rev. 4: at least 15 characters (Unicode code points), at most 128, no composition rule, not on the blocklist of common and breached passwords, not made of the address, the name or the service name. The account can sign in once the link sent to the address is opened.',
    auth: 'public',
    body: SignUpRequest,
    errors: [
      'validation_failed',
      'password_too_short',
      'password_too_long',
      'password_breached',
      'password_context',
      'rate_limited',
    ],
    response: ACCEPTED,
  }))();

/**
 * `POST /v1/accounts/email-verification` — open a verification link: confirms the address of a new account,
 * or makes a changed address the account's sign-in address.
 */
export const verifyEmail = /* @__PURE__ */ (() =>
  route({
    id: 'accounts.verifyEmail',
    method: 'POST',
    path: '/v1/accounts/email-verification',
    tag: 'accounts',
    summary: 'Confirm an e-mail address with the token of its link',
    auth: 'public',
    body: VerifyEmailRequest,
    errors: ['validation_failed', 'link_invalid', 'link_expired', 'link_used', 'already_exists'],
    response: { status: 200, schema: EmailVerified, description: 'The address is confirmed' },
  }))();

/**
 * `POST /v1/accounts/email-verification/resend` — send a new verification link to an account not yet
 * verified. Answers 202 whatever the address; throttled.
 */
export const resendVerification = /* @__PURE__ */ (() =>
  route({
    id: 'accounts.resendVerification',
    method: 'POST',
    path: '/v1/accounts/email-verification/resend',
    tag: 'accounts',
    summary: 'Send the verification link again',
    auth: 'public',
    body: EmailRequest,
    errors: ['validation_failed', 'rate_limited'],
    response: ACCEPTED,
  }))();

/**
 * `POST /v1/accounts/password-reset` — ask for a password reset link (1 hour, single use). Answers 202
 * whatever the address; throttled.
 */
export const requestPasswordReset = /* @__PURE__ */ (() =>
  route({
    id: 'accounts.requestPasswordReset',
    method: 'POST',
    path: '/v1/accounts/password-reset',
    tag: 'accounts',
    summary: 'Ask for a password reset link',
    auth: 'public',
    body: EmailRequest,
    errors: ['validation_failed', 'rate_limited'],
    response: ACCEPTED,
  }))();

/**
 * `POST /v1/accounts/password-reset/confirm` — set a new password with a reset link's token. Every session of
 * the account ends and a notice goes to its address.
 */
export const resetPassword = /* @__PURE__ */ (() =>
  route({
    id: 'accounts.resetPassword',
    method: 'POST',
    path: '/v1/accounts/password-reset/confirm',
    tag: 'accounts',
    summary: 'Set a new password with the token of a reset link',
    auth: 'public',
    body: ResetPasswordRequest,
    errors: [
      'validation_failed',
      'link_invalid',
      'link_expired',
      'link_used',
      'password_too_short',
      'password_too_long',
      'password_breached',
      'password_context',
    ],
    response: { status: 204, description: 'The password is changed; every session ended' },
  }))();

/**
 * `POST /v1/auth/me/email` — change the account's address. Needs the current password; a link goes to the
 * new address (confirmed by `accounts.verifyEmail`) and a notice to the current one.
 */
export const changeEmail = /* @__PURE__ */ (() =>
  route({
    id: 'accounts.changeEmail',
    method: 'POST',
    path: '/v1/auth/me/email',
    tag: 'accounts',
    summary: 'Change the e-mail address (confirmed by a link sent to the new one)',
    auth: 'required',
    body: ChangeEmailRequest,
    errors: ['validation_failed', 'invalid_credentials', 'rate_limited'],
    response: ACCEPTED,
  }))();

/** `DELETE /v1/auth/me/other-sessions` — end every session of the account but the one making the request. */
export const signOutOthers = /* @__PURE__ */ (() =>
  route({
    id: 'accounts.signOutOthers',
    method: 'DELETE',
    path: '/v1/auth/me/other-sessions',
    tag: 'accounts',
    summary: 'Sign out every other session',
    auth: 'required',
    errors: [],
    response: { status: 200, schema: OtherSessionsEnded, description: 'How many sessions ended' },
  }))();

/**
 * `DELETE /v1/auth/me` — erase one's own account (law 09-08, right of erasure), with the current password.
 * The same erasure as the admin route `privacy.erase`; audited.
 */
export const deleteAccount = /* @__PURE__ */ (() =>
  route({
    id: 'accounts.delete',
    method: 'DELETE',
    path: '/v1/auth/me',
    tag: 'accounts',
    summary: 'Erase my account',
    auth: 'required',
    body: DeleteAccountRequest,
    errors: ['validation_failed', 'invalid_credentials', 'invalid_state', 'rate_limited'],
    response: { status: 200, schema: ErasureReport, description: 'What the erasure did' },
  }))();

/** `GET /v1/auth/me/export` — download everything the platform holds about one's own account (law 09-08). */
export const exportMyData = /* @__PURE__ */ (() =>
  route({
    id: 'accounts.export',
    method: 'GET',
    path: '/v1/auth/me/export',
    tag: 'accounts',
    summary: 'Download my personal data',
    auth: 'required',
    errors: [],
    response: { status: 200, schema: PersonalDataExport, description: 'The account’s data as JSON' },
  }))();

/** The routes of account sign-up and self-management. */
export const accountRoutes = [
  signUp,
  verifyEmail,
  resendVerification,
  requestPasswordReset,
  resetPassword,
  changeEmail,
  signOutOthers,
  deleteAccount,
  exportMyData,
] as const;
