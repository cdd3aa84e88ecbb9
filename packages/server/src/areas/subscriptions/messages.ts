// The words of e-mail subscriptions in the four languages of the platform: the confirmation message, the
// messages about events (one event, or a digest of several), and the pages a link in them opens.
import type { Locale } from '@nassij/contract';

/** What an event is, in a message: one line per kind. */
export type EventKind =
  | 'call.published'
  | 'call.amended'
  | 'call.closed'
  | 'call.cancelled'
  | 'consultation.version_published'
  | 'synthesis.published';

/** The texts of one language. */
export interface SubscriptionTexts {
  confirmSubject: string;
  confirmIntro: (what: string) => string;
  confirmAction: string;
  confirmIgnore: string;
  /** What a subscription follows, in a sentence fragment. */
  allCalls: string;
  callsWhere: (parts: string[]) => string;
  region: (code: string) => string;
  sector: (code: string) => string;
  funder: (id: string) => string;
  domain: (code: string) => string;
  consultation: (reference: string) => string;
  event: Record<EventKind, (title: string, reference: string) => string>;
  noticeSubject: (line: string) => string;
  digestSubject: (count: number, daily: boolean) => string;
  digestIntro: (what: string, daily: boolean) => string;
  unsubscribeLine: string;
  footer: string;
  pageConfirmTitle: string;
  pageConfirmIntro: string;
  pageConfirmButton: string;
  pageConfirmedTitle: string;
  pageConfirmed: string;
  pageUnsubscribeTitle: string;
  pageUnsubscribeIntro: string;
  pageUnsubscribeButton: string;
  pageUnsubscribedTitle: string;
  pageUnsubscribed: string;
  pageLinkInvalid: string;
  pageLinkExpired: string;
  pageLinkUsed: string;
}

