/**
 * The per-fact tallies the explorer reads (publishers, first/last seen, best sentences): the pure
 * update equals a from-scratch tally, and every store keeps them exact through re-ingests that change
 * an article's publisher, date and sentences (compared with the memory sink, which derives from scratch).
 */
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import {
  type ArticleSource,
  type FactTally,
  type RankedEvidence,
  TOP_EVIDENCE,
  tallyFact,
  updateTally,
} from '../../src/graph/fact-tally.js';
import { MemorySink, writeAll } from '../../src/graph/index.js';
import { toGraphWrite } from '../../src/graph/to-graph-write.js';
import type { GraphWrite, WriteSummary } from '../../src/graph/types.js';
import { makeArticle, makeDoc } from './fixtures.js';
import { embeddedHarness, type Harness, memoryHarness, neo4jHarness, type OpenSink } from './harnesses.js';

type Ev = RankedEvidence & { articleId: string };

/** A seeded PRNG (mulberry32): the same cases every run. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('updateTally', () => {
  it('equals the from-scratch tally after any replacement, or says it must read the others', () => {
    const rand = prng(7);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
    const publishers = ['', 'a.test', 'b.test', 'c.test'];
    const dates = ['2025-01-01', '2025-01-02', '2025-01-03', '2025-01-04'];
    let needed = 0;
    let answered = 0;
    for (let round = 0; round < 3000; round++) {
      // A fact stated by up to 6 articles, 1-3 sentences each; then article 0 is replaced.
      const n = 1 + Math.floor(rand() * 6);
      const sources = new Map<string, ArticleSource>();
      const evidence: Ev[] = [];
      const sentences = (articleId: string): Ev[] =>
        Array.from({ length: Math.floor(rand() * 4) }, (_, k) => ({
          articleId,
          id: `${articleId}-${k}-${Math.floor(rand() * 3)}`,
          confidenceMicro: pick([500_000, 700_000, 900_000]),
        }));
      for (let a = 0; a < n; a++) {
        sources.set(`a${a}`, { publisher: pick(publishers), date: pick(dates) });
        evidence.push(...sentences(`a${a}`));
      }
      const before = tallyFact(evidence, sources);
      const removed = evidence.filter((e) => e.articleId === 'a0');
      const added = rand() < 0.3 ? [] : [...removed.filter(() => rand() < 0.5), ...sentences('a0')];
      const unique = [...new Map(added.map((e) => [e.id, e])).values()];
      const source = rand() < 0.5 ? sources.get('a0')! : { publisher: pick(publishers), date: pick(dates) };
      const after = [...evidence.filter((e) => e.articleId !== 'a0'), ...unique];
      const afterSources = new Map(sources).set('a0', source);
      const expected = tallyFact(after, afterSources);
      const got = updateTally(
        before,
        removed.length ? { source: sources.get('a0')!, evidence: removed } : undefined,
        unique.length ? { source, evidence: unique } : undefined,
        { articles: new Set(after.map((e) => e.articleId)).size, evidence: after.length },
      );
      if (got === undefined) needed++;
      else {
        answered++;
        expect(got).toEqual(expected);
      }
    }
    // Both paths are exercised: mostly answered from the stored tally, sometimes a read is needed.
    expect(answered).toBeGreaterThan(2000);
    expect(needed).toBeGreaterThan(20);
  });

  it('keeps the best sentences in the order of bestEvidence, at most TOP_EVIDENCE', () => {
    const evidence: Ev[] = [5, 9, 7, 9, 3].map((c, i) => ({
      articleId: `a${i % 2}`,
      id: `e${i}`,
      confidenceMicro: c * 100_000,
    }));
    const t = tallyFact(evidence, new Map()) as FactTally;
    expect(t.topEvidence).toEqual(['e1', 'e3', 'e2'].slice(0, TOP_EVIDENCE));
    expect(t.topConfidence).toEqual([900_000, 900_000, 700_000].slice(0, TOP_EVIDENCE));
    expect(t.publishers).toEqual(['']); // no known publisher: counted under '' (lists are never empty)
  });
});

/**
 * Article `i` (one URL, so one article) in version `v`: its site name (none: the URL's host), date
 * (none: the extraction date) and sentences and their confidences change with `v`.
 */
