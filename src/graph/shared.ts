/**
 * The embedded file shared between processes, whichever starts first. LadybugDB admits one process per
 * file, and a read-only open racing a writer can crash (LadybugDB/ladybug#766), so no process here ever
 * opens the file read-only: each either HOLDS it (opens it for writing and answers the others on its
 * query endpoint, query-server.ts) or ASKS the process that holds it.
 *
 * - `newsgraph serve` (role `serve`) holds the file when it is free and then also writes for others
 *   (`POST /write`): a worker or `ingest` started after it writes through it. When the file is held, it
 *   reads through the holder.
 * - A writer (role `write`: the worker, `ingest`) holds the file when it is free; when `serve` holds it,
 *   it writes through `serve`; when another writer holds it, it fails `graph-locked` as before (one
 *   writing process at a time).
 *
 * When the holder goes (it stopped), the next request looks again: it holds the file itself or asks
 * the new holder, and is retried once (writes are idempotent: an article replaces its contribution).
 */
import { existsSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { NewsgraphError, PermanentError } from '../core/index.js';
import { DEFAULT_DB_PATH, type EmbeddedOptions, type EmbeddedSink, openEmbeddedSink } from './embedded.js';
import { isAlive, openRemoteReader, openRemoteSink, type QueryLease, readLease } from './query-server.js';
import type { Params, Row } from './runner.js';
import type { GraphReader, GraphSink, GraphWrite, WriteSummary } from './types.js';

export type SharedRole = 'serve' | 'write';

/** How long a process waits for a holder that is starting (no lease yet) or stopping (file still locked). */
const HANDOFF_MS = 15_000;
const POLL_MS = 100;

type Target =
  | { local: EmbeddedSink; remote?: undefined }
  | { remote: GraphReader & Partial<GraphSink>; lease: QueryLease; local?: undefined };

const isLocked = (err: unknown): boolean => err instanceof NewsgraphError && err.code === 'graph-locked';

/** The holder we asked is gone or replaced: its lease was removed, rewritten, or its process died. */
function holderGone(lease: QueryLease, path: string): boolean {
  const now = readLease(path);
  return now?.token !== lease.token || !isAlive(lease.pid);
}

/** See the module comment. Open with {@link openShared}. */
export class SharedEmbedded implements GraphSink, GraphReader {
  readonly kind = 'embedded';
  private target: Promise<Target> | undefined;
  private closed = false;

  constructor(
    private readonly role: SharedRole,
    private readonly options: EmbeddedOptions & { path: string },
  ) {}

  /** Whether this process holds the file (else it asks the holder). */
  async holds(): Promise<boolean> {
    return (await this.current()).local !== undefined;
  }

  private current(): Promise<Target> {
    this.target ??= this.resolve();
    const t = this.target;
    t.catch(() => {
      if (this.target === t) this.target = undefined;
    });
    return t;
  }

  private async resolve(): Promise<Target> {
    const { path } = this.options;
    const deadline = Date.now() + HANDOFF_MS;
    for (;;) {
      if (this.closed) throw new PermanentError('graph-closed', `${path} was closed`);
      try {
        const local = await openEmbeddedSink({ ...this.options, writesForOthers: this.role === 'serve' });
        return { local };
      } catch (err) {
        if (!isLocked(err)) throw err;
        const lease = readLease(path);
        if (lease && isAlive(lease.pid)) {
          if (this.role === 'serve') return { remote: openRemoteReader(path)!, lease };
          const remote = openRemoteSink(path);
          if (remote) return { remote, lease };
          throw err; // held by another writer: one writing process at a time
        }
        if (Date.now() > deadline) throw err;
        await sleep(POLL_MS); // the holder is starting (no lease yet) or stopping (file still locked)
      }
    }
  }

  /** Run `op` on the holder; when the holder we asked is gone, look again and run it once more. */
  private async use<T>(op: (t: Target) => Promise<T>): Promise<T> {
    const pending = this.current();
    const t = await pending;
    try {
      return await op(t);
    } catch (err) {
      if (!t.remote || !holderGone(t.lease, this.options.path)) throw err;
      if (this.target === pending) this.target = undefined;
      return op(await this.current());
    }
  }

  query(text: string, params: Params = {}): Promise<Row[]> {
    return this.use((t) =>
      t.local
        ? this.role === 'serve'
          ? t.local.readCommitted(text, params)
          : t.local.query(text, params)
        : t.remote.query(text, params),
    );
  }

  ensureSchema(): Promise<void> {
    return this.use((t) => (t.local ?? writer(t.remote)).ensureSchema());
  }

  write(write: GraphWrite): Promise<WriteSummary> {
    return this.use((t) => (t.local ?? writer(t.remote)).write(write));
  }

  writeMany(writes: GraphWrite[]): Promise<Array<WriteSummary | Error>> {
    return this.use((t) => writer(t.local ?? t.remote).writeMany!(writes));
  }

  async close(): Promise<void> {
    this.closed = true;
    const t = await this.target?.catch(() => undefined);
    this.target = undefined;
    await t?.local?.close();
  }
}

function writer(t: GraphReader & Partial<GraphSink>): GraphSink {
  if (!t.write || !t.writeMany || !t.ensureSchema)
    throw new PermanentError('read-only', 'this process only reads the embedded database');
  return t as GraphSink;
}

/**
 * Hold the embedded file or find its holder (see the module comment), at once so that errors show at
 * start-up. `serve` needs an existing file (there is nothing to show otherwise) of the current model.
 */
export async function openShared(role: SharedRole, options: EmbeddedOptions = {}): Promise<SharedEmbedded> {
  const path = options.path ?? DEFAULT_DB_PATH;
  if (role === 'serve' && !existsSync(path))
    throw new PermanentError('graph-missing', `no embedded database at ${path} (ingest something first)`, {
      details: { path },
    });
  const shared = new SharedEmbedded(role, { ...options, path });
  try {
    // Holding it, serve refuses a file of an older model (`graph-outdated`) as writers do.
    if ((await shared.holds()) && role === 'serve') await shared.ensureSchema();
  } catch (err) {
    await shared.close();
    throw err;
  }
  return shared;
}
