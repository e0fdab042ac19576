/**
 * The only module that imports the compromise-dates plugin. It parses short date phrases with its own
 * compromise instance (a separate evaluation of the package's CommonJS build, so a separate copy of
 * compromise's model), so the plugin's words, tags and taggers never change the tags that
 * `compromise.ts`' parse gives the entity rules, and the main parse does not pay for date tagging. Callers hand it a few words around what the main parse
 * tagged `#Date`, never whole texts.
 */
import { createRequire } from 'node:module';
import type nlpType from 'compromise';
import datesPlugin, { type DateJSON } from 'compromise-dates';

type Nlp = typeof nlpType;

/** compromise-dates' view of one parsed phrase (its typings drift across versions: kept private here). */
interface DatesView {
  dates(options: { today: string; timezone: string }): {
    json(options: { offset: true }): Array<{ offset: { start: number; length: number }; dates?: DateJSON }>;
  };
}

let instance: Nlp | undefined;

/** A private compromise with the dates plugin, created on first use. */
function datesNlp(): Nlp {
  if (!instance) {
    const require = createRequire(import.meta.url);
    // `compromise.ts` loads the same CommonJS build: this copy is evaluated afresh, outside node's module
    // cache (whose entry, if any, is put back), so plugging into it leaves the main parse's copy untouched.
    const id = require.resolve('compromise');
    const cached = require.cache[id];
    delete require.cache[id];
    try {
      instance = require('compromise') as Nlp;
    } finally {
      if (cached) require.cache[id] = cached;
      else delete require.cache[id];
    }
    instance.plugin(datesPlugin);
  }
  return instance;
}

/** One date compromise-dates found in a phrase: where (offsets into the phrase) and which days. */
export interface ParsedDate {
  start: number;
  end: number;
  /** First instant, ISO 8601 in UTC. */
  from: string;
  /** Last instant, ISO 8601 in UTC. */
  to: string;
  /** `day`, `week`, `month`, `year`, `quarter`, … when compromise-dates names one. */
  unit?: string;
}

/**
 * Parsed phrases, by reference day and text: compromise-dates takes milliseconds a phrase, and news repeats
 * its phrases ("on Monday", "last year") within and across articles of the same day.
 */
const cache = new Map<string, ParsedDate[]>();
/** Entries kept before the cache starts over (a few hundred KB). */
const CACHE_SIZE = 5_000;

/** Forget every parsed phrase (benchmarks measure a cold cache with it). */
export function clearParsedDates(): void {
  cache.clear();
}

/**
 * Dates in `phrase`, computed in UTC with `today` (`YYYY-MM-DD`) as the reference for relative ones
 * ("Monday", "last year"). Phrases it cannot turn into a start and an end give nothing.
 */
export function parseDates(phrase: string, today: string): ParsedDate[] {
  const key = `${today}|${phrase}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const view = datesNlp()(phrase) as unknown as DatesView;
  const out: ParsedDate[] = [];
  for (const item of view.dates({ today, timezone: 'UTC' }).json({ offset: true })) {
    const d = item.dates;
    if (!d?.start || !d.end) continue;
    const start = item.offset.start;
    out.push({ start, end: start + item.offset.length, from: d.start, to: d.end, unit: d.unit });
  }
  if (cache.size >= CACHE_SIZE) cache.clear();
  cache.set(key, out);
  return out;
}
