#!/usr/bin/env node
// Runs the compiled CLI in dist/ (built by `npm ci` through the `prepare` script) when it is up to date
// with src/, else the TypeScript sources through tsx's loader: an edited source is never shadowed by a
// stale build, and a fresh clone without a build still works. NEWSGRAPH_FROM_SOURCE=1 forces the sources.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const stamp = join(root, 'dist', 'extractor-version.json');

/** The newest modification time of any file under `dir`. */
function newest(dir) {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

function buildIsCurrent() {
  if (process.env.NEWSGRAPH_FROM_SOURCE === '1' || !existsSync(stamp)) return false;
  const src = join(root, 'src');
  return !existsSync(src) || statSync(stamp).mtimeMs >= newest(src);
}

let main;
if (buildIsCurrent()) {
  ({ main } = await import('../dist/cli/main.js'));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../src/cli/main.ts'));
}
process.exitCode = await main(process.argv.slice(2));
