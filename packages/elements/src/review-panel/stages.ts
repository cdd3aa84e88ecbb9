import type { ApplicationStatus } from '@nassij/contract';

/**
 * Statuses of an application that waits for its eligibility check by the call's staff: no reviewer
 * declares on it or scores it yet.
 *
 * @example
 * ```ts
 * AWAITING_CHECK.includes(summary.status); // true for a received application
 * ```
 */
export const AWAITING_CHECK: readonly ApplicationStatus[] = ['submitted', 'received', 'eligibility_check'];

/**
 * Statuses of a decided application.
 *
 * @example
 * ```ts
 * DECIDED.includes('awarded'); // true
 * ```
 */
export const DECIDED: readonly ApplicationStatus[] = ['awarded', 'rejected'];
