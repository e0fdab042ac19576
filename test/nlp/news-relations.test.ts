/**
 * Relation rules for the way news states facts, with positives in the style of several kinds of source
 * and negatives each rule must leave alone. Names are invented.
 */
import { describe, expect, it } from 'vitest';
import type { Document } from '../../src/core/index.js';
import { analyze } from '../../src/nlp/index.js';

/** Rule tables test what the patterns find: every fact, whatever its confidence (the threshold: min-confidence.test.ts). */
const EVERY_FACT = { minConfidence: 0 };

const facts = (doc: Document): string[] => {
  const name = new Map(doc.entities.map((e) => [e.id, e.name]));
  return doc.relations.map((r) => `${name.get(r.subject)} ${r.type} ${name.get(r.object)}`);
};

describe('news relation rules: positives', () => {
  it.each([
    [
      'country possessive (sport)',
      "Serbia's Dravo Kelmic won in straight sets.",
      'Dravo Kelmic CITIZEN_OF Serbia',
    ],
    [
      'country possessive (diplomacy)',
      "China's ambassador Wen Lihua has said so.",
      'Wen Lihua CITIZEN_OF China',
    ],
    [
      'country before a title',
      'U.S. Attorney Nora Vexley said the case was closed.',
      'Nora Vexley CITIZEN_OF U.S.',
    ],
    [
      'nationality before a title',
      'Israeli Prime Minister Avi Doron spoke on Monday.',
      'Avi Doron CITIZEN_OF Israel',
    ],
    [
      'nationality before a pair',
      'French duo Luc Marand and Paul Serrat won again.',
      'Paul Serrat CITIZEN_OF France',
    ],
    ['name of a country', 'They beat Tomas Brevik of Norway in the final.', 'Tomas Brevik CITIZEN_OF Norway'],
    [
      'country in parentheses',
      'The jury included Ana Kovac (Croatia) this year.',
      'Ana Kovac CITIZEN_OF Croatia',
    ],
    ['team before a position', 'Falcons quarterback Jared Pell threw twice.', 'Jared Pell WORKS_FOR Falcons'],
    ['founder is FOUNDED', 'Zentrix founder Mara Quill left in 2020.', 'Mara Quill FOUNDED Zentrix'],
    [
      'chief executive of',
      'said Dana Ortel, chief executive of Calyptra Inc.',
      'Dana Ortel DIRECTS Calyptra Inc.',
    ],
    [
      'capitalised roles before "of" still lead',
      'said Gwen Sotter, President and CEO of Quorvex Group.',
      'Gwen Sotter DIRECTS Quorvex Group',
    ],
    ['venue, town, state', 'June 9 -- Corvala Arena, Brandonia, FL', 'Corvala Arena LOCATED_IN Brandonia'],
    ['town, state after a venue', 'June 9 -- Corvala Arena, Brandonia, FL', 'Brandonia LOCATED_IN FL'],
    [
      'venue in a town',
      'They played the Quarrison Auditorium in Nashville last night.',
      'Quarrison Auditorium LOCATED_IN Nashville',
    ],
    [
      'which owns, with a list',
      'Halvern Capital, which owns the Brandon Herald and the Oller Times, bid again.',
      'Halvern Capital OWNS Oller Times',
    ],
    [
      'parent company',
      "Trelixa's parent company, Quorvex Group, said nothing.",
      'Quorvex Group OWNS Trelixa',
    ],
    ['a unit of', 'Dravolt Inc., a unit of Calyptra Corp., hired staff.', 'Calyptra Corp. OWNS Dravolt Inc.'],
    [
      'co-founded by',
      'Zentrix, a group co-founded by soccer player Mara Quill, paid.',
      'Mara Quill FOUNDED Zentrix',
    ],
    [
      'partnership between',
      'It ends a partnership between the Halvern Federation and Zentrix Inc.',
      'Halvern Federation PARTNERS_WITH Zentrix Inc.',
    ],
    [
      'merger of',
      'The merger of Quorvex Group and Trelixa Corp. became final Tuesday.',
      'Quorvex Group PARTNERS_WITH Trelixa Corp.',
    ],
    [
      'unit head at an organisation',
      'said Rina Vosk, Head of Fundamental Research at Kessler Securities.',
      'Rina Vosk WORKS_FOR Kessler Securities',
    ],
    [
      'organisation in parentheses',
      'Halvern Studio (Germany) builds light sculptures.',
      'Halvern Studio BASED_IN Germany',
    ],
    [
      "place's kind of organisation",
      "Dubai's flagship carrier Zorvan Airlines added jets.",
      'Zorvan Airlines BASED_IN Dubai',
    ],
    [
      'nationality and kind',
      'Ukrainian energy company Zentrix Group hired him.',
      'Zentrix Group BASED_IN Ukraine',
    ],
    [
      'the nationality kind',
      'Trelixa Inc., the embattled Chinese tech company, denied it.',
      'Trelixa Inc. BASED_IN China',
    ],
    [
      'a place kind',
      'Quorvex Media, the Spokane and Seattle advertising firm, won.',
      'Quorvex Media BASED_IN Seattle',
    ],
    [
      'a kind in a place',
      'Dravolt Partners, a consulting firm in Washington, said so.',
      'Dravolt Partners BASED_IN Washington',
    ],
    [
      'town, state @ venue',
      'June 19 – Brandonia, NC @ Corvala Music Pavilion',
      'Corvala Music Pavilion LOCATED_IN Brandonia',
    ],
    ['town of a state code', 'June 19 – Charlotte, NC @ Corvala Music Pavilion', 'Charlotte LOCATED_IN NC'],
    [
      'a venue with its former name',
      'June 14 -- Oller Amphitheatre (Formerly Zent Amphitheatre), Alpharetta, GA',
      'Oller Amphitheatre LOCATED_IN Alpharetta',
    ],
    [
      'age and home town',
      'Officers arrested Dean K. Vorst, 32, of Franklin on Monday.',
      'Dean K. Vorst LIVES_IN Franklin',
    ],
    ['curly possessive', 'Serbia’s Dravo Kelmic won in straight sets.', 'Dravo Kelmic CITIZEN_OF Serbia'],
    [
      'shareholder of',
      'Halvern Capital, the largest shareholder of Trelixa Corp., voted.',
      'Halvern Capital INVESTS_IN Trelixa Corp.',
    ],
    [
      'company investor',
      'Quorvex Group investor Dana Ortel objected.',
      'Dana Ortel INVESTS_IN Quorvex Group',
    ],
    [
      'purchase of',
      "Dana Ortel's purchase of the Brandon Herald closed.",
      'Dana Ortel ACQUIRED Brandon Herald',
    ],
    [
      'sold to',
      'It ended by selling Zentrix Inc. to Calyptra Corp. in 2011.',
      'Calyptra Corp. ACQUIRED Zentrix Inc.',
    ],
    [
      'is a native of',
      'Composer Lem Tovar is a native of Brakeley, Minn., he said.',
      'Lem Tovar LIVES_IN Brakeley, Minn.',
    ],
    [
      'a named person of a town',
      'During the rescue, diver Brian Michaud of Millinocket hooked the men.',
      'Brian Michaud LIVES_IN Millinocket',
    ],
    [
      'Washington, D.C. is one place',
      'He studied at Halvern University in Washington, D.C. last year.',
      'Halvern University BASED_IN Washington, D.C.',
    ],
  ])('%s', (_what, text, fact) => {
    expect(facts(analyze(text, EVERY_FACT))).toContain(fact);
  });
});

