/**
 * cheerio's `load`, without the rest of its main entry. `import 'cheerio'` also loads undici, parse5's
 * stream parser, whatwg-mimetype and node:stream for cheerio's `fromURL`/`loadBuffer`/stream helpers, which
 * the extractor never uses: about 75 ms of CPU at start-up, a tenth of a one-page `newsgraph extract`.
 * The main entry re-exports `load` from `dist/esm/load-parse.js`; that file is imported directly, so the
 * function, its parsers (parse5 by default, htmlparser2 with `xml` options) and its output are the same.
 * The file is not in cheerio's `exports` map, so it is found from the package root; should a cheerio
 * release move it, the main entry is used (slower, same output) and test/article/cheerio.test.ts fails.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { load as cheerioLoad } from 'cheerio';

/** Where cheerio 1.x keeps the `load` its main entry re-exports. */
const LOAD_PARSE = join('dist', 'esm', 'load-parse.js');

async function importLoad(): Promise<{ load: typeof cheerioLoad; entry: 'load-parse' | 'cheerio' }> {
  try {
    const root = dirname(createRequire(import.meta.url).resolve('cheerio/package.json'));
    const mod = (await import(pathToFileURL(join(root, LOAD_PARSE)).href)) as { load?: unknown };
    if (typeof mod.load === 'function') return { load: mod.load as typeof cheerioLoad, entry: 'load-parse' };
  } catch {
    // fall through to the main entry
  }
  return { load: (await import('cheerio')).load, entry: 'cheerio' };
}

const loaded = await importLoad();

/** cheerio's `load` (see the module comment). */
export const load: typeof cheerioLoad = loaded.load;

/** Which file `load` came from: `load-parse` (the fast path) or `cheerio` (the main entry, a fallback). */
export const CHEERIO_LOAD_ENTRY = loaded.entry;
