/**
 * The write algorithm every Cypher sink runs inside ONE transaction: replace an article's whole
 * contribution, then re-derive the shared properties of every fact and entity it touched (before or
 * now). Facts no article supports any more and entities no article mentions any more are removed.
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
  type WritePlan,
} from './plan.js';
import { labelOfKey } from './schema.js';
import * as S from './statements.js';

export type Row = Record<string, unknown>;
export type Params = Record<string, unknown>;

/** Runs one statement inside the current transaction. */
export interface CypherRunner {
  run(text: string, params?: Params): Promise<Row[]>;
}

/**
 * How list parameters are sent. `batched`: one statement per list (`UNWIND`); `per-row`: the same
 * statement once per element (the slow path the benchmark compares against).
 * @defaultValue 'batched'
 */
export type BatchMode = 'batched' | 'per-row';

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
  if (mode === 'batched') return tx.run(text, { ...extra, [name]: list });
  const out: Row[] = [];
  for (const item of list) out.push(...(await tx.run(text, { ...extra, [name]: [item] })));
  return out;
}

function shapeParts(shape: string): [string, string, string] {
  const [t, s, o] = shape.split('|');
  return [t!, s!, o!];
}

/** Replace one article's contribution. Returns the number of entities and facts it wrote. */
export async function replaceArticle(
  tx: CypherRunner,
  plan: WritePlan,
  mode: BatchMode = 'batched',
): Promise<{ entities: number; facts: number }> {
  const id = plan.article.id;
  const oldFacts = (await tx.run(S.READ_OLD_EVIDENCE, { id })) as unknown as FactRef[];
  const oldKeys = (await tx.run(S.READ_OLD_MENTIONS, { id })).map((r) => String(r.key));
  await tx.run(S.DELETE_OLD_EVIDENCE, { id });
  await tx.run(S.DELETE_OLD_MENTIONS, { id });
  await tx.run(S.UPSERT_ARTICLE, plan.article);

  for (const [label, rows] of plan.mentions) {
    await runList(tx, mode, S.mergeEntities(label), 'rows', rows);
    await runList(tx, mode, S.createMentions(label), 'rows', rows, { id });
  }
  for (const [shape, facts] of groupBy(plan.facts, factShape)) {
    await runList(tx, mode, S.mergeFacts(...shapeParts(shape)), 'rows', facts);
  }
  for (const [sig, rows] of groupBy(plan.evidence, signature)) {
    await runList(tx, mode, S.createEvidence(optionalsOf(sig)), 'rows', rows.map(withoutEmpty), { id });
  }

  const touchedFacts = new Map<string, FactRef>();
  for (const f of [...oldFacts, ...plan.facts]) touchedFacts.set(f.factKey, f);
  await refreshFacts(tx, mode, [...touchedFacts.values()]);

  const touchedKeys = new Set([...oldKeys, ...[...plan.mentions.values()].flat().map((m) => m.key)]);
  await refreshEntities(tx, mode, [...touchedKeys].sort());
  const entities = [...plan.mentions.values()].reduce((n, rows) => n + rows.length, 0);
  return { entities, facts: plan.facts.length };
}

/** Re-derive label/role/confidence/support of each fact from all its evidence; drop unsupported ones. */
async function refreshFacts(tx: CypherRunner, mode: BatchMode, facts: FactRef[]): Promise<void> {
  if (facts.length === 0) return;
  const keys = facts.map((f) => f.factKey).sort();
  const rows = await runList(tx, mode, S.READ_EVIDENCE_OF, 'keys', keys);
  const byFact = groupBy(
    rows.map((r) => ({
      factKey: String(r.factKey),
      id: String(r.id),
      articleId: String(r.articleId),
      confidenceMicro: Math.round(Number(r.confidence) * CONFIDENCE_SCALE),
      label: typeof r.label === 'string' ? r.label : '',
      role: typeof r.role === 'string' ? r.role : '',
    })),
    (e) => e.factKey,
  );
  const updates: Array<FactRef & DerivedFact> = [];
  const deletes: FactRef[] = [];
  for (const f of facts) {
    const derived = deriveFact((byFact.get(f.factKey) ?? []) as EvidenceSummary[]);
    if (derived) updates.push({ ...pickRef(f), ...derived });
    else deletes.push(pickRef(f));
  }
  for (const [shape, group] of groupBy(deletes, factShape)) {
    await runList(tx, mode, S.deleteFacts(...shapeParts(shape)), 'rows', group);
  }
  for (const [shape, group] of groupBy(updates, (u) => `${factShape(u)}|${signature(u)}`)) {
    const [t, s, o, sig] = shape.split('|') as [string, string, string, string];
    await runList(tx, mode, S.updateFacts(t, s, o, optionalsOf(sig)), 'rows', group.map(withoutEmpty));
  }
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

/** Re-derive name/aliases of each entity from every article's mention; delete entities nobody mentions. */
async function refreshEntities(tx: CypherRunner, mode: BatchMode, keys: string[]): Promise<void> {
  for (const [label, group] of groupBy(keys, labelOfKey)) {
    const rows = await runList(tx, mode, S.readMentionsOf(label as NodeEntityType), 'keys', group);
    const forms = new Map<string, string[][]>(group.map((k) => [k, []]));
    for (const r of rows) if (Array.isArray(r.forms)) forms.get(String(r.key))?.push(r.forms as string[]);
    const orphans: string[] = [];
    const withAliases: Params[] = [];
    const withoutAliases: Params[] = [];
    for (const [key, lists] of forms) {
      const derived = deriveEntity(lists);
      if (!derived) orphans.push(key);
      else if (derived.aliases.length > 0) withAliases.push({ key, ...derived });
      else withoutAliases.push({ key, name: derived.name, names: derived.names });
    }
    await runList(tx, mode, S.deleteEntities(label), 'keys', orphans);
    await runList(tx, mode, S.setEntityNames(label, true), 'rows', withAliases);
    await runList(tx, mode, S.setEntityNames(label, false), 'rows', withoutAliases);
  }
}
