// The wording of the messages account sign-up and self-management send, in the four languages of the
// platform (Arabic first); `mail/layout.ts` lays them out. Tamazight wants a native speaker's review before
// release.
import type { Locale } from '@nassij/contract';
import { type ComposedMail, composeMail } from '../../mail/layout.js';

/** The kinds of message this area sends (`mail_outbox.kind`). */
export type AccountMailKind =
  | 'account.verify-email'
  | 'account.sign-up-existing'
  | 'account.password-reset'
  | 'account.password-changed'
  | 'account.change-email'
  | 'account.change-email-notice'
  | 'account.email-taken';

interface Wording {
  subject: string;
  paragraphs: string[];
  action?: string;
}

type Texts = {
  hello: (name: string) => string;
  messages: Record<AccountMailKind, (vars: { newEmail?: string }) => Wording>;
};

const TEXTS: Record<Locale, Texts> = {
  ar: {
    hello: (name) => `مرحبًا ${name}،`,
    messages: {
      'account.verify-email': () => ({
        subject: 'أكّد عنوان بريدك الإلكتروني',
        paragraphs: [
          'مرحبًا بك في نسيج. لإتمام إنشاء حسابك، أكّد أن هذا العنوان عنوانك.',
          'يعمل الرابط مرة واحدة، لمدة 24 ساعة.',
        ],
        action: 'تأكيد عنواني',
      }),
      'account.sign-up-existing': () => ({
        subject: 'محاولة إنشاء حساب بعنوانك',
        paragraphs: [
          'يوجد حساب في نسيج بهذا العنوان، وقد حاول أحدهم — ربما أنت — إنشاء حساب آخر به.',
          'إن كنت أنت، سجّل الدخول فقط، وإن نسيت كلمة المرور فاطلب إعادة تعيينها من صفحة الدخول. وإلا فتجاهل هذه الرسالة: لم يتغيّر شيء في حسابك.',
        ],
      }),
      'account.password-reset': () => ({
        subject: 'إعادة تعيين كلمة المرور',
        paragraphs: [
          'طُلبت إعادة تعيين كلمة مرور حسابك في نسيج. إن كنت أنت، اختر كلمة مرور جديدة عبر الرابط أدناه؛ يعمل مرة واحدة، لمدة ساعة.',
          'وإلا فتجاهل هذه الرسالة: لن تتغيّر كلمة مرورك.',
        ],
        action: 'اختيار كلمة مرور جديدة',
      }),
      'account.password-changed': () => ({
        subject: 'تم تغيير كلمة المرور',
        paragraphs: [
          'تم تغيير كلمة مرور حسابك في نسيج وأُنهيت كل الجلسات المفتوحة.',
          'إن لم تكن أنت، أعد تعيين كلمة المرور فورًا واتصل بالمنصة.',
        ],
      }),
      'account.change-email': () => ({
        subject: 'أكّد عنوان بريدك الإلكتروني الجديد',
        paragraphs: [
          'طلبت استعمال هذا العنوان لحسابك في نسيج. أكّده عبر الرابط أدناه؛ يعمل مرة واحدة، لمدة 24 ساعة.',
          'إلى ذلك الحين، تواصل الدخول بعنوانك الحالي.',
        ],
        action: 'تأكيد هذا العنوان',
      }),
      'account.change-email-notice': ({ newEmail }) => ({
        subject: 'طلب تغيير عنوان بريدك الإلكتروني',
        paragraphs: [
          `طُلب من حسابك في نسيج استبدال هذا العنوان بالعنوان ${newEmail ?? ''}. لن يتم التغيير إلا بعد فتح الرابط المرسل إلى العنوان الجديد.`,
          'إن لم تكن أنت، غيّر كلمة مرورك الآن: هناك من يعرفها.',
        ],
      }),
      'account.email-taken': () => ({
        subject: 'محاولة استعمال عنوانك',
        paragraphs: [
          'طلب أحدهم نقل حساب آخر في نسيج إلى هذا العنوان، وهو مستعمل في حساب قائم. لم يتغيّر شيء.',
          'إن كنت أنت، سجّل الدخول بهذا العنوان.',
        ],
      }),
    },
  },
  fr: {
    hello: (name) => `Bonjour ${name},`,
    messages: {
      'account.verify-email': () => ({
        subject: 'Confirmez votre adresse e-mail',
        paragraphs: [
          'Bienvenue sur Nassij. Pour finir de créer votre compte, confirmez que cette adresse est la vôtre.',
          'Le lien fonctionne une seule fois, pendant 24 heures.',
        ],
        action: 'Confirmer mon adresse',
      }),
      'account.sign-up-existing': () => ({
        subject: 'Tentative de création de compte avec votre adresse',
        paragraphs: [
          'Un compte Nassij existe déjà avec cette adresse, et quelqu’un — peut-être vous — vient d’essayer d’en créer un autre avec elle.',
          'Si c’était vous, connectez-vous simplement ; en cas d’oubli du mot de passe, demandez-en un nouveau depuis la page de connexion. Sinon, ignorez ce message : rien n’a changé sur votre compte.',
        ],
      }),
      'account.password-reset': () => ({
        subject: 'Réinitialisez votre mot de passe',
        paragraphs: [
          'La réinitialisation du mot de passe de votre compte Nassij a été demandée. Si c’était vous, choisissez un nouveau mot de passe avec le lien ci-dessous ; il fonctionne une seule fois, pendant 1 heure.',
          'Sinon, ignorez ce message : votre mot de passe ne change pas.',
        ],
        action: 'Choisir un nouveau mot de passe',
      }),
      'account.password-changed': () => ({
        subject: 'Votre mot de passe a été changé',
        paragraphs: [
          'Le mot de passe de votre compte Nassij a été changé et toutes les sessions ouvertes ont été fermées.',
          'Si ce n’était pas vous, réinitialisez votre mot de passe tout de suite et contactez la plateforme.',
        ],
      }),
      'account.change-email': () => ({
        subject: 'Confirmez votre nouvelle adresse e-mail',
        paragraphs: [
          'Vous avez demandé à utiliser cette adresse pour votre compte Nassij. Confirmez-la avec le lien ci-dessous ; il fonctionne une seule fois, pendant 24 heures.',
          'D’ici là, vous continuez à vous connecter avec votre adresse actuelle.',
        ],
        action: 'Confirmer cette adresse',
      }),
      'account.change-email-notice': ({ newEmail }) => ({
        subject: 'Demande de changement de votre adresse e-mail',
        paragraphs: [
          `Depuis votre compte Nassij, il a été demandé de remplacer cette adresse par ${newEmail ?? ''}. Le changement n’aura lieu qu’une fois ouvert le lien envoyé à la nouvelle adresse.`,
          'Si ce n’était pas vous, changez votre mot de passe maintenant : quelqu’un le connaît.',
        ],
      }),
      'account.email-taken': () => ({
        subject: 'Tentative d’utilisation de votre adresse',
        paragraphs: [
          'Quelqu’un a demandé de déplacer un autre compte Nassij vers cette adresse, qui a déjà un compte. Rien n’a changé.',
          'Si c’était vous, connectez-vous plutôt avec cette adresse.',
        ],
      }),
    },
  },
  zgh: {
    hello: (name) => `ⴰⵣⵓⵍ ${name},`,
    messages: {
      'account.verify-email': () => ({
        subject: 'ⵙⵏⵜⵎ ⴰⵏⵙⴰ ⵏⵏⴽ ⵏ ⵉⵎⴰⵢⵍ',
        paragraphs: [
          'ⴰⵏⵚⵓⴼ ⵙ ⵏⵙⵙⵉⵊ. ⴰⴷ ⵜⵙⵎⴷⴷ ⴰⵎⵉⴹⴰⵏ ⵏⵏⴽ, ⵙⵏⵜⵎ ⵉⵙ ⴰⵏⵙⴰ ⴰ ⵉⴽⴽⴰ ⴷⵉⴽ.',
          'ⴰⵣⴷⴰⵢ ⵉⵙⵡⵓⵔⵉ ⵢⴰⵜ ⵜⵉⴽⴽⵍⵜ, ⵖⴰⵙ 24 ⵏ ⵜⵙⵔⴰⴳⵉⵏ.',
        ],
        action: 'ⵙⵏⵜⵎ ⴰⵏⵙⴰ ⵉⵏⵓ',
      }),
      'account.sign-up-existing': () => ({
        subject: 'ⵢⴰⵏ ⵉⵔⴰ ⴰⴷ ⵉⵙⵏⵓⵍⴼⵓ ⴰⵎⵉⴹⴰⵏ ⵙ ⵓⵏⵙⴰ ⵏⵏⴽ',
        paragraphs: [
          'ⵉⵍⵍⴰ ⵢⴰⵏ ⵓⵎⵉⴹⴰⵏ ⴳ ⵏⵙⵙⵉⵊ ⵙ ⵓⵏⵙⴰ ⴰ, ⵢⴰⵏ — ⵉⵖ ⴽⵢⵢ — ⵉⵔⴰ ⴰⴷ ⵉⵙⵏⵓⵍⴼⵓ ⵢⴰⵏ ⵢⴰⴹⵏ ⵙ ⵓⵏⵙⴰ ⴰ.',
          'ⵎⴽ ⴷ ⴽⵢⵢ, ⴽⵛⵎ ⴽⴰ. ⵎⴽ ⵜⵜⵓⴷ ⵜⴰⴳⵓⵔⵉ ⵏ ⵓⵣⵔⴰⵢ, ⵙⵓⵜⵔ ⵜⴰⵎⴰⵢⵏⵓⵜ ⴳ ⵜⵙⵏⴰ ⵏ ⵓⴽⵛⵛⵓⵎ. ⵎⴽ ⵓⵀⵓ, ⵙⵙⵓⵔⴼ ⵜⵓⵣⵉⵏⵜ ⴰ: ⵓⵔ ⵉⵜⵜⵓⵙⵏⴼⵍ ⴽⵔⴰ.',
        ],
      }),
      'account.password-reset': () => ({
        subject: 'ⵙⵏⴼⵍ ⵜⴰⴳⵓⵔⵉ ⵏⵏⴽ ⵏ ⵓⵣⵔⴰⵢ',
        paragraphs: [
          'ⵉⵜⵜⵓⵙⵓⵜⵔ ⴰⵙⵏⴼⵍ ⵏ ⵜⴳⵓⵔⵉ ⵏ ⵓⵣⵔⴰⵢ ⵏ ⵓⵎⵉⴹⴰⵏ ⵏⵏⴽ ⴳ ⵏⵙⵙⵉⵊ. ⵎⴽ ⴷ ⴽⵢⵢ, ⴼⵔⵏ ⵜⴰⵎⴰⵢⵏⵓⵜ ⵙ ⵓⵣⴷⴰⵢ ⴰ; ⵉⵙⵡⵓⵔⵉ ⵢⴰⵜ ⵜⵉⴽⴽⵍⵜ, ⵖⴰⵙ ⵢⴰⵜ ⵜⵙⵔⴰⴳⵜ.',
          'ⵎⴽ ⵓⵀⵓ, ⵙⵙⵓⵔⴼ ⵜⵓⵣⵉⵏⵜ ⴰ: ⵜⴰⴳⵓⵔⵉ ⵏⵏⴽ ⵏ ⵓⵣⵔⴰⵢ ⵓⵔ ⵜⵜⵎⵓⵜⵜⵓⵢ.',
        ],
        action: 'ⴼⵔⵏ ⵜⴰⴳⵓⵔⵉ ⵏ ⵓⵣⵔⴰⵢ ⵜⴰⵎⴰⵢⵏⵓⵜ',
      }),
      'account.password-changed': () => ({
        subject: 'ⵜⵜⵓⵙⵏⴼⵍ ⵜⴳⵓⵔⵉ ⵏⵏⴽ ⵏ ⵓⵣⵔⴰⵢ',
        paragraphs: [
          'ⵜⵜⵓⵙⵏⴼⵍ ⵜⴳⵓⵔⵉ ⵏ ⵓⵣⵔⴰⵢ ⵏ ⵓⵎⵉⴹⴰⵏ ⵏⵏⴽ ⴳ ⵏⵙⵙⵉⵊ, ⵜⵜⵓⵔⴳⵍⵏⵜ ⴽⵓⵍⵍⵓ ⵜⵉⵖⵉⵎⵉⵏ ⵉⵕⵥⵎⵏ.',
          'ⵎⴽ ⵓⵔ ⵜⵍⵍⵉⴷ ⴽⵢⵢ, ⵙⵏⴼⵍ ⵜⴰⴳⵓⵔⵉ ⵏ ⵓⵣⵔⴰⵢ ⵖⵉⵍⴰ ⵜⵙⵙⵉⵡⵍⴷ ⵜⴰⵖⵉⵡⴰⵏⵜ.',
        ],
      }),
      'account.change-email': () => ({
        subject: 'ⵙⵏⵜⵎ ⴰⵏⵙⴰ ⵏⵏⴽ ⴰⵎⴰⵢⵏⵓ ⵏ ⵉⵎⴰⵢⵍ',
        paragraphs: [
          'ⵜⵙⵓⵜⵔⴷ ⴰⴷ ⵜⵙⵙⵎⵔⵙⴷ ⴰⵏⵙⴰ ⴰ ⵉ ⵓⵎⵉⴹⴰⵏ ⵏⵏⴽ ⴳ ⵏⵙⵙⵉⵊ. ⵙⵏⵜⵎ ⵜ ⵙ ⵓⵣⴷⴰⵢ ⴰ; ⵉⵙⵡⵓⵔⵉ ⵢⴰⵜ ⵜⵉⴽⴽⵍⵜ, ⵖⴰⵙ 24 ⵏ ⵜⵙⵔⴰⴳⵉⵏ.',
          'ⴰⵔ ⴷⵉⵏ, ⴰⴷ ⵜⴽⵛⵎⴷ ⵙ ⵓⵏⵙⴰ ⵏⵏⴽ ⵏ ⵖⵉⵍⴰ.',
        ],
        action: 'ⵙⵏⵜⵎ ⴰⵏⵙⴰ ⴰ',
      }),
      'account.change-email-notice': ({ newEmail }) => ({
        subject: 'ⴰⵙⵓⵜⵔ ⵏ ⵓⵙⵏⴼⵍ ⵏ ⵓⵏⵙⴰ ⵏⵏⴽ ⵏ ⵉⵎⴰⵢⵍ',
        paragraphs: [
          `ⵉⵜⵜⵓⵙⵓⵜⵔ ⵙⴳ ⵓⵎⵉⴹⴰⵏ ⵏⵏⴽ ⴳ ⵏⵙⵙⵉⵊ ⴰⴷ ⵉⵜⵜⵓⵙⵏⴼⵍ ⵓⵏⵙⴰ ⴰ ⵙ ${newEmail ?? ''}. ⴰⵙⵏⴼⵍ ⵓⵔ ⵉⵜⵜⵉⵍⵉ ⵅⵙ ⵎⴽ ⵉⵜⵜⵓⵕⵥⵎ ⵓⵣⴷⴰⵢ ⵏⵏⴰ ⵉⵜⵜⵓⵣⵏⵏ ⵙ ⵓⵏⵙⴰ ⴰⵎⴰⵢⵏⵓ.`,
          'ⵎⴽ ⵓⵔ ⵜⵍⵍⵉⴷ ⴽⵢⵢ, ⵙⵏⴼⵍ ⵜⴰⴳⵓⵔⵉ ⵏ ⵓⵣⵔⴰⵢ ⵖⵉⵍⴰ: ⵢⴰⵏ ⵉⵙⵙⵏ ⵜⵜ.',
        ],
      }),
      'account.email-taken': () => ({
        subject: 'ⵢⴰⵏ ⵉⵔⴰ ⴰⴷ ⵉⵙⵙⵎⵔⵙ ⴰⵏⵙⴰ ⵏⵏⴽ',
        paragraphs: [
          'ⵢⴰⵏ ⵉⵙⵓⵜⵔ ⴰⴷ ⵉⵙⵎⵓⵜⵜⵉ ⵢⴰⵏ ⵓⵎⵉⴹⴰⵏ ⵢⴰⴹⵏ ⴳ ⵏⵙⵙⵉⵊ ⵙ ⵓⵏⵙⴰ ⴰ, ⵍⵍⵉ ⵖⵓⵔ ⵉⵍⵍⴰ ⵓⵎⵉⴹⴰⵏ. ⵓⵔ ⵉⵜⵜⵓⵙⵏⴼⵍ ⴽⵔⴰ.',
          'ⵎⴽ ⴷ ⴽⵢⵢ, ⴽⵛⵎ ⵙ ⵓⵏⵙⴰ ⴰ.',
        ],
      }),
    },
  },
  en: {
    hello: (name) => `Hello ${name},`,
    messages: {
      'account.verify-email': () => ({
        subject: 'Confirm your e-mail address',
        paragraphs: [
          'Welcome to Nassij. To finish creating your account, confirm that this address is yours.',
          'The link works once, for 24 hours.',
        ],
        action: 'Confirm my address',
      }),
      'account.sign-up-existing': () => ({
        subject: 'Someone tried to create an account with your address',
        paragraphs: [
          'A Nassij account already exists with this address, and someone — perhaps you — just tried to create another one with it.',
          'If it was you, simply sign in; if you forgot your password, ask for a new one from the sign-in page. If not, ignore this message: nothing changed on your account.',
        ],
      }),
      'account.password-reset': () => ({
        subject: 'Reset your password',
        paragraphs: [
          'A reset of the password of your Nassij account was requested. If it was you, choose a new password with the link below; it works once, for 1 hour.',
          'If not, ignore this message: your password does not change.',
        ],
        action: 'Choose a new password',
      }),
      'account.password-changed': () => ({
        subject: 'Your password was changed',
        paragraphs: [
          'The password of your Nassij account was changed and every open session was signed out.',
          'If it was not you, reset your password at once and contact the platform.',
        ],
      }),
      'account.change-email': () => ({
        subject: 'Confirm your new e-mail address',
        paragraphs: [
          'You asked to use this address for your Nassij account. Confirm it with the link below; it works once, for 24 hours.',
          'Until then, you keep signing in with your current address.',
        ],
        action: 'Confirm this address',
      }),
      'account.change-email-notice': ({ newEmail }) => ({
        subject: 'A change of your e-mail address was requested',
        paragraphs: [
          `From your Nassij account, someone asked to replace this address with ${newEmail ?? ''}. The change happens only once the link sent to the new address is opened.`,
          'If it was not you, change your password now: someone knows it.',
        ],
      }),
      'account.email-taken': () => ({
        subject: 'Someone tried to use your address',
        paragraphs: [
          'Someone asked to move another Nassij account to this address, which already has an account. Nothing changed.',
          'If it was you, sign in with this address instead.',
        ],
      }),
    },
  },
};

/**
 * Composes one of this area's messages in the recipient's language: greeting by name, the wording, and the
 * link as the message's one action when the kind has one.
 *
 * @example
 * ```ts
 * const mail = accountMail('fr', 'account.verify-email', { name: 'Amina', url: `${origin}/auth/verify?token=…&lang=fr` });
 * await enqueueMail(db, { to, locale: 'fr', kind: 'account.verify-email', accountId, ...mail });
 * ```
 */
export function accountMail(
  locale: Locale,
  kind: AccountMailKind,
  vars: { name: string; url?: string; newEmail?: string },
): ComposedMail {
  const texts = TEXTS[locale];
  const wording = texts.messages[kind]({
    ...(vars.newEmail === undefined ? {} : { newEmail: vars.newEmail }),
  });
  return composeMail(locale, {
    subject: wording.subject,
    greeting: texts.hello(vars.name),
    paragraphs: wording.paragraphs,
    ...(wording.action && vars.url ? { action: { label: wording.action, url: vars.url } } : {}),
  });
}
