/**
 * The embedded default sink: a Kùzu database in one file on disk (plus its `.wal`). `kuzu` is imported
 * lazily, so a successor store is one file away (upstream was archived in Oct 2025; 0.11.x is final).
 *
 * Kùzu allows one writer per database file (a file lock) and one write transaction at a time, so this
 * sink queues its writes; a second process opening the same file for writing fails at start-up with a
 * `kuzu-locked` error.
 */
import { existsSync } from 'node:fs';
import { PermanentError, TransientError } from '../core/index.js';
import { kuzuSchemaStatements, kuzuTableColumns } from './dialect.js';
import { planWrite } from './plan.js';
import { replaceArticle } from './replace-article.js';
import type { BatchMode, CypherRunner, Params, Row } from './runner.js';
import type { GraphReader, GraphSink, GraphWrite, WriteSummary } from './types.js';

/** Where the database lives when neither `--db` nor `NEWSGRAPH_DB` says otherwise. */
export const DEFAULT_KUZU_PATH = './newsgraph.kuzu';

export interface KuzuOptions {
  /** Database file. @defaultValue {@link DEFAULT_KUZU_PATH} */
  path?: string;
  /** @defaultValue 'batched' */
  batchMode?: BatchMode;
  /**
   * Kùzu buffer pool in bytes. @defaultValue 0 = Kùzu's default (80% of RAM, reserved virtually).
   * Keep it generous: with 15 fact tables × 16 label pairs, 256 MiB filled up after ~600 articles.
   */
  bufferPoolBytes?: number;
  /** Called with each statement text before it runs (tracing; a throw aborts the transaction). */
  onStatement?: (text: string) => void;
}

const DEFAULT_BUFFER_POOL_BYTES = 0;
/** Prepared statements kept per connection: batched texts vary with the labels/types present in a write. */
const MAX_PREPARED = 256;

type KuzuModule = typeof import('kuzu');
type Database = InstanceType<KuzuModule['Database']>;
type Connection = InstanceType<KuzuModule['Connection']>;
type Prepared = Awaited<ReturnType<Connection['prepare']>>;

async function loadKuzu(): Promise<KuzuModule> {
  const mod = (await import('kuzu')) as KuzuModule & { default?: KuzuModule };
  return mod.default ?? mod;
}

/** Turn Kùzu's plain `Error`s into errors that say what is wrong and whether a retry helps. */
export function toKuzuError(err: unknown, path: string): Error {
  const message = err instanceof Error ? err.message : String(err);
  if (/Could not set lock on file/i.test(message)) {
    return new TransientError(
      'kuzu-locked',
      `the Kùzu database ${path} is open in another process (one writer at a time); stop it or use another --db`,
      { cause: err, details: { path } },
    );
  }
  return new PermanentError('kuzu-query', message.split('\n')[0] ?? message, {
    cause: err,
    details: { path },
  });
}

/** Plain JSON-able values: nodes and relationships lose Kùzu's internal ids. */
export function kuzuToPlain(value: unknown): unknown {
  if (typeof value === 'bigint')
    return Number.isSafeInteger(Number(value)) ? Number(value) : value.toString();
  if (Array.isArray(value)) return value.map(kuzuToPlain);
  if (value instanceof Date) return value.toISOString();
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    const v = value as Record<string, unknown>;
    if ('_label' in v && ('_src' in v || '_id' in v))
      out['_src' in v ? '_type' : '_labels'] = '_src' in v ? v._label : [v._label];
    for (const [k, x] of Object.entries(v)) if (!k.startsWith('_')) out[k] = kuzuToPlain(x);
    return out;
  }
  return value;
}

/** One connection with a prepared-statement cache; statements run strictly one after another. */
class KuzuSession implements CypherRunner {
  private readonly prepared = new Map<string, Prepared>();
  constructor(
    readonly db: Database,
    readonly conn: Connection,
    readonly path: string,
    private readonly onStatement?: (text: string) => void,
  ) {}

  async run(text: string, params: Params = {}): Promise<Row[]> {
    this.onStatement?.(text);
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
      throw toKuzuError(err, this.path);
    }
  }

  /** Forget prepared statements (after a rollback Kùzu 0.11 may run a cached plan against stale state). */
  forgetPrepared(): void {
    this.prepared.clear();
  }

  async exec(text: string): Promise<void> {
    try {
      const result = await this.conn.query(text);
      for (const r of Array.isArray(result) ? result : [result]) r.close();
    } catch (err) {
      throw toKuzuError(err, this.path);
    }
  }

  async close(): Promise<void> {
    await this.conn.close();
    await this.db.close();
  }
}

