/**
 * Pure link discovery for scheduled crawls: feeds (RSS 0.9x/2.0, RSS 1.0/RDF, Atom, JSON Feed, parsed by
 * feedsmith), sitemaps (plain, index, Google News; parsed by fast-xml-parser), the `Sitemap:` lines of a
 * robots.txt (robots-parser) and section pages (cheerio). Each returns candidate article URLs with a date
 * when the source gives one.
 */
import * as cheerio from 'cheerio';
import { XMLParser } from 'fast-xml-parser';
import { parseFeed as parseAnyFeed } from 'feedsmith';
import robotsParserModule from 'robots-parser';
import { PermanentError } from '../core/index.js';

export interface DiscoveredLink {
  url: string;
  /** ISO 8601, when the source dates the entry. */
  publishedAt?: string;
}

export interface SitemapLinks {
  /** Article URLs listed by a `<urlset>`. */
  links: DiscoveredLink[];
  /** Child sitemaps listed by a `<sitemapindex>`, most recently modified first when they say. */
  sitemaps: string[];
}

/** What a fetched source turned out to be, from its root element (not its Content-Type). */
export type DocumentKind = 'feed' | 'sitemap' | 'html' | 'other';

/** Links on a section page shorter than this are navigation ("Home", "More"), not headlines. */
const MIN_HEADLINE_CHARS = 20;
/** Article paths have some depth or a slug; `/`, `/world/` are sections. */
const ARTICLE_PATH = /\/[^/]*(\d{4}|[a-z0-9]+-[a-z0-9]+-[a-z0-9]+)[^/]*\/?$/i;
/** Never article pages. */
const NON_ARTICLE_PATH =
  /\/(tag|tags|topic|topics|author|authors|category|categories|search|login|subscribe|newsletter|about|contact|privacy|terms)(\/|$)/i;
