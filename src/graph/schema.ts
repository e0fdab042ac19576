/**
 * The graph vocabulary: node labels, relationship types and their properties. Every label or type that
 * appears in a Cypher text is checked against these lists first, so text never becomes a label.
 */
import {
  NODE_ENTITY_TYPES,
  type NodeEntityType,
  PermanentError,
  RELATION_TYPES,
  type RelationType,
} from '../core/index.js';

/** Property types, named after Kùzu's column types (Neo4j is schema-free). */
export type PropertyType = 'STRING' | 'INT64' | 'DOUBLE' | 'STRING[]' | 'INT64[]';

export type PropertySpec = readonly (readonly [name: string, type: PropertyType])[];

export const ARTICLE_LABEL = 'Article';
export const EVIDENCE_LABEL = 'Evidence';
export const MENTIONS = 'MENTIONS';
export const STATES = 'STATES';

/**
 * `(:Article)` properties; `id` is the key. `writeHash` covers everything the article contributes
 * (its properties but `extractedAt`, with the content hash and extractor version, its mentions, facts
 * and evidence): a re-ingest with the same hash writes nothing. Dates are ISO 8601 strings (they sort and compare as text on both stores).
 */
export const ARTICLE_PROPS: PropertySpec = [
  ['id', 'STRING'],
  ['url', 'STRING'],
  ['canonicalUrl', 'STRING'],
  ['title', 'STRING'],
  ['byline', 'STRING'],
  ['publishedAt', 'STRING'],
  ['siteName', 'STRING'],
  ['language', 'STRING'],
  ['contentHash', 'STRING'],
  ['extractedAt', 'STRING'],
  ['extractorVersion', 'STRING'],
  ['writeHash', 'STRING'],
];

/**
 * Entity node properties (`Person`, `Organization`, `Place`); `key` is the key.
 * `names` holds the normalised forms of `name` and `aliases`, so analysts match `$name IN e.names`
 * with the same normalisation on both stores. `aliases` is null (absent) when there are none.
 * `forms`, `formArticles` and `nameArticles` tally how many articles use each name (see `EntityTally`
 * in plan.ts): a write reads them instead of every other article's mentions.
 */
export const ENTITY_PROPS: PropertySpec = [
  ['key', 'STRING'],
  ['type', 'STRING'],
  ['name', 'STRING'],
  ['aliases', 'STRING[]'],
  ['names', 'STRING[]'],
  ['forms', 'STRING[]'],
  ['formArticles', 'INT64[]'],
  ['nameArticles', 'INT64[]'],
];

/**
 * `(:Evidence)` properties; `id` is the key. Offsets are UTF-16 indexes into the article text.
 * Named `sentenceStart`/`sentenceEnd` because `end` is a reserved word in Kùzu's parser.
 */
export const EVIDENCE_PROPS: PropertySpec = [
  ['id', 'STRING'],
  ['factKey', 'STRING'],
  ['relation', 'STRING'],
  ['articleId', 'STRING'],
  ['subjectKey', 'STRING'],
  ['objectKey', 'STRING'],
  ['sentence', 'STRING'],
  ['sentenceStart', 'INT64'],
  ['sentenceEnd', 'INT64'],
  ['subjectStart', 'INT64'],
  ['subjectEnd', 'INT64'],
  ['objectStart', 'INT64'],
  ['objectEnd', 'INT64'],
  ['label', 'STRING'],
  ['role', 'STRING'],
  ['rule', 'STRING'],
  ['confidence', 'DOUBLE'],
];

/** `[:MENTIONS]` properties. `forms` = the names this article uses for the entity (name first). */
export const MENTION_PROPS: PropertySpec = [
  ['count', 'INT64'],
  ['firstOffset', 'INT64'],
  ['forms', 'STRING[]'],
];

/**
 * Fact relationship properties (one relationship per fact, typed from {@link RELATION_TYPES}).
 * `label`, `role` and `confidence` come from the most confident evidence; `articles` counts the
 * articles that state the fact, `evidence` its evidence nodes, `bestEvidence` the id of the one shown;
 * `relation` repeats the type so one query text reads it on both stores. `publishers` …
 * `topConfidence`: the tally of fact-tally.ts (distinct publishers with their article counts, first and
 * last seen with how many articles share each date, the best sentences' ids and confidences in millionths).
 */
const FACT_BASE_PROPS: PropertySpec = [
  ['factKey', 'STRING'],
  ['relation', 'STRING'],
  ['label', 'STRING'],
  ['role', 'STRING'],
  ['confidence', 'DOUBLE'],
  ['articles', 'INT64'],
  ['evidence', 'INT64'],
  ['bestEvidence', 'STRING'],
];

/** The per-fact tally the explorer reads (fact-tally.ts): publishers, first/last seen, best sentences. */
export const FACT_TALLY_PROPS: PropertySpec = [
  ['publishers', 'STRING[]'],
  ['publisherArticles', 'INT64[]'],
  ['firstSeen', 'STRING'],
  ['firstSeenArticles', 'INT64'],
  ['lastSeen', 'STRING'],
  ['lastSeenArticles', 'INT64'],
  ['topEvidence', 'STRING[]'],
  ['topConfidence', 'INT64[]'],
];

/** Every fact property. */
export const FACT_PROPS: PropertySpec = [...FACT_BASE_PROPS, ...FACT_TALLY_PROPS];

/** Entity labels, in a stable order. */
export const ENTITY_LABELS: readonly NodeEntityType[] = NODE_ENTITY_TYPES;
export const FACT_TYPES: readonly RelationType[] = RELATION_TYPES;

/** The label or type is not part of the vocabulary: a programming error or tampered input. */
export class VocabularyError extends PermanentError {}

/** Return `label` when it is an entity label, else throw. Call before putting it in Cypher text. */
export function entityLabel(label: string): NodeEntityType {
  if ((ENTITY_LABELS as readonly string[]).includes(label)) return label as NodeEntityType;
  throw new VocabularyError('bad-label', `not an entity label: ${JSON.stringify(label)}`);
}

/** Return `type` when it is a fact type, else throw. Call before putting it in Cypher text. */
export function factType(type: string): RelationType {
  if ((FACT_TYPES as readonly string[]).includes(type)) return type as RelationType;
  throw new VocabularyError('bad-type', `not a relationship type: ${JSON.stringify(type)}`);
}

/** The entity label encoded in an entity key (`Person:alexey rodos` -> `Person`). */
export function labelOfKey(key: string): NodeEntityType {
  return entityLabel(key.slice(0, key.indexOf(':')));
}
