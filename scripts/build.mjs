#!/usr/bin/env node
// `npm run build` (and `prepare`, which `npm ci` runs): compile src/ to dist/ with tsc, copy the other
// files of src/ (web assets) along, then record the
// extractor version the build was made from (dist/extractor-version.json, also the build's time stamp:
// bin/newsgraph.js runs dist/ only when it is at least as new as every file in src/).
// Without TypeScript installed (`npm ci --omit=dev`) there is nothing to build with: the CLI then runs
// the sources through tsx, as before.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
let tsc;
try {
  tsc = createRequire(join(root, 'package.json')).resolve('typescript/bin/tsc');
} catch {
  console.warn(
    'newsgraph build: typescript is not installed (production install?); the CLI will run from src/',
  );
  process.exit(0);
}
rmSync(join(root, 'dist'), { recursive: true, force: true });
const built = spawnSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], {
  stdio: 'inherit',
});
if (built.status !== 0) process.exit(built.status ?? 1);
// Files tsc does not emit (the explorer's CSS and browser scripts in src/web/public/) go along as they are.
cpSync(join(root, 'src'), join(root, 'dist'), {
  recursive: true,
  filter: (path) => !path.endsWith('.ts'),
});
const entry = join(root, 'dist', 'core', 'extractor-version.js');
if (!existsSync(entry)) throw new Error(`build: ${entry} missing after tsc`);
const { EXTRACTOR_VERSION } = await import(pathToFileURL(entry).href);
writeFileSync(
  join(root, 'dist', 'extractor-version.json'),
  `${JSON.stringify({ extractorVersion: EXTRACTOR_VERSION, builtAt: new Date().toISOString() })}\n`,
);
console.log(`newsgraph build: dist/ (extractor ${EXTRACTOR_VERSION})`);