describe('news relation rules: negatives', () => {
  it.each([
    [
      'a state before a title is no residence',
      'New Jersey Sen. Carl Brandt spoke today.',
      'Carl Brandt LIVES_IN New Jersey',
    ],
    [
      'a town possessive is no citizenship',
      "Cleveland's Mark Oller scored twice.",
      'Mark Oller CITIZEN_OF Cleveland',
    ],
    [
      'a deputy does not direct',
      'said Ivo Brandt, deputy director of Trelixa Corp.',
      'Ivo Brandt DIRECTS Trelixa Corp.',
    ],
    [
      'a director of a unit does not direct',
      'said Jan Oller, director for games at Quorvex Inc.',
      'Jan Oller DIRECTS Quorvex Inc.',
    ],
    ['a captain plays for the team', 'Ravens defensive captain Cam Ollen spoke.', 'Cam Ollen DIRECTS Ravens'],
    [
      'a country of a person is no home',
      'They beat Tomas Brevik of Norway in the final.',
      'Tomas Brevik LIVES_IN Norway',
    ],
    [
      'a country in a country is no containment',
      'The war waged by Russia in Ukraine goes on.',
      'Russia LOCATED_IN Ukraine',
    ],
    [
      'a venue is not in the state of its town',
      'They played the Quarrison Auditorium in Nashville, Tennessee.',
      'Quarrison Auditorium LOCATED_IN Tennessee',
    ],
    [
      'a venue is not in the state of a listed town',
      'June 9 -- Corvala Arena, Brandonia, FL',
      'Corvala Arena LOCATED_IN FL',
    ],
  ])('%s', (_what, text, fact) => {
    expect(facts(analyze(text, EVERY_FACT))).not.toContain(fact);
  });

  it('a team captain works for the team', () => {
    expect(facts(analyze('Ravens defensive captain Cam Ollen spoke.', EVERY_FACT))).toContain(
      'Cam Ollen WORKS_FOR Ravens',
    );
  });

  it('a unit director works for the company', () => {
    expect(facts(analyze('said Jan Oller, director for games at Quorvex Inc.', EVERY_FACT))).toContain(
      'Jan Oller WORKS_FOR Quorvex Inc.',
    );
  });
});

