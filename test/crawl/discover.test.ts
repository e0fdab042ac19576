import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  filterLinks,
  parseFeed,
  parseSectionPage,
  parseSitemap,
  rootElement,
  sitemapsOfRobots,
  sniffDocument,
} from '../../src/crawl/discover.js';

const fixture = (name: string) =>
  readFileSync(new URL(`../../fixtures/crawl/${name}`, import.meta.url), 'utf8');

describe('parseFeed', () => {
  it('reads RSS 2.0 items: resolves relative links, drops fragments, duplicates and non-http links', () => {
    const links = parseFeed(fixture('rss2.xml'), 'https://news.example.org/feed/');
    expect(links).toEqual([
      {
        url: 'https://news.example.org/2026/11/kalibr-iran-cooperation/',
        publishedAt: '2026-11-24T09:30:00.000Z',
      },
      { url: 'https://news.example.org/2026/11/relative-story/', publishedAt: '2026-11-20T12:00:00.000Z' },
    ]);
  });

  it('reads Atom entries, preferring the alternate link', () => {
    const links = parseFeed(fixture('atom.xml'), 'https://atom.example.net/feed.atom');
    expect(links).toEqual([
      { url: 'https://atom.example.net/news/skolkovo-rd-center', publishedAt: '2026-11-23T05:00:00.000Z' },
      { url: 'https://atom.example.net/news/undated-entry', publishedAt: undefined },
    ]);
  });

  it('reads a JSON Feed', () => {
    const json = JSON.stringify({
      version: 'https://jsonfeed.org/version/1.1',
      title: 't',
      items: [
        { id: '1', url: '/a/1', date_published: '2026-11-20T10:00:00Z' },
        { id: '2', content_text: 'no url' },
      ],
    });
    expect(parseFeed(json, 'https://j.example/feed.json')).toEqual([
      { url: 'https://j.example/a/1', publishedAt: '2026-11-20T10:00:00.000Z' },
    ]);
  });

  it('says why a document that is not a feed gives nothing', () => {
    expect(() => parseFeed('<html><body><p>hello</p></body></html>', 'https://x.example/')).toThrow(
      expect.objectContaining({ code: 'not-a-feed' }),
    );
  });

  it('reads RSS 1.0 (RDF) items with their dc:date, and an RSS item that only has a permalink guid', () => {
    const rdf = `<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="https://rdf.example/"><title>t</title><link>https://rdf.example/</link></channel>
  <item rdf:about="https://rdf.example/a/1"><title>one</title><link>https://rdf.example/a/1</link><dc:date>2017-06-13T09:00:00+00:00</dc:date></item>
</rdf:RDF>`;
    expect(parseFeed(rdf, 'https://rdf.example/rss')).toEqual([
      { url: 'https://rdf.example/a/1', publishedAt: '2017-06-13T09:00:00.000Z' },
    ]);
    const guidOnly = `<rss version="2.0"><channel><title>t</title>
<item><guid isPermaLink="true">https://g.example/story-1</guid></item>
<item><guid isPermaLink="false">tag:g.example,2026:2</guid></item></channel></rss>`;
    expect(parseFeed(guidOnly, 'https://g.example/feed').map((l) => l.url)).toEqual([
      'https://g.example/story-1',
    ]);
  });
});

