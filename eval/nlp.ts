/**
 * `npm run eval:nlp`: the NLP on the three dev sets in ../shared/data (never shipped), in one run.
 * - NewsFacts: the HTML pages through the `extract --jsonl` path, scored by its own score.mjs (entities, facts
 *   strict and relaxed, per type) at the default minimum confidence; the precision/recall curve of facts
 *   against a minimum confidence and the threshold it chooses.
 * - CoNLL04: strict span scores (as before), next to raw compromise.
 * - Re-DocRED: its own score.mjs (relations, aliases), subsampled when slow.
 * - Per relation rule (NewsFacts + CoNLL04, every fact kept) and per entity-typing rule: firings and precision.
 * Flags: `--gate` (exit 1 when a figure is below its floor in fixtures/baseline.json), `--update` (re-pin the
 * floors: up only, `--allow-regression` to lower), `--write-confidence` (write src/nlp/rules/confidence.json:
 * measured rule confidences, then the threshold chosen on their curve, unless `--keep-threshold`),
 * `--rules-out FILE` (the per-rule tables to a file). `EVAL_VERBOSE=1` lists CoNLL04's errors; a `train` argument
 * scores CoNLL04 train instead of dev.
 * Prints a note and exits 0 when the data folder is absent.
 */
import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs, promisify } from 'node:util';
import { DEFAULT_MIN_CONFIDENCE, RELATION_RULES } from '../src/nlp/index.js';
import { type ConfidenceFile, ruleConfidence } from '../src/nlp/rules/confidence.js';
import {
  addCounts,
  baseRuleId,
  buildConfidenceFile,
  type RuleCount,
  sourceRuleId,
} from './nlp/confidence.js';
import { type Conll04Result, conll04Present, evaluateConll04, type Score } from './nlp/conll04.js';
import { chooseThreshold, TARGET_PRECISION, type ThresholdChoice } from './nlp/curve.js';
import { DATA, ROOT } from './nlp/data.js';
import { gateFailures, type MeasuredSet, type NlpBaseline, repin } from './nlp/gate.js';
import { evaluateNewsfacts, type NewsfactsResult, newsfactsPresent } from './nlp/newsfacts.js';
import type { Prf } from './nlp/newsfacts-scorer.js';
import { evaluateRedocred, type RedocredResult, redocredPresent } from './nlp/redocred.js';
import { fmt, ruleTable, worstRules } from './nlp/report.js';

const BASELINE = join(ROOT, 'fixtures', 'baseline.json');
const CONFIDENCE = join(ROOT, 'src', 'nlp', 'rules', 'confidence.json');
/** A rule needs this many firings before the worst-rules list names it. */
const WORST_MIN_FIRES = 3;
const NOTE =
  'Floors for `npm run eval:nlp -- --gate` on ../shared/data dev sets, pinned by `--update` a margin below the measured figures (NewsFacts at the default minimum confidence). Lower them only on purpose (`--allow-regression`), in their own commit.';

const { values: flags, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    gate: { type: 'boolean', default: false },
    update: { type: 'boolean', default: false },
    'allow-regression': { type: 'boolean', default: false },
    'write-confidence': { type: 'boolean', default: false },
    'write-threshold': { type: 'boolean', default: false },
    'keep-threshold': { type: 'boolean', default: false },
    'rules-out': { type: 'string' },
  },
});

/** `npm run eval:nlp train` scores CoNLL04's train split instead of dev (the gate and confidence need dev). */
const CONLL_SPLIT = positionals[0] ?? 'dev';
if (!['dev', 'train'].includes(CONLL_SPLIT))
  throw new Error(`eval:nlp: unknown CoNLL04 split ${CONLL_SPLIT} (dev|train)`);

const out = (line = ''): void => {
  process.stdout.write(`${line}\n`);
};
const prf = (x: Prf): string =>
  `P ${fmt(x.p)}  R ${fmt(x.r)}  F1 ${fmt(x.f1)}  (tp ${x.tp}, pred ${x.pred}, gold ${x.gold})`;
