import { defineMessages, type Message } from '../i18n/messages.js';

// The words of `<nassij-subscribe>`. The Tifinagh (zgh) strings are working drafts, to be reviewed by an
// IRCAM-trained translator.

/** Arabic messages of `<nassij-subscribe>`: bundled with the component, and the key reference. */
const ar = {
  'sub.title.calls': 'تابعوا طلبات الدعم الجديدة عبر البريد الإلكتروني',
  'sub.title.consultation': 'تابعوا هذه الاستشارة عبر البريد الإلكتروني',
  'sub.intro.calls': 'نراسلكم عند نشر طلب دعم يطابق اختياراتكم، وعند تعديله أو إغلاقه أو إلغائه.',
  'sub.intro.consultation': 'نراسلكم عند كل جديد في هذه الاستشارة: صيغة جديدة، تغيير مرحلة، نشر التركيب.',
  'sub.email': 'عنوان بريدكم الإلكتروني',
  'sub.email.hint': 'نرسل إليه رابطًا لتأكيد الاشتراك.',
  'sub.email.required': 'أدخلوا عنوان بريدكم الإلكتروني.',
  'sub.email.invalid': 'أدخلوا عنوان بريد إلكتروني صحيحًا، مثل {example}.',
  'sub.which': 'أي طلبات الدعم؟',
  'sub.which.hint': 'اتركوا «الكل» في خانة لتلقي كل ما يخصها.',
  'sub.region': 'الجهة',
  'sub.sector': 'القطاع',
  'sub.funder': 'الهيئة المموِّلة',
  'sub.domain': 'مجال التدخل',
  'sub.any': 'الكل',
  'sub.unknownChoice': '{code} (غير معروف)',
  'sub.choice.invalid': 'هذا الاختيار غير معروف. اختاروا من القائمة.',
  'sub.consultation': 'الاستشارة',
  'sub.request': 'الطلب',
  'sub.digest': 'متى نراسلكم؟',
  'sub.digest.immediate': 'فور كل جديد',
  'sub.digest.daily': 'ملخص يومي، الساعة 8 صباحًا',
  'sub.digest.weekly': 'ملخص أسبوعي، كل يوم اثنين الساعة 8 صباحًا',
  'sub.consent':
    'نحتفظ بعنوان بريدكم واختياراتكم لإرسال هذه الرسائل فقط، إلى أن تلغوا الاشتراك. لا نرسل أي شيء قبل أن تؤكدوا العنوان. في كل رسالة رابط لإلغاء الاشتراك بنقرة واحدة، فيُمحى العنوان فورًا. (القانون رقم 09-08 المتعلق بحماية الأشخاص الذاتيين تجاه معالجة المعطيات ذات الطابع الشخصي.)',
  'sub.submit': 'اشتركوا',
  'sub.sending': 'جارٍ الإرسال…',
  'sub.errorSummary': 'يوجد مشكل',
  'sub.fieldError': '{label}: {message}',
  'sub.sent.title': 'تفقدوا بريدكم الإلكتروني',
  'sub.sent.body': {
    zero: 'إذا كان العنوان صحيحًا، فستصلكم رسالة فيها رابط لتأكيد الاشتراك. لا نرسل أي شيء آخر قبل التأكيد.',
    one: 'إذا كان العنوان صحيحًا، فستصلكم رسالة فيها رابط لتأكيد الاشتراك، صالح ليوم واحد. لا نرسل أي شيء آخر قبل التأكيد.',
    two: 'إذا كان العنوان صحيحًا، فستصلكم رسالة فيها رابط لتأكيد الاشتراك، صالح ليومين. لا نرسل أي شيء آخر قبل التأكيد.',
    few: 'إذا كان العنوان صحيحًا، فستصلكم رسالة فيها رابط لتأكيد الاشتراك، صالح لمدة {count} أيام. لا نرسل أي شيء آخر قبل التأكيد.',
    many: 'إذا كان العنوان صحيحًا، فستصلكم رسالة فيها رابط لتأكيد الاشتراك، صالح لمدة {count} يومًا. لا نرسل أي شيء آخر قبل التأكيد.',
    other:
      'إذا كان العنوان صحيحًا، فستصلكم رسالة فيها رابط لتأكيد الاشتراك، صالح لمدة {count} يوم. لا نرسل أي شيء آخر قبل التأكيد.',
  },
  'sub.sent.again': 'تغيير الاختيارات أو العنوان',
} satisfies Record<string, Message>;

/** Keys of the subscription form's messages. */
export type SubscribeKey = keyof typeof ar;

/**
 * The catalogs of `<nassij-subscribe>`: Arabic bundled, the other languages fetched when first shown.
 *
 * @example
 * ```ts
 * static override messages = subscribeMessages;
 * ```
 */
export const subscribeMessages = defineMessages(ar, {
  fr: () => import('./subscribe.messages.fr.js'),
  zgh: () => import('./subscribe.messages.zgh.js'),
  en: () => import('./subscribe.messages.en.js'),
});
