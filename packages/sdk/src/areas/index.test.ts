import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ROUTES } from '@nassij/contract';
import { createClient } from '../client.js';
import { AREA_ROUTES } from './index.js';

test('every route of the contract is wrapped by exactly one namespace', () => {
  const owners = new Map<string, string[]>();
  for (const [area, routes] of Object.entries(AREA_ROUTES)) {
    for (const route of routes) owners.set(route.id, [...(owners.get(route.id) ?? []), area]);
  }
  const missing = ROUTES.map((route) => route.id).filter((id) => !owners.has(id));
  assert.deepEqual(missing, [], 'routes without a namespace method');
  const shared = [...owners].filter(([, areas]) => areas.length > 1);
  assert.deepEqual(shared, [], 'routes claimed by two namespaces');
  const unknown = [...owners.keys()].filter((id) => !ROUTES.some((route) => route.id === id));
  assert.deepEqual(unknown, [], 'namespaces wrap routes the contract does not list');
});

test('the client exposes every namespace that claims routes', () => {
  const client = createClient({ baseUrl: 'http://127.0.0.1:9' }) as unknown as Record<string, unknown>;
  for (const area of Object.keys(AREA_ROUTES)) {
    assert.equal(typeof client[area], 'object', `client.${area}`);
  }
});
