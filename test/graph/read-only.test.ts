import { describe, expect, it } from 'vitest';
import { SAVED_QUERIES } from '../../src/graph/queries/saved.js';
import { assertReadOnly, maskCypher, ReadOnlyQueryError } from '../../src/graph/read-only.js';

describe('assertReadOnly', () => {
  it.each([
    'MATCH (p:Person)-[:DIRECTS]->(o:Organization) RETURN p.name, o.name',
    "MATCH (n) WHERE n.name = 'CREATE (x)' RETURN n", // inside a string
    'MATCH (n) RETURN n.set AS set_, n.`delete` AS d', // property names
    'MATCH (n:Person) RETURN {create: 1, merge: n.name} AS m', // map keys
    '// CREATE is only mentioned in a comment\nMATCH (n) RETURN count(n)',
    'CALL db.labels() YIELD label RETURN label',
    'CALL show_tables() RETURN *',
    'MATCH (n) CALL { WITH n RETURN n.name AS x } RETURN x',
    ...SAVED_QUERIES.map((q) => q.cypher),
  ])('lets a read through: %s', (text) => {
    expect(() => assertReadOnly(text)).not.toThrow();
  });

  it.each([
    ["CREATE (:Person {key: 'x'})", 'CREATE'],
    ["MERGE (p:Person {key: 'x'}) RETURN p", 'MERGE'],
    ['MATCH (n) DETACH DELETE n', 'DETACH'],
    ['MATCH (n) DELETE n', 'DELETE'],
    ["MATCH (n) SET n.name = 'x'", 'SET'],
    ['MATCH (n) REMOVE n.name', 'REMOVE'],
    ['DROP TABLE Person', 'DROP'],
    ["LOAD CSV FROM 'file:///x' AS row RETURN row", 'LOAD'],
    ["COPY Person FROM 'x.csv'", 'COPY'],
    ['MATCH (n) FOREACH (x IN [1] | SET n.a = x)', 'FOREACH'],
    ["CALL apoc.create.node(['X'], {}) YIELD node RETURN node", 'CALL apoc.create.node'],
    ['match (n) with n create (m)', 'CREATE'],
    ['MATCH (n) CALL { WITH n DELETE n }', 'DELETE'],
  ])('refuses %s', (text, clause) => {
    expect(() => assertReadOnly(text)).toThrow(ReadOnlyQueryError);
    expect(() => assertReadOnly(text)).toThrow(`refusing ${clause}`);
  });

  it('masks strings and comments without moving offsets', () => {
    const text = "RETURN 'a' /* b */ AS x";
    expect(maskCypher(text)).toHaveLength(text.length);
    expect(maskCypher(text)).not.toContain("a'");
  });
});
