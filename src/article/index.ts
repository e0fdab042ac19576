/**
 * Article extraction: pure functions from HTML bytes or text to an `Article`.
 * Never fetches; throws `ExtractionError` (with a `code`) when no article can be made.
 */
import { type Article, ExtractionError } from '../core/index.js';

export interface HtmlInput {
  /** The page, as bytes (charset is sniffed) or as an already-decoded string. */
  html: Uint8Array | string;
  /** The page URL, when known: resolves relative links and is the fallback canonical URL. */
  url?: string;
  /** Charset from the HTTP `Content-Type`, when known. */
  charset?: string;
}

/** Extract the article from an HTML page. */
export function extractArticle(_input: HtmlInput): Article {
  throw new ExtractionError('not-implemented', 'article extraction is not implemented yet');
}

/** Make an Article from plain text: the first non-empty line is the title. */
export function articleFromText(text: string): Article {
  const paragraphs = text
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter((p) => p.length > 0);
  if (paragraphs.length === 0) throw new ExtractionError('empty-document', 'the text is empty');
  const title = paragraphs[0]!.split('\n')[0]!;
  return {
    url: null,
    canonicalUrl: null,
    title,
    byline: null,
    publishedAt: null,
    modifiedAt: null,
    siteName: null,
    language: null,
    description: null,
    text: paragraphs.join('\n\n'),
    paragraphs,
    headings: [],
  };
}
