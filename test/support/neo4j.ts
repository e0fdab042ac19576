/**
 * A real Neo4j 5 server for the tests. When `NEO4J_URI` is set, that server is used (it is WIPED by the
 * contract tests: point it at a throwaway database). Otherwise the tiny Maven project in `test/neo4j/`
 * (Neo4j's own test harness, in-process Community server) is built once (cached in test/neo4j/target and
 * ~/.m2) and started on a free port with a fixed test password. It exits when our stdin pipe closes, so
 * it never outlives the test run. Without Java/Maven and without a URI, Neo4j tests skip with the reason.
 *
 * Tests read `NEWSGRAPH_TEST_NEO4J_*` (not `NEO4J_URI`, so CLI tests don't switch sinks by accident).
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freePort } from './redis.js';

const PROJECT = resolve(import.meta.dirname, '../neo4j');
const CLASSPATH_FILE = join(PROJECT, 'target/classpath.txt');
const LAUNCHER_CLASS = join(PROJECT, 'target/classes/newsgraph/Launcher.class');
const SOURCES = [join(PROJECT, 'pom.xml'), join(PROJECT, 'src/main/java/newsgraph/Launcher.java')];
const TEST_PASSWORD = 'newsgraph-test';
const BUILD_TIMEOUT_MS = 20 * 60_000; // first run downloads ~180 MB of jars from Maven Central
const START_TIMEOUT_MS = 300_000; // a cold JVM + Neo4j start on 2 cores takes 10-30 s idle, 80 s seen under load 15

export interface TestNeo4j {
  uri: string;
  user: string;
  password?: string;
}

/** In a test: the server to use, or `undefined` (skip with {@link neo4jSkipReason}). */
export function testNeo4j(): TestNeo4j | undefined {
  const uri = process.env.NEWSGRAPH_TEST_NEO4J_URI;
  if (!uri) return undefined;
  return {
    uri,
    user: process.env.NEWSGRAPH_TEST_NEO4J_USER ?? 'neo4j',
    password: process.env.NEWSGRAPH_TEST_NEO4J_PASSWORD,
  };
}

export function neo4jSkipReason(): string {
  return (
    process.env.NEWSGRAPH_TEST_NEO4J_SKIP ?? 'skipped: no Neo4j (set NEO4J_URI or install Java 17 + Maven)'
  );
}

function hasTool(cmd: string, arg: string): boolean {
  return spawnSync(cmd, [arg], { stdio: 'ignore' }).status === 0;
}

function isBuilt(): boolean {
  if (!existsSync(CLASSPATH_FILE) || !existsSync(LAUNCHER_CLASS)) return false;
  // Maven leaves classpath.txt untouched when it is unchanged, so compare each output with its own input.
  const [pom, launcher] = SOURCES.map((s) => statSync(s).mtimeMs) as [number, number];
  return statSync(CLASSPATH_FILE).mtimeMs >= pom && statSync(LAUNCHER_CLASS).mtimeMs >= launcher;
}

/** Build the launcher (once; Maven caches the jars in ~/.m2). Returns the Java classpath. */
export function buildLauncher(): string {
  if (!isBuilt()) {
    const started = Date.now();
    const r = spawnSync(
      'mvn',
      ['-q', '-B', 'package', 'dependency:build-classpath', `-Dmdep.outputFile=${CLASSPATH_FILE}`],
      { cwd: PROJECT, encoding: 'utf8', timeout: BUILD_TIMEOUT_MS },
    );
    if (r.status !== 0) throw new Error(`mvn failed building test/neo4j:\n${r.stdout}\n${r.stderr}`);
    process.stderr.write(
      `neo4j harness: built test/neo4j in ${Math.round((Date.now() - started) / 1000)} s\n`,
    );
  }
  return `${join(PROJECT, 'target/classes')}:${readFileSync(CLASSPATH_FILE, 'utf8').trim()}`;
}

export interface RunningNeo4j extends TestNeo4j {
  stop(): Promise<void>;
}

/** Start the in-process Neo4j launcher on a free port and wait for its URI line. */
export async function startNeo4jHarness(): Promise<RunningNeo4j> {
  const classpath = buildLauncher();
  const port = await freePort();
  const workDir = mkdtempSync(join(tmpdir(), 'newsgraph-neo4j-'));
  const child = spawn(
    'java',
    ['-Xmx768m', '-cp', classpath, 'newsgraph.Launcher', String(port), workDir, TEST_PASSWORD],
    {
      stdio: ['pipe', 'pipe', 'pipe'],
    },
  );
  const uri = await waitForUri(child);
  return {
    uri,
    user: 'neo4j',
    password: TEST_PASSWORD,
    stop: async () => {
      await stopChild(child);
      rmSync(workDir, { recursive: true, force: true });
    },
  };
}

function waitForUri(child: ChildProcess): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`Neo4j harness did not start within ${START_TIMEOUT_MS} ms:\n${err.slice(-2000)}`));
    }, START_TIMEOUT_MS);
    child.stderr?.on('data', (d: Buffer) => {
      err += d.toString();
    });
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /NEO4J_URI=(\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolvePromise(m[1]!);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Neo4j harness exited with ${code}:\n${err.slice(-2000)}`));
    });
  });
}

/** Close stdin (the launcher's signal to stop); kill it if it has not exited after a grace period. */
function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolvePromise) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolvePromise();
    });
    child.stdin?.end();
  });
}

/** For the global setup: export the server's env for the tests, or the skip reason. */
export async function setupNeo4j(): Promise<{ stop: () => Promise<void> } | undefined> {
  if (process.env.NEO4J_URI) {
    process.env.NEWSGRAPH_TEST_NEO4J_URI = process.env.NEO4J_URI;
    process.env.NEWSGRAPH_TEST_NEO4J_USER = process.env.NEO4J_USER ?? 'neo4j';
    if (process.env.NEO4J_PASSWORD) process.env.NEWSGRAPH_TEST_NEO4J_PASSWORD = process.env.NEO4J_PASSWORD;
    return undefined;
  }
  if (!hasTool('java', '-version') || !hasTool('mvn', '-v')) {
    process.env.NEWSGRAPH_TEST_NEO4J_SKIP =
      'skipped: no NEO4J_URI and no Java 17 + Maven to run the Neo4j harness';
    return undefined;
  }
  const server = await startNeo4jHarness();
  process.env.NEWSGRAPH_TEST_NEO4J_URI = server.uri;
  process.env.NEWSGRAPH_TEST_NEO4J_USER = server.user;
  process.env.NEWSGRAPH_TEST_NEO4J_PASSWORD = server.password;
  return server;
}
