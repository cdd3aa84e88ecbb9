// What the members area writes to people, in the four languages of the platform (Arabic first). The layout
// (plain text and HTML, direction, escaping) is the mail module's; only the wording lives here.
import type { Locale, MembershipRole } from '@nassij/contract';
import { type ComposedMail, composeMail } from '../../mail/layout.js';

/** A role as the invitation names it, per language. */
const ROLE_NAMES: Record<Locale, Record<MembershipRole, string>> = {
  ar: { representative: 'ممثّلًا قانونيًا', treasurer: 'أمينًا للمال', member: 'عضوًا' },
  fr: { representative: 'représentant·e', treasurer: 'trésorier·e', member: 'membre' },
  zgh: { representative: 'ⴰⵎⴳⴷⴰⵍ', treasurer: 'ⴰⵎⵙⵏⴰⵡⴰⵍ ⵏ ⵜⵏⵇⵇⵉⴹⵜ', member: 'ⴰⴳⵎⴰⵎ' },
  en: { representative: 'representative', treasurer: 'treasurer', member: 'member' },
};

// Tamazight wording wants a native speaker's review before release, as the layout's does.
const INVITATION: Record<
  Locale,
  (input: { association: string; inviter: string; role: string; days: number }) => {
    subject: string;
    paragraphs: string[];
    action: string;
  }
> = {
  ar: ({ association, inviter, role, days }) => ({
    subject: `دعوة للانضمام إلى ${association} على منصة نسيج`,
    paragraphs: [
      `يدعوك ${inviter} للانضمام إلى ${association} ${role} على منصة نسيج.`,
      `سجّل الدخول بهذا العنوان الإلكتروني ثم اقبل الدعوة. الرابط صالح لمدة ${days} أيام ولمرة واحدة.`,
      'إن لم تكن تنتظر هذه الدعوة فتجاهل هذه الرسالة.',
    ],
    action: 'قبول الدعوة',
  }),
  fr: ({ association, inviter, role, days }) => ({
    subject: `Invitation à rejoindre ${association} sur Nassij`,
    paragraphs: [
      `${inviter} vous invite à rejoindre ${association} en tant que ${role} sur la plateforme Nassij.`,
      `Connectez-vous avec cette adresse e-mail puis acceptez l’invitation. Le lien est valable ${days} jours, une seule fois.`,
      'Si vous n’attendiez pas cette invitation, ignorez ce message.',
    ],
    action: 'Accepter l’invitation',
  }),
  zgh: ({ association, inviter, role, days }) => ({
    subject: `ⴰⵙⵏⵓⴱⴳ ⵖⵔ ${association} ⴳ ⵏⵙⵙⵉⵊ`,
    paragraphs: [
      `${inviter} ⵉⵙⵏⵓⴱⴳ ⴽⵯⵏ ⴰⴷ ⵜⴽⵛⵎⵎ ⵖⵔ ${association} ⵣⵓⵏⴷ ${role} ⴳ ⵜⵖⵉⵡⴰⵏⵜ ⵏⵙⵙⵉⵊ.`,
      `ⴽⵛⵎ ⵙ ⵓⵏⵙⴰ ⴰ ⵏ ⵉⵎⴰⵢⵍ, ⵙⵙⵓⵔⴳ ⴰⵙⵏⵓⴱⴳ. ⴰⵣⴷⴰⵢ ⵉⵖⵓⴷⴰ ${days} ⵡⵓⵙⵙⴰⵏ, ⵢⴰⵜ ⵜⵉⴽⴽⵍⵜ.`,
      'ⵎⴽ ⵓⵔ ⵜⵔⴰⵊⵓⵎ ⴰⵙⵏⵓⴱⴳ ⴰ, ⴰⵊⵊ ⵜⴰⵣⵏⴰⵏⵜ ⴰ.',
    ],
    action: 'ⵙⵙⵓⵔⴳ ⴰⵙⵏⵓⴱⴳ',
  }),
  en: ({ association, inviter, role, days }) => ({
    subject: `Invitation to join ${association} on Nassij`,
    paragraphs: [
      `${inviter} invites you to join ${association} as ${role} on the Nassij platform.`,
      `Sign in with this e-mail address, then accept the invitation. The link works once, for ${days} days.`,
      'If you were not expecting this invitation, ignore this message.',
    ],
    action: 'Accept the invitation',
  }),
};

/**
 * The invitation mail: who invites to which association with which role, and the one-time link.
 *
 * @example
 * ```ts
 * const mail = invitationMail('fr', { association: 'Association Amal', inviter: 'Fatima', role: 'treasurer',
 *   url: `${publicUrl}/my-association/?invitation=${token}&lang=fr`, days: 7 });
 * await enqueueMail(db, { to: email, locale: 'fr', kind: 'member.invitation', ...mail });
 * ```
 */
export function invitationMail(
  locale: Locale,
  input: { association: string; inviter: string; role: MembershipRole; url: string; days: number },
): ComposedMail {
  const words = INVITATION[locale]({
    association: input.association,
    inviter: input.inviter,
    role: ROLE_NAMES[locale][input.role],
    days: input.days,
  });
  return composeMail(locale, {
    subject: words.subject,
    paragraphs: words.paragraphs,
    action: { label: words.action, url: input.url },
  });
}