const micro = (s: Score): string =>
  `P ${fmt(s.p)}  R ${fmt(s.r)}  F1 ${fmt(s.f1)}  (tp ${s.tp}, fp ${s.fp}, fn ${s.fn})`;

/** The hand-set confidence of a rule as relations name it (derived forms included). */
function handConfidence(id: string): number | undefined {
  const source = sourceRuleId(id);
  return RELATION_RULES.find((r) => r.id === source)?.confidence;
}

function printNewsfacts(nf: NewsfactsResult, choice: ThresholdChoice): void {
  const h = nf.headline;
  out(
    `NewsFacts dev: ${nf.articles} articles, HTML pages through the extract path, scored by newsfacts/score.mjs (${nf.seconds.toFixed(1)} s)`,
  );
  out(`  at the default minimum confidence ${DEFAULT_MIN_CONFIDENCE} (what extract emits):`);
  out(`    entities        ${prf(h.entities)}`);
  out(`    facts           ${prf(h.facts)}`);
  out(`    facts (relaxed) ${prf(h.factsRelaxed)}`);
  out(`    facts/article   predicted ${h.factsPerArticle.predicted}, gold ${h.factsPerArticle.gold}`);
  for (const [t, s] of Object.entries(h.byType).sort()) out(`      ${t.padEnd(14)}${prf(s)}`);
  out(`  every fact kept (minimum confidence 0):`);
  out(`    facts           ${prf(nf.all.facts)}`);
  out(`    facts (relaxed) ${prf(nf.all.factsRelaxed)}`);
  out('  facts against a minimum confidence (extracted at 0, scorer --min-confidence):');
  out('    min    P      R      F1     facts');
  for (const c of nf.curve)
    out(
      `    ${c.threshold.toFixed(2)}  ${fmt(c.p)}  ${fmt(c.r)}  ${fmt(c.f1)}  ${c.pred}${c.threshold === choice.point.threshold ? '  <- chosen' : ''}`,
    );
  out(
    `  chosen default ${choice.point.threshold.toFixed(2)}: ${choice.rule} (P ${fmt(choice.point.p)}, R ${fmt(choice.point.r)})`,
  );
  if (choice.point.threshold !== DEFAULT_MIN_CONFIDENCE)
    out(
      `  note: DEFAULT_MIN_CONFIDENCE is ${DEFAULT_MIN_CONFIDENCE}; \`npm run eval:nlp -- --write-confidence\` re-measures and stores the choice`,
    );
}

function printConll(c: Conll04Result): void {
  out(
    `CoNLL04 ${c.split}: ${c.sentences} sentences, {id, text} through the extract path (micro scores, spans as corpus tokens)`,
  );
  out(`  entities (newsgraph)          ${micro(c.entities)}`);
  out(`  entities (raw compromise)     ${micro(c.raw)}`);
  out(`  relations (default min ${DEFAULT_MIN_CONFIDENCE})   ${micro(c.relations)}`);
  out(`  relations (every fact kept)   ${micro(c.relationsAll)}`);
  for (const [t, s] of [...c.perType].sort()) out(`    ${t.padEnd(26)}  ${micro(s)}`);
  for (const line of c.errors) out(line);
}

function printRedocred(r: RedocredResult): void {
  const s = r.score;
  const sample =
    r.every > 1
      ? `every ${r.every}th document (${r.scored} of ${r.total}): a full run would exceed ${60} s`
      : `all ${r.total} documents`;
  out(`Re-DocRED dev: ${sample}, scored by redocred/score.mjs (${r.seconds.toFixed(1)} s)`);
  out(`  relations                ${prf(s.relations)}`);
  out(`  relations w/o LOCATED_IN ${prf(s.relationsExLocatedIn)}`);
  out(
    `  macro F1 ${fmt(s.macroF1)}; alias resolution ${fmt(s.aliasResolution.rate)}, alias purity ${fmt(s.aliasPurity.rate)}, entity recall ${fmt(s.entityRecall.rate)}`,
  );
  for (const [t, x] of Object.entries(s.byType).sort()) out(`    ${t.padEnd(12)} ${prf(x)}`);
}

