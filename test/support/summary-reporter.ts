/**
 * Prints one plain closing line, `tests: N passed, N failed, N skipped`, that any CI can read,
 * and lists each skipped test with its reason so a missing service never passes silently.
 */
import type { Reporter, TestModule } from 'vitest/node';

export default class SummaryReporter implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    const skips: string[] = [];
    for (const mod of modules) {
      for (const test of mod.children.allTests()) {
        const result = test.result();
        if (result.state === 'passed') passed++;
        else if (result.state === 'failed') failed++;
        else {
          skipped++;
          const note = result.state === 'skipped' ? (result.note ?? test.options.mode) : result.state;
          skips.push(`  ${mod.moduleId.replace(`${process.cwd()}/`, '')} > ${test.fullName}: ${note}`);
        }
      }
      if (mod.state() === 'failed' && mod.children.size === 0) failed++;
    }
    if (skips.length > 0) process.stdout.write(`\nskipped tests:\n${skips.join('\n')}\n`);
    process.stdout.write(`\ntests: ${passed} passed, ${failed} failed, ${skipped} skipped\n`);
  }
}
