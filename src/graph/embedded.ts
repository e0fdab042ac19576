/**
 * The embedded default sink: a LadybugDB database (`@ladybugdb/core`, the maintained MIT fork of Kùzu,
 * same Cypher dialect) in one file on disk, plus its `.wal`. The engine is imported lazily and only
 * here, so the next embedded store is one file away.
 *
 * LadybugDB allows one process per database file (a file lock) and one write transaction at a time, so
 * this sink queues its writes; a second process opening the same file fails at start-up with a
 * `graph-locked` error (`newsgraph query` then asks the holding process instead: see `query-server.ts`).
 */
import { closeSync, existsSync, openSync, readSync } from 'node:fs';
import { NewsgraphError, PermanentError, TransientError } from '../core/index.js';
import { writeOneByOne } from './bulk.js';
import { embeddedSchemaStatements, embeddedTableColumns } from './dialect.js';
import { planWrite } from './plan.js';
import { type ReadFn, startQueryServer } from './query-server.js';
import { ReadOnlyQueryError } from './read-only.js';
import { replaceArticle } from './replace-article.js';
import { distinctRuns, replaceArticles } from './replace-batch.js';
import type { BatchMode, CypherRunner, Params, Row } from './runner.js';
import type { GraphReader, GraphSink, GraphWrite, WriteSummary } from './types.js';

/** Where the database lives when neither `--db` nor `NEWSGRAPH_DB` says otherwise. */
export const DEFAULT_DB_PATH = './newsgraph.lbug';

export interface EmbeddedOptions {
  /** Database file. @defaultValue {@link DEFAULT_DB_PATH} */
  path?: string;
  /** @defaultValue 'batched' */
  batchMode?: BatchMode;
  /**
   * Buffer pool in bytes: a fixed size, so the process's memory stays bounded however large the graph
   * grows (pages beyond it are evicted to the file). @defaultValue {@link DEFAULT_BUFFER_POOL_BYTES}
   */
  bufferPoolBytes?: number;
  /**
   * Checkpoint (fold the write-ahead log into the file) once the log passes this size. Until then the
   * engine keeps the changes since the last checkpoint in memory too, so it bounds memory as well.
   * @defaultValue {@link DEFAULT_CHECKPOINT_BYTES}
   */
  checkpointBytes?: number;
  /**
   * Answer read-only queries of other processes while this one holds the file (see query-server.ts).
   * Writers only. @defaultValue true
   */
  serveQueries?: boolean;
  /**
   * Also write for other processes that find the file held (`POST /write` on the query endpoint):
   * `newsgraph serve` holds the file this way so that a worker started after it can still write
   * (see shared.ts). @defaultValue false
   */
  writesForOthers?: boolean;
  /** Called with each statement text before it runs (tracing; a throw aborts the transaction). */
  onStatement?: (text: string) => void;
}

/** 128 MiB: the 91 dev pages fit in a few MiB; the rest is room for large graphs before eviction. */
export const DEFAULT_BUFFER_POOL_BYTES = 128 << 20;
/**
 * 64 MiB. Each checkpoint appends new pages for every column it touches instead of filling the last
 * ones, so the file grows with the number of checkpoints: 2,000 wire articles took 28.3 MB with
 * checkpoints every 16 MiB (the engine's default) and 16.7 MB every 64 MiB. The price is memory: the
 * engine keeps what it has not checkpointed in memory too (see README, *Bulk path*).
 */
export const DEFAULT_CHECKPOINT_BYTES = 64 << 20;
/** Prepared statements kept per connection: batched texts vary with the labels/types present in a write. */
const MAX_PREPARED = 256;
/** The engine's message when its buffer pool has no room left. */
const POOL_FULL = /buffer pool is full/i;
/** The first bytes of a Kùzu database file (newsgraph before LadybugDB wrote those). */
const KUZU_MAGIC = 'KUZU';

type LbugModule = typeof import('@ladybugdb/core');
type Database = InstanceType<LbugModule['Database']>;
type Connection = InstanceType<LbugModule['Connection']>;
type Prepared = Awaited<ReturnType<Connection['prepare']>>;

async function loadEngine(): Promise<LbugModule> {
  const mod = (await import('@ladybugdb/core')) as LbugModule & { default?: LbugModule };
  return mod.default ?? mod;
}

