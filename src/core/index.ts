export * from './errors.js';
export * from './extractor-version.js';
export * from './ids.js';
export * from './types.js';
