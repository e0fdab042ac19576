import { describe, expect, it } from 'vitest';
import type { Document } from '../../src/core/index.js';
import { analyze, ENTITY_RULES } from '../../src/nlp/index.js';
import { compilePattern, matchAll } from '../../src/nlp/pattern.js';
import { type ChunkView, type Condition, compileConditions } from '../../src/nlp/rules/conditions.js';
import { tokenize } from '../../src/nlp/tokens.js';

/** Rule tables test what the patterns find: every fact, whatever its confidence (the threshold: min-confidence.test.ts). */
const EVERY_FACT = { minConfidence: 0 };

const typeOf = (doc: Document, text: string): string | undefined =>
  doc.entities.find((e) => e.mentions.some((m) => m.text === text))?.type;

const facts = (doc: Document): string[] => {
  const name = new Map(doc.entities.map((e) => [e.id, e.name]));
  return doc.relations.map((r) => `${name.get(r.subject)} ${r.type} ${name.get(r.object)}`);
};

describe('entity rules', () => {
  it.each([
    ['title before a name', 'Kalibr Director Alexey Rodos spoke.', 'Alexey Rodos', 'Person'],
    [
      'organisation head noun',
      'He studied at Islamic Azad University last year.',
      'Islamic Azad University',
      'Organization',
    ],
    ['appositive kind noun', 'Yesterday ABBYY, a major software company, grew.', 'ABBYY', 'Organization'],
    ['dotted brand', 'Analysts like Mail.ru Group very much.', 'Mail.ru Group', 'Organization'],
    ['place after preposition', 'He spoke at a university in Ahvaz today.', 'Ahvaz', 'Place'],
    [
      'US state abbreviation',
      'He was born in Chattanooga , Tenn. , in 1950 .',
      'Chattanooga , Tenn.',
      'Place',
    ],
    ['wire dateline split on case', 'Moscow ITAR-TASS', 'ITAR-TASS', 'Organization'],
    ['age apposition', 'Later Albrecht , 54 , joined the board .', 'Albrecht', 'Person'],
    ['courtesy title kept in span', 'Yesterday Dr. Babak Mokhtari spoke.', 'Dr. Babak Mokhtari', 'Person'],
    ['state demonym is the state', 'The plan was signed by Soviet officials .', 'Soviet', 'Place'],
    [
      'an acronym without a number stays an organisation',
      'Valves for GEAE were ordered .',
      'GEAE',
      'Organization',
    ],
    [
      'weekday after a name is not in it',
      'Snow fell in Denver Wednesday and roads closed .',
      'Denver',
      'Place',
    ],
    [
      'headline verb after a name is not in it',
      'Norway : Premier Christophersen Says',
      'Christophersen',
      'Person',
    ],
    ['native of a place', 'Yesterday Mr. Vee , a Fargo native , sent a sweater .', 'Fargo', 'Place'],
    [
      'place in a list of places',
      'Police in Umbria and Zorbatia provinces searched farms .',
      'Zorbatia',
      'Place',
    ],
    ['state abbreviation without period', 'The fire started in Staunton , Va on Monday .', 'Va', 'Place'],
  ])('%s', (_rule, text, mention, type) => {
    expect(typeOf(analyze(text), mention)).toBe(type);
  });

  it('a name listed with a person is no place', () => {
    const doc = analyze('Police questioned Mr. Zorbat and Quellin in Paris today .');
    expect(typeOf(doc, 'Quellin')).not.toBe('Place');
  });

  it('a modified title stays out of the name, a bare one stays in', () => {
    const modified = analyze('Talks began after Soviet President Mikhail Gorbachev arrived .');
    expect(typeOf(modified, 'Mikhail Gorbachev')).toBe('Person');
    const bare = analyze('Talks began after President Mikhail Gorbachev arrived .');
    expect(typeOf(bare, 'President Mikhail Gorbachev')).toBe('Person');
  });

  it('an abbreviation-like word not after "Town ," is no state', () => {
    expect(typeOf(analyze('Yesterday Miss Dickinson sang .'), 'Miss')).toBeUndefined();
  });

  it.each([
    ['sentence-initial function word', 'During a visit, nothing happened.', 'During'],
    ['demonym alone is no place', 'Iranian companies grew.', 'Iranian'],
    ['indefinite modifier', 'They open an R&D center.', 'R&D'],
    ['tag list furniture', 'Topics: Incubators, Accelerators, Technoparks, News', 'Incubators'],
    ['nationality modifier', 'Yandex, another leading Russian Internet company, declined.', 'Internet'],
    ['a demonym native is no place', 'Yesterday a Swedish native sang .', 'Swedish'],
    ['a lone weekday', 'On Wednesday , snow fell .', 'Wednesday'],
    ['model code', 'Valves are used on the Navy fighter FA-18 in tests .', 'FA'],
    ['party-state tag', 'But Sen. Strom Thurmond , R-S.C. , said no .', 'R-S.C.'],
    ['era after a year', 'On the Ides of March , 44 B.C. , Caesar died .', 'B.C.'],
    ['other demonyms stay nationalities', 'The plan was signed by Swedish officials .', 'Swedish'],
  ])('no entity: %s', (_rule, text, word) => {
    const doc = analyze(text);
    expect(doc.entities.some((e) => e.mentions.some((m) => m.text.includes(word)))).toBe(false);
  });
});

