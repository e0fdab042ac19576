/**
 * Store-specific behaviour: the embedded store's single-writer lock across processes and its refusal of
 * old (Kùzu, older model) files, Neo4j's errors for a down
 * server or wrong credentials (clear, with a code, retriable or not).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import neo4j from 'neo4j-driver';
import { afterAll, describe, expect, it } from 'vitest';
import { PermanentError, TransientError } from '../../src/core/index.js';
import { openEmbeddedReader, openEmbeddedSink } from '../../src/graph/embedded.js';
import { openNeo4jSink, toNeo4jError } from '../../src/graph/neo4j.js';
import { neo4jSkipReason, testNeo4j } from '../support/neo4j.js';
import { freePort } from '../support/redis.js';

const dir = mkdtempSync(join(tmpdir(), 'newsgraph-stores-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Open the database for writing in a child process; print the outcome. */
function openInChild(path: string): { status: number | null; stdout: string } {
  const moduleTs = resolve(import.meta.dirname, '../../src/graph/embedded.ts');
  const code = `import(${JSON.stringify(moduleTs)}).then((m) => m.openEmbeddedSink({ path: ${JSON.stringify(path)} }))
    .then(async (s) => { console.log('opened'); await s.close(); process.exit(0); },
          (e) => { console.log(e.code + ' ' + e.retriable + ': ' + e.message); process.exit(3); });`;
  const r = spawnSync(process.execPath, ['--import', 'tsx', '-e', code], {
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: r.status, stdout: r.stdout };
}

describe('embedded store (LadybugDB)', () => {
  it('refuses a second writer process with a clear, retriable error', async () => {
    const path = join(dir, 'locked.lbug');
    const sink = await openEmbeddedSink({ path });
    await sink.ensureSchema();
    try {
      const child = openInChild(path);
      expect(child.status).toBe(3);
      expect(child.stdout).toMatch(
        /^graph-locked true: the embedded database .*locked\.lbug is open in another process/,
      );
    } finally {
      await sink.close();
    }
    expect(openInChild(path)).toMatchObject({ status: 0, stdout: 'opened\n' }); // free again once closed
  });

  it('refuses a database written by an older model, naming the missing columns', async () => {
    const path = join(dir, 'old.lbug');
    const engine = (await import('@ladybugdb/core')).default;
    const db = new engine.Database(path);
    const conn = new engine.Connection(db);
    // The entity table as the first release created it: no name tallies.
    await conn.query(
      'CREATE NODE TABLE Person(key STRING, type STRING, name STRING, aliases STRING[], names STRING[], PRIMARY KEY(key))',
    );
    await conn.close();
    await db.close();
    const sink = await openEmbeddedSink({ path });
    try {
      await expect(sink.ensureSchema()).rejects.toMatchObject({
        code: 'graph-outdated',
        retriable: false,
        message: expect.stringMatching(/older newsgraph \(Person has no forms, formArticles, nameArticles\)/),
      });
    } finally {
      await sink.close();
    }
  });

  it('says so when asked to read a database that does not exist', async () => {
    await expect(openEmbeddedReader({ path: join(dir, 'missing.lbug') })).rejects.toMatchObject({
      code: 'graph-missing',
    });
  });

  it('says how to re-ingest when given a database file that Kùzu 0.11 wrote', async () => {
    // A Kùzu 0.11 file starts with these bytes (the first page of a real one, truncated).
    const path = join(dir, 'newsgraph.kuzu');
    writeFileSync(path, Buffer.concat([Buffer.from('KUZU\x27\0\0\0', 'latin1'), Buffer.alloc(4088)]));
    for (const open of [openEmbeddedSink, openEmbeddedReader]) {
      await expect(open({ path })).rejects.toMatchObject({
        code: 'graph-kuzu-file',
        retriable: false,
        message: expect.stringMatching(/is a Kùzu 0\.11 database .*Re-ingest .*newsgraph ingest/),
      });
    }
  });
});

describe('Neo4j errors', () => {
  it('a server that is down is a retriable neo4j-unavailable error', async () => {
    const port = await freePort();
    const err = await openNeo4jSink({ uri: `bolt://127.0.0.1:${port}` }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TransientError);
    expect(err).toMatchObject({ code: 'neo4j-unavailable' });
    expect((err as Error).message).toContain(`bolt://127.0.0.1:${port} is unreachable`);
  });

  it('wrong credentials are a permanent neo4j-auth error naming the env vars', async (ctx) => {
    const server = testNeo4j();
    if (!server) return ctx.skip(neo4jSkipReason());
    if (!server.password) return ctx.skip('skipped: the Neo4j test server has no authentication');
    const err = await openNeo4jSink({ ...server, password: `${server.password}-wrong` }).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(PermanentError);
    expect(err).toMatchObject({ code: 'neo4j-auth' });
    expect((err as Error).message).toMatch(/refused the credentials \(check NEO4J_USER \/ NEO4J_PASSWORD\)/);
  });

  it.each([
    ['Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration', 'neo4j-timeout', true],
    ['Neo.TransientError.Transaction.DeadlockDetected', 'neo4j-transient', true],
    ['Neo.ClientError.Security.Unauthorized', 'neo4j-auth', false],
    ['Neo.ClientError.Statement.SyntaxError', 'neo4j-query', false],
  ])('maps server code %s to %s (retriable: %s)', (code, ours, retriable) => {
    const err = toNeo4jError(new neo4j.Neo4jError('boom', code as never, '50N42', 'error'), 'bolt://x');
    expect(err).toMatchObject({ code: ours, retriable });
  });

  it('an unknown database is a permanent neo4j-database error', async (ctx) => {
    const server = testNeo4j();
    if (!server) return ctx.skip(neo4jSkipReason());
    const err = await openNeo4jSink({ ...server, database: 'nosuchdb' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PermanentError);
    expect(err).toMatchObject({ code: 'neo4j-database' });
  });
});
