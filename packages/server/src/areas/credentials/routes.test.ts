// Certificates against the real server (demo seed): refused before completion, issued once after it (by the
// course's organisers or the participant), verified with the platform's keys offline and by the route, a
// tampered copy refused, the PDF in Arabic read back in order, the verification page in four languages,
// revocation; then the association's competencies and the indicator that counts trained associations.
import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { inflateSync } from 'node:zlib';
import {
  type AssociationCompetencies,
  type Certificate,
  type Course,
  type CredentialIssuer,
  type CredentialVerification,
  casablancaDate,
  type IndicatorSet,
  type JwkSet,
  type MyCompetencies,
  type Problem,
  type Registration,
  type Session,
  verifyOpenBadgeJws,
} from '@nassij/contract';
import { DEMO_ACCOUNTS } from '../../seed/demo.js';
import { demoFixtures as F } from '../../seed/fixtures.js';
import { signInAs, tempServer } from '../../testing.js';
import { organisationIdOf } from '../organisations/organisation.js';
import { signJws } from './keys.js';
import { CERTIFICATE_TEXTS } from './messages.js';

type Server = Awaited<ReturnType<typeof tempServer>>;
interface Sent<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

let server: Server;
/** The server's clock runs `offset` ms ahead of the real one: the last tests move past a session's end. */
let offset = 0;
const now = () => new Date(Date.now() + offset);
const PEOPLE = ['admin', 'representative', 'member', 'citizen', 'trainingManager', 'regionAdmin'] as const;
const tokens = {} as Record<(typeof PEOPLE)[number], string>;

async function signInAll(): Promise<void> {
  for (const who of PEOPLE) {
    tokens[who] = await signInAs(server.url, DEMO_ACCOUNTS[who].email, DEMO_ACCOUNTS[who].password);
  }
}

async function send<T>(
  method: string,
  path: string,
  options: { as?: (typeof PEOPLE)[number]; json?: unknown } = {},
): Promise<Sent<T>> {
  const headers: Record<string, string> = {};
  if (options.as) headers.authorization = `Bearer ${tokens[options.as]}`;
  if (options.json !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers,
    ...(options.json !== undefined ? { body: JSON.stringify(options.json) } : {}),
  });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    // Not JSON (a page): kept as text.
  }
  return { status: response.status, body: body as T, headers: response.headers };
}

before(async () => {
  server = await tempServer({ rateLimit: false, clock: now });
  await signInAll();
});
after(() => server.stop());

// ——— Reading a PDF back ———

/** A PDF literal string's bytes (`(…)` with its escapes). */
function literalBytes(source: string): number[] {
  const bytes: number[] = [];
  for (let i = 0; i < source.length; i += 1) {
    const ch = source[i] as string;
    if (ch !== '\\') {
      bytes.push(ch.charCodeAt(0));
      continue;
    }
    i += 1;
    const next = source[i] as string;
    const octal = /^[0-7]{1,3}/.exec(source.slice(i))?.[0];
    if (octal) {
      bytes.push(Number.parseInt(octal, 8));
      i += octal.length - 1;
    } else
      bytes.push(({ n: 10, r: 13, t: 9, b: 8, f: 12 } as Record<string, number>)[next] ?? next.charCodeAt(0));
  }
  return bytes;
}

/** A PDF text string: UTF-16BE after its byte order mark, else PDFDocEncoding (Latin-1 here). */
function textOf(bytes: number[]): string {
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    let text = '';
    for (let i = 2; i + 1 < bytes.length; i += 2)
      text += String.fromCharCode(((bytes[i] as number) << 8) | (bytes[i + 1] as number));
    return text;
  }
  return String.fromCharCode(...bytes);
}

/**
 * The lines of a PDF as a reader reads them: each word is a marked span with its text (ActualText) and the
 * positions of its glyphs; words are grouped by baseline and ordered by where they were drawn, right to left
 * when `rtl`. So a word in the wrong place, or a line drawn in logical instead of visual order, reads wrong.
 */
