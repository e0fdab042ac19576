/**
 * The date shapes news writes most ("Monday", "Nov. 19, 2019", "12 March 2021", "May 2020", "2016",
 * "last year", "three years ago", "yesterday"), read straight from the date words. compromise-dates takes
 * milliseconds a phrase; these take microseconds, and the plugin is asked only about the rest ("Q3 2019",
 * "the end of March", "between June and July", "01.01.2019").
 */
import {
  COUNT_WORD_VALUES,
  DIRECTIONS,
  MONTH_INDEX,
  VAGUE_PARTS,
  WEEKDAY_INDEX,
} from './rules/vocabulary.js';
import type { Token } from './tokens.js';

/** Which way a sentence looks from the publication date: it fixes the year of "May 18", the week of "Monday". */
export type Tense = 'past' | 'future' | 'neutral';

/** A range of days, `YYYY-MM-DD` each, and whether the words named its year. */
export interface ShapeDate {
  from: string;
  to: string;
  absolute: boolean;
}

const DAY_MS = 86_400_000;
/** How much farther a future date counts than a past one when the tense does not say. */
const FUTURE_BIAS = 1.1;
const YEAR = /^(?:1[6-9]|20)\d\d$/;
const DAY = /^(\d{1,2})(?:st|nd|rd|th)?$/;
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

const pad = (n: number): string => String(n).padStart(2, '0');
const ymd = (d: Date): string => d.toISOString().slice(0, 10);
const utc = (y: number, m: number, d: number): Date => new Date(Date.UTC(y, m - 1, d));
const addDays = (d: Date, n: number): Date => new Date(d.getTime() + n * DAY_MS);
const lastDay = (y: number, m: number): number => utc(y, m + 1, 0).getUTCDate();
const day = (d: Date): ShapeDate => ({ from: ymd(d), to: ymd(d), absolute: false });
const month = (y: number, m: number, absolute: boolean): ShapeDate => ({
  from: `${y}-${pad(m)}-01`,
  to: `${y}-${pad(m)}-${pad(lastDay(y, m))}`,
  absolute,
});
const year = (y: number, absolute: boolean): ShapeDate => ({
  from: `${y}-01-01`,
  to: `${y}-12-31`,
  absolute,
});

/** Of `candidates` (dates), the one the tense points to: last on/before, next on/after, else the closest. */
function pick(candidates: Date[], ref: Date, tense: Tense): Date {
  // Without a tense the closest wins, the past slightly favoured: news mostly reports what happened.
  const dist = (d: Date): number => Math.abs(d.getTime() - ref.getTime()) * (d > ref ? FUTURE_BIAS : 1);
  const before = candidates.filter((d) => d <= ref);
  const after = candidates.filter((d) => d >= ref);
  if (tense === 'past' && before.length > 0) return before[before.length - 1]!;
  if (tense === 'future' && after.length > 0) return after[0]!;
  return [...candidates].sort((a, b) => dist(a) - dist(b))[0]!;
}

/** Monday of the week of `d` (weeks run Monday to Sunday, as compromise-dates counts them). */
const monday = (d: Date): Date => addDays(d, -((d.getUTCDay() + 6) % 7));

function relativeUnit(dir: string, unit: string, ref: Date): ShapeDate | undefined {
  const step = dir === 'last' || dir === 'past' ? -1 : dir === 'next' || dir === 'coming' ? 1 : 0;
  const y = ref.getUTCFullYear();
  const m = ref.getUTCMonth() + 1;
  if (unit === 'year') return year(y + step, false);
  if (unit === 'month')
    return month(m + step < 1 ? y - 1 : m + step > 12 ? y + 1 : y, ((m + step + 11) % 12) + 1, false);
  const start = addDays(monday(ref), 7 * step);
  if (unit === 'week') return { from: ymd(start), to: ymd(addDays(start, 6)), absolute: false };
  if (unit === 'weekend')
    return { from: ymd(addDays(start, 5)), to: ymd(addDays(start, 6)), absolute: false };
  return undefined;
}

function ago(count: string, unit: string, ref: Date): ShapeDate | undefined {
  const n = COUNT_WORD_VALUES[count] ?? (/^\d{1,3}$/.test(count) ? Number(count) : undefined);
  if (n === undefined) return undefined;
  const u = unit.replace(/s$/, '');
  if (u === 'day') return day(addDays(ref, -n));
  if (u === 'week') return day(addDays(ref, -7 * n));
  const d = new Date(ref);
  if (u === 'month') d.setUTCMonth(d.getUTCMonth() - n);
  else if (u === 'year') d.setUTCFullYear(d.getUTCFullYear() - n);
  else return undefined;
  return day(d);
}

