/**
 * `npm run eval:values [--list]`: the dates and amounts of money `analyze()` finds in the real news pages
 * of ../shared/data/articles (each page extracted, its publication date as the reference), counted per
 * rule, and the words/s of `analyze()` vs raw compromise on the same texts. There is no gold standard for
 * values: `--list` prints every value with its context, to be read and judged (the README states the
 * result of the last such reading). Prints a note and exits 0 when the data folder is absent.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractArticle } from '../src/article/index.js';
import type { Article, Value } from '../src/core/index.js';
import { parseOnly } from '../src/nlp/compromise.js';
import { clearParsedDates } from '../src/nlp/compromise-dates.js';
import { analyze } from '../src/nlp/index.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const HTML = join(ROOT, '..', 'shared', 'data', 'articles', 'html');
/** Characters of context printed on each side of a value with `--list`. */
const CONTEXT = 40;

function loadArticles(): Article[] {
  const out: Article[] = [];
  for (const f of readdirSync(HTML).filter((n) => n.endsWith('.html'))) {
    try {
      out.push(extractArticle({ html: readFileSync(join(HTML, f)) }));
    } catch {
      // a page without an article has no values to judge
    }
  }
  return out;
}

function show(v: Value): string {
  return v.type === 'Date' ? v.iso : `${v.amount} ${v.currency}`;
}

function timeIt(fn: () => void): number {
  const t0 = performance.now();
  fn();
  return (performance.now() - t0) / 1000;
}

if (!existsSync(HTML)) {
  process.stdout.write(`no data at ${HTML}: nothing to evaluate\n`);
} else {
  const list = process.argv.includes('--list');
  const articles = loadArticles();
  const perRule = new Map<string, number>();
  let dated = 0;
  for (const a of articles) {
    if (a.publishedAt) dated++;
    const values = analyze(a.text, { title: a.title, publishedAt: a.publishedAt }).values ?? [];
    for (const v of values) {
      perRule.set(v.rule, (perRule.get(v.rule) ?? 0) + 1);
      if (!list) continue;
      const before = a.text.slice(Math.max(0, v.start - CONTEXT), v.start).replace(/\s+/g, ' ');
      const after = a.text.slice(v.end, v.end + CONTEXT).replace(/\s+/g, ' ');
      process.stdout.write(
        `${v.rule}\t${show(v)}\t…${before}[${v.text}]${after}…\t${a.publishedAt ?? '-'}\n`,
      );
    }
  }
  const words = articles.reduce((n, a) => n + a.text.split(/\s+/).filter(Boolean).length, 0);
  process.stdout.write(`${articles.length} articles (${dated} with a publication date), ${words} words\n`);
  for (const [rule, n] of [...perRule].sort()) process.stdout.write(`  ${rule}: ${n}\n`);
  // Each round starts with an empty phrase cache: the figure is what a fresh worker gets.
  let raw = Number.POSITIVE_INFINITY;
  let full = Number.POSITIVE_INFINITY;
  for (let round = 0; round < 3; round++) {
    raw = Math.min(
      raw,
      timeIt(() => {
        for (const a of articles) parseOnly(a.text);
      }),
    );
    clearParsedDates();
    full = Math.min(
      full,
      timeIt(() => {
        for (const a of articles) analyze(a.text, { title: a.title, publishedAt: a.publishedAt });
      }),
    );
  }
  process.stdout.write(
    `words/s: raw compromise ${Math.round(words / raw)}, analyze() ${Math.round(words / full)} (${(raw / full).toFixed(2)}x)\n`,
  );
}
