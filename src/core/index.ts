export * from './errors.js';
export * from './ids.js';
export * from './types.js';
