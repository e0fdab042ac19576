/**
 * Start-up of the CLI: `--help` and `extract` of one page, run as child processes, from the compiled
 * build (dist/, what `npm ci` builds) against the TypeScript sources through tsx (the baseline,
 * NEWSGRAPH_FROM_SOURCE=1), alternating, same machine, same moment. Prints medians of wall-clock and
 * CPU (user + system) time, and their ratios. Builds dist/ first when it is missing or stale.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..');
const BIN = join(ROOT, 'bin', 'newsgraph.js');
const PAGE = join(ROOT, 'fixtures', 'pages', 'seed-wordpress', 'source.html');
/** Runs per variant and command: enough for a stable median on a busy machine. */
const ROUNDS = 7;
const TIME = '/usr/bin/time';

interface Sample {
  wallMs: number;
  cpuMs: number;
}

/** One run under `/usr/bin/time` (GNU time): wall-clock and the child's user + system CPU time. */
function once(args: string[], fromSource: boolean): Sample {
  const env = { ...process.env, NEWSGRAPH_FROM_SOURCE: fromSource ? '1' : '0' };
  const r = spawnSync(TIME, ['-f', 'TIME %e %U %S', process.execPath, BIN, ...args], {
    env,
    encoding: 'utf8',
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const line = r.stderr.split('\n').find((l) => l.startsWith('TIME '));
  if (r.status !== 0 || !line) throw new Error(`newsgraph ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  const [wall, user, sys] = line.slice(5).split(' ').map(Number) as [number, number, number];
  return { wallMs: wall * 1000, cpuMs: (user + sys) * 1000 };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;

export async function run(): Promise<void> {
  if (!existsSync(TIME)) {
    process.stdout.write(`skipped: ${TIME} (GNU time) is not installed\n`);
    return;
  }
  const build = spawnSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs')], { stdio: 'inherit' });
  if (build.status !== 0) throw new Error('build failed');
  for (const [name, args] of [
    ['--help', ['--help']],
    ['extract one page', ['extract', PAGE]],
  ] as const) {
    const samples: Record<'source' | 'build', Sample[]> = { source: [], build: [] };
    for (let i = 0; i < ROUNDS; i++) {
      samples.source.push(once([...args], true));
      samples.build.push(once([...args], false));
    }
    const m = (v: 'source' | 'build', k: keyof Sample) => median(samples[v].map((s) => s[k]));
    process.stdout.write(
      `${name.padEnd(18)} sources (tsx) ${m('source', 'wallMs').toFixed(0)} ms wall / ${m('source', 'cpuMs').toFixed(0)} ms CPU; ` +
        `build ${m('build', 'wallMs').toFixed(0)} ms / ${m('build', 'cpuMs').toFixed(0)} ms; ` +
        `${(m('source', 'wallMs') / m('build', 'wallMs')).toFixed(1)}× faster wall, ` +
        `${(m('source', 'cpuMs') / m('build', 'cpuMs')).toFixed(1)}× CPU\n`,
    );
  }
}
