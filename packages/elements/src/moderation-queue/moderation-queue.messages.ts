import { defineMessages, type Message } from '../i18n/messages.js';

// The moderation queue's own words (it used to borrow the consultation's catalogue and so download it whole).
// Keys keep their `cons.` names so that pages and tests reading them through `t()` keep working.
// The Tifinagh (zgh) strings are working drafts, to be reviewed by an IRCAM-trained translator.

/** Arabic messages of `<nassij-moderation-queue>`: bundled with the component, and the key reference. */
const ar = {
  'cons.mod.title': 'المساهمات في انتظار الإشراف',
  'cons.mod.count': {
    zero: 'لا مساهمة في الانتظار',
    one: 'مساهمة واحدة في الانتظار',
    two: 'مساهمتان في الانتظار',
    few: '{count} مساهمات في الانتظار',
    many: '{count} مساهمة في الانتظار',
    other: '{count} مساهمة في الانتظار',
  },
  'cons.mod.none': 'لا توجد مساهمات في انتظار الإشراف.',
  'cons.mod.reports': {
    zero: 'لا إبلاغ',
    one: 'إبلاغ واحد',
    two: 'إبلاغان',
    few: '{count} إبلاغات',
    many: '{count} إبلاغًا',
    other: '{count} إبلاغ',
  },
  'cons.mod.history': 'تاريخ المساهمة',
  'cons.mod.reason': 'السبب (إلزامي للإخفاء، يراه صاحب المساهمة)',
  'cons.mod.reasonRequired': 'اكتب سبب الإخفاء.',
  'cons.mod.publish': 'نشر',
  'cons.mod.keep': 'إبقاؤها منشورة',
  'cons.mod.hide': 'إخفاء',
  'cons.mod.signIn': 'سجّلوا الدخول بحساب مشرف لرؤية المساهمات في انتظار الإشراف.',
  'cons.mod.report.spam': 'رسائل مزعجة',
  'cons.mod.report.abuse': 'إساءة',
  'cons.mod.report.off_topic': 'خارج الموضوع',
  'cons.mod.report.personal_data': 'معطيات شخصية',
  'cons.mod.report.other': 'سبب آخر',
  'cons.mod.report.signedIn': 'من حساب مسجّل',
  'cons.mod.report.anonymous': 'من زائر',
  'cons.mod.report.auto': {
    zero: 'أُعيدت إلى الإشراف بعد إبلاغات من حسابات مسجّلة',
    one: 'أُعيدت إلى الإشراف بعد إبلاغ من حساب مسجّل واحد',
    two: 'أُعيدت إلى الإشراف بعد إبلاغات من حسابين مسجّلين',
    few: 'أُعيدت إلى الإشراف بعد إبلاغات من {count} حسابات مسجّلة',
    many: 'أُعيدت إلى الإشراف بعد إبلاغات من {count} حسابًا مسجّلًا',
    other: 'أُعيدت إلى الإشراف بعد إبلاغات من {count} حساب مسجّل',
  },
  'cons.kind.comment': 'تعليق',
  'cons.kind.recommendation': 'توصية',
  'cons.kind.amendment': 'تعديل',
  'cons.kind.answer': 'جواب',
  'cons.ptype.citizen': 'مواطن(ة)',
  'cons.ptype.association': 'جمعية',
  'cons.form.proposed': 'الصيغة المقترحة',
  'cons.state.pending': 'في انتظار الإشراف',
  'cons.state.published': 'منشورة',
  'cons.state.hidden': 'مخفية',
  'cons.event.created': 'إيداع',
  'cons.event.edited': 'تعديل',
  'cons.event.published': 'نشر',
  'cons.event.hidden': 'إخفاء',
  'cons.event.reported': 'إبلاغ',
  'cons.event.responded': 'جواب رسمي',
} satisfies Record<string, Message>;

/** Keys of the moderation queue's messages. */
export type ModerationQueueKey = keyof typeof ar;

/**
 * Catalogs of `<nassij-moderation-queue>`.
 *
 * @example
 * ```ts
 * static override messages = moderationQueueMessages;
 * ```
 */
export const moderationQueueMessages = defineMessages<ModerationQueueKey>(ar, {
  fr: () => import('./moderation-queue.messages.fr.js'),
  zgh: () => import('./moderation-queue.messages.zgh.js'),
  en: () => import('./moderation-queue.messages.en.js'),
});
