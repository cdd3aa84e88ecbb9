import {
  COMPETENCIES,
  type Course,
  type CourseCost,
  fromMinorUnits,
  type Locale,
  type LocalizedText,
  type Modality,
  REGIONS,
  SECTORS,
  type Session,
} from '@nassij/contract';
import { toInstant } from '../../auth/tokens.js';
import { DEMO_ACCOUNTS } from '../../seed/demo.js';
import type { SeedContext } from '../area.js';
import { townsOf } from '../associations/towns.js';
import { addHistory, insertRegistration, saveCourse, saveSession } from './store.js';

const DAY = 24 * 60 * 60 * 1000;

/** The demo associations, whose seeded registrations name the demo member's account. */
const DEMO_ASSOCIATIONS = new Set(['asso_0001', 'asso_0002']);

/** The demo member, a member of both demo associations, as registrations name it. */
const DEMO_MEMBER = { id: DEMO_ACCOUNTS.member.id, name: DEMO_ACCOUNTS.member.displayName };

const LEVEL_NAMES: Record<1 | 2 | 3, { ar: string; fr: string; zgh: string; en: string }> = {
  1: { ar: 'مستوى التمهيد', fr: 'initiation', zgh: 'ⴰⵙⵡⵉⵔ 1', en: 'foundation' },
  2: { ar: 'مستوى التعزيز', fr: 'consolidation', zgh: 'ⴰⵙⵡⵉⵔ 2', en: 'practitioner' },
  3: { ar: 'مستوى الإتقان', fr: 'maîtrise', zgh: 'ⴰⵙⵡⵉⵔ 3', en: 'advanced' },
};

const AUDIENCES: readonly LocalizedText[] = [
  { ar: 'أعضاء مكاتب الجمعيات', fr: 'Membres des bureaux des associations' },
  { ar: 'أمناء مال الجمعيات', fr: 'Trésoriers et trésorières des associations' },
  { ar: 'منسقو المشاريع الجمعوية', fr: 'Coordinateurs et coordinatrices de projets associatifs' },
  { ar: 'الشباب المتطوعون في الجمعيات', fr: 'Jeunes bénévoles des associations' },
];

const TRAINERS = [
  'Fatima Zahra Benali',
  'Mohamed Amine Idrissi',
  'Khadija Ait Lahcen',
  'Rachid Ouzzine',
  'Nadia El Fassi',
  'ⵜⵉⵍⵉⵍⵉ ⴰⵎⴰⵣⵉⵖ',
  'سعاد الوزاني',
  'عبد الله أيت باها',
];

const PARTICIPANTS = [
  'أمينة العلوي',
  'يوسف بن علي',
  'حسن أوبلا',
  'مريم الإدريسي',
  'Salma Bennani',
  'Omar Tahiri',
  'Zineb Chraibi',
  'ⵉⴷⵔ ⴰⵢⵜ ⵃⵎⴷ',
  'ⵜⵉⴼⴰⵡⵜ ⴰⵙⵓⵙⵉ',
  'عبد الرحيم أخياط',
  'Hajar Ouali',
  'Brahim Ait Said',
  'ليلى المنصوري',
  'Ayoub Lamrani',
];

const ROLES = ['رئيس الجمعية', 'أمينة المال', 'Secrétaire générale', 'Chargé de projet', 'ⴰⵎⵙⵙⵓⴷⵙ'];

const EVALUATIONS = [
  'تكوين مفيد جدا وعملي',
  'Formation claire, exercices utiles',
  'ⵉⵍⵍⴰ ⵓⵙⵏⵎⵔ',
  'Très bon formateur',
];

function at(now: Date, days: number, hour: number): string {
  const date = new Date(now.getTime() + days * DAY);
  date.setUTCHours(hour, 0, 0, 0);
  return toInstant(date);
}

function pad(n: number, width = 4): string {
  return String(n).padStart(width, '0');
}

