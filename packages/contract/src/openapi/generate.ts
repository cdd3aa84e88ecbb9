import * as z from 'zod/mini';
import { EVENT_DESCRIPTIONS, EVENT_SCHEMAS, EVENT_TYPES } from '../events/catalogue.js';
import { ROUTES } from '../routes/index.js';
import type { AnyRoute } from '../routes/route.js';
import * as schemas from '../schemas.js';
import { ERROR_STATUS, type ErrorCode } from '../shared/problem.js';

type JsonSchema = Record<string, unknown>;
type Mode = 'input' | 'output';

/** Version of the API the document describes; bumped with the contract's published version. */
export const API_VERSION = '1.0.0';

/** Error codes any route may answer with, whatever it declares. */
const COMMON_ERRORS: readonly ErrorCode[] = ['bad_request', 'rate_limited', 'internal'];

const isSchema = (value: unknown): value is z.core.$ZodType =>
  typeof value === 'object' && value !== null && '_zod' in value;

const pascal = (id: string) =>
  id
    .split(/[.\-_]/)
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');

/** Assigns a component name to every named schema export and to the anonymous schemas of the routes. */
function collectSchemas(routes: readonly AnyRoute[]): Map<z.core.$ZodType, string> {
  const names = new Map<z.core.$ZodType, string>();
  const taken = new Set<string>();
  const add = (schema: z.core.$ZodType, name: string) => {
    if (names.has(schema) || taken.has(name)) return;
    names.set(schema, name);
    taken.add(name);
  };
  for (const [name, value] of Object.entries(schemas)) {
    if (isSchema(value) && /^[A-Z][A-Za-z0-9]*$/.test(name)) add(value, name);
  }
  for (const route of routes) {
    const base = pascal(route.id);
    if (route.params) add(route.params, `${base}Params`);
    if (route.query) add(route.query, `${base}Query`);
    if (route.body) add(route.body, `${base}Body`);
    if (route.response.schema) add(route.response.schema, `${base}Response`);
  }
  return names;
}

function strip(schema: JsonSchema): JsonSchema {
  const { $schema: _schema, $id: _id, ...rest } = schema;
  return rest;
}

function generateComponents(names: Map<z.core.$ZodType, string>, io: Mode): Record<string, JsonSchema> {
  const registry = z.registry<{ id: string }>();
  for (const [schema, id] of names) registry.add(schema, { id });
  const out = z.toJSONSchema(registry, {
    io,
    target: 'draft-2020-12',
    unrepresentable: 'any',
    uri: (id) => `#/components/schemas/${id}`,
  }) as { schemas: Record<string, JsonSchema> };
  return Object.fromEntries(Object.entries(out.schemas).map(([id, s]) => [id, strip(s)]));
}

/** Rewrites `$ref`s of input-mode schemas to the `…Input` components where input and output differ. */
function renameRefs(value: unknown, renamed: ReadonlySet<string>): unknown {
  if (Array.isArray(value)) return value.map((item) => renameRefs(item, renamed));
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    if (key === '$ref' && typeof item === 'string') {
      const id = item.slice('#/components/schemas/'.length);
      out[key] = renamed.has(id) ? `${item}Input` : item;
    } else out[key] = renameRefs(item, renamed);
  }
  return out;
}

function problemResponses(route: AnyRoute): Record<string, unknown> {
  const codes = new Set<ErrorCode>([...COMMON_ERRORS, ...route.errors]);
  if (route.params || route.query || route.body) codes.add('validation_failed');
  if (route.auth === 'required') codes.add('unauthenticated');
  if (route.roles?.length) codes.add('forbidden');
  if (route.idempotent) codes.add('idempotency_key_reused');
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of codes) {
    const status = ERROR_STATUS[code];
    byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }
  const responses: Record<string, unknown> = {};
  for (const [status, list] of [...byStatus].sort(([a], [b]) => a - b)) {
    responses[String(status)] = {
      description: `Problem: ${list.join(', ')}`,
      headers: { 'X-Request-Id': { $ref: '#/components/headers/RequestId' } },
      content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
      'x-error-codes': list,
    };
  }
  return responses;
}

