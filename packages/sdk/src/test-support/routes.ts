import { Page, PageQuery, route } from '@nassij/contract';
import * as z from 'zod/mini';

/** Routes shaped like the contract's, for testing the generic core before the real areas exist. */
export const Thing = z.strictObject({ id: z.string(), name: z.string(), version: z.number() });

export const ThingParams = z.strictObject({ thingId: z.string() });

export const getThing = route({
  id: 'things.get',
  method: 'GET',
  path: '/v1/things/{thingId}',
  tag: 'things',
  summary: 'Read a thing',
  auth: 'optional',
  params: ThingParams,
  query: z.strictObject({ region: z.optional(z.array(z.string())), lang: z.optional(z.string()) }),
  errors: ['not_found'],
  response: { status: 200, schema: Thing, description: 'The thing' },
});

export const createThing = route({
  id: 'things.create',
  method: 'POST',
  path: '/v1/things',
  tag: 'things',
  summary: 'Create a thing',
  auth: 'required',
  body: z.strictObject({ name: z.string() }),
  errors: ['validation_failed'],
  idempotent: true,
  response: { status: 201, schema: Thing, description: 'The new thing' },
});

export const updateThing = route({
  id: 'things.update',
  method: 'PATCH',
  path: '/v1/things/{thingId}',
  tag: 'things',
  summary: 'Change a thing',
  auth: 'required',
  params: ThingParams,
  body: z.strictObject({ name: z.string() }),
  errors: ['precondition_failed'],
  ifMatch: 'required',
  response: { status: 200, schema: Thing, description: 'The changed thing' },
});

export const listThings = route({
  id: 'things.list',
  method: 'GET',
  path: '/v1/things',
  tag: 'things',
  summary: 'List things',
  auth: 'public',
  query: z.strictObject({ ...PageQuery, q: z.optional(z.string()) }),
  errors: [],
  response: { status: 200, schema: Page(Thing), description: 'A page of things' },
});

export const uploadDocument = route({
  id: 'things.upload',
  method: 'POST',
  path: '/v1/things/{thingId}/documents',
  tag: 'things',
  summary: 'Attach a document',
  auth: 'required',
  params: ThingParams,
  body: z.strictObject({ documentType: z.string() }),
  bodyKind: 'multipart',
  errors: ['file_too_large'],
  response: { status: 201, schema: z.strictObject({ size: z.number() }), description: 'Stored' },
});
