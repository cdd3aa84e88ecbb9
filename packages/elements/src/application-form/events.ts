import type { SubmissionResult } from '@nassij/contract';

/** `detail` of `nassij-application-save`. */
export interface NassijApplicationSaveDetail {
  applicationId: string;
  /** When the server stored the draft (ISO 8601). */
  savedAt: string;
}
/** `detail` of `nassij-application-submit`. */
export interface NassijApplicationSubmitDetail {
  applicationId: string;
  /** The receipt the reader can print (number, date, digest). */
  receipt: SubmissionResult['receipt'];
}
/** `detail` of `nassij-application-withdraw`. */
export interface NassijApplicationWithdrawDetail {
  applicationId: string;
}

/**
 * The events `<nassij-application-form>` fires; all bubble out of shadow roots (composed).
 *
 * @example
 * ```ts
 * form.addEventListener('nassij-application-submit', (event) => show(event.detail.receipt));
 * ```
 */
export interface NassijApplicationFormEventMap {
  'nassij-application-save': CustomEvent<NassijApplicationSaveDetail>;
  'nassij-application-submit': CustomEvent<NassijApplicationSubmitDetail>;
  'nassij-application-withdraw': CustomEvent<NassijApplicationWithdrawDetail>;
}
