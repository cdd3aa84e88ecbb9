import { AuditLogEntry, AuditQuery, CallAuditQuery } from '../resources/audit.js';
import { CallParams } from '../resources/call.js';
import { Page } from '../shared/page.js';
import { route } from './route.js';

/** `GET /v1/admin/audit` — the audit log of privileged actions, newest first; admins only. */
export const listAudit = /* @__PURE__ */ (() =>
  route({
    id: 'audit.list',
    method: 'GET',
    path: '/v1/admin/audit',
    tag: 'audit',
    summary: 'The audit log of privileged actions',
    auth: 'required',
    roles: ['admin'],
    query: AuditQuery,
    errors: ['forbidden', 'validation_failed'],
    response: {
      status: 200,
      schema: Page(AuditLogEntry),
      description: 'A page of audit lines, newest first',
    },
  }))();

/** `GET /v1/calls/{callId}/audit` — everything done on one call and its applications, for an audit. */
export const exportCallAudit = /* @__PURE__ */ (() =>
  route({
    id: 'audit.call',
    method: 'GET',
    path: '/v1/calls/{callId}/audit',
    tag: 'audit',
    summary: "A call's audit trail (JSON or CSV)",
    description:
      'Every action on the call, its applications and its awards (who, for which organisation, when, what before and after, why), oldest first, ' +
      'for the admins of the organisation that runs it and platform admins. `format=csv` (default) answers `text/csv; charset=utf-8` ' +
      'with a header row; `format=json` answers an array of audit lines.',
    auth: 'required',
    roles: ['organisation_admin', 'admin'],
    params: CallParams,
    query: CallAuditQuery,
    errors: ['forbidden', 'not_found', 'validation_failed'],
    response: {
      status: 200,
      contentType: 'text/csv',
      description: 'The trail as CSV, or as JSON with format=json',
    },
  }))();

/** The routes of the audit log. */
export const auditRoutes = [listAudit, exportCallAudit] as const;