/** Root elements of feeds (RSS, RSS 1.0/RDF, Atom) and of sitemaps. */
const FEED_ROOTS = new Set(['rss', 'feed', 'rdf:rdf', 'rdf']);
const SITEMAP_ROOTS = new Set(['urlset', 'sitemapindex']);
/** The root element is found within this many characters (after the prolog, comments, a doctype). */
const ROOT_SNIFF_CHARS = 4096;
/** Prolog items before the root element: XML declaration / processing instructions, comments, doctype. */
const PROLOG_ITEM = /^\s*(?:<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!doctype[^>[]*(?:\[[\s\S]*?\])?\s*>)/i;

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

function isoDate(text: unknown): string | undefined {
  if (typeof text !== 'string' || text.trim() === '') return undefined;
  const t = Date.parse(text.trim());
  return Number.isNaN(t) ? undefined : new Date(t).toISOString();
}

function unique(links: DiscoveredLink[]): DiscoveredLink[] {
  const seen = new Set<string>();
  return links.filter((l) => !seen.has(l.url) && seen.add(l.url));
}

/** The root element's name (lower case, prefix kept), or `undefined` when the text has none. */
export function rootElement(text: string): string | undefined {
  let rest = text.replace(/^\ufeff/, '').slice(0, ROOT_SNIFF_CHARS);
  for (let m = PROLOG_ITEM.exec(rest); m; m = PROLOG_ITEM.exec(rest)) rest = rest.slice(m[0].length);
  if (/^\s*[{[]/.test(rest)) return '(json)';
  return /^\s*<([A-Za-z_][\w.:-]*)/.exec(rest)?.[1]?.toLowerCase();
}

/** Sniff what a document is from its root element. */
export function sniffDocument(text: string): DocumentKind {
  const root = rootElement(text);
  if (root === undefined) return 'other';
  if (FEED_ROOTS.has(root) || root === '(json)') return 'feed';
  if (SITEMAP_ROOTS.has(root)) return 'sitemap';
  if (root === 'html') return 'html';
  return 'other';
}

/** The fields we read of a feedsmith item or entry (RSS, RDF, Atom, JSON Feed alike). */
interface FeedEntry {
  link?: string;
  url?: string;
  guid?: { value?: string; isPermaLink?: boolean };
  rdf?: { about?: string };
  links?: Array<{ href?: string; rel?: string }>;
  pubDate?: string;
  published?: string;
  updated?: string;
  date_published?: string;
  dc?: { dates?: string[]; date?: string };
}

function entryUrl(e: FeedEntry): string | undefined {
  if (e.links) {
    const alternate = e.links.find((l) => l.rel === 'alternate') ?? e.links.find((l) => !l.rel);
    return (alternate ?? e.links[0])?.href;
  }
  const guid = e.guid?.isPermaLink === false ? undefined : e.guid?.value;
  return e.link ?? e.url ?? e.rdf?.about ?? guid;
}

function entryDate(e: FeedEntry): string | undefined {
  return isoDate(e.pubDate ?? e.published ?? e.date_published ?? e.dc?.dates?.[0] ?? e.dc?.date ?? e.updated);
}

/** Entries of a feed (RSS 0.9x/2.0, RSS 1.0/RDF, Atom, JSON Feed). Throws `not-a-feed` when it is none. */
export function parseFeed(text: string, baseUrl: string): DiscoveredLink[] {
  let parsed: { feed: unknown };
  try {
    parsed = parseAnyFeed(text) as { feed: unknown };
  } catch (cause) {
    throw new PermanentError('not-a-feed', `not a readable feed: ${(cause as Error).message}`, { cause });
  }
  const feed = parsed.feed as { items?: FeedEntry[]; entries?: FeedEntry[] };
  const links: DiscoveredLink[] = [];
  for (const entry of feed.items ?? feed.entries ?? []) {
    const url = resolve(entryUrl(entry), baseUrl);
    const publishedAt = entryDate(entry);
    if (url) links.push({ url, ...(publishedAt ? { publishedAt } : {}) });
  }
  return unique(links);
}

/** fast-xml-parser set for sitemaps: namespaces dropped (`news:publication_date` -> `publication_date`), lists always arrays. */
const sitemapParser = new XMLParser({
  removeNSPrefix: true,
  ignoreAttributes: true,
  parseTagValue: false,
  isArray: (name) => name === 'url' || name === 'sitemap',
});

interface SitemapEntry {
  loc?: string;
  lastmod?: string;
  news?: { publication_date?: string };
}

/** URLs of a sitemap (`<urlset>`, with Google News dates) or child sitemaps of a `<sitemapindex>`. */
export function parseSitemap(text: string, baseUrl: string): SitemapLinks {
  let doc: { urlset?: { url?: SitemapEntry[] }; sitemapindex?: { sitemap?: SitemapEntry[] } };
  try {
    doc = sitemapParser.parse(text) as typeof doc;
  } catch (cause) {
    throw new PermanentError('not-a-sitemap', `not a readable sitemap: ${(cause as Error).message}`, {
      cause,
    });
  }
  if (!doc.urlset && !doc.sitemapindex) {
    throw new PermanentError('not-a-sitemap', `not a sitemap: root element <${rootElement(text) ?? '?'}>`);
  }
  const links: DiscoveredLink[] = [];
  for (const entry of doc.urlset?.url ?? []) {
    const url = resolve(typeof entry.loc === 'string' ? entry.loc : undefined, baseUrl);
    const publishedAt = isoDate(entry.news?.publication_date) ?? isoDate(entry.lastmod);
    if (url) links.push({ url, ...(publishedAt ? { publishedAt } : {}) });
  }
  const children = (doc.sitemapindex?.sitemap ?? [])
    .map((s) => ({
      url: resolve(typeof s.loc === 'string' ? s.loc : undefined, baseUrl),
      at: isoDate(s.lastmod),
    }))
    .filter((s): s is { url: string; at: string | undefined } => s.url !== undefined);
  // Newest first when dated (an index lists years of monthly sitemaps; recent news is in the newest).
  const ordered = children.some((c) => c.at)
    ? [...children].sort((a, b) => (b.at ?? '').localeCompare(a.at ?? ''))
    : children;
  return { links: unique(links), sitemaps: [...new Set(ordered.map((c) => c.url))] };
}

type ParseRobots = (url: string, text: string) => { getSitemaps(): string[] };
/** robots-parser is CommonJS (`module.exports = fn`) but its types declare a default export: accept both. */
const robotsParser: ParseRobots =
  (robotsParserModule as unknown as { default?: ParseRobots }).default ??
  (robotsParserModule as unknown as ParseRobots);

/** The sitemaps a robots.txt lists (`Sitemap:` lines). */
export function sitemapsOfRobots(text: string, robotsUrl: string): string[] {
  const urls = robotsParser(robotsUrl, text)
    .getSitemaps()
    .map((u) => resolve(u, robotsUrl))
    .filter((u): u is string => u !== undefined);
  return [...new Set(urls)];
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
  include?: string | undefined;
  exclude?: string | undefined;
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
