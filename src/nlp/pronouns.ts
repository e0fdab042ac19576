/**
 * Pronouns: "he", "she", "his", "her" stand for the person, "it", "its" for the organisation named just
 * before, when exactly one fits. Precision first:
 * - a possessive ("his", "its", "her sister") looks back through the words before it in its sentence; only
 *   one that opens its sentence ("Its chief executive, X, said") looks into the previous sentences;
 * - a subject ("he", "she", "it") is resolved when it opens its sentence, from the previous sentences
 *   ("X joined Y in 2019. She previously worked for Z"), or right after "said" from the words before it
 *   ("X said it had acquired Z"); another inside a sentence may stand for anyone;
 * - an object ("him", "told her") is never resolved: it rarely stands for the sentence's own subject.
 * The search stops at the first sentence that names anyone who could fit; two candidates there (two men,
 * an organisation and a place) leave the pronoun unresolved. The one candidate must also be the sentence's
 * first name of its kind, with no capitalised word before it that no mention explains ("The Pittsburgh
 * Catholic is a member of the Press Association. Its …": an unrecognised name may be the antecedent),
 * unless its gender, known and matching, picks it out. Gender comes from compromise's first-name tags and
 * courtesy titles; a name of unknown gender fits either pronoun. Used by the encoding stage; reads the
 * resolution, never changes it.
 */
import type { Entity } from '../core/index.js';
import type { Resolution } from './aliases.js';
import {
  DEMONYMS,
  FEMALE_HONORIFICS,
  FEMALE_PRONOUNS,
  MALE_HONORIFICS,
  MALE_PRONOUNS,
  POSSESSIVE_PRONOUNS,
  SAID,
  THING_PRONOUNS,
} from './rules/vocabulary.js';
import type { Sentence, Token } from './tokens.js';
import { wordClasses } from './word-classes.js';

/** How many sentences before its own a pronoun may look back for its antecedent. */
const PRONOUN_SENTENCE_REACH = 2;

/** A pronoun that stands for a named entity. */
export interface Antecedent {
  entity: Entity;
  /** "his", "its", "her sister": the pronoun stands for "<name> 's". */
  possessive: boolean;
}

type Gender = 'male' | 'female';
/** What a pronoun may stand for: a person of a gender, or an organisation. */
type Wanted = Gender | 'organisation';

/** Per sentence, the pronouns (by token index) that stand for an entity. */
export type Antecedents = Array<Map<number, Antecedent>>;

function wanted(t: Token): Wanted | undefined {
  if (MALE_PRONOUNS.has(t.lower)) return 'male';
  if (FEMALE_PRONOUNS.has(t.lower)) return 'female';
  if (THING_PRONOUNS.has(t.lower)) return 'organisation';
  return undefined;
}

/**
 * "her" is possessive before a noun or adjective ("her sister"), an object elsewhere ("told her that", and
 * before a role: "named her head of X").
 */
function isPossessive(tokens: Token[], i: number): boolean {
  const t = tokens[i]!;
  if (POSSESSIVE_PRONOUNS.has(t.lower)) return true;
  if (t.lower !== 'her') return false;
  const next = tokens[i + 1];
  return (
    next !== undefined &&
    !next.isPunct &&
    !next.tags.has('Pronoun') &&
    !next.tags.has('Determiner') &&
    (next.tags.has('Noun') || next.tags.has('Adjective')) &&
    !wordClasses(next).includes('~role')
  );
}

/** Each person's gender, when its mentions tell one and only one (first names, "Mr.", "Ms."). */
function genders(sentences: Sentence[], res: Resolution): Map<number, Gender | null> {
  const out = new Map<number, Gender | null>();
  for (const m of res.mentions) {
    if (res.entities[m.entity]!.type !== 'Person') continue;
    const tokens = sentences[m.sentence]!.tokens;
    for (let k = Math.max(0, m.from - 1); k < m.to; k++) {
      const t = tokens[k]!;
      const g: Gender | undefined =
        t.tags.has('MaleName') || MALE_HONORIFICS.has(t.lower)
          ? 'male'
          : t.tags.has('FemaleName') || FEMALE_HONORIFICS.has(t.lower)
            ? 'female'
            : undefined;
      if (!g) continue;
      const had = out.get(m.entity);
      out.set(m.entity, had === undefined || had === g ? g : null);
    }
  }
  return out;
}

