/**
 * Pure: a `GraphWrite` -> the rows one article contributes, plus the rules that derive the shared
 * properties (entity names, fact confidence) from every article's contribution. Used by every sink,
 * so Kùzu, Neo4j and memory store exactly the same graph.
 *
 * Rows are "type-stable" on purpose: integers only (confidence is sent in millionths) and lists never
 * null or empty. Kùzu infers a batch's column types from its first row, so an integer-valued float or a
 * null list there would mistype the whole batch. (A null text field is typed STRING, so optional texts,
 * `''` here, are sent as null by the write: see `withNulls` in replace-article.ts.)
 */

import type { NodeEntityType } from '../core/index.js';
import { type Entity, normalizeName, type RelationType, shortHash } from '../core/index.js';
import { ENTITY_LABELS, entityLabel, factType, labelOfKey } from './schema.js';
import type { ArticleRecord, GraphWrite } from './types.js';

/** Confidence travels as an integer number of millionths (see the module comment). */
export const CONFIDENCE_SCALE = 1_000_000;

export interface MentionRow {
  key: string;
  name: string;
  names: string[];
  count: number;
  firstOffset: number;
  /** The names this article uses for the entity, its name first. */
  forms: string[];
}

/** Identifies one fact relationship: `(subject)-[:relation {factKey}]->(object)`. */
export interface FactRef {
  factKey: string;
  relation: RelationType;
  subjectKey: string;
  objectKey: string;
}

export interface EvidenceRow extends FactRef {
  id: string;
  articleId: string;
  sentence: string;
  sentenceStart: number;
  sentenceEnd: number;
  subjectStart: number;
  subjectEnd: number;
  objectStart: number;
  objectEnd: number;
  /** `''` when the rule gave none. */
  label: string;
  role: string;
  rule: string;
  confidenceMicro: number;
}

export interface WritePlan {
  /** Article properties in {@link ARTICLE_PROPS} order; missing values are null. */
  article: Record<string, string | null> & { id: string; writeHash: string };
  mentions: Map<NodeEntityType, MentionRow[]>;
  facts: FactRef[];
  evidence: EvidenceRow[];
}

/** The key of a fact: one per (type, subject, object), whatever the article or wording. */
export function factKeyOf(relation: string, subjectKey: string, objectKey: string): string {
  return `f${shortHash(`${relation}|${subjectKey}|${objectKey}`)}`;
}

function articleProps(a: ArticleRecord): Record<string, string | null> & { id: string } {
  return {
    id: a.id,
    url: a.url,
    canonicalUrl: a.canonicalUrl,
    title: a.title,
    byline: a.byline,
    publishedAt: a.publishedAt,
    siteName: a.siteName,
    language: a.language,
    contentHash: a.contentHash,
    extractedAt: a.extractedAt,
    extractorVersion: a.extractorVersion,
  };
}

function mentionRow(e: Entity): MentionRow {
  const forms = uniqueStrings([e.name, ...e.aliases]);
  const offsets = e.mentions.map((m) => m.start);
  return {
    key: e.key,
    name: e.name,
    names: namesOf(forms),
    count: e.mentions.length,
    firstOffset: offsets.length > 0 ? Math.min(...offsets) : -1,
    forms,
  };
}

/** Graph entities only (Date and Money stay out), one per key, with their mention rows by label. */
function planMentions(entities: Entity[]): Map<string, MentionRow> {
  const byKey = new Map<string, MentionRow>();
  for (const e of entities) {
    if (!(ENTITY_LABELS as readonly string[]).includes(e.type)) continue;
    entityLabel(labelOfKey(e.key));
    const row = mentionRow(e);
    const prev = byKey.get(e.key);
    byKey.set(e.key, prev ? mergeMentionRows(prev, row) : row);
  }
  return byKey;
}

function mergeMentionRows(a: MentionRow, b: MentionRow): MentionRow {
  const forms = uniqueStrings([...a.forms, ...b.forms]);
  return {
    ...a,
    names: namesOf(forms),
    count: a.count + b.count,
    firstOffset: Math.min(a.firstOffset, b.firstOffset),
    forms,
  };
}

