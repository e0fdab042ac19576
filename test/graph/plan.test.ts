import { describe, expect, it } from 'vitest';
import { deriveEntity, deriveFact, factKeyOf, planWrite } from '../../src/graph/plan.js';
import { VocabularyError } from '../../src/graph/schema.js';
import { writeA } from './fixtures.js';

describe('planWrite', () => {
  it('keeps graph entities only, one mention row per key, type-stable rows', () => {
    const plan = planWrite(writeA());
    const keys = [...plan.mentions.values()].flat().map((m) => m.key);
    expect(keys).not.toContain('Date:2025');
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
    expect(d).toEqual({ label: '', role: 'director', confidenceMicro: 900_000, articles: 2, evidence: 3 });
  });

  it('returns null for a fact no evidence supports', () => {
    expect(deriveFact([])).toBeNull();
  });
});
