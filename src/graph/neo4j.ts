/**
 * The Neo4j 5 sink (neo4j-driver): managed transactions (`executeWrite` / `executeRead`) that the driver
 * retries on transient errors, `UNWIND` batches, uniqueness constraints so concurrent MERGEs never
 * duplicate an entity. Integers cross the driver boundary here and only here.
 */
import neo4j, { type Driver, type ManagedTransaction } from 'neo4j-driver';
import { PermanentError, TransientError } from '../core/index.js';
import { writeOneByOne } from './bulk.js';
import { neo4jSchemaStatements } from './dialect.js';
import { planWrite } from './plan.js';
import { replaceArticle } from './replace-article.js';
import type { BatchMode, CypherRunner, Params, Row } from './runner.js';
import type { GraphReader, GraphSink, GraphWrite, WriteSummary } from './types.js';

export interface Neo4jOptions {
  /** `bolt://`, `neo4j://` (cluster routing) or their `+s` variants. */
  uri: string;
  /** @defaultValue 'neo4j' */
  user?: string;
  /** No authentication when absent. */
  password?: string;
  /** @defaultValue the server's default database */
  database?: string;
  /** @defaultValue 'batched' */
  batchMode?: BatchMode;
  /** Called with each statement text before it runs (tracing; a throw aborts the transaction). */
  onStatement?: (text: string) => void;
  /** How long the driver keeps retrying a transaction that fails transiently. @defaultValue 30 000 ms */
  maxRetryMs?: number;
}

const CONNECT_TIMEOUT_MS = 10_000; // a down server should fail a CLI run in seconds, not the driver's 60 s
/**
 * The server aborts a write transaction after this long. Neo4j waits for locks without limit by default;
 * a transaction stuck behind another (e.g. one of a worker killed mid-write whose connection the server
 * has not dropped yet) then fails with a retriable `neo4j-timeout` instead of hanging the job.
 */
const WRITE_TIMEOUT_MS = 60_000;

/**
 * Neo4j error codes of a lost schema race: writers that reach a fresh database together all run the same
 * `CREATE … IF NOT EXISTS`; none sees the others' uncommitted rule, so the later commits fail with
 * "An equivalent index already exists". The rule is then in place, which is all the statement asked for.
 */
const SCHEMA_RACE_CODES =
  /^Neo\.ClientError\.Schema\.(EquivalentSchemaRuleAlreadyExists|ConstraintAlreadyExists|IndexAlreadyExists|ConstraintWithNameAlreadyExists|IndexWithNameAlreadyExists)$/;

/** True when a driver error says another process created the same schema rule at the same moment. */
export function isSchemaRace(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && SCHEMA_RACE_CODES.test(code);
}

/** Map a driver error to a NewsgraphError that names the problem and says whether retrying helps. */
export function toNeo4jError(err: unknown, uri: string): Error {
  if (!(err instanceof Error)) return new TransientError('neo4j-error', String(err));
  const code = (err as { code?: string }).code ?? '';
  const details = { uri, neo4jCode: code };
  const options = { cause: err, details };
  if (
    code === 'ServiceUnavailable' ||
    code === 'SessionExpired' ||
    /ECONNREFUSED|ENOTFOUND/.test(err.message)
  ) {
    return new TransientError('neo4j-unavailable', `Neo4j at ${uri} is unreachable: ${err.message}`, options);
  }
  if (code.startsWith('Neo.ClientError.Security.')) {
    return new PermanentError(
      'neo4j-auth',
      `Neo4j at ${uri} refused the credentials (check NEO4J_USER / NEO4J_PASSWORD): ${err.message}`,
      options,
    );
  }
  if (code === 'Neo.ClientError.Database.DatabaseNotFound') {
    return new PermanentError(
      'neo4j-database',
      `Neo4j at ${uri}: ${err.message} (check NEO4J_DATABASE)`,
      options,
    );
  }
  if (code.startsWith('Neo.ClientError.Transaction.TransactionTimedOut') || code.includes('LockClient')) {
    return new TransientError('neo4j-timeout', `Neo4j at ${uri}: ${err.message}`, options);
  }
  if (code.startsWith('Neo.TransientError.') || neo4j.isRetryableError(err)) {
    return new TransientError('neo4j-transient', err.message, options);
  }
  if (code === 'Neo.ClientError.Statement.AccessMode') {
    return new PermanentError('read-only', `the query tries to write: ${err.message}`, options);
  }
  return new PermanentError('neo4j-query', err.message, options);
}

/** JS integers become Neo4j integers (floats are sent as floats); nested lists and maps too. */
export function toNeo4jParams(value: unknown): unknown {
  if (typeof value === 'number' && Number.isInteger(value)) return neo4j.int(value);
  if (Array.isArray(value)) return value.map(toNeo4jParams);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toNeo4jParams(v)]));
  }
  return value;
}

/** Plain JSON values: Integer -> number (string beyond 2^53), nodes/relationships -> plain objects. */
export function neo4jToPlain(value: unknown): unknown {
  if (neo4j.isInt(value))
    return neo4j.integer.inSafeRange(value) ? neo4j.integer.toNumber(value) : value.toString();
  if (Array.isArray(value)) return value.map(neo4jToPlain);
  if (neo4j.isNode(value)) return { _labels: value.labels, ...(neo4jToPlain(value.properties) as object) };
  if (neo4j.isRelationship(value))
    return { _type: value.type, ...(neo4jToPlain(value.properties) as object) };
  if (neo4j.isPath(value)) {
    return { segments: value.segments.map((s) => neo4jToPlain([s.start, s.relationship, s.end])) };
  }
  if (value && typeof value === 'object' && value.constructor === Object) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, neo4jToPlain(v)]));
  }
  if (value && typeof value === 'object') return String(value); // temporal and spatial values
  return value;
}

