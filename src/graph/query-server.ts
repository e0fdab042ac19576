/**
 * Queries while ingesting. An embedded database admits one process, so the process that holds it (a
 * worker, a long `ingest`) answers read-only queries for others: a loopback HTTP endpoint
 * (127.0.0.1, a free port) announced in a lease file next to the database (`<db>.query.json`, mode
 * 0600, with a random token the caller must send). `openReader` falls back to it when the file is held.
 *
 * Read-only as `newsgraph query` is everywhere: the server checks the text with `assertReadOnly`, the
 * holder runs it on its own read connection inside a `READ ONLY` transaction and refuses a statement
 * the engine does not classify as read-only.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { NewsgraphError, PermanentError, TransientError } from '../core/index.js';
import { assertReadOnly, ReadOnlyQueryError } from './read-only.js';
import type { GraphReader, GraphSink, GraphWrite, QueryRow, WriteSummary } from './types.js';

/** What the holder announces. */
export interface QueryLease {
  pid: number;
  port: number;
  token: string;
  /** The holder also writes for others (`newsgraph serve` does: see shared.ts); workers and ingest do not. */
  writes?: boolean;
}

export type ReadFn = (text: string, params: Record<string, unknown>) => Promise<QueryRow[]>;

/** What a holder that writes for others runs: its own sink's schema and bulk writes. */
export interface WriteHandler {
  ensureSchema(): Promise<void>;
  writeMany(writes: GraphWrite[]): Promise<Array<WriteSummary | Error>>;
}

/** An error as it travels between processes. */
interface WireError {
  code?: string;
  message?: string;
  retriable?: boolean;
}

const toWire = (err: unknown): WireError => ({
  code: err instanceof NewsgraphError ? err.code : 'graph-write',
  message: err instanceof Error ? err.message : String(err),
  retriable: err instanceof NewsgraphError ? err.retriable : true,
});

const fromWire = (e: WireError): Error =>
  e.retriable === false
    ? new PermanentError(e.code ?? 'graph-write', e.message ?? 'the holder refused the write')
    : new TransientError(e.code ?? 'graph-write', e.message ?? 'the holder could not write');

/** A query body larger than this is refused (texts and parameters are small). */
const MAX_BODY_BYTES = 1 << 20;

/** Where the holder of `dbPath` announces its endpoint. */
export const leasePathOf = (dbPath: string): string => `${dbPath}.query.json`;

/** A bulk write of 100 articles with their sentences. */
const MAX_WRITE_BODY_BYTES = 256 << 20;

