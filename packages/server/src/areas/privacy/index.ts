import { deleteAccount, eraseAccount, exportAccountData, exportMyData } from '@nassij/contract';
import { verifyPassword } from '../../auth/password.js';
import type { Db, Migration } from '../../db/db.js';
import type { ApiApp, Handler } from '../../http/app.js';
import { problem } from '../../http/problem.js';
import { rateLimited } from '../../http/rate-limit.js';
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

/** The stored password hash of a live account, or `undefined` (an erased account has none that matches). */
async function passwordHashOf(db: Db, accountId: string): Promise<string | undefined> {
  return (
    await db.one<{ password_hash: string }>('SELECT password_hash FROM accounts WHERE id = ?', [accountId])
  )?.password_hash;
}

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
    const ok = await verifyPassword(body.password, await passwordHashOf(db, auth.id));
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
    app.bind(exportAccountData, async ({ params, auth, db, now, requestId }) => ({
      body: await exportPersonalData(db, params.accountId, { actorId: auth?.id ?? '', requestId, now }),
    }));
    app.bind(eraseAccount, async ({ params, body, auth, db, now, requestId, log }) => {
      const report = await erasePersonalData(db, params.accountId, {
        actorId: auth?.id ?? '',
        requestId,
        now,
        reason: body.reason,
        dataDir: app.dataDir,
      });
      log.info('account erased', { accountId: report.accountId, requestId });
      return { body: report };
    });
    app.bind(exportMyData, async ({ auth, db, now, requestId }) => {
      if (!auth) throw problem('unauthenticated');
      return { body: await exportPersonalData(db, auth.id, { actorId: auth.id, requestId, now }) };
    });
    app.bind(deleteAccount, deleteMyAccount(app));
  },
};
