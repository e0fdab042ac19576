/**
 * The explorer's Cypher: read-only, every value a parameter, one text per question that runs unchanged
 * on Kùzu and Neo4j (properties instead of `type()`/`labels()`, as the saved queries do). The only text
 * spliced in is an entity label, and only after {@link entityLabelOf} checked it against the vocabulary.
 */
import {
  InputError,
  NODE_ENTITY_TYPES,
  type NodeEntityType,
  RELATION_TYPES,
  type RelationType,
} from '../core/index.js';

/** The label encoded in an entity key (`Person:alexey rodos` -> `Person`), or an InputError. */
export function entityLabelOf(key: string): NodeEntityType {
  const label = key.slice(0, Math.max(0, key.indexOf(':')));
  if ((NODE_ENTITY_TYPES as readonly string[]).includes(label)) return label as NodeEntityType;
  throw new InputError('bad-key', `not an entity key: ${JSON.stringify(key)} (expected Type:name)`);
}

/**
 * Entities whose name or an alias contains `$q` (normalised), ranked by how many articles mention them:
 * the sum of `nameArticles` (each article that mentions an entity has one main name for it), so no
 * MENTIONS is read. Only entity labels are scanned; the two stores spell "any of these labels" and
 * "sum of a list" differently. `$q` goes through `WITH`: Kùzu 0.11 cannot read a parameter inside a
 * list predicate.
 */
/** `kind`: the reader's (`neo4j`, else the embedded store's dialect). */
export function searchText(kind: string): string {
  const labels = NODE_ENTITY_TYPES.map((l) => entityLabelOf(`${l}:`));
  const [match, articles] =
    kind === 'neo4j'
      ? [
          `MATCH (x) WHERE ${labels.map((l) => `x:${l}`).join(' OR ')}`,
          'reduce(s = 0, n IN x.nameArticles | s + n)',
        ]
      : [`MATCH (x:${labels.join(':')})`, 'list_sum(x.nameArticles)']; // the embedded store: a label list is a union
  return `${match}
WITH x, $q AS q
WHERE any(n IN x.names WHERE n CONTAINS q)
RETURN x.key AS key, x.type AS type, x.name AS name, x.aliases AS aliases, ${articles} AS articles
ORDER BY articles DESC, name, key
SKIP $skip LIMIT $limit`;
}

const ENTITY_FIELDS = `x.key AS key, x.type AS type, x.name AS name, x.aliases AS aliases,
 x.forms AS forms, x.formArticles AS formArticles, x.nameArticles AS nameArticles`;

export const entityText = (label: NodeEntityType): string =>
  `MATCH (x:${label} {key: $key}) RETURN ${ENTITY_FIELDS}`;

const FACT_FIELDS = `f.factKey AS factKey, f.relation AS relation, f.role AS role, f.label AS label,
 f.confidence AS confidence, f.articles AS articles, f.evidence AS evidence, f.publishers AS publishers,
 f.firstSeen AS firstSeen, f.lastSeen AS lastSeen, f.topEvidence AS topEvidence,
 y.key AS otherKey, y.name AS otherName, y.type AS otherType`;

/** Every fact type, as a relationship pattern: MENTIONS (one per article) is never walked for facts. */
const FACT_TYPES = RELATION_TYPES.join('|');

/** How facts are ranked: the best-supported first (the graph view). */
const FACT_ORDER = {
  best: 'f.articles DESC, f.factKey',
} as const;

/**
 * The first `$limit` facts of the entity in one direction (`dir`: the entity is the subject, `out`, or
 * the object, `in`), ranked by `order`, with the tallies the sink keeps on each (publishers, first/last
 * seen, best sentences: src/graph/fact-tally.ts). The graph view's read. Only fact types are walked; LadybugDB's
 * top-k carries the returned columns of every ranked fact (a hub's 1,654 facts of one group: ~10 ms, ~2 ms
 * ranking their keys alone).
 */
export const factsText = (label: NodeEntityType, dir: 'out' | 'in', order: keyof typeof FACT_ORDER): string =>
  `MATCH (x:${label} {key: $key})${dir === 'out' ? `-[f:${FACT_TYPES}]->` : `<-[f:${FACT_TYPES}]-`}(y)
WITH f, y ORDER BY ${FACT_ORDER[order]} LIMIT $limit
RETURN '${dir}' AS dir, ${FACT_FIELDS}`;

/** A relation group of an entity's facts: one fact type, one direction. */
export interface GroupKey {
  relation: RelationType;
  direction: 'out' | 'in';
}