function sourcedWrite(i: number, v: number): GraphWrite {
  const org = `Firm${i % 2} Ltd`;
  const town = 'Harbourtown';
  const text = `Mira Vale directs ${org}. ${org} is based in ${town}. Mira Vale leads ${org} still.`;
  const directs = (k: number) => ({
    type: 'DIRECTS' as const,
    subject: 'Mira Vale',
    object: org,
    role: 'director',
    confidence: [0.5, 0.6, 0.7, 0.8, 0.9][(i + v + k) % 5],
    rule: `rule-${k}`,
  });
  const doc = makeDoc(
    text,
    [
      { type: 'Person', name: 'Mira Vale' },
      { type: 'Organization', name: org },
      { type: 'Place', name: town },
    ],
    [
      ...Array.from({ length: 1 + ((i + v) % 3) }, (_, k) => directs(k)),
      { type: 'BASED_IN', subject: org, object: town, confidence: 0.7 },
    ],
  );
  const date = v % 4 === 3 ? null : `2025-0${1 + ((i + v) % 4)}-1${v % 3}T00:00:00Z`;
  const article = {
    ...makeArticle(`https://news.test/a/${i}`, `Sourced ${i}`, text, date),
    siteName: v % 3 === 2 ? null : `Site ${(i * v) % 3}`,
  };
  return toGraphWrite(article, doc, { extractedAt: `2025-05-0${1 + (v % 5)}T00:00:00Z` });
}

function expected(writes: GraphWrite[]) {
  const sink = new MemorySink();
  return writes
    .reduce((p, w) => p.then(() => sink.write(w)), Promise.resolve({} as unknown))
    .then(() => sink.snapshot());
}

const harnesses: Harness[] = [memoryHarness(), embeddedHarness(), neo4jHarness()];

describe.each(harnesses)('$name sink: per-fact tallies', { timeout: 180_000 }, (h) => {
  let open: OpenSink | undefined;
  beforeEach(async (ctx) => {
    const why = h.skip();
    if (why) ctx.skip(why);
    await h.reset();
    return async () => {
      await open?.close();
      open = undefined;
    };
  });
  afterAll(() => h.cleanup());

  it('keeps publishers, first/last seen and best sentences exact through re-ingests that change them', async () => {
    let othersRead = 0;
    open = await h.open({
      onStatement: (text) => {
        if (/e\.articleId <> \$id/.test(text)) othersRead++;
      },
    });
    const rand = prng(3);
    const latest = new Map<number, GraphWrite>();
    for (let step = 0; step < 40; step++) {
      const i = Math.floor(rand() * 6);
      const w = sourcedWrite(i, Math.floor(rand() * 6));
      await open.sink.write(w);
      latest.set(i, w);
    }
    const snap = await open.snapshot();
    expect(snap).toEqual(await expected([...latest.values()]));
    expect(snap).toEqual(await expected([...latest.values()].reverse()));
    // The tallies are not trivial: several publishers and dates, a full list of best sentences.
    const directs = snap.relationships.DIRECTS ?? [];
    expect(directs.some((f) => (f.publishers as string[]).filter(Boolean).length > 1)).toBe(true);
    expect(directs.some((f) => f.firstSeen !== f.lastSeen)).toBe(true);
    expect(directs.some((f) => (f.topEvidence as string[]).length === TOP_EVIDENCE)).toBe(true);
    if (h.name !== 'memory') expect(othersRead).toBeGreaterThan(0);
  });

  it('the bulk path (writeAll) keeps the tallies, and reports the changes, exactly as one write each', async () => {
    const statements: string[] = [];
    open = await h.open({ onStatement: (text) => statements.push(text) });
    const rand = prng(11);
    const reference = new MemorySink();
    // Batches of re-ingests that change publishers, dates and sentences, some repeating an article
    // within the batch; each compared after it is committed with the same writes made one by one.
    for (let batch = 0; batch < 10; batch++) {
      const writes = Array.from({ length: 1 + Math.floor(rand() * 8) }, () =>
        sourcedWrite(Math.floor(rand() * 7), Math.floor(rand() * 6)),
      );
      const results = await writeAll(open.sink, writes);
      for (const [k, w] of writes.entries()) {
        const want = await reference.write(w);
        const got = results[k] as WriteSummary;
        expect(got).not.toBeInstanceOf(Error);
        expect([got.entities, got.facts, got.unchanged, got.changes]).toEqual([
          want.entities,
          want.facts,
          want.unchanged,
          want.changes,
        ]);
      }
      expect(await open.snapshot()).toEqual(reference.snapshot());
    }
    const directs = (await open.snapshot()).relationships.DIRECTS ?? [];
    expect(directs.some((f) => (f.publishers as string[]).filter(Boolean).length > 1)).toBe(true);
    expect(directs.some((f) => f.firstSeen !== f.lastSeen)).toBe(true);
    if (h.name === 'embedded') {
      // The batch path ran (not the one-by-one fallback), and it had to read other articles' evidence.
      expect(statements.some((t) => /^UNWIND \$keys AS k MATCH \(a:Article.*writeHash/.test(t))).toBe(true);
      expect(statements.some((t) => t.startsWith('MATCH (a:Article {id: $id}) RETURN a.writeHash'))).toBe(
        false,
      );
      expect(statements.some((t) => /e\.articleId <> \$id/.test(t))).toBe(true);
    }
  });
});
