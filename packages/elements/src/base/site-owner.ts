import { healthRef } from '@nassij/contract';
import { normalizeApiBase } from './client.js';
import type { NassijElement } from './nassij-element.js';
import { VERSION } from './version.js';

// Readers see a translated message; the site owner, who can fix a wrong `api-base` or an old server, reads
// the console. One line per element and failure, naming the tag, the URL and where that URL came from.

/** Failures already explained, per element (the same error may pass through `failureCode` twice). */
const told = new WeakMap<object, WeakSet<object>>();
/** `GET {base}/healthz` per API base: the server's version, or `undefined` when no Nassij API answers. */
const probes = new Map<string, Promise<string | undefined>>();

function probe(base: string): Promise<string | undefined> {
  let answer = probes.get(base);
  if (!answer) {
    answer = fetch(`${base}${healthRef.path}`, { headers: { accept: 'application/json' } })
      .then((response) => (response.ok ? response.json() : undefined))
      .then((body: { status?: unknown; version?: unknown } | undefined) =>
        body?.status === 'ok' ? String(body.version ?? '?') : undefined,
      )
      .catch(() => undefined);
    probes.set(base, answer);
  }
  return answer;
}

/** The API base an element uses and where it came from, in the words of the page's markup. */
function origin(host: NassijElement): [base: string, source: string] {
  const baseOf = (client: NassijElement['client']) => client?.transport?.config.baseUrl ?? '(unknown URL)';
  if (host.client) return [baseOf(host.client), 'client property'];
  if (host.apiBase) return [normalizeApiBase(host.apiBase), 'api-base attribute'];
  return [baseOf(host.resolvedClient), 'api-base of <nassij-provider>'];
}

/**
 * Tells the site owner in the console what to fix when `error` shows the platform is out of reach or does not
 * match these elements: network or CORS failure, time-out, `404`/`405` with no such route (a wrong `api-base`
 * when `{base}/healthz` does not answer either, else a server of another version), or an answer the elements
 * cannot read. Failures that are the reader's (offline, a call that does not exist, a closed phase) say
 * nothing. At most one `console.warn` per element and error.
 *
 * @example
 * ```ts
 * tellSiteOwner(this, error, errorCodeOf(error));
 * // [nassij-call-list] cannot reach the platform at https://x.ma/api (api-base attribute): check the URL, …
 * ```
 */
export function tellSiteOwner(host: NassijElement, error: unknown, code: string): void {
  if (!error || typeof error !== 'object') return;
  const seen = told.get(host) ?? new WeakSet();
  told.set(host, seen);
  if (seen.has(error)) return;
  seen.add(error);
  const { status, problem } = error as { status?: number; problem?: { detail?: string } };
  const [base, source] = origin(host);
  const at = `the platform at ${base} (${source})`;
  const say = (text: string) => console.warn(`[${host.localName}] ${text}`);
  const elements = `@nassij/elements ${VERSION}`;
  if (code === 'network_error') {
    say(
      `cannot reach ${at}: check the URL, that the server is running and that it accepts requests from ${location.origin} (CORS)`,
    );
  } else if (code === 'timeout') {
    say(`${at} did not answer in time: check the URL and that the server is running`);
  } else if (code === 'invalid_response') {
    say(`${at} sent an answer ${elements} cannot read: load the elements of the server's version`);
  } else if (status === 405 || (status === 404 && (!problem || /^No route/.test(problem.detail ?? '')))) {
    // A 404 without a problem document is not from a Nassij API; one for a missing route may be an old server.
    void probe(base).then((version) =>
      say(
        version === undefined
          ? `no Nassij API at ${base} (${source}): ${base}${healthRef.path} does not answer. Set api-base to the platform's API root, where ${healthRef.path} answers`
          : `${at}, server ${version}, lacks a route ${elements} needs: update the server or load the elements of its version`,
      ),
    );
  }
}
