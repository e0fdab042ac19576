/**
 * Bytes -> string for HTML pages: BOM, then the HTTP charset, then `<meta charset>` / `http-equiv`
 * anywhere in `<head>` (encoding-sniffer's WHATWG prescan), then "valid UTF-8 is UTF-8", then
 * windows-1252 (what browsers assume for legacy pages). Decoding is iconv-lite's.
 */
import { getEncoding } from 'encoding-sniffer';
import iconv from 'iconv-lite';
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

/**
 * The charset declared by `<meta charset>`, `<meta http-equiv=Content-Type>` or an XML declaration
 * anywhere in the head (not in the body, where quoted markup is text).
 */
export function sniffMetaCharset(bytes: Uint8Array): string | null {
  const scanned = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, MAX_HEAD_SCAN_BYTES));
  // latin1 maps bytes 1:1, so ASCII markup reads the same whatever the real charset is.
  const bodyAt = scanned.toString('latin1').search(/<\/head\s*>|<body[\s>]/i);
  const head = bodyAt >= 0 ? scanned.subarray(0, bodyAt) : scanned;
  // The sniffer answers its default when nothing is declared: two different defaults tell that case apart.
  const sniff = (defaultEncoding: string) => getEncoding(head, { maxBytes: head.length, defaultEncoding });
  const declared = sniff('windows-1252');
  return declared === sniff('utf-8') ? normalizeCharset(declared) : null;
}

/** Decode with iconv-lite; the few WHATWG encodings it lacks (e.g. iso-2022-jp) with the platform's TextDecoder. */
function decodeWith(charset: string, bytes: Uint8Array): string {
  if (!iconv.encodingExists(charset)) return new TextDecoder(charset).decode(bytes);
  return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length), charset, {
    stripBOM: false,
  });
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
      text: decodeWith(bom.charset, bytes.subarray(bom.length)),
      charset: bom.charset,
      source: 'bom',
    };
  }
  assertNotBinary(bytes);
  const fromHttp = normalizeCharset(httpCharset);
  if (fromHttp) return { text: decodeWith(fromHttp, bytes), charset: fromHttp, source: 'http' };
  const fromMeta = sniffMetaCharset(bytes);
  if (fromMeta) return { text: decodeWith(fromMeta, bytes), charset: fromMeta, source: 'meta' };
  if (isValidUtf8(bytes)) return { text: decodeWith('utf-8', bytes), charset: 'utf-8', source: 'utf8-valid' };
  return { text: decodeWith('windows-1252', bytes), charset: 'windows-1252', source: 'fallback' };
}
