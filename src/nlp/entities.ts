/**
 * Entity mentions: chunk each sentence, type each chunk with the entity rules, then make the types of
 * one surface form agree across the document.
 */
import { type Chunk, findChunks } from './chunk.js';
import { isLexiconPlace } from './compromise.js';
import { type ChunkView, compileConditions } from './rules/conditions.js';
import { type ChunkType, ENTITY_RULES } from './rules/entity-rules.js';
import {
  APOSTROPHE_S,
  BIRTH_CUES,
  DASHES,
  DISTRICT_OF_COLUMBIA,
  HONORIFICS,
  KIND_LIST_CUES,
  KIND_NOUNS,
  LIST_JOINERS,
  MOTION_PREPOSITIONS,
  ORG_NOUNS,
  PLACE_PREPOSITIONS,
  SENTENCE_END,
  TITLES_IN_NAME,
} from './rules/vocabulary.js';
import type { Sentence, Token } from './tokens.js';

/** A typed name in one sentence. */
export interface MentionCandidate {
  sentence: number;
  /** Token range in the sentence, `[from, to)`. */
  from: number;
  to: number;
  start: number;
  end: number;
  text: string;
  type: ChunkType;
  rule: string;
  /** The title right before the name, lower-cased ("director"). */
  title?: string;
  /** Index of the title token in the sentence. */
  titleAt?: number;
}

/** How many context tokens a rule can see on each side. */
const CONTEXT = 9;
/** A rule-typed mention outvotes compromise's lexicon or shape guesses of the same form. */
const WEAK_RULES = new Set([
  'compromise-place',
  'compromise-person',
  'compromise-org',
  'name-shape-person',
  'place-preposition',
  'speaker-person',
  'acronym-org',
  'shouted-name',
  'unknown',
]);

function view(tokens: Token[], chunk: Chunk): ChunkView {
  const words = tokens.slice(chunk.from, chunk.to);
  const lowers = words.map((w) => w.lower);
  return {
    words,
    lowers,
    lower: lowers.join(' '),
    before: tokens.slice(Math.max(0, chunk.from - CONTEXT), chunk.from).reverse(),
    after: tokens.slice(chunk.to, chunk.to + CONTEXT),
    title: chunk.title !== undefined ? tokens[chunk.title]!.lower : undefined,
  };
}

/** The entity rules, their conditions compiled once. */
const RULES = ENTITY_RULES.map((rule) => ({ ...rule, test: compileConditions(rule.when) }));

/** The first entity rule whose conditions hold types the chunk. */
function classify(v: ChunkView): { type: ChunkType; rule: string } {
  for (const rule of RULES) if (rule.test(v)) return { type: rule.type, rule: rule.id };
  return { type: 'None', rule: 'unknown' };
}

/** "the Fars and the Khuzestan technoparks": the first name of a coordination typed by the second. */
function coordinatedOrg(tokens: Token[], c: Chunk): boolean {
  let k = c.to;
  if (tokens[k]?.lower !== 'and') return false;
  k++;
  if (tokens[k]?.lower === 'the') k++;
  while (tokens[k]?.isCap) k++;
  const noun = tokens[k];
  return (
    noun !== undefined &&
    tokens[c.from - 1]?.lower === 'the' &&
    ORG_NOUNS.has(noun.lower) &&
    noun.lower.endsWith('s')
  );
}

/**
 * "Soviet President Mikhail Gorbachev", "Senate President X": a title modified by a capitalised word is a
 * role phrase of its own, not part of the name.
 */
function titleIsModified(tokens: Token[], title: number): boolean {
  const before = tokens[title - 1];
  return before?.isCap === true && !before.isPunct && title - 1 > 0;
}

