import type { Answers, AnswerValue } from '@nassij/contract';
import { type KeyValueStore, readStored, writeStored } from '../base/storage.js';

/**
 * What the application form keeps on the device for one call and association: every answer as typed,
 * the server copy those edits were made from (`synced`), the fields not yet saved to the server, the
 * ETag the next autosave must send and the idempotency key of a pending submission.
 *
 * @example
 * ```ts
 * const draft: LocalDraft = { answers: { summary: 'نص' }, synced: {}, dirty: ['summary'] };
 * ```
 */
export interface LocalDraft {
  applicationId?: string | undefined;
  answers: Answers;
  synced: Answers;
  dirty: string[];
  etag?: string | undefined;
  savedAt?: string | undefined;
  step?: number | undefined;
  submitKey?: string | undefined;
}

/**
 * One field both this copy and another (tab, device) changed since their common server version.
 *
 * @example
 * ```ts
 * const conflict: FieldConflict = { fieldId: 'summary', mine: 'نصي', theirs: 'نص آخر' };
 * ```
 */
export interface FieldConflict {
  fieldId: string;
  mine: AnswerValue | undefined;
  theirs: AnswerValue | undefined;
}

/**
 * The storage key of a draft: one per call and association, so two associations never mix.
 *
 * @example
 * ```ts
 * draftKey('call_0001', 'asso_0001'); // 'nassij:application:call_0001:asso_0001'
 * ```
 */
export function draftKey(callId: string, associationId: string): string {
  return `nassij:application:${callId}:${associationId}`;
}

/**
 * Reads a draft (from the device's storage unless `store` is given); `undefined` when there is none,
 * storage is unavailable or the stored text is damaged.
 *
 * @example
 * ```ts
 * const draft = readDraft(draftKey(callId, associationId));
 * ```
 */
export function readDraft(key: string, store?: KeyValueStore): LocalDraft | undefined {
  const draft = readStored<LocalDraft>(key, store);
  return draft && typeof draft.answers === 'object' && Array.isArray(draft.dirty) ? draft : undefined;
}

/**
 * Writes a draft at once (synchronously, so a crash a moment later loses nothing); `undefined` forgets it.
 * Returns `false` when the storage refused it (private mode, quota).
 *
 * @example
 * ```ts
 * writeDraft(key, draft);
 * ```
 */
export function writeDraft(key: string, draft: LocalDraft | undefined, store?: KeyValueStore): boolean {
  return writeStored(key, draft, store);
}

/**
 * Whether two answers are the same (structural; `undefined` and `null` both mean "no answer").
 *
 * @example
 * ```ts
 * sameAnswer(['a'], ['a']); // true
 * ```
 */
export function sameAnswer(a: AnswerValue | undefined, b: AnswerValue | undefined): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/**
 * Merges the device's unsaved edits into a newer server copy: a field only this device changed keeps
 * its local value (and stays to save); a field only the server changed takes the server's; a field both
 * changed differently is a conflict for the reader to settle. Nothing is dropped.
 *
 * @example
 * ```ts
 * const { answers, dirty, conflicts } = reconcile(local, current.answers);
 * if (conflicts.length) showConflictDialog(conflicts);
 * ```
 */
export function reconcile(
  local: Pick<LocalDraft, 'answers' | 'synced' | 'dirty'> | undefined,
  server: Answers,
): { answers: Answers; dirty: string[]; conflicts: FieldConflict[] } {
  const answers: Answers = { ...server };
  const dirty: string[] = [];
  const conflicts: FieldConflict[] = [];
  for (const fieldId of local?.dirty ?? []) {
    const mine = local?.answers[fieldId];
    const theirs = server[fieldId];
    if (sameAnswer(mine, theirs)) continue;
    if (sameAnswer(theirs, local?.synced[fieldId])) {
      answers[fieldId] = mine ?? null;
      dirty.push(fieldId);
    } else {
      conflicts.push({ fieldId, mine, theirs });
    }
  }
  return { answers, dirty, conflicts };
}

/**
 * Reads a typed amount as MAD: Latin or Arabic-Indic digits, a comma or a dot, spaces ignored. Returns
 * the raw text when it is not an amount (the form then reports it), `null` when empty.
 *
 * @example
 * ```ts
 * parseMoney('1 500,5'); // { amount: '1500.5', currency: 'MAD' }
 * ```
 */
export function parseMoney(text: string): AnswerValue {
  const western = text.replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660));
  const clean = western.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.');
  if (clean === '') return null;
  return /^\d{1,15}(\.\d{1,2})?$/.test(clean) ? { amount: clean, currency: 'MAD' } : text;
}
