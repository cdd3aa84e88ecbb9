import { type BaseClient, createBaseClient } from '@nassij/sdk';

// Clients for the loading and error stories. Components show a skeleton only while a request is in flight and
// an error only after a load failed (no `errorCode` to set by hand), so these stories give them a client whose
// requests never answer, or answer with a problem document of the code to show.

const BASE_URL = 'https://platform.invalid/api';
/** Staff components ask for sign-in without a token: their stories of loading and failing pass one. */
const STORY_TOKEN = 'story-token-not-a-real-one';

/**
 * A client whose every request stays pending: the component shows its loading state. `signedIn` gives it a
 * (fake) token, for staff components, which otherwise offer sign-in without asking anything.
 *
 * @example
 * ```ts
 * html`<nassij-call-list .client=${pendingClient()}></nassij-call-list>`;
 * ```
 */
export function pendingClient({ signedIn = false }: { signedIn?: boolean } = {}): BaseClient {
  return createBaseClient({
    baseUrl: BASE_URL,
    token: signedIn ? STORY_TOKEN : undefined,
    retry: { limit: 0 },
    timeout: 2_147_483_647,
    fetch: () => new Promise<Response>(() => {}),
  });
}

/**
 * A client whose every request fails with `code` (`unavailable`, `network_error`…): the component shows that
 * error in the reader's language with its retry button.
 *
 * @example
 * ```ts
 * html`<nassij-indicators .client=${failingClient('unavailable')}></nassij-indicators>`;
 * ```
 */
export function failingClient(code: string, { signedIn = false }: { signedIn?: boolean } = {}): BaseClient {
  return createBaseClient({
    baseUrl: BASE_URL,
    token: signedIn ? STORY_TOKEN : undefined,
    retry: { limit: 0 },
    fetch: async () => {
      if (code === 'network_error') throw new TypeError('Failed to fetch');
      return new Response(JSON.stringify({ type: `about:blank`, title: code, status: 503, code }), {
        status: 503,
        headers: { 'content-type': 'application/problem+json' },
      });
    },
  });
}
