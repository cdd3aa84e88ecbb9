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
  'rp.score.missing': 'اختاروا نقطة لكل معيار قبل الإرسال.',
  'rp.decision.amountInvalid': 'اكتبوا المبلغ بالأرقام، مثلًا 45000 أو 45000.50.',
  'rp.signIn': 'سجّلوا الدخول بحساب مقيّم لرؤية طلبات هذا الإعلان وتقييمها.',
  'rp.status.draft': 'مسودة',
  'rp.status.submitted': 'مُودَع',
  'rp.status.received': 'تم التوصل به',
  'rp.status.eligibility_check': 'قيد التحقق من الأهلية',
  'rp.status.under_review': 'قيد الدراسة',
  'rp.status.awarded': 'مقبول وممنوح',
  'rp.status.rejected': 'مرفوض',
  'rp.status.withdrawn': 'مسحوب',
  'rp.requested': 'المبلغ المطلوب: {amount}',
  'rp.yes': 'نعم',
  'rp.no': 'لا',
  'rp.unanswered': 'بدون جواب',
  'rp.budget.line': 'البند',
  'rp.budget.category': 'الصنف',
  'rp.budget.amount': 'المبلغ',
  'rp.budget.coFinanced': 'التمويل المشترك',
  'rp.budget.total': 'المجموع',
  'rp.beneficiaries.count': 'العدد الإجمالي: {count}',
  'rp.beneficiaries.women': 'منهم نساء: {count}',
  'rp.beneficiaries.youth': 'منهم شباب: {count}',
  'rp.attachments': 'الوثائق المرفقة',
  'rp.attachments.none': 'لا توجد وثائق مرفقة.',
  'rp.attachment.purged': 'حُذف الملف بعد انتهاء مدة حفظه؛ تبقى بصمته.',
  'rp.scan.pending': 'في انتظار الفحص',
  'rp.scan.clean': 'تم الفحص: سليم',
  'rp.scan.infected': 'تم الفحص: مصاب، لا تفتحوه',
  'rp.scan.error': 'تعذّر الفحص',
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
