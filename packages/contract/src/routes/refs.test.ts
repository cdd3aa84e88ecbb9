import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as routes from './index.js';
import * as refs from './refs.js';

const isRoute = (value: unknown): value is routes.AnyRoute =>
  typeof value === 'object' && value !== null && 'method' in value && 'path' in value && 'response' in value;

test('every route has a schema-less ref with the same id, method, path, flags and response status', () => {
  const named = Object.entries(routes).filter(([name, value]) => isRoute(value) && !name.endsWith('Ref'));
  assert.equal(named.length, routes.ROUTES.length, 'every route of ROUTES is an exported constant');
  for (const [name, route] of named as [string, routes.AnyRoute][]) {
    const ref = (refs as Record<string, unknown>)[`${name}Ref`] as routes.AnyRoute | undefined;
    assert.ok(
      ref,
      `${name}Ref is missing: run node --conditions=source --import tsx scripts/gen-route-refs.mjs`,
    );
    assert.deepEqual(
      [
        ref.id,
        ref.method,
        ref.path,
        ref.bodyKind,
        ref.idempotent,
        ref.ifMatch,
        ref.response.status,
        ref.response.contentType,
      ],
      [
        route.id,
        route.method,
        route.path,
        route.bodyKind,
        route.idempotent,
        route.ifMatch,
        route.response.status,
        route.response.contentType,
      ],
      `${name}Ref is out of step with ${name}`,
    );
    assert.equal(ref.auth ?? 'public', route.auth, `${name}Ref auth`);
    assert.equal(ref.response.schema, undefined, 'refs carry no schema');
    assert.equal(ref.query, undefined);
  }
  assert.equal(Object.keys(refs).length, named.length, 'no ref without a route');
});
