import * as z from 'zod/mini';
import { RegionCode } from '../shared/ids.js';
import { Instant } from '../shared/instant.js';
import { LocalizedText } from '../shared/localized-text.js';

/**
 * The indicators of commitment MO0057 that the platform computes from its own data.
 *
 * @example
 * ```ts
 * const code: IndicatorCode = 'associations_supported_share';
 * ```
 */
export const INDICATOR_CODES = [
  'associations_supported_share',
  'support_concentration_top_fifth',
  'calls_published_q1',
  'consultations_held',
  'participants_per_consultation',
  'recommendations_per_consultation',
  'sectors_involved',
  'trainings_held',
  'beneficiaries_people',
  'beneficiaries_associations',
  'services_available',
  'associations_trained_per_competency',
] as const;
export type IndicatorCode = (typeof INDICATOR_CODES)[number];
/** Schema of an {@link IndicatorCode}. */
export const IndicatorCode = /* @__PURE__ */ (() => z.enum(INDICATOR_CODES))();

/**
 * How a value reads: `count` is a whole number, `percent` is 0–100, `ratio` an average, `money` MAD.
 *
 * @example
 * ```ts
 * const unit: IndicatorUnit = 'percent';
 * ```
 */
export const IndicatorUnit = /* @__PURE__ */ (() => z.enum(['count', 'percent', 'ratio', 'money']))();
export type IndicatorUnit = z.infer<typeof IndicatorUnit>;

/**
 * The dimensions an indicator can be broken down by. A `competency_region` key is the competency's code and
 * the region's, joined by `|` (`advocacy|MA-06`).
 *
 * @example
 * ```ts
 * const dimension: BreakdownDimension = 'funder_level';
 * ```
 */
export const BreakdownDimension = /* @__PURE__ */ (() =>
  z.enum(['region', 'domain', 'funder_level', 'year', 'consultation', 'competency', 'competency_region']))();
export type BreakdownDimension = z.infer<typeof BreakdownDimension>;

function hasAtMostTwoDecimals(value: number): boolean {
  const scaled = value * 100;
  return Math.abs(scaled - Math.round(scaled)) < 1e-6;
}

/** Whether `value` is well formed for `unit`; indicators are published rounded, never as raw floats. */
function fitsUnit(unit: IndicatorUnit, value: number): boolean {
  if (!Number.isFinite(value) || value < 0) return false;
  if (unit === 'count') return Number.isInteger(value);
  if (unit === 'percent' && value > 100) return false;
  return hasAtMostTwoDecimals(value);
}

const Amount = /* @__PURE__ */ (() => z.number().check(z.nonnegative()))();

/**
 * One value of an indicator for one key of a dimension (a region, a domain, a consultation…).
 *
 * @example
 * ```ts
 * const row: IndicatorBreakdown = { dimension: 'region', key: 'MA-06', value: 14.2, numerator: 142, denominatorValue: 1000 };
 * ```
 */
export const IndicatorBreakdown = /* @__PURE__ */ (() =>
  z.strictObject({
    dimension: BreakdownDimension,
    key: z.string().check(z.minLength(1), z.maxLength(128)),
    label: z.optional(LocalizedText),
    value: z.number(),
    numerator: z.optional(Amount),
    denominatorValue: z.optional(Amount),
  }))();
export type IndicatorBreakdown = z.infer<typeof IndicatorBreakdown>;

/**
 * An indicator computed for one year, with its definition and denominator published beside the value.
 * A percent is 0–100 with at most two decimals; a count is a whole number.
 *
 * @example
 * ```ts
 * const share: Indicator = {
 *   code: 'associations_supported_share', ...INDICATOR_DEFINITIONS.associations_supported_share,
 *   period: { year: 2026 }, value: 12.5, numerator: 25_000, denominatorValue: 200_000,
 *   computedAt: '2026-06-01T00:00:00Z',
 * };
 * ```
 */
