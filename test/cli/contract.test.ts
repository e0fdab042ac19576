/**
 * The command-line contract the README promises, as a user meets it: exit codes (2 for bad usage or
 * input, whichever command), help that shows every option's default, warnings given at once, and the
 * worker's log lines. Child processes of the real binary; real redis-server and a local HTTP server
 * where a queue is involved.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Command, Help } from 'commander';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cypherParameters } from '../../src/cli/cypher-params.js';
import { isPrivateHost } from '../../src/cli/enqueue.js';
import { buildProgram, COMMANDS } from '../../src/cli/main.js';
import { createRedis, openArticleQueue, queueConfig } from '../../src/queue/index.js';
import { startTestServer, type TestServer } from '../support/http-server.js';
import { freePort, REDIS_SKIP_REASON, testRedisUrl } from '../support/redis.js';
import { runCli, spawnCli, waitUntil } from '../support/worker-process.js';

const dir = mkdtempSync(join(tmpdir(), 'newsgraph-contract-'));
const db = join(dir, 'graph.kuzu');
const redisUrl = testRedisUrl();
const CANONICAL =
  'https://www.ewdn.com/2017/06/21/russian-tech-park-kalibr-agrees-cooperation-with-iranian-counterparts/';
beforeAll(async () => {
  const r = await runCli([
    'ingest',
    'fixtures/texts/seed-kalibr.txt',
    'fixtures/pages/seed-wordpress/source.html',
    '--db',
    db,
  ]);
  expect(r.code).toBe(0);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('exit code 2 for bad usage or input', () => {
  const missing = join(dir, 'nope');
  it.each([
    ['explain', [missing]],
    ['ingest', [missing, '--db', db]],
    ['enqueue', ['--file', missing, '--redis', 'redis://127.0.0.1:1']],
    ['schedule', ['--pipelines', missing, '--redis', 'redis://127.0.0.1:1']],
    ['crawl', ['example', '--pipelines', missing, '--redis', 'redis://127.0.0.1:1']],
    ['worker', ['--pipelines', missing, '--redis', 'redis://127.0.0.1:1']],
  ])(
    '%s of a missing file says "cannot read <path>: no such file"',
    async (command, args) => {
      const r = await runCli([command, ...args]);
      expect(r.stderr).toBe(`newsgraph: cannot read ${missing}: no such file\n`);
      expect(r.code).toBe(2);
    },
    60_000,
  );

  it.each([
    ['a syntax error', 'MATCH (n RETURN n', /Parser exception/],
    ['an unknown label', 'MATCH (n:Nope) RETURN n', /Nope/],
    ['a parameter without --param', 'MATCH (a:Article) WHERE a.id = $id RETURN a', /\$id: give --param id=…/],
  ])(
    'query with %s',
    async (_what, cypher, message) => {
      const r = await runCli(['query', cypher, '--db', db]);
      expect(r.stderr).toMatch(message);
      expect(r.code).toBe(2);
    },
    60_000,
  );

  it('query with the parameter given runs', async () => {
    const r = await runCli(['query', 'RETURN $x AS x', '--param', 'x=3', '--format', 'json', '--db', db]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([{ x: 3 }]);
  }, 60_000);

  it.each(['notaurl', 'http://127.0.0.1:6379', 'redis://:secret@'])(
    'REDIS_URL=%s',
    async (url) => {
      const r = await runCli(['status'], { REDIS_URL: url });
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('REDIS_URL is not a Redis URL');
      expect(r.stderr).not.toContain('secret');
    },
    60_000,
  );

  it('--concurrency 0 is refused', async () => {
    const r = await runCli(['worker', '--concurrency', '0', '--redis', 'redis://127.0.0.1:1']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--concurrency must be a positive integer, got 0');
  }, 60_000);
});

describe('query results', () => {
  it('the saved query `about` orders its rows by hop, relation, subject, object', async () => {
    const r = await runCli([
      'query',
      '--saved',
      'about',
      '--param',
      'name=Rodos',
      '--format',
      'json',
      '--db',
      db,
    ]);
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.stdout) as Array<{
      hop: number;
      relation: string;
      subject: string;
      object: string;
    }>;
    expect(new Set(rows.map((x) => x.hop))).toEqual(new Set([0, 1, 2]));
    const key = (x: (typeof rows)[number]) => [x.hop, x.relation, x.subject, x.object];
    for (let i = 1; i < rows.length; i++) {
      const [a, b] = [key(rows[i - 1]!), key(rows[i]!)];
      const first = a.findIndex((v, j) => v !== b[j]);
      if (first >= 0) expect(a[first]! < b[first]!, `row ${i} out of order`).toBe(true);
    }
  }, 60_000);

  it('an HTML file ingested without --url gets its canonical URL as Article.url', async () => {
    const r = await runCli([
      'query',
      'MATCH (a:Article) WHERE a.canonicalUrl = $c RETURN a.url AS url',
      '--param',
      `c=${CANONICAL}`,
      '--format',
      'json',
      '--db',
      db,
    ]);
    expect(JSON.parse(r.stdout)).toEqual([{ url: CANONICAL }]);
  }, 60_000);
});

describe('cypherParameters', () => {
  it.each([
    ['RETURN $x', ['x']],
    ['MATCH (a {id: $id}) WHERE a.n > $min AND a.m < $min RETURN a', ['id', 'min']],
    ["RETURN 'costs $5 or $dollars' AS s, $real", ['real']],
    ['RETURN "a \\" $no" AS s // $comment\n, $yes /* $block */', ['yes']],
    ['RETURN $`odd name`, `not$param`', ['odd name']],
    ['RETURN 1', []],
  ])('%s', (text, expected) => {
    expect(cypherParameters(text)).toEqual(expected);
  });
});

