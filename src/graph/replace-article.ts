/**
 * The write algorithm every Cypher sink runs inside ONE transaction: replace an article's contribution
 * and re-derive the shared properties of every fact and entity it touches (before or now). Facts no
 * article supports any more and entities no article mentions any more are removed.
 *
 * Phases: claim the article, read its old contribution, lock every touched entity (in a fixed order, so
 * concurrent Neo4j writers wait instead of deadlocking or losing updates) and read the tallies stored on
 * the touched entities and facts, compute in JS, then only write. The shared properties are kept as
 * counts on the entities and facts themselves (`EntityTally`, `updateFact` in plan.ts), so a write reads
 * what this article touches, not every other article that mentions a popular entity; only when the
 * evidence a fact showed is this article's and goes away are the other articles' evidence of that fact
 * read. No statement reads a relationship this transaction deleted: Kùzu 0.11 still returns such
 * relationships inside the transaction.
 *
 * Batched, an article costs a fixed handful of statements whatever its size or vocabulary: claim + read
 * old, lock + read tallies, (rarely) read other evidence, write. Only the labels and types present in
 * this write get a part. A runner that pipelines (Neo4j) sends each step's statements without waiting in
 * between; Kùzu gets each step as one text (see {@link S.combine}).
 */
import type { NodeEntityType } from '../core/index.js';
import { type ArticleSource, type FactTally, sourceOf, tallyFact, updateTally } from './fact-tally.js';
import {
  adjustTally,
  CONFIDENCE_SCALE,
  type DerivedEntity,
  type DerivedFact,
  deriveFact,
  deriveFromTally,
  type EntityTally,
  type EvidenceSummary,
  type FactRef,
  factShape,
  groupBy,
  type MentionRow,
  updateFact,
  type WritePlan,
} from './plan.js';
import { type BatchMode, type CypherRunner, type Part, part, type Row, runList, runParts } from './runner.js';
import { ENTITY_LABELS, labelOfKey } from './schema.js';
import * as S from './statements.js';
import type { Change } from './types.js';

/** Keys grouped by label, labels in vocabulary order and keys sorted: the global lock order. */
export function byLabel(keys: Iterable<string>): Array<[NodeEntityType, string[]]> {
  const groups = groupBy([...new Set(keys)].sort(), labelOfKey);
  return ENTITY_LABELS.filter((l) => groups.has(l)).map((l) => [l, groups.get(l)!]);
}

export function shapeParts(shape: string): [string, string, string] {
  const [t, s, o] = shape.split('|');
  return [t!, s!, o!];
}

/** Whether a step's statements go out together (batched, on a runner that pipelines); per row: one by one. */
const pipelines = (tx: CypherRunner, mode: BatchMode): boolean =>
  tx.pipelinesWrites === true && mode === 'batched';

/** The optional text fields travel as null when empty (absent in Neo4j; see statements.ts). */
export function withNulls<T extends { label: string; role: string }>(
  row: T,
): Omit<T, 'label' | 'role'> & { label: string | null; role: string | null } {
  return { ...row, label: row.label || null, role: row.role || null };
}

export function pickRef(f: FactRef): FactRef {
  return { factKey: f.factKey, relation: f.relation, subjectKey: f.subjectKey, objectKey: f.objectKey };
}

interface Old {
  evidence: Map<string, Array<{ id: string }>>;
  evidenceIds: Set<string>;
  facts: Map<string, FactRef>;
  /** Entity key -> the forms this article used. */
  forms: Map<string, string[]>;
}

