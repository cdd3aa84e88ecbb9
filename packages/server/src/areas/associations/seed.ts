import {
  type Association,
  DOMAIN_CODES,
  type DomainCode,
  type LegalForm,
  type LocalizedText,
  REGIONS,
  type SizeBand,
} from '@nassij/contract';
import type { SeedContext } from '../area.js';
import { saveAssociation } from './store.js';
import { DEMO_TOWNS, type Town, townsOf } from './towns.js';

/** Number of associations the demo seeds (plus nothing else: `asso_0001`/`asso_0002` are among them). */
export const DEMO_ASSOCIATION_COUNT = 320;

/** What an association works for, as the end of its name says it ("… للتنمية القروية"). */
const PURPOSE: Record<DomainCode, { ar: string; fr: string }> = {
  education: { ar: 'للتربية والتعليم', fr: "pour l'éducation" },
  health: { ar: 'للصحة والتوعية', fr: 'pour la santé' },
  environment: { ar: 'لحماية البيئة', fr: "pour la protection de l'environnement" },
  'womens-rights': { ar: 'للدفاع عن حقوق المرأة', fr: 'pour les droits des femmes' },
  youth: { ar: 'لدعم الشباب', fr: "d'appui aux jeunes" },
  childhood: { ar: 'لرعاية الطفولة', fr: "pour la protection de l'enfance" },
  disability: {
    ar: 'لإدماج الأشخاص في وضعية إعاقة',
    fr: "pour l'inclusion des personnes en situation de handicap",
  },
  culture: { ar: 'للثقافة والفنون', fr: 'pour la culture et les arts' },
  sport: { ar: 'للرياضة والترفيه', fr: 'pour le sport et les loisirs' },
  'human-rights': { ar: 'لحقوق الإنسان', fr: 'des droits humains' },
  'rural-development': { ar: 'للتنمية القروية', fr: 'pour le développement rural' },
  digital: { ar: 'للتكنولوجيا الرقمية', fr: 'pour le numérique' },
  'social-economy': { ar: 'للاقتصاد الاجتماعي والتضامني', fr: "pour l'économie sociale et solidaire" },
  elderly: { ar: 'لرعاية المسنين', fr: "d'aide aux personnes âgées" },
  migration: { ar: 'لدعم المهاجرين', fr: "d'appui aux migrants" },
  water: { ar: 'لتدبير الماء', fr: "pour la gestion de l'eau" },
};

/** The proper names associations give themselves, in Arabic and in French transcription. */
const MOTTOS: readonly { ar: string; fr: string; zgh?: string }[] = [
  { ar: 'الأمل', fr: 'Al Amal' },
  { ar: 'النور', fr: 'Annour' },
  { ar: 'الفجر', fr: 'Al Fajr' },
  { ar: 'الوفاء', fr: 'Al Wafae' },
  { ar: 'التضامن', fr: 'Attadamoun' },
  { ar: 'الخير', fr: 'Al Khair' },
  { ar: 'أفق', fr: 'Ofoq' },
  { ar: 'الإشراق', fr: 'Al Ichraq' },
  { ar: 'النهضة', fr: 'Annahda' },
  { ar: 'البركة', fr: 'Al Baraka' },
  { ar: 'تيفاوين', fr: 'Tifawin', zgh: 'ⵜⵉⴼⴰⵡⵉⵏ' },
  { ar: 'إزوران', fr: 'Izouran', zgh: 'ⵉⵥⵓⵕⴰⵏ' },
  { ar: 'تودرت', fr: 'Toudert', zgh: 'ⵜⵓⴷⵔⵜ' },
  { ar: 'أسيف', fr: 'Assif', zgh: 'ⴰⵙⵉⴼ' },
  { ar: 'الغد', fr: 'Al Ghad' },
  { ar: 'السلام', fr: 'Assalam' },
];

const SIZE_BANDS: readonly SizeBand[] = ['none', 'none', '1-5', '1-5', '1-5', '6-20', '6-20', '21-50', '51+'];

