/**
 * Re-DocRED dev: each document's `{id, text}` through the `extract --jsonl` path at the default minimum
 * confidence, scored by Re-DocRED's own score.mjs (imported: it exports `score`). Documents are subsampled
 * (every k-th, deterministic) only when a full run would take longer than the budget.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { extractJsonLine } from '../../src/cli/extract.js';
import { DATA, hashFiles, readJsonl } from './data.js';

const DIR = join(DATA, 'redocred');
/** Time a full dev run may take before the rest is subsampled. */
export const REDOCRED_BUDGET_SECONDS = 60;
/** Documents timed before deciding whether to subsample. */
const PROBE_DOCS = 40;

interface Prf {
  p: number;
  r: number;
  f1: number;
  tp: number;
  pred: number;
  gold: number;
}

/** The parts of score.mjs's output the eval prints. */
export interface RedocredScore {
  documents: number;
  relations: Prf;
  relationsExLocatedIn: Prf;
  macroF1: number;
  byType: Record<string, Prf>;
  aliasResolution: { rate: number };
  aliasPurity: { rate: number };
  entityRecall: { rate: number };
  ignoredRelations: number;
}

export interface RedocredResult {
  score: RedocredScore;
  sha256: string;
  /** Documents scored of the dev file's total; `every` > 1 means every k-th document only. */
  scored: number;
  total: number;
  every: number;
  seconds: number;
}

export function redocredPresent(): boolean {
  return existsSync(join(DIR, 'dev.jsonl')) && existsSync(join(DIR, 'score.mjs'));
}

interface GoldDoc {
  id: string;
  text: string;
}

const predict = (g: GoldDoc): unknown => {
  const out = extractJsonLine(JSON.stringify({ id: g.id, text: g.text }));
  return 'error' in out ? { id: g.id, entities: [], relations: [] } : out;
};

export async function evaluateRedocred(): Promise<RedocredResult> {
  const file = join(DIR, 'dev.jsonl');
  const { score } = (await import(pathToFileURL(join(DIR, 'score.mjs')).href)) as {
    score: (gold: GoldDoc[], preds: unknown[]) => RedocredScore;
  };
  const gold = readJsonl<GoldDoc>(file);
  const started = performance.now();
  const probe = gold.slice(0, PROBE_DOCS).map(predict);
  const perDoc = (performance.now() - started) / 1000 / Math.max(1, probe.length);
  const every = Math.max(1, Math.ceil((perDoc * gold.length) / REDOCRED_BUDGET_SECONDS));
  const chosen = gold.filter((_, i) => i % every === 0);
  const preds = chosen.map((g, i) => (every === 1 && i < probe.length ? probe[i] : predict(g)));
  return {
    score: score(chosen, preds),
    sha256: hashFiles([file]),
    scored: chosen.length,
    total: gold.length,
    every,
    seconds: (performance.now() - started) / 1000,
  };
}
