import { AccountParams, ErasureReport, ErasureRequest, PersonalDataExport } from '../resources/privacy.js';
import { route } from './route.js';

/**
 * `GET /v1/admin/accounts/{accountId}/export` — everything the platform holds about one account (law 09-08,
 * right of access); admins only, audited (`privacy.export`).
 */
export const exportAccountData = /* @__PURE__ */ (() =>
  route({
    id: 'privacy.export',
    method: 'GET',
    path: '/v1/admin/accounts/{accountId}/export',
    tag: 'privacy',
    summary: 'Export the personal data of one account',
    description:
      'The account (never its password hash), memberships, tokens, contributions, registrations naming it, applications it took part in with attachment metadata, reviews and audit lines about it. Each export is recorded in the audit log.',
    auth: 'required',
    roles: ['admin'],
    params: AccountParams,
    errors: ['forbidden', 'not_found'],
    response: { status: 200, schema: PersonalDataExport, description: 'The account’s data as JSON' },
  }))();

/**
 * `POST /v1/admin/accounts/{accountId}/erase` — erase one account's personal data (law 09-08, right of
 * erasure); admins only, audited (`privacy.erase`) with the reason given.
 */
export const eraseAccount = /* @__PURE__ */ (() =>
  route({
    id: 'privacy.erase',
    method: 'POST',
    path: '/v1/admin/accounts/{accountId}/erase',
    tag: 'privacy',
    summary: 'Erase the personal data of one account',
    description:
      'Tombstones the e-mail and name, revokes tokens, removes memberships, anonymises the author of its contributions, the participant of registrations naming it, the submitter of applications and the reviewer of reviews, and deletes the documents it uploaded to applications never submitted; documents of submitted applications stay under the retention rule. Refused with invalid_state for an account already erased or the admin’s own.',
    auth: 'required',
    roles: ['admin'],
    params: AccountParams,
    body: ErasureRequest,
    idempotent: true,
    errors: ['forbidden', 'not_found', 'invalid_state'],
    response: { status: 200, schema: ErasureReport, description: 'What the erasure did' },
  }))();

/** The routes of personal data rights. */
export const privacyRoutes = [exportAccountData, eraseAccount] as const;
