export * from './catalogue.js';
export * from './webhook-endpoint.js';
