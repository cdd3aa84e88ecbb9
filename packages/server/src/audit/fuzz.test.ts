import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type AnyRoute, ERROR_CODES, ROUTES } from '@nassij/contract';
import {
  type Answer,
  fillPath,
  pathParams,
  SEED_PARAMS,
  type SendOptions,
  seeded,
  send,
} from '../bench/kit.js';
import { DEMO_ACCOUNTS } from '../seed/demo.js';
import { demoFixtures as F } from '../seed/fixtures.js';
import { signInAs, tempServer } from '../testing.js';

// A seeded fuzz over every operation of the contract's route table, signed in as the admin, anonymously and,
// for the applicants' operations the admin may not call, as the association's representative. Each case
// starts from a request the route's schemas accept (built from the schemas themselves) and spoils one part:
// a path parameter, a query value, a cursor, a body field or the body's shape. Whatever comes back must be
// below 500, and every refusal a problem+json with a known `code`. Deterministic: the same requests on
// every run (mulberry32 seeded per route), about 1,700 in all.

type Server = Awaited<ReturnType<typeof tempServer>>;
type Persona = 'anonymous' | 'admin' | 'representative';
type Path = (string | number)[];
type Random = () => number;

/** Cases per route and persona (the categories below are cycled, so each one is covered every round). */
const CASES = 14;
const CODES = new Set<string>(ERROR_CODES);

const RLO = '\u202e';
const SENTENCE = 'Une contribution assez longue pour franchir les minimums de longueur, avec des mots.';

/** Text that passes a free-text field's checks yet carries what tends to break storage and search. */
const HOSTILE_TEXT = [
  `${RLO}${SENTENCE}`,
  `${SENTENCE}\u0000${SENTENCE}`,
  `${SENTENCE} \ud800 \udfff`,
  `\u2066\u2067${SENTENCE}\u2069\u202c`,
  `\ufeff\u200b${SENTENCE}`,
  `${SENTENCE} "NEAR( * ^ OR AND -col:x`,
  `'); DROP TABLE applications; -- ${SENTENCE}`,
  'ب'.repeat(19_000),
];
/** Strings for any string field, valid or not. */
const HOSTILE_STRINGS = [
  ...HOSTILE_TEXT,
  '',
  ' ',
  '\u0000',
  '\ud800',
  RLO,
  'x'.repeat(70_000),
  'javascript:alert(1)',
  '__proto__',
  '1e19',
  'NaN',
];
const HOSTILE_NUMBERS: unknown[] = [
  1e19,
  -1e19,
  -1,
  0,
  1.5,
  1e308,
  -1e308,
  2 ** 53 + 2,
  Number.MAX_SAFE_INTEGER,
  'NaN',
  'Infinity',
  '1e19',
  null,
];
/** Query values, already percent-encoded: some are bytes no text encodes to (a lone surrogate, bad UTF-8). */
const HOSTILE_QUERY_NUMBERS = [
  '1e19',
  '10000000000000000000',
  '-1',
  '0',
  '1.5',
  'NaN',
  'Infinity',
  '-Infinity',
  '1e308',
  '1e400',
  '0x10',
  '',
  '%20',
  '9007199254740993',
];
const HOSTILE_QUERY_STRINGS = [
  '%E2%80%AE',
  '%00',
  '%ED%A0%80',
  '%FF%FE',
  '%',
  '%zz',
  encodeURIComponent('"'),
  encodeURIComponent('NEAR(a b'),
  encodeURIComponent('* OR -x'),
  encodeURIComponent(`${RLO}جمعية`),
  'x'.repeat(3000),
  encodeURIComponent('javascript:alert(1)'),
];
const PATH_VALUES = [
  '%E2%80%AE',
  '%00',
  '%ED%A0%80',
  '%FF',
  '1e19',
  '-1',
  'NaN',
  'a'.repeat(600),
  '..%2F..%2Fetc',
  '%2e%2e',
  encodeURIComponent('جمعية'),
  '__proto__',
];

const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;