/** The Standard Webhooks headers every delivery carries, as reusable parameters. */
const WEBHOOK_HEADERS = {
  WebhookId: {
    name: 'webhook-id',
    in: 'header',
    required: true,
    description: "The event's id: the same on every retry and replay (de-duplicate on it).",
    schema: { type: 'string' },
  },
  WebhookTimestamp: {
    name: 'webhook-timestamp',
    in: 'header',
    required: true,
    description: 'Seconds since the Unix epoch when this attempt was signed; refuse one too far from now.',
    schema: { type: 'string', pattern: '^[0-9]+$' },
  },
  WebhookSignature: {
    name: 'webhook-signature',
    in: 'header',
    required: true,
    description:
      '`v1,` and the base64 HMAC-SHA256 of `{webhook-id}.{webhook-timestamp}.{body}` with the key in the endpoint secret (base64 after `whsec_`); verify it with `verifyWebhook` of @nassij/sdk.',
    schema: { type: 'string' },
  },
} as const;

/**
 * The OpenAPI 3.1 `webhooks` section: one POST per event type of the catalogue, its body the event's
 * envelope schema (a component), signed per the Standard Webhooks specification.
 */
function webhookItems(names: Map<z.core.$ZodType, string>): Record<string, unknown> {
  return Object.fromEntries(
    EVENT_TYPES.map((type) => [
      type,
      {
        post: {
          operationId: `events.${type}`,
          summary: type,
          description: `${EVENT_DESCRIPTIONS[type]} Posted to every active endpoint subscribed to \`${type}\`; answer 2xx within 10 s. Any other answer, a redirect or a timeout is retried with exponential back-off; repeated failures disable the endpoint.`,
          tags: ['webhooks'],
          parameters: Object.keys(WEBHOOK_HEADERS).map((id) => ({ $ref: `#/components/parameters/${id}` })),
          requestBody: {
            required: true,
            content: {
              'application/json': {
                schema: { $ref: `#/components/schemas/${names.get(EVENT_SCHEMAS[type])}` },
              },
            },
          },
          responses: {
            '2XX': { description: 'Received (the body is ignored)' },
          },
        },
      },
    ]),
  );
}

/**
 * Generates the OpenAPI 3.1 document of the whole v1 API from the route table and the zod schemas.
 * Never edit the output by hand: change the contract and regenerate. The server serves it at
 * `/openapi.json`.
 *
 * @example
 * ```ts
 * const doc = openApiDocument();
 * doc.paths['/v1/calls'].get.operationId; // 'calls.search'
 * ```
 */
