/**
 * Every Cypher text the sinks send to write an article. One text serves Kùzu and Neo4j; labels and
 * types are interpolated only after {@link entityLabel} / {@link factType} accepted them, and every
 * value is a parameter. Rows follow the type-stable conventions of `plan.ts`; the optional text fields
 * `label` and `role` travel as null when empty (Kùzu types a null text field of a row as STRING, so
 * mixed rows bind; a null list field would not, hence the `withAliases` variants).
 */

import { CONFIDENCE_SCALE } from './plan.js';
import { ARTICLE_PROPS, entityLabel, FACT_TALLY_PROPS, factType } from './schema.js';

const optional = (present: boolean, expr: string): string => (present ? expr : 'null');
const confidence = (expr: string): string => `${expr} / ${CONFIDENCE_SCALE}.0`;

/**
 * Several statements as ONE text (one round trip): `chain` runs them one after another, each part's
 * rows unwound on its own (`WITH count(*)` closes a part and always yields one row, so an empty match
 * never stops the next part); `union` concatenates read parts with the same columns. Part i's `$rows` /
 * `$keys` become `$rows{i}` / `$keys{i}`. Kùzu 0.11 has no `CALL { … }` subqueries; both forms run on
 * Kùzu and Neo4j alike.
 */
export function combine(parts: readonly string[], how: 'chain' | 'union'): string {
  const renamed = parts.map((t, i) => t.replace(/\$(rows|keys)\b/g, `$$$1${i}`));
  if (how === 'union') return renamed.join(' UNION ALL ');
  return renamed.map((t, i) => (i === 0 ? t : `WITH count(*) AS done${i} ${t}`)).join(' ');
}

/** The stored article's write hash (an unchanged re-ingest stops here). */
export const READ_WRITE_HASH =
  'MATCH (a:Article {id: $id}) RETURN a.writeHash AS writeHash, a.siteName AS siteName, a.url AS url, ' +
  'a.canonicalUrl AS canonicalUrl, a.publishedAt AS publishedAt, a.extractedAt AS extractedAt';

/** The article's old evidence. */
export const READ_OLD_EVIDENCE =
  'MATCH (a:Article {id: $id})-[:STATES]->(e:Evidence) RETURN e.id AS id, e.factKey AS factKey, ' +
  'e.relation AS relation, e.subjectKey AS subjectKey, e.objectKey AS objectKey';

/** The entities the article mentioned, with the forms it used for each (to take out of their tallies). */
export const READ_OLD_MENTIONS =
  'MATCH (a:Article {id: $id})-[m:MENTIONS]->(e) RETURN e.key AS key, m.forms AS forms';

export const DELETE_EVIDENCE = 'UNWIND $keys AS k MATCH (e:Evidence {id: k}) DETACH DELETE e';

/** Evidence of these facts stated by OTHER articles (only when the evidence a fact showed is gone). */
export const READ_OTHER_EVIDENCE =
  'MATCH (e:Evidence) WHERE e.factKey IN $keys AND e.articleId <> $id ' +
  'RETURN e.factKey AS factKey, e.id AS id, e.articleId AS articleId, e.confidence AS confidence, ' +
  'e.label AS label, e.role AS role';

/**
 * Where and when these articles appeared (for the fact tallies, with {@link READ_OTHER_EVIDENCE}): by
 * primary key (joined through STATES, the embedded engine scans every article).
 */
export const READ_ARTICLE_SOURCES =
  'UNWIND $keys AS k MATCH (a:Article {id: k}) RETURN a.id AS id, a.siteName AS siteName, a.url AS url, ' +
  'a.canonicalUrl AS canonicalUrl, a.publishedAt AS publishedAt, a.extractedAt AS extractedAt';

/** The columns every entity lock returns: the entity's name tally (see `EntityTally`). */
const TALLY =
  'RETURN e.key AS key, e.forms AS forms, e.formArticles AS formArticles, e.nameArticles AS nameArticles';

/** Write-lock entities (Neo4j) so concurrent writers touching them wait; a no-op change. */
export function lockEntities(label: string): string {
  const l = entityLabel(label);
  return `UNWIND $keys AS k MATCH (e:${l} {key: k}) SET e.type = '${l}' ${TALLY}`;
}

export function deleteMentions(label: string): string {
  const l = entityLabel(label);
  return `UNWIND $keys AS k MATCH (a:Article {id: $id})-[m:MENTIONS]->(e:${l} {key: k}) DELETE m`;
}

export const UPSERT_ARTICLE = `MERGE (a:Article {id: $id}) SET ${ARTICLE_PROPS.filter(([p]) => p !== 'id')
  .map(([p]) => `a.${p} = $${p}`)
  .join(', ')}`;

