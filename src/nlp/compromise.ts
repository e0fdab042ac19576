/**
 * The only module that loads compromise for the main parse: it parses text once and hands back plain
 * terms with their tags and UTF-16 offsets, so the rest of `src/nlp` never sees compromise's `View`.
 *
 * compromise is loaded on first use, as the package's one-file CommonJS build (`require('compromise')`,
 * the same release as its ES module sources): the ES sources are ~100 modules and cost about 130 ms more
 * CPU to load than the one file, a sixth of a one-page `newsgraph extract`. `compromise-dates.ts` loads its
 * own, separate copy.
 */
import { createRequire } from 'node:module';
import type nlpType from 'compromise';

type Nlp = typeof nlpType;
/** compromise's document view, kept private to this adapter (its plugin typings drift). */
type View = ReturnType<Nlp>;

let instance: Nlp | undefined;

/** The main compromise, loaded on first use. */
function load(): Nlp {
  instance ??= createRequire(import.meta.url)('compromise') as Nlp;
  return instance;
}

function nlp(text: string): View {
  return load()(text);
}

/** One compromise term: its surface text, where it starts in the input, and its POS tags. */
export interface RawTerm {
  text: string;
  start: number;
  tags: ReadonlySet<string>;
}

interface CompromiseTerm {
  text: string;
  tags: Set<string>;
  offset?: { start: number };
}

/** Parse `text` once; returns compromise's sentences as lists of terms with offsets into `text`. */
export function parseTerms(text: string): RawTerm[][] {
  const view = nlp(text);
  const sentences: RawTerm[][] = [];
  let cursor = 0;
  for (const sentence of view.docs as unknown as CompromiseTerm[][]) {
    const terms: RawTerm[] = [];
    for (const term of sentence) {
      if (term.text.length === 0) continue;
      const at = text.indexOf(term.text, cursor);
      if (at < 0) continue; // compromise changed the surface (rare); the term is skipped, never misplaced
      terms.push({ text: term.text, start: at, tags: term.tags });
      cursor = at + term.text.length;
    }
    if (terms.length > 0) sentences.push(terms);
  }
  return sentences;
}

/** Parse only (no rules): the baseline the benchmark compares `analyze()` with. */
export function parseOnly(text: string): number {
  return nlp(text).docs.length;
}

/** A span that raw compromise calls a person, organisation or place. */
export interface RawEntity {
  type: 'Person' | 'Organization' | 'Place';
  start: number;
  end: number;
  text: string;
}

const TRAILING_PUNCT = /[\s.,;:!?'"“”‘’`)\]]+$/u;

/** Raw compromise named entities (`people()`, `organizations()`, `places()`), for the evaluation baseline. */
export function rawEntities(text: string): RawEntity[] {
  const view = nlp(text);
  const out: RawEntity[] = [];
  const groups: Array<[RawEntity['type'], View]> = [
    ['Person', view.people() as unknown as View],
    ['Organization', view.organizations() as unknown as View],
    ['Place', view.places() as unknown as View],
  ];
  for (const [type, found] of groups) {
    const items = found.json({ offset: true }) as Array<{ text: string; offset: { start: number } }>;
    for (const item of items) {
      const surface = item.text.replace(TRAILING_PUNCT, '');
      if (surface.length === 0) continue;
      const start = item.offset.start;
      out.push({ type, start, end: start + surface.length, text: surface });
    }
  }
  return out;
}

type Lexicon = Record<string, string | string[]>;
let lexicon: Lexicon | undefined;
/** compromise's word list, out of any context. */
const lexiconTags = (word: string): string | string[] | undefined => {
  lexicon ??= (load().model() as { one: { lexicon: Lexicon } }).one.lexicon;
  return lexicon[word.toLowerCase()];
};
const FIRST_NAME_TAGS = new Set(['FirstName', 'FemaleName', 'MaleName']);

/**
 * True when compromise's lexicon, out of context, knows the word as a given name ("Fiona", "Julie"):
 * in "Fiona Hill" compromise's context rules may still tag the pair a place.
 */
export function isLexiconFirstName(word: string): boolean {
  const tags = lexiconTags(word);
  if (tags === undefined) return false;
  return Array.isArray(tags) ? tags.some((t) => FIRST_NAME_TAGS.has(t)) : FIRST_NAME_TAGS.has(tags);
}

/** True when compromise's lexicon, out of context, knows the word as a place name ("Chicago", "Georgia"). */
export function isLexiconPlace(word: string): boolean {
  const tags = lexiconTags(word);
  const places = ['City', 'Country', 'Region', 'Place'];
  if (tags === undefined) return false;
  return Array.isArray(tags) ? tags.some((t) => places.includes(t)) : places.includes(tags);
}
