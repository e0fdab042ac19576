/**
 * The Cypher console: the read-only query path of `newsgraph query`, unchanged. A saved query is bound
 * with `bindSavedParams`; every text passes `assertReadOnly` before it reaches the reader, which is itself
 * read-only (Kùzu opened read-only, Neo4j READ sessions). Same refusals, same messages.
 */
import { InputError } from '../core/index.js';
import {
  assertReadOnly,
  bindSavedParams,
  type GraphReader,
  type QueryRow,
  SAVED_QUERIES,
  savedQuery,
} from '../graph/index.js';
import { type Page, type PageRequest, slicePage } from './page.js';

export interface QueryRequest {
  /** An ad-hoc Cypher text … */
  cypher?: string;
  /** … or the name of a saved query. */
  saved?: string;
  /** Saved: strings, bound and normalised like `--param k=v`. Ad hoc: JSON values, passed as they are. */
  params?: Record<string, unknown>;
}

export interface QueryResult {
  /** The text that ran (a saved query's Cypher). */
  cypher: string;
  columns: string[];
  rows: Page<QueryRow>;
}

export interface SavedQueryView {
  name: string;
  description: string;
  params: Array<{ name: string; description: string; default: string | null }>;
  cypher: string;
}

/** The saved queries, as the console lists them. */
export function savedQueries(): SavedQueryView[] {
  return SAVED_QUERIES.map((q) => ({
    name: q.name,
    description: q.description,
    params: Object.entries(q.params).map(([name, p]) => ({
      name,
      description: p.description,
      default: p.default ?? null,
    })),
    cypher: q.cypher,
  }));
}

/** Check and bind a request into the text and parameters that will run. Throws before any I/O. */
export function prepareQuery(req: QueryRequest): { text: string; params: Record<string, unknown> } {
  const given = req.params ?? {};
  if (typeof given !== 'object' || Array.isArray(given))
    throw new InputError('bad-param', 'params must be an object of name -> value');
  let text: string;
  let params: Record<string, unknown>;
  if (req.saved !== undefined && req.saved !== '') {
    const q = savedQuery(String(req.saved));
    const strings = Object.fromEntries(
      Object.entries(given)
        .filter(([, v]) => v !== undefined && v !== null && v !== '')
        .map(([k, v]) => [k, String(v)]),
    );
    text = q.cypher;
    params = bindSavedParams(q, strings);
  } else {
    if (typeof req.cypher !== 'string' || req.cypher.trim() === '')
      throw new InputError('no-query', 'give a Cypher text, or the name of a saved query');
    text = req.cypher;
    params = given;
  }
  assertReadOnly(text); // before any connection, as `newsgraph query` does
  return { text, params };
}

/** Run a console request and return one page of its rows. */
export async function runQuery(
  reader: GraphReader,
  req: QueryRequest,
  page: PageRequest,
): Promise<QueryResult> {
  const { text, params } = prepareQuery(req);
  const rows = await reader.query(text, params);
  return {
    cypher: text,
    columns: [...new Set(rows.flatMap((r) => Object.keys(r)))],
    rows: slicePage(rows, page),
  };
}
