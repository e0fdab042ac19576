/**
 * The write batcher's hook before each batch (`ingest` collects garbage there) and the collection it
 * runs: the hook runs once per batch sent, before that batch reaches the store, and never for an
 * empty flush; a collection really frees what nothing references.
 */
import { describe, expect, it } from 'vitest';
import { collectGarbage } from '../../src/cli/collect-garbage.js';
import { MemorySink, WriteBatcher } from '../../src/graph/index.js';
import type { GraphWrite } from '../../src/graph/types.js';
import { syntheticWrite } from './fixtures.js';

describe('WriteBatcher beforeBatch', () => {
  it('runs once per batch sent, before the batch is written, and not for an empty flush', async () => {
    const events: string[] = [];
    const store = new MemorySink();
    const sink = {
      kind: store.kind,
      ensureSchema: () => store.ensureSchema(),
      write: (w: GraphWrite) => {
        events.push('write');
        return store.write(w);
      },
      close: () => store.close(),
    };
    const batcher = new WriteBatcher(sink, 2, () => events.push('before'));
    const written = [0, 1, 2].map((i) => batcher.write(syntheticWrite(i)));
    await batcher.flush();
    await Promise.all(written);
    await batcher.flush(); // nothing gathered: no batch, no hook
    expect(events).toEqual(['before', 'write', 'write', 'before', 'write']);
  });
});

describe('collectGarbage', () => {
  it('frees an object that is no longer referenced', async () => {
    let target: object | undefined = { big: new Array(1000).fill('x') };
    const ref = new WeakRef(target);
    target = undefined;
    // A WeakRef's target is kept until the current job ends; collect in a later one.
    await new Promise((resolve) => setImmediate(resolve));
    collectGarbage();
    expect(ref.deref()).toBeUndefined();
  });
});
