import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openApiDocument } from '../openapi/generate.js';
import { validate } from '../shared/validate.js';
import { EVENT_DATA, EVENT_DESCRIPTIONS, EVENT_SCHEMAS, EVENT_TYPES, WebhookEvent } from './catalogue.js';
import { CreateWebhookEndpoint } from './webhook-endpoint.js';

const published = {
  id: 'evt_0000000000000000000000000a',
  type: 'call.published',
  occurredAt: '2026-12-05T09:00:00.000Z',
  data: {
    callId: 'call_example',
    reference: 'MA-RSM-2026-0042',
    organisationId: 'org_region-souss-massa',
    title: { ar: 'دعم', fr: 'Soutien' },
    version: 1,
    status: 'forecast',
    opensAt: '2026-12-07T22:59:00Z',
  },
};

test('every event type has a data schema, an envelope and a description', () => {
  for (const type of EVENT_TYPES) {
    assert.ok(EVENT_DATA[type], type);
    assert.ok(EVENT_SCHEMAS[type], type);
    assert.ok(EVENT_DESCRIPTIONS[type].length > 20, type);
  }
});

test('an envelope is typed by its type, and refuses unknown types, fields and a data of another type', () => {
  const event = WebhookEvent.parse(published);
  assert.equal(event.type === 'call.published' && event.data.reference, 'MA-RSM-2026-0042');
  assert.equal(WebhookEvent.safeParse({ ...published, type: 'call.deleted' }).success, false);
  assert.equal(
    WebhookEvent.safeParse({ ...published, data: { ...published.data, email: 'a@b.ma' } }).success,
    false,
  );
  assert.equal(WebhookEvent.safeParse({ ...published, type: 'decision.made' }).success, false);
  assert.equal(WebhookEvent.safeParse({ ...published, id: 'evt_1' }).success, false);
});

test('an endpoint asks for at least one event type of the catalogue and an http(s) address', () => {
  assert.equal(
    validate(CreateWebhookEndpoint, { url: 'https://portal.example/hooks', eventTypes: ['call.published'] })
      .ok,
    true,
  );
  assert.equal(
    validate(CreateWebhookEndpoint, { url: 'https://portal.example/hooks', eventTypes: [] }).ok,
    false,
  );
  assert.equal(
    validate(CreateWebhookEndpoint, { url: 'ftp://portal.example/hooks', eventTypes: ['call.published'] }).ok,
    false,
  );
  assert.equal(
    validate(CreateWebhookEndpoint, { url: 'https://portal.example/hooks', eventTypes: ['call.deleted'] }).ok,
    false,
  );
});

test('the OpenAPI document lists every event under `webhooks`, its body a component, signed by the headers', () => {
  const doc = openApiDocument();
  const webhooks = doc.webhooks as Record<string, { post: Record<string, unknown> }>;
  assert.deepEqual(Object.keys(webhooks), [...EVENT_TYPES]);
  const schemas = doc.components.schemas as Record<string, unknown>;
  const parameters = doc.components.parameters as Record<string, { name: string }>;
  for (const type of EVENT_TYPES) {
    const post = webhooks[type]?.post as {
      requestBody: { content: { 'application/json': { schema: { $ref: string } } } };
      parameters: { $ref: string }[];
    };
    const ref = post.requestBody.content['application/json'].schema.$ref;
    const component = schemas[ref.slice('#/components/schemas/'.length)] as { properties: { type: unknown } };
    assert.ok(component, `${type}: ${ref}`);
    assert.deepEqual(component.properties.type, { type: 'string', const: type });
    const headers = post.parameters.map(
      (p) => parameters[p.$ref.slice('#/components/parameters/'.length)]?.name,
    );
    assert.deepEqual(headers, ['webhook-id', 'webhook-timestamp', 'webhook-signature']);
  }
});
