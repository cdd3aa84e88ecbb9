// What the webhooks area says by e-mail, in the four languages (Arabic is the source): the notice that an
// endpoint was disabled after repeated failures. Only wording lives here; the layout is the mail module's.
import type { Locale } from '@nassij/contract';
import type { MailContent } from '../../mail/layout.js';

/** The facts of a disablement notice. */
export interface DisabledEndpointFacts {
  name: string;
  url: string;
  failures: number;
  lastError: string;
}

const WORDING: Record<
  Locale,
  {
    subject: string;
    greeting: (name: string) => string;
    lead: (f: DisabledEndpointFacts) => string;
    cause: (f: DisabledEndpointFacts) => string;
    next: string;
    footer: string;
  }
> = {
  ar: {
    subject: 'تعطيل عنوان استقبال الإشعارات (webhook)',
    greeting: (name) => `مرحبا ${name}،`,
    lead: (f) => `عطّلت منصة نسيج عنوان الاستقبال ${f.url} بعد ${f.failures} محاولة إرسال فاشلة متتالية.`,
    cause: (f) => `آخر خطأ: ${f.lastError}`,
    next: 'لن تُرسَل إليه أي أحداث بعد الآن. أصلحوا العنوان ثم أعيدوا تفعيله وأعيدوا إرسال ما فات من سجل الإرسال.',
    footer: 'وصلتكم هذه الرسالة لأنكم من مسيّري هذه المؤسسة على منصة نسيج.',
  },
  fr: {
    subject: 'Point de réception webhook désactivé',
    greeting: (name) => `Bonjour ${name},`,
    lead: (f) =>
      `Nassij a désactivé le point de réception ${f.url} après ${f.failures} tentatives d’envoi échouées d’affilée.`,
    cause: (f) => `Dernière erreur : ${f.lastError}`,
    next: 'Plus aucun événement ne lui sera envoyé. Corrigez l’adresse, réactivez le point de réception et rejouez les envois manqués depuis le journal des envois.',
    footer: 'Vous recevez ce message parce que vous administrez cette organisation sur Nassij.',
  },
  zgh: {
    subject: 'ⵉⵜⵜⵓⵙⵅⵙ ⵓⵏⵙⴰ ⵏ ⵓⵔⵎⵙ (webhook)',
    greeting: (name) => `ⴰⵣⵓⵍ ${name},`,
    lead: (f) => `ⵉⵙⵅⵙ ⵏⵙⵙⵉⵊ ⴰⵏⵙⴰ ⵏ ⵓⵔⵎⵙ ${f.url} ⴷⴼⴼⵉⵔ ${f.failures} ⵏ ⵜⴰⵔⵎⵉⵜⵉⵏ ⵏ ⵓⵣⵏ ⵓⵔ ⵉⵜⵜⵓⵙⵎⴷⵏ.`,
    cause: (f) => `ⵜⵓⵣⴳⵍⵜ ⵜⴰⵏⴳⴳⴰⵔⵓⵜ: ${f.lastError}`,
    next: 'ⵓⵔ ⴷ ⴰⵙ ⵉⵜⵜⵓⵣⵏ ⴽⵔⴰ ⵏ ⵜⵎⴰⵙⴰ. ⵙⵖⵓⴷⵓ ⴰⵏⵙⴰ, ⵙⵊⵊⵍⴰⵜ ⵜ ⴷⴰ ⵙ ⵜⵉⵙⵙ ⵙⵏⴰⵜ, ⵜⴰⵍⵙⴰⵎ ⴰⵣⵏ ⵏ ⵎⴰⵢⴷ ⵉⵣⵔⵉⵏ.',
    footer: 'ⵜⵜⵓⵣⵏ ⵜⴱⵔⴰⵜ ⴰⴷ ⵉⵏⵏⵓⵏ ⴰⵛⴽⵓ ⵜⵙⵙⵓⴷⵓⵎ ⵜⴰⵎⵙⵙⵓⴷⵓⵜ ⴰⴷ ⴳ ⵏⵙⵙⵉⵊ.',
  },
  en: {
    subject: 'Webhook endpoint disabled',
    greeting: (name) => `Hello ${name},`,
    lead: (f) =>
      `Nassij disabled the endpoint ${f.url} after ${f.failures} failed delivery attempts in a row.`,
    cause: (f) => `Last error: ${f.lastError}`,
    next: 'No more events will be sent to it. Fix the address, enable the endpoint again and replay what was missed from the delivery log.',
    footer: 'You receive this message because you administer this organisation on Nassij.',
  },
};

/**
 * The message telling an admin that an endpoint was disabled, in their language.
 *
 * @example
 * ```ts
 * const mail = composeMail('fr', disabledEndpointMessage('fr', { name: 'Brahim', url, failures: 20, lastError: 'status 500' }));
 * ```
 */
export function disabledEndpointMessage(locale: Locale, facts: DisabledEndpointFacts): MailContent {
  const words = WORDING[locale];
  return {
    subject: words.subject,
    greeting: words.greeting(facts.name),
    paragraphs: [words.lead(facts), words.cause(facts), words.next],
    footer: words.footer,
  };
}
