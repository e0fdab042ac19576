/**
 * Encoding: each sentence with mentions becomes a string of units for the relation patterns (see
 * `pattern.ts`): one unit per entity mention (` EP3` = Person, argument 3; ` EN4` = a nationality standing
 * for its country; ` EO5` = "the company" standing for its organisation) and one per other word with its
 * word classes (` said~verb`). A sentence with pronouns that stand for a named entity (`pronouns.ts`) is
 * encoded a second time with them as arguments ("its" = ` EO6 's`), for the facts that need them. The
 * resolution is read, never changed.
 */
import type { Entity } from '../core/index.js';
import type { Resolution, ResolvedMention } from './aliases.js';
import { anaphorAt } from './anaphora.js';
import type { MentionCandidate } from './entities.js';
import { nationalityEntities } from './nationality.js';
import { type Antecedent, findAntecedents } from './pronouns.js';
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
  /** The entity is named elsewhere: a pronoun ("she") or a description ("the company") stands for it. */
  resolved?: 'pronoun' | 'anaphor';
}

/** One sentence as units: the encoded string and the arguments its entity units number. */
export interface SentenceUnits {
  encoded: string;
  args: Arg[];
  /** The sentence again with its pronouns as arguments, when some pronoun stands for a named entity. */
  withPronouns?: SentenceUnits;
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
  pronouns?: ReadonlyMap<number, Antecedent>,
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
        resolved: 'anaphor',
      });
      i += 2;
      continue;
    }
    const pronoun = pronouns?.get(i);
    if (pronoun) {
      const t = s.tokens[i]!;
      encoded += ` E${TYPE_LETTER[pronoun.entity.type]}${args.length}${pronoun.possessive ? " 's" : ''}`;
      args.push({
        entity: pronoun.entity,
        start: t.start,
        end: t.end,
        from: i,
        to: i + 1,
        resolved: 'pronoun',
      });
      i++;
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
  const antecedents = findAntecedents(sentences, res);
  const units = sentences.map((s, i): SentenceUnits | undefined => {
    const mentions = bySentence.get(i);
    if (!mentions) return undefined;
    const plain = encodeSentence(s, mentions, res, nationalities.entityFor);
    const pronouns = antecedents[i]!;
    if (pronouns.size === 0) return plain;
    return { ...plain, withPronouns: encodeSentence(s, mentions, res, nationalities.entityFor, pronouns) };
  });
  return { units, nationalities: nationalities.made };
}
