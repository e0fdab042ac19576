/**
 * The only place where Kùzu and Neo4j Cypher differ for newsgraph: schema creation. Kùzu needs declared
 * tables (one node table per label, one relationship table per type with its FROM/TO pairs); Neo4j is
 * schema-free and gets uniqueness constraints and indexes instead. Every other text is shared.
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

const columns = (props: PropertySpec): string => props.map(([name, type]) => `${name} ${type}`).join(', ');

/** `CREATE ... TABLE IF NOT EXISTS` statements, in dependency order. */
export function embeddedSchemaStatements(): string[] {
  const nodes = [
    `CREATE NODE TABLE IF NOT EXISTS ${ARTICLE_LABEL}(${columns(ARTICLE_PROPS)}, PRIMARY KEY(id))`,
    `CREATE NODE TABLE IF NOT EXISTS ${EVIDENCE_LABEL}(${columns(EVIDENCE_PROPS)}, PRIMARY KEY(id))`,
    ...ENTITY_LABELS.map(
      (l) => `CREATE NODE TABLE IF NOT EXISTS ${l}(${columns(ENTITY_PROPS)}, PRIMARY KEY(key))`,
    ),
  ];
  const mentionPairs = ENTITY_LABELS.map((l) => `FROM ${ARTICLE_LABEL} TO ${l}`).join(', ');
  // Any entity type may be the subject or object of any fact type: the NLP rules decide, not the schema.
  const factPairs = ENTITY_LABELS.flatMap((s) => ENTITY_LABELS.map((o) => `FROM ${s} TO ${o}`)).join(', ');
  const rels = [
    `CREATE REL TABLE IF NOT EXISTS ${MENTIONS}(${mentionPairs}, ${columns(MENTION_PROPS)})`,
    `CREATE REL TABLE IF NOT EXISTS ${STATES}(FROM ${ARTICLE_LABEL} TO ${EVIDENCE_LABEL})`,
    ...FACT_TYPES.map((t) => `CREATE REL TABLE IF NOT EXISTS ${t}(${factPairs}, ${columns(FACT_PROPS)})`),
  ];
  return [...nodes, ...rels];
}

/** Every table with the columns the current model needs (to recognise a database of an older model). */
export function embeddedTableColumns(): Array<[table: string, columns: string[]]> {
  const names = (props: PropertySpec): string[] => props.map(([name]) => name);
  return [
    [ARTICLE_LABEL, names(ARTICLE_PROPS)],
    [EVIDENCE_LABEL, names(EVIDENCE_PROPS)],
    ...ENTITY_LABELS.map((l): [string, string[]] => [l, names(ENTITY_PROPS)]),
    [MENTIONS, names(MENTION_PROPS)],
    ...FACT_TYPES.map((t): [string, string[]] => [t, names(FACT_PROPS)]),
  ];
}

/** Neo4j constraints and indexes (`IF NOT EXISTS`): unique keys make concurrent MERGE safe. */
export function neo4jSchemaStatements(): string[] {
  const unique = (label: string, prop: string): string =>
    `CREATE CONSTRAINT ${label.toLowerCase()}_${prop}_unique IF NOT EXISTS FOR (n:${label}) REQUIRE n.${prop} IS UNIQUE`;
  const index = (label: string, prop: string): string =>
    `CREATE INDEX ${label.toLowerCase()}_${prop} IF NOT EXISTS FOR (n:${label}) ON (n.${prop})`;
  return [
    unique(ARTICLE_LABEL, 'id'),
    unique(EVIDENCE_LABEL, 'id'),
    ...ENTITY_LABELS.map((l) => unique(l, 'key')),
    index(EVIDENCE_LABEL, 'factKey'),
    index(ARTICLE_LABEL, 'publishedAt'),
    // A write reads the facts it touches by key (`readFacts`).
    ...FACT_TYPES.map(
      (t) => `CREATE INDEX ${t.toLowerCase()}_factKey IF NOT EXISTS FOR ()-[f:${t}]-() ON (f.factKey)`,
    ),
  ];
}
