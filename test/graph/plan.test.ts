import { describe, expect, it } from 'vitest';
import {
  adjustTally,
  deriveEntity,
  deriveFact,
  deriveFromTally,
  type EvidenceSummary,
  factKeyOf,
  planWrite,
  tallyForms,
  updateFact,
} from '../../src/graph/plan.js';
import { VocabularyError } from '../../src/graph/schema.js';
import { writeA } from './fixtures.js';

describe('planWrite', () => {
  it('keeps graph entities only, one mention row per key, type-stable rows', () => {
    const plan = planWrite(writeA());
    const keys = [...plan.mentions.values()].flat().map((m) => m.key);
    expect([...new Set(keys)].sort()).toEqual([
      'Organization:kalibr',
      'Organization:shahid chamran university',
      'Person:alexey rodos',
      'Person:gholamhoseyn khaje',
      'Place:moscow',
    ]);
    expect(new Set(keys).size).toBe(keys.length);
    const rodos = plan.mentions.get('Person')?.find((m) => m.key === 'Person:alexey rodos');
    expect(rodos).toMatchObject({
      forms: ['Alexey Rodos', 'Rodos'],
      names: ['alexey rodos', 'rodos'],
      count: 2,
    });
    for (const e of plan.evidence) {
      expect(Number.isInteger(e.confidenceMicro)).toBe(true);
      expect(typeof e.label).toBe('string');
    }
  });

  it('gives a fact the same key whatever the article or wording', () => {
    expect(factKeyOf('DIRECTS', 'Person:a', 'Organization:b')).toBe(
      factKeyOf('DIRECTS', 'Person:a', 'Organization:b'),
    );
    expect(factKeyOf('DIRECTS', 'Person:a', 'Organization:b')).not.toBe(
      factKeyOf('WORKS_FOR', 'Person:a', 'Organization:b'),
    );
  });

  it('changes the evidence id when the evidence changes', () => {
    const a = planWrite(writeA());
    const b = writeA();
    b.relations[0] = { ...b.relations[0]!, confidence: 0.1 };
    const changed = planWrite(b);
    expect(changed.evidence.map((e) => e.id)).not.toEqual(a.evidence.map((e) => e.id));
  });

  it('refuses a relationship type outside the vocabulary before any Cypher is built', () => {
    const w = writeA();
    w.relations[0] = { ...w.relations[0]!, type: 'DIRECTS]->() DETACH DELETE (x' as never };
    expect(() => planWrite(w)).toThrow(VocabularyError);
  });
});

describe('deriveEntity', () => {
  it.each([
    { forms: [['Alexey Rodos', 'Rodos']], name: 'Alexey Rodos', aliases: ['Rodos'] },
    { forms: [['Kalibr'], ['KALIBR'], ['Kalibr']], name: 'Kalibr', aliases: ['KALIBR'] },
    // a tie between two names: the longer wins, in any order
    { forms: [['Rodos'], ['Alexey Rodos']], name: 'Alexey Rodos', aliases: ['Rodos'] },
    { forms: [['Alexey Rodos'], ['Rodos']], name: 'Alexey Rodos', aliases: ['Rodos'] },
  ])('$forms -> $name', ({ forms, name, aliases }) => {
    expect(deriveEntity(forms)).toMatchObject({ name, aliases });
  });

  it('returns null for an entity nobody mentions (an orphan)', () => {
    expect(deriveEntity([])).toBeNull();
  });
});

describe('deriveFact', () => {
  it('takes label/role/confidence from the most confident evidence and counts articles', () => {
    const d = deriveFact([
      { id: 'v1', articleId: 'a1', confidenceMicro: 500_000, label: '', role: 'CEO' },
      { id: 'v2', articleId: 'a2', confidenceMicro: 900_000, label: '', role: 'director' },
      { id: 'v3', articleId: 'a2', confidenceMicro: 100_000, label: '', role: '' },
    ]);
    expect(d).toEqual({
      label: '',
      role: 'director',
      confidenceMicro: 900_000,
      articles: 2,
      evidence: 3,
      bestEvidence: 'v2',
    });
  });

  it('returns null for a fact no evidence supports', () => {
    expect(deriveFact([])).toBeNull();
  });
});

