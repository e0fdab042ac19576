/**
 * `extractArticle`: bytes or string -> decoded HTML -> cheerio (htmlparser2) -> metadata + body -> Article.
 */

import { type Article, ExtractionError } from '../core/index.js';
import { extractBody } from './body.js';
import { load } from './cheerio.js';
import { MAX_DOM_DEPTH, MIN_ARTICLE_CHARS } from './constants.js';
import { decodeHtml } from './decode.js';
import { boundNesting } from './depth-guard.js';
import { flattenDeepNodes } from './dom.js';
import { extractMetadata } from './metadata.js';
import { BLOCK_TAGS } from './selectors.js';
import { visibleDate } from './visible-date.js';

export interface HtmlInput {
  /** The page, as bytes (charset is sniffed) or as an already-decoded string. */
  html: Uint8Array | string;
  /** The page URL, when known: resolves relative links and is the fallback canonical URL. */
  url?: string;
  /** Charset from the HTTP `Content-Type`, when known. */
  charset?: string;
}

/** Markup we accept as HTML: a doctype, or at least one known HTML tag. */
const HTML_MARKER_RE =
  /<!doctype\s+html|<(?:html|head|body|p|div|article|main|section|table|title|meta|h[1-6]|span|br)\b/i;

function toText(input: HtmlInput): string {
  if (typeof input.html === 'string') return input.html.replace(/^\ufeff/, '');
  return decodeHtml(input.html, input.charset).text;
}

/**
 * Extract the article from an HTML page.
 * @throws ExtractionError `empty-document`, `binary`, `not-html` or `no-article` — never an empty result.
 */
export function extractArticle(input: HtmlInput): Article {
  const bytes = typeof input.html === 'string' ? input.html.length : input.html.byteLength;
  if (bytes === 0) throw new ExtractionError('empty-document', 'the document is empty');
  const html = toText(input);
  if (html.trim().length === 0) throw new ExtractionError('empty-document', 'the document is blank');
  if (!HTML_MARKER_RE.test(html.slice(0, 64 * 1024))) {
    throw new ExtractionError('not-html', 'the input does not look like an HTML page');
  }
  const $ = load(boundNesting(html), { xml: { xmlMode: false, decodeEntities: true } });
  flattenDeepNodes($.root()[0]!, MAX_DOM_DEPTH, (name) => BLOCK_TAGS.has(name));
  const meta = extractMetadata($, input.url);
  // Read before the body is pruned: bylines and timestamps are dropped from it.
  const shownDate = meta.publishedAt ? null : visibleDate($, meta.title, meta.language);
  const { blocks } = extractBody($, meta.title, meta.jsonLdBody);
  const text = blocks.map((b) => b.text).join('\n\n');
  if (text.length < MIN_ARTICLE_CHARS) {
    throw new ExtractionError('no-article', 'no article text was found on the page', {
      details: { url: input.url ?? null, chars: text.length },
    });
  }
  return {
    url: input.url ?? null,
    canonicalUrl: meta.canonicalUrl,
    title: meta.title ?? blocks[0]!.text,
    byline: meta.byline,
    publishedAt: meta.publishedAt ?? shownDate,
    modifiedAt: meta.modifiedAt,
    siteName: meta.siteName,
    language: meta.language,
    description: meta.description,
    text,
    paragraphs: blocks.filter((b) => !b.heading).map((b) => b.text),
    headings: blocks.filter((b) => b.heading).map((b) => b.text),
  };
}
