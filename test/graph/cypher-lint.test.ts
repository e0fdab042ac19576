/**
 * Every Cypher text the Neo4j sink and the saved queries can send, linted by Neo4j's own language
 * service: no syntax or semantic errors, only known labels, types, properties and parameters.
 */
import { lintCypherQuery } from '@neo4j-cypher/language-support';
import { describe, expect, it } from 'vitest';
import { neo4jSchemaStatements } from '../../src/graph/dialect.js';
import { SAVED_QUERIES } from '../../src/graph/queries/saved.js';
import {
  ARTICLE_PROPS,
  ENTITY_LABELS,
  ENTITY_PROPS,
  EVIDENCE_PROPS,
  FACT_PROPS,
  FACT_TYPES,
  MENTION_PROPS,
} from '../../src/graph/schema.js';
import { readSnapshot } from '../../src/graph/snapshot.js';
import * as S from '../../src/graph/statements.js';

async function allTexts(): Promise<string[]> {
  const texts = [
    ...neo4jSchemaStatements(),
    S.READ_OLD_EVIDENCE,
    S.READ_OLD_MENTIONS,
    S.DELETE_EVIDENCE,
    S.READ_OTHER_EVIDENCE,
    S.READ_ARTICLE_SOURCES,
    S.READ_WRITE_HASH,
    S.UPSERT_ARTICLE,
    S.createEvidence(),
    ...SAVED_QUERIES.map((q) => q.cypher),
  ];
  for (const l of ENTITY_LABELS) {
    texts.push(S.lockEntities(l), S.deleteMentions(l), S.mergeEntities(l));
    texts.push(
      ...[true, false].flatMap((isNew) => [
        S.writeMentions(l, true, isNew),
        S.writeMentions(l, false, isNew),
      ]),
      S.setEntityNames(l, true),
      S.setEntityNames(l, false),
      S.deleteEntities(l),
    );
  }
  for (const t of FACT_TYPES) {
    for (const s of ENTITY_LABELS) {
      for (const o of ENTITY_LABELS) {
        texts.push(S.createFacts(t, s, o), S.deleteFacts(t, s, o), S.updateFacts(t, s, o));
      }
    }
  }
  // Combined texts (one statement per step): every label's parts, and every fact type's parts.
  const labelParts = ENTITY_LABELS.flatMap((l) => [S.mergeEntities(l), S.lockEntities(l)]);
  texts.push(S.combine(labelParts, 'union'));
  texts.push(
    S.combine(
      FACT_TYPES.map((t) => S.readFacts(t)),
      'union',
    ),
  );
  for (const t of FACT_TYPES) {
    const writes = ENTITY_LABELS.flatMap((l) => [
      S.deleteEntities(l),
      S.deleteMentions(l),
      S.writeMentions(l, true, true),
      S.writeMentions(l, false, false),
    ]);
    writes.push(S.DELETE_EVIDENCE, S.createEvidence());
    writes.push(S.deleteFacts(t, 'Person', 'Place'), S.createFacts(t, 'Organization', 'Place'));
    writes.push(S.updateFacts(t, 'Place', 'Person'));
    writes.push(...ENTITY_LABELS.flatMap((l) => [S.setEntityNames(l, true), S.setEntityNames(l, false)]));
    texts.push(S.combine(writes, 'chain'));
  }
  await readSnapshot(async (t) => {
    texts.push(t);
    return [];
  });
  return [...new Set(texts)];
}

const propertyKeys = [ARTICLE_PROPS, ENTITY_PROPS, EVIDENCE_PROPS, FACT_PROPS, MENTION_PROPS]
  .flat()
  .map(([p]) => p);
const parameters: Record<string, unknown> = { id: 'a1', rows: [], keys: [] };
for (let i = 0; i < 40; i++) Object.assign(parameters, { [`rows${i}`]: [], [`keys${i}`]: [] });
for (const [p] of ARTICLE_PROPS) parameters[p] = null;
for (const q of SAVED_QUERIES) for (const p of Object.keys(q.params)) parameters[p] = '';

const schema = {
  labels: ['Article', 'Evidence', ...ENTITY_LABELS],
  relationshipTypes: ['MENTIONS', 'STATES', ...FACT_TYPES],
  propertyKeys,
  parameters,
};

describe('Cypher lint (Neo4j language service)', async () => {
  const texts = await allTexts();

  it('covers every statement the sink can build', () => {
    // create, update and delete for every (type, subject label, object label), and more
    expect(texts.length).toBeGreaterThan(FACT_TYPES.length * ENTITY_LABELS.length ** 2 * 3);
  });

  // The sink builds ~850 texts, but they differ only in vocabulary labels/types, all declared in the
  // lint schema. Linting every text takes 90 s (60 ms each), so we lint one text per shape (the text with
  // its vocabulary identifiers blanked) in which every label and type still appears at least once.
  const vocabulary = new RegExp(`\\b(${[...ENTITY_LABELS, ...FACT_TYPES].join('|')})\\b`, 'g');
  const representatives = new Map<string, string>();
  const seen = new Set<string>();
  for (const text of texts) {
    const shape = text.replace(vocabulary, 'ID');
    const words = text.match(vocabulary) ?? [];
    const fresh = words.some((w) => !seen.has(`${shape}|${w}`));
    if (!representatives.has(shape) || fresh) representatives.set(`${shape}|${representatives.size}`, text);
    for (const w of words) seen.add(`${shape}|${w}`);
    representatives.set(shape, representatives.get(shape) ?? text);
  }
  const toLint = [...new Set(representatives.values())];

  it('lints a representative of every shape, using every label and type', () => {
    expect(toLint.length).toBeLessThan(texts.length / 3);
    for (const id of [...ENTITY_LABELS, ...FACT_TYPES]) expect(toLint.some((t) => t.includes(id))).toBe(true);
  });

  it('finds no error or warning', { timeout: 120_000 }, () => {
    const problems = toLint.flatMap((text) =>
      lintCypherQuery(text, schema).map(
        (d) => `${d.severity === 1 ? 'error' : 'warning'}: ${d.message}\n  in: ${text}`,
      ),
    );
    expect(problems).toEqual([]);
  });

  it('catches a broken text (the lint is live)', () => {
    expect(lintCypherQuery('MATCH (n:Person RETURN n', schema).length).toBeGreaterThan(0);
    expect(lintCypherQuery('MATCH (n:Persn) RETURN n.nam', schema).length).toBeGreaterThan(0);
    expect(lintCypherQuery('MATCH (n:Person) RETURN $nope', schema).length).toBeGreaterThan(0);
  });
});
