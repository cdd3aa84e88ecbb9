import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Application, AwardReport, Problem } from '@nassij/contract';
import {
  addReportRequirement,
  awardOfApplication,
  createTestAccount,
} from '../areas/award-reports/fixtures.js';
import { send } from '../bench/kit.js';
import { createAccount, DEMO_ACCOUNTS } from '../seed/demo.js';
import { demoFixtures as F } from '../seed/fixtures.js';
import { clockFrom, signInAs, tempServer } from '../testing.js';

type Server = Awaited<ReturnType<typeof tempServer>>;

/**
 * Who asks. `callManager` is a staff account of an organisation: the ministry that runs the demo's open
 * eligible call and the calls the fixtures name at later stages (received, under review, awarded).
 */
const PERSONAS = [
  'anonymous',
  'citizen',
  'member',
  'outsider',
  'reviewer',
  'callManager',
  'moderator',
  'admin',
] as const;
type Persona = (typeof PERSONAS)[number];
/**
 * `401`/`403`/`404` exact (`404`: the resource does not exist for this caller, as a draft for a reviewer);
 * `2xx` a success; `pass` means authorisation let the request through and the handler answered on the
 * merits (any status < 500 other than 401 and 403: a state, validation or not-found answer).
 */
type Expect = '401' | '403' | '404' | '2xx' | 'pass';

interface Row<P extends string = Persona> {
  name: string;
  method: string;
  /** A function so that ids created in `before` are read when the row runs. */
  path: () => string;
  json?: () => unknown;
  raw?: () => BodyInit;
  headers?: () => Record<string, string>;
  expect: Record<P, Expect>;
}

/**
 * Who asks, for the routes after an award: every role, about an award of the demo association
 * (`member`, `representative` and `treasurer` are of it, `outsider` of another association). `funder…` are
 * the call manager and organisation admin of the organisation that funds it, `other…` those of another
 * organisation (the demo ministry).
 */
const REPORT_PERSONAS = [
  'anonymous',
  'citizen',
  'member',
  'representative',
  'treasurer',
  'outsider',
  'reviewer',
  'funderCallManager',
  'funderAdmin',
  'otherCallManager',
  'otherAdmin',
  'moderator',
  'admin',
] as const;
type ReportPersona = (typeof REPORT_PERSONAS)[number];

/** {@link row} for {@link REPORT_PERSONAS}. */
function reportRow(
  signedIn: Expect,
  overrides: Partial<Record<ReportPersona, Expect>> = {},
): Record<ReportPersona, Expect> {
  const base = Object.fromEntries(REPORT_PERSONAS.map((p) => [p, signedIn])) as Record<ReportPersona, Expect>;
  return { ...base, anonymous: '401', ...overrides };
}

/** Whether an answer meets what a row expects. */
function meets(status: number, want: Expect): boolean {
  if (want === '2xx') return status >= 200 && status < 300;
  if (want === 'pass') return status !== 401 && status !== 403 && status < 500;
  return status === Number(want);
}

/** A report's multipart body: its summary, and a small PDF when `withFile`. */
function reportForm(summary: string, withFile = false): FormData {
  const form = new FormData();
  form.set('summary', summary);
  if (withFile)
    form.set(
      'file',
      new File([new TextEncoder().encode('%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n')], 'r.pdf'),
    );
  return form;
}

/** The financial report the matrix adds to the call of the demo association's award (the demo has none). */
const FINANCIAL = 'audit_financial';

/** Builds an expectation row from the default for signed-in accounts plus per-persona overrides. */
function row(signedIn: Expect, overrides: Partial<Record<Persona, Expect>> = {}): Record<Persona, Expect> {
  const base = Object.fromEntries(PERSONAS.map((p) => [p, signedIn])) as Record<Persona, Expect>;
  return { ...base, anonymous: '401', ...overrides };
}

const OUTSIDER = {
  id: 'acc_audit_outsider',
  email: 'outsider@audit.nassij.ma',
  password: 'outsider-member-2026',
  displayName: 'Outsider',
  roles: ['citizen', 'association_member'] as const,
  memberships: [{ associationId: F.associations.unaffiliated, role: 'member' as const }],
};
const CONFLICTED = {
  id: 'acc_audit_conflicted',
  email: 'conflicted@audit.nassij.ma',
  password: 'conflicted-reviewer-2026',
  displayName: 'Conflicted reviewer',
  roles: ['reviewer'] as const,
  memberships: [] as { associationId: string; role: 'member' }[],
};