/** Claim (lock) the article and read its old contribution: one round trip where the runner pipelines. */
async function claimAndReadOld(tx: CypherRunner, mode: BatchMode, plan: WritePlan): Promise<Old> {
  const id = plan.article.id;
  const steps = [
    () => tx.run(S.UPSERT_ARTICLE, plan.article),
    () => tx.run(S.READ_OLD_EVIDENCE, { id }),
    () => tx.run(S.READ_OLD_MENTIONS, { id }),
  ];
  const [, evidence, mentions] = pipelines(tx, mode)
    ? await Promise.all(steps.map((s) => s()))
    : [await steps[0]!(), await steps[1]!(), await steps[2]!()];
  const facts = new Map<string, FactRef>();
  for (const r of evidence!) facts.set(String(r.factKey), pickRef(r as unknown as FactRef));
  const forms = new Map(mentions!.map((r) => [String(r.key), (r.forms as string[] | null) ?? []]));
  return {
    evidence: groupBy(
      evidence!.map((r) => ({ id: String(r.id), factKey: String(r.factKey) })),
      (e) => e.factKey,
    ),
    evidenceIds: new Set(evidence!.map((r) => String(r.id))),
    facts,
    forms,
  };
}

export const asTally = (r: Row): EntityTally | null =>
  Array.isArray(r.forms)
    ? {
        forms: r.forms as string[],
        formArticles: ((r.formArticles as unknown[]) ?? []).map(Number),
        nameArticles: ((r.nameArticles as unknown[]) ?? []).map(Number),
      }
    : null;

/** A stored `label`, `role` and `confidence` as the plan has them (`''` for none, millionths). */
export const asShown = (r: Row) => ({
  label: typeof r.label === 'string' ? r.label : '',
  role: typeof r.role === 'string' ? r.role : '',
  confidenceMicro: Math.round(Number(r.confidence) * CONFIDENCE_SCALE),
});

/** A fact's derived properties and its tally (fact-tally.ts), as stored and written. */
export type StoredFact = DerivedFact & FactTally;

const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

export const asFact = (r: Row): StoredFact => ({
  ...asShown(r),
  articles: Number(r.articles),
  evidence: Number(r.evidence),
  bestEvidence: String(r.bestEvidence),
  publishers: list(r.publishers).map(String),
  publisherArticles: list(r.publisherArticles).map(Number),
  firstSeen: String(r.firstSeen ?? ''),
  firstSeenArticles: Number(r.firstSeenArticles ?? 0),
  lastSeen: String(r.lastSeen ?? ''),
  lastSeenArticles: Number(r.lastSeenArticles ?? 0),
  topEvidence: list(r.topEvidence).map(String),
  topConfidence: list(r.topConfidence).map(Number),
});

/**
 * Create the new entities and write-lock all touched ones, in the global lock order, returning their
 * stored tallies; then read the stored derived properties of the touched facts (their ends are locked
 * now). One round trip where the runner pipelines.
 */
async function lockAndRead(
  tx: CypherRunner,
  mode: BatchMode,
  plan: WritePlan,
  keys: string[],
  facts: FactRef[],
): Promise<{ tallies: Map<string, EntityTally | null>; stored: Map<string, StoredFact> }> {
  const rows = new Map<string, MentionRow>([...plan.mentions.values()].flat().map((m) => [m.key, m]));
  const lockParts = byLabel(keys).flatMap(([label, group]) => {
    const merge = group
      .filter((k) => rows.has(k))
      .map((k) => ({ key: k, name: rows.get(k)!.name, names: rows.get(k)!.names }));
    const lock = group.filter((k) => !rows.has(k));
    return [part(S.mergeEntities(label), 'rows', merge), part(S.lockEntities(label), 'keys', lock)];
  });
  const factParts = (list: FactRef[]) =>
    [...groupBy(list, (f) => f.relation)].map(([type, group]) =>
      part(S.readFacts(type), 'keys', group.map((f) => f.factKey).sort()),
    );
  const locked = runParts(tx, mode, lockParts, 'union');
  // Pipelined after the locks (the server runs them in order); otherwise only once the locks are held.
  const read = pipelines(tx, mode) ? runParts(tx, mode, factParts(facts), 'union') : undefined;
  const [lockRows, factRows] = await Promise.all([locked, read]);
  const tallies = new Map((lockRows ?? []).map((r) => [String(r.key), asTally(r)]));
  // An entity the lock just created (no tally yet) has no facts: only the others' facts are read.
  const known = (k: string) => !tallies.has(k) || tallies.get(k) !== null;
  const existing = facts.filter((f) => known(f.subjectKey) && known(f.objectKey));
  const stored = new Map(
    (factRows ?? (await runParts(tx, mode, factParts(existing), 'union'))).map((r) => [
      String(r.factKey),
      asFact(r),
    ]),
  );
  return { tallies, stored };
}

