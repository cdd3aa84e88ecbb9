import type { SharedMessageKey } from './ar.js';
import type { Message } from './messages.js';

/**
 * Shared UI messages in English, loaded on demand; the keys are those of the Arabic catalog (`ar.ts`).
 * Keys are `area.name`; error keys are the contract's codes (`error.<ErrorCode>`, `field.<FieldErrorCode>`).
 */
const en: Readonly<Record<SharedMessageKey, Message>> = {
  'state.loading': 'Loading…',
  'state.empty': 'Nothing to show here yet.',
  'state.error': 'Something went wrong.',
  'state.offline': 'You are offline. What you see may be out of date.',
  'state.backOnline': 'You are back online.',
  'action.retry': 'Try again',
  'action.search': 'Search',
  'action.filters': 'Filters',
  'action.clearFilters': 'Clear filters',
  'action.apply': 'Apply',
  'action.close': 'Close',
  'action.cancel': 'Cancel',
  'action.signIn': 'Sign in',
  'action.signOut': 'Sign out',
  'pagination.loadMore': 'Load more',
  'pagination.showing': 'Showing {shown} of {total}',
  'count.results': { one: '{count} result', other: '{count} results' },
  'count.daysLeft': { one: 'Closes in {count} day', other: 'Closes in {count} days' },
  'count.seatsLeft': { one: '{count} seat left', other: '{count} seats left' },
  'count.contributions': { one: '{count} contribution', other: '{count} contributions' },
  'deadline.closesToday': 'Closes today',
  'deadline.closed': 'Closed',
  'deadline.at': 'Deadline: {date}',
  'status.forecast': 'Forecast',
  'status.open': 'Open',
  'status.closed': 'Closed',
  'status.under_review': 'Under review',
  'status.awarded': 'Awarded',
  'status.cancelled': 'Cancelled',
  'status.draft': 'Draft',
  'status.published': 'Published',
  'field.required': 'This field is required.',
  'field.unknown_field': 'This field is not accepted.',
  'field.invalid_type': 'This value has the wrong type.',
  'field.invalid_format': 'This value is not in the expected format.',
  'field.invalid_value': 'This value is not one of the allowed choices.',
  'field.too_short': 'Enter at least {minimum} characters.',
  'field.too_long': 'Enter at most {maximum} characters.',
  'field.too_small': 'Enter a value of at least {minimum}.',
  'field.too_big': 'Enter a value of at most {maximum}.',
  'field.not_multiple_of': 'Enter a multiple of {divisor}.',
  'field.not_allowed': 'This value is not allowed.',
  'field.invalid': 'This value is not valid.',
  'error.network_error': 'The platform cannot be reached right now. Please try again in a moment.',
  'error.timeout': 'The platform took too long to answer.',
  'error.offline': 'You are offline.',
  'error.unknown': 'Something went wrong.',
};

export default en;

// Kept here too for existing imports; the Arabic catalog now defines the keys.
export type { SharedMessageKey } from './ar.js';
