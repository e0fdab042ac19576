/** The worker's graph sink: several workers reaching a fresh Neo4j at once must not fail each other. */
import { Neo4jError } from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { ensureSchemaBesideOthers, isSchemaRace } from '../../src/cli/worker-sink.js';
import { MemorySink } from '../../src/graph/memory.js';
import { toNeo4jError } from '../../src/graph/neo4j.js';

const URI = 'bolt://127.0.0.1:7687';
// The error Neo4j 5 returned to the losing worker in the end-to-end run.
const lostRace = () =>
  toNeo4jError(
    new Neo4jError(
      "An equivalent index already exists, 'Index( id=15, name='evidence_factKey', type='RANGE' )'.",
      'Neo.ClientError.Schema.EquivalentSchemaRuleAlreadyExists',
      'N/A',
      'N/A',
    ),
    URI,
  );

describe('worker sink schema step', () => {
  it('recognises a lost schema race, and only that', () => {
    expect(isSchemaRace(lostRace())).toBe(true);
    expect(
      isSchemaRace(toNeo4jError(new Neo4jError('bad', 'Neo.ClientError.Statement.SyntaxError', '', ''), URI)),
    ).toBe(false);
    expect(isSchemaRace(new Error('An equivalent index already exists'))).toBe(false);
  });

  it('runs the schema step again after a lost race, and gives up on other errors', async () => {
    const sink = new MemorySink();
    let calls = 0;
    sink.ensureSchema = async () => {
      calls++;
      if (calls === 1) throw lostRace();
    };
    await ensureSchemaBesideOthers(sink);
    expect(calls).toBe(2);
    sink.ensureSchema = async () => {
      throw new Error('boom');
    };
    await expect(ensureSchemaBesideOthers(sink)).rejects.toThrow('boom');
  });
});