/**
 * Claim the article, read its old contribution, lock the touched entities and read the stored tallies
 * of the touched entities and facts. A pipelining runner (Neo4j) sends the claim, the reads of the old
 * contribution and the locks and reads for this article's own entities and facts in ONE round trip; an
 * entity or fact only the old version had (a re-ingest that changed) costs a second one, its lock
 * then taken out of the global order (a deadlock that may cause is detected by Neo4j and the
 * transaction retried). Otherwise: claim, read old, then lock everything in the global order.
 */
async function readTouched(tx: CypherRunner, mode: BatchMode, plan: WritePlan, newKeys: Set<string>) {
  if (!pipelines(tx, mode)) {
    const old = await claimAndReadOld(tx, mode, plan); // claims (locks) the article first
    const { keys, facts } = touchedBy(old, plan, newKeys);
    return { old, ...(await lockAndRead(tx, mode, plan, keys, [...facts.values()])) };
  }
  const reading = claimAndReadOld(tx, mode, plan); // sent first: the article is claimed before any entity
  const mine = lockAndRead(tx, mode, plan, [...newKeys].sort(), plan.facts);
  const [old, { tallies, stored }] = await Promise.all([reading, mine]);
  const stated = new Set(plan.facts.map((f) => f.factKey));
  const extraKeys = [...old.forms.keys()].filter((k) => !newKeys.has(k)).sort();
  const extraFacts = [...old.facts.values()].filter((f) => !stated.has(f.factKey));
  if (extraKeys.length > 0 || extraFacts.length > 0) {
    const more = await lockAndRead(tx, mode, plan, extraKeys, extraFacts);
    for (const [k, v] of more.tallies) tallies.set(k, v);
    for (const [k, v] of more.stored) stored.set(k, v);
  }
  return { old, tallies, stored };
}

/** The entities (sorted) and facts the article touches, before or now. */
function touchedBy(old: Old, plan: WritePlan, newKeys: Set<string>) {
  const keys = [...new Set([...old.forms.keys(), ...newKeys])].sort();
  const facts = new Map(old.facts);
  for (const f of plan.facts) facts.set(f.factKey, f);
  return { keys, facts };
}

/**
 * Derived fact properties and tallies: from the stored ones, reading other articles' evidence only
 * when needed. `oldSource`: where and when the stored version of the article appeared.
 */
async function deriveFacts(
  tx: CypherRunner,
  mode: BatchMode,
  plan: WritePlan,
  old: Old,
  oldSource: ArticleSource | undefined,
  touched: FactRef[],
  stored: Map<string, StoredFact>,
): Promise<Map<string, StoredFact | null>> {
  const added = groupBy(plan.evidence, (e) => e.factKey);
  const newSource = sourceOf(plan.article);
  const derived = new Map<string, StoredFact | null | undefined>();
  for (const f of touched) {
    const removed = old.evidence.get(f.factKey) ?? [];
    const mine = added.get(f.factKey) ?? [];
    const current = stored.get(f.factKey) ?? null;
    const fact = updateFact(current, removed, mine);
    if (!fact) {
      derived.set(f.factKey, fact);
      continue;
    }
    const tally = updateTally(
      current,
      removed.length > 0 && oldSource ? { source: oldSource, evidence: removed } : undefined,
      mine.length > 0 ? { source: newSource, evidence: mine } : undefined,
      fact,
    );
    derived.set(f.factKey, tally ? { ...fact, ...tally } : undefined);
  }
  const unknown = [...derived].filter(([, d]) => d === undefined).map(([k]) => k);
  const others = await runList(tx, mode, S.READ_OTHER_EVIDENCE, 'keys', unknown.sort(), {
    id: plan.article.id,
  });
  const summaries: Array<EvidenceSummary & { factKey: string }> = others.map((r) => ({
    factKey: String(r.factKey),
    id: String(r.id),
    articleId: String(r.articleId),
    ...asShown(r),
  }));
  const otherArticles = [...new Set(others.map((r) => String(r.articleId)))].sort();
  const sourceRows = await runList(tx, mode, S.READ_ARTICLE_SOURCES, 'keys', otherArticles);
  const sources = new Map(sourceRows.map((r) => [String(r.id), sourceOf(r)]));
  sources.set(plan.article.id, newSource);
  const byFact = groupBy([...summaries, ...plan.evidence], (e) => e.factKey);
  for (const k of unknown) {
    const evidence = byFact.get(k) ?? [];
    const fact = deriveFact(evidence);
    const tally = tallyFact(evidence, sources);
    derived.set(k, fact && tally ? { ...fact, ...tally } : null);
  }
  return derived as Map<string, StoredFact | null>;
}

