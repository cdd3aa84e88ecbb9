import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Validator } from '@seriousme/openapi-schema-validator';
import { ROUTES } from '../routes/index.js';
import { openApiDocument } from './generate.js';

const doc = openApiDocument();

test('the generated document is valid OpenAPI 3.1 for a maintained validator', async () => {
  const validator = new Validator();
  const result = await validator.validate(structuredClone(doc));
  assert.deepEqual(result.errors ?? [], []);
  assert.equal(result.valid, true);
  assert.equal(validator.version, '3.1');
});

test('every route of the table is an operation, with its id', () => {
  const operations = Object.values(doc.paths).flatMap((item) => Object.values(item)) as {
    operationId: string;
  }[];
  assert.equal(operations.length, ROUTES.length);
  assert.deepEqual(operations.map((o) => o.operationId).sort(), ROUTES.map((r) => r.id).sort());
  assert.equal(new Set(ROUTES.map((r) => r.id)).size, ROUTES.length, 'operation ids are unique');
});

test('every path template parameter is declared as a required path parameter', () => {
  for (const route of ROUTES) {
    const declared = new Set(
      (
        ((doc.paths as Record<string, Record<string, { parameters?: { name: string; in: string }[] }>>)[
          route.path
        ]?.[route.method.toLowerCase()]?.parameters ?? []) as { name: string; in: string }[]
      )
        .filter((p) => p.in === 'path')
        .map((p) => p.name),
    );
    for (const [, name] of route.path.matchAll(/\{(\w+)\}/g))
      assert.ok(declared.has(name as string), `${route.id}: ${name}`);
  }
});

test('every $ref points at a component that exists', () => {
  const schemas = doc.components.schemas as Record<string, unknown>;
  const refs = JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/(\w+)\/([\w.-]+)"/g);
  let count = 0;
  for (const [, kind, name] of refs) {
    count++;
    const table = (doc.components as Record<string, Record<string, unknown>>)[kind as string];
    assert.ok(table && name && name in table, `missing #/components/${kind}/${name}`);
  }
  assert.ok(count > 100);
  assert.ok('Call' in schemas && 'Problem' in schemas && 'LocalizedText' in schemas);
});

test('writes are strict: request bodies refuse unknown fields', () => {
  const body = (
    doc.paths['/v1/applications'] as {
      post: { requestBody: { content: Record<string, { schema: { $ref: string } }> } };
    }
  ).post.requestBody.content['application/json']?.schema.$ref;
  const name = body?.split('/').pop() as string;
  assert.equal(
    (doc.components.schemas as Record<string, { additionalProperties?: unknown }>)[name]
      ?.additionalProperties,
    false,
  );
});

test('list filters are repeated query parameters and errors are problem+json with their codes', () => {
  const search = (
    doc.paths['/v1/calls'] as Record<
      string,
      {
        parameters: { name: string; style?: string }[];
        responses: Record<string, { content?: Record<string, unknown>; 'x-error-codes'?: string[] }>;
      }
    >
  ).get;
  assert.ok(search);
  assert.equal(search.parameters.find((p) => p.name === 'region')?.style, 'form');
  assert.ok(search.responses['422']?.content?.['application/problem+json']);
  assert.ok(search.responses['422']?.['x-error-codes']?.includes('validation_failed'));
  assert.ok(search.responses['304'], 'reads may answer 304');
});

test('authenticated routes declare bearer security and their roles', () => {
  const submit = (
    doc.paths['/v1/applications/{applicationId}/submit'] as Record<
      string,
      { security: unknown[]; 'x-roles'?: string[] }
    >
  ).post;
  assert.deepEqual(submit?.security, [{ bearer: [] }]);
  assert.ok(submit?.['x-roles']?.includes('association_representative'));
});
