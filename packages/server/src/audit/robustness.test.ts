import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ERROR_CODES, ROUTES } from '@nassij/contract';
import { type Answer, fillPath, pathParams, type SendOptions, seeded, send } from '../bench/kit.js';
import { DEMO_ACCOUNTS } from '../seed/demo.js';
import { signInAs, tempServer } from '../testing.js';

type Server = Awaited<ReturnType<typeof tempServer>>;

const CODES = new Set<string>(ERROR_CODES);
const RLO = '\u202e';
const STRINGS = [
  'جمعية التنمية المحلية',
  'ⵜⴰⵎⵙⵙⵓⴷⴰⵙⵜ ⵜⵉⴼⴰⵡⵉⵏ',
  `${RLO}fdp.exe`,
  'a\u0000b',
  '\ud800',
  'x'.repeat(70_000),
  '<script>alert(1)</script>',
  "' OR 1=1 --",
  '"quoted" AND NEAR(',
  '%00%2e%2e%2f',
];
const ODD_VALUES: unknown[] = [null, true, 0, -1, 1e12, 1.5, [], {}, [1, 'a'], { $gt: '' }, ...STRINGS];
const QUERY_VALUES = ['-1', '0', '1000000000000', '1e3', 'NaN', '', 'abc', ...STRINGS.slice(0, 5)];
const PATH_VALUES = [
  '..%2F..%2Fetc%2Fpasswd',
  '..',
  '%2e%2e',
  'x%00y',
  encodeURIComponent('جمعية'),
  'a'.repeat(600),
];

/** Header values travel as bytes; fetch only takes Latin-1, so UTF-8 is sent byte by byte. */
function utf8AsLatin1(text: string): string {
  return Buffer.from(text, 'utf8').toString('latin1');
}

function deep(depth: number): unknown {
  let value: unknown = 'leaf';
  for (let i = 0; i < depth; i++) value = i % 2 ? [value] : { a: value };
  return value;
}

/** One fuzz case: what to send to a route. */
type Case = (
  route: (typeof ROUTES)[number],
  pick: <T>(items: readonly T[]) => T,
) => { path: string; options: SendOptions };

