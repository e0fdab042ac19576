/**
 * Plain text -> Article (the `--text` mode and `.txt` files).
 */
import { type Article, ExtractionError } from '../core/index.js';

/** Make an Article from plain text: the first non-empty line is the title. */
export function articleFromText(text: string): Article {
  const paragraphs = text
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter((p) => p.length > 0);
  if (paragraphs.length === 0) throw new ExtractionError('empty-document', 'the text is empty');
  const firstLine = text.split(/\r?\n|\r/).find((l) => l.trim().length > 0) ?? paragraphs[0]!;
  const title = firstLine.replace(/\s+/g, ' ').trim();
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
