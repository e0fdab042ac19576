/**
 * Dates: where the one compromise parse tagged `#Date`, a few words around are handed to compromise-dates
 * (never the whole text: a second full parse would halve the throughput), and what it finds is normalised
 * to ISO 8601. A date that names its year stands alone (`date-absolute`); one that does not ("on Monday",
 * "last year", "Nov. 19") is anchored on the article's publication date (`date-relative`) and dropped when
 * there is none. A bare weekday or month in a past-tense sentence is the last one before publication, in a
 * sentence about the future the next one.
 */
import type { DateValue } from '../core/index.js';
import { type ParsedDate, parseDates } from './compromise-dates.js';
import { parseShape, type Tense } from './date-shapes.js';
import type { ValueRuleId } from './rules/value-rules.js';
import {
  COUNT_WORDS,
  DATE_CUES,
  DATE_JOINERS,
  DATE_LEAD_WORDS,
  DATE_MODIFIERS,
  DATE_UNITS,
  DIRECTED_DATE_WORDS,
  FUTURE_CUES,
  MONTHS,
  PHRASE_BREAKS,
} from './rules/vocabulary.js';
import type { Sentence, Token } from './tokens.js';

/** Date words further apart than this are parsed as separate phrases. */
const MAX_SEED_GAP = 3;
/** Lead words a phrase may take before its first date word: enough for "by the end of", "on". */
const WINDOW_LEFT = 4;
/** The reference compromise-dates needs when the article has no date: only dates naming a year survive. */
const NO_REFERENCE = '2000-01-01';
/** A year written in digits ("2019", "2019-05-01", "11/19/2019"): the date does not need the reference. */
const HAS_YEAR = /(?:^|\D)(?:1[6-9]|20)\d\d(?:\D|$)/;
const DAY_MS = 86_400_000;

/** The date the article was published, `YYYY-MM-DD`, when known. */
export function referenceDay(publishedAt: string | null | undefined): string | undefined {
  const m = /^\d{4}-\d{2}-\d{2}/.exec(publishedAt ?? '');
  return m ? m[0] : undefined;
}

/** A plain number right before a date word ("12 March", "three years ago"), not a score ("3-2"). */
const isCount = (t: Token | undefined): boolean => !!t && t.tags.has('Value') && !/[-–]/.test(t.text);

/** A record or score ("9-2-1", "3-in-1"), which compromise may tag as a date. */
const SCORE = /^\d{1,2}(?:-(?:\d+|in))+$/;
/** Full month and weekday names ("Jun", "Mon", "Sat" are names and words as often as dates). */
const FULL_NAME =
  /^(?:[A-Z][a-z]+day|January|February|March|April|May|June|July|August|September|October|November|December)$/;

/**
 * A token the main parse tagged as a date that really is part of one: not "Theresa May", "protesters
 * march", "2,020", "for years", "Black Friday", "Lee Ho Jun", "The Sunday Times" or "1909 Jolinda Drive".
 */
function isSeed(tokens: Token[], k: number): boolean {
  const t = tokens[k]!;
  if (t.isPunct || !t.tags.has('Date') || t.tags.has('Person') || t.text.includes(',')) return false;
  if (SCORE.test(t.text)) return false;
  if (MONTHS.has(t.lower) && !t.isCap) return false;
  const next = tokens[k + 1];
  const prev = tokens[k - 1];
  const month = t.tags.has('Month');
  const weekday = t.tags.has('WeekDay');
  // "Nov. 19" is a date, "Jun" alone a name; "Mon"/"Sat" too often something else.
  if ((month || weekday) && !FULL_NAME.test(t.text) && !(month && next?.tags.has('Value'))) return false;
  // "three years ago", "last week": a unit is a date only with a count and "ago", or a direction.
  const counted = (j: number): boolean => isCount(tokens[j]) || COUNT_WORDS.has(tokens[j]?.lower ?? '');
  if (t.lower === 'ago') return DATE_UNITS.has(prev?.lower ?? '') && counted(k - 2);
  if (t.tags.has('Duration') && !month && !weekday) {
    const directed =
      (prev && DIRECTED_DATE_WORDS.has(prev.lower)) || (next?.lower === 'ago' && counted(k - 1));
    return DATE_UNITS.has(t.lower) && !!directed;
  }
  if (month || weekday || t.tags.has('Year')) {
    // A capitalised word before or after makes it part of a name, unless a cue says it is a date.
    const capBefore = prev?.isCap && !prev.tags.has('Date');
    const capAfter = next?.isCap && !next.tags.has('Date') && !next.tags.has('Value');
    if ((capBefore || capAfter) && !(prev && DATE_CUES.has(prev.lower))) return false;
  }
  return true;
}

