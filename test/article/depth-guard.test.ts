import { load } from 'cheerio';
import { describe, expect, it } from 'vitest';
import { boundNesting } from '../../src/article/depth-guard.js';
import { extractArticle } from '../../src/article/index.js';

const nested = (n: number, inner = 'deep text') => `${'<div>'.repeat(n)}${inner}${'</div>'.repeat(n)}`;
const depth = (html: string) => {
  let max = 0;
  const walk = (el: { children?: unknown[] }, d: number) => {
    max = Math.max(max, d);
    for (const c of (el.children ?? []) as Array<{ children?: unknown[] }>) walk(c, d + 1);
  };
  walk(load(html).root()[0] as { children?: unknown[] }, 0);
  return max;
};

describe('boundNesting', () => {
  it('leaves a page within the limit byte-for-byte unchanged', () => {
    const html = `<html><body><article>${nested(40, '<p>Text &amp; more</p>')}</article></body></html>`;
    expect(boundNesting(html, 100)).toBe(html);
  });

  it('drops wrappers past the limit with their closing tags and keeps every word', () => {
    const html = `<body><p>Lead.</p>${nested(1_000)}<p>Tail.</p></body>`;
    const out = boundNesting(html, 50);
    const $ = load(out);
    expect($('div')).toHaveLength(50);
    expect($('body').text()).toBe('Lead.deep textTail.');
    expect($('body > p').last().text()).toBe('Tail.'); // the tail is a sibling again, not buried
  });

  it('handles unclosed wrappers and ignores markup-like text in scripts', () => {
    const html = `<body>${'<font>'.repeat(2_000)}words<script>var s = "${'<div>'.repeat(600)}";</script></body>`;
    const out = boundNesting(html, 100);
    expect(out).toContain(`var s = "${'<div>'.repeat(600)}"`);
    expect(depth(out)).toBeLessThan(120);
  });

  it('does not count optional-end and void tags as levels', () => {
    const html = `<ul>${'<li>item<br><img src=x>'.repeat(1_000)}</ul>`;
    expect(boundNesting(html, 20)).toBe(html);
  });

  it('lets extraction finish on 200,000 nested divs (one-line error or article, never a hang)', () => {
    const story =
      '<p>The article text that matters sits deep inside the page, in a paragraph of its own.</p>';
    const html = `<html><head><title>Deep</title></head><body>${nested(200_000, story)}</body></html>`;
    const article = extractArticle({ html });
    expect(article.text).toContain('The article text that matters');
  });
});