/** The per-rule tables and the worst rules: printed, and written to `--rules-out`. */
function ruleReport(nf: NewsfactsResult | undefined, c: Conll04Result | undefined): string {
  const relNf = new Map(
    [...(nf?.relationRules ?? [])].map(([id, x]) => [id, { fires: x.fires, correct: x.correct }]),
  );
  const relC = c?.relationRules ?? new Map<string, RuleCount>();
  const entNf = new Map(
    [...(nf?.entityRules ?? [])].map(([id, x]) => [id, { fires: x.mentions, correct: x.correct }]),
  );
  const entC = new Map(
    [...(c?.entityRules ?? [])].map(([id, x]) => [id, { fires: x.mentions, correct: x.correct }]),
  );
  const conf = (id: string): string => {
    const hand = handConfidence(id);
    return hand === undefined ? '' : `conf ${ruleConfidence(baseRuleId(id), hand).toFixed(2)} (hand ${hand})`;
  };
  const worst = (counts: Map<string, RuleCount>): string[] =>
    worstRules(counts, WORST_MIN_FIRES).map(
      (r) =>
        `  ${fmt(r.precision)}  ${String(r.count.correct).padStart(3)}/${String(r.count.fires).padEnd(4)} ${r.id}`,
    );
  const all = addCounts(relNf, relC);
  return [
    ruleTable(
      'Relation rules (every fact kept; a fact counted once per type, subject, object and article on NewsFacts, once per sentence on CoNLL04)',
      'facts',
      { name: 'NewsFacts dev', counts: relNf },
      { name: 'CoNLL04 dev', counts: relC },
      conf,
    ),
    '',
    ruleTable(
      'Entity-typing rules (mentions of Person/Organization/Place typed by the rule; right = stands for a gold entity of that type on NewsFacts, exact span + type on CoNLL04)',
      'mentions',
      { name: 'NewsFacts dev', counts: entNf },
      { name: 'CoNLL04 dev', counts: entC },
    ),
    '',
    `Worst relation rules on NewsFacts dev (>= ${WORST_MIN_FIRES} facts, lowest precision first): precision right/facts rule`,
    ...worst(relNf),
    '',
    `Worst relation rules on NewsFacts + CoNLL04 dev (>= ${WORST_MIN_FIRES} facts):`,
    ...worst(all),
    '',
    `Worst entity-typing rules on NewsFacts dev (>= ${WORST_MIN_FIRES} mentions):`,
    ...worst(entNf),
  ].join('\n');
}

function measuredSets(
  nf: NewsfactsResult | undefined,
  c: Conll04Result | undefined,
): Record<string, MeasuredSet> {
  const sets: Record<string, MeasuredSet> = {};
  if (nf)
    sets.newsfacts = {
      sha256: nf.sha256,
      figures: {
        entityF1: nf.headline.entities.f1,
        factPrecision: nf.headline.facts.p,
        factRecall: nf.headline.facts.r,
      },
    };
  if (c)
    sets.conll04 = { sha256: c.sha256, figures: { entityF1: c.entities.f1, relationF1: c.relations.f1 } };
  return sets;
}

function gateAndUpdate(sets: Record<string, MeasuredSet>): void {
  const file = JSON.parse(readFileSync(BASELINE, 'utf8')) as { nlp?: NlpBaseline };
  if (flags.update) {
    const r = repin(file.nlp, sets, { allowRegression: flags['allow-regression'], note: NOTE });
    for (const line of r.changes) out(`update: ${line}`);
    for (const line of r.refused) out(`update: REFUSED — ${line}`);
    if (r.changes.length === 0) out('update: floors unchanged');
    writeFileSync(BASELINE, `${JSON.stringify({ ...file, nlp: r.baseline }, null, 2)}\n`);
    if (r.refused.length > 0) process.exitCode = 1;
    file.nlp = r.baseline;
  }
  if (flags.gate) {
    const failures = gateFailures(file.nlp, sets);
    out(failures.length === 0 ? 'gate: pass' : `gate: FAIL — ${failures.join('; ')}`);
    if (failures.length > 0) process.exitCode = 1;
  }
}

