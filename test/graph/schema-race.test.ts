/** Several writers reaching a fresh Neo4j at once must not fail each other on `CREATE … IF NOT EXISTS`. */
import { Neo4jError } from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { isSchemaRace } from '../../src/graph/neo4j.js';

describe('Neo4j schema race', () => {
  it('recognises a lost schema race (the error Neo4j 5 returned to the losing worker), and only that', () => {
    const lost = new Neo4jError(
      "An equivalent index already exists, 'Index( id=15, name='evidence_factKey', type='RANGE' )'.",
      'Neo.ClientError.Schema.EquivalentSchemaRuleAlreadyExists',
      'N/A',
      'N/A',
    );
    expect(isSchemaRace(lost)).toBe(true);
    expect(
      isSchemaRace(new Neo4jError('c', 'Neo.ClientError.Schema.ConstraintWithNameAlreadyExists', '', '')),
    ).toBe(true);
    expect(isSchemaRace(new Neo4jError('bad', 'Neo.ClientError.Statement.SyntaxError', '', ''))).toBe(false);
    expect(isSchemaRace(new Error('An equivalent index already exists'))).toBe(false);
    expect(isSchemaRace(undefined)).toBe(false);
  });
});
