// After the award: the reports an awarded association owes and their review by the funder, and the tranches
// the funder pays. Members of the awarded association read them (and a report's file, once scanned clean),
// its representative submits them and its treasurer the financial ones; the staff
// of the funding organisation (call managers, organisation admins) review and record payments. Staff of
// another organisation get 403 on every one of these routes.

import { AssociationParams } from '../resources/association.js';
import {
  AwardParams,
  AwardReport,
  AwardReportList,
  AwardReportPage,
  AwardReportParams,
  AwardReportQuery,
  Disbursement,
  DisbursementList,
  RecordDisbursement,
  ReviewAwardReport,
  SubmitAwardReport,
} from '../resources/award-report.js';
import { CallParams } from '../resources/call.js';
import { route } from './route.js';

/** Who reviews reports and records payments: the funding organisation's staff, and platform admins. */
const FUNDER_STAFF = ['call_manager', 'organisation_admin', 'admin'] as const;

/** `GET /v1/awards/{awardId}/reports` — the reports one award owes, with where each stands. */
export const listAwardReports = /* @__PURE__ */ (() =>
  route({
    id: 'awardReports.list',
    method: 'GET',
    path: '/v1/awards/{awardId}/reports',
    tag: 'award-reports',
    summary: 'List the reports an award owes',
    description:
      "One report per requirement of the call, in due date order; `overdue` is reckoned at the request's instant in Casablanca. Members of the awarded association, staff of the funding organisation and admins.",
    auth: 'required',
    params: AwardParams,
    errors: ['not_found', 'forbidden'],
    response: { status: 200, schema: AwardReportList, description: 'The reports of the award' },
  }))();

/** `POST /v1/awards/{awardId}/reports/{requirementId}` — the association submits a report. */
export const submitAwardReport = /* @__PURE__ */ (() =>
  route({
    id: 'awardReports.submit',
    method: 'POST',
    path: '/v1/awards/{awardId}/reports/{requirementId}',
    tag: 'award-reports',
    summary: 'Submit a report (summary and an optional file)',
    description:
      '`multipart/form-data` with a `summary` field and an optional `file` part (PDF, spreadsheet, image or text; at most 20 MB). The representative of the awarded association submits every report; its treasurer submits financial ones. A report that is `due` or `returned` may be submitted; a submitted or accepted one answers 409 `invalid_state`.',
    auth: 'required',
    roles: ['association_representative', 'association_treasurer'],
    params: AwardReportParams,
    body: SubmitAwardReport,
    bodyKind: 'multipart',
    errors: [
      'validation_failed',
      'not_found',
      'forbidden',
      'invalid_state',
      'file_type_not_allowed',
      'file_too_large',
      'payload_too_large',
      'unsupported_media_type',
    ],
    idempotent: true,
    response: { status: 200, schema: AwardReport, description: 'The report as submitted' },
  }))();

/** `GET /v1/awards/{awardId}/reports/{requirementId}/file` — the file of a report's last submission. */
export const getAwardReportFile = /* @__PURE__ */ (() =>
  route({
    id: 'awardReports.file',
    method: 'GET',
    path: '/v1/awards/{awardId}/reports/{requirementId}/file',
    tag: 'award-reports',
    summary: "Download the file of a report's last submission",
    description:
      'Members of the awarded association, staff (call managers, organisation admins) of the funding organisation and admins. Served as an attachment (`Content-Disposition`, `nosniff`, a sandboxing CSP), and only once its safety scan found it clean: 409 `invalid_state` while it is pending, or when it is infected or could not be scanned. 404 when the last submission has no file.',
    auth: 'required',
    params: AwardReportParams,
    errors: ['not_found', 'forbidden', 'invalid_state'],
    response: { status: 200, contentType: 'application/octet-stream', description: 'The file, as sent' },
  }))();

