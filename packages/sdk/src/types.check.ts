// Type-level tests: `npx tsc -p tsconfig.check.json` compiles this file and never runs it. Each
// `@ts-expect-error` line is a call that must not compile (tsc fails if it does); the line beside it is the
// right call, which must. The calls sit in functions that nothing calls, so no request is ever made.
import {
  type Application,
  type Call,
  type CallDraft,
  type CallVersion,
  getApplication,
  getCall,
  type Organisation,
  type RegionCode,
  searchCourses,
  type UpdateApplication,
  updateApplication,
} from '@nassij/contract';
import type { NassijClient } from './client.js';
import { isConflictError, NassijConflictError } from './errors.js';
import type { PageIterator } from './paginate.js';
import type { BodyOf, QueryOf, RequestInput } from './types.js';

/** Queries are typed from the routes' query schemas (their input side). */
export async function queries(client: NassijClient): Promise<void> {
  await client.calls.search({ limit: 20, sort: 'newest', status: ['open'] });
  // @ts-expect-error a page size is a number
  await client.calls.search({ limit: 'lots' });
  // @ts-expect-error no such filter
  await client.calls.search({ colour: 'blue' });
  // @ts-expect-error no such status
  await client.calls.search({ status: ['opened'] });
  await client.calls.search({ fiscalYear: [2026] });
  // @ts-expect-error a fiscal year is a number, even though the URL carries text
  await client.calls.search({ fiscalYear: ['2026'] });
  await client.calls.iterate({ limit: 50 }).collect({ limit: 200 });
  // @ts-expect-error a page size is a number, in iterate too
  client.calls.iterate({ limit: '50' });
  await client.awards.search({ fiscalYear: [2025], limit: 10 });
  // @ts-expect-error
  await client.awards.search({ fiscalYear: 2025 });
  await client.courses.search({ free: true, level: [1, 2], seatsAvailable: false });
  // @ts-expect-error a flag is a boolean
  await client.courses.search({ free: 'yes' });
  // @ts-expect-error levels are 1, 2 and 3
  await client.courses.search({ level: [4] });
  await client.associations.search({ publicUtility: true });
  // @ts-expect-error
  await client.associations.search({ publicUtility: 1 });
  await client.indicators.get({ year: 2026 });
  // @ts-expect-error a year is a number
  await client.indicators.get({ year: '2026' });
  await client.openData.export('awards', { year: 2026, format: 'json' });
  // @ts-expect-error a year is a number
  await client.openData.export('awards', { year: 'last' });
  await client.contributions.list('cons_0001', { limit: 100 });
  // @ts-expect-error
  await client.contributions.list('cons_0001', { limit: true });

  // The generic core takes the same types from the route.
  await client.request(searchCourses, { query: { level: [3] } });
  // @ts-expect-error
  await client.request(searchCourses, { query: { level: ['3'] } });
  await client.request(getCall, { params: { callId: 'call_0001' } });
  // @ts-expect-error an id is a string
  await client.request(getCall, { params: { callId: 1 } });
  // @ts-expect-error getCall needs its params
  await client.request(getCall);
  const query: QueryOf<typeof searchCourses> = { modality: ['online'] };
  // @ts-expect-error
  const badQuery: QueryOf<typeof searchCourses> = { modality: ['by-post'] };
  const input: RequestInput<typeof getCall> = { params: { callId: 'call_0001' }, timeout: 5_000 };
  void [query, badQuery, input];
}

/** `RegionCode` is the union of the 12 codes, wherever a region is taken. */
export async function regions(client: NassijClient): Promise<void> {
  const region: RegionCode = 'MA-06';
  // @ts-expect-error there are 12 regions
  const thirteenth: RegionCode = 'MA-13';
  void thirteenth;
  await client.calls.search({ region: [region, 'MA-12'] });
  // @ts-expect-error
  await client.calls.search({ region: ['MA-13'] });
  // @ts-expect-error a code, not a name
  await client.calls.search({ region: ['Casablanca-Settat'] });
  await client.indicators.get({ region: 'MA-01' });
  // @ts-expect-error
  await client.indicators.get({ region: 'MA-00' });
  await client.contributions.create('cons_0001', {
    kind: 'comment',
    body: 'نص',
    consent: true,
    author: { displayName: 'Salma', participantType: 'citizen', region: 'MA-01' },
  });
  await client.contributions.create('cons_0001', {
    kind: 'comment',
    body: 'نص',
    consent: true,
    // @ts-expect-error
    author: { displayName: 'Salma', participantType: 'citizen', region: 'MA-13' },
  });
  // Results carry the union too.
  const call = await client.calls.get('call_0001');
  const eligible: RegionCode[] = call.eligibleRegions;
  void eligible;
}

