/**
 * Queries while another process holds the embedded database: the holder (here the test process, as a
 * worker or a long ingest would be) answers them over loopback, and `newsgraph query` uses that
 * transparently, read-only and in the same output formats.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openEmbeddedSink } from '../../src/graph/embedded.js';
import { openReader } from '../../src/graph/index.js';
import { leasePathOf, openRemoteReader } from '../../src/graph/query-server.js';
import { runCli } from './cli-run.js';
import { writeA, writeB } from './fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'newsgraph-qwi-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const PEOPLE = 'MATCH (p:Person) RETURN p.name AS name ORDER BY name';

describe('queries while another process holds the embedded database', () => {
  it('newsgraph query asks the holder, in every output format, and reads the file itself once it is free', {
    timeout: 120_000,
  }, async () => {
    const path = join(dir, 'held.lbug');
    const sink = await openEmbeddedSink({ path });
    await sink.ensureSchema();
    await sink.write(writeA());
    try {
      expect(existsSync(leasePathOf(path))).toBe(true);
      const json = await runCli(['query', PEOPLE, '--db', path, '--format', 'json']);
      expect(json.stderr).toBe('');
      expect(json.code).toBe(0);
      expect(JSON.parse(json.stdout)).toEqual([{ name: 'Alexey Rodos' }, { name: 'Gholamhoseyn Khaje' }]);
      const csv = await runCli(['query', PEOPLE, '--db', path, '--format', 'csv']);
      expect(csv.stdout).toBe('name\nAlexey Rodos\nGholamhoseyn Khaje\n');
      // A write made after the reader's first query is seen by the next one.
      await sink.write(writeB());
      const table = await runCli(['query', '--saved', 'who-directs', '--db', path]);
      expect(table.code).toBe(0);
      expect(table.stdout).toMatch(/Alexey Rodos/);
      const write = await runCli(['query', "CREATE (:Person {key: 'x'})", '--db', path]);
      expect(write.code).toBe(2);
      expect(write.stderr).toMatch(/read-only/);
    } finally {
      await sink.close();
    }
    expect(existsSync(leasePathOf(path))).toBe(false);
    const direct = await runCli(['query', PEOPLE, '--db', path, '--format', 'json']);
    expect(direct.code).toBe(0);
    expect(JSON.parse(direct.stdout).length).toBeGreaterThanOrEqual(2);
  });

  it("a statement that fails on the holder's read connection reports the engine's own error", async () => {
    const path = join(dir, 'failing-read.lbug');
    const sink = await openEmbeddedSink({ path });
    await sink.ensureSchema();
    try {
      const failing = "UNWIND ['1', 'abc'] AS s RETURN CAST(s AS INT64) AS n";
      await expect(sink.readCommitted(failing)).rejects.toThrow(/abc/);
      // and the connection still answers afterwards
      expect(await sink.readCommitted('RETURN 1 AS one')).toEqual([{ one: 1 }]);
    } finally {
      await sink.close();
    }
  });

  it('the holder refuses writes and callers without its token', async () => {
    const path = join(dir, 'guard.lbug');
    const sink = await openEmbeddedSink({ path });
    await sink.ensureSchema();
    try {
      const remote = openRemoteReader(path)!;
      expect(remote).toBeDefined();
      await expect(remote.query("MATCH (p:Person) SET p.name = 'x' RETURN p")).rejects.toMatchObject({
        code: 'read-only',
      });
      const lease = JSON.parse(readFileSync(leasePathOf(path), 'utf8')) as { port: number };
      const res = await fetch(`http://127.0.0.1:${lease.port}/query`, {
        method: 'POST',
        headers: { authorization: 'Bearer wrong' },
        body: JSON.stringify({ text: PEOPLE }),
      });
      expect(res.status).toBe(401);
      // openReader (the one function behind `query` and `serve`) falls back to the holder.
      const reader = await openReader({ kind: 'embedded', dbPath: path });
      expect(await reader.query('MATCH (a:Article) RETURN count(*) AS n')).toEqual([{ n: 0 }]);
      await reader.close();
    } finally {
      await sink.close();
    }
  });

  it('a lease left by a process that is gone is ignored: the file is read directly', {
    timeout: 60_000,
  }, async () => {
    const path = join(dir, 'stale.lbug');
    const sink = await openEmbeddedSink({ path, serveQueries: false });
    await sink.ensureSchema();
    await sink.write(writeA());
    await sink.close();
    const gone = spawnSync(process.execPath, ['-e', 'process.exit(0)']).pid;
    writeFileSync(leasePathOf(path), JSON.stringify({ pid: gone, port: 9, token: 'x' }));
    expect(openRemoteReader(path)).toBeUndefined();
    const r = await runCli(['query', PEOPLE, '--db', path, '--format', 'json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toHaveLength(2);
  });
});
