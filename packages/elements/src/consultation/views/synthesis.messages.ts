import type { Message } from '../../i18n/messages.js';

// The words of the published synthesis ("you said, we did"), shared by the public <nassij-consultation> and
// the preview of <nassij-synthesis-editor>: each component's catalogs spread these, so that both show the same
// page in the same words. Arabic is the source; the other languages are fetched with each component's own.

/**
 * Arabic words of the synthesis page.
 *
 * @example
 * ```ts
 * const ar = { ...synthesisPageAr, 'se.title': 'إعداد الخلاصة' } satisfies Record<string, Message>;
 * ```
 */
export const synthesisPageAr = {
  'cons.synthesis.title': 'خلاصة الاستشارة',
  'cons.synthesis.published': 'نشرت في {date}',
  'cons.synthesis.report': 'التقرير الكامل',
  'cons.synthesis.byArticle': 'الخلاصة حسب المواد',
  'cons.synthesis.recommendations': 'مآل التوصيات',
  'cons.synthesis.reason': 'التعليل:',
  'cons.synthesis.csv': 'تحميل المساهمات مجهولة الهوية (CSV)',
  'cons.synthesis.json': 'تحميل المساهمات مجهولة الهوية (JSON)',
  'cons.synthesis.openData':
    'تضم الملفات المساهمات المنشورة في كل الاستشارات؛ عمود consultation_id يحدد الاستشارة.',
  'cons.synthesis.frozen': 'الأرقام عند اختتام المشاركة ({date})',
  'cons.synthesis.participants': 'المشاركون',
  'cons.synthesis.contributions': 'المساهمات',
  'cons.synthesis.supports': 'التأييدات',
  'cons.synthesis.article': 'المادة {number}',
  'cons.synthesis.whole': 'النص بأكمله',
  'cons.outcome.accepted': 'مقبولة',
  'cons.outcome.partly_accepted': 'مقبولة جزئيًا',
  'cons.outcome.not_retained': 'غير معتمدة',
  'cons.outcome.out_of_scope': 'خارج نطاق الاستشارة',
} satisfies Record<string, Message>;

/** The keys of the synthesis page's words. */
export type SynthesisPageKey = keyof typeof synthesisPageAr;
