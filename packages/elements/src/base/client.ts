import { type BaseClient, createBaseClient } from '@nassij/sdk';

// Elements take any client: a full `createClient()` from a site that already has one, or the smaller
// base client they create themselves, which carries only the routes the page's components call.
export type { BaseClient } from '@nassij/sdk';

const clients = new Map<string, BaseClient>();

/** Resolves `apiBase` against the page and drops trailing slashes, so equal bases share one client. */
export function normalizeApiBase(apiBase: string): string {
  const base = typeof document === 'undefined' ? undefined : document.baseURI;
  return new URL(apiBase, base).href.replace(/\/+$/, '');
}

/**
 * The page's one client for an API base URL: every element with the same `api-base` (or provider) shares
 * it, and so its cache and its sign-in.
 *
 * @example
 * ```ts
 * const client = clientFor('https://platform.example/api');
 * clientFor('https://platform.example/api/') === client; // true
 * ```
 */
export function clientFor(apiBase: string): BaseClient {
  const baseUrl = normalizeApiBase(apiBase);
  let client = clients.get(baseUrl);
  if (!client) {
    client = createBaseClient({ baseUrl });
    clients.set(baseUrl, client);
  }
  return client;
}

/** Event an element dispatches (composed, bubbling) to ask the nearest `<nassij-provider>` for its client. */
export const CONTEXT_REQUEST = 'nassij-context-request';

/** Event a provider dispatches on `window` when it connects, so elements that asked too early ask again. */
export const PROVIDER_CONNECTED = 'nassij-provider-connected';

/** The `detail` of a {@link CONTEXT_REQUEST} event. */
export interface ContextRequestDetail {
  /** Called at once with the provider's client, then again whenever the provider's client changes. */
  callback(client: BaseClient | undefined): void;
  /** Set by the answering provider: call it to stop receiving updates (on disconnect). */
  unsubscribe?: () => void;
}
