// What the claims area writes to claimants, in the four languages of the platform (Arabic first): the
// outcome of their claim. The layout (plain text and HTML, direction, escaping) is the mail module's.
import type { ClaimKind, Locale } from '@nassij/contract';
import { type ComposedMail, composeMail } from '../../mail/layout.js';

interface Outcome {
  subject: string;
  paragraphs: string[];
  action?: string;
}

// Tamazight wording wants a native speaker's review before release, as the layout's does.
const VERIFIED: Record<Locale, (association: string, kind: ClaimKind) => Outcome> = {
  ar: (association, kind) => ({
    subject: `تم التحقق من طلبك: ${association}`,
    paragraphs: [
      kind === 'register'
        ? `تم التحقق من تسجيل ${association} على منصة نسيج، وأُضيفت الجمعية إلى الدليل.`
        : `تم التحقق من مطالبتك بـ ${association} على منصة نسيج.`,
      'أصبحت الممثّل القانوني للجمعية على المنصة: يمكنك تعديل ملفها ودعوة أعضائها وتقديم طلباتها.',
    ],
    action: 'فضاء جمعيتي',
  }),
  fr: (association, kind) => ({
    subject: `Votre demande est vérifiée : ${association}`,
    paragraphs: [
      kind === 'register'
        ? `L’enregistrement de ${association} sur Nassij est vérifié ; l’association figure désormais dans l’annuaire.`
        : `Votre revendication de ${association} sur Nassij est vérifiée.`,
      'Vous représentez désormais l’association sur la plateforme : vous pouvez modifier son profil, inviter ses membres et déposer ses candidatures.',
    ],
    action: 'Espace de mon association',
  }),
  zgh: (association, kind) => ({
    subject: `ⵉⵜⵜⵓⵙⵏⵜⵎ ⵓⵙⵓⵜⵔ ⵏⵏⴽ: ${association}`,
    paragraphs: [
      kind === 'register'
        ? `ⵉⵜⵜⵓⵙⵏⵜⵎ ⵓⵣⵎⵎⴻⵎ ⵏ ${association} ⴳ ⵏⵙⵙⵉⵊ, ⵜⵍⵍⴰ ⵜⵎⵙⵎⵓⵏⵜ ⴳ ⵓⵎⴰⵡⴰⵍ.`
        : `ⵉⵜⵜⵓⵙⵏⵜⵎ ⵓⵙⵓⵜⵔ ⵏⵏⴽ ⵅⴼ ${association} ⴳ ⵏⵙⵙⵉⵊ.`,
      'ⵜⴳⵉⴷ ⴰⵎⴳⴷⴰⵍ ⵏ ⵜⵎⵙⵎⵓⵏⵜ ⴳ ⵜⵖⵉⵡⴰⵏⵜ: ⵜⵣⵎⵔⴷ ⴰⴷ ⵜⵙⵏⴼⵍⴷ ⴰⵎⴰⵖⵏ ⵏⵏⵙ, ⴰⴷ ⵜⵙⵏⵓⴱⴳⴷ ⵉⴳⵎⴰⵎⵏ ⵏⵏⵙ.',
    ],
    action: 'ⵜⴰⵙⵏⴰ ⵏ ⵜⵎⵙⵎⵓⵏⵜ ⵉⵏⵓ',
  }),
  en: (association, kind) => ({
    subject: `Your claim is verified: ${association}`,
    paragraphs: [
      kind === 'register'
        ? `The registration of ${association} on Nassij is verified; the association is now in the directory.`
        : `Your claim on ${association} on Nassij is verified.`,
      'You now represent the association on the platform: you may edit its profile, invite its members and submit its applications.',
    ],
    action: 'My association’s space',
  }),
};

const REFUSED: Record<Locale, (association: string, reason: string) => Outcome> = {
  ar: (association, reason) => ({
    subject: `تعذّر قبول طلبك: ${association}`,
    paragraphs: [
      `راجعنا طلبك المتعلق بـ ${association} ولم نتمكن من قبوله.`,
      `السبب: ${reason}`,
      'يمكنك تقديم طلب جديد بوثائق مصحَّحة.',
    ],
  }),
  fr: (association, reason) => ({
    subject: `Votre demande n’a pas été acceptée : ${association}`,
    paragraphs: [
      `Nous avons examiné votre demande concernant ${association} et ne pouvons pas l’accepter.`,
      `Motif : ${reason}`,
      'Vous pouvez déposer une nouvelle demande avec des documents corrigés.',
    ],
  }),
  zgh: (association, reason) => ({
    subject: `ⵓⵔ ⵉⵜⵜⵓⵇⴱⴰⵍ ⵓⵙⵓⵜⵔ ⵏⵏⴽ: ${association}`,
    paragraphs: [
      `ⵏⵙⵙⵏⵜⵎ ⴰⵙⵓⵜⵔ ⵏⵏⴽ ⵅⴼ ${association}, ⵓⵔ ⵏⵣⵎⵉⵔ ⴰⴷ ⵜ ⵏⵇⴱⵍ.`,
      `ⵜⴰⵎⵏⵜⵉⵍⵜ: ${reason}`,
      'ⵜⵣⵎⵔⴷ ⴰⴷ ⵜⴰⵣⵏⴷ ⴰⵙⵓⵜⵔ ⴰⵎⴰⵢⵏⵓ ⵙ ⵉⵙⴷⵍⵙⵏ ⵉⵜⵜⵓⵙⵖⵓⴷⴰⵏ.',
    ],
  }),
  en: (association, reason) => ({
    subject: `Your claim was not accepted: ${association}`,
    paragraphs: [
      `We reviewed your claim on ${association} and cannot accept it.`,
      `Reason: ${reason}`,
      'You may send a new claim with corrected documents.',
    ],
  }),
};

/**
 * The message telling a claimant their claim is verified, with a link to their association's space.
 *
 * @example
 * ```ts
 * const mail = claimVerifiedMail('fr', { association: 'Association Amal', kind: 'claim', url: `${origin}/my-association/?lang=fr` });
 * ```
 */
export function claimVerifiedMail(
  locale: Locale,
  input: { association: string; kind: ClaimKind; url: string },
): ComposedMail {
  const words = VERIFIED[locale](input.association, input.kind);
  return composeMail(locale, {
    subject: words.subject,
    paragraphs: words.paragraphs,
    ...(words.action ? { action: { label: words.action, url: input.url } } : {}),
  });
}

/**
 * The message telling a claimant their claim is refused, with the reviewer's reason.
 *
 * @example
 * ```ts
 * const mail = claimRefusedMail('ar', { association: 'جمعية أمل', reason: 'الوكالة غير موقعة' });
 * ```
 */
export function claimRefusedMail(
  locale: Locale,
  input: { association: string; reason: string },
): ComposedMail {
  const words = REFUSED[locale](input.association, input.reason);
  return composeMail(locale, { subject: words.subject, paragraphs: words.paragraphs });
}