describe('entity tallies', () => {
  it('counts the articles that use each form and each main name', () => {
    expect(tallyForms([['Alexey Rodos', 'Rodos'], ['Rodos'], ['Alexey Rodos']])).toEqual({
      forms: ['Alexey Rodos', 'Rodos'],
      formArticles: [2, 2],
      nameArticles: [2, 1],
    });
  });

  it('takes one article out exactly, dropping forms no article uses any more', () => {
    const t = tallyForms([['Alexey Rodos', 'Rodos'], ['Rodos']]);
    expect(adjustTally(t, ['Alexey Rodos', 'Rodos'], undefined)).toEqual(tallyForms([['Rodos']]));
    expect(adjustTally(t, ['Rodos'], ['A. Rodos'])).toEqual(
      tallyForms([['Alexey Rodos', 'Rodos'], ['A. Rodos']]),
    );
    expect(deriveFromTally(adjustTally(tallyForms([['Rodos']]), ['Rodos'], undefined))).toBeNull();
  });

  it('gives, in any order of adds and removes, what the forms themselves give', () => {
    const lists = [['Kalibr'], ['KALIBR', 'Kalibr'], ['Kalibr LLC', 'Kalibr'], ['KALIBR']];
    let t = adjustTally(null, undefined, undefined);
    for (const l of [...lists, ['Other'], ['Kalibr']]) t = adjustTally(t, undefined, l);
    t = adjustTally(t, ['Other'], undefined);
    t = adjustTally(t, ['Kalibr'], undefined);
    expect(t).toEqual(tallyForms(lists));
    expect(deriveFromTally(t)).toEqual(deriveEntity([...lists].reverse()));
    expect(deriveFromTally(t)).toMatchObject({ name: 'KALIBR', aliases: ['Kalibr', 'Kalibr LLC'] });
  });
});

describe('updateFact', () => {
  const ev = (id: string, articleId: string, confidence: number, role = ''): EvidenceSummary => ({
    id,
    articleId,
    confidenceMicro: confidence * 1_000_000,
    label: '',
    role,
  });
  const a1 = [ev('v1', 'a1', 0.5, 'CEO')];
  const a2 = [ev('v2', 'a2', 0.9, 'director'), ev('v3', 'a2', 0.1)];

  it('adds a new article without reading the others', () => {
    const stored = deriveFact(a1);
    expect(updateFact(stored, [], a2)).toEqual(deriveFact([...a1, ...a2]));
    expect(updateFact(null, [], a1)).toEqual(deriveFact(a1));
  });

  it('removes an article whose evidence was not the one shown', () => {
    const stored = deriveFact([...a1, ...a2]);
    expect(updateFact(stored, a1, [])).toEqual(deriveFact(a2));
  });

  it('asks for the other evidence when the shown one goes and others remain', () => {
    const stored = deriveFact([...a1, ...a2]);
    expect(updateFact(stored, a2, [])).toBeUndefined();
    expect(updateFact(stored, a2, [ev('v8', 'a2', 0.2)])).toBeUndefined();
    // A new sentence that ranks above the one that went ranks above every other article's too.
    expect(updateFact(stored, a2, [ev('v9', 'a2', 0.95)])).toEqual(deriveFact([...a1, ev('v9', 'a2', 0.95)]));
  });

  it('is null when no evidence is left, and keeps an unchanged sentence', () => {
    expect(updateFact(deriveFact(a1), a1, [])).toBeNull();
    expect(updateFact(deriveFact(a2), a2, a2)).toEqual(deriveFact(a2));
  });
});
