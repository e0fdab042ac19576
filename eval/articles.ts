/**
 * `npm run eval:articles`: extract every page of ../shared/data/articles and score the body text on the
 * benchmark's word-shingle metric, next to Readability.js (over linkedom) as the reference.
 * Prints a clear note and exits 0 when the data folder is absent. `--gate` checks fixtures/baseline.json floors;
 * `--no-readability` skips the reference; a page id prefix prints that page's extracted text.
 */
import { existsSync, readFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { extractArticle } from '../src/article/index.js';
import { describeError } from '../src/core/index.js';
import { type PageScore, type Summary, scorePage, summarize } from './metric.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DATA = join(ROOT, '..', 'shared', 'data', 'articles');

interface GoldPage {
  id: string;
  url: string;
  articleBody: string;
}

/** Readability.js over a linkedom DOM: the published baseline. */
export function readabilityText(html: string): string {
  const { document } = parseHTML(html);
  const parsed = new Readability(document as unknown as ConstructorParameters<typeof Readability>[0]).parse();
  return (parsed?.textContent ?? '').trim();
}

function ours(bytes: Uint8Array, url: string): { text: string; error?: string } {
  try {
    return { text: extractArticle({ html: bytes, url }).text };
  } catch (err) {
    return { text: '', error: describeError(err) };
  }
}

const fmt = (x: number): string => x.toFixed(3);

interface Floors {
  f1: number;
  precision: number;
  recall: number;
  maxEmptyBodies: number;
}

/** `--gate`: fail (exit 1) when a figure drops below its floor in fixtures/baseline.json. */
function gate(s: Summary, emptyBodies: number): void {
  const floors = (
    JSON.parse(readFileSync(join(ROOT, 'fixtures', 'baseline.json'), 'utf8')) as { articles: Floors }
  ).articles;
  const failures = [
    s.f1 < floors.f1 ? `F1 ${fmt(s.f1)} < ${floors.f1}` : null,
    s.precision < floors.precision ? `P ${fmt(s.precision)} < ${floors.precision}` : null,
    s.recall < floors.recall ? `R ${fmt(s.recall)} < ${floors.recall}` : null,
    emptyBodies > floors.maxEmptyBodies ? `${emptyBodies} empty bodies > ${floors.maxEmptyBodies}` : null,
  ].filter((x): x is string => x !== null);
  process.stdout.write(failures.length === 0 ? 'gate: pass\n' : `gate: FAIL — ${failures.join('; ')}\n`);
  if (failures.length > 0) process.exitCode = 1;
}

async function main(): Promise<void> {
  if (!existsSync(join(DATA, 'gold.jsonl'))) {
    process.stdout.write(
      `eval:articles: data folder not found at ${DATA} — nothing to evaluate (skipped).\n`,
    );
    return;
  }
  const gold = (await readFile(join(DATA, 'gold.jsonl'), 'utf8'))
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as GoldPage);
  const withReadability = !process.argv.includes('--no-readability');
  const only = process.argv.find((a) => /^[0-9a-f]{6,}$/.test(a));
  const rows: Array<{ page: GoldPage; score: PageScore; chars: number; error?: string }> = [];
  const reference: PageScore[] = [];
  for (const page of gold) {
    if (only && !page.id.startsWith(only)) continue;
    const bytes = await readFile(join(DATA, 'html', `${page.id}.html`));
    const result = ours(bytes, page.url);
    rows.push({
      page,
      score: scorePage(result.text, page.articleBody),
      chars: result.text.length,
      error: result.error,
    });
    if (only) process.stdout.write(`${result.text}\n\n`);
    if (withReadability) reference.push(scorePage(readabilityText(bytes.toString('utf8')), page.articleBody));
  }
  if (process.env.EVAL_DUMP) {
    // Per-page scores as JSON, to compare two runs of a change.
    const dump = rows.map((r) => ({ id: r.page.id, precision: r.score.precision, recall: r.score.recall }));
    await writeFile(process.env.EVAL_DUMP, JSON.stringify(dump));
  }
  const s = summarize(rows.map((r) => r.score));
  const empty = rows.filter((r) => r.chars === 0 && r.page.articleBody.trim().length > 0);
  process.stdout.write(`articles: ${s.pages} pages from ${DATA}\n`);
  process.stdout.write(
    `newsgraph      F1 ${fmt(s.f1)}  P ${fmt(s.precision)}  R ${fmt(s.recall)}  accuracy ${fmt(s.accuracy)}  empty bodies ${empty.length}\n`,
  );
  if (withReadability) {
    const r = summarize(reference);
    process.stdout.write(
      `Readability.js F1 ${fmt(r.f1)}  P ${fmt(r.precision)}  R ${fmt(r.recall)}  accuracy ${fmt(r.accuracy)}  (reference, linkedom DOM)\n`,
    );
  }
  if (process.argv.includes('--gate')) gate(s, empty.length);
  const f1 = (x: PageScore): number => {
    const p = x.precision ?? 0;
    const r = x.recall ?? 0;
    return p + r > 0 ? (2 * p * r) / (p + r) : 0;
  };
  process.stdout.write(`worst ${Number(process.env.EVAL_WORST ?? 10)} pages (page F1, P, R, url):\n`);
  const worst = Number(process.env.EVAL_WORST ?? 10);
  for (const row of [...rows].sort((a, b) => f1(a.score) - f1(b.score)).slice(0, worst)) {
    const { precision: p, recall: r } = row.score;
    process.stdout.write(
      `  ${fmt(f1(row.score))}  P ${p === null ? '  -  ' : fmt(p)}  R ${r === null ? '  -  ' : fmt(r)}  ${row.page.id.slice(0, 8)}  ${row.page.url}${row.error ? `  (${row.error})` : ''}\n`,
    );
  }
}

await main();
