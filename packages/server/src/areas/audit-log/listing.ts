// The admin listing of the audit log, newest first, in keyset pages.
import type { listAudit } from '@nassij/contract';
import { AUDIT_ORDER, readAudit } from '../../db/audit.js';
import type { HandlerInput } from '../../http/app.js';
import { keysetPage, readKeysetCursor } from '../../http/cursor.js';
import { toAuditLogEntry } from './entry.js';

/**
 * `audit.list`: the lines matching the filters (action, actor, target type and id, since), newest first,
 * one keyset page at a time; each filter reads an index ending in `(at, seq)`.
 *
 * @example
 * ```ts
 * app.bind(listAudit, listAuditHandler);
 * ```
 */
export async function listAuditHandler({ db, query }: HandlerInput<typeof listAudit>) {
  const after = readKeysetCursor(query.cursor, AUDIT_ORDER.name, AUDIT_ORDER.keys.length);
  const records = await readAudit(db, {
    ...(query.action ? { action: query.action } : {}),
    ...(query.actorId ? { accountId: query.actorId } : {}),
    ...(query.targetType ? { targetType: query.targetType } : {}),
    ...(query.targetId ? { targetId: query.targetId } : {}),
    ...(query.since ? { since: new Date(query.since) } : {}),
    ...(after ? { before: { at: String(after[0]), seq: Number(after[1]) } } : {}),
    limit: query.limit + 1,
  });
  const page = keysetPage(records, query.limit, AUDIT_ORDER.name, (record) => [record.at, record.seq]);
  return { body: { items: page.items.map(toAuditLogEntry), nextCursor: page.nextCursor } };
}
