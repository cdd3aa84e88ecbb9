import {
  type Account,
  type AwardSearchQuery,
  amendCall,
  type CallSearchQuery,
  cancelCall,
  checkEligibility,
  closeCall,
  createCall,
  type EligibilityQuery,
  type EligibilityReason,
  type EligibilityResult,
  evaluateEligibility,
  getCall,
  getCallDraft,
  listCallAwards,
  listCallReviewers,
  listCallVersions,
  listManagedCalls,
  publishCall,
  publishCallResults,
  searchAwards,
  searchCalls,
  setCallReviewers,
  updateCall,
} from '@nassij/contract';
import type * as z from 'zod/mini';
import { isAdmin, isMemberOf } from '../../auth/standing.js';
import type { Db } from '../../db/db.js';
import type { ApiApp } from '../../http/app.js';
import { problem } from '../../http/problem.js';
import { searchAwardPage } from '../applications/awards.js';
import { associationProfile } from '../associations/store.js';
import {
  amendCallHandler,
  cancelCallHandler,
  closeCallHandler,
  createCallHandler,
  getCallDraftHandler,
  listCallReviewersHandler,
  listCallVersionsHandler,
  listManagedCallsHandler,
  publishCallHandler,
  publishCallResultsHandler,
  setCallReviewersHandler,
  updateCallHandler,
} from './authoring.js';
import { callExists, readCall, readStoredCall, searchCallPage } from './store.js';

type CallQuery = z.output<typeof CallSearchQuery>;
type AwardQuery = z.output<typeof AwardSearchQuery>;

/**
 * `calls.search`: one keyset page of calls with the total and nine facets, every part computed in SQL
 * (see `searchCallPage`), statuses and closing buckets at the request's clock.
 *
 * @example
 * ```ts
 * app.bind(searchCalls, ({ query, db, now }) => searchCallsHandler(db, query, now));
 * ```
 */
export async function searchCallsHandler(db: Db, query: CallQuery, now: Date) {
  return { body: await searchCallPage(db, query, now) };
}

/**
 * `calls.get`: a call in full with its stats, its status at the request's clock; `404` when unknown.
 *
 * @example
 * ```ts
 * app.bind(getCall, ({ params, db, now }) => getCallHandler(db, params.callId, now));
 * ```
 */
export async function getCallHandler(db: Db, callId: string, now: Date) {
  const call = await readCall(db, callId, now);
  if (!call) throw problem('not_found', `No call ${callId}`);
  return { body: call };
}

/**
 * `calls.checkEligibility`: the contract's evaluator on an association's profile, for its members and
 * admins; a legal form outside the call's eligible applicant types is one more reason.
 *
 * @example
 * ```ts
 * app.bind(checkEligibility, ({ params, query, db, auth, now }) =>
 *   checkEligibilityHandler(db, auth, params.callId, query, now));
 * ```
 */
export async function checkEligibilityHandler(
  db: Db,
  auth: Account | null,
  callId: string,
  query: EligibilityQuery,
  now: Date,
): Promise<{ body: EligibilityResult }> {
  const call = await readStoredCall(db, callId);
  if (!call) throw problem('not_found', `No call ${callId}`);
  if (!isAdmin(auth) && !isMemberOf(auth, query.associationId))
    throw problem('forbidden', 'Only members of the association may check its eligibility');
  const profile = await associationProfile(db, query.associationId);
  if (!profile) throw problem('not_found', `No association ${query.associationId}`);
  const result = evaluateEligibility(call.eligibility.rules, profile, now.toISOString());
  const types = call.eligibleApplicantTypes;
  if (
    types.length > 0 &&
    !types.includes(profile.legalForm) &&
    !result.reasons.some((reason) => reason.code === 'legal_form_not_allowed')
  ) {
    const reason: EligibilityReason = {
      rule: 'eligibleApplicantTypes',
      code: 'legal_form_not_allowed',
      params: { allowed: [...types], actual: profile.legalForm },
    };
    return { body: { eligible: false, reasons: [...result.reasons, reason] } };
  }
  return { body: result };
}

/**
 * `calls.awards`: the awards of one call (a page with facets, as `awards.search`); `404` for an unknown
 * call.
 *
 * @example
 * ```ts
 * app.bind(listCallAwards, ({ params, query, db }) => listCallAwardsHandler(db, params.callId, query));
 * ```
 */
export async function listCallAwardsHandler(db: Db, callId: string, query: AwardQuery) {
  if (!(await callExists(db, callId))) throw problem('not_found', `No call ${callId}`);
  return { body: await searchAwardPage(db, { ...query, callId }) };
}

/**
 * `awards.search`: one keyset page of public awards with the total and facets, computed in SQL.
 *
 * @example
 * ```ts
 * app.bind(searchAwards, ({ query, db }) => searchAwardsHandler(db, query));
 * ```
 */
export async function searchAwardsHandler(db: Db, query: AwardQuery) {
  return { body: await searchAwardPage(db, query) };
}

/**
 * Binds the calls and awards routes: `calls.search`, `calls.get`, `calls.checkEligibility`,
 * `calls.awards` and `awards.search`, and the staff's (`calls.create`, `calls.publish`… in `authoring.ts`).
 *
 * @example
 * ```ts
 * export const callsArea: Area = { name: 'calls', migrations, seedDemo: seedCalls, register: registerCallRoutes };
 * ```
 */
export function registerCallRoutes(app: ApiApp): void {
  app.bind(searchCalls, ({ query, db, now }) => searchCallsHandler(db, query, now));
  app.bind(getCall, ({ params, db, now }) => getCallHandler(db, params.callId, now));
  app.bind(checkEligibility, ({ params, query, db, auth, now }) =>
    checkEligibilityHandler(db, auth, params.callId, query, now),
  );
  app.bind(listCallAwards, ({ params, query, db }) => listCallAwardsHandler(db, params.callId, query));
  app.bind(searchAwards, ({ query, db }) => searchAwardsHandler(db, query));
  app.bind(createCall, createCallHandler);
  app.bind(getCallDraft, getCallDraftHandler);
  app.bind(updateCall, updateCallHandler);
  app.bind(publishCall, publishCallHandler);
  app.bind(amendCall, amendCallHandler);
  app.bind(closeCall, closeCallHandler);
  app.bind(cancelCall, cancelCallHandler);
  app.bind(listCallVersions, listCallVersionsHandler);
  app.bind(listCallReviewers, listCallReviewersHandler);
  app.bind(setCallReviewers, setCallReviewersHandler);
  app.bind(publishCallResults, publishCallResultsHandler);
  app.bind(listManagedCalls, listManagedCallsHandler);
}
