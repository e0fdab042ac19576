/**
 * Saved analyst queries (`newsgraph query --saved <name>`). Each is ONE Cypher text that runs unchanged
 * on Kùzu and Neo4j: it avoids functions the two name differently (`type()`, `labels()`) by reading the
 * `relation` and `type` properties every fact and entity carries, and matches names through the
 * normalised `names` list, normalising the parameter the same way.
 */
import { InputError, normalizeName } from '../../core/index.js';

export interface SavedParam {
  description: string;
  /** `name`: normalised like entity names; `int`: a whole number. @defaultValue 'string' */
  kind?: 'string' | 'name' | 'int';
  /** Used when the caller gives none; a param without default is required. */
  default?: string;
}

export interface SavedQuery {
  name: string;
  description: string;
  params: Record<string, SavedParam>;
  cypher: string;
  /**
   * Columns the rows are sorted by after the query, for texts whose parts are joined by `UNION`: an
   * `ORDER BY` there sorts only the last part on Neo4j, and Kùzu 0.11 has no `CALL { … }` to wrap them.
   * @defaultValue none (the Cypher text orders its rows)
   */
  order?: readonly string[];
}

function compareCells(a: unknown, b: unknown): number {
  if (a === b) return 0;
  if (a === null || a === undefined) return 1; // nulls last
  if (b === null || b === undefined) return -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a) < String(b) ? -1 : 1;
}

/** Sort rows by a saved query's {@link SavedQuery.order} columns (a stable sort; none: unchanged). */
export function orderRows<T extends Record<string, unknown>>(query: SavedQuery, rows: T[]): T[] {
  const order = query.order;
  if (!order) return rows;
  return [...rows].sort((x, y) => {
    for (const column of order) {
      const c = compareCells(x[column], y[column]);
      if (c !== 0) return c;
    }
    return 0;
  });
}

const EVIDENCE_OF_F = 'MATCH (a:Article)-[:STATES]->(e:Evidence) WHERE e.factKey = f.factKey';

/** Every saved query, by name. */
export const SAVED_QUERIES: readonly SavedQuery[] = [
  {
    name: 'who-directs',
    description: 'Who directs which organisation, with the role and how many articles say so',
    params: {},
    cypher: `MATCH (p:Person)-[f:DIRECTS]->(o:Organization)
RETURN p.name AS person, f.role AS role, o.name AS organization, f.articles AS articles, f.confidence AS confidence
ORDER BY organization, person`,
  },
  {
    name: 'partners',
    description: "An organisation's partners, each with the sentences that state it",
    params: { org: { description: 'organisation name or alias', kind: 'name' } },
    cypher: `MATCH (o:Organization)-[f:PARTNERS_WITH]-(p)
WHERE $org IN o.names
${EVIDENCE_OF_F}
RETURN o.name AS organization, p.name AS partner, f.label AS about, e.sentence AS evidence, e.rule AS rule, a.title AS article, a.url AS url
ORDER BY partner, article, evidence`,
  },
  {
    name: 'about',
    description:
      'Everything about an entity: articles that mention it, its facts, and its neighbours’ facts (2 hops)',
    params: { name: { description: 'entity name or alias', kind: 'name' } },
    cypher: `MATCH (a:Article)-[m:MENTIONS]->(x)
WHERE $name IN x.names
RETURN 0 AS hop, a.title AS subject, 'MENTIONS' AS relation, x.name AS object, m.count AS support
UNION
MATCH (x)-[f]->(n)
WHERE $name IN x.names AND f.factKey IS NOT NULL
RETURN 1 AS hop, x.name AS subject, f.relation AS relation, n.name AS object, f.articles AS support
UNION
MATCH (x)<-[f]-(n)
WHERE $name IN x.names AND f.factKey IS NOT NULL
RETURN 1 AS hop, n.name AS subject, f.relation AS relation, x.name AS object, f.articles AS support
UNION
MATCH (x)-[f]-(n)-[g]->(m)
WHERE $name IN x.names AND f.factKey IS NOT NULL AND g.factKey IS NOT NULL AND m.key <> x.key
RETURN 2 AS hop, n.name AS subject, g.relation AS relation, m.name AS object, g.articles AS support
UNION
MATCH (x)-[f]-(n)<-[g]-(m)
WHERE $name IN x.names AND f.factKey IS NOT NULL AND g.factKey IS NOT NULL AND m.key <> x.key
RETURN 2 AS hop, m.name AS subject, g.relation AS relation, n.name AS object, g.articles AS support`,
    order: ['hop', 'relation', 'subject', 'object'],
  },
  {
    name: 'top-mentioned',
    // One MENTIONS per (article, entity), so count(m) counts articles. Not count(DISTINCT a): Kùzu 0.11
    // returns null for a sum() placed after a DISTINCT aggregate in the same RETURN.
    description: 'Most-mentioned entities in articles published (else extracted) in [from, to)',
    params: {
      from: { description: 'ISO date, inclusive', default: '0000' },
      to: { description: 'ISO date, exclusive', default: '9999' },
      limit: { description: 'rows', kind: 'int', default: '20' },
    },
    cypher: `MATCH (a:Article)-[m:MENTIONS]->(x)
WHERE coalesce(a.publishedAt, a.extractedAt) >= $from AND coalesce(a.publishedAt, a.extractedAt) < $to
RETURN x.type AS type, x.name AS entity, sum(m.count) AS mentions, count(m) AS articles
ORDER BY mentions DESC, entity
LIMIT $limit`,
  },
  {
    name: 'articles-stating',
    description: 'The articles (and sentences) that state a fact between two entities',
    params: {
      subject: { description: 'subject name or alias', kind: 'name' },
      object: { description: 'object name or alias', kind: 'name' },
      relation: { description: 'fact type, e.g. DIRECTS (any when empty)', default: '' },
    },
    cypher: `MATCH (s)-[f]->(o)
WHERE $subject IN s.names AND $object IN o.names AND f.factKey IS NOT NULL AND ($relation = '' OR f.relation = $relation)
${EVIDENCE_OF_F}
RETURN a.title AS article, a.url AS url, a.publishedAt AS publishedAt, f.relation AS relation, e.sentence AS evidence, e.rule AS rule, e.confidence AS confidence
ORDER BY article, evidence`,
  },
];

/** Find a saved query by name, or throw an InputError listing the names. */
export function savedQuery(name: string): SavedQuery {
  const q = SAVED_QUERIES.find((s) => s.name === name);
  if (q) return q;
  throw new InputError(
    'unknown-query',
    `no saved query "${name}"; known: ${SAVED_QUERIES.map((s) => s.name).join(', ')}`,
  );
}

/** Turn `--param k=v` strings into typed parameters: defaults applied, names normalised, required ones checked. */
export function bindSavedParams(query: SavedQuery, given: Record<string, string>): Record<string, unknown> {
  for (const k of Object.keys(given)) {
    if (!(k in query.params)) throw new InputError('bad-param', `${query.name} takes no parameter "${k}"`);
  }
  const out: Record<string, unknown> = {};
  for (const [k, spec] of Object.entries(query.params)) {
    const raw = given[k] ?? spec.default;
    if (raw === undefined)
      throw new InputError('missing-param', `${query.name} needs --param ${k}=<${spec.description}>`);
    if (spec.kind === 'int') {
      if (!/^\d+$/.test(raw)) throw new InputError('bad-param', `--param ${k} must be a whole number`);
      out[k] = Number(raw);
    } else out[k] = spec.kind === 'name' ? normalizeName(raw) : raw;
  }
  return out;
}
