/**
 * `reprocess` on the real embedded store (Kùzu) and the real filesystem page store: selection by
 * extractor version, the dry-run graph diff, resuming an interrupted run, and the end state equal to
 * a fresh ingest with the current rules.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articleFromText, extractArticle } from '../../src/article/index.js';
import { EXTRACTOR_VERSION } from '../../src/core/extractor-version.js';
import type { Article, Document } from '../../src/core/index.js';
import { contributionOf, diffGraph, formatDiff } from '../../src/crawl/graph-diff.js';
import { type ArticleSource, withSourceUrl } from '../../src/crawl/process.js';
import {
  countOutdated,
  diffReprocess,
  planReprocess,
  readStoredArticles,
  runReprocess,
  selectArticles,
  selectionKey,
} from '../../src/crawl/reprocess.js';
import { readSnapshot, toGraphWrite } from '../../src/graph/index.js';
import { openKuzuReader, openKuzuSink } from '../../src/graph/kuzu.js';
import { factKeyOf } from '../../src/graph/plan.js';
import { analyze } from '../../src/nlp/index.js';
import { FsPageStore, openCheckpoint } from '../../src/pages/index.js';
import { runCli } from '../graph/cli-run.js';

const dir = mkdtempSync(join(tmpdir(), 'newsgraph-reprocess-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const OLD_VERSION = '0.0.1+old';
/** The "old rules" of this test: they found no DIRECTS fact. */
const OLD_RULES_DROP = 'DIRECTS';

interface Input {
  article: Article;
  doc: Document;
  source: ArticleSource;
}

function inputs(): Input[] {
  const pages = readdirSync('fixtures/pages').map((slug) => {
    const body = readFileSync(join('fixtures/pages', slug, 'source.html'));
    const article = withSourceUrl(extractArticle({ html: body }), undefined);
    return { article, source: { kind: 'html' as const, body, url: null } };
  });
  const text = readFileSync('fixtures/texts/seed-kalibr.txt');
  const seed = {
    article: articleFromText(text.toString('utf8')),
    source: { kind: 'text' as const, body: text, url: null },
  };
  return [...pages, seed].map((i) => ({ ...i, doc: analyze(i.article.text, { title: i.article.title }) }));
}

/** Write every input: all but the last as the old rules would have, the last with the current ones. */
async function seedGraph(db: string, pages: FsPageStore, all: Input[]): Promise<void> {
  const sink = await openKuzuSink({ path: db });
  await sink.ensureSchema();
  try {
    for (const [i, input] of all.entries()) {
      const current = i === all.length - 1;
      const doc = current
        ? input.doc
        : { ...input.doc, relations: input.doc.relations.filter((r) => r.type !== OLD_RULES_DROP) };
      const write = toGraphWrite(input.article, doc, current ? {} : { extractorVersion: OLD_VERSION });
      await pages.put({ articleId: write.article.id, ...input.source });
      await sink.write(write);
    }
  } finally {
    await sink.close();
  }
}

async function withReader<T>(db: string, f: (r: Awaited<ReturnType<typeof openKuzuReader>>) => Promise<T>) {
  const reader = await openKuzuReader({ path: db });
  try {
    return await f(reader);
  } finally {
    await reader.close();
  }
}

/** The graph without the extraction times (they differ between any two runs). */
async function snapshotOf(db: string) {
  const snap = await withReader(db, (r) => readSnapshot((t) => r.query(t)));
  snap.nodes.Article = (snap.nodes.Article ?? []).map(({ extractedAt: _, ...rest }) => rest);
  // A fact's first/last seen fall back to the ingest date for articles without a published date: as
  // time-dependent as `extractedAt` itself.
  for (const [type, rels] of Object.entries(snap.relationships))
    snap.relationships[type] = rels.map(
      ({ firstSeen: _f, firstSeenArticles: _fa, lastSeen: _l, lastSeenArticles: _la, ...rest }) => rest,
    );
  return snap;
}

