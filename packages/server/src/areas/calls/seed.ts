// The demo calls and their history of applications, reviews, decisions and awards. Dates are relative to
// ctx.now so that "open" calls are open whenever the demo runs; every draw comes from ctx's seeded PRNG.
import { createHash } from 'node:crypto';
import {
  type Answers,
  type CallStatus,
  casablancaDate,
  casablancaEndOfDay,
  type DeadlineModel,
  DOMAINS,
  type EligibilityRule,
  type FormDefinition,
  type Instrument,
  type LegalForm,
  type LocalizedText,
  type Money,
  type RegionCode,
  type RequiredDocument,
  SECTORS,
  type Sector,
  type SelectionCriterion,
} from '@nassij/contract';
import { insertAward } from '../applications/awards.js';
import { writeConflictDeclaration, writeEligibilityCheck } from '../applications/governance.js';
import { writeReview } from '../applications/reviews.js';
import {
  insertApplication,
  insertAttachment,
  saveApplication,
  setApplicationStatus,
  writeDecision,
} from '../applications/store.js';
import type { SeedContext } from '../area.js';
import { associationName, associationRegion } from '../associations/store.js';
import { organisationIdOf } from '../organisations/organisation.js';
import { registerPublishedCall } from './authoring.js';
import { callReferencePrefix, type StoredCall, writeCall } from './store.js';

const DAY = 86_400_000;
const ZONE = 'Africa/Casablanca' as const;
/** The numbers of the calls `demoFixtures.calls` names at later stages: closedReceived, underReview, awarded. */
const MINISTRY_STAGE_CALLS = new Set([16, 18, 25]);

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
}

function iso(ms: number): string {
  return new Date(Math.floor(ms / 60_000) * 60_000).toISOString();
}

function pad(n: number, width = 4): string {
  return String(n).padStart(width, '0');
}

function mad(amount: number): Money {
  return { amount: `${Math.round(amount)}.00`, currency: 'MAD' };
}

function sha(text: string): string {
  return `sha256:${createHash('sha256').update(text).digest('hex')}`;
}

const domainName = (code: string): LocalizedText =>
  DOMAINS.find((d) => d.code === code)?.name ?? { fr: code };

const INSTRUMENT_NAMES: Record<Instrument, { ar: string; fr: string }> = {
  grant: { ar: 'منحة', fr: 'Subvention' },
  partnership_agreement: { ar: 'اتفاقية شراكة', fr: 'Convention de partenariat' },
  in_kind: { ar: 'دعم عيني', fr: 'Appui en nature' },
  capacity_building: { ar: 'تقوية القدرات', fr: 'Renforcement des capacités' },
};

const TITLE_PATTERNS: ((d: LocalizedText, i: Instrument) => LocalizedText)[] = [
  (d) => ({
    ar: `دعم مشاريع الجمعيات في مجال ${d.ar}`,
    fr: `Appel à projets : soutien aux associations dans le domaine « ${d.fr} »`,
  }),
  (d, i) => ({
    ar: `طلب مشاريع ${INSTRUMENT_NAMES[i].ar} لفائدة جمعيات المجتمع المدني - ${d.ar}`,
    fr: `Appel à propositions ${INSTRUMENT_NAMES[i].fr.toLowerCase()} pour la société civile – ${d.fr}`,
  }),
  (d) => ({
    ar: `برنامج الشراكة مع الجمعيات العاملة في ${d.ar}`,
    fr: `Programme de partenariat avec les associations œuvrant pour ${d.fr?.toLowerCase()}`,
  }),
  (d) => ({
    ar: `إعلان عن طلب عروض المشاريع الجمعوية: ${d.ar}`,
    fr: `Appel à projets associatifs — ${d.fr} et cohésion sociale`,
  }),
];

// Award ceilings spread over every award-range bucket (MAD).
const MAX_AWARDS = [
  30_000, 45_000, 80_000, 150_000, 180_000, 300_000, 500_000, 800_000, 1_200_000, 2_000_000,
];

const CRITERIA_SETS: { id: string; ar: string; fr: string }[][] = [
  [
    { id: 'relevance', ar: 'ملاءمة المشروع لأهداف البرنامج', fr: 'Pertinence au regard des objectifs' },
    { id: 'feasibility', ar: 'قابلية الإنجاز', fr: 'Faisabilité' },
    { id: 'impact', ar: 'الأثر على المستفيدين', fr: 'Impact sur les bénéficiaires' },
    { id: 'budget', ar: 'انسجام الميزانية', fr: 'Cohérence du budget' },
  ],
  [
    { id: 'relevance', ar: 'الملاءمة', fr: 'Pertinence' },
    { id: 'capacity', ar: 'قدرات الجمعية', fr: "Capacités de l'association" },
    { id: 'sustainability', ar: 'الاستدامة', fr: 'Durabilité' },
  ],
];
const WEIGHTS: Record<number, number[][]> = {
  4: [
    [30, 25, 25, 20],
    [40, 20, 25, 15],
  ],
  3: [
    [40, 30, 30],
    [50, 25, 25],
  ],
};

