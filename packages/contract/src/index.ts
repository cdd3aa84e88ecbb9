/**
 * The Nassij platform contract: zod schemas and types of every resource, reference data, the
 * eligibility evaluator, the route table and the OpenAPI 3.1 document generated from them.
 *
 * @example
 * ```ts
 * import { CallSearchQuery, validate, pickText } from '@nassij/contract';
 * const result = validate(CallSearchQuery, { region: ['MA-06'], status: ['open'] }, 'query');
 * ```
 *
 * @packageDocumentation
 */
import './configure.js';

export * from './openapi/generate.js';
export * from './resources/association-document.js';
export * from './resources/association-profile.js';
export * from './routes/index.js';
export * from './schemas.js';
