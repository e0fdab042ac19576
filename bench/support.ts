/** Helpers the benches share: a seeded PRNG and the Neo4j server to measure against. */
import { startNeo4jHarness } from '../test/support/neo4j.js';

/** mulberry32: a tiny seeded PRNG, so a corpus or a query mix is the same on every run. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface BenchNeo4j {
  uri: string;
  user?: string;
  password?: string;
  stop?: () => Promise<void>;
}

/**
 * The server named by NEO4J_URI (NEO4J_USER, NEO4J_PASSWORD), else Neo4j's test harness started here;
 * `undefined`, with a `<label> skipped: …` line printed, when neither is to be had.
 */
export async function benchNeo4j(label: string): Promise<BenchNeo4j | undefined> {
  if (process.env.NEO4J_URI)
    return { uri: process.env.NEO4J_URI, user: process.env.NEO4J_USER, password: process.env.NEO4J_PASSWORD };
  try {
    return await startNeo4jHarness();
  } catch (err) {
    process.stdout.write(
      `${label}skipped: no NEO4J_URI and the harness did not start (${(err as Error).message.split('\n')[0]})\n`,
    );
    return undefined;
  }
}