describe('parseSitemap', () => {
  it('reads a news sitemap with publication dates', () => {
    const { links, sitemaps } = parseSitemap(
      fixture('sitemap-news.xml'),
      'https://news.example.org/sitemap.xml',
    );
    expect(sitemaps).toEqual([]);
    expect(links.map((l) => l.url)).toEqual([
      'https://news.example.org/2026/11/abbyy-national-library/',
      'https://news.example.org/2019/01/old-story/',
    ]);
    expect(links[0]?.publishedAt).toBe('2026-11-24T10:00:00.000Z');
  });

  it('lists the child sitemaps of an index', () => {
    const { links, sitemaps } = parseSitemap(
      fixture('sitemap-index.xml'),
      'https://news.example.org/sitemap.xml',
    );
    expect(links).toEqual([]);
    expect(sitemaps).toHaveLength(2);
  });

  it('lists dated child sitemaps newest first, and says why a document is no sitemap', () => {
    const index = `<sitemapindex>
  <sitemap><loc>https://s.example/2019.xml</loc><lastmod>2019-12-31</lastmod></sitemap>
  <sitemap><loc>https://s.example/2026-11.xml</loc><lastmod>2026-11-30</lastmod></sitemap>
  <sitemap><loc>https://s.example/2024.xml</loc><lastmod>2024-12-31</lastmod></sitemap>
</sitemapindex>`;
    expect(parseSitemap(index, 'https://s.example/sitemap.xml').sitemaps).toEqual([
      'https://s.example/2026-11.xml',
      'https://s.example/2024.xml',
      'https://s.example/2019.xml',
    ]);
    expect(() => parseSitemap('<rss version="2.0"></rss>', 'https://s.example/')).toThrow(
      /root element <rss>/,
    );
  });
});

describe('sniffing the root element', () => {
  it.each([
    [
      '\ufeff<?xml version="1.0"?>\n<!-- generated -->\n<?xml-stylesheet href="s.xsl"?>\n<rss version="2.0"/>',
      'rss',
      'feed',
    ],
    ['<feed xmlns="http://www.w3.org/2005/Atom"></feed>', 'feed', 'feed'],
    ['<rdf:RDF xmlns:rdf="x"></rdf:RDF>', 'rdf:rdf', 'feed'],
    ['<?xml version="1.0"?><urlset xmlns="x"></urlset>', 'urlset', 'sitemap'],
    ['<sitemapindex></sitemapindex>', 'sitemapindex', 'sitemap'],
    ['<!DOCTYPE html>\n<html><body></body></html>', 'html', 'html'],
    ['%PDF-1.4', undefined, 'other'],
  ])('%j has root %s: %s', (text, root, kind) => {
    expect(rootElement(text)).toBe(root);
    expect(sniffDocument(text)).toBe(kind);
  });
});

describe('sitemaps of a robots.txt', () => {
  it('lists the Sitemap: lines, resolved and without duplicates', () => {
    const robots =
      'User-agent: *\nDisallow: /private/\nSitemap: https://s.example/news.xml\nsitemap: https://s.example/news.xml\nSitemap: https://s.example/pages.xml.gz\n';
    expect(sitemapsOfRobots(robots, 'https://s.example/robots.txt')).toEqual([
      'https://s.example/news.xml',
      'https://s.example/pages.xml.gz',
    ]);
  });
});

describe('parseSectionPage', () => {
  it('keeps same-site headline links and drops navigation, tags, comments anchors and other sites', () => {
    const links = parseSectionPage(fixture('section.html'), 'https://news.example.org/international/');
    expect(links.map((l) => l.url)).toEqual([
      'https://news.example.org/2026/11/kalibr-iran-cooperation/',
      'https://www.news.example.org/international/islamic-azad-university-opens-rd-center',
    ]);
  });
});

describe('filterLinks', () => {
  const links = [
    { url: 'https://a.example/2026/11/new-story', publishedAt: '2026-11-24T00:00:00.000Z' },
    { url: 'https://a.example/2019/01/old-story', publishedAt: '2019-01-05T00:00:00.000Z' },
    { url: 'https://a.example/video/undated-clip' },
  ];

  it('drops links older than the window and keeps undated ones', () => {
    const kept = filterLinks(links, { since: new Date('2026-11-20T00:00:00Z') });
    expect(kept.map((l) => l.url)).toEqual([links[0]!.url, links[2]!.url]);
  });

  it('applies include and exclude patterns', () => {
    expect(filterLinks(links, { include: '/20\\d\\d/' }).map((l) => l.url)).toEqual([
      links[0]!.url,
      links[1]!.url,
    ]);
    expect(filterLinks(links, { exclude: '/video/' })).toHaveLength(2);
  });
});
