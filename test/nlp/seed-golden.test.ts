import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { articleFromText, extractArticle } from '../../src/article/index.js';
import type { Document } from '../../src/core/index.js';
import { analyze } from '../../src/nlp/index.js';

const ROOT = join(import.meta.dirname, '..', '..');
const SEED = join(ROOT, 'fixtures', 'texts', 'seed-kalibr.txt');
const GOLDEN = join(ROOT, 'fixtures', 'nlp', 'seed-kalibr.expected.json');

const article = articleFromText(readFileSync(SEED, 'utf8'));
const doc: Document = analyze(article.text, { title: article.title });
const name = new Map(doc.entities.map((e) => [e.id, e.name]));
const triples = doc.relations.map((r) => `${name.get(r.subject)} ${r.type} ${name.get(r.object)}`);

describe('seed article (golden)', () => {
  it.each([
    'Alexey Rodos DIRECTS Kalibr',
    'Islamic Azad University PARTNERS_WITH Skolkovo',
    'Kalibr BASED_IN Moscow',
    'ABBYY BASED_IN Moscow',
    'Babak Mokhtari DIRECTS Khuzestan Science and Technology Park',
    'Gholamhoseyn Khaje DIRECTS Shahid Chamran University',
    'Mail.ru Group OWNS ICQ',
    'Mail.ru Group LISTED_ON LSE',
    'Pomegranate BASED_IN Sweden',
  ])('states %s', (triple) => {
    expect(triples).toContain(triple);
  });

  it('gives the role and label', () => {
    const rodos = doc.relations.find((r) => name.get(r.subject) === 'Alexey Rodos' && r.type === 'DIRECTS');
    expect(rodos?.role).toBe('director');
    const azad = doc.relations.find((r) => r.type === 'PARTNERS_WITH' && name.get(r.object) === 'Skolkovo');
    expect(azad?.label).toBe('R&D center');
  });

  it('has one Rodos entity and no junk', () => {
    expect(doc.entities.filter((e) => /Rodos/.test(e.name))).toHaveLength(1);
    const names = doc.entities.map((e) => e.name.toLowerCase());
    for (const junk of [
      'topics',
      'scroll',
      'regions',
      'regions & cities',
      'university',
      'during',
      'thus',
      'finally',
    ])
      expect(names).not.toContain(junk);
  });

  it('puts every mention at its exact offsets', () => {
    for (const e of doc.entities)
      for (const m of e.mentions) expect(article.text.slice(m.start, m.end)).toBe(m.text);
  });

  it('matches the golden file (UPDATE_GOLDEN=1 rewrites it; a missing file fails)', () => {
    const actual = `${JSON.stringify(doc, null, 2)}\n`;
    if (process.env.UPDATE_GOLDEN === '1') writeFileSync(GOLDEN, actual);
    if (!existsSync(GOLDEN)) throw new Error(`${GOLDEN} is missing: run UPDATE_GOLDEN=1 and review it`);
    expect(actual).toBe(readFileSync(GOLDEN, 'utf8'));
  });
});

describe.each(['seed-wordpress', 'seed-jsonld-cms', 'seed-table-layout'])('seed HTML page %s', (slug) => {
  const page = join(ROOT, 'fixtures', 'pages', slug, 'source.html');
  it('gives the seed triples through extractArticle', (ctx) => {
    if (!existsSync(page)) ctx.skip(`skipped: ${page} is absent`);
    const html = readFileSync(page);
    const a = extractArticle({ html });
    const d = analyze(a.text, { title: a.title });
    const names = new Map(d.entities.map((e) => [e.id, e.name]));
    const got = d.relations.map((r) => `${names.get(r.subject)} ${r.type} ${names.get(r.object)}`);
    expect(got).toContain('Alexey Rodos DIRECTS Kalibr');
    expect(got).toContain('Islamic Azad University PARTNERS_WITH Skolkovo');
    expect(d.entities.filter((e) => /Rodos/.test(e.name))).toHaveLength(1);
  });
});
