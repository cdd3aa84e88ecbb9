import { eraseAccount, exportAccountData } from '@nassij/contract';
import type { Migration } from '../../db/db.js';
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
 * Personal data rights (law 09-08) as admins exercise them for a person: `GET
 * /v1/admin/accounts/{accountId}/export` (access) and `POST /v1/admin/accounts/{accountId}/erase` (erasure),
 * both audited. See docs/server.md, "Personal data".
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
  },
};
