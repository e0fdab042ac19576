/**
 * Entity typing rules, as data: the first rule whose conditions all hold types the chunk, and its id is
 * kept. Conditions (see `conditions.ts`) look at word shapes, compromise's tags, vocabulary lists and the
 * words around the chunk; `before: 1` is the word right before the chunk, `after: 1` the word right after.
 */
import type { Condition, ListName } from './conditions.js';

/** Types a chunk can get; `Nationality` and `None` make no entity. */
export type ChunkType = 'Person' | 'Organization' | 'Place' | 'Product' | 'Nationality' | 'None';

export interface EntityRule {
  id: string;
  type: ChunkType;
  /** Why the rule holds, in one line. */
  reason: string;
  /** Conditions that must all hold. */
  when: readonly Condition[];
}

/** Any job title or role word ("CEO", "General", "Minister", "quarterback"). */
const ROLE_WORDS: readonly ListName[] = ['LEADER_ROLES', 'MEMBER_ROLES', 'NAME_TITLES', 'TEAM_ROLES'];
/** Tags of words that name a person to compromise: such a name is no company even after "acquired". */
const PERSON_NAME_TAGS = ['FirstName', 'Honorific', 'MaleName', 'FemaleName'];
const NOT_PERSON_LIKE: Condition = { not: { some: { tag: PERSON_NAME_TAGS } } };
const PLACE_TAGS = ['Place', 'Country', 'City'];
/** "Fiona Hill", "Nora Whitcomb, Washington …": a given name the lexicon knows, then a word it knows as no place. */
const GIVEN_NAME_THEN_NO_PLACE: Condition = {
  all: [
    { length: { min: 2 } },
    { word: 'first', lexicon: 'first-name' },
    { word: 'last', notLexicon: 'place' },
  ],
};

/** Not a name the lexicon or the gazetteer knows as a place: "Chicago, a Republican stronghold". */
const NOT_PLACE_NAME: Condition = {
  all: [{ not: { chunk: { in: ['US_STATES', 'COUNTRIES'] } } }, { word: 'last', notLexicon: 'place' }],
};

/** A state (name, wire abbreviation or postal code) at `after: k`. */
const stateAt = (k: number): Condition => ({
  any: [
    { after: k, in: 'US_STATES' },
    { after: k, in: 'US_STATES', append: '.' },
    { after: k, shape: 'two-capitals', in: 'US_POSTAL_CODES' },
  ],
});
/** ", Town, ST" right after the chunk, the town in one to three words ("Salt Lake City"). */
const TOWN_AND_STATE_AFTER: Condition = {
  all: [
    { after: 1, text: ',' },
    { after: 2, cap: true },
    {
      any: [
        { all: [{ after: 3, text: ',' }, stateAt(4)] },
        { all: [{ after: 3, cap: true }, { after: 4, text: ',' }, stateAt(5)] },
        { all: [{ after: 3, cap: true }, { after: 4, cap: true }, { after: 5, text: ',' }, stateAt(6)] },
      ],
    },
  ],
};

/** A role, then a capitalised word: "Quorvex CEO Ana Brisk", "Halvern Mayor Ana Brisk". */
const ROLE_THEN_NAME: readonly Condition[] = [
  { after: 1, in: ['LEADER_ROLES', 'MEMBER_ROLES'] },
  { after: 2, cap: true },
];

/** A personal name by its shape: two to four capitalised words that are no place, organisation or kind. */
const PLAYER_NAME: readonly Condition[] = [
  { length: { min: 2, max: 4 } },
  { every: { shape: 'name-word' } },
  { not: { some: { tag: ['Place', 'Organization', 'Plural', 'Adjective', 'Date'] } } },
  { not: { some: { in: ['DEMONYMS', 'US_STATES', 'COUNTRIES', 'ORG_HEADS'] } } },
  { word: 'first', notIn: 'PLACE_OPENERS' },
];