describe('help', () => {
  it('lists every command as its module defines it, without loading the modules', async () => {
    for (const [name, entry] of Object.entries(COMMANDS)) {
      const real = await entry.load();
      expect(real.name()).toBe(name);
      expect(real.description()).toBe(entry.summary);
      expect(new Help().subcommandTerm(real)).toBe(entry.term);
    }
  });

  it('shows the default of every option that takes a value', async () => {
    const program = await buildProgram([], { all: true });
    const lacking: string[] = [];
    for (const cmd of program.commands as Command[]) {
      const help = cmd.createHelp();
      for (const option of cmd.options) {
        if (!option.required && !option.optional) continue; // a flag: off unless given
        if (!/\bdefault[: ]/i.test(help.optionDescription(option)))
          lacking.push(`${cmd.name()} ${option.flags}`);
      }
    }
    expect(lacking).toEqual([]);
    expect(program.commands.length).toBeGreaterThanOrEqual(12);
  });
});

describe('enqueue of a private address', () => {
  it.each([
    ['http://127.0.0.1:8080/a', true],
    ['http://localhost/a', true],
    ['http://[::1]/a', true],
    ['http://10.1.2.3/a', true],
    ['http://169.254.169.254/latest', true],
    ['http://2130706433/a', true],
    ['https://example.com/a', false],
    ['http://93.184.216.34/a', false],
  ])('%s is private: %s', (url, expected) => {
    expect(isPrivateHost(url)).toBe(expected);
  });

  it('warns at once that the worker will refuse it', async (ctx) => {
    if (!redisUrl) return ctx.skip(REDIS_SKIP_REASON);
    const name = `contract-${randomUUID()}`;
    const args = ['--redis', redisUrl, '--queue', name, '--prefix', 'ngcontract'];
    const r = await runCli(['enqueue', 'http://127.0.0.1:9/a', 'https://example.com/b', ...args]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('http://127.0.0.1:9/a is a loopback/private address');
    expect(r.stderr).toContain('--allow-private-hosts');
    expect(r.stderr).not.toContain('example.com');
    const redis = createRedis(redisUrl, { forWorker: false });
    const queue = openArticleQueue(queueConfig({ redisUrl, queueName: name, prefix: 'ngcontract' }), redis);
    await queue.obliterate({ force: true });
    await queue.close();
    redis.disconnect();
  }, 60_000);
});

describe('worker logs', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => server?.close());

  it('a 304 logs "unchanged", not "article written"; no line repeats pid', async (ctx) => {
    if (!redisUrl) return ctx.skip(REDIS_SKIP_REASON);
    const name = `contract-${randomUUID()}`;
    const queueArgs = ['--redis', redisUrl, '--queue', name, '--prefix', 'ngcontract'];
    const worker = spawnCli(
      [
        'worker',
        ...queueArgs,
        '--db',
        join(dir, 'worker.kuzu'),
        '--allow-private-hosts',
        '--no-robots',
        '--no-crawl',
        '--host-interval',
        '0',
      ],
      { NEWSGRAPH_LOG_LEVEL: 'info' },
    );
    const url = `${server.origin}/etag`;
    const lines = () =>
      worker
        .stderr()
        .split('\n')
        .filter((l) => l.startsWith('{'));
    try {
      await runCli(['enqueue', url, ...queueArgs]);
      await waitUntil(
        'the article to be written',
        async () => lines().some((l) => l.includes('"article written"')),
        60_000,
      );
      await runCli(['enqueue', '--force', url, ...queueArgs]);
      await waitUntil('the 304', async () => lines().some((l) => l.includes('"unchanged"')), 60_000);
      const messages = lines().map((l) => (JSON.parse(l) as { msg: string }).msg);
      expect(messages.filter((m) => m === 'article written')).toHaveLength(1);
      expect(messages.filter((m) => m === 'unchanged')).toHaveLength(1);
      for (const line of lines()) expect(line.match(/"pid":/g)?.length ?? 0).toBeLessThanOrEqual(1);
    } finally {
      expect(await worker.stop()).toBe(0);
      const redis = createRedis(redisUrl, { forWorker: false });
      const queue = openArticleQueue(queueConfig({ redisUrl, queueName: name, prefix: 'ngcontract' }), redis);
      await queue.obliterate({ force: true });
      await queue.close();
      redis.disconnect();
    }
  }, 180_000);
});