/** Turn the engine's plain `Error`s into errors that say what is wrong and whether a retry helps. */
export function toEmbeddedError(err: unknown, path: string): Error {
  const message = err instanceof Error ? err.message : String(err);
  if (/Could not set lock on file/i.test(message)) {
    return new TransientError(
      'graph-locked',
      `the embedded database ${path} is open in another process (one process at a time); stop it or use another --db`,
      { cause: err, details: { path } },
    );
  }
  return new PermanentError('graph-query', message.split('\n')[0] ?? message, {
    cause: err,
    details: { path },
  });
}

/** A database file that Kùzu 0.11 wrote: LadybugDB cannot read it; say how to rebuild it. */
function refuseKuzuFile(path: string): void {
  if (!existsSync(path)) return;
  const head = Buffer.alloc(KUZU_MAGIC.length);
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    readSync(fd, head, 0, head.length, 0);
  } catch {
    return; // a directory or unreadable: the engine says what is wrong
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
  if (head.toString('latin1') !== KUZU_MAGIC) return;
  throw new PermanentError(
    'graph-kuzu-file',
    `${path} is a Kùzu 0.11 database (written by newsgraph before it moved to LadybugDB), which the embedded store cannot read. ` +
      `Re-ingest your sources into a new file, e.g. \`newsgraph ingest <pages…> --db newsgraph.lbug\` ` +
      '(or re-enqueue the URLs for the worker), then delete the old file',
    { details: { path } },
  );
}

/** Plain JSON-able values: nodes and relationships lose the engine's internal ids. */
export function embeddedToPlain(value: unknown): unknown {
  if (typeof value === 'bigint')
    return Number.isSafeInteger(Number(value)) ? Number(value) : value.toString();
  if (Array.isArray(value)) return value.map(embeddedToPlain);
  if (value instanceof Date) return value.toISOString();
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    const v = value as Record<string, unknown>;
    if ('_label' in v && ('_src' in v || '_id' in v))
      out['_src' in v ? '_type' : '_labels'] = '_src' in v ? v._label : [v._label];
    for (const [k, x] of Object.entries(v)) if (!k.startsWith('_')) out[k] = embeddedToPlain(x);
    return out;
  }
  return value;
}

/** Rows from this many on are sent as columns (see {@link columnar}). */
const COLUMNAR_FROM = 16;
const UNWIND_ROWS = 'UNWIND $rows AS r ';
const IDENTIFIER = /^[A-Za-z][A-Za-z0-9]*$/;
const KEYED_BY_ROW = /\{(?:id|key): r\.\w+\}/g;
/** Rows that stay a list of objects go in slices of this many (the conversion grows faster than the list). */
const ROW_SLICE = 128;

/**
 * The engine's Node binding converts a parameter that is a list of objects (`$rows`) in time that grows
 * faster than the list (measured on LadybugDB 0.19: 150 rows of 17 fields 8 ms, 600 rows 50 ms,
 * 1,200 rows 167 ms), while a list of plain values converts in linear time. So a statement that opens
 * with `UNWIND $rows AS r` gets its rows as one list per field instead, and rebuilds each row in the
 * query: `UNWIND range(1, size($rows__0)) AS i WITH {key: $rows__0[i], …} AS r …` (the rest of the
 * text unchanged). Rows are type-stable (plan.ts), so every row has the same fields.
 */
export function columnar(text: string, params: Params): [string, Params] {
  const rows = params.rows;
  if (!text.startsWith(UNWIND_ROWS) || !Array.isArray(rows) || rows.length < COLUMNAR_FROM) {
    return [text, params];
  }
  // Two keyed lookups after a rebuilt row are planned as a hash join over the second label's whole
  // table (measured at 10,000 articles: 300 mentions 300-800 ms instead of ~10 ms): those stay rows.
  if ((text.match(KEYED_BY_ROW) ?? []).length > 1) return [text, params];
  const fields = Object.keys(rows[0] as object);
  if (fields.length === 0 || !fields.every((f) => IDENTIFIER.test(f))) return [text, params];
  const { rows: _, ...rest } = params;
  const columns: Params = { ...rest };
  const struct = fields.map((f, i) => {
    const column = rows.map((r) => (r as Record<string, unknown>)[f] ?? null);
    // A column of nulls only has no type; the only nullable fields are texts (plan.ts).
    if (column.every((v) => v === null)) return `${f}: CAST(NULL AS STRING)`;
    columns[`rows__${i}`] = column;
    return `${f}: $rows__${i}[i__]`;
  });
  const sized = Object.keys(columns).find((k) => k.startsWith('rows__'));
  if (!sized) return [text, params];
  const head = `UNWIND range(1, size($${sized})) AS i__ WITH {${struct.join(', ')}} AS r `;
  return [head + text.slice(UNWIND_ROWS.length), columns];
}