export const ENTITY_RULES: readonly EntityRule[] = [
  {
    id: 'demonym',
    type: 'Nationality',
    reason: '"Iranian", "Swedish": a nationality, usable by relations but not a place mention',
    when: [
      {
        any: [
          { chunk: { in: 'DEMONYMS', notIn: 'DEMONYMS_AS_PLACES' } },
          { all: [{ length: 1 }, { word: 'first', shape: 'demonym-ending', tag: ['Plural'] }] },
        ],
      },
      // "Ari Tavell of New Zealand won": a country named alike is the place unless a noun follows
      {
        not: {
          all: [
            { chunk: { in: 'COUNTRIES' } },
            {
              any: [
                { not: { after: 1 } },
                { after: 1, punct: true },
                { after: 1, tag: ['Preposition', 'Verb', 'Conjunction'] },
              ],
            },
          ],
        },
      },
    ],
  },
  {
    id: 'model-code',
    type: 'None',
    reason: '"FA-18", "AK-47", "NP-500": letters joined to a number name a model, not an organisation',
    when: [{ length: 1 }, { after: 1, text: '-' }, { after: 2, shape: 'digit-first' }],
  },
  {
    id: 'party-affiliation',
    type: 'None',
    reason:
      '"Sen. Strom Thurmond , R-S.C. ,": a party-state tag after a lawmaker, and "44 B.C." are no names',
    when: [
      { length: 1 },
      {
        any: [
          { word: 'first', shape: 'party-tag' },
          {
            all: [
              { word: 'first', shape: 'era' },
              { before: 1, shape: 'digits' },
            ],
          },
        ],
      },
    ],
  },
  {
    id: 'state-code-after-town',
    type: 'Place',
    reason: '"Tampa, FL", "Toronto, ON": a two-letter postal code after "Town ," names the state or province',
    when: [
      { length: 1 },
      { word: 'first', shape: 'two-capitals', in: 'US_POSTAL_CODES' },
      { before: 1, text: ',' },
      { before: 2, cap: true },
    ],
  },
  {
    id: 'shouted-phrase',
    type: 'None',
    reason:
      '"FRANCE WINS", "SPACE VIZZION CONCEPT": several all-capital words are a headline or a label; the body names what matters',
    when: [{ check: 'headline-capitals' }],
  },
  {
    id: 'title-case-phrase',
    type: 'None',
    reason:
      '"The Men Who Ruled Varnholt", "Wings Will Be Printed": a capitalised auxiliary, question word or preposition inside a run is a headline or a title',
    when: [{ length: { min: 2 } }, { some: { in: 'TITLE_CASE_FUNCTION_WORDS', cap: true }, of: 'rest' }],
  },
  {
    id: 'common-acronym',
    type: 'None',
    reason: '"CEO", "SUV", "GDP", "TV": abbreviations of ordinary nouns are no names',
    when: [{ length: 1 }, { word: 'first', shape: 'shouted' }, { chunk: { in: 'COMMON_ACRONYMS' } }],
  },
  {
    id: 'title-alone',
    type: 'None',
    reason: '"General", "Minister", "CEO", "Mr.": a job or courtesy title on its own is not a name',
    when: [{ length: 1 }, { chunk: { in: [...ROLE_WORDS, 'HONORIFICS'] } }],
  },
  {
    id: 'role-phrase',
    type: 'None',
    reason:
      '"Head of Research", "Chief Strategy Officer", "Senior Vice President of Sales": a capitalised job title is a role, not a name',
    when: [
      {
        any: [
          {
            all: [
              { length: { min: 2 } },
              { word: 'first', in: [...ROLE_WORDS, 'ROLE_PHRASE_OPENERS'] },
              {
                any: [
                  { word: 'last', in: ROLE_WORDS },
                  { some: { is: ['of', 'for'] }, of: 'rest' },
                ],
              },
            ],
          },
          // "Chief | Strategy Officer": the rest of a title split at its first word is still a title
          { all: [{ title: true }, { length: { min: 2 } }, { word: 'last', in: ROLE_WORDS }] },
        ],
      },
    ],
  },
  {
    id: 'partner-context',
    type: 'Organization',
    reason: '"agreed with Skolkovo", "merged with X": parties to agreements are organisations',
    when: [
      { before: 1, is: 'with' },
      { before: 2, in: 'PARTNER_VERBS' },
    ],
  },
  {
    id: 'honorific-person',
    type: 'Person',
    reason: 'a courtesy title starts a personal name: "Dr. Babak Mokhtari"',
    when: [{ word: 'first', in: 'HONORIFICS' }, { length: { min: 2 } }],
  },
  {
    id: 'bare-org-head',
    type: 'None',
    reason: '"Inc.", "Company", "Department" alone: the kind of an organisation, not its name',
    when: [
      { length: 1 },
      { chunk: { in: 'ORG_HEADS', notIn: 'SINGLE_WORD_ORGS' } },
      { word: 'first', notShape: 'shouted' },
    ],
  },
  {
    id: 'single-word-org',
    type: 'Organization',
    reason: 'institutions named by one word: "Congress", "the Senate"',
    when: [{ length: 1 }, { chunk: { in: 'SINGLE_WORD_ORGS' } }],
  },
  {
    id: 'state-demonym',
    type: 'Place',
    reason: '"Soviet" stands for the state itself ("Soviet officials")',
    when: [{ chunk: { in: 'DEMONYMS_AS_PLACES' } }],
  },
  {
    id: 'event-or-law',
    type: 'None',
    reason:
      '"Davis Cup Finals", "Auto Show", "Affordable Care Act": events and laws are not entities (the annotation guide)',
    when: [{ length: { min: 2 } }, { word: 'last', in: 'EVENT_HEADS' }],
  },
  {
    id: 'street-address',
    type: 'None',
    reason: '"Seventh Street", "Gladstone Avenue": a street in an address is not a place the news is about',
    when: [{ length: { min: 2 } }, { word: 'last', in: 'STREET_HEADS' }, { word: 'first', isNot: 'wall' }],
  },
  {
    id: 'venue-head',
    type: 'Place',
    reason:
      'venues are places: "Bridgestone Arena", "Coral Sky Amphitheatre", "Saratoga Performing Arts Center"',
    when: [
      { length: { min: 2 } },
      {
        any: [
          { word: 'last', in: 'VENUE_HEADS' },
          {
            all: [
              { word: 'last', in: 'VENUE_GENERIC' },
              { some: { in: 'VENUE_MODIFIERS' }, of: 'init' },
            ],
          },
        ],
      },
    ],
  },
  {
    id: 'listed-venue',
    type: 'Place',
    reason:
      '"June 30 -- Harbor Lights Center, Dunmore, PA", "Dunmore, PA @ Harbor Lights Center": a center, hall, theater, park or stage listed with its town and state, or after "@", is a venue',
    when: [
      { length: { min: 2 } },
      { word: 'last', in: 'VENUE_GENERIC' },
      {
        any: [
          { before: 1, text: '@' },
          { all: [{ before: 1, textIn: 'LISTING_MARKS' }, TOWN_AND_STATE_AFTER] },
        ],
      },
    ],
  },
  {
    id: 'park-town',
    type: 'Place',
    reason: '"Halvern Park, MN", "Ostrow Park, Ill.": a "… Park" followed by its state is a town',
    when: [
      { length: { min: 2 } },
      { word: 'last', is: 'park' },
      { after: 1, text: ',' },
      stateAt(2),
      { not: { after: 3, cap: true, punct: false } },
    ],
  },
  {
    id: 'org-possession',
    type: 'Organization',
    reason:
      '"Tesla\'s shares", "Ubisoft\'s chief executive": only an organisation has shareholders, a CEO, subsidiaries',
    when: [
      NOT_PERSON_LIKE,
      { after: 1, textIn: 'APOSTROPHE_S' },
      {
        any: [
          { after: 2, in: 'ORG_POSSESSIONS' },
          { after: 2, span: 2, in: 'ORG_POSSESSIONS' },
        ],
      },
    ],
  },
  {
    id: 'org-shares-of',
    type: 'Organization',
    reason: '"shares of Tesla", "stock in Apple": what has shares is a company',
    when: [
      { before: 1, is: ['of', 'in'] },
      { before: 2, in: 'SHARE_NOUNS' },
      { not: { after: 1, textIn: 'APOSTROPHE_S' } }, // "a stake in Dana Corvell's company": the owner, not the company
    ],
  },
  {
    id: 'org-object-verb',
    type: 'Organization',
    reason: '"acquired Fitbit", "invested in Anthropic": what is bought or invested in is a company',
    when: [
      NOT_PERSON_LIKE,
      { word: 'first', notTag: PLACE_TAGS },
      { not: { after: 1, textIn: 'APOSTROPHE_S' } }, // "bought Jane Doe's bakery": the owner, not what was bought
      {
        any: [
          { before: 1, in: 'ORG_OBJECT_VERBS' },
          {
            all: [
              { before: 1, is: 'in' },
              { before: 2, shape: 'invest' },
            ],
          },
        ],
      },
    ],
  },
  {
    id: 'team-before-role',
    type: 'Organization',
    reason:
      '"Ravens pass rusher Dom Keller", "Wolverines quarterback Jared Pell": a team precedes its player\'s position; a country there is the player\'s country ("Portugal midfielder Tavo Reis")',
    when: [{ check: 'team-role-then-name' }, { not: { chunk: { in: 'COUNTRIES' } } }],
  },
  {
    id: 'team-plural',
    type: 'Organization',
    reason: '"the Steelers", "the Beatles": a capitalised plural after "the" names a team or band',
    when: [
      { length: 1 },
      { before: 1, is: 'the' },
      {
        word: 'first',
        shape: 'capitalised-plural',
        notTag: ['Place', 'Country', 'City', 'Region', 'Demonym', 'Plural'],
      },
      { not: { after: 1, is: 'of' } },
      { not: { check: 'plural-demonym' } },
      { not: { chunk: { in: 'COUNTRIES' } } },
      { not: { after: 1, cap: true } },
      { not: { after: 1, tag: ['Noun'] } }, // "the Glonass technology": a modifier
    ],
  },
  {
    id: 'news-source',
    type: 'Organization',
    reason:
      '"told Reuters", "according to Bloomberg", "Politico reported": who reports or is told the news is an outlet',
    when: [
      NOT_PERSON_LIKE,
      { word: 'first', notTag: PLACE_TAGS },
      {
        any: [
          { before: 1, is: 'told' },
          {
            all: [
              { before: 1, is: 'to' },
              { before: 2, is: 'according' },
            ],
          },
          {
            all: [
              { before: 1, is: 'by' },
              { before: 2, is: 'reported' },
            ],
          },
          {
            all: [
              { after: 1, in: 'REPORT_VERBS' },
              {
                any: [
                  { before: 1, text: ',' },
                  { all: [{ length: 1 }, { word: 'first', notTag: ['LastName'] }] },
                ],
              },
            ],
          },
        ],
      },
    ],
  },
  {
    id: 'celestial-body',
    type: 'Place',
    reason: 'planets and moons are places: "Mars", "the Moon", "Europa"',
    when: [{ length: 1 }, { chunk: { in: 'CELESTIAL_BODIES' } }, { word: 'first', cap: true }],
  },
  {
    id: 'org-head',
    type: 'Organization',
    reason: 'organisation names end in a head noun or legal suffix: "… University", "… Inc."',
    when: [
      { length: { min: 2 } },
      {
        any: [
          { word: 'last', in: 'ORG_HEADS' },
          { word: 'head-before-of', in: 'ORG_HEADS' },
        ],
      },
      { not: { chunk: { in: 'COUNTRIES' } } }, // "Soviet Union", "West Bank": a country's name may end in an organisation word
    ],
  },
  {
    id: 'org-opener',
    type: 'Organization',
    reason: '"University of …", "Bank of …"',
    when: [{ word: 'first', in: 'ORG_OPENERS' }, { some: { is: 'of' } }],
  },
  {
    id: 'box-score',
    type: 'Organization',
    reason:
      '"Comets 5, Rovers 2:", "Halvern 3, Marlowe 1": two names, each followed by its score, in a results line are teams',
    when: [
      { length: { max: 3 } },
      { after: 1, shape: 'score-number' },
      { word: 'last', notIn: 'NUMBERED_NOUNS' },
      {
        any: [
          {
            all: [
              { after: 2, text: ',' },
              { after: 3, cap: true, punct: false, notIn: 'NUMBERED_NOUNS' },
              {
                any: [
                  { after: 4, shape: 'score-number' },
                  {
                    all: [
                      { after: 4, cap: true },
                      { after: 5, shape: 'score-number' },
                    ],
                  },
                ],
              },
            ],
          },
          {
            all: [
              { before: 1, text: ',' },
              { before: 2, shape: 'score-number' },
              { before: 3, cap: true, punct: false, notIn: 'NUMBERED_NOUNS' },
            ],
          },
        ],
      },
    ],
  },
  {
    id: 'city-team',
    type: 'Organization',
    reason:
      '"the Halvern Penguins", "the Marlowe Comets": "the", a town or state, then a capitalised plural that is no kind of place or surname is a team',
    when: [
      { length: { min: 2, max: 4 } },
      // "Tennessee Adams": a state can be a given name, the plural a surname; a team comes with its article
      {
        word: 'last',
        shape: 'capitalised-plural',
        notIn: ['PLACE_HEADS', 'ORG_HEADS'],
        notTag: [...PLACE_TAGS, 'Person', 'LastName', 'FirstName'],
      },
      { every: { tag: PLACE_TAGS }, of: 'init' },
      { before: 1, is: 'the' },
    ],
  },
  {
    id: 'place-head',
    type: 'Place',
    reason: 'place names end in a geographic head noun: "… County", "… River"',
    when: [{ length: { min: 2 } }, { word: 'last', in: 'PLACE_HEADS' }],
  },
  {
    id: 'gazetteer-place',
    type: 'Place',
    reason: 'a US state, its wire abbreviation, or a country',
    when: [{ chunk: { in: ['US_STATES', 'COUNTRIES'] } }],
  },
  {
    id: 'titled-person',
    type: 'Person',
    reason: 'a title or role right before a name: "Director Alexey Rodos", "billionaire Vladimir Potanin"',
    when: [{ title: true }],
  },
  {
    id: 'age-of-place',
    type: 'Place',
    reason: '"Christopher Tays, 32, of Franklin": where a named person of a given age is "of" is a place',
    when: [
      { before: 1, is: 'of' },
      { before: 2, text: ',' },
      { before: 3, shape: 'age' },
      {
        any: [
          { before: 4, text: ',' },
          { before: 4, cap: true },
        ],
      },
    ],
  },
  {
    id: 'age-apposition',
    type: 'Person',
    reason: '"Albrecht, 54, is …": an age in commas after a name is said of a person',
    when: [
      { after: 1, text: ',' },
      { after: 2, shape: 'age' },
      { after: 3, text: ',' },
    ],
  },
  {
    id: 'who-clause',
    type: 'Person',
    reason:
      '"Brenholt, who served two terms, …": "who" after a name speaks of a person ("the Rovers, who" of a team: not after "the")',
    when: [
      {
        any: [
          { after: 1, is: 'who' },
          {
            all: [
              { after: 1, text: ',' },
              { after: 2, is: 'who' },
            ],
          },
        ],
      },
      { not: { before: 1, is: 'the' } },
      // "a Republican from Halvern who served": after a preposition "who" goes back to the person before
      { not: { before: 1, tag: ['Preposition'] } },
      { word: 'last', notTag: ['Plural'] },
      { word: 'first', notShape: 'shouted' }, // "A HUNTER who …": a headline
      { not: { chunk: { in: ['COUNTRIES', 'US_STATES'] } } },
    ],
  },
  {
    id: 'person-apposition',
    type: 'Person',
    reason: '"Brackington, a professor of economics", "Corin Vaskell, research director at …"',
    when: [{ check: 'person-appositive' }, NOT_PLACE_NAME],
  },
  {
    id: 'org-apposition',
    type: 'Organization',
    reason: '"ABBYY, a major Moscow-based software company"',
    when: [{ check: 'org-appositive' }],
  },
  {
    id: 'org-noun-before',
    type: 'Organization',
    reason: '"technopark Kalibr", "software company ABBYY": a kind noun right before a name',
    // "automaker Henry Dorrance", "producer Dana Ellis": a given name the lexicon knows opens a person's name
    when: [{ before: 1, cap: false, in: 'ORG_NOUNS' }, { not: GIVEN_NAME_THEN_NO_PLACE }],
  },
  {
    id: 'org-noun-after',
    type: 'Organization',
    reason: '"the Khuzestan technopark": a name modifying an organisation noun',
    when: [
      { after: 1, cap: false, in: 'ORG_NOUNS' },
      { before: 1, is: 'the' },
    ],
  },
  {
    id: 'state-after-town',
    type: 'Place',
    reason:
      '"Amherst , Mass", "Staunton , Va": a wire state abbreviation after "Town ," even without its period',
    when: [
      { length: 1 },
      { before: 1, text: ',' },
      { before: 2, cap: true },
      { word: 'first', in: 'US_STATES', append: '.' },
    ],
  },
  {
    id: 'town-before-state',
    type: 'Place',
    reason: '"MIDDLETOWN, N.Y.", "Livingston, Texas": a name followed by a state or country is a town',
    when: [
      { after: 1, text: ',' },
      { after: 2 },
      // "Nora Whitcomb, Washington State Department of Health …": the state opens a longer name
      {
        not: {
          all: [{ after: 3, cap: true, punct: false }, { not: { after: 2, span: 2, in: 'US_STATES' } }],
        },
      },
      { any: [stateAt(2), { after: 2, span: 2, in: 'US_STATES' }] },
    ],
  },
  {
    id: 'team-score',
    type: 'Organization',
    reason:
      '"Eastern Vale rolled past Northern Corvallis, 45-17": a town or region that wins or loses a game with a score is a team',
    when: [
      { word: 'last', tag: ['Place', 'City', 'Region'] },
      { not: { chunk: { in: 'COUNTRIES' } } },
      NOT_PERSON_LIKE,
      { check: 'won-or-lost-with-score' },
    ],
  },
  {
    id: 'player-statistic',
    type: 'Person',
    reason:
      '"Tavi Olsen stopped 27 shots", "Kip Marlow rushed for 112 yards": a personal name that makes a player\'s statistic is a player',
    when: [...PLAYER_NAME, { check: 'player-statistic' }],
  },
  {
    id: 'guessed-place-subject',
    type: 'Person',
    reason:
      '"Pellington taught at …", "Kessingham testified": one word compromise reads as a place by its ending alone (its lexicon does not know it), acting as a subject, is a surname',
    when: [
      { length: 1 },
      { word: 'first', tag: ['Place', 'City', 'Region'], notLexicon: 'place' },
      { not: { chunk: { in: ['US_STATES', 'COUNTRIES'] } } },
      { not: { before: 1, tag: ['Preposition'] } },
      { not: { before: 1, in: ['PLACE_PREPOSITIONS', 'MOTION_PREPOSITIONS'] } },
      { after: 1, tag: ['PastTense'], notTag: ['Copula', 'Auxiliary'] },
    ],
  },
  {
    id: 'town-opener',
    type: 'Place',
    reason:
      '"Port Dravny", "Ciudad Varela", "San Quarro", "Fort Dunmore": a name opened by a town word is a place ("San Diego Chargers": not before a plural)',
    when: [
      { length: { min: 2, max: 4 } },
      { word: 'first', in: 'TOWN_OPENERS' },
      { every: { shape: 'name-word' } },
      { word: 'last', notTag: ['Plural'] },
      {
        not: {
          all: [
            { before: 1, is: 'the' },
            { word: 'last', shape: 'capitalised-plural' },
          ],
        },
      },
      { not: { some: { in: ['ORG_HEADS', 'DEMONYMS'] }, of: 'rest' } },
    ],
  },
  {
    id: 'compromise-place',
    type: 'Place',
    reason: "compromise's lexicon knows the place",
    when: [
      { word: 'last', tag: ['Place', 'City', 'Country', 'Region'] },
      { word: 'first', notTag: ['FirstName', 'Honorific'] },
      // "Fiona Hill", "Nora Whitcomb, Washington …": a given name before a word no lexicon knows as a place
      { not: GIVEN_NAME_THEN_NO_PLACE },
    ],
  },
  {
    id: 'lexicon-place-modifier',
    type: 'Place',
    reason:
      '"Atlanta businessman X", "a Phoenix newspaper reporter": a name the lexicon knows as a place, before a common noun',
    when: [
      { word: 'last', lexicon: 'place' },
      NOT_PERSON_LIKE,
      { word: 'first', notLexicon: 'first-name' },
      { after: 1, cap: false, tag: ['Noun'] },
    ],
  },
  {
    id: 'dateline-dated',
    type: 'Place',
    reason:
      '"Moscow March 5 ( ITAR-TASS ) --", "Sofia , February 15 ( BTA )": a dated dateline opens with its city',
    when: [{ check: 'dated-dateline' }],
  },
  {
    id: 'native-of-place',
    type: 'Place',
    reason: '"a Modesto native", "his native Kinderhook": where someone is a native of is a place',
    when: [
      {
        any: [
          { all: [{ after: 1, is: 'native' }, { not: { some: { in: 'DEMONYMS' } } }] },
          {
            all: [
              { before: 1, is: 'native' },
              { before: 2, is: ['his', 'her', 'their'] },
            ],
          },
        ],
      },
    ],
  },
  {
    id: 'indefinite-modifier',
    type: 'None',
    reason:
      '"an R&D center", "Russian Internet company": a capitalised modifier inside a common noun phrase is not a name',
    when: [
      {
        any: [
          { before: 1, is: ['a', 'an', 'another'] },
          { all: [{ before: 1, in: 'DEMONYMS' }, { length: 1 }] },
        ],
      },
      { after: 1, tag: ['Noun'], cap: false },
      { not: { after: 1, in: ROLE_WORDS } }, // "another FAA spokesman", "a Quorvex engineer": whoever employs the person is a name
    ],
  },
  {
    id: 'place-based',
    type: 'Place',
    reason: '"Moscow-based": what a company is based in is a place',
    when: [
      { after: 1, text: '-' },
      { after: 2, is: 'based' },
    ],
  },
  {
    id: 'dateline-city',
    type: 'Place',
    reason: '"BERLIN —", "BAAR, SWITZERLAND": a line opening with a city in capitals is a dateline',
    when: [
      { not: { before: 1 } },
      { every: { shape: 'shouted' } },
      { after: 1, textIn: 'DATELINE_MARKS' },
      {
        any: [
          { word: 'first', tag: PLACE_TAGS },
          { all: [{ after: 2, in: 'US_STATES' }, { not: { after: 3, text: '.' } }] },
          {
            all: [
              { after: 2, in: 'US_STATES', append: '.' },
              { after: 3, text: '.' },
            ],
          },
          { after: 2, in: 'COUNTRIES' },
        ],
      },
    ],
  },
  {
    id: 'shouted-name',
    type: 'Organization',
    reason:
      'an all-capital name that is no known place is a publisher or agency in wire copy: "YOMIURI SHIMBUN"',
    when: [{ every: { shape: 'capitals-only' } }, { some: { shape: 'two-chars' } }],
  },
  {
    id: 'kill-context',
    type: 'Person',
    reason: 'only people kill or are murdered: "Lennon was murdered", "shot Oswald"',
    when: [
      {
        any: [
          // "murdering Phoenix newspaper reporter X": a name before a common noun modifies the victim
          { all: [{ before: 1, in: 'KILL_CUES' }, { not: { after: 1, cap: false, tag: ['Noun'] } }] },
          { after: 1, in: 'KILL_CUES' },
          {
            all: [
              { after: 1, is: ['was', 'were'] },
              { after: 2, in: 'KILL_CUES' },
            ],
          },
        ],
      },
    ],
  },
  {
    id: 'org-before-title',
    type: 'Organization',
    reason:
      '"Kalibr Director Alexey Rodos", "XBT spokesman Allan Fitzmaurice": the employer precedes the role',
    when: [...ROLE_THEN_NAME, NOT_PLACE_NAME], // "Halvern Mayor Ana Brisk": a town's office, not an employer
  },
  {
    id: 'employer-after-role',
    type: 'Organization',
    reason:
      '"Matt Orr, equity strategist at Brisk Tabor, says": after a role or occupation and "at" comes the employer',
    when: [
      { before: 1, is: 'at' },
      { before: 2, cap: false, in: ['LEADER_ROLES', 'MEMBER_ROLES'] },
      NOT_PLACE_NAME,
      { not: { some: { tag: PLACE_TAGS } } },
    ],
  },
  {
    id: 'place-before-title',
    type: 'Place',
    reason:
      '"Halvern Mayor Ana Brisk", "Dunmore County Sheriff Al Reyes": a known place before a title is its office\'s place',
    when: [...ROLE_THEN_NAME, { not: NOT_PLACE_NAME }],
  },
  {
    id: 'compromise-person',
    type: 'Person',
    reason: "compromise's lexicon knows a first name, surname or honorific in it",
    when: [
      {
        any: [{ some: { tag: ['Person', 'FirstName', 'LastName', 'Honorific'] } }, GIVEN_NAME_THEN_NO_PLACE],
      },
      { not: { some: { text: '&' } } }, // "Harlow & Finch", "Marsh & Lowry": partners' names make a firm
    ],
  },
  {
    id: 'compromise-org',
    type: 'Organization',
    reason: "compromise's lexicon knows the organisation",
    when: [{ some: { tag: ['Organization'] } }],
  },
  {
    id: 'brand-shape',
    type: 'Organization',
    reason: 'dotted or camel-case brands: "Mail.ru", "eBay", "YouTube"',
    when: [{ some: { shape: 'brand', notShape: 'name-prefix' } }],
  },
  {
    id: 'acronym-org',
    type: 'Organization',
    reason: 'a short all-capital word is usually an organisation: "ABBYY", "NRC"',
    when: [{ length: 1 }, { word: 'first', shape: 'acronym' }],
  },
  {
    id: 'person-of-place',
    type: 'Place',
    reason: '"diver Brian Michaud of Millinocket": what a named person is "of" is their home town',
    when: [
      { length: { max: 3 } },
      { before: 1, is: 'of' },
      {
        before: 2,
        tag: ['LastName', 'FirstName', 'MaleName', 'FemaleName'],
        notTag: ['Place', 'Organization'],
      },
    ],
  },
  {
    id: 'place-preposition',
    type: 'Place',
    reason: '"in Ahvaz", "near Morgan City"',
    when: [{ before: 1, in: 'PLACE_PREPOSITIONS' }],
  },
  {
    id: 'human-verb-subject',
    type: 'Person',
    reason:
      '"Penrose thought he could …", "Varnell was convicted", "Brenholt apologized": a name doing or undergoing what only people do',
    when: [
      { length: { max: 3 } },
      { every: { shape: 'name-word' } },
      { not: { before: 1, is: 'the' } },
      { not: { some: { in: ['ORG_HEADS', 'PLACE_HEADS', 'COUNTRIES', 'US_STATES', 'DEMONYMS'] } } },
      {
        any: [
          { after: 1, in: 'HUMAN_VERBS' },
          {
            all: [
              { after: 1, is: ['was', 'is', 'had'] },
              { after: 2, in: 'HUMAN_PASSIVES' },
            ],
          },
          {
            all: [
              { after: 1, is: ['was', 'is', 'has', 'had'] },
              { after: 2, is: ['being', 'been'] },
              { after: 3, in: 'HUMAN_PASSIVES' },
            ],
          },
        ],
      },
    ],
  },
  {
    id: 'speaker-person',
    type: 'Person',
    reason: '"…, Rodos said", "said Lifa"',
    when: [
      {
        any: [
          { after: 1, in: 'SAID' },
          // "said Lifa." but not "said Skylark cargo missions …" nor "said White House Press Secretary …"
          {
            all: [
              { before: 1, in: 'SAID' },
              {
                any: [
                  { not: { after: 1 } },
                  { after: 1, punct: true },
                  { after: 1, cap: false, notTag: ['Noun', 'Adjective'] },
                ],
              },
            ],
          },
        ],
      },
    ],
  },
  {
    id: 'player-score',
    type: 'Person',
    reason:
      '"Nadia Rusk defeated Ilse Brandt 6-3, 7-5": a personal name that wins or loses a match with a score is a player',
    when: [...PLAYER_NAME, { check: 'won-or-lost-with-score' }],
  },
  {
    id: 'name-shape-person',
    type: 'Person',
    reason: 'two or three capitalised words that are nothing else are a personal name',
    when: [
      { length: { min: 2, max: 4 } },
      { every: { shape: 'name-word' } },
      { not: { before: 1, is: 'the' } },
      {
        not: {
          some: { tag: ['Place', 'Organization', 'Plural', 'Adjective', 'Verb', 'Date'] },
        },
      },
      { not: { some: { in: ['DEMONYMS', 'US_STATES'] } } },
    ],
  },
];