function toCandidate(s: Sentence, index: number, c: Chunk, source: string): MentionCandidate {
  const v = view(s.tokens, c);
  let { type, rule } = classify(v);
  if (type !== 'Organization' && coordinatedOrg(s.tokens, c))
    ({ type, rule } = { type: 'Organization', rule: 'org-coordination' });
  let from = c.from;
  let to = c.to;
  // "the Shahid Chamran university": a singular organisation noun after the name is part of it.
  const next = s.tokens[to];
  if (rule === 'org-noun-after' && next && !next.lower.endsWith('s')) to++;
  if (
    type === 'Person' &&
    c.title !== undefined &&
    c.title === from - 1 &&
    TITLES_IN_NAME.has(v.title!) &&
    !titleIsModified(s.tokens, c.title)
  )
    from--;
  const start = s.tokens[from]!.start;
  const end = s.tokens[to - 1]!.end;
  return {
    sentence: index,
    from,
    to,
    start,
    end,
    text: source.slice(start, end),
    type,
    rule,
    title: v.title,
    titleAt: c.title,
  };
}

/** The name without courtesy titles or a leading "President": what keys and aliases use. */
export function bareName(text: string): string {
  const words = text.split(/\s+/);
  while (
    words.length > 1 &&
    (HONORIFICS.has(words[0]!.toLowerCase()) || TITLES_IN_NAME.has(words[0]!.toLowerCase()))
  )
    words.shift();
  return words.join(' ');
}

/** Make every mention of one surface form share the type the strongest rule gave it. */
function harmonise(mentions: MentionCandidate[]): void {
  const strong = new Map<string, MentionCandidate>();
  for (const m of mentions) {
    const key = bareName(m.text).toLowerCase();
    if (!WEAK_RULES.has(m.rule) && m.type !== 'None' && !strong.has(key)) strong.set(key, m);
  }
  const weak = new Map<string, MentionCandidate>();
  for (const m of mentions)
    if (m.type !== 'None' && m.type !== 'Nationality') weak.set(bareName(m.text).toLowerCase(), m);
  for (const m of mentions) {
    const w = weak.get(bareName(m.text).toLowerCase());
    if (m.type === 'None' && w && !strong.has(bareName(m.text).toLowerCase())) {
      m.type = w.type;
      m.rule = `${w.rule}+same-form`;
    }
    const s = strong.get(bareName(m.text).toLowerCase());
    if (s && WEAK_RULES.has(m.rule)) {
      m.type = s.type;
      m.rule = `${s.rule}+same-form`;
    }
  }
}

/** Rules that leave a capitalised run untyped: a name nothing in the article vouches for. */
const UNTYPED_NAME_RULES = new Set(['unknown', 'name-shape-unconfirmed']);

/**
 * "the Varno Composite Index (VCI)", "registered shares (QRVX)", "HALO (high assets, low outgoings)": an
 * all-capital word in brackets after words that name nothing, or before a lower-case expansion, abbreviates
 * those words, so it names nothing either (after a name it is that name's short form: aliases.ts).
 */
function acronymsOfNoName(sentences: Sentence[], mentions: MentionCandidate[]): void {
  const dropped = new Set<string>();
  mentions.forEach((m, i) => {
    if (m.rule !== 'shouted-name' || m.to - m.from !== 1) return;
    const tokens = sentences[m.sentence]!.tokens;
    const prev = mentions[i - 1];
    const bracketed = tokens[m.from - 1]?.text === '(' && tokens[m.to]?.text === ')';
    const before = tokens[m.from - 2];
    const untypedName =
      prev !== undefined &&
      prev.sentence === m.sentence &&
      prev.to === m.from - 1 &&
      UNTYPED_NAME_RULES.has(prev.rule);
    // "Ulaanbaatar , 29 Apr ( XINHUA ) --": a wire agency's mark in a dateline
    if (DASHES.has(tokens[m.to + 1]?.text ?? '')) return;
    // "… Party ( BSP )", "Sofia , February 15 ( BTA )": after a capitalised or a number it may be a name's
    // short form or a wire agency's mark
    const afterNoName =
      bracketed && before !== undefined && (untypedName || (/^\p{Ll}/u.test(before.text) && !before.isPunct));
    const expanded = tokens[m.to]?.text === '(' && tokens[m.to + 1] !== undefined && !tokens[m.to + 1]!.isCap;
    if (afterNoName || expanded) dropped.add(m.text);
  });
  for (const m of mentions)
    if (m.rule === 'shouted-name' && dropped.has(m.text)) {
      m.type = 'None';
      m.rule = 'acronym-of-no-name';
    }
}