function criteriaFor(ctx: SeedContext): SelectionCriterion[] {
  const set = ctx.pick(CRITERIA_SETS);
  const weights = ctx.pick(WEIGHTS[set.length] ?? [[]]);
  const maxScore = ctx.pick([5, 10]);
  return set.map((c, i) => ({
    id: c.id,
    label: { ar: c.ar, fr: c.fr },
    weight: weights[i] ?? 0,
    maxScore,
    anchors: [
      { score: 0, description: { ar: 'غير مستوفى', fr: 'Non satisfait' } },
      { score: Math.round(maxScore / 2), description: { ar: 'مستوفى جزئيا', fr: 'Partiellement satisfait' } },
      { score: maxScore, description: { ar: 'مستوفى بشكل ممتاز', fr: 'Pleinement satisfait' } },
    ],
  }));
}

function documentsFor(withPhotos: boolean, odsToo: boolean): RequiredDocument[] {
  const docs: RequiredDocument[] = [
    {
      id: 'statutes',
      type: 'statutes',
      label: { ar: 'القانون الأساسي للجمعية', fr: "Statuts de l'association", zgh: 'ⴰⵏⴰⴹⴰⵡ ⴰⵙⵍⴰⵍ' },
      requirement: 'mandatory',
      mediaTypes: ['application/pdf'],
      maxBytes: 5 * 1024 * 1024,
    },
    {
      id: 'budget',
      type: 'budget-spreadsheet',
      label: { ar: 'الميزانية التقديرية للمشروع', fr: 'Budget prévisionnel du projet' },
      requirement: 'mandatory',
      mediaTypes: [
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        ...(odsToo ? ['application/vnd.oasis.opendocument.spreadsheet'] : []),
      ],
      maxBytes: 2 * 1024 * 1024,
      templateUrl: 'https://www.nassij.ma/modeles/budget-previsionnel.xlsx',
    },
  ];
  if (withPhotos)
    docs.push({
      id: 'photos',
      type: 'photos',
      label: { ar: 'صور الأنشطة السابقة', fr: 'Photos des activités précédentes' },
      requirement: 'conditional',
      condition: {
        ar: 'إذا سبق للجمعية أن استفادت من دعم في إطار هذا البرنامج',
        fr: "Si l'association a déjà bénéficié d'un soutien de ce programme",
      },
      mediaTypes: ['image/jpeg', 'image/png'],
      maxBytes: 8 * 1024 * 1024,
    });
  return docs;
}

