import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  type AnyRoute,
  type Application,
  type Attachment,
  type Consultation,
  EXPORTABLE_DATASET_IDS,
  type Registration,
  ROUTES,
} from '@nassij/contract';
import { send } from '../../bench/kit.js';
import { createAccount, DEMO_ACCOUNTS } from '../../seed/demo.js';
import { demoFixtures as F } from '../../seed/fixtures.js';
import { signInAs, tempServer } from '../../testing.js';
import { pdfBytes } from '../applications/fixtures.js';
import { readCall } from '../calls/store.js';

// What docs/privacy.md promises. Every route that answers without a token is read (the contract's list, so a
// new public route is checked as soon as it exists) and shows no e-mail of a person, no hidden contact, no
// draft, no unpublished contribution, no training participant, no invited address and no file name of an
// application, claim or vault document. The vault, members and claims answer their own people only, and
// funders see the applications, reports and trail of their own calls only, applications once submitted.

type Server = Awaited<ReturnType<typeof tempServer>>;

/** A page of a list, as far as these checks read it. */
interface Page<T> {
  items: T[];
}

/**
 * The values a public route's path parameters take: the seed's fixtures, several per parameter so that a
 * route is read for an association with members, one without, a draft call and a closed one. A public route
 * whose parameter is missing here fails the crawl: add its fixtures, so that it is checked too.
 */
const PARAMETERS: Record<string, readonly string[]> = {
  associationId: Object.values(F.associations),
  callId: [F.calls.openEligible, F.calls.closedReceived, F.calls.underReview, F.calls.awarded],
  consultationId: [F.consultations.draftLaw, F.consultations.synthesisPublished],
  contributionId: [
    F.contributions.publishedWithReplies,
    F.contributions.answeredAmendment,
    F.contributions.hidden,
    F.contributions.pendingComment,
    F.contributions.pendingRecommendation,
  ],
  courseId: [F.courses.first, F.courses.secondEdition],
  sessionId: [F.sessions.openWithSeats],
  organisationId: Object.values(F.organisations),
  dataset: EXPORTABLE_DATASET_IDS,
  // A secret standing for a bearer token (a calendar address): one never issued opens nothing.
  calendarToken: ['calendar-secret-never-issued-0000000000'],
  // A certificate's id is its holder's secret (it names them, as the printed certificate does): one never
  // issued opens nothing.
  certificateId: ['cert_never_issued_000000000000000'],
};

/**
 * A public route whose path carries a personal secret (`/me/{secret}`, a certificate's unguessable id): it
 * answers its holder only.
 */
const bySecret = (route: AnyRoute) =>
  /\/me\/\{\w+\}/.test(route.path) || route.path.includes('{certificateId}');

/** Queries that ask a public list for more than its default: every moderation state, the newest first. */
const QUERIES: Record<string, readonly string[]> = {
  'contributions.list': ['', '?state=pending', '?state=hidden', '?state=published&sort=newest&limit=100'],
};

/** Every path a route takes with the parameters above (the product of the values of each parameter). */
function pathsOf(route: AnyRoute, dynamic: Record<string, readonly string[]>): string[] {
  const names = [...route.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '');
  let paths = [route.path];
  for (const name of names) {
    const values = dynamic[name] ?? PARAMETERS[name];
    assert.ok(values?.length, `${route.id}: no fixture for {${name}} in PARAMETERS — add one`);
    paths = paths.flatMap((path) => values.map((value) => path.replace(`{${name}}`, value)));
  }
  return paths.flatMap((path) => (QUERIES[route.id] ?? ['']).map((query) => `${path}${query}`));
}

