import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/article/index.js';

const para = (n: number): string =>
  `<p>Paragraph ${n} of the story tells, at some length, what the delegation did, whom it met, and why it matters for both sides.</p>`;

describe('body extraction', () => {
  it('finds the story in div soup without semantic tags, skipping link lists and widgets', () => {
    const html = `<html><body>
      <div id="hdr"><div class="logo">Daily</div><div><a href="/">Home</a> <a href="/w">World</a> <a href="/b">Business</a></div></div>
      <div id="wrap"><div id="c1">${[1, 2, 3, 4].map(para).join('')}</div>
      <div class="rail"><div><a href="/x">Some other headline that is long enough to look like text</a></div>
      <div><a href="/y">Yet another headline that is long enough to look like text</a></div></div></div>
      <div id="ftr">Contact us · Careers · Terms</div></body></html>`;
    const a = extractArticle({ html });
    expect(a.paragraphs).toHaveLength(4);
    expect(a.text).not.toMatch(/Home|headline|Contact/);
  });

  it('joins a story split into same-class chunks around a figure', () => {
    const html = `<html><body><div class="page">
      <section><div class="story-chunk">${para(1)}${para(2)}</div></section>
      <figure><img src="a.jpg"><figcaption>A caption that should not be in the body text at all.</figcaption></figure>
      <section><div class="story-chunk">${[3, 4, 5, 6, 7].map(para).join('')}</div></section>
      </div></body></html>`;
    const a = extractArticle({ html });
    expect(a.paragraphs.map((p) => p.split(' ')[1])).toEqual(['1', '2', '3', '4', '5', '6', '7']);
    expect(a.text).not.toContain('caption');
  });

  it('normalises entities and whitespace', () => {
    const html = `<html><body><article><p>Caf&eacute;&nbsp;&amp;\n   bar&#8217;s   <b>bold</b>\u200b text, long enough to be a paragraph of the story.</p>${para(2)}</article></body></html>`;
    const a = extractArticle({ html });
    expect(a.paragraphs[0]).toBe('Café & bar’s bold text, long enough to be a paragraph of the story.');
  });

  it('uses JSON-LD articleBody only when the DOM has (almost) nothing', () => {
    const body = 'The whole story is only in the structured data. '.repeat(10).trim();
    const ld = JSON.stringify({ '@type': 'NewsArticle', headline: 'H', articleBody: body });
    const html = `<html><head><script type="application/ld+json">${ld}</script></head><body><div id="app"></div></body></html>`;
    expect(extractArticle({ html }).text).toBe(body);
  });
});

describe('body extraction fallbacks', () => {
  it('keeps a story of short lines that no container scores', () => {
    const html =
      '<html><body><div><p>Short news.</p><p>Kalibr signs deal.</p><p>More soon.</p></div></body></html>';
    expect(extractArticle({ html }).paragraphs).toEqual(['Short news.', 'Kalibr signs deal.', 'More soon.']);
  });

  it('reads text placed straight in <body>', () => {
    const html =
      '<html><body>Kalibr signed a memorandum with two Iranian parks.<br><br>Rodos spoke in Ahvaz.</body></html>';
    expect(extractArticle({ html }).text).toBe(
      'Kalibr signed a memorandum with two Iranian parks.\n\nRodos spoke in Ahvaz.',
    );
  });
});

describe('malformed pages', () => {
  it('survives thousands of unclosed tags without a stack overflow', () => {
    const story =
      '<p>Kalibr signed a memorandum with two Iranian parks, officials said on Monday.</p><p>Rodos spoke in Ahvaz.</p>';
    const html = `<html><body>${'<div><font>'.repeat(20_000)}${story}</body></html>`;
    expect(extractArticle({ html }).paragraphs).toEqual([
      'Kalibr signed a memorandum with two Iranian parks, officials said on Monday.',
      'Rodos spoke in Ahvaz.',
    ]);
  });
});