/** One connection with a prepared-statement cache; statements run strictly one after another. */
class EmbeddedSession implements CypherRunner {
  private readonly prepared = new Map<string, Prepared>();
  constructor(
    readonly db: Database,
    readonly conn: Connection,
    readonly path: string,
    private readonly onStatement?: (text: string) => void,
  ) {}

  async run(text: string, params: Params = {}): Promise<Row[]> {
    this.onStatement?.(text);
    [text, params] = columnar(text, params);
    const rows = params.rows;
    if (text.startsWith(UNWIND_ROWS) && Array.isArray(rows) && rows.length > ROW_SLICE) {
      // Each row is unwound on its own, so slices give the same result (and rows) as the whole list.
      const out: Row[] = [];
      for (let i = 0; i < rows.length; i += ROW_SLICE) {
        out.push(...(await this.runOne(text, { ...params, rows: rows.slice(i, i + ROW_SLICE) })));
      }
      return out;
    }
    return this.runOne(text, params);
  }

  private async runOne(text: string, params: Params): Promise<Row[]> {
    try {
      let ps = this.prepared.get(text);
      if (!ps) {
        ps = await this.conn.prepare(text);
        if (!ps.isSuccess()) throw new Error(ps.getErrorMessage());
        if (this.prepared.size >= MAX_PREPARED) this.prepared.delete(this.prepared.keys().next().value!);
        this.prepared.set(text, ps);
      }
      const result = await this.conn.execute(ps, params as never);
      const results = Array.isArray(result) ? result : [result];
      const rows = await results[results.length - 1]!.getAll();
      for (const r of results) r.close();
      return rows as Row[];
    } catch (err) {
      throw toEmbeddedError(err, this.path);
    }
  }

  /** Forget prepared statements (a cached plan may not survive a rollback). */
  forgetPrepared(): void {
    this.prepared.clear();
  }

  async exec(text: string): Promise<void> {
    try {
      const result = await this.conn.query(text);
      for (const r of Array.isArray(result) ? result : [result]) r.close();
    } catch (err) {
      throw toEmbeddedError(err, this.path);
    }
  }

  /**
   * A second connection on the same database that runs one read-only statement at a time inside a
   * `READ ONLY` transaction (it sees the last committed state while a write is under way). It keeps
   * its read-only prepared statements: planning the explorer's fact reads (15 relationship types)
   * took ~2 ms a time, as long as running them on a small entity.
   */
  async readConnection(): Promise<ReadFn> {
    const engine = await loadEngine();
    const conn = new engine.Connection(this.db);
    await conn.init();
    this.readers.push(conn);
    const prepared = new Map<string, Prepared>();
    let queue: Promise<unknown> = Promise.resolve();
    const read = async (text: string, params: Params): Promise<Row[]> => {
      try {
        let ps = prepared.get(text);
        if (!ps) {
          ps = await conn.prepare(text);
          if (!ps.isSuccess()) throw new Error(ps.getErrorMessage());
          if (!ps.isReadOnly())
            throw new ReadOnlyQueryError('read-only', 'newsgraph query is read-only: the statement writes');
          if (prepared.size >= MAX_PREPARED) prepared.delete(prepared.keys().next().value!);
          prepared.set(text, ps);
        }
        for (const r of [await conn.query('BEGIN TRANSACTION READ ONLY')].flat()) r.close();
        let rows: Row[];
        try {
          const results = [await conn.execute(ps, params as never)].flat();
          const got = await results[results.length - 1]!.getAll();
          for (const r of results) r.close();
          rows = got.map((r) => embeddedToPlain(r) as Row);
        } catch (err) {
          prepared.delete(text); // prepared afresh next time, in case the plan was the trouble
          // A failed statement has already ended the transaction: its COMMIT error would hide the real one.
          await conn.query('COMMIT').then(
            (r) => {
              for (const x of [r].flat()) x.close();
            },
            () => undefined,
          );
          throw err;
        }
        for (const r of [await conn.query('COMMIT')].flat()) r.close();
        return rows;
      } catch (err) {
        throw err instanceof NewsgraphError ? err : toEmbeddedError(err, this.path);
      }
    };
    return (text, params) => {
      const next = queue.then(() => read(text, params));
      queue = next.catch(() => undefined);
      return next;
    };
  }

