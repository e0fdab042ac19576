import { EXTRACTOR_VERSION } from '../core/extractor-version.js';
import { type Article, type Document, shortHash } from '../core/index.js';
import type { GraphWrite } from './types.js';

/**
 * Version of the extraction rules; stored on each article so stale extractions can be found.
 * @deprecated import it from `core/` (it is derived there from the rules' sources)
 * @see {@link ../core/extractor-version.ts}
 */
export { EXTRACTOR_VERSION };

export interface ToGraphWriteOptions {
  /** ISO time of extraction. @defaultValue now */
  extractedAt?: string;
  /** The version recorded on the article. @defaultValue {@link EXTRACTOR_VERSION} */
  extractorVersion?: string;
}

/** The stable id of an article: its canonical URL, else its URL, else its text. */
export function articleId(article: Article): string {
  const basis = article.canonicalUrl ?? article.url ?? `text:${article.text}`;
  return `a${shortHash(basis)}`;
}

/** Pure: an extracted article and its NLP document -> what one transaction writes. */
export function toGraphWrite(article: Article, doc: Document, options: ToGraphWriteOptions = {}): GraphWrite {
  return {
    article: {
      ...article,
      id: articleId(article),
      contentHash: shortHash(article.text),
      extractedAt: options.extractedAt ?? new Date().toISOString(),
      extractorVersion: options.extractorVersion ?? EXTRACTOR_VERSION,
    },
    entities: doc.entities,
    relations: doc.relations,
  };
}