/** A form using every field type; `version` 2 adds the co-financing question. */
function formFor(version: number, docs: RequiredDocument[], maxAward: Money | undefined): FormDefinition {
  return {
    version,
    sections: [
      {
        id: 'project',
        title: { ar: 'المشروع', fr: 'Le projet', zgh: 'ⴰⵙⵏⴼⴰⵔ' },
        fields: [
          {
            id: 'project_title',
            type: 'text',
            required: true,
            maxLength: 200,
            label: { ar: 'عنوان المشروع', fr: 'Titre du projet', zgh: 'ⴰⵣⵡⵍ ⵏ ⵓⵙⵏⴼⴰⵔ' },
          },
          {
            id: 'summary',
            type: 'long_text',
            required: true,
            maxLength: 4000,
            label: { ar: 'ملخص المشروع', fr: 'Résumé du projet' },
            hint: {
              ar: 'الأهداف والأنشطة والنتائج المنتظرة',
              fr: 'Objectifs, activités et résultats attendus',
            },
          },
          {
            id: 'start_date',
            type: 'date',
            required: true,
            label: { ar: 'تاريخ الانطلاق', fr: 'Date de début' },
          },
          {
            id: 'duration_months',
            type: 'number',
            required: true,
            integer: true,
            min: 1,
            max: 36,
            label: { ar: 'مدة المشروع بالأشهر', fr: 'Durée du projet (mois)' },
          },
          {
            id: 'project_region',
            type: 'region',
            required: true,
            label: { ar: 'جهة تنفيذ المشروع', fr: 'Région de mise en œuvre' },
          },
          {
            id: 'area',
            type: 'choice',
            required: true,
            label: { ar: 'مجال التدخل', fr: "Milieu d'intervention" },
            options: [
              { value: 'urban', label: { ar: 'حضري', fr: 'Urbain' } },
              { value: 'rural', label: { ar: 'قروي', fr: 'Rural' } },
              { value: 'mixed', label: { ar: 'مختلط', fr: 'Mixte' } },
            ],
          },
          {
            id: 'partners',
            type: 'multi_choice',
            required: false,
            label: { ar: 'الشركاء', fr: 'Partenaires' },
            options: [
              { value: 'commune', label: { ar: 'الجماعة', fr: 'Commune' } },
              { value: 'school', label: { ar: 'مؤسسة تعليمية', fr: 'Établissement scolaire' } },
              { value: 'private', label: { ar: 'القطاع الخاص', fr: 'Secteur privé' } },
              { value: 'other-ngo', label: { ar: 'جمعية أخرى', fr: 'Autre association' } },
            ],
          },
        ],
      },
      {
        id: 'budget',
        title: { ar: 'الميزانية', fr: 'Budget', zgh: 'ⵜⴰⵙⵎⵉⵍⵜ' },
        fields: [
          {
            id: 'budget_lines',
            type: 'budget_table',
            required: true,
            maxLines: 30,
            label: { ar: 'بنود الميزانية', fr: 'Lignes budgétaires' },
            categories: [
              { value: 'staff', label: { ar: 'الموارد البشرية', fr: 'Ressources humaines' } },
              { value: 'equipment', label: { ar: 'التجهيزات', fr: 'Équipement' } },
              { value: 'activities', label: { ar: 'الأنشطة', fr: 'Activités' } },
              { value: 'other', label: { ar: 'أخرى', fr: 'Autres' } },
            ],
          },
          {
            id: 'requested_amount',
            type: 'money',
            required: true,
            ...(maxAward ? { max: maxAward } : {}),
            label: { ar: 'المبلغ المطلوب', fr: 'Montant demandé' },
          },
          ...(version >= 2
            ? [
                {
                  id: 'other_funding',
                  type: 'long_text' as const,
                  required: false,
                  maxLength: 1000,
                  label: { ar: 'مصادر التمويل الأخرى', fr: 'Autres sources de financement' },
                },
              ]
            : []),
        ],
      },
      {
        id: 'beneficiaries',
        title: { ar: 'المستفيدون', fr: 'Bénéficiaires' },
        fields: [
          {
            id: 'beneficiaries',
            type: 'beneficiaries',
            required: true,
            label: { ar: 'الفئات المستفيدة', fr: 'Publics bénéficiaires' },
          },
        ],
      },
      {
        id: 'attachments',
        title: { ar: 'الوثائق', fr: 'Pièces jointes' },
        fields: docs.map((doc) => ({
          id: `doc_${doc.id}`,
          type: 'attachment' as const,
          documentId: doc.id,
          required: doc.requirement === 'mandatory',
          label: doc.label,
        })),
      },
    ],
  };
}

interface Plan {
  status: CallStatus;
  fiscalYear: number;
  /** For current-year calls: days from today to the closing date (negative: closed). */
  closesInDays?: number;
  rolling?: boolean;
  cutoffs?: boolean;
  laterPublication?: boolean;
}

function plans(thisYear: number): Plan[] {
  const y0 = thisYear;
  const y1 = thisYear - 1;
  const y2 = thisYear - 2;
  const list: Plan[] = [
    { status: 'open', fiscalYear: y0, closesInDays: 25 }, // call_0001
    { status: 'open', fiscalYear: y0, closesInDays: 1 }, // call_0002
    { status: 'open', fiscalYear: y0, closesInDays: 3 },
    { status: 'open', fiscalYear: y0, closesInDays: 12 },
    { status: 'open', fiscalYear: y0, closesInDays: 19 },
    { status: 'open', fiscalYear: y0, closesInDays: 45 },
    { status: 'open', fiscalYear: y0, closesInDays: 60 },
    { status: 'open', fiscalYear: y0, rolling: true },
    { status: 'open', fiscalYear: y0, cutoffs: true, closesInDays: 28 },
    { status: 'open', fiscalYear: y0, closesInDays: 6 },
    { status: 'open', fiscalYear: y0, closesInDays: 90, laterPublication: true },
    { status: 'open', fiscalYear: y0, rolling: true, laterPublication: true },
    { status: 'forecast', fiscalYear: y0, closesInDays: 70 },
    { status: 'forecast', fiscalYear: y0, closesInDays: 100 },
    { status: 'forecast', fiscalYear: y0, closesInDays: 130, laterPublication: true },
    { status: 'closed', fiscalYear: y0, closesInDays: -4 },
    { status: 'closed', fiscalYear: y0, closesInDays: -10 },
    { status: 'under_review', fiscalYear: y0, closesInDays: -20 },
    { status: 'under_review', fiscalYear: y0, closesInDays: -35 },
    { status: 'cancelled', fiscalYear: y0, closesInDays: 15 },
  ];
  const past = (fiscalYear: number, statuses: CallStatus[]) =>
    statuses.map((status, i) => ({ status, fiscalYear, laterPublication: i % 5 === 4 }));
  list.push(
    ...past(y1, [
      'awarded',
      'awarded',
      'awarded',
      'awarded',
      'awarded',
      'under_review',
      'awarded',
      'closed',
      'cancelled',
      'awarded',
      'awarded',
    ]),
    ...past(y2, [
      'awarded',
      'awarded',
      'awarded',
      'awarded',
      'cancelled',
      'awarded',
      'awarded',
      'awarded',
      'awarded',
      'awarded',
      'awarded',
      'awarded',
    ]),
  );
  return list;
}