/** Rules too weak to stand against a list of places ("Guadalajara , Monterrey , Tijuana"). */
const LIST_YIELDING_RULES = new Set(['unknown']);

/** A name listed right next to a place ("Umbria and Lazio", "Monterrey , Tijuana") is a place too. */
function listPlaces(sentences: Sentence[], mentions: MentionCandidate[]): void {
  for (let i = 0; i < mentions.length; i++) {
    const m = mentions[i]!;
    // "Marlowton , Dana and Ostrava": a lone word compromise knows as a given name yields to a list of places
    // ("Marlowton , Ohio , Dana 's hometown": not one with a possessive)
    const lonePersonGuess =
      m.rule === 'compromise-person' &&
      m.to - m.from === 1 &&
      !APOSTROPHE_S.has(sentences[m.sentence]!.tokens[m.to]?.text ?? '');
    if (!LIST_YIELDING_RULES.has(m.rule) && !lonePersonGuess) continue;
    const tokens = sentences[m.sentence]!.tokens;
    const joined = (a: MentionCandidate | undefined, b: MentionCandidate | undefined): boolean =>
      a !== undefined &&
      b !== undefined &&
      a.sentence === b.sentence &&
      b.from === a.to + 1 &&
      LIST_JOINERS.has(tokens[a.to]!.lower);
    const prev = mentions[i - 1];
    const next = mentions[i + 1];
    if ((joined(prev, m) && prev!.type === 'Place') || (joined(m, next) && next!.type === 'Place')) {
      m.type = 'Place';
      m.rule = 'place-list';
    }
  }
}

/**
 * The runs of mentions one sentence joins into a list ("A, B and C", "A, B, or C"), each mention in exactly
 * one run (a lone mention is a run of one). With `possessiveInName`, a possessive ending after an item
 * ("Tovell’s, Marrow") does not break the list.
 */
function* listsOf(
  sentences: Sentence[],
  mentions: MentionCandidate[],
  possessiveInName: boolean,
): Generator<MentionCandidate[]> {
  let i = 0;
  while (i < mentions.length) {
    const list = [mentions[i]!];
    const tokens = sentences[mentions[i]!.sentence]!.tokens;
    for (let j = i + 1; j < mentions.length; j++) {
      const a = list[list.length - 1]!;
      const b = mentions[j]!;
      const gap = tokens
        .slice(a.to, b.from)
        .map((t) => t.lower)
        .filter((w, n) => !possessiveInName || n > 0 || !APOSTROPHE_S.has(w));
      const joined =
        b.sentence === a.sentence &&
        ((gap.length === 1 && LIST_JOINERS.has(gap[0]!)) ||
          (gap.length === 2 && gap[0] === ',' && gap[1] !== ',' && LIST_JOINERS.has(gap[1]!)));
      if (!joined) break;
      list.push(b);
    }
    i += list.length;
    yield list;
  }
}

/** Person rules that guess from a name's shape or compromise's lexicon: a list of companies outvotes them. */
const LIST_PERSON_GUESSES = new Set([
  'compromise-person',
  'name-shape-person',
  'name-shape-unconfirmed',
  'unknown',
]);
/** Organisations a list needs, typed by rules of their own, before its guessed people become companies too. */
const LIST_MIN_ORGS = 2;

/**
 * "Drayton, Corvex Aerospace, Lindqvist Machines, Melvin Harlow and Brixa Space Systems": in a list of
 * three or more names where others are organisations by their own cues and none is a person by one, a
 * name only guessed a person by its shape is an organisation too.
 */
