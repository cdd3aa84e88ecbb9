import type { Message } from '../messages.js';
import type { ErrorMessageKey } from './ar.js';

/** Messages for the error codes a reachable platform answers with, in English (see ./ar.ts). */
const en: Readonly<Record<ErrorMessageKey, Message>> = {
  'error.bad_request': 'The request could not be understood.',
  'error.validation_failed': 'Some fields need your attention.',
  'error.unauthenticated': 'Please sign in to continue.',
  'error.invalid_credentials': 'The sign-in details are not correct.',
  'error.token_expired': 'Your session has expired. Please sign in again.',
  'error.forbidden': 'You are not allowed to do this.',
  'error.not_found': 'This page or item could not be found.',
  'error.method_not_allowed': 'This action is not available.',
  'error.conflict': 'This item was changed meanwhile. Reload and try again.',
  'error.already_exists': 'This already exists.',
  'error.already_supported': 'You have already supported this.',
  'error.already_registered': 'You are already registered.',
  'error.invalid_state': 'This action is not possible at this stage.',
  'error.deadline_passed': 'The deadline has passed.',
  'error.phase_closed': 'This phase is closed.',
  'error.not_eligible': 'You are not eligible.',
  'error.conflict_of_interest': 'You cannot do this because of a conflict of interest.',
  'error.declaration_required':
    'Declare whether you have a conflict of interest before reading this application.',
  'error.call_still_open': 'The call is still open: decisions are made only after it closes.',
  'error.reviews_incomplete': 'This application does not have the required number of reviews yet.',
  'error.precondition_failed': 'This item was changed meanwhile. Reload and try again.',
  'error.precondition_required': 'Reload the item before changing it.',
  'error.payload_too_large': 'What you sent is too large.',
  'error.unsupported_media_type': 'This format is not supported.',
  'error.file_type_not_allowed': 'This type of file is not accepted.',
  'error.file_too_large': 'This file is too large.',
  'error.idempotency_key_reused': 'This request was already sent with different content.',
  'error.rate_limited': 'Too many requests. Please wait a moment and try again.',
  'error.origin_not_allowed': 'This site is not allowed to use the platform.',
  'error.internal': 'The platform had a problem. Please try again later.',
  'error.unavailable': 'The platform is unavailable for now. Please try again later.',
  'error.document_expired':
    'A document is no longer valid. Add an up-to-date one to the document vault, then try again.',
  'error.password_too_short': 'The password is too short: use at least 15 characters.',
  'error.password_too_long': 'The password is too long.',
  'error.password_breached': 'This password is too common or known from a data breach. Choose another one.',
  'error.password_context': 'Do not use your e-mail address, your name or the platform’s name as a password.',
  'error.email_not_verified': 'Your e-mail address is not confirmed yet. Open the link we sent you.',
  'error.link_invalid': 'This link is not valid.',
  'error.link_expired': 'This link has expired. Ask for a new one.',
  'error.link_used': 'This link was already used.',
  'error.receipt_already_claimed':
    'This registration receipt number is already claimed or verified. If it is your association’s, contact the platform.',
  'error.registry_mismatch':
    'The claim does not match the registry: check the receipt number and the association’s name.',
  'error.already_member_elsewhere': 'This address already holds this role in another association.',
  'error.no_articles_detected':
    'No article was found in the text: start each article with its heading, such as “Article 1”.',
  'error.removed_article_has_contributions':
    'Removed articles have contributions: keep them, or confirm that their contributions are kept.',
  'error.participant_not_member': 'The participant is not a member of this association.',
  'error.capacity_below_confirmed': 'The capacity cannot be below the confirmed registrations.',
  'error.not_registered': 'This person is not registered to this session.',
  'error.synthesis_incomplete':
    'The synthesis is not complete: give each recommendation and amendment an outcome and a reason.',
  'error.registration_incomplete': 'The certificate is issued only once the training is completed.',
  'error.webhook_limit_reached':
    'The maximum number of webhook endpoints is reached. Remove one before adding another.',
  'error.member_limit_reached':
    'The association has the most members it may have. Remove a member, or wait for an invitation to expire, before inviting another.',
  'error.invalid_response': 'The platform sent an unexpected answer. Please try again later.',
  'error.aborted': 'The action was cancelled.',
  'error.popup_blocked': 'The browser blocked the sign-in window. Allow pop-ups and try again.',
  'error.popup_closed': 'The sign-in window was closed before signing in.',
};

export default en;
