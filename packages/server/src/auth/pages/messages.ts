import type { Locale } from '@nassij/contract';

/**
 * Every sentence of the account pages (popup, verify, reset). `{origin}`, `{email}`, `{min}` and `{max}`
 * are filled in by the page or its script; the rest is plain text, escaped where it is written.
 */
export interface PageTexts {
  // Sign-in (the popup's first view).
  title: string;
  intro: string;
  email: string;
  password: string;
  submit: string;
  showPassword: string;
  done: string;
  refusedTitle: string;
  refused: string;
  toSignUp: string;
  toForgot: string;
  toResend: string;
  toSignIn: string;
  // Create an account.
  signUpTitle: string;
  displayName: string;
  displayNameHint: string;
  signUpEmailHint: string;
  passwordHint: string;
  passwordOk: string;
  signUpSubmit: string;
  checkMailTitle: string;
  checkMail: string;
  checkMailElse: string;
  resendAgain: string;
  resent: string;
  signInNow: string;
  // Forgotten password and a new confirmation link.
  forgotTitle: string;
  forgotIntro: string;
  forgotSubmit: string;
  forgotSent: string;
  resendTitle: string;
  resendIntro: string;
  resendSubmit: string;
  // The e-mail confirmation page.
  verifyTitle: string;
  verifyIntro: string;
  verifySubmit: string;
  verifiedTitle: string;
  verified: string;
  verifiedChanged: string;
  newLinkTitle: string;
  verifyNewLinkIntro: string;
  // The new password page.
  resetTitle: string;
  resetIntro: string;
  newPassword: string;
  resetSubmit: string;
  resetDoneTitle: string;
  resetDone: string;
  resetNewLinkIntro: string;
  // Errors: the summary's heading, then one message per problem code or field problem.
  errorSummary: string;
  failed: string;
  invalid: string;
  email_not_verified: string;
  rate_limited: string;
  link_invalid: string;
  link_expired: string;
  link_used: string;
  already_exists: string;
  required_email: string;
  invalid_email: string;
  required_password: string;
  required_displayName: string;
  too_long_displayName: string;
  password_too_short: string;
  password_too_long: string;
  password_breached: string;
  password_context: string;
  invalid_field: string;
}

