/**
 * Name chunks: maximal runs of capitalised tokens in a sentence, joined across name-internal words
 * ("Bank of America", "Science and Technology Park", "ITAR-TASS") and split at titles
 * ("Kalibr | Director | Alexey Rodos").
 */

import { isLexiconFirstName } from './compromise.js';
import {
  AMBIGUOUS_TITLES,
  COUNTRIES,
  DEMONYMS,
  GENERATION_NUMERALS,
  HEADS,
  HONORIFICS,
  LEADER_ROLES,
  LEGAL_SUFFIXES,
  MONTHS,
  NAME_JOINERS,
  NAME_TITLES,
  NON_ENTITY_WORDS,
  OFFICE_HEADS,
  ORG_HEADS,
  ORG_NOUNS,
  ORG_OPENERS,
  PLACE_HEADS,
  PUBLIC_BODY_HEADS,
  REMIT_NOUNS,
  TITLE_DEPARTMENTS,
  TITLE_MODIFIERS,
  TRAILING_NON_NAME,
  US_STATES,
} from './rules/vocabulary.js';
import type { Token } from './tokens.js';

/** A candidate name: token range `[from, to)` in its sentence. */
export interface Chunk {
  from: number;
  to: number;
  /** Index of a title token right before the chunk ("Director" in "Kalibr Director Alexey Rodos"). */
  title?: number;
}

/** Tags compromise gives to function words and verbs: capitalised only because they start a sentence. */
const COMMON_TAGS = [
  'Determiner',
  'Preposition',
  'Conjunction',
  'Pronoun',
  'Adverb',
  'Verb',
  'QuestionWord',
  'Modal',
  'Auxiliary',
  'Copula',
  'Negative',
];
const NAME_TAGS = ['Person', 'Place', 'Organization', 'ProperNoun', 'Acronym'];

/** A word never a name on its own; "US" in capitals is the country, not the pronoun "us". */
function isFunctionWord(t: Token): boolean {
  return NON_ENTITY_WORDS.has(t.lower) && !(t.text === 'US' || t.text === 'U.S.');
}

/** True when a token is a capitalised word that can be part of a name. */
function isNameWord(t: Token): boolean {
  return !t.isPunct && ((t.isCap && !/\d/.test(t.text)) || /^\d+(st|nd|rd|th)$/.test(t.text));
}

function isCommonWord(t: Token): boolean {
  if (isFunctionWord(t)) return true;
  if (NAME_TAGS.some((tag) => t.tags.has(tag)) && !t.tags.has('Pronoun')) return false;
  return COMMON_TAGS.some((tag) => t.tags.has(tag)) || (t.tags.has('Adjective') && !t.tags.has('Noun'));
}

