import { defineMessages, type Message } from '../i18n/messages.js';

// Words of the "my registrations and certificates" view only: fetched with that view (see my-training.ts),
// so the finder's first download does not carry them. The Tifinagh strings are drafts to be reviewed.

/** Arabic messages of the "my registrations and certificates" view: the key reference. */
const ar = {
  'tm.title': 'تسجيلاتي وشهاداتي',
  'tm.empty': 'لستم مسجلين في أي تكوين بعد.',
  'tm.association': 'باسم: {name}',
  'tm.certificate': 'الحصول على شهادتي',
  'tm.pdf': 'الشهادة (PDF)',
  'tm.verify': 'صفحة التحقق',
  'tm.json': 'تنزيل الشهادة الرقمية (JSON)',
  'tm.certHint': 'يمكن لكل من تطلعونه على الشهادة التحقق منها في صفحة التحقق، أو بملف JSON الموقَّع.',
  'tm.competencies': 'كفاءاتي',
  'tm.noCompetencies': 'لم تُسجَّل أي كفاءة بعد: تُضاف مع كل تكوين تتمونه.',
  'tm.level': 'أعلى مستوى: {level}',
  'tm.acquired': '{course} — أُتمّ في {date} (المستوى {level})',
} satisfies Record<string, Message>;

/** A message key of the "my registrations and certificates" view. */
export type MyTrainingKey = keyof typeof ar;

/**
 * Catalogs of the "my registrations and certificates" view.
 *
 * @example
 * ```ts
 * await catalogProblems(myTrainingMessages); // []
 * ```
 */
export const myTrainingMessages = defineMessages(ar, {
  fr: () => import('./my-training.messages.fr.js'),
  zgh: () => import('./my-training.messages.zgh.js'),
  en: () => import('./my-training.messages.en.js'),
});
