/**
 * End to end on Neo4j: TWO worker processes share one Neo4j. The database is down when they start (its
 * port answers nothing), comes up later (jobs retried meanwhile), and one worker is killed with SIGKILL
 * midway and restarted. Every article must be in the graph exactly once.
 *
 * This test starts its OWN Neo4j harness: the shared one is wiped by the graph contract tests.
 */
import { randomUUID } from 'node:crypto';
import { connect, createServer, type Server, type Socket } from 'node:net';
import neo4j from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRedis, enqueueUrls, openArticleQueue, queueConfig } from '../../src/queue/index.js';
import { startTestServer, type TestServer } from '../support/http-server.js';
import { neo4jSkipReason, type RunningNeo4j, startNeo4jHarness, testNeo4j } from '../support/neo4j.js';
import { freePort, REDIS_SKIP_REASON, testRedisUrl } from '../support/redis.js';
import { type CliChild, spawnCli, waitUntil } from '../support/worker-process.js';

const redisUrl = testRedisUrl();
const t0 = Date.now();
const log = (what: string) =>
  process.stdout.write(`[e2e-neo4j] ${what} at ${Math.round((Date.now() - t0) / 1000)} s\n`);
const ARTICLES = 120;
/**
 * Job lock and stall check of the workers. The lock must outlast any pause of a worker's event loop (a
 * synchronous NLP pass, GC, a starved CPU while the JVM starts on a loaded 2-core machine): a lock that
 * expires under a LIVE worker makes the stall check take its job back and count a stall, and after
 * `maxStalledCount` such stalls the job fails for good. A killed worker's jobs are back after at most
 * LOCK_MS + 2 * STALLED_INTERVAL_MS (the first check marks a job, the next one moves it).
 */
const LOCK_MS = 15_000;
const STALLED_INTERVAL_MS = 5_000;
/** The drain fails only when no job has finished for this long: a Neo4j write gives up after 60 s. */
const DRAIN_STALL_MS = 120_000;
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server?.close());

/** A TCP forwarder from `port` to `target`, started when the "database comes up". */
function startProxy(port: number, target: number): Promise<Server & { sockets: Set<Socket> }> {
  const sockets = new Set<Socket>();
  const proxy = Object.assign(
    createServer((client) => {
      const upstream = connect(target, '127.0.0.1');
      // Either side closing (a worker killed with SIGKILL) closes the other at once, as a direct
      // connection would: Neo4j must see the connection drop and roll the transaction back.
      for (const [s, other] of [
        [client, upstream],
        [upstream, client],
      ] as const) {
        sockets.add(s);
        s.on('close', () => {
          sockets.delete(s);
          other.destroy();
        });
        s.on('error', () => undefined);
      }
      client.pipe(upstream).pipe(client);
    }),
    { sockets },
  );
  return new Promise((resolve) => proxy.listen(port, '127.0.0.1', () => resolve(proxy)));
}

