// One call's audit trail, as an organisation's admins (or the platform's) export it for an audit.
import type { AuditLogEntry, exportCallAudit } from '@nassij/contract';
import { isAdmin } from '../../auth/standing.js';
import { type AuditRecord, readCallAuditBatch } from '../../db/audit.js';
import type { Db } from '../../db/db.js';
import type { HandlerInput } from '../../http/app.js';
import { problem } from '../../http/problem.js';
import { readStoredCall, type StoredCall } from '../calls/store.js';
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

/** Lines read per batch while a trail streams. */
const TRAIL_BATCH = 500;

const json = (value: unknown): string | null => (value === undefined ? null : JSON.stringify(value));

/** One CSV line of a trail; `organisationId` is the call's, for lines that name none of their own. */
function csvTrailLine(line: AuditLogEntry, organisationId: string | undefined): string {
  const {
    before,
    after,
    organisationId: lineOrganisation,
    ...details
  } = (line.details ?? {}) as Record<string, unknown>;
  return csvLine(COLUMNS, {
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

/**
 * A call's whole trail as CSV (a header row, then one line per action) or as one JSON array, oldest first,
 * read in batches of `batch` lines by the index on `(call_id, at, seq)`, each batch only when the client
 * has taken the previous one: memory stays flat however long the trail.
 *
 * @example
 * ```ts
 * const text = await new Response(callTrailStream(db, call, 'csv')).text();
 * ```
 */
export function callTrailStream(
  db: Db,
  call: Pick<StoredCall, 'id' | 'funder'>,
  format: 'csv' | 'json',
  batch = TRAIL_BATCH,
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const organisationId = call.funder.organisationId;
  let after: AuditRecord | undefined;
  let first = true;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(
        encoder.encode(
          format === 'csv'
            ? csvLine(COLUMNS, Object.fromEntries(COLUMNS.map((column) => [column, column])))
            : '[',
        ),
      );
    },
    async pull(controller) {
      const records = await readCallAuditBatch(db, call.id, after, batch);
      after = records.at(-1);
      let chunk = '';
      for (const record of records) {
        const line = toAuditLogEntry(record);
        if (format === 'csv') chunk += csvTrailLine(line, organisationId);
        else {
          chunk += `${first ? '' : ','}${JSON.stringify(line)}`;
          first = false;
        }
      }
      // A short batch is the last one: no query for an empty page.
      if (records.length < batch && format === 'json') chunk += ']';
      if (chunk) controller.enqueue(encoder.encode(chunk));
      if (records.length < batch) controller.close();
    },
  });
}

/**
 * `audit.call`: every action on a call, its applications and what names it, oldest first, as JSON or CSV,
 * for the admins of the organisation that runs it and platform admins. The trail streams (see
 * {@link callTrailStream}).
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
  const name = `audit-${call.reference}`;
  const csv = query.format === 'csv';
  return new Response(callTrailStream(db, call, csv ? 'csv' : 'json'), {
    headers: {
      'content-type': csv ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8',
      'content-disposition': `attachment; filename="${name}.${csv ? 'csv' : 'json'}"`,
      'cache-control': 'private, no-store',
    },
  });
}
