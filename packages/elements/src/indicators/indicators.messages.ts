import { defineMessages, type Message } from '../i18n/messages.js';

// The Tamazight (zgh) strings are drafts by engineers, to be reviewed by an IRCAM-trained translator.

/** Arabic messages of `<nassij-indicators>`: bundled with the component, and the reference every locale must match. */
const ar = {
  'ind.title': 'مؤشرات المنصة',
  'ind.filters': 'اختيار الفترة والجهة',
  'ind.year': 'السنة',
  'ind.region': 'الجهة',
  'ind.allRegions': 'كل الجهات',
  'ind.chartIndicator': 'المؤشر المعروض في الرسوم',
  'ind.keyFigures': 'الأرقام الرئيسية',
  'ind.period': 'الفترة: سنة {year}',
  'ind.scope.national': 'النطاق: المغرب',
  'ind.scope.region': 'النطاق: {region}',
  'ind.denominator': 'المقام: {text}',
  'ind.ratio': '{numerator} من أصل {denominator}',
  'ind.definition': 'التعريف',
  'ind.noDenominator': 'عدد بسيط، بدون مقام.',
  'ind.bars.title': '{indicator} حسب الجهة، {year}',
  'ind.bars.desc': 'أعلى قيمة: {max} ({maxValue})؛ أدنى قيمة: {min} ({minValue}). {count} جهة.',
  'ind.trend.title': '{indicator} حسب السنة، {scope}',
  'ind.trend.desc': 'من {first} ({firstValue}) إلى {last} ({lastValue}).',
  'ind.breakdown.title': 'التوزيع الجهوي: {indicator}، {year}',
  'ind.col.region': 'الجهة',
  'ind.col.year': 'السنة',
  'ind.col.value': 'القيمة',
  'ind.col.numerator': 'البسط',
  'ind.col.denominator': 'المقام',
  'ind.col.indicator': 'المؤشر',
  'ind.sortBy': 'ترتيب حسب {column}',
  'ind.showTable': 'عرض كجدول',
  'ind.showChart': 'عرض كرسم بياني',
  'ind.download': 'تحميل البيانات (CSV)',
  'ind.downloadOf': 'بيانات: {title}',
  'ind.downloadAll': 'تحميل كل الأرقام الرئيسية (CSV)',
  'ind.selected': '(الجهة المختارة)',
  'ind.noChart': 'لا يتوفر لهذا المؤشر توزيع حسب الجهة.',
  'ind.empty': 'لا توجد مؤشرات لهذه الفترة.',
  'ind.updated': 'تاريخ الاحتساب: {date}',
} satisfies Record<string, Message>;

export type IndicatorsKey = keyof typeof ar;

/**
 * Catalogs of `<nassij-indicators>`: Arabic bundled, French, Tamazight and English loaded on demand.
 *
 * @example
 * ```ts
 * await catalogProblems(indicatorsMessages); // []
 * ```
 */
export const indicatorsMessages = defineMessages(ar, {
  fr: () => import('./indicators.messages.fr.js'),
  zgh: () => import('./indicators.messages.zgh.js'),
  en: () => import('./indicators.messages.en.js'),
});
