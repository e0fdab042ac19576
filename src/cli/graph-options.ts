/**
 * The graph configuration of every command that opens the graph (`worker`, `ingest`, `query`, and
 * `serve`): one flag, one rule.
 *
 * `--graph embedded|neo4j` (env `NEWSGRAPH_GRAPH`) picks the store; without it, `neo4j` when
 * `NEO4J_URI` is set, else `embedded`. `--db` / `NEWSGRAPH_DB` is the embedded file (default
 * ./newsgraph.lbug); `NEO4J_URI`, `NEO4J_USER`, `NEO4J_PASSWORD`, `NEO4J_DATABASE` reach Neo4j.
 * `--sink` (the old name of `--graph` on ingest/query) and the value `kuzu` are deprecated aliases.
 */
import { type Command, Option } from 'commander';
import { NewsgraphError } from '../core/index.js';
import type { GraphConfig } from '../graph/index.js';
import { CliError, EXIT } from './errors.js';

export interface GraphCliOptions {
  graph?: string;
  /** @deprecated @see graph */
  sink?: string;
  db?: string;
}

const KINDS = ['embedded', 'neo4j', 'kuzu'];
const MIB = 1 << 20;

/** `--graph`, its deprecated alias `--sink`, and `--db`. */
export function addGraphOptions(cmd: Command): Command {
  return cmd
    .addOption(
      new Option(
        '--graph <kind>',
        'graph store: embedded or neo4j (env NEWSGRAPH_GRAPH; default neo4j when NEO4J_URI is set, else embedded)',
      ).choices(KINDS),
    )
    .addOption(new Option('--sink <kind>', 'deprecated: use --graph').choices(KINDS).hideHelp())
    .option('--db <path>', 'embedded database file (env NEWSGRAPH_DB; default ./newsgraph.lbug)');
}

/** The graph config from options and env (the CLI is the only reader of env). */
export function graphConfig(options: GraphCliOptions, env: NodeJS.ProcessEnv = process.env): GraphConfig {
  const kind = options.graph ?? options.sink ?? (env.NEWSGRAPH_GRAPH || undefined);
  const poolMb = Number(env.NEWSGRAPH_BUFFER_POOL_MB);
  return {
    kind: kind as GraphConfig['kind'],
    dbPath: options.db ?? env.NEWSGRAPH_DB,
    neo4j: {
      uri: env.NEO4J_URI,
      user: env.NEO4J_USER,
      password: env.NEO4J_PASSWORD,
      database: env.NEO4J_DATABASE,
    },
    bufferPoolBytes: Number.isFinite(poolMb) && poolMb > 0 ? poolMb * MIB : undefined,
  };
}

/** Error codes that mean the store is down, locked or refuses us. */
const SERVICE_CODES = [
  'graph-locked',
  'neo4j-unavailable',
  'neo4j-auth',
  'neo4j-database',
  'neo4j-transient',
];

/** A store that is down, locked or refuses us: exit code 3, one clear line. */
export function asServiceError(err: unknown): unknown {
  if (err instanceof NewsgraphError && SERVICE_CODES.includes(err.code))
    return new CliError(err.message, EXIT.unavailable);
  return err;
}
