/**
 * Values through the real CLI (`node bin/newsgraph.js`, tsx loader): `extract --jsonl` prints them with
 * their normalised value and rule, `explain` lists them after the facts.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'newsgraph.js');

function run(args: string[], stdin = ''): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => {
      stdout += d;
    });
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

const TEXT = 'Kalibr said on Monday it had raised €30m. The deal closed on Nov. 19, 2019.';

/** Each run starts node + the tsx loader: seconds on a busy CI machine. */
describe('values in the CLI', { timeout: 120_000 }, () => {
  it("extract --jsonl anchors relative dates on a line's publishedAt", async () => {
    const lines = [
      JSON.stringify({ id: 'a', text: TEXT, publishedAt: '2019-11-20T10:00:00Z' }),
      JSON.stringify({ id: 'b', text: TEXT }),
    ].join('\n');
    const r = await run(['extract', '-', '--jsonl'], `${lines}\n`);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const [a, b] = r.stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(a.values).toEqual([
      { type: 'Date', start: 15, end: 21, text: 'Monday', iso: '2019-11-18', rule: 'date-relative' },
      {
        type: 'Money',
        start: 36,
        end: 40,
        text: '€30m',
        amount: 30_000_000,
        currency: 'EUR',
        rule: 'money-symbol',
      },
      { type: 'Date', start: 61, end: 74, text: 'Nov. 19, 2019', iso: '2019-11-19', rule: 'date-absolute' },
    ]);
    // Without a publication date, "Monday" cannot be placed: it is left out, the rest stays.
    expect(b.values.map((v: { text: string }) => v.text)).toEqual(['€30m', 'Nov. 19, 2019']);
  });

  it('explain lists the values after the facts', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'ng-values-')), 'story.txt');
    writeFileSync(file, `Kalibr raises money\n\n${TEXT}\n`);
    const r = await run(['explain', file]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('values:\n');
    expect(r.stdout).toContain('Money "€30m" = 30000000 EUR  (rule money-symbol');
    expect(r.stdout).toContain('Date "Nov. 19, 2019" = 2019-11-19  (rule date-absolute');
  });
});
