import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { filterLinks, parseFeed, parseSectionPage, parseSitemap } from '../../src/crawl/discover.js';

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

  it('returns nothing for a document that is not a feed', () => {
    expect(parseFeed('<html><body><p>hello</p></body></html>', 'https://x.example/')).toEqual([]);
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