function pdfLines(pdf: Uint8Array, rtl: boolean): string[] {
  const raw = Buffer.from(pdf).toString('latin1');
  const words: { text: string; left: number; baseline: number }[] = [];
  for (const match of raw.matchAll(/stream\r?\n/g)) {
    const start = (match.index ?? 0) + match[0].length;
    let content: string;
    try {
      content = inflateSync(Buffer.from(pdf).subarray(start, raw.indexOf('endstream', start))).toString(
        'latin1',
      );
    } catch {
      continue;
    }
    for (const span of content.matchAll(/\/ActualText \(((?:\\.|[^\\)])*)\)\n>> BDC([\s\S]*?)EMC/g)) {
      const positions = [...(span[2] ?? '').matchAll(/1 0 0 1 ([\d.-]+) ([\d.-]+) Tm/g)].map((m) => ({
        x: Number(m[1]),
        y: Number(m[2]),
      }));
      if (positions.length === 0) continue;
      // The baseline is where most glyphs sit; marks (dots, vowels) are moved off it.
      const counts = new Map<number, number>();
      for (const { y } of positions) counts.set(y, (counts.get(y) ?? 0) + 1);
      const baseline = [...counts.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]?.[0] ?? 0;
      words.push({
        text: textOf(literalBytes(span[1] ?? '')),
        left: Math.min(...positions.map((p) => p.x)),
        baseline,
      });
    }
  }
  const lines: { baseline: number; words: typeof words }[] = [];
  for (const word of words) {
    const line = lines.find((l) => Math.abs(l.baseline - word.baseline) < 3);
    if (line) line.words.push(word);
    else lines.push({ baseline: word.baseline, words: [word] });
  }
  return lines.map((line) =>
    line.words
      .sort((a, b) => (rtl ? b.left - a.left : a.left - b.left))
      .map((w) => w.text)
      .join(' '),
  );
}

// ——— The registration the certificate is for ———

const registrationId = F.registrations.attendedOfRepresented;
let course: Course;
let certificate: Certificate;
/** A staff role of the course's organisation, or the platform admin when the demo has none there. */
let organiser: (typeof PEOPLE)[number];

async function trainedCount(year: number, key: string): Promise<number> {
  const set = (
    await send<IndicatorSet>('GET', `/v1/indicators?year=${year}&code=associations_trained_per_competency`)
  ).body;
  const indicator = set.indicators[0];
  assert.equal(indicator?.code, 'associations_trained_per_competency');
  return indicator?.breakdown?.find((b) => b.dimension === 'competency_region' && b.key === key)?.value ?? 0;
}

