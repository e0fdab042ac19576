/**
 * The publication date from the page's visible text, for pages without date metadata, in the manner of
 * htmldate: first elements whose class, id or itemprop names a date, then the lines around the title
 * (where "Posted 10/14/2016 by editor" sits), then any short line with a date cue word. Dates are read
 * by chrono-node's strict parsers (formal dates only, no "3 hours ago"), the page's language deciding
 * the order of day and month: US English (and an undeclared language) reads 10/11/2016 as October 11,
 * every other language as 10 November. Only a complete, plausible date counts.
 *
 * chrono-node (all its locales, ~90 ms of CPU to load) is loaded on the first page that needs it, that
 * is one without date metadata: a one-page `extract` of a page with metadata never pays for it.
 */
import { createRequire } from 'node:module';
import type { CheerioAPI } from 'cheerio';
import type * as Chrono from 'chrono-node';
import type { AnyNode } from 'domhandler';
import { isElement } from './dom.js';

/** Classes/ids/itemprops that mark a date or the byline line it usually shares. */
const DATE_HINT_RE = /\b(?:date|time|posted|published|pubdate|dateline|byline|entry-meta|post-meta|meta)\b/i;
/** Longer lines are paragraphs, whose dates are events, not the publication. */
const MAX_DATE_LINE_CHARS = 120;
/** Lines read before and after the title's line. */
const LINES_BEFORE_TITLE = 3;
const LINES_AFTER_TITLE = 10;
/** Words that introduce a publication date on a line of its own. */
const DATE_CUE_RE =
  /\b(?:posted|published|updated|date[d]?|written|on)\b|publié|veröffentlicht|опубликовано/i;
/** Lines scanned for cue words when the title's neighbourhood has no date. */
const MAX_CUE_LINES = 300;
/** A date counts only when its year is written out (also rules out two-digit, ambiguous years). */
const YEAR_WRITTEN_RE = /\b(?:19|20)\d{2}\b/;
/** Years outside this range are parse accidents, not publication dates. */
const MIN_YEAR = 1990;
/** Elements whose text is never shown. */
const HIDDEN_TAGS = new Set(['script', 'style', 'noscript', 'template', 'head', 'title', 'select', 'option']);

type Parser = Pick<Chrono.Chrono, 'parse'>;

interface Parsers {
  /** US English (month first), strict. */
  en: Parser;
  /** British English order (day first), strict: for non-US pages whose language chrono does not know. */
  enDayFirst: Parser;
  /** Languages chrono-node reads, by primary subtag; their numeric dates are day first. */
  byLanguage: Record<string, Parser>;
}

let parsers: Parsers | undefined;

/** chrono-node's parsers, loaded on first use (its CommonJS build: `require` is synchronous). */
function chronoParsers(): Parsers {
  if (!parsers) {
    const chrono = createRequire(import.meta.url)('chrono-node') as typeof Chrono;
    parsers = {
      en: chrono.en.strict,
      enDayFirst: new chrono.Chrono(chrono.en.configuration.createConfiguration(true, true)),
      byLanguage: {
        de: chrono.de.strict,
        fr: chrono.fr.strict,
        es: chrono.es.strict,
        pt: chrono.pt.strict,
        nl: chrono.nl.strict,
        it: chrono.it.strict,
        ru: chrono.ru.strict,
        uk: chrono.uk.strict,
        sv: chrono.sv.strict,
        fi: chrono.fi.strict,
      },
    };
  }
  return parsers;
}

/** The parsers to try for a page language, most specific first. */
export function parsersFor(language: string | null): Parser[] {
  const tag = (language ?? '').toLowerCase();
  const primary = tag.split('-')[0] ?? '';
  const { en, enDayFirst, byLanguage } = chronoParsers();
  if (primary === '' || tag === 'en' || tag === 'en-us') return [en];
  const own = byLanguage[primary];
  return own ? [own, enDayFirst] : [enDayFirst];
}

/** A complete, plausible date in `line` as `YYYY-MM-DD`, or null. */
export function dateInLine(line: string, parsers: Parser[], now: Date = new Date()): string | null {
  for (const parser of parsers) {
    for (const result of parser.parse(line)) {
      const s = result.start;
      // A written four-digit year: relative times ("3 hours ago") are computed, not shown, dates.
      if (!YEAR_WRITTEN_RE.test(result.text)) continue;
      if (!s.isCertain('year') || !s.isCertain('month') || !s.isCertain('day')) continue;
      const [y, m, d] = [s.get('year')!, s.get('month')!, s.get('day')!];
      const iso = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
      if (y >= MIN_YEAR && new Date(`${iso}T00:00:00Z`).getTime() <= now.getTime() + 86_400_000) return iso;
    }
  }
  return null;
}

/** The visible text of the page as short lines, in document order (one per element's own text). */
function visibleLines($: CheerioAPI): string[] {
  const lines: string[] = [];
  const walk = (node: AnyNode) => {
    if (!isElement(node)) return;
    if (HIDDEN_TAGS.has(node.name)) return;
    const own = node.children
      .filter((c) => c.type === 'text')
      .map((c) => (c as unknown as { data: string }).data)
      .join(' ')
      .replace(/\s+/g, ' ')
      .trim();
    // An inline child's text belongs to the same line (e.g. "Posted <b>10/14/2016</b> by editor").
    const line = own ? $(node).text().replace(/\s+/g, ' ').trim() : '';
    if (line && line.length <= MAX_DATE_LINE_CHARS) lines.push(line);
    for (const child of node.children) walk(child);
  };
  const body = $('body')[0] ?? $.root()[0];
  if (body) for (const child of (body as unknown as { children: AnyNode[] }).children) walk(child);
  return lines;
}

/**
 * The publication date shown on the page (`YYYY-MM-DD`), or null when none is found.
 * @param title the page title, to find the lines around it
 * @param language the page language (BCP 47), deciding day/month order
 */
export function visibleDate(
  $: CheerioAPI,
  title: string | null,
  language: string | null,
  now: Date = new Date(),
): string | null {
  const parsers = parsersFor(language);
  const hinted = $('[class], [id], [itemprop]')
    .toArray()
    .filter((el) =>
      DATE_HINT_RE.test(
        `${$(el).attr('class') ?? ''} ${$(el).attr('id') ?? ''} ${$(el).attr('itemprop') ?? ''}`,
      ),
    )
    .map((el) => $(el).text().replace(/\s+/g, ' ').trim())
    .filter((t) => t.length > 0 && t.length <= MAX_DATE_LINE_CHARS);
  for (const line of hinted) {
    const date = dateInLine(line, parsers, now);
    if (date) return date;
  }
  const lines = visibleLines($);
  const key = title?.replace(/\s+/g, ' ').trim().slice(0, 40);
  const at = key ? lines.findIndex((l) => l.includes(key)) : -1;
  if (at >= 0) {
    for (const line of lines.slice(Math.max(0, at - LINES_BEFORE_TITLE), at + LINES_AFTER_TITLE + 1)) {
      const date = dateInLine(line, parsers, now);
      if (date) return date;
    }
  }
  for (const line of lines.slice(0, MAX_CUE_LINES)) {
    if (!DATE_CUE_RE.test(line)) continue;
    const date = dateInLine(line, parsers, now);
    if (date) return date;
  }
  return null;
}
