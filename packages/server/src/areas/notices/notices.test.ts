import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  type Application,
  type Call,
  type CallDraft,
  type ContributionReceipt,
  casablancaDate,
  type Receipt,
  type Registration,
  type Session,
} from '@nassij/contract';
import { listMail, type QueuedMail } from '../../mail/outbox.js';
import { DEMO_ACCOUNTS, type DemoAccountKey } from '../../seed/demo.js';
import { demoFixtures as F } from '../../seed/fixtures.js';
import { signInAs, tempServer } from '../../testing.js';
import { completeAnswers, pdfBytes, untilScanned } from '../applications/fixtures.js';
import { addReportRequirement, awardOfApplication, createTestAccount } from '../award-reports/fixtures.js';
import { completeCallFields } from '../calls/fixtures.js';
import { calendarDateText, casablancaText } from './recipients.js';
import { sendDueReminders } from './reminders.js';

// Each message queued once, to the right people, in their language, right after the API action that causes
// it; reminders once when the clock reaches their day, and not again after a restart. The demo association
// `represented` has two members: the representative reads French, the member Arabic.

type Server = Awaited<ReturnType<typeof tempServer>>;
const DAY_MS = 86_400_000;
let server: Server;
let offset = 0;
const clock = () => new Date(Date.now() + offset);
const tokens = {} as Record<DemoAccountKey, string>;
const representative = DEMO_ACCOUNTS.representative.email;
const member = DEMO_ACCOUNTS.member.email;

async function send<T = unknown>(
  method: string,
  path: string,
  options: {
    as?: DemoAccountKey;
    token?: string;
    json?: unknown;
    form?: FormData;
    headers?: Record<string, string>;
  } = {},
): Promise<{ status: number; body: T; headers: Headers }> {
  const headers: Record<string, string> = { ...options.headers };
  const token = options.token ?? (options.as ? tokens[options.as] : undefined);
  if (token) headers.authorization = `Bearer ${token}`;
  if (options.json !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers,
    ...(options.json !== undefined ? { body: JSON.stringify(options.json) } : {}),
    ...(options.form ? { body: options.form } : {}),
  });
  const text = await response.text();
  const body = (
    text && (response.headers.get('content-type') ?? '').includes('json') ? JSON.parse(text) : undefined
  ) as T;
  return { status: response.status, body, headers: response.headers };
}

/** Moves the server's clock to `at` (or `ms` past the real time) and signs everyone in again. */
async function travel(to: number | Date): Promise<void> {
  offset = typeof to === 'number' ? to : to.getTime() - Date.now();
  const keys = Object.keys(DEMO_ACCOUNTS) as DemoAccountKey[];
  const signed = await Promise.all(
    keys.map((key) => signInAs(server.url, DEMO_ACCOUNTS[key].email, DEMO_ACCOUNTS[key].password)),
  );
  keys.forEach((key, index) => {
    tokens[key] = signed[index] ?? '';
  });
}

/** Noon UTC of a Casablanca day: the same day there whatever its offset. */
const noonOf = (date: string, plusDays = 0) => new Date(Date.parse(`${date}T12:00:00Z`) + plusDays * DAY_MS);

async function mailTo(to: string, kind: string, about: (mail: QueuedMail) => boolean): Promise<QueuedMail[]> {
  return (await listMail(server.db, { to, kind })).filter(about);
}

before(async () => {
  server = await tempServer({ rateLimit: false, clock });
  await travel(0);
});
after(async () => {
  await server.stop();
});