/** `relation` if it is a fact type of the vocabulary (so it may be spliced into a text), else an InputError. */
export function relationOf(relation: string): RelationType {
  if ((RELATION_TYPES as readonly string[]).includes(relation)) return relation as RelationType;
  throw new InputError('bad-relation', `not a relation type: ${JSON.stringify(relation)}`);
}

/**
 * How many facts the entity has in each relation group: the relation property alone is read, so a hub's
 * thousands of facts cost a count. A fact of the entity with itself counts in both directions, as it shows.
 */
export const groupCountsText = (label: NodeEntityType): string =>
  `MATCH (x:${label} {key: $key})-[f:${FACT_TYPES}]->()
RETURN 'out' AS dir, f.relation AS relation, count(*) AS total
UNION ALL
MATCH (x:${label} {key: $key})<-[f:${FACT_TYPES}]-()
RETURN 'in' AS dir, f.relation AS relation, count(*) AS total`;

/**
 * One page (`$skip`, `$limit`) of the facts of each given relation group, best-supported first (the entity
 * page's order within a group), with the tallies the sink keeps on each: one branch a group, joined by
 * `UNION ALL` so the page is one statement. Only the groups the entity has are asked for (see
 * {@link groupCountsText}): an empty branch still costs a few milliseconds on the embedded store.
 */
export const groupFactsText = (label: NodeEntityType, groups: readonly GroupKey[]): string =>
  groups
    .map(
      ({ relation, direction }) =>
        `MATCH (x:${label} {key: $key})${direction === 'out' ? `-[f:${relationOf(relation)}]->` : `<-[f:${relationOf(relation)}]-`}(y)
WITH f, y ORDER BY f.articles DESC, f.factKey SKIP $skip LIMIT $limit
RETURN '${direction}' AS dir, ${FACT_FIELDS}`,
    )
    .join('\nUNION ALL\n');

/**
 * A fact's rank within its group as one string that sorts like `f.articles DESC, f.factKey` (the page's
 * order): the articles counted down from {@link ARTICLES_CAP}, zero-padded to {@link RANK_DIGITS}, then
 * the key. LadybugDB has no window function and no promise that `collect` keeps an `ORDER BY`, but it
 * sorts a list of strings; so a group's top facts are its first sorted rank strings.
 */
export const ARTICLES_CAP = 10 ** 12; // no fact is stated by a trillion articles
export const RANK_DIGITS = 13; // the digits of ARTICLES_CAP: every rank prefix has the same width

/**
 * Each relation group of the entity's facts (type × direction) with its count and the keys of its facts
 * ranked `$skip + 1` to `$skip + $limit` (the page's order): one statement, one branch a direction, and
 * only each fact's relation, article count and key are read, so a hub's thousands of facts cost a sort of
 * short strings. The shown facts' other properties are read by key next ({@link factsByKeyText}). Neo4j
 * keeps the order of rows in `collect`; the embedded store sorts rank strings ({@link ARTICLES_CAP}).
 * `kind`: the reader's (`neo4j`, else the embedded store's dialect).
 */
export function groupTopsText(label: NodeEntityType, kind: string): string {
  const [ranked, top] =
    kind === 'neo4j'
      ? [
          'WITH f ORDER BY f.articles DESC, f.factKey\nWITH f.relation AS relation, collect(f.factKey) AS ranked',
          'ranked[$skip..$skip + $limit]',
        ]
      : [
          `WITH f.relation AS relation,
 collect(lpad(cast(${ARTICLES_CAP} - f.articles AS STRING), ${RANK_DIGITS}, '0') + f.factKey) AS ranked`,
          `list_transform(list_slice(list_sort(ranked), $skip + 1, $skip + $limit), r -> substring(r, ${RANK_DIGITS + 1}, size(r)))`,
        ];
  const branch = (dir: 'out' | 'in') =>
    `MATCH (x:${label} {key: $key})${dir === 'out' ? `-[f:${FACT_TYPES}]->` : `<-[f:${FACT_TYPES}]-`}()
${ranked}
RETURN '${dir}' AS dir, relation, size(ranked) AS total, ${top} AS top`;
  return `${branch('out')}\nUNION ALL\n${branch('in')}`;
}

/**
 * The entity's facts whose keys are `$keys` (in either direction), with the tallies the sink keeps on each
 * and the entity at their other end: the shown facts of {@link groupTopsText}. Only the given fact types
 * (those of the shown facts) are walked; the caller knows each fact's direction from its group.
 */
export const factsByKeyText = (label: NodeEntityType, relations: readonly RelationType[]): string =>
  `MATCH (x:${label} {key: $key})-[f:${relations.map(relationOf).join('|')}]-(y)
WHERE f.factKey IN $keys
RETURN ${FACT_FIELDS}`;

