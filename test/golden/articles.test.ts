/**
 * Golden pages: every fixtures/pages/<slug>/source.html is extracted and compared with its
 * expected-article.json. `UPDATE_GOLDEN=1 npx vitest run test/golden` rewrites them: review the diff
 * (title, byline, date, body with no boilerplate). meta.json also lists text that must (not) be in the body,
 * checked independently of the golden file.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/article/index.js';

const PAGES = join(import.meta.dirname, '..', '..', 'fixtures', 'pages');
const UPDATE = process.env.UPDATE_GOLDEN === '1';

interface PageMeta {
  slug: string;
  url: string | null;
  description: string;
  present?: string[];
  absent?: string[];
}

const slugs = readdirSync(PAGES).filter((d) => existsSync(join(PAGES, d, 'source.html')));

describe('golden article pages', () => {
  it('has the seed pages the README and issue rely on', () => {
    for (const slug of ['seed-wordpress', 'seed-jsonld-cms', 'seed-table-layout', 'seed-cp1251']) {
      expect(slugs).toContain(slug);
    }
  });

  for (const slug of slugs) {
    it(slug, () => {
      const dir = join(PAGES, slug);
      const meta = JSON.parse(readFileSync(join(dir, 'meta.json'), 'utf8')) as PageMeta;
      const article = extractArticle({
        html: readFileSync(join(dir, 'source.html')),
        url: meta.url ?? undefined,
      });
      for (const s of meta.present ?? []) expect(article.text, `body should contain "${s}"`).toContain(s);
      for (const s of meta.absent ?? [])
        expect(article.text, `body should not contain "${s}"`).not.toContain(s);
      expect(article.text).not.toMatch(/&nbsp;|&amp;|<\/?[a-z]+[\s>]|\u00a0/);
      const expectedPath = join(dir, 'expected-article.json');
      if (UPDATE || !existsSync(expectedPath)) {
        writeFileSync(expectedPath, `${JSON.stringify(article, null, 2)}\n`);
        if (!UPDATE) throw new Error(`${expectedPath} was missing and has been written: review it`);
        return;
      }
      expect(article).toEqual(JSON.parse(readFileSync(expectedPath, 'utf8')));
    });
  }
});