test('submission, eligibility and decision each tell the association’s members once, in their language', async () => {
  await travel(0);
  const fields = completeCallFields(clock(), { opensInDays: 1 });
  const draft = await send<CallDraft>('POST', '/v1/calls', { as: 'regionCallManager', json: fields });
  assert.equal(draft.status, 201, JSON.stringify(draft.body));
  const call = (await send<Call>('POST', `/v1/calls/${draft.body.id}/publish`, { as: 'regionCallManager' }))
    .body;
  await send('PUT', `/v1/calls/${call.id}/reviewers`, {
    as: 'regionCallManager',
    json: { accountIds: [F.accounts.regionReviewer, F.accounts.reviewer] },
  });

  await travel(2 * DAY_MS);
  const started = await send<Application>('POST', '/v1/applications', {
    as: 'representative',
    json: { callId: call.id, associationId: F.associations.represented },
  });
  assert.equal(started.status, 201, JSON.stringify(started.body));
  const id = started.body.id;
  const form = new FormData();
  form.set('documentId', 'statutes');
  form.set('file', new File([pdfBytes('statuts-notices')], 'statuts.pdf'));
  assert.equal(
    (await send('POST', `/v1/applications/${id}/attachments`, { as: 'representative', form })).status,
    201,
  );
  const current = await untilScanned(() =>
    send<Application>('GET', `/v1/applications/${id}`, { as: 'representative' }),
  );
  const saved = await send('PATCH', `/v1/applications/${id}`, {
    as: 'representative',
    json: { answers: completeAnswers(call) },
    headers: { 'if-match': current.headers.get('etag') ?? '' },
  });
  assert.equal(saved.status, 200, JSON.stringify(saved.body));
  const isThisCall = (mail: QueuedMail) =>
    mail.subject.includes(call.reference) || mail.text.includes(call.reference);
  assert.equal((await mailTo(representative, 'application.received', isThisCall)).length, 0);

  const submitted = await send<{ receipt: Receipt }>('POST', `/v1/applications/${id}/submit`, {
    as: 'representative',
  });
  assert.equal(submitted.status, 200, JSON.stringify(submitted.body));
  const receipt = submitted.body.receipt;
  const [fr, ...moreFr] = await mailTo(representative, 'application.received', isThisCall);
  const [ar, ...moreAr] = await mailTo(member, 'application.received', isThisCall);
  assert.equal(moreFr.length + moreAr.length, 0, 'one receipt each');
  assert.equal(fr?.locale, 'fr');
  assert.match(fr?.subject ?? '', /Récépissé/);
  assert.ok(fr?.text.includes(receipt.number));
  assert.ok(fr?.text.includes(casablancaText(receipt.submittedAt, 'fr')), 'the time in Casablanca');
  assert.equal(fr?.accountId, F.accounts.representative);
  assert.equal(ar?.locale, 'ar');
  assert.ok(ar?.text.includes(receipt.number));
  assert.ok(ar?.text.includes('بتوقيت الدار البيضاء'));
  assert.match(ar?.html ?? '', /dir="rtl"/);

  await travel(40 * DAY_MS);
  const checked = await send('POST', `/v1/applications/${id}/eligibility-check`, {
    as: 'regionCallManager',
    json: { admissible: true },
  });
  assert.equal(checked.status, 200, JSON.stringify(checked.body));
  const admissible = await mailTo(representative, 'application.eligibility', isThisCall);
  assert.equal(admissible.length, 1);
  assert.match(admissible[0]?.subject ?? '', /est recevable/);
  assert.equal((await mailTo(member, 'application.eligibility', isThisCall)).length, 1);

  const scores = call.criteria.map((criterion) => ({ criterionId: criterion.id, score: criterion.maxScore }));
  for (const reviewer of ['regionReviewer', 'reviewer'] as const) {
    await send('PUT', `/v1/applications/${id}/conflict-declaration`, {
      as: reviewer,
      json: { declared: false },
    });
    const review = await send('POST', `/v1/applications/${id}/reviews`, {
      as: reviewer,
      json: { conflictOfInterest: { declared: false }, scores },
    });
    assert.equal(review.status, 201, JSON.stringify(review.body));
  }
  const amount = fields.budget?.maxAward ?? { amount: '100000.00', currency: 'MAD' };
  const decided = await send<Application>('POST', `/v1/applications/${id}/decision`, {
    as: 'regionCallManager',
    json: { outcome: 'awarded', amount, conditions: 'Rapport final sous 12 mois', reason: 'Projet solide' },
  });
  assert.equal(decided.status, 200, JSON.stringify(decided.body));
  const decision = decided.body.decision;
  const [told, ...twice] = await mailTo(representative, 'application.decision', isThisCall);
  assert.equal(twice.length, 0);
  assert.match(told?.subject ?? '', /subvention accordée/);
  for (const said of [
    'Rapport final sous 12 mois',
    'Projet solide',
    'MAD',
    casablancaText(decision?.appealUntil ?? '', 'fr'),
  ])
    assert.ok(told?.text.includes(said), said);
  const arabic = await mailTo(member, 'application.decision', isThisCall);
  assert.equal(arabic.length, 1);
  assert.ok(arabic[0]?.text.includes(casablancaText(decision?.appealUntil ?? '', 'ar')));
});

