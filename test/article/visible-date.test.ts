/** Publication dates read from the visible text of pages without date metadata (htmldate's manner). */
import { load } from 'cheerio';
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/article/index.js';
import { visibleDate } from '../../src/article/visible-date.js';

const NOW = new Date('2026-12-01T00:00:00Z');
const BODY =
  'The lab opened this week with six resident start-ups working on underwater drones and port automation. '.repeat(
    4,
  );
const page = (head: string, underTitle: string, lang?: string) =>
  `<html${lang ? ` lang="${lang}"` : ''}><head><title>Harbor lab opens</title>${head}</head><body><table><tr><td>
  <font size="4"><b>Harbor lab opens</b></font><br><font size="1">${underTitle}</font><br><br>
  <font>${BODY}</font></td></tr></table></body></html>`;
const dateOf = (html: string, lang: string | null = null) =>
  visibleDate(load(html), 'Harbor lab opens', lang, NOW);

describe('visibleDate', () => {
  it.each([
    ['Posted 10/11/2016 by editor', null, '2016-10-11'],
    ['Posted 10/11/2016 by editor', 'en-US', '2016-10-11'],
    ['Posted 10/11/2016 by editor', 'en-GB', '2016-11-10'],
    ['Veröffentlicht am 10.11.2016', 'de', '2016-11-10'],
    ['Publié le 3 mars 2016', 'fr', '2016-03-03'],
    ['October 14, 2016', null, '2016-10-14'],
    ['14 October 2016', 'en-GB', '2016-10-14'],
  ])('"%s" (language %s) -> %s', (line, lang, expected) => {
    expect(dateOf(page('', line), lang)).toBe(expected);
  });

  it.each([
    ['a relative time', 'Updated 3 hours ago'],
    ['a month without a day', 'October 2016'],
    ['a date in the future', 'Posted 10/11/2031'],
    ['nothing', 'by editor'],
  ])('finds no date in %s', (_what, line) => {
    expect(dateOf(page('', line))).toBeNull();
  });

  it('does not take an event date from a paragraph', () => {
    const html = page('', 'by editor').replace(
      BODY,
      `${BODY} The project was first announced on March 3, 2015.`,
    );
    expect(dateOf(html)).toBeNull();
  });

  it('prefers an element marked as a date, wherever it is', () => {
    const html = page('', 'by editor').replace(
      '</table>',
      '</table><div class="post-footer"><span class="entry-date">Oct. 14, 2016</span></div>',
    );
    expect(dateOf(html)).toBe('2016-10-14');
  });

  it('is used by extractArticle only when the metadata has no date', () => {
    const shown = page('', 'Posted 10/11/2016 by editor');
    expect(extractArticle({ html: shown }).publishedAt).toBe('2016-10-11');
    const withMeta = page(
      '<meta property="article:published_time" content="2016-10-12">',
      'Posted 10/11/2016',
    );
    expect(extractArticle({ html: withMeta }).publishedAt).toBe('2016-10-12');
  });
});