function listOrgs(sentences: Sentence[], mentions: MentionCandidate[]): void {
  for (const list of listsOf(sentences, mentions, false)) {
    if (list.length < 3) continue;
    const orgs = list.filter((m) => m.type === 'Organization' && !WEAK_RULES.has(m.rule)).length;
    const people = list.filter(
      (m) => m.type === 'Person' && !LIST_PERSON_GUESSES.has(m.rule) && !WEAK_RULES.has(m.rule),
    ).length;
    if (orgs < LIST_MIN_ORGS || people > 0) continue;
    for (const m of list)
      if (LIST_PERSON_GUESSES.has(m.rule) && (m.type === 'Person' || m.type === 'None')) {
        m.type = 'Organization';
        m.rule = 'org-list';
      }
  }
}

/** Rules a kind noun before a list outvotes: guesses from shape or lexicon, and names no rule typed. */
const KIND_LIST_YIELDING = new Set([...WEAK_RULES, 'name-shape-unconfirmed']);
/** How far before a list's introducing word its kind noun may be: "carriers flying the new jet are …". */
const KIND_NOUN_REACH = 5;

/** The kind a list's introduction names: "airlines … are", "brands as clients including", "cities such as". */
function listKind(tokens: Token[], first: MentionCandidate): ChunkType | undefined {
  let k = first.from - 1;
  if (tokens[k]?.lower === 'the') k--;
  const cue = tokens[k]?.lower ?? '';
  const cue2 = `${tokens[k - 1]?.lower} ${cue}`;
  if (KIND_LIST_CUES.has(cue2)) k--;
  else if (!KIND_LIST_CUES.has(cue)) return undefined;
  for (let j = k - 1; j >= Math.max(0, k - KIND_NOUN_REACH); j--) {
    const t = tokens[j]!;
    if ((t.isCap && j > 0) || SENTENCE_END.has(t.text)) return undefined;
    const kind = KIND_NOUNS.get(t.lower);
    if (kind) return kind as ChunkType;
  }
  return undefined;
}

/**
 * "carriers flying the new jet are Velora, Skyreach and Ostrava Wings", "cities such as Tarvik and Oslund":
 * the names of a list introduced by a plural kind noun are of that kind, unless a rule of their own says
 * otherwise.
 */
function kindLists(sentences: Sentence[], mentions: MentionCandidate[]): void {
  // "Tovell’s, Marrow and Quentis": a brand's possessive ending is part of its name
  for (const list of listsOf(sentences, mentions, true)) {
    const kind = listKind(sentences[list[0]!.sentence]!.tokens, list[0]!);
    if (!kind) continue;
    for (const m of list)
      if (KIND_LIST_YIELDING.has(m.rule) && m.type !== 'Nationality') {
        m.type = kind;
        m.rule = 'kind-list';
      }
  }
}

function mergeBirthplaces(
  sentences: Sentence[],
  mentions: MentionCandidate[],
  source: string,
): MentionCandidate[] {
  const out: MentionCandidate[] = [];
  for (let i = 0; i < mentions.length; i++) {
    const a = mentions[i]!;
    const b = mentions[i + 1];
    const tokens = sentences[a.sentence]!.tokens;
    const cue = `${tokens[a.from - 2]?.lower} ${tokens[a.from - 1]?.lower}`;
    if (
      b &&
      b.sentence === a.sentence &&
      a.type === 'Place' &&
      b.type === 'Place' &&
      b.from === a.to + 1 &&
      tokens[a.to]!.text === ',' &&
      (BIRTH_CUES.includes(cue) || DISTRICT_OF_COLUMBIA.has(b.text))
    ) {
      out.push({ ...a, to: b.to, end: b.end, text: source.slice(a.start, b.end), rule: 'birthplace' });
      i++;
      continue;
    }
    out.push(a);
  }
  return out;
}

