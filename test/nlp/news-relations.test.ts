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
      'Composer Lem Tovar is a native of Chisholm, Minn., he said.',
      'Lem Tovar LIVES_IN Chisholm, Minn.',
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
