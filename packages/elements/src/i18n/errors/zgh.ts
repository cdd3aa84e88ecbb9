import type { Message } from '../messages.js';
import type { ErrorMessageKey } from './ar.js';

/** Messages for the error codes a reachable platform answers with, in Tamazight (Tifinagh) (see ./ar.ts). */
const zgh: Readonly<Record<ErrorMessageKey, Message>> = {
  'error.bad_request': 'ⵓⵔ ⵉⵜⵜⵓⴼⵀⴰⵎ ⵓⵙⵓⵜⵔ.',
  'error.validation_failed': 'ⴽⵔⴰ ⵏ ⵢⵉⴳⵔⴰⵏ ⵔⵉⵏ ⴰⵙⵖⵓⴷⵓ.',
  'error.unauthenticated': 'ⴽⵛⵎ ⴰⴷ ⵜⴽⵎⵎⵍⴷ.',
  'error.invalid_credentials': 'ⵉⵙⴰⵍⵍ ⵏ ⵓⴽⵛⴰⵎ ⵓⵔ ⵚⵃⵉⵃⵏ.',
  'error.token_expired': 'ⵜⴼⵓⴽ ⵜⵖⵉⵣⵉ ⵏⵏⴽ. ⴽⵛⵎ ⵢⴰⵜ ⵜⵉⴽⴽⵍⵜ ⵢⴰⴹⵏ.',
  'error.forbidden': 'ⵓⵔ ⵜⵜⵓⵙⵓⵔⴼⵜ ⴰⴷ ⵜⵙⴽⵔⴷ ⴰⵢⴰ.',
  'error.not_found': 'ⵓⵔ ⵜⵜⵓⴼⴰ ⵜⴰⵙⵏⴰ ⵏⵏⴰ ⵡⴰⵍⴰ ⴰⴼⵔⴷⵉⵙ ⴰ.',
  'error.method_not_allowed': 'ⵜⴰⴳⴰⵡⵜ ⴰ ⵓⵔ ⵜⵍⵍⵉ.',
  'error.conflict': 'ⴰⴼⵔⴷⵉⵙ ⴰ ⵉⵜⵜⵓⵙⵏⴼⵍ. ⴰⵍⵙ ⴰⵣⴷⴰⵎ ⴷ ⵜⴰⵔⵎⵉⵜ.',
  'error.already_exists': 'ⴰⵢⴰ ⵉⵍⵍⴰ ⵢⴰⴷⵏⵏ.',
  'error.already_supported': 'ⵜⴼⴽⵉⴷ ⵢⴰⴷⵏⵏ ⴰⵏⴰⵍⵎⴰⴷ ⵏⵏⴽ.',
  'error.already_registered': 'ⵜⵜⵓⵣⵎⵎⴰⵔⵜ ⵢⴰⴷⵏⵏ.',
  'error.invalid_state': 'ⵜⴰⴳⴰⵡⵜ ⴰ ⵓⵔ ⵜⵣⵎⵉⵔ ⴳ ⵜⵙⵏⴰ ⴰ.',
  'error.deadline_passed': 'ⵉⴼⵓⴽ ⵓⵣⵎⵣ ⴰⵏⴳⴳⴰⵔⵓ.',
  'error.phase_closed': 'ⵜⴰⵙⵏⴰ ⴰ ⵜⵔⴳⵍ.',
  'error.not_eligible': 'ⵓⵔ ⵜⵙⵡⴰⴷ ⵜⵉⵡⵜⵉⵍⵉⵏ.',
  'error.conflict_of_interest': 'ⵓⵔ ⵜⵣⵎⵉⵔⴷ ⴰⴷ ⵜⵙⴽⵔⴷ ⴰⵢⴰ ⵙ ⵜⵎⵏⵖⵉⵡⵜ ⵏ ⵜⵏⴼⵓⵜⵉⵏ.',
  'error.declaration_required': 'ⵙⵙⴼⵔⵓ ⵎⵏⵣⵡⴰ ⵎⴰ ⵉⵍⵍⴰ ⵓⵎⵏⵖⵉ ⵏ ⵜⵏⴼⵓⵜⵉⵏ ⵇⴱⵍ ⴰⴷ ⵜⵖⵔⴷ ⴰⵙⵓⵜⵔ ⴰⴷ.',
  'error.call_still_open': 'ⴰⵙⵓⵍⵉ ⵉⵍⵍⴰ ⵉⵕⵥⵎ: ⴰⴳⵣⵣⵓⵎ ⵉⵜⵜⵓⴳ ⵖⴰⵙ ⴷⴼⴼⵉⵔ ⵏ ⵓⵇⵇⵏ ⵏⵏⵙ.',
  'error.reviews_incomplete': 'ⴰⵙⵓⵜⵔ ⴰⴷ ⵓⵔ ⵉⵍⴽⵉⵎ ⵎⴰⵙⴰ ⵎⴰⵏⵛⴽ ⵏ ⵉⵙⴼⵙⴰⵢⵏ ⵉⵜⵜⵓⵙⵜⵔⵏ.',
  'error.precondition_failed': 'ⴰⴼⵔⴷⵉⵙ ⴰ ⵉⵜⵜⵓⵙⵏⴼⵍ. ⴰⵍⵙ ⴰⵣⴷⴰⵎ ⴷ ⵜⴰⵔⵎⵉⵜ.',
  'error.precondition_required': 'ⴰⵍⵙ ⴰⵣⴷⴰⵎ ⵏ ⵓⴼⵔⴷⵉⵙ ⵇⴱⵍ ⴰⴷ ⵜⵙⵏⴼⵍⴷ.',
  'error.payload_too_large': 'ⵎⴰ ⵜⵙⵙⴽⵛⵎⴷ ⵉⵎⵇⵇⵓⵔ ⴱⵣⵣⴰⴼ.',
  'error.unsupported_media_type': 'ⵜⴰⵍⵖⴰ ⴰ ⵓⵔ ⵜⵜⵓⵇⴱⴰⵍ.',
  'error.file_type_not_allowed': 'ⴰⵏⴰⵡ ⵏ ⵓⴼⴰⵢⵍⵓ ⴰ ⵓⵔ ⵉⵜⵜⵓⵇⴱⴰⵍ.',
  'error.file_too_large': 'ⴰⴼⴰⵢⵍⵓ ⴰ ⵉⵎⵇⵇⵓⵔ ⴱⵣⵣⴰⴼ.',
  'error.idempotency_key_reused': 'ⴰⵙⵓⵜⵔ ⴰ ⵉⵜⵜⵓⵣⵏ ⵢⴰⴷⵏⵏ ⵙ ⵓⴳⴱⵓⵔ ⵢⴰⴹⵏ.',
  'error.rate_limited': 'ⴰⵟⵟⴰⵙ ⵏ ⵉⵙⵓⵜⴰⵔ. ⵔⵊⵓ ⵛⵡⵉⵢ ⴷ ⵜⴰⵍⵙⴷ.',
  'error.origin_not_allowed': 'ⴰⵙⵉⵜ ⴰ ⵓⵔ ⵉⵜⵜⵓⵙⵓⵔⴼ ⴰⴷ ⵉⵙⵙⵎⵔⵙ ⵜⴰⵖⵉⵡⴰⵏⵜ.',
  'error.internal': 'ⵜⵍⵍⴰ ⵢⴰⵜ ⵜⵣⴳⵍⵜ ⴳ ⵜⵖⵉⵡⴰⵏⵜ. ⴰⵍⵙ ⴷⴼⴼⵉⵔ.',
  'error.unavailable': 'ⵜⴰⵖⵉⵡⴰⵏⵜ ⵓⵔ ⵜⵍⵍⵉ ⵖⵉⵍⴰ. ⴰⵍⵙ ⴷⴼⴼⵉⵔ.',
  'error.invalid_response': 'ⵜⵔⴰⵔ ⵜⵖⵉⵡⴰⵏⵜ ⵢⴰⵏ ⵓⵔⵔⴰ ⵓⵔ ⵉⵜⵜⵓⵔⴰⵊⴰⵏ. ⴰⵍⵙ ⴷⴼⴼⵉⵔ.',
  'error.aborted': 'ⵜⵉⴳⴰⵡⵜ ⵜⵜⵓⵙⵙⵔ.',
  'error.popup_blocked': 'ⴰⵎⵙⵙⵉⵔⴰⴳ ⵉⵃⴱⵙ ⵜⴰⵙⵓⵔⵜ ⵏ ⵓⴽⵛⵛⵓⵎ. ⵙⵙⵓⵔⴳ ⵜⵉⵙⵓⵔⴰ ⵜⴰⵍⵙⴷ.',
  'error.popup_closed': 'ⵜⴰⵙⵓⵔⵜ ⵏ ⵓⴽⵛⵛⵓⵎ ⵜⵜⵓⵇⵇⵏ ⵇⴱⵍ ⴰⵏⴳⴳⴰⵔ.',
};

export default zgh;
