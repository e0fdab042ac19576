import { describe, expect, it } from 'vitest';
import { backoffDelay } from '../../src/queue/index.js';

describe('backoffDelay', () => {
  it('doubles with each attempt, within the jitter band', () => {
    for (const [attempt, centre] of [
      [1, 1000],
      [2, 2000],
      [3, 4000],
      [5, 16000],
    ] as const) {
      expect(backoffDelay(attempt, 1000, undefined, () => 0)).toBe(centre * 0.75);
      expect(backoffDelay(attempt, 1000, undefined, () => 1)).toBe(centre * 1.25);
    }
  });

  it('never retries sooner than Retry-After', () => {
    expect(backoffDelay(1, 1000, 30_000, () => 0.5)).toBe(30_000);
    expect(backoffDelay(4, 1000, 10, () => 0.5)).toBe(8000);
  });

  it('is capped', () => {
    expect(backoffDelay(40, 1000, undefined, () => 0.5)).toBe(10 * 60 * 1000);
  });
});
