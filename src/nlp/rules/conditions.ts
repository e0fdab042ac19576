/**
 * The condition language of the entity rules, and its one matcher. A rule's `when` is a list of conditions,
 * all of which must hold for a chunk (a candidate name) and the words around it:
 *
 * - a token test at a position: `{ before: 1, is: 'the' }` (1 = the word right before the chunk),
 *   `{ after: 2, in: 'US_STATES' }`, `{ word: 'first' | 'last' | 'head-before-of', … }`; `span: 2` tests the
 *   words from that position on as one phrase ("chief executive"). A position with no token fails every test
 *   (so `{ not: { before: 1 } }` says the chunk opens its sentence);
 * - `{ some: test }` / `{ every: test }` over the chunk's words (`of: 'rest'` without the first, `'init'`
 *   without the last); `{ chunk: { in: … } }` the chunk's whole lower-case text;
 * - `{ length: n | { min, max } }` words in the chunk, `{ title: true }` a title right before it;
 * - `{ any: [...] }`, `{ all: [...] }`, `{ not: … }`;
 * - `{ check: name }`: one of the few named predicates below, for what is no plain condition.
 *
 * A token test holds when every field given holds: `is` / `isNot` (its lower-case text), `in` / `notIn` (a
 * list of `vocabulary.ts` by name, or several; `append` adds a suffix before the look-up), `text` /
 * `textIn` (its exact text), `cap` (starts with a capital), `punct`, `tag` / `notTag` (any of compromise's
 * tags), `shape` / `notShape` (a regular expression from SHAPES, by name), `lexicon` / `notLexicon` (what
 * compromise's lexicon knows the word as, out of context: a place or a given name). Conditions are compiled to
 * functions once, when the module loads.
 */
import { isLexiconFirstName, isLexiconPlace } from '../compromise.js';
import type { Token } from '../tokens.js';
import * as VOCABULARY from './vocabulary.js';

/** What a rule can see of a chunk. */
export interface ChunkView {
  words: Token[];
  lowers: string[];
  /** Lower-cased text of the whole chunk, single spaces. */
  lower: string;
  /** Tokens before the chunk, nearest first. */
  before: Token[];
  /** Tokens after the chunk, nearest first. */
  after: Token[];
  /** The title right before the chunk ("director"), when there is one. */
  title?: string;
}

type Vocabulary = typeof VOCABULARY;
/** The name of a word list in `vocabulary.ts` (a Set, or a Map by its keys). */
export type ListName = {
  [K in keyof Vocabulary]: Vocabulary[K] extends ReadonlySet<string> | ReadonlyMap<string, unknown>
    ? K
    : never;
}[keyof Vocabulary];

