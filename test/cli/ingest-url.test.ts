/**
 * `newsgraph ingest <url>` as an operator runs it: the page comes through the hardened fetcher (a local
 * server, allowed only with --allow-private-hosts) into a real Kùzu file, and re-ingesting changes nothing.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/http-server.js';
import { runCli } from '../support/worker-process.js';

let server: TestServer;
let dir: string;
beforeAll(async () => {
  server = await startTestServer();
  dir = mkdtempSync(join(tmpdir(), 'ng-ingest-url-'));
});
afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('newsgraph ingest <url>', () => {
  it('refuses a private address by default, before any request, in one line', async () => {
    const before = server.requests.length;
    const r = await runCli(['ingest', `${server.origin}/article/1`, '--db', join(dir, 'refused.kuzu')], {
      NEWSGRAPH_ALLOW_PRIVATE_HOSTS: '0',
    });
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/blocked-address/);
    expect(server.requests.length).toBe(before);
  });

  it('fetches, writes and re-ingests idempotently with --allow-private-hosts', async () => {
    const db = join(dir, 'graph.kuzu');
    const args = [
      'ingest',
      `${server.origin}/article/1`,
      `${server.origin}/pdf`,
      '--db',
      db,
      '--allow-private-hosts',
    ];
    const first = await runCli(args);
    const created =
      /^ingested 1 article\(s\) into embedded, 1 failed: entities (\d+) new, 0 updated, 0 unchanged; facts (\d+) new/.exec(
        first.stdout,
      );
    expect(created, first.stdout).not.toBeNull();
    expect(first.stderr).toMatch(/not-html: not an article: application\/pdf/);
    expect(first.code).toBe(1);
    const second = await runCli(args);
    expect(second.stdout).toContain(
      `ingested 1 article(s) (1 unchanged) into embedded, 1 failed: entities 0 new, 0 updated, ${created![1]} unchanged; facts 0 new, 0 updated, ${created![2]} unchanged;`,
    );
    const count = await runCli([
      'query',
      'MATCH (a:Article) RETURN count(a) AS n',
      '--db',
      db,
      '--format',
      'json',
    ]);
    expect(JSON.parse(count.stdout)).toEqual([{ n: 1 }]);
  });
});
