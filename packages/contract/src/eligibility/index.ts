export * from './evaluate.js';
export * from './rules.js';