describe('appositions name people, not organisations', () => {
  it('a university in the apposition leaves the person a person', () => {
    const doc = analyze('said Ross Malden, a Boise State University political scientist.');
    expect(doc.entities.find((e) => e.name === 'Ross Malden')?.type).toBe('Person');
    expect(facts(doc)).toContain('Ross Malden WORKS_FOR Boise State University');
  });

  it('a capitalised job title is no entity', () => {
    const doc = analyze('said Rina Vosk, Chief Strategy Officer at Kessler Securities.');
    expect(doc.entities.map((e) => e.name)).not.toContain('Chief Strategy Officer');
  });
});

describe('names and datelines', () => {
  it("a plural noun's possessive stays inside a name", () => {
    const doc = analyze("The People's Liberation Army moved in, and the Children’s Hospital opened.");
    const names = doc.entities.map((e) => e.name);
    expect(names).toContain("People's Liberation Army");
    expect(names).toContain('Children’s Hospital');
  });

  it("an acronym's possessive still separates two names", () => {
    const doc = analyze("NASA's Goddard Space Flight Center built it.");
    expect(doc.entities.map((e) => e.name)).toEqual(
      expect.arrayContaining(['NASA', 'Goddard Space Flight Center']),
    );
  });

  it('a news dateline in capitals is not where the agency is based', () => {
    expect(facts(analyze('LONDON (AP) — The party was accused of deceiving voters.'))).toEqual([]);
  });

  it('a mixed-case source line names the agency home', () => {
    expect(facts(analyze('Hefei , February 11 ( XINHUA ) -- The talks ended .'))).toContain(
      'XINHUA BASED_IN Hefei',
    );
  });
});