/** `POST /v1/awards/{awardId}/reports/{requirementId}/review` — the funder receives, accepts or returns it. */
export const reviewAwardReport = /* @__PURE__ */ (() =>
  route({
    id: 'awardReports.review',
    method: 'POST',
    path: '/v1/awards/{awardId}/reports/{requirementId}/review',
    tag: 'award-reports',
    summary: 'Mark a submitted report received, accepted or returned',
    description:
      'Only a submitted report can be reviewed (409 `invalid_state` otherwise). `returned` needs a `reason`, which the association reads, and lets it submit again; `received` acknowledges the report and keeps it submitted.',
    auth: 'required',
    roles: FUNDER_STAFF,
    params: AwardReportParams,
    body: ReviewAwardReport,
    errors: ['validation_failed', 'not_found', 'forbidden', 'invalid_state'],
    idempotent: true,
    response: { status: 200, schema: AwardReport, description: 'The report as reviewed' },
  }))();

/** `GET /v1/awards/{awardId}/disbursements` — the tranches paid of an award. */
export const listDisbursements = /* @__PURE__ */ (() =>
  route({
    id: 'awardReports.disbursements',
    method: 'GET',
    path: '/v1/awards/{awardId}/disbursements',
    tag: 'award-reports',
    summary: 'List the tranches paid of an award',
    description:
      'Members of the awarded association, staff of the funding organisation and admins; with the amount awarded and the sum paid.',
    auth: 'required',
    params: AwardParams,
    errors: ['not_found', 'forbidden'],
    response: { status: 200, schema: DisbursementList, description: 'The tranches, in order' },
  }))();

/** `POST /v1/awards/{awardId}/disbursements` — the funder records a tranche paid. */
export const recordDisbursement = /* @__PURE__ */ (() =>
  route({
    id: 'awardReports.recordDisbursement',
    method: 'POST',
    path: '/v1/awards/{awardId}/disbursements',
    tag: 'award-reports',
    summary: 'Record a tranche paid',
    description:
      'The next tranche number is given by the server. The tranches together may not exceed the amount awarded: 422 `validation_failed` naming `/amount`.',
    auth: 'required',
    roles: FUNDER_STAFF,
    params: AwardParams,
    body: RecordDisbursement,
    errors: ['validation_failed', 'not_found', 'forbidden'],
    idempotent: true,
    response: { status: 201, schema: Disbursement, description: 'The tranche recorded' },
  }))();

/** `GET /v1/calls/{callId}/reports` — every award's reports of a call, for the funder. */
export const listCallReports = /* @__PURE__ */ (() =>
  route({
    id: 'awardReports.ofCall',
    method: 'GET',
    path: '/v1/calls/{callId}/reports',
    tag: 'award-reports',
    summary: 'List the reports of every award of a call, overdue ones visible',
    description:
      "Staff of the funding organisation and admins. Filter by `status` (repeatable) and `overdue` (reckoned at the request's instant in Casablanca). A cursor page of reports: award by award, the most recently decided first, each award's reports in due date order; `limit` counts reports.",
    auth: 'required',
    roles: FUNDER_STAFF,
    params: CallParams,
    query: AwardReportQuery,
    errors: ['validation_failed', 'not_found', 'forbidden'],
    response: { status: 200, schema: AwardReportPage, description: 'A page of the reports, award by award' },
  }))();

/** `GET /v1/associations/{associationId}/reports` — what an association owes, over all its awards. */
export const listAssociationReports = /* @__PURE__ */ (() =>
  route({
    id: 'awardReports.ofAssociation',
    method: 'GET',
    path: '/v1/associations/{associationId}/reports',
    tag: 'award-reports',
    summary: 'List the reports an association owes over all its awards',
    description:
      "Members of the association and admins. Filter by `status` (repeatable) and `overdue` (reckoned at the request's instant in Casablanca). A cursor page of reports: award by award, the most recently decided first, each award's reports in due date order; `limit` counts reports.",
    auth: 'required',
    params: AssociationParams,
    query: AwardReportQuery,
    errors: ['validation_failed', 'not_found', 'forbidden'],
    response: { status: 200, schema: AwardReportPage, description: 'A page of the reports, award by award' },
  }))();

/** The routes of reports and disbursements after an award. */
export const awardReportRoutes = [
  listAwardReports,
  submitAwardReport,
  getAwardReportFile,
  reviewAwardReport,
  listDisbursements,
  recordDisbursement,
  listCallReports,
  listAssociationReports,
] as const;
