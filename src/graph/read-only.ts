/**
 * `newsgraph query` is read-only. This check refuses a write before the text reaches a database (the
 * database would refuse it too: Kùzu is opened read-only, Neo4j runs it in a READ session).
 * It scans Cypher tokens outside strings, comments and quoted names, so `'CREATE'` or `n.set` pass.
 */
import { InputError } from '../core/index.js';

/** Clauses that change data, schema or settings (Neo4j and Kùzu). */
// biome-ignore format: a compact keyword table
const WRITE_KEYWORDS = new Set([
  'CREATE', 'MERGE', 'DELETE', 'DETACH', 'SET', 'REMOVE', 'DROP', 'ALTER', 'FOREACH', 'LOAD', 'COPY',
  'INSTALL', 'UNINSTALL', 'ATTACH', 'IMPORT', 'EXPORT', 'CHECKPOINT', 'BEGIN', 'COMMIT', 'ROLLBACK',
  'GRANT', 'DENY', 'REVOKE', 'START', 'STOP', 'TERMINATE', 'RENAME', 'ENABLE',
]);

/** Procedures known to only read (schema introspection on either store). Any other CALL is refused. */
const READ_PROCEDURES = [
  /^db\.(labels|relationshipTypes|propertyKeys|schema\.\w+|indexes|constraints)$/i,
  /^(show_tables|table_info|show_connection|current_setting|db_version|show_functions)$/i,
];

/** The query would write (or call something not known to be read-only). */
export class ReadOnlyQueryError extends InputError {}

/** Blank out string literals, quoted names and comments, keeping offsets. */
export function maskCypher(text: string): string {
  return text.replace(
    /'(?:\\.|[^'\\])*'|"(?:\\.|[^"\\])*"|`(?:``|[^`])*`|\/\/[^\n]*|\/\*[\s\S]*?\*\//g,
    (m) => ' '.repeat(m.length),
  );
}

/** Throw {@link ReadOnlyQueryError} when `text` contains a write clause or an unknown procedure call. */
export function assertReadOnly(text: string): void {
  const masked = maskCypher(text);
  for (const m of masked.matchAll(/[A-Za-z_][A-Za-z0-9_]*/g)) {
    const word = m[0].toUpperCase();
    const before = masked.slice(0, m.index).trimEnd().slice(-1);
    const after = masked.slice(m.index + m[0].length).trimStart();
    // n.set, $set, :Set and {set: 1} are names, not clauses.
    if (before === '.' || before === '$' || before === ':' || after.startsWith(':')) continue;
    if (WRITE_KEYWORDS.has(word)) refuse(text, word, m.index);
    if (word === 'CALL') {
      if (after.startsWith('{') || after.startsWith('(')) continue; // subquery: its clauses are checked too
      const proc = /^[A-Za-z_][\w.]*/.exec(after)?.[0] ?? '';
      if (!READ_PROCEDURES.some((re) => re.test(proc))) refuse(text, `CALL ${proc}`.trim(), m.index);
    }
  }
}

function refuse(text: string, what: string, index: number): never {
  const line = text.slice(0, index).split('\n').length;
  throw new ReadOnlyQueryError(
    'read-only',
    `newsgraph query is read-only: refusing ${what} (line ${line}); use \`newsgraph ingest\` to change the graph`,
    { details: { clause: what, line } },
  );
}
