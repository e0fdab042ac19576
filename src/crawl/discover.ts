/**
 * Pure link discovery for scheduled crawls: feeds (RSS 2.0, RSS 1.0/RDF, Atom), sitemaps (plain, index,
 * Google News) and section pages. Each returns candidate article URLs with a date when the source gives one.
 */
import * as cheerio from 'cheerio';

export interface DiscoveredLink {
  url: string;
  /** ISO 8601, when the source dates the entry. */
  publishedAt?: string;
}

export interface SitemapLinks {
  /** Article URLs listed by a `<urlset>`. */
  links: DiscoveredLink[];
  /** Child sitemaps listed by a `<sitemapindex>`. */
  sitemaps: string[];
}

/** Links on a section page shorter than this are navigation ("Home", "More"), not headlines. */
const MIN_HEADLINE_CHARS = 20;
/** Article paths have some depth or a slug; `/`, `/world/` are sections. */
const ARTICLE_PATH = /\/[^/]*(\d{4}|[a-z0-9]+-[a-z0-9]+-[a-z0-9]+)[^/]*\/?$/i;
/** Never article pages. */
const NON_ARTICLE_PATH =
  /\/(tag|tags|topic|topics|author|authors|category|categories|search|login|subscribe|newsletter|about|contact|privacy|terms)(\/|$)/i;

function resolve(href: string | undefined, base: string): string | undefined {
  if (!href) return undefined;
  try {
    const url = new URL(href.trim(), base);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
    url.hash = '';
    return url.href;
  } catch {
    return undefined;
  }
}

function isoDate(text: string | undefined): string | undefined {
  if (!text) return undefined;
  const t = Date.parse(text.trim());
  return Number.isNaN(t) ? undefined : new Date(t).toISOString();
}

function unique(links: DiscoveredLink[]): DiscoveredLink[] {
  const seen = new Set<string>();
  return links.filter((l) => !seen.has(l.url) && seen.add(l.url));
}

/** Entries of an RSS 2.0, RSS 1.0 (RDF) or Atom feed. */
export function parseFeed(xml: string, baseUrl: string): DiscoveredLink[] {
  const $ = cheerio.load(xml, { xml: true });
  const links: DiscoveredLink[] = [];
  $('item').each((_, el) => {
    const item = $(el);
    const href =
      item.children('link').first().text() || item.attr('rdf:about') || item.children('guid').text();
    const url = resolve(href, baseUrl);
    const date = item.children('pubDate').text() || item.children('dc\\:date').text();
    if (url) links.push({ url, publishedAt: isoDate(date) });
  });
  $('entry').each((_, el) => {
    const entry = $(el);
    const alternate =
      entry.children('link[rel="alternate"]').attr('href') ?? entry.children('link:not([rel])').attr('href');
    const url = resolve(alternate ?? entry.children('link').first().attr('href'), baseUrl);
    const date = entry.children('published').text() || entry.children('updated').text();
    if (url) links.push({ url, publishedAt: isoDate(date) });
  });
  return unique(links);
}

/** URLs of a sitemap (`<urlset>`, with Google News dates) or child sitemaps of a `<sitemapindex>`. */
export function parseSitemap(xml: string, baseUrl: string): SitemapLinks {
  const $ = cheerio.load(xml, { xml: true });
  const links: DiscoveredLink[] = [];
  $('urlset > url').each((_, el) => {
    const entry = $(el);
    const url = resolve(entry.children('loc').text(), baseUrl);
    const date = entry.find('news\\:publication_date').text() || entry.children('lastmod').text();
    if (url) links.push({ url, publishedAt: isoDate(date) });
  });
  const sitemaps: string[] = [];
  $('sitemapindex > sitemap > loc').each((_, el) => {
    const url = resolve($(el).text(), baseUrl);
    if (url) sitemaps.push(url);
  });
  return { links: unique(links), sitemaps: [...new Set(sitemaps)] };
}

/** Headline links of a section page: same site, article-like path, headline-like text. */
export function parseSectionPage(html: string, baseUrl: string): DiscoveredLink[] {
  const $ = cheerio.load(html);
  const host = new URL(baseUrl).hostname.replace(/^www\./, '');
  const links: DiscoveredLink[] = [];
  $('a[href]').each((_, el) => {
    const a = $(el);
    const url = resolve(a.attr('href'), baseUrl);
    if (!url) return;
    const parsed = new URL(url);
    if (parsed.hostname.replace(/^www\./, '') !== host) return;
    if (!ARTICLE_PATH.test(parsed.pathname) || NON_ARTICLE_PATH.test(parsed.pathname)) return;
    const text = a.text().replace(/\s+/g, ' ').trim() || a.attr('title') || '';
    if (text.length < MIN_HEADLINE_CHARS) return;
    links.push({ url });
  });
  return unique(links);
}

export interface LinkFilter {
  include?: string;
  exclude?: string;
  /** Drop links dated before this time (undated links are kept). */
  since?: Date;
}

/** Apply a source's include/exclude patterns and a pipeline's age window. */
export function filterLinks(links: DiscoveredLink[], filter: LinkFilter): DiscoveredLink[] {
  const include = filter.include ? new RegExp(filter.include) : undefined;
  const exclude = filter.exclude ? new RegExp(filter.exclude) : undefined;
  const since = filter.since?.getTime();
  return links.filter(
    (l) =>
      (!include || include.test(l.url)) &&
      !exclude?.test(l.url) &&
      (since === undefined || l.publishedAt === undefined || Date.parse(l.publishedAt) >= since),
  );
}