function courseOf(ctx: SeedContext, n: number, competencyIndex: number, level: 1 | 2 | 3): Course {
  const competency = COMPETENCIES[competencyIndex % COMPETENCIES.length] ?? COMPETENCIES[0];
  if (!competency) throw new Error('the competency framework is empty');
  const levelName = LEVEL_NAMES[level];
  const descriptor = competency.levels[level - 1]?.descriptor ?? competency.description;
  const sector = ctx.pick(SECTORS);
  const modality = ctx.pick<Modality>(['on_site', 'on_site', 'online', 'blended']);
  const languages = ctx.pick<Locale[]>([['ar'], ['ar', 'fr'], ['fr'], ['ar', 'zgh'], ['ar', 'fr', 'zgh']]);
  const cost: CourseCost =
    ctx.random() < 0.65
      ? { free: true }
      : {
          free: false,
          amount: fromMinorUnits(ctx.randomInt(2, 15) * 10_000),
          ...(ctx.random() < 0.5
            ? { fundedBy: { ar: 'المبادرة الوطنية للتنمية البشرية', fr: 'INDH (prise en charge partielle)' } }
            : {}),
        };
  const title: LocalizedText = {
    ar: `${competency.name.ar} - ${levelName.ar}`,
    fr: `${competency.name.fr} - ${levelName.fr}`,
    ...(competency.name.zgh ? { zgh: `${competency.name.zgh} - ${levelName.zgh}` } : {}),
    ...(competency.name.en ? { en: `${competency.name.en} - ${levelName.en}` } : {}),
  };
  return {
    id: `crs_${pad(n)}`,
    reference: `MA-MRP-FOR-${ctx.now.getUTCFullYear()}-${pad(n)}`,
    title,
    description: {
      ar: `${competency.description.ar ?? ''}. ${descriptor.ar ?? ''}`.trim(),
      fr: `${competency.description.fr ?? ''}. ${descriptor.fr ?? ''}`.trim(),
    },
    objectives: [descriptor],
    provider: { sectorCode: sector.code, name: sector.name },
    competencies: [{ code: competency.code, level }],
    targetAudience: ctx.pick(AUDIENCES),
    ...(level > 1
      ? {
          prerequisites: {
            ar: `إتمام ${LEVEL_NAMES[(level - 1) as 1 | 2].ar}`,
            fr: `Avoir suivi le niveau ${LEVEL_NAMES[(level - 1) as 1 | 2].fr}`,
          },
        }
      : {}),
    languages,
    durationHours: ctx.pick([6, 12, 18, 24, 30]),
    modality,
    cost,
    credential: level === 3 ? 'badge' : n % 7 === 0 ? 'none' : 'attestation',
    ...(n % 4 === 0
      ? {
          accessibility: {
            ar: 'قاعة ولوجة وترجمة بلغة الإشارة عند الطلب',
            fr: 'Salle accessible, interprétation en langue des signes sur demande',
          },
        }
      : {}),
  };
}

/**
 * Seeds the demo trainings: one course per competency and level (30) plus a few second editions, four
 * sessions each over all 12 regions around `ctx.now` (completed, open, full with a waitlist, cancelled,
 * postponed), and registrations of demo and other associations, the past ones attended and evaluated.
 *
 * @example
 * ```ts
 * const area: Area = { name: 'trainings', migrations, seedDemo: seedTrainings, register };
 * ```
 */
