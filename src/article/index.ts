/**
 * Article extraction: pure functions from HTML bytes or text to an `Article`.
 * Never fetches; throws `ExtractionError` (with a `code`) when no article can be made.
 */
export { type CharsetSource, type DecodedPage, decodeHtml } from './decode.js';
export { extractArticle, type HtmlInput } from './extract.js';
export { extractMetadata, type PageMetadata } from './metadata.js';
export { articleFromText } from './text-input.js';