/** Derived entity properties from the stored tallies without this article's old forms, with its new ones. */
function deriveEntities(
  plan: WritePlan,
  old: Old,
  keys: string[],
  tallies: Map<string, EntityTally | null>,
): Map<string, DerivedEntity | null> {
  const mine = new Map([...plan.mentions.values()].flat().map((m) => [m.key, m.forms]));
  return new Map(
    keys.map((k) => [k, deriveFromTally(adjustTally(tallies.get(k) ?? null, old.forms.get(k), mine.get(k)))]),
  );
}

export interface ReplaceResult {
  entities: number;
  facts: number;
  unchanged?: boolean;
  changes: { entities: Record<string, Change>; facts: Record<string, Change> };
}

const sameList = (a: readonly unknown[], b: readonly unknown[]): boolean =>
  a.length === b.length && a.every((x, i) => x === b[i]);

export const sameTally = (a: EntityTally, b: EntityTally): boolean =>
  sameList(a.forms, b.forms) &&
  sameList(a.formArticles, b.formArticles) &&
  sameList(a.nameArticles, b.nameArticles);

export const sameFact = (a: StoredFact, b: StoredFact): boolean =>
  a.firstSeen === b.firstSeen &&
  a.firstSeenArticles === b.firstSeenArticles &&
  a.lastSeen === b.lastSeen &&
  a.lastSeenArticles === b.lastSeenArticles &&
  sameList(a.publishers, b.publishers) &&
  sameList(a.publisherArticles, b.publisherArticles) &&
  sameList(a.topEvidence, b.topEvidence) &&
  sameList(a.topConfidence, b.topConfidence) &&
  a.label === b.label &&
  a.role === b.role &&
  a.confidenceMicro === b.confidenceMicro &&
  a.articles === b.articles &&
  a.evidence === b.evidence &&
  a.bestEvidence === b.bestEvidence;

/** Every entity and fact of the plan marked `change`. */
export function allMarked(plan: WritePlan, change: Change): ReplaceResult['changes'] {
  const keys = [...plan.mentions.values()].flat().map((m) => m.key);
  return {
    entities: Object.fromEntries(keys.map((k) => [k, change])),
    facts: Object.fromEntries(plan.facts.map((f) => [f.factKey, change])),
  };
}

/**
 * Replace one article's contribution. Returns the number of entities and facts it mentions and states,
 * and what the write did to each in the graph. An article stored with the same `writeHash` costs one
 * keyed read and writes nothing.
 */