test('an inadmissible application is told with its reason, in English here, and never to an erased account', async () => {
  await travel(0);
  // A received application of the closed call; its association gets two members of its own.
  const row = await server.db.one<{ id: string; association_id: string }>(
    "SELECT id, association_id FROM applications WHERE call_id = ? AND status = 'received' ORDER BY id LIMIT 1",
    [F.calls.closedReceived],
  );
  assert.ok(row, 'the closed call has a received application');
  const memberships = [{ associationId: row.association_id, role: 'member' as const }];
  const reader = await createTestAccount(
    server.db,
    'notices_reader',
    { roles: ['citizen', 'association_member'], memberships },
    clock(),
  );
  await server.db.write("UPDATE accounts SET locale = 'en' WHERE id = ?", [reader.id]);
  const gone = await createTestAccount(
    server.db,
    'notices_erased',
    { roles: ['citizen', 'association_member'], memberships },
    clock(),
  );
  await server.db.write('UPDATE accounts SET erased_at = ? WHERE id = ?', [clock().toISOString(), gone.id]);

  const checked = await send('POST', `/v1/applications/${row.id}/eligibility-check`, {
    as: 'ministryCallManager',
    json: { admissible: false, reason: 'Statutes not signed' },
  });
  assert.equal(checked.status, 200, JSON.stringify(checked.body));
  const told = await listMail(server.db, { to: reader.email, kind: 'application.eligibility' });
  assert.equal(told.length, 1);
  assert.equal(told[0]?.locale, 'en');
  assert.match(told[0]?.subject ?? '', /is not admissible/);
  assert.ok(told[0]?.text.includes('Reason:\nStatutes not signed'));
  assert.equal((await listMail(server.db, { to: gone.email })).length, 0, 'nothing to an erased account');
});

test('a seat from the waitlist tells the participant’s own account, in its language', async () => {
  await travel(0);
  // One seat left: the member's registration takes it, the representative's waits.
  await server.db.write('UPDATE training_sessions SET seats_left = 1 WHERE id = ?', [
    F.sessions.openWithSeats,
  ]);
  const register = (accountId: string) =>
    send<Registration>('POST', '/v1/registrations', {
      as: 'representative',
      json: {
        sessionId: F.sessions.openWithSeats,
        associationId: F.associations.represented,
        participant: { accountId },
        consent: true,
      },
    });
  const seated = await register(F.accounts.member);
  assert.equal(seated.body.status, 'confirmed', JSON.stringify(seated.body));
  const waiting = await register(F.accounts.representative);
  assert.equal(waiting.body.status, 'waitlisted', JSON.stringify(waiting.body));
  const aboutHer = (mail: QueuedMail) => mail.text.includes(DEMO_ACCOUNTS.representative.displayName);
  assert.equal((await mailTo(representative, 'training.promoted', aboutHer)).length, 0);

  const cancelled = await send('POST', `/v1/registrations/${seated.body.id}/cancel`, {
    as: 'representative',
    json: {},
  });
  assert.equal(cancelled.status, 200, JSON.stringify(cancelled.body));
  // The account's address and language (the representative reads French), not the association's.
  const told = await mailTo(representative, 'training.promoted', aboutHer);
  assert.equal(told.length, 1);
  assert.equal(told[0]?.locale, 'fr');
  assert.equal(told[0]?.accountId, F.accounts.representative);
  assert.equal(
    (await mailTo(member, 'training.promoted', aboutHer)).length,
    0,
    'the participant has an account: the association’s other members are not told',
  );
});

