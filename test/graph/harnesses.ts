/**
 * The three sinks under one test interface: memory, a real embedded (LadybugDB) database in a temp folder, and the real
 * Neo4j server from the global setup (wiped before each test, so only one test file may use it).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import neo4j from 'neo4j-driver';
import { openEmbeddedReader, openEmbeddedSink } from '../../src/graph/embedded.js';
import type { GraphReader, GraphSink, GraphSnapshot } from '../../src/graph/index.js';
import { readSnapshot } from '../../src/graph/index.js';
import { MemorySink } from '../../src/graph/memory.js';
import { openNeo4jSink } from '../../src/graph/neo4j.js';
import { neo4jSkipReason, testNeo4j } from '../support/neo4j.js';

export interface OpenOptions {
  onStatement?: (text: string) => void;
}

export interface OpenSink {
  sink: GraphSink;
  snapshot(): Promise<GraphSnapshot>;
  /** A read-only handle (embedded: the writer is closed first; call last). */
  reader?(): Promise<GraphReader>;
  /** A read query on the live sink. */
  query?(text: string, params?: Record<string, unknown>): Promise<Record<string, unknown>[]>;
  close(): Promise<void>;
}

export interface Harness {
  name: string;
  /** A skip reason when the store is not available here. */
  skip(): string | undefined;
  open(options?: OpenOptions): Promise<OpenSink>;
  /** Arguments and env that point the `newsgraph` CLI at this store (none for memory). */
  cli?(): { args: string[]; env: Record<string, string> };
  /** Called before each test: an empty store. */
  reset(): Promise<void>;
  cleanup(): Promise<void>;
}

/** Memory: one store per test; `open` again in the same test sees the same store (like reopening a file). */
export function memoryHarness(): Harness {
  const hooks: OpenOptions = {};
  let store = new MemorySink({ onStatement: (t) => hooks.onStatement?.(t) });
  return {
    name: 'memory',
    skip: () => undefined,
    async reset() {
      store = new MemorySink({ onStatement: (t) => hooks.onStatement?.(t) });
    },
    async open(options = {}) {
      hooks.onStatement = options.onStatement;
      const sink = store;
      return { sink, snapshot: async () => sink.snapshot(), close: () => sink.close() };
    },
    async cleanup() {},
  };
}

/** Embedded (LadybugDB): every test gets a fresh folder; `open` twice in one test reopens the same database. */
export function embeddedHarness(): Harness {
  let dir = '';
  const path = () => join(dir, 'graph.lbug');
  return {
    name: 'embedded',
    skip: () => undefined,
    cli: () => ({ args: ['--db', path()], env: {} }),
    async reset() {
      if (dir) rmSync(dir, { recursive: true, force: true });
      dir = mkdtempSync(join(tmpdir(), 'newsgraph-embedded-'));
    },
    async open(options = {}) {
      const sink = await openEmbeddedSink({
        path: path(),
        onStatement: options.onStatement,
        bufferPoolBytes: 64 << 20,
      });
      await sink.ensureSchema();
      let closed = false;
      const close = async () => {
        if (!closed) await sink.close();
        closed = true;
      };
      return {
        sink,
        snapshot: () => readSnapshot((t) => sink.query(t)),
        query: (t, p) => sink.query(t, p),
        reader: async () => {
          await close();
          return openEmbeddedReader({ path: path() });
        },
        close,
      };
    },
    async cleanup() {
      if (dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Neo4j: the shared test server, wiped before each test. */
export function neo4jHarness(): Harness {
  const server = testNeo4j();
  return {
    name: 'neo4j',
    skip: () => (server ? undefined : neo4jSkipReason()),
    cli: () => ({
      args: [],
      env: {
        // The page store defaults to ./newsgraph.pages with Neo4j: inside the checkout, so elsewhere here.
        NEWSGRAPH_PAGES: join(tmpdir(), `newsgraph-neo4j-pages-${process.pid}`),
        NEO4J_URI: server?.uri ?? '',
        NEO4J_USER: server?.user ?? '',
        NEO4J_PASSWORD: server?.password ?? '',
      },
    }),
    async reset() {
      if (!server) return;
      const auth = server.password ? neo4j.auth.basic(server.user, server.password) : undefined;
      const driver = neo4j.driver(server.uri, auth);
      try {
        await driver.executeQuery('MATCH (n) DETACH DELETE n');
      } finally {
        await driver.close();
      }
    },
    async open(options = {}) {
      if (!server) throw new Error('no neo4j');
      const sink = await openNeo4jSink({ ...server, onStatement: options.onStatement });
      await sink.ensureSchema();
      return {
        sink,
        snapshot: () => readSnapshot((t) => sink.query(t)),
        query: (t, p) => sink.query(t, p),
        reader: async () => sink,
        close: () => sink.close(),
      };
    },
    async cleanup() {},
  };
}
