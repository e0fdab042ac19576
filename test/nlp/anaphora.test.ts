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
