// Certificates: the Open Badges 3.0 credential of a completed registration, built from the trainings
// area's tables (read only), signed with the platform key and kept, one per registration.
import { randomBytes } from 'node:crypto';
import {
  type Account,
  type Certificate,
  COMPETENCIES,
  type Course,
  CREDENTIAL_CONTEXTS,
  casablancaDate,
  LOCALES,
  type Locale,
  type OpenBadgeCredential,
  pickText,
  type Session,
} from '@nassij/contract';
import { audit } from '../../db/audit.js';
import type { Db } from '../../db/db.js';
import { problem } from '../../http/problem.js';
import { organisationIdOf, runsTrainingsOf } from '../organisations/organisation.js';
import { type SigningKey, signingKey, signJws } from './keys.js';
import { CERTIFICATE_TEXTS, fill } from './messages.js';

/** The path of the issuer profile, from the server's public origin. */
export const ISSUER_PATH = '/v1/credentials/issuer';

/** A registration as a certificate reads it (`participant_account_id` exists once the trainings area names accounts). */
interface RegistrationRow {
  id: string;
  session_id: string;
  course_id: string;
  association_id: string;
  status: string;
  data: string;
  participant_account_id?: string | null;
}

/** A stored certificate. */
export interface CertificateRow {
  id: string;
  registration_id: string;
  participant_account_id: string | null;
  revoked_at: string | null;
  compact_jws: string;
  data: string;
}

const CERTIFICATE_COLUMNS = 'id, registration_id, participant_account_id, revoked_at, compact_jws, data';

/**
 * The day of an instant in Casablanca, written for a reader of `locale` (Latin digits in Arabic too, as the
 * platform writes numbers).
 *
 * @example
 * ```ts
 * readableDate('2026-05-14T16:00:00Z', 'fr'); // '14 mai 2026'
 * ```
 */
export function readableDate(at: string, locale: Locale): string {
  const day = casablancaDate(at);
  if (locale === 'zgh') return day.split('-').reverse().join('/');
  const tag = locale === 'ar' ? 'ar-MA' : locale === 'fr' ? 'fr-MA' : 'en-GB';
  return new Intl.DateTimeFormat(tag, {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
    numberingSystem: 'latn',
  }).format(new Date(`${day}T12:00:00Z`));
}

/**
 * A competency of the framework and a level, named for a reader of `locale`.
 *
 * @example
 * ```ts
 * competencyLabel('advocacy', 2, 'fr'); // 'Plaidoyer — niveau 2'
 * ```
 */
export function competencyLabel(code: string, level: number, locale: Locale): string {
  const competency = COMPETENCIES.find((c) => c.code === code);
  const name = competency ? pickText(competency.name, locale).text : code;
  return `${name} — ${fill(CERTIFICATE_TEXTS[locale].level, { level })}`;
}

/** A text in the reader's language, else the nearest one the text has. */
function textIn(text: Parameters<typeof pickText>[0], locale: Locale): string {
  return pickText(text, locale).text;
}

/** What a certificate is made of, read from the trainings and associations tables. */
export interface CertificateFacts {
  registrationId: string;
  associationId: string;
  associationName: string;
  participantName: string;
  participantAccountId?: string;
  locale: Locale;
  course: Course;
  session: Pick<Session, 'id' | 'period' | 'language'>;
}

async function registrationRow(db: Db, id: string): Promise<RegistrationRow | undefined> {
  // `*`: the participant's account column belongs to the trainings area and may come later than this area.
  return await db.one<RegistrationRow>('SELECT * FROM training_registrations WHERE id = ?', [id]);
}

/** The facts of a registration's certificate, or `undefined` when its course or session is gone. */
async function certificateFacts(db: Db, row: RegistrationRow): Promise<CertificateFacts | undefined> {
  const course = await db.one<{ data: string }>('SELECT data FROM courses WHERE id = ?', [row.course_id]);
  const session = await db.one<{ data: string; start_at: string; end_at: string }>(
    'SELECT data, start_at, end_at FROM training_sessions WHERE id = ?',
    [row.session_id],
  );
  const association = await db.one<{ name: string }>('SELECT name FROM associations WHERE id = ?', [
    row.association_id,
  ]);
  if (!course || !session) return undefined;
  const data = JSON.parse(row.data) as { participant?: { name?: string; accountId?: string } };
  const accountId = row.participant_account_id ?? data.participant?.accountId ?? undefined;
  const account = accountId
    ? await db.one<{ display_name: string; locale: string | null }>(
        'SELECT display_name, locale FROM accounts WHERE id = ?',
        [accountId],
      )
    : undefined;
  const sessionData = JSON.parse(session.data) as Session;
  const preferred = account?.locale ?? sessionData.language;
  const locale = (LOCALES as readonly string[]).includes(preferred ?? '') ? (preferred as Locale) : 'ar';
  return {
    registrationId: row.id,
    associationId: row.association_id,
    associationName: association?.name ?? row.association_id,
    participantName: data.participant?.name ?? account?.display_name ?? '—',
    ...(accountId ? { participantAccountId: accountId } : {}),
    locale,
    course: JSON.parse(course.data) as Course,
    session: {
      id: row.session_id,
      period: { start: session.start_at, end: session.end_at },
      language: sessionData.language,
    },
  };
}

