import { EligibilityResult } from '../eligibility/rules.js';
import { Award, AwardSearchQuery } from '../resources/award.js';
import { Call, CallParams, CallSearchQuery, CallSummary, EligibilityQuery } from '../resources/call.js';
import { Page } from '../shared/page.js';
import { route } from './route.js';

/** `GET /v1/calls` — search calls for support, with facets. */
export const searchCalls = /* @__PURE__ */ (() =>
  route({
    id: 'calls.search',
    method: 'GET',
    path: '/v1/calls',
    tag: 'calls',
    summary: 'Search calls for public support',
    description:
      'Full-text search in Arabic and French (diacritics and letter variants folded) with facet counts for status, region, domain, sector, funder level, instrument, fiscal year, award range and closing date.',
    auth: 'public',
    query: CallSearchQuery,
    errors: ['validation_failed'],
    response: { status: 200, schema: Page(CallSummary), description: 'One page of calls with facets' },
  }))();

/** `GET /v1/calls/{callId}` — one call in full. */
export const getCall = /* @__PURE__ */ (() =>
  route({
    id: 'calls.get',
    method: 'GET',
    path: '/v1/calls/{callId}',
    tag: 'calls',
    summary: 'Read a call with its criteria, documents, form and amendments',
    auth: 'public',
    params: CallParams,
    errors: ['not_found'],
    response: { status: 200, schema: Call, description: 'The call' },
  }))();

/** `GET /v1/calls/{callId}/eligibility?associationId=` — the contract's evaluator on the association's profile. */
export const checkEligibility = /* @__PURE__ */ (() =>
  route({
    id: 'calls.checkEligibility',
    method: 'GET',
    path: '/v1/calls/{callId}/eligibility',
    tag: 'calls',
    summary: 'Check whether an association may apply, rule by rule',
    auth: 'required',
    roles: ['association_member', 'association_representative', 'admin'],
    params: CallParams,
    query: EligibilityQuery,
    errors: ['not_found', 'forbidden'],
    response: { status: 200, schema: EligibilityResult, description: 'Eligible, or every unmet rule' },
  }))();

/** `GET /v1/calls/{callId}/awards` — the public results of a call. */
export const listCallAwards = /* @__PURE__ */ (() =>
  route({
    id: 'calls.awards',
    method: 'GET',
    path: '/v1/calls/{callId}/awards',
    tag: 'calls',
    summary: 'The awards of a call',
    auth: 'public',
    params: CallParams,
    query: AwardSearchQuery,
    errors: ['not_found'],
    response: { status: 200, schema: Page(Award), description: 'One page of awards' },
  }))();

/** `GET /v1/awards` — every public award, filterable. */
export const searchAwards = /* @__PURE__ */ (() =>
  route({
    id: 'awards.search',
    method: 'GET',
    path: '/v1/awards',
    tag: 'awards',
    summary: 'Search public awards',
    auth: 'public',
    query: AwardSearchQuery,
    errors: ['validation_failed'],
    response: { status: 200, schema: Page(Award), description: 'One page of awards with facets' },
  }))();

/** The calls and awards routes. */
export const callRoutes = [searchCalls, getCall, checkEligibility, listCallAwards, searchAwards] as const;
