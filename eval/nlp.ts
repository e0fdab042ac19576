/**
 * `npm run eval:nlp [train|dev]`: strict micro P/R/F1 of `analyze()` on CoNLL04 (entities: exact span + type;
 * relations: type + exact subject/object spans + types), per relation type, and raw compromise's
 * people()/organizations()/places() in the same run. Reads ../shared/data/conll04 (never shipped).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractJsonLine } from '../src/cli/extract.js';
import type { Document } from '../src/core/index.js';
import { rawEntities } from '../src/nlp/compromise.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DATA = join(ROOT, '..', 'shared', 'data', 'conll04');

/** Our entity types → CoNLL04's (other types are not scored). */
const ENTITY_MAP: Record<string, string> = { Person: 'Peop', Organization: 'Org', Place: 'Loc' };
/** Our relation types → CoNLL04's. */
const RELATION_MAP: Record<string, string> = {
  WORKS_FOR: 'Work_For',
  DIRECTS: 'Work_For',
  FOUNDED: 'Work_For',
  MEMBER_OF: 'Work_For',
  KILLED: 'Kill',
  BASED_IN: 'OrgBased_In',
  LIVES_IN: 'Live_In',
  BORN_IN: 'Live_In',
  CITIZEN_OF: 'Live_In',
  LOCATED_IN: 'Located_In',
};

interface Gold {
  id: string;
  text: string;
  entities: Array<{ type: string; start: number; end: number; text: string }>;
  relations: Array<{ type: string; head: number; tail: number }>;
}

class Score {
  tp = 0;
  fp = 0;
  fn = 0;
  add(pred: Set<string>, gold: Set<string>): void {
    for (const p of pred)
      if (gold.has(p)) this.tp++;
      else this.fp++;
    for (const g of gold) if (!pred.has(g)) this.fn++;
  }
  line(name: string): string {
    const p = this.tp / (this.tp + this.fp || 1);
    const r = this.tp / (this.tp + this.fn || 1);
    const f = (2 * p * r) / (p + r || 1);
    const n = (x: number): string => x.toFixed(3);
    return `${name.padEnd(26)} P ${n(p)}  R ${n(r)}  F1 ${n(f)}   (tp ${this.tp}, fp ${this.fp}, fn ${this.fn})`;
  }
}

function predictedSets(doc: Document): { entities: Set<string>; relations: Map<string, Set<string>> } {
  const entities = new Set<string>();
  const typeOf = new Map<string, string>();
  for (const e of doc.entities) {
    const t = ENTITY_MAP[e.type];
    if (!t) continue;
    typeOf.set(e.id, t);
    for (const m of e.mentions) entities.add(`${t}:${m.start}:${m.end}`);
  }
  const relations = new Map<string, Set<string>>();
  for (const r of doc.relations) {
    const t = RELATION_MAP[r.type];
    const st = typeOf.get(r.subject);
    const ot = typeOf.get(r.object);
    if (!t || !st || !ot) continue;
    const key = `${t}:${st}:${r.evidence.subject.start}:${r.evidence.subject.end}>${ot}:${r.evidence.object.start}:${r.evidence.object.end}`;
    if (!relations.has(t)) relations.set(t, new Set());
    relations.get(t)!.add(key);
  }
  return { entities, relations };
}

function goldSets(g: Gold): { entities: Set<string>; relations: Map<string, Set<string>> } {
  const scored = g.entities.map((e) => (e.type === 'Other' ? undefined : `${e.type}:${e.start}:${e.end}`));
  const entities = new Set(scored.filter((s): s is string => s !== undefined));
  const relations = new Map<string, Set<string>>();
  for (const r of g.relations) {
    const key = `${r.type}:${scored[r.head]}>${scored[r.tail]}`;
    if (!relations.has(r.type)) relations.set(r.type, new Set());
    relations.get(r.type)!.add(key);
  }
  return { entities, relations };
}

function main(): void {
  const split = process.argv[2] ?? 'dev';
  const file = join(DATA, `${split}.jsonl`);
  if (!existsSync(file)) {
    process.stdout.write(`eval:nlp: ${file} is absent; nothing to evaluate (this is not an error).\n`);
    return;
  }
  const docs = readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Gold);
  const ours = new Score();
  const raw = new Score();
  const rel = new Score();
  const rawRel = new Score();
  const perType = new Map<string, Score>();
  const verbose = process.env.EVAL_VERBOSE === '1';
  for (const g of docs) {
    const gold = goldSets(g);
    // The same path as `newsgraph extract --jsonl` on a `{ id, text }` line.
    const out = extractJsonLine(JSON.stringify({ id: g.id, text: g.text }));
    const doc: Document = 'error' in out ? { entities: [], relations: [] } : out;
    const pred = predictedSets(doc);
    ours.add(pred.entities, gold.entities);
    const rawSet = new Set(rawEntities(g.text).map((e) => `${ENTITY_MAP[e.type]}:${e.start}:${e.end}`));
    raw.add(rawSet, gold.entities);
    for (const t of new Set([...gold.relations.keys(), ...pred.relations.keys()])) {
      const p = pred.relations.get(t) ?? new Set<string>();
      const gs = gold.relations.get(t) ?? new Set<string>();
      rel.add(p, gs);
      rawRel.add(new Set<string>(), gs); // compromise states no relations: every gold one is missed
      if (!perType.has(t)) perType.set(t, new Score());
      perType.get(t)!.add(p, gs);
    }
    if (verbose) printErrors(g, pred, gold);
  }
  process.stdout.write(`CoNLL04 ${split}: ${docs.length} sentences (strict micro scores)\n`);
  process.stdout.write(`${ours.line('entities (newsgraph)')}\n`);
  process.stdout.write(`${raw.line('entities (raw compromise)')}\n`);
  process.stdout.write(`${rel.line('relations (newsgraph)')}\n`);
  process.stdout.write(`${rawRel.line('relations (raw compromise)')}  — compromise finds none\n`);
  for (const [t, s] of [...perType].sort()) process.stdout.write(`${s.line(`  ${t}`)}\n`);
}

function printErrors(
  g: Gold,
  pred: ReturnType<typeof predictedSets>,
  gold: ReturnType<typeof goldSets>,
): void {
  const show = (k: string): string => {
    const parts = k.split('>').map((p) => {
      const [t, s, e] = p.split(':').slice(-3);
      return `${t}[${g.text.slice(Number(s), Number(e))}]`;
    });
    return parts.join(' > ');
  };
  const lines: string[] = [];
  for (const p of pred.entities) if (!gold.entities.has(p)) lines.push(`  FP ${show(p)}`);
  for (const p of gold.entities) if (!pred.entities.has(p)) lines.push(`  FN ${show(p)}`);
  for (const [t, set] of pred.relations)
    for (const p of set) if (!gold.relations.get(t)?.has(p)) lines.push(`  RFP ${t} ${show(p)}`);
  for (const [t, set] of gold.relations)
    for (const p of set) if (!pred.relations.get(t)?.has(p)) lines.push(`  RFN ${t} ${show(p)}`);
  if (lines.length) process.stdout.write(`${g.id}: ${g.text}\n${lines.join('\n')}\n`);
}

main();
