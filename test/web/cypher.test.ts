/**
 * The explorer's Cypher, linted by Neo4j's language service against the graph vocabulary (the same
 * check test/graph/cypher-lint.test.ts makes of the sink's texts), and the pure helpers around it.
 */
import { lintCypherQuery } from '@neo4j-cypher/language-support';
import { describe, expect, it } from 'vitest';
import { assertReadOnly } from '../../src/graph/index.js';
import {
  ARTICLE_PROPS,
  ENTITY_LABELS,
  ENTITY_PROPS,
  EVIDENCE_PROPS,
  FACT_PROPS,
  FACT_TYPES,
  MENTION_PROPS,
} from '../../src/graph/schema.js';
import * as C from '../../src/web/cypher.js';
import { isLoopbackHost, pageRequest } from '../../src/web/index.js';
import { highlight } from '../../src/web/layout.js';
import { pageOf } from '../../src/web/page.js';

const texts = [
  C.searchText('neo4j'),
  C.ARTICLE,
  C.ARTICLE_MENTIONS,
  C.ARTICLE_FACTS,
  C.EVIDENCE_BY_ID,
  C.FACT_EVIDENCE,
  ...ENTITY_LABELS.flatMap((l) => [
    C.entityText(l),
    C.groupCountsText(l),
    C.groupFactsText(l, [
      { relation: 'DIRECTS', direction: 'out' },
      { relation: 'PARTNERS_WITH', direction: 'in' },
    ]),
    C.groupTopsText(l, 'neo4j'),
    C.factsByKeyText(l, ['DIRECTS', 'PARTNERS_WITH']),
    ...(['out', 'in'] as const).map((d) => C.factsText(l, d, 'best')),
  ]),
];
const schema = {
  labels: ['Article', 'Evidence', ...ENTITY_LABELS],
  relationshipTypes: ['MENTIONS', 'STATES', ...FACT_TYPES],
  propertyKeys: [ARTICLE_PROPS, ENTITY_PROPS, EVIDENCE_PROPS, FACT_PROPS, MENTION_PROPS]
    .flat()
    .map(([p]) => p),
  parameters: { q: '', skip: 0, limit: 1, key: '', factKey: '', ids: [], keys: [], id: '' },
};

describe('explorer Cypher', () => {
  it('is valid, uses only the vocabulary, and is read-only', () => {
    const problems = texts.flatMap((t) => lintCypherQuery(t, schema).map((d) => `${d.message}\n  in: ${t}`));
    expect(problems).toEqual([]);
    for (const t of texts) expect(() => assertReadOnly(t)).not.toThrow();
    // Embedded-only (LadybugDB's offset(), list_sort, lambdas): not Neo4j Cypher, so only checked read-only here;
    // test/web/api.test.ts runs it on a real embedded graph.
    for (const t of [
      C.EMBEDDED_EVIDENCE_POSITIONS,
      ...ENTITY_LABELS.map((l) => C.groupTopsText(l, 'embedded')),
    ])
      expect(() => assertReadOnly(t)).not.toThrow();
  });

  it('takes a label only from the vocabulary', () => {
    expect(C.entityLabelOf('Person:alexey rodos')).toBe('Person');
    for (const bad of ['Person', 'Evidence:x', 'Person) DETACH DELETE (n:x', ':x', ''])
      expect(() => C.entityLabelOf(bad)).toThrow(/not an entity key/);
  });

  it('takes a relation type only from the vocabulary', () => {
    expect(C.relationOf('DIRECTS')).toBe('DIRECTS');
    for (const bad of ['MENTIONS', 'STATES', 'directs', 'DIRECTS]->() DETACH DELETE (n', ''])
      expect(() => C.relationOf(bad)).toThrow(/not a relation type/);
    expect(() =>
      C.groupFactsText('Person', [{ relation: 'MENTIONS' as 'DIRECTS', direction: 'out' }]),
    ).toThrow(/not a relation type/);
    expect(() => C.factsByKeyText('Person', ['MENTIONS' as 'DIRECTS'])).toThrow(/not a relation type/);
  });
});

describe('explorer helpers', () => {
  it('reads pages and says where the next one starts', () => {
    expect(pageRequest(undefined, undefined)).toEqual({ offset: 0, limit: 25 });
    expect(pageRequest('10', '5')).toEqual({ offset: 10, limit: 5 });
    for (const [o, l] of [
      ['-1', '5'],
      ['0', '0'],
      ['0', '501'],
      ['x', '1'],
      ['0', '2.5'],
    ])
      expect(() => pageRequest(o, l)).toThrow(/offset|limit/);
    expect(pageOf([1, 2, 3], { offset: 4, limit: 2 })).toEqual({
      items: [1, 2],
      offset: 4,
      limit: 2,
      next: 6,
    });
    expect(pageOf([1, 2], { offset: 4, limit: 2 })).toEqual({
      items: [1, 2],
      offset: 4,
      limit: 2,
      next: null,
    });
  });

  it('marks subject and object in the sentence, escaping the rest', async () => {
    const out = await highlight({
      sentence: 'Kalibr Director Alexey Rodos <b>spoke</b>.',
      subject: { start: 16, end: 28 },
      object: { start: 0, end: 6 },
    });
    expect(String(out)).toBe(
      '<mark class="obj" title="object">Kalibr</mark> Director <mark class="subj" title="subject">Alexey Rodos</mark> &lt;b&gt;spoke&lt;/b&gt;.',
    );
  });

  it('knows which hosts are loopback', () => {
    for (const h of ['127.0.0.1', '127.8.0.1', 'localhost', '::1', '[::1]'])
      expect(isLoopbackHost(h)).toBe(true);
    for (const h of ['0.0.0.0', '::', '192.168.1.2', '10.0.0.1', 'example.com'])
      expect(isLoopbackHost(h)).toBe(false);
  });
});