describe('certificates of completed trainings', () => {
  let yearOfSession: number;
  let regionKey: string;
  let countBefore: number;
  let alreadyCounted: boolean;

  test('the registration is the represented association’s, attended, of a course with competencies', async () => {
    const registration = (
      await send<Registration>('GET', `/v1/registrations/${registrationId}`, { as: 'representative' })
    ).body;
    assert.equal(registration.associationId, F.associations.represented);
    assert.equal(registration.status, 'attended');
    course = (await send<Course>('GET', `/v1/courses/${registration.courseId}`)).body;
    assert.ok(course.competencies.length > 0);
    // The regional council's admin must be staff of another organisation for the refusal below to mean anything.
    assert.notEqual(organisationIdOf(course.provider.sectorCode), F.organisations.regionalCouncil);
    organiser =
      organisationIdOf(course.provider.sectorCode) === F.organisations.trainingProvider
        ? 'trainingManager'
        : 'admin';
    const session = (await send<Session>('GET', `/v1/sessions/${registration.sessionId}`)).body;
    yearOfSession = Number(casablancaDate(session.period.end).slice(0, 4));
    const code = course.competencies[0]?.code as string;
    regionKey = `${code}|MA-09`;
    countBefore = await trainedCount(yearOfSession, regionKey);
    // Whether the association is counted already for this competency that year (another completed session).
    const others = await server.db.all<{ end_at: string }>(
      `SELECT t.end_at FROM training_registrations r JOIN training_sessions t ON t.id = r.session_id
       JOIN course_competencies cc ON cc.course_id = r.course_id
       WHERE r.association_id = ? AND r.status = 'completed' AND cc.code = ?`,
      [F.associations.represented, code],
    );
    alreadyCounted = others.some(
      (o) => casablancaDate(o.end_at).startsWith(`${yearOfSession}-`) && o.end_at <= now().toISOString(),
    );
  });

  test('refused while the registration is not completed, and the participant does not see one', async () => {
    const refused = await send<Problem>('POST', `/v1/registrations/${registrationId}/certificate`, {
      as: organiser,
    });
    assert.equal(refused.status, 409);
    assert.equal(refused.body.code, 'registration_incomplete');
    const competencies = await send<AssociationCompetencies>(
      'GET',
      `/v1/associations/${F.associations.represented}/competencies`,
    );
    assert.equal(competencies.status, 200);
    const sessionsBefore = competencies.body.competencies.flatMap((c) =>
      c.acquisitions.map((a) => a.sessionId),
    );
    const registration = (
      await send<Registration>('GET', `/v1/registrations/${registrationId}`, { as: 'representative' })
    ).body;
    assert.ok(
      !sessionsBefore.includes(registration.sessionId),
      'an attended session teaches no competency yet',
    );
  });

  test('issued once the registration is completed; asking again gives the same certificate', async () => {
    const attended = await send<Registration>('POST', `/v1/registrations/${registrationId}/attendance`, {
      as: 'admin',
      json: { attendedHours: course.durationHours, status: 'completed' },
    });
    assert.equal(attended.status, 200, JSON.stringify(attended.body));
    assert.equal(attended.body.status, 'completed');

    for (const who of ['citizen', 'regionAdmin'] as const) {
      const refused = await send<Problem>('POST', `/v1/registrations/${registrationId}/certificate`, {
        as: who,
      });
      assert.equal(refused.status, 403, who);
    }
    const unknown = await send<Problem>('POST', `/v1/registrations/${F.missing.registration}/certificate`, {
      as: 'admin',
    });
    assert.equal(unknown.status, 404);

    const issued = await send<Certificate>('POST', `/v1/registrations/${registrationId}/certificate`, {
      as: organiser,
    });
    assert.equal(issued.status, 201, JSON.stringify(issued.body));
    certificate = issued.body;
    assert.match(certificate.id, /^cert_[\w-]{24}$/);
    assert.equal(certificate.registrationId, registrationId);
    const again = await send<Certificate>('POST', `/v1/registrations/${registrationId}/certificate`, {
      as: 'admin',
    });
    assert.equal(again.status, 200);
    assert.deepEqual(again.body, certificate);
    // Issued once, recorded once, with who issued it.
    const audited = await server.db.all<{ account_id: string }>(
      "SELECT account_id FROM audit_log WHERE action = 'certificate.issue' AND target_id = ?",
      [certificate.id],
    );
    assert.deepEqual(
      audited.map((a) => a.account_id),
      [DEMO_ACCOUNTS[organiser].id],
    );
  });

  test('the credential is an Open Badges 3.0 OpenBadgeCredential aligned to the course’s competencies', async () => {
    const read = await send<Certificate>('GET', `/v1/certificates/${certificate.id}`);
    assert.equal(read.status, 200);
    assert.deepEqual(read.body, certificate);
    const credential = certificate.credential;
    assert.deepEqual(credential['@context'], [
      'https://www.w3.org/ns/credentials/v2',
      'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
    ]);
    assert.deepEqual(credential.type, ['VerifiableCredential', 'OpenBadgeCredential']);
    assert.equal(credential.issuer.id, `${server.url}/v1/credentials/issuer`);
    assert.deepEqual(credential.issuer.type, ['Profile']);
    assert.equal(credential.credentialSubject.identifier?.[0]?.identityHash, certificate.participantName);
    const achievement = credential.credentialSubject.achievement;
    assert.deepEqual(achievement.type, ['Achievement']);
    assert.ok(achievement.criteria.narrative);
    assert.deepEqual(
      (achievement.alignment ?? []).map(
        (a) => `${a.targetCode}#level-${/#level-(\d)$/.exec(a.targetUrl)?.[1]}`,
      ),
      course.competencies.map((c) => `${c.code}#level-${c.level}`),
    );
    // The signed form is a JWT of the Open Badges 3.0 kind: RS256, typ JWT, the credential as payload.
    const [header, payload] = certificate.compactJws
      .split('.')
      .slice(0, 2)
      .map((part) => JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as Record<string, unknown>);
    assert.equal(header?.alg, 'RS256');
    assert.equal(header?.typ, 'JWT');
    assert.equal(payload?.iss, credential.issuer.id);
    assert.equal(payload?.jti, credential.id);
    assert.equal(payload?.nbf, Math.floor(Date.parse(credential.validFrom) / 1000));
    assert.equal(
      (await send<Problem>('GET', `/v1/certificates/${F.missing.registration.replace('reg', 'cert')}`))
        .status,
      404,
    );
  });

  test('the keys are published as a JWK Set and in the issuer profile, without private parts', async () => {
    const jwks = await send<JwkSet>('GET', '/.well-known/jwks.json');
    assert.equal(jwks.status, 200);
    assert.equal(jwks.body.keys.length, 1);
    const key = jwks.body.keys[0] as Record<string, unknown>;
    assert.equal(key.kty, 'RSA');
    assert.equal(key.alg, 'RS256');
    for (const secret of ['d', 'p', 'q', 'dp', 'dq', 'qi']) assert.ok(!(secret in key), secret);
    const issuer = await send<CredentialIssuer>('GET', '/v1/credentials/issuer');
    assert.equal(issuer.status, 200);
    assert.deepEqual(issuer.body.keys, jwks.body.keys);
    assert.equal(issuer.body.id, certificate.credential.issuer.id);
    assert.equal(issuer.body.jwks, `${server.url}/.well-known/jwks.json`);
  });

  test('it verifies offline with the published keys and with the route; a modified copy does not', async () => {
    const jwks = (await send<JwkSet>('GET', '/.well-known/jwks.json')).body;
    const offline = await verifyOpenBadgeJws(certificate, jwks);
    assert.equal(offline.valid, true, JSON.stringify(offline));
    assert.equal(offline.subject?.name, certificate.participantName);
    const online = await send<CredentialVerification>('POST', '/v1/credentials/verify', {
      json: certificate,
    });
    assert.equal(online.status, 200);
    assert.equal(online.body.valid, true);
    assert.equal(online.body.issuer?.id, certificate.credential.issuer.id);
    assert.equal(
      (await send<CredentialVerification>('POST', '/v1/credentials/verify', { json: certificate.compactJws }))
        .body.valid,
      true,
    );

    // One character of the course's name changed in the credential shown beside the signature.
    const name = certificate.credential.credentialSubject.achievement.name;
    const edited = structuredClone(certificate);
    edited.credential.credentialSubject.achievement.name = `${name.slice(0, -1)}X`;
    for (const result of [
      await verifyOpenBadgeJws(edited, jwks),
      (await send<CredentialVerification>('POST', '/v1/credentials/verify', { json: edited })).body,
    ]) {
      assert.equal(result.valid, false);
      assert.equal(result.reason, 'signature_invalid');
    }
    // The same change made inside the signed payload.
    const [head, body, signature] = certificate.compactJws.split('.');
    const payload = JSON.parse(Buffer.from(body as string, 'base64url').toString('utf8'));
    payload.credentialSubject.achievement.name = `${name.slice(0, -1)}X`;
    const forged = `${head}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.${signature}`;
    const forgedResult = (
      await send<CredentialVerification>('POST', '/v1/credentials/verify', { json: forged })
    ).body;
    assert.equal(forgedResult.reason, 'signature_invalid');
    assert.equal((await verifyOpenBadgeJws(forged, jwks)).reason, 'signature_invalid');

    // Signed by a key the platform does not have, under the platform's key id.
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const stranger = signJws(JSON.parse(Buffer.from(head as string, 'base64url').toString('utf8')), payload, {
      kid: String(jwks.keys[0]?.kid),
      publicJwk: jwks.keys[0] as JwkSet['keys'][number],
      privateKey,
    });
    assert.equal((await verifyOpenBadgeJws(stranger, jwks)).reason, 'signature_invalid');
    // Under a key id the platform never published.
    const unknownKid = signJws({ alg: 'RS256', typ: 'JWT', kid: 'someone-else' }, payload, {
      kid: 'someone-else',
      publicJwk: jwks.keys[0] as JwkSet['keys'][number],
      privateKey,
    });
    assert.equal(
      (await send<CredentialVerification>('POST', '/v1/credentials/verify', { json: unknownKid })).body
        .reason,
      'issuer_unknown',
    );
    for (const garbage of ['not a credential', { compactJws: 'a.b.c' }, {}, { hello: 'world' }]) {
      const answer = await send<CredentialVerification>('POST', '/v1/credentials/verify', { json: garbage });
      assert.equal(answer.status, 200);
      assert.equal(answer.body.reason, 'malformed', JSON.stringify(garbage));
    }
  });

  test('the PDF holds the participant’s name and the course title, in Arabic, read back right to left', async () => {
    const answer = await fetch(`${server.url}/v1/certificates/${certificate.id}.pdf?lang=ar`);
    assert.equal(answer.status, 200);
    assert.equal(answer.headers.get('content-type'), 'application/pdf');
    const pdf = new Uint8Array(await answer.arrayBuffer());
    assert.equal(Buffer.from(pdf.subarray(0, 5)).toString('latin1'), '%PDF-');
    const lines = pdfLines(pdf, true);
    // A name in Latin letters keeps its left-to-right order inside the Arabic page.
    const arabicName = /[\u0600-\u06FF]/.test(certificate.participantName);
    assert.ok(pdfLines(pdf, arabicName).includes(certificate.participantName), lines.join('\n'));
    assert.ok(course.title.ar && /[\u0600-\u06FF]/.test(course.title.ar));
    // A long title wraps: its lines follow one another.
    assert.ok(lines.join(' ').includes(course.title.ar.replace(/\s+/g, ' ')), lines.join('\n'));
    assert.ok(lines.includes(CERTIFICATE_TEXTS.ar.title), lines.join('\n'));
    // Read left to right instead, the Arabic lines of more than one word do not read.
    assert.ok(!pdfLines(pdf, false).includes(CERTIFICATE_TEXTS.ar.title));

    const french = new Uint8Array(
      await (await fetch(`${server.url}/v1/certificates/${certificate.id}.pdf?lang=fr`)).arrayBuffer(),
    );
    assert.ok(pdfLines(french, false).includes(CERTIFICATE_TEXTS.fr.title));
    const tifinagh = new Uint8Array(
      await (await fetch(`${server.url}/v1/certificates/${certificate.id}.pdf?lang=zgh`)).arrayBuffer(),
    );
    assert.ok(pdfLines(tifinagh, false).includes(CERTIFICATE_TEXTS.zgh.title));
    const bad = await send<Problem>('GET', `/v1/certificates/${certificate.id}.pdf?lang=xx`);
    assert.equal(bad.status, 422);
    assert.equal((await send<Problem>('GET', '/v1/certificates/cert_none.pdf')).status, 404);
  });

  test('the verification page says valid in four languages, with a strict policy and no script', async () => {
    for (const [lang, dir] of [
      ['ar', 'rtl'],
      ['fr', 'ltr'],
      ['zgh', 'ltr'],
      ['en', 'ltr'],
    ] as const) {
      const page = await send<string>('GET', `/verify/${certificate.id}?lang=${lang}`);
      assert.equal(page.status, 200);
      assert.match(page.headers.get('content-type') ?? '', /^text\/html/);
      assert.match(page.headers.get('content-security-policy') ?? '', /default-src 'none'/);
      assert.ok(!/<script/i.test(page.body));
      const htmlLang = lang === 'zgh' ? 'zgh-Tfng' : lang;
      assert.match(page.body, new RegExp(`<html lang="${htmlLang}" dir="${dir}">`));
      assert.ok(page.body.includes(CERTIFICATE_TEXTS[lang].valid.replaceAll("'", '&#39;')), lang);
      assert.ok(page.body.includes('data-valid="true"'));
    }
    const missing = await send<string>('GET', '/verify/cert_none?lang=fr');
    assert.equal(missing.status, 404);
    assert.ok(missing.body.includes(CERTIFICATE_TEXTS.fr.notFound.replaceAll("'", '&#39;')));
  });

  test('the association’s competencies show the course, naming nobody; the indicator counts it', async () => {
    const answer = await send<AssociationCompetencies>(
      'GET',
      `/v1/associations/${F.associations.represented}/competencies`,
    );
    assert.equal(answer.status, 200);
    for (const { code, level } of course.competencies) {
      const record = answer.body.competencies.find((c) => c.code === code);
      assert.ok(record, code);
      assert.ok(record.highestLevel >= level);
      assert.ok(record.acquisitions.some((a) => a.courseId === course.id && a.level === level));
      assert.ok(record.acquisitions.every((a) => a.certificateId === undefined));
    }
    assert.ok(!JSON.stringify(answer.body).includes(certificate.participantName));
    assert.equal(
      (await send<Problem>('GET', `/v1/associations/${F.missing.association}/competencies`)).status,
      404,
    );
    assert.equal(await trainedCount(yearOfSession, regionKey), countBefore + (alreadyCounted ? 0 : 1));
  });

  test('the organisers revoke a certificate; it then verifies as revoked, on the route and on its page', async () => {
    const reason = { reason: 'Délivré par erreur' };
    for (const who of ['citizen', 'regionAdmin', 'representative'] as const) {
      const refused = await send<Problem>('POST', `/v1/certificates/${certificate.id}/revoke`, {
        as: who,
        json: reason,
      });
      assert.equal(refused.status, 403, who);
    }
    assert.equal(
      (await send<Problem>('POST', '/v1/certificates/cert_none/revoke', { as: 'admin', json: reason }))
        .status,
      404,
    );
    assert.equal(
      (await send<Problem>('POST', `/v1/certificates/${certificate.id}/revoke`, { as: organiser, json: {} }))
        .status,
      422,
    );
    assert.equal(
      (await verifyOpenBadgeJws(certificate, (await send<JwkSet>('GET', '/.well-known/jwks.json')).body))
        .valid,
      true,
    );
    const revoked = await send<Certificate>('POST', `/v1/certificates/${certificate.id}/revoke`, {
      as: organiser,
      json: reason,
    });
    assert.equal(revoked.status, 200, JSON.stringify(revoked.body));
    assert.ok(revoked.body.revokedAt);
    const again = await send<Certificate>('POST', `/v1/certificates/${certificate.id}/revoke`, {
      as: 'admin',
      json: reason,
    });
    assert.equal(again.body.revokedAt, revoked.body.revokedAt);
    assert.equal(
      (await send<Certificate>('GET', `/v1/certificates/${certificate.id}`)).body.revokedAt,
      revoked.body.revokedAt,
    );
    const trail = await server.db.all<{ reason: string }>(
      "SELECT reason FROM audit_log WHERE action = 'certificate.revoke' AND target_id = ?",
      [certificate.id],
    );
    assert.deepEqual(
      trail.map((t) => t.reason),
      [reason.reason],
    );
    const result = (
      await send<CredentialVerification>('POST', '/v1/credentials/verify', { json: certificate })
    ).body;
    assert.equal(result.valid, false);
    assert.equal(result.reason, 'revoked');
    const page = await send<string>('GET', `/verify/${certificate.id}?lang=en`);
    assert.ok(page.body.includes('data-reason="revoked"'));
    assert.ok(page.body.includes(CERTIFICATE_TEXTS.en.reasons.revoked));
    // Still signed by the platform: offline, without the platform's word, it verifies.
    const jwks = (await send<JwkSet>('GET', '/.well-known/jwks.json')).body;
    assert.equal((await verifyOpenBadgeJws(certificate, jwks)).valid, true);
  });
});

