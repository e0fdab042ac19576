import { createHash } from 'node:crypto';

/** A short, stable hex digest (first 16 hex chars of SHA-256). */
export function shortHash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

/** Normalise a name for keys: NFKC, case-folded, punctuation-insensitive, single spaces. */
export function normalizeName(name: string): string {
  return name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[’']/g, '')
    .replace(/[^\p{L}\p{N}&]+/gu, ' ')
    .trim();
}

/** The cross-article key of an entity: `Type:normalised name`. */
export function entityKey(type: string, name: string): string {
  return `${type}:${normalizeName(name)}`;
}

/** The id of an entity inside a document, derived from its key. */
export function entityId(key: string): string {
  return `e${shortHash(key)}`;
}
