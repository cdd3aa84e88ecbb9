// The event log through the API, with no worker (deliveries stay pending, for reading): each change that
// causes an event records it in its own transaction with one delivery per subscribed endpoint that may see
// it; an organisation's endpoint hears of its own calls only, a platform-wide one of everything; payloads
// carry no personal data; a refused change records nothing.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Application, Call, CreatedWebhookEndpoint, EventType, WebhookEvent } from '@nassij/contract';
import { EVENT_TYPES } from '@nassij/contract';
import { listEvents } from '../../events/log.js';
import { DEMO_ACCOUNTS, type DemoAccountKey } from '../../seed/demo.js';
import { demoFixtures as F } from '../../seed/fixtures.js';
import { completeAnswers, completeCallFields, fileFor, signInAs, tempServer } from '../../testing.js';
import { addMembers } from '../trainings/fixtures.js';

type Server = Awaited<ReturnType<typeof tempServer>>;
let server: Server;
const tokens = {} as Record<DemoAccountKey, string>;
const PEOPLE: DemoAccountKey[] = [
  'admin',
  'regionAdmin',
  'regionCallManager',
  'ministryCallManager',
  'representative',
  'reviewer',
];
let council: CreatedWebhookEndpoint;
let platform: CreatedWebhookEndpoint;

