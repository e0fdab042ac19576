/**
 * Encoding: each sentence with mentions becomes a string of units for the relation patterns (see
 * `pattern.ts`): one unit per entity mention (` EP3` = Person, argument 3; ` EN4` = a nationality standing
 * for its country; ` EO5` = "the company" standing for its organisation) and one per other word with its
 * word classes (` said~verb`). The resolution is read, never changed.
 */
import type { Entity } from '../core/index.js';
import type { Resolution, ResolvedMention } from './aliases.js';
import { anaphorAt } from './anaphora.js';
import type { MentionCandidate } from './entities.js';
import { nationalityEntities } from './nationality.js';
import type { Sentence, Token } from './tokens.js';
import { wordClasses } from './word-classes.js';

const TYPE_LETTER: Record<string, string> = { Person: 'P', Organization: 'O', Place: 'L', Product: 'X' };

/** A mention as a relation argument: an entity (maybe a nationality made into a place) and its span. */
export interface Arg {
  entity: Entity;
  start: number;
  end: number;
  from: number;
  to: number;
  /** A nationality word standing for its country. */
  nationality?: boolean;
}

/** One sentence as units: the encoded string and the arguments its entity units number. */
export interface SentenceUnits {
  encoded: string;
  args: Arg[];
}

/** The encoded text: units per sentence (none for a sentence without mentions) and the countries made for nationalities. */
export interface EncodedText {
  units: Array<SentenceUnits | undefined>;
  /** Entities made for nationalities, not in the resolution (see `nationality.ts`). */
  nationalities: Entity[];
}

function encodeWord(t: Token): string {
  // Curly and straight apostrophes are one letter to the patterns ("Serbia’s" = "Serbia's").
  return ` ${t.lower.replace(/[\s~]/g, '_').replace(/[’‘]/g, "'")}${wordClasses(t)}`;
}

function encodeSentence(
  s: Sentence,
  mentions: Array<MentionCandidate | ResolvedMention>,
  res: Resolution,
  nationalityEntity: (m: MentionCandidate) => Entity | undefined,
): SentenceUnits {
  const args: Arg[] = [];
  let encoded = '';
  let m = 0;
  for (let i = 0; i < s.tokens.length; ) {
    while (m < mentions.length && mentions[m]!.from < i) m++;
    const here = mentions[m];
    if (here && here.from === i) {
      const resolved = 'entity' in here ? res.entities[here.entity] : undefined;
      const entity = resolved ?? (here.type === 'Nationality' ? nationalityEntity(here) : undefined);
      if (entity) {
        const letter = resolved ? TYPE_LETTER[entity.type] : 'N';
        encoded += ` E${letter}${args.length}`;
        args.push({
          entity,
          start: here.start,
          end: here.end,
          from: here.from,
          to: here.to,
          nationality: !resolved,
        });
        i = here.to;
        continue;
      }
    }
    const antecedent = anaphorAt(s.tokens, i, res);
    if (antecedent) {
      encoded += ` EO${args.length}`;
      args.push({
        entity: antecedent,
        start: s.tokens[i]!.start,
        end: s.tokens[i + 1]!.end,
        from: i,
        to: i + 2,
      });
      i += 2;
      continue;
    }
    encoded += encodeWord(s.tokens[i]!);
    i++;
  }
  return { encoded, args };
}

/** Stage: encode every sentence that has a resolved mention or a nationality. */
export function encodeSentences(
  sentences: Sentence[],
  candidates: MentionCandidate[],
  res: Resolution,
): EncodedText {
  const bySentence = new Map<number, Array<MentionCandidate | ResolvedMention>>();
  const resolved = new Map(res.mentions.map((m) => [`${m.sentence}:${m.from}`, m]));
  for (const c of candidates) {
    const m = resolved.get(`${c.sentence}:${c.from}`) ?? (c.type === 'Nationality' ? c : undefined);
    if (!m) continue;
    if (!bySentence.has(c.sentence)) bySentence.set(c.sentence, []);
    bySentence.get(c.sentence)!.push(m);
  }
  const nationalities = nationalityEntities(res);
  const units = sentences.map((s, i) => {
    const mentions = bySentence.get(i);
    return mentions ? encodeSentence(s, mentions, res, nationalities.entityFor) : undefined;
  });
  return { units, nationalities: nationalities.made };
}
