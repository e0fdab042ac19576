/**
 * The bulk path's write algorithm: replace the contributions of a whole batch of articles with ONE set
 * of statements, giving exactly the graph (and the per-article `changes`) that writing them one by one
 * with `replaceArticle` gives.
 *
 * Reads first, for the whole batch at once: the articles' write hashes (unchanged ones stop there),
 * the old contribution of those already stored, the tallies of every entity and the derived properties
 * of every fact any of them touches (keys deduplicated across the batch). Then the articles are applied
 * one after another in JS to that state (the same `adjustTally` / `updateFact` rules as
 * `replaceArticle`, and the fact tallies' `updateTally` with each article's old and new source; a fact
 * whose shown evidence or tallied extreme goes reads the others' evidence, rarely), and finally the
 * difference between the stored state and the final one is written: one `UNWIND` statement per part
 * (label, type and label pair), node and relationship `CREATE`s for what is new (the embedded engine
 * creates far faster than it merges), `SET` for what changed, `DELETE` for what went.
 *
 * Only for a store with one writer at a time (the embedded store: one write transaction per database):
 * the reads take no locks. The articles of one call must have distinct ids (see `distinctRuns`).
 */
import { type ArticleSource, sourceOf, tallyFact, updateTally } from './fact-tally.js';
import {
  adjustTally,
  deriveFact,
  deriveFromTally,
  type EntityTally,
  type EvidenceSummary,
  type FactRef,
  factShape,
  groupBy,
  updateFact,
  type WritePlan,
} from './plan.js';
import {
  asFact,
  asShown,
  asTally,
  byLabel,
  pickRef,
  type ReplaceResult,
  type StoredFact,
  sameFact,
  sameTally,
  shapeParts,
  withNulls,
} from './replace-article.js';
import { type CypherRunner, type Part, part, runList, runParts } from './runner.js';
import * as S from './statements.js';
import type { Change } from './types.js';

interface StoredMention {
  forms: string[];
  count: number;
  firstOffset: number;
}

/** An article's stored contribution (empty for a new article). */
interface Old {
  evidence: Map<string, Array<{ id: string }>>;
  evidenceIds: Set<string>;
  facts: Map<string, FactRef>;
  mentions: Map<string, StoredMention>;
}

const noOld = (): Old => ({
  evidence: new Map(),
  evidenceIds: new Set(),
  facts: new Map(),
  mentions: new Map(),
});

/** Split plans into runs without a repeated article id, in order (a run is one `replaceArticles`). */
export function distinctRuns(plans: WritePlan[]): WritePlan[][] {
  const runs: WritePlan[][] = [];
  let ids = new Set<string>();
  for (const p of plans) {
    if (runs.length === 0 || ids.has(p.article.id)) {
      runs.push([]);
      ids = new Set();
    }
    runs[runs.length - 1]!.push(p);
    ids.add(p.article.id);
  }
  return runs;
}

async function readOld(tx: CypherRunner, ids: string[]): Promise<Map<string, Old>> {
  const olds = new Map<string, Old>(ids.map((id) => [id, noOld()]));
  if (ids.length === 0) return olds;
  const evidence = await runList(tx, 'batched', S.READ_OLD_EVIDENCE_OF, 'keys', ids);
  const mentions = await runList(tx, 'batched', S.READ_OLD_MENTIONS_OF, 'keys', ids);
  for (const r of evidence) {
    const old = olds.get(String(r.articleId))!;
    const ref: FactRef = {
      factKey: String(r.factKey),
      relation: r.relation as FactRef['relation'],
      subjectKey: String(r.subjectKey),
      objectKey: String(r.objectKey),
    };
    old.facts.set(ref.factKey, ref);
    old.evidenceIds.add(String(r.id));
    const list = old.evidence.get(ref.factKey) ?? [];
    list.push({ id: String(r.id) });
    old.evidence.set(ref.factKey, list);
  }
  for (const r of mentions) {
    olds.get(String(r.articleId))!.mentions.set(String(r.key), {
      forms: (r.forms as string[] | null) ?? [],
      count: Number(r.count),
      firstOffset: Number(r.firstOffset),
    });
  }
  return olds;
}

const sameMention = (a: StoredMention, b: StoredMention): boolean =>
  a.count === b.count &&
  a.firstOffset === b.firstOffset &&
  a.forms.length === b.forms.length &&
  a.forms.every((f, i) => f === b.forms[i]);

/**
 * Replace the contributions of `plans` (distinct article ids), in order, inside the caller's
 * transaction. One result per plan, as `replaceArticle` would return it.
 */