/** Rules added for recall: each with positives from several kinds of source and negatives it must leave alone. */
describe('recall rules: positives', () => {
  it.each([
    // people and organisations
    [
      'possessive role, comma (business)',
      "Quorvex's founder and former chief executive, Dana Ortel, left.",
      'Dana Ortel DIRECTS Quorvex',
    ],
    [
      'possessive role, comma (wire)',
      "Trelixa Corp.'s former chairman, Ivo Brandt, sold his stake.",
      'Ivo Brandt DIRECTS Trelixa Corp.',
    ],
    [
      'first of two roles before a name',
      'Zentrix Inc. founder and former CEO Mara Quill spoke.',
      'Mara Quill FOUNDED Zentrix Inc.',
    ],
    [
      'second of two roles before a name',
      'Zentrix Inc. founder and former CEO Mara Quill spoke.',
      'Mara Quill DIRECTS Zentrix Inc.',
    ],
    [
      'first of two roles after a name',
      'said Lem Tovar, CEO and founder of Halvern Labs.',
      'Lem Tovar DIRECTS Halvern Labs',
    ],
    [
      'is the role of (local)',
      'Rina Vosk is the executive director of the Brandon Food Bank.',
      'Rina Vosk DIRECTS Brandon Food Bank',
    ],
    [
      'is a member of (politics)',
      'Carl Brandt is a member of the Halvern Planning Commission.',
      'Carl Brandt MEMBER_OF Halvern Planning Commission',
    ],
    [
      'served as (business)',
      'Jan Oller served as the chief financial officer of Dravolt Inc. until 2019.',
      'Jan Oller WORKS_FOR Dravolt Inc.',
    ],
    [
      'works for (profile)',
      'Nora Vexley now works for Calyptra Corp. in sales.',
      'Nora Vexley WORKS_FOR Calyptra Corp.',
    ],
    [
      'reports for (media)',
      'As Dean Vorst reports for the Brandon Herald, the vote was close.',
      'Dean Vorst WORKS_FOR Brandon Herald',
    ],
    [
      'comma, age, of an organisation (wire)',
      'Ulla Merind, 47, of the Nordic Space Agency, was chosen.',
      'Ulla Merind WORKS_FOR Nordic Space Agency',
    ],
    [
      'comma, of the organisation (local)',
      'Stefa Pirlo, of the Brandon Water Authority, said Tuesday.',
      'Stefa Pirlo WORKS_FOR Brandon Water Authority',
    ],
    [
      'who served in',
      'Tom Kessel, a lawyer who served 12 years in the Halvern Assembly, died.',
      'Tom Kessel WORKS_FOR Halvern Assembly',
    ],
    [
      "organisation's person (media)",
      "Zentrix News's Mara Quill pressed him on it.",
      'Mara Quill WORKS_FOR Zentrix News',
    ],
    [
      'a party figure',
      'Ivo Brandt, a senior Labour Party figure, disagreed.',
      'Ivo Brandt MEMBER_OF Labour Party',
    ],
    [
      'a role at a unit of an organisation',
      "said Lem Tovar, a planetary scientist at Quorvex's Oller Research Center.",
      'Lem Tovar WORKS_FOR Oller Research Center',
    ],
    [
      'a role of a place-based organisation',
      'said Rina Vosk, chief executive of the London-based charity Brightwell Trust.',
      'Rina Vosk DIRECTS Brightwell Trust',
    ],
    [
      'a role at a described organisation',
      'said Jan Oller, research director of gaming at tech market research firm Quorvex Group.',
      'Jan Oller WORKS_FOR Quorvex Group',
    ],
    [
      'scored for (hockey)',
      'Erik Vallin and Tomas Brevik also scored for Halvern Hockey Club.',
      'Tomas Brevik WORKS_FOR Halvern Hockey Club',
    ],
    [
      'scored for, the first of a pair',
      'Erik Vallin and Tomas Brevik also scored for Halvern Hockey Club.',
      'Erik Vallin WORKS_FOR Halvern Hockey Club',
    ],
    [
      'a stat line for (football)',
      'Dane Oller rushed for 112 yards on 30 carries for Halvern State University.',
      'Dane Oller WORKS_FOR Halvern State University',
    ],
    [
      'a stat line for (hockey)',
      'Pekka Ranta made 30 saves for Brandon Athletic Club.',
      'Pekka Ranta WORKS_FOR Brandon Athletic Club',
    ],
    [
      'a team position (football)',
      'retired Halvern Football League placekicker Mark Oller spoke.',
      'Mark Oller WORKS_FOR Halvern Football League',
    ],
    [
      'who operates',
      'said Gerd Malin, who operates the Quarrison Military Museum.',
      'Gerd Malin DIRECTS Quarrison Military Museum',
    ],
    [
      'a former member of',
      'Ana Kovac, a former member of the Brandon Town Council, ran again.',
      'Ana Kovac MEMBER_OF Brandon Town Council',
    ],
    [
      'age before an organisation role',
      'Walt Brenner, 53, a former Halvern University law professor, spoke.',
      'Walt Brenner WORKS_FOR Halvern University',
    ],
    // people and places
    [
      'a town resident (local)',
      'Dana Ortel, a New York lawyer, filed the suit.',
      'Dana Ortel LIVES_IN New York',
    ],
    [
      'a town, state resident (wire)',
      'Dean Vorst, a West Palm Beach, Fla., lawyer, said so.',
      'Dean Vorst LIVES_IN Fla.',
    ],
    [
      'a country resident',
      'Pieter Vandam, a Netherlands businessman, said so.',
      'Pieter Vandam CITIZEN_OF Netherlands',
    ],
    [
      'place before a resident noun',
      'The winners included New York businessman Neil Oster.',
      'Neil Oster LIVES_IN New York',
    ],
    [
      'country before a resident noun',
      'The Norway businessman Erik Vallin bought it.',
      'Erik Vallin CITIZEN_OF Norway',
    ],
    ['place-born', 'Illinois-born actor Carl Brandt arrived in Hollywood.', 'Carl Brandt BORN_IN Illinois'],
    [
      'place-based person',
      'acclaimed London-based designer Mara Quill made it.',
      'Mara Quill LIVES_IN London',
    ],
    [
      'person, a place-based role',
      'It was made by Mara Quill, a London-based designer.',
      'Mara Quill LIVES_IN London',
    ],
    [
      'country right before a titled name',
      'US President Dale Ormond has claimed victory.',
      'Dale Ormond CITIZEN_OF US',
    ],
    [
      'a role of a country',
      'The junta made Emil Jonas provisional president of Haiti.',
      'Emil Jonas CITIZEN_OF Haiti',
    ],
    // organisations and places
    [
      'headquarters in',
      'At a briefing at Trelixa Corp. headquarters in nearby Rockville, Md., he spoke.',
      'Trelixa Corp. BASED_IN Rockville',
    ],
    [
      'place in a part of a country',
      'They rescued people in Bugara in the southeastern part of Rwanda.',
      'Bugara LOCATED_IN Rwanda',
    ],
    ['place, the capital of', 'Oslo, the capital of Norway, was quiet.', 'Oslo LOCATED_IN Norway'],
    ["country's capital, town", "Bosnia's capital, Sarajevo, was quiet.", 'Sarajevo LOCATED_IN Bosnia'],
    [
      'island nation in',
      'They worked in Varuna, an island nation in the Indian Ocean.',
      'Varuna LOCATED_IN Indian Ocean',
    ],
    // organisations and organisations
    [
      'owned by (business)',
      'Tmallix Inc., the retail site owned by Quorvex Group, grew.',
      'Quorvex Group OWNS Tmallix Inc.',
    ],
    ['is owned by', 'Brandon Herald is owned by Halvern Capital.', 'Halvern Capital OWNS Brandon Herald'],
    [
      'is a subsidiary of',
      'Dravolt Inc. is a wholly owned subsidiary of Calyptra Corp.',
      'Calyptra Corp. OWNS Dravolt Inc.',
    ],
    [
      'the former owner of, with a list',
      'Halvern Media, the owner of the Brandon Herald, the Oller Times and the Corvala Post, cut jobs.',
      'Halvern Media OWNS Oller Times',
    ],
    [
      'partnered with',
      'Zentrix Inc. has partnered with Quorvex Group on batteries.',
      'Zentrix Inc. PARTNERS_WITH Quorvex Group',
    ],
    [
      'signed a deal with',
      'Halvern Airlines signed a $2 billion deal with Corvala Aerospace on Monday.',
      'Halvern Airlines PARTNERS_WITH Corvala Aerospace',
    ],
    [
      'merger of described companies',
      'The merger of the big newspaper chains Quorvex Inc. and Trelixa Media became final.',
      'Quorvex Inc. PARTNERS_WITH Trelixa Media',
    ],
    [
      'agreed to buy',
      'Calyptra Corp. agreed to buy Dravolt Inc. for $1 billion.',
      'Calyptra Corp. ACQUIRED Dravolt Inc.',
    ],
    [
      'completed its acquisition of',
      'Calyptra Corp. completed its acquisition of Dravolt Inc. in May.',
      'Calyptra Corp. ACQUIRED Dravolt Inc.',
    ],
    // killing
    [
      'who had been shot by',
      'Doctors treated Dale Ormond, who had just been shot by Carl Brandt.',
      'Carl Brandt KILLED Dale Ormond',
    ],
    [
      'killed far from by',
      'Ivo Brandt was shot to death Dec. 8, 1980, in the courtyard of his apartment building by Dale Ormond.',
      'Dale Ormond KILLED Ivo Brandt',
    ],
    [
      'on the orders of',
      'Dale Ormond, the last king, was murdered on the orders of Spanish conqueror Carl Brandt.',
      'Carl Brandt KILLED Dale Ormond',
    ],
    [
      'fired the shots that killed',
      'The panel concluded that Dale Ormond, acting alone, fired the shots that killed Ivo Brandt.',
      'Dale Ormond KILLED Ivo Brandt',
    ],
    [
      'killed an assassin',
      'His clients included Carl Brandt, who killed Ivo Brandt assassin Dale Ormond.',
      'Carl Brandt KILLED Dale Ormond',
    ],
    [
      'the assassination in a year of',
      'the assassination in 1914 of Archduke Ivo Brandt by young nationalist Dale Ormond.',
      'Dale Ormond KILLED Archduke Ivo Brandt',
    ],
  ])('%s', (_what, text, fact) => {
    expect(facts(analyze(text, EVERY_FACT))).toContain(fact);
  });
});

