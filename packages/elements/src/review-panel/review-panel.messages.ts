import { defineMessages, type Message } from '../i18n/messages.js';

// The Tifinagh (zgh) strings are working drafts, to be reviewed by an IRCAM-trained translator.

/** Arabic messages of `<nassij-review-panel>`: bundled with the component, and the key reference. */
const ar = {
  'rp.title': 'تقييم الطلبات',
  'rp.list': 'طلبات هذا الإعلان',
  'rp.none': 'لا توجد طلبات للتقييم.',
  'rp.open': 'فتح طلب {name}',
  'rp.reviews': {
    zero: 'بدون تقييم',
    one: 'تقييم واحد',
    two: 'تقييمان',
    few: '{count} تقييمات',
    many: '{count} تقييمًا',
    other: '{count} تقييم',
  },
  'rp.answers': 'أجوبة الجمعية',
  'rp.back': 'العودة إلى اللائحة',
  'rp.coi.legend': 'التصريح بتضارب المصالح (قبل أي تنقيط)',
  'rp.coi.none': 'أصرّح بأنه لا يوجد لدي أي تضارب في المصالح مع هذه الجمعية',
  'rp.coi.declared': 'لدي تضارب في المصالح مع هذه الجمعية',
  'rp.coi.statement': 'توضيح',
  'rp.coi.noScoring': 'بما أنكم صرحتم بتضارب في المصالح، لن تقوموا بالتنقيط.',
  'rp.score.legend': '{criterion} (الوزن {weight}٪)',
  'rp.score.option': '{score} / {max}',
  'rp.comment': 'ملاحظات',
  'rp.submitReview': 'إرسال التقييم',
  'rp.reviewSent': 'سُجّل تقييمكم.',
  'rp.decision.legend': 'القرار',
  'rp.decision.awarded': 'قبول ومنح الدعم',
  'rp.decision.rejected': 'رفض',
  'rp.decision.amount': 'المبلغ الممنوح (درهم)',
  'rp.decision.reason': 'التعليل',
  'rp.decision.submit': 'تسجيل القرار',
  'rp.decision.done': 'سُجّل القرار: {outcome}.',
} satisfies Record<string, Message>;

/** Keys of the review panel's messages. */
export type ReviewPanelKey = keyof typeof ar;

/**
 * Catalogs of `<nassij-review-panel>`.
 *
 * @example
 * ```ts
 * static override messages = reviewPanelMessages;
 * ```
 */
export const reviewPanelMessages = defineMessages<ReviewPanelKey>(ar, {
  fr: () => import('./review-panel.messages.fr.js'),
  zgh: () => import('./review-panel.messages.zgh.js'),
  en: () => import('./review-panel.messages.en.js'),
});
