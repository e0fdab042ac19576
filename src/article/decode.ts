/**
 * Bytes -> string for HTML pages: BOM, then the HTTP charset, then `<meta charset>` / `http-equiv`
 * anywhere in `<head>`, then "valid UTF-8 is UTF-8", then windows-1252 (what browsers assume for legacy pages).
 */
import { ExtractionError } from '../core/index.js';
import { BINARY_SNIFF_BYTES, MAX_CONTROL_BYTE_RATIO, MAX_HEAD_SCAN_BYTES } from './constants.js';

/** Where the charset came from. */
export type CharsetSource = 'bom' | 'http' | 'meta' | 'utf8-valid' | 'fallback';

export interface DecodedPage {
  text: string;
  /** The WHATWG encoding name used, e.g. `utf-8`, `windows-1251`. */
  charset: string;
  source: CharsetSource;
}

/** File signatures of formats that are not HTML. */
const MAGIC_NUMBERS: ReadonlyArray<{ name: string; bytes: number[] }> = [
  { name: 'PDF', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  { name: 'PNG', bytes: [0x89, 0x50, 0x4e, 0x47] },
  { name: 'GIF', bytes: [0x47, 0x49, 0x46, 0x38] },
  { name: 'JPEG', bytes: [0xff, 0xd8, 0xff] },
  { name: 'ZIP', bytes: [0x50, 0x4b, 0x03, 0x04] },
  { name: 'gzip', bytes: [0x1f, 0x8b] },
  { name: 'WebP/RIFF', bytes: [0x52, 0x49, 0x46, 0x46] },
  { name: 'WOFF', bytes: [0x77, 0x4f, 0x46, 0x46] },
];

/** Resolve a charset label to the WHATWG encoding name, or `null` when unknown. */
export function normalizeCharset(label: string | undefined | null): string | null {
  if (!label) return null;
  try {
    return new TextDecoder(label.trim().replace(/^["']|["']$/g, '')).encoding;
  } catch {
    return null;
  }
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.length <= bytes.length && prefix.every((b, i) => bytes[i] === b);
}

function bomCharset(bytes: Uint8Array): { charset: string; length: number } | null {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return { charset: 'utf-8', length: 3 };
  if (startsWith(bytes, [0xfe, 0xff])) return { charset: 'utf-16be', length: 2 };
  if (startsWith(bytes, [0xff, 0xfe])) return { charset: 'utf-16le', length: 2 };
  return null;
}

/** Throw `binary` when the bytes are a known non-HTML format or full of control bytes. */
export function assertNotBinary(bytes: Uint8Array): void {
  const magic = MAGIC_NUMBERS.find((m) => startsWith(bytes, m.bytes));
  if (magic) throw new ExtractionError('binary', `the input is a ${magic.name} file, not an HTML page`);
  const n = Math.min(bytes.length, BINARY_SNIFF_BYTES);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    // NUL and the C0 controls other than \t \n \f \r and ESC (used by ISO-2022) never occur in text.
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d && b !== 0x1b) control++;
  }
  if (n > 0 && control / n > MAX_CONTROL_BYTE_RATIO) {
    throw new ExtractionError('binary', 'the input holds binary data, not an HTML page');
  }
}

const META_RE = /<meta\b[^>]*>/gi;
const CHARSET_ATTR_RE = /\bcharset\s*=\s*["']?\s*([\w.:-]+)/i;

/** The charset declared by `<meta charset>` or `<meta http-equiv=Content-Type>` anywhere in the head. */
export function sniffMetaCharset(bytes: Uint8Array): string | null {
  // latin1 maps bytes 1:1, so ASCII markup reads the same whatever the real charset is.
  const head = Buffer.from(
    bytes.buffer,
    bytes.byteOffset,
    Math.min(bytes.length, MAX_HEAD_SCAN_BYTES),
  ).toString('latin1');
  const bodyAt = head.search(/<\/head\s*>|<body[\s>]/i);
  const scope = bodyAt >= 0 ? head.slice(0, bodyAt) : head;
  for (const [tag] of scope.matchAll(META_RE)) {
    const m = CHARSET_ATTR_RE.exec(tag);
    const charset = normalizeCharset(m?.[1]);
    // A page that says UTF-16 in ASCII markup is not UTF-16 (the HTML standard maps it to UTF-8).
    if (charset) return charset.startsWith('utf-16') ? 'utf-8' : charset;
  }
  return null;
}

/**
 * windows-1252 characters for bytes 0x80..0x9f. Node's TextDecoder decodes the `windows-1252` label (and
 * `iso-8859-1`, `latin1`, `ascii`, which WHATWG maps to it) as ISO-8859-1, turning curly quotes and dashes
 * into C1 control characters; we map them back.
 */
const CP1252_C1 =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

function decodeWith(charset: string, bytes: Uint8Array): string {
  const text = new TextDecoder(charset).decode(bytes);
  if (charset !== 'windows-1252') return text;
  return text.replace(/[\u0080-\u009f]/g, (c) => CP1252_C1[c.charCodeAt(0) - 0x80]!);
}

const FATAL_UTF8 = new TextDecoder('utf-8', { fatal: true });

/** Whether the bytes are well-formed UTF-8. */
export function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    FATAL_UTF8.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** Decode HTML bytes to a string. `httpCharset` is the `charset` of the HTTP `Content-Type`, when known. */
export function decodeHtml(bytes: Uint8Array, httpCharset?: string): DecodedPage {
  const bom = bomCharset(bytes);
  if (bom) {
    return {
      text: new TextDecoder(bom.charset).decode(bytes.subarray(bom.length)),
      charset: bom.charset,
      source: 'bom',
    };
  }
  assertNotBinary(bytes);
  const fromHttp = normalizeCharset(httpCharset);
  if (fromHttp) return { text: decodeWith(fromHttp, bytes), charset: fromHttp, source: 'http' };
  const fromMeta = sniffMetaCharset(bytes);
  if (fromMeta) return { text: decodeWith(fromMeta, bytes), charset: fromMeta, source: 'meta' };
  if (isValidUtf8(bytes))
    return { text: new TextDecoder('utf-8').decode(bytes), charset: 'utf-8', source: 'utf8-valid' };
  return { text: decodeWith('windows-1252', bytes), charset: 'windows-1252', source: 'fallback' };
}