describe('a member’s own certificate and competencies', () => {
  let registration: Registration;

  test('the participant asks for their certificate once the session is over and completed', async () => {
    const created = await send<Registration>('POST', '/v1/registrations', {
      as: 'representative',
      json: {
        sessionId: F.sessions.openWithSeats,
        associationId: F.associations.represented,
        participant: { accountId: F.accounts.member },
        consent: true,
      },
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    registration = created.body;
    const session = (await send<Session>('GET', `/v1/sessions/${F.sessions.openWithSeats}`)).body;
    // After the session's end.
    offset = Date.parse(session.period.end) - Date.now() + 3_600_000;
    await signInAll();
    const early = await send<Problem>('POST', `/v1/registrations/${registration.id}/certificate`, {
      as: 'member',
    });
    assert.equal(early.body.code, 'registration_incomplete');
    const completed = await send<Registration>('POST', `/v1/registrations/${registration.id}/attendance`, {
      as: 'admin',
      json: { attendedHours: 1, status: 'completed' },
    });
    assert.equal(completed.body.status, 'completed', JSON.stringify(completed.body));
    const mine = await send<Certificate>('POST', `/v1/registrations/${registration.id}/certificate`, {
      as: 'member',
    });
    assert.equal(mine.status, 201, JSON.stringify(mine.body));
    assert.equal(mine.body.participantName, DEMO_ACCOUNTS.member.displayName);
    assert.equal(mine.body.locale, DEMO_ACCOUNTS.member.locale);
    // Another member of the association is not the participant.
    const other = await send<Problem>('POST', `/v1/registrations/${registration.id}/certificate`, {
      as: 'representative',
    });
    assert.equal(other.status, 403);
    const organisers = await send<Certificate>('POST', `/v1/registrations/${registration.id}/certificate`, {
      as: 'trainingManager',
    });
    assert.equal(organisers.status, 200, JSON.stringify(organisers.body));
    assert.equal(organisers.body.id, mine.body.id);

    const competencies = await send<MyCompetencies>('GET', '/v1/me/competencies', { as: 'member' });
    assert.equal(competencies.status, 200);
    const acquisitions = competencies.body.competencies.flatMap((c) => c.acquisitions);
    assert.ok(
      acquisitions.some((a) => a.sessionId === F.sessions.openWithSeats && a.certificateId === mine.body.id),
    );
    const representatives = await send<MyCompetencies>('GET', '/v1/me/competencies', {
      as: 'representative',
    });
    assert.ok(
      !representatives.body.competencies.some((c) =>
        c.acquisitions.some((a) => a.certificateId === mine.body.id),
      ),
    );
    assert.equal((await send<Problem>('GET', '/v1/me/competencies')).status, 401);
  });
});
