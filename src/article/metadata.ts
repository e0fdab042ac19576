/**
 * Page metadata: JSON-LD first, then OpenGraph / Twitter / Dublin Core / itemprop meta, `<link rel=canonical>`,
 * `<time datetime>`, `<html lang>`, and finally `<title>` and `<h1>`.
 */
import type { CheerioAPI } from 'cheerio';
import { toIsoDate } from './dates.js';
import { type JsonLdArticle, readJsonLdArticle } from './json-ld.js';
import { nonEmpty, normalizeSpace } from './text.js';

/** Everything about an article that is not its body text. */
export interface PageMetadata {
  title: string | null;
  byline: string | null;
  publishedAt: string | null;
  modifiedAt: string | null;
  siteName: string | null;
  language: string | null;
  description: string | null;
  canonicalUrl: string | null;
  /** JSON-LD `articleBody`: a hint for the body extractor, never trusted alone. */
  jsonLdBody: string | null;
}

/** Meta keys (name / property / itemprop, lower-cased) in order of trust, per field. */
const META_KEYS = {
  title: [
    'og:title',
    'twitter:title',
    'dc.title',
    'dcterms.title',
    'headline',
    'sailthru.title',
    'parsely-title',
  ],
  byline: [
    'author',
    'article:author',
    'dc.creator',
    'dcterms.creator',
    'byl',
    'sailthru.author',
    'parsely-author',
    'twitter:creator',
  ],
  published: [
    'article:published_time',
    'og:published_time',
    'datepublished',
    'dc.date.issued',
    'dcterms.issued',
    'dc.date',
    'dcterms.date',
    'date',
    'pubdate',
    'publishdate',
    'publish-date',
    'sailthru.date',
    'parsely-pub-date',
    'article.published',
  ],
  modified: ['article:modified_time', 'og:updated_time', 'datemodified', 'dcterms.modified', 'last-modified'],
  siteName: ['og:site_name', 'application-name', 'publisher', 'dc.publisher'],
  description: ['og:description', 'description', 'twitter:description', 'dc.description'],
  language: ['og:locale', 'content-language', 'dc.language', 'language', 'inlanguage'],
} as const;

/** `name`/`property`/`itemprop`/`http-equiv` of every `<meta content>` -> its first content. */
function readMetaTags($: CheerioAPI): Map<string, string> {
  const map = new Map<string, string>();
  $('meta[content]').each((_, el) => {
    const a = el.attribs;
    const content = a.content?.trim();
    if (!content) return;
    for (const key of [a.property, a.name, a.itemprop, a['http-equiv']]) {
      if (!key) continue;
      for (const k of key.toLowerCase().split(/\s+/)) if (!map.has(k)) map.set(k, content);
    }
  });
  return map;
}

function firstMeta(
  meta: Map<string, string>,
  keys: readonly string[],
  accept = (_: string) => true,
): string | null {
  for (const k of keys) {
    const v = meta.get(k);
    if (v && accept(v)) return v;
  }
  return null;
}

function resolveUrl(href: string | null | undefined, base: string | undefined): string | null {
  if (!href) return null;
  try {
    return new URL(href.trim(), base).href;
  } catch {
    return null;
  }
}

/** "en_US" -> "en-US"; keeps only things that look like a language tag. */
function toLanguageTag(value: string | null | undefined): string | null {
  if (!value) return null;
  const tag = value
    .trim()
    .split(/[,;\s]/)[0]!
    .replace(/_/g, '-');
  return /^[a-z]{2,3}(-[a-z0-9]{2,8})*$/i.test(tag) ? tag : null;
}

const isNotUrl = (v: string): boolean => !/^https?:\/\//i.test(v.trim()) && !v.trim().startsWith('@');

/** Separators between a headline and the site name (not ':', which headlines use themselves). */
const TITLE_SEPARATOR_RE = /\s+[|–—\-»·]\s+/;

/** An OpenGraph/Twitter title without a " | Site name" part, when that part is exactly the site name. */
function stripSiteName(title: string, siteName: string | null): string {
  if (!siteName) return title;
  const parts = title.split(TITLE_SEPARATOR_RE);
  const rest = parts.filter((p) => p.toLowerCase() !== siteName.toLowerCase());
  return rest.length > 0 && rest.length < parts.length ? rest.join(' - ') : title;
}

