import { type AuditLogEntry, exportCallAudit, listAudit } from '@nassij/contract';
import { iterate, type PageItem, type PageIterator, type PageQueryInput } from '../paginate.js';
import type { Transport } from '../transport.js';
import type { RequestOptions, RouteResult } from '../types.js';

/** The routes `client.audit` wraps (the contract's list). */
export { auditRoutes } from '@nassij/contract';

/**
 * `client.audit`: the audit log of privileged actions (moderation, reviews, decisions, attendance,
 * sign-ins), newest first, for admins; and one call's whole trail, for the admins of its organisation.
 *
 * @example
 * ```ts
 * for await (const line of client.audit.iterate({ action: 'application.decide' })) console.log(line.at, line.actorId);
 * ```
 */
export interface AuditArea {
  /**
   * One page of the audit log, newest first.
   *
   * @example
   * ```ts
   * const { items, nextCursor } = await client.audit.list({ targetType: 'contribution', limit: 50 });
   * ```
   */
  list(
    query?: PageQueryInput<typeof listAudit> & { cursor?: string | undefined },
    options?: RequestOptions,
  ): Promise<RouteResult<typeof listAudit>>;
  /**
   * The whole log (or its filtered part), lazily, newest first.
   *
   * @example
   * ```ts
   * const lastDecisions = await client.audit.iterate({ action: 'application.decide' }).collect({ limit: 20 });
   * ```
   */
  iterate(
    query?: PageQueryInput<typeof listAudit>,
    options?: RequestOptions,
  ): PageIterator<PageItem<typeof listAudit>>;
  /**
   * One call's whole trail (the call, its applications, its awards), oldest first, as the CSV an auditor
   * opens in a spreadsheet.
   *
   * @example
   * ```ts
   * await writeFile(`audit-${call.reference}.csv`, await client.audit.callCsv(call.id));
   * ```
   */
  callCsv(callId: string, options?: RequestOptions): Promise<string>;
  /**
   * The same trail as audit lines.
   *
   * @example
   * ```ts
   * const decisions = (await client.audit.call(callId)).filter((line) => line.action === 'application.decide');
   * ```
   */
  call(callId: string, options?: RequestOptions): Promise<AuditLogEntry[]>;
}

/**
 * Builds `client.audit` over a transport.
 *
 * @example
 * ```ts
 * const audit = auditArea(client.transport);
 * ```
 */
export function auditArea(t: Transport): AuditArea {
  return {
    list: (query, options) => t.op(listAudit, { query: query ?? {} }, options),
    iterate: (query, options) => iterate(t, listAudit, query, options),
    callCsv: (callId, options) =>
      t.op(exportCallAudit, { params: { callId }, query: { format: 'csv' } }, options),
    call: async (callId, options) =>
      JSON.parse(
        await t.op(exportCallAudit, { params: { callId }, query: { format: 'json' } }, options),
      ) as AuditLogEntry[],
  };
}
