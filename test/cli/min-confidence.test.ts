/** `--min-confidence` on extract, explain, ingest and worker (src/cli/min-confidence.ts), in process. */
import { describe, expect, it } from 'vitest';
import { extractJsonLine } from '../../src/cli/extract.js';
import { buildProgram } from '../../src/cli/main.js';
import { parseMinConfidence } from '../../src/cli/min-confidence.js';

describe('--min-confidence', () => {
  it.each([
    ['0', 0],
    ['0.5', 0.5],
    ['1', 1],
  ])('accepts %s', (value, n) => {
    expect(parseMinConfidence(value)).toBe(n);
  });

  it.each(['', ' ', '-0.1', '1.5', 'high', 'NaN'])('refuses %j as a usage error', (value) => {
    expect(() => parseMinConfidence(value)).toThrow(/--min-confidence must be a number from 0 to 1/);
    try {
      parseMinConfidence(value);
    } catch (err) {
      expect((err as { exitCode: number }).exitCode).toBe(2);
    }
  });

  it.each(['extract', 'explain', 'ingest', 'worker'])('is an option of %s', async (name) => {
    const program = await buildProgram([name]);
    const cmd = program.commands.find((c) => c.name() === name)!;
    expect(cmd.options.map((o) => o.long)).toContain('--min-confidence');
  });

  it('decides which facts an --jsonl line emits', () => {
    const line = JSON.stringify({ id: 1, text: 'Kalibr Director Alexey Rodos spoke.\n\nHe said more.' });
    const all = extractJsonLine(line, 0);
    const none = extractJsonLine(line, 1.01);
    if ('error' in all || 'error' in none) throw new Error('extract failed');
    expect(all.relations.length).toBeGreaterThan(0);
    expect(none.relations).toEqual([]);
    expect(none.entities).toEqual(all.entities);
  });
});