/** The pronoun is the sentence's first word (after any opening quote or dash). */
function opensSentence(tokens: Token[], i: number): boolean {
  return tokens.slice(0, i).every((t) => t.isPunct);
}

/** Where a pronoun may find its antecedent: in its own sentence before it, and/or the previous sentences. */
function reach(tokens: Token[], i: number, possessive: boolean): { own: boolean; previous: boolean } {
  const first = opensSentence(tokens, i);
  if (possessive) return { own: !first, previous: first };
  const isObject = tokens[i]!.lower === 'him' || tokens[i]!.lower === 'her';
  const afterSaid = i > 0 && SAID.has(tokens[i - 1]!.lower);
  return { own: afterSaid && !isObject, previous: first && !isObject };
}

/** A capitalised word that is no date, pronoun or nationality: maybe a name. */
function isUnexplainedCap(t: Token): boolean {
  return (
    t.isCap &&
    !t.isPunct &&
    !DEMONYMS.has(t.lower) &&
    !['Date', 'Month', 'WeekDay', 'Pronoun'].some((tag) => t.tags.has(tag))
  );
}

/**
 * Some capitalised word before token `before` of sentence `si` that no mention covers: a name the entity rules
 * missed, which may be the real antecedent. The first word counts only when compromise calls it a proper noun.
 */
export function hasUnexplainedName(
  tokens: Token[],
  before: number,
  mentions: ReadonlyArray<{ sentence: number; from: number; to: number }>,
  si: number,
): boolean {
  const covered = (k: number): boolean => mentions.some((x) => x.sentence === si && x.from <= k && k < x.to);
  const firstWord = tokens.findIndex((t) => !t.isPunct);
  return tokens
    .slice(0, before)
    .some(
      (t, k) =>
        !covered(k) &&
        (k > firstWord || (k === firstWord && t.tags.has('ProperNoun'))) &&
        isUnexplainedCap(t),
    );
}

/** Does entity `e` fit what the pronoun wants? Places and products compete with organisations for "it". */
function fits(e: Entity, want: Wanted, gender: Gender | null | undefined): boolean {
  if (want === 'organisation') return e.type !== 'Person';
  return e.type === 'Person' && (gender === undefined || gender === null || gender === want);
}

/** Stage helper: the entity each pronoun of the text stands for, where exactly one fits. */
export function findAntecedents(sentences: Sentence[], res: Resolution): Antecedents {
  const bySentence: number[][] = sentences.map(() => []);
  res.mentions.forEach((m, k) => {
    bySentence[m.sentence]?.push(k);
  });
  const gender = genders(sentences, res);
  /** The one entity of sentence `si` (before token `before`) the pronoun may stand for; null: look no further. */
  const antecedentIn = (si: number, before: number, want: Wanted): Entity | null | undefined => {
    const tokens = sentences[si]!.tokens;
    const mentions = bySentence[si]!.map((k) => res.mentions[k]!).filter((m) => m.from < before);
    const kind = mentions.filter((m) => fits(res.entities[m.entity]!, want, undefined));
    const fitting = kind.filter((m) => fits(res.entities[m.entity]!, want, gender.get(m.entity)));
    const distinct = new Set(fitting.map((m) => m.entity));
    if (distinct.size === 0) return undefined;
    if (distinct.size > 1) return null;
    const m = fitting[0]!;
    const entity = res.entities[m.entity]!;
    if (want === 'organisation' && entity.type !== 'Organization') return null;
    if (gender.get(m.entity) === want) return entity;
    return kind[0] === m && !hasUnexplainedName(tokens, m.from, res.mentions, si) ? entity : null;
  };
  return sentences.map((s, si) => {
    const found = new Map<number, Antecedent>();
    s.tokens.forEach((t, i) => {
      const want = wanted(t);
      if (!want) return;
      const possessive = isPossessive(s.tokens, i);
      const where = reach(s.tokens, i, possessive);
      for (let back = where.own ? 0 : 1; back <= (where.previous ? PRONOUN_SENTENCE_REACH : 0); back++) {
        if (si - back < 0) break;
        const entity = antecedentIn(si - back, back === 0 ? i : Number.POSITIVE_INFINITY, want);
        if (entity === undefined) continue;
        if (entity) found.set(i, { entity, possessive });
        break;
      }
    });
    return found;
  });
}
