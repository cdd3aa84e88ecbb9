import type { CreateContribution } from '@nassij/contract';
import { type KeyValueStore, readStored as read, writeStored as write } from '../base/storage.js';

// Everything a reader types stays on the device until the platform has it: drafts per form, the author
// fields, and an outbox of contributions waiting to be sent. All through base/storage.ts, which guards every
// access (storage missing, full or refused: the element keeps working, only without memory).

export type { KeyValueStore };

const PREFIX = 'nassij:consultation:';
const OUTBOX = `${PREFIX}outbox`;
const DEVICE = 'nassij:device';
const AUTHOR = `${PREFIX}author`;

/** What a reader typed in one contribution form. */
export interface Draft {
  body?: string;
  proposedText?: string;
  position?: string;
}

/**
 * The storage key of the draft of one form: consultation, article (or the whole text) and kind.
 *
 * @example
 * ```ts
 * draftKey('cons_0001', 'art-5', 'amendment'); // 'nassij:consultation:draft:cons_0001:art-5:amendment'
 * ```
 */
export function draftKey(consultationId: string, articleId: string | null, kind: string): string {
  return `${PREFIX}draft:${consultationId}:${articleId ?? '-'}:${kind}`;
}

/**
 * Reads a saved draft, if any.
 *
 * @example
 * ```ts
 * loadDraft(draftKey('cons_0001', null, 'comment'))?.body;
 * ```
 */
export function loadDraft(key: string, store?: KeyValueStore): Draft | undefined {
  return read<Draft>(key, store);
}

/**
 * Saves a draft; an empty one is removed.
 *
 * @example
 * ```ts
 * saveDraft(key, { body: 'أقترح…' });
 * ```
 */
export function saveDraft(key: string, draft: Draft | undefined, store?: KeyValueStore): void {
  const empty = !draft || !(draft.body || draft.proposedText || draft.position);
  write(key, empty ? undefined : draft, store);
}

/** What an anonymous contributor declares, kept on the device for the next time. */
export interface AuthorFields {
  displayName: string;
  region: string;
  participantType: 'citizen' | 'association';
}

/**
 * The author fields typed last time (empty ones the first time).
 *
 * @example
 * ```ts
 * readAuthor().displayName; // '' the first time
 * ```
 */
export function readAuthor(store?: KeyValueStore): AuthorFields {
  return {
    displayName: '',
    region: '',
    participantType: 'citizen',
    ...read<Partial<AuthorFields>>(AUTHOR, store),
  };
}

/**
 * Keeps the author fields for the next contribution (not kept when storage refuses: typed again).
 *
 * @example
 * ```ts
 * saveAuthor({ displayName: 'أمينة', region: 'MA-09', participantType: 'citizen' });
 * ```
 */
export function saveAuthor(author: AuthorFields, store?: KeyValueStore): void {
  write(AUTHOR, author, store);
}

/** A contribution kept on the device until the platform confirms it. */
export interface OutboxEntry {
  /** The idempotency key, made once when the reader pressed "send" and reused for every attempt. */
  key: string;
  consultationId: string;
  body: CreateContribution;
  /** Sent without a token: it needs the device header. */
  anonymous: boolean;
  /** The draft to clear once it is stored. */
  draftKey?: string;
  createdAt: string;
}

/**
 * The contributions waiting to be sent, oldest first.
 *
 * @example
 * ```ts
 * readOutbox().filter((e) => e.consultationId === 'cons_0001').length;
 * ```
 */
export function readOutbox(store?: KeyValueStore): OutboxEntry[] {
  const entries = read<OutboxEntry[]>(OUTBOX, store);
  return Array.isArray(entries) ? entries : [];
}

/**
 * Adds (or replaces, by key) an entry in the outbox.
 *
 * @example
 * ```ts
 * putInOutbox({ key: newKey(), consultationId, body, anonymous: true, createdAt: new Date().toISOString() });
 * ```
 */
export function putInOutbox(entry: OutboxEntry, store?: KeyValueStore): void {
  write(OUTBOX, [...readOutbox(store).filter((e) => e.key !== entry.key), entry], store);
}

/**
 * Removes an entry once the platform has it (or refused it for good).
 *
 * @example
 * ```ts
 * removeFromOutbox(entry.key);
 * ```
 */
export function removeFromOutbox(key: string, store?: KeyValueStore): void {
  const left = readOutbox(store).filter((e) => e.key !== key);
  write(OUTBOX, left.length ? left : undefined, store);
}

/**
 * A random key: an idempotency key or a device token (36 characters, what the server accepts).
 *
 * @example
 * ```ts
 * newKey().length; // 36
 * ```
 */
export function newKey(): string {
  return globalThis.crypto.randomUUID();
}

/**
 * This device's token, sent as `X-Nassij-Device` with anonymous contributions (rate limits, "my
 * contribution" while it waits for moderation). Made once, then kept.
 *
 * @example
 * ```ts
 * headers: { 'x-nassij-device': deviceToken() }
 * ```
 */
export function deviceToken(store?: KeyValueStore): string {
  const known = read<string>(DEVICE, store);
  if (typeof known === 'string' && /^[A-Za-z0-9._:-]{16,128}$/.test(known)) return known;
  const token = newKey();
  write(DEVICE, token, store);
  return token;
}

/** Whether the reader already accepted the law 09-08 notice on this device. */
export function hasConsented(store?: KeyValueStore): boolean {
  return read<boolean>(`${PREFIX}consent`, store) === true;
}

/** Remembers the law 09-08 consent, so the full notice is shown before the first contribution only. */
export function rememberConsent(store?: KeyValueStore): void {
  write(`${PREFIX}consent`, true, store);
}

/** Client-side error codes after which a contribution stays in the outbox to be sent later. */
const TRANSIENT = new Set(['network_error', 'timeout', 'offline', 'unavailable', 'internal']);

/**
 * Whether a failed send should be tried again later (no connection, a server that did not answer)
 * rather than shown as refused.
 *
 * @example
 * ```ts
 * isTransient('network_error'); // true
 * isTransient('validation_failed'); // false
 * ```
 */
export function isTransient(code: string): boolean {
  return TRANSIENT.has(code);
}
