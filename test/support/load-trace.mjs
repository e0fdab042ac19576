// Preloaded by NODE_OPTIONS=--import=<this file> in a child process: records every module the process
// loads into the file LOAD_TRACE_FILE names, one per line: `esm <url>` from a loader hook (ES modules, and
// CommonJS ones imported from them), `cjs <path>` from require's cache at exit (modules `require`d).
import { appendFileSync } from 'node:fs';
import { createRequire, register } from 'node:module';

const out = process.env.LOAD_TRACE_FILE;
if (out) {
  register(new URL('./load-trace-hooks.mjs', import.meta.url), { data: { out } });
  process.on('exit', () => {
    const paths = Object.keys(createRequire(import.meta.url).cache);
    appendFileSync(out, paths.map((path) => `cjs ${path}\n`).join(''));
  });
}
