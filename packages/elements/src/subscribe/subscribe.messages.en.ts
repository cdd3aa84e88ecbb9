import type { Message } from '../i18n/messages.js';
import type { SubscribeKey } from './subscribe.messages.js';

const en: Readonly<Record<SubscribeKey, Message>> = {
  'sub.title.calls': 'Follow new calls by email',
  'sub.title.consultation': 'Follow this consultation by email',
  'sub.intro.calls': 'We write when a call matching your choices is published, amended, closed or cancelled.',
  'sub.intro.consultation':
    'We write whenever this consultation moves: a new version, a new phase, its synthesis published.',
  'sub.email': 'Your email address',
  'sub.email.hint': 'We send it a link to confirm the subscription.',
  'sub.email.required': 'Enter your email address.',
  'sub.email.invalid': 'Enter a valid email address, like {example}.',
  'sub.which': 'Which calls?',
  'sub.which.hint': 'Leave “Any” in a box to receive everything about it.',
  'sub.region': 'Region',
  'sub.sector': 'Sector',
  'sub.funder': 'Funding organisation',
  'sub.domain': 'Domain of intervention',
  'sub.any': 'Any',
  'sub.unknownChoice': '{code} (unknown)',
  'sub.choice.invalid': 'This choice is unknown. Pick one from the list.',
  'sub.consultation': 'Consultation',
  'sub.request': 'Request',
  'sub.digest': 'How often?',
  'sub.digest.immediate': 'As soon as something happens',
  'sub.digest.daily': 'A daily digest, at 8 am',
  'sub.digest.weekly': 'A weekly digest, on Mondays at 8 am',
  'sub.consent':
    'We keep your address and your choices only to send you these messages, until you unsubscribe. Nothing is sent before you confirm the address. Every message has a one-click unsubscribe link, which erases the address at once. (Law 09-08 on the protection of individuals with regard to the processing of personal data.)',
  'sub.submit': 'Subscribe',
  'sub.sending': 'Sending…',
  'sub.errorSummary': 'There is a problem',
  'sub.fieldError': '{label}: {message}',
  'sub.sent.title': 'Check your mailbox',
  'sub.sent.body': {
    one: 'If the address is right, you will receive a message with a link to confirm the subscription, valid for {count} day. Nothing else is sent before you confirm.',
    other:
      'If the address is right, you will receive a message with a link to confirm the subscription, valid for {count} days. Nothing else is sent before you confirm.',
  },
  'sub.sent.again': 'Change the choices or the address',
};
export default en;
