/**
 * The embedded store's sentence order with remembered positions, on a real LadybugDB graph: ids come back
 * sorted as the file keeps them, each once, the missing left out; remembered ones are not looked up again;
 * the memory is bounded; and an entity page reads the same with and without remembered positions.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type GraphReader, openServeReader } from '../../src/graph/index.js';
import { forgetPositionHints, getEntity, inStorageOrder } from '../../src/web/index.js';
import { BUSY_DIRECTORS, BUSY_ORG, writeBusyGroup } from './serve-process.js';

const dir = mkdtempSync(join(tmpdir(), 'newsgraph-web-order-'));
let store: GraphReader;
/** `store`, counting the statements that look positions up. */
let lookups = 0;
const reader: GraphReader = {
  kind: 'embedded',
  close: async () => undefined,
  query: (text, params) => {
    if (text.includes('offset(ID(e))')) lookups++;
    return store.query(text, params);
  },
};
let stored: Array<{ id: string; position: number }>;

beforeAll(async () => {
  const dbPath = join(dir, 'graph.lbug');
  await writeBusyGroup({ dbPath });
  store = await openServeReader({ kind: 'embedded', dbPath });
  stored = (await store.query('MATCH (e:Evidence) RETURN e.id AS id, offset(ID(e)) AS position')).map(
    (r) => ({
      id: String(r.id),
      position: Number(r.position),
    }),
  );
}, 120_000);
afterAll(async () => {
  await store?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('sentence ids in storage order (embedded)', () => {
  it('sorts by position, once each, leaves out ids it does not find, and looks each id up once', async () => {
    expect(stored.length).toBeGreaterThan(10);
    const byPosition = [...stored].sort((a, b) => a.position - b.position).map((s) => s.id);
    const asked = [...byPosition].reverse();
    const withNoise = [asked[3]!, ...asked, 'v-not-a-sentence', asked[0]!];
    lookups = 0;
    expect(await inStorageOrder(reader, withNoise)).toEqual(byPosition);
    expect(lookups).toBe(1);
    expect(await inStorageOrder(reader, asked.slice(2, 7))).toEqual(byPosition.slice(-7, -2));
    expect(lookups).toBe(1); // all remembered
    await inStorageOrder(reader, ['v-not-a-sentence']);
    expect(lookups).toBe(2); // a missing id is asked for again: it may have been written since
  });

  it('keeps at most `max` positions, forgetting the least recently used', async () => {
    forgetPositionHints(reader);
    const [a, b, c] = stored.map((s) => s.id);
    lookups = 0;
    await inStorageOrder(reader, [a!, b!], 2);
    await inStorageOrder(reader, [a!], 2); // a is now the most recently used
    await inStorageOrder(reader, [c!], 2); // b goes
    expect(lookups).toBe(2);
    await inStorageOrder(reader, [a!, c!], 2);
    expect(lookups).toBe(2);
    await inStorageOrder(reader, [b!], 2);
    expect(lookups).toBe(3);
  });

  it('gives the same entity page with and without remembered positions', async () => {
    forgetPositionHints(reader);
    lookups = 0;
    const cold = await getEntity(reader, BUSY_ORG.key, 40);
    const warm = await getEntity(reader, BUSY_ORG.key, 40);
    expect(lookups).toBe(1);
    expect(warm).toEqual(cold);
    const facts = cold.groups.flatMap((g) => g.facts.items);
    expect(facts.length).toBe(BUSY_DIRECTORS.length);
    for (const f of facts) expect(f.evidence.length).toBe(Math.min(3, f.evidenceTotal));
  });
});
