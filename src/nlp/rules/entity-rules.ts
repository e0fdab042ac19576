/**
 * Entity typing rules, as data: the first rule whose test passes types the chunk, and its id is kept.
 * Tests look at word shapes, compromise's tags, vocabulary lists and the words around the chunk.
 */
import type { Token } from '../tokens.js';
import {
  APOSTROPHE_S,
  CELESTIAL_BODIES,
  COMMON_ACRONYMS,
  COUNTRIES,
  DEMONYMS,
  DEMONYMS_AS_PLACES,
  EVENT_HEADS,
  HONORIFICS,
  KILL_CUES,
  LEADER_ROLES,
  MEMBER_ROLES,
  NAME_TITLES,
  ORG_HEADS,
  ORG_NOUNS,
  ORG_OBJECT_VERBS,
  ORG_OPENERS,
  ORG_POSSESSIONS,
  PARTNER_VERBS,
  PLACE_HEADS,
  PLACE_PREPOSITIONS,
  SAID,
  SINGLE_WORD_ORGS,
  STREET_HEADS,
  TEAM_ROLES,
  US_POSTAL_CODES,
  US_STATES,
  VENUE_GENERIC,
  VENUE_HEADS,
  VENUE_MODIFIERS,
} from './vocabulary.js';

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

/** Types a chunk can get; `Nationality` and `None` make no entity. */
export type ChunkType = 'Person' | 'Organization' | 'Place' | 'Product' | 'Nationality' | 'None';

export interface EntityRule {
  id: string;
  type: ChunkType;
  /** Why the rule holds, in one line. */
  reason: string;
  test: (c: ChunkView) => boolean;
}

const has = (t: Token, ...tags: string[]): boolean => tags.some((tag) => t.tags.has(tag));
const last = (c: ChunkView): Token => c.words[c.words.length - 1]!;
const ACRONYM = /^(?:[\p{Lu}&]{2,6}|(?:\p{Lu}\.){2,4})$/u;
const BRAND = /^\p{L}+\.(?:ru|com|net|org|io|de|uk)$|^\p{Lu}?\p{Ll}+\p{Lu}\p{L}*$/u;
/** Surname prefixes written in camel case: "McDonald", "DeVos", "MacArthur" are people, not brands. */
const NAME_PREFIX = /^(?:Mc|Mac|De|Di|Da|Du|La|Le|Van|Von|Fitz)\p{Lu}/u;
/** How far an appositive may reach for its kind noun: ", a major Moscow-based software company". */
const APPOSITIVE_REACH = 7;

function appositiveNoun(c: ChunkView, nouns: ReadonlySet<string>): boolean {
  if (c.after[0]?.text !== ',') return false;
  const det = c.after[1]?.lower;
  if (det !== 'a' && det !== 'an' && det !== 'another' && det !== 'the') return false;
  for (let k = 2; k < APPOSITIVE_REACH + 2 && k < c.after.length; k++) {
    const t = c.after[k]!;
    if (t.text === ',' && c.after[k + 1] && !c.after[k + 1]!.isCap) continue; // "a leading, LSE-listed … group"
    if (t.isPunct && t.text !== '-') return false;
    if (nouns.has(t.lower) && !t.isCap) return true; // "a Boise State University economist": a name, not the kind
    if (has(t, 'Preposition')) return false; // "a spokeswoman for the agency": the head came before "for"
  }
  return false;
}

/** An all-capital word of letters (and `&`, `.`, `-`): "NASA", "U.S.", "AT&T". */
const SHOUTED = /^[\p{Lu}&.-]*\p{Lu}[\p{Lu}&.-]*$/u;
const isShouted = (t: Token): boolean => SHOUTED.test(t.text);
/** Words that name a person to compromise: such a name is no company even after "acquired". */
const isPersonLike = (c: ChunkView): boolean =>
  c.words.some((w) => has(w, 'FirstName', 'Honorific', 'MaleName', 'FemaleName'));