describe('audit: robustness (seeded fuzz)', () => {
  let server: Server;
  let token: string;
  const problems: string[] = [];
  let count = 0;

  before(async () => {
    server = await tempServer({ rateLimit: false });
    token = await signInAs(server.url, DEMO_ACCOUNTS.admin.email, DEMO_ACCOUNTS.admin.password);
  });
  after(() => server.stop());

  function check(label: string, answer: Answer): void {
    count++;
    const where = `${label} → ${answer.status}`;
    if (answer.status >= 500) problems.push(`${where} ${answer.text.slice(0, 200)}`);
    if (!answer.headers.get('x-request-id')) problems.push(`${where} without X-Request-Id`);
    if (answer.status >= 400) {
      const type = answer.headers.get('content-type') ?? '';
      const code = (answer.json as { code?: unknown } | undefined)?.code;
      if (!type.startsWith('application/problem+json')) problems.push(`${where} content-type ${type}`);
      if (typeof code !== 'string' || !CODES.has(code)) problems.push(`${where} code ${String(code)}`);
    }
  }

  const CASES: Record<string, Case> = {
    'wrong types in the body': (_r, pick) => ({
      path: '',
      options: {
        json: {
          id: pick(ODD_VALUES),
          title: pick(ODD_VALUES),
          body: pick(ODD_VALUES),
          answers: pick(ODD_VALUES),
        },
      },
    }),
    'a scalar body': (_r, pick) => ({ path: '', options: { json: pick(ODD_VALUES) } }),
    'deep nesting': (_r, pick) => ({ path: '', options: { json: { answers: deep(pick([64, 512, 3000])) } } }),
    'huge string': () => ({
      path: '',
      options: { json: { body: 'ب'.repeat(200_000), reason: 'x'.repeat(100_000) } },
    }),
    'malformed JSON': (_r, pick) => ({
      path: '',
      options: {
        raw: pick(['{', '{"a":', '[1,2', 'nul', '{"a":1}}', '\u0000', '{"__proto__":{"x":1}}']),
        headers: { 'content-type': 'application/json' },
      },
    }),
    'wrong content type': (_r, pick) => ({
      path: '',
      options: {
        raw: '{"a":1}',
        headers: {
          'content-type': pick([
            'text/plain',
            'application/xml',
            'multipart/form-data',
            'application/x-www-form-urlencoded',
            'application/json; charset=latin1',
            '',
          ]),
        },
      },
    }),
    'absurd query values': (_r, pick) => {
      const q = new URLSearchParams();
      for (const key of ['limit', 'cursor', 'q', 'status', 'region', 'sort', 'page', 'state', 'from', 'to'])
        q.append(key, pick(QUERY_VALUES));
      q.append('limit', '5');
      return { path: `?${q}`, options: {} };
    },
    'tampered cursor': (_r, pick) => ({
      path: `?cursor=${encodeURIComponent(pick(['eyJ2IjoxLCJvZmZzZXQiOi0xfQ', 'eyJ2Ijo5LCJvZmZzZXQiOjF9', 'eyJ2IjoxLCJvZmZzZXQiOjFlMTJ9', '!!!', 'e30', Buffer.from('{"v":1,"offset":"1 OR 1"}').toString('base64url')]))}`,
      options: {},
    }),
    'path traversal': (route, pick) => {
      const names = pathParams(route);
      const overrides = Object.fromEntries(names.map((n) => [n, pick(PATH_VALUES)]));
      return { path: `@${fillPath(route.path, overrides)}`, options: {} };
    },
    'bad Idempotency-Key': (_r, pick) => ({
      path: '',
      options: {
        json: {},
        headers: {
          'idempotency-key': pick(['', ' ', 'x'.repeat(4000), utf8AsLatin1('ключ'), '\t\t', 'a,b', '../../']),
        },
      },
    }),
    'If-Match garbage': (_r, pick) => ({
      path: '',
      options: {
        json: { projectTitle: 'x' },
        headers: { 'if-match': pick(['*', 'garbage', '"', 'W/"x"', '"a", "b"', 'x'.repeat(5000)]) },
      },
    }),
    'bad tokens': (_r, pick) => ({
      path: '',
      options: {
        headers: {
          authorization: pick([
            'Bearer',
            'Bearer ',
            'Bearer x.y.z',
            'Basic Zm9vOmJhcg==',
            `Bearer ${'a'.repeat(5000)}`,
            `Bearer ${utf8AsLatin1('☃')}`,
          ]),
        },
      },
    }),
  };

  for (const [name, make] of Object.entries(CASES)) {
    test(name, async () => {
      const random = seeded(name.length * 7919 + name.charCodeAt(0));
      const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
      const before = problems.length;
      // Two draws per route and case: about 24 requests per route in all.
      for (const route of ROUTES) {
        for (let i = 0; i < 2; i++) {
          const { path, options } = make(route, pick);
          const target = path.startsWith('@') ? path.slice(1) : `${fillPath(route.path)}${path}`;
          const withAuth: SendOptions = {
            ...options,
            ...(options.headers?.authorization ? {} : { token: random() < 0.85 ? token : undefined }),
          };
          // A GET carries no body.
          const sent: SendOptions =
            route.method === 'GET' ? { ...withAuth, json: undefined, raw: undefined } : withAuth;
          const answer = await send(server.url, route.method, target, sent);
          check(`${route.id} ${name} ${target.slice(0, 80)}`, answer);
        }
      }
      assert.deepEqual(problems.slice(before), []);
    });
  }

  test('the fuzz sent every draw, no more, and the server still answers', async () => {
    assert.equal(count, Object.keys(CASES).length * 2 * ROUTES.length, `${count} requests`);
    const health = await send(server.url, 'GET', '/healthz');
    assert.equal(health.status, 200);
  });
});
