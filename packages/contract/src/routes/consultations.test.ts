import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  consultationRoutes,
  contributionRoutes,
  createContribution,
  getConsultationSynthesis,
} from './consultations.js';
import type { AnyRoute } from './route.js';

const routes: readonly AnyRoute[] = [...consultationRoutes, ...contributionRoutes];

function shapeKeys(schema: unknown): string[] {
  const shape = (schema as { def?: { shape?: Record<string, unknown> } } | undefined)?.def?.shape;
  return Object.keys(shape ?? {});
}

describe('consultation and contribution routes', () => {
  test('every route id is unique and every method + path pair too', () => {
    assert.equal(new Set(routes.map((r) => r.id)).size, routes.length);
    assert.equal(new Set(routes.map((r) => `${r.method} ${r.path}`)).size, routes.length);
  });

  test('every path param is declared in params, and params declare nothing else', () => {
    for (const r of routes) {
      const inPath = [...r.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      assert.deepEqual(shapeKeys(r.params).sort(), inPath, r.id);
    }
  });

  test('reads are GETs without body, writes carry a body or are idempotent', () => {
    for (const r of routes) {
      if (r.method === 'GET') assert.equal(r.body, undefined, r.id);
      else assert.equal(r.idempotent, true, r.id);
    }
  });

  test('role-restricted routes require a token', () => {
    for (const r of routes) if (r.roles) assert.equal(r.auth, 'required', r.id);
    const restricted = routes
      .filter((r) => r.roles)
      .map((r) => r.id)
      .sort();
    assert.deepEqual(restricted, ['contributions.respond', 'moderation.decide', 'moderation.queue']);
  });

  test('creating a contribution takes optional auth and answers 201 with its known errors', () => {
    assert.equal(createContribution.auth, 'optional');
    assert.equal(createContribution.response.status, 201);
    for (const code of ['phase_closed', 'rate_limited', 'forbidden', 'validation_failed'] as const) {
      assert.ok(createContribution.errors.includes(code), code);
    }
    assert.ok(getConsultationSynthesis.errors.includes('not_found'));
  });
});