const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64url');
/** Cursors a client could forge: mostly well-formed base64url JSON with absurd positions, some garbage. */
function hostileCursor(random: Random): string {
  // Half of the positions are too large for a 64-bit integer or not integers at all.
  const position = () =>
    random() < 0.5
      ? pick(random, ['1e19', '10000000000000000000', '1e308', '-1e19'])
      : pick(random, ['-1', '1.5', '1e400', '9007199254740993', '"1e19"', 'null', '[1]', '{"a":1}', 'true']);
  const sort = () => pick(random, ['"closing_soonest"', '"most_supported"', '"newest"', '"pending"', 'null']);
  if (random() < 0.7) {
    // The names the server's cursors use, each with an absurd value or a plausible sort.
    const fields = ['offset', 'o', 'sort', 's'].filter(() => random() < 0.75);
    const body = fields.map(
      (f) =>
        `"${f}":${f.length === 1 ? (f === 'o' ? position() : sort()) : f === 'offset' ? position() : sort()}`,
    );
    return b64(`{"v":1${body.length ? `,${body.join(',')}` : ',"offset":1e19'}}`);
  }
  return pick(random, [
    () => b64('{"v":1,"offset":1,"__proto__":{"offset":1e19}}'),
    () => b64(`{"v":1,"offset":0,"sort":"${RLO}\\u0000\\ud800"}`),
    () => b64('{"v":2,"offset":0}'),
    () => b64('[1,2]'),
    () => b64('"v"'),
    () => b64('{"v":1,"offset":0'),
    () =>
      Buffer.from(
        Array.from({ length: 1 + Math.floor(random() * 40) }, () => Math.floor(random() * 256)),
      ).toString('base64url'),
    () => 'x'.repeat(2000),
    () => '!!!',
    () => '%00',
    () => '%E2%80%AE',
  ])();
}

// ---- A request each route accepts, built from its zod schemas -------------------------------------------

interface SchemaLike {
  _zod: { def: Record<string, unknown> & { type: string }; bag?: Record<string, unknown> };
  '~standard': { validate(value: unknown): unknown };
}
interface Leaf {
  path: Path;
  kind: 'string' | 'text' | 'number' | 'boolean' | 'other';
}

const accepts = (schema: SchemaLike, value: unknown): boolean => {
  const result = schema['~standard'].validate(value) as { issues?: unknown } | Promise<unknown>;
  return !(result instanceof Promise) && !result.issues;
};

/** Values the seed knows for fields that are not path parameters (the demo calls' first document). */
const KNOWN: Readonly<Record<string, string>> = { documentId: 'statutes' };

/** Candidates tried in order for a string field; the first the field accepts wins. */
function stringCandidates(key: string | undefined): string[] {
  const seeded = key ? (SEED_PARAMS[key] ?? KNOWN[key]) : undefined;
  return [
    ...(seeded ? [seeded] : []),
    SENTENCE,
    'x',
    F.calls.openForDrafts[1],
    'MA-06',
    'fr',
    '2026-06-01T10:00:00Z',
    '2026-06-01',
    'https://example.org/a',
    'someone@example.org',
    '+212600000000',
    `sha256:${'0'.repeat(64)}`,
    'education',
    'MA-MRP-2026-0012',
    'fuzz-state-0123456789',
  ];
}

/** The smallest value a number field accepts (its `minimum`, else 1). */
function smallestNumber(schema: SchemaLike): number {
  let min = Number.NEGATIVE_INFINITY;
  for (const check of (schema._zod.def.checks as SchemaLike[] | undefined) ?? []) {
    const def = check._zod.def as { check?: string; value?: number };
    if (def.check === 'greater_than' && typeof def.value === 'number') min = Math.max(min, def.value);
  }
  return Number.isFinite(min) ? Math.ceil(min) : 1;
}

