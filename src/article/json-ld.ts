/**
 * JSON-LD: find the article object (`NewsArticle`, `Article`, …) in every `ld+json` script, including
 * `@graph` arrays and `mainEntity` nesting.
 */
import type { CheerioAPI } from 'cheerio';
import { nonEmpty } from './text.js';

/** Schema.org types that describe one article (or post) of a page. */
const ARTICLE_TYPES = new Set([
  'article',
  'newsarticle',
  'reportagenewsarticle',
  'analysisnewsarticle',
  'opinionnewsarticle',
  'backgroundnewsarticle',
  'reviewnewsarticle',
  'askpublicnewsarticle',
  'blogposting',
  'liveblogposting',
  'socialmediaposting',
  'scholarlyarticle',
  'techarticle',
  'report',
]);

type Json = Record<string, unknown>;

/** What JSON-LD says about the article. */
export interface JsonLdArticle {
  headline: string | null;
  authors: string[];
  datePublished: string | null;
  dateModified: string | null;
  publisher: string | null;
  description: string | null;
  articleBody: string | null;
  inLanguage: string | null;
  url: string | null;
}

function types(node: Json): string[] {
  const t = node['@type'];
  const list = Array.isArray(t) ? t : [t];
  return list.filter((x): x is string => typeof x === 'string').map((x) => x.toLowerCase());
}

function isObject(x: unknown): x is Json {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** Every object in a JSON-LD value: arrays, `@graph`, and `mainEntity`/`mainEntityOfPage` nesting. */
function flatten(value: unknown, out: Json[], depth = 0): void {
  if (depth > 5) return;
  if (Array.isArray(value)) {
    for (const v of value) flatten(v, out, depth + 1);
    return;
  }
  if (!isObject(value)) return;
  out.push(value);
  if (value['@graph']) flatten(value['@graph'], out, depth + 1);
  if (isObject(value.mainEntity)) flatten(value.mainEntity, out, depth + 1);
}

function parseScript(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    try {
      // Raw newlines/tabs inside strings are the most common JSON-LD mistake in the wild.
      return JSON.parse(text.replace(/[\u0000-\u001f]+/g, ' '));
    } catch {
      return undefined;
    }
  }
}

function name(x: unknown): string | null {
  if (typeof x === 'string') return nonEmpty(x);
  if (isObject(x)) return nonEmpty(typeof x.name === 'string' ? x.name : undefined);
  return null;
}

function names(x: unknown): string[] {
  const list = Array.isArray(x) ? x : [x];
  return list.map(name).filter((n): n is string => n !== null && !/^https?:\/\//.test(n));
}

function str(x: unknown): string | null {
  if (typeof x === 'string') return x.trim() || null;
  if (isObject(x) && typeof x['@id'] === 'string') return x['@id'];
  return null;
}

/** The first article-typed JSON-LD object on the page, or `null`. */
export function readJsonLdArticle($: CheerioAPI): JsonLdArticle | null {
  const nodes: Json[] = [];
  $('script[type="application/ld+json" i]').each((_, el) => {
    flatten(parseScript($(el).text()), nodes);
  });
  const article = nodes.find((n) => types(n).some((t) => ARTICLE_TYPES.has(t)));
  if (!article) return null;
  const body = typeof article.articleBody === 'string' ? article.articleBody : null;
  return {
    headline: name(article.headline) ?? name(article.name),
    authors: names(article.author ?? article.creator),
    datePublished: str(article.datePublished) ?? str(article.dateCreated),
    dateModified: str(article.dateModified),
    publisher: name(article.publisher) ?? name(article.sourceOrganization),
    description: name(article.description),
    articleBody: body,
    inLanguage: name(article.inLanguage),
    url: str(article.url) ?? str(article.mainEntityOfPage),
  };
}