/** A token after which the next word is written with a capital for grammar, not because it is a name. */
function opensClause(t: Token | undefined): boolean {
  return t === undefined || (t.isPunct && /^[`'"“‘(:;_\-—–]$/.test(t.text)) || t.text === '.';
}

const ALL_CAPS = /^[\p{Lu}\d.&-]+$/u;
/** A possessive ending as its own token: "'s", "’s". */
const POSSESSIVE_S = /^['’]s$/;
/** An all-capital word of this length or more next to a mixed-case word starts another name (datelines: "Moscow IZVESTIYA"). */
const SHOUT_MIN = 2;

function isShout(t: Token): boolean {
  return ALL_CAPS.test(t.text) && t.text.replace(/[^\p{Lu}]/gu, '').length >= SHOUT_MIN;
}

function isCaseBreak(a: Token, b: Token): boolean {
  const mixed = (t: Token): boolean => /\p{Ll}/u.test(t.text);
  return (isShout(a) && mixed(b)) || (mixed(a) && isShout(b));
}

const isCountry = (t: Token): boolean => COUNTRIES.has(t.lower) || US_STATES.has(t.lower);

/** "US-China trade", "U.S.-Mexico border": two countries joined by a hyphen are two names, not one. */
function isCountryPair(left: Token, right: Token): boolean {
  return isCountry(left) && isCountry(right) && !COUNTRIES.has(`${left.lower}-${right.lower}`);
}

function joinsHere(tokens: Token[], i: number, runStart: number): number {
  const t = tokens[i]!;
  const prev = tokens[i - 1]!;
  // "ITAR-TASS", "INTERFAX-Ukraine", "Rolls-Royce": a hyphen with no spaces between two name words.
  if (
    t.text === '-' &&
    !t.spaceBefore &&
    tokens[i + 1] &&
    !tokens[i + 1]!.spaceBefore &&
    isNameWord(tokens[i + 1]!) &&
    !isCountryPair(prev, tokens[i + 1]!)
  )
    return 1;
  // "People's Liberation Army", "Children's Hospital": a plural common noun's possessive inside a name.
  if (
    /^['’]s?$/.test(t.text) &&
    prev.isCap &&
    prev.tags.has('Plural') &&
    tokens[i + 1] !== undefined &&
    isNameWord(tokens[i + 1]!)
  )
    return 1;
  // "Cook County Sheriff's Office", "U.S. Attorney's Office": a title's possessive before an office or
  // department is the name of that office
  if (
    POSSESSIVE_S.test(t.text) &&
    prev.isCap &&
    (LEADER_ROLES.has(prev.lower) || NAME_TITLES.has(prev.lower)) &&
    tokens[i + 1]?.isCap === true &&
    OFFICE_HEADS.has(tokens[i + 1]!.lower)
  )
    return 1;
  if (!NAME_JOINERS.has(t.lower) || t.isCap) return 0;
  let next = i + 1;
  if ((t.lower === 'of' || t.lower === 'for') && tokens[next]?.lower === 'the') next++;
  if (!tokens[next] || !isNameWord(tokens[next]!)) return 0;
  if (t.lower === '&') return next - i;
  const left = prev.lower;
  if (t.lower === 'of' || t.lower === 'for' || t.lower === 'on') {
    const opener = tokens[runStart]!.lower;
    const headed = ORG_HEADS.has(left) || PLACE_HEADS.has(left) || ORG_OPENERS.has(opener);
    // "Corvex Corp. of Pittsburgh": after a legal suffix, "of" gives the company's home, not more name
    return headed && !NAME_TITLES.has(left) && !LEGAL_SUFFIXES.has(left) ? next - i : 0;
  }
  if (t.lower === 'and') {
    // "Science and Technology Park": join only when the right-hand run ends with an organisation head.
    let j = next;
    while (tokens[j + 1] && isNameWord(tokens[j + 1]!)) j++;
    // Not after a list comma: "Drayton, Melvin Harlow and Corvex Space Systems" are list items.
    // "McClatchy and Tribune": a head word alone after "and" names a second company, not the end of one.
    // "Varnholt Securities and Exchange Commission": a field noun before "and" is the remit of the body named after it
    const remit = REMIT_NOUNS.has(left) && PUBLIC_BODY_HEADS.has(tokens[j]!.lower);
    return ORG_HEADS.has(tokens[j]!.lower) &&
      j > next &&
      (!ORG_HEADS.has(left) || remit) &&
      i - runStart <= 2 &&
      tokens[runStart - 1]?.text !== ','
      ? next - i
      : 0;
  }
  if (t.lower === 'the') return 0;
  return next - i; // particles inside personal names: "Ludwig van Beethoven"
}

/** Find name chunks in one sentence. */
export function findChunks(tokens: Token[]): Chunk[] {
  const chunks: Chunk[] = [];
  let i = 0;
  while (i < tokens.length) {
    if (!isNameWord(tokens[i]!)) {
      i++;
      continue;
    }
    const from = i;
    i++;
    for (;;) {
      if (i < tokens.length && isNameWord(tokens[i]!)) {
        i++;
        continue;
      }
      const skip = i < tokens.length ? joinsHere(tokens, i, from) : 0;
      if (skip === 0) break;
      i += skip;
    }
    chunks.push(...splitRun(tokens, from, i));
  }
  return chunks;
}

/** How many tokens (an ID code, a bracket) may precede a dateline city at the start of a line. */
const DATELINE_LEAD = 2;

/**
 * "Havana Radio Rebelde Network", "Tunis Tunisian Republic Radio Network": at the start of a wire line, a
 * city name runs into the name of the station or paper that files from it.
 */
function isDatelineCity(tokens: Token[], start: number, to: number): boolean {
  const first = tokens[start]!;
  const second = tokens[start + 1];
  return (
    start <= DATELINE_LEAD &&
    to - start >= 3 &&
    first.tags.has('City') &&
    second !== undefined &&
    !PLACE_HEADS.has(second.lower) &&
    ORG_HEADS.has(tokens[to - 1]!.lower)
  );
}

/** "Russian Internet group": a nationality and one word before a kind noun are modifiers, not one name. */
function isLeadingDemonym(tokens: Token[], start: number, to: number): boolean {
  const next = tokens[to];
  return (
    to - start === 2 &&
    DEMONYMS.has(tokens[start]!.lower) &&
    !tokens[start + 1]!.tags.has('Place') &&
    next !== undefined &&
    !next.isCap &&
    ORG_NOUNS.has(next.lower)
  );
}

/** A lower-case plural right after the run, or after one more lower-case word ("service members"). */
function countsAfter(tokens: Token[], to: number): boolean {
  const plural = (t: Token | undefined): boolean => t !== undefined && !t.isCap && t.tags.has('Plural');
  const next = tokens[to];
  return plural(next) || (next !== undefined && !next.isCap && !next.isPunct && plural(tokens[to + 1]));
}

/** Trim clause-initial common words and split a run at titles. */
function splitRun(tokens: Token[], from: number, runTo: number): Chunk[] {
  let to = runTo;
  // "Widget Inc on Monday": a trailing weekday goes, and so does the joiner it leaves behind.
  while (
    to - from > 1 &&
    (TRAILING_NON_NAME.has(tokens[to - 1]!.lower) ||
      // "Moscow March 5": a month before its day is a date, not part of the name
      (MONTHS.has(tokens[to - 1]!.lower) && /^\d{1,2}$/.test(tokens[to]?.text ?? '')) ||
      // "… Nadia Sorel Q: Favourite books?": an interview's speaker mark opens the next turn
      (/^\p{Lu}$/u.test(tokens[to - 1]!.text) && tokens[to]?.text === ':') ||
      (NAME_JOINERS.has(tokens[to - 1]!.lower) && !tokens[to - 1]!.isCap))
  )
    to--;
  let start = from;
  // "Two Varnholt Navy sailors", "Two Halvern County warrants": a number word opening the sentence
  // counts the plural after the name ("Three Oaks Stadium was", "One Harbour opened" keep theirs)
  if (
    to - from > 1 &&
    tokens[from]!.tags.has('TextValue') &&
    opensClause(tokens[from - 1]) &&
    countsAfter(tokens, to)
  )
    start++;
  while (
    start < to &&
    isCommonWord(tokens[start]!) &&
    !DEMONYMS.has(tokens[start]!.lower) && // "Israeli Prime Minister …" opening a sentence keeps its nationality
    !(HONORIFICS.has(tokens[start]!.lower) && start + 1 < to) && // "Mr Dorran", as "Mr. Dorran": the courtesy title stays
    (opensClause(tokens[start - 1]) || isFunctionWord(tokens[start]!))
  )
    start++;
  const out: Chunk[] = [];
  if (isDatelineCity(tokens, start, to) || isLeadingDemonym(tokens, start, to)) {
    out.push({ from: start, to: start + 1 });
    start++;
  }
  let partStart = start;
  let title: number | undefined =
    start > from && NAME_TITLES.has(tokens[start - 1]!.lower) ? start - 1 : undefined;
  // "Secretary of State Hal Brenning": the department after "<title> of" belongs to the title.
  if (
    start === from &&
    to - start >= 3 &&
    tokens[start - 1]?.lower === 'of' &&
    tokens[start - 2] !== undefined &&
    NAME_TITLES.has(tokens[start - 2]!.lower) &&
    TITLE_DEPARTMENTS.has(tokens[start]!.lower)
  ) {
    title = start - 2;
    partStart = start + 1;
  }
  for (let k = start; k < to; k++) {
    const t = tokens[k]!;
    const isTitle =
      NAME_TITLES.has(t.lower) &&
      k + 1 < to &&
      !ALL_CAPS.test(t.text) &&
      !POSSESSIVE_S.test(tokens[k + 1]!.text) && // "Attorney's Office for …": the title's office
      !ORG_HEADS.has(tokens[to - 1]!.lower) &&
      (k === partStart ||
        !AMBIGUOUS_TITLES.has(t.lower) ||
        // "Crimean Deputy X", "Police Major X": a nationality or an organisation word before it, or a
        // given name after it, makes an ambiguous title a title
        DEMONYMS.has(tokens[k - 1]!.lower) ||
        (k - 1 === partStart && ORG_HEADS.has(tokens[k - 1]!.lower)) ||
        isLexiconFirstName(tokens[k + 1]!.text) ||
        // "Israeli Prime Minister Benjamin Netanyahu": a second title after an ambiguous one makes it a title
        (k + 2 < to && NAME_TITLES.has(tokens[k + 1]!.lower) && !AMBIGUOUS_TITLES.has(tokens[k + 1]!.lower)));
    // "PNC Bank Arts Center", "BMI Albyn Hospital": a shouted brand opening a headed name stays in it.
    // "Marcus Delane III", "Edwin Harrow II": a generation numeral ends the name it follows.
    const caseBreak =
      k > partStart &&
      !(HEADS.has(tokens[to - 1]!.lower) && isShout(tokens[k - 1]!)) &&
      !(k === to - 1 && GENERATION_NUMERALS.has(t.text)) &&
      isCaseBreak(tokens[k - 1]!, t);
    // "the Soviet Navy Nikolai Kuznetsov": an organisation's head word, then a given name, starts a person
    const orgThenPerson =
      k > partStart + 1 &&
      k + 1 < to &&
      ORG_HEADS.has(tokens[k - 1]!.lower) &&
      isLexiconFirstName(t.text) &&
      !HEADS.has(tokens[to - 1]!.lower);
    if (caseBreak || orgThenPerson) {
      out.push({ from: partStart, to: k, title });
      title = undefined;
      partStart = k;
    }
    if (!isTitle) continue;
    // "White House Press Secretary X": "Press" qualifies the title; the employer ends before it.
    let employerEnd = k;
    while (employerEnd - 1 > partStart && TITLE_MODIFIERS.has(tokens[employerEnd - 1]!.lower)) employerEnd--;
    if (employerEnd > partStart) out.push({ from: partStart, to: employerEnd, title });
    title = k;
    partStart = k + 1;
    // "Secretary-General Javier Perez de Cuellar": a hyphenated title is one title.
    if (tokens[partStart]?.text === '-' && partStart + 2 < to) {
      partStart += 2;
      k = partStart - 1;
    }
  }
  if (to > partStart) out.push({ from: partStart, to, title });
  return out.filter((c) => !(c.to - c.from === 1 && isFunctionWord(tokens[c.from]!)));
}
