/**
 * The extractor version: what decides an article's entities and facts, as one string. It is the package
 * version plus a hash of the article extractor (`src/article/**`: constants, selectors, the code using
 * them), the NLP rules, vocabularies and matcher (`src/nlp/**`), and the installed versions of the
 * libraries whose output they read (cheerio, compromise, compromise-dates). Any change to one of them
 * gives a new version, so stored articles are known to be outdated (`newsgraph status`, `reprocess`)
 * and old conditional-GET validators are ignored.
 *
 * Not re-exported by `core/index.ts`: it is computed when this module loads (reading and hashing ~50
 * files), which only the commands that record or compare versions need; `extract` never loads it.
 *
 * Computed once at load from the TypeScript sources, which ship with the package, so a run from the
 * sources (tsx) and one from the build (dist/) give the same version. Where the sources are absent
 * (a build copied alone), the value the build wrote to `dist/extractor-version.json` is used.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Source folders whose files decide the output (relative to the package root). */
export const VERSIONED_SOURCES = ['src/article', 'src/nlp'] as const;
/** Libraries whose installed version changes what the extractor sees or tags. */
export const VERSIONED_LIBRARIES = ['cheerio', 'compromise', 'compromise-dates'] as const;
/** Hex digits of the hash kept in the version: collisions between two rule sets are not a concern. */
const HASH_CHARS = 12;

/** One input of the hash: a name (stable, `/`-separated) and its content. */
export interface VersionInput {
  name: string;
  content: string;
}

/**
 * Pure: the version string for a package version and its inputs. Order-independent, line-ending
 * independent (a checkout with CRLF gives the same version).
 */
export function extractorVersionOf(packageVersion: string, inputs: VersionInput[]): string {
  const hash = createHash('sha256');
  for (const input of [...inputs].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    hash.update(`${input.name}\0${input.content.replace(/\r\n/g, '\n')}\0`);
  }
  return `${packageVersion}+${hash.digest('hex').slice(0, HASH_CHARS)}`;
}

/** The package root: the nearest folder above this file with newsgraph's package.json. */
export function packageRoot(from: string = dirname(fileURLToPath(import.meta.url))): string {
  let dir = from;
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && JSON.parse(readFileSync(manifest, 'utf8')).name === 'newsgraph') return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`newsgraph's package.json not found above ${from}`);
    dir = parent;
  }
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return listFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** The installed version of a library, as found from the package root (node_modules lookup). */
function installedVersion(root: string, name: string): string {
  for (let dir = root; ; dir = dirname(dir)) {
    const manifest = join(dir, 'node_modules', name, 'package.json');
    if (existsSync(manifest)) return String(JSON.parse(readFileSync(manifest, 'utf8')).version);
    if (dirname(dir) === dir) return 'absent';
  }
}

/** Read the inputs of the version from a package root. */
export function readVersionInputs(root: string): VersionInput[] {
  const files = VERSIONED_SOURCES.flatMap((folder) => listFiles(join(root, folder)));
  return [
    ...files.map((path) => ({
      name: relative(root, path).split(sep).join('/'),
      content: readFileSync(path, 'utf8'),
    })),
    ...VERSIONED_LIBRARIES.map((name) => ({ name: `lib:${name}`, content: installedVersion(root, name) })),
  ];
}

/** Where a build records the version it was built with (used only when the sources are absent). */
export const BUILT_VERSION_FILE = 'dist/extractor-version.json';

/** Compute the version of the package at `root`. */
export function computeExtractorVersion(root: string = packageRoot()): string {
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
  if (VERSIONED_SOURCES.every((folder) => existsSync(join(root, folder))))
    return extractorVersionOf(manifest.version, readVersionInputs(root));
  const built = join(root, BUILT_VERSION_FILE);
  if (existsSync(built)) return String(JSON.parse(readFileSync(built, 'utf8')).extractorVersion);
  throw new Error(
    `cannot compute the extractor version: neither ${VERSIONED_SOURCES.join(', ')} nor ${built}`,
  );
}

/**
 * Version of what decides the output (see the module comment); stored on each Article node as
 * `extractorVersion`, compared by `status` and `reprocess`, and tied to conditional-GET validators.
 */
export const EXTRACTOR_VERSION: string = computeExtractorVersion();
