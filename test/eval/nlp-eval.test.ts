/** The pure parts of `npm run eval:nlp` (eval/nlp/*): threshold choice, confidence smoothing, floors, ranking. */
import { describe, expect, it } from 'vitest';
import {
  addCounts,
  baseRuleId,
  buildConfidenceFile,
  PRIOR_WEIGHT,
  smoothedPrecision,
  sourceRuleId,
  UNKNOWN_PRIOR,
} from '../../eval/nlp/confidence.js';
import { snapToTokens } from '../../eval/nlp/conll04.js';
import { CURVE_THRESHOLDS, type CurvePoint, chooseThreshold } from '../../eval/nlp/curve.js';
import { floorFor, gateFailures, type MeasuredSet, type NlpBaseline, repin } from '../../eval/nlp/gate.js';
import { worstRules } from '../../eval/nlp/report.js';

const pt = (threshold: number, p: number, r: number, pred = 100): CurvePoint => ({
  threshold,
  p,
  r,
  f1: p + r > 0 ? (2 * p * r) / (p + r) : 0,
  pred,
});

describe('curve thresholds and the default threshold', () => {
  it('runs 0.30 … 0.95 in steps of 0.05', () => {
    expect(CURVE_THRESHOLDS).toHaveLength(14);
    expect(CURVE_THRESHOLDS[0]).toBe(0.3);
    expect(CURVE_THRESHOLDS.at(-1)).toBe(0.95);
    expect(CURVE_THRESHOLDS).toContain(0.65);
  });

  it('takes the best F1 among the thresholds reaching the target precision', () => {
    const c = chooseThreshold([pt(0.3, 0.5, 0.4), pt(0.5, 0.72, 0.2), pt(0.7, 0.9, 0.1)], 0.7, 10);
    expect(c.point.threshold).toBe(0.5);
    expect(c.rule).toMatch(/precision >= 0\.70/);
  });

  it('takes the best F1 overall when no threshold reaches the target', () => {
    const c = chooseThreshold([pt(0.3, 0.5, 0.4), pt(0.5, 0.6, 0.2), pt(0.7, 0.65, 0.1)], 0.7, 10);
    expect(c.point.threshold).toBe(0.3);
    expect(c.rule).toMatch(/no threshold reaches/);
  });

  it('does not count a precision measured on too few facts as reaching the target', () => {
    const c = chooseThreshold([pt(0.3, 0.5, 0.4), pt(0.9, 1, 0.01, 3)], 0.7, 30);
    expect(c.point.threshold).toBe(0.3);
  });

  it('breaks an F1 tie towards the lower threshold', () => {
    expect(chooseThreshold([pt(0.6, 0.8, 0.2), pt(0.4, 0.8, 0.2)], 0.7, 10).point.threshold).toBe(0.4);
  });

  it('refuses an empty curve', () => {
    expect(() => chooseThreshold([])).toThrow(/no curve points/);
  });
});

describe('measured confidence', () => {
  it('smooths towards the hand value with a Beta prior of small weight', () => {
    expect(smoothedPrecision({ fires: 0, correct: 0 }, 0.8)).toBeCloseTo(0.8);
    expect(smoothedPrecision({ fires: 1, correct: 0 }, 0.8)).toBeCloseTo(
      (0 + PRIOR_WEIGHT * 0.8) / (1 + PRIOR_WEIGHT),
    );
    expect(smoothedPrecision({ fires: 1000, correct: 250 }, 0.8)).toBeCloseTo(0.25, 2);
    expect(smoothedPrecision({ fires: 3, correct: 3 }, 0.5)).toBeLessThan(1);
  });

  it('names the rule a derived relation came from', () => {
    expect(baseRuleId('org-in-place+chain')).toBe('org-in-place');
    expect(baseRuleId('killed')).toBe('killed');
    expect(baseRuleId('org-in-place+coordination')).toBe('org-in-place');
  });

  it('measures facts resting on a pronoun or "the company" apart from their rule', () => {
    expect(baseRuleId('name-works-for+pronoun')).toBe('name-works-for+pronoun');
    expect(baseRuleId('org-in-place+anaphor+chain')).toBe('org-in-place+anaphor');
    expect(sourceRuleId('org-in-place+anaphor+chain')).toBe('org-in-place');
  });

  it('adds counts of the same rule from several data sets', () => {
    const a = new Map([['r1', { fires: 3, correct: 1 }]]);
    const b = new Map([
      ['r1', { fires: 2, correct: 2 }],
      ['r2', { fires: 1, correct: 0 }],
    ]);
    expect(addCounts(a, b)).toEqual(
      new Map([
        ['r1', { fires: 5, correct: 3 }],
        ['r2', { fires: 1, correct: 0 }],
      ]),
    );
  });

  it('writes every rule that fired, sorted, with its hand prior or the neutral one', () => {
    const counts = new Map([
      ['zeta', { fires: 4, correct: 4 }],
      ['alpha', { fires: 2, correct: 0 }],
      ['never', { fires: 0, correct: 0 }],
    ]);
    const file = buildConfidenceFile(
      counts,
      (id) => (id === 'alpha' ? 0.9 : undefined),
      { x: 'h' },
      null,
      'now',
    );
    expect(Object.keys(file.rules)).toEqual(['alpha', 'zeta']);
    expect(file.rules.alpha!.confidence).toBeCloseTo((0 + PRIOR_WEIGHT * 0.9) / (2 + PRIOR_WEIGHT), 3);
    expect(file.rules.zeta!.confidence).toBeCloseTo(
      (4 + PRIOR_WEIGHT * UNKNOWN_PRIOR) / (4 + PRIOR_WEIGHT),
      3,
    );
    expect(file.data).toEqual({ x: 'h' });
    expect(file.priorWeight).toBe(PRIOR_WEIGHT);
  });
});

