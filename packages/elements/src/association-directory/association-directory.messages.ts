import { defineMessages, type Message } from '../i18n/messages.js';

// The Tamazight (zgh) strings are drafts by engineers, to be reviewed by an IRCAM-trained translator.

/** Arabic messages of `<nassij-association-directory>`: bundled, and the reference every locale must match. */
const ar = {
  'dir.title': 'دليل الجمعيات',
  'dir.search': 'البحث في الجمعيات',
  'dir.q': 'اسم الجمعية (بالعربية أو الفرنسية)',
  'dir.region': 'الجهة',
  'dir.anyRegion': 'كل الجهات',
  'dir.domain': 'مجال العمل',
  'dir.anyDomain': 'كل المجالات',
  'dir.status': 'الصفة',
  'dir.publicUtilityOnly': 'ذات المنفعة العامة فقط',
  'dir.submit': 'بحث',
  'dir.count': {
    zero: 'لا توجد جمعية',
    one: 'جمعية واحدة',
    two: 'جمعيتان',
    few: '{count} جمعيات',
    many: '{count} جمعية',
    other: '{count} جمعية',
  },
  // A search found in most of the directory is counted on a sample: its count is rounded and said to be about.
  'dir.countEstimated': {
    zero: 'نحو {count} جمعية',
    one: 'نحو {count} جمعية',
    two: 'نحو {count} جمعية',
    few: 'نحو {count} جمعيات',
    many: 'نحو {count} جمعية',
    other: 'نحو {count} جمعية',
  },
  'dir.results': 'النتائج',
  'dir.none': 'لا توجد جمعية تطابق هذا البحث.',
  'dir.more': 'عرض المزيد',
  'dir.publicUtility': 'ذات منفعة عامة',
  'dir.profile': 'بطاقة الجمعية',
  'dir.close': 'إغلاق البطاقة',
  'dir.registration': 'رقم وصل الإيداع',
  'dir.domains': 'مجالات العمل',
  'dir.status.yes': 'جمعية معترف لها بصفة المنفعة العامة',
  'dir.status.no': 'غير معترف لها بصفة المنفعة العامة',
  'dir.founded': 'تاريخ التأسيس',
  'dir.stats': 'نشاطها على المنصة',
  'dir.callsAppliedTo': 'طلبات العروض التي ترشحت لها',
  'dir.awardsReceived': 'المنح المحصل عليها',
  'dir.amountReceived': 'المبلغ الإجمالي المحصل عليه',
  'dir.trainingsAttended': 'التكوينات التي حضرتها',
  'dir.website': 'الموقع الإلكتروني',
  'dir.annualReports': 'التقارير السنوية المودعة',
  'dir.annualReportsNone': 'لا يوجد',
} satisfies Record<string, Message>;

export type DirectoryKey = keyof typeof ar;

/**
 * Catalogs of `<nassij-association-directory>`: Arabic bundled, the other locales loaded on demand.
 *
 * @example
 * ```ts
 * await catalogProblems(directoryMessages); // []
 * ```
 */
export const directoryMessages = defineMessages(ar, {
  fr: () => import('./association-directory.messages.fr.js'),
  zgh: () => import('./association-directory.messages.zgh.js'),
  en: () => import('./association-directory.messages.en.js'),
});
