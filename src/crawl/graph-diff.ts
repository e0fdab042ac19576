/**
 * The graph diff of a reprocessing run, computed before anything is written (`reprocess --dry-run`):
 * which entities and facts would appear, disappear or change, per entity type and relation type.
 *
 * An article's contribution is the entities it mentions (with the forms it uses) and the facts it states
 * (with their evidence). The graph holds, per entity and fact, how many articles contribute to it; a
 * fact is *added* when no article states it now and one will, *removed* when the reprocessed articles
 * were its only support and no longer state it, *changed* when it stays but the reprocessed articles'
 * evidence for it (sentence, role, label, rule, confidence) differs. Entities alike, with their forms.
 */
import { planWrite } from '../graph/plan.js';
import { labelOfKey } from '../graph/schema.js';
import type { GraphReader, GraphWrite } from '../graph/types.js';

/** Digits of confidence compared: the stores keep millionths, shown values three digits. */
const CONFIDENCE_DIGITS = 4;

/** What one article contributes: entity key -> its forms, fact key -> relation and evidence. */
export interface Contribution {
  entities: Map<string, string>;
  facts: Map<string, { relation: string; evidence: string }>;
}

export interface ChangeCounts {
  added: number;
  removed: number;
  changed: number;
}

export interface GraphDiff {
  /** Entity type (`Person`, …) -> counts. */
  entities: Record<string, ChangeCounts>;
  /** Relation type (`DIRECTS`, …) -> counts. */
  facts: Record<string, ChangeCounts>;
}

const evidenceLine = (e: {
  sentence: unknown;
  role: unknown;
  label: unknown;
  rule: unknown;
  confidence: number;
}): string =>
  [e.sentence, e.role || '', e.label || '', e.rule, e.confidence.toFixed(CONFIDENCE_DIGITS)].join('\u0001');

function addFact(c: Contribution, factKey: string, relation: string, line: string): void {
  const fact = c.facts.get(factKey);
  c.facts.set(factKey, { relation, evidence: fact ? `${fact.evidence}\u0002${line}` : line });
}

/** Sort each fact's evidence lines so the order rows come back in does not count as a change. */
function normalised(c: Contribution): Contribution {
  for (const [key, fact] of c.facts)
    c.facts.set(key, { ...fact, evidence: fact.evidence.split('\u0002').sort().join('\u0002') });
  return c;
}

/** Pure: the contribution a write would make. */
export function contributionOf(write: GraphWrite): Contribution {
  const plan = planWrite(write);
  const c: Contribution = { entities: new Map(), facts: new Map() };
  for (const rows of plan.mentions.values())
    for (const m of rows) c.entities.set(m.key, m.forms.join('\u0001'));
  for (const e of plan.evidence)
    addFact(c, e.factKey, e.relation, evidenceLine({ ...e, confidence: e.confidenceMicro / 1_000_000 }));
  return normalised(c);
}

/** The contribution an article makes now, read from the graph. */
export async function readContribution(reader: GraphReader, articleId: string): Promise<Contribution> {
  const c: Contribution = { entities: new Map(), facts: new Map() };
  const mentions = await reader.query(
    'MATCH (a:Article {id: $id})-[m:MENTIONS]->(n) RETURN n.key AS key, m.forms AS forms',
    { id: articleId },
  );
  for (const m of mentions) c.entities.set(String(m.key), (m.forms as string[]).join('\u0001'));
  const evidence = await reader.query(
    'MATCH (a:Article {id: $id})-[:STATES]->(e:Evidence) RETURN e.factKey AS factKey, e.relation AS relation, ' +
      'e.sentence AS sentence, e.role AS role, e.label AS label, e.rule AS rule, e.confidence AS confidence',
    { id: articleId },
  );
  for (const e of evidence)
    addFact(
      c,
      String(e.factKey),
      String(e.relation),
      evidenceLine({
        sentence: e.sentence,
        role: e.role,
        label: e.label,
        rule: e.rule,
        confidence: Number(e.confidence),
      }),
    );
  return normalised(c);
}