/** Any job title or role word ("CEO", "General", "Minister", "quarterback"). */
const isRoleWord = (w: string): boolean =>
  LEADER_ROLES.has(w) || MEMBER_ROLES.has(w) || NAME_TITLES.has(w) || TEAM_ROLES.has(w);

/** The lower-case words right after a possessive "'s" ("chief executive" in "Tesla's chief executive"). */
function possessed(c: ChunkView): string[] {
  if (!APOSTROPHE_S.has(c.after[0]?.text ?? '')) return [];
  const one = c.after[1]?.lower ?? '';
  return [one, `${one} ${c.after[2]?.lower ?? ''}`];
}

/** The word before the first "of" ("Court" in "Supreme Court of Canada"), or ''. */
function headBeforeOf(c: ChunkView): string {
  const at = c.lowers.indexOf('of');
  return at > 0 ? c.lowers[at - 1]! : '';
}

export const ENTITY_RULES: readonly EntityRule[] = [
  {
    id: 'demonym',
    type: 'Nationality',
    reason: '"Iranian", "Swedish": a nationality, usable by relations but not a place mention',
    test: (c) =>
      (DEMONYMS.has(c.lower) && !DEMONYMS_AS_PLACES.has(c.lower)) ||
      (c.words.length === 1 && /(?:ans|ians|ese)$/.test(c.lower) && has(c.words[0]!, 'Plural')),
  },
  {
    id: 'model-code',
    type: 'None',
    reason: '"FA-18", "AK-47", "NP-500": letters joined to a number name a model, not an organisation',
    test: (c) => c.words.length === 1 && c.after[0]?.text === '-' && /^\d/.test(c.after[1]?.text ?? ''),
  },
  {
    id: 'party-affiliation',
    type: 'None',
    reason:
      '"Sen. Strom Thurmond , R-S.C. ,": a party-state tag after a lawmaker, and "44 B.C." are no names',
    test: (c) =>
      c.words.length === 1 &&
      (/^[RDI]-\p{Lu}/u.test(c.words[0]!.text) ||
        (/^(?:b\.c\.|a\.d\.)$/.test(c.lower) && /^\d+$/.test(c.before[0]?.text ?? ''))),
  },
  {
    id: 'state-code-after-town',
    type: 'Place',
    reason: '"Tampa, FL", "Toronto, ON": a two-letter postal code after "Town ," names the state or province',
    test: (c) =>
      c.words.length === 1 &&
      /^\p{Lu}{2}$/u.test(c.words[0]!.text) &&
      US_POSTAL_CODES.has(c.lower) &&
      c.before[0]?.text === ',' &&
      c.before[1]?.isCap === true,
  },
  {
    id: 'shouted-phrase',
    type: 'None',
    reason:
      '"FRANCE WINS", "SPACE VIZZION CONCEPT": several all-capital words are a headline or a label; the body names what matters',
    test: (c) => {
      const words = c.words.filter((w) => !w.isPunct);
      // "ITAR-TASS" is one hyphenated name; a headline has words apart, and capitals around them too.
      if (!words.every(isShouted) || !c.words.slice(1).some((w) => w.spaceBefore)) return false;
      const around = [...c.before.slice(0, 3), ...c.after.slice(0, 3)].filter((t) => !t.isPunct);
      return words.length >= 3 || around.length === 0 || around.filter(isShouted).length * 2 >= around.length;
    },
  },
  {
    id: 'common-acronym',
    type: 'None',
    reason: '"CEO", "SUV", "GDP", "TV": abbreviations of ordinary nouns are no names',
    test: (c) => c.words.length === 1 && isShouted(c.words[0]!) && COMMON_ACRONYMS.has(c.lower),
  },
  {
    id: 'title-alone',
    type: 'None',
    reason: '"General", "Minister", "CEO": a job title on its own is not a name',
    test: (c) => c.words.length === 1 && isRoleWord(c.lower),
  },
  {
    id: 'role-phrase',
    type: 'None',
    reason:
      '"Head of Research", "Chief Strategy Officer", "Senior Vice President of Sales": a capitalised job title is a role, not a name',
    test: (c) =>
      c.words.length > 1 &&
      (isRoleWord(c.lowers[0]!) || ['head', 'chief', 'senior', 'vice', 'deputy'].includes(c.lowers[0]!)) &&
      (isRoleWord(c.lowers[c.lowers.length - 1]!) ||
        c.lowers.slice(1).some((w) => w === 'of' || w === 'for')),
  },
  {
    id: 'partner-context',
    type: 'Organization',
    reason: '"agreed with Skolkovo", "merged with X": parties to agreements are organisations',
    test: (c) => c.before[0]?.lower === 'with' && PARTNER_VERBS.has(c.before[1]?.lower ?? ''),
  },
  {
    id: 'honorific-person',
    type: 'Person',
    reason: 'a courtesy title starts a personal name: "Dr. Babak Mokhtari"',
    test: (c) => HONORIFICS.has(c.lowers[0]!) && c.words.length > 1,
  },
  {
    id: 'bare-org-head',
    type: 'None',
    reason: '"Inc.", "Company", "Department" alone: the kind of an organisation, not its name',
    test: (c) =>
      c.words.length === 1 &&
      ORG_HEADS.has(c.lower) &&
      !SINGLE_WORD_ORGS.has(c.lower) &&
      !isShouted(c.words[0]!),
  },
  {
    id: 'single-word-org',
    type: 'Organization',
    reason: 'institutions named by one word: "Congress", "the Senate"',
    test: (c) => c.words.length === 1 && SINGLE_WORD_ORGS.has(c.lower),
  },
  {
    id: 'state-demonym',
    type: 'Place',
    reason: '"Soviet" stands for the state itself ("Soviet officials")',
    test: (c) => DEMONYMS_AS_PLACES.has(c.lower),
  },
  {
    id: 'event-or-law',
    type: 'None',
    reason:
      '"Davis Cup Finals", "Auto Show", "Affordable Care Act": events and laws are not entities (the annotation guide)',
    test: (c) => c.words.length > 1 && EVENT_HEADS.has(last(c).lower),
  },
  {
    id: 'street-address',
    type: 'None',
    reason: '"Seventh Street", "Gladstone Avenue": a street in an address is not a place the news is about',
    test: (c) => c.words.length > 1 && STREET_HEADS.has(last(c).lower) && c.words[0]!.lower !== 'wall',
  },
  {
    id: 'venue-head',
    type: 'Place',
    reason:
      'venues are places: "Bridgestone Arena", "Coral Sky Amphitheatre", "Saratoga Performing Arts Center"',
    test: (c) =>
      c.words.length > 1 &&
      (VENUE_HEADS.has(last(c).lower) ||
        (VENUE_GENERIC.has(last(c).lower) && c.lowers.slice(0, -1).some((w) => VENUE_MODIFIERS.has(w)))),
  },
  {
    id: 'org-possession',
    type: 'Organization',
    reason:
      '"Tesla\'s shares", "Ubisoft\'s chief executive": only an organisation has shareholders, a CEO, subsidiaries',
    test: (c) => !isPersonLike(c) && possessed(c).some((w) => ORG_POSSESSIONS.has(w)),
  },
  {
    id: 'org-shares-of',
    type: 'Organization',
    reason: '"shares of Tesla", "stock in Apple": what has shares is a company',
    test: (c) =>
      ['of', 'in'].includes(c.before[0]?.lower ?? '') &&
      ['shares', 'stock', 'stake'].includes(c.before[1]?.lower ?? ''),
  },
  {
    id: 'org-object-verb',
    type: 'Organization',
    reason: '"acquired Fitbit", "invested in Anthropic": what is bought or invested in is a company',
    test: (c) =>
      !isPersonLike(c) &&
      !has(c.words[0]!, 'Place', 'Country', 'City') &&
      (ORG_OBJECT_VERBS.has(c.before[0]?.lower ?? '') ||
        (c.before[0]?.lower === 'in' && /^invest/.test(c.before[1]?.lower ?? ''))),
  },
  {
    id: 'team-before-role',
    type: 'Organization',
    reason:
      '"Browns pass rusher Myles Garrett", "Lakers forward LeBron James": a team precedes its player\'s position',
    test: (c) => {
      const k = c.after.findIndex((t, i) => i < 3 && TEAM_ROLES.has(t.lower) && (!t.isCap || isShouted(t)));
      return (
        k >= 0 && c.after[k + 1]?.isCap === true && c.after.slice(0, k).every((t) => !t.isCap && !t.isPunct)
      );
    },
  },
  {
    id: 'team-plural',
    type: 'Organization',
    reason: '"the Steelers", "the Beatles": a capitalised plural after "the" names a team or band',
    test: (c) =>
      c.words.length === 1 &&
      c.before[0]?.lower === 'the' &&
      /^\p{Lu}\p{Ll}+s$/u.test(c.words[0]!.text) &&
      !has(c.words[0]!, 'Place', 'Country', 'City', 'Region', 'Demonym', 'Plural') &&
      c.after[0]?.lower !== 'of' &&
      !DEMONYMS.has(c.lower.replace(/s$/, '')) &&
      !COUNTRIES.has(c.lower) &&
      !c.after[0]?.isCap &&
      !(c.after[0] !== undefined && has(c.after[0], 'Noun')), // "the Glonass technology": a modifier
  },
  {
    id: 'news-source',
    type: 'Organization',
    reason:
      '"told Reuters", "according to Bloomberg", "Politico reported": who reports or is told the news is an outlet',
    test: (c) =>
      !isPersonLike(c) &&
      !has(c.words[0]!, 'Place', 'Country', 'City') &&
      (c.before[0]?.lower === 'told' ||
        (c.before[0]?.lower === 'to' && c.before[1]?.lower === 'according') ||
        (c.before[0]?.lower === 'by' && c.before[1]?.lower === 'reported') ||
        (['reported', 'reports'].includes(c.after[0]?.lower ?? '') && c.before[0]?.text === ',')),
  },
  {
    id: 'celestial-body',
    type: 'Place',
    reason: 'planets and moons are places: "Mars", "the Moon", "Europa"',
    test: (c) => c.words.length === 1 && CELESTIAL_BODIES.has(c.lower) && c.words[0]!.isCap,
  },
  {
    id: 'org-head',
    type: 'Organization',
    reason: 'organisation names end in a head noun or legal suffix: "… University", "… Inc."',
    test: (c) => c.words.length > 1 && (ORG_HEADS.has(last(c).lower) || ORG_HEADS.has(headBeforeOf(c))),
  },
  {
    id: 'org-opener',
    type: 'Organization',
    reason: '"University of …", "Bank of …"',
    test: (c) => ORG_OPENERS.has(c.lowers[0]!) && c.lowers.includes('of'),
  },
  {
    id: 'place-head',
    type: 'Place',
    reason: 'place names end in a geographic head noun: "… County", "… River"',
    test: (c) => c.words.length > 1 && PLACE_HEADS.has(last(c).lower),
  },
  {
    id: 'gazetteer-place',
    type: 'Place',
    reason: 'a US state, its wire abbreviation, or a country',
    test: (c) => US_STATES.has(c.lower) || COUNTRIES.has(c.lower),
  },
  {
    id: 'titled-person',
    type: 'Person',
    reason: 'a title or role right before a name: "Director Alexey Rodos", "billionaire Vladimir Potanin"',
    test: (c) => c.title !== undefined,
  },
  {
    id: 'age-of-place',
    type: 'Place',
    reason: '"Christopher Tays, 32, of Franklin": where a named person of a given age is "of" is a place',
    test: (c) =>
      c.before[0]?.lower === 'of' &&
      c.before[1]?.text === ',' &&
      /^\d{1,3}$/.test(c.before[2]?.text ?? '') &&
      (c.before[3]?.text === ',' || c.before[3]?.isCap === true),
  },
  {
    id: 'age-apposition',
    type: 'Person',
    reason: '"Albrecht, 54, is …": an age in commas after a name is said of a person',
    test: (c) =>
      c.after[0]?.text === ',' && /^\d{1,3}$/.test(c.after[1]?.text ?? '') && c.after[2]?.text === ',',
  },
  {
    id: 'org-apposition',
    type: 'Organization',
    reason: '"ABBYY, a major Moscow-based software company"',
    test: (c) => appositiveNoun(c, ORG_NOUNS),
  },
  {
    id: 'org-noun-before',
    type: 'Organization',
    reason: '"technopark Kalibr", "software company ABBYY": a kind noun right before a name',
    test: (c) => c.before[0] !== undefined && !c.before[0].isCap && ORG_NOUNS.has(c.before[0].lower),
  },
  {
    id: 'org-noun-after',
    type: 'Organization',
    reason: '"the Khuzestan technopark": a name modifying an organisation noun',
    test: (c) =>
      c.after[0] !== undefined &&
      !c.after[0].isCap &&
      ORG_NOUNS.has(c.after[0].lower) &&
      c.before[0]?.lower === 'the',
  },
  {
    id: 'state-after-town',
    type: 'Place',
    reason:
      '"Amherst , Mass", "Staunton , Va": a wire state abbreviation after "Town ," even without its period',
    test: (c) =>
      c.words.length === 1 &&
      c.before[0]?.text === ',' &&
      c.before[1]?.isCap === true &&
      US_STATES.has(`${c.lower}.`),
  },
  {
    id: 'town-before-state',
    type: 'Place',
    reason: '"MIDDLETOWN, N.Y.", "Livingston, Texas": a name followed by a state or country is a town',
    test: (c) =>
      c.after[0]?.text === ',' &&
      c.after[1] !== undefined &&
      (US_STATES.has(c.after[1].lower) ||
        US_STATES.has(`${c.after[1].lower}.`) ||
        (/^\p{Lu}{2}$/u.test(c.after[1].text) && US_POSTAL_CODES.has(c.after[1].lower)) ||
        US_STATES.has(`${c.after[1].lower} ${c.after[2]?.lower}`)),
  },
  {
    id: 'compromise-place',
    type: 'Place',
    reason: "compromise's lexicon knows the place",
    test: (c) =>
      has(last(c), 'Place', 'City', 'Country', 'Region') && !has(c.words[0]!, 'FirstName', 'Honorific'),
  },
  {
    id: 'native-of-place',
    type: 'Place',
    reason: '"a Modesto native", "his native Kinderhook": where someone is a native of is a place',
    test: (c) =>
      (c.after[0]?.lower === 'native' && !c.words.some((w) => DEMONYMS.has(w.lower))) ||
      (c.before[0]?.lower === 'native' && ['his', 'her', 'their'].includes(c.before[1]?.lower ?? '')),
  },
  {
    id: 'indefinite-modifier',
    type: 'None',
    reason:
      '"an R&D center", "Russian Internet company": a capitalised modifier inside a common noun phrase is not a name',
    test: (c) =>
      (['a', 'an', 'another'].includes(c.before[0]?.lower ?? '') ||
        (DEMONYMS.has(c.before[0]?.lower ?? '') && c.words.length === 1)) &&
      c.after[0] !== undefined &&
      has(c.after[0], 'Noun') &&
      !c.after[0].isCap,
  },
  {
    id: 'place-based',
    type: 'Place',
    reason: '"Moscow-based": what a company is based in is a place',
    test: (c) => c.after[0]?.text === '-' && c.after[1]?.lower === 'based',
  },
  {
    id: 'dateline-city',
    type: 'Place',
    reason: '"BERLIN —", "BAAR, SWITZERLAND": a line opening with a city in capitals is a dateline',
    test: (c) =>
      c.before.length === 0 &&
      c.words.every(isShouted) &&
      ['—', '–', '-', ',', '('].includes(c.after[0]?.text ?? '') &&
      (has(c.words[0]!, 'Place', 'City', 'Country') ||
        US_STATES.has((c.after[1]?.lower ?? '') + (c.after[2]?.text === '.' ? '.' : '')) ||
        COUNTRIES.has(c.after[1]?.lower ?? '')),
  },
  {
    id: 'shouted-name',
    type: 'Organization',
    reason:
      'an all-capital name that is no known place is a publisher or agency in wire copy: "YOMIURI SHIMBUN"',
    test: (c) =>
      c.words.every((w) => /^[\p{Lu}&.-]+$/u.test(w.text)) && c.words.some((w) => w.text.length >= 2),
  },
  {
    id: 'kill-context',
    type: 'Person',
    reason: 'only people kill or are murdered: "Lennon was murdered", "shot Oswald"',
    test: (c) =>
      KILL_CUES.has(c.before[0]?.lower ?? '') ||
      KILL_CUES.has(c.after[0]?.lower ?? '') ||
      (['was', 'were'].includes(c.after[0]?.lower ?? '') && KILL_CUES.has(c.after[1]?.lower ?? '')),
  },
  {
    id: 'org-before-title',
    type: 'Organization',
    reason:
      '"Kalibr Director Alexey Rodos", "XBT spokesman Allan Fitzmaurice": the employer precedes the role',
    test: (c) =>
      c.after[0] !== undefined &&
      (LEADER_ROLES.has(c.after[0].lower) || MEMBER_ROLES.has(c.after[0].lower)) &&
      c.after[1]?.isCap === true,
  },
  {
    id: 'compromise-person',
    type: 'Person',
    reason: "compromise's lexicon knows a first name, surname or honorific in it",
    test: (c) => c.words.some((w) => has(w, 'Person', 'FirstName', 'LastName', 'Honorific')),
  },
  {
    id: 'compromise-org',
    type: 'Organization',
    reason: "compromise's lexicon knows the organisation",
    test: (c) => c.words.some((w) => has(w, 'Organization')),
  },
  {
    id: 'brand-shape',
    type: 'Organization',
    reason: 'dotted or camel-case brands: "Mail.ru", "eBay", "YouTube"',
    test: (c) => c.words.some((w) => BRAND.test(w.text) && !NAME_PREFIX.test(w.text)),
  },
  {
    id: 'acronym-org',
    type: 'Organization',
    reason: 'a short all-capital word is usually an organisation: "ABBYY", "NRC"',
    test: (c) => c.words.length === 1 && ACRONYM.test(c.words[0]!.text),
  },
  {
    id: 'person-of-place',
    type: 'Place',
    reason: '"diver Brian Michaud of Millinocket": what a named person is "of" is their home town',
    test: (c) =>
      c.words.length <= 3 &&
      c.before[0]?.lower === 'of' &&
      c.before[1] !== undefined &&
      has(c.before[1], 'LastName', 'FirstName', 'MaleName', 'FemaleName') &&
      !has(c.before[1], 'Place', 'Organization'),
  },
  {
    id: 'place-preposition',
    type: 'Place',
    reason: '"in Ahvaz", "near Morgan City"',
    test: (c) => c.before[0] !== undefined && PLACE_PREPOSITIONS.has(c.before[0].lower),
  },
  {
    id: 'speaker-person',
    type: 'Person',
    reason: '"…, Rodos said", "said Lifa"',
    test: (c) => SAID.has(c.after[0]?.lower ?? '') || SAID.has(c.before[0]?.lower ?? ''),
  },
  {
    id: 'name-shape-person',
    type: 'Person',
    reason: 'two or three capitalised words that are nothing else are a personal name',
    test: (c) =>
      c.words.length >= 2 &&
      c.words.length <= 4 &&
      c.words.every((w) => /^\p{Lu}[\p{Ll}'’.-]/u.test(w.text)) &&
      c.before[0]?.lower !== 'the' &&
      !c.words.some(
        (w) =>
          has(w, 'Place', 'Organization', 'Plural', 'Adjective', 'Verb', 'Date') ||
          DEMONYMS.has(w.lower) ||
          US_STATES.has(w.lower),
      ),
  },
];