export const Indicator = /* @__PURE__ */ (() =>
  z
    .strictObject({
      code: IndicatorCode,
      name: LocalizedText,
      definition: LocalizedText,
      denominator: z.optional(LocalizedText),
      unit: IndicatorUnit,
      period: z.strictObject({ year: z.number().check(z.int(), z.minimum(2000), z.maximum(2100)) }),
      value: z.number(),
      numerator: z.optional(Amount),
      denominatorValue: z.optional(Amount),
      breakdown: z.optional(z.array(IndicatorBreakdown)),
      computedAt: Instant,
    })
    .check(
      z.refine((i) => fitsUnit(i.unit, i.value), {
        message: 'The value does not fit the unit (count: whole; percent: 0–100; at most two decimals)',
        path: ['value'],
      }),
      z.refine((i) => (i.breakdown ?? []).every((row) => fitsUnit(i.unit, row.value)), {
        message: 'A breakdown value does not fit the unit',
        path: ['breakdown'],
      }),
    ))();
export type Indicator = z.infer<typeof Indicator>;

/**
 * Query of `GET /v1/indicators`: the year (default: the latest complete year with data — annual figures of a
 * year still under way would read as a collapse), a region, some codes.
 *
 * @example
 * ```ts
 * validate(IndicatorQuery, { year: '2026', region: 'MA-06', code: ['trainings_held'] }, 'query');
 * ```
 */
export const IndicatorQuery = /* @__PURE__ */ (() =>
  z.strictObject({
    year: z.optional(z.coerce.number<number>().check(z.int(), z.minimum(2000), z.maximum(2100))),
    region: z.optional(RegionCode),
    code: z.optional(z.array(IndicatorCode)),
  }))();
export type IndicatorQuery = z.infer<typeof IndicatorQuery>;

/**
 * The indicators of one year (and region, when asked), and the years that have data.
 *
 * @example
 * ```ts
 * const set: IndicatorSet = { year: 2026, indicators: [share], years: [2025, 2026] };
 * ```
 */
export const IndicatorSet = /* @__PURE__ */ (() =>
  z.strictObject({
    year: z.number().check(z.int(), z.minimum(2000), z.maximum(2100)),
    region: z.optional(RegionCode),
    indicators: z.array(Indicator),
    years: z.array(z.number().check(z.int())),
  }))();
export type IndicatorSet = z.infer<typeof IndicatorSet>;

/**
 * A published text: Arabic, French and English always; Tamazight when a reviewed translation exists.
 */
export interface PublishedText {
  ar: string;
  fr: string;
  en: string;
  zgh?: string;
}

/** The published name, definition, denominator and unit of one indicator. */
export interface IndicatorDefinition {
  unit: IndicatorUnit;
  name: PublishedText;
  definition: PublishedText;
  /** Absent for plain counts, which have no denominator. */
  denominator?: PublishedText;
}

const CONSULTATIONS_CLOSED: PublishedText = {
  ar: 'عدد الاستشارات العمومية التي انتهت فترة المشاركة فيها خلال السنة',
  fr: "Nombre de consultations publiques dont la période de participation s'est close dans l'année",
  en: 'Number of public consultations whose participation period closed in the year',
};

/**
 * What each indicator means, as published beside its value. Years are calendar years in
 * `Africa/Casablanca` time; "registered associations" are those in the platform's register.
 *
 * @example
 * ```ts
 * INDICATOR_DEFINITIONS.trainings_held.name.fr; // 'Sessions de formation réalisées'
 * ```
 */