export async function replaceArticles(tx: CypherRunner, plans: WritePlan[]): Promise<ReplaceResult[]> {
  const ids = plans.map((p) => p.article.id);
  if (new Set(ids).size !== ids.length) throw new Error('replaceArticles: repeated article id in one run');
  const storedRows = await runList(tx, 'batched', S.READ_WRITE_HASHES, 'keys', [...ids].sort());
  const hashes = new Map(storedRows.map((r) => [String(r.id), r.writeHash]));
  // Where and when the stored versions appeared: their old contribution leaves the fact tallies.
  const oldSources = new Map(storedRows.map((r) => [String(r.id), sourceOf(r)]));
  const results = new Map<string, ReplaceResult>();
  const changed: WritePlan[] = [];
  for (const p of plans) {
    const keys = new Set([...p.mentions.values()].flat().map((m) => m.key));
    if (hashes.get(p.article.id) === p.article.writeHash) {
      const marked = (list: string[]) => Object.fromEntries(list.map((k) => [k, 'unchanged' as Change]));
      results.set(p.article.id, {
        entities: keys.size,
        facts: p.facts.length,
        unchanged: true,
        changes: { entities: marked([...keys]), facts: marked(p.facts.map((f) => f.factKey)) },
      });
    } else changed.push(p);
  }
  if (changed.length > 0) {
    for (const [id, r] of await applyChanged(tx, changed, hashes, oldSources)) results.set(id, r);
  }
  return plans.map((p) => results.get(p.article.id)!);
}