/** `[from, to)` token ranges between phrase breaks: "last year, on 12 March" is two phrases, "Nov. 19, 2019" one. */
function segments(tokens: Token[]): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let from = 0;
  tokens.forEach((t, k) => {
    if (!PHRASE_BREAKS.has(t.text)) return;
    const next = tokens[k + 1];
    if (t.text === ',' && next && ['Month', 'WeekDay', 'Year'].some((tag) => next.tags.has(tag))) return;
    out.push([from, k]);
    from = k + 1;
  });
  out.push([from, tokens.length]);
  return out.filter(([a, b]) => b > a);
}

/** Seeds joined by date words, joiners or numbers ("Nov. 19, 2019", "June and July") form one phrase. */
function clusters(tokens: Token[], seeds: number[]): number[][] {
  const out: number[][] = [];
  const joins = (t: Token): boolean => DATE_JOINERS.has(t.lower) || t.tags.has('Value');
  for (const k of seeds) {
    const last = out[out.length - 1];
    const prev = last?.[last.length - 1];
    if (last && prev !== undefined && k - prev <= MAX_SEED_GAP && tokens.slice(prev + 1, k).every(joins)) {
      last.push(k);
    } else out.push([k]);
  }
  return out;
}

/** The token range compromise-dates reads: the seeds, a number before them, then up to WINDOW_LEFT lead words. */
function window(tokens: Token[], group: number[], segFrom: number): [number, number] {
  let from = group[0]!;
  if (from > segFrom && isCount(tokens[from - 1])) from--;
  for (let n = 0; n < WINDOW_LEFT && from > segFrom && DATE_LEAD_WORDS.has(tokens[from - 1]!.lower); n++)
    from--;
  return [from, group[group.length - 1]!];
}

const day = (iso: string): string => iso.slice(0, 10);
const lastDayOfMonth = (y: number, m: number): number => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** ISO 8601 for a range of days: one day, a whole month, a whole year, or `from/to`. */
export function toIso(from: string, to: string): string {
  const a = day(from);
  const b = day(to);
  if (a === b) return a;
  const [ya, ma, da] = a.split('-').map(Number) as [number, number, number];
  const [yb, mb, db] = b.split('-').map(Number) as [number, number, number];
  if (ya === yb && ma === mb && da === 1 && db === lastDayOfMonth(ya, ma)) return a.slice(0, 7);
  if (ya === yb && ma === 1 && da === 1 && mb === 12 && db === 31) return a.slice(0, 4);
  return `${a}/${b}`;
}

function shift(iso: string, sign: 1 | -1, byWeek: boolean): string {
  const d = new Date(iso);
  if (byWeek) return new Date(d.getTime() + sign * 7 * DAY_MS).toISOString();
  d.setUTCFullYear(d.getUTCFullYear() + sign);
  return d.toISOString();
}

/** A bare weekday or month lies before publication in a past-tense sentence, after it in a future one. */
function anchor(p: ParsedDate, words: Token[], sentence: Token[], reference: string): ParsedDate {
  if (words.some((w) => DIRECTED_DATE_WORDS.has(w.lower))) return p;
  const tense = tenseOf(sentence);
  const byWeek = words.some((w) => w.tags.has('WeekDay')) && !words.some((w) => w.tags.has('Month'));
  // "Monday night" is Monday: compromise-dates stretches a weekday with a part of day into a range.
  const q = byWeek ? { ...p, to: p.from } : p;
  if (tense === 'past' && day(q.from) > reference)
    return { ...q, from: shift(q.from, -1, byWeek), to: shift(q.to, -1, byWeek) };
  if (tense === 'future' && day(q.to) < reference)
    return { ...q, from: shift(q.from, 1, byWeek), to: shift(q.to, 1, byWeek) };
  return q;
}

/**
 * The tokens of a date compromise-dates found, without what it swept in before the date ("on", "the",
 * "iPhone 11 on Tuesday") or punctuation after it. A span starts with a date word, a modifier ("last",
 * "early") or a number right before a date word ("three years ago", "12 March").
 */
function dateWords(tokens: Token[], start: number, end: number): Token[] {
  const words = tokens.filter((t) => t.start < end && t.end > start);
  const starts = (k: number): boolean => {
    const t = words[k]!;
    return (
      t.tags.has('Date') || DATE_MODIFIERS.has(t.lower) || (isCount(t) && !!words[k + 1]?.tags.has('Date'))
    );
  };
  let a = 0;
  while (a < words.length && !starts(a)) a++;
  let b = words.length;
  while (b > a && words[b - 1]!.isPunct) b--;
  return words.slice(a, b);
}

