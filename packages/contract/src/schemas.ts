// Every schema and helper of the contract except the routes and the OpenAPI generator.
// The generator names OpenAPI components after these exports.
export * from './eligibility/index.js';
export * from './reference/index.js';
export * from './resources/application.js';
export * from './resources/association.js';
export * from './resources/audit.js';
export * from './resources/auth.js';
export * from './resources/award.js';
export * from './resources/call.js';
export * from './resources/consultation.js';
export * from './resources/contribution.js';
export * from './resources/form.js';
export * from './resources/indicator.js';
export * from './resources/open-data.js';
export * from './resources/privacy.js';
export * from './resources/training.js';
export * from './shared/ids.js';
export * from './shared/instant.js';
export * from './shared/locale.js';
export * from './shared/localized-text.js';
export * from './shared/money.js';
export * from './shared/page.js';
export * from './shared/problem.js';
export * from './shared/roles.js';
export * from './shared/search-text.js';
export * from './shared/time.js';
export * from './shared/validate.js';
