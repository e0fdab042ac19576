/**
 * An in-memory {@link GraphSink} for fast unit tests and dry runs. It applies exactly the rules of the
 * Cypher sinks (`plan.ts` derivations), so its {@link GraphSnapshot} must equal theirs for the same writes;
 * the contract tests check that. Writes are all or nothing: they work on a copy that replaces the state.
 */

import { type FactTally, sourceOf, tallyFact } from './fact-tally.js';
import {
  CONFIDENCE_SCALE,
  deriveEntity,
  deriveFact,
  type EvidenceRow,
  type FactRef,
  planWrite,
} from './plan.js';
import { allMarked } from './replace-article.js';
import { labelOfKey } from './schema.js';
import { type GraphSnapshot, makeSnapshot } from './snapshot.js';
import type { Change, GraphSink, GraphWrite, QueryRow, WriteSummary } from './types.js';

interface EntityNode {
  key: string;
  type: string;
  name: string;
  aliases: string[] | null;
  names: string[];
  forms?: string[];
  formArticles?: number[];
  nameArticles?: number[];
}

interface Mention {
  count: number;
  firstOffset: number;
  forms: string[];
}

interface FactRel extends FactRef, Partial<FactTally> {
  label: string | null;
  role: string | null;
  confidence: number | null;
  articles: number | null;
  evidence: number | null;
  bestEvidence: string | null;
}

interface State {
  articles: Map<string, Record<string, string | null>>;
  entities: Map<string, EntityNode>;
  /** articleId -> entity key -> mention */
  mentions: Map<string, Map<string, Mention>>;
  evidence: Map<string, EvidenceRow>;
  facts: Map<string, FactRel>;
}

export interface MemorySinkOptions {
  /** Called before each step; throwing aborts the write (used to test all-or-nothing). */
  onStatement?: (step: string) => void;
}

const emptyState = (): State => ({
  articles: new Map(),
  entities: new Map(),
  mentions: new Map(),
  evidence: new Map(),
  facts: new Map(),
});

function cloneState(s: State): State {
  return {
    articles: new Map(s.articles),
    entities: new Map(s.entities),
    mentions: new Map([...s.mentions].map(([k, v]) => [k, new Map(v)])),
    evidence: new Map(s.evidence),
    facts: new Map(s.facts),
  };
}

/** Apply one write to a (copied) state. Mirrors `replaceArticle` step by step. */
function apply(
  state: State,
  write: GraphWrite,
  step: (name: string) => void,
): { entities: number; facts: number } {
  const plan = planWrite(write);
  const id = write.article.id;
  step('remove-old');
  const old = [...state.evidence.values()].filter((e) => e.articleId === id);
  for (const e of old) state.evidence.delete(e.id);
  const oldKeys = [...(state.mentions.get(id)?.keys() ?? [])];
  state.mentions.set(id, new Map());
  step('article');
  state.articles.set(id, plan.article);
  const rows = [...plan.mentions.values()].flat();
  step('mentions');
  for (const r of rows) {
    if (!state.entities.has(r.key)) {
      state.entities.set(r.key, {
        key: r.key,
        type: labelOfKey(r.key),
        name: r.name,
        aliases: null,
        names: r.names,
      });
    }
    state.mentions.get(id)!.set(r.key, { count: r.count, firstOffset: r.firstOffset, forms: r.forms });
  }
  step('facts');
  for (const f of plan.facts) {
    if (!state.facts.has(f.factKey)) {
      state.facts.set(f.factKey, {
        ...f,
        label: null,
        role: null,
        confidence: null,
        articles: null,
        evidence: null,
        bestEvidence: null,
      });
    }
  }
  step('evidence');
  for (const e of plan.evidence) state.evidence.set(e.id, e);
  step('refresh');
  for (const key of new Set([...old.map((e) => e.factKey), ...plan.facts.map((f) => f.factKey)])) {
    const support = [...state.evidence.values()].filter((e) => e.factKey === key);
    const derived = deriveFact(support);
    const sources = new Map(
      [...new Set(support.map((e) => e.articleId))].map((a) => [a, sourceOf(state.articles.get(a) ?? {})]),
    );
    const tally = tallyFact(support, sources);
    const fact = state.facts.get(key)!;
    if (!derived || !tally) state.facts.delete(key);
    else {
      state.facts.set(key, {
        ...fact,
        ...tally,
        label: derived.label || null,
        role: derived.role || null,
        confidence: derived.confidenceMicro / CONFIDENCE_SCALE,
        articles: derived.articles,
        evidence: derived.evidence,
        bestEvidence: derived.bestEvidence,
      });
    }
  }
  for (const key of new Set([...oldKeys, ...rows.map((r) => r.key)])) {
    const forms = [...state.mentions.values()].flatMap((m) => (m.has(key) ? [m.get(key)!.forms] : []));
    const derived = deriveEntity(forms);
    if (!derived) {
      state.entities.delete(key);
      for (const [k, f] of state.facts)
        if (f.subjectKey === key || f.objectKey === key) state.facts.delete(k);
    } else {
      const e = state.entities.get(key)!;
      state.entities.set(key, {
        ...e,
        ...derived,
        aliases: derived.aliases.length > 0 ? derived.aliases : null,
      });
    }
  }
  return { entities: rows.length, facts: plan.facts.length };
}