export async function seedTrainings(ctx: SeedContext): Promise<void> {
  const { db, now } = ctx;
  const nowAt = toInstant(now);
  // The latest a seeded registration is made: the day before seeding (never on the seeding day itself).
  const registeredBy = at(now, -1, 10);
  let sessionNumber = 0;
  let registrationNumber = 0;
  let onSiteNumber = 0;
  const associationIds = (
    await db.all<{ id: string }>('SELECT id FROM associations ORDER BY id LIMIT 200')
  ).map((row) => row.id);
  const others = associationIds.filter((id) => id !== 'asso_0001' && id !== 'asso_0002');

  await db.atomic(async () => {
    const courseCount = COMPETENCIES.length * 3 + 6;
    for (let n = 1; n <= courseCount; n++) {
      const index = (n - 1) % (COMPETENCIES.length * 3);
      const course = courseOf(ctx, n, Math.floor(index / 3), ((index % 3) + 1) as 1 | 2 | 3);
      await saveCourse(db, course, at(now, -ctx.randomInt(10, 400), 9));

      for (let k = 0; k < 4; k++) {
        sessionNumber++;
        // Spread: the first session in the last eighteen months (so last year has trainings held, as the
        // indicators default to the latest complete year), the second near now, the others later.
        let offset =
          k === 0 ? -ctx.randomInt(20, 540) : k === 1 ? ctx.randomInt(-10, 30) : ctx.randomInt(8, 150);
        const days = Math.max(1, Math.ceil(course.durationHours / 6));
        // Nothing starts, ends or stops taking registrations on the seeding day itself: once the dates are
        // moved to today, each of them must be past or future whatever the hour (see seed/time-shift.ts).
        while ([offset, offset + days - 1, offset - 2, offset - 90].includes(0)) offset++;
        const start = at(now, offset, 8);
        const end = at(now, offset + days - 1, 16);
        const online = course.modality === 'online' || (course.modality === 'blended' && k % 2 === 1);
        let location: Session['location'];
        if (online) {
          location = { kind: 'online', platform: ctx.pick(['BigBlueButton', 'Zoom', 'Microsoft Teams']) };
        } else {
          const region = REGIONS[onSiteNumber++ % REGIONS.length]?.code ?? 'MA-01';
          const town = ctx.pick(townsOf(region));
          location = {
            kind: 'on_site',
            region,
            city: town.name,
            address: { ar: `دار الجمعيات، ${town.name.ar}`, fr: `Maison des associations, ${town.name.fr}` },
          };
        }
        const roll = ctx.random();
        const past = end <= nowAt;
        const status: Session['status'] =
          !past && roll < 0.06
            ? 'cancelled'
            : !past && roll < 0.11
              ? 'postponed'
              : past
                ? 'completed'
                : 'scheduled';
        const full = !past && status === 'scheduled' && roll > 0.88;
        const capacity = full ? ctx.randomInt(6, 10) : ctx.randomInt(15, 40);
        const language = ctx.pick(course.languages);
        const session: Session = {
          id: `ses_${pad(sessionNumber)}`,
          courseId: course.id,
          period: { start, end },
          timeZone: 'Africa/Casablanca',
          location,
          capacity,
          seatsLeft: capacity,
          waitlistCount: 0,
          registrationWindow: { opens: at(now, offset - 90, 8), closes: at(now, offset - 2, 22) },
          registrationState: status === 'postponed' ? 'suspended' : 'open',
          status,
          trainers: [{ name: ctx.pick(TRAINERS) }],
          language,
        };

        // Who registered: demo associations on some sessions, others at random.
        const wanted = full
          ? capacity + ctx.randomInt(1, 3)
          : status === 'cancelled'
            ? 0
            : ctx.randomInt(0, Math.min(10, capacity - 1));
        const registrations: { associationId: string; name: string; accountId?: string }[] = [];
        for (let r = 0; r < wanted; r++) {
          const associationId =
            r === 0 && sessionNumber % 3 === 0
              ? 'asso_0001'
              : r === 0 && sessionNumber % 5 === 0
                ? 'asso_0002'
                : ctx.pick(others);
          const name = `${ctx.pick(PARTICIPANTS)} ${r + 1}`;
          // The demo associations send the demo member, a member of both, by account: their registrations
          // name a person who can sign in, see them under "my registrations" and receive a certificate.
          registrations.push(
            r === 0 && DEMO_ASSOCIATIONS.has(associationId)
              ? { associationId, name: DEMO_MEMBER.name, accountId: DEMO_MEMBER.id }
              : { associationId, name },
          );
        }
        let confirmed = 0;
        let waitlisted = 0;
        const stored: Parameters<typeof insertRegistration>[1][] = [];
        for (const [r, who] of registrations.entries()) {
          registrationNumber++;
          const createdAt = at(now, offset - 40 + (r % 30), 10);
          const base = {
            id: `reg_${pad(registrationNumber, 5)}`,
            sessionId: session.id,
            courseId: course.id,
            associationId: who.associationId,
            participant: {
              name: who.name,
              ...(r % 2 === 0 ? { role: ctx.pick(ROLES) } : {}),
              ...(who.accountId ? { accountId: who.accountId } : {}),
            },
            createdAt: [createdAt, registeredBy].sort()[0] ?? registeredBy,
          };
          if (past) {
            const outcome = ctx.random();
            // Leave some attended but unevaluated registrations of asso_0001, for members to evaluate.
            const evaluated = outcome < 0.5 && who.associationId !== 'asso_0001';
            if (outcome < 0.85) {
              const completed = outcome < 0.7;
              stored.push({
                ...base,
                status: completed ? 'completed' : 'attended',
                attendance: { attendedHours: course.durationHours },
                ...(completed && course.credential !== 'none' ? { credentialIssuedOn: end } : {}),
                ...(evaluated
                  ? {
                      evaluation: {
                        rating: ctx.randomInt(3, 5),
                        comment: ctx.pick(EVALUATIONS),
                        submittedAt: end,
                      },
                    }
                  : {}),
              });
            } else {
              stored.push({ ...base, status: 'no_show', attendance: { attendedHours: 0 } });
            }
            confirmed++;
          } else if (confirmed < capacity) {
            stored.push({ ...base, status: 'confirmed' });
            confirmed++;
          } else {
            stored.push({ ...base, status: 'waitlisted' });
            waitlisted++;
          }
        }
        session.seatsLeft = past ? capacity - Math.min(capacity, confirmed) : capacity - confirmed;
        session.waitlistCount = waitlisted;
        await saveSession(db, session);
        for (const registration of stored) {
          const final = registration.status;
          const history = final === 'waitlisted' ? 'waitlisted' : 'confirmed';
          await insertRegistration(db, { ...registration, status: history });
          if (final !== history) {
            await db.write('UPDATE training_registrations SET status = ? WHERE id = ?', [
              final,
              registration.id,
            ]);
            await addHistory(db, registration.id, end, final);
          }
        }
      }
    }
  });
}
