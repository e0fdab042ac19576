/**
 * Article extraction speed: our extractor vs Readability.js over a linkedom DOM, on the same pages in the
 * same process, printed as pages/s and a ratio. Uses ../shared/data/articles when present (like the eval),
 * else the project's own fixtures/pages.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { extractArticle } from '../src/article/index.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SHARED = join(ROOT, '..', 'shared', 'data', 'articles', 'html');
const FIXTURES = join(ROOT, 'fixtures', 'pages');

/** Minimum total measured time, so small page sets still give stable figures. */
const MIN_BENCH_MS = 6000;
/** At least this many alternating rounds. */
const MIN_ROUNDS = 3;

interface PageSet {
  name: string;
  pages: Uint8Array[];
}

function loadPages(): PageSet {
  if (existsSync(SHARED)) {
    const files = readdirSync(SHARED).filter((f) => f.endsWith('.html'));
    return { name: `shared articles (${SHARED})`, pages: files.map((f) => readFileSync(join(SHARED, f))) };
  }
  const dirs = existsSync(FIXTURES) ? readdirSync(FIXTURES) : [];
  const pages = dirs
    .map((d) => join(FIXTURES, d, 'source.html'))
    .filter((p) => existsSync(p))
    .map((p) => readFileSync(p));
  return { name: `fixtures/pages (${FIXTURES})`, pages };
}

function ours(page: Uint8Array): void {
  try {
    extractArticle({ html: page });
  } catch {
    // A page without an article still costs its time; errors are part of the work.
  }
}

function readability(page: Uint8Array): void {
  // Readability needs a string; decoding is part of its work, as it is of ours.
  const { document } = parseHTML(new TextDecoder('utf-8').decode(page));
  new Readability(document as unknown as ConstructorParameters<typeof Readability>[0]).parse();
}

function timeOnce(pages: Uint8Array[], fn: (page: Uint8Array) => void): number {
  const start = performance.now();
  for (const p of pages) fn(p);
  return performance.now() - start;
}

/**
 * Pages/s of both extractors, measured in alternating rounds (ours, theirs, ours, …) so that a change in
 * machine load during the run hits both sides alike.
 */
function measure(pages: Uint8Array[]): { mine: number; theirs: number; rounds: number } {
  for (const p of pages.slice(0, 5)) {
    ours(p); // warm-up: JIT and lazy imports
    readability(p);
  }
  let mineMs = 0;
  let theirsMs = 0;
  let rounds = 0;
  while (rounds < MIN_ROUNDS || mineMs + theirsMs < MIN_BENCH_MS) {
    mineMs += timeOnce(pages, ours);
    theirsMs += timeOnce(pages, readability);
    rounds++;
  }
  const total = pages.length * rounds * 1000;
  return { mine: total / mineMs, theirs: total / theirsMs, rounds };
}

/** Print pages/s for both extractors and their ratio. */
export async function run(): Promise<void> {
  const set = loadPages();
  if (set.pages.length === 0) {
    process.stdout.write('article: no pages found (neither shared data nor fixtures/pages) — skipped\n');
    return;
  }
  const mb = set.pages.reduce((n, p) => n + p.byteLength, 0) / 1e6;
  process.stdout.write(`article: ${set.pages.length} pages, ${mb.toFixed(1)} MB, from ${set.name}\n`);
  const { mine, theirs, rounds } = measure(set.pages);
  process.stdout.write(`  (${rounds} alternating rounds over the same pages)\n`);
  process.stdout.write(`  newsgraph extractArticle      ${mine.toFixed(1)} pages/s\n`);
  process.stdout.write(`  Readability.js over linkedom  ${theirs.toFixed(1)} pages/s\n`);
  process.stdout.write(`  ratio                         ${(mine / theirs).toFixed(2)}x (goal >= 2x)\n`);
}