/** "Nov 19 2019", "19 November", "May 2020", "May", "October of 2006" (words without commas). */
function calendar(
  ws: string[],
  ref: Date | undefined,
  tense: Tense,
  focusYear: number | undefined,
): ShapeDate | undefined {
  const mIdx = ws.findIndex((w) => MONTH_INDEX[w] !== undefined);
  if (mIdx < 0) return ws.length === 1 && YEAR.test(ws[0]!) ? year(Number(ws[0]), true) : undefined;
  const m = MONTH_INDEX[ws[mIdx]!]!;
  const rest = [...ws.slice(0, mIdx), ...ws.slice(mIdx + 1)].filter((w) => w !== 'of');
  const dayWord = rest.find((w) => DAY.test(w));
  const yearWord = rest.find((w) => YEAR.test(w));
  if (rest.length !== Number(!!dayWord) + Number(!!yearWord)) return undefined;
  if (dayWord && mIdx > 0 && ws[0] !== dayWord) return undefined; // "2019 May 5": leave it to compromise-dates
  const d = dayWord ? Number(DAY.exec(dayWord)![1]) : undefined;
  if (d !== undefined && (d < 1 || d > 31)) return undefined;
  if (yearWord) {
    const y = Number(yearWord);
    if (d === undefined) return month(y, m, true);
    return d > lastDay(y, m) ? undefined : { ...day(utc(y, m, d)), absolute: true };
  }
  if (!ref) return undefined;
  // A list without verbs ("July 2 – Uncasville, CT") takes the year the text last named ("June 9, 2020").
  if (tense === 'neutral' && focusYear !== undefined) {
    return d === undefined
      ? month(focusYear, m, false)
      : d > lastDay(focusYear, m)
        ? undefined
        : day(utc(focusYear, m, d));
  }
  const y0 = ref.getUTCFullYear();
  if (d === undefined) {
    const chosen = pick(
      [y0 - 1, y0, y0 + 1].map((y) => utc(y, m, 1)),
      utc(y0, ref.getUTCMonth() + 1, 1),
      tense,
    );
    return month(chosen.getUTCFullYear(), m, false);
  }
  return day(
    pick(
      [y0 - 1, y0, y0 + 1].map((y) => utc(y, m, d)),
      ref,
      tense,
    ),
  );
}

/**
 * The date the words state, when they have one of the common shapes; `undefined` otherwise (the caller then
 * asks compromise-dates). `reference` is the publication day; shapes that need it give `undefined` without.
 * `focusYear`, the year of the last full date of the text, places a month or day in a sentence without tense.
 */
export function parseShape(
  words: Token[],
  reference: string | undefined,
  tense: Tense,
  focusYear?: number,
): ShapeDate | undefined {
  // "Nov.", "18)" (compromise leaves closing punctuation on a word) and "1978’s" are "nov", "18", "1978".
  const ws = words.filter((w) => !w.isPunct).map((w) => w.lower.replace(/(?:['’]s)?[.)\]}"'”’]*$/u, ''));
  const ref = reference ? new Date(`${reference}T00:00:00Z`) : undefined;
  return shapeOf(ws, ref, tense, focusYear);
}

function shapeOf(
  ws: string[],
  ref: Date | undefined,
  tense: Tense,
  focusYear: number | undefined,
): ShapeDate | undefined {
  if (ws[0] === 'the') return shapeOf(ws.slice(1), ref, tense, focusYear);
  if (ws.length > 1 && VAGUE_PARTS.has(ws[0]!)) return shapeOf(ws.slice(1), ref, tense, focusYear);
  if (ws.length > 2 && ws[0] === 'end' && ws[1] === 'of') {
    const whole = shapeOf(ws.slice(2), ref, tense, focusYear);
    return whole && { ...whole, from: whole.to };
  }
  const iso = ws.length === 1 ? ISO_DAY.exec(ws[0]!) : null;
  if (iso) {
    const [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
    return m >= 1 && m <= 12 && d >= 1 && d <= lastDay(y, m)
      ? { ...day(utc(y, m, d)), absolute: true }
      : undefined;
  }
  const dateWords = WEEKDAY_INDEX[ws[0]!] !== undefined && ws.length > 1 ? ws.slice(1) : ws;
  const found = calendar(dateWords, ref, tense, focusYear);
  if (found || !ref) return found;
  const [a, b, c] = ws;
  if (ws.length === 1 && a === 'today') return day(ref);
  if (ws.length === 1 && a === 'tonight') return day(ref);
  if (ws.length === 1 && a === 'yesterday') return day(addDays(ref, -1));
  if (ws.length === 1 && a === 'tomorrow') return day(addDays(ref, 1));
  const unit = ws.length === 2 && DIRECTIONS.has(a!) ? relativeUnit(a!, b!, ref) : undefined;
  if (unit) return unit;
  if (ws.length === 3 && c === 'ago') return ago(a!, b!, ref);
  const wd = a === undefined ? undefined : WEEKDAY_INDEX[a];
  if (ws.length === 1 && wd !== undefined) {
    const offset = (wd - ref.getUTCDay() + 7) % 7; // days to the next such weekday (0: today)
    return day(pick([addDays(ref, offset - 7), addDays(ref, offset), addDays(ref, offset + 7)], ref, tense));
  }
  const wdAfterLast = b === undefined ? undefined : WEEKDAY_INDEX[b];
  if (ws.length === 2 && a === 'last' && wdAfterLast !== undefined) {
    const back = (ref.getUTCDay() - wdAfterLast + 7) % 7 || 7; // "last Friday": the most recent one before today
    return day(addDays(ref, -back));
  }
  return undefined;
}
