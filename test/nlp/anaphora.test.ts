/**
 * Facts that rest on a pronoun ("She previously worked for …", "its chief executive, X") or a description
 * ("the German automaker"): the entity is named elsewhere in the article, the evidence is the sentence that
 * states the fact, and the rule id says the argument was resolved. Names are invented.
 */
import { describe, expect, it } from 'vitest';
import type { Document, Relation } from '../../src/core/index.js';
import { analyze } from '../../src/nlp/index.js';

/** Every fact, whatever its confidence: the tables test what the rules find. */
const EVERY_FACT = { minConfidence: 0 };

const named = (doc: Document, r: Relation): string => {
  const name = new Map(doc.entities.map((e) => [e.id, e.name]));
  return `${name.get(r.subject)} ${r.type} ${name.get(r.object)}`;
};
const facts = (doc: Document): string[] => doc.relations.map((r) => named(doc, r));
/** The facts whose rule id marks them as resting on a pronoun. */
const pronounFacts = (doc: Document): string[] =>
  doc.relations.filter((r) => r.rule.endsWith('+pronoun')).map((r) => named(doc, r));

describe('pronouns: positives', () => {
  it.each([
    [
      'business wire: a subject pronoun opening the next sentence',
      'Maria Lindqvist joined Orvel Systems in 2019. She previously worked for Kestrel Labs.',
      'Maria Lindqvist WORKS_FOR Kestrel Labs',
    ],
    [
      'company news: "its" opening the next sentence',
      'Brantwell Group raised its forecast on Tuesday. Its chief executive, Hanna Velde, said demand held up.',
      'Hanna Velde DIRECTS Brantwell Group',
    ],
    [
      'company news: "its" in the same sentence',
      'Brantwell Group said on Tuesday that its chief executive, Hanna Velde, would retire.',
      'Hanna Velde DIRECTS Brantwell Group',
    ],
    [
      'deal report: "said it"',
      'Norvane Capital said it had acquired Quillmark Software for $40 million.',
      'Norvane Capital ACQUIRED Quillmark Software',
    ],
    [
      'biography: a subject pronoun after a sentence about the person',
      'Tomasz Wrenn is a painter and teacher. He was born in Gdansk and studied in Vienna.',
      'Tomasz Wrenn BORN_IN Gdansk',
    ],
    [
      'sports: the gender of the first name picks the one player of two',
      'Oliver Brandt lost to Katarina Sollen on Sunday. She was born in Uppsala.',
      'Katarina Sollen BORN_IN Uppsala',
    ],
    [
      'politics: a courtesy title tells the gender',
      'Mr. Brandt and Ms. Holloway met at the summit. He works for the Orvel Institute.',
      'Brandt WORKS_FOR Orvel Institute',
    ],
  ])('%s', (_name, text, expected) => {
    const doc = analyze(text, EVERY_FACT);
    expect(pronounFacts(doc)).toContain(expected);
  });

  it('the evidence is the sentence that states the fact, the subject span the pronoun', () => {
    const text = 'Maria Lindqvist joined Orvel Systems in 2019. She previously worked for Kestrel Labs.';
    const doc = analyze(text, EVERY_FACT);
    const fact = doc.relations.find((r) => r.rule === 'name-works-for+pronoun');
    expect(fact?.evidence.text).toBe('She previously worked for Kestrel Labs.');
    expect(text.slice(fact!.evidence.subject.start, fact!.evidence.subject.end)).toBe('She');
  });

  it('a fact the sentence states by name is not repeated through its pronoun', () => {
    const doc = analyze('Norvane Capital acquired Quillmark Software, it said.', EVERY_FACT);
    expect(facts(doc)).toContain('Norvane Capital ACQUIRED Quillmark Software');
    expect(pronounFacts(doc)).toEqual([]);
  });
});