describe('dashboard token', () => {
  it('refuses to listen beyond loopback without a token', async () => {
    const r = await runCli(['dashboard', '--host', '0.0.0.0', '--redis', 'redis://127.0.0.1:1']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('needs a token (--token or NEWSGRAPH_DASHBOARD_TOKEN)');
  }, 60_000);

  it('asks the browser for the token; /healthz stays open', async (ctx) => {
    if (!redisUrl) return ctx.skip(REDIS_SKIP_REASON);
    const port = await freePort();
    const token = 'a-long-enough-test-token';
    const board = spawnCli(
      ['dashboard', '--port', String(port), '--redis', redisUrl, '--queue', `contract-${randomUUID()}`],
      {
        NEWSGRAPH_DASHBOARD_TOKEN: token,
      },
    );
    const base = `http://127.0.0.1:${port}`;
    try {
      await waitUntil(
        'the dashboard to answer',
        () =>
          fetch(`${base}/healthz`).then(
            (r) => r.ok,
            () => false,
          ),
        60_000,
      );
      const anonymous = await fetch(`${base}/api/queues`);
      expect(anonymous.status).toBe(401);
      expect(anonymous.headers.get('www-authenticate')).toMatch(/^Basic /);
      const wrong = await fetch(`${base}/api/queues`, {
        headers: { authorization: 'Bearer not-the-token-at-all' },
      });
      expect(wrong.status).toBe(401);
      const basic = `Basic ${Buffer.from(`ops:${token}`).toString('base64')}`;
      expect((await fetch(`${base}/api/queues`, { headers: { authorization: basic } })).status).toBe(200);
      expect(
        (await fetch(`${base}/api/queues`, { headers: { authorization: `Bearer ${token}` } })).status,
      ).toBe(200);
    } finally {
      expect(await board.stop()).toBe(0);
    }
  }, 120_000);
});