  private readonly readers: Connection[] = [];

  async close(): Promise<void> {
    for (const r of this.readers) await r.close();
    await this.conn.close();
    await this.db.close();
  }
}

async function openSession(
  path: string,
  readOnly: boolean,
  options: EmbeddedOptions,
): Promise<EmbeddedSession> {
  if (readOnly && !existsSync(path)) {
    throw new PermanentError('graph-missing', `no embedded database at ${path} (ingest something first)`, {
      details: { path },
    });
  }
  refuseKuzuFile(path);
  const engine = await loadEngine();
  const db = new engine.Database(
    path,
    options.bufferPoolBytes ?? DEFAULT_BUFFER_POOL_BYTES,
    true,
    readOnly,
    0,
    true,
    options.checkpointBytes ?? DEFAULT_CHECKPOINT_BYTES,
  );
  try {
    await db.init();
    const conn = new engine.Connection(db);
    await conn.init();
    return new EmbeddedSession(db, conn, path, options.onStatement);
  } catch (err) {
    await db.close().catch(() => undefined);
    throw toEmbeddedError(err, path);
  }
}

/** The embedded {@link GraphSink} (LadybugDB). Open it with {@link openEmbeddedSink}. */
export class EmbeddedSink implements GraphSink, GraphReader {
  readonly kind = 'embedded';
  private queue: Promise<unknown> = Promise.resolve();

  private server: { close(): Promise<void> } | undefined;

  constructor(
    private readonly session: EmbeddedSession,
    private readonly batchMode: BatchMode,
  ) {}

  private readFn: ReadFn | undefined;

  /**
   * Answer other processes' read-only queries until {@link close} (see query-server.ts); with
   * `writesForOthers`, also write their articles (queued with this process's own writes).
   */
  async serveQueries(writesForOthers = false): Promise<void> {
    this.readFn ??= await this.session.readConnection();
    this.server ??= await startQueryServer(
      this.session.path,
      this.readFn,
      writesForOthers
        ? { ensureSchema: () => this.ensureSchema(), writeMany: (w) => this.writeMany(w) }
        : undefined,
    );
  }

  /**
   * Run a read-only text on the read connection, in a `READ ONLY` transaction: it sees the last
   * committed state and does not wait for a write under way (the holder's own explorer reads so).
   */
  async readCommitted(text: string, params: Params = {}): Promise<Row[]> {
    this.readFn ??= await this.session.readConnection();
    return this.readFn(text, params);
  }

  /** The database file. */
  get path(): string {
    return this.session.path;
  }

  /**
   * Create the node and relationship tables (idempotent). A database whose tables lack columns of the
   * current model (written by an older newsgraph) is refused: `IF NOT EXISTS` would keep the old tables,
   * and adding the columns empty would leave the stored name tallies wrong.
   */
  async ensureSchema(): Promise<void> {
    await this.serial(async () => {
      for (const ddl of embeddedSchemaStatements()) await this.session.exec(ddl);
      for (const [table, expected] of embeddedTableColumns()) {
        const have = new Set(
          (await this.session.run(`CALL table_info('${table}') RETURN name`)).map((r) => String(r.name)),
        );
        const missing = expected.filter((c) => !have.has(c));
        if (missing.length > 0) {
          throw new PermanentError(
            'graph-outdated',
            `the embedded database ${this.session.path} was written by an older newsgraph (${table} has no ${missing.join(', ')}); ingest into a new --db`,
            { details: { path: this.session.path, table, missing } },
          );
        }
      }
    });
  }

