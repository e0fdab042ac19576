/**
 * NewsFacts dev: every annotated article's HTML page through the same in-process function as
 * `newsgraph extract - --jsonl` on `{id, url, path}` lines, scored by NewsFacts' own score.mjs: headline
 * figures at the default minimum confidence, the precision/recall curve, and precision per relation rule and
 * per entity-typing rule.
 */
import { existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import { extractJsonLine } from '../../src/cli/extract.js';
import { baseRuleId, type RuleCount } from './confidence.js';
import { CURVE_THRESHOLDS, type CurvePoint } from './curve.js';
import { DATA, hashFiles, jsonFiles, readJsonl } from './data.js';
import { mapLimit, type NewsfactsScore, NewsfactsScorer, type Prediction } from './newsfacts-scorer.js';

const DIR = join(DATA, 'newsfacts');
const ARTICLES = join(DATA, 'articles');
/** Scorer processes run at once (the machine has two cores). */
const SCORER_CONCURRENCY = 2;
/** Label of mentions no entity rule typed (a nationality standing for its country in a fact). */
export const NO_RULE = '(no rule)';

export function newsfactsPresent(): boolean {
  return existsSync(join(DIR, 'score.mjs')) && existsSync(join(ARTICLES, 'gold.jsonl'));
}

/** A relation rule on NewsFacts: relations it emitted, distinct facts (as the scorer counts them), right ones. */
export interface RuleFacts extends RuleCount {
  relations: number;
}

/** Mentions an entity rule typed, and how many stand for a gold entity of that type. */
export interface RuleMentions {
  mentions: number;
  correct: number;
}

export interface NewsfactsResult {
  articles: number;
  sha256: string;
  /** Extracted at the default minimum confidence: what `newsgraph extract` emits. */
  headline: NewsfactsScore;
  /** Extracted with every fact kept. */
  all: NewsfactsScore;
  curve: CurvePoint[];
  /** Per relation rule as relations name it (`x+chain` apart from `x`). */
  relationRules: Map<string, RuleFacts>;
  /** Per rule as confidence.json keys it (`x+chain` counted with `x`). */
  baseRules: Map<string, RuleCount>;
  entityRules: Map<string, RuleMentions>;
  seconds: number;
}

function devFiles(): { gold: string[]; pages: Array<{ id: string; url: string; path: string }> } {
  const gold = jsonFiles(join(DIR, 'dev'));
  const ids = new Set(gold.map((f) => basename(f, '.json')));
  const pages = readJsonl<{ id: string; url: string }>(join(ARTICLES, 'gold.jsonl'))
    .filter((a) => ids.has(a.id))
    .map((a) => ({ id: a.id, url: a.url, path: join(ARTICLES, 'html', `${a.id}.html`) }));
  return { gold, pages };
}

function extractAll(
  pages: ReadonlyArray<{ id: string; url: string; path: string }>,
  min?: number,
): Prediction[] {
  return pages.map((page) => {
    const out = extractJsonLine(JSON.stringify(page), min);
    return 'error' in out
      ? { id: page.id, entities: [], relations: [] }
      : { id: page.id, entities: out.entities, relations: out.relations };
  });
}

const onlyRelations = (preds: readonly Prediction[], keep: (rule: string) => boolean): Prediction[] =>
  preds.map((p) => ({ ...p, relations: p.relations.filter((r) => keep(r.rule)) }));

async function perRelationRule(
  scorer: NewsfactsScorer,
  preds: readonly Prediction[],
): Promise<{ full: Map<string, RuleFacts>; base: Map<string, RuleCount> }> {
  const relations = new Map<string, number>();
  for (const p of preds) for (const r of p.relations) relations.set(r.rule, (relations.get(r.rule) ?? 0) + 1);
  const full = [...relations.keys()].sort();
  const derivedBases = [...new Set(full.filter((id) => baseRuleId(id) !== id).map(baseRuleId))];
  const jobs = [
    ...full.map((id) => ({ kind: 'full' as const, id, keep: (rule: string) => rule === id })),
    ...derivedBases.map((id) => ({
      kind: 'base' as const,
      id,
      keep: (rule: string) => baseRuleId(rule) === id,
    })),
  ];
  const scored = await mapLimit(jobs, SCORER_CONCURRENCY, async (job) => {
    const { score } = await scorer.score(onlyRelations(preds, job.keep));
    return { job, facts: score.facts };
  });
  const fullOut = new Map<string, RuleFacts>();
  const base = new Map<string, RuleCount>();
  for (const { job, facts } of scored) {
    const count = { fires: facts.pred, correct: facts.tp };
    if (job.kind === 'full') {
      fullOut.set(job.id, { ...count, relations: relations.get(job.id) ?? 0 });
      if (baseRuleId(job.id) === job.id && !derivedBases.includes(job.id)) base.set(job.id, count);
    } else base.set(job.id, count);
  }
  return { full: fullOut, base };
}

/**
 * Each typed mention as an entity of its own (its text the only name), scored in one run: the scorer's
 * entity errors name exactly the (article, text, type) that stand for no gold entity of that type.
 */
async function perEntityRule(
  scorer: NewsfactsScorer,
  preds: readonly Prediction[],
): Promise<Map<string, RuleMentions>> {
  const single: Prediction[] = preds.map((p) => ({
    id: p.id,
    relations: [],
    entities: p.entities.flatMap((e) =>
      e.mentions.map((m, i) => ({ ...e, id: `${e.id}:${i}`, name: m.text, aliases: [], mentions: [m] })),
    ),
  }));
  const { errors } = await scorer.score(single, 0, true);
  const key = (id: string, name: string, type: string): string => `${id}\u0001${name}\u0001${type}`;
  const wrong = new Set(
    errors
      .filter((e) => e.kind === 'entity-spurious' || e.kind === 'entity-type')
      .map((e) => key(e.id, e.name ?? '', e.type ?? '')),
  );
  const out = new Map<string, RuleMentions>();
  for (const p of preds)
    for (const e of p.entities) {
      if (!['Person', 'Organization', 'Place'].includes(e.type)) continue; // the scorer's entity types
      for (const m of e.mentions) {
        const rule = m.rule ?? NO_RULE;
        const had = out.get(rule) ?? { mentions: 0, correct: 0 };
        had.mentions++;
        if (!wrong.has(key(p.id, m.text, e.type))) had.correct++;
        out.set(rule, had);
      }
    }
  return out;
}

/** Run NewsFacts dev end to end. */
export async function evaluateNewsfacts(): Promise<NewsfactsResult> {
  const started = performance.now();
  const { gold, pages } = devFiles();
  const sha256 = hashFiles([...gold, ...pages.map((p) => p.path)]);
  const shipped = extractAll(pages);
  const all = extractAll(pages, 0);
  const scorer = new NewsfactsScorer(join(DIR, 'score.mjs'), join(DIR, 'dev'));
  try {
    const headline = (await scorer.score(shipped)).score;
    const thresholds = [0, ...CURVE_THRESHOLDS];
    const points = await mapLimit(thresholds, SCORER_CONCURRENCY, (t) => scorer.score(all, t));
    const curve = points.map(({ score }, i) => ({
      threshold: thresholds[i]!,
      p: score.facts.p,
      r: score.facts.r,
      f1: score.facts.f1,
      pred: score.facts.pred,
    }));
    const rules = await perRelationRule(scorer, all);
    const entityRules = await perEntityRule(scorer, shipped);
    return {
      articles: gold.length,
      sha256,
      headline,
      all: points[0]!.score,
      curve,
      relationRules: rules.full,
      baseRules: rules.base,
      entityRules,
      seconds: (performance.now() - started) / 1000,
    };
  } finally {
    scorer.close();
  }
}
