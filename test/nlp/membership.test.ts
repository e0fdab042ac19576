/**
 * MEMBER_OF the way news states it: members of a band or a board listed after the organisation ("founding
 * members A, B and C"), band roles ("frontman", "guitarist"). Names are invented.
 */
import { describe, expect, it } from 'vitest';
import type { Document } from '../../src/core/index.js';
import { analyze } from '../../src/nlp/index.js';

const EVERY_FACT = { minConfidence: 0 };

const facts = (doc: Document): string[] => {
  const name = new Map(doc.entities.map((e) => [e.id, e.name]));
  return doc.relations.map((r) => `${name.get(r.subject)} ${r.type} ${name.get(r.object)}`);
};

describe('membership: positives', () => {
  it.each([
    [
      'music news: founding members listed after the band',
      'The Quillers founding members Tom Arlo, Mike Dunmore and John Fairley will reunite.',
      ['Tom Arlo MEMBER_OF Quillers', 'Mike Dunmore MEMBER_OF Quillers', 'John Fairley MEMBER_OF Quillers'],
    ],
    [
      'music news: "the band" named before, its members listed',
      "The Quillers are still touring. To mark the band's formation, founding members Tom Arlo and Pat Selwyn will play.",
      ['Tom Arlo MEMBER_OF Quillers', 'Pat Selwyn MEMBER_OF Quillers'],
    ],
    [
      'business news: board members',
      'Orvel Bank board members Tom Arlo and Pat Selwyn voted against the plan.',
      ['Tom Arlo MEMBER_OF Orvel Bank', 'Pat Selwyn MEMBER_OF Orvel Bank'],
    ],
    [
      'a band role is membership, not employment',
      'Jonah Pike, the guitarist of the Quillers, wrote the song.',
      ['Jonah Pike MEMBER_OF Quillers'],
    ],
  ])('%s', (_name, text, expected) => {
    const found = facts(analyze(text, EVERY_FACT));
    for (const f of expected) expect(found).toContain(f);
  });
});

describe('membership: negatives', () => {
  it.each([
    [
      'members after a verb of the organisation may belong to anyone',
      'Orvel Bank said members Tom Arlo and Pat Selwyn voted no.',
      'Pat Selwyn MEMBER_OF Orvel Bank',
    ],
    [
      'a band role is not employment',
      'Jonah Pike, the guitarist of the Quillers, wrote the song.',
      'Jonah Pike WORKS_FOR Quillers',
    ],
    [
      'members of a list are not members of the organisation before a full stop',
      'The Quillers played. Members Tom Arlo and Pat Selwyn bowed.',
      'Pat Selwyn MEMBER_OF Quillers',
    ],
  ])('%s', (_name, text, unwanted) => {
    expect(facts(analyze(text, EVERY_FACT))).not.toContain(unwanted);
  });
});