  /** Replace the article's contribution in one transaction (writes are queued, one at a time). */
  write(write: GraphWrite): Promise<WriteSummary> {
    return this.serial(() =>
      this.withRoom(async () => {
        const started = performance.now();
        const plan = planWrite(write);
        await this.session.exec('BEGIN TRANSACTION');
        try {
          const counts = await replaceArticle(this.session, plan, this.batchMode);
          await this.session.exec('COMMIT');
          return { articleId: write.article.id, ...counts, ms: Math.round(performance.now() - started) };
        } catch (err) {
          // The engine already rolled back when a statement failed; then ROLLBACK reports "no active transaction".
          await this.session.exec('ROLLBACK').catch(() => undefined);
          this.session.forgetPrepared();
          throw err;
        }
      }),
    );
  }

  /**
   * Run a transaction; when the buffer pool is full, checkpoint and run it once more. The engine keeps
   * the changes since the last checkpoint in the pool, and the log-size threshold alone lets many
   * small transactions fill it first (a fixed pool bounds memory; a checkpoint makes room in it).
   */
  private async withRoom<T>(transaction: () => Promise<T>): Promise<T> {
    try {
      return await transaction();
    } catch (err) {
      if (!POOL_FULL.test((err as Error).message)) throw err;
      await this.session.exec('CHECKPOINT');
      return transaction();
    }
  }

  /**
   * The bulk path: the writes in one transaction, in order. If any fails, the transaction is rolled
   * back and they are written one transaction each, so only the bad ones fail.
   */
  async writeMany(writes: GraphWrite[]): Promise<Array<WriteSummary | Error>> {
    const together = await this.serial(() =>
      this.withRoom(async () => {
        await this.session.exec('BEGIN TRANSACTION');
        try {
          const out: WriteSummary[] = [];
          const started = performance.now();
          const plans = writes.map(planWrite);
          if (this.batchMode === 'batched') {
            // One statement set per run of distinct articles (see replace-batch.ts).
            for (const run of distinctRuns(plans)) {
              for (const [i, counts] of (await replaceArticles(this.session, run)).entries()) {
                out.push({ articleId: run[i]!.article.id, ...counts, ms: 0 });
              }
            }
          } else {
            for (const plan of plans) {
              const counts = await replaceArticle(this.session, plan, this.batchMode);
              out.push({ articleId: plan.article.id, ...counts, ms: 0 });
            }
          }
          await this.session.exec('COMMIT');
          // The batch's time, shared evenly: its articles were written together.
          const ms = Math.round((performance.now() - started) / Math.max(1, out.length));
          return out.map((s) => ({ ...s, ms }));
        } catch (err) {
          await this.session.exec('ROLLBACK').catch(() => undefined);
          this.session.forgetPrepared();
          if (err instanceof TransientError || POOL_FULL.test((err as Error).message)) throw err;
          return undefined; // a bad article: written one by one below
        }
      }).catch((err: unknown) => {
        if (err instanceof TransientError) throw err;
        return undefined;
      }),
    );
    return together ?? writeOneByOne(this, writes);
  }

  /** Run a Cypher text (the caller checks it is read-only; see `read-only.ts`). */
  query(text: string, params: Params = {}): Promise<Row[]> {
    return this.serial(async () =>
      (await this.session.run(text, params)).map((r) => embeddedToPlain(r) as Row),
    );
  }

  async close(): Promise<void> {
    await this.server?.close();
    this.server = undefined;
    return this.serial(() => this.session.close());
  }

  private serial<T>(task: () => Promise<T>): Promise<T> {
    const next = this.queue.then(task, task);
    this.queue = next.catch(() => undefined);
    return next;
  }
}

/** Open (creating if needed) the embedded database for writing. Fails with `graph-locked` if another process has it. */
export async function openEmbeddedSink(options: EmbeddedOptions = {}): Promise<EmbeddedSink> {
  const path = options.path ?? DEFAULT_DB_PATH;
  const session = await openSession(path, false, options);
  const sink = new EmbeddedSink(session, options.batchMode ?? 'batched');
  if (options.serveQueries ?? true) {
    try {
      await sink.serveQueries(options.writesForOthers ?? false);
    } catch (err) {
      await sink.close();
      throw err;
    }
  }
  return sink;
}

/** Open an existing embedded database read-only: the database itself refuses any write. */
export async function openEmbeddedReader(options: EmbeddedOptions = {}): Promise<GraphReader> {
  const path = options.path ?? DEFAULT_DB_PATH;
  const session = await openSession(path, true, options);
  return new EmbeddedSink(session, 'batched');
}
