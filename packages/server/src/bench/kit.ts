import type { AnyRoute } from '@nassij/contract';
import { demoFixtures as F } from '../seed/fixtures.js';

/**
 * Seeded ids of the demo dataset (from the fixture manifest), one per path parameter name, so that a request
 * reaches its handler. Unknown parameter names get a dummy id: a handler's own 404 still proves the route is
 * bound.
 */
export const SEED_PARAMS: Readonly<Record<string, string>> = {
  associationId: F.associations.represented,
  callId: F.calls.openEligible,
  applicationId: F.applications.awardedOfRepresented,
  attachmentId: 'att_missing',
  consultationId: F.consultations.draftLaw,
  versionId: 'ver_missing',
  contributionId: F.contributions.pendingRecommendation,
  courseId: F.courses.secondEdition,
  sessionId: F.sessions.openWithSeats,
  registrationId: F.registrations.upcomingOfRepresented,
  dataset: 'calls',
  organisationId: F.organisations.ministry,
};

/**
 * Fills a route's path template.
 *
 * @example
 * ```ts
 * fillPath('/v1/calls/{callId}'); // `/v1/calls/${demoFixtures.calls.openEligible}`
 * fillPath('/v1/calls/{callId}', { callId: '..%2F' }); // '/v1/calls/..%2F'
 * ```
 */
export function fillPath(path: string, overrides: Record<string, string> = {}): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => overrides[name] ?? SEED_PARAMS[name] ?? 'x_missing');
}

/** The path parameter names of a route. */
export function pathParams(route: AnyRoute): string[] {
  return [...route.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '');
}

/** One answer, read once. */
export interface Answer {
  status: number;
  headers: Headers;
  text: string;
  /** The parsed body when it is JSON, else undefined. */
  json: unknown;
}

/** What {@link send} sends. */
export interface SendOptions {
  token?: string | undefined;
  json?: unknown;
  /** A raw body, sent as is (with `headers['content-type']` when given). */
  raw?: BodyInit;
  headers?: Record<string, string>;
}

/**
 * Sends one request and reads the whole answer.
 *
 * @example
 * ```ts
 * const answer = await send(server.url, 'GET', '/v1/calls', { token });
 * answer.status; // 200
 * ```
 */
export async function send(
  base: string,
  method: string,
  path: string,
  options: SendOptions = {},
): Promise<Answer> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let body: BodyInit | undefined = options.raw;
  if (options.json !== undefined) {
    headers['content-type'] ??= 'application/json';
    body = JSON.stringify(options.json);
  }
  const response = await fetch(`${base}${path}`, {
    method,
    headers,
    ...(body === undefined ? {} : { body }),
  });
  const text = await response.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json };
}

/**
 * A small seeded PRNG (mulberry32): the fuzz must be reproducible, so no `Math.random`.
 *
 * @example
 * ```ts
 * const random = seeded(42);
 * random(); // the same number on every run
 * ```
 */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
