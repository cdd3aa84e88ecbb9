import { defineMessages, type Message } from '../i18n/messages.js';

// The Tifinagh (zgh) strings are working drafts, to be reviewed by an IRCAM-trained translator.

/** Arabic messages of `<nassij-review-panel>`: bundled with the component, and the key reference. */
const ar = {
  'rp.title': 'تقييم الطلبات',
  'rp.list': 'طلبات هذا الإعلان',
  'rp.none': 'لا توجد طلبات للتقييم.',
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
  'rp.coi.legend': 'هل لديكم تضارب في المصالح مع هذه الجمعية أو هذا المشروع؟',
  'rp.coi.none': 'ليس لدي أي تضارب في المصالح',
  'rp.coi.declared': 'لدي تضارب في المصالح',
  'rp.coi.statement': 'ما هو تضارب المصالح؟',
  'rp.coi.noScoring': 'بعد هذا التصريح تُعفَون من هذا الطلب: لن تطّلعوا عليه ولن تنقّطوه.',
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
  'rp.signIn': 'سجّلوا الدخول بحساب مقيّم أو بحساب أحد المكلفين بتدبير هذا الإعلان لرؤية طلباته.',
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
  'rp.stage.awaiting': 'في انتظار التحقق من الأهلية: {count}',
  'rp.stage.review': 'قيد الدراسة: {count}',
  'rp.stage.decided': 'تم البت فيها: {count}',
  'rp.declaration.none': 'التصريح بتضارب المصالح مطلوب قبل الفتح',
  'rp.declaration.no_conflict': 'صرّحتم بعدم وجود تضارب في المصالح',
  'rp.declaration.conflict': 'صرّحتم بتضارب في المصالح: أنتم معفَون من هذا الطلب',
  'rp.recused': 'لا يمكنكم فتح هذا الطلب لأنكم صرّحتم بتضارب في المصالح.',
  'rp.awaitingCheck': 'في انتظار تحقق المكلفين بالإعلان من أهليته: يمكنكم التصريح وتقييمه بعد قبوله.',
  'rp.declare.title': 'قبل فتح الطلب: التصريح بتضارب المصالح',
  'rp.declare.intro':
    'لا ترون الآن سوى اسم الجمعية وعنوان المشروع. لا يُعرض الطلب ووثائقه إلا بعد تصريحكم بعدم وجود تضارب في المصالح.',
  'rp.declare.applicant': 'الجمعية',
  'rp.declare.project': 'المشروع',
  'rp.declare.submit': 'تسجيل التصريح',
  'rp.declare.choose': 'اختاروا أحد الجوابين.',
  'rp.declare.statementMissing': 'اكتبوا في بضع كلمات ما هو تضارب المصالح.',
  'rp.declare.recorded': 'سُجّل تصريحكم: أنتم معفَون من طلب {name}.',
  'rp.download': 'تنزيل {name}',
  'rp.download.missing': 'تعذّر تنزيل الملف: لم يعد محفوظا في المنصة.',
  'rp.review.title': 'تقييمكم',
  'rp.review.notUnderReview': 'هذا الطلب ليس قيد الدراسة: لا يوجد ما يُنقَّط.',
  'rp.review.already': 'سبق أن أرسلتم تقييمكم لهذا الطلب.',
  'rp.reviewsList': 'التقييمات',
  'rp.reviewsList.progress': 'التقييمات المكتوبة: {count} من أصل {needed} مطلوبة',
  'rp.reviewsList.score': '{name}: {total} / 100',
  'rp.reviewsList.conflict': '{name}: صرّح بتضارب في المصالح، بدون تنقيط',
  'rp.decision.notYet': 'يأتي القرار بعد التحقق من الأهلية والتقييمات.',
  'rp.decision.notPublic': 'تصبح المنحة علنية عند نشر نتائج الإعلان.',
  'rp.decision.callStillOpen': 'ما زال الإعلان مفتوحا (يُغلق في {date}): يُتخذ القرار بعد إغلاقه.',
  'rp.decision.reviewsIncomplete': 'التقييمات غير كافية بعد: {count} مكتوبة من أصل {needed} يطلبها الإعلان.',
  'rp.decision.onlyReviewer': 'أنتم المقيّم الوحيد لهذا الطلب: يتخذ القرارَ عضو آخر من المكلفين بالإعلان.',
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
