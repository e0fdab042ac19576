/**
 * Text normalisation shared by metadata and body extraction.
 */
import { load } from './cheerio.js';

/** Characters that render as nothing: zero-width spaces/joiners, BOM, soft hyphen. */
const INVISIBLE_RE = /[\u200b-\u200d\u2060\ufeff\u00ad]/g;
/** Every kind of space, including no-break and typographic spaces. */
const SPACE_RE = /[\s\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/g;

/** Collapse whitespace (including `&nbsp;`), drop invisible characters, trim. */
export function normalizeSpace(text: string): string {
  return text.replace(INVISIBLE_RE, '').replace(SPACE_RE, ' ').trim();
}

const ENTITY_RE = /&(?:#\d+|#x[\da-f]+|[a-z][a-z\d]*);/i;

/** Decode HTML entities and drop tags in a string that came from JSON or an attribute, then normalise space. */
export function cleanInlineText(text: string): string {
  const plain =
    ENTITY_RE.test(text) || /<[a-z/]/i.test(text) ? load(`<div>${text}</div>`)('div').text() : text;
  return normalizeSpace(plain);
}

/** A non-empty trimmed string, or null. */
export function nonEmpty(text: string | null | undefined): string | null {
  if (typeof text !== 'string') return null;
  const t = cleanInlineText(text);
  return t.length > 0 ? t : null;
}