/** A value `schema` accepts (as far as a generator blind to cross-field rules can), with its leaves. */
function sample(schema: SchemaLike, random: Random, path: Path, leaves: Leaf[], key?: string): unknown {
  const def = schema._zod.def;
  const inner = (s: unknown, k = key) => sample(s as SchemaLike, random, path, leaves, k);
  switch (def.type) {
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'nonoptional':
    case 'catch':
      return inner(def.innerType);
    case 'lazy':
      return inner((def.getter as () => unknown)());
    case 'pipe': {
      const value = inner(def.in);
      return accepts(def.out as SchemaLike, value) || (def.out as SchemaLike)._zod.def.type === 'transform'
        ? value
        : inner(def.out);
    }
    case 'string': {
      const value = stringCandidates(key).find((c) => accepts(schema, c)) ?? 'x';
      leaves.push({ path, kind: value === SENTENCE ? 'text' : 'string' });
      return value;
    }
    case 'number': {
      leaves.push({ path, kind: 'number' });
      return smallestNumber(schema);
    }
    case 'boolean':
      leaves.push({ path, kind: 'boolean' });
      return true;
    case 'null':
      return null;
    case 'literal':
      leaves.push({ path, kind: 'other' });
      return (def.values as unknown[])[0];
    case 'enum': {
      const options = Object.values(def.entries as Record<string, string>);
      leaves.push({ path, kind: 'other' });
      return options[Math.floor(random() * options.length)];
    }
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [name, field] of Object.entries(def.shape as Record<string, SchemaLike>)) {
        // No cursor: a list's first page; forged cursors are a category of their own.
        if (name === 'cursor' || (field._zod.def.type === 'optional' && random() < 0.35)) continue;
        out[name] = sample(field, random, [...path, name], leaves, name);
      }
      return out;
    }
    case 'array':
      return [sample(def.element as SchemaLike, random, [...path, 0], leaves, key)];
    case 'union': {
      const options = def.options as SchemaLike[];
      return sample(options[Math.floor(random() * options.length)] as SchemaLike, random, path, leaves, key);
    }
    case 'record':
      return {};
    default:
      leaves.push({ path, kind: 'other' });
      return 'x';
  }
}

/** A sample the whole schema accepts, cross-field rules included, when a few draws find one. */
function sampleValid(schema: SchemaLike, random: Random): { value: unknown; leaves: Leaf[] } {
  let draw = { value: undefined as unknown, leaves: [] as Leaf[] };
  for (let attempt = 0; attempt < 12; attempt++) {
    const leaves: Leaf[] = [];
    draw = { value: sample(schema, random, [], leaves), leaves };
    if (accepts(schema, draw.value)) break;
  }
  return draw;
}

/** Percent-encodes text, lone surrogates included (as the UTF-8 bytes a careless encoder would send). */
function encodeLoose(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    const next = text.charCodeAt(i + 1);
    if (unit >= 0xd800 && unit <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
      out += encodeURIComponent(text.slice(i, i + 2));
      i++;
    } else if (unit >= 0xd800 && unit <= 0xdfff) {
      out += unit <= 0xdbff ? '%ED%A0%80' : '%ED%B0%80';
    } else out += encodeURIComponent(text[i] ?? '');
  }
  return out;
}

function setAt(target: unknown, path: Path, value: unknown): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path as [string | number, ...Path];
  const container = (target && typeof target === 'object' ? target : {}) as Record<string | number, unknown>;
  container[head] = setAt(container[head], rest, value);
  return container;
}

// ---- One case --------------------------------------------------------------------------------------------

interface Case {
  label: string;
  params: Record<string, string>;
  /** Query pairs, values already percent-encoded. */
  query: [string, string][];
  json?: unknown;
  raw?: BodyInit;
  contentType?: string;
  form?: FormData;
}

const CATEGORIES = [
  'path',
  'query number',
  'cursor',
  'query string',
  'body number',
  'body text',
  'query text',
  'body string',
  'body shape',
  'unknown field',
  'array for scalar',
  'mixed',
] as const;
type Category = (typeof CATEGORIES)[number];
const SINGLE_CATEGORIES = CATEGORIES.filter((c) => c !== 'mixed');

