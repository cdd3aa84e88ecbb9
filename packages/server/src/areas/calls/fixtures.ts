// A call draft complete enough to publish, built in code, for tests of any package that run calls
// against this server (exported by `@nassij/server/testing`).
import type { CallDraftFields } from '@nassij/contract';

const DAY_MS = 86_400_000;

/**
 * Every field a call needs to be published, with its opening `opensInDays` days after `now` and its
 * closing 30 days after the opening (both at 22:59 UTC: 23:59 in Casablanca, 22:59 during Ramadan, so on
 * the same Casablanca date whatever the season).
 * Criteria weigh 60 and 40, each with three scoring anchors; the form asks for a title, an amount and the
 * statutes, which the call lists as its one required document. Two reviews per application, 15 days to
 * appeal, a progress report 120 days and a final report 400 days after the opening.
 *
 * @example
 * ```ts
 * const draft = await client.calls.create({ ...completeCallFields(new Date()) });
 * draft.problems; // []
 * ```
 */
export function completeCallFields(now: Date, options: { opensInDays?: number } = {}): CallDraftFields {
  const day = (offset: number) =>
    `${new Date(now.getTime() + offset * DAY_MS).toISOString().slice(0, 10)}T22:59:00Z`;
  const opens = options.opensInDays ?? 2;
  return {
    title: { ar: 'دعم مشاريع الشباب في العالم القروي', fr: 'Soutien aux projets des jeunes en milieu rural' },
    summary: {
      ar: 'منح للجمعيات التي تنجز مشاريع لفائدة الشباب في الجماعات القروية.',
      fr: 'Subventions aux associations qui mènent des projets pour les jeunes des communes rurales.',
    },
    description: {
      ar: 'يهدف هذا الطلب إلى دعم مشاريع التكوين والتشغيل الذاتي للشباب.',
      fr: "Cet appel soutient des projets de formation et d'auto-emploi des jeunes.",
    },
    fiscalYear: Number(day(opens).slice(0, 4)),
    instrument: 'grant',
    domains: ['youth'],
    coverage: 'regions',
    eligibleRegions: ['MA-09'],
    budget: {
      total: { amount: '1000000.00', currency: 'MAD' },
      minAward: { amount: '20000.00', currency: 'MAD' },
      maxAward: { amount: '150000.00', currency: 'MAD' },
      expectedAwards: 10,
    },
    dates: {
      opensAt: day(opens),
      closes: { at: day(opens + 30), timeZone: 'Africa/Casablanca' },
    },
    deadlineModel: { kind: 'single' },
    eligibleApplicantTypes: ['association'],
    eligibility: { rules: [{ type: 'min_age_years', id: 'age', years: 1 }] },
    criteria: [
      {
        id: 'relevance',
        label: { ar: 'الملاءمة', fr: 'Pertinence' },
        weight: 60,
        maxScore: 10,
        anchors: [
          { score: 0, description: { ar: 'غير ملائم', fr: 'Sans lien avec l’appel' } },
          { score: 5, description: { ar: 'ملائم جزئيا', fr: 'En partie pertinent' } },
          { score: 10, description: { ar: 'ملائم تماما', fr: 'Pleinement pertinent' } },
        ],
      },
      {
        id: 'feasibility',
        label: { ar: 'قابلية الإنجاز', fr: 'Faisabilité' },
        weight: 40,
        maxScore: 10,
        anchors: [
          { score: 0, description: { ar: 'غير قابل للإنجاز', fr: 'Irréalisable' } },
          { score: 5, description: { ar: 'قابل للإنجاز بشروط', fr: 'Réalisable sous conditions' } },
          { score: 10, description: { ar: 'قابل للإنجاز', fr: 'Réalisable' } },
        ],
      },
    ],
    requiredDocuments: [
      {
        id: 'statutes',
        type: 'statutes',
        label: { ar: 'القانون الأساسي', fr: 'Statuts' },
        requirement: 'mandatory',
        mediaTypes: ['application/pdf'],
        maxBytes: 5 * 1024 * 1024,
      },
    ],
    form: {
      version: 1,
      sections: [
        {
          id: 'project',
          title: { ar: 'المشروع', fr: 'Projet' },
          fields: [
            {
              id: 'project_title',
              type: 'text',
              required: true,
              maxLength: 200,
              label: { ar: 'عنوان المشروع', fr: 'Titre du projet' },
            },
            {
              id: 'statutes_file',
              type: 'attachment',
              required: true,
              documentId: 'statutes',
              label: { ar: 'القانون الأساسي', fr: 'Statuts' },
            },
          ],
        },
      ],
    },
    contact: { email: 'appels@example.ma' },
    review: { reviewsPerApplication: 2, appealDays: 15 },
    reports: [
      {
        id: 'progress',
        kind: 'progress',
        label: { ar: 'تقرير مرحلي', fr: 'Rapport d’étape' },
        dueOn: day(opens + 120).slice(0, 10),
      },
      {
        id: 'final',
        kind: 'final',
        label: { ar: 'التقرير النهائي', fr: 'Rapport final' },
        dueOn: day(opens + 400).slice(0, 10),
      },
    ],
  };
}
