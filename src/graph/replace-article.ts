/**
 * The write algorithm every Cypher sink runs inside ONE transaction: replace an article's contribution
 * and re-derive the shared properties of every fact and entity it touches (before or now). Facts no
 * article supports any more and entities no article mentions any more are removed.
 *
 * Phases: claim the article, read its old contribution, lock every touched entity (in a fixed order, so
 * concurrent Neo4j writers wait instead of deadlocking or losing updates), read the other articles'
 * contributions, compute in JS, then only write. No statement reads a relationship this transaction
 * deleted: Kùzu 0.11 still returns such relationships inside the transaction.
 *
 * Batched, an article costs a fixed handful of statements whatever its size or vocabulary: claim, read
 * old, lock, read other evidence, read other mentions, write (see {@link S.combine}). Only the labels and
 * types present in this write get a part.
 */
import type { NodeEntityType } from '../core/index.js';
import {
  CONFIDENCE_SCALE,
  type DerivedFact,
  deriveEntity,
  deriveFact,
  type EvidenceSummary,
  type FactRef,
  factShape,
  groupBy,
  type MentionRow,
  type WritePlan,
} from './plan.js';
import { ENTITY_LABELS, labelOfKey } from './schema.js';
import * as S from './statements.js';

export type Row = Record<string, unknown>;
export type Params = Record<string, unknown>;

