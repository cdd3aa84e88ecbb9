import { defineMessages, type Message } from '../i18n/messages.js';

// The Tifinagh (zgh) strings are working drafts, to be reviewed by an IRCAM-trained translator.

/** Arabic messages of the consultation list: bundled with it, and the key reference. */
const ar = {
  'cons.subject.draft_law': 'مشروع قانون',
  'cons.subject.decree': 'مشروع مرسوم',
  'cons.subject.policy': 'سياسة عمومية',
  'cons.subject.programme': 'برنامج',
  'cons.subject.regional_plan': 'برنامج التنمية الجهوية',
  'cons.scope.national': 'وطنية',
  'cons.scope.regional': 'جهوية',
  'cons.scope.local': 'محلية',
  'cons.phase.upcoming': 'قريبًا',
  'cons.phase.information': 'الإخبار',
  'cons.phase.contributions_open': 'تلقي المساهمات',
  'cons.phase.closed': 'مغلقة',
  'cons.phase.synthesis_published': 'نشر الخلاصة',
  'cons.stats.line': '{participants} مشارك، {contributions} مساهمة',
  'cons.list.region': 'الجهة',
  'cons.list.title': 'الاستشارات العمومية',
  'cons.list.filters': 'تصفية الاستشارات',
  'cons.list.all': 'الكل',
  'cons.list.issuingBody': 'الجهة المنظمة',
  'cons.list.phase': 'المرحلة',
  'cons.list.none': 'لا توجد استشارة تطابق هذا الاختيار.',
} satisfies Record<string, Message>;

export type ConsultationListKey = keyof typeof ar;

/**
 * Catalogs of the consultation list: Arabic in the bundle, French, Tamazight and English as small chunks
 * fetched the first time a reader needs them. Its own, so that a page of cards does not download the words
 * of the whole consultation.
 *
 * @example
 * ```ts
 * await catalogProblems(consultationListMessages); // []
 * ```
 */
export const consultationListMessages = defineMessages(ar, {
  fr: () => import('./consultation-list.messages.fr.js'),
  zgh: () => import('./consultation-list.messages.zgh.js'),
  en: () => import('./consultation-list.messages.en.js'),
});
