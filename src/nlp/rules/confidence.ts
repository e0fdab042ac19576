/**
 * Measured rule confidence: each relation rule's precision on the dev sets (NewsFacts + CoNLL04), written to
 * `confidence.json` by `npm run eval:nlp -- --write-confidence` and loaded once here. A rule the eval has
 * never seen fire keeps the confidence written in its rule.
 */
import measured from './confidence.json' with { type: 'json' };

/** One rule's measurement: facts it produced, how many were right, and the smoothed precision. */
export interface RuleMeasurement {
  fires: number;
  correct: number;
  confidence: number;
}

/** The default minimum confidence the eval chose from the dev precision/recall curve. */
export interface ChosenThreshold {
  value: number;
  /** How it was chosen ("max F1 with precision >= 0.70"). */
  rule: string;
  precision: number;
  recall: number;
}

/** The shape of `confidence.json`. */
export interface ConfidenceFile {
  note: string;
  generated: string | null;
  /** sha256 of each dev data file the measurement read. */
  data: Record<string, string>;
  /** Weight of the Beta prior centred on the rule's hand-set confidence. */
  priorWeight: number;
  rules: Record<string, RuleMeasurement>;
  minConfidence: ChosenThreshold | null;
}

const TABLE = measured as ConfidenceFile;

/** The measured confidence of relation rule `id` (as a relation's `rule` names it), else `fallback`. */
export function ruleConfidence(id: string, fallback: number): number {
  return Object.hasOwn(TABLE.rules, id) ? TABLE.rules[id]!.confidence : fallback;
}

/** The threshold the last measurement chose, if any. */
export function measuredMinConfidence(): ChosenThreshold | null {
  return TABLE.minConfidence;
}