function acronymOf(words: string): string | undefined {
  const letters = words
    .split(/[\s'-]+/)
    .filter((word) => word.length > 3)
    .map((word) => word[0]?.toUpperCase() ?? '')
    .join('');
  return letters.length >= 2 && letters.length <= 8 ? letters : undefined;
}

function pad(n: number, width = 4): string {
  return String(n).padStart(width, '0');
}

function reportsFiled(foundedYear: number, thisYear: number, missingRecent: number): number[] {
  const years: number[] = [];
  for (let year = Math.max(foundedYear + 1, thisYear - 6); year <= thisYear - 1 - missingRecent; year++) {
    years.push(year);
  }
  return years;
}

function build(
  ctx: SeedContext,
  n: number,
  fixed?: {
    town: Town;
    domains: DomainCode[];
    legalForm: LegalForm;
    foundedOn: string;
    motto: (typeof MOTTOS)[number];
    shadda?: boolean;
    missingRecent: number;
    sizeBand: SizeBand;
  },
): Association {
  const thisYear = ctx.now.getUTCFullYear();
  // Spread over all regions first, then at random.
  const region = REGIONS[(n - 1) % REGIONS.length]?.code ?? 'MA-01';
  const town = fixed?.town ?? ctx.pick(townsOf(region));
  const domainCount = ctx.randomInt(1, 3);
  // The first few cover every domain once, so that each domain facet has a value.
  const lead = n >= 3 ? DOMAIN_CODES[n - 3] : undefined;
  const picked = Array.from({ length: domainCount }, () => ctx.pick(DOMAIN_CODES));
  const domains = fixed?.domains ?? [...new Set(lead ? [lead, ...picked] : picked)];
  const first = domains[0] ?? 'education';
  const roll = ctx.random();
  const legalForm: LegalForm =
    fixed?.legalForm ??
    (roll < 0.78
      ? 'association'
      : roll < 0.86
        ? 'federation'
        : roll < 0.93
          ? 'network'
          : 'public_utility_association');
  const foundedYear = fixed
    ? Number(fixed.foundedOn.slice(0, 4))
    : ctx.randomInt(1960, Math.min(2025, thisYear));
  const foundedOn =
    fixed?.foundedOn ?? `${foundedYear}-${pad(ctx.randomInt(1, 12), 2)}-${pad(ctx.randomInt(1, 28), 2)}`;
  const motto = fixed?.motto ?? ctx.pick(MOTTOS);
  const purpose = PURPOSE[first];
  const shadda = fixed?.shadda ?? n % 23 === 3;

  let ar: string;
  let fr: string;
  if (legalForm === 'federation') {
    ar = `جامعة جمعيات ${motto.ar} ${purpose.ar} ${town.inAr}`;
    fr = `Fédération des associations ${motto.fr} ${purpose.fr} de ${town.name.fr}`;
  } else if (legalForm === 'network') {
    ar = `شبكة ${motto.ar} ${purpose.ar} ${town.inAr}`;
    fr = `Réseau ${motto.fr} ${purpose.fr} - ${town.name.fr}`;
  } else if (legalForm === 'public_utility_association') {
    ar = `الجمعية المغربية ${purpose.ar} - فرع ${town.name.ar}`;
    fr = `Association marocaine ${purpose.fr} - section de ${town.name.fr}`;
  } else {
    // Some names are written with a shadda, as on many récépissés; search must still find them.
    ar = `${shadda ? 'الجمعيّة' : 'جمعية'} ${motto.ar} ${purpose.ar} ${town.inAr}`;
    fr = `Association ${motto.fr} ${purpose.fr} de ${town.name.fr}`;
  }
  const name: LocalizedText = { ar, fr };
  if (town.name.zgh && (motto.zgh || n % 4 === 0)) {
    name.zgh = `ⵜⴰⵎⵙⵙⵓⴷⴰⵙⵜ ${motto.zgh ?? motto.fr} ⵏ ${town.name.zgh}`;
  }
  const acronym = n % 3 === 0 ? acronymOf(fr) : undefined;
  const missingRecent = fixed?.missingRecent ?? (ctx.random() < 0.7 ? 0 : ctx.random() < 0.65 ? 1 : 2);
  const slug = `asso${pad(n)}`;
  return {
    id: `asso_${pad(n)}`,
    registrationNumber: `REC-${foundedYear}-${pad(n, 5)}`,
    name,
    ...(acronym ? { acronym } : {}),
    legalForm,
    foundedOn,
    region: town.region,
    commune: town.name,
    domains,
    sizeBand: fixed?.sizeBand ?? ctx.pick(SIZE_BANDS),
    contact: {
      email: `contact@${slug}.ma`,
      phone: `+212 5${ctx.randomInt(20, 39)} ${pad(ctx.randomInt(0, 99), 2)} ${pad(ctx.randomInt(0, 99), 2)} ${pad(ctx.randomInt(0, 99), 2)}`,
      address: { ar: `حي ${motto.ar}، ${town.name.ar}`, fr: `Quartier ${motto.fr}, ${town.name.fr}` },
    },
    ...(n % 5 === 0 ? { website: `https://${slug}.ma` } : {}),
    publicUtility: legalForm === 'public_utility_association',
    compliance: { annualReportsFiled: reportsFiled(foundedYear, thisYear, missingRecent) },
  };
}

/**
 * Seeds the demo associations: `asso_0001` (Tiznit, Souss-Massa, founded 2008, every report filed:
 * eligible for most calls), `asso_0002` (Casablanca, founded last year: too young for calls that
 * require an age), then {@link DEMO_ASSOCIATION_COUNT} in all, over every region and domain.
 *
 * @example
 * ```ts
 * const area: Area = { name: 'associations', migrations, seedDemo: seedAssociations, register };
 * ```
 */
export async function seedAssociations(ctx: SeedContext): Promise<void> {
  const thisYear = ctx.now.getUTCFullYear();
  const tiznit = DEMO_TOWNS.find((t) => t.name.fr === 'Tiznit');
  const casablanca = DEMO_TOWNS.find((t) => t.name.fr === 'Casablanca');
  if (!tiznit || !casablanca) throw new Error('demo towns are missing');
  await ctx.db.atomic(async () => {
    await saveAssociation(
      ctx.db,
      build(ctx, 1, {
        town: tiznit,
        domains: ['rural-development', 'water', 'education', 'womens-rights'],
        legalForm: 'association',
        foundedOn: '2008-04-12',
        motto: { ar: 'تيفاوين', fr: 'Tifawin', zgh: 'ⵜⵉⴼⴰⵡⵉⵏ' },
        shadda: true,
        missingRecent: 0,
        sizeBand: '6-20',
      }),
    );
    await saveAssociation(
      ctx.db,
      build(ctx, 2, {
        town: casablanca,
        domains: ['youth', 'digital', 'education'],
        legalForm: 'association',
        foundedOn: `${thisYear - 1}-09-15`,
        motto: { ar: 'أفق', fr: 'Ofoq' },
        missingRecent: 0,
        sizeBand: '1-5',
      }),
    );
    for (let n = 3; n <= DEMO_ASSOCIATION_COUNT; n++) {
      await saveAssociation(ctx.db, build(ctx, n));
    }
  });
}
