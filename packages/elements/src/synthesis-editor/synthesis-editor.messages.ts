import { synthesisPageAr } from '../consultation/views/synthesis.messages.js';
import { defineMessages, type Message } from '../i18n/messages.js';

// The Tifinagh (zgh) strings are working drafts, to be reviewed by an IRCAM-trained translator. The words of
// the public synthesis page, which the preview shows, come from the consultation widget's `synthesisPage*`.

/** Arabic messages of `<nassij-synthesis-editor>`: bundled with the component, and the key reference. */
const ar = {
  ...synthesisPageAr,
  'se.title': 'إعداد خلاصة الاستشارة',
  'se.title.published': 'خلاصة الاستشارة منشورة',
  'se.signIn': 'سجّلوا الدخول بحساب مسيّر الاستشارات لإعداد الخلاصة.',
  'se.choose': 'اختاروا استشارة لإعداد خلاصتها.',
  'se.phase.open': 'ما زالت المشاركة مفتوحة: يمكنكم إعداد الخلاصة الآن، ولا تُنشر إلا بعد اختتام المشاركة.',
  'se.phase.before': 'لم تبدأ المشاركة بعد: لا تُنشر الخلاصة إلا بعد اختتام المشاركة.',
  'se.publishedOn': 'نُشرت الخلاصة في {date}. تظهر في الصفحة العلنية للاستشارة كما يلي.',
  'se.save.saving': 'جارٍ الحفظ…',
  'se.save.device': 'محفوظ على هذا الجهاز، في انتظار الحفظ على المنصة',
  'se.save.saved': 'حُفظ على المنصة على الساعة {time}',
  'se.save.none': 'لم يُحفظ شيء بعد',
  'se.progress': {
    zero: 'لا توصية ولا تعديل بعد',
    one: '{done} من توصية أو تعديل واحد لها مآل وتعليل',
    two: '{done} من {count} لها مآل وتعليل',
    few: '{done} من {count} لها مآل وتعليل',
    many: '{done} من {count} لها مآل وتعليل',
    other: '{done} من {count} لها مآل وتعليل',
  },
  'se.conflict.title': 'عُدّلت هذه الخلاصة في مكان آخر',
  'se.conflict.body':
    'حفظ شخص آخر الخلاصة في الأثناء. لم يضع شيء مما كتبتم: هو باقٍ هنا وعلى هذا الجهاز. اختاروا حفظه فوق النسخة الأحدث، أو أخذ النسخة الأحدث.',
  'se.conflict.mine': 'حفظ نصي',
  'se.conflict.theirs': 'أخذ النسخة الأحدث',
  'se.summary': 'الملخص العام (علني)',
  'se.summary.hint': 'ماذا قال المشاركون وماذا فعلت الإدارة: يظهر في أعلى الصفحة العلنية.',
  'se.report': 'رابط التقرير الكامل (اختياري)',
  'se.report.invalid': 'أدخلوا عنوانًا كاملًا يبدأ بـ https://',
  'se.lang.ar': 'بالعربية',
  'se.lang.fr': 'بالفرنسية',
  'se.lang.zgh': 'بالأمازيغية',
  'se.lang.en': 'بالإنجليزية',
  'se.lang.more': 'لغات أخرى: {label}',
  'se.article': 'المادة {number}',
  'se.article.removed': 'المادة {number} (حُذفت من الصيغة الحالية)',
  'se.removed': 'مادة محذوفة',
  'se.whole': 'النص بأكمله',
  'se.article.summary': 'ملخص المساهمات في {article} (اختياري)',
  'se.article.text': 'نص المادة',
  'se.kind.recommendation': 'توصية',
  'se.kind.amendment': 'تعديل',
  'se.onVersion': 'على الصيغة {number}',
  'se.supports': {
    zero: 'لا تأييد',
    one: 'تأييد واحد',
    two: 'تأييدان',
    few: '{count} تأييدات',
    many: '{count} تأييدًا',
    other: '{count} تأييد',
  },
  'se.proposed': 'الصيغة المقترحة',
  'se.outcome': 'المآل',
  'se.reason': 'التعليل (علني)',
  'se.none': 'لا توصية ولا تعديل منشور في هذه الاستشارة: يكفي الملخص العام.',
  'se.item': '{article}، {kind} ({author})',
  'se.problem.summary': 'الملخص العام: مطلوب',
  'se.problem.outcome': '{item}: لم يُحدَّد المآل',
  'se.problem.reason': '{item}: ينقص التعليل',
  'se.problems': {
    zero: 'لا شيء ينقص',
    one: 'عنصر واحد ينقص قبل النشر',
    two: 'عنصران ينقصان قبل النشر',
    few: '{count} عناصر تنقص قبل النشر',
    many: '{count} عنصرًا ينقص قبل النشر',
    other: '{count} عنصر ينقص قبل النشر',
  },
  'se.ready': 'الخلاصة كاملة: لكل توصية وتعديل مآل وتعليل.',
  'se.preview.show': 'معاينة الصفحة العلنية',
  'se.preview.title': 'معاينة: هكذا ستظهر الخلاصة للعموم',
  'se.publish': 'نشر الخلاصة',
  'se.publish.hint': 'النشر نهائي: تُجمَّد أرقام المشاركة ويُخبَر المشاركون.',
  'se.published': 'نُشرت الخلاصة.',
  'se.group.count': {
    zero: 'لا توصية ولا تعديل',
    one: 'توصية أو تعديل واحد، معروض منها {shown}',
    two: 'توصيتان أو تعديلان، معروض منها {shown}',
    few: '{count} توصيات وتعديلات، معروض منها {shown}',
    many: '{count} توصية وتعديلًا، معروض منها {shown}',
    other: '{count} توصية وتعديل، معروض منها {shown}',
  },
  'se.more': 'عرض المزيد',
  'se.more.loaded': {
    zero: 'لا مزيد',
    one: 'عُرضت مساهمة أخرى',
    two: 'عُرضت مساهمتان أخريان',
    few: 'عُرضت {count} مساهمات أخرى',
    many: 'عُرضت {count} مساهمة أخرى',
    other: 'عُرضت {count} مساهمة أخرى',
  },
  'se.problem.unloaded': 'مساهمة لم تُعرض بعد ({id})',
  'se.preview.partial':
    'تعرض المعاينة الصفوف المعروضة في هذه الصفحة؛ ستضم الخلاصة المنشورة كل التوصيات والتعديلات.',
} satisfies Record<string, Message>;

export type SynthesisEditorKey = keyof typeof ar;

/**
 * Catalogs of `<nassij-synthesis-editor>`: Arabic in the bundle, the other languages fetched on demand.
 *
 * @example
 * ```ts
 * await catalogProblems(synthesisEditorMessages); // []
 * ```
 */
export const synthesisEditorMessages = defineMessages(ar, {
  fr: () => import('./synthesis-editor.messages.fr.js'),
  zgh: () => import('./synthesis-editor.messages.zgh.js'),
  en: () => import('./synthesis-editor.messages.en.js'),
});