/** Bodies and the conditional write. */
export async function bodies(client: NassijClient, id: string, etag: string): Promise<void> {
  const patch: BodyOf<typeof updateApplication> = { projectTitle: 'نادي القراءة' };
  await client.applications.update(id, patch, { ifMatch: etag });
  // @ts-expect-error update needs the ETag the patch was made from
  await client.applications.update(id, patch);
  // @ts-expect-error
  await client.applications.update(id, { projectTitel: 'x' }, { ifMatch: etag });
  // @ts-expect-error both ids are needed
  await client.applications.start({ callId: 'call_0001' });
}

/** Call authoring: drafts are partial and strict, `null` clears, an update needs its ETag, reasons are texts. */
export async function callAuthoring(client: NassijClient, callId: string): Promise<void> {
  const draft: CallDraft = await client.calls.create({ title: { ar: 'دعم', fr: 'Soutien' } });
  // @ts-expect-error no such field of a call
  await client.calls.create({ titel: { fr: 'Soutien' } });
  // @ts-expect-error a title is a text per language
  await client.calls.create({ title: 'Soutien' });
  let { etag } = await client.calls.getDraftWithEtag(draft.id);
  ({ etag } = await client.calls.update(draft.id, { budget: null, fiscalYear: 2027 }, { ifMatch: etag }));
  // @ts-expect-error an update needs the ETag it was made from
  await client.calls.update(draft.id, { fiscalYear: 2027 });
  // @ts-expect-error the organisation of a draft is not edited
  await client.calls.update(draft.id, { organisationId: 'org_1' }, { ifMatch: etag });
  const published: Call = await client.calls.publish(draft.id, { ifMatch: etag });
  await client.calls.amend(callId, { changes: { fiscalYear: 2028 }, summary: { fr: 'Exercice corrigé' } });
  // @ts-expect-error an amendment says why, publicly
  await client.calls.amend(callId, { changes: { fiscalYear: 2028 } });
  // @ts-expect-error an amendment does not clear a field
  await client.calls.amend(callId, { changes: { budget: null }, summary: { fr: 'x' } });
  await client.calls.close(callId, { ar: 'استنفاد الميزانية' });
  // @ts-expect-error a reason is a text per language
  await client.calls.cancel(callId, 'Budget épuisé');
  const versions: CallVersion[] = (await client.calls.versions(callId)).items;
  await client.calls.setReviewers(callId, ['acc_1']);
  await client.calls.publishResults(callId);
  await client.calls.publishResults(callId, { summary: { fr: 'Douze projets retenus' } });
  // @ts-expect-error a summary is a text per language
  await client.calls.publishResults(callId, { summary: 'Douze projets retenus' });
  // @ts-expect-error account ids are strings
  await client.calls.setReviewers(callId, [1]);
  await client.organisations.search({ level: ['regional'], region: ['MA-09'] });
  // @ts-expect-error no such level
  await client.organisations.search({ level: ['ministerial'] });
  const organisation: Organisation = await client.organisations.get('org_1');
  void [published, versions, organisation];
}

/** Pagination: `collect` needs its limit. */
export async function collecting(client: NassijClient): Promise<void> {
  const calls: PageIterator<{ id: string }> = client.calls.iterate({ status: ['open'] });
  const some = await calls.collect({ limit: 10 });
  const ids: string[] = some.map((call) => call.id);
  // @ts-expect-error a limit is required
  await client.calls.iterate().collect({});
  // @ts-expect-error
  await client.calls.iterate().collect();
  void ids;
}

/** A conflict's `current`: `unknown` after `instanceof`, the resource after a typed guard. */
export async function conflicts(client: NassijClient, id: string, patch: UpdateApplication): Promise<void> {
  let { data, etag } = await client.applications.getWithEtag(id);
  try {
    ({ data, etag } = await client.applications.update(id, patch, { ifMatch: etag }));
  } catch (error) {
    if (error instanceof NassijConflictError) {
      // @ts-expect-error instanceof cannot know which call threw: current is unknown (not any)
      error.current.projectTitle;
      const unknownCurrent: unknown = error.current;
      void unknownCurrent;
    }
    // The docs' snippet: instanceof, then the ETag to save on top of.
    if (!(error instanceof NassijConflictError) || error.etag === undefined) throw error;
    ({ data, etag } = await client.applications.update(id, patch, { ifMatch: error.etag }));
    // The area's guard types current, after instanceof too.
    if (client.applications.isConflict(error)) {
      const theirs: Application | undefined = error.current;
      void theirs?.projectTitle;
    }
  }
  const unknownError: unknown = new Error('x');
  if (isConflictError(unknownError, updateApplication)) {
    const current: Application | undefined = unknownError.current;
    void current;
  }
  if (isConflictError(unknownError)) {
    // @ts-expect-error without the route, current is unknown
    const current: Application | undefined = unknownError.current;
    void current;
  }
  if (isConflictError(unknownError, getApplication)) {
    const current: Application | undefined = unknownError.current;
    void current;
  }
  const made = new NassijConflictError<Application>('Changed', {
    code: 'precondition_failed',
    current: data,
  });
  const typed: Application | undefined = made.current;
  void [typed, etag];
}