const EVIDENCE_FIELDS = `e.factKey AS factKey, e.id AS id, e.sentence AS sentence, e.sentenceStart AS sentenceStart,
 e.subjectStart AS subjectStart, e.subjectEnd AS subjectEnd, e.objectStart AS objectStart, e.objectEnd AS objectEnd,
 e.role AS role, e.label AS label, e.rule AS rule, e.confidence AS confidence,
 e.subjectKey AS subjectKey, e.objectKey AS objectKey,
 a.id AS articleId, a.title AS title, a.url AS url, a.siteName AS siteName,
 a.publishedAt AS publishedAt, a.extractedAt AS extractedAt`;

/**
 * What the entity page shows of a sentence it names by id (`i`, the key it was found by, so the `id` column
 * is not read again): what `toEvidence` reads, and no more. Its
 * fact, subject and object are known from the fact row, so `factKey`, `subjectKey` and `objectKey` are
 * not read: on the embedded store those long strings were most of the cost of a scattered lookup
 * (150 sentences of a 10,000-article graph: 15 columns ~140 ms, these 12 ~45 ms).
 */
const SENTENCE_FIELDS = `i AS id, e.sentence AS sentence, e.sentenceStart AS sentenceStart,
 e.subjectStart AS subjectStart, e.subjectEnd AS subjectEnd, e.objectStart AS objectStart, e.objectEnd AS objectEnd,
 e.role AS role, e.label AS label, e.rule AS rule, e.confidence AS confidence, e.articleId AS articleId`;

/**
 * Sentences by id (the best ones a fact names), each with what the page shows of its article: primary-key
 * lookups both. The article is found by the id the sentence keeps (joined through STATES, the embedded
 * engine planned a scan of every article). On the embedded store, pass the ids in storage order
 * ({@link EMBEDDED_EVIDENCE_POSITIONS}).
 */
export const EVIDENCE_BY_ID = `UNWIND $ids AS i
MATCH (e:Evidence {id: i})
MATCH (a:Article {id: e.articleId})
RETURN ${SENTENCE_FIELDS},
 a.title AS title, a.url AS url, a.siteName AS siteName, a.publishedAt AS publishedAt, a.extractedAt AS extractedAt`;

/**
 * Embedded store only (`offset(ID(…))` is LadybugDB's): where each sentence sits in its table. The engine
 * reads the properties of primary-key lookups in the order the keys come; keys sorted by their row
 * offset read each stretch of a column once instead of jumping back and forth across the file (150
 * sentences of a hub at 10,000 articles: ~45 ms in the order the facts name them, ~8 ms sorted, plus
 * ~10 ms for this lookup of ids alone).
 */
export const EMBEDDED_EVIDENCE_POSITIONS = `UNWIND $ids AS i
MATCH (e:Evidence {id: i})
RETURN i AS id, offset(ID(e)) AS position`;

/**
 * One page of the sentences of one fact of the entity, best first (the order of the fact's
 * `topEvidence`: most confident, then id). Neo4j finds them by its `factKey` index; the embedded store
 * scans the evidence's `factKey` column (it has no secondary index): the "All N sentences" page.
 */
export const FACT_EVIDENCE = `MATCH (a:Article)-[:STATES]->(e:Evidence)
WHERE e.factKey = $factKey AND (e.subjectKey = $key OR e.objectKey = $key)
RETURN ${EVIDENCE_FIELDS}
ORDER BY confidence DESC, id
SKIP $skip LIMIT $limit`;

export const ARTICLE = `MATCH (a:Article {id: $id})
RETURN a.id AS id, a.title AS title, a.url AS url, a.canonicalUrl AS canonicalUrl, a.siteName AS siteName,
 a.byline AS byline, a.publishedAt AS publishedAt, a.language AS language, a.extractedAt AS extractedAt`;

export const ARTICLE_MENTIONS = `MATCH (a:Article {id: $id})-[m:MENTIONS]->(x)
RETURN x.key AS key, x.type AS type, x.name AS name, m.count AS count, m.forms AS forms
ORDER BY m.firstOffset, key
SKIP $skip LIMIT $limit`;

export const ARTICLE_FACTS = `MATCH (a:Article {id: $id})-[:STATES]->(e:Evidence)
MATCH (a)-[:MENTIONS]->(s) WHERE s.key = e.subjectKey
MATCH (a)-[:MENTIONS]->(o) WHERE o.key = e.objectKey
RETURN e.relation AS relation, ${EVIDENCE_FIELDS}, s.name AS subjectName, o.name AS objectName
ORDER BY sentenceStart, relation, id
SKIP $skip LIMIT $limit`;
