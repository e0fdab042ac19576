/**
 * `newsgraph query "<cypher>" [--param k=v …] [--format table|json|csv]` and `--saved [name]`.
 * Read-only twice over: writes are refused here before any connection, and the store is opened
 * read-only (Kùzu) or queried in a READ session (Neo4j).
 */
import { Command, Option } from 'commander';
import { InputError, NewsgraphError } from '../core/index.js';
import {
  assertReadOnly,
  bindSavedParams,
  openReader,
  type QueryRow,
  SAVED_QUERIES,
  type SavedQuery,
  savedQuery,
} from '../graph/index.js';
import { orderRows } from '../graph/queries/saved.js';
import { assertParamsGiven } from './cypher-params.js';
import { addGraphOptions, asServiceError, type GraphCliOptions, graphConfig } from './graph-options.js';

export type OutputFormat = 'table' | 'json' | 'csv';

interface QueryOptions extends GraphCliOptions {
  param: string[];
  format: OutputFormat;
  saved?: string | true;
}

/**
 * A query the store rejects as written (syntax, unknown variable or label, wrong types) is bad input,
 * exit 2: Kùzu's parser and binder exceptions, Neo4j's `Neo.ClientError.Statement.*` codes.
 */
export function asQueryError(err: unknown): unknown {
  if (!(err instanceof NewsgraphError)) return err;
  const neo4jCode = String(err.details.neo4jCode ?? '');
  const kuzuBadQuery = err.code === 'kuzu-query' && /^(Parser|Binder) exception/i.test(err.message);
  if (kuzuBadQuery || (err.code === 'neo4j-query' && neo4jCode.startsWith('Neo.ClientError.Statement.')))
    return new InputError('bad-cypher', err.message, { cause: err });
  return err;
}

const MAX_CELL = 80; // wider cells make the table unreadable; use --format json for everything

/** `k=v` pairs; for ad-hoc queries a value that parses as JSON (number, true, [..]) is used as such. */
export function parseParams(pairs: string[], asJson: boolean): Record<string, string | unknown> {
  const out: Record<string, unknown> = {};
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    if (eq <= 0) throw new InputError('bad-param', `--param expects key=value, got "${pair}"`);
    const [k, v] = [pair.slice(0, eq), pair.slice(eq + 1)];
    out[k] = v;
    if (asJson) {
      try {
        out[k] = JSON.parse(v);
      } catch {
        // not JSON: a plain string
      }
    }
  }
  return out;
}

const cell = (v: unknown): string =>
  v === null || v === undefined ? '' : typeof v === 'string' ? v : JSON.stringify(v);

/** Render rows as an aligned text table, JSON, or CSV (RFC 4180 quoting). */
export function formatRows(rows: QueryRow[], format: OutputFormat): string {
  if (format === 'json') return `${JSON.stringify(rows, null, 2)}\n`;
  const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  if (format === 'csv') {
    const quote = (s: string) => (/[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
    return `${[columns, ...rows.map((r) => columns.map((c) => cell(r[c])))].map((l) => l.map(quote).join(',')).join('\n')}\n`;
  }
  if (rows.length === 0) return '(no rows)\n';
  const clip = (s: string) => (s.length > MAX_CELL ? `${s.slice(0, MAX_CELL - 1)}…` : s).replace(/\s+/g, ' ');
  const body = rows.map((r) => columns.map((c) => clip(cell(r[c]))));
  const widths = columns.map((c, i) => Math.max(c.length, ...body.map((l) => l[i]!.length)));
  const line = (l: string[]) =>
    l
      .map((s, i) => s.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  return `${[line(columns), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n')}\n(${rows.length} row${rows.length === 1 ? '' : 's'})\n`;
}

function listSaved(): string {
  const lines = SAVED_QUERIES.map((q) => {
    const params = Object.entries(q.params)
      .map(([k, p]) =>
        p.default === undefined ? ` --param ${k}=<${p.description}>` : ` [--param ${k}=${p.default || "''"}]`,
      )
      .join('');
    return `  ${q.name.padEnd(18)} ${q.description}\n  ${''.padEnd(18)} newsgraph query --saved ${q.name}${params}`;
  });
  return `saved queries:\n${lines.join('\n')}\n`;
}

export function queryCommand(): Command {
  const cmd = new Command('query')
    .description('Run a read-only Cypher query (or a saved one) against the graph.')
    .argument('[cypher]', 'the Cypher text (omit with --saved)')
    .option(
      '--param <key=value>',
      'a query parameter (repeatable)',
      (v: string, acc: string[]) => [...acc, v],
      [],
    )
    .addOption(
      new Option('--format <format>', 'output format').choices(['table', 'json', 'csv']).default('table'),
    )
    .option(
      '--saved [name]',
      'run a saved query; alone, list them (default: none, the Cypher argument runs)',
    );
  return addGraphOptions(cmd).action(async (cypher: string | undefined, options: QueryOptions) => {
    if (options.saved === true && cypher === undefined) {
      process.stdout.write(listSaved());
      return;
    }
    let text: string;
    let params: Record<string, unknown>;
    let saved: SavedQuery | undefined;
    if (options.saved !== undefined) {
      const q = savedQuery(options.saved === true ? String(cypher) : options.saved);
      saved = q;
      text = q.cypher;
      params = bindSavedParams(q, parseParams(options.param, false) as Record<string, string>);
    } else {
      if (!cypher)
        throw new InputError('no-query', 'give a Cypher text, or --saved to list the saved queries');
      text = cypher;
      params = parseParams(options.param, true);
      assertParamsGiven(text, params);
    }
    assertReadOnly(text); // before any connection
    const reader = await openReader(graphConfig(options)).catch((err: unknown) => {
      throw asServiceError(err);
    });
    try {
      const rows = await reader.query(text, params).catch((err: unknown) => {
        throw asQueryError(asServiceError(err));
      });
      process.stdout.write(formatRows(saved ? orderRows(saved, rows) : rows, options.format));
    } finally {
      await reader.close();
    }
  });
}