describe('entity rule conditions', () => {
  it('entity rules are plain data: no rule carries code (a JSON round trip keeps every rule whole)', () => {
    expect(JSON.parse(JSON.stringify(ENTITY_RULES))).toEqual(ENTITY_RULES);
    expect(new Set(ENTITY_RULES.map((r) => r.id)).size).toBe(ENTITY_RULES.length);
  });

  /** The view of the chunk `name` in `sentence`, as the entity stage builds it. */
  const viewOf = (sentence: string, name: string): ChunkView => {
    const tokens = tokenize(sentence)[0]!.tokens;
    const n = name.split(' ').length;
    const from = tokens.findIndex(
      (_, i) =>
        tokens
          .slice(i, i + n)
          .map((t) => t.text)
          .join(' ') === name,
    );
    const words = tokens.slice(from, from + n);
    const lowers = words.map((w) => w.lower);
    return {
      words,
      lowers,
      lower: lowers.join(' '),
      before: tokens.slice(0, from).reverse(),
      after: tokens.slice(from + n),
    };
  };
  const holds = (when: Condition[], sentence: string, name: string): boolean =>
    compileConditions(when)(viewOf(sentence, name));

  it.each<[string, Condition[], string, string, boolean]>([
    ['before 1 is the nearest word', [{ before: 1, is: 'of' }], 'shares of Tesla fell', 'Tesla', true],
    [
      'before 2 is the word before it',
      [{ before: 2, in: 'SHARE_NOUNS' }],
      'shares of Tesla fell',
      'Tesla',
      true,
    ],
    ['a word list by name', [{ before: 1, in: 'SHARE_NOUNS' }], 'shares of Tesla fell', 'Tesla', false],
    ['a missing word fails every test', [{ before: 1, cap: false }], 'Tesla fell', 'Tesla', false],
    ['so its negation holds', [{ not: { before: 1 } }], 'Tesla fell', 'Tesla', true],
    [
      'a span is one phrase',
      [{ after: 2, span: 2, in: 'ORG_POSSESSIONS' }],
      "Tesla's chief executive",
      'Tesla',
      true,
    ],
    [
      'append before the look-up',
      [{ word: 'first', in: 'US_STATES', append: '.' }],
      'Amherst , Mass spoke',
      'Mass',
      true,
    ],
    ['shapes by name', [{ every: { shape: 'shouted' } }], 'NASA said', 'NASA', true],
    ['shapes by name, negative', [{ every: { shape: 'shouted' } }], 'Nasa said', 'Nasa', false],
    ['length bounds', [{ length: { min: 2, max: 4 } }], 'Darnell Voss said', 'Darnell Voss', true],
    ['length bounds, negative', [{ length: { min: 2 } }], 'Garrett said', 'Garrett', false],
    [
      'any of several',
      [
        {
          any: [
            { after: 1, is: 'said' },
            { before: 1, is: 'said' },
          ],
        },
      ],
      'said Lifa',
      'Lifa',
      true,
    ],
    ['a named predicate', [{ check: 'org-appositive' }], 'ABBYY , a software company , grew', 'ABBYY', true],
    [
      'a named predicate, negative',
      [{ check: 'org-appositive' }],
      'ABBYY , a software engineer , grew',
      'ABBYY',
      false,
    ],
  ])('%s', (_, when, sentence, name, expected) => {
    expect(holds(when, sentence, name)).toBe(expected);
  });
});

describe('aliases', () => {
  it('joins a surname to the full name', () => {
    const doc = analyze('Director Alexey Rodos came. Later Rodos said he was glad.');
    const people = doc.entities.filter((e) => e.type === 'Person');
    expect(people).toHaveLength(1);
    expect(people[0]!.name).toBe('Alexey Rodos');
    expect(people[0]!.aliases).toContain('Rodos');
  });
  it('joins a truncated organisation name', () => {
    const doc = analyze('He spoke at the Shahid Chamran university. Staff of the Chamran University agreed.');
    const orgs = doc.entities.filter((e) => e.type === 'Organization');
    expect(orgs).toHaveLength(1);
    expect(orgs[0]!.name).toBe('Shahid Chamran University');
  });
  it('joins "the X technopark" to the full park name', () => {
    const doc = analyze('He heads the Khuzestan Science and Technology Park. The Khuzestan technopark grew.');
    const orgs = doc.entities.filter((e) => e.type === 'Organization');
    expect(orgs.map((o) => o.name)).toEqual(['Khuzestan Science and Technology Park']);
  });
  it('keeps two people with different surnames apart', () => {
    const doc = analyze('Director Alexey Rodos met billionaire Vladimir Potanin.');
    expect(doc.entities.filter((e) => e.type === 'Person')).toHaveLength(2);
  });
});

