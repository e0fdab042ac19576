/**
 * The sink contract, run unchanged on memory, real embedded LadybugDB and real Neo4j: idempotent writes, exact
 * replacement, all-or-nothing transactions, concurrent writers, saved queries, read-only queries.
 * Every sink must also produce exactly the graph the memory sink produces.
 */
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import {
  assertReadOnly,
  bindSavedParams,
  type GraphSnapshot,
  type GraphWrite,
  MemorySink,
  savedQuery,
  type WriteSummary,
  writeAll,
} from '../../src/graph/index.js';
import { factKeyOf } from '../../src/graph/plan.js';
import { runCli } from './cli-run.js';
import { syntheticWrite, variantWrite, writeA, writeB } from './fixtures.js';
import { embeddedHarness, type Harness, memoryHarness, neo4jHarness, type OpenSink } from './harnesses.js';

function expected(writes: GraphWrite[]): Promise<GraphSnapshot> {
  const sink = new MemorySink();
  return writes
    .reduce((p, w) => p.then(() => sink.write(w)), Promise.resolve({} as unknown))
    .then(() => sink.snapshot());
}

const relOf = (snap: GraphSnapshot, type: string) => snap.relationships[type] ?? [];

const harnesses: Harness[] = [memoryHarness(), embeddedHarness(), neo4jHarness()];