/** A phrase is a date when a word names a day, month, year or unit: a clock time alone ("12:45") is not. */
const hasDateHead = (words: Token[]): boolean => words.some((w) => w.tags.has('Date') && !w.tags.has('Time'));

/** Where the last word ends, without closing punctuation compromise left on it ("18)"). */
function wordEnd(t: Token): number {
  return t.start + t.text.replace(/[)\]}"'”’,;:!?]+$/u, '').length;
}

/** Which way the sentence looks: "will"/"scheduled" → future, a past-tense verb → past. */
function tenseOf(tokens: Token[]): Tense {
  if (tokens.some((t) => FUTURE_CUES.has(t.lower))) return 'future';
  return tokens.some((t) => t.tags.has('PastTense')) ? 'past' : 'neutral';
}

interface Candidate {
  words: Token[];
  from: string;
  to: string;
  absolute: boolean;
}

/** compromise-dates' reading of the window, for the shapes `parseShape` leaves out. */
function viaPlugin(
  window: Token[],
  text: string,
  reference: string | undefined,
  sentence: Token[],
): Candidate[] {
  const base = window[0]!.start;
  const phrase = text.slice(base, window[window.length - 1]!.end);
  const out: Candidate[] = [];
  for (const p of parseDates(phrase, reference ?? NO_REFERENCE)) {
    const words = dateWords(window, base + p.start, base + p.end);
    if (words.length === 0) continue;
    const absolute = HAS_YEAR.test(text.slice(words[0]!.start, words[words.length - 1]!.end));
    const anchored = absolute || !reference ? p : anchor(p, words, sentence, reference);
    out.push({ words, from: anchored.from, to: anchored.to, absolute });
  }
  return out;
}

/** What one text's dates share: its publication day, and the year its last full date named. */
interface DateContext {
  reference: string | undefined;
  focusYear?: number;
}

/** Years further than this from publication are history, not the focus of a list of dates. */
const MAX_FOCUS_DISTANCE = 1;

function datesInSentence(tokens: Token[], text: string, ctx: DateContext, out: DateValue[]): void {
  const { reference } = ctx;
  let tense: Tense | undefined;
  for (const [segFrom, segTo] of segments(tokens)) {
    const seeds: number[] = [];
    for (let k = segFrom; k < segTo; k++) if (isSeed(tokens, k)) seeds.push(k);
    for (const group of clusters(tokens, seeds)) {
      const [from, to] = window(tokens, group, segFrom);
      const span = tokens.slice(from, to + 1);
      tense ??= tenseOf(tokens);
      const words = dateWords(span, Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY);
      const shape = words.length > 0 ? parseShape(words, reference, tense, ctx.focusYear) : undefined;
      // Only a phrase that can still give a value goes to the (slow) plugin: it names a day, month or year,
      // and it names its year when there is no publication date to anchor it on.
      const askPlugin =
        !shape &&
        hasDateHead(words) &&
        (reference !== undefined || HAS_YEAR.test(words.map((w) => w.text).join(' ')));
      const candidates = shape
        ? [{ words, ...shape }]
        : askPlugin
          ? viaPlugin(span, text, reference, tokens)
          : [];
      for (const c of candidates) {
        if (!c.words.some((w) => group.some((k) => tokens[k] === w)) || !hasDateHead(c.words)) continue;
        if (c.words.some((w) => MONTHS.has(w.text))) continue; // "protesters march", "may": verbs, not months
        if (!c.absolute && reference === undefined) continue;
        const start = c.words[0]!.start;
        const end = wordEnd(c.words[c.words.length - 1]!);
        if (out.some((d) => d.start < end && start < d.end)) continue;
        const rule: ValueRuleId = c.absolute ? 'date-absolute' : 'date-relative';
        const iso = toIso(c.from, c.to);
        out.push({ type: 'Date', start, end, text: text.slice(start, end), iso, rule });
        const y = Number(c.from.slice(0, 4));
        const near =
          reference !== undefined && Math.abs(y - Number(reference.slice(0, 4))) <= MAX_FOCUS_DISTANCE;
        // Only a full date ("June 9, 2020", "May 2020") sets the focus: a bare year is often history.
        if (c.absolute && near && /^\d{4}-\d{2}/.test(iso) && !iso.includes('/')) ctx.focusYear = y;
      }
    }
  }
}

/** Every date in the sentences, in text order; relative ones only with a `reference` day (`YYYY-MM-DD`). */
export function findDates(sentences: Sentence[], text: string, reference?: string): DateValue[] {
  const out: DateValue[] = [];
  const ctx: DateContext = { reference };
  for (const { tokens } of sentences) datesInSentence(tokens, text, ctx, out);
  return out.sort((a, b) => a.start - b.start);
}
