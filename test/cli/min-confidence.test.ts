/** `--min-confidence` on extract, explain, ingest and worker (src/cli/min-confidence.ts), in process. */
import { describe, expect, it } from 'vitest';
import { articleFromText } from '../../src/article/index.js';
import { extractJsonLine, extractOne } from '../../src/cli/extract.js';
import { ingestItem } from '../../src/cli/ingest.js';
import { buildProgram } from '../../src/cli/main.js';
import { parseMinConfidence } from '../../src/cli/min-confidence.js';
import { processArticle } from '../../src/crawl/process.js';
import { MemorySink } from '../../src/graph/memory.js';

const TEXT = 'Kalibr news\n\nKalibr Director Alexey Rodos spoke at the opening.';

describe('--min-confidence', () => {
  it.each([
    ['0', 0],
    ['0.5', 0.5],
    ['1', 1],
  ])('accepts %s', (value, n) => {
    expect(parseMinConfidence(value)).toBe(n);
  });

  it.each(['', ' ', '-0.1', '1.5', 'high', 'NaN'])('refuses %j as a usage error', (value) => {
    expect(() => parseMinConfidence(value)).toThrow(/--min-confidence must be a number from 0 to 1/);
    try {
      parseMinConfidence(value);
    } catch (err) {
      expect((err as { exitCode: number }).exitCode).toBe(2);
    }
  });

  it.each(['extract', 'explain', 'ingest', 'worker'])('is an option of %s', async (name) => {
    const program = await buildProgram([name]);
    const cmd = program.commands.find((c) => c.name() === name)!;
    expect(cmd.options.map((o) => o.long)).toContain('--min-confidence');
  });

  it('decides which facts an --jsonl line emits', () => {
    const line = JSON.stringify({ id: 1, text: 'Kalibr Director Alexey Rodos spoke.\n\nHe said more.' });
    const all = extractJsonLine(line, 0);
    const none = extractJsonLine(line, 1.01);
    if ('error' in all || 'error' in none) throw new Error('extract failed');
    expect(all.relations.length).toBeGreaterThan(0);
    expect(none.relations).toEqual([]);
    expect(none.entities).toEqual(all.entities);
  });
});

describe('--min-confidence decides what is written', () => {
  it.each([
    [0, true],
    [1.01, false],
  ])('ingest of a text at %s writes facts: %s', async (min, some) => {
    const r = await ingestItem({ kind: 'text', name: 't', text: TEXT }, new MemorySink(), {}, undefined, min);
    expect(r.entities).toBeGreaterThan(0);
    expect(r.facts > 0).toBe(some);
  });

  it('applies to already-extracted documents too', async () => {
    const doc = extractOne(Buffer.from(TEXT), { text: true, minConfidence: 0 });
    if (!doc.article) throw new Error('no article');
    const item = { kind: 'doc' as const, name: 'd', doc: { ...doc, article: doc.article } };
    expect(doc.relations.length).toBeGreaterThan(0);
    expect((await ingestItem(item, new MemorySink(), {}, undefined, 0)).facts).toBeGreaterThan(0);
    expect((await ingestItem(item, new MemorySink(), {}, undefined, 1.01)).facts).toBe(0);
  });

  it('is passed by the worker path (processArticle deps)', async () => {
    const article = articleFromText(TEXT);
    expect(
      (await processArticle(article, { sink: new MemorySink(), minConfidence: 0 })).facts,
    ).toBeGreaterThan(0);
    expect((await processArticle(article, { sink: new MemorySink(), minConfidence: 1.01 })).facts).toBe(0);
  });
});