async function applyChanged(
  tx: CypherRunner,
  plans: WritePlan[],
  stored: Map<string, unknown>,
  oldSources: Map<string, ArticleSource>,
): Promise<Map<string, ReplaceResult>> {
  const olds = await readOld(
    tx,
    plans
      .map((p) => p.article.id)
      .filter((id) => stored.has(id))
      .sort(),
  );
  const oldOf = (id: string): Old => olds.get(id) ?? noOld();

  // Everything the batch touches, before or now, deduplicated across articles.
  const touchedKeys = new Set<string>();
  const refs = new Map<string, FactRef>();
  for (const p of plans) {
    for (const k of oldOf(p.article.id).mentions.keys()) touchedKeys.add(k);
    for (const m of [...p.mentions.values()].flat()) touchedKeys.add(m.key);
    for (const [k, f] of oldOf(p.article.id).facts) refs.set(k, f);
    for (const f of p.facts) refs.set(f.factKey, pickRef(f));
  }
  const entityParts = byLabel(touchedKeys).map(([label, keys]) => part(S.readEntities(label), 'keys', keys));
  const dbTally = new Map<string, EntityTally>();
  for (const r of await runParts(tx, 'batched', entityParts, 'union')) {
    const t = asTally(r);
    if (t) dbTally.set(String(r.key), t);
  }
  // Only a fact whose ends both exist can exist.
  const readable = [...refs.values()].filter((f) => dbTally.has(f.subjectKey) && dbTally.has(f.objectKey));
  // By `factKey` over the type's relationships: matching both keyed ends instead cost more as the
  // graph grew in the scale bench (the planner may expand from a hub end: a city with many LIVES_IN).
  const factParts = [...groupBy(readable, (f) => f.relation)].map(([type, group]) =>
    part(S.readFacts(type), 'keys', group.map((f) => f.factKey).sort()),
  );
  const dbFact = new Map(
    (await runParts(tx, 'batched', factParts, 'union')).map((r) => [String(r.factKey), asFact(r)]),
  );

  // Apply the articles one after another to the state read.
  const tally = new Map<string, EntityTally | null>();
  const getTally = (k: string): EntityTally | null =>
    tally.has(k) ? tally.get(k)! : (dbTally.get(k) ?? null);
  const facts = new Map<string, StoredFact | null>();
  const getFact = (k: string): StoredFact | null => (facts.has(k) ? facts.get(k)! : (dbFact.get(k) ?? null));
  const done = new Set<string>();
  const newSources = new Map(plans.map((p) => [p.article.id, sourceOf(p.article)]));
  // Sources of stored articles as stored (the batch's own stored articles: from the write-hash read).
  const dbSources = new Map(oldSources);
  /** Where and when an article stating a fact appeared, as it stands after the articles applied so far. */
  const sourceNow = (articleId: string): ArticleSource | undefined =>
    done.has(articleId) ? newSources.get(articleId) : dbSources.get(articleId);
  const batchEvidence = new Map<string, EvidenceSummary[]>();
  const dbEvidence = new Map<string, EvidenceSummary[]>();
  /** A fact's evidence of every article but `id`, as it stands after the articles applied so far. */
  const othersOf = async (factKey: string, id: string): Promise<EvidenceSummary[]> => {
    if (!dbEvidence.has(factKey)) {
      const rows = await tx.run(S.READ_OTHER_EVIDENCE, { keys: [factKey], id: '' });
      dbEvidence.set(
        factKey,
        rows.map((r) => ({ id: String(r.id), articleId: String(r.articleId), ...asShown(r) })),
      );
      const unread = [...new Set(rows.map((r) => String(r.articleId)))].filter((a) => !dbSources.has(a));
      for (const r of await runList(tx, 'batched', S.READ_ARTICLE_SOURCES, 'keys', unread.sort())) {
        dbSources.set(String(r.id), sourceOf(r));
      }
    }
    const fromDb = dbEvidence.get(factKey)!.filter((e) => e.articleId !== id && !done.has(e.articleId));
    return [...fromDb, ...(batchEvidence.get(factKey) ?? [])];
  };
  const results = new Map<string, ReplaceResult>();
  for (const p of plans) {
    const id = p.article.id;
    const old = oldOf(id);
    const oldSource = oldSources.get(id);
    const newSource = newSources.get(id)!;
    const mine = new Map([...p.mentions.values()].flat().map((m) => [m.key, m.forms]));
    const changes: ReplaceResult['changes'] = { entities: {}, facts: {} };
    for (const k of new Set([...old.mentions.keys(), ...mine.keys()])) {
      const before = getTally(k);
      const after = adjustTally(before, old.mentions.get(k)?.forms, mine.get(k));
      tally.set(k, after.forms.length > 0 ? after : null);
      if (mine.has(k))
        changes.entities[k] = !before ? 'new' : sameTally(before, after) ? 'unchanged' : 'updated';
    }
    const added = groupBy(p.evidence, (e) => e.factKey);
    const stated = new Set(p.facts.map((f) => f.factKey));
    for (const factKey of new Set([...old.facts.keys(), ...stated])) {
      const before = getFact(factKey);
      const mineNow = added.get(factKey) ?? [];
      const removed = old.evidence.get(factKey) ?? [];
      // As replaceArticle's deriveFacts: the stored fact and tally updated, else both from all evidence.
      const fact = updateFact(before, removed, mineNow);
      let after: StoredFact | null | undefined = fact === null ? null : undefined;
      if (fact) {
        const tally = updateTally(
          before,
          removed.length > 0 && oldSource ? { source: oldSource, evidence: removed } : undefined,
          mineNow.length > 0 ? { source: newSource, evidence: mineNow } : undefined,
          fact,
        );
        if (tally) after = { ...fact, ...tally };
      }
      if (after === undefined) {
        const evidence = [...(await othersOf(factKey, id)), ...mineNow];
        const sources = new Map<string, ArticleSource>();
        for (const a of new Set(evidence.map((e) => e.articleId))) {
          const source = a === id ? newSource : sourceNow(a);
          if (source) sources.set(a, source);
        }
        const derived = deriveFact(evidence);
        const tally = tallyFact(evidence, sources);
        after = derived && tally ? { ...derived, ...tally } : null;
      }
      facts.set(factKey, after);
      if (stated.has(factKey)) {
        changes.facts[factKey] = !before ? 'new' : sameFact(before, after!) ? 'unchanged' : 'updated';
      }
    }
    done.add(id);
    for (const [factKey, list] of added) {
      const summaries = list.map((e) => ({
        id: e.id,
        articleId: e.articleId,
        confidenceMicro: e.confidenceMicro,
        label: e.label,
        role: e.role,
      }));
      batchEvidence.set(factKey, [...(batchEvidence.get(factKey) ?? []), ...summaries]);
    }
    results.set(id, { entities: mine.size, facts: p.facts.length, changes });
  }

  // One statement per part: each text is prepared once and reused by every batch.
  for (const p of writeParts(plans, oldOf, stored, {
    touchedKeys,
    dbTally,
    getTally,
    refs,
    dbFact,
    getFact,
  })) {
    await runList(tx, 'batched', p.text, p.name, p.list);
  }
  return results;
}

interface Final {
  touchedKeys: Set<string>;
  dbTally: Map<string, EntityTally>;
  getTally(k: string): EntityTally | null;
  refs: Map<string, FactRef>;
  dbFact: Map<string, StoredFact>;
  getFact(k: string): StoredFact | null;
}

