/** The extractor version follows what decides the output, and nothing else. */
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  computeExtractorVersion,
  EXTRACTOR_VERSION,
  extractorVersionOf,
  packageRoot,
} from '../../src/core/extractor-version.js';

const dir = mkdtempSync(join(tmpdir(), 'newsgraph-version-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A copy of the package's versioned parts (and its installed libraries), to change one file at a time. */
function copyPackage(name: string): string {
  const root = join(dir, name);
  for (const part of ['package.json', 'src/article', 'src/nlp'])
    cpSync(join(packageRoot(), part), join(root, part), { recursive: true });
  symlinkSync(join(packageRoot(), 'node_modules'), join(root, 'node_modules'));
  return root;
}

describe('EXTRACTOR_VERSION', () => {
  it('is the package version plus a hash of the sources', () => {
    const { version } = JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as {
      version: string;
    };
    expect(EXTRACTOR_VERSION).toMatch(new RegExp(`^${version.replace(/\./g, '\\.')}\\+[0-9a-f]{12}$`));
    expect(computeExtractorVersion()).toBe(EXTRACTOR_VERSION);
  });

  it('ignores the order of the inputs and their line endings', () => {
    const a = { name: 'src/nlp/rules/vocabulary.ts', content: 'export const A = 1;\nexport const B = 2;\n' };
    const b = { name: 'src/article/constants.ts', content: 'export const MIN = 250;\n' };
    expect(extractorVersionOf('1.0.0', [a, b])).toBe(extractorVersionOf('1.0.0', [b, a]));
    expect(extractorVersionOf('1.0.0', [{ ...a, content: a.content.replace(/\n/g, '\r\n') }, b])).toBe(
      extractorVersionOf('1.0.0', [a, b]),
    );
    expect(extractorVersionOf('1.0.1', [a, b])).not.toBe(extractorVersionOf('1.0.0', [a, b]));
  });

  it('changes with a vocabulary word, an NLP rule or an extractor constant', () => {
    const base = computeExtractorVersion(copyPackage('base'));
    expect(base).toBe(EXTRACTOR_VERSION); // same files, same installed libraries
    const edits: Array<[string, (s: string) => string]> = [
      ['src/nlp/rules/vocabulary.ts', (s) => `${s}\nexport const EXTRA_ROLE = 'chancellor';\n`],
      ['src/nlp/rules/relation-rules.ts', (s) => `${s}\n// a new rule\n`],
      ['src/article/constants.ts', (s) => s.replace(/= (\d+)/, (_m, n) => `= ${Number(n) + 1}`)],
    ];
    const seen = new Set([base]);
    for (const [i, [file, edit]] of edits.entries()) {
      const root = copyPackage(`edit-${i}`);
      const path = join(root, file);
      writeFileSync(path, edit(readFileSync(path, 'utf8')));
      const version = computeExtractorVersion(root);
      expect(seen.has(version), file).toBe(false);
      seen.add(version);
    }
  });

  it('falls back to the version a build recorded when the sources are absent', () => {
    const root = join(dir, 'built');
    cpSync(join(packageRoot(), 'package.json'), join(root, 'package.json'));
    expect(() => computeExtractorVersion(root)).toThrow(/cannot compute the extractor version/);
    cpSync(join(packageRoot(), 'package.json'), join(root, 'dist', 'x'), { recursive: true });
    writeFileSync(
      join(root, 'dist', 'extractor-version.json'),
      JSON.stringify({ extractorVersion: '9.9.9+abc' }),
    );
    expect(computeExtractorVersion(root)).toBe('9.9.9+abc');
  });
});