/**
 * The Open Badges 3.0 credential of a certificate: the platform as issuer, the participant named by an
 * unhashed `name` identity, the course as the achievement aligned to each competency and level it teaches.
 *
 * @example
 * ```ts
 * const credential = buildCredential(facts, 'https://nassij.ma', 'cert_x', '2026-05-14T16:00:00Z');
 * ```
 */
export function buildCredential(
  facts: CertificateFacts,
  origin: string,
  certificateId: string,
  issuedAt: string,
): OpenBadgeCredential {
  const t = CERTIFICATE_TEXTS[facts.locale];
  const title = textIn(facts.course.title, facts.locale);
  const hours = facts.course.durationHours;
  return {
    '@context': [...CREDENTIAL_CONTEXTS],
    id: `${origin}/v1/certificates/${certificateId}`,
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    issuer: issuerProfile(origin, facts.locale),
    name: `${t.title} — ${title}`,
    validFrom: issuedAt,
    credentialSubject: {
      type: ['AchievementSubject'],
      identifier: [
        { type: 'IdentityObject', identityType: 'name', hashed: false, identityHash: facts.participantName },
      ],
      activityStartDate: facts.session.period.start,
      activityEndDate: facts.session.period.end,
      achievement: {
        id: `${origin}/v1/courses/${facts.course.id}`,
        type: ['Achievement'],
        achievementType: 'Course',
        name: title,
        description: textIn(facts.course.description, facts.locale),
        criteria: { narrative: fill(t.criteria, { course: title, hours }) },
        inLanguage: facts.locale === 'zgh' ? 'zgh-Tfng' : facts.locale,
        alignment: facts.course.competencies.map(({ code, level }) => {
          return {
            type: ['Alignment'],
            targetType: 'ceasn:Competency',
            targetCode: code,
            targetName: competencyLabel(code, level, facts.locale),
            targetFramework: 'Nassij',
            // The level is the fragment, so that a reader of the alignment alone knows it.
            targetUrl: `${origin}/v1/reference?competency=${encodeURIComponent(code)}#level-${level}`,
          };
        }),
      },
    },
  };
}

/**
 * The platform as the issuer of certificates (an Open Badges `Profile`).
 *
 * @example
 * ```ts
 * issuerProfile('https://nassij.ma', 'fr').id; // 'https://nassij.ma/v1/credentials/issuer'
 * ```
 */
export function issuerProfile(origin: string, locale: Locale): OpenBadgeCredential['issuer'] {
  return {
    id: `${origin}${ISSUER_PATH}`,
    type: ['Profile'],
    name: CERTIFICATE_TEXTS[locale].platform,
    url: origin,
  };
}

/**
 * The compact JWS of a credential in the Open Badges 3.0 VC-JWT form: header `alg` RS256, `typ` JWT and the
 * key's `kid`; payload the credential with `iss`, `jti`, `nbf` (and `sub` when the subject has an id).
 *
 * @example
 * ```ts
 * const jws = credentialJws(credential, await signingKey(db));
 * ```
 */
export function credentialJws(credential: OpenBadgeCredential, key: SigningKey): string {
  const payload = {
    ...credential,
    iss: credential.issuer.id,
    jti: credential.id,
    nbf: Math.floor(Date.parse(credential.validFrom) / 1000),
    ...(credential.credentialSubject.id ? { sub: credential.credentialSubject.id } : {}),
  };
  return signJws({ alg: 'RS256', typ: 'JWT', kid: key.kid }, payload, key);
}

/** An unguessable certificate id: 144 random bits. */
function newCertificateId(): string {
  return `cert_${randomBytes(18).toString('base64url')}`;
}

/**
 * The certificate as served: the stored one with its revocation (which happens after signing) and links.
 *
 * @example
 * ```ts
 * const certificate = toCertificate(row);
 * ```
 */
export function toCertificate(row: CertificateRow): Certificate {
  const stored = JSON.parse(row.data) as Certificate;
  return { ...stored, ...(row.revoked_at ? { revokedAt: row.revoked_at } : {}) };
}

/**
 * A certificate by id, or `undefined`.
 *
 * @example
 * ```ts
 * const row = await readCertificateRow(db, 'cert_x');
 * ```
 */
export async function readCertificateRow(db: Db, id: string): Promise<CertificateRow | undefined> {
  return await db.one<CertificateRow>(`SELECT ${CERTIFICATE_COLUMNS} FROM certificates WHERE id = ?`, [id]);
}

/**
 * Issues the certificate of a completed registration, or gives the one issued already (`created` false).
 * Allowed to the staff of the course's organisation, a platform admin and the participant themself.
 *
 * @example
 * ```ts
 * const { certificate, created } = await issueCertificate(db, auth, 'reg_0001', 'https://nassij.ma', now, requestId);
 * ```
 */
