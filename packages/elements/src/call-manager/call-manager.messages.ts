import { defineMessages, type Message } from '../i18n/messages.js';

// The Tifinagh (zgh) strings are working drafts, to be reviewed by an IRCAM-trained translator.

/** Arabic messages of `<nassij-call-manager>`: bundled with the component, and the key reference. */
const ar = {
  'cm.title': 'إعلانات طلبات الدعم للإدارة',
  'cm.signIn': 'سجّلوا الدخول بحساب من موظفي الإدارة (مدبّر الإعلانات أو مسؤول الإدارة) لتدبير إعلاناتها.',
  'cm.forbidden':
    'لا يمكن لحسابكم تدبير إعلانات هذه الإدارة: هذا الفضاء مخصص لموظفي الإدارة التي تطلق الإعلانات. سجّلوا الدخول بحساب آخر أو اتصلوا بمسؤول إدارتكم.',
  'cm.none': 'لا توجد إعلانات بعد لهذه الإدارة.',
  'cm.untitled': 'مسودة بدون عنوان',
  'cm.problems': {
    zero: 'جاهزة للنشر',
    one: 'ملاحظة واحدة قبل النشر',
    two: 'ملاحظتان قبل النشر',
    few: '{count} ملاحظات قبل النشر',
    many: '{count} ملاحظة قبل النشر',
    other: '{count} ملاحظة قبل النشر',
  },
  'cm.closes': 'آخر أجل: {date}',
  'cm.stage.awaitingCheck': 'في انتظار التحقق من الأهلية: {count}',
  'cm.stage.underReview': 'قيد الدراسة: {count}',
  'cm.stage.decided': 'تم البت فيها: {count}',
  'cm.reviewerCount': 'المقيّمون: {count}',
  'cm.filter.label': 'عرض',
  'cm.filter.all': 'كل الإعلانات',
  'cm.filter.draft': 'المسودات',
  'cm.filter.published': 'الإعلانات المنشورة',
  'cm.noneMatching': 'لا توجد إعلانات بهذا الوضع.',
  'cm.shown': {
    zero: 'لا يوجد أي إعلان معروض',
    one: 'إعلان واحد معروض، وهناك المزيد',
    two: 'إعلانان معروضان، وهناك المزيد',
    few: '{count} إعلانات معروضة، وهناك المزيد',
    many: '{count} إعلانًا معروضًا، وهناك المزيد',
    other: '{count} إعلان معروض، وهناك المزيد',
  },
  'cm.allShown': {
    zero: 'لا يوجد أي إعلان',
    one: 'الإعلان الوحيد معروض',
    two: 'الإعلانان معروضان',
    few: 'كل الإعلانات معروضة: {count}',
    many: 'كل الإعلانات معروضة: {count}',
    other: 'كل الإعلانات معروضة: {count}',
  },
  'cm.added': {
    zero: 'لم يُضف أي إعلان جديد.',
    one: 'أُضيف إعلان واحد.',
    two: 'أُضيف إعلانان.',
    few: 'أُضيفت {count} إعلانات.',
    many: 'أُضيف {count} إعلانًا.',
    other: 'أُضيف {count} إعلان.',
  },
  'cm.manage': 'تدبير',
  'cm.edit': 'تعديل',
  'cm.back': 'العودة إلى الإعلانات',
  'cm.reviewers.title': 'المقيّمون',
  'cm.reviewers.legend': 'اختاروا مقيّمي هذا الإعلان',
  'cm.reviewers.independent': 'خبير مستقل',
  'cm.reviewers.none': 'لا يوجد أي مقيّم متاح لهذه الإدارة.',
  'cm.reviewers.save': 'حفظ المقيّمين',
  'cm.reviewers.saved': 'تم حفظ المقيّمين: {count}.',
  'cm.check.title': 'التحقق من الأهلية',
  'cm.check.none': 'لا يوجد أي طلب في انتظار التحقق من الأهلية.',
  'cm.check.legend': 'هل طلب {name} مقبول شكلًا؟',
  'cm.check.admissible': 'مقبول شكلًا',
  'cm.check.notAdmissible': 'غير مقبول شكلًا',
  'cm.check.reason': 'التعليل (تطّلع عليه الجمعية)',
  'cm.check.choose': 'اختاروا: مقبول شكلًا أو غير مقبول.',
  'cm.check.reasonMissing': 'اكتبوا سبب عدم قبول الطلب.',
  'cm.check.submit': 'تسجيل التحقق',
  'cm.check.done': 'سُجّل التحقق من أهلية طلب {name}.',
  'cm.decisions.title': 'القرارات',
  'cm.decisions.none': 'لا يوجد أي طلب قيد الدراسة.',
  'cm.decisions.reviews': {
    zero: 'بدون تقييم',
    one: 'تقييم واحد',
    two: 'تقييمان',
    few: '{count} تقييمات',
    many: '{count} تقييمًا',
    other: '{count} تقييم',
  },
  'cm.decisions.average': 'متوسط النقط: {score}',
  'cm.decisions.noScore': 'بدون نقطة بعد',
  'cm.requested': 'المبلغ المطلوب: {amount}',
  'cm.decide': 'البت',
  'cm.decision.legend': 'القرار بشأن طلب {name}',
  'cm.decision.awarded': 'قبول ومنح الدعم',
  'cm.decision.rejected': 'رفض',
  'cm.decision.amount': 'المبلغ الممنوح (درهم)',
  'cm.decision.range': 'بين {min} و{max}.',
  'cm.decision.amountInvalid': 'اكتبوا مبلغًا بالأرقام بين {min} و{max}.',
  'cm.decision.conditions': 'شروط المنح',
  'cm.decision.reason': 'التعليل',
  'cm.decision.reasonMissing': 'اكتبوا سبب رفض الطلب.',
  'cm.decision.submit': 'تسجيل القرار',
  'cm.decision.done': 'سُجّل القرار بشأن طلب {name}: {outcome}.',
  'cm.results.title': 'النتائج',
  'cm.results.hint':
    'بعد إغلاق الإعلان والبت في كل الطلبات المقبولة شكلًا، انشروا النتائج: يصبح الدعم الممنوح عموميًا.',
  'cm.results.publish': 'نشر النتائج',
  'cm.results.done': 'نُشرت النتائج: الدعم الممنوح متاح للعموم.',
  'cm.results.published': 'نتائج هذا الإعلان منشورة.',
} satisfies Record<string, Message>;

/** Keys of the call manager's messages. */
export type CallManagerKey = keyof typeof ar;

/**
 * Catalogs of `<nassij-call-manager>`.
 *
 * @example
 * ```ts
 * static override messages = callManagerMessages;
 * ```
 */
export const callManagerMessages = defineMessages<CallManagerKey>(ar, {
  fr: () => import('./call-manager.messages.fr.js'),
  zgh: () => import('./call-manager.messages.zgh.js'),
  en: () => import('./call-manager.messages.en.js'),
});