function runnerFor(tx: ManagedTransaction, onStatement?: (text: string) => void): CypherRunner {
  return {
    pipelinesWrites: true,
    async run(text: string, params: Params = {}): Promise<Row[]> {
      onStatement?.(text);
      const result = await tx.run(text, toNeo4jParams(params) as Params);
      return result.records.map((r) => neo4jToPlain(r.toObject()) as Row);
    },
  };
}

/** The Neo4j {@link GraphSink}; also a {@link GraphReader} whose queries run in READ sessions. */
export class Neo4jSink implements GraphSink, GraphReader {
  readonly kind = 'neo4j';

  constructor(
    private readonly driver: Driver,
    private readonly options: Neo4jOptions,
  ) {}

  /** Create the uniqueness constraints and indexes (`IF NOT EXISTS`). */
  async ensureSchema(): Promise<void> {
    try {
      for (const text of neo4jSchemaStatements()) {
        await this.driver
          .executeQuery(text, {}, { database: this.options.database })
          .catch((err: unknown) => {
            if (!isSchemaRace(err)) throw err; // lost the race: another writer created this very rule
          });
      }
    } catch (err) {
      throw toNeo4jError(err, this.options.uri);
    }
  }

  /** Replace the article's contribution in one managed transaction (retried on transient errors). */
  async write(write: GraphWrite): Promise<WriteSummary> {
    const started = performance.now();
    const plan = planWrite(write);
    const session = this.driver.session({
      database: this.options.database,
      defaultAccessMode: neo4j.session.WRITE,
    });
    try {
      const counts = await session.executeWrite(
        (tx) =>
          replaceArticle(runnerFor(tx, this.options.onStatement), plan, this.options.batchMode ?? 'batched'),
        { timeout: WRITE_TIMEOUT_MS },
      );
      return { articleId: write.article.id, ...counts, ms: Math.round(performance.now() - started) };
    } catch (err) {
      throw toNeo4jError(err, this.options.uri);
    } finally {
      await session.close();
    }
  }

  /**
   * The bulk path: the writes in one managed transaction, in order (each article's statements still
   * pipelined). If it fails for good, they are written one transaction each, so only the bad ones fail.
   */
  async writeMany(writes: GraphWrite[]): Promise<Array<WriteSummary | Error>> {
    const mode = this.options.batchMode ?? 'batched';
    let plans: ReturnType<typeof planWrite>[];
    try {
      plans = writes.map(planWrite);
    } catch {
      return writeOneByOne(this, writes); // a write the vocabulary refuses fails alone
    }
    const session = this.driver.session({
      database: this.options.database,
      defaultAccessMode: neo4j.session.WRITE,
    });
    try {
      return await session.executeWrite(
        async (tx) => {
          const runner = runnerFor(tx, this.options.onStatement);
          const out: WriteSummary[] = [];
          for (const plan of plans) {
            const started = performance.now();
            const counts = await replaceArticle(runner, plan, mode);
            out.push({ articleId: plan.article.id, ...counts, ms: Math.round(performance.now() - started) });
          }
          return out;
        },
        { timeout: WRITE_TIMEOUT_MS },
      );
    } catch (err) {
      const mapped = toNeo4jError(err, this.options.uri);
      if (mapped instanceof TransientError) throw mapped;
      return writeOneByOne(this, writes);
    } finally {
      await session.close();
    }
  }

  /** Run one Cypher text in a READ session: the server refuses writes. */
  async query(text: string, params: Params = {}): Promise<Row[]> {
    const session = this.driver.session({
      database: this.options.database,
      defaultAccessMode: neo4j.session.READ,
    });
    try {
      return await session.executeRead((tx) => runnerFor(tx).run(text, params));
    } catch (err) {
      throw toNeo4jError(err, this.options.uri);
    } finally {
      await session.close();
    }
  }

  close(): Promise<void> {
    return this.driver.close();
  }
}

/** Connect (and verify the connection) to Neo4j. Errors name what is wrong: down server, credentials, database. */
export async function openNeo4jSink(options: Neo4jOptions): Promise<Neo4jSink> {
  const auth =
    options.password === undefined ? undefined : neo4j.auth.basic(options.user ?? 'neo4j', options.password);
  let driver: Driver;
  try {
    driver = neo4j.driver(options.uri, auth, {
      connectionAcquisitionTimeout: CONNECT_TIMEOUT_MS,
      connectionTimeout: CONNECT_TIMEOUT_MS,
      maxTransactionRetryTime: options.maxRetryMs ?? 30_000,
    });
  } catch (err) {
    throw new PermanentError('neo4j-uri', `bad NEO4J_URI ${options.uri}: ${(err as Error).message}`, {
      cause: err,
    });
  }
  try {
    await driver.verifyConnectivity({ database: options.database });
    // verifyConnectivity does not always authenticate; a trivial query does.
    await driver.executeQuery(
      'RETURN 1 AS ok',
      {},
      { database: options.database, routing: neo4j.routing.READ },
    );
  } catch (err) {
    await driver.close();
    throw toNeo4jError(err, options.uri);
  }
  return new Neo4jSink(driver, options);
}