/**
 * "Topics: Incubators, Accelerators, Moscow, …": a label and a comma list is page furniture, not prose.
 * An interview's one-letter speaker mark ("A: Ana Varga, Leo Brandt, …") labels an answer, which is prose.
 */
const TAG_LIST_MIN_COMMAS = 3;

function isTagList(tokens: Token[]): boolean {
  return (
    tokens[1]?.text === ':' &&
    tokens[0]!.text.length > 1 &&
    tokens.filter((t) => t.text === ',').length >= TAG_LIST_MIN_COMMAS
  );
}

/** Below this many sentences there is no article to confirm a name by (a caption, a lone sentence). */
const MIN_SENTENCES_FOR_DOCUMENT_EVIDENCE = 3;

/**
 * A name typed by its shape alone ("Blue Origin", "Gran Turismo", "Mavic Mini") is a person only when the
 * article goes on to use its last word alone, as news style does with surnames ("Myles Garrett … Garrett"),
 * or lists it with a person and no organisation or place ("Arto Velkonen and Joel Brandt").
 */
function confirmNameShapes(sentences: Sentence[], mentions: MentionCandidate[]): void {
  const alone = new Set(mentions.filter((m) => m.to - m.from === 1).map((m) => m.text));
  // "Arto Velkonen and Joel Brandt scored": listed with a person, among no organisation, a person too
  const listed = new Set<MentionCandidate>();
  for (const list of listsOf(sentences, mentions, false)) {
    if (list.length < 2) continue;
    const person = list.some((m) => m.type === 'Person' && m.rule !== 'name-shape-person');
    const other = list.some((m) => m.type === 'Organization' || m.type === 'Place');
    if (person && !other) for (const m of list) listed.add(m);
  }
  for (const m of mentions) {
    if (m.rule !== 'name-shape-person') continue;
    const surname = m.text.split(/\s+/).pop()!;
    if (alone.has(surname) || listed.has(m)) continue;
    m.type = 'None';
    m.rule = 'name-shape-unconfirmed';
  }
}

/**
 * "Dana Ellingham … Ellingham urged": a single word that only compromise's reading of its ending made a
 * place (its lexicon does not know it as one, and no preposition puts it somewhere) is the surname of a
 * person the article names in full.
 */
function surnamesOfPeople(sentences: Sentence[], mentions: MentionCandidate[]): void {
  const surnames = new Set(
    mentions
      .filter((m) => m.type === 'Person' && m.to - m.from >= 2)
      .map((m) => sentences[m.sentence]!.tokens[m.to - 1]!.text),
  );
  for (const m of mentions) {
    if (m.rule !== 'compromise-place' || m.to - m.from !== 1 || !surnames.has(m.text)) continue;
    const prev = sentences[m.sentence]!.tokens[m.from - 1];
    const afterPreposition =
      prev !== undefined &&
      (PLACE_PREPOSITIONS.has(prev.lower) ||
        MOTION_PREPOSITIONS.has(prev.lower) ||
        prev.tags.has('Preposition'));
    if (afterPreposition || isLexiconPlace(m.text)) continue;
    m.type = 'Person';
    m.rule = 'surname-of-person';
  }
}

/** Find and type every name in the sentences. `None`/`Nationality` candidates are kept for later steps. */
export function findMentions(sentences: Sentence[], source: string): MentionCandidate[] {
  const out: MentionCandidate[] = [];
  sentences.forEach((s, i) => {
    if (isTagList(s.tokens)) return;
    for (const c of findChunks(s.tokens)) out.push(toCandidate(s, i, c, source));
  });
  if (sentences.length >= MIN_SENTENCES_FOR_DOCUMENT_EVIDENCE) confirmNameShapes(sentences, out);
  surnamesOfPeople(sentences, out);
  listOrgs(sentences, out);
  kindLists(sentences, out);
  acronymsOfNoName(sentences, out);
  harmonise(out);
  listPlaces(sentences, out);
  return mergeBirthplaces(sentences, out, source);
}
