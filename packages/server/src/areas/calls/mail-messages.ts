// What the calls area says by e-mail, in the four languages (Arabic is the source). Only wording lives here;
// the layout (greeting, button, footer, direction) is the mail module's.
import type { Locale } from '@nassij/contract';
import type { MailContent } from '../../mail/layout.js';

/** What happened to a published call that applicants with a draft must hear about. */
export type CallChangeKind = 'amended' | 'closed_early' | 'cancelled';

/** The facts a call-change message is built from, already in the recipient's language. */
export interface CallChangeFacts {
  name: string;
  title: string;
  reference: string;
  summary: string;
  version: number;
}

type Wording = Record<
  CallChangeKind,
  (facts: CallChangeFacts) => { subject: string; lead: string; next: string }
>;

const WORDING: Record<
  Locale,
  { greeting: (name: string) => string; reason: string; footer: string } & Wording
> = {
  ar: {
    greeting: (name) => `مرحبا ${name}،`,
    reason: 'السبب أو ما تغيّر:',
    footer: 'وصلتكم هذه الرسالة لأن لجمعيتكم مسودة طلب في طلب الدعم هذا على منصة نسيج.',
    amended: (f) => ({
      subject: `تعديل طلب الدعم ${f.reference}`,
      lead: `نُشر تعديل (النسخة ${f.version}) على طلب الدعم «${f.title}» الذي لجمعيتكم مسودة طلب فيه.`,
      next: 'راجعوا مسودتكم قبل إيداعها: قد تتطلب وثيقة أو معلومة جديدة.',
    }),
    closed_early: (f) => ({
      subject: `إغلاق طلب الدعم ${f.reference} قبل أوانه`,
      lead: `أُغلق طلب الدعم «${f.title}» قبل تاريخه المعلن، ولم تُودَع مسودة جمعيتكم.`,
      next: 'لم يعد ممكنا إيداع الطلبات في هذا الطلب.',
    }),
    cancelled: (f) => ({
      subject: `إلغاء طلب الدعم ${f.reference}`,
      lead: `أُلغي طلب الدعم «${f.title}» الذي لجمعيتكم مسودة طلب فيه.`,
      next: 'لن تُقبل أي طلبات في هذا الطلب.',
    }),
  },
  fr: {
    greeting: (name) => `Bonjour ${name},`,
    reason: 'Motif ou changement :',
    footer:
      'Vous recevez ce message parce que votre association a un brouillon de candidature à cet appel sur Nassij.',
    amended: (f) => ({
      subject: `Appel ${f.reference} modifié`,
      lead: `Une modification (version ${f.version}) de l’appel « ${f.title} » a été publiée ; votre association y a un brouillon de candidature.`,
      next: 'Relisez votre brouillon avant de le déposer : il peut demander un document ou une information de plus.',
    }),
    closed_early: (f) => ({
      subject: `Appel ${f.reference} clôturé avant la date prévue`,
      lead: `L’appel « ${f.title} » a été clôturé avant sa date annoncée ; le brouillon de votre association n’a pas été déposé.`,
      next: 'Il n’est plus possible de déposer une candidature à cet appel.',
    }),
    cancelled: (f) => ({
      subject: `Appel ${f.reference} annulé`,
      lead: `L’appel « ${f.title} », auquel votre association préparait une candidature, a été annulé.`,
      next: 'Aucune candidature ne sera reçue pour cet appel.',
    }),
  },
  zgh: {
    greeting: (name) => `ⴰⵣⵓⵍ ${name},`,
    reason: 'ⴰⵙⵔⴰⴳ ⵏⵖ ⵎⴰⵢⴷ ⵉⵜⵜⵓⵙⵏⴼⵍⵏ:',
    footer: 'ⵜⵜⵓⵣⵏ ⵜⴱⵔⴰⵜ ⴰⴷ ⵉⵏⵏⵓⵏ ⴰⵛⴽⵓ ⵜⵍⵍⴰ ⵜⵎⵓⵙⵙⵓⵏⵜ ⵏⵏⵓⵏ ⵙ ⵓⵣⵡⵉⵔ ⴳ ⵓⵙⵓⵜⵔ ⴰ ⴳ ⵏⵙⵙⵉⵊ.',
    amended: (f) => ({
      subject: `ⴰⵙⵏⴼⵍ ⵏ ⵓⵙⵓⵜⵔ ${f.reference}`,
      lead: `ⵉⵜⵜⵓⵥⵕⴰ ⵓⵙⵏⴼⵍ (ⵜⴰⵏⵖⵍⴰ ${f.version}) ⵏ ⵓⵙⵓⵜⵔ ⵏ ⵓⵙⵏⴰⴷ «${f.title}» ⵍⵍⵉ ⴳ ⵉⵍⵍⴰ ⵓⵣⵡⵉⵔ ⵏ ⵜⵎⵓⵙⵙⵓⵏⵜ ⵏⵏⵓⵏ.`,
      next: 'ⵖⵔ ⵜⵉⴽⴽⵍⵜ ⵢⴰⴹⵏ ⴰⵣⵡⵉⵔ ⵏⵏⵓⵏ ⵇⴱⵍ ⴰⴷ ⵜⵜ ⵜⴰⵣⵏⵎ.',
    }),
    closed_early: (f) => ({
      subject: `ⴰⵙⵓⵜⵔ ${f.reference} ⵉⵜⵜⵓⵇⵇⵏ ⵇⴱⵍ ⴰⴽⵓⴷ`,
      lead: `ⵉⵜⵜⵓⵇⵇⵏ ⵓⵙⵓⵜⵔ ⵏ ⵓⵙⵏⴰⴷ «${f.title}» ⵇⴱⵍ ⴰⴽⵓⴷ ⵏⵏⵙ; ⴰⵣⵡⵉⵔ ⵏ ⵜⵎⵓⵙⵙⵓⵏⵜ ⵏⵏⵓⵏ ⵓⵔ ⵉⵜⵜⵓⵣⵏ.`,
      next: 'ⵓⵔ ⵉⵣⵎⵉⵔ ⵢⴰⵏ ⴰⴷ ⵢⴰⵣⵏ ⵜⵓⵜⵔⴰ ⵉ ⵓⵙⵓⵜⵔ ⴰ.',
    }),
    cancelled: (f) => ({
      subject: `ⴰⵙⵓⵜⵔ ${f.reference} ⵉⵜⵜⵓⵙⵙⵔⵖ`,
      lead: `ⵉⵜⵜⵓⵙⵙⵔⵖ ⵓⵙⵓⵜⵔ ⵏ ⵓⵙⵏⴰⴷ «${f.title}» ⵍⵍⵉ ⴳ ⵉⵍⵍⴰ ⵓⵣⵡⵉⵔ ⵏ ⵜⵎⵓⵙⵙⵓⵏⵜ ⵏⵏⵓⵏ.`,
      next: 'ⵓⵔ ⴷ ⵜⵜⵓⵎⵓⵏⵏⵜ ⴽⵔⴰ ⵏ ⵜⵓⵜⵔⴰ ⵉ ⵓⵙⵓⵜⵔ ⴰ.',
    }),
  },
  en: {
    greeting: (name) => `Hello ${name},`,
    reason: 'Reason or change:',
    footer:
      'You receive this message because your association has a draft application on this call on Nassij.',
    amended: (f) => ({
      subject: `Call ${f.reference} amended`,
      lead: `An amendment (version ${f.version}) of the call “${f.title}” has been published; your association has a draft application on it.`,
      next: 'Read your draft again before submitting it: it may need another document or answer.',
    }),
    closed_early: (f) => ({
      subject: `Call ${f.reference} closed early`,
      lead: `The call “${f.title}” was closed before its announced date; your association’s draft was not submitted.`,
      next: 'Applications to this call can no longer be submitted.',
    }),
    cancelled: (f) => ({
      subject: `Call ${f.reference} cancelled`,
      lead: `The call “${f.title}”, on which your association had a draft application, has been cancelled.`,
      next: 'No application will be received for this call.',
    }),
  },
};

/**
 * The message telling a member with a draft that a call changed, in their language.
 *
 * @example
 * ```ts
 * const content = callChangeMessage('fr', 'amended', { name: 'Amina', title: 'Appel', reference: 'MA-MRP-2026-0001',
 *   summary: 'Date de clôture repoussée', version: 2 });
 * const mail = composeMail('fr', content);
 * ```
 */
export function callChangeMessage(locale: Locale, kind: CallChangeKind, facts: CallChangeFacts): MailContent {
  const words = WORDING[locale];
  const { subject, lead, next } = words[kind](facts);
  return {
    subject,
    greeting: words.greeting(facts.name),
    paragraphs: [lead, `${words.reason}\n${facts.summary}`, next],
    footer: words.footer,
  };
}
