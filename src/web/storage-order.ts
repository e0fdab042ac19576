/**
 * Sentence ids in the order the embedded store keeps them, so that one read by id walks its file forwards
 * (see {@link EMBEDDED_EVIDENCE_POSITIONS}), with a bounded memory of the positions already looked up.
 *
 * A remembered position only orders the ids of a read; it is never shown. A sentence's content is fixed
 * by its id (the id hashes it), and a wrong position (the sentence was deleted and written again, or the
 * file replaced) makes that read slower, never different. So the memory needs no invalidation while a
 * worker writes.
 */
import type { GraphReader } from '../graph/index.js';
import { EMBEDDED_EVIDENCE_POSITIONS } from './cypher.js';

/**
 * Positions remembered per reader, least recently used forgotten first: ~100 bytes each, so ~5 MB; a hub's
 * page shows up to 60 sentences (4 groups × 5 facts × 3), so this covers the pages of ~800 hubs.
 * @defaultValue 50,000
 */
export const MAX_POSITION_HINTS = 50_000;

const hintsOf = new WeakMap<GraphReader, Map<string, number>>();

/**
 * `ids` (each once) sorted by where the embedded store keeps them; only ids not seen before are looked up,
 * and those it does not find (deleted since the fact was read) are left out; at most `max` positions are
 * kept. Neo4j's order is its own business: the ids go as they are.
 */
export async function inStorageOrder(
  reader: GraphReader,
  ids: readonly string[],
  max = MAX_POSITION_HINTS,
): Promise<string[]> {
  if (reader.kind === 'neo4j') return [...ids];
  const hints = hintsOf.get(reader) ?? new Map<string, number>();
  hintsOf.set(reader, hints);
  const unique = [...new Set(ids)];
  const unknown = unique.filter((id) => !hints.has(id));
  if (unknown.length) {
    const rows = await reader.query(EMBEDDED_EVIDENCE_POSITIONS, { ids: unknown });
    for (const r of rows) hints.set(String(r.id), Number(r.position));
  }
  const found: Array<[string, number]> = [];
  for (const id of unique) {
    const at = hints.get(id);
    if (at === undefined) continue;
    hints.delete(id); // re-inserted: the Map's order is the order of use
    hints.set(id, at);
    found.push([id, at]);
  }
  for (const id of hints.keys()) {
    if (hints.size <= max) break;
    hints.delete(id);
  }
  return found.sort((a, b) => a[1] - b[1]).map(([id]) => id);
}

/** Forget the positions remembered for `reader` (the bench measures pages without them). */
export function forgetPositionHints(reader: GraphReader): void {
  hintsOf.delete(reader);
}