/** Pure: what one article contributes. Facts whose ends are not graph entities are left out. */
export function planWrite(write: GraphWrite): WritePlan {
  const articleId = write.article.id;
  const byKey = planMentions(write.entities);
  const idToKey = new Map(write.entities.map((e) => [e.id, e.key]));
  const facts = new Map<string, FactRef>();
  const evidence = new Map<string, EvidenceRow>();
  for (const r of write.relations) {
    const subjectKey = idToKey.get(r.subject);
    const objectKey = idToKey.get(r.object);
    if (!subjectKey || !objectKey || !byKey.has(subjectKey) || !byKey.has(objectKey)) continue;
    if (subjectKey === objectKey) continue;
    const relation = factType(r.type);
    const factKey = factKeyOf(relation, subjectKey, objectKey);
    facts.set(factKey, { factKey, relation, subjectKey, objectKey });
    const ev = r.evidence;
    // The id covers the content: an unchanged sentence keeps its node on re-ingest, a changed one is replaced.
    const content = [articleId, factKey, ev.start, ev.end, ev.text, ev.subject.start, ev.subject.end];
    content.push(ev.object.start, ev.object.end, r.rule, r.label ?? '', r.role ?? '', r.confidence);
    const id = `v${shortHash(content.join('|'))}`;
    evidence.set(id, {
      id,
      factKey,
      relation,
      subjectKey,
      objectKey,
      articleId,
      sentence: ev.text,
      sentenceStart: ev.start,
      sentenceEnd: ev.end,
      subjectStart: ev.subject.start,
      subjectEnd: ev.subject.end,
      objectStart: ev.object.start,
      objectEnd: ev.object.end,
      label: r.label ?? '',
      role: r.role ?? '',
      rule: r.rule,
      confidenceMicro: Math.round(r.confidence * CONFIDENCE_SCALE),
    });
  }
  const mentions = new Map<NodeEntityType, MentionRow[]>();
  for (const row of [...byKey.values()].sort((a, b) => compare(a.key, b.key))) {
    const label = labelOfKey(row.key);
    mentions.set(label, [...(mentions.get(label) ?? []), row]);
  }
  const plan = {
    article: articleProps(write.article),
    mentions,
    facts: [...facts.values()].sort((a, b) => compare(a.factKey, b.factKey)),
    evidence: [...evidence.values()].sort((a, b) => compare(a.id, b.id)),
  };
  return { ...plan, article: { ...plan.article, writeHash: writeHashOf(plan) } };
}

/** The hash of everything an article contributes but its extraction time (see `writeHash` in schema.ts). */
function writeHashOf(plan: Omit<WritePlan, 'article'> & { article: Record<string, unknown> }): string {
  const { extractedAt: _, ...article } = plan.article;
  const mentions = [...plan.mentions].sort(([a], [b]) => compare(a, b));
  return `w${shortHash(JSON.stringify([article, mentions, plan.facts, plan.evidence]))}`;
}

