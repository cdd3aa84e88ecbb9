import type { ConsultationDraft, ConsultationDraftFields, ManagedConsultation } from '@nassij/contract';
import { demoConsultation } from './consultations.js';

// A ministry's consultation back office in data: the drafts and published consultations a consultation
// manager sees, a draft half-written and one complete, shaped like the reference server's answers. For the
// consultation editor's stories; dates a year ahead of any day the story is opened.

const ahead = (days: number) => new Date(Date.now() + (365 + days) * 86_400_000).toISOString();
const ORGANISATION = 'org_relations-parliament';

/** A text pasted by the manager, Arabic, two chapters and a "مكرر" article: what the import box previews. */
export const DEMO_PASTED_TEXT = [
  'الباب الأول: أحكام عامة',
  'المادة الأولى',
  'يهدف هذا القانون إلى تنظيم التشاور العمومي حول مشاريع النصوص.',
  'المادة 2',
  'لا تقل مدة التشاور عن خمسة وأربعين يوما.',
  'الباب الثاني: الحصيلة',
  'المادة 2 مكرر',
  'تنشر الإدارة حصيلة التشاور داخل أجل ثلاثين يوما.',
].join('\n');

/** A draft's fields with everything publishing asks for. */
export function demoCompleteFields(): ConsultationDraftFields {
  const published = demoConsultation();
  return {
    title: published.title,
    summary: published.summary,
    scope: 'national',
    subjectType: 'draft_law',
    participationMode: 'open',
    domains: ['human-rights'],
    phases: { information: ahead(0), contributions_open: ahead(7), closed: ahead(52) },
    text: {
      sections: (published.text?.sections ?? []).map((section) => ({
        id: section.id,
        heading: section.heading,
        articles: section.articles.map(({ id, number, heading, body }) => ({
          id,
          number,
          ...(heading ? { heading } : {}),
          body,
        })),
      })),
    },
  };
}

/** A half-written draft: a title in Arabic only, no text yet. */
export function demoHalfWrittenFields(): ConsultationDraftFields {
  return { title: { ar: 'مشروع مرسوم يتعلق بالسجل الوطني للجمعيات' }, scope: 'regional' };
}

/**
 * A draft as the API answers it (its problems left for the editor to compute).
 *
 * @example
 * ```ts
 * demoConsultationDraft('draft', demoHalfWrittenFields());
 * ```
 */
export function demoConsultationDraft(
  state: ConsultationDraft['state'],
  fields: ConsultationDraftFields,
  id = state === 'published' ? 'cons_demo' : 'cons_draft',
): ConsultationDraft {
  return {
    id,
    organisationId: ORGANISATION,
    state,
    revision: 3,
    createdAt: '2026-11-02T09:00:00Z',
    updatedAt: '2026-11-04T15:20:00Z',
    fields,
    problems: [],
  };
}

/**
 * The ministry's consultations as its consultation manager lists them: the published draft law with its
 * contributions, and two drafts.
 *
 * @example
 * ```ts
 * const page = { items: demoManagedConsultations(), nextCursor: null };
 * ```
 */
export function demoManagedConsultations(): ManagedConsultation[] {
  const published = demoConsultation();
  return [
    {
      id: 'cons_demo',
      organisationId: ORGANISATION,
      state: 'published',
      phase: 'contributions_open',
      reference: published.reference,
      title: published.title,
      versions: 2,
      updatedAt: '2026-11-04T15:20:00Z',
      problemCount: 0,
      contributions: { pending: 4, published: 958, hidden: 2 },
    },
    {
      id: 'cons_draft',
      organisationId: ORGANISATION,
      state: 'draft',
      title: demoHalfWrittenFields().title,
      versions: 0,
      updatedAt: '2026-11-03T10:00:00Z',
      problemCount: 9,
      contributions: { pending: 0, published: 0, hidden: 0 },
    },
    {
      id: 'cons_complete',
      organisationId: ORGANISATION,
      state: 'draft',
      title: { ar: 'برنامج دعم الجمعيات الشبابية', fr: 'Programme d’appui aux associations de jeunes' },
      versions: 0,
      updatedAt: '2026-11-01T08:00:00Z',
      problemCount: 0,
      contributions: { pending: 0, published: 0, hidden: 0 },
    },
  ];
}