/** Word shapes, by name: which text of the token is tested, and the expression. */
export const SHAPES = {
  /** An all-capital word of letters (and `&`, `.`, `-`): "NASA", "U.S.", "AT&T". */
  shouted: { of: 'text', re: /^[\p{Lu}&.-]*\p{Lu}[\p{Lu}&.-]*$/u },
  /** Capitals, `&`, `.`, `-` only (no letter required): "YOMIURI", "&". */
  'capitals-only': { of: 'text', re: /^[\p{Lu}&.-]+$/u },
  /** A short all-capital word or dotted initials: "ABBYY", "NRC", "U.S.". */
  acronym: { of: 'text', re: /^(?:[\p{Lu}&]{2,6}|(?:\p{Lu}\.){2,4})$/u },
  /** Dotted or camel-case brands: "Mail.ru", "eBay", "YouTube". */
  brand: { of: 'text', re: /^\p{L}+\.(?:ru|com|net|org|io|de|uk)$|^\p{Lu}?\p{Ll}+\p{Lu}\p{L}*$/u },
  /** Surname prefixes written in camel case: "McDonald", "DeVos", "MacArthur" are people, not brands. */
  'name-prefix': { of: 'text', re: /^(?:Mc|Mac|De|Di|Da|Du|La|Le|Van|Von|Fitz)\p{Lu}/u },
  /** Two capitals: "FL", "ON" (a postal code). */
  'two-capitals': { of: 'text', re: /^\p{Lu}{2}$/u },
  /** A party-state tag after a lawmaker: "R-S.C.", "D-N.Y.". */
  'party-tag': { of: 'text', re: /^[RDI]-\p{Lu}/u },
  /** An era: "B.C.", "A.D.". */
  era: { of: 'lower', re: /^(?:b\.c\.|a\.d\.)$/ },
  /** Digits only: "44". */
  digits: { of: 'text', re: /^\d+$/ },
  /** An age: one to three digits. */
  age: { of: 'text', re: /^\d{1,3}$/ },
  /** Starts with a digit: "18", "47". */
  'digit-first': { of: 'text', re: /^\d/ },
  /** A game score of one side: "5", "17". */
  'score-number': { of: 'text', re: /^\d{1,3}$/ },
  /** The ending of a plural nationality: "Americans", "Iranians", "Japanese". */
  'demonym-ending': { of: 'lower', re: /(?:ans|ians|ese)$/ },
  /** One capitalised word ending in "s": "Steelers", "Beatles". */
  'capitalised-plural': { of: 'text', re: /^\p{Lu}\p{Ll}+s$/u },
  /** A form of "invest": "invested", "investing". */
  invest: { of: 'lower', re: /^invest/ },
  /** Two characters or more (UTF-16 units). */
  'two-chars': { of: 'text', re: /^[\s\S]{2}/ },
  /** A capital then a lower-case letter, apostrophe, period or hyphen: "Myles", "O'Brien", "J.". */
  'name-word': { of: 'text', re: /^\p{Lu}[\p{Ll}'’.-]/u },
} as const satisfies Record<string, { of: 'text' | 'lower'; re: RegExp }>;
export type ShapeName = keyof typeof SHAPES;

const has = (t: Token, tags: readonly string[]): boolean => tags.some((tag) => t.tags.has(tag));
const isShouted = (t: Token): boolean => SHAPES.shouted.re.test(t.text);
/** A word that names what a person is: a role, a title or a private person's occupation. */
const isPersonRole = (lower: string): boolean =>
  VOCABULARY.LEADER_ROLES.has(lower) ||
  VOCABULARY.MEMBER_ROLES.has(lower) ||
  VOCABULARY.NAME_TITLES.has(lower) ||
  VOCABULARY.RESIDENT_NOUNS.has(lower);
/** Prepositions that end a capitalised role in an appositive: "X, Chief Executive of Y", "Head of Research at Y". */
const ROLE_PREPOSITIONS = new Set(['of', 'at', 'for']);
/**
 * From `k` on, capitalised role words ("Chief", "Executive", "CEO", "Head") and then a preposition:
 * "CEO of Pellucid Games", "Chief Operating Officer at …". Capitals that are no role ("Paris Mayor", "Acme
 * Corp") make it no role.
 */
const capitalRole = (after: Token[], k: number): boolean => {
  let j = k;
  let role = false;
  for (; j < after.length && after[j]!.isCap && !after[j]!.isPunct; j++) {
    const lower = after[j]!.lower;
    if (isPersonRole(lower)) role = true;
    else if (!VOCABULARY.ROLE_QUALIFIERS.has(lower) && !VOCABULARY.ADJECTIVE_WORDS.has(lower)) return false;
  }
  return role && ROLE_PREPOSITIONS.has(after[j]?.lower ?? '');
};
/** How far an appositive may reach for its kind noun: ", a major Moscow-based software company". */
const APPOSITIVE_REACH = 7;

/** Named predicates, for the few conditions that are no plain data. */
export const PREDICATES = {
  /**
   * "FRANCE WINS", "SPACE VIZZION CONCEPT": several all-capital words apart (not one hyphenated name like
   * "ITAR-TASS"), three or more, or among capitals (or nothing) around them.
   */
  'headline-capitals': (c: ChunkView): boolean => {
    const words = c.words.filter((w) => !w.isPunct);
    if (!words.every(isShouted) || !c.words.slice(1).some((w) => w.spaceBefore)) return false;
    const around = [...c.before.slice(0, 3), ...c.after.slice(0, 3)].filter((t) => !t.isPunct);
    return words.length >= 3 || around.length === 0 || around.filter(isShouted).length * 2 >= around.length;
  },
  /** ", a major Moscow-based software company": an appositive whose head is an organisation noun. */
  'org-appositive': (c: ChunkView): boolean => {
    if (c.after[0]?.text !== ',') return false;
    const det = c.after[1]?.lower;
    if (det !== 'a' && det !== 'an' && det !== 'another' && det !== 'the') return false;
    for (let k = 2; k < APPOSITIVE_REACH + 2 && k < c.after.length; k++) {
      const t = c.after[k]!;
      if (t.text === ',' && c.after[k + 1] && !c.after[k + 1]!.isCap) continue; // "a leading, LSE-listed … group"
      if (t.isPunct && t.text !== '-') return false;
      // "X, the company's chief operating officer": the company is a possessor; the kind comes after it
      if (
        VOCABULARY.ORG_NOUNS.has(t.lower) &&
        !t.isCap &&
        !VOCABULARY.APOSTROPHE_S.has(c.after[k + 1]?.text ?? '')
      )
        return true; // "a Boise State University economist": a name, not the kind
      if (has(t, ['Preposition'])) return false; // "a spokeswoman for the agency": the head came before "for"
    }
    return false;
  },
  /**
   * "Brackington, a professor of economics", "Vessel, a senior Interior Ministry official", "Corin
   * Vaskell, research director at …": an appositive whose head is a person's role or occupation. The role
   * ends the appositive (a preposition, punctuation, "who" or the end follows), so "a Republican
   * stronghold" or "a designer label" is no person.
   */
  'person-appositive': (c: ChunkView): boolean => {
    if (c.after[0]?.text !== ',') return false;
    const det = c.after[1]?.lower ?? '';
    const start = VOCABULARY.APPOSITIVE_DETERMINERS.has(det) ? 2 : 1;
    for (let k = start; k < APPOSITIVE_REACH + start && k < c.after.length; k++) {
      const t = c.after[k]!;
      if (t.isPunct || VOCABULARY.APOSTROPHE_S.has(t.text)) return false;
      // without an article only lower-case words lead to the role: "research director of …"; a
      // capitalised role right after the comma needs a preposition after it: "X, Chief Executive of …",
      // "X, Head of Research at …" ("X, President Y said" is no appositive)
      if (start === 1 && t.isCap && !VOCABULARY.ADJECTIVE_WORDS.has(t.lower) && !capitalRole(c.after, k))
        return false;
      if (VOCABULARY.POSSESSIVE_DETERMINERS.has(t.lower)) return false;
      // "Parents, teachers and a priest": a list, not an appositive
      if (VOCABULARY.ROLE_ENDERS.has(t.lower) || VOCABULARY.APPOSITIVE_DETERMINERS.has(t.lower)) return false;
      if (isPersonRole(t.lower) && !VOCABULARY.COMPANY_AGENT_NOUNS.has(t.lower)) {
        const next = c.after[k + 1];
        // "Parents, teachers and a priest": without an article a role before "and" is a list item
        const ender = start === 2 && VOCABULARY.ROLE_ENDERS.has(next?.lower ?? '');
        if (!next || next.isPunct || has(next, ['Preposition']) || ender) return true;
        continue; // "a former first deputy …", "chief executive": the role goes on
      }
      if (has(t, ['Preposition', 'Pronoun', 'Copula', 'Modal', 'Auxiliary', 'PastTense'])) return false;
    }
    return false;
  },
  /** "Browns pass rusher Myles Garrett": a team position within three lower-case words, then a name. */
  'team-role-then-name': (c: ChunkView): boolean => {
    const k = c.after.findIndex(
      (t, i) => i < 3 && VOCABULARY.TEAM_ROLES.has(t.lower) && (!t.isCap || isShouted(t)),
    );
    return (
      k >= 0 && c.after[k + 1]?.isCap === true && c.after.slice(0, k).every((t) => !t.isCap && !t.isPunct)
    );
  },
  /**
   * "Moscow March 5 ( ITAR-TASS ) --", "Sofia , February 15 ( BTA )": near a line's start (at most three
   * tokens and one capitalised word before), the chunk is followed by a month, a day and a source mark.
   */
  'dated-dateline': (c: ChunkView): boolean => {
    if (c.before.filter((t) => t.isCap && !t.isPunct).length > 1 || c.before.length > 3) return false;
    const k = c.after[0]?.text === ',' ? 1 : 0;
    return (
      VOCABULARY.MONTHS.has(c.after[k]?.lower ?? '') &&
      /^\d{1,2}$/.test(c.after[k + 1]?.text ?? '') &&
      c.after.slice(k + 2, k + 4).some((t) => VOCABULARY.DATED_DATELINE_MARKS.has(t.text))
    );
  },
  /**
   * "Eastern Vale rolled past Northern Corvallis, 45-17": the chunk wins ("X beat", "X rolled past") or
   * loses ("beat X", "rolled past X") a game, and a score closes a clause within eight words after it.
   */
  'won-or-lost-with-score': (c: ChunkView): boolean => {
    const wins = (t: Token | undefined, before: Token | undefined): boolean =>
      t !== undefined &&
      (VOCABULARY.WIN_VERBS.has(t.lower) ||
        (VOCABULARY.WIN_PARTICLES.has(t.lower) && VOCABULARY.WIN_PAST_VERBS.has(before?.lower ?? '')));
    const winner = wins(c.after[0], undefined) || wins(c.after[1], c.after[0]);
    const loser = wins(c.before[0], c.before[1]);
    // "45-17, on Tuesday", "4-2." — a score closes its clause ("2-3 times" is no score)
    const score = c.after.slice(0, 8).some((t, i) => {
      const next = c.after[i + 1];
      return (
        /^\d{1,3}-\d{1,3}$/.test(t.text) && (next === undefined || next.isPunct || has(next, ['Preposition']))
      );
    });
    return (winner || loser) && score;
  },
  /**
   * "Tavi Olsen stopped 27 shots", "Dane Ostrow had a goal", "Kip Marlow rushed for 112 yards": the
   * chunk is the subject of a verb whose object, within four words, is a count of a player's statistic.
   */
  'player-statistic': (c: ChunkView): boolean => {
    if (!VOCABULARY.STAT_VERBS.has(c.after[0]?.lower ?? '')) return false;
    for (let k = 1; k < 5 && k < c.after.length; k++) {
      const t = c.after[k]!;
      if (VOCABULARY.PLAYER_STATISTICS.has(t.lower)) {
        const count = c.after[k - 1]!;
        return (
          /^\d/.test(count.text) || has(count, ['Value', 'Cardinal']) || ['a', 'an'].includes(count.lower)
        );
      }
      if (t.isPunct) return false;
    }
    return false;
  },
  /** "the Americans": the chunk less a final "s" is a nationality. */
  'plural-demonym': (c: ChunkView): boolean => VOCABULARY.DEMONYMS.has(c.lower.replace(/s$/, '')),
} as const satisfies Record<string, (c: ChunkView) => boolean>;
export type PredicateName = keyof typeof PREDICATES;

/** A test of one token; every field given must hold. */
export interface TokenTest {
  is?: string | readonly string[];
  isNot?: string;
  in?: ListName | readonly ListName[];
  notIn?: ListName | readonly ListName[];
  /** Appended to the lower-case text before the `in` look-up ("mass" + "." in US_STATES). */
  append?: string;
  text?: string;
  textIn?: ListName;
  cap?: boolean;
  punct?: boolean;
  tag?: readonly string[];
  notTag?: readonly string[];
  shape?: ShapeName;
  notShape?: ShapeName;
  /** compromise's lexicon, out of context, knows the word as a place or a given name ("Fiona" in "Fiona Hill"). */
  lexicon?: LexiconClass;
  notLexicon?: LexiconClass;
}

/** What compromise's lexicon may know a word as, out of context. */
export type LexiconClass = 'place' | 'first-name';
const LEXICON: Record<LexiconClass, (word: string) => boolean> = {
  place: isLexiconPlace,
  'first-name': isLexiconFirstName,
};

/** A word of the chunk by role: the first, the last, or the one before its first "of" ("Court" in "Supreme Court of Canada"). */
export type WordRole = 'first' | 'last' | 'head-before-of';

export type Condition =
  | ({ before: number; span?: number } & TokenTest)
  | ({ after: number; span?: number } & TokenTest)
  | ({ word: WordRole } & TokenTest)
  | { some: TokenTest; of?: 'rest' | 'init' }
  | { every: TokenTest; of?: 'rest' | 'init' }
  | { chunk: Pick<TokenTest, 'in' | 'notIn'> }
  | { length: number | { min?: number; max?: number } }
  | { title: boolean }
  | { all: readonly Condition[] }
  | { any: readonly Condition[] }
  | { not: Condition }
  | { check: PredicateName };

type Test = (c: ChunkView) => boolean;
type WordTest = (t: Token | undefined, key: string | undefined) => boolean;

/** Every export of the vocabulary, by name. */
const BY_NAME: Readonly<Record<string, unknown>> = { ...VOCABULARY };

function lists(names: ListName | readonly ListName[]): Array<{ has(k: string): boolean }> {
  return (typeof names === 'string' ? [names] : names).map((n) => BY_NAME[n] as { has(k: string): boolean });
}

function inAny(names: ListName | readonly ListName[]): (k: string) => boolean {
  const ls = lists(names);
  if (ls.length === 1) {
    const [l] = ls as [{ has(k: string): boolean }];
    return (k) => l.has(k);
  }
  return (k) => ls.some((l) => l.has(k));
}

function compileWordTest(t: TokenTest): WordTest {
  const parts: Array<(tok: Token, key: string) => boolean> = [];
  if (typeof t.is === 'string') {
    const word = t.is;
    parts.push((_, k) => k === word);
  } else if (t.is !== undefined) {
    const words = t.is;
    parts.push((_, k) => words.includes(k));
  }
  if (t.isNot !== undefined) parts.push((_, k) => k !== t.isNot);
  if (t.in !== undefined) {
    const within = inAny(t.in);
    const suffix = t.append;
    parts.push(suffix === undefined ? (_, k) => within(k) : (_, k) => within(k + suffix));
  }
  if (t.notIn !== undefined) {
    const within = inAny(t.notIn);
    parts.push((_, k) => !within(k));
  }
  if (t.text !== undefined) parts.push((tok) => tok.text === t.text);
  if (t.textIn !== undefined) {
    const [l] = lists(t.textIn);
    parts.push((tok) => l!.has(tok.text));
  }
  if (t.cap !== undefined) parts.push((tok) => tok.isCap === t.cap);
  if (t.punct !== undefined) parts.push((tok) => tok.isPunct === t.punct);
  if (t.tag !== undefined) {
    const tags = t.tag;
    parts.push((tok) => has(tok, tags));
  }
  if (t.notTag !== undefined) {
    const tags = t.notTag;
    parts.push((tok) => !has(tok, tags));
  }
  for (const [name, want] of [
    [t.shape, true],
    [t.notShape, false],
  ] as const) {
    if (name === undefined) continue;
    const { of, re } = SHAPES[name];
    parts.push((tok) => re.test(of === 'text' ? tok.text : tok.lower) === want);
  }
  for (const [name, want] of [
    [t.lexicon, true],
    [t.notLexicon, false],
  ] as const) {
    if (name === undefined) continue;
    const knows = LEXICON[name];
    parts.push((tok) => knows(tok.text) === want);
  }
  const all =
    parts.length === 0 ? () => true : parts.reduce((acc, p) => (tok, key) => acc(tok, key) && p(tok, key));
  return (tok, key) => tok !== undefined && all(tok, key ?? tok.lower);
}

/** The lower-case words from `at` on, `span` of them, as one phrase; undefined when some are missing. */
function phrase(tokens: Token[], at: number, span: number): string | undefined {
  const words = tokens.slice(at, at + span);
  return words.length === span ? words.map((w) => w.lower).join(' ') : undefined;
}

function wordAt(c: ChunkView, role: WordRole): Token | undefined {
  if (role === 'first') return c.words[0];
  if (role === 'last') return c.words[c.words.length - 1];
  const at = c.lowers.indexOf('of');
  return at > 0 ? c.words[at - 1] : undefined;
}

/** Compile a condition to a test of a chunk. */
export function compileCondition(cond: Condition): Test {
  if ('all' in cond) return compileConditions(cond.all);
  if ('any' in cond) {
    const tests = cond.any.map(compileCondition);
    return (c) => tests.some((t) => t(c));
  }
  if ('not' in cond) {
    const test = compileCondition(cond.not);
    return (c) => !test(c);
  }
  if ('check' in cond) return PREDICATES[cond.check];
  if ('length' in cond) {
    const { min, max } =
      typeof cond.length === 'number' ? { min: cond.length, max: cond.length } : cond.length;
    return (c) =>
      (min === undefined || c.words.length >= min) && (max === undefined || c.words.length <= max);
  }
  if ('title' in cond) return (c) => (c.title !== undefined) === cond.title;
  if ('chunk' in cond) {
    const { in: within, notIn } = cond.chunk;
    const yes = within === undefined ? () => true : inAny(within);
    const no = notIn === undefined ? () => false : inAny(notIn);
    return (c) => yes(c.lower) && !no(c.lower);
  }
  if ('some' in cond || 'every' in cond) {
    const test = compileWordTest('some' in cond ? cond.some : cond.every);
    const of = cond.of;
    const words = (c: ChunkView): Token[] =>
      of === 'rest' ? c.words.slice(1) : of === 'init' ? c.words.slice(0, -1) : c.words;
    return 'some' in cond
      ? (c) => words(c).some((w) => test(w, undefined))
      : (c) => words(c).every((w) => test(w, undefined));
  }
  const test = compileWordTest(cond);
  if ('word' in cond) {
    const role = cond.word;
    return (c) => test(wordAt(c, role), undefined);
  }
  const side = 'before' in cond ? 'before' : 'after';
  const at = ('before' in cond ? cond.before : cond.after) - 1;
  const span = cond.span;
  if (span === undefined) return (c) => test(c[side][at], undefined);
  return (c) => {
    const key = phrase(c[side], at, span);
    return key !== undefined && test(c[side][at], key);
  };
}

/** Compile a list of conditions that must all hold. */
export function compileConditions(conds: readonly Condition[]): Test {
  const tests = conds.map(compileCondition);
  return tests.length === 0 ? () => true : tests.reduce((acc, t) => (c) => acc(c) && t(c));
}