/** Group items by a string key, keeping order. */
export function groupBy<T>(items: Iterable<T>, keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = keyOf(item);
    const g = groups.get(k);
    if (g) g.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/** The `(type, subject label, object label)` group of a fact: one Cypher text per group. */
export function factShape(f: FactRef): string {
  return `${f.relation}|${labelOfKey(f.subjectKey)}|${labelOfKey(f.objectKey)}`;
}

export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function uniqueStrings(values: string[]): string[] {
  return [...new Set(values.filter((v) => v.length > 0))];
}

/** The normalised, searchable forms of an entity's names. */
export function namesOf(forms: string[]): string[] {
  return uniqueStrings(forms.map(normalizeName));
}

/**
 * How an entity is named across articles, kept on the entity node so that a write reads one node per
 * entity instead of every other article's mentions: `forms` (sorted) are all the names articles use,
 * `formArticles[i]` counts the articles that use `forms[i]`, `nameArticles[i]` those that use it as
 * their main name (first form). Counts, so removing an article's contribution is exact.
 */
export interface EntityTally {
  forms: string[];
  formArticles: number[];
  nameArticles: number[];
}

export interface DerivedEntity extends EntityTally {
  name: string;
  /** Empty when the entity has no other form (stored as null/absent). */
  aliases: string[];
  names: string[];
}

/** The tally of one entity from every article's `forms` (name first), from scratch. */
export function tallyForms(formsPerArticle: string[][]): EntityTally {
  return formsPerArticle.reduce<EntityTally>((t, forms) => adjustTally(t, undefined, forms), {
    forms: [],
    formArticles: [],
    nameArticles: [],
  });
}

/** A tally without one article's old forms and with its new ones (either may be absent). */
export function adjustTally(
  tally: EntityTally | null,
  remove: readonly string[] | undefined,
  add: readonly string[] | undefined,
): EntityTally {
  const counts = new Map<string, [number, number]>();
  (tally?.forms ?? []).forEach((f, i) => {
    counts.set(f, [tally!.formArticles[i] ?? 0, tally!.nameArticles[i] ?? 0]);
  });
  const change = (forms: readonly string[] | undefined, by: number) => {
    uniqueStrings([...(forms ?? [])]).forEach((f, i) => {
      const c = counts.get(f) ?? [0, 0];
      counts.set(f, [c[0] + by, c[1] + (i === 0 ? by : 0)]);
    });
  };
  change(remove, -1);
  change(add, 1);
  const forms = [...counts.keys()].filter((f) => counts.get(f)![0] > 0).sort(compare);
  return {
    forms,
    formArticles: forms.map((f) => counts.get(f)![0]),
    nameArticles: forms.map((f) => counts.get(f)![1]),
  };
}

/**
 * An entity's shared properties from its tally: the name most articles use (ties: the longest, then
 * alphabetical), and every other form as an alias. Null when no article mentions it any more.
 */
export function deriveFromTally(tally: EntityTally): DerivedEntity | null {
  if (tally.forms.length === 0) return null;
  const ranked = tally.forms
    .map((form, i) => ({ form, votes: tally.nameArticles[i] ?? 0 }))
    .filter((v) => v.votes > 0)
    .sort((a, b) => b.votes - a.votes || b.form.length - a.form.length || compare(a.form, b.form));
  const name = ranked[0]?.form ?? tally.forms[0]!;
  const aliases = tally.forms.filter((f) => f !== name);
  return { name, aliases, names: namesOf([name, ...aliases]), ...tally };
}

/** {@link deriveFromTally} from every article's `forms`: independent of ingestion order. */
export function deriveEntity(formsPerArticle: string[][]): DerivedEntity | null {
  return deriveFromTally(tallyForms(formsPerArticle.filter((f) => f.length > 0)));
}

export interface EvidenceSummary {
  id: string;
  articleId: string;
  confidenceMicro: number;
  label: string;
  role: string;
}

export interface DerivedFact {
  label: string;
  role: string;
  confidenceMicro: number;
  articles: number;
  evidence: number;
  /** The id of the evidence the fact shows (its label, role and confidence). */
  bestEvidence: string;
}

type Ranked = Pick<EvidenceSummary, 'id' | 'confidenceMicro' | 'label' | 'role'>;

const better = (a: Ranked, b: Ranked): number => b.confidenceMicro - a.confidenceMicro || compare(a.id, b.id);

/** A fact's shared properties from all its evidence: the most confident sentence wins (ties: lowest id). */
export function deriveFact(evidence: EvidenceSummary[]): DerivedFact | null {
  if (evidence.length === 0) return null;
  const best = [...evidence].sort(better)[0]!;
  return {
    label: best.label,
    role: best.role,
    confidenceMicro: best.confidenceMicro,
    articles: new Set(evidence.map((e) => e.articleId)).size,
    evidence: evidence.length,
    bestEvidence: best.id,
  };
}

/**
 * A fact's shared properties after one article replaced its evidence, from the stored ones (`current`,
 * null for a new fact), without reading the other articles' evidence. Null: no evidence is left.
 * Undefined: the shown evidence was this article's and goes, other articles still state the fact and
 * none of this article's new evidence ranks above the one that went, so the caller must read the
 * others' evidence and use {@link deriveFact}. (Re-ingesting an unchanged article never needs that.)
 */
export function updateFact(
  current: DerivedFact | null,
  removed: readonly { id: string }[],
  added: readonly EvidenceSummary[],
): DerivedFact | null | undefined {
  const articles = (current?.articles ?? 0) - (removed.length > 0 ? 1 : 0) + (added.length > 0 ? 1 : 0);
  const evidence = (current?.evidence ?? 0) - removed.length + added.length;
  if (evidence <= 0) return null;
  const bestGone = !current || removed.some((e) => e.id === current.bestEvidence);
  const shown: Ranked | null = current && {
    id: current.bestEvidence,
    confidenceMicro: current.confidenceMicro,
    label: current.label,
    role: current.role,
  };
  const top = [...added].sort(better)[0];
  // The shown evidence ranked above every other article's, so a new one that ranks above it wins.
  const topWins = top !== undefined && (shown === null || better(top, shown) <= 0);
  if (bestGone && !topWins && evidence > added.length) return undefined;
  const best = topWins || bestGone ? top! : shown!;
  return {
    label: best.label,
    role: best.role,
    confidenceMicro: best.confidenceMicro,
    articles,
    evidence,
    bestEvidence: best.id,
  };
}
