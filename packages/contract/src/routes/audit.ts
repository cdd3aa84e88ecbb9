import { AuditLogEntry, AuditQuery } from '../resources/audit.js';
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

/** The routes of the audit log. */
export const auditRoutes = [listAudit] as const;