describe('pronouns: negatives', () => {
  it.each([
    [
      'two people of the same (unknown) gender before the pronoun',
      'Dana Ortel met Robin Castell in Oslo. She previously worked for Kestrel Labs.',
    ],
    [
      'the only person named before is of the other gender',
      'Oliver Brandt joined Orvel Systems in 2019. She previously worked for Kestrel Labs.',
    ],
    [
      'a subject pronoun inside a sentence may stand for anyone',
      'Tomasz Wrenn told reporters the suspect believed he was born in Gdansk.',
    ],
    [
      'an organisation and a place before "it": either may be meant',
      'Brantwell Group opened an office in Lisbon. It acquired Quillmark Software last year.',
    ],
    [
      'an unrecognised capitalised name before the candidate may be the antecedent',
      'The Pittsford Catholic is a member of the Regional Press Association. Its general manager, Hanna Velde, spoke.',
    ],
    [
      '"its" right before a name is its product, not its employee',
      'Brantwell Group sells its Hanna Velde collection abroad.',
    ],
    ['no one named before the pronoun', 'She previously worked for Kestrel Labs.'],
  ])('%s', (_name, text) => {
    expect(pronounFacts(analyze(text, EVERY_FACT))).toEqual([]);
  });
});

/** The facts whose rule reads a description ("the German automaker") standing for a company named before. */
const descriptionFacts = (doc: Document): string[] =>
  doc.relations.filter((r) => r.rule.includes('description')).map((r) => named(doc, r));

describe('descriptions of a company by its country or home: positives', () => {
  it.each([
    [
      'motoring news: a nationality before the kind of company',
      'Kalvo Motors sold more cars in May. The German automaker, which makes vans, said demand held up.',
      'Kalvo Motors BASED_IN Germany',
    ],
    [
      'markets: the description later in the same sentence',
      'Shares of Orvel Holdings fell on Monday after the Swiss lender cut its outlook.',
      'Orvel Holdings BASED_IN Switzerland',
    ],
    [
      'business wire: a place-based company',
      'Brantwell Group opened a plant. The Seoul-based company employs 900 people.',
      'Brantwell Group BASED_IN Seoul',
    ],
  ])('%s', (_name, text, expected) => {
    const doc = analyze(text, EVERY_FACT);
    expect(descriptionFacts(doc)).toContain(expected);
  });

  it('the evidence is the sentence with the description, the subject span the description', () => {
    const text = 'Kalvo Motors sold more cars in May. The German automaker said demand held up.';
    const doc = analyze(text, EVERY_FACT);
    const fact = doc.relations.find((r) => r.rule.startsWith('nationality-description'));
    expect(fact?.rule).toBe('nationality-description+anaphor');
    expect(fact?.evidence.text).toBe('The German automaker said demand held up.');
    expect(text.slice(fact!.evidence.subject.start, fact!.evidence.subject.end)).toBe('The German automaker');
  });
});

describe('descriptions of a company: negatives', () => {
  it.each([
    [
      'the description names its company itself',
      'Kalvo Motors sold more cars. The German automaker Veltra said demand held up.',
    ],
    [
      'an apposition to a name is read by the relation rules',
      'Kalvo Motors, the German automaker, said demand held up.',
    ],
    [
      'the nearest company is of another kind',
      'Kalvo Motors sold more cars. Orvel Bank lent money. The German automaker said demand held up.',
    ],
    [
      'the company is already placed in another country',
      'Kalvo Motors, a Japanese company, sold cars. Later the German automaker said demand held up.',
    ],
    [
      'a government is no company named before',
      'Kalvo Motors sold cars. The British government said demand held up.',
    ],
    [
      'an insurgent group is no company named before',
      'Kalvo Motors sold cars. The Afghan insurgent group said it would talk.',
    ],
    [
      'a company named only as a modifier ("an Orvel Systems report") is not what the sentence is about',
      'Critics cited an Orvel Systems report that said the Chinese e-commerce giant misreported its sales.',
    ],
    [
      '"a German automaker" introduces another company',
      'Kalvo Motors sold cars. A German automaker said demand held up.',
    ],
  ])('%s', (_name, text) => {
    expect(descriptionFacts(analyze(text, EVERY_FACT))).toEqual([]);
  });
});