test('the author of a contribution hears of its moderation, with the reason', async () => {
  await travel(0);
  const created = await send<ContributionReceipt>(
    'POST',
    `/v1/consultations/${F.consultations.registeredOnly}/contributions`,
    {
      as: 'citizen',
      json: { kind: 'comment', articleId: 'pdr-1', body: 'Avis pour les notices', consent: true },
    },
  );
  assert.equal(created.status, 201, JSON.stringify(created.body));
  const id = created.body.contribution.id;
  const citizen = DEMO_ACCOUNTS.citizen.email;
  const hidden = await send('POST', `/v1/contributions/${id}/moderation`, {
    as: 'moderator',
    json: { decision: 'hide', reason: 'Hors sujet' },
  });
  assert.equal(hidden.status, 200, JSON.stringify(hidden.body));
  const told = await listMail(server.db, { to: citizen, kind: 'contribution.moderated' });
  assert.equal(told.length, 1);
  assert.equal(told[0]?.locale, 'ar');
  assert.equal(told[0]?.subject, 'أُخفيت مساهمتكم');
  assert.ok(told[0]?.text.includes('Hors sujet'));
  await send('POST', `/v1/contributions/${id}/moderation`, {
    as: 'moderator',
    json: { decision: 'publish' },
  });
  const [latest, ...before] = await listMail(server.db, { to: citizen, kind: 'contribution.moderated' });
  assert.equal(before.length, 1);
  assert.equal(latest?.subject, 'نُشرت مساهمتكم');
});

test('reminders go once when their day comes, and not again after a restart', async () => {
  await travel(0);
  // A report due in 90 days on the represented association's award, and its confirmed registration.
  const { callId } = await awardOfApplication(server.db, F.applications.awardedOfRepresented);
  await addReportRequirement(server.db, callId, 'notices', 'progress', clock());
  const dueOn = casablancaDate(new Date(clock().getTime() + 90 * DAY_MS));
  const reportMail = (to: string, locale: 'fr' | 'ar') =>
    mailTo(to, 'award-report.due', (mail) => mail.text.includes(calendarDateText(dueOn, locale)));

  await travel(noonOf(dueOn, -8));
  await server.sendReminders();
  assert.equal((await reportMail(representative, 'fr')).length, 0, 'not yet: eight days before');
  await travel(noonOf(dueOn, -7));
  await server.sendReminders();
  const fr = await reportMail(representative, 'fr');
  assert.equal(fr.length, 1);
  assert.match(fr[0]?.subject ?? '', /Rapport notices/);
  assert.equal((await reportMail(member, 'ar')).length, 1);
  await travel(noonOf(dueOn, -6));
  await server.sendReminders();
  assert.equal((await reportMail(representative, 'fr')).length, 1, 'once, not every day');

  const registration = (
    await send<Registration>('GET', `/v1/registrations/${F.registrations.upcomingOfRepresented}`, {
      as: 'representative',
    })
  ).body;
  const session = (await send<Session>('GET', `/v1/sessions/${registration.sessionId}`)).body;
  const startDay = casablancaDate(session.period.start);
  const sessionMail = (to: string) =>
    mailTo(to, 'training.reminder', (mail) => mail.text.includes(registration.participant.name));
  // The account the registration names is told; a registration of old naming none, its typed address's
  // account, or else the association's members (the representative among them).
  const named = Object.values(DEMO_ACCOUNTS).find((a) => a.id === registration.participant.accountId);
  const recipient = named?.email ?? (registration.participant.email === member ? member : representative);
  const earlier = (await sessionMail(recipient)).length;
  await travel(noonOf(startDay, -1));
  await server.sendReminders();
  assert.equal((await sessionMail(recipient)).length, earlier + 1, 'the day before the session');

  // A restart (same database) finds both reminders sent.
  await server.close();
  server = await tempServer({ rateLimit: false, clock, dataDir: server.dataDir });
  await server.sendReminders();
  assert.equal((await sessionMail(recipient)).length, earlier + 1);
  await travel(noonOf(dueOn, -5));
  await server.sendReminders();
  assert.equal((await reportMail(representative, 'fr')).length, 1);
  assert.equal((await reportMail(member, 'ar')).length, 1);
});

