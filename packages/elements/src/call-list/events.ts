import type { CallSearchQuery } from '@nassij/contract';
import type { NassijErrorDetail } from '../base/nassij-element.js';

/** `detail` of `nassij-call-search`: the search the reader asked for (`q`, facet arrays, `sort`). */
export type NassijCallSearchDetail = CallSearchQuery;

/** `detail` of `nassij-call-select`. */
export interface NassijCallSelectDetail {
  callId: string;
  /** The call's public reference (`MA-MJCC-2026-0007`), when the summary is loaded. */
  reference: string | undefined;
}

/** `detail` of `nassij-apply`. */
export interface NassijApplyDetail {
  callId: string;
  reference: string;
}

/**
 * The events `<nassij-call-list>` fires; all bubble out of shadow roots (composed).
 *
 * @example
 * ```ts
 * list.addEventListener('nassij-apply', (event) => openForm(event.detail.callId));
 * ```
 */
export interface NassijCallListEventMap {
  'nassij-call-search': CustomEvent<NassijCallSearchDetail>;
  'nassij-call-select': CustomEvent<NassijCallSelectDetail>;
  'nassij-apply': CustomEvent<NassijApplyDetail>;
  'nassij-error': CustomEvent<NassijErrorDetail>;
}
