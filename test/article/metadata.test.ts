import { load } from 'cheerio';
import { describe, expect, it } from 'vitest';
import { toIsoDate } from '../../src/article/dates.js';
import { cleanByline, cleanTitle, extractMetadata } from '../../src/article/metadata.js';

const parse = (html: string) => load(html, { xml: { xmlMode: false, decodeEntities: true } });

describe('extractMetadata', () => {
  it('reads an article inside a JSON-LD @graph and prefers it to meta tags', () => {
    const ld = {
      '@context': 'https://schema.org',
      '@graph': [
        { '@type': 'WebSite', name: 'Site' },
        {
          '@type': ['NewsArticle'],
          headline: 'Kalibr &amp; Fars sign',
          author: [{ '@type': 'Person', name: 'A. Writer' }, { name: 'B. Writer' }],
          datePublished: '2017-06-21T09:12:44+03:00',
          dateModified: '2017-06-22',
          publisher: { '@type': 'Organization', name: 'EWDN' },
          articleBody: 'Body from JSON-LD.',
        },
      ],
    };
    const m = extractMetadata(
      parse(`<html><head><script type="application/ld+json">${JSON.stringify(ld)}</script>
        <meta property="og:title" content="OG title"></head><body></body></html>`),
    );
    expect(m).toMatchObject({
      title: 'Kalibr & Fars sign',
      byline: 'A. Writer, B. Writer',
      publishedAt: '2017-06-21T06:12:44.000Z',
      modifiedAt: '2017-06-22',
      siteName: 'EWDN',
      jsonLdBody: 'Body from JSON-LD.',
    });
  });

  it('survives broken JSON-LD and falls back to OpenGraph, Dublin Core and canonical', () => {
    const m = extractMetadata(
      parse(`<html lang="pt_BR"><head>
        <script type="application/ld+json">{ "@type": "NewsArticle", "headline": </script>
        <meta property="og:title" content="OG title">
        <meta name="DC.creator" content="Ana Souza">
        <meta name="dc.date" content="20191119">
        <meta property="og:site_name" content="Folha">
        <meta name="description" content="Desc">
        <link rel="canonical" href="/a/b?x=1">
      </head><body></body></html>`),
      'https://example.com/news/1',
    );
    expect(m).toMatchObject({
      title: 'OG title',
      byline: 'Ana Souza',
      publishedAt: '2019-11-19',
      siteName: 'Folha',
      language: 'pt-BR',
      description: 'Desc',
      canonicalUrl: 'https://example.com/a/b?x=1',
    });
  });

  it('uses itemprop, <time datetime> and rel=author when there is no meta', () => {
    const m = extractMetadata(
      parse(`<html><head><title>Headline here for the story - Daily Site</title></head><body>
        <span itemprop="author" itemscope><span itemprop="name">Jo Reporter</span></span>
        <time datetime="2019-11-18T10:00:00Z">Nov 18</time></body></html>`),
    );
    expect(m).toMatchObject({ byline: 'Jo Reporter', publishedAt: '2019-11-18T10:00:00.000Z' });
    expect(m.title).toBe('Headline here for the story');
  });

  it('does not take a profile URL as the byline', () => {
    const m = extractMetadata(
      parse(
        '<html><head><meta property="article:author" content="https://facebook.com/someone"></head></html>',
      ),
    );
    expect(m.byline).toBeNull();
  });
});

describe('cleanTitle', () => {
  it('drops the site name but keeps short titles whole', () => {
    expect(cleanTitle('Kalibr signs with Iranian parks | EWDN', 'EWDN')).toBe(
      'Kalibr signs with Iranian parks',
    );
    expect(cleanTitle('News - Home', null)).toBe('News - Home');
  });
});

describe('toIsoDate', () => {
  it.each([
    ['2019-11-19', '2019-11-19'],
    ['2019-11-19 14:05:00+0330', '2019-11-19T10:35:00.000Z'],
    ['2019-11-19T14:05:00Z', '2019-11-19T14:05:00.000Z'],
    ['1574168580', '2019-11-19T13:03:00.000Z'],
    ['Tue, 19 Nov 2019 13:03:00 GMT', '2019-11-19T13:03:00.000Z'],
    ['not a date', null],
    ['', null],
    ['0001-01-01', null],
  ])('%s -> %s', (input, expected) => {
    expect(toIsoDate(input)).toBe(expected);
  });
});

describe('cleanByline', () => {
  it.each([
    ['By TOM KRISHER, AP Auto Writer', 'TOM KRISHER, AP Auto Writer'],
    ['Bryan DeArdo @BryanDeArdo Nov 18, 2019 at 10:24 pm ET', 'Bryan DeArdo'],
    ['JERUSALEM POST STAFF NOVEMBER 20, 2019 12:43', 'JERUSALEM POST STAFF'],
    ['Amy Kuperinsky | NJ Advance Media for NJ.com', 'Amy Kuperinsky | NJ Advance Media for NJ.com'],
    ['  ', null],
  ])('%j -> %j', (raw, expected) => {
    expect(cleanByline(raw)).toBe(expected);
  });
});

describe('OpenGraph titles', () => {
  it('drop the site name part, and only that', () => {
    const head = (t: string) =>
      parse(
        `<html><head><meta property="og:title" content="${t}"><meta property="og:site_name" content="MoreBikes"></head></html>`,
      );
    expect(extractMetadata(head('Bike book review | MoreBikes')).title).toBe('Bike book review');
    expect(extractMetadata(head('Milan Design Week | Light installation')).title).toBe(
      'Milan Design Week | Light installation',
    );
    expect(extractMetadata(head('Hong Kong chaos: China warns')).title).toBe('Hong Kong chaos: China warns');
  });
});
