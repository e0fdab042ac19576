// Loader hooks of load-trace.mjs: each ES module (or CommonJS module imported from one) loaded.
import { appendFileSync } from 'node:fs';

let out;

export function initialize(data) {
  out = data.out;
}

export async function load(url, context, next) {
  appendFileSync(out, `esm ${url}\n`);
  return next(url, context);
}