describe('reprocess on Kùzu', () => {
  const db = join(dir, 'graph.kuzu');
  const pages = new FsPageStore(join(dir, 'pages'));
  let all: Input[];

  beforeAll(async () => {
    all = inputs();
    await seedGraph(db, pages, all);
  }, 120_000);

  it('counts and selects the articles another extractor version wrote', async () => {
    const counts = await withReader(db, (r) => countOutdated(r));
    expect(counts).toEqual({ articles: all.length, outdated: all.length - 1 });
    const stored = await withReader(db, readStoredArticles);
    expect(selectArticles(stored, {})).toHaveLength(all.length - 1);
    expect(selectArticles(stored, { all: true })).toHaveLength(all.length);
    expect(selectArticles(stored, { since: '2999-01-01T00:00:00.000Z' })).toHaveLength(0);
  });

  it('prints the graph diff of a dry run and writes nothing', { timeout: 120_000 }, async () => {
    const before = await snapshotOf(db);
    const { diff, failed } = await withReader(db, async (r) => {
      const plan = await planReprocess(selectArticles(await readStoredArticles(r), {}), pages);
      expect(plan.missing).toEqual([]);
      return diffReprocess(r, plan.todo, pages);
    });
    expect(failed).toEqual([]);
    // Expected: every DIRECTS fact of the outdated articles is added, unless the current article states
    // it already: then it stays and gains their evidence (changed).
    const keysOf = (doc: Document) =>
      doc.relations
        .filter((r) => r.type === OLD_RULES_DROP)
        .map((r) => {
          const key = (id: string) => doc.entities.find((e) => e.id === id)!.key;
          return factKeyOf(r.type, key(r.subject), key(r.object));
        });
    const known = new Set(keysOf(all[all.length - 1]!.doc));
    const outdated = new Set(all.slice(0, -1).flatMap((i) => keysOf(i.doc)));
    const expected = new Set([...outdated].filter((k) => !known.has(k)));
    const gaining = [...outdated].filter((k) => known.has(k)).length;
    expect(expected.size).toBeGreaterThan(0);
    expect(diff.facts[OLD_RULES_DROP]).toEqual({ added: expected.size, removed: 0, changed: gaining });
    expect(Object.keys(diff.facts)).toEqual([OLD_RULES_DROP]);
    expect(formatDiff(diff)).toMatch(new RegExp(`${OLD_RULES_DROP}\\s+${expected.size}\\s+0\\s+${gaining}`));
    expect(await snapshotOf(db)).toEqual(before);
  });

  it('resumes an interrupted run and ends equal to a fresh ingest', { timeout: 180_000 }, async () => {
    const selection = { all: true };
    const first = await openCheckpoint(pages.dir, selectionKey(selection));
    const stop = new AbortController();
    const todo1 = await withReader(
      db,
      async (r) =>
        (await planReprocess(selectArticles(await readStoredArticles(r), selection), pages, first)).todo,
    );
    const sink = await openKuzuSink({ path: db });
    try {
      const report = await runReprocess(todo1, {
        sink,
        pages,
        checkpoint: first,
        signal: stop.signal,
        onArticle: () => {
          if (readFileSync(first.path, 'utf8').split('\n').length > 2) stop.abort(); // 2 done: "crash"
        },
      });
      expect(report).toMatchObject({ written: 2, stopped: true, failed: [] });

      const again = await openCheckpoint(pages.dir, selectionKey(selection));
      expect(again.done.size).toBe(2);
      const plan = await withReader(db, async (r) =>
        planReprocess(selectArticles(await readStoredArticles(r), selection), pages, again),
      );
      expect(plan.resumed).toBe(2);
      expect(plan.todo).toHaveLength(all.length - 2);
      const rest = await runReprocess(plan.todo, { sink, pages, checkpoint: again });
      expect(rest).toMatchObject({ written: all.length - 2, stopped: false, failed: [] });
      await again.finish();
      expect(existsSync(again.path)).toBe(false);
    } finally {
      await sink.close();
    }
    expect(await withReader(db, (r) => countOutdated(r))).toEqual({ articles: all.length, outdated: 0 });

    const fresh = join(dir, 'fresh.kuzu');
    const freshSink = await openKuzuSink({ path: fresh });
    await freshSink.ensureSchema();
    for (const input of all) await freshSink.write(toGraphWrite(input.article, input.doc));
    await freshSink.close();
    expect(await snapshotOf(db)).toEqual(await snapshotOf(fresh));
  });

  it('keeps one compressed blob per distinct content', async () => {
    const records = [];
    for await (const r of pages.records()) records.push(r);
    expect(records).toHaveLength(all.length);
    const first = records[0]!;
    const again = await pages.put({
      articleId: 'a-copy',
      kind: first.kind,
      url: null,
      body: await pages.read(first),
    });
    expect(again.sha256).toBe(first.sha256);
    const blobs = readdirSync(join(pages.dir, 'blobs'), { recursive: true }).filter((f) =>
      String(f).endsWith('.gz'),
    );
    expect(blobs).toHaveLength(new Set(records.map((r) => r.sha256)).size);
  });
});

