import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { indicatorRoutes } from './indicators.js';
import { openDataRoutes } from './open-data.js';
import type { AnyRoute } from './route.js';
import { trainingRoutes } from './trainings.js';

const routes: readonly AnyRoute[] = [...trainingRoutes, ...indicatorRoutes, ...openDataRoutes];

function paramNames(path: string): string[] {
  return [...path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1] ?? '');
}

function declaredParams(route: AnyRoute): string[] {
  const shape = (route.params as { def?: { shape?: Record<string, unknown> } } | undefined)?.def?.shape ?? {};
  return Object.keys(shape).sort();
}

describe('training, indicator and open data routes', () => {
  it('have unique ids and unique method + path pairs', () => {
    const ids = routes.map((route) => route.id);
    assert.equal(new Set(ids).size, ids.length);
    const endpoints = routes.map((route) => `${route.method} ${route.path}`);
    assert.equal(new Set(endpoints).size, endpoints.length);
  });

  it('declare exactly the {params} of their path in their params schema', () => {
    for (const route of routes) {
      assert.deepEqual(declaredParams(route), paramNames(route.path).sort(), route.id);
    }
  });

  it('use the ids the SDK exposes', () => {
    assert.deepEqual(
      routes.map((route) => route.id),
      [
        'courses.search',
        'courses.get',
        'sessions.search',
        'sessions.get',
        'registrations.create',
        'registrations.list',
        'registrations.get',
        'registrations.cancel',
        'registrations.recordAttendance',
        'registrations.evaluate',
        'indicators.get',
        'openData.catalogue',
        'openData.awards360',
        'openData.export',
      ],
    );
  });

  it('require a token for every registration route, with roles on the writes', () => {
    for (const route of trainingRoutes.filter((r) => r.id.startsWith('registrations.'))) {
      assert.equal(route.auth, 'required', route.id);
    }
    const create = trainingRoutes.find((r) => r.id === 'registrations.create');
    assert.deepEqual(create?.roles, ['association_member', 'association_representative']);
    assert.equal(create?.idempotent, true);
    assert.equal(create?.response.status, 201);
    assert.ok(create?.errors.includes('already_registered'));
    assert.deepEqual(trainingRoutes.find((r) => r.id === 'registrations.recordAttendance')?.roles, ['admin']);
  });

  it('keep reads public and declare a body on every POST', () => {
    for (const route of routes) {
      if (route.method === 'POST') assert.ok(route.body, route.id);
      if (!route.id.startsWith('registrations.')) assert.equal(route.auth, 'public', route.id);
    }
  });

  it('list the static 360Giving path before the {dataset} template', () => {
    const paths = openDataRoutes.map((route) => route.path);
    assert.ok(paths.indexOf('/v1/open-data/awards-360giving') < paths.indexOf('/v1/open-data/{dataset}'));
  });
});