const BYLINE_PREFIX_RE = /^(?:by|por|von|oleh|par)\s+/i;
/** Where a byline scraped from the page runs into a date or a social handle. */
const BYLINE_TAIL_RE =
  /\s+(?:@\w+|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b|\d{1,2}\/\d{1,2}\/\d{2,4}|\d{4}-\d{2}-\d{2}).*$/i;

/** "By TOM KRISHER, AP Auto Writer" -> "TOM KRISHER, AP Auto Writer"; drops trailing dates and handles. */
export function cleanByline(raw: string | null): string | null {
  if (!raw) return null;
  const text = normalizeSpace(raw)
    .replace(BYLINE_PREFIX_RE, '')
    .replace(BYLINE_TAIL_RE, '')
    .replace(/[\s|,·–—-]+$/, '');
  return text.length > 0 ? text : null;
}

/** A `<title>` without the " | Site name" or " - Site" suffix (or prefix) when the rest is long enough. */
export function cleanTitle(raw: string, siteName: string | null): string {
  const title = normalizeSpace(raw);
  const parts = title.split(TITLE_SEPARATOR_RE);
  if (parts.length < 2) return title;
  if (siteName) {
    const rest = parts.filter((p) => p.toLowerCase() !== siteName.toLowerCase());
    if (rest.length < parts.length && rest.length > 0) return rest.join(' - ');
  }
  const longest = parts.reduce((a, b) => (b.length > a.length ? b : a));
  // Only drop the site part when the remainder is a real headline (several words).
  return longest.split(' ').length >= 4 ? longest : title;
}

function bylineFromDom($: CheerioAPI): string | null {
  const el = $(
    '[itemprop~="author"] [itemprop~="name"], [itemprop~="author"], [rel="author"], .byline, .author',
  )
    .first()
    .text();
  const text = normalizeSpace(el).replace(/^by\s+/i, '');
  // A byline is a few names, not a bio.
  return text.length > 0 && text.length <= 100 ? text : null;
}

function timeFromDom($: CheerioAPI, itemprop: string): string | null {
  const el = $(`[itemprop~="${itemprop}"]`).first();
  const v = el.attr('datetime') ?? el.attr('content') ?? null;
  if (v) return v;
  return itemprop === 'datePublished' ? ($('time[datetime]').first().attr('datetime') ?? null) : null;
}

/** Read every metadata signal of the page. `url` is the page URL, when known. */
export function extractMetadata($: CheerioAPI, url?: string): PageMetadata {
  const meta = readMetaTags($);
  const ld: JsonLdArticle | null = readJsonLdArticle($);
  const siteName = nonEmpty(firstMeta(meta, META_KEYS.siteName)) ?? ld?.publisher ?? null;
  const h1 = normalizeSpace($('h1').first().text());
  const docTitle = $('title').first().text();
  const title =
    ld?.headline ??
    nonEmpty(stripSiteName(firstMeta(meta, META_KEYS.title) ?? '', siteName)) ??
    (h1.length > 0 ? h1 : null) ??
    nonEmpty(cleanTitle(docTitle, siteName));
  const byline = cleanByline(
    (ld && ld.authors.length > 0 ? [...new Set(ld.authors)].join(', ') : null) ??
      nonEmpty(firstMeta(meta, META_KEYS.byline, isNotUrl)) ??
      bylineFromDom($),
  );
  const canonical =
    resolveUrl($('link[rel~="canonical" i]').attr('href'), url) ??
    resolveUrl(meta.get('og:url'), url) ??
    resolveUrl(ld?.url, url) ??
    (url ? resolveUrl(url, undefined) : null);
  return {
    title,
    byline,
    publishedAt: toIsoDate(
      ld?.datePublished ?? firstMeta(meta, META_KEYS.published) ?? timeFromDom($, 'datePublished'),
    ),
    modifiedAt: toIsoDate(
      ld?.dateModified ?? firstMeta(meta, META_KEYS.modified) ?? timeFromDom($, 'dateModified'),
    ),
    siteName,
    language:
      toLanguageTag($('html').attr('lang')) ??
      toLanguageTag($('html').attr('xml:lang')) ??
      toLanguageTag(ld?.inLanguage) ??
      toLanguageTag(firstMeta(meta, META_KEYS.language)),
    description: nonEmpty(firstMeta(meta, META_KEYS.description)) ?? ld?.description ?? null,
    canonicalUrl: canonical,
    jsonLdBody: ld?.articleBody ?? null,
  };
}
