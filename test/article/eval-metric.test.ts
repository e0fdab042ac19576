/** The benchmark metric used by `npm run eval:articles` (eval/metric.ts). */
import { describe, expect, it } from 'vitest';
import { scorePage, summarize, toShingles, toWords } from '../../eval/metric.js';

describe('benchmark metric', () => {
  it('splits words on anything but letters, numbers and underscore, keeping case', () => {
    expect(toWords('The the, “R&D” snake_case café 3.5 naïve')).toEqual([
      'The',
      'the',
      'R',
      'D',
      'snake_case',
      'café',
      '3',
      '5',
      'naïve',
    ]);
    expect(toWords('e\u0301t\u00e9')).toEqual(['e', 'té']); // a combining accent separates words
  });

  it('makes overlapping 4-word shingles as a multiset, and one short shingle below 4 words', () => {
    expect([...toShingles('a b c d e').values()]).toEqual([1, 1]);
    expect(toShingles('a b c').size).toBe(1);
    expect(toShingles('').size).toBe(0);
    expect([...toShingles('a b c d a b c d').values()].reduce((x, y) => x + y)).toBe(5);
  });

  it('scores a page: precision, recall, exact word match', () => {
    const gold = 'one two three four five six';
    expect(scorePage(gold, gold)).toMatchObject({ precision: 1, recall: 1, exact: true });
    const half = scorePage('one two three four', gold); // 1 of 3 gold shingles
    expect(half.precision).toBe(1);
    expect(half.recall).toBeCloseTo(1 / 3);
    expect(scorePage('', gold)).toMatchObject({ precision: null, recall: 0, exact: false });
  });

  it('averages precision only over non-empty predictions and takes F1 of the means', () => {
    const gold = 'one two three four five six';
    const s = summarize([scorePage(gold, gold), scorePage('', gold)]);
    expect(s.precision).toBe(1);
    expect(s.recall).toBe(0.5);
    expect(s.f1).toBeCloseTo(2 / 3);
    expect(s.accuracy).toBe(0.5);
  });
});