export async function replaceArticle(
  tx: CypherRunner,
  plan: WritePlan,
  mode: BatchMode = 'batched',
): Promise<ReplaceResult> {
  const id = plan.article.id;
  const newKeys = new Set([...plan.mentions.values()].flat().map((m) => m.key));
  const [current] = await tx.run(S.READ_WRITE_HASH, { id });
  if (current?.writeHash === plan.article.writeHash) {
    return {
      entities: newKeys.size,
      facts: plan.facts.length,
      unchanged: true,
      changes: allMarked(plan, 'unchanged'),
    };
  }
  const { old, tallies, stored } = await readTouched(tx, mode, plan, newKeys);
  const { keys: touchedKeys, facts: touchedFacts } = touchedBy(old, plan, newKeys);
  const oldSource = current ? sourceOf(current) : undefined;
  const facts = await deriveFacts(tx, mode, plan, old, oldSource, [...touchedFacts.values()], stored);
  const entities = deriveEntities(plan, old, touchedKeys, tallies);
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
  const gone = [...old.forms.keys()].filter((k) => !newKeys.has(k) && !orphans.has(k));
  for (const [label, keys] of byLabel(gone)) parts.push(part(S.deleteMentions(label), 'keys', keys));

  parts.push(...mentionWrites(plan, entities, new Set(old.forms.keys())));
  const added = plan.evidence.filter((e) => !old.evidenceIds.has(e.id));
  parts.push(part(S.createEvidence(), 'rows', added.map(withNulls)));
  const created = plan.facts.filter((f) => !stored.has(f.factKey));
  const updated = [...touchedFacts.values()].filter((f) => stored.has(f.factKey) && facts.get(f.factKey));
  parts.push(...factWrites(created, facts, S.createFacts), ...factWrites(updated, facts, S.updateFacts));
  const unmentioned = new Map([...entities].filter(([k]) => !newKeys.has(k)));
  parts.push(...entityUpdates(unmentioned));
  await runParts(tx, mode, parts, 'chain', { id });
  const changes: ReplaceResult['changes'] = { entities: {}, facts: {} };
  for (const k of newKeys) {
    const before = tallies.get(k);
    changes.entities[k] = !before ? 'new' : sameTally(before, entities.get(k)!) ? 'unchanged' : 'updated';
  }
  for (const f of plan.facts) {
    const before = stored.get(f.factKey);
    changes.facts[f.factKey] = !before
      ? 'new'
      : sameFact(before, facts.get(f.factKey)!)
        ? 'unchanged'
        : 'updated';
  }
  return { entities: newKeys.size, facts: plan.facts.length, changes };
}

/** Facts with their derived properties, one part per shape (type, subject label, object label). */
function factWrites(
  facts: FactRef[],
  derived: Map<string, StoredFact | null>,
  text: (type: string, subjectLabel: string, objectLabel: string) => string,
): Part[] {
  const rows = facts.map((f) => withNulls({ ...pickRef(f), ...derived.get(f.factKey)! }));
  return [...groupBy(rows, factShape)].map(([shape, group]) =>
    part(text(...shapeParts(shape)), 'rows', group),
  );
}

/**
 * This article's mentions with each entity's derived names, one part per (label, has aliases, new or
 * mentioned before by this article).
 */
function mentionWrites(
  plan: WritePlan,
  derived: Map<string, DerivedEntity | null>,
  before: Set<string>,
): Part[] {
  return [...plan.mentions].flatMap(([label, mentions]) => {
    const rows = mentions.map((m) => {
      const { forms: allForms, ...d } = derived.get(m.key)!;
      return { key: m.key, count: m.count, firstOffset: m.firstOffset, forms: m.forms, allForms, ...d };
    });
    return [true, false].flatMap((isNew) => {
      const group = rows.filter((r) => before.has(r.key) !== isNew);
      const withAliases = group.filter((r) => r.aliases.length > 0);
      const withoutAliases = group.filter((r) => r.aliases.length === 0).map(({ aliases: _, ...r }) => r);
      return [
        part(S.writeMentions(label, true, isNew), 'rows', withAliases),
        part(S.writeMentions(label, false, isNew), 'rows', withoutAliases),
      ];
    });
  });
}

function entityUpdates(derived: Map<string, DerivedEntity | null>): Part[] {
  return byLabel([...derived.keys()].filter((k) => derived.get(k))).flatMap(([label, keys]) => {
    const rows = keys.map((key) => {
      const { forms: allForms, ...d } = derived.get(key)!;
      return { key, allForms, ...d };
    });
    const withAliases = rows.filter((r) => r.aliases.length > 0);
    const withoutAliases = rows.filter((r) => r.aliases.length === 0).map(({ aliases: _, ...r }) => r);
    return [
      part(S.setEntityNames(label, true), 'rows', withAliases),
      part(S.setEntityNames(label, false), 'rows', withoutAliases),
    ];
  });
}