/** The difference between the stored state and the final one, as write parts in a safe order. */
function writeParts(
  plans: WritePlan[],
  oldOf: (id: string) => Old,
  stored: Map<string, unknown>,
  s: Final,
): Part[] {
  const orphans = new Set<string>();
  const createEntity: string[] = [];
  const updateEntity: string[] = [];
  for (const k of [...s.touchedKeys].sort()) {
    const before = s.dbTally.get(k);
    const after = s.getTally(k);
    if (before && !after) orphans.add(k);
    else if (!before && after) createEntity.push(k);
    else if (before && after && !sameTally(before, after)) updateEntity.push(k);
  }
  const deleteFact: FactRef[] = [];
  const createFact: FactRef[] = [];
  const updateFactRefs: FactRef[] = [];
  for (const [k, ref] of [...s.refs].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const before = s.dbFact.get(k);
    const after = s.getFact(k);
    if (before && !after) {
      if (!orphans.has(ref.subjectKey) && !orphans.has(ref.objectKey)) deleteFact.push(ref);
    } else if (!before && after) createFact.push(ref);
    else if (before && after && !sameFact(before, after)) updateFactRefs.push(ref);
  }
  const oldEvidence: string[] = [];
  const newEvidence: Array<ReturnType<typeof withNulls>> = [];
  const goneMentions: Array<{ articleId: string; key: string }> = [];
  const newMentions: Array<{ articleId: string; key: string } & StoredMention> = [];
  const changedMentions: typeof newMentions = [];
  for (const p of plans) {
    const id = p.article.id;
    const old = oldOf(id);
    const ids = new Set(p.evidence.map((e) => e.id));
    for (const e of old.evidenceIds) if (!ids.has(e)) oldEvidence.push(e);
    for (const e of p.evidence) if (!old.evidenceIds.has(e.id)) newEvidence.push(withNulls(e));
    const mentioned = new Set<string>();
    for (const m of [...p.mentions.values()].flat()) {
      mentioned.add(m.key);
      const row = { articleId: id, key: m.key, forms: m.forms, count: m.count, firstOffset: m.firstOffset };
      const was = old.mentions.get(m.key);
      if (!was) newMentions.push(row);
      else if (!sameMention(was, row)) changedMentions.push(row);
    }
    for (const k of old.mentions.keys()) {
      if (!mentioned.has(k) && !orphans.has(k)) goneMentions.push({ articleId: id, key: k });
    }
  }
  const entityRows = (keys: string[]) =>
    keys.map((key) => {
      const { forms: allForms, ...d } = deriveFromTally(s.getTally(key)!)!;
      return { key, allForms, ...d };
    });
  const withAndWithoutAliases = (label: string, keys: string[], text: (l: string, a: boolean) => string) => {
    const rows = entityRows(keys);
    return [
      part(
        text(label, true),
        'rows',
        rows.filter((r) => r.aliases.length > 0),
      ),
      part(
        text(label, false),
        'rows',
        rows.filter((r) => r.aliases.length === 0).map(({ aliases: _, ...r }) => r),
      ),
    ];
  };
  const factRows = (list: FactRef[]) =>
    groupBy(
      list.map((f) => withNulls({ ...pickRef(f), ...s.getFact(f.factKey)! })),
      factShape,
    );
  const byKeyLabel = <T extends { key: string }>(rows: T[]) =>
    byLabel(rows.map((r) => r.key)).map(([label, keys]): [string, T[]] => {
      const wanted = new Set(keys);
      return [label, rows.filter((r) => wanted.has(r.key))];
    });
  const isNew = (p: WritePlan) => !stored.has(p.article.id);

  return [
    part(S.DELETE_EVIDENCE, 'keys', oldEvidence.sort()),
    ...byKeyLabel(goneMentions).map(([l, rows]) => part(S.deleteMentionsOf(l), 'rows', rows)),
    ...[...groupBy(deleteFact, factShape)].map(([shape, g]) =>
      part(S.deleteFacts(...shapeParts(shape)), 'rows', g.map(pickRef)),
    ),
    ...byLabel(orphans).map(([l, keys]) => part(S.deleteEntities(l), 'keys', keys)),
    part(
      S.CREATE_ARTICLES,
      'rows',
      plans.filter(isNew).map((p) => p.article),
    ),
    part(
      S.UPDATE_ARTICLES,
      'rows',
      plans.filter((p) => !isNew(p)).map((p) => p.article),
    ),
    ...byLabel(createEntity).flatMap(([l, keys]) => withAndWithoutAliases(l, keys, S.createEntities)),
    ...byLabel(updateEntity).flatMap(([l, keys]) => withAndWithoutAliases(l, keys, S.setEntityNames)),
    ...byKeyLabel(newMentions).map(([l, rows]) => part(S.createMentions(l), 'rows', rows)),
    ...byKeyLabel(changedMentions).map(([l, rows]) => part(S.updateMentions(l), 'rows', rows)),
    ...[...factRows(createFact)].map(([shape, g]) => part(S.createFacts(...shapeParts(shape)), 'rows', g)),
    ...[...factRows(updateFactRefs)].map(([shape, g]) =>
      part(S.updateFacts(...shapeParts(shape)), 'rows', g),
    ),
    part(S.CREATE_EVIDENCE_OF, 'rows', newEvidence),
  ];
}