interface Dates {
  publishedAt: string;
  opensAt: string;
  closes?: string;
  decisionAt: string;
}

function datesFor(ctx: SeedContext, plan: Plan, today: string): Dates {
  const nowMs = ctx.now.getTime();
  if (plan.fiscalYear < Number(today.slice(0, 4))) {
    // Past fiscal years: published in Q1 (a few later), open about six weeks.
    const month = plan.laterPublication ? ctx.randomInt(4, 8) : ctx.randomInt(1, 3);
    const published = `${plan.fiscalYear}-${pad(month, 2)}-${pad(ctx.randomInt(2, 27), 2)}`;
    const opens = addDays(published, ctx.randomInt(3, 10));
    const closes = addDays(opens, ctx.randomInt(30, 60));
    return {
      publishedAt: `${published}T09:00:00Z`,
      opensAt: `${opens}T08:00:00Z`,
      closes: casablancaEndOfDay(closes),
      decisionAt: `${addDays(closes, ctx.randomInt(30, 75))}T10:00:00Z`,
    };
  }
  const closesDate = plan.rolling ? undefined : addDays(today, plan.closesInDays ?? 30);
  if (plan.status === 'forecast') {
    const opens = addDays(today, ctx.randomInt(5, 20));
    return {
      publishedAt: iso(nowMs - ctx.randomInt(2, 20) * DAY),
      opensAt: `${opens}T08:00:00Z`,
      ...(closesDate ? { closes: casablancaEndOfDay(closesDate) } : {}),
      decisionAt: `${addDays(closesDate ?? opens, 45)}T10:00:00Z`,
    };
  }
  // Current year: published in Q1 when the calendar allows it, otherwise some weeks before opening.
  const opensMs = Math.min(
    nowMs - ctx.randomInt(2, 10) * DAY,
    closesDate ? Date.parse(`${closesDate}T00:00:00Z`) - 30 * DAY : nowMs,
  );
  let publishedMs = opensMs - ctx.randomInt(3, 12) * DAY;
  const q1End = Date.parse(`${plan.fiscalYear}-03-31T12:00:00Z`);
  const yearStart = Date.parse(`${plan.fiscalYear}-01-02T09:00:00Z`);
  if (!plan.laterPublication && publishedMs > q1End) publishedMs = q1End - ctx.randomInt(0, 60) * DAY;
  if (plan.laterPublication && publishedMs <= q1End && nowMs > q1End + 5 * DAY) publishedMs = q1End + 2 * DAY;
  if (publishedMs < yearStart && nowMs > yearStart) publishedMs = yearStart;
  const opens = Math.max(Math.min(opensMs, nowMs - DAY), publishedMs + DAY);
  return {
    publishedAt: iso(Math.min(publishedMs, nowMs - 2 * DAY)),
    opensAt: iso(Math.min(opens, nowMs - DAY)),
    ...(closesDate ? { closes: casablancaEndOfDay(closesDate) } : {}),
    decisionAt: `${addDays(closesDate ?? today, 60)}T10:00:00Z`,
  };
}

const TIFINAGH_SUMMARY = 'ⴰⵙⵉⵡⵍ ⵉ ⵜⵎⵙⵙⵓⴷⴰⵙⵉⵏ ⵉ ⵢⵓⵙⴰⵏ ⵙ ⵓⵙⵏⴼⴰⵔ ⵏ ⵓⵙⵏⴼⵍ ⴰⵏⴰⵎⵓⵏ';

/**
 * One demo call. `sector` decides where it applies (a council's call is for its region); `funder`, the body
 * that runs it, is the same sector except for the calls the fixtures name at later stages.
 */
