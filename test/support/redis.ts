/**
 * A real redis-server for the tests, on a free local port, with no persistence.
 * `startRedis()` is used by the global setup (one shared server, REDIS_URL) and by tests that need their
 * own server (e.g. to restart it mid-run).
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { Redis } from 'ioredis';

/** The reason queue tests print when they cannot run. */
export const REDIS_SKIP_REASON = 'skipped: redis-server not installed';
const READY_TIMEOUT_MS = 10_000;

/** Whether a `redis-server` binary is on the PATH. */
export function hasRedisServer(): boolean {
  return spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).status === 0;
}

/** A free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

export interface RedisServer {
  url: string;
  port: number;
  stop(): Promise<void>;
  /** Stop and start again on the same port (keeping data only with `persistDir`). */
  restart(downMs?: number): Promise<void>;
}

async function waitReady(url: string): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  for (;;) {
    const probe = new Redis(url, { lazyConnect: true, retryStrategy: () => null, maxRetriesPerRequest: 0 });
    probe.on('error', () => undefined);
    try {
      await probe.connect();
      await probe.ping();
      return;
    } catch (err) {
      if (Date.now() > deadline) throw err;
      await new Promise((r) => setTimeout(r, 50));
    } finally {
      probe.disconnect();
    }
  }
}

function spawnRedis(port: number, persistDir: string | undefined): ChildProcess {
  // Without persistDir: no persistence at all. With it: an append-only file, as a production Redis keeps.
  const persistence = persistDir
    ? ['--dir', persistDir, '--appendonly', 'yes', '--save', '']
    : ['--save', '', '--appendonly', 'no'];
  const args = ['--port', String(port), '--bind', '127.0.0.1', ...persistence, '--loglevel', 'warning'];
  return spawn('redis-server', args, { stdio: 'ignore' });
}

function stopProcess(child: ChildProcess, signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill(signal);
  });
}

export interface StartRedisOptions {
  /** Keep data across {@link RedisServer.restart} in an append-only file in this directory. */
  persistDir?: string;
}

/** Start redis-server on a free port and wait until it answers. */
export async function startRedis(options: StartRedisOptions = {}): Promise<RedisServer> {
  const port = await freePort();
  const url = `redis://127.0.0.1:${port}`;
  if (options.persistDir) mkdirSync(options.persistDir, { recursive: true });
  let child = spawnRedis(port, options.persistDir);
  await waitReady(url);
  return {
    url,
    port,
    stop: () => stopProcess(child),
    restart: async (downMs = 500) => {
      // SIGTERM: Redis flushes its append-only file and exits, like `systemctl restart redis`.
      await stopProcess(child, options.persistDir ? 'SIGTERM' : 'SIGKILL');
      await new Promise((r) => setTimeout(r, downMs));
      child = spawnRedis(port, options.persistDir);
      await waitReady(url);
    },
  };
}

/** For the global setup: the shared server's env, or the skip reason. */
export async function setupRedis(): Promise<{ stop: () => Promise<void> } | undefined> {
  if (!hasRedisServer()) {
    process.env.NEWSGRAPH_TEST_REDIS_SKIP = REDIS_SKIP_REASON;
    return undefined;
  }
  const server = await startRedis();
  process.env.REDIS_URL = server.url;
  return server;
}

/** In a test: the shared Redis URL, or `undefined` (then skip with {@link REDIS_SKIP_REASON}). */
export function testRedisUrl(): string | undefined {
  return process.env.NEWSGRAPH_TEST_REDIS_SKIP ? undefined : process.env.REDIS_URL;
}