function encodeQuery(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(encodeQuery);
  if (value === undefined || value === null) return [];
  return [encodeURIComponent(String(value))];
}

function makeCase(
  route: AnyRoute,
  category: Category,
  random: Random,
  applicationId: string | undefined,
  withCursor: boolean,
): Case {
  const params: Record<string, string> = {};
  for (const name of pathParams(route))
    params[name] = encodeURIComponent(
      name === 'applicationId' && applicationId ? applicationId : (SEED_PARAMS[name] ?? 'x_missing'),
    );

  const { value: querySample, leaves: queryLeaves } = route.query
    ? (sampleValid(route.query as SchemaLike, random) as { value: Record<string, unknown>; leaves: Leaf[] })
    : { value: {}, leaves: [] };
  let query: [string, string][] = Object.entries(querySample).flatMap(([k, v]) =>
    encodeQuery(v).map((e): [string, string] => [k, e]),
  );
  const queryKeys = route.query
    ? Object.keys(((route.query as SchemaLike)._zod.def.shape as Record<string, unknown>) ?? {})
    : [];

  const bodyDraw =
    route.body && route.method !== 'GET' ? sampleValid(route.body as SchemaLike, random) : undefined;
  const bodyLeaves = bodyDraw?.leaves ?? [];
  let json: unknown = bodyDraw?.value;
  let raw: BodyInit | undefined;
  let contentType: string | undefined;
  const label: string[] = [category];

  const setQuery = (key: string, value: string): undefined => {
    query = [...query.filter(([k]) => k !== key), [key, value]];
    label.push(`?${key}=${value.slice(0, 40)}`);
  };
  const spoilLeaf = (kinds: Leaf['kind'][], values: readonly unknown[]): undefined => {
    const matching = bodyLeaves.filter((l) => kinds.includes(l.kind));
    const leaves = matching.length ? matching : bodyLeaves.filter((l) => l.kind === 'string');
    const leaf = leaves.length ? pick(random, leaves) : { path: ['fuzz'] };
    const value = pick(random, values);
    json = setAt(json ?? {}, leaf.path, value);
    label.push(`/${leaf.path.join('/')}=${JSON.stringify(value)?.slice(0, 40)}`);
  };

  const apply = (c: Category): undefined => {
    switch (c) {
      case 'path': {
        const names = pathParams(route);
        if (!names.length) return apply('query number');
        const name = pick(random, names);
        params[name] = pick(random, PATH_VALUES);
        label.push(`{${name}}=${params[name]?.slice(0, 40)}`);
        return;
      }
      case 'query number': {
        const numeric = ['limit', 'year', 'fiscalYear', 'level', 'offset', 'page'];
        const keys = queryKeys.filter((k) => numeric.includes(k));
        return setQuery(
          keys.length ? pick(random, keys) : pick(random, numeric),
          pick(random, HOSTILE_QUERY_NUMBERS),
        );
      }
      case 'cursor':
        return setQuery('cursor', encodeURIComponent(hostileCursor(random)).replace(/%25/g, '%'));
      case 'query string': {
        const keys = queryKeys.length ? queryKeys : ['q'];
        const key = pick(random, keys);
        if (random() < 0.25) {
          // The same key many times: an array far longer than any filter needs.
          query = [
            ...query.filter(([k]) => k !== key),
            ...Array.from({ length: 400 }, (): [string, string] => [key, 'MA-06']),
          ];
          label.push(`?${key}×400`);
          return;
        }
        return setQuery(key, pick(random, HOSTILE_QUERY_STRINGS));
      }
      case 'body number':
        if (json === undefined) return apply('query number');
        return spoilLeaf(['number', 'string', 'text'], HOSTILE_NUMBERS);
      case 'body text':
        if (json === undefined) return apply('query text');
        return spoilLeaf(['text'], HOSTILE_TEXT);
      case 'query text': {
        // Free text a query accepts (a search, a state) carrying what breaks full-text search and storage.
        const leaves = queryLeaves.filter((l) => l.kind === 'text' && l.path.length === 1);
        const key = leaves.length ? String(pick(random, leaves).path[0]) : 'q';
        return setQuery(key, encodeLoose(pick(random, HOSTILE_TEXT).slice(0, 120)));
      }
      case 'body string':
        if (json === undefined) return apply('cursor');
        return spoilLeaf(['string', 'text', 'other'], HOSTILE_STRINGS);
      case 'body shape': {
        const shapes: (() => undefined)[] = [
          () => {
            json = pick(random, [null, 0, 1e19, 'x', [], [json], true]);
            label.push(`body=${JSON.stringify(json)?.slice(0, 40)}`);
          },
          () => {
            raw = pick(random, [
              '{"rating":1e400,"attendedHours":1e400,"limit":1e400}',
              '{"a":"\u0000"}',
              '{"a":"\\ud800"}',
              '{"__proto__":{"admin":true},"constructor":{"prototype":{"x":1}}}',
              '[',
              '',
              '{"a":1,"a":2}',
            ]);
            json = undefined;
            contentType = 'application/json';
            label.push(`raw=${String(raw).slice(0, 40)}`);
          },
          () => {
            raw = new Uint8Array([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]);
            json = undefined;
            contentType = 'application/json';
            label.push('raw=invalid UTF-8');
          },
        ];
        return pick(random, shapes)();
      }
      case 'unknown field':
        if (random() < 0.5 || json === undefined)
          return setQuery(pick(random, ['fuzz', '__proto__', 'v', encodeURIComponent(RLO)]), '1');
        json = setAt(json, [pick(random, ['fuzz', '__proto__', 'constructor', RLO, '\u0000'])], { x: 1e19 });
        label.push('unknown body field');
        return;
      case 'array for scalar': {
        if (json !== undefined && bodyLeaves.length && random() < 0.6) {
          return spoilLeaf(
            ['string', 'text', 'number', 'boolean', 'other'],
            [[1, 'a'], [[]], { $gt: '' }, []],
          );
        }
        const keys = queryKeys.length ? queryKeys : ['limit'];
        const key = pick(random, keys);
        query = [...query.filter(([k]) => k !== key), [key, '1'], [key, '2'], [key, '1e19']];
        label.push(`?${key}=1&${key}=2&${key}=1e19`);
        return;
      }
      case 'mixed':
        for (let i = 0; i < 3; i++) apply(pick(random, SINGLE_CATEGORIES));
        return;
    }
  };
  apply(category);
  if (withCursor && queryKeys.includes('cursor') && !['cursor', 'body text', 'query text'].includes(category))
    apply('cursor');

  const out: Case = { label: label.join(' '), params, query };
  if (route.method !== 'GET' && route.method !== 'DELETE') {
    if (route.bodyKind === 'multipart') {
      const form = new FormData();
      const fields =
        json && typeof json === 'object' && !Array.isArray(json) ? (json as Record<string, unknown>) : {};
      for (const [k, v] of Object.entries(fields))
        form.append(k, typeof v === 'string' ? v : JSON.stringify(v));
      form.append(
        'file',
        new Blob([pick(random, ['%PDF-1.4\n%%EOF\n', '\u0000', RLO])], { type: 'application/pdf' }),
        pick(random, ['statuts.pdf', `${RLO}fdp.exe`, '\u0000.pdf', '../../x.pdf']),
      );
      out.form = form;
    } else if (raw !== undefined) {
      out.raw = raw;
      out.contentType = contentType;
    } else if (json !== undefined) {
      out.json = json;
    }
  }
  return out;
}