describe('recall rules: negatives (reported speech, negation, plans, offices)', () => {
  it.each([
    [
      'talks to acquire is no acquisition',
      'Calyptra Corp. is in talks to acquire Dravolt Inc.',
      'Calyptra Corp. ACQUIRED Dravolt Inc.',
    ],
    [
      'a plan to buy is no acquisition',
      'Calyptra Corp. plans to buy Dravolt Inc. next year.',
      'Calyptra Corp. ACQUIRED Dravolt Inc.',
    ],
    [
      'has not agreed to buy',
      'Calyptra Corp. has not agreed to buy Dravolt Inc., it said.',
      'Calyptra Corp. ACQUIRED Dravolt Inc.',
    ],
    [
      'never worked for',
      'Nora Vexley never worked for Calyptra Corp., her lawyer said.',
      'Nora Vexley WORKS_FOR Calyptra Corp.',
    ],
    [
      'is not the role of',
      'Rina Vosk is not the executive director of the Brandon Food Bank.',
      'Rina Vosk DIRECTS Brandon Food Bank',
    ],
    [
      'not owned by',
      'Tmallix Inc., a site not owned by Quorvex Group, grew.',
      'Quorvex Group OWNS Tmallix Inc.',
    ],
    [
      'said to be owned by',
      'Tmallix Inc., a site said to be owned by Quorvex Group, grew.',
      'Quorvex Group OWNS Tmallix',
    ],
    [
      'is not owned by',
      'Brandon Herald is not owned by Halvern Capital.',
      'Halvern Capital OWNS Brandon Herald',
    ],
    [
      'hopes to sign a deal',
      'Halvern Airlines hopes to sign a deal with Corvala Aerospace.',
      'Halvern Airlines PARTNERS_WITH Corvala Aerospace',
    ],
    [
      'reached no deal',
      'Halvern Airlines reached no deal with Corvala Aerospace.',
      'Halvern Airlines PARTNERS_WITH Corvala Aerospace',
    ],
    [
      'has not partnered',
      'Zentrix Inc. has not partnered with Quorvex Group.',
      'Zentrix Inc. PARTNERS_WITH Quorvex Group',
    ],
    [
      'scored against is no team',
      'Erik Vallin scored against the Halvern Hawks twice.',
      'Erik Vallin WORKS_FOR Halvern Hawks',
    ],
    ['a governor is no resident', 'Texas Gov. Carl Brandt signed the bill.', 'Carl Brandt LIVES_IN Texas'],
    [
      'the town of names the town',
      'Fires burned in central Idaho, including the small town of Lowra.',
      'Idaho LOCATED_IN Lowra',
    ],
    [
      'a president of a country is no resident of it',
      'said Emil Jonas, president of Haiti.',
      'Emil Jonas LIVES_IN Haiti',
    ],
    [
      'a person wounded is not killed by the wrong man',
      'His clients included Carl Brandt, who killed Ivo Brandt assassin Dale Ormond.',
      'Dale Ormond KILLED Carl Brandt',
    ],
  ])('%s', (_what, text, fact) => {
    expect(facts(analyze(text, EVERY_FACT))).not.toContain(fact);
  });
});