function buildCall(
  ctx: SeedContext,
  n: number,
  plan: Plan,
  sector: Sector,
  today: string,
  funder: Sector = sector,
): StoredCall {
  const first = n === 1;
  const instrument: Instrument = first
    ? 'grant'
    : ctx.pick(['grant', 'grant', 'partnership_agreement', 'in_kind', 'capacity_building'] as const);
  const domains = first
    ? ['education', 'womens-rights', 'youth']
    : [...new Set([ctx.pick(DOMAINS).code, ...(ctx.random() < 0.5 ? [ctx.pick(DOMAINS).code] : [])])];
  const lead = domainName(domains[0] ?? 'education');
  const regional = sector.region !== undefined;
  const national = first || n === 2 || (!regional && ctx.random() < 0.7);
  const eligibleRegions = regional
    ? [sector.region ?? 'MA-01']
    : national
      ? []
      : [
          ...new Set([
            ctx.pick<RegionCode>(['MA-05', 'MA-07', 'MA-08', 'MA-11']),
            ctx.pick<RegionCode>(['MA-09', 'MA-10', 'MA-12']),
          ]),
        ];
  const maxAwardMad = first ? 150_000 : n === 2 ? 40_000 : ctx.pick(MAX_AWARDS);
  const minAwardMad = Math.round(maxAwardMad / ctx.pick([4, 5, 10]) / 1000) * 1000;
  const expectedAwards = ctx.randomInt(5, 25);
  const maxAward = mad(maxAwardMad);
  const dates = datesFor(ctx, plan, today);
  const deadlineModel: DeadlineModel = plan.rolling
    ? { kind: 'rolling' }
    : plan.cutoffs && dates.closes
      ? {
          kind: 'cutoffs',
          cutoffs: [
            { at: dates.closes, timeZone: ZONE },
            { at: casablancaEndOfDay(addDays(dates.closes.slice(0, 10), 91)), timeZone: ZONE },
          ],
        }
      : { kind: 'single' };
  const docs = first ? documentsFor(false, false) : documentsFor(ctx.random() < 0.4, ctx.random() < 0.5);
  const version = !first && ctx.random() < 0.3 ? 2 : 1;
  const legalForms: LegalForm[] = first
    ? ['association', 'federation', 'public_utility_association']
    : ctx.pick<LegalForm[]>([
        ['association', 'federation', 'network', 'public_utility_association'],
        ['association', 'public_utility_association'],
        ['association', 'federation'],
      ]);
  const rules: EligibilityRule[] = [
    {
      type: 'legal_form_in',
      id: 'legal_form',
      values: legalForms,
      text: { ar: 'الجمعيات المؤسسة طبقا للقانون', fr: 'Associations régulièrement constituées' },
    },
  ];
  if (eligibleRegions.length > 0)
    rules.push({
      type: 'region_in',
      id: 'region',
      regions: eligibleRegions,
      text: { ar: 'الجمعيات المتواجدة بالجهة المعنية', fr: 'Associations établies dans la région concernée' },
    });
  if (first || ctx.random() < 0.5)
    rules.push({
      type: 'min_age_years',
      id: 'age',
      years: first ? 2 : ctx.pick([1, 2, 3]),
      text: { ar: 'مرور سنتين على الأقل على التأسيس', fr: "Au moins deux ans d'existence" },
    });
  if (first || ctx.random() < 0.4)
    rules.push({ type: 'domain_any', id: 'domain', domains: domains as never });
  if (!first && ctx.random() < 0.4) rules.push({ type: 'annual_reports_filed', id: 'reports', years: 2 });
  if (!first && ctx.random() < 0.08) rules.push({ type: 'public_utility', id: 'rup' });
  if (!first && ctx.random() < 0.08)
    rules.push({ type: 'size_band_in', id: 'size', values: ['6-20', '21-50', '51+'] });
  const title = TITLE_PATTERNS[n % TITLE_PATTERNS.length]?.(lead, instrument) ?? { fr: 'Appel' };
  const sectorName = funder.name;
  const summary: LocalizedText = {
    ar: `يعلن ${sectorName.ar} عن طلب مشاريع لفائدة الجمعيات في مجال ${lead.ar}، في إطار ${INSTRUMENT_NAMES[instrument].ar}.`,
    fr: `${sectorName.fr} lance un appel à projets destiné aux associations actives dans le domaine « ${lead.fr} » (${INSTRUMENT_NAMES[instrument].fr.toLowerCase()}).`,
    ...(n % 3 === 0 ? { zgh: TIFINAGH_SUMMARY } : {}),
  };
  const reference = `${callReferencePrefix(funder.code)}-${plan.fiscalYear}-${pad(n)}`;
  const coFinancingPercent = ctx.pick([0, 10, 20, 30]);
  const amendments =
    version === 2 || (!first && ctx.random() < 0.2)
      ? [
          {
            version: 2,
            at: iso(Date.parse(dates.publishedAt) + 86_400_000),
            summary: {
              ar: 'تحيين استمارة الطلب وإضافة سؤال حول مصادر التمويل الأخرى',
              fr: 'Mise à jour du formulaire : question sur les autres sources de financement',
            },
            fields: ['form', 'dates.closes'],
          },
        ]
      : [];
  return {
    id: `call_${pad(n)}`,
    reference,
    title,
    summary,
    funder: {
      organisationId: organisationIdOf(funder.code),
      sectorCode: funder.code,
      name: funder.name,
      level: funder.level,
    },
    ...(n % 4 === 1
      ? { programme: { ar: 'برنامج دعم المجتمع المدني', fr: "Programme d'appui à la société civile" } }
      : {}),
    fiscalYear: plan.fiscalYear,
    instrument,
    domains,
    coverage: eligibleRegions.length === 0 ? 'national' : 'regions',
    eligibleRegions,
    budget: {
      total: mad(maxAwardMad * expectedAwards),
      minAward: mad(minAwardMad),
      maxAward,
      expectedAwards,
      ...(coFinancingPercent > 0 ? { coFinancingPercent } : {}),
    },
    dates: {
      publishedAt: dates.publishedAt,
      opensAt: dates.opensAt,
      ...(dates.closes ? { closes: { at: dates.closes, timeZone: ZONE } } : {}),
      ...(n % 3 === 0 && Date.parse(dates.opensAt) + 11 * DAY < Date.parse(dates.closes ?? dates.decisionAt)
        ? {
            enquiryPeriod: {
              start: dates.opensAt,
              end: iso(Date.parse(dates.opensAt) + 10 * DAY),
            },
            infoSessions: [
              {
                at: iso(Date.parse(dates.opensAt) + 5 * DAY + 36_000_000),
                place: { ar: 'قاعة الاجتماعات بمقر القطاع', fr: 'Salle de réunion du siège' },
                url: 'https://www.nassij.ma/sessions/information',
              },
            ],
          }
        : {}),
      decisionExpectedAt: dates.decisionAt,
    },
    deadlineModel,
    status: plan.status,
    version: Math.max(version, amendments.length > 0 ? 2 : 1),
    description: {
      ar: `${summary.ar}\nيهدف هذا الطلب إلى تشجيع المبادرات الجمعوية المبتكرة وتعزيز أثرها على الساكنة المستهدفة. تُقبل المشاريع التي تُنجز داخل أجل لا يتعدى ستة وثلاثين شهرا.`,
      fr: `${summary.fr}\nCet appel vise à encourager les initiatives associatives innovantes et à renforcer leur impact sur les populations ciblées. Les projets doivent être réalisés en trente-six mois au plus.`,
    },
    eligibleApplicantTypes: legalForms,
    eligibility: {
      rules,
      text: {
        ar: 'يجب أن تكون الجمعية في وضعية قانونية سليمة وأن تكون قد أودعت تقاريرها السنوية.',
        fr: "L'association doit être en situation régulière et avoir déposé ses rapports annuels.",
      },
    },
    criteria: criteriaFor(ctx),
    requiredDocuments: docs,
    form: formFor(version, docs, maxAward),
    amendments,
    contact: {
      name: { ar: 'مصلحة الشراكة مع الجمعيات', fr: 'Service du partenariat associatif' },
      email: `partenariat@${funder.code}.gov.ma`,
      phone: `+212 537 ${pad(ctx.randomInt(10, 99), 2)} ${pad(ctx.randomInt(10, 99), 2)} ${pad(ctx.randomInt(10, 99), 2)}`,
    },
    documents: [
      {
        title: { ar: 'دفتر التحملات', fr: 'Cahier des charges' },
        url: `https://www.nassij.ma/documents/${reference.toLowerCase()}.pdf`,
        mediaType: 'application/pdf',
      },
    ],
    review: { reviewsPerApplication: 1, appealDays: 30 },
    reports: [
      {
        id: 'progress',
        kind: 'progress',
        label: { ar: 'تقرير مرحلي', fr: 'Rapport d’étape', en: 'Progress report' },
        dueOn: casablancaDate(new Date(Date.parse(dates.decisionAt) + 180 * DAY)),
      },
      {
        id: 'final',
        kind: 'final',
        label: {
          ar: 'التقرير النهائي والمالي',
          fr: 'Rapport final et financier',
          en: 'Final and financial report',
        },
        dueOn: casablancaDate(new Date(Date.parse(dates.decisionAt) + 365 * DAY)),
      },
    ],
  };
}

