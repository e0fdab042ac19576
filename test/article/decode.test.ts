import { describe, expect, it } from 'vitest';
import { decodeHtml, normalizeCharset } from '../../src/article/decode.js';
import { ExtractionError } from '../../src/core/index.js';

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
/** windows-1251 bytes of "Привет" (hand-encoded so the test does not rely on the decoder under test). */
const PRIVET_1251 = [0xcf, 0xf0, 0xe8, 0xe2, 0xe5, 0xf2];

function bytes(...parts: Array<string | number[]>): Uint8Array {
  const chunks = parts.map((p) => (typeof p === 'string' ? enc(p) : Uint8Array.from(p)));
  return Uint8Array.from(chunks.flatMap((c) => [...c]));
}

describe('decodeHtml', () => {
  it('honours a UTF-8 BOM over everything else', () => {
    const d = decodeHtml(bytes([0xef, 0xbb, 0xbf], '<meta charset="windows-1251"><p>café</p>'), 'iso-8859-2');
    expect(d).toMatchObject({ charset: 'utf-8', source: 'bom' });
    expect(d.text).toContain('café');
    expect(d.text.startsWith('\ufeff')).toBe(false);
  });

  it('decodes UTF-16 with a BOM', () => {
    const le = Uint8Array.from([0xff, 0xfe, ...[...'<p>Hi</p>'].flatMap((c) => [c.charCodeAt(0), 0])]);
    expect(decodeHtml(le)).toMatchObject({ text: '<p>Hi</p>', charset: 'utf-16le' });
  });

  it('prefers the HTTP charset to the meta charset', () => {
    const d = decodeHtml(bytes('<meta charset="utf-8"><p>', PRIVET_1251, '</p>'), 'windows-1251');
    expect(d).toMatchObject({ charset: 'windows-1251', source: 'http' });
    expect(d.text).toContain('Привет');
  });

  it('finds <meta http-equiv> charset late in <head>, past 1024 bytes', () => {
    const style = `<style>${'.x{color:red}\n'.repeat(200)}</style>`;
    const html = bytes(
      `<html><head><title>t</title>${style}<meta http-equiv="Content-Type" content="text/html; charset=windows-1251"></head><body><p>`,
      PRIVET_1251,
      '</p></body></html>',
    );
    const d = decodeHtml(html);
    expect(d).toMatchObject({ charset: 'windows-1251', source: 'meta' });
    expect(d.text).toContain('<p>Привет</p>');
  });

  it("honours an XHTML page's XML declaration, and a meta charset after a comment", () => {
    const xhtml = decodeHtml(
      bytes(
        '<?xml version="1.0" encoding="windows-1251"?>\n<html><head><title>',
        PRIVET_1251,
        '</title></head></html>',
      ),
    );
    expect(xhtml).toMatchObject({ charset: 'windows-1251', source: 'meta' });
    expect(xhtml.text).toContain('<title>Привет</title>');
    const commented = decodeHtml(
      bytes('<!-- <meta charset="koi8-r"> --><meta charset="windows-1251"><p>', PRIVET_1251, '</p>'),
    );
    expect(commented).toMatchObject({ charset: 'windows-1251', source: 'meta' });
  });

  it('ignores charset-like text in the body', () => {
    const d = decodeHtml(bytes('<html><head></head><body><meta charset="windows-1251"><p>naïve</p></body>'));
    expect(d).toMatchObject({ charset: 'utf-8', source: 'utf8-valid' });
    expect(d.text).toContain('naïve');
  });

  it('treats undeclared valid UTF-8 as UTF-8', () => {
    const d = decodeHtml(enc('<p>“Déjà vu” — Zürich</p>'));
    expect(d).toMatchObject({ charset: 'utf-8', source: 'utf8-valid', text: '<p>“Déjà vu” — Zürich</p>' });
  });

  it('falls back to windows-1252 (curly quotes, not C1 controls) for undeclared non-UTF-8 bytes', () => {
    const d = decodeHtml(
      bytes('<p>', [0x93, 0x49, 0x72, 0x61, 0x6e, 0x92, 0x73, 0x94, 0x20, 0x96, 0x20, 0xe9], '</p>'),
    );
    expect(d).toMatchObject({ charset: 'windows-1252', source: 'fallback' });
    expect(d.text).toBe('<p>“Iran’s” – é</p>');
  });

  it('maps an iso-8859-1 declaration to windows-1252, as browsers do', () => {
    const d = decodeHtml(bytes('<meta charset="ISO-8859-1"><p>', [0x85, 0xe4], '</p>'));
    expect(d.charset).toBe('windows-1252');
    expect(d.text).toContain('<p>…ä</p>');
  });

  it('decodes ISO-8859-2 and ISO-8859-5', () => {
    expect(decodeHtml(bytes('<p>', [0xb1, 0xe6], '</p>'), 'iso-8859-2').text).toBe('<p>ąć</p>');
    expect(decodeHtml(bytes('<p>', [0xbf, 0xe0], '</p>'), 'iso-8859-5').text).toBe('<p>Пр</p>');
  });

  it('rejects binary input', () => {
    expect(() => decodeHtml(Uint8Array.from([0x00, 0x01, 0x02, 0x03, 0x00, 0x00, 0x10, 0x11]))).toThrow(
      ExtractionError,
    );
    try {
      decodeHtml(bytes('%PDF-1.7\n%âãÏÓ\n1 0 obj'));
      expect.unreachable();
    } catch (err) {
      expect(err).toMatchObject({ code: 'binary' });
    }
  });

  it('normalizes charset labels and rejects unknown ones', () => {
    expect(normalizeCharset('CP1251')).toBe('windows-1251');
    expect(normalizeCharset('"utf8"')).toBe('utf-8');
    expect(normalizeCharset('x-no-such-charset')).toBeNull();
  });
});
