import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type * as z from 'zod/mini';
import { Cursor, CursorPosition, MAX_CURSOR_LENGTH, MAX_CURSOR_OFFSET } from '../shared/page.js';
import { validate } from '../shared/validate.js';
import { ROUTES } from './index.js';

// Every number a request may carry is bounded by the contract, so that no server meets one its database,
// its arithmetic or its memory cannot take (a 1e19 offset was a 500 on six list routes).

interface Def {
  type: string;
  checks?: { _zod: { def: { check?: string; value?: unknown } } }[];
  [key: string]: unknown;
}
const defOf = (schema: unknown) => (schema as z.core.$ZodType)._zod.def as unknown as Def;

/** Every number schema reachable from `schema`, with where it is; `pipe`s are read on their output side. */
function numbers(
  schema: unknown,
  where: string,
  out: { where: string; def: Def }[],
  seen = new Set<unknown>(),
) {
  if (!schema || seen.has(schema)) return out;
  seen.add(schema);
  const def = defOf(schema);
  const walk = (inner: unknown, suffix = '') => numbers(inner, where + suffix, out, seen);
  switch (def.type) {
    case 'number':
      out.push({ where, def });
      break;
    case 'object':
      for (const [key, field] of Object.entries(def.shape as Record<string, unknown>)) walk(field, `/${key}`);
      break;
    case 'array':
      walk(def.element, '/0');
      break;
    case 'record':
      walk(def.valueType, '/*');
      break;
    case 'union':
      for (const option of def.options as unknown[]) walk(option);
      break;
    case 'intersection':
      walk(def.left);
      walk(def.right);
      break;
    case 'pipe':
      walk(defOf(def.out).type === 'transform' ? def.in : def.out);
      break;
    case 'lazy':
      walk((def.getter as () => unknown)());
      break;
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'nonoptional':
    case 'catch':
      walk(def.innerType);
      break;
  }
  return out;
}

function bounds(def: Def): { min: number; max: number } {
  let min = Number.NEGATIVE_INFINITY;
  let max = Number.POSITIVE_INFINITY;
  for (const check of def.checks ?? []) {
    const { check: kind, value } = check._zod.def;
    if (kind === 'greater_than' && typeof value === 'number') min = Math.max(min, value);
    if (kind === 'less_than' && typeof value === 'number') max = Math.min(max, value);
  }
  return { min, max };
}

describe('every numeric parameter is bounded at the contract', () => {
  test('path, query and body numbers of every route have a finite minimum and maximum', () => {
    const found: string[] = [];
    const unbounded: string[] = [];
    for (const route of ROUTES) {
      for (const part of ['params', 'query', 'body'] as const) {
        for (const { where, def } of numbers(route[part], `${route.id} ${part}`, [])) {
          found.push(where);
          const { min, max } = bounds(def);
          if (!Number.isFinite(min) || !Number.isFinite(max)) unbounded.push(`${where} [${min}, ${max}]`);
          // Integers stay exact: no bound beyond what a double holds exactly.
          else if (Math.max(Math.abs(min), Math.abs(max)) > Number.MAX_SAFE_INTEGER) unbounded.push(where);
        }
      }
    }
    assert.ok(found.length >= 20, `the walk found ${found.length} numbers`);
    assert.deepEqual(unbounded, []);
  });

  test('every list route takes its cursor as the contract Cursor', () => {
    const lists = ROUTES.filter((r) => r.query && 'cursor' in (defOf(r.query).shape as object));
    assert.ok(lists.length >= 10, `${lists.length} list routes`);
    for (const route of lists) {
      const cursor = (defOf(route.query).shape as Record<string, unknown>).cursor;
      assert.equal(defOf(cursor).innerType, Cursor, route.id);
    }
  });

  test('huge, negative, fractional and non-numeric numbers are refused in a query', () => {
    const calls = ROUTES.find((r) => r.id === 'calls.search')?.query as z.core.$ZodType;
    for (const limit of ['1e19', '-1', '0', '1.5', 'NaN', 'Infinity', '1e308', '101', '9007199254740993'])
      assert.equal(validate(calls, { limit }, 'query').ok, false, limit);
    for (const year of ['1e19', '-2026', '2026.5', 'NaN', '99999'])
      assert.equal(validate(calls, { fiscalYear: [year] }, 'query').ok, false, year);
    assert.ok(validate(calls, { limit: '100', fiscalYear: ['2026'] }, 'query').ok);
  });
});

describe('Cursor and CursorPosition', () => {
  test('a cursor is base64url text of bounded length', () => {
    assert.ok(validate(Cursor, 'eyJ2IjoxLCJvZmZzZXQiOjIwfQ').ok);
    assert.ok(validate(Cursor, 'a'.repeat(MAX_CURSOR_LENGTH)).ok);
    for (const bad of [
      '',
      'a'.repeat(MAX_CURSOR_LENGTH + 1),
      'abc=',
      'a b',
      'a+b/c',
      '\u0000',
      '\u202eabc',
      '\ud800',
    ])
      assert.equal(validate(Cursor, bad).ok, false, JSON.stringify(bad));
  });

  test('a position holds offsets from 0 to MAX_CURSOR_OFFSET, short strings and null', () => {
    assert.ok(validate(CursorPosition, { offset: 0, sort: 'newest', after: null }).ok);
    assert.ok(validate(CursorPosition, { o: MAX_CURSOR_OFFSET, s: 'most_supported' }).ok);
    const refused: Record<string, unknown>[] = [
      { offset: 1e19 },
      { offset: -1 },
      { offset: 1.5 },
      { offset: MAX_CURSOR_OFFSET + 1 },
      { offset: Number.POSITIVE_INFINITY },
      { offset: Number.NaN },
      { offset: '1e19' },
      { offset: ' 42 ' },
      { offset: '' },
      { offset: '0x10' },
      { offset: [1] },
      { offset: { a: 1 } },
      { offset: true },
      { sort: 'x'.repeat(257) },
      { '': 1 },
      { __proto__x: 1, 'a-b': 1 },
      { ['x'.repeat(33)]: 1 },
    ];
    for (const position of refused)
      assert.equal(validate(CursorPosition, position).ok, false, JSON.stringify(position));
    // A `__proto__` key is dropped, never read as an inherited offset.
    const proto = validate(CursorPosition, JSON.parse('{"__proto__":{"offset":1e19}}'));
    assert.ok(proto.ok && !Object.hasOwn(proto.value, 'offset') && proto.value.offset === undefined);
  });
});
