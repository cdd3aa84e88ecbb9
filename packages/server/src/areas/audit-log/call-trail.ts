// One call's audit trail, as an organisation's admins (or the platform's) export it for an audit.
import type { exportCallAudit } from '@nassij/contract';
import { isAdmin } from '../../auth/standing.js';
import { auditOfCall } from '../../db/audit.js';
import type { HandlerInput } from '../../http/app.js';
import { problem } from '../../http/problem.js';
import { readStoredCall } from '../calls/store.js';
import { csvLine } from '../open-data/csv.js';
import { toAuditLogEntry } from './entry.js';

/** The CSV columns of a call's trail, in order. */
const COLUMNS = [
  'at',
  'actor_id',
  'organisation_id',
  'action',
  'target_type',
  'target_id',
  'reason',
  'before',
  'after',
  'details',
  'request_id',
] as const;

const json = (value: unknown): string | null => (value === undefined ? null : JSON.stringify(value));

/**
 * `audit.call`: every action on a call, its applications and what names it, oldest first, as JSON or CSV,
 * for the admins of the organisation that runs it and platform admins.
 *
 * @example
 * ```ts
 * app.bind(exportCallAudit, exportCallAuditHandler);
 * ```
 */
export async function exportCallAuditHandler({
  params,
  query,
  auth,
  db,
}: HandlerInput<typeof exportCallAudit>) {
  const call = await readStoredCall(db, params.callId);
  if (!call) throw problem('not_found', `No call ${params.callId}`);
  const organisationId = call.funder.organisationId;
  const allowed =
    isAdmin(auth) || (auth?.roles.includes('organisation_admin') && auth.organisationId === organisationId);
  if (!allowed)
    throw problem('forbidden', 'Only the admins of the organisation that runs this call read its trail');
  const lines = (await auditOfCall(db, call.id)).map(toAuditLogEntry);
  const name = `audit-${call.reference}`;
  if (query.format === 'csv') {
    let text = csvLine(COLUMNS, Object.fromEntries(COLUMNS.map((column) => [column, column])));
    for (const line of lines) {
      const {
        before,
        after,
        organisationId: lineOrganisation,
        ...details
      } = (line.details ?? {}) as Record<string, unknown>;
      text += csvLine(COLUMNS, {
        at: line.at,
        actor_id: line.actorId ?? null,
        organisation_id: typeof lineOrganisation === 'string' ? lineOrganisation : (organisationId ?? null),
        action: line.action,
        target_type: line.target?.type ?? null,
        target_id: line.target?.id ?? null,
        reason: line.reason ?? null,
        before: json(before),
        after: json(after),
        details: Object.keys(details).length > 0 ? JSON.stringify(details) : null,
        request_id: line.requestId ?? null,
      });
    }
    return new Response(text, {
      headers: {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="${name}.csv"`,
        'cache-control': 'private, no-store',
      },
    });
  }
  return new Response(JSON.stringify(lines), {
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'content-disposition': `attachment; filename="${name}.json"`,
      'cache-control': 'private, no-store',
    },
  });
}
