import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { decodeSource, gunzipSource, xmlEncoding } from '../../src/crawl/source-body.js';

/** windows-1251 bytes of "Привет" (hand-encoded so the test does not rely on the decoder under test). */
const PRIVET_1251 = [0xcf, 0xf0, 0xe8, 0xe2, 0xe5, 0xf2];
const bytes = (...parts: Array<string | number[]>) =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p))));

describe('decoding a crawl source', () => {
  const feed1251 = bytes(
    '<?xml version="1.0" encoding="windows-1251"?><rss version="2.0"><channel><title>',
    PRIVET_1251,
    '</title></channel></rss>',
  );

  it("honours the XML declaration's encoding", () => {
    expect(xmlEncoding(feed1251)).toBe('windows-1251');
    expect(decodeSource(feed1251)).toContain('<title>Привет</title>');
  });

  it('lets the HTTP charset win over the declaration (RFC 7303), and defaults to UTF-8', () => {
    expect(xmlEncoding(feed1251, 'koi8-r')).toBe('KOI8-R');
    expect(decodeSource(bytes('<rss><channel><title>Zürich “quoted”</title></channel></rss>'))).toContain(
      'Zürich “quoted”',
    );
  });

  it('ignores a <meta charset> quoted after the prolog', () => {
    const text = bytes(
      '<?xml version="1.0"?><rss><item><description><![CDATA[<meta charset="koi8-r">]]></description>Zürich</item></rss>',
    );
    expect(xmlEncoding(text)).toBe('UTF-8');
    expect(decodeSource(text)).toContain('Zürich');
  });

  it('unpacks a gzip file (sitemap.xml.gz) and decodes what is inside', () => {
    expect(decodeSource(gzipSync(feed1251), 'utf-8')).toContain('<title>Привет</title>');
  });

  it('refuses a gzip file that unpacks past the cap, and bytes that are not gzip', () => {
    const big = gzipSync(Buffer.alloc(100_000, 0x20));
    expect(() => gunzipSource(big, 10_000)).toThrow(expect.objectContaining({ code: 'too-large' }));
    expect(() => gunzipSource(Buffer.from([0x1f, 0x8b, 1, 2, 3]))).toThrow(
      expect.objectContaining({ code: 'bad-encoding' }),
    );
  });

  it('decodes an HTML page (a section page) by its meta charset', () => {
    const html = bytes(
      '<!doctype html><html><head><meta charset="windows-1251"></head><body><p>',
      PRIVET_1251,
      '</p>',
    );
    expect(decodeSource(html)).toContain('<p>Привет</p>');
  });
});