export function openApiDocument(routes: readonly AnyRoute[] = ROUTES) {
  const names = collectSchemas(routes);
  const output = generateComponents(names, 'output');
  const input = generateComponents(names, 'input');
  const differing = new Set(
    Object.keys(input).filter((id) => JSON.stringify(input[id]) !== JSON.stringify(output[id])),
  );
  const components: Record<string, unknown> = { ...output };
  for (const id of differing) components[`${id}Input`] = renameRefs(input[id], differing);

  const inputRef = (schema: z.core.$ZodType) => {
    const id = names.get(schema) as string;
    return { $ref: `#/components/schemas/${differing.has(id) ? `${id}Input` : id}` };
  };
  const inputSchemaOf = (schema: z.core.$ZodType) => {
    const id = names.get(schema) as string;
    return (differing.has(id) ? components[`${id}Input`] : components[id]) as JsonSchema;
  };

  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const parameters: unknown[] = [];
    for (const [where, schema] of [
      ['path', route.params],
      ['query', route.query],
    ] as const) {
      if (!schema) continue;
      const json = inputSchemaOf(schema);
      const required = new Set((json.required as string[] | undefined) ?? []);
      for (const [name, property] of Object.entries((json.properties ?? {}) as Record<string, JsonSchema>)) {
        const isArray = property.type === 'array';
        parameters.push({
          name,
          in: where,
          required: where === 'path' ? true : required.has(name),
          schema: property,
          ...(isArray ? { style: 'form', explode: true } : {}),
        });
      }
    }
    if (route.idempotent) parameters.push({ $ref: '#/components/parameters/IdempotencyKey' });
    if (route.ifMatch)
      parameters.push({
        $ref:
          route.ifMatch === 'required'
            ? '#/components/parameters/IfMatch'
            : '#/components/parameters/IfMatchOptional',
      });
    if (route.method === 'GET') parameters.push({ $ref: '#/components/parameters/IfNoneMatch' });

    let requestBody: unknown;
    if (route.body && route.bodyKind === 'multipart') {
      const fields = inputSchemaOf(route.body);
      requestBody = {
        required: true,
        content: {
          'multipart/form-data': {
            schema: {
              type: 'object',
              properties: {
                file: { type: 'string', contentMediaType: 'application/octet-stream' },
                ...(fields.properties as object),
              },
              required: ['file', ...((fields.required as string[] | undefined) ?? [])],
            },
          },
        },
      };
    } else if (route.body) {
      const mediaType = route.bodyKind === 'form' ? 'application/x-www-form-urlencoded' : 'application/json';
      requestBody = { required: true, content: { [mediaType]: { schema: inputRef(route.body) } } };
    }

    const success = route.response;
    const successHeaders: Record<string, unknown> = {
      'X-Request-Id': { $ref: '#/components/headers/RequestId' },
    };
    if (route.method === 'GET' || route.ifMatch) successHeaders.ETag = { $ref: '#/components/headers/ETag' };
    const content = success.schema
      ? { 'application/json': { schema: { $ref: `#/components/schemas/${names.get(success.schema)}` } } }
      : success.contentType
        ? { [success.contentType]: { schema: { type: 'string' } } }
        : undefined;
    const responses: Record<string, unknown> = {
      [String(success.status)]: {
        description: success.description,
        headers: successHeaders,
        ...(content ? { content } : {}),
      },
    };
    if (route.method === 'GET')
      responses['304'] = { description: 'Not modified (If-None-Match matched the ETag)' };
    Object.assign(responses, problemResponses(route));

    const security =
      route.auth === 'required' ? [{ bearer: [] }] : route.auth === 'optional' ? [{}, { bearer: [] }] : [];
    paths[route.path] ??= {};
    (paths[route.path] as Record<string, unknown>)[route.method.toLowerCase()] = {
      operationId: route.id,
      summary: route.summary,
      ...(route.description ? { description: route.description } : {}),
      tags: [route.tag],
      security,
      ...(route.roles?.length ? { 'x-roles': route.roles } : {}),
      ...(parameters.length ? { parameters } : {}),
      ...(requestBody ? { requestBody } : {}),
      responses,
    };
  }

  const tags = [...new Set(routes.map((r) => r.tag))].map((name) => ({ name }));
  const webhooks = webhookItems(names);
  return {
    openapi: '3.1.0',
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    info: {
      title: 'Nassij platform API',
      version: API_VERSION,
      summary:
        "Morocco's national associations platform: calls for support, consultations, trainings, open data.",
      description:
        'Generated from the @nassij/contract zod schemas and route table. Errors are RFC 9457 problem details with a stable `code`. Writes accept `Idempotency-Key`; reads carry ETags.',
      license: { name: 'MIT', identifier: 'MIT' },
    },
    servers: [{ url: '/' }],
    tags,
    paths,
    webhooks,
    components: {
      schemas: components,
      securitySchemes: {
        bearer: {
          type: 'http',
          scheme: 'bearer',
          description: 'Opaque token from POST /v1/auth/token or the /auth/popup sign-in',
        },
      },
      parameters: {
        IdempotencyKey: {
          name: 'Idempotency-Key',
          in: 'header',
          required: false,
          description:
            'Same key and body within 24 h replay the stored response; same key with another body is refused (422).',
          schema: { type: 'string', minLength: 8, maxLength: 128 },
        },
        IfMatch: { name: 'If-Match', in: 'header', required: true, schema: { type: 'string' } },
        IfMatchOptional: { name: 'If-Match', in: 'header', required: false, schema: { type: 'string' } },
        IfNoneMatch: { name: 'If-None-Match', in: 'header', required: false, schema: { type: 'string' } },
        ...WEBHOOK_HEADERS,
      },
      headers: {
        RequestId: { description: 'Request id, also in every log line', schema: { type: 'string' } },
        ETag: { description: 'Strong validator of the representation', schema: { type: 'string' } },
      },
    },
  };
}

/** The OpenAPI document's type. */
export type OpenApiDocument = ReturnType<typeof openApiDocument>;