/** How many articles support each entity and fact key now. */
export async function readSupport(
  reader: GraphReader,
  entityKeys: string[],
  factKeys: string[],
): Promise<{ entities: Map<string, number>; facts: Map<string, number> }> {
  const toMap = (rows: Record<string, unknown>[]) => new Map(rows.map((r) => [String(r.key), Number(r.n)]));
  const entities = entityKeys.length
    ? await reader.query(
        'MATCH (a:Article)-[:MENTIONS]->(n) WHERE n.key IN $keys RETURN n.key AS key, count(a) AS n',
        { keys: entityKeys },
      )
    : [];
  const facts = factKeys.length
    ? await reader.query(
        'MATCH (e:Evidence) WHERE e.factKey IN $keys RETURN e.factKey AS key, count(DISTINCT e.articleId) AS n',
        { keys: factKeys },
      )
    : [];
  return { entities: toMap(entities), facts: toMap(facts) };
}

const bump = (table: Record<string, ChangeCounts>, group: string, what: keyof ChangeCounts) => {
  table[group] ??= { added: 0, removed: 0, changed: 0 };
  table[group][what] += 1;
};

/** Compare keyed values before/after, given how many articles support each key in the whole graph now. */
function diffKeys(
  before: Map<string, string>[],
  after: Map<string, string>[],
  support: Map<string, number>,
  groupOf: (key: string) => string,
  table: Record<string, ChangeCounts>,
): void {
  const keys = new Set([...before, ...after].flatMap((m) => [...m.keys()]));
  for (const key of [...keys].sort()) {
    const was = before.filter((m) => m.has(key)).length;
    const will = after.filter((m) => m.has(key)).length;
    const now = support.get(key) ?? 0;
    const then = now - was + will;
    if (now === 0 && then > 0) bump(table, groupOf(key), 'added');
    else if (now > 0 && then <= 0) bump(table, groupOf(key), 'removed');
    else if (before.map((m) => m.get(key) ?? '').join('\0') !== after.map((m) => m.get(key) ?? '').join('\0'))
      bump(table, groupOf(key), 'changed');
  }
}

/**
 * Pure: the graph diff of replacing the articles' `before` contributions with `after` (same order, one
 * per article), given the current support counts.
 */
export function diffGraph(
  before: Contribution[],
  after: Contribution[],
  support: { entities: Map<string, number>; facts: Map<string, number> },
): GraphDiff {
  const diff: GraphDiff = { entities: {}, facts: {} };
  diffKeys(
    before.map((c) => c.entities),
    after.map((c) => c.entities),
    support.entities,
    (key) => labelOfKey(key),
    diff.entities,
  );
  const relationOf = new Map(
    [...before, ...after].flatMap((c) => [...c.facts].map(([k, f]) => [k, f.relation] as const)),
  );
  const evidence = (c: Contribution) => new Map([...c.facts].map(([k, f]) => [k, f.evidence]));
  diffKeys(
    before.map(evidence),
    after.map(evidence),
    support.facts,
    (key) => relationOf.get(key) ?? '?',
    diff.facts,
  );
  return diff;
}

/** The diff as a text table per entity type and relation type. */
export function formatDiff(diff: GraphDiff): string {
  const section = (title: string, table: Record<string, ChangeCounts>) => {
    const rows = Object.entries(table).sort(([a], [b]) => (a < b ? -1 : 1));
    if (rows.length === 0) return [`${title}: no change`];
    return [
      `${title.padEnd(16)} ${'added'.padStart(7)} ${'removed'.padStart(7)} ${'changed'.padStart(7)}`,
      ...rows.map(
        ([name, c]) =>
          `  ${name.padEnd(14)} ${String(c.added).padStart(7)} ${String(c.removed).padStart(7)} ${String(c.changed).padStart(7)}`,
      ),
    ];
  };
  return `${[...section('entities', diff.entities), ...section('facts', diff.facts)].join('\n')}\n`;
}
