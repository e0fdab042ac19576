/**
 * Every Cypher text the sinks send to write an article. One text serves Kùzu and Neo4j; labels and
 * types are interpolated only after {@link entityLabel} / {@link factType} accepted them, and every
 * value is a parameter. Rows follow the type-stable conventions of `plan.ts` (`''` -> null here).
 */

import { CONFIDENCE_SCALE } from './plan.js';
import { ARTICLE_PROPS, entityLabel, factType } from './schema.js';

/**
 * Which optional text fields the rows of a batch carry. Rows are grouped by this signature and an
 * absent field is written as a literal `null` (absent in Neo4j): Kùzu cannot bind a null (or a CASE
 * that may yield one) coming from a row parameter.
 */
export interface Optionals {
  label: boolean;
  role: boolean;
}

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

/** The article's old evidence (`kind` 'evidence') and mentioned entity keys (`kind` 'mention', key in `id`). */
export const READ_OLD =
  "MATCH (a:Article {id: $id})-[:STATES]->(e:Evidence) RETURN 'evidence' AS kind, e.id AS id, " +
  'e.factKey AS factKey, e.relation AS relation, e.subjectKey AS subjectKey, e.objectKey AS objectKey ' +
  "UNION ALL MATCH (a:Article {id: $id})-[:MENTIONS]->(e) RETURN 'mention' AS kind, e.key AS id, " +
  "'' AS factKey, '' AS relation, '' AS subjectKey, '' AS objectKey";

export const DELETE_EVIDENCE = 'UNWIND $keys AS k MATCH (e:Evidence {id: k}) DETACH DELETE e';

/** Evidence of these facts stated by OTHER articles. */
export const READ_OTHER_EVIDENCE =
  'MATCH (e:Evidence) WHERE e.factKey IN $keys AND e.articleId <> $id ' +
  'RETURN e.factKey AS factKey, e.id AS id, e.articleId AS articleId, e.confidence AS confidence, ' +
  'e.label AS label, e.role AS role';

/** How OTHER articles name these entities. */
export function readOtherMentions(label: string): string {
  const l = entityLabel(label);
  return (
    `UNWIND $keys AS k MATCH (e:${l} {key: k})<-[m:MENTIONS]-(a:Article) WHERE a.id <> $id ` +
    'RETURN k AS key, m.forms AS forms'
  );
}

/** Write-lock entities (Neo4j) so concurrent writers touching them wait; a no-op change. */
export function lockEntities(label: string): string {
  const l = entityLabel(label);
  return `UNWIND $keys AS k MATCH (e:${l} {key: k}) SET e.type = '${l}'`;
}

export function deleteMentions(label: string): string {
  const l = entityLabel(label);
  return `UNWIND $keys AS k MATCH (a:Article {id: $id})-[m:MENTIONS]->(e:${l} {key: k}) DELETE m`;
}

export const UPSERT_ARTICLE = `MERGE (a:Article {id: $id}) SET ${ARTICLE_PROPS.filter(([p]) => p !== 'id')
  .map(([p]) => `a.${p} = $${p}`)
  .join(', ')}`;

export function mergeEntities(label: string): string {
  const l = entityLabel(label);
  return (
    `UNWIND $rows AS r MERGE (e:${l} {key: r.key}) ` +
    `ON CREATE SET e.name = r.name, e.names = r.names SET e.type = '${l}'`
  );
}

/** This article's mentions of `label` entities, and each entity's derived names (see `setEntityNames`). */
export function upsertMentions(label: string, withAliases: boolean): string {
  const l = entityLabel(label);
  return (
    `MATCH (a:Article {id: $id}) UNWIND $rows AS r MATCH (e:${l} {key: r.key}) ` +
    'MERGE (a)-[m:MENTIONS]->(e) SET m.count = r.count, m.firstOffset = r.firstOffset, m.forms = r.forms, ' +
    `e.name = r.name, e.aliases = ${optional(withAliases, 'r.aliases')}, e.names = r.names`
  );
}

const factProps = (opt: Optionals): string =>
  `f.label = ${optional(opt.label, 'r.label')}, f.role = ${optional(opt.role, 'r.role')}, ` +
  `f.confidence = ${confidence('r.confidenceMicro')}, f.articles = r.articles, f.evidence = r.evidence`;

/** This article's facts, created if new, with their derived properties (see `updateFacts`). */
export function mergeFacts(type: string, subjectLabel: string, objectLabel: string, opt: Optionals): string {
  const [t, s, o] = [factType(type), entityLabel(subjectLabel), entityLabel(objectLabel)];
  return (
    `UNWIND $rows AS r MATCH (s:${s} {key: r.subjectKey}) MATCH (o:${o} {key: r.objectKey}) ` +
    `MERGE (s)-[f:${t} {factKey: r.factKey}]->(o) ON CREATE SET f.relation = r.relation SET ${factProps(opt)}`
  );
}

export function createEvidence(opt: Optionals): string {
  const extra = [opt.label ? 'label: r.label, ' : '', opt.role ? 'role: r.role, ' : ''].join('');
  return (
    'MATCH (a:Article {id: $id}) UNWIND $rows AS r CREATE (a)-[:STATES]->(:Evidence {' +
    'id: r.id, factKey: r.factKey, relation: r.relation, articleId: r.articleId, ' +
    'subjectKey: r.subjectKey, objectKey: r.objectKey, sentence: r.sentence, ' +
    'sentenceStart: r.sentenceStart, sentenceEnd: r.sentenceEnd, subjectStart: r.subjectStart, ' +
    'subjectEnd: r.subjectEnd, objectStart: r.objectStart, objectEnd: r.objectEnd, ' +
    `${extra}rule: r.rule, confidence: ${confidence('r.confidenceMicro')}})`
  );
}

function factMatch(type: string, subjectLabel: string, objectLabel: string): string {
  const [t, s, o] = [factType(type), entityLabel(subjectLabel), entityLabel(objectLabel)];
  return `UNWIND $rows AS r MATCH (s:${s} {key: r.subjectKey})-[f:${t} {factKey: r.factKey}]->(o:${o} {key: r.objectKey})`;
}

/** Derived properties of facts this article no longer states (but others still do). */
export function updateFacts(type: string, subjectLabel: string, objectLabel: string, opt: Optionals): string {
  return `${factMatch(type, subjectLabel, objectLabel)} SET ${factProps(opt)}`;
}

export function deleteFacts(type: string, subjectLabel: string, objectLabel: string): string {
  return `${factMatch(type, subjectLabel, objectLabel)} DELETE f`;
}

export function setEntityNames(label: string, withAliases: boolean): string {
  const l = entityLabel(label);
  const aliases = optional(withAliases, 'r.aliases');
  return `UNWIND $rows AS r MATCH (e:${l} {key: r.key}) SET e.name = r.name, e.aliases = ${aliases}, e.names = r.names`;
}

export function deleteEntities(label: string): string {
  return `UNWIND $keys AS k MATCH (e:${entityLabel(label)} {key: k}) DETACH DELETE e`;
}