/** Create the new entities and write-lock them; returns their tallies (null for a new one). */
export function mergeEntities(label: string): string {
  const l = entityLabel(label);
  return (
    `UNWIND $rows AS r MERGE (e:${l} {key: r.key}) ` +
    `ON CREATE SET e.name = r.name, e.names = r.names SET e.type = '${l}' ${TALLY}`
  );
}

const SET_TALLY = 'e.forms = r.allForms, e.formArticles = r.formArticles, e.nameArticles = r.nameArticles';

/**
 * This article's mentions of `label` entities, and each entity's derived names (see `setEntityNames`).
 * `isNew`: the article did not mention them before, so the relationship is created (Kùzu creates a
 * relationship several times faster than it merges one); else the existing one is updated.
 */
export function writeMentions(label: string, withAliases: boolean, isNew: boolean): string {
  const l = entityLabel(label);
  const props = 'count: r.count, firstOffset: r.firstOffset, forms: r.forms';
  const mention = isNew
    ? `MATCH (e:${l} {key: r.key}) CREATE (a)-[m:MENTIONS {${props}}]->(e) SET `
    : `MATCH (a)-[m:MENTIONS]->(e:${l} {key: r.key}) SET m.count = r.count, m.firstOffset = r.firstOffset, m.forms = r.forms, `;
  return (
    `MATCH (a:Article {id: $id}) UNWIND $rows AS r ${mention}` +
    `e.name = r.name, e.aliases = ${optional(withAliases, 'r.aliases')}, e.names = r.names, ${SET_TALLY}`
  );
}

/** The per-fact tally (fact-tally.ts). */
const TALLY_PROPS = FACT_TALLY_PROPS.map(([name]) => name);

const FACT_PROPS_SET =
  'f.label = r.label, f.role = r.role, ' +
  `f.confidence = ${confidence('r.confidenceMicro')}, f.articles = r.articles, f.evidence = r.evidence, ` +
  `f.bestEvidence = r.bestEvidence, ${TALLY_PROPS.map((p) => `f.${p} = r.${p}`).join(', ')}`;

/** Facts no article stated before, with their derived properties (existing ones: `updateFacts`). */
export function createFacts(type: string, subjectLabel: string, objectLabel: string): string {
  const [t, s, o] = [factType(type), entityLabel(subjectLabel), entityLabel(objectLabel)];
  return (
    `UNWIND $rows AS r MATCH (s:${s} {key: r.subjectKey}) MATCH (o:${o} {key: r.objectKey}) ` +
    `CREATE (s)-[f:${t} {factKey: r.factKey, relation: r.relation, label: r.label, role: r.role, ` +
    `confidence: ${confidence('r.confidenceMicro')}, articles: r.articles, evidence: r.evidence, ` +
    `bestEvidence: r.bestEvidence, ${TALLY_PROPS.map((p) => `${p}: r.${p}`).join(', ')}}]->(o)`
  );
}

const EVIDENCE_CREATE_PROPS =
  'id: r.id, factKey: r.factKey, relation: r.relation, articleId: r.articleId, ' +
  'subjectKey: r.subjectKey, objectKey: r.objectKey, sentence: r.sentence, ' +
  'sentenceStart: r.sentenceStart, sentenceEnd: r.sentenceEnd, subjectStart: r.subjectStart, ' +
  'subjectEnd: r.subjectEnd, objectStart: r.objectStart, objectEnd: r.objectEnd, ' +
  `label: r.label, role: r.role, rule: r.rule, confidence: ${confidence('r.confidenceMicro')}`;

export function createEvidence(): string {
  return `MATCH (a:Article {id: $id}) UNWIND $rows AS r CREATE (a)-[:STATES]->(:Evidence {${EVIDENCE_CREATE_PROPS}})`;
}

function factMatch(type: string, subjectLabel: string, objectLabel: string): string {
  const [t, s, o] = [factType(type), entityLabel(subjectLabel), entityLabel(objectLabel)];
  return `UNWIND $rows AS r MATCH (s:${s} {key: r.subjectKey})-[f:${t} {factKey: r.factKey}]->(o:${o} {key: r.objectKey})`;
}

/**
 * The stored derived properties of these facts (see `updateFact`), by `factKey` (indexed on Neo4j; Kùzu
 * scans the type's relationships, cheaper than matching both ends by key).
 */
export function readFacts(type: string): string {
  return (
    `MATCH (s)-[f:${factType(type)}]->(o) WHERE f.factKey IN $keys RETURN f.factKey AS factKey, ` +
    'f.articles AS articles, f.evidence AS evidence, f.bestEvidence AS bestEvidence, ' +
    'f.confidence AS confidence, f.label AS label, f.role AS role, ' +
    TALLY_PROPS.map((p) => `f.${p} AS ${p}`).join(', ')
  );
}

