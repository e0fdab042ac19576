/**
 * How a step's statements reach a store: one list statement per part (`UNWIND $rows`), combined into one
 * text (Kùzu), pipelined (Neo4j), or, for the benchmark's baseline, one statement per row.
 */
import * as S from './statements.js';

export type Row = Record<string, unknown>;
export type Params = Record<string, unknown>;

/** Runs one statement inside the current transaction. */
export interface CypherRunner {
  run(text: string, params?: Params): Promise<Row[]>;
  /**
   * Send a batched step's parts as separate statements without waiting between them (Neo4j pipelines
   * them on its connection; the server runs them in order) instead of combining them into one text:
   * Neo4j plans long combined texts badly (~170 ms an article vs a few ms a part). @defaultValue false
   * (combine: Kùzu)
   */
  readonly pipelinesWrites?: boolean;
}

/**
 * How list parameters are sent. `batched`: one statement per list (`UNWIND`); `per-row`: the same
 * statement once per element (the slow path the benchmark compares against).
 * @defaultValue 'batched'
 */
export type BatchMode = 'batched' | 'per-row';

/** The extra parameters a text uses (Kùzu refuses parameters a statement does not declare). */
export function usedBy(text: string, extra: Params): Params {
  return Object.fromEntries(Object.entries(extra).filter(([k]) => new RegExp(`\\$${k}\\b`).test(text)));
}

/** Send `rows` (or `keys`) in one statement or one per element. Empty lists are never sent. */
export async function runList(
  tx: CypherRunner,
  mode: BatchMode,
  text: string,
  name: 'rows' | 'keys',
  list: unknown[],
  extra: Params = {},
): Promise<Row[]> {
  if (list.length === 0) return [];
  extra = usedBy(text, extra);
  if (mode === 'batched') return tx.run(text, { ...extra, [name]: list });
  const out: Row[] = [];
  for (const item of list) out.push(...(await tx.run(text, { ...extra, [name]: [item] })));
  return out;
}

/** One list statement of a combined text. */
export interface Part {
  text: string;
  name: 'rows' | 'keys';
  list: unknown[];
}

export const part = (text: string, name: Part['name'], list: unknown[]): Part => ({ text, name, list });

/**
 * Batched: the non-empty parts as ONE statement ({@link S.combine}). Per-row: each element of each part
 * in its own statement, as {@link runList} does.
 */
export async function runParts(
  tx: CypherRunner,
  mode: BatchMode,
  parts: Part[],
  how: 'chain' | 'union',
  extra: Params = {},
): Promise<Row[]> {
  const present = parts.filter((p) => p.list.length > 0);
  if (mode === 'per-row' || present.length <= 1) {
    const out: Row[] = [];
    for (const p of present) out.push(...(await runList(tx, mode, p.text, p.name, p.list, extra)));
    return out;
  }
  if (tx.pipelinesWrites) {
    const runs = present.map((p) => tx.run(p.text, { ...usedBy(p.text, extra), [p.name]: p.list }));
    return (await Promise.all(runs)).flat();
  }
  const text = S.combine(
    present.map((p) => p.text),
    how,
  );
  const params: Params = usedBy(text, extra);
  present.forEach((p, i) => {
    params[`${p.name}${i}`] = p.list;
  });
  return tx.run(text, params);
}