export const INDICATOR_DEFINITIONS: Readonly<Record<IndicatorCode, IndicatorDefinition>> = {
  associations_supported_share: {
    unit: 'percent',
    name: {
      ar: 'نسبة الجمعيات المستفيدة من الدعم العمومي',
      fr: 'Part des associations ayant bénéficié du soutien public',
      en: 'Share of associations that received public support',
    },
    definition: {
      ar: 'عدد الجمعيات المسجلة التي حصلت على منحة واحدة على الأقل من الدعم العمومي تقرر منحها خلال السنة، مقسوما على عدد الجمعيات المسجلة، معبرا عنه بنسبة مئوية. تحتسب كل جمعية مرة واحدة مهما كان عدد المنح التي حصلت عليها.',
      fr: "Nombre d'associations enregistrées ayant obtenu au moins une subvention publique décidée dans l'année, divisé par le nombre d'associations enregistrées, en pourcentage. Chaque association est comptée une seule fois, quel que soit le nombre de subventions reçues.",
      en: 'Number of registered associations that received at least one public support award decided in the year, divided by the number of registered associations, as a percentage. Each association counts once, however many awards it received.',
    },
    denominator: {
      ar: 'عدد الجمعيات المسجلة في 31 دجنبر من السنة، ضمن الجهة أو المجال المعروض',
      fr: "Nombre d'associations enregistrées au 31 décembre de l'année, dans la région ou le domaine affiché",
      en: 'Number of registered associations on 31 December of the year, within the region or domain shown',
    },
  },
  support_concentration_top_fifth: {
    unit: 'percent',
    name: {
      ar: 'تركز الدعم: حصة الخُمس الأعلى استفادة',
      fr: 'Concentration du soutien : part du cinquième le mieux doté',
      en: 'Support concentration: share of the top fifth',
    },
    definition: {
      ar: 'حصة المبلغ الإجمالي الممنوح خلال السنة التي عادت إلى خُمس الجمعيات المستفيدة الأعلى استفادة، بعد ترتيبها حسب مجموع المبالغ التي حصلت عليها خلال السنة (يقرب الخُمس إلى العدد الصحيح الأعلى). تعني 20% توزيعا متساويا، وتعني 100% أن هذا الخُمس حصل على كل الدعم.',
      fr: "Part du montant total attribué dans l'année qui revient au cinquième des associations bénéficiaires ayant reçu le plus, classées par montant total reçu dans l'année (le cinquième est arrondi à l'unité supérieure). 20 % signifie une répartition égale ; 100 % signifie que ce cinquième a tout reçu.",
      en: 'Share of the total amount awarded in the year that went to the top fifth of recipient associations, ranked by the total amount each received in the year (the fifth is rounded up). 20% means support is spread evenly; 100% means the top fifth received everything.',
    },
    denominator: {
      ar: 'المبلغ الإجمالي للدعم العمومي الممنوح للجمعيات خلال السنة، بالدرهم',
      fr: "Montant total du soutien public attribué aux associations dans l'année, en dirhams",
      en: 'Total amount of public support awarded to associations in the year, in dirhams',
    },
  },
  calls_published_q1: {
    unit: 'count',
    name: {
      ar: 'طلبات العروض المنشورة خلال الفصل الأول',
      fr: 'Appels à projets publiés au premier trimestre',
      en: 'Calls published in the first quarter',
    },
    definition: {
      ar: 'عدد طلبات العروض الخاصة بالدعم العمومي للجمعيات التي نشرت بين فاتح يناير و31 مارس من السنة (بتوقيت الدار البيضاء)، إذ يقتضي الالتزام نشرها بشكل استباقي خلال الفصل الأول.',
      fr: "Nombre d'appels à projets de soutien public aux associations publiés entre le 1er janvier et le 31 mars de l'année (heure de Casablanca), l'engagement prévoyant leur publication proactive au premier trimestre.",
      en: 'Number of calls for public support to associations published between 1 January and 31 March of the year (Casablanca time), as the commitment asks for calls to be published proactively in the first quarter.',
    },
  },
  consultations_held: {
    unit: 'count',
    name: {
      ar: 'الاستشارات العمومية المنظمة',
      fr: 'Consultations publiques menées',
      en: 'Public consultations held',
    },
    definition: {
      ar: 'عدد الاستشارات العمومية التي فتحت فيها فترة المشاركة خلال السنة، باستثناء الاستشارات الملغاة.',
      fr: "Nombre de consultations publiques dont la période de participation s'est ouverte dans l'année, hors consultations annulées.",
      en: 'Number of public consultations whose participation period opened in the year, cancelled consultations excluded.',
    },
  },
  participants_per_consultation: {
    unit: 'ratio',
    name: {
      ar: 'متوسط عدد المشاركين في كل استشارة',
      fr: 'Participants par consultation',
      en: 'Participants per consultation',
    },
    definition: {
      ar: 'مجموع المشاركين المتميزين (أشخاص أو جمعيات ساهموا أو علقوا أو أيدوا مساهمة) في الاستشارات التي انتهت خلال السنة، مقسوما على عدد هذه الاستشارات. يحتسب كل مشارك مرة واحدة في كل استشارة.',
      fr: "Total des participants distincts (personnes ou associations ayant contribué, commenté ou soutenu une contribution) aux consultations closes dans l'année, divisé par le nombre de ces consultations. Chaque participant compte une fois par consultation.",
      en: 'Total distinct participants (people or associations who contributed, commented or supported a contribution) in the consultations closed in the year, divided by the number of those consultations. Each participant counts once per consultation.',
    },
    denominator: CONSULTATIONS_CLOSED,
  },
  recommendations_per_consultation: {
    unit: 'ratio',
    name: {
      ar: 'متوسط عدد التوصيات في كل استشارة',
      fr: 'Recommandations par consultation',
      en: 'Recommendations per consultation',
    },
    definition: {
      ar: 'مجموع التوصيات والمقترحات المنشورة بعد الإشراف في الاستشارات التي انتهت خلال السنة، مقسوما على عدد هذه الاستشارات.',
      fr: "Total des recommandations et propositions publiées après modération dans les consultations closes dans l'année, divisé par le nombre de ces consultations.",
      en: 'Total recommendations and proposals published after moderation in the consultations closed in the year, divided by the number of those consultations.',
    },
    denominator: CONSULTATIONS_CLOSED,
  },
  sectors_involved: {
    unit: 'count',
    name: {
      ar: 'القطاعات الحكومية المنخرطة',
      fr: 'Secteurs gouvernementaux impliqués',
      en: 'Government sectors involved',
    },
    definition: {
      ar: 'عدد القطاعات الحكومية والمؤسسات العمومية المتميزة التي نشرت خلال السنة طلب عروض أو استشارة أو تكوينا واحدا على الأقل على المنصة.',
      fr: "Nombre de secteurs gouvernementaux et d'établissements publics distincts ayant publié sur la plateforme au moins un appel à projets, une consultation ou une formation dans l'année.",
      en: 'Number of distinct government sectors and public institutions that published at least one call, consultation or training on the platform in the year.',
    },
  },
  trainings_held: {
    unit: 'count',
    name: {
      ar: 'دورات التكوين المنجزة',
      fr: 'Sessions de formation réalisées',
      en: 'Training sessions held',
    },
    definition: {
      ar: 'عدد دورات التكوين لفائدة الجمعيات المبنية على الإطار المرجعي الموحد التي اختتمت خلال السنة، باستثناء الدورات الملغاة.',
      fr: "Nombre de sessions de formation au profit des associations, fondées sur le référentiel unifié, achevées dans l'année, hors sessions annulées.",
      en: 'Number of training sessions for associations based on the unified reference framework that ended in the year, cancelled sessions excluded.',
    },
  },
  beneficiaries_people: {
    unit: 'count',
    name: {
      ar: 'الأشخاص المستفيدون من خدمات المنصة',
      fr: 'Personnes bénéficiaires des services de la plateforme',
      en: 'People who benefited from platform services',
    },
    definition: {
      ar: 'عدد الأشخاص المتميزين الذين استعملوا خلال السنة خدمة واحدة على الأقل من خدمات المنصة: حسابات قدمت طلب دعم أو مساهمة في استشارة أو تسجيلا في تكوين، إضافة إلى المشاركين الذين حضروا دورة تكوينية (يعرف المشارك بجمعيته واسمه).',
      fr: "Nombre de personnes distinctes ayant utilisé au moins un service de la plateforme dans l'année : comptes ayant déposé une demande de soutien, une contribution à une consultation ou une inscription à une formation, plus les participants ayant assisté à une session de formation (un participant est identifié par son association et son nom).",
      en: 'Number of distinct people who used at least one platform service in the year: accounts that submitted a support application, a consultation contribution or a training registration, plus participants who attended a training session (a participant is identified by association and name).',
    },
  },
  beneficiaries_associations: {
    unit: 'count',
    name: {
      ar: 'الجمعيات المستفيدة من خدمات المنصة',
      fr: 'Associations bénéficiaires des services de la plateforme',
      en: 'Associations that benefited from platform services',
    },
    definition: {
      ar: 'عدد الجمعيات المتميزة التي استعملت خلال السنة خدمة واحدة على الأقل من خدمات المنصة: تقديم طلب دعم، أو المساهمة في استشارة، أو تسجيل مشارك في تكوين.',
      fr: "Nombre d'associations distinctes ayant utilisé au moins un service de la plateforme dans l'année : dépôt d'une demande de soutien, contribution à une consultation ou inscription d'un participant à une formation.",
      en: 'Number of distinct associations that used at least one platform service in the year: submitting a support application, contributing to a consultation or registering a participant to a training.',
    },
  },
  services_available: {
    unit: 'count',
    name: {
      ar: 'الخدمات والتطبيقات المتاحة على المنصة',
      fr: 'Services et applications disponibles sur la plateforme',
      en: 'Services and applications available on the platform',
    },
    definition: {
      ar: 'عدد الخدمات والتطبيقات الرقمية المتاحة للجمعيات على المنصة في نهاية السنة (مثل الترشح لطلبات العروض، والمشاركة في الاستشارات، والتسجيل في التكوينات، ودليل الجمعيات، والبيانات المفتوحة)، كما ترد في فهرس الخدمات.',
      fr: "Nombre de services et d'applications numériques offerts aux associations sur la plateforme à la fin de l'année (par exemple candidature aux appels à projets, participation aux consultations, inscription aux formations, annuaire des associations, données ouvertes), tels que listés dans le catalogue des services.",
      en: 'Number of digital services and applications offered to associations on the platform at the end of the year (for example applying to calls, taking part in consultations, registering for trainings, the association directory, open data), as listed in the service catalogue.',
    },
  },
  associations_trained_per_competency: {
    unit: 'count',
    name: {
      ar: 'الجمعيات المكونة حسب الكفاءة والجهة',
      fr: 'Associations formées par compétence et par région',
      en: 'Associations trained per competency and region',
    },
    definition: {
      ar: 'عدد الجمعيات المتميزة التي أتم أحد المشاركين باسمها دورة تكوينية انتهت خلال السنة، مفصلا حسب كفاءات الإطار المرجعي الموحد التي تغطيها الدورة وحسب جهة الجمعية. تحتسب الجمعية مرة واحدة في كل كفاءة وفي كل جهة.',
      fr: "Nombre d'associations distinctes dont un participant a achevé une session de formation terminée dans l'année, détaillé par compétence du référentiel unifié couverte par la formation et par région de l'association. Une association compte une fois par compétence et par région.",
      en: 'Number of distinct associations one of whose participants completed a training session that ended in the year, broken down by the unified framework competencies the course covers and by the association’s region. An association counts once per competency and per region.',
    },
  },
};

/**
 * A percentage of `numerator` over `denominator`, 0–100 rounded to two decimals; 0 when there is
 * nothing to divide by, so that an empty region reads 0 rather than failing.
 *
 * @example
 * ```ts
 * percentOf(1, 3); // 33.33
 * ```
 */
export function percentOf(numerator: number, denominator: number): number {
  if (denominator <= 0) return 0;
  return Math.round((numerator / denominator) * 10_000) / 100;
}
