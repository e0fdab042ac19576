/**
 * `newsgraph extract` end to end: runs `node bin/newsgraph.js extract …` as a child process on the fixtures.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'newsgraph.js');
const PAGES = join(ROOT, 'fixtures', 'pages');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(args: string[], stdin?: string | Buffer): Promise<Run> {
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
    child.stdin.end(stdin ?? '');
  });
}

function expectOneLineError(r: Run, pattern: RegExp): void {
  expect(r.code).not.toBe(0);
  expect(r.stdout).toBe('');
  const lines = r.stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(pattern);
  expect(r.stderr).not.toMatch(/\n\s+at /);
}

const expected = (slug: string) =>
  JSON.parse(readFileSync(join(PAGES, slug, 'expected-article.json'), 'utf8')) as Record<string, unknown>;

/** Each run starts node + the tsx loader: seconds on a busy CI machine. */
describe('newsgraph extract', { timeout: 120_000 }, () => {
  it.each(['seed-wordpress', 'seed-jsonld-cms', 'seed-table-layout', 'seed-cp1251'])(
    'prints title, byline, date and body of %s',
    { timeout: 120_000 },
    async (slug) => {
      const meta = JSON.parse(readFileSync(join(PAGES, slug, 'meta.json'), 'utf8')) as { url: string | null };
      const args = ['extract', join(PAGES, slug, 'source.html'), ...(meta.url ? ['--url', meta.url] : [])];
      const r = await run(args);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      const out = JSON.parse(r.stdout);
      const want = expected(slug);
      for (const key of ['title', 'byline', 'publishedAt', 'text'])
        expect(out.article[key]).toEqual(want[key]);
      expect(Array.isArray(out.entities)).toBe(true);
      expect(Array.isArray(out.relations)).toBe(true);
    },
  );

  it('reads HTML from stdin and indents with --pretty', async () => {
    const html = readFileSync(join(PAGES, 'seed-wordpress', 'source.html'));
    const r = await run(['extract', '-', '--pretty'], html);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[1]).toMatch(/^ {2}"article": \{/);
    expect(JSON.parse(r.stdout).article.byline).toBe('Adrien Henni');
  });

  it('--text (and .txt files) make the first line the title', async () => {
    const r = await run(['extract', join(ROOT, 'fixtures', 'texts', 'seed-kalibr.txt')]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.article.title).toBe('Russian tech park Kalibr agrees cooperation with Iranian counterparts');
    const viaStdin = await run(['extract', '-', '--text'], 'Headline\n\nBody paragraph.');
    expect(JSON.parse(viaStdin.stdout).article).toMatchObject({
      title: 'Headline',
      text: 'Headline\n\nBody paragraph.',
    });
  });

  it('--jsonl answers every line in order with its id, and goes on after bad lines', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'newsgraph-jsonl-'));
    const lines = [
      JSON.stringify({ id: 'a', text: 'Kalibr Director Alexey Rodos spoke in Ahvaz.' }),
      'not json',
      JSON.stringify({
        id: 'c',
        html: readFileSync(join(PAGES, 'edge-subheadings', 'source.html'), 'utf8'),
        url: 'https://x.test/c',
      }),
      JSON.stringify({ id: 'd', path: join(PAGES, 'seed-cp1251', 'source.html') }),
      JSON.stringify({ id: 'e', path: join(dir, 'missing.html') }),
      JSON.stringify({ id: 'f', html: '<html><body><script>x()</script></body></html>' }),
      JSON.stringify({ id: 7 }),
    ];
    const input = join(dir, 'in.jsonl');
    writeFileSync(input, `${lines.join('\n')}\n`);
    const runs = await Promise.all([
      run(['extract', '--jsonl', input]),
      run(['extract', '--jsonl', '-'], readFileSync(input)),
    ]);
    for (const r of runs) {
      expect(r.code).toBe(1);
      const out = r.stdout
        .trimEnd()
        .split('\n')
        .map((l) => JSON.parse(l));
      expect(out.map((o) => o.id)).toEqual(['a', null, 'c', 'd', 'e', 'f', 7]);
      expect(out[0]).not.toHaveProperty('article');
      expect(out[0]).toHaveProperty('entities');
      expect(out[1].error).toMatch(/json/i);
      expect(out[2].article.headings).toEqual(['Technoparks', 'Internet companies', 'Investors']);
      expect(out[2].article.url).toBe('https://x.test/c');
      expect(out[3].article.text).toContain('Россияне приходят в Иран');
      expect(out[4].error).toMatch(/ENOENT|no such file/);
      expect(out[5].error).toMatch(/^no-article/);
      expect(out[6].error).toMatch(/text|html|path/);
    }
  }, 120_000);

  it('a missing file is a one-line usage error', async () => {
    const [r, jsonl] = await Promise.all([
      run(['extract', 'no/such/file.html']),
      run(['extract', '--jsonl', 'no/such/input.jsonl']),
    ]);
    expectOneLineError(r!, /^newsgraph: cannot read .*no such file/);
    expect(r!.code).toBe(2);
    expectOneLineError(jsonl!, /^newsgraph: cannot read .*input\.jsonl/);
    expect(jsonl!.code).toBe(2);
  });

  it('binary, PDF, empty and script-only inputs fail with a one-line typed error', async () => {
    const [pdf, binary, empty, scriptOnly] = await Promise.all([
      run(['extract', '-'], Buffer.from('%PDF-1.5\n%\xe2\xe3\n', 'latin1')),
      run(['extract', '-'], Buffer.from([0, 1, 2, 3, 0, 0, 0, 9, 0, 0, 4, 5])),
      run(['extract', '-'], ''),
      run(['extract', '-'], '<html><body><script>app()</script></body></html>'),
    ]);
    expectOneLineError(pdf!, /binary/);
    expectOneLineError(binary!, /binary/);
    expectOneLineError(empty!, /empty-document/);
    expectOneLineError(scriptOnly!, /no-article/);
  }, 120_000);

  it('a URL goes through the hardened fetcher (private hosts are refused, in one line)', async () => {
    expectOneLineError(await run(['extract', 'http://127.0.0.1:9/article.html']), /^newsgraph: /);
  });
});