/** `newsgraph ingest` of two fixture articles (a page and a text) into `db`. */
const ingestTwoFixtures = (db: string) =>
  runCli([
    'ingest',
    'fixtures/pages/seed-wordpress/source.html',
    'fixtures/texts/seed-kalibr.txt',
    '--db',
    db,
  ]);

describe('newsgraph reprocess (CLI)', () => {
  it('reprocesses what ingest stored, and nothing when all is current', { timeout: 120_000 }, async () => {
    const db = join(dir, 'cli.kuzu');
    const ingest = await ingestTwoFixtures(db);
    expect(ingest.code).toBe(0);
    expect(existsSync(`${db}.pages`)).toBe(true);
    const none = await runCli(['reprocess', '--db', db]);
    expect(none).toMatchObject({ code: 0 });
    expect(none.stdout).toContain(`0 article(s) selected (extractor ${EXTRACTOR_VERSION})`);
    const dry = await runCli(['reprocess', '--all', '--dry-run', '--db', db]);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('2 article(s) selected');
    expect(dry.stdout).toContain('entities: no change');
    expect(dry.stdout).toContain('facts: no change');
    const run = await runCli(['reprocess', '--all', '--db', db, '--json']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ selected: 2, written: 2, failed: [], stopped: false });
    const bad = await runCli(['reprocess', '--since', 'last tuesday', '--db', db]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--since expects a date');
  });

  const script = ['/usr/bin/script', '/bin/script'].find((p) => existsSync(p));
  it.skipIf(!script)(
    'shows a progress bar on a terminal (util-linux `script` gives it one)',
    { timeout: 120_000 },
    async () => {
      const db = join(dir, 'cli-tty.kuzu');
      const ingest = await ingestTwoFixtures(db);
      expect(ingest.code).toBe(0);
      const bin = resolve(import.meta.dirname, '../../bin/newsgraph.js');
      const command = [process.execPath, bin, 'reprocess', '--all', '--db', db]
        .map((a) => `'${a}'`)
        .join(' ');
      const tty = spawnSync(script!, ['-qefc', command, '/dev/null'], { encoding: 'utf8', timeout: 110_000 });
      expect(tty.status).toBe(0);
      expect(tty.stdout).toMatch(/reprocess \[[^\]]*\] 2\/2/);
      expect(tty.stdout).toContain('reprocessed 2 article(s)');
    },
  );

  it('a diff of identical contributions is empty', () => {
    const [input] = inputs();
    const c = contributionOf(toGraphWrite(input!.article, input!.doc));
    expect(diffGraph([c], [c], { entities: new Map(), facts: new Map() })).toEqual({
      entities: {},
      facts: {},
    });
  });
});
