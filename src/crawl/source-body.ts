/**
 * Bytes of a crawl source -> text: a gzip file (`sitemap.xml.gz`, served as application/gzip or
 * octet-stream, not as a Content-Encoding) is unpacked within a size cap; XML is decoded by its BOM, the
 * HTTP charset, then its XML declaration's `encoding` (encoding-sniffer), else UTF-8; HTML as an article
 * page is.
 */
import { gunzipSync } from 'node:zlib';
import { getEncoding } from 'encoding-sniffer';
import iconv from 'iconv-lite';
import { decodeHtml } from '../article/decode.js';
import { PermanentError } from '../core/index.js';

/** The sitemap protocol's limit for one file, uncompressed (50 MB); a feed is far smaller. */
export const MAX_SOURCE_BYTES = 50 * 1024 * 1024;
const GZIP_MAGIC = [0x1f, 0x8b];
/** The XML declaration sits in the first bytes; we look no further for it. */
const XML_PROLOG_BYTES = 1024;

/** Whether the bytes are a gzip file. */
export function isGzip(bytes: Uint8Array): boolean {
  return bytes[0] === GZIP_MAGIC[0] && bytes[1] === GZIP_MAGIC[1];
}

/** Unpack a gzip file, at most {@link MAX_SOURCE_BYTES}. */
export function gunzipSource(bytes: Uint8Array, maxBytes = MAX_SOURCE_BYTES): Buffer {
  try {
    return gunzipSync(bytes, { maxOutputLength: maxBytes });
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
      throw new PermanentError('too-large', `the unpacked file is larger than ${maxBytes} bytes`, { cause });
    }
    throw new PermanentError('bad-encoding', 'the file is not valid gzip data', { cause });
  }
}

/** The encoding of an XML document: BOM, then the HTTP charset, then the XML declaration, else UTF-8. */
export function xmlEncoding(bytes: Uint8Array, httpCharset?: string): string {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, XML_PROLOG_BYTES));
  // Only the prolog: a `<meta>` quoted further on (in CDATA) must not count.
  const end = head.indexOf('?>');
  const prolog = end >= 0 ? head.subarray(0, end + 2) : head;
  return getEncoding(prolog, {
    maxBytes: prolog.length,
    defaultEncoding: 'utf-8',
    ...(httpCharset ? { transportLayerEncodingLabel: httpCharset } : {}),
  });
}

/** Decode an XML document (feed or sitemap). */
export function decodeXml(bytes: Uint8Array, httpCharset?: string): string {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  return iconv.decode(buffer, xmlEncoding(bytes, httpCharset));
}

/** Whether the (still encoded) bytes start like markup of an HTML page rather than an XML document. */
function looksLikeHtml(bytes: Uint8Array): boolean {
  const start = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 512)).toString('latin1');
  return /^\s*(<!--[\s\S]*?-->\s*)*<(!doctype\s+html|html)[\s>]/i.test(start);
}

/** The text of a fetched source, whatever it is (gzip, XML, HTML). */
export function decodeSource(bytes: Uint8Array, httpCharset?: string): string {
  // A gzip file's HTTP charset (if any) speaks of the packed bytes, not of the document inside.
  const [raw, charset] = isGzip(bytes) ? [gunzipSource(bytes), undefined] : [bytes, httpCharset];
  return looksLikeHtml(raw) ? decodeHtml(raw, charset).text : decodeXml(raw, charset);
}