/** Spawn this script again (new process: the JSON module is read afresh) to choose the threshold. */
async function chooseThresholdAfresh(): Promise<void> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [...process.execArgv, process.argv[1]!, '--write-threshold'],
    {
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  process.stdout.write(stdout);
}

function writeConfidenceFile(file: ConfidenceFile): void {
  writeFileSync(CONFIDENCE, `${JSON.stringify(file, null, 2)}\n`);
}

async function main(): Promise<void> {
  if (!newsfactsPresent() && !conll04Present() && !redocredPresent()) {
    out(`eval:nlp: data folder not found at ${DATA} — nothing to evaluate (skipped).`);
    return;
  }
  if (flags['write-threshold']) {
    // Child of --write-confidence: the rule confidences are fresh; choose the threshold on their curve.
    const nf = await evaluateNewsfacts();
    const choice = chooseThreshold(
      nf.curve.filter((c) => c.threshold > 0),
      TARGET_PRECISION,
    );
    const current = JSON.parse(readFileSync(CONFIDENCE, 'utf8')) as ConfidenceFile;
    const { threshold, p, r } = choice.point;
    writeConfidenceFile({
      ...current,
      minConfidence: { value: threshold, rule: choice.rule, precision: p, recall: r },
    });
    out(
      `write-confidence: default minimum confidence ${threshold} (${choice.rule}; P ${fmt(p)}, R ${fmt(r)})`,
    );
    return;
  }
  const nf = newsfactsPresent() ? await evaluateNewsfacts() : undefined;
  const choice = nf
    ? chooseThreshold(
        nf.curve.filter((c) => c.threshold > 0),
        TARGET_PRECISION,
      )
    : undefined;
  if (nf && choice) printNewsfacts(nf, choice);
  else out('NewsFacts: data absent (skipped)');
  out();
  const conll = conll04Present(CONLL_SPLIT)
    ? evaluateConll04(CONLL_SPLIT, process.env.EVAL_VERBOSE === '1')
    : undefined;
  if (conll) printConll(conll);
  else out('CoNLL04: data absent (skipped)');
  out();
  const redocred = redocredPresent() ? await evaluateRedocred() : undefined;
  if (redocred) printRedocred(redocred);
  else out('Re-DocRED: data absent (skipped)');
  out();
  const rules = ruleReport(nf, conll);
  out(rules);
  out();
  if (flags['rules-out']) writeFileSync(flags['rules-out'], `${rules}\n`);
  if (flags['write-confidence']) {
    if (!nf || !conll || conll.split !== 'dev')
      throw new Error('--write-confidence needs NewsFacts and CoNLL04 dev data (not train)');
    const counts = addCounts(nf.baseRules, conll.baseRules);
    const data: Record<string, string> = { newsfacts: nf.sha256, conll04: conll.sha256 };
    const kept = flags['keep-threshold']
      ? (JSON.parse(readFileSync(CONFIDENCE, 'utf8')) as ConfidenceFile).minConfidence
      : null;
    writeConfidenceFile(buildConfidenceFile(counts, handConfidence, data, kept, new Date().toISOString()));
    out(`write-confidence: ${counts.size} rules measured into ${CONFIDENCE}`);
    if (flags['keep-threshold'])
      out(`write-confidence: default minimum confidence kept at ${kept?.value ?? 0}`);
    else await chooseThresholdAfresh();
    out('write-confidence: run `npm run eval:nlp` again for the figures under the new confidences');
  }
  if ((flags.gate || flags.update) && CONLL_SPLIT !== 'dev')
    throw new Error('--gate and --update use the dev split');
  if (flags.gate || flags.update) gateAndUpdate(measuredSets(nf, conll));
}

await main();
