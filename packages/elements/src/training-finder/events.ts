import type { Registration } from '@nassij/contract';
import type { NassijErrorDetail } from '../base/nassij-element.js';
import type { TrainingFilters } from './filters.js';

/** `detail` of `nassij-course-search`. */
export type NassijCourseSearchDetail = TrainingFilters;
/** `detail` of `nassij-register`: the new registration, `confirmed` or `waitlisted`. */
export type NassijRegisterDetail = Registration;
/** `detail` of `nassij-registration-cancel`: the registration, now `cancelled`. */
export type NassijRegistrationCancelDetail = Registration;

/** `detail` of `nassij-sign-in`. */
export interface NassijSignInDetail {
  /** When the session ends (ISO 8601); absent in data mode, where the page signs in itself. */
  expiresAt?: string;
}

/**
 * The events `<nassij-training-finder>` fires; all bubble out of shadow roots (composed).
 *
 * @example
 * ```ts
 * finder.addEventListener('nassij-register', (event) => notify(event.detail.status));
 * ```
 */
export interface NassijTrainingFinderEventMap {
  'nassij-course-search': CustomEvent<NassijCourseSearchDetail>;
  'nassij-register': CustomEvent<NassijRegisterDetail>;
  'nassij-registration-cancel': CustomEvent<NassijRegistrationCancelDetail>;
  'nassij-sign-in': CustomEvent<NassijSignInDetail>;
  'nassij-error': CustomEvent<NassijErrorDetail>;
}