describe('queue end to end on Neo4j (2 worker processes)', () => {
  it('database down at first, kill -9 midway: every article exactly once', async (ctx) => {
    if (!redisUrl) return ctx.skip(REDIS_SKIP_REASON);
    if (!testNeo4j()) return ctx.skip(neo4jSkipReason());
    const config = queueConfig({ redisUrl, queueName: `n4j-${randomUUID()}`, prefix: 'ngn4j' });
    const redis = createRedis(redisUrl, { forWorker: true });
    const queue = openArticleQueue(config, redis);
    const children: CliChild[] = [];
    let harness: RunningNeo4j | undefined;
    let proxy: Awaited<ReturnType<typeof startProxy>> | undefined;
    try {
      const urls = Array.from({ length: ARTICLES }, (_, i) => `${server.origin}/article/${5001 + i}`);
      await enqueueUrls(queue, urls, {
        jobOptions: { attempts: 15, backoff: { type: 'newsgraph', delay: 500 } },
      });
      const proxyPort = await freePort();
      const worker = () => {
        const c = spawnCli(
          [
            'worker',
            '--graph',
            'neo4j',
            '--queue',
            config.queueName,
            '--prefix',
            config.prefix,
            '--redis',
            redisUrl,
            '--host-interval',
            '0',
            '--no-robots',
            '--no-pages', // else ./newsgraph.pages, inside the checkout
            '--concurrency',
            '4',
            '--lock-duration',
            String(LOCK_MS),
            '--stalled-interval',
            String(STALLED_INTERVAL_MS),
          ],
          {
            NEWSGRAPH_ALLOW_PRIVATE_HOSTS: '1',
            NEO4J_URI: `bolt://127.0.0.1:${proxyPort}`,
            NEO4J_USER: 'neo4j',
            NEO4J_PASSWORD: 'newsgraph-test',
          },
        );
        children.push(c);
        return c;
      };
      const a = worker();
      worker();
      // The database is down: jobs fail with a transient error and wait for their retry.
      await waitUntil(
        'jobs retrying while Neo4j is down',
        async () => (await queue.getDelayedCount()) >= 4,
        120_000,
      );
      log('delayed');
      harness = await startNeo4jHarness();
      log('harness up');
      proxy = await startProxy(proxyPort, Number(new URL(harness.uri).port));
      await waitUntil(
        'a quarter of the jobs',
        async () => (await queue.getCompletedCount()) >= ARTICLES / 4,
        240_000,
      );
      log('quarter done');
      await a.kill9();
      let lastReport = Date.now();
      let lastProgress = { at: Date.now(), finished: -1 };
      worker();
      // Under load the drain may take long; it only fails when nothing finishes for DRAIN_STALL_MS.
      await waitUntil(
        'the queue to drain',
        async () => {
          const c = await queue.getJobCounts(
            'waiting',
            'prioritized',
            'active',
            'delayed',
            'completed',
            'failed',
          );
          if (Date.now() - lastReport > 20_000) {
            lastReport = Date.now();
            log(`counts ${JSON.stringify(c)}`);
          }
          if (c.completed! + c.failed! !== lastProgress.finished)
            lastProgress = { at: Date.now(), finished: c.completed! + c.failed! };
          else if (Date.now() - lastProgress.at > DRAIN_STALL_MS)
            throw new Error(`no job finished for ${DRAIN_STALL_MS} ms: ${JSON.stringify(c)}`);
          return c.waiting! + c.prioritized! + c.active! + c.delayed! === 0;
        },
        600_000,
      );
      log('drained');
      for (const c of children) if (c !== a) expect(await c.stop()).toBe(0);
      expect(await queue.getJobCounts('completed', 'failed')).toEqual({ completed: ARTICLES, failed: 0 });
      const retried = (await queue.getCompleted(0, -1)).filter((j) => j.attemptsMade > 1);
      expect(retried.length).toBeGreaterThan(0);
      const driver = neo4j.driver(harness.uri, neo4j.auth.basic(harness.user, harness.password ?? ''));
      try {
        const { records } = await driver.executeQuery('MATCH (a:Article) RETURN a.url AS url, count(*) AS n');
        const stored = records.map((r) => ({ url: r.get('url') as string, n: Number(r.get('n')) }));
        expect(stored.filter((s) => s.n !== 1)).toEqual([]);
        expect(stored.map((s) => s.url).sort()).toEqual([...urls].sort());
      } finally {
        await driver.close();
      }
    } catch (err) {
      for (const j of await queue.getFailed(0, -1))
        log(`failed job ${j.id} ${j.data.url} after ${j.attemptsMade} attempts: ${j.failedReason}`);
      for (const c of children)
        process.stdout.write(`[e2e-neo4j] worker stderr tail:\n${c.stderr().slice(-3000)}\n`);
      throw err;
    } finally {
      for (const c of children) if (c.child.exitCode === null && c.child.signalCode === null) await c.kill9();
      proxy?.close();
      for (const s of proxy?.sockets ?? []) s.destroy();
      await harness?.stop();
      await queue.obliterate({ force: true });
      await queue.close();
      redis.disconnect();
    }
  }, 1_200_000);
});