async function openSession(path: string, readOnly: boolean, options: KuzuOptions): Promise<KuzuSession> {
  if (readOnly && !existsSync(path)) {
    throw new PermanentError('kuzu-missing', `no Kùzu database at ${path} (ingest something first)`, {
      details: { path },
    });
  }
  const kuzu = await loadKuzu();
  const db = new kuzu.Database(path, options.bufferPoolBytes ?? DEFAULT_BUFFER_POOL_BYTES, true, readOnly);
  try {
    await db.init();
    const conn = new kuzu.Connection(db);
    await conn.init();
    return new KuzuSession(db, conn, path, options.onStatement);
  } catch (err) {
    await db.close().catch(() => undefined);
    throw toKuzuError(err, path);
  }
}

/** The Kùzu {@link GraphSink}. Open it with {@link openKuzuSink}. */
export class KuzuSink implements GraphSink, GraphReader {
  readonly kind = 'kuzu';
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly session: KuzuSession,
    private readonly batchMode: BatchMode,
  ) {}

  /**
   * Create the node and relationship tables (idempotent). A database whose tables lack columns of the
   * current model (written by an older newsgraph) is refused: `IF NOT EXISTS` would keep the old tables,
   * and adding the columns empty would leave the stored name tallies wrong.
   */
  async ensureSchema(): Promise<void> {
    await this.serial(async () => {
      for (const ddl of kuzuSchemaStatements()) await this.session.exec(ddl);
      for (const [table, expected] of kuzuTableColumns()) {
        const have = new Set(
          (await this.session.run(`CALL table_info('${table}') RETURN name`)).map((r) => String(r.name)),
        );
        const missing = expected.filter((c) => !have.has(c));
        if (missing.length > 0) {
          throw new PermanentError(
            'graph-outdated',
            `the Kùzu database ${this.session.path} was written by an older newsgraph (${table} has no ${missing.join(', ')}); ingest into a new --db`,
            { details: { path: this.session.path, table, missing } },
          );
        }
      }
    });
  }

  /** Replace the article's contribution in one transaction (writes are queued, one at a time). */
  write(write: GraphWrite): Promise<WriteSummary> {
    return this.serial(async () => {
      const started = performance.now();
      const plan = planWrite(write);
      await this.session.exec('BEGIN TRANSACTION');
      try {
        const counts = await replaceArticle(this.session, plan, this.batchMode);
        await this.session.exec('COMMIT');
        return { articleId: write.article.id, ...counts, ms: Math.round(performance.now() - started) };
      } catch (err) {
        // Kùzu already rolled back when a statement failed; then ROLLBACK reports "no active transaction".
        await this.session.exec('ROLLBACK').catch(() => undefined);
        this.session.forgetPrepared();
        throw err;
      }
    });
  }

  /** Run a Cypher text (the caller checks it is read-only; see `read-only.ts`). */
  query(text: string, params: Params = {}): Promise<Row[]> {
    return this.serial(async () => (await this.session.run(text, params)).map((r) => kuzuToPlain(r) as Row));
  }

  close(): Promise<void> {
    return this.serial(() => this.session.close());
  }

  private serial<T>(task: () => Promise<T>): Promise<T> {
    const next = this.queue.then(task, task);
    this.queue = next.catch(() => undefined);
    return next;
  }
}

/** Open (creating if needed) a Kùzu database for writing. Fails with `kuzu-locked` if another process has it. */
export async function openKuzuSink(options: KuzuOptions = {}): Promise<KuzuSink> {
  const path = options.path ?? DEFAULT_KUZU_PATH;
  const session = await openSession(path, false, options);
  return new KuzuSink(session, options.batchMode ?? 'batched');
}

/** Open an existing Kùzu database read-only: the database itself refuses any write. */
export async function openKuzuReader(options: KuzuOptions = {}): Promise<GraphReader> {
  const path = options.path ?? DEFAULT_KUZU_PATH;
  const session = await openSession(path, true, options);
  return new KuzuSink(session, 'batched');
}