// Arabic is the source; Tamazight strings want a native speaker's review before release.
export const PAGE_TEXTS: Record<Locale, PageTexts> = {
  ar: {
    title: 'تسجيل الدخول إلى نسيج',
    intro: 'يطلب منك الموقع {origin} تسجيل الدخول.',
    email: 'البريد الإلكتروني',
    password: 'كلمة المرور',
    submit: 'تسجيل الدخول',
    showPassword: 'إظهار كلمة المرور',
    done: 'تم تسجيل الدخول. يمكنك إغلاق هذه النافذة.',
    refusedTitle: 'هذا الموقع غير مسموح له',
    refused:
      'الموقع {origin} غير مدرج في قائمة المواقع المسموح لها باستعمال تسجيل الدخول عبر نسيج. لم تُرسل إليه أي معلومة.',
    toSignUp: 'إنشاء حساب',
    toForgot: 'نسيت كلمة المرور؟',
    toResend: 'لم تصلك رسالة التأكيد؟',
    toSignIn: 'العودة إلى تسجيل الدخول',
    signUpTitle: 'إنشاء حساب في نسيج',
    displayName: 'الاسم',
    displayNameHint: 'كما تريد أن يراه الآخرون.',
    signUpEmailHint: 'سنرسل إليه رابطًا لتأكيده.',
    passwordHint:
      '{min} حرفًا على الأقل. بضع كلمات تتذكرها تصنع كلمة مرور جيدة. تجنّب كلمات المرور الشائعة واسمك وعنوانك.',
    passwordOk: 'كلمة المرور تستوفي الشروط.',
    signUpSubmit: 'إنشاء حسابي',
    checkMailTitle: 'تفقّد بريدك',
    checkMail: 'أرسلنا رسالة إلى {email}. افتح الرابط الذي فيها لتأكيد عنوانك، ثم عد إلى هنا لتسجيل الدخول.',
    checkMailElse: 'لم تصل بعد بضع دقائق؟ ابحث في مجلد الرسائل غير المرغوب فيها أو أعد الإرسال.',
    resendAgain: 'إعادة إرسال الرسالة',
    resent: 'إذا كان هناك حساب ينتظر التأكيد بالعنوان {email}، فقد أرسلنا إليه رسالة جديدة.',
    signInNow: 'أكّدت عنواني، تسجيل الدخول',
    forgotTitle: 'نسيت كلمة المرور؟',
    forgotIntro: 'أدخل عنوان بريدك وسنرسل إليك رابطًا لاختيار كلمة مرور جديدة.',
    forgotSubmit: 'إرسال الرابط',
    forgotSent:
      'إذا كان هناك حساب بالعنوان {email}، فقد أرسلنا إليه رابطًا لاختيار كلمة مرور جديدة. يبقى صالحًا لمدة ساعة.',
    resendTitle: 'رابط تأكيد جديد',
    resendIntro: 'أدخل العنوان الذي أنشأت به حسابك وسنرسل إليه رابط تأكيد جديدًا.',
    resendSubmit: 'إرسال رابط جديد',
    verifyTitle: 'تأكيد عنوان بريدك الإلكتروني',
    verifyIntro: 'لإتمام العملية، أكّد أن هذا العنوان لك.',
    verifySubmit: 'تأكيد عنواني',
    verifiedTitle: 'تم تأكيد عنوانك',
    verified: 'تم تأكيد عنوانك. يمكنك إغلاق هذه الصفحة وتسجيل الدخول.',
    verifiedChanged: 'تم تأكيد عنوانك الجديد. استعمله من الآن لتسجيل الدخول. يمكنك إغلاق هذه الصفحة.',
    newLinkTitle: 'الحصول على رابط جديد',
    verifyNewLinkIntro:
      'أدخل عنوانك لتتلقى رابط تأكيد جديدًا. إذا كنت تغيّر عنوانك، فابدأ التغيير من جديد من حسابك.',
    resetTitle: 'اختيار كلمة مرور جديدة',
    resetIntro: 'ستُلغى جميع الجلسات المفتوحة بحسابك بعد التغيير.',
    newPassword: 'كلمة المرور الجديدة',
    resetSubmit: 'حفظ كلمة المرور الجديدة',
    resetDoneTitle: 'تم تغيير كلمة المرور',
    resetDone: 'تم تغيير كلمة مرورك وتسجيل خروجك من كل مكان. سجّل الدخول بكلمة المرور الجديدة.',
    resetNewLinkIntro: 'أدخل عنوان بريدك لتتلقى رابطًا جديدًا.',
    errorSummary: 'هناك مشكلة',
    failed: 'تعذّر إتمام العملية. حاول مرة أخرى.',
    invalid: 'البريد الإلكتروني أو كلمة المرور غير صحيحة.',
    email_not_verified: 'لم يتم تأكيد عنوان بريدك بعد. افتح الرابط الذي أرسلناه إليك أو اطلب رابطًا جديدًا.',
    rate_limited: 'محاولات كثيرة جدًا. انتظر بضع دقائق ثم حاول مرة أخرى.',
    link_invalid: 'هذا الرابط غير صالح. ربما نُسخ ناقصًا.',
    link_expired: 'انتهت صلاحية هذا الرابط.',
    link_used: 'سبق استعمال هذا الرابط.',
    already_exists: 'هذا العنوان مستعمل من طرف حساب آخر.',
    required_email: 'أدخل عنوان بريدك الإلكتروني',
    invalid_email: 'أدخل عنوان بريد إلكتروني مثل name@example.ma',
    required_password: 'أدخل كلمة المرور',
    required_displayName: 'أدخل اسمك',
    too_long_displayName: 'يجب ألا يتجاوز الاسم 120 حرفًا',
    password_too_short: 'يجب أن تتكون كلمة المرور من {min} حرفًا على الأقل',
    password_too_long: 'يجب ألا تتجاوز كلمة المرور {max} حرفًا',
    password_breached: 'كلمة المرور هذه شائعة جدًا أو ظهرت في تسريب بيانات: اختر غيرها',
    password_context: 'يجب ألا تتضمن كلمة المرور عنوان بريدك أو اسمك أو كلمة «نسيج»',
    invalid_field: 'تحقق من هذه الخانة',
  },
  fr: {
    title: 'Connexion à Nassij',
    intro: 'Le site {origin} vous demande de vous connecter.',
    email: 'Adresse e-mail',
    password: 'Mot de passe',
    submit: 'Se connecter',
    showPassword: 'Afficher le mot de passe',
    done: 'Vous êtes connecté. Vous pouvez fermer cette fenêtre.',
    refusedTitle: 'Ce site n’est pas autorisé',
    refused:
      'Le site {origin} ne figure pas dans la liste des sites autorisés à utiliser la connexion Nassij. Aucune information ne lui a été envoyée.',
    toSignUp: 'Créer un compte',
    toForgot: 'Mot de passe oublié ?',
    toResend: 'Vous n’avez pas reçu l’e-mail de confirmation ?',
    toSignIn: 'Retour à la connexion',
    signUpTitle: 'Créer un compte Nassij',
    displayName: 'Nom',
    displayNameHint: 'Tel que les autres le verront.',
    signUpEmailHint: 'Nous y enverrons un lien pour la confirmer.',
    passwordHint:
      'Au moins {min} caractères. Quelques mots dont vous vous souvenez font un bon mot de passe. Évitez les mots de passe courants, votre nom et votre adresse.',
    passwordOk: 'Le mot de passe respecte les règles.',
    signUpSubmit: 'Créer mon compte',
    checkMailTitle: 'Consultez votre messagerie',
    checkMail:
      'Nous avons envoyé un message à {email}. Ouvrez le lien qu’il contient pour confirmer votre adresse, puis revenez ici pour vous connecter.',
    checkMailElse:
      'Rien après quelques minutes ? Regardez dans les courriers indésirables, ou renvoyez le message.',
    resendAgain: 'Renvoyer le message',
    resent:
      'Si un compte attend une confirmation à l’adresse {email}, nous y avons envoyé un nouveau message.',
    signInNow: 'J’ai confirmé mon adresse, me connecter',
    forgotTitle: 'Mot de passe oublié ?',
    forgotIntro: 'Indiquez votre adresse : nous vous enverrons un lien pour choisir un nouveau mot de passe.',
    forgotSubmit: 'Envoyer le lien',
    forgotSent:
      'Si un compte existe pour {email}, nous y avons envoyé un lien pour choisir un nouveau mot de passe. Il est valable une heure.',
    resendTitle: 'Nouveau lien de confirmation',
    resendIntro:
      'Indiquez l’adresse avec laquelle vous avez créé votre compte : nous y enverrons un nouveau lien de confirmation.',
    resendSubmit: 'Envoyer un nouveau lien',
    verifyTitle: 'Confirmer votre adresse e-mail',
    verifyIntro: 'Pour terminer, confirmez que cette adresse est bien la vôtre.',
    verifySubmit: 'Confirmer mon adresse',
    verifiedTitle: 'Adresse confirmée',
    verified: 'Votre adresse est confirmée. Vous pouvez fermer cette page et vous connecter.',
    verifiedChanged:
      'Votre nouvelle adresse est confirmée. Utilisez-la désormais pour vous connecter. Vous pouvez fermer cette page.',
    newLinkTitle: 'Obtenir un nouveau lien',
    verifyNewLinkIntro:
      'Indiquez votre adresse pour recevoir un nouveau lien de confirmation. Si vous changiez d’adresse, recommencez le changement depuis votre compte.',
    resetTitle: 'Choisir un nouveau mot de passe',
    resetIntro: 'Toutes les sessions ouvertes avec votre compte seront fermées après le changement.',
    newPassword: 'Nouveau mot de passe',
    resetSubmit: 'Enregistrer le nouveau mot de passe',
    resetDoneTitle: 'Mot de passe changé',
    resetDone:
      'Votre mot de passe est changé et vous avez été déconnecté partout. Connectez-vous avec le nouveau mot de passe.',
    resetNewLinkIntro: 'Indiquez votre adresse pour recevoir un nouveau lien.',
    errorSummary: 'Il y a un problème',
    failed: 'L’opération a échoué. Réessayez.',
    invalid: 'Adresse e-mail ou mot de passe incorrect.',
    email_not_verified:
      'Votre adresse n’est pas encore confirmée. Ouvrez le lien que nous vous avons envoyé, ou demandez-en un nouveau.',
    rate_limited: 'Trop de tentatives. Attendez quelques minutes puis réessayez.',
    link_invalid: 'Ce lien n’est pas valide. Il a peut-être été copié incomplètement.',
    link_expired: 'Ce lien a expiré.',
    link_used: 'Ce lien a déjà été utilisé.',
    already_exists: 'Cette adresse est déjà utilisée par un autre compte.',
    required_email: 'Indiquez votre adresse e-mail',
    invalid_email: 'Indiquez une adresse e-mail comme nom@exemple.ma',
    required_password: 'Indiquez votre mot de passe',
    required_displayName: 'Indiquez votre nom',
    too_long_displayName: 'Le nom doit compter 120 caractères au plus',
    password_too_short: 'Le mot de passe doit compter au moins {min} caractères',
    password_too_long: 'Le mot de passe doit compter {max} caractères au plus',
    password_breached:
      'Ce mot de passe est trop courant ou a fuité lors d’une violation de données : choisissez-en un autre',
    password_context: 'Le mot de passe ne doit contenir ni votre adresse, ni votre nom, ni « Nassij »',
    invalid_field: 'Vérifiez ce champ',
  },
  zgh: {
    title: 'ⴽⵛⵎ ⵙ ⵏⵙⵙⵉⵊ',
    intro: 'ⴰⵙⵉⵜ {origin} ⵉⵙⵓⵜⵔ ⴰⴷ ⵜⴽⵛⵎⴷ.',
    email: 'ⴰⵏⵙⴰ ⵏ ⵉⵎⴰⵢⵍ',
    password: 'ⵜⴰⴳⵓⵔⵉ ⵏ ⵓⵣⵔⴰⵢ',
    submit: 'ⴽⵛⵎ',
    showPassword: 'ⵙⵎⴰⵍ ⵜⴰⴳⵓⵔⵉ ⵏ ⵓⵣⵔⴰⵢ',
    done: 'ⵜⴽⵛⵎⴷ. ⵜⵣⵎⵔⴷ ⴰⴷ ⵜⵔⴳⵍⴷ ⵜⴰⵙⴽⵓⵜ ⴰ.',
    refusedTitle: 'ⴰⵙⵉⵜ ⴰ ⵓⵔ ⵉⵜⵜⵓⵙⵓⵔⴳ',
    refused: 'ⴰⵙⵉⵜ {origin} ⵓⵔ ⵉⵍⵍⵉ ⴳ ⵓⵎⵓⵖ ⵏ ⵉⵙⵉⵜⵏ ⵉⵜⵜⵓⵙⵓⵔⴳⵏ. ⵓⵔ ⵢⴰⵙ ⵉⵜⵜⵓⵣⵏ ⵜⴰⵍⵖⵓⵜ.',
    toSignUp: 'ⵙⵏⵓⵍⴼⵓ ⴰⵎⵉⴹⴰⵏ',
    toForgot: 'ⵜⵜⵓⵜ ⵜⴰⴳⵓⵔⵉ ⵏ ⵓⵣⵔⴰⵢ?',
    toResend: 'ⵓⵔ ⴷ ⵉⵍⴽⵉⵎ ⵓⵣⵏ ⵏ ⵓⵙⵏⵜⵎ?',
    toSignIn: 'ⵓⵖⵓⵍ ⵖⵔ ⵓⴽⵛⴰⵎ',
    signUpTitle: 'ⵙⵏⵓⵍⴼⵓ ⴰⵎⵉⴹⴰⵏ ⴳ ⵏⵙⵙⵉⵊ',
    displayName: 'ⵉⵙⵎ',
    displayNameHint: 'ⵎⴰⵎⴽ ⵜⵔⵉⴷ ⴰⴷ ⵜ ⵥⵔⵏ ⵢⴰⴹⵏ.',
    signUpEmailHint: 'ⴰⴷ ⴰⵙ ⵏⴰⵣⵏ ⴰⵙⵖⵏ ⵏ ⵓⵙⵏⵜⵎ.',
    passwordHint:
      'ⵓⴳⴳⴰⵔ ⵏ {min} ⵉⵙⴽⴽⵉⵍⵏ. ⴽⵔⴰ ⵏ ⵜⴳⵓⵔⵉⵡⵉⵏ ⵏⵏⴰ ⵜⵙⵙⵏⴷ ⵔⴰⴷ ⴳⵏ ⵜⴰⴳⵓⵔⵉ ⵏ ⵓⵣⵔⴰⵢ ⵉⵖⵓⴷⴰⵏ. ⴰⴷ ⵓⵔ ⵜⵙⵎⵔⵙⴷ ⵜⵉⴳⵓⵔⵉⵡⵉⵏ ⵏ ⵓⵣⵔⴰⵢ ⵉⵜⵜⵡⴰⵙⵙⵏⵏ, ⵉⵙⵎ ⵏⵏⴽ ⵏⵖ ⴰⵏⵙⴰ ⵏⵏⴽ.',
    passwordOk: 'ⵜⴰⴳⵓⵔⵉ ⵏ ⵓⵣⵔⴰⵢ ⵜⵎⵙⴰⵙⴰ ⴷ ⵉⵍⵓⴳⴰⵏ.',
    signUpSubmit: 'ⵙⵏⵓⵍⴼⵓ ⴰⵎⵉⴹⴰⵏ ⵉⵏⵓ',
    checkMailTitle: 'ⵥⵔ ⵉⵎⴰⵢⵍ ⵏⵏⴽ',
    checkMail: 'ⵏⵓⵣⵏ ⵜⵓⵣⵉⵏⵜ ⵖⵔ {email}. ⵕⵥⵎ ⴰⵙⵖⵏ ⵏⵏⴰ ⴳⵉⵙ ⴰⴷ ⵜⵙⵏⵜⵎⴷ ⴰⵏⵙⴰ ⵏⵏⴽ, ⵜⵓⵖⵓⵍⴷ ⴷ ⵖⵉⴷ ⴰⴷ ⵜⴽⵛⵎⴷ.',
    checkMailElse: 'ⵓⵔ ⴷ ⵜⵍⴽⵉⵎ ⴷⴼⴼⵉⵔ ⴽⵔⴰ ⵏ ⵜⵓⵙⴷⵉⴷⵉⵏ? ⵔⵣⵓ ⴳ ⵜⵉⵣⵉⵏⵉⵏ ⵓⵔ ⵉⵜⵜⵡⴰⵔⴰⵏ, ⵏⵖ ⴰⵍⵙ ⴰⵣⴰⵏ.',
    resendAgain: 'ⴰⵍⵙ ⴰⵣⴰⵏ ⵏ ⵜⵓⵣⵉⵏⵜ',
    resent: 'ⵎⴽ ⵉⵍⵍⴰ ⵓⵎⵉⴹⴰⵏ ⵉⵜⵜⵔⴰⵊⵓⵏ ⴰⵙⵏⵜⵎ ⵙ {email}, ⵏⵓⵣⵏ ⴰⵙ ⵜⵓⵣⵉⵏⵜ ⵜⴰⵎⴰⵢⵏⵓⵜ.',
    signInNow: 'ⵙⵏⵜⵎⵖ ⴰⵏⵙⴰ ⵉⵏⵓ, ⴽⵛⵎ',
    forgotTitle: 'ⵜⵜⵓⵜ ⵜⴰⴳⵓⵔⵉ ⵏ ⵓⵣⵔⴰⵢ?',
    forgotIntro: 'ⵙⴽⵛⵎ ⴰⵏⵙⴰ ⵏⵏⴽ, ⴰⴷ ⴰⴽ ⵏⴰⵣⵏ ⴰⵙⵖⵏ ⴰⴷ ⵜⵙⵜⴰⵢⴷ ⵜⴰⴳⵓⵔⵉ ⵏ ⵓⵣⵔⴰⵢ ⵜⴰⵎⴰⵢⵏⵓⵜ.',
    forgotSubmit: 'ⴰⵣⵏ ⴰⵙⵖⵏ',
    forgotSent:
      'ⵎⴽ ⵉⵍⵍⴰ ⵓⵎⵉⴹⴰⵏ ⵙ {email}, ⵏⵓⵣⵏ ⴰⵙ ⴰⵙⵖⵏ ⴰⴷ ⵜⵙⵜⴰⵢⴷ ⵜⴰⴳⵓⵔⵉ ⵏ ⵓⵣⵔⴰⵢ ⵜⴰⵎⴰⵢⵏⵓⵜ. ⵉⵜⵜⵎⵓⵙⵙⵓ ⵉⵡⴰⵜ ⵜⵙⵔⴰⴳⵜ.',
    resendTitle: 'ⴰⵙⵖⵏ ⴰⵎⴰⵢⵏⵓ ⵏ ⵓⵙⵏⵜⵎ',
    resendIntro: 'ⵙⴽⵛⵎ ⴰⵏⵙⴰ ⵙ ⵜⵙⵏⵓⵍⴼⵓⴷ ⴰⵎⵉⴹⴰⵏ ⵏⵏⴽ, ⴰⴷ ⴰⵙ ⵏⴰⵣⵏ ⴰⵙⵖⵏ ⴰⵎⴰⵢⵏⵓ ⵏ ⵓⵙⵏⵜⵎ.',
    resendSubmit: 'ⴰⵣⵏ ⴰⵙⵖⵏ ⴰⵎⴰⵢⵏⵓ',
    verifyTitle: 'ⵙⵏⵜⵎ ⴰⵏⵙⴰ ⵏ ⵉⵎⴰⵢⵍ ⵏⵏⴽ',
    verifyIntro: 'ⴰⴷ ⵜⵙⵎⴷⵢⴷ, ⵙⵏⵜⵎ ⵉⵙ ⴰⵏⵙⴰ ⴰ ⵉⴽⴽⴰ ⴽⵢⵢⵉ.',
    verifySubmit: 'ⵙⵏⵜⵎ ⴰⵏⵙⴰ ⵉⵏⵓ',
    verifiedTitle: 'ⵉⵜⵜⵓⵙⵏⵜⵎ ⵓⵏⵙⴰ ⵏⵏⴽ',
    verified: 'ⵉⵜⵜⵓⵙⵏⵜⵎ ⵓⵏⵙⴰ ⵏⵏⴽ. ⵜⵣⵎⵔⴷ ⴰⴷ ⵜⵔⴳⵍⴷ ⵜⴰⵙⵏⴰ ⴰ ⵜⴽⵛⵎⴷ.',
    verifiedChanged: 'ⵉⵜⵜⵓⵙⵏⵜⵎ ⵓⵏⵙⴰ ⵏⵏⴽ ⴰⵎⴰⵢⵏⵓ. ⵙⵎⵔⵙ ⵜ ⵙⴳ ⵖⵉⵍⴰ ⴰⴷ ⵜⴽⵛⵎⴷ. ⵜⵣⵎⵔⴷ ⴰⴷ ⵜⵔⴳⵍⴷ ⵜⴰⵙⵏⴰ ⴰ.',
    newLinkTitle: 'ⴰⵡⵉ ⴰⵙⵖⵏ ⴰⵎⴰⵢⵏⵓ',
    verifyNewLinkIntro:
      'ⵙⴽⵛⵎ ⴰⵏⵙⴰ ⵏⵏⴽ ⴰⴷ ⴷ ⵜⴰⵡⵉⴷ ⴰⵙⵖⵏ ⴰⵎⴰⵢⵏⵓ ⵏ ⵓⵙⵏⵜⵎ. ⵎⴽ ⵜⵙⵏⴼⴰⵍⴷ ⴰⵏⵙⴰ ⵏⵏⴽ, ⴰⵍⵙ ⴰⵙⵏⴼⵍ ⵙⴳ ⵓⵎⵉⴹⴰⵏ ⵏⵏⴽ.',
    resetTitle: 'ⵙⵜⴰⵢ ⵜⴰⴳⵓⵔⵉ ⵏ ⵓⵣⵔⴰⵢ ⵜⴰⵎⴰⵢⵏⵓⵜ',
    resetIntro: 'ⴰⴷ ⵜⵜⵓⵔⴳⵍⵏ ⴰⴽⴽ ⵉⵎⵣⵔⴰⵢⵏ ⵉⵕⵥⵎⵏ ⵙ ⵓⵎⵉⴹⴰⵏ ⵏⵏⴽ ⴷⴼⴼⵉⵔ ⵓⵙⵏⴼⵍ.',
    newPassword: 'ⵜⴰⴳⵓⵔⵉ ⵏ ⵓⵣⵔⴰⵢ ⵜⴰⵎⴰⵢⵏⵓⵜ',
    resetSubmit: 'ⵃⴹⵓ ⵜⴰⴳⵓⵔⵉ ⵏ ⵓⵣⵔⴰⵢ ⵜⴰⵎⴰⵢⵏⵓⵜ',
    resetDoneTitle: 'ⵜⵜⵓⵙⵏⴼⵍ ⵜⴳⵓⵔⵉ ⵏ ⵓⵣⵔⴰⵢ',
    resetDone: 'ⵜⵜⵓⵙⵏⴼⵍ ⵜⴳⵓⵔⵉ ⵏ ⵓⵣⵔⴰⵢ ⵏⵏⴽ, ⵜⴼⴼⵖⴷ ⵙⴳ ⴽⵓ ⴰⴷⵖⴰⵔ. ⴽⵛⵎ ⵙ ⵜⴳⵓⵔⵉ ⵏ ⵓⵣⵔⴰⵢ ⵜⴰⵎⴰⵢⵏⵓⵜ.',
    resetNewLinkIntro: 'ⵙⴽⵛⵎ ⴰⵏⵙⴰ ⵏⵏⴽ ⴰⴷ ⴷ ⵜⴰⵡⵉⴷ ⴰⵙⵖⵏ ⴰⵎⴰⵢⵏⵓ.',
    errorSummary: 'ⵍⵍⴰⵏ ⵓⴳⵓⵔ',
    failed: 'ⵓⵔ ⵜⵎⴷⵉ ⵜⵎⵀⵍⵜ. ⴰⵍⵙ ⵜⵉⴽⴽⵍⵜ ⵢⴰⴹⵏ.',
    invalid: 'ⴰⵏⵙⴰ ⵏ ⵉⵎⴰⵢⵍ ⵏⵖ ⵜⴰⴳⵓⵔⵉ ⵏ ⵓⵣⵔⴰⵢ ⵓⵔ ⵉⵖⵓⴷⴰ.',
    email_not_verified: 'ⴰⵏⵙⴰ ⵏⵏⴽ ⵓⵔ ⵉⵜⵜⵓⵙⵏⵜⵎ ⴰⵇⵇⴰ. ⵕⵥⵎ ⴰⵙⵖⵏ ⵏⵏⴰ ⴰⴽ ⵏⵓⵣⵏ, ⵏⵖ ⵙⵓⵜⵔ ⴰⵙⵖⵏ ⴰⵎⴰⵢⵏⵓ.',
    rate_limited: 'ⵜⵉⵔⵎⵉⵜⵉⵏ ⴳⴳⵓⵜⵏⵉⵏ. ⵔⴰⵊⵓ ⴽⵔⴰ ⵏ ⵜⵓⵙⴷⵉⴷⵉⵏ ⵜⴰⵍⵙⴷ.',
    link_invalid: 'ⴰⵙⵖⵏ ⴰ ⵓⵔ ⵉⵖⵓⴷⴰ. ⵉⵣⵎⵔ ⴰⴷ ⵉⵜⵜⵓⵙⵏⵖⵍ ⵓⵔ ⵉⴽⵎⵉⵍ.',
    link_expired: 'ⵉⵣⵔⵉ ⵓⵣⵎⵣ ⵏ ⵓⵙⵖⵏ ⴰ.',
    link_used: 'ⴰⵙⵖⵏ ⴰ ⵉⵜⵜⵓⵙⵎⵔⵙ ⵢⴰⴷ.',
    already_exists: 'ⴰⵏⵙⴰ ⴰ ⵉⵜⵜⵓⵙⵎⵔⵙ ⵙⴳ ⵓⵎⵉⴹⴰⵏ ⵢⴰⴹⵏ.',
    required_email: 'ⵙⴽⵛⵎ ⴰⵏⵙⴰ ⵏ ⵉⵎⴰⵢⵍ ⵏⵏⴽ',
    invalid_email: 'ⵙⴽⵛⵎ ⴰⵏⵙⴰ ⵏ ⵉⵎⴰⵢⵍ ⴰⵎ name@example.ma',
    required_password: 'ⵙⴽⵛⵎ ⵜⴰⴳⵓⵔⵉ ⵏ ⵓⵣⵔⴰⵢ',
    required_displayName: 'ⵙⴽⵛⵎ ⵉⵙⵎ ⵏⵏⴽ',
    too_long_displayName: 'ⵉⵙⵎ ⵓⵔ ⵉⵣⵎⵔ ⴰⴷ ⵉⵣⴰⵢⴷ ⵅⴼ 120 ⵏ ⵉⵙⴽⴽⵉⵍⵏ',
    password_too_short: 'ⵜⴰⴳⵓⵔⵉ ⵏ ⵓⵣⵔⴰⵢ ⵉⵇⵇⴰⵏ ⴰⴷ ⵜⵙⵄⵓ {min} ⵏ ⵉⵙⴽⴽⵉⵍⵏ ⵓⴳⴳⴰⵔ',
    password_too_long: 'ⵜⴰⴳⵓⵔⵉ ⵏ ⵓⵣⵔⴰⵢ ⵓⵔ ⵜⵣⵎⵔ ⴰⴷ ⵜⵣⴰⵢⴷ ⵅⴼ {max} ⵏ ⵉⵙⴽⴽⵉⵍⵏ',
    password_breached: 'ⵜⴰⴳⵓⵔⵉ ⵏ ⵓⵣⵔⴰⵢ ⴰ ⵜⵜⵡⴰⵙⵙⵏ ⴱⴰⵀⵔⴰ ⵏⵖ ⵜⴼⴼⵖ ⴳ ⵓⵙⵉⴼⴹ ⵏ ⵉⵙⴼⴽⴰ: ⵙⵜⴰⵢ ⵢⴰⵜ ⵢⴰⴹⵏ',
    password_context: 'ⵜⴰⴳⵓⵔⵉ ⵏ ⵓⵣⵔⴰⵢ ⵓⵔ ⵜⵙⵄⵉ ⴰⵏⵙⴰ ⵏⵏⴽ, ⵉⵙⵎ ⵏⵏⴽ ⵏⵖ «ⵏⵙⵙⵉⵊ»',
    invalid_field: 'ⵙⵏⵇⴷ ⴰⵎⵓⴹⵉ ⴰ',
  },
  en: {
    title: 'Sign in to Nassij',
    intro: 'The site {origin} asks you to sign in.',
    email: 'Email address',
    password: 'Password',
    submit: 'Sign in',
    showPassword: 'Show password',
    done: 'You are signed in. You can close this window.',
    refusedTitle: 'This site is not allowed',
    refused:
      'The site {origin} is not on the list of sites allowed to use Nassij sign-in. Nothing was sent to it.',
    toSignUp: 'Create an account',
    toForgot: 'Forgot your password?',
    toResend: 'Did not get the confirmation email?',
    toSignIn: 'Back to sign in',
    signUpTitle: 'Create a Nassij account',
    displayName: 'Name',
    displayNameHint: 'As you want other people to see it.',
    signUpEmailHint: 'We will send a link to it to confirm it.',
    passwordHint:
      'At least {min} characters. A few words you remember make a good password. Avoid common passwords, your name and your address.',
    passwordOk: 'The password meets the rules.',
    signUpSubmit: 'Create my account',
    checkMailTitle: 'Check your email',
    checkMail:
      'We sent a message to {email}. Open the link in it to confirm your address, then come back here to sign in.',
    checkMailElse: 'Nothing after a few minutes? Look in your spam folder, or send it again.',
    resendAgain: 'Send the message again',
    resent: 'If an account is waiting for confirmation at {email}, we sent a new message to it.',
    signInNow: 'I confirmed my address, sign in',
    forgotTitle: 'Forgot your password?',
    forgotIntro: 'Enter your address and we will send you a link to choose a new password.',
    forgotSubmit: 'Send the link',
    forgotSent:
      'If an account exists for {email}, we sent it a link to choose a new password. The link works for one hour.',
    resendTitle: 'A new confirmation link',
    resendIntro: 'Enter the address you signed up with and we will send a new confirmation link to it.',
    resendSubmit: 'Send a new link',
    verifyTitle: 'Confirm your email address',
    verifyIntro: 'To finish, confirm that this address is yours.',
    verifySubmit: 'Confirm my address',
    verifiedTitle: 'Address confirmed',
    verified: 'Your address is confirmed. You can close this page and sign in.',
    verifiedChanged: 'Your new address is confirmed. Use it to sign in from now on. You can close this page.',
    newLinkTitle: 'Get a new link',
    verifyNewLinkIntro:
      'Enter your address to receive a new confirmation link. If you were changing your address, start the change again from your account.',
    resetTitle: 'Choose a new password',
    resetIntro: 'Every session open with your account will be closed after the change.',
    newPassword: 'New password',
    resetSubmit: 'Save the new password',
    resetDoneTitle: 'Password changed',
    resetDone: 'Your password is changed and you were signed out everywhere. Sign in with the new password.',
    resetNewLinkIntro: 'Enter your address to receive a new link.',
    errorSummary: 'There is a problem',
    failed: 'That did not work. Please try again.',
    invalid: 'Wrong email address or password.',
    email_not_verified:
      'Your email address is not confirmed yet. Open the link we sent you, or ask for a new one.',
    rate_limited: 'Too many attempts. Wait a few minutes and try again.',
    link_invalid: 'This link is not valid. It may have been copied incompletely.',
    link_expired: 'This link has expired.',
    link_used: 'This link has already been used.',
    already_exists: 'This address is already used by another account.',
    required_email: 'Enter your email address',
    invalid_email: 'Enter an email address like name@example.ma',
    required_password: 'Enter your password',
    required_displayName: 'Enter your name',
    too_long_displayName: 'The name must be 120 characters or fewer',
    password_too_short: 'The password must have at least {min} characters',
    password_too_long: 'The password must have {max} characters or fewer',
    password_breached: 'This password is too common or appeared in a data breach: choose another one',
    password_context: 'The password must not contain your email address, your name or “Nassij”',
    invalid_field: 'Check this field',
  },
};

/** The messages the pages' script shows, by key: problem codes and field problems (`required_email`…). */
export const SCRIPT_MESSAGE_KEYS = [
  'errorSummary',
  'failed',
  'invalid',
  'done',
  'email_not_verified',
  'rate_limited',
  'link_invalid',
  'link_expired',
  'link_used',
  'already_exists',
  'required_email',
  'invalid_email',
  'required_password',
  'required_displayName',
  'too_long_displayName',
  'password_too_short',
  'password_too_long',
  'password_breached',
  'password_context',
  'invalid_field',
  'passwordOk',
  'checkMail',
  'resent',
  'forgotSent',
  'verified',
  'verifiedChanged',
] as const satisfies readonly (keyof PageTexts)[];