/**
 * Defines the authorisation matrix suite: every operation × eight personas against a freshly seeded server,
 * plus the cross-association checks. `at` runs it on a server whose clock starts at that instant (the
 * time-travel suite runs it at several), else at the real time.
 *
 * @example
 * ```ts
 * describeAuthorizationMatrix({ at: '2031-06-15T10:00:00Z' });
 * ```
 */
export function describeAuthorizationMatrix({ at }: { at?: string } = {}): void {
  describe(`audit: authorisation matrix${at ? ` at ${at}` : ''}`, () => {
    let server: Server;
    const tokens = {} as Record<Persona | 'conflicted' | 'representative', string | undefined>;
    let draft: Application;
    let draftEtag = '';
    let reviewable: { id: string; associationId: string };
    /** The demo association's award whose reports the award-report rows ask about, and its call. */
    let award: { awardId: string; callId: string; organisationId: string };
    const reportTokens = {} as Record<ReportPersona, string | undefined>;

    before(async () => {
      server = await tempServer({ rateLimit: false, ...(at ? { clock: clockFrom(at) } : {}) });
      const picked = await server.db.one<{ id: string; association_id: string }>(
        "SELECT id, association_id FROM applications WHERE call_id = ? AND status = 'under_review' ORDER BY id LIMIT 1",
        [F.calls.underReview],
      );
      assert.ok(picked, 'the seed has a reviewable application');
      reviewable = { id: picked.id, associationId: picked.association_id };
      const now = at ? new Date(at) : new Date();
      await createAccount(server.db, { ...OUTSIDER, roles: [...OUTSIDER.roles] }, now);
      await createAccount(
        server.db,
        {
          ...CONFLICTED,
          roles: [...CONFLICTED.roles],
          memberships: [{ associationId: reviewable.associationId, role: 'member' }],
        },
        now,
      );
      const keys = ['citizen', 'member', 'representative', 'reviewer', 'moderator', 'admin'] as const;
      for (const key of keys)
        tokens[key] = await signInAs(server.url, DEMO_ACCOUNTS[key].email, DEMO_ACCOUNTS[key].password);
      const { email, password } = DEMO_ACCOUNTS.ministryCallManager;
      tokens.callManager = await signInAs(server.url, email, password);
      tokens.outsider = await signInAs(server.url, OUTSIDER.email, OUTSIDER.password);
      tokens.conflicted = await signInAs(server.url, CONFLICTED.email, CONFLICTED.password);
      tokens.anonymous = undefined;

      const started = await send(server.url, 'POST', '/v1/applications', {
        token: tokens.representative,
        json: { callId: F.calls.openEligible, associationId: F.associations.represented },
      });
      assert.equal(started.status, 201, started.text);
      draft = started.json as Application;
      draftEtag = started.headers.get('etag') ?? '';

      // The routes after an award: a treasurer of the demo association and staff of the funding
      // organisation (the demo has neither), and a financial report sent with a file the scan found clean.
      award = await awardOfApplication(server.db, F.applications.awardedOfRepresented);
      assert.notEqual(
        award.organisationId,
        F.organisations.ministry,
        'the ministry is "another organisation"',
      );
      await addReportRequirement(server.db, award.callId, FINANCIAL, 'financial', now);
      const made = {
        treasurer: await createTestAccount(
          server.db,
          'audit_treasurer',
          {
            roles: ['citizen', 'association_member', 'association_treasurer'],
            memberships: [{ associationId: F.associations.represented, role: 'treasurer' }],
          },
          now,
        ),
        funderCallManager: await createTestAccount(
          server.db,
          'audit_funder_manager',
          { roles: ['call_manager'], organisationId: award.organisationId },
          now,
        ),
        funderAdmin: await createTestAccount(
          server.db,
          'audit_funder_admin',
          { roles: ['organisation_admin'], organisationId: award.organisationId },
          now,
        ),
      };
      for (const [key, account] of Object.entries(made))
        reportTokens[key as keyof typeof made] = await signInAs(server.url, account.email, account.password);
      const { ministryCallManager, ministryAdmin } = DEMO_ACCOUNTS;
      reportTokens.otherCallManager = await signInAs(
        server.url,
        ministryCallManager.email,
        ministryCallManager.password,
      );
      reportTokens.otherAdmin = await signInAs(server.url, ministryAdmin.email, ministryAdmin.password);
      for (const key of [
        'anonymous',
        'citizen',
        'member',
        'representative',
        'outsider',
        'reviewer',
        'moderator',
        'admin',
      ] as const)
        reportTokens[key] = tokens[key];
      const sent = await send(server.url, 'POST', `/v1/awards/${award.awardId}/reports/${FINANCIAL}`, {
        token: tokens.representative,
        raw: reportForm('Audit', true),
      });
      assert.equal(sent.status, 200, sent.text);
      let scanState = 'pending';
      for (let i = 0; i < 100 && scanState === 'pending'; i++) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        const listed = await send(server.url, 'GET', `/v1/awards/${award.awardId}/reports`, {
          token: tokens.representative,
        });
        const items = (listed.json as { items: AwardReport[] }).items;
        scanState = items.find((r) => r.requirementId === FINANCIAL)?.submission?.attachment?.scanState ?? '';
      }
      assert.equal(scanState, 'clean');
    });
    after(() => server.stop());

    const ROWS: Row[] = [
      { name: 'auth.me', method: 'GET', path: () => '/v1/auth/me', expect: row('2xx') },
      { name: 'associations.mine', method: 'GET', path: () => '/v1/me/associations', expect: row('2xx') },
      {
        name: 'organisations.search',
        method: 'GET',
        path: () => '/v1/organisations?level=regional',
        expect: row('2xx', { anonymous: '2xx' }),
      },
      {
        name: 'organisations.get',
        method: 'GET',
        path: () => `/v1/organisations/${F.organisations.ministry}`,
        expect: row('2xx', { anonymous: '2xx' }),
      },
      {
        name: 'calls.checkEligibility',
        method: 'GET',
        path: () =>
          `/v1/calls/${F.calls.openEligible}/eligibility?associationId=${F.associations.represented}`,
        expect: row('403', { member: '2xx', admin: '2xx' }),
      },
      {
        name: 'calls.checkEligibility of another association',
        method: 'GET',
        path: () =>
          `/v1/calls/${F.calls.openEligible}/eligibility?associationId=${F.associations.represented}`,
        expect: row('403', { member: '2xx', admin: '2xx', outsider: '403' }),
      },
      { name: 'applications.list', method: 'GET', path: () => '/v1/applications', expect: row('2xx', {}) },
      {
        name: 'applications.get (draft of the represented association)',
        method: 'GET',
        path: () => `/v1/applications/${draft.id}`,
        // The call's reviewers and staff see submitted applications only: a draft does not exist for them yet
        // (404, as an unpublished contribution for a reader); other associations' members are refused (403).
        expect: row('403', { member: '2xx', reviewer: '404', callManager: '404', admin: '2xx' }),
      },
      {
        name: 'reviews.submit (a draft)',
        method: 'POST',
        path: () => `/v1/applications/${draft.id}/reviews`,
        json: () => ({ conflictOfInterest: { declared: true }, scores: [] }),
        // The admin sees the draft and gets the state answer (409 invalid_state).
        expect: row('403', { reviewer: '404', admin: 'pass' }),
      },
      {
        name: 'reviews.decide (a draft)',
        method: 'POST',
        path: () => `/v1/applications/${draft.id}/decision`,
        json: () => ({ outcome: 'rejected', reason: 'Audit' }),
        // Decisions are the call's staff's: reviewers are refused by role.
        expect: row('403', { callManager: '404', admin: 'pass' }),
      },
      {
        name: 'reviews.checkEligibility (a draft)',
        method: 'POST',
        path: () => `/v1/applications/${draft.id}/eligibility-check`,
        json: () => ({ admissible: true }),
        expect: row('403', { callManager: '404', admin: '404' }),
      },
      {
        name: 'applications.attachmentContent (draft of the represented association)',
        method: 'GET',
        path: () => `/v1/applications/${draft.id}/attachments/att_missing`,
        expect: row('403', { member: 'pass', reviewer: '404', callManager: '404', admin: 'pass' }),
      },
      {
        name: 'calls.create',
        method: 'POST',
        path: () => '/v1/calls',
        json: () => ({ title: { fr: 'Audit' } }),
        // A platform admin must name the organisation: the answer is on the merits (422).
        expect: row('403', { callManager: '2xx', admin: 'pass' }),
      },
      {
        name: 'calls.managed (the ministry)',
        method: 'GET',
        path: () => `/v1/organisations/${F.organisations.ministry}/calls`,
        expect: row('403', { callManager: '2xx', admin: '2xx' }),
      },
      {
        name: 'calls.managed (another organisation)',
        method: 'GET',
        path: () => `/v1/organisations/${F.organisations.regionalCouncil}/calls`,
        expect: row('403', { admin: '2xx' }),
      },
      {
        name: 'consultations.create',
        method: 'POST',
        path: () => '/v1/consultations/drafts',
        json: () => ({ title: { fr: 'Audit' } }),
        // Consultations are run by consultation managers, not call managers; a platform admin must name the
        // organisation (422 on the merits).
        expect: row('403', { admin: 'pass' }),
      },
      {
        name: 'consultations.getDraft (unknown)',
        method: 'GET',
        path: () => `/v1/consultations/drafts/${F.missing.consultation}`,
        expect: row('403', { admin: '404' }),
      },
      {
        name: 'consultations.managed (the ministry)',
        method: 'GET',
        path: () => `/v1/organisations/${F.organisations.ministry}/consultations`,
        expect: row('403', { admin: '2xx' }),
      },
      {
        name: 'consultations.publishVersion (the draft law, an empty body)',
        method: 'POST',
        path: () => `/v1/consultations/${F.consultations.draftLaw}/versions`,
        json: () => ({}),
        expect: row('403', { admin: 'pass' }),
      },
      {
        name: 'consultations.close (the draft law, an empty body)',
        method: 'POST',
        path: () => `/v1/consultations/${F.consultations.draftLaw}/close`,
        json: () => ({}),
        expect: row('403', { admin: 'pass' }),
      },
      {
        name: 'organisations.staff (the ministry)',
        method: 'GET',
        path: () => `/v1/organisations/${F.organisations.ministry}/staff?role=reviewer`,
        expect: row('403', { callManager: '2xx', admin: '2xx' }),
      },
      {
        name: 'audit.call',
        method: 'GET',
        path: () => `/v1/calls/${F.calls.underReview}/audit`,
        // Organisation admins and platform admins: a call manager does not audit.
        expect: row('403', { admin: '2xx' }),
      },
      {
        name: 'calls.update (a published call of the ministry)',
        method: 'PATCH',
        path: () => `/v1/calls/${F.calls.underReview}`,
        json: () => ({}),
        headers: () => ({ 'if-match': '"stale"' }),
        // Staff pass authorisation and meet the precondition (412); others are refused.
        expect: row('403', { callManager: 'pass', admin: 'pass' }),
      },
      {
        name: 'applications.update (draft of the represented association)',
        method: 'PATCH',
        path: () => `/v1/applications/${draft.id}`,
        headers: () => ({ 'if-match': draftEtag }),
        json: () => ({ projectTitle: 'Audit' }),
        // Only the first allowed write would change the ETag, so only the member is allowed here.
        expect: row('403', { member: '2xx' }),
      },
      {
        name: 'applications.uploadAttachment',
        method: 'POST',
        path: () => `/v1/applications/${draft.id}/attachments`,
        raw: () => {
          const form = new FormData();
          form.set('documentId', 'no_such_document');
          form.set('file', new File([new TextEncoder().encode('%PDF-1.4\n%%EOF\n')], 'a.pdf'));
          return form;
        },
        expect: row('403', { member: 'pass' }),
      },
      {
        name: 'applications.removeAttachment',
        method: 'DELETE',
        path: () => `/v1/applications/${draft.id}/attachments/att_missing`,
        expect: row('403', { member: 'pass' }),
      },
      {
        name: 'applications.submit',
        method: 'POST',
        path: () => `/v1/applications/${draft.id}/submit`,
        // The representative alone submits (members draft): no persona here represents the association, and
        // submitting the shared draft would change what the rows after this one see.
        expect: row('403'),
      },
      {
        name: 'applications.start for the represented association',
        method: 'POST',
        path: () => '/v1/applications',
        json: () => ({ callId: F.calls.openEligible, associationId: F.associations.represented }),
        expect: row('403', { member: 'pass' }),
      },
      {
        name: 'reviews.listApplications',
        method: 'GET',
        path: () => `/v1/calls/${F.calls.closedReceived}/applications`,
        expect: row('403', { reviewer: '2xx', callManager: '2xx', admin: '2xx' }),
      },
      {
        name: 'reviews.declareConflict',
        method: 'PUT',
        path: () => `/v1/applications/${reviewable.id}/conflict-declaration`,
        json: () => ({ declared: false }),
        // Authorised: a declaration (2xx), or 409 once their seeded review of it is written.
        expect: row('403', { reviewer: 'pass', admin: 'pass' }),
      },
      {
        name: 'reviews.submit',
        method: 'POST',
        path: () => `/v1/applications/${reviewable.id}/reviews`,
        json: () => ({}),
        expect: row('403', { reviewer: 'pass', admin: 'pass' }),
      },
      {
        name: 'reviews.decide',
        method: 'POST',
        path: () => `/v1/applications/${reviewable.id}/decision`,
        json: () => ({}),
        expect: row('403', { callManager: 'pass', admin: 'pass' }),
      },
      {
        name: 'moderation.queue',
        method: 'GET',
        path: () => '/v1/moderation/contributions',
        expect: row('403', { moderator: '2xx', admin: '2xx' }),
      },
      {
        name: 'contributions.list state=pending',
        method: 'GET',
        path: () => `/v1/consultations/${F.consultations.draftLaw}/contributions?state=pending`,
        // The route reads an optional token: without one, pending items are still refused.
        expect: row('403', { anonymous: '403', moderator: '2xx', admin: '2xx' }),
      },
      {
        name: 'contributions.list (published)',
        method: 'GET',
        path: () => `/v1/consultations/${F.consultations.draftLaw}/contributions`,
        expect: row('2xx', { anonymous: '2xx' }),
      },
      {
        name: 'moderation.decide',
        method: 'POST',
        path: () => `/v1/contributions/${F.contributions.pendingRecommendation}/moderation`,
        json: () => ({}),
        expect: row('403', { moderator: 'pass', admin: 'pass' }),
      },
      {
        name: 'contributions.respond',
        method: 'POST',
        path: () => `/v1/contributions/${F.contributions.pendingRecommendation}/response`,
        json: () => ({}),
        expect: row('403', { moderator: 'pass', admin: 'pass' }),
      },
      {
        name: 'contributions.support',
        method: 'POST',
        path: () => '/v1/contributions/ctb_missing/supports',
        expect: row('pass'),
      },
      {
        name: 'contributions.withdrawSupport',
        method: 'DELETE',
        path: () => '/v1/contributions/ctb_missing/supports',
        expect: row('pass'),
      },
      {
        name: 'registrations.list',
        method: 'GET',
        path: () => '/v1/registrations',
        expect: row('2xx', { citizen: 'pass', reviewer: 'pass', callManager: 'pass', moderator: 'pass' }),
      },
      {
        name: 'registrations.get (the represented association)',
        method: 'GET',
        path: () => `/v1/registrations/${F.registrations.upcomingOfRepresented}`,
        expect: row('403', { member: '2xx', admin: '2xx' }),
      },
      {
        name: 'registrations.create',
        method: 'POST',
        path: () => '/v1/registrations',
        json: () => ({
          sessionId: F.sessions.openWithSeats,
          associationId: F.associations.represented,
          // The member registers themself; nobody else here represents the association.
          participant: { accountId: F.accounts.member },
          consent: true,
        }),
        expect: row('403', { member: 'pass' }),
      },
      {
        name: 'registrations.recordAttendance',
        method: 'POST',
        path: () => `/v1/registrations/${F.registrations.upcomingOfRepresented}/attendance`,
        json: () => ({}),
        expect: row('403', { admin: 'pass' }),
      },
      {
        name: 'registrations.evaluate (the represented association)',
        method: 'POST',
        path: () => `/v1/registrations/${F.registrations.upcomingOfRepresented}/evaluation`,
        json: () => ({ rating: 4 }),
        expect: row('403', { member: 'pass' }),
      },
      {
        // The staff of the course's organisation read its evaluations (no persona here is); admins too.
        name: 'sessions.evaluations',
        method: 'GET',
        path: () => `/v1/sessions/${F.sessions.openWithSeats}/evaluations`,
        expect: row('403', { admin: '2xx' }),
      },
      {
        name: 'registrations.cancel (the represented association)',
        method: 'POST',
        path: () => `/v1/registrations/${F.registrations.upcomingOfRepresented}/cancel`,
        json: () => ({}),
        // Runs last among the registration rows: the member's cancel may succeed.
        expect: row('403', { member: 'pass', admin: 'pass' }),
      },
    ];

    for (const r of ROWS) {
      test(`${r.method} ${r.name}`, async () => {
        const seen: string[] = [];
        for (const persona of PERSONAS) {
          const answer = await send(server.url, r.method, r.path(), {
            token: tokens[persona],
            ...(r.json ? { json: r.json() } : {}),
            ...(r.raw ? { raw: r.raw() } : {}),
            ...(r.headers ? { headers: r.headers() } : {}),
          });
          const want = r.expect[persona];
          if (!meets(answer.status, want))
            seen.push(`${persona}: want ${want}, got ${answer.status} ${answer.text.slice(0, 160)}`);
        }
        assert.deepEqual(seen, []);
      });
    }

    /** Every award-report route × every role; readers are the association's members and the funder's staff. */
    const readers = {
      member: '2xx',
      representative: '2xx',
      treasurer: '2xx',
      funderCallManager: '2xx',
      funderAdmin: '2xx',
      admin: '2xx',
    } as const;
    const REPORT_ROWS: Row<ReportPersona>[] = [
      {
        name: 'awardReports.list',
        method: 'GET',
        path: () => `/v1/awards/${award.awardId}/reports`,
        expect: reportRow('403', readers),
      },
      {
        name: 'awardReports.file (scanned clean)',
        method: 'GET',
        path: () => `/v1/awards/${award.awardId}/reports/${FINANCIAL}/file`,
        expect: reportRow('403', readers),
      },
      {
        name: 'awardReports.submit (a progress report)',
        method: 'POST',
        path: () => `/v1/awards/${award.awardId}/reports/progress`,
        raw: () => reportForm('Audit'),
        // The representative submits every report; the treasurer only financial ones, a member none.
        expect: reportRow('403', { representative: 'pass' }),
      },
      {
        name: 'awardReports.submit (a financial report)',
        method: 'POST',
        path: () => `/v1/awards/${award.awardId}/reports/${FINANCIAL}`,
        raw: () => reportForm('Audit'),
        // Already submitted: the representative and the treasurer pass and meet its state (409).
        expect: reportRow('403', { representative: 'pass', treasurer: 'pass' }),
      },
      {
        name: 'awardReports.review',
        method: 'POST',
        path: () => `/v1/awards/${award.awardId}/reports/${FINANCIAL}/review`,
        json: () => ({ outcome: 'received' }),
        expect: reportRow('403', { funderCallManager: '2xx', funderAdmin: '2xx', admin: '2xx' }),
      },
      {
        name: 'awardReports.disbursements',
        method: 'GET',
        path: () => `/v1/awards/${award.awardId}/disbursements`,
        expect: reportRow('403', readers),
      },
      {
        name: 'awardReports.recordDisbursement (beyond the award)',
        method: 'POST',
        path: () => `/v1/awards/${award.awardId}/disbursements`,
        json: () => ({
          amount: { amount: '999999999.00', currency: 'MAD' },
          paidOn: '2026-01-15',
          reference: 'OP-AUDIT',
        }),
        // The funder's staff pass and are refused on the merits (422): nothing is recorded.
        expect: reportRow('403', { funderCallManager: 'pass', funderAdmin: 'pass', admin: 'pass' }),
      },
      {
        name: 'awardReports.ofCall',
        method: 'GET',
        path: () => `/v1/calls/${award.callId}/reports`,
        expect: reportRow('403', { funderCallManager: '2xx', funderAdmin: '2xx', admin: '2xx' }),
      },
      {
        name: 'awardReports.ofAssociation',
        method: 'GET',
        path: () => `/v1/associations/${F.associations.represented}/reports`,
        // What an association owes is its own members' (and admins') to read, not any funder's.
        expect: reportRow('403', { member: '2xx', representative: '2xx', treasurer: '2xx', admin: '2xx' }),
      },
    ];

    for (const r of REPORT_ROWS) {
      test(`${r.method} ${r.name}`, async () => {
        const seen: string[] = [];
        for (const persona of REPORT_PERSONAS) {
          const answer = await send(server.url, r.method, r.path(), {
            token: reportTokens[persona],
            ...(r.json ? { json: r.json() } : {}),
            ...(r.raw ? { raw: r.raw() } : {}),
          });
          const want = r.expect[persona];
          if (!meets(answer.status, want))
            seen.push(`${persona}: want ${want}, got ${answer.status} ${answer.text.slice(0, 160)}`);
        }
        assert.deepEqual(seen, []);
      });
    }

    test('a member of another association cannot read or change an application', async () => {
      const read = await send(server.url, 'GET', `/v1/applications/${draft.id}`, { token: tokens.outsider });
      assert.equal(read.status, 403);
      const current = await send(server.url, 'GET', `/v1/applications/${draft.id}`, { token: tokens.member });
      const change = await send(server.url, 'PATCH', `/v1/applications/${draft.id}`, {
        token: tokens.outsider,
        headers: { 'if-match': current.headers.get('etag') ?? '' },
        json: { projectTitle: 'Hijack' },
      });
      assert.equal(change.status, 403);
      const after = await send(server.url, 'GET', `/v1/applications/${draft.id}`, { token: tokens.member });
      assert.notEqual((after.json as Application).projectTitle, 'Hijack');
      const listed = await send(server.url, 'GET', '/v1/applications', { token: tokens.outsider });
      const ids = (listed.json as { items: { id: string }[] }).items.map((i) => i.id);
      assert.ok(!ids.includes(draft.id));
    });

    test('reviewers see submitted applications only: no draft by id or in a listing', async () => {
      const read = await send(server.url, 'GET', `/v1/applications/${draft.id}`, { token: tokens.reviewer });
      assert.equal(read.status, 404, read.text);
      assert.equal((read.json as Problem).code, 'not_found');
      for (const status of ['', '?status=draft', '?status=draft&status=withdrawn']) {
        const listed = await send(server.url, 'GET', `/v1/calls/${draft.callId}/applications${status}`, {
          token: tokens.reviewer,
        });
        assert.equal(listed.status, 200, listed.text);
        const ids = (listed.json as { items: { id: string }[] }).items.map((i) => i.id);
        assert.ok(!ids.includes(draft.id), status);
      }
      // A submitted one is theirs to read, once they declared no conflict of interest with it.
      const declared = await send(
        server.url,
        'PUT',
        `/v1/applications/${reviewable.id}/conflict-declaration`,
        {
          token: tokens.reviewer,
          json: { declared: false },
        },
      );
      // 409: the seed already wrote their review of it, with its declaration.
      assert.ok(declared.status === 200 || declared.status === 409, declared.text);
      const submitted = await send(server.url, 'GET', `/v1/applications/${reviewable.id}`, {
        token: tokens.reviewer,
      });
      assert.equal(submitted.status, 200, submitted.text);
    });

    test('a reviewer cannot score an application of their own association', async () => {
      const answer = await send(server.url, 'POST', `/v1/applications/${reviewable.id}/reviews`, {
        token: tokens.conflicted,
        json: { conflictOfInterest: { declared: false }, scores: [], comment: 'Conflict' },
      });
      assert.equal(answer.status, 403, answer.text);
      assert.equal((answer.json as Problem).code, 'conflict_of_interest');
    });

    test('only moderators see pending contributions', async () => {
      for (const persona of ['citizen', 'member', 'reviewer'] as const) {
        const queue = await send(server.url, 'GET', '/v1/moderation/contributions', {
          token: tokens[persona],
        });
        assert.equal(queue.status, 403, persona);
      }
      const queue = await send(server.url, 'GET', '/v1/moderation/contributions', {
        token: tokens.moderator,
      });
      const items = (queue.json as { items: { moderation: { state: string } }[] }).items;
      assert.ok(items.length > 0);
      const published = await send(
        server.url,
        'GET',
        `/v1/consultations/${F.consultations.draftLaw}/contributions?limit=100`,
      );
      const states = (published.json as { items: { moderation: { state: string } }[] }).items.map(
        (i) => i.moderation.state,
      );
      assert.ok(!states.includes('pending'), 'the public listing shows no pending contribution');
    });
  });
}