const baseline: NlpBaseline = {
  note: 'n',
  margin: 0.01,
  sets: {
    news: { sha256: 'h1', floors: { f1: 0.6, p: 0.3 } },
    conll: { sha256: 'h2', floors: { f1: 0.7 } },
  },
};
const measured = (
  news: Record<string, number>,
  conll: Record<string, number>,
  h1 = 'h1',
): Record<string, MeasuredSet> => ({
  news: { sha256: h1, figures: news },
  conll: { sha256: 'h2', figures: conll },
});

describe('gate', () => {
  it('passes at or above every floor', () => {
    expect(gateFailures(baseline, measured({ f1: 0.6, p: 0.5 }, { f1: 0.71 }))).toEqual([]);
  });

  it('names each figure below its floor', () => {
    const f = gateFailures(baseline, measured({ f1: 0.59, p: 0.5 }, { f1: 0.5 }));
    expect(f).toEqual(['news f1 0.590 < floor 0.6', 'conll f1 0.500 < floor 0.7']);
  });

  it('fails when the data changed since pinning, or a set or figure was not measured', () => {
    expect(gateFailures(baseline, measured({ f1: 0.9, p: 0.9 }, { f1: 0.9 }, 'other'))[0]).toMatch(
      /news: data changed/,
    );
    expect(gateFailures(baseline, { conll: { sha256: 'h2', figures: { f1: 0.9 } } })).toEqual([
      'news: not measured',
    ]);
    expect(gateFailures(baseline, measured({ f1: 0.9 }, { f1: 0.9 }))).toEqual(['news p: not measured']);
  });

  it('fails without floors', () => {
    expect(gateFailures(undefined, {})[0]).toMatch(/--update/);
  });

  it('pins a floor a margin below, rounded down', () => {
    expect(floorFor(0.6364, 0.01)).toBe(0.626);
    expect(floorFor(0.5, 0.01)).toBe(0.49);
    expect(floorFor(0.005, 0.01)).toBe(0);
  });
});

describe('re-pinning (--update)', () => {
  const opts = { allowRegression: false, note: 'n' };

  it('raises floors and keeps those the new figure does not clear by the margin', () => {
    const r = repin(baseline, measured({ f1: 0.7, p: 0.305 }, { f1: 0.7 }), opts);
    expect(r.baseline.sets.news!.floors).toEqual({ f1: 0.69, p: 0.3 });
    expect(r.baseline.sets.conll!.floors).toEqual({ f1: 0.7 });
    expect(r.changes).toEqual(['news f1: 0.6 -> 0.69']);
    expect(r.refused).toEqual([]);
  });

  it('refuses to lower a floor without --allow-regression, and lowers it with', () => {
    const low = measured({ f1: 0.5, p: 0.3 }, { f1: 0.7 });
    const refused = repin(baseline, low, opts);
    expect(refused.baseline.sets.news!.floors.f1).toBe(0.6);
    expect(refused.refused[0]).toMatch(/news f1 0\.500 is below its floor 0\.6/);
    const allowed = repin(baseline, low, { ...opts, allowRegression: true });
    expect(allowed.baseline.sets.news!.floors.f1).toBe(0.49);
    expect(allowed.refused).toEqual([]);
  });

  it('pins afresh on changed data and pins new sets', () => {
    const r = repin(baseline, measured({ f1: 0.4, p: 0.2 }, { f1: 0.7 }, 'new'), opts);
    expect(r.baseline.sets.news).toEqual({ sha256: 'new', floors: { f1: 0.39, p: 0.19 } });
    expect(r.changes[0]).toMatch(/data changed/);
    const first = repin(undefined, measured({ f1: 0.4, p: 0.2 }, { f1: 0.7 }), opts);
    expect(first.baseline.margin).toBe(0.01);
    expect(first.baseline.sets.conll!.floors.f1).toBe(0.69);
  });
});

describe('worst rules', () => {
  it('ranks rules with enough firings by precision, then firings', () => {
    const counts = new Map([
      ['good', { fires: 10, correct: 9 }],
      ['bad', { fires: 4, correct: 0 }],
      ['rare', { fires: 2, correct: 0 }],
      ['bad-often', { fires: 8, correct: 0 }],
    ]);
    expect(worstRules(counts, 3).map((r) => r.id)).toEqual(['bad-often', 'bad', 'good']);
  });
});

describe('CoNLL04 spans compared as the corpus tokens they cover', () => {
  const text = 'He met Officer K.L. Ostrow. in Marlowton , Ohio .';
  it('widens a span that stops inside a token to the whole token', () => {
    const start = text.indexOf('Ostrow');
    expect(snapToTokens(text, start, start + 'Ostrow'.length)).toEqual([start, start + 'Ostrow.'.length]);
  });
  it('leaves a span on token edges as it is', () => {
    const start = text.indexOf('Marlowton');
    expect(snapToTokens(text, start, start + 9)).toEqual([start, start + 9]);
    expect(snapToTokens(text, 0, 2)).toEqual([0, 2]);
  });
});