const PROJECTS = [
  'Tamkine : insertion des jeunes par le numérique',
  'مشروع محو الأمية الوظيفية لفائدة النساء القرويات',
  'Eau potable pour les douars de la commune',
  'مبادرة التربية الدامجة للأطفال في وضعية إعاقة',
  'Atelier de couture et coopérative féminine',
  'برنامج الدعم المدرسي والتوجيه',
  'Caravane médicale et sensibilisation sanitaire',
  'Festival culturel des jeunes talents',
  'تأهيل الملاعب الرياضية للقرب',
  'Jardins scolaires et éducation environnementale',
];

async function seedApplications(ctx: SeedContext, calls: StoredCall[]): Promise<void> {
  const { db } = ctx;
  const nowMs = ctx.now.getTime();
  const all = await db.all<{ id: string; region: string }>('SELECT id, region FROM associations ORDER BY id');
  if (all.length === 0) return;
  let counter = 0;
  const reviewers = [ctx.accounts.reviewer, ctx.accounts.admin];
  for (const call of calls) {
    if (!['closed', 'under_review', 'awarded'].includes(call.status) || !call.dates.closes) continue;
    const pool =
      call.coverage === 'national'
        ? all
        : all.filter((a) => call.eligibleRegions.includes(a.region as RegionCode));
    const chosen = new Set<string>();
    // The demo member's associations have a history too.
    if (call.coverage === 'national' && call.fiscalYear < ctx.now.getUTCFullYear() && counter % 3 === 0)
      chosen.add('asso_0001');
    const count = Math.min(pool.length, ctx.randomInt(4, 9));
    for (let guard = 0; chosen.size < count && guard < 100; guard++) chosen.add(ctx.pick(pool).id);
    const closesMs = Date.parse(call.dates.closes.at);
    const maxMinor = Number(call.budget.maxAward?.amount.split('.')[0] ?? 100_000);
    const minMinor = Number(call.budget.minAward?.amount.split('.')[0] ?? 10_000);
    const decidedMs = Math.min(
      Date.parse(call.dates.decisionExpectedAt ?? call.dates.closes.at),
      nowMs - DAY,
    );
    let awardedCount = 0;
    for (const associationId of chosen) {
      counter++;
      const id = `app_${pad(counter)}`;
      const name = (await associationName(db, associationId)) ?? { fr: associationId };
      const region = (await associationRegion(db, associationId)) ?? 'MA-01';
      const createdMs = Math.max(
        Date.parse(call.dates.opensAt) + DAY,
        closesMs - ctx.randomInt(10, 30) * DAY,
      );
      const submittedMs = Math.min(createdMs + ctx.randomInt(1, 8) * DAY, closesMs - 3_600_000);
      const requested = Math.round(ctx.randomInt(minMinor, maxMinor) / 1000) * 1000;
      const projectTitle = ctx.pick(PROJECTS);
      const answers: Answers = {
        project_title: projectTitle,
        summary:
          'Projet porté par l’association au profit de la population locale. مشروع لفائدة الساكنة المحلية.',
        start_date: casablancaDate(new Date(closesMs + 60 * DAY)),
        duration_months: ctx.randomInt(6, 24),
        project_region: region,
        area: ctx.pick(['urban', 'rural', 'mixed']),
        partners: ['commune'],
        budget_lines: {
          lines: [
            {
              id: 'l1',
              label: 'Activités',
              category: 'activities',
              amount: mad(requested * 0.7 + 10_000),
              coFinanced: mad(10_000),
            },
            {
              id: 'l2',
              label: 'Équipement',
              category: 'equipment',
              amount: mad(requested * 0.3),
              coFinanced: mad(0),
            },
          ],
        },
        requested_amount: mad(requested),
        beneficiaries: {
          count: ctx.randomInt(40, 900),
          women: ctx.randomInt(10, 40),
          youth: ctx.randomInt(5, 30),
        },
      };
      const at = (ms: number) => iso(ms);
      await insertApplication(db, {
        id,
        callId: call.id,
        associationId,
        associationName: name,
        region,
        formVersion: call.form.version,
        createdAt: at(createdMs),
        actor: ctx.accounts.member.id,
      });
      for (const doc of call.requiredDocuments.filter((d) => d.requirement === 'mandatory')) {
        const ext = doc.id === 'statutes' ? 'pdf' : 'xlsx';
        await insertAttachment(db, id, {
          id: `att_${pad(counter)}_${doc.id}`,
          documentId: doc.id,
          fileName: `${doc.id}.${ext}`,
          size: ctx.randomInt(20_000, 900_000),
          mediaType: doc.mediaTypes[0] ?? 'application/pdf',
          sha256: sha(`${id}/${doc.id}`),
          scanState: 'clean',
          uploadedAt: at(createdMs + 3_600_000),
        });
      }
      const receipt = {
        number: `RC-${call.fiscalYear}-${pad(counter, 6)}`,
        submittedAt: at(submittedMs),
        timeZone: ZONE,
        contentHash: sha(JSON.stringify(answers)),
      };
      await saveApplication(
        db,
        id,
        {
          projectTitle,
          requestedAmount: mad(requested),
          answers,
          autosavedAt: at(submittedMs - 600_000),
          submittedAt: receipt.submittedAt,
          submittedBy: {
            id: ctx.accounts.representative.id,
            displayName: ctx.accounts.representative.displayName,
          },
          receipt,
        },
        at(submittedMs),
      );
      await setApplicationStatus(db, id, 'submitted', at(submittedMs));
      await setApplicationStatus(db, id, 'received', at(submittedMs + 60_000));
      if (call.status === 'closed') {
        if (ctx.random() < 0.5) await setApplicationStatus(db, id, 'eligibility_check', at(closesMs + DAY));
        continue;
      }
      await setApplicationStatus(db, id, 'eligibility_check', at(closesMs + DAY));
      if (ctx.random() < 0.2) {
        const reason = 'Dossier incomplet : rapports annuels non déposés. الملف غير مكتمل.';
        await writeEligibilityCheck(db, id, { admissible: false, reason, checkedAt: at(closesMs + 5 * DAY) });
        await setApplicationStatus(db, id, 'rejected', at(closesMs + 5 * DAY), { reason });
        continue;
      }
      await writeEligibilityCheck(db, id, { admissible: true, checkedAt: at(closesMs + 7 * DAY) });
      await setApplicationStatus(db, id, 'under_review', at(closesMs + 7 * DAY));
      const reviewCount = call.status === 'awarded' ? 2 : ctx.randomInt(0, 2);
      let total = 0;
      for (const reviewer of reviewers.slice(0, reviewCount)) {
        const scores = call.criteria.map((c) => ({ criterionId: c.id, score: ctx.randomInt(1, c.maxScore) }));
        const weighted =
          Math.round(
            call.criteria.reduce((sum, c, i) => sum + ((scores[i]?.score ?? 0) / c.maxScore) * c.weight, 0) *
              100,
          ) / 100;
        total += weighted;
        const reviewedAt = at(Math.min(closesMs + ctx.randomInt(8, 20) * DAY, nowMs - 3_600_000));
        await writeConflictDeclaration(db, {
          applicationId: id,
          reviewerId: reviewer.id,
          declared: false,
          declaredAt: reviewedAt,
        });
        await writeReview(db, {
          id: `rev_${pad(counter)}_${reviewer.id}`,
          applicationId: id,
          reviewer: { id: reviewer.id, displayName: reviewer.displayName },
          conflictOfInterest: { declared: false },
          scores,
          weightedTotal: weighted,
          comment: 'Projet pertinent ; budget à préciser.',
          submittedAt: reviewedAt,
        });
      }
      if (call.status !== 'awarded') continue;
      const wins = total / Math.max(1, reviewCount) >= 45 && awardedCount < (call.budget.expectedAwards ?? 5);
      const decidedAt = at(decidedMs);
      const appealUntil = casablancaEndOfDay(addDays(casablancaDate(new Date(decidedMs)), 30));
      if (wins) {
        awardedCount++;
        const amount = mad(Math.max(minMinor, Math.min(maxMinor, requested)));
        await writeDecision(
          db,
          id,
          {
            outcome: 'awarded',
            amount,
            conditions: 'Rapport financier à remettre sous douze mois.',
            decidedAt,
            appealUntil,
          },
          ctx.accounts.admin.id,
        );
        await setApplicationStatus(db, id, 'awarded', decidedAt, { actor: ctx.accounts.admin.id });
        await insertAward(db, { applicationId: id, amount, decidedAt });
      } else {
        const reason = 'Score insuffisant au regard des critères publiés.';
        await writeDecision(
          db,
          id,
          { outcome: 'rejected', reason, decidedAt, appealUntil },
          ctx.accounts.admin.id,
        );
        await setApplicationStatus(db, id, 'rejected', decidedAt, { reason, actor: ctx.accounts.admin.id });
      }
    }
  }
}