/** The texts of each language. */
export const SUBSCRIPTION_TEXTS: Record<Locale, SubscriptionTexts> = {
  ar: {
    confirmSubject: 'أكدوا اشتراككم في نسيج',
    confirmIntro: (what) => `طُلب اشتراك هذا العنوان في رسائل نسيج حول ${what}.`,
    confirmAction: 'تأكيد الاشتراك',
    confirmIgnore: 'إن لم تطلبوا ذلك فتجاهلوا هذه الرسالة: لن يصلكم شيء. الرابط صالح لسبعة أيام ولمرة واحدة.',
    allCalls: 'طلبات الدعم',
    callsWhere: (parts) => `طلبات الدعم (${parts.join('، ')})`,
    region: (code) => `الجهة ${code}`,
    sector: (code) => `القطاع ${code}`,
    funder: (id) => `الممول ${id}`,
    domain: (code) => `المجال ${code}`,
    consultation: (reference) => `الاستشارة ${reference}`,
    event: {
      'call.published': (t, r) => `طلب دعم جديد: «${t}» (${r})`,
      'call.amended': (t, r) => `تعديل طلب الدعم «${t}» (${r})`,
      'call.closed': (t, r) => `أُغلق طلب الدعم «${t}» (${r})`,
      'call.cancelled': (t, r) => `أُلغي طلب الدعم «${t}» (${r})`,
      'consultation.version_published': (_t, r) => `نُشرت صيغة جديدة لنص الاستشارة ${r}`,
      'synthesis.published': (_t, r) => `نُشرت خلاصة الاستشارة ${r}`,
    },
    noticeSubject: (line) => line,
    digestSubject: (count, daily) => `${daily ? 'ملخص اليوم' : 'ملخص الأسبوع'}: ${count} مستجدات`,
    digestIntro: (what, daily) => `مستجدات ${what} منذ ${daily ? 'ملخص الأمس' : 'ملخص الأسبوع الماضي'}:`,
    unsubscribeLine: 'إلغاء الاشتراك',
    footer: 'وصلتكم هذه الرسالة لأنكم اشتركتم فيها على نسيج.',
    pageConfirmTitle: 'تأكيد الاشتراك',
    pageConfirmIntro: 'اضغطوا على الزر لتأكيد اشتراككم.',
    pageConfirmButton: 'أؤكد اشتراكي',
    pageConfirmedTitle: 'تم تأكيد الاشتراك',
    pageConfirmed: 'ستصلكم الرسائل على هذا العنوان. كل رسالة تحمل رابطا لإلغاء الاشتراك.',
    pageUnsubscribeTitle: 'إلغاء الاشتراك',
    pageUnsubscribeIntro: 'اضغطوا على الزر لإلغاء الاشتراك ومحو عنوانكم.',
    pageUnsubscribeButton: 'ألغي اشتراكي',
    pageUnsubscribedTitle: 'تم إلغاء الاشتراك',
    pageUnsubscribed: 'لن تصلكم رسائل أخرى، ومُحي عنوانكم من هذا الاشتراك.',
    pageLinkInvalid: 'هذا الرابط غير صالح.',
    pageLinkExpired: 'انتهت صلاحية هذا الرابط. اشتركوا من جديد.',
    pageLinkUsed: 'استُعمل هذا الرابط من قبل: اشتراككم مؤكد.',
  },
  fr: {
    confirmSubject: 'Confirmez votre abonnement à Nassij',
    confirmIntro: (what) =>
      `Un abonnement de cette adresse aux messages de Nassij sur ${what} a été demandé.`,
    confirmAction: 'Confirmer l’abonnement',
    confirmIgnore:
      'Si vous ne l’avez pas demandé, ignorez ce message : vous ne recevrez rien. Le lien vaut sept jours, une seule fois.',
    allCalls: 'les appels à projets',
    callsWhere: (parts) => `les appels à projets (${parts.join(', ')})`,
    region: (code) => `région ${code}`,
    sector: (code) => `secteur ${code}`,
    funder: (id) => `financeur ${id}`,
    domain: (code) => `domaine ${code}`,
    consultation: (reference) => `la consultation ${reference}`,
    event: {
      'call.published': (t, r) => `Nouvel appel : « ${t} » (${r})`,
      'call.amended': (t, r) => `Appel modifié : « ${t} » (${r})`,
      'call.closed': (t, r) => `Appel clos : « ${t} » (${r})`,
      'call.cancelled': (t, r) => `Appel annulé : « ${t} » (${r})`,
      'consultation.version_published': (_t, r) => `Nouvelle version du texte de la consultation ${r}`,
      'synthesis.published': (_t, r) => `Synthèse publiée de la consultation ${r}`,
    },
    noticeSubject: (line) => line,
    digestSubject: (count, daily) =>
      `${daily ? 'Résumé du jour' : 'Résumé de la semaine'} : ${count} nouveauté${count > 1 ? 's' : ''}`,
    digestIntro: (what, daily) =>
      `Les nouveautés sur ${what} depuis ${daily ? 'le résumé d’hier' : 'le résumé de la semaine dernière'} :`,
    unsubscribeLine: 'Se désabonner',
    footer: 'Vous recevez ce message parce que vous vous y êtes abonné sur Nassij.',
    pageConfirmTitle: 'Confirmer l’abonnement',
    pageConfirmIntro: 'Appuyez sur le bouton pour confirmer votre abonnement.',
    pageConfirmButton: 'Je confirme mon abonnement',
    pageConfirmedTitle: 'Abonnement confirmé',
    pageConfirmed: 'Les messages arriveront à cette adresse ; chacun porte un lien de désabonnement.',
    pageUnsubscribeTitle: 'Se désabonner',
    pageUnsubscribeIntro: 'Appuyez sur le bouton pour vous désabonner et effacer votre adresse.',
    pageUnsubscribeButton: 'Je me désabonne',
    pageUnsubscribedTitle: 'Désabonnement fait',
    pageUnsubscribed: 'Vous ne recevrez plus de messages ; votre adresse est effacée de cet abonnement.',
    pageLinkInvalid: 'Ce lien n’est pas valable.',
    pageLinkExpired: 'Ce lien a expiré. Abonnez-vous à nouveau.',
    pageLinkUsed: 'Ce lien a déjà servi : votre abonnement est confirmé.',
  },
  zgh: {
    confirmSubject: 'ⵙⵙⵉⵖⵣⵏ ⴰⵙⵎⵎⴰⴷ ⵏⵏⵓⵏ ⴳ ⵏⵙⵙⵉⵊ',
    confirmIntro: (what) => `ⵉⵜⵜⵓⵙⵓⵜⵔ ⵓⵙⵎⵎⴰⴷ ⵏ ⵜⴰⵏⵙⴰ ⴰⴷ ⴳ ⵜⴱⵔⴰⵜⵉⵏ ⵏ ⵏⵙⵙⵉⵊ ⵅⴼ ${what}.`,
    confirmAction: 'ⵙⵙⵉⵖⵣⵏ ⴰⵙⵎⵎⴰⴷ',
    confirmIgnore: 'ⵎⴽ ⵓⵔ ⵜⵙⵓⵜⵔⵎ ⴰⵢⴰ, ⵙⵙⵓⵔⴼⵎ ⵜⴰⴱⵔⴰⵜ ⴰ. ⴰⵙⵖⵓⵏ ⵉⵍⵍⴰ ⵉ ⵙⴰ ⵏ ⵡⵓⵙⵙⴰⵏ, ⵢⴰⵜ ⵜⵉⴽⴽⵍⵜ.',
    allCalls: 'ⵉⵙⵓⵜⵔ ⵏ ⵓⵙⵏⴰⴷ',
    callsWhere: (parts) => `ⵉⵙⵓⵜⵔ ⵏ ⵓⵙⵏⴰⴷ (${parts.join(', ')})`,
    region: (code) => `ⵜⴰⵎⵏⴰⴹⵜ ${code}`,
    sector: (code) => `ⴰⵏⴳⵎⴰⵡ ${code}`,
    funder: (id) => `ⴰⵎⵙⵏⴰⴷ ${id}`,
    domain: (code) => `ⴰⵏⴰⵔ ${code}`,
    consultation: (reference) => `ⴰⵙⵇⵙⵉ ${reference}`,
    event: {
      'call.published': (t, r) => `ⴰⵙⵓⵜⵔ ⴰⵎⴰⵢⵏⵓ: «${t}» (${r})`,
      'call.amended': (t, r) => `ⴰⵙⵏⴼⵍ ⵏ ⵓⵙⵓⵜⵔ «${t}» (${r})`,
      'call.closed': (t, r) => `ⵉⵜⵜⵓⵇⵇⵏ ⵓⵙⵓⵜⵔ «${t}» (${r})`,
      'call.cancelled': (t, r) => `ⵉⵜⵜⵓⴽⴽⵙ ⵓⵙⵓⵜⵔ «${t}» (${r})`,
      'consultation.version_published': (_t, r) => `ⵜⴰⵏⵖⵍⴰ ⵜⴰⵎⴰⵢⵏⵓⵜ ⵏ ⵓⴹⵕⵉⵚ ⵏ ⵓⵙⵇⵙⵉ ${r}`,
      'synthesis.published': (_t, r) => `ⵜⵉⵣⵔⵉ ⵏ ⵓⵙⵇⵙⵉ ${r}`,
    },
    noticeSubject: (line) => line,
    digestSubject: (count, daily) => `${daily ? 'ⴰⵙⵎⵓⵏ ⵏ ⵡⴰⵙⵙ' : 'ⴰⵙⵎⵓⵏ ⵏ ⵉⵎⴰⵍⴰⵙ'}: ${count}`,
    digestIntro: (what, daily) =>
      `ⵜⵉⵎⴰⵢⵏⵓⵜⵉⵏ ⵅⴼ ${what} ⵙⴳ ${daily ? 'ⴰⵙⵎⵓⵏ ⵏ ⵉⴹⵏⵏⴰⵟ' : 'ⴰⵙⵎⵓⵏ ⵏ ⵉⵎⴰⵍⴰⵙ ⵉⵣⵔⵉⵏ'}:`,
    unsubscribeLine: 'ⴽⴽⵙ ⴰⵙⵎⵎⴰⴷ',
    footer: 'ⵜⵜⵓⵣⵏ ⵜⴱⵔⴰⵜ ⴰⴷ ⵉⵏⵏⵓⵏ ⴰⵛⴽⵓ ⵜⵙⵎⵎⴰⴷⵎ ⴳ ⵏⵙⵙⵉⵊ.',
    pageConfirmTitle: 'ⵙⵙⵉⵖⵣⵏ ⴰⵙⵎⵎⴰⴷ',
    pageConfirmIntro: 'ⴷⴷⵓⵙ ⴼ ⵜⴼⵔⴽⵉⵜ ⴰⴷ ⵜⵙⵙⵉⵖⵣⵏⵎ ⴰⵙⵎⵎⴰⴷ ⵏⵏⵓⵏ.',
    pageConfirmButton: 'ⵙⵙⵉⵖⵣⵏⵖ ⴰⵙⵎⵎⴰⴷ ⵉⵏⵓ',
    pageConfirmedTitle: 'ⵉⵜⵜⵓⵙⵙⵉⵖⵣⵏ ⵓⵙⵎⵎⴰⴷ',
    pageConfirmed: 'ⵜⵉⴱⵔⴰⵜⵉⵏ ⴰⴷ ⴷ ⴰⵡⴹⵏⵜ ⵜⴰⵏⵙⴰ ⴰ; ⴽⵓ ⵜⴰⴱⵔⴰⵜ ⵖⵓⵔⵙ ⴰⵙⵖⵓⵏ ⵏ ⵓⴽⴽⴰⵙ ⵏ ⵓⵙⵎⵎⴰⴷ.',
    pageUnsubscribeTitle: 'ⴽⴽⵙ ⴰⵙⵎⵎⴰⴷ',
    pageUnsubscribeIntro: 'ⴷⴷⵓⵙ ⴼ ⵜⴼⵔⴽⵉⵜ ⴰⴷ ⵜⴽⴽⵙⵎ ⴰⵙⵎⵎⴰⴷ ⴷ ⵜⴰⵏⵙⴰ ⵏⵏⵓⵏ.',
    pageUnsubscribeButton: 'ⴽⴽⵙⵖ ⴰⵙⵎⵎⴰⴷ ⵉⵏⵓ',
    pageUnsubscribedTitle: 'ⵉⵜⵜⵓⴽⴽⵙ ⵓⵙⵎⵎⴰⴷ',
    pageUnsubscribed: 'ⵓⵔ ⴰⵔ ⴷ ⴰⵡⴹⵏⵜ ⵜⵉⴱⵔⴰⵜⵉⵏ ⵏⵏⵉⴹⵏ; ⵜⵜⵓⴽⴽⵙ ⵜⴰⵏⵙⴰ ⵏⵏⵓⵏ.',
    pageLinkInvalid: 'ⴰⵙⵖⵓⵏ ⴰ ⵓⵔ ⵉⵖⵓⴷ.',
    pageLinkExpired: 'ⵉⵣⵔⵉ ⵡⴰⴽⵓⴷ ⵏ ⵓⵙⵖⵓⵏ ⴰ. ⵙⵎⵎⴰⴷ ⴷⴰⵖ.',
    pageLinkUsed: 'ⵉⵜⵜⵓⵙⵎⵔⵙ ⵓⵙⵖⵓⵏ ⴰ: ⴰⵙⵎⵎⴰⴷ ⵏⵏⵓⵏ ⵉⵜⵜⵓⵙⵙⵉⵖⵣⵏ.',
  },
  en: {
    confirmSubject: 'Confirm your Nassij subscription',
    confirmIntro: (what) => `This address was subscribed to Nassij messages about ${what}.`,
    confirmAction: 'Confirm the subscription',
    confirmIgnore:
      'If you did not ask for it, ignore this message: you will receive nothing. The link works for seven days, once.',
    allCalls: 'calls for proposals',
    callsWhere: (parts) => `calls for proposals (${parts.join(', ')})`,
    region: (code) => `region ${code}`,
    sector: (code) => `sector ${code}`,
    funder: (id) => `funder ${id}`,
    domain: (code) => `domain ${code}`,
    consultation: (reference) => `the consultation ${reference}`,
    event: {
      'call.published': (t, r) => `New call: “${t}” (${r})`,
      'call.amended': (t, r) => `Call amended: “${t}” (${r})`,
      'call.closed': (t, r) => `Call closed: “${t}” (${r})`,
      'call.cancelled': (t, r) => `Call cancelled: “${t}” (${r})`,
      'consultation.version_published': (_t, r) => `New version of the text of consultation ${r}`,
      'synthesis.published': (_t, r) => `Synthesis published for consultation ${r}`,
    },
    noticeSubject: (line) => line,
    digestSubject: (count, daily) =>
      `${daily ? 'Daily digest' : 'Weekly digest'}: ${count} update${count > 1 ? 's' : ''}`,
    digestIntro: (what, daily) =>
      `What is new about ${what} since ${daily ? 'yesterday’s digest' : 'last week’s digest'}:`,
    unsubscribeLine: 'Unsubscribe',
    footer: 'You receive this message because you subscribed to it on Nassij.',
    pageConfirmTitle: 'Confirm the subscription',
    pageConfirmIntro: 'Press the button to confirm your subscription.',
    pageConfirmButton: 'I confirm my subscription',
    pageConfirmedTitle: 'Subscription confirmed',
    pageConfirmed: 'Messages will come to this address; each one carries an unsubscribe link.',
    pageUnsubscribeTitle: 'Unsubscribe',
    pageUnsubscribeIntro: 'Press the button to unsubscribe and erase your address.',
    pageUnsubscribeButton: 'I unsubscribe',
    pageUnsubscribedTitle: 'Unsubscribed',
    pageUnsubscribed: 'You will receive no more messages; your address is erased from this subscription.',
    pageLinkInvalid: 'This link is not valid.',
    pageLinkExpired: 'This link has expired. Subscribe again.',
    pageLinkUsed: 'This link was already used: your subscription is confirmed.',
  },
};