async function send<T>(
  method: string,
  path: string,
  as: DemoAccountKey,
  json?: unknown,
  headers: Record<string, string> = {},
) {
  const form = json instanceof FormData;
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${tokens[as]}`,
      ...(json === undefined || form ? {} : { 'content-type': 'application/json' }),
      ...headers,
    },
    ...(json === undefined ? {} : { body: form ? json : JSON.stringify(json) }),
  });
  const text = await response.text();
  return {
    status: response.status,
    body: (text ? JSON.parse(text) : undefined) as T,
    etag: response.headers.get('etag') ?? '',
  };
}

/** The event types queued for an endpoint, per event id. */
async function queuedFor(endpointId: string): Promise<Map<string, string>> {
  const rows = await server.db.all<{ event_id: string; type: string }>(
    `SELECT d.event_id, e.type FROM webhook_deliveries d JOIN events e ON e.id = d.event_id
      WHERE d.endpoint_id = ?`,
    [endpointId],
  );
  return new Map(rows.map((row) => [row.event_id, row.type]));
}

async function latest(type: EventType): Promise<WebhookEvent | undefined> {
  return (await listEvents(server.db, { type, limit: 1 }))[0];
}

before(async () => {
  server = await tempServer({ rateLimit: false, webhookWorker: false, mailWorker: false });
  for (const key of PEOPLE)
    tokens[key] = await signInAs(server.url, DEMO_ACCOUNTS[key].email, DEMO_ACCOUNTS[key].password);
  const every = { url: 'https://receiver.example/hooks', eventTypes: [...EVENT_TYPES] };
  const made = await send<CreatedWebhookEndpoint>(
    'POST',
    `/v1/organisations/${F.organisations.regionalCouncil}/webhooks`,
    'regionAdmin',
    every,
  );
  assert.equal(made.status, 201, JSON.stringify(made.body));
  council = made.body;
  const wide = await send<CreatedWebhookEndpoint>('POST', '/v1/webhooks', 'admin', every);
  assert.equal(wide.status, 201, JSON.stringify(wide.body));
  platform = wide.body;
});
after(() => server.stop());

describe('calls', () => {
  test("a council call's publication, amendment and cancellation reach the council's and the platform's endpoints", async () => {
    const draft = await send<{ id: string }>(
      'POST',
      '/v1/calls',
      'regionCallManager',
      completeCallFields(new Date()),
    );
    assert.equal(draft.status, 201);
    const published = await send<{ id: string; reference: string }>(
      'POST',
      `/v1/calls/${draft.body.id}/publish`,
      'regionCallManager',
    );
    assert.equal(published.status, 200);
    const amended = await send('POST', `/v1/calls/${draft.body.id}/amendments`, 'regionCallManager', {
      changes: { summary: { ar: 'ملخص', fr: 'Résumé revu' } },
      summary: { ar: 'تعديل', fr: 'Résumé revu' },
    });
    assert.equal(amended.status, 200);
    const reason = { ar: 'إلغاء', fr: 'Programme suspendu' };
    const cancelled = await send('POST', `/v1/calls/${draft.body.id}/cancel`, 'regionCallManager', {
      reason,
    });
    assert.equal(cancelled.status, 200);

    const ofCall = (await listEvents(server.db, { limit: 20 })).filter(
      (event) => 'callId' in event.data && event.data.callId === draft.body.id,
    );
    assert.deepEqual(ofCall.map((event) => event.type).reverse(), [
      'call.published',
      'call.amended',
      'call.cancelled',
    ]);
    const cancelledEvent = ofCall[0];
    assert.equal(cancelledEvent?.type, 'call.cancelled');
    if (cancelledEvent?.type === 'call.cancelled') {
      assert.deepEqual(cancelledEvent.data.reason, reason);
      assert.equal(cancelledEvent.data.version, 3);
      assert.equal(cancelledEvent.data.reference, published.body.reference);
    }
    const toCouncil = await queuedFor(council.id);
    const toPlatform = await queuedFor(platform.id);
    for (const event of ofCall) {
      assert.equal(toCouncil.get(event.id), event.type, `${event.type} to the council`);
      assert.equal(toPlatform.get(event.id), event.type, `${event.type} to the platform`);
    }
  });

  test("another organisation's call reaches the platform's endpoint only; a refused publication records nothing", async () => {
    const before = (await listEvents(server.db, { limit: 1000 })).length;
    const incomplete = await send<{ id: string }>('POST', '/v1/calls', 'ministryCallManager', {
      title: { ar: 'ناقص', fr: 'Incomplet' },
    });
    const refused = await send('POST', `/v1/calls/${incomplete.body.id}/publish`, 'ministryCallManager');
    assert.equal(refused.status, 422);
    assert.equal((await listEvents(server.db, { limit: 1000 })).length, before, 'nothing recorded');

    const draft = await send<{ id: string }>(
      'POST',
      '/v1/calls',
      'ministryCallManager',
      completeCallFields(new Date()),
    );
    assert.equal(
      (await send('POST', `/v1/calls/${draft.body.id}/publish`, 'ministryCallManager')).status,
      200,
    );
    const event = await latest('call.published');
    assert.equal(event?.type === 'call.published' && event.data.callId, draft.body.id);
    assert.equal(event?.type === 'call.published' && event.data.organisationId, F.organisations.ministry);
    assert.equal((await queuedFor(council.id)).has(event?.id ?? ''), false);
    assert.equal((await queuedFor(platform.id)).has(event?.id ?? ''), true);
  });
});

describe('applications', () => {
  test("a submission and a decision on the ministry's call reach the platform's endpoint, naming no one", async () => {
    const call = (await send<Call>('GET', `/v1/calls/${F.calls.openEligible}`, 'representative')).body;
    const started = await send<Application>('POST', '/v1/applications', 'representative', {
      callId: call.id,
      associationId: F.associations.represented,
    });
    assert.equal(started.status, 201, JSON.stringify(started.body));
    const id = started.body.id;
    const answered = await send<Application>(
      'PATCH',
      `/v1/applications/${id}`,
      'representative',
      { answers: completeAnswers(call), requestedAmount: { amount: '1000.00', currency: 'MAD' } },
      { 'if-match': started.etag },
    );
    assert.equal(answered.status, 200, JSON.stringify(answered.body));
    for (const document of call.requiredDocuments) {
      const { bytes, name } = fileFor(document);
      const form = new FormData();
      form.set('documentId', document.id);
      form.set('file', new File([bytes], name));
      const stored = await send('POST', `/v1/applications/${id}/attachments`, 'representative', form);
      assert.equal(stored.status, 201, JSON.stringify(stored.body));
    }
    // The virus scan runs after the upload; submission waits for clean files.
    for (let i = 0; i < 200; i++) {
      const read = await send<Application>('GET', `/v1/applications/${id}`, 'representative');
      if (read.body.attachments.every((attachment) => attachment.scanState !== 'pending')) break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const submitted = await send<{ receipt: { number: string } }>(
      'POST',
      `/v1/applications/${id}/submit`,
      'representative',
    );
    assert.equal(submitted.status, 200, JSON.stringify(submitted.body));
    const submission = await latest('application.submitted');
    assert.equal(submission?.type, 'application.submitted');
    if (submission?.type !== 'application.submitted') return;
    assert.equal(submission.data.applicationId, id);
    assert.equal(submission.data.organisationId, F.organisations.ministry);
    assert.equal(submission.data.associationId, F.associations.represented);
    assert.equal(submission.data.receiptNumber, submitted.body.receipt.number);
    assert.ok(
      !JSON.stringify(submission).includes(DEMO_ACCOUNTS.representative.displayName),
      'no signer named',
    );
    assert.equal((await queuedFor(platform.id)).has(submission.id), true);
    assert.equal((await queuedFor(council.id)).has(submission.id), false, "not the council's call");

    const checked = await send('POST', `/v1/applications/${id}/eligibility-check`, 'ministryCallManager', {
      admissible: true,
    });
    assert.equal(checked.status, 200, JSON.stringify(checked.body));
    const declared = await send('PUT', `/v1/applications/${id}/conflict-declaration`, 'reviewer', {
      declared: false,
    });
    assert.equal(declared.status, 200, JSON.stringify(declared.body));
    const scores = call.criteria.map((criterion) => ({
      criterionId: criterion.id,
      score: criterion.maxScore,
    }));
    const reviewed = await send('POST', `/v1/applications/${id}/reviews`, 'reviewer', {
      conflictOfInterest: { declared: false },
      scores,
    });
    assert.equal(reviewed.status, 201, JSON.stringify(reviewed.body));
    const reason = { ar: 'استنفاد الميزانية', fr: 'Budget épuisé' };
    const closed = await send('POST', `/v1/calls/${call.id}/close`, 'ministryCallManager', { reason });
    assert.equal(closed.status, 200, JSON.stringify(closed.body));
    const closure = await latest('call.closed');
    assert.equal(closure?.type === 'call.closed' && closure.data.callId, call.id);

    const amount = call.budget.minAward ?? call.budget.maxAward ?? { amount: '1000.00', currency: 'MAD' };
    const decided = await send('POST', `/v1/applications/${id}/decision`, 'ministryCallManager', {
      outcome: 'awarded',
      amount,
      conditions: 'Rapport final sous 12 mois',
    });
    assert.equal(decided.status, 200, JSON.stringify(decided.body));
    const decision = await latest('decision.made');
    assert.equal(decision?.type, 'decision.made');
    if (decision?.type !== 'decision.made') return;
    assert.deepEqual(
      {
        applicationId: decision.data.applicationId,
        outcome: decision.data.outcome,
        callId: decision.data.callId,
      },
      { applicationId: id, outcome: 'awarded', callId: call.id },
    );
    assert.ok(!JSON.stringify(decision).includes('Rapport final'), 'the conditions stay behind the API');
    assert.equal((await queuedFor(platform.id)).has(decision.id), true);
  });
});

describe('trainings', () => {
  test('a confirmed registration is an event with ids only: the participant is never named', async () => {
    // The representative registers the demo member, whose account names and addresses them.
    const participant = { name: DEMO_ACCOUNTS.member.displayName, email: DEMO_ACCOUNTS.member.email };
    const created = await send<{ id: string; status: string }>(
      'POST',
      '/v1/registrations',
      'representative',
      {
        sessionId: F.sessions.openWithSeats,
        associationId: F.associations.represented,
        participant: { accountId: F.accounts.member },
        consent: true,
      },
    );
    assert.equal(created.status, 201, JSON.stringify(created.body));
    assert.equal(created.body.status, 'confirmed');
    const event = await latest('registration.confirmed');
    assert.equal(event?.type, 'registration.confirmed');
    if (event?.type !== 'registration.confirmed') return;
    assert.equal(event.data.registrationId, created.body.id);
    assert.equal(event.data.sessionId, F.sessions.openWithSeats);
    assert.equal(event.data.associationId, F.associations.represented);
    assert.equal(event.data.promoted, false);
    const payload = JSON.stringify(event);
    assert.ok(
      !payload.includes(participant.name) &&
        !payload.includes(participant.email) &&
        !payload.includes(F.accounts.member),
      'no personal data',
    );
    assert.equal((await queuedFor(platform.id)).has(event.id), true);
  });
  test('a seat given from the waitlist is an event too, marked promoted', async () => {
    const session = (
      await send<{ seatsLeft: number }>('GET', `/v1/sessions/${F.sessions.openWithSeats}`, 'representative')
    ).body;
    // A member per seat, and one more to wait in line; the representative registers them all.
    const members = await addMembers(server.db, F.associations.represented, session.seatsLeft + 1);
    const register = (i: number) =>
      send<{ id: string; status: string }>('POST', '/v1/registrations', 'representative', {
        sessionId: F.sessions.openWithSeats,
        associationId: F.associations.represented,
        participant: { accountId: members[i]?.id },
        consent: true,
      });
    let confirmed = '';
    for (let i = 0; i < session.seatsLeft; i++) {
      const made = await register(i);
      assert.equal(made.body.status, 'confirmed', JSON.stringify(made.body));
      confirmed = made.body.id;
    }
    const waiting = await register(session.seatsLeft);
    assert.equal(waiting.body.status, 'waitlisted');
    const confirmations = (await listEvents(server.db, { type: 'registration.confirmed', limit: 1000 }))
      .length;
    const cancelled = await send('POST', `/v1/registrations/${confirmed}/cancel`, 'representative', {});
    assert.equal(cancelled.status, 200, JSON.stringify(cancelled.body));
    const events = await listEvents(server.db, { type: 'registration.confirmed', limit: 1000 });
    assert.equal(events.length, confirmations + 1);
    const promoted = events[0];
    assert.equal(
      promoted?.type === 'registration.confirmed' && promoted.data.registrationId,
      waiting.body.id,
    );
    assert.equal(promoted?.type === 'registration.confirmed' && promoted.data.promoted, true);
  });
});

describe('endpoints', () => {
  test('are managed by their organisation: another admin, a call manager and http off this machine are refused', async () => {
    const path = `/v1/organisations/${F.organisations.regionalCouncil}/webhooks`;
    const body = { url: 'https://receiver.example/other', eventTypes: ['call.published'] };
    assert.equal((await send('POST', path, 'regionCallManager', body)).status, 403);
    assert.equal((await send('GET', path, 'regionCallManager')).status, 403);
    assert.equal((await send('POST', '/v1/webhooks', 'regionAdmin', body)).status, 403);
    const http = await send<{ code: string; errors: { path: string }[] }>('POST', path, 'regionAdmin', {
      ...body,
      url: 'http://receiver.example/hooks',
    });
    assert.equal(http.status, 422);
    assert.equal(http.body.errors[0]?.path, '/url');
    const unknown = await send('GET', '/v1/organisations/org_unknown-organisation/webhooks', 'admin');
    assert.equal(unknown.status, 404);
    const listed = await send<{ items: { id: string }[] }>('GET', path, 'regionAdmin');
    assert.deepEqual(
      listed.body.items.map((item) => item.id),
      [council.id],
    );
    // The platform-wide endpoint is not one of the organisation's.
    const foreign = await send('DELETE', `${path}/${platform.id}`, 'regionAdmin');
    assert.equal(foreign.status, 404);
  });
});