function pushTo(groups: Record<string, QueryRow[]>, key: string, row: QueryRow): void {
  const group = groups[key];
  if (group) group.push(row);
  else groups[key] = [row];
}

/** The in-memory sink. */
export class MemorySink implements GraphSink {
  readonly kind = 'memory';
  private state = emptyState();

  constructor(private readonly options: MemorySinkOptions = {}) {}

  async ensureSchema(): Promise<void> {}

  async write(write: GraphWrite): Promise<WriteSummary> {
    const started = performance.now();
    const plan = planWrite(write);
    const summary = { articleId: write.article.id, entities: 0, facts: plan.facts.length };
    summary.entities = new Set([...plan.mentions.values()].flat().map((m) => m.key)).size;
    if (this.state.articles.get(write.article.id)?.writeHash === plan.article.writeHash) {
      this.options.onStatement?.('read-write-hash');
      const changes = allMarked(plan, 'unchanged');
      return { ...summary, unchanged: true, changes, ms: Math.round(performance.now() - started) };
    }
    const next = cloneState(this.state);
    apply(next, write, (s) => this.options.onStatement?.(s));
    const changes = allMarked(plan, 'new');
    const compare = (before: unknown, after: unknown): Change =>
      before === undefined
        ? 'new'
        : JSON.stringify(before) === JSON.stringify(after)
          ? 'unchanged'
          : 'updated';
    for (const k of Object.keys(changes.entities))
      changes.entities[k] = compare(this.state.entities.get(k), next.entities.get(k));
    for (const k of Object.keys(changes.facts))
      changes.facts[k] = compare(this.state.facts.get(k), next.facts.get(k));
    this.state = next;
    return { ...summary, changes, ms: Math.round(performance.now() - started) };
  }

  /** Everything stored, in the same canonical form as {@link readSnapshot}. */
  snapshot(): GraphSnapshot {
    const s = this.state;
    const nodes: Record<string, QueryRow[]> = { Article: [...s.articles.values()], Evidence: [] };
    for (const e of s.evidence.values()) {
      const { confidenceMicro, label, role, ...rest } = e;
      nodes.Evidence!.push({
        ...rest,
        label: label || null,
        role: role || null,
        confidence: confidenceMicro / CONFIDENCE_SCALE,
      });
    }
    for (const e of s.entities.values()) pushTo(nodes, e.type, { ...e });
    const rels: Record<string, QueryRow[]> = { MENTIONS: [], STATES: [] };
    for (const [articleId, m] of s.mentions) {
      for (const [key, v] of m) rels.MENTIONS!.push({ from: articleId, to: key, ...v });
    }
    for (const e of s.evidence.values()) rels.STATES!.push({ from: e.articleId, to: e.id });
    for (const f of s.facts.values()) {
      const { subjectKey, objectKey, ...props } = f;
      pushTo(rels, f.relation, { from: subjectKey, to: objectKey, ...props });
    }
    return makeSnapshot(nodes, rels);
  }

  async close(): Promise<void> {}
}