test('two passes at once, as two server processes run them, queue a reminder once; a held lease skips a pass', async () => {
  await travel(0);
  const { callId } = await awardOfApplication(server.db, F.applications.awardedOfRepresented);
  await addReportRequirement(server.db, callId, 'notices-twice', 'financial', clock());
  const dueOn = casablancaDate(new Date(clock().getTime() + 90 * DAY_MS));
  const told = () =>
    mailTo(representative, 'award-report.due', (mail) => mail.text.includes('Rapport notices-twice'));
  const at = noonOf(dueOn, -3);
  const sources = { awardReports: true, trainings: true };
  await Promise.all([sendDueReminders(server.db, at, sources), sendDueReminders(server.db, at, sources)]);
  assert.equal((await told()).length, 1);

  // Another process holds the scheduler's lease: this server's pass does nothing until it runs out.
  await addReportRequirement(server.db, callId, 'notices-lease', 'financial', clock());
  const leased = () =>
    mailTo(representative, 'award-report.due', (mail) => mail.text.includes('Rapport notices-lease'));
  await travel(at);
  await server.db.write(
    "UPDATE notice_scheduler SET holder = 'another-process', lease_until = ? WHERE name = 'reminders'",
    [new Date(at.getTime() + 60_000).toISOString()],
  );
  assert.deepEqual(await server.sendReminders(), { reportsDue: 0, sessionsTomorrow: 0 });
  assert.equal((await leased()).length, 0);
  await travel(new Date(at.getTime() + 120_000));
  await server.sendReminders();
  assert.equal((await leased()).length, 1, 'the lease ran out: the next pass sends');
});

test('the day before a session, the participant’s own account is reminded, in its language', async () => {
  await travel(0);
  // The member (who reads Arabic) registered by the representative (who reads French) to a session with
  // seats, starting at least two days from now.
  const open = (
    await send<{ items: Session[] }>('GET', '/v1/sessions?state=open&limit=100', { as: 'representative' })
  ).body.items.filter((s) => s.seatsLeft > 0 && Date.parse(s.period.start) > clock().getTime() + 2 * DAY_MS);
  let registered: { registration: Registration; session: Session } | undefined;
  for (const session of open) {
    const made = await send<Registration>('POST', '/v1/registrations', {
      as: 'representative',
      json: {
        sessionId: session.id,
        associationId: F.associations.represented,
        participant: { accountId: F.accounts.member },
        consent: true,
      },
    });
    if (made.status === 201 && made.body.status === 'confirmed') {
      registered = { registration: made.body, session };
      break;
    }
  }
  assert.ok(registered, 'some open session takes the member');
  const { registration, session } = registered;
  assert.equal(registration.participant.accountId, F.accounts.member);
  const remindedFor = async () =>
    (
      await server.db.all<{ account_id: string }>(
        "SELECT account_id FROM notice_reminders WHERE kind = 'training.reminder' AND subject_id = ? ORDER BY account_id",
        [registration.id],
      )
    ).map((row) => row.account_id);
  const aboutIt = (mail: QueuedMail) =>
    mail.text.includes(casablancaText(session.period.start, mail.locale)) &&
    mail.text.includes(DEMO_ACCOUNTS.member.displayName);
  const before = (await mailTo(member, 'training.reminder', aboutIt)).length;
  assert.deepEqual(await remindedFor(), []);

  await travel(noonOf(casablancaDate(session.period.start), -1));
  await server.sendReminders();
  // The reminder of this registration went to the member's account alone (not to the association's other
  // members, nor to the representative who registered them), in Arabic, the member's language.
  assert.deepEqual(await remindedFor(), [F.accounts.member]);
  const told = await mailTo(member, 'training.reminder', aboutIt);
  assert.ok(told.length > before, 'the day before the session');
  assert.ok(told.every((mail) => mail.locale === 'ar' && mail.accountId === F.accounts.member));
});
