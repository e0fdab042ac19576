/** One threshold (src/nlp/min-confidence.ts) and measured rule confidence (src/nlp/rules/confidence.ts). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Document, Relation } from '../../src/core/index.js';
import { analyze, DEFAULT_MIN_CONFIDENCE, keepConfident, RELATION_RULES } from '../../src/nlp/index.js';
import { type ConfidenceFile, ruleConfidence } from '../../src/nlp/rules/confidence.js';

const TABLE = JSON.parse(
  readFileSync(join(import.meta.dirname, '..', '..', 'src', 'nlp', 'rules', 'confidence.json'), 'utf8'),
) as ConfidenceFile;

const fact = (rule: string, confidence: number): Relation => ({
  type: 'WORKS_FOR',
  subject: 'a',
  object: 'b',
  confidence,
  rule,
  evidence: { text: 'x', start: 0, end: 1, subject: { start: 0, end: 1 }, object: { start: 0, end: 1 } },
});
const doc: Document = {
  entities: [{ id: 'a', key: 'k', type: 'Person', name: 'A', aliases: [], mentions: [] }],
  relations: [fact('low', 0.29), fact('edge', 0.5), fact('high', 0.9)],
};

describe('keepConfident', () => {
  it.each([
    [0, ['low', 'edge', 'high']],
    [0.3, ['edge', 'high']],
    [0.5, ['edge', 'high']], // at the threshold is kept
    [0.51, ['high']],
    [0.95, []],
  ])('at %s keeps %j', (min, kept) => {
    expect(keepConfident(doc, min).relations.map((r) => r.rule)).toEqual(kept);
  });

  it('keeps the entities and leaves its input alone', () => {
    const out = keepConfident(doc, 0.95);
    expect(out.entities).toBe(doc.entities);
    expect(doc.relations).toHaveLength(3);
  });

  it('defaults to DEFAULT_MIN_CONFIDENCE, a number from 0 to 1 (the measured one when there is one)', () => {
    expect(DEFAULT_MIN_CONFIDENCE).toBeGreaterThanOrEqual(0);
    expect(DEFAULT_MIN_CONFIDENCE).toBeLessThanOrEqual(1);
    expect(DEFAULT_MIN_CONFIDENCE).toBe(TABLE.minConfidence?.value ?? 0);
    const expected = doc.relations.filter((r) => r.confidence >= DEFAULT_MIN_CONFIDENCE);
    expect(keepConfident(doc).relations).toEqual(expected);
  });

  it('is what analyze() applies: its facts are those of minConfidence 0 at or above the default', () => {
    const text = 'Kalibr Director Alexey Rodos spoke. Jane Smith, a native of Ohio, came.';
    const all = analyze(text, { minConfidence: 0 });
    expect(all.relations.length).toBeGreaterThan(0);
    expect(analyze(text).relations).toEqual(
      all.relations.filter((r) => r.confidence >= DEFAULT_MIN_CONFIDENCE),
    );
    expect(analyze(text, { minConfidence: 1.01 }).relations).toEqual([]);
  });
});

describe('ruleConfidence', () => {
  it('returns the measured confidence of every rule in confidence.json', () => {
    for (const [id, m] of Object.entries(TABLE.rules)) expect(ruleConfidence(id, -1)).toBe(m.confidence);
  });

  it('falls back to the given value for a rule never measured', () => {
    expect(ruleConfidence('no-such-rule', 0.42)).toBe(0.42);
    expect(ruleConfidence('toString', 0.42)).toBe(0.42); // not an inherited property
  });

  it('is the confidence a relation carries', () => {
    const [r] = analyze('Kalibr Director Alexey Rodos spoke.', { minConfidence: 0 }).relations;
    const hand = RELATION_RULES.find((x) => x.id === r!.rule)!.confidence;
    expect(r!.confidence).toBe(Number(ruleConfidence(r!.rule, hand).toFixed(2)));
  });

  it('stores smoothed precisions between 0 and 1, with counts that add up', () => {
    for (const m of Object.values(TABLE.rules)) {
      expect(m.correct).toBeLessThanOrEqual(m.fires);
      expect(m.confidence).toBeGreaterThan(0);
      expect(m.confidence).toBeLessThan(1);
    }
  });
});