async function readBody(req: IncomingMessage, max = MAX_BODY_BYTES): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > max) throw new PermanentError('too-large', 'query body too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

const sameToken = (given: string, token: string): boolean =>
  given.length === token.length && timingSafeEqual(Buffer.from(given), Buffer.from(token));

/**
 * Serve read-only queries for the database at `dbPath` until `close`; with `write`, also `POST /write`
 * (a list of articles, written by the holder's sink) and `POST /schema`, for writers that start while
 * this process holds the file.
 */
export async function startQueryServer(
  dbPath: string,
  read: ReadFn,
  write?: WriteHandler,
): Promise<{ close(): Promise<void> }> {
  const token = randomBytes(24).toString('hex');
  const server = createServer(async (req, res) => {
    const writing = write !== undefined && (req.url === '/write' || req.url === '/schema');
    if (req.method !== 'POST' || (req.url !== '/query' && !writing))
      return send(res, 404, { error: { code: 'not-found' } });
    if (!sameToken(String(req.headers.authorization ?? '').replace(/^Bearer /, ''), token))
      return send(res, 401, { error: { code: 'unauthorized', message: 'bad token' } });
    if (writing) {
      try {
        const body = await readBody(req, MAX_WRITE_BODY_BYTES);
        if (req.url === '/schema') {
          await write.ensureSchema();
          return send(res, 200, { ok: true });
        }
        const { writes } = JSON.parse(body) as { writes: GraphWrite[] };
        const results = await write.writeMany(writes);
        return send(res, 200, {
          results: results.map((r) => (r instanceof Error ? { error: toWire(r) } : { summary: r })),
        });
      } catch (err) {
        return send(res, 500, { error: toWire(err) });
      }
    }
    try {
      const { text, params } = JSON.parse(await readBody(req)) as {
        text: string;
        params?: Record<string, unknown>;
      };
      assertReadOnly(String(text));
      send(res, 200, { rows: await read(String(text), params ?? {}) });
    } catch (err) {
      const code = err instanceof NewsgraphError ? err.code : 'bad-request';
      send(res, err instanceof NewsgraphError && !(err instanceof ReadOnlyQueryError) ? 500 : 400, {
        error: { code, message: (err as Error).message },
      });
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  server.unref(); // never what keeps a process alive
  const port = (server.address() as { port: number }).port;
  const lease = leasePathOf(dbPath);
  const announced: QueryLease = { pid: process.pid, port, token, ...(write ? { writes: true } : {}) };
  // Written aside then renamed into place: a reader never sees a half-written lease.
  const pending = `${lease}.${process.pid}.tmp`;
  writeFileSync(pending, JSON.stringify(announced), { mode: 0o600 });
  renameSync(pending, lease);
  return {
    async close() {
      if (readLease(dbPath)?.token === token) rmSync(lease, { force: true });
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export function readLease(dbPath: string): QueryLease | undefined {
  try {
    const lease = JSON.parse(readFileSync(leasePathOf(dbPath), 'utf8')) as QueryLease;
    return Number.isInteger(lease.port) && typeof lease.token === 'string' ? lease : undefined;
  } catch {
    return undefined;
  }
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Rebuild the holder's error on this side: a refused write stays an input error (exit code 2). */
function remoteError(body: { error?: { code?: string; message?: string } }, status: number): Error {
  const code = body.error?.code ?? 'remote-query';
  const message = body.error?.message ?? `the holding process answered ${status}`;
  if (code === 'read-only') return new ReadOnlyQueryError(code, message);
  return new PermanentError(code, message);
}

/**
 * A reader that asks the process holding `dbPath` (see {@link startQueryServer}), or undefined when
 * no live process announces itself there.
 */
export function openRemoteReader(dbPath: string): GraphReader | undefined {
  const lease = readLease(dbPath);
  if (!lease || !isAlive(lease.pid)) return undefined;
  return {
    kind: 'embedded',
    async query(text: string, params: Record<string, unknown> = {}): Promise<QueryRow[]> {
      let res: Response;
      try {
        res = await fetch(`http://127.0.0.1:${lease.port}/query`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${lease.token}` },
          body: JSON.stringify({ text, params }),
        });
      } catch (err) {
        throw new TransientError(
          'graph-locked',
          `the embedded database ${dbPath} is held by process ${lease.pid}, which does not answer queries (${(err as Error).message})`,
          { cause: err, details: { path: dbPath } },
        );
      }
      const body = (await res.json()) as { rows?: QueryRow[]; error?: { code?: string; message?: string } };
      if (!res.ok || !body.rows) throw remoteError(body, res.status);
      return body.rows;
    },
    async close() {},
  };
}

/** The holder did not answer: it is gone or going (the caller may look for the file again). */
export const HOLDER_GONE = 'graph-holder-gone';

/**
 * A sink that asks the process holding `dbPath` to write (a holder that announces `writes`: `newsgraph
 * serve`), or undefined when no live process announces that.
 */
export function openRemoteSink(dbPath: string): (GraphSink & GraphReader) | undefined {
  const lease = readLease(dbPath);
  if (!lease?.writes || !isAlive(lease.pid)) return undefined;
  const reader = openRemoteReader(dbPath)!;
  const post = async (path: string, body: unknown): Promise<Record<string, unknown>> => {
    let res: Response;
    try {
      res = await fetch(`http://127.0.0.1:${lease.port}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${lease.token}` },
        body: JSON.stringify(body),
      });
    } catch (err) {
      throw new TransientError(
        HOLDER_GONE,
        `process ${lease.pid}, which held the embedded database ${dbPath}, does not answer (${(err as Error).message})`,
        { cause: err, details: { path: dbPath } },
      );
    }
    const answer = (await res.json()) as Record<string, unknown> & { error?: WireError };
    if (!res.ok) throw fromWire(answer.error ?? {});
    return answer;
  };
  const writeMany = async (writes: GraphWrite[]): Promise<Array<WriteSummary | Error>> => {
    const { results } = (await post('/write', { writes })) as {
      results: Array<{ summary?: WriteSummary; error?: WireError }>;
    };
    return results.map((r) => r.summary ?? fromWire(r.error ?? {}));
  };
  return {
    kind: 'embedded',
    query: (text, params) => reader.query(text, params),
    async ensureSchema() {
      await post('/schema', {});
    },
    async write(write: GraphWrite) {
      const [result] = await writeMany([write]);
      if (result instanceof Error) throw result;
      return result!;
    },
    writeMany,
    async close() {},
  };
}