describe('relation rules', () => {
  it.each([
    ['org-role-name', 'Kalibr Director Alexey Rodos spoke.', 'Alexey Rodos DIRECTS Kalibr'],
    [
      'name-appositive-role-of',
      'Bruno Pusterla , a top official of the Italian Agricultural Confederation , said no .',
      'Bruno Pusterla WORKS_FOR Italian Agricultural Confederation',
    ],
    ['place-based-org', 'A delegation from Moscow-based technopark Kalibr came.', 'Kalibr BASED_IN Moscow'],
    [
      'org-nationality',
      'Investors like Pomegranate, a Swedish company which invests.',
      'Pomegranate BASED_IN Sweden',
    ],
    ['town-comma-state', 'The fire in Livingston , Texas , spread .', 'Livingston LOCATED_IN Texas'],
    [
      'born-in',
      'In 1752 , flagmaker Betsy Ross was born in Philadelphia .',
      'Betsy Ross BORN_IN Philadelphia',
    ],
    [
      'killed-by',
      'President Lincoln was shot by John Wilkes Booth in 1865 .',
      'John Wilkes Booth KILLED Lincoln',
    ],
    [
      'place-native-name',
      'The film was directed by Modesto native George Lucas in 1973 .',
      'George Lucas LIVES_IN Modesto',
    ],
    [
      'name-a-place-native',
      'Police said Bill Miller is a Wilmington native who moved away .',
      'Bill Miller LIVES_IN Wilmington',
    ],
    [
      'monitoring-source',
      'OW1102132994 Beijing XINHUA in English 1313 GMT 11 Feb 94',
      'XINHUA BASED_IN Beijing',
    ],
    [
      'dateline-dated-paren',
      'Hefei , February 11 ( XINHUA ) -- Farmers moved to cities .',
      'XINHUA BASED_IN Hefei',
    ],
    [
      'belongs-to',
      'Mail.ru Group grew. Users like ICQ, a service that belongs to the group.',
      'Mail.ru Group OWNS ICQ',
    ],
  ])('%s', (_rule, text, fact) => {
    expect(facts(analyze(text, EVERY_FACT))).toContain(fact);
  });

  it.each([
    [
      'no role word, no employment',
      'Alexey Rodos visited Kalibr yesterday and left quickly again after lunch with friends.',
    ],
    ['a demonym native is no place', 'Later Bill Miller , a Swedish native , sang a song for the crowd .'],
    ['a place before an agency mid-sentence', 'Officials in Beijing XINHUA reporters met the press .'],
    ['a dateline without the agency in parentheses', 'He flew from Hefei , then to Nanjing ( and XINHUA ) .'],
    [
      'a list of towns is not containment',
      'He visited Boston , Chicago and Denver in a long and tiring trip across the country.',
    ],
  ])('no relation: %s', (_rule, text) => {
    const doc = analyze(text, EVERY_FACT);
    expect(doc.relations).toEqual([]);
  });

  it('records rule, confidence and exact evidence spans', () => {
    const text = 'Kalibr Director Alexey Rodos spoke.';
    const [r] = analyze(text, EVERY_FACT).relations;
    expect(r!.rule).toBe('org-role-name');
    expect(r!.role).toBe('director');
    expect(r!.confidence).toBeGreaterThan(0);
    expect(text.slice(r!.evidence.subject.start, r!.evidence.subject.end)).toBe('Alexey Rodos');
    expect(text.slice(r!.evidence.object.start, r!.evidence.object.end)).toBe('Kalibr');
  });
});

describe('pattern language', () => {
  it('captures subject, object and role', () => {
    const re = compilePattern("ORG:o 's? ~role:r PER:s");
    expect(matchAll(re, ' EO0 director~role~noun EP1 spoke~verb')).toEqual([
      { s: 1, o: 0, r: 'director', l: undefined },
    ]);
  });
  it('does not match across a missing element', () => {
    const re = compilePattern('PER:s , who lives in LOC:o');
    expect(matchAll(re, ' EP0 , who~noun lived~verb in EL1')).toEqual([]);
  });
});
