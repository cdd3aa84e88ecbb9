import { deviceStore, type KeyValueStore, readStored, writeStored } from '../base/storage.js';

/**
 * What the consultation editor keeps on the device for one draft while its edits are not all on the
 * server: the fields as typed, which of them are not saved yet, and the ETag those edits were made from (a
 * later save with it tells a stale copy from a fresh one). For a published consultation, the text being
 * prepared as its next version. Written at every keystroke, so a closed tab loses nothing.
 *
 * @example
 * ```ts
 * const copy: LocalConsultationDraft = { fields: { title: { ar: 'مشروع قانون', fr: 'Projet de loi' } }, dirty: ['title'], etag: '"r3"' };
 * ```
 */
export interface LocalConsultationDraft {
  fields: Record<string, unknown>;
  dirty: string[];
  etag?: string | undefined;
}

/**
 * The storage key of a draft's local copy.
 *
 * @example
 * ```ts
 * consultationDraftKey('cdr_0042'); // 'nassij:consultation-draft:cdr_0042'
 * ```
 */
export function consultationDraftKey(draftId: string): string {
  return `nassij:consultation-draft:${draftId}`;
}

/**
 * Reads a draft's local copy; `undefined` when there is none, storage is unavailable or the text is damaged.
 *
 * @example
 * ```ts
 * const copy = readConsultationDraft(consultationDraftKey(draftId));
 * ```
 */
export function readConsultationDraft(
  key: string,
  store?: KeyValueStore,
): LocalConsultationDraft | undefined {
  const copy = readStored<LocalConsultationDraft>(key, store);
  return copy && typeof copy.fields === 'object' && copy.fields !== null && Array.isArray(copy.dirty)
    ? copy
    : undefined;
}

/**
 * Writes (or, with `undefined`, forgets) a draft's local copy, synchronously.
 *
 * @example
 * ```ts
 * writeConsultationDraft(consultationDraftKey(draftId), { fields, dirty: ['title'], etag });
 * ```
 */
export function writeConsultationDraft(
  key: string,
  copy: LocalConsultationDraft | undefined,
  store?: KeyValueStore,
): boolean {
  return writeStored(key, copy, store);
}

/**
 * The text pasted into the import box of a draft and not imported yet, kept for the tab's life (a reload
 * or a slip of the back button does not lose a long paste; the sessionStorage, not the device's memory:
 * once imported, the articles themselves are the draft).
 *
 * @example
 * ```ts
 * writePasted('cdr_0042', 'المادة 1 …');
 * readPasted('cdr_0042'); // 'المادة 1 …'
 * ```
 */
export function readPasted(draftId: string, store: KeyValueStore | undefined = tabStore()): string {
  return readStored<string>(`nassij:consultation-paste:${draftId}`, store) ?? '';
}

/** Keeps (or with `''` forgets) the text pasted into a draft's import box. See {@link readPasted}. */
export function writePasted(
  draftId: string,
  text: string,
  store: KeyValueStore | undefined = tabStore(),
): boolean {
  return writeStored(`nassij:consultation-paste:${draftId}`, text ? text : undefined, store);
}

/** The tab's `sessionStorage`, or the device's storage where the tab has none. */
function tabStore(): KeyValueStore | undefined {
  try {
    return globalThis.sessionStorage ?? deviceStore();
  } catch {
    return deviceStore();
  }
}
