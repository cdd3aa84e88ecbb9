import type { CallDraftFields } from '@nassij/contract';
import { type KeyValueStore, readStored, writeStored } from '../base/storage.js';

/**
 * What the call editor keeps on the device for one draft while its edits are not all on the server: the
 * fields as typed, which of them are not saved yet, and the ETag those edits were made from (a later save
 * with it tells a stale copy from a fresh one). Written at every keystroke, so a closed tab loses nothing.
 *
 * @example
 * ```ts
 * const copy: LocalCallDraft = { fields: { fiscalYear: 2027 }, dirty: ['fiscalYear'], etag: '"r3"' };
 * ```
 */
export interface LocalCallDraft {
  fields: CallDraftFields;
  dirty: (keyof CallDraftFields)[];
  etag?: string | undefined;
}

/**
 * The storage key of a draft's local copy.
 *
 * @example
 * ```ts
 * callDraftKey('call_0042'); // 'nassij:call-draft:call_0042'
 * ```
 */
export function callDraftKey(callId: string): string {
  return `nassij:call-draft:${callId}`;
}

/**
 * Reads a draft's local copy; `undefined` when there is none, storage is unavailable or the text is damaged.
 *
 * @example
 * ```ts
 * const copy = readCallDraft(callDraftKey(callId));
 * ```
 */
export function readCallDraft(key: string, store?: KeyValueStore): LocalCallDraft | undefined {
  const copy = readStored<LocalCallDraft>(key, store);
  return copy && typeof copy.fields === 'object' && Array.isArray(copy.dirty) ? copy : undefined;
}

/**
 * Writes (or, with `undefined`, forgets) a draft's local copy, synchronously.
 *
 * @example
 * ```ts
 * writeCallDraft(callDraftKey(callId), { fields, dirty: ['title'], etag });
 * ```
 */
export function writeCallDraft(
  key: string,
  copy: LocalCallDraft | undefined,
  store?: KeyValueStore,
): boolean {
  return writeStored(key, copy, store);
}
