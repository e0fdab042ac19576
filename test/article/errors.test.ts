import { describe, expect, it } from 'vitest';
import { articleFromText, extractArticle } from '../../src/article/index.js';
import { ExtractionError, PermanentError } from '../../src/core/index.js';

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(ExtractionError);
    expect(err).toBeInstanceOf(PermanentError);
    return (err as ExtractionError).code;
  }
  throw new Error('expected an ExtractionError');
}

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('extractArticle errors', () => {
  it('empty bytes and blank documents are empty-document', () => {
    expect(codeOf(() => extractArticle({ html: new Uint8Array() }))).toBe('empty-document');
    expect(codeOf(() => extractArticle({ html: '  \n\t ' }))).toBe('empty-document');
  });

  it('binary bytes are binary', () => {
    const noise = Uint8Array.from({ length: 512 }, (_, i) => (i * 37) % 256);
    expect(codeOf(() => extractArticle({ html: noise }))).toBe('binary');
  });

  it('PDF and PNG bytes are binary', () => {
    expect(codeOf(() => extractArticle({ html: enc('%PDF-1.4\n1 0 obj << /Type /Catalog >>') }))).toBe(
      'binary',
    );
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);
    expect(codeOf(() => extractArticle({ html: png }))).toBe('binary');
  });

  it('JSON or plain prose is not-html', () => {
    expect(codeOf(() => extractArticle({ html: enc('{"a": [1, 2, 3]}') }))).toBe('not-html');
    expect(codeOf(() => extractArticle({ html: 'Just a sentence, no markup at all.' }))).toBe('not-html');
  });

  it('a script-only page is no-article', () => {
    const html =
      '<html><head><script>var a = "lots of words, many words, words everywhere";</script></head><body><script>render()</script></body></html>';
    expect(codeOf(() => extractArticle({ html }))).toBe('no-article');
  });

  it('a page of navigation only is no-article', () => {
    const links = Array.from(
      { length: 20 },
      (_, i) => `<li><a href="/s/${i}">Section number ${i}</a></li>`,
    ).join('');
    const html = `<html><body><nav><ul>${links}</ul></nav><footer>© 2019 Site</footer></body></html>`;
    expect(codeOf(() => extractArticle({ html }))).toBe('no-article');
  });

  it('the error carries a readable message and the url', () => {
    try {
      extractArticle({ html: '<html><body><div></div></body></html>', url: 'https://x.test/a' });
      expect.unreachable();
    } catch (err) {
      expect((err as ExtractionError).message).toMatch(/no article/);
      expect((err as ExtractionError).details).toMatchObject({ url: 'https://x.test/a' });
    }
  });
});

describe('articleFromText', () => {
  it('takes the first line as the title and keeps paragraphs', () => {
    const a = articleFromText('Title line\nsecond line of the lead\n\n  Para   two.\r\n\r\nPara three.');
    expect(a.title).toBe('Title line');
    expect(a.paragraphs).toEqual(['Title line second line of the lead', 'Para two.', 'Para three.']);
    expect(a.text).toBe('Title line second line of the lead\n\nPara two.\n\nPara three.');
  });

  it('rejects empty text', () => {
    expect(codeOf(() => articleFromText('\n \n'))).toBe('empty-document');
  });
});