/**
 * Seeds 43 demo calls over three fiscal years, every status, sector and funder level, then the
 * applications, reviews, decisions and awards of the closed ones. `call_0001` is an open national grant
 * (every field type, two mandatory documents, at least two years of existence: `asso_0001` is eligible,
 * `asso_0002` too young); `call_0002` is open and closes tomorrow at 23:59 Casablanca time.
 *
 * @example
 * ```ts
 * export const callsArea: Area = { name: 'calls', migrations: [callsMigration], seedDemo: seedCalls, register };
 * ```
 */
export async function seedCalls(ctx: SeedContext): Promise<void> {
  const today = casablancaDate(ctx.now);
  const thisYear = Number(today.slice(0, 4));
  const national = SECTORS.filter((s) => s.level === 'national');
  const calls: StoredCall[] = [];
  plans(thisYear).forEach((plan, index) => {
    const n = index + 1;
    // Round-robin over every sector so each funder level is present; the two demo calls are ministries',
    // and the ministry of the first also runs the calls the fixtures name at each later stage (waiting for the
    // eligibility check, under review, awarded), so that its demo staff have a selection to run. Those keep
    // their round-robin sector's reach (regions), so the rest of the demo is drawn as before.
    const sector =
      n <= 2 ? (national[n - 1] ?? SECTORS[0]) : (SECTORS[(index * 7) % SECTORS.length] ?? SECTORS[0]);
    if (!sector) throw new Error('no sectors');
    const funder = MINISTRY_STAGE_CALLS.has(n) ? (national[0] ?? sector) : sector;
    calls.push(buildCall(ctx, n, plan, sector, today, funder));
  });
  await ctx.db.atomic(async () => {
    for (const call of calls) {
      await writeCall(ctx.db, call);
      await registerPublishedCall(ctx.db, call);
      // The demo reviewer is an independent expert assigned to every demo call, so that any application
      // a demo association submits can be reviewed.
      await ctx.db.write('INSERT INTO call_reviewers (call_id, account_id, assigned_at) VALUES (?, ?, ?)', [
        call.id,
        ctx.accounts.reviewer.id,
        call.dates.publishedAt,
      ]);
    }
    await seedApplications(ctx, calls);
  });
}