// ---- The suite ---------------------------------------------------------------------------------------------

describe('audit: seeded fuzz of every operation', () => {
  let server: Server;
  const tokens: Partial<Record<Persona, string>> = {};
  let draftId: string | undefined;
  let count = 0;

  const signIn = (who: 'admin' | 'representative') =>
    signInAs(server.url, DEMO_ACCOUNTS[who].email, DEMO_ACCOUNTS[who].password);

  before(async () => {
    server = await tempServer({ rateLimit: false });
    tokens.admin = await signIn('admin');
    tokens.representative = await signIn('representative');
    // A draft of the representative's own, so that the applicants' operations reach their handlers.
    const draft = await send(server.url, 'POST', '/v1/applications', {
      token: tokens.representative,
      json: { callId: F.calls.openForDrafts[2], associationId: F.associations.represented },
      headers: { 'idempotency-key': 'fuzz-draft' },
    });
    assert.equal(draft.status, 201, draft.text);
    draftId = (draft.json as { id: string }).id;
  });
  after(() => server.stop());

  function problemsOf(route: AnyRoute, label: string, answer: Answer): string[] {
    const where = `${label} → ${answer.status}`;
    if (answer.status >= 500) return [`${where} ${answer.text.slice(0, 300)}`];
    if (answer.status < 400) return [];
    // A page for people (the sign-in popup) refuses an origin off the allowlist with a page, by design.
    if (route.response.contentType === 'text/html' && answer.status === 403) return [];
    const type = answer.headers.get('content-type') ?? '';
    const code = (answer.json as { code?: unknown } | undefined)?.code;
    const out: string[] = [];
    if (!type.startsWith('application/problem+json')) out.push(`${where} content-type ${type}`);
    if (typeof code !== 'string' || !CODES.has(code)) out.push(`${where} code ${String(code)}`);
    return out;
  }

  for (const [index, route] of ROUTES.entries()) {
    test(`${route.id} (${route.method} ${route.path})`, async () => {
      const random = seeded(0x14_0000 + index * 7919);
      const personas: Persona[] = ['anonymous', 'admin'];
      if (route.roles && !route.roles.includes('admin')) personas.push('representative');
      const problems: string[] = [];
      for (const persona of personas) {
        for (let i = 0; i < CASES; i++) {
          const category = CATEGORIES[(i + index) % CATEGORIES.length] as Category;
          // List routes get a forged cursor in every other case on top of the category's own spoiling.
          const c = makeCase(
            route,
            category,
            random,
            persona === 'representative' ? draftId : undefined,
            i % 2 === 1,
          );
          // Signing out revokes the token it is sent with: give it one of its own.
          const token =
            persona === 'anonymous'
              ? undefined
              : route.id === 'auth.signOut'
                ? await signIn(persona)
                : tokens[persona];
          const headers: Record<string, string> = {};
          if (route.idempotent) headers['idempotency-key'] = `fuzz-${index}-${persona}-${i}`;
          if (c.contentType) headers['content-type'] = c.contentType;
          const target = `${route.path.replace(/\{(\w+)\}/g, (_, name: string) => c.params[name] ?? 'x_missing')}${
            c.query.length ? `?${c.query.map(([k, v]) => `${encodeURIComponent(k)}=${v}`).join('&')}` : ''
          }`;
          if (route.ifMatch) {
            const current = await send(server.url, 'GET', fillPath(route.path, c.params), { token });
            headers['if-match'] = current.headers.get('etag') ?? '*';
          }
          const options: SendOptions = { token, headers };
          if (c.form) options.raw = c.form;
          else if (c.raw !== undefined) options.raw = c.raw;
          else if (c.json !== undefined) options.json = c.json;
          const answer = await send(server.url, route.method, target, options);
          count++;
          problems.push(
            ...problemsOf(route, `${persona} ${route.method} ${target.slice(0, 120)} [${c.label}]`, answer),
          );
        }
      }
      assert.deepEqual(problems, []);
    });
  }

  test('the fuzz sent every case of every route, and the server still answers', async () => {
    // Its time is the runner's to bound (a file timeout), not an assertion's: timings vary with the machine.
    const personas = (route: AnyRoute) => (route.roles && !route.roles.includes('admin') ? 3 : 2);
    const expected = ROUTES.reduce((sum, route) => sum + personas(route) * CASES, 0);
    assert.equal(count, expected, `${count} requests`);
    const health = await send(server.url, 'GET', '/healthz');
    assert.equal(health.status, 200);
  });
});