/** Runs one statement inside the current transaction. */
export interface CypherRunner {
  run(text: string, params?: Params): Promise<Row[]>;
  /**
   * Send a batched write's parts as separate statements without waiting between them (Neo4j pipelines
   * them on its connection) instead of chaining them into one text: Neo4j plans the long chained write
   * text badly (~170 ms an article vs a few ms a part). @defaultValue false (chain: Kùzu)
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
function usedBy(text: string, extra: Params): Params {
  return Object.fromEntries(Object.entries(extra).filter(([k]) => new RegExp(`\\$${k}\\b`).test(text)));
}

/** Send `rows` (or `keys`) in one statement or one per element. Empty lists are never sent. */
async function runList(
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
interface Part {
  text: string;
  name: 'rows' | 'keys';
  list: unknown[];
}

const part = (text: string, name: Part['name'], list: unknown[]): Part => ({ text, name, list });

/**
 * Batched: the non-empty parts as ONE statement ({@link S.combine}). Per-row: each element of each part
 * in its own statement, as {@link runList} does.
 */
async function runParts(
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
  if (how === 'chain' && tx.pipelinesWrites) {
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

/** Keys grouped by label, labels in vocabulary order and keys sorted: the global lock order. */
function byLabel(keys: Iterable<string>): Array<[NodeEntityType, string[]]> {
  const groups = groupBy([...new Set(keys)].sort(), labelOfKey);
  return ENTITY_LABELS.filter((l) => groups.has(l)).map((l) => [l, groups.get(l)!]);
}

function shapeParts(shape: string): [string, string, string] {
  const [t, s, o] = shape.split('|');
  return [t!, s!, o!];
}

/** Which optional text fields a row has: `label`, `role`, both or neither (see {@link S.Optionals}). */
function signature(row: { label?: unknown; role?: unknown }): string {
  return `${row.label ? 'L' : '-'}${row.role ? 'R' : '-'}`;
}

function optionalsOf(sig: string): S.Optionals {
  return { label: sig.includes('L'), role: sig.includes('R') };
}

/** Drop the empty optional fields (their statement writes a literal null instead). */
function withoutEmpty<T extends { label?: unknown; role?: unknown }>(row: T): T {
  const out = { ...row };
  if (!out.label) delete out.label;
  if (!out.role) delete out.role;
  return out;
}

function pickRef(f: FactRef): FactRef {
  return { factKey: f.factKey, relation: f.relation, subjectKey: f.subjectKey, objectKey: f.objectKey };
}

interface Old {
  evidenceIds: Set<string>;
  facts: Map<string, FactRef>;
  keys: string[];
}

async function readOld(tx: CypherRunner, id: string): Promise<Old> {
  const rows = await tx.run(S.READ_OLD, { id });
  const evidence = rows.filter((r) => r.kind === 'evidence');
  const facts = new Map<string, FactRef>();
  for (const r of evidence) facts.set(String(r.factKey), pickRef(r as unknown as FactRef));
  const keys = rows.filter((r) => r.kind === 'mention').map((r) => String(r.id));
  return { evidenceIds: new Set(evidence.map((r) => String(r.id))), facts, keys };
}

/** Create the new entities and write-lock all touched ones, in the global lock order. */
async function lockEntities(tx: CypherRunner, mode: BatchMode, plan: WritePlan, old: Old): Promise<void> {
  const rows = new Map<string, MentionRow>([...plan.mentions.values()].flat().map((m) => [m.key, m]));
  const parts = byLabel([...old.keys, ...rows.keys()]).flatMap(([label, keys]) => {
    const merge = keys
      .filter((k) => rows.has(k))
      .map((k) => ({ key: k, name: rows.get(k)!.name, names: rows.get(k)!.names }));
    const lock = keys.filter((k) => !rows.has(k));
    return [part(S.mergeEntities(label), 'rows', merge), part(S.lockEntities(label), 'keys', lock)];
  });
  await runParts(tx, mode, parts, 'chain');
}

/** Derived fact properties from the other articles' evidence plus this article's new evidence. */
async function deriveFacts(tx: CypherRunner, mode: BatchMode, plan: WritePlan, touched: FactRef[]) {
  const keys = touched.map((f) => f.factKey).sort();
  const others = await runList(tx, mode, S.READ_OTHER_EVIDENCE, 'keys', keys, { id: plan.article.id });
  const summaries: Array<EvidenceSummary & { factKey: string }> = others.map((r) => ({
    factKey: String(r.factKey),
    id: String(r.id),
    articleId: String(r.articleId),
    confidenceMicro: Math.round(Number(r.confidence) * CONFIDENCE_SCALE),
    label: typeof r.label === 'string' ? r.label : '',
    role: typeof r.role === 'string' ? r.role : '',
  }));
  const byFact = groupBy([...summaries, ...plan.evidence], (e) => e.factKey);
  const derived = new Map<string, DerivedFact | null>();
  for (const f of touched) derived.set(f.factKey, deriveFact(byFact.get(f.factKey) ?? []));
  return derived;
}

/** Derived entity names from the other articles' mentions plus this article's; null = orphan. */
async function deriveEntities(tx: CypherRunner, mode: BatchMode, plan: WritePlan, keys: string[]) {
  const mine = new Map([...plan.mentions.values()].flat().map((m) => [m.key, m.forms]));
  const parts = byLabel(keys).map(([label, group]) => part(S.readOtherMentions(label), 'keys', group));
  const rows = await runParts(tx, mode, parts, 'union', { id: plan.article.id });
  const forms = new Map<string, string[][]>(keys.map((k) => [k, mine.has(k) ? [mine.get(k)!] : []]));
  for (const r of rows) if (Array.isArray(r.forms)) forms.get(String(r.key))?.push(r.forms as string[]);
  const derived = new Map<string, ReturnType<typeof deriveEntity>>();
  for (const [key, lists] of forms) derived.set(key, deriveEntity(lists));
  return derived;
}

/** Replace one article's contribution. Returns the number of entities and facts it wrote. */
export async function replaceArticle(
  tx: CypherRunner,
  plan: WritePlan,
  mode: BatchMode = 'batched',
): Promise<{ entities: number; facts: number }> {
  const id = plan.article.id;
  await tx.run(S.UPSERT_ARTICLE, plan.article); // claims (locks) the article first
  const old = await readOld(tx, id);
  await lockEntities(tx, mode, plan, old);

  const newKeys = new Set([...plan.mentions.values()].flat().map((m) => m.key));
  const touchedKeys = [...new Set([...old.keys, ...newKeys])].sort();
  const touchedFacts = new Map(old.facts);
  for (const f of plan.facts) touchedFacts.set(f.factKey, f);
  const facts = await deriveFacts(tx, mode, plan, [...touchedFacts.values()]);
  const entities = await deriveEntities(tx, mode, plan, touchedKeys);
  const orphans = new Set(touchedKeys.filter((k) => !entities.get(k)));

  // Writes only from here on, all in one statement when batched.
  const parts: Part[] = byLabel(orphans).map(([label, keys]) => part(S.deleteEntities(label), 'keys', keys));
  const unsupported = [...touchedFacts.values()].filter(
    (f) => !facts.get(f.factKey) && !orphans.has(f.subjectKey) && !orphans.has(f.objectKey),
  );
  for (const [shape, group] of groupBy(unsupported, factShape)) {
    parts.push(part(S.deleteFacts(...shapeParts(shape)), 'rows', group.map(pickRef)));
  }
  const newEvidence = new Set(plan.evidence.map((e) => e.id));
  const oldEvidence = [...old.evidenceIds].filter((e) => !newEvidence.has(e)).sort();
  parts.push(part(S.DELETE_EVIDENCE, 'keys', oldEvidence));
  const gone = old.keys.filter((k) => !newKeys.has(k) && !orphans.has(k));
  for (const [label, keys] of byLabel(gone)) parts.push(part(S.deleteMentions(label), 'keys', keys));

  parts.push(...mentionUpserts(plan, entities), ...factMerges(plan.facts, facts));
  const added = plan.evidence.filter((e) => !old.evidenceIds.has(e.id));
  for (const [sig, rows] of groupBy(added, signature)) {
    parts.push(part(S.createEvidence(optionalsOf(sig)), 'rows', rows.map(withoutEmpty)));
  }
  const stated = new Set(plan.facts.map((f) => f.factKey));
  const unstated = [...touchedFacts.values()].filter((f) => !stated.has(f.factKey));
  parts.push(...factUpdates(unstated, facts));
  const unmentioned = new Map([...entities].filter(([k]) => !newKeys.has(k)));
  parts.push(...entityUpdates(unmentioned));
  await runParts(tx, mode, parts, 'chain', { id });
  return { entities: newKeys.size, facts: plan.facts.length };
}

/** This article's facts with their derived properties, one part per (shape, optional fields). */
function factMerges(facts: FactRef[], derived: Map<string, DerivedFact | null>): Part[] {
  const rows = facts.map((f) => ({ ...pickRef(f), ...derived.get(f.factKey)! }));
  return [...groupBy(rows, (u) => `${factShape(u)}|${signature(u)}`)].map(([shape, group]) => {
    const [t, s, o, sig] = shape.split('|') as [string, string, string, string];
    return part(S.mergeFacts(t, s, o, optionalsOf(sig)), 'rows', group.map(withoutEmpty));
  });
}

/** This article's mentions with each entity's derived names, one part per (label, has aliases). */
function mentionUpserts(plan: WritePlan, derived: Map<string, ReturnType<typeof deriveEntity>>): Part[] {
  return [...plan.mentions].flatMap(([label, mentions]) => {
    const rows = mentions.map((m) => {
      const d = derived.get(m.key)!;
      return { key: m.key, count: m.count, firstOffset: m.firstOffset, forms: m.forms, ...d };
    });
    const withAliases = rows.filter((r) => r.aliases.length > 0);
    const withoutAliases = rows.filter((r) => r.aliases.length === 0).map(({ aliases: _, ...r }) => r);
    return [
      part(S.upsertMentions(label, true), 'rows', withAliases),
      part(S.upsertMentions(label, false), 'rows', withoutAliases),
    ];
  });
}

function factUpdates(touched: FactRef[], derived: Map<string, DerivedFact | null>): Part[] {
  const updates = touched.flatMap((f) => {
    const d = derived.get(f.factKey);
    return d ? [{ ...pickRef(f), ...d }] : [];
  });
  return [...groupBy(updates, (u) => `${factShape(u)}|${signature(u)}`)].map(([shape, group]) => {
    const [t, s, o, sig] = shape.split('|') as [string, string, string, string];
    return part(S.updateFacts(t, s, o, optionalsOf(sig)), 'rows', group.map(withoutEmpty));
  });
}

function entityUpdates(derived: Map<string, ReturnType<typeof deriveEntity>>): Part[] {
  return byLabel([...derived.keys()].filter((k) => derived.get(k))).flatMap(([label, keys]) => {
    const rows = keys.map((key) => ({ key, ...derived.get(key)! }));
    const withAliases = rows.filter((r) => r.aliases.length > 0);
    const withoutAliases = rows
      .filter((r) => r.aliases.length === 0)
      .map(({ key, name, names }) => ({ key, name, names }));
    return [
      part(S.setEntityNames(label, true), 'rows', withAliases),
      part(S.setEntityNames(label, false), 'rows', withoutAliases),
    ];
  });
}
