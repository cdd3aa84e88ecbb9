import { deleteAccount, eraseAccount, exportAccountData, exportMyData } from '@nassij/contract';
import { verifyPassword } from '../../auth/password.js';
import type { Migration } from '../../db/db.js';
import type { ApiApp, Handler } from '../../http/app.js';
import { problem } from '../../http/problem.js';
import { rateLimited } from '../../http/rate-limit.js';
import { findAccountById } from '../accounts/store.js';
import type { Area } from '../area.js';
import { erasePersonalData, exportPersonalData } from './store.js';

export {
  ANONYMOUS_AUTHOR,
  ERASED_DISPLAY_NAME,
  ERASED_PARTICIPANT,
  erasePersonalData,
  exportPersonalData,
  tombstoneEmail,
} from './store.js';

/**
 * Accounts remember when they were erased (`erased_at`): the row stays, with a tombstone e-mail and name,
 * so that the audit log and the records of public procedures keep their references.
 */
export const accountErasureMigration: Migration = {
  id: '060_account_erasure',
  sql: 'ALTER TABLE accounts ADD COLUMN erased_at TEXT;',
};

/**
 * `DELETE /v1/auth/me`: the person erases their own account, with their password, as an admin's erasure
 * would (the same transaction and `privacy.erase` line, the actor being the person). The password is
 * throttled like a sign-in, so a stolen token cannot be used to guess it; the only representative of an
 * association hands over first (`409 invalid_state`).
 */
function deleteMyAccount(app: ApiApp): Handler<typeof deleteAccount> {
  return async ({ auth, body, db, now, requestId, log, c }) => {
    if (!auth) throw problem('unauthenticated');
    const attempt = await app.signInThrottle?.begin(auth.email, app.clientAddress(c));
    if (attempt && !attempt.ok)
      throw rateLimited(attempt.waitSeconds, 'Too many wrong passwords for this account');
    // An erased account keeps a row whose hash matches no password.
    const ok = await verifyPassword(body.password, (await findAccountById(db, auth.id))?.password_hash);
    await attempt?.settle(ok);
    if (!ok) throw problem('invalid_credentials', 'The password is not this account’s');
    const report = await erasePersonalData(db, auth.id, {
      actorId: auth.id,
      requestId,
      now,
      reason: body.reason || undefined,
      dataDir: app.dataDir,
      selfService: true,
    });
    log.info('account erased by its owner', { accountId: report.accountId, requestId });
    return { body: report };
  };
}

/** `GET /v1/admin/accounts/{accountId}/export`: an admin downloads a person's data for them (audited). */
export const exportAccountDataHandler: Handler<typeof exportAccountData> = async ({
  params,
  auth,
  db,
  now,
  requestId,
}) => ({
  body: await exportPersonalData(db, params.accountId, { actorId: auth?.id ?? '', requestId, now }),
});

/** `POST /v1/admin/accounts/{accountId}/erase`: an admin erases a person's account at their request. */
function eraseAccountHandler(app: ApiApp): Handler<typeof eraseAccount> {
  return async ({ params, body, auth, db, now, requestId, log }) => {
    const report = await erasePersonalData(db, params.accountId, {
      actorId: auth?.id ?? '',
      requestId,
      now,
      reason: body.reason,
      dataDir: app.dataDir,
    });
    log.info('account erased', { accountId: report.accountId, requestId });
    return { body: report };
  };
}

/** `GET /v1/auth/me/export`: the signed-in person downloads their own data (audited). */
export const exportMyDataHandler: Handler<typeof exportMyData> = async ({ auth, db, now, requestId }) => {
  if (!auth) throw problem('unauthenticated');
  return { body: await exportPersonalData(db, auth.id, { actorId: auth.id, requestId, now }) };
};

/**
 * Personal data rights (law 09-08): a signed-in person downloads their data (`GET /v1/auth/me/export`) and
 * deletes their account (`DELETE /v1/auth/me`); admins exercise the same rights for a person who asks by
 * other means (`GET /v1/admin/accounts/{accountId}/export`, `POST /v1/admin/accounts/{accountId}/erase`).
 * Every export and erasure is audited. See docs/privacy.md.
 *
 * @example
 * ```ts
 * const AREAS: Area[] = [..., auditLogArea, privacyArea];
 * ```
 */
export const privacyArea: Area = {
  name: 'privacy',
  migrations: [accountErasureMigration],
  register(app) {
    // Answers of signed-in routes are `private, no-store` already: no cache on the way keeps them.
    app.bind(exportAccountData, exportAccountDataHandler);
    app.bind(eraseAccount, eraseAccountHandler(app));
    app.bind(exportMyData, exportMyDataHandler);
    app.bind(deleteAccount, deleteMyAccount(app));
  },
};