// Neo4j's first test pays its cold start, and a loaded 2-core CI box makes every test slower.
describe.each(harnesses)('$name sink', { timeout: 120_000 }, (h) => {
  let open: OpenSink | undefined;
  const start = async (options?: Parameters<Harness['open']>[0]) => {
    open = await h.open(options);
    return open;
  };
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

  it('writes the model: article, entities (not dates), mentions, facts with evidence', async () => {
    const { sink, snapshot } = await start();
    const summary = await sink.write(writeA());
    expect(summary).toMatchObject({ entities: 5, facts: 4 });
    const snap = await snapshot();
    expect(snap).toEqual(await expected([writeA()]));
    expect(snap.nodes.Article).toHaveLength(1);
    expect(snap.nodes.Person?.map((p) => p.name).sort()).toEqual(['Alexey Rodos', 'Gholamhoseyn Khaje']);
    expect(snap.nodes.Person?.find((p) => p.name === 'Alexey Rodos')).toMatchObject({
      type: 'Person',
      aliases: ['Rodos'],
      names: ['alexey rodos', 'rodos'],
    });
    expect(snap.nodes.Evidence).toHaveLength(4);
    expect(relOf(snap, 'MENTIONS')).toHaveLength(5);
    expect(relOf(snap, 'DIRECTS').map((f) => [f.from, f.to, f.role ?? null])).toEqual([
      ['Person:alexey rodos', 'Organization:kalibr', 'director'],
      ['Person:gholamhoseyn khaje', 'Organization:shahid chamran university', null],
    ]);
  });

  it('is idempotent: the same article twice leaves identical nodes, relationships and properties', async () => {
    const { sink, snapshot } = await start();
    await sink.write(writeA());
    await sink.write(writeB());
    const once = await snapshot();
    await sink.write(writeA());
    await sink.write(writeB());
    const twice = await snapshot();
    expect(twice.counts).toEqual(once.counts);
    expect(twice).toEqual(once);
    expect(once).toEqual(await expected([writeA(), writeB()]));
  });

  it('writes nothing when an article is re-ingested unchanged (one keyed read of its write hash)', async () => {
    const statements: string[] = [];
    const { sink, snapshot } = await start({ onStatement: (t) => statements.push(t) });
    await sink.write(writeA());
    const once = await snapshot();
    statements.length = 0;
    // A later extraction time alone is no change.
    const again = await sink.write({
      ...writeA(),
      article: { ...writeA().article, extractedAt: '2031-01-01T00:00:00Z' },
    });
    expect(again).toMatchObject({ unchanged: true, entities: 5, facts: 4 });
    expect(statements).toHaveLength(1);
    expect(statements[0]).toMatch(/^(MATCH \(a:Article \{id: \$id\}\) RETURN a\.writeHash|read-write-hash)/);
    expect(await snapshot()).toEqual(once);
  });

  it('says which entities and facts of an article are new, updated or unchanged in the graph', async () => {
    const { sink } = await start();
    const a = await sink.write(writeA());
    expect(Object.values(a.changes!.entities)).toEqual(Array(5).fill('new'));
    expect(Object.values(a.changes!.facts)).toEqual(Array(4).fill('new'));
    const b = await sink.write(writeB());
    const reference = new MemorySink();
    await reference.write(writeA());
    expect(b.changes).toEqual((await reference.write(writeB())).changes);
    // B restates a fact of A (a second article: updated) and names new entities (new).
    expect(b.changes!.facts).toMatchObject({
      [factKeyOf('DIRECTS', 'Person:alexey rodos', 'Organization:kalibr')]: 'updated',
    });
    expect(Object.values(b.changes!.entities)).toContain('new');
    const v2 = await sink.write(writeA(2));
    expect(v2.unchanged).toBeUndefined();
    expect(v2.changes).toEqual((await reference.write(writeA(2))).changes);
  });

  it('bulk path: many articles in one transaction give the graph of one write each', async () => {
    const { sink, snapshot } = await start();
    const writes = [
      writeA(1),
      writeB(),
      ...Array.from({ length: 12 }, (_, i) => syntheticWrite(i, 5)),
      writeA(2),
    ];
    const results = await writeAll(sink, writes);
    expect(results.filter((r) => r instanceof Error)).toEqual([]);
    expect(await snapshot()).toEqual(await expected(writes));
    expect((results[results.length - 1] as WriteSummary).changes).toBeDefined();
    const again = await writeAll(sink, writes.slice(1));
    expect(again.map((r) => (r as WriteSummary).unchanged)).toEqual(writes.slice(1).map(() => true));
  });

  it('bulk path: a large batch (long row lists) gives the graph of one write each', async () => {
    const statements: string[] = [];
    const { sink, snapshot } = await start({ onStatement: (t) => statements.push(t) });
    const writes = Array.from({ length: 60 }, (_, i) => syntheticWrite(i, 25));
    const results = await writeAll(sink, writes);
    expect(results.filter((r) => r instanceof Error)).toEqual([]);
    expect(await snapshot()).toEqual(await expected(writes));
    // Embedded: the batch path, not the one-by-one fallback after a failed batch.
    if (h.name === 'embedded')
      expect(statements.some((t) => t.includes('{id: $id}) RETURN a.writeHash'))).toBe(false);
  });

  it('bulk path: a bad article fails alone, the others of its batch are written', async () => {
    const { sink, snapshot } = await start();
    const bad = { ...writeB(), relations: [{ ...writeB().relations[0]!, type: 'NOT_A_TYPE' as 'DIRECTS' }] };
    const results = await writeAll(sink, [writeA(), bad, syntheticWrite(1, 5)]);
    expect(results.map((r) => r instanceof Error)).toEqual([false, true, false]);
    expect(await snapshot()).toEqual(await expected([writeA(), syntheticWrite(1, 5)]));
  });

  it('stores each fact once however many articles state it', async () => {
    const { sink, snapshot } = await start();
    await sink.write(writeA());
    await sink.write(writeB());
    const directs = relOf(await snapshot(), 'DIRECTS');
    const rodos = directs.filter((f) => f.from === 'Person:alexey rodos');
    expect(rodos).toHaveLength(1);
    expect(rodos[0]).toMatchObject({ articles: 2, evidence: 2, role: 'director', confidence: 0.9 });
  });

  it('replaces a changed article exactly: unsupported facts and orphan entities go, shared ones stay', async () => {
    const { sink, snapshot } = await start();
    await sink.write(writeA(1));
    await sink.write(writeB());
    await sink.write(writeA(2));
    const snap = await snapshot();
    // Same graph as if version 1 had never been written.
    expect(snap).toEqual(await expected([writeB(), writeA(2)]));
    expect(relOf(snap, 'BASED_IN').map((f) => f.from)).toEqual(['Organization:yandex']);
    expect(snap.nodes.Person?.map((p) => p.name)).toEqual(['Alexey Rodos']);
    expect(snap.nodes.Place?.map((p) => p.name)).toEqual(['Moscow']);
    const partners = relOf(snap, 'PARTNERS_WITH');
    expect(partners).toEqual([expect.objectContaining({ articles: 1, label: 'software' })]);
    const rodos = relOf(snap, 'DIRECTS')[0];
    expect(rodos).toMatchObject({ articles: 2, role: 'director' });
  });

  it('keeps the stored tallies exact through re-ingests that change names, roles and confidences', async () => {
    let othersRead = 0; // the rare path: the evidence a fact showed went, so the others' evidence is read
    const { sink, snapshot } = await start({
      onStatement: (text) => {
        if (/e\.articleId <> \$id/.test(text)) othersRead++;
      },
    });
    const ops: Array<[number, 0 | 1 | 2]> = [
      [0, 0],
      [1, 0],
      [2, 1],
      [0, 1],
      [3, 2],
      [1, 2],
      [0, 0],
      [4, 1],
      [2, 0],
      [1, 1],
      [5, 0],
      [3, 0],
      [4, 2],
    ];
    const latest = new Map<number, GraphWrite>();
    for (const [i, v] of ops) {
      const w = variantWrite(i, v);
      await sink.write(w);
      latest.set(i, w);
    }
    const snap = await snapshot();
    // The same graph as writing only each article's last version, in any order, from scratch.
    expect(snap).toEqual(await expected([...latest.values()]));
    expect(snap).toEqual(await expected([...latest.values()].reverse()));
    if (h.name !== 'memory') expect(othersRead).toBeGreaterThan(0);
  });

  it('bulk path: batches of changing re-ingests give the graph and the changes of one write each', async () => {
    const statements: string[] = [];
    const { sink, snapshot } = await start({ onStatement: (t) => statements.push(t) });
    // Batches share entities and facts, re-ingest changed versions (names, roles, confidences), orphan
    // entities and drop facts, and repeat an article inside one batch.
    const v = (ops: Array<[number, 0 | 1 | 2]>) => ops.map(([i, version]) => variantWrite(i, version));
    const batches: GraphWrite[][] = [
      [
        writeA(1),
        ...v([
          [0, 0],
          [1, 0],
          [2, 1],
          [0, 1],
        ]),
      ],
      [
        ...v([
          [3, 2],
          [1, 2],
          [0, 0],
          [4, 1],
          [2, 0],
        ]),
        writeB(),
      ],
      [
        ...v([
          [1, 1],
          [5, 0],
          [3, 0],
          [4, 2],
          [5, 2],
          [0, 2],
        ]),
        writeA(2),
      ],
      v([
        [1, 1],
        [2, 0],
      ]),
    ];
    const reference = new MemorySink();
    for (const writes of batches) {
      const results = await writeAll(sink, writes);
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
      expect(await snapshot()).toEqual(reference.snapshot());
    }
    if (h.name === 'embedded') {
      // The batch path ran (one statement set per batch), not the one-by-one fallback.
      expect(
        statements.filter((t) => /^UNWIND \$keys AS k MATCH \(a:Article.*writeHash/.test(t)),
      ).toHaveLength(6);
      expect(statements.some((t) => t.startsWith('MATCH (a:Article {id: $id}) RETURN a.writeHash'))).toBe(
        false,
      );
      expect(statements.some((t) => /e\.articleId <> \$id/.test(t))).toBe(true);
    }
  });

  it('replaces and re-ingests exactly after the store was closed and reopened', async () => {
    const first = await start();
    await first.sink.write(writeA(1));
    await first.sink.write(writeB());
    await first.close();
    const second = await start();
    await second.sink.write(writeA(2));
    const once = await second.snapshot();
    await second.sink.write(writeA(2));
    expect(await second.snapshot()).toEqual(once);
    expect(once).toEqual(await expected([writeB(), writeA(2)]));
  });

  it('is all or nothing: a write that fails midway leaves the graph as it was', async () => {
    const first = await start();
    await first.sink.write(writeA());
    const before = await first.snapshot();
    await first.close();
    // Fail at the evidence step: the article, entities, mentions and facts are already written by then.
    let armed = true;
    const failing = await start({
      onStatement: (text) => {
        if (armed && /^evidence$|:STATES\]->\(:Evidence/.test(text)) {
          armed = false;
          throw new Error('injected failure');
        }
      },
    });
    await expect(failing.sink.write(writeB())).rejects.toThrow(/injected failure/);
    expect(await failing.snapshot()).toEqual(before);
    await expect(failing.sink.write(writeA(2))).resolves.toBeDefined(); // the sink is still usable
    expect(before).toEqual(await expected([writeA()]));
    expect(await failing.snapshot()).toEqual(await expected([writeA(), writeA(2)]));
  });

  it('takes concurrent writers without duplicate entities', async () => {
    const a = await start();
    const b = h.name === 'embedded' ? a : await h.open(); // Neo4j: a second driver, like a second worker
    const writes = Array.from({ length: 16 }, (_, i) => syntheticWrite(i, 8));
    // The embedded store allows one writer per file, so its second "worker" is the same sink (writes are queued).
    const second = h.name === 'embedded' ? a.sink : b.sink;
    try {
      await Promise.all(writes.map((w, i) => (i % 2 ? second : a.sink).write(w)));
    } finally {
      if (h.name === 'neo4j') await b.close();
    }
    const snap = await a.snapshot();
    const keys = Object.values(snap.nodes).flatMap((rows) => rows.map((r) => r.key ?? r.id));
    expect(new Set(keys).size).toBe(keys.length);
    expect(snap).toEqual(await expected(writes));
  });

  it('takes concurrent re-ingests that change shared entities and facts', async () => {
    const a = await start();
    const b = h.name === 'neo4j' ? await h.open() : a;
    const round = async (v: 0 | 1 | 2) => {
      const writes = Array.from({ length: 12 }, (_, i) => variantWrite(i, v));
      await Promise.all(writes.map((w, i) => (i % 2 ? b.sink : a.sink).write(w)));
      return writes;
    };
    try {
      await round(0);
      await round(1); // every article again: other main names, another town (entities only v0 had)
      const last = await round(2);
      expect(await a.snapshot()).toEqual(await expected(last));
    } finally {
      if (h.name === 'neo4j') await b.close();
    }
  });

  it('answers the saved queries, facts with their evidence, on the same Cypher text', async (ctx) => {
    const { sink, query } = await start();
    if (!query) return ctx.skip('skipped: the memory sink has no Cypher engine');
    await sink.write(writeA());
    await sink.write(writeB());
    const run = (name: string, params: Record<string, string> = {}) => {
      const q = savedQuery(name);
      return query(q.cypher, bindSavedParams(q, params));
    };
    expect(await run('who-directs')).toEqual([
      { person: 'Alexey Rodos', role: 'director', organization: 'Kalibr', articles: 2, confidence: 0.9 },
      {
        person: 'Gholamhoseyn Khaje',
        role: null,
        organization: 'Shahid Chamran University',
        articles: 1,
        confidence: 1,
      },
    ]);
    const partners = await run('partners', { org: 'KALIBR' });
    expect(partners.map((r) => [r.partner, r.article])).toEqual([
      ['Shahid Chamran University', 'Kalibr and Yandex'],
      ['Shahid Chamran University', 'Kalibr goes to Iran'],
    ]);
    expect(
      partners.every((r) => typeof r.evidence === 'string' && r.evidence.includes('partners with')),
    ).toBe(true);
    const stating = await run('articles-stating', {
      subject: 'Rodos',
      object: 'Kalibr',
      relation: 'DIRECTS',
    });
    expect(stating.map((r) => r.article)).toEqual(['Kalibr and Yandex', 'Kalibr goes to Iran']);
    const about = await run('about', { name: 'Kalibr' });
    expect(about).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ hop: 1, subject: 'Alexey Rodos', relation: 'DIRECTS', object: 'Kalibr' }),
        expect.objectContaining({ hop: 2, subject: 'Gholamhoseyn Khaje', relation: 'DIRECTS' }),
        expect.objectContaining({ hop: 0, relation: 'MENTIONS', subject: 'Kalibr goes to Iran' }),
      ]),
    );
    const top = await run('top-mentioned', { from: '2025-05-02', to: '2025-06-01', limit: '2' });
    expect(top).toEqual([
      { type: 'Organization', entity: 'Kalibr', mentions: 2, articles: 1 },
      { type: 'Person', entity: 'Alexey Rodos', mentions: 1, articles: 1 },
    ]);
  });

  it('runs `newsgraph ingest` twice and `newsgraph query --saved` against this store', {
    timeout: 120_000,
  }, async (ctx) => {
    if (!h.cli) return ctx.skip('skipped: the memory sink is not reachable from the CLI');
    const { args, env } = h.cli();
    const seed = 'fixtures/texts/seed-kalibr.txt';
    const first = await runCli(['ingest', seed, ...args], env);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain(`into ${h.name}:`);
    const counts = async () => {
      const opened = await h.open(); // closed again at once: the embedded store admits one process at a time
      try {
        return (await opened.snapshot()).counts;
      } finally {
        await opened.close();
      }
    };
    const once = await counts();
    await runCli(['ingest', seed, ...args], env);
    expect(await counts()).toEqual(once);
    const who = await runCli(['query', '--saved', 'who-directs', '--format', 'json', ...args], env);
    expect(who.code, who.stderr).toBe(0);
    expect(JSON.parse(who.stdout)).toEqual(
      expect.arrayContaining([expect.objectContaining({ person: 'Alexey Rodos', organization: 'Kalibr' })]),
    );
    const refused = await runCli(['query', 'MATCH (n) DETACH DELETE n', ...args], env);
    expect(refused.code).toBe(2);
  });

  it('refuses writes in queries, before the database and in the database', async (ctx) => {
    const opened = await start();
    if (!opened.reader) return ctx.skip('skipped: the memory sink has no Cypher engine');
    await opened.sink.write(writeA());
    const write = "MATCH (p:Person) SET p.name = 'x' RETURN p";
    expect(() => assertReadOnly(write)).toThrow(/read-only: refusing SET/);
    const reader = await opened.reader();
    await expect(reader.query(write)).rejects.toThrow(/read|write/i);
    await expect(reader.query("CREATE (:Person {key: 'Person:x'})")).rejects.toThrow(/read|write/i);
    expect(await reader.query('MATCH (p:Person) RETURN p.name AS name ORDER BY name')).toEqual([
      { name: 'Alexey Rodos' },
      { name: 'Gholamhoseyn Khaje' },
    ]);
    if ((reader as unknown) !== opened.sink) await reader.close();
  });
});
