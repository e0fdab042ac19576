/**
 * The precision/recall curve of facts against a minimum confidence, and the choice of the default threshold.
 * Pure: the points come from the scorer.
 */

/** Thresholds of the curve: 0.30, 0.35, … 0.95. */
export const CURVE_THRESHOLDS: readonly number[] = Array.from({ length: 14 }, (_, i) =>
  Number((0.3 + i * 0.05).toFixed(2)),
);

/** Precision a default threshold should reach when some threshold can (issue 10's target for facts). */
export const TARGET_PRECISION = 0.7;

/**
 * Facts a threshold must keep for its precision to count as reaching the target: on 70 articles a handful of
 * facts scoring 1.0 is luck, and choosing it would silence nearly every fact.
 */
export const MIN_FACTS_FOR_TARGET = 30;

/** Fact scores at one minimum confidence. */
export interface CurvePoint {
  threshold: number;
  p: number;
  r: number;
  f1: number;
  /** Facts predicted at this threshold. */
  pred: number;
}

/** The chosen threshold, the point it scores and the rule that chose it (printed by the eval). */
export interface ThresholdChoice {
  point: CurvePoint;
  rule: string;
}

/**
 * The threshold with the best F1 among the points with precision >= `target` on at least `minFacts` facts;
 * when none reaches it, the best F1 overall. Ties go to the lower threshold (it keeps more facts).
 */
export function chooseThreshold(
  points: readonly CurvePoint[],
  target = TARGET_PRECISION,
  minFacts = MIN_FACTS_FOR_TARGET,
): ThresholdChoice {
  if (points.length === 0) throw new Error('chooseThreshold: no curve points');
  const best = (xs: readonly CurvePoint[]): CurvePoint =>
    xs.reduce((a, b) => (b.f1 > a.f1 || (b.f1 === a.f1 && b.threshold < a.threshold) ? b : a));
  const reaching = points.filter((x) => x.p >= target && x.pred >= minFacts);
  return reaching.length > 0
    ? {
        point: best(reaching),
        rule: `max fact F1 among thresholds with precision >= ${target.toFixed(2)} on >= ${minFacts} facts`,
      }
    : {
        point: best(points),
        rule: `max fact F1 (no threshold reaches precision ${target.toFixed(2)} on >= ${minFacts} facts)`,
      };
}