/** Derived properties of facts this article no longer states (but others still do). */
export function updateFacts(type: string, subjectLabel: string, objectLabel: string): string {
  return `${factMatch(type, subjectLabel, objectLabel)} SET ${FACT_PROPS_SET}`;
}

export function deleteFacts(type: string, subjectLabel: string, objectLabel: string): string {
  return `${factMatch(type, subjectLabel, objectLabel)} DELETE f`;
}

export function setEntityNames(label: string, withAliases: boolean): string {
  const l = entityLabel(label);
  const aliases = optional(withAliases, 'r.aliases');
  return `UNWIND $rows AS r MATCH (e:${l} {key: r.key}) SET e.name = r.name, e.aliases = ${aliases}, e.names = r.names, ${SET_TALLY}`;
}

export function deleteEntities(label: string): string {
  return `UNWIND $keys AS k MATCH (e:${entityLabel(label)} {key: k}) DETACH DELETE e`;
}

// The batch path (replace-batch.ts): one statement per part for a whole batch of articles, rows keyed
// by their article (`r.articleId`) instead of one `$id` per statement.

/** The stored write hashes of these articles (absent: a new article), with their sources (fact-tally.ts). */
export const READ_WRITE_HASHES =
  'UNWIND $keys AS k MATCH (a:Article {id: k}) RETURN a.id AS id, a.writeHash AS writeHash, ' +
  'a.siteName AS siteName, a.url AS url, a.canonicalUrl AS canonicalUrl, a.publishedAt AS publishedAt, ' +
  'a.extractedAt AS extractedAt';

/** The old evidence of these articles. */
export const READ_OLD_EVIDENCE_OF =
  'UNWIND $keys AS k MATCH (a:Article {id: k})-[:STATES]->(e:Evidence) RETURN a.id AS articleId, ' +
  'e.id AS id, e.factKey AS factKey, e.relation AS relation, e.subjectKey AS subjectKey, e.objectKey AS objectKey';

/** The old mentions of these articles. */
export const READ_OLD_MENTIONS_OF =
  'UNWIND $keys AS k MATCH (a:Article {id: k})-[m:MENTIONS]->(e) RETURN a.id AS articleId, e.key AS key, ' +
  'm.forms AS forms, m.count AS count, m.firstOffset AS firstOffset';

/** The stored tallies of these entities (absent: no such entity). */
export function readEntities(label: string): string {
  return `UNWIND $keys AS k MATCH (e:${entityLabel(label)} {key: k}) ${TALLY}`;
}

/** New articles. */
export const CREATE_ARTICLES = `UNWIND $rows AS r CREATE (a:Article {${ARTICLE_PROPS.map(([p]) => `${p}: r.${p}`).join(', ')}})`;

/** Changed articles. */
export const UPDATE_ARTICLES = `UNWIND $rows AS r MATCH (a:Article {id: r.id}) SET ${ARTICLE_PROPS.filter(
  ([p]) => p !== 'id',
)
  .map(([p]) => `a.${p} = r.${p}`)
  .join(', ')}`;

/** New entities with their derived names and tallies (`aliases` null when there are none). */
export function createEntities(label: string, withAliases: boolean): string {
  const l = entityLabel(label);
  return (
    `UNWIND $rows AS r CREATE (e:${l} {key: r.key, type: '${l}', name: r.name, ` +
    `aliases: ${optional(withAliases, 'r.aliases')}, names: r.names, forms: r.allForms, ` +
    'formArticles: r.formArticles, nameArticles: r.nameArticles})'
  );
}

/** Mentions an article did not have. */
export function createMentions(label: string): string {
  return (
    `UNWIND $rows AS r MATCH (a:Article {id: r.articleId}) MATCH (e:${entityLabel(label)} {key: r.key}) ` +
    'CREATE (a)-[:MENTIONS {count: r.count, firstOffset: r.firstOffset, forms: r.forms}]->(e)'
  );
}

/** Mentions an article had and still has, changed. */
export function updateMentions(label: string): string {
  return (
    `UNWIND $rows AS r MATCH (a:Article {id: r.articleId})-[m:MENTIONS]->(e:${entityLabel(label)} {key: r.key}) ` +
    'SET m.count = r.count, m.firstOffset = r.firstOffset, m.forms = r.forms'
  );
}

/** Mentions an article no longer has (of entities that stay). */
export function deleteMentionsOf(label: string): string {
  return `UNWIND $rows AS r MATCH (a:Article {id: r.articleId})-[m:MENTIONS]->(e:${entityLabel(label)} {key: r.key}) DELETE m`;
}

/** New evidence of several articles. */
export const CREATE_EVIDENCE_OF = `UNWIND $rows AS r MATCH (a:Article {id: r.articleId}) CREATE (a)-[:STATES]->(:Evidence {${EVIDENCE_CREATE_PROPS}})`;
