// What a participant is told by e-mail when the synthesis of a consultation they took part in is published,
// in the four languages (Arabic is the source). Only wording lives here; the layout is the mail module's.
import type { Locale } from '@nassij/contract';
import type { MailContent } from '../../mail/layout.js';

/** The facts the message is built from, already in the recipient's language. */
export interface SynthesisPublishedFacts {
  name: string;
  title: string;
  reference: string;
  /** How many recommendations and amendments the synthesis answers. */
  answered: number;
}

const WORDING: Record<
  Locale,
  {
    greeting: (name: string) => string;
    subject: (f: SynthesisPublishedFacts) => string;
    lead: (f: SynthesisPublishedFacts) => string;
    next: string;
    footer: string;
  }
> = {
  ar: {
    greeting: (name) => `مرحبا ${name}،`,
    subject: (f) => `نُشرت حصيلة التشاور ${f.reference}`,
    lead: (f) =>
      `نُشرت حصيلة التشاور العمومي «${f.title}» الذي ساهمتم فيه. تبيّن الحصيلة مآل ${f.answered} من التوصيات والتعديلات المقترحة وأسباب ذلك.`,
    next: 'يمكنكم الاطلاع على الحصيلة ومآل مساهماتكم في صفحة التشاور.',
    footer: 'وصلتكم هذه الرسالة لأنكم ساهمتم في هذا التشاور على منصة نسيج بحسابكم.',
  },
  fr: {
    greeting: (name) => `Bonjour ${name},`,
    subject: (f) => `Synthèse de la consultation ${f.reference} publiée`,
    lead: (f) =>
      `La synthèse de la consultation publique « ${f.title} », à laquelle vous avez contribué, est publiée. Elle dit la suite donnée à ${f.answered} recommandations et amendements, et pourquoi.`,
    next: 'Vous pouvez lire la synthèse et la suite donnée à vos contributions sur la page de la consultation.',
    footer:
      'Vous recevez ce message parce que vous avez contribué à cette consultation sur Nassij avec votre compte.',
  },
  zgh: {
    greeting: (name) => `ⴰⵣⵓⵍ ${name},`,
    subject: (f) => `ⵉⵜⵜⵓⵥⵕⴰ ⵓⵎⴰⵢⵏⵓ ⵏ ⵓⵎⵙⴰⵙⴰ ${f.reference}`,
    lead: (f) =>
      `ⵉⵜⵜⵓⵥⵕⴰ ⵓⵎⴰⵢⵏⵓ ⵏ ⵓⵎⵙⴰⵙⴰ ⴰⵎⴰⵜⴰⵢ «${f.title}» ⵍⵍⵉ ⴳ ⵜⵜⵔⵏⵉⵎ. ⵉⵙⵙⵏⵎⴰⵍ ⵎⴰⴷ ⵉⵊⵕⴰⵏ ⵙ ${f.answered} ⵏ ⵜⵡⵏⵏⴰⵏⵉⵏ ⴷ ⵉⵙⵏⴼⵍⵏ, ⴷ ⵎⴰⵅ.`,
    next: 'ⵜⵣⵎⵔⵎ ⴰⴷ ⵜⵖⵔⵎ ⴰⵎⴰⵢⵏⵓ ⴷ ⵎⴰⴷ ⵉⵊⵕⴰⵏ ⵙ ⵜⵔⵏⵉⵡⵉⵏ ⵏⵏⵓⵏ ⴳ ⵜⴰⵙⵏⴰ ⵏ ⵓⵎⵙⴰⵙⴰ.',
    footer: 'ⵜⵜⵓⵣⵏ ⵜⴱⵔⴰⵜ ⴰⴷ ⵉⵏⵏⵓⵏ ⴰⵛⴽⵓ ⵜⵔⵏⵉⵎ ⴳ ⵓⵎⵙⴰⵙⴰ ⴰ ⴳ ⵏⵙⵙⵉⵊ ⵙ ⵓⵎⵉⴹⴰⵏ ⵏⵏⵓⵏ.',
  },
  en: {
    greeting: (name) => `Hello ${name},`,
    subject: (f) => `Synthesis of consultation ${f.reference} published`,
    lead: (f) =>
      `The synthesis of the public consultation “${f.title}”, to which you contributed, is published. It says what became of ${f.answered} recommendations and amendments, and why.`,
    next: 'You can read the synthesis and what became of your contributions on the consultation page.',
    footer:
      'You receive this message because you contributed to this consultation on Nassij with your account.',
  },
};

/**
 * The message telling a participant that the synthesis of their consultation is published, in their language.
 *
 * @example
 * ```ts
 * const content = synthesisPublishedMessage('fr', { name: 'Amina', title: 'Projet de loi',
 *   reference: 'MA-CONS-2026-0001', answered: 12 });
 * const mail = composeMail('fr', content);
 * ```
 */
export function synthesisPublishedMessage(locale: Locale, facts: SynthesisPublishedFacts): MailContent {
  const words = WORDING[locale];
  return {
    subject: words.subject(facts),
    greeting: words.greeting(facts.name),
    paragraphs: [words.lead(facts), words.next],
    footer: words.footer,
  };
}