export async function issueCertificate(
  db: Db,
  auth: Account | null,
  registrationId: string,
  origin: string,
  now: Date,
  requestId?: string,
): Promise<{ certificate: Certificate; created: boolean }> {
  // Outside the transaction: the first certificate of a deployment creates the key.
  const key = await signingKey(db, now);
  return await db.atomic(async () => {
    const row = await registrationRow(db, registrationId);
    if (!row) throw problem('not_found', 'No such registration');
    const facts = await certificateFacts(db, row);
    if (!facts) throw problem('not_found', 'The course or session of this registration is gone');
    const participant = facts.participantAccountId !== undefined && auth?.id === facts.participantAccountId;
    if (!participant && !runsTrainingsOf(auth, organisationIdOf(facts.course.provider.sectorCode))) {
      throw problem('forbidden', 'Only the organisers of this course or the participant may ask for it');
    }
    const existing = await db.one<CertificateRow>(
      `SELECT ${CERTIFICATE_COLUMNS} FROM certificates WHERE registration_id = ?`,
      [registrationId],
    );
    if (existing) return { certificate: toCertificate(existing), created: false };
    if (row.status !== 'completed') {
      throw problem('registration_incomplete', `A ${row.status} registration has no certificate`);
    }
    const id = newCertificateId();
    const issuedAt = now.toISOString().replace(/\.\d{3}Z$/, 'Z');
    const credential = buildCredential(facts, origin, id, issuedAt);
    const compactJws = credentialJws(credential, key);
    const certificate: Certificate = {
      id,
      registrationId,
      courseId: facts.course.id,
      sessionId: facts.session.id,
      associationId: facts.associationId,
      participantName: facts.participantName,
      locale: facts.locale,
      issuedAt,
      credential,
      compactJws,
      links: {
        self: credential.id,
        pdf: `${credential.id}.pdf`,
        verify: `${origin}/verify/${id}`,
      },
    };
    await db.write(
      `INSERT INTO certificates (id, registration_id, association_id, participant_account_id, course_id, session_id,
         kid, issued_at, compact_jws, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        id,
        registrationId,
        facts.associationId,
        facts.participantAccountId ?? null,
        facts.course.id,
        facts.session.id,
        key.kid,
        issuedAt,
        compactJws,
        JSON.stringify(certificate),
      ],
    );
    await audit(db, {
      at: now,
      accountId: auth?.id ?? null,
      action: 'certificate.issue',
      targetType: 'certificate',
      targetId: id,
      ...(requestId ? { requestId } : {}),
      details: { registrationId, kid: key.kid },
    });
    return { certificate, created: true };
  });
}

/**
 * Revokes a certificate (the course's organisers or a platform admin), keeping the first revocation's date
 * when asked again; the reason goes to the audit log.
 *
 * @example
 * ```ts
 * const certificate = await revokeCertificate(db, auth, 'cert_x', 'Issued to the wrong person', now);
 * ```
 */
export async function revokeCertificate(
  db: Db,
  auth: Account | null,
  certificateId: string,
  reason: string,
  now: Date,
  requestId?: string,
): Promise<Certificate> {
  return await db.atomic(async () => {
    const row = await readCertificateRow(db, certificateId);
    if (!row) throw problem('not_found', 'No such certificate');
    const certificate = toCertificate(row);
    const course = await courseOf(db, certificate.courseId);
    if (!runsTrainingsOf(auth, course ? organisationIdOf(course.provider.sectorCode) : undefined)) {
      throw problem('forbidden', 'Only the organisers of this course may revoke its certificates');
    }
    if (row.revoked_at) return certificate;
    const at = now.toISOString().replace(/\.\d{3}Z$/, 'Z');
    await db.write('UPDATE certificates SET revoked_at = ? WHERE id = ?', [at, certificateId]);
    await audit(db, {
      at: now,
      accountId: auth?.id ?? null,
      action: 'certificate.revoke',
      targetType: 'certificate',
      targetId: certificateId,
      ...(requestId ? { requestId } : {}),
      reason,
      details: { registrationId: certificate.registrationId },
    });
    return { ...certificate, revokedAt: at };
  });
}

/**
 * A course as stored, or `undefined`.
 *
 * @example
 * ```ts
 * (await courseOf(db, 'crs_0001'))?.title.fr;
 * ```
 */
export async function courseOf(db: Db, courseId: string): Promise<Course | undefined> {
  const row = await db.one<{ data: string }>('SELECT data FROM courses WHERE id = ?', [courseId]);
  return row ? (JSON.parse(row.data) as Course) : undefined;
}

/**
 * The association's name as registered.
 *
 * @example
 * ```ts
 * await associationName(db, 'asso_0001'); // 'جمعية …'
 * ```
 */
export async function associationName(db: Db, associationId: string): Promise<string> {
  const row = await db.one<{ name: string }>('SELECT name FROM associations WHERE id = ?', [associationId]);
  return row?.name ?? associationId;
}