describe('privacy: what anonymous readers and funders see (docs/privacy.md)', () => {
  let server: Server;
  const tokens: Record<string, string> = {};
  let draft: Application;
  let draftUpload: Attachment;
  let registration: Registration;
  // A member of the represented association, whom its representative registers to a session.
  const participant = {
    id: 'acc_privacy_sentinel',
    name: 'Sentinelle Participante',
    email: 'sentinelle.participante@privacy.test',
  };
  const hiddenContact = { email: 'bureau.prive@privacy.test', phone: '+212 528 99 99 91' };

  before(async () => {
    server = await tempServer({ rateLimit: false });
    for (const key of [
      'citizen',
      'member',
      'representative',
      'admin',
      'ministryCallManager',
      'ministryReviewer',
      'ministryAdmin',
      'regionCallManager',
      'regionAdmin',
    ] as const)
      tokens[key] = await signInAs(server.url, DEMO_ACCOUNTS[key].email, DEMO_ACCOUNTS[key].password);

    // A registration naming a person, and a draft with a document: neither is anyone's business but the
    // association's.
    await createAccount(
      server.db,
      {
        id: participant.id,
        email: participant.email,
        password: 'sentinel-participant-2026',
        displayName: participant.name,
        roles: ['citizen', 'association_member'],
        memberships: [{ associationId: F.associations.represented, role: 'member' }],
      },
      new Date(),
    );
    const registered = await send(server.url, 'POST', '/v1/registrations', {
      token: tokens.representative,
      json: {
        sessionId: F.sessions.openWithSeats,
        associationId: F.associations.represented,
        participant: { accountId: participant.id },
        consent: true,
      },
    });
    assert.equal(registered.status, 201, registered.text);
    registration = registered.json as Registration;
    const started = await send(server.url, 'POST', '/v1/applications', {
      token: tokens.member,
      json: { callId: F.calls.openEligible, associationId: F.associations.represented },
    });
    assert.equal(started.status, 201, started.text);
    draft = started.json as Application;
    const document = (await readCall(server.db, F.calls.openEligible))?.requiredDocuments.find((d) =>
      d.mediaTypes.includes('application/pdf'),
    );
    assert.ok(document);
    const form = new FormData();
    form.set('documentId', document.id);
    form.set('file', new File([pdfBytes('privacy-visibility')], 'sentinelle-statuts-brouillon.pdf'));
    const uploaded = await send(server.url, 'POST', `/v1/applications/${draft.id}/attachments`, {
      token: tokens.member,
      raw: form,
    });
    assert.equal(uploaded.status, 201, uploaded.text);
    draftUpload = uploaded.json as Attachment;

    // The representative keeps two contacts for the platform only: hidden from the public record.
    const profilePath = `/v1/associations/${F.associations.represented}/profile`;
    const profile = await send(server.url, 'GET', profilePath, { token: tokens.representative });
    assert.equal(profile.status, 200, profile.text);
    const patched = await send(server.url, 'PATCH', `/v1/associations/${F.associations.represented}`, {
      token: tokens.representative,
      headers: { 'if-match': profile.headers.get('etag') ?? '' },
      json: {
        contacts: {
          email: { value: hiddenContact.email, shown: false },
          phone: { value: hiddenContact.phone, shown: false },
        },
      },
    });
    assert.equal(patched.status, 200, patched.text);
  });
  after(() => server.stop());

  /** What no public answer may contain, each with why. */
  async function secrets(): Promise<Map<string, string>> {
    const found = new Map<string, string>();
    for (const { id, email } of await server.db.all<{ id: string; email: string }>(
      'SELECT id, email FROM accounts',
    ))
      found.set(email.toLowerCase(), `the e-mail of account ${id}`);
    for (const row of await server.db.all<{ id: string; data: string }>(
      'SELECT id, data FROM training_registrations',
    )) {
      const email = (JSON.parse(row.data) as Registration).participant.email;
      if (email) found.set(email.toLowerCase(), `the participant's e-mail of registration ${row.id}`);
    }
    found.set(participant.name.toLowerCase(), 'the name of a training participant');
    for (const row of await server.db.all<{ id: string; body: string; moderation_state: string }>(
      "SELECT id, body, moderation_state FROM contributions WHERE moderation_state <> 'published'",
    ))
      found.set(row.body.toLowerCase(), `the text of the ${row.moderation_state} contribution ${row.id}`);
    for (const row of await server.db.all<{ association_id: string; contacts: string }>(
      'SELECT association_id, contacts FROM association_profiles',
    ))
      for (const [kind, contact] of Object.entries(
        JSON.parse(row.contacts) as Record<string, { value: unknown; shown: boolean }>,
      ))
        if (!contact.shown && typeof contact.value === 'string')
          found.set(contact.value.toLowerCase(), `the hidden ${kind} of ${row.association_id}`);
    for (const row of await server.db.all<{ claim_id: string; file_name: string }>(
      'SELECT claim_id, file_name FROM association_claim_files',
    ))
      found.set(row.file_name.toLowerCase(), `a file of claim ${row.claim_id}`);
    for (const row of await server.db.all<{ association_id: string; file_name: string }>(
      'SELECT association_id, file_name FROM association_documents',
    ))
      found.set(row.file_name.toLowerCase(), `a vault document of ${row.association_id}`);
    for (const row of await server.db.all<{ association_id: string; email: string }>(
      'SELECT association_id, email FROM association_invitations',
    ))
      found.set(row.email.toLowerCase(), `an address invited to ${row.association_id}`);
    found.set(draft.id.toLowerCase(), 'a draft application');
    found.set(draftUpload.fileName.toLowerCase(), 'the file name of a draft’s document');
    for (const row of await server.db.all<{ file_name: string; application_id: string }>(
      'SELECT file_name, application_id FROM attachments',
    ))
      found.set(row.file_name.toLowerCase(), `a document of application ${row.application_id}`);
    return found;
  }

  /** The dynamic parameters: the versions of the consultations read. */
  async function dynamicParameters(): Promise<Record<string, readonly string[]>> {
    const versions: string[] = [];
    for (const id of PARAMETERS.consultationId ?? []) {
      const consultation = (await send(server.url, 'GET', `/v1/consultations/${id}`)).json as Consultation;
      versions.push(...consultation.versions.map((v) => v.id));
    }
    return { versionId: [...new Set(versions)] };
  }

  test('no public read shows a person’s e-mail, a participant, a draft, an unpublished contribution or a document', async () => {
    const hidden = await secrets();
    assert.ok(hidden.size > 20, 'the seed has accounts, registrations and unpublished contributions');
    const dynamic = await dynamicParameters();
    const publicReads = ROUTES.filter((r) => r.method === 'GET' && r.auth !== 'required');
    assert.ok(publicReads.length > 15);
    const unanswered: string[] = [];
    const unbound = new Set<string>();
    for (const route of publicReads) {
      let answered = false;
      for (const path of pathsOf(route, dynamic)) {
        const target =
          route.id === 'consultations.compareVersions' ? `${path}?against=${dynamic.versionId?.[0]}` : path;
        const answer = await send(server.url, 'GET', target);
        assert.ok(answer.status < 500, `${target}: ${answer.status} ${answer.text.slice(0, 200)}`);
        if (bySecret(route)) assert.notEqual(answer.status, 200, `${target} opens with a made-up secret`);
        // A route the contract declares before its area binds it shows nothing (audit/routes.test.ts fails it).
        if (
          String((answer.json as { detail?: unknown } | undefined)?.detail ?? '').startsWith('No route for')
        )
          unbound.add(route.id);
        if (answer.status !== 200) continue;
        answered = true;
        const text = answer.text.toLowerCase();
        for (const [secret, what] of hidden)
          assert.ok(!text.includes(secret), `GET ${target} shows ${what} to anyone`);
      }
      const image = route.response.contentType?.startsWith('image/') ?? false;
      const checkable = route.path.startsWith('/v1/') && !image && !bySecret(route) && !unbound.has(route.id);
      if (!answered && checkable) unanswered.push(route.id);
    }
    // Every public read of the API was checked on at least one answer, not only on refusals (pages outside
    // /v1 answer only with the right query and show forms, not records; images carry no text to check).
    assert.deepEqual(unanswered, []);
  });

  test('a contribution waiting for moderation or hidden is not readable by others, even signed in', async () => {
    for (const id of [F.contributions.pendingComment, F.contributions.pendingRecommendation]) {
      for (const token of [undefined, tokens.citizen]) {
        const answer = await send(server.url, 'GET', `/v1/contributions/${id}`, token ? { token } : {});
        assert.equal(answer.status, 404, `${id}: ${answer.text}`);
      }
    }
    const list = await send(
      server.url,
      'GET',
      `/v1/consultations/${F.consultations.draftLaw}/contributions?limit=100`,
      {
        token: tokens.citizen,
      },
    );
    assert.equal(list.status, 200, list.text);
    const ids = (list.json as Page<{ id: string }>).items.map((c) => c.id);
    assert.ok(ids.length > 0);
    assert.ok(!ids.includes(F.contributions.pendingComment));
  });

  test('the directory never lists members, and a member’s e-mail is not in the association', async () => {
    for (const id of Object.values(F.associations)) {
      const answer = await send(server.url, 'GET', `/v1/associations/${id}`, { token: tokens.citizen });
      assert.equal(answer.status, 200, answer.text);
      const body = answer.json as Record<string, unknown>;
      for (const key of ['members', 'memberships', 'representative', 'accounts'])
        assert.equal(body[key], undefined, `${id} has no ${key}`);
      for (const account of Object.values(DEMO_ACCOUNTS))
        assert.ok(!answer.text.includes(account.email), `${id} does not show ${account.email}`);
    }
  });

  test('hidden contacts stay off the public record; the association’s members read them', async () => {
    const shown = await send(server.url, 'GET', `/v1/associations/${F.associations.represented}`);
    assert.equal(shown.status, 200, shown.text);
    for (const value of Object.values(hiddenContact)) assert.ok(!shown.text.includes(value), value);
    const own = await send(server.url, 'GET', `/v1/associations/${F.associations.represented}/profile`, {
      token: tokens.member,
    });
    assert.equal(own.status, 200, own.text);
    assert.ok(own.text.includes(hiddenContact.email), 'a member reads the hidden address');
    for (const token of [undefined, tokens.citizen, tokens.ministryCallManager]) {
      const other = await send(
        server.url,
        'GET',
        `/v1/associations/${F.associations.represented}/profile`,
        token ? { token } : {},
      );
      assert.ok([401, 403].includes(other.status), `profile to a stranger: ${other.status}`);
      assert.ok(!other.text.includes(hiddenContact.email));
    }
  });

  test('the vault, the member list and claims are not for strangers', async () => {
    const association = F.associations.represented;
    const document = await server.db.one<{ id: string }>(
      'SELECT id FROM association_documents WHERE association_id = ? ORDER BY id',
      [association],
    );
    assert.ok(document, 'the seed fills the vault');
    const claim = F.claims.pendingOfCitizen;
    const reads: [string, 'member' | 'citizen'][] = [
      [`/v1/associations/${association}/documents`, 'member'],
      [`/v1/associations/${association}/documents/${document.id}/content`, 'member'],
      [`/v1/associations/${association}/members`, 'member'],
      [`/v1/association-claims/${claim}`, 'citizen'],
      [`/v1/association-claims/${claim}/files/mandate`, 'citizen'],
    ];
    for (const [path, owner] of reads) {
      assert.equal((await send(server.url, 'GET', path)).status, 401, `${path} without a token`);
      const strangers = ['citizen', 'member', 'ministryCallManager', 'regionCallManager'].filter(
        (k) => k !== owner,
      );
      for (const key of strangers) {
        const answer = await send(server.url, 'GET', path, { token: tokens[key] });
        assert.ok([403, 404].includes(answer.status), `${path} to ${key}: ${answer.status}`);
      }
      const allowed = await send(server.url, 'GET', path, { token: tokens[owner] });
      assert.equal(allowed.status, 200, `${path} to ${owner}: ${allowed.text.slice(0, 200)}`);
    }
    // Members see each other's names and roles, never their addresses.
    const members = await send(server.url, 'GET', `/v1/associations/${association}/members`, {
      token: tokens.member,
    });
    for (const account of [DEMO_ACCOUNTS.member, DEMO_ACCOUNTS.representative])
      assert.ok(!members.text.includes(account.email), `the member list shows no e-mail (${account.email})`);
  });

  test('a claim is read by its claimant and the reviewers of its region only', async () => {
    const claim = await server.db.one<{ region: string }>(
      'SELECT region FROM association_claims WHERE id = ?',
      [F.claims.pendingOfCitizen],
    );
    const council = await server.db.one<{ region: string | null }>(
      'SELECT region FROM organisations WHERE id = ?',
      [F.organisations.regionalCouncil],
    );
    assert.ok(claim && council?.region);
    const path = `/v1/association-claims/${F.claims.pendingOfCitizen}`;
    // A ministry is national: it reviews no claim. The regional council reviews the claims of its region.
    const ministry = await send(server.url, 'GET', path, { token: tokens.ministryAdmin });
    assert.equal(ministry.status, 403, ministry.text);
    const region = await send(server.url, 'GET', path, { token: tokens.regionAdmin });
    assert.equal(region.status, claim.region === council.region ? 200 : 403, region.text);
    for (const key of ['ministryAdmin', 'regionCallManager']) {
      const file = await send(server.url, 'GET', `${path}/files/receipt`, { token: tokens[key] });
      assert.equal(file.status, 403, `${key} reads the receipt: ${file.status}`);
    }
  });

  test('the reports and the audit trail of a call are its funder’s, not another’s', async () => {
    for (const path of [`/v1/calls/${F.calls.awarded}/reports`, `/v1/calls/${F.calls.awarded}/audit`]) {
      const own = await send(server.url, 'GET', path, { token: tokens.ministryAdmin });
      assert.equal(own.status, 200, `${path} to the ministry: ${own.text.slice(0, 200)}`);
      const other = await send(server.url, 'GET', path, { token: tokens.regionAdmin });
      assert.equal(other.status, 403, `${path} to another funder: ${other.status}`);
    }
  });

  test('a registration is read by its association and admins only', async () => {
    const path = `/v1/registrations/${registration.id}`;
    assert.equal((await send(server.url, 'GET', path)).status, 401);
    for (const key of ['citizen', 'ministryCallManager', 'regionAdmin']) {
      const answer = await send(server.url, 'GET', path, { token: tokens[key] });
      assert.ok([403, 404].includes(answer.status), `${key}: ${answer.status}`);
      assert.ok(!answer.text.includes(participant.email));
    }
    // The association reads the participant's name and account; their e-mail stays with the account.
    const own = await send(server.url, 'GET', path, { token: tokens.member });
    assert.equal(own.status, 200, own.text);
    assert.deepEqual((own.json as Registration).participant, {
      name: participant.name,
      accountId: participant.id,
    });
    assert.ok(!own.text.includes(participant.email));
  });

  test('funders see the applications of their own calls only, and only once submitted', async () => {
    const submitted = await send(server.url, 'GET', `/v1/calls/${F.calls.closedReceived}/applications`, {
      token: tokens.ministryCallManager,
    });
    assert.equal(submitted.status, 200, submitted.text);
    const items = (submitted.json as Page<{ id: string }>).items;
    assert.ok(items.length > 0, 'the ministry reads the applications its call received');
    const one = items[0]?.id ?? '';
    assert.equal(
      (await send(server.url, 'GET', `/v1/applications/${one}`, { token: tokens.ministryCallManager }))
        .status,
      200,
    );

    // Another funder's staff: neither the list nor one application of the ministry's call.
    for (const key of ['regionCallManager', 'regionAdmin']) {
      const list = await send(server.url, 'GET', `/v1/calls/${F.calls.closedReceived}/applications`, {
        token: tokens[key],
      });
      assert.equal(list.status, 403, `${key}: ${list.text}`);
      const read = await send(server.url, 'GET', `/v1/applications/${one}`, { token: tokens[key] });
      assert.equal(read.status, 403, `${key}: ${read.text}`);
      const file = await send(server.url, 'GET', `/v1/applications/${F.applications.awardedOfRepresented}`, {
        token: tokens[key],
      });
      assert.equal(file.status, 403, `${key}: an awarded application of the ministry’s call`);
    }

    // The funder's own staff do not see a draft, in the list or by id; its association does.
    const drafts = await send(server.url, 'GET', `/v1/calls/${F.calls.openEligible}/applications`, {
      token: tokens.ministryCallManager,
    });
    assert.equal(drafts.status, 200, drafts.text);
    assert.ok(!(drafts.json as Page<{ id: string }>).items.some((a) => a.id === draft.id));
    for (const key of ['ministryCallManager', 'ministryReviewer', 'regionCallManager']) {
      const read = await send(server.url, 'GET', `/v1/applications/${draft.id}`, { token: tokens[key] });
      assert.ok([403, 404].includes(read.status), `${key} reads a draft: ${read.status}`);
      const upload = await send(
        server.url,
        'GET',
        `/v1/applications/${draft.id}/attachments/${draftUpload.id}`,
        { token: tokens[key] },
      );
      assert.ok([403, 404].includes(upload.status), `${key} downloads a draft’s document: ${upload.status}`);
    }
    assert.equal(
      (await send(server.url, 'GET', `/v1/applications/${draft.id}`, { token: tokens.representative }))
        .status,
      200,
    );
  });

  test('the audit log names people by account id, never by e-mail', async () => {
    const lines = await server.db.all<{ action: string; details: string }>(
      "SELECT action, details FROM audit_log WHERE details IS NOT NULL AND details LIKE '%@%'",
    );
    assert.deepEqual(lines, []);
    const total = await server.db.one<{ n: number }>(
      'SELECT COUNT(*) AS n FROM audit_log WHERE details IS NOT NULL',
    );
    assert.ok(Number(total?.n) > 0, 'the seed and this suite wrote detailed audit lines');
  });

  test('a person’s own list of applications holds their associations’ only', async () => {
    for (const key of ['citizen', 'ministryCallManager', 'regionAdmin']) {
      const answer = await send(server.url, 'GET', '/v1/applications', { token: tokens[key] });
      assert.equal(answer.status, 200, answer.text);
      assert.deepEqual((answer.json as Page<unknown>).items, [], `${key} belongs to no association`);
    }
    const foreign = await send(
      server.url,
      'GET',
      `/v1/applications?associationId=${F.associations.represented}`,
      {
        token: tokens.citizen,
      },
    );
    assert.deepEqual((foreign.json as Page<unknown>).items, []);
  });
});
