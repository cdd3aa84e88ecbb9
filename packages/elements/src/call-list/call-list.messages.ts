import { defineMessages, type Message } from '../i18n/messages.js';

// The Tifinagh (zgh) strings are working drafts, to be reviewed by an IRCAM-trained translator.

/** Arabic messages of `<nassij-call-list>`: bundled with the component, and the reference every locale must match. */
const ar = {
  'callList.title': 'طلبات الدعم العمومي',
  'callList.count': {
    zero: 'لا يوجد أي طلب',
    one: 'طلب واحد',
    two: 'طلبان',
    few: '{count} طلبات',
    many: '{count} طلبًا',
    other: '{count} طلب',
  },
  'callList.searchLabel': 'البحث في طلبات الدعم',
  'callList.sortLabel': 'الترتيب حسب',
  'callList.sort.closing_soonest': 'الأقرب انتهاءً',
  'callList.sort.newest': 'الأحدث',
  'callList.sort.largest': 'أكبر مبلغ دعم',
  'callList.filtersHeading': 'تصفية الطلبات',
  'callList.filtersToggle': 'عوامل التصفية ({count})',
  'callList.showResults': 'عرض النتائج',
  'callList.facet.status': 'الحالة',
  'callList.facet.region': 'الجهة',
  'callList.facet.domain': 'المجال',
  'callList.facet.sector': 'الجهة المانحة',
  'callList.facet.funderLevel': 'مستوى الجهة المانحة',
  'callList.facet.awardRange': 'مبلغ الدعم',
  'callList.facet.closing': 'تاريخ الإغلاق',
  'callList.funderLevel.national': 'وطني',
  'callList.funderLevel.regional': 'جهوي',
  'callList.funderLevel.provincial': 'إقليمي',
  'callList.funderLevel.communal': 'جماعي',
  'callList.funderLevel.public_establishment': 'مؤسسة عمومية',
  'callList.awardRange.lt-50k': 'أقل من {amount}',
  'callList.awardRange.50k-200k': 'من {min} إلى {max}',
  'callList.awardRange.200k-1m': 'من {min} إلى {max}',
  'callList.awardRange.gte-1m': '{amount} فأكثر',
  'callList.closing.within-7-days': 'خلال 7 أيام',
  'callList.closing.within-30-days': 'خلال 30 يومًا',
  'callList.closing.later': 'لاحقًا',
  'callList.closing.no-deadline': 'بدون أجل',
  'callList.none': 'لا يوجد أي طلب يطابق هذه المعايير.',
  'callList.funder': 'الجهة المانحة',
  'callList.award': 'مبلغ الدعم',
  'callList.awardBetween': 'من {min} إلى {max}',
  'callList.awardUpTo': 'إلى غاية {max}',
  'callList.awardFrom': 'ابتداءً من {min}',
  'callList.budgetTotal': 'الميزانية الإجمالية {total}',
  'callList.regions': 'الجهات المعنية',
  'callList.national': 'وطني (جميع الجهات)',
  'callList.deadline': 'آخر أجل',
  'callList.rolling': 'مفتوح طوال السنة (بدون أجل)',
  'callList.reference': 'المرجع',
  'callList.back': 'الرجوع إلى القائمة',
  'callList.apply': 'تقديم طلب',
  'callList.description': 'الوصف',
  'callList.criteria': 'معايير الانتقاء',
  'callList.weight': 'الوزن {weight}',
  'callList.requiredDocuments': 'الوثائق المطلوبة',
  'callList.mandatory': 'إلزامية',
  'callList.conditional': 'عند الاقتضاء',
  'callList.formats': 'الصيغ: {formats}',
  'callList.maxSize': 'الحجم الأقصى: {size}',
  'callList.template': 'النموذج',
  'callList.keyDates': 'التواريخ الرئيسية',
  'callList.date.published': 'تاريخ النشر',
  'callList.date.opens': 'تاريخ الافتتاح',
  'callList.date.closes': 'تاريخ الإغلاق',
  'callList.date.enquiries': 'آخر أجل لطرح الأسئلة',
  'callList.date.infoSession': 'لقاء إخباري',
  'callList.date.decision': 'التاريخ المتوقع للقرار',
  'callList.amendments': 'التعديلات',
  'callList.amendment': 'الصيغة {version}، {date}',
  'callList.contact': 'الاتصال',
  'callList.email': 'البريد الإلكتروني',
  'callList.phone': 'الهاتف',
  'callList.website': 'الموقع الإلكتروني',
  'callList.documents': 'الوثائق',
  'callList.subscribeFeed': 'الاشتراك في تحديثات هذه الطلبات',
  'callList.addDeadlines': 'إضافة آجال هذه الطلبات إلى تقويمي',
  'callList.addDeadline': 'إضافة آخر أجل إلى تقويمي',
} satisfies Record<string, Message>;

/** A message key of `<nassij-call-list>`. */
export type CallListKey = keyof typeof ar;

/**
 * Catalogs of `<nassij-call-list>`: Arabic in the bundle, French, Tamazight and English as small chunks
 * fetched the first time a reader needs them.
 *
 * @example
 * ```ts
 * import { catalogProblems } from '../i18n/catalogs.js';
 * await catalogProblems(callListMessages); // []
 * ```
 */
export const callListMessages = defineMessages(ar, {
  fr: () => import('./call-list.messages.fr.js'),
  zgh: () => import('./call-list.messages.zgh.js'),
  en: () => import('./call-list.messages.en.js'),
});
