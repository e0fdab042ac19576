/**
 * A canonical dump of the whole graph (every node and relationship with its non-null properties),
 * read with the same Cypher on both stores. The contract tests compare snapshots: the same writes
 * must give identical graphs on memory, Kùzu and Neo4j, and re-ingesting must change nothing.
 */
import {
  ARTICLE_LABEL,
  ARTICLE_PROPS,
  ENTITY_LABELS,
  ENTITY_PROPS,
  EVIDENCE_LABEL,
  EVIDENCE_PROPS,
  FACT_PROPS,
  FACT_TYPES,
  MENTION_PROPS,
  MENTIONS,
  type PropertySpec,
  STATES,
} from './schema.js';
import type { QueryRow } from './types.js';

export interface GraphSnapshot {
  /** Label -> nodes (non-null properties only), sorted. */
  nodes: Record<string, QueryRow[]>;
  /** Type -> `{from, to, ...properties}` (`from`/`to` are the end nodes' keys or ids), sorted. */
  relationships: Record<string, QueryRow[]>;
  counts: { nodes: number; relationships: number; properties: number };
}

type Read = (text: string) => Promise<QueryRow[]>;

const projection = (v: string, props: PropertySpec): string =>
  props.map(([p]) => `${v}.${p} AS ${p}`).join(', ');

/** Drop nulls (Neo4j stores no null properties) and sort rows for a stable comparison. */
export function canonicalRows(rows: QueryRow[]): QueryRow[] {
  const clean = rows.map((r) =>
    Object.fromEntries(Object.entries(r).filter(([, v]) => v !== null && v !== undefined)),
  );
  return clean.sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));
}

/** Build a snapshot from already-read nodes and relationships (also used by the memory sink). */
export function makeSnapshot(
  nodes: Record<string, QueryRow[]>,
  relationships: Record<string, QueryRow[]>,
): GraphSnapshot {
  const n: Record<string, QueryRow[]> = {};
  const r: Record<string, QueryRow[]> = {};
  let properties = 0;
  let nodeCount = 0;
  let relCount = 0;
  for (const [label, rows] of Object.entries(nodes)) {
    if (rows.length === 0) continue;
    n[label] = canonicalRows(rows);
    nodeCount += rows.length;
    for (const row of n[label]!) properties += Object.keys(row).length;
  }
  for (const [type, rows] of Object.entries(relationships)) {
    if (rows.length === 0) continue;
    r[type] = canonicalRows(rows);
    relCount += rows.length;
    for (const row of r[type]!) properties += Object.keys(row).length - 2;
  }
  return { nodes: n, relationships: r, counts: { nodes: nodeCount, relationships: relCount, properties } };
}

/** Read the whole graph through a read-only Cypher runner (Kùzu or Neo4j). */
export async function readSnapshot(read: Read): Promise<GraphSnapshot> {
  const nodes: Record<string, QueryRow[]> = {};
  nodes[ARTICLE_LABEL] = await read(`MATCH (n:${ARTICLE_LABEL}) RETURN ${projection('n', ARTICLE_PROPS)}`);
  nodes[EVIDENCE_LABEL] = await read(`MATCH (n:${EVIDENCE_LABEL}) RETURN ${projection('n', EVIDENCE_PROPS)}`);
  for (const l of ENTITY_LABELS)
    nodes[l] = await read(`MATCH (n:${l}) RETURN ${projection('n', ENTITY_PROPS)}`);
  const relationships: Record<string, QueryRow[]> = {};
  relationships[MENTIONS] = await read(
    `MATCH (a:${ARTICLE_LABEL})-[m:${MENTIONS}]->(e) RETURN a.id AS from, e.key AS to, ${projection('m', MENTION_PROPS)}`,
  );
  relationships[STATES] = await read(
    `MATCH (a:${ARTICLE_LABEL})-[:${STATES}]->(e:${EVIDENCE_LABEL}) RETURN a.id AS from, e.id AS to`,
  );
  for (const t of FACT_TYPES) {
    relationships[t] = await read(
      `MATCH (s)-[f:${t}]->(o) RETURN s.key AS from, o.key AS to, ${projection('f', FACT_PROPS)}`,
    );
  }
  return makeSnapshot(nodes, relationships);
}
