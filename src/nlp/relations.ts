/**
 * Relations: run every relation rule's compiled pattern over each encoded sentence (see `encode.ts`) and
 * turn the matches that meet the rule's conditions into facts (see `fact.ts`).
 */
import type { Relation } from '../core/index.js';
import type { Arg, EncodedText, SentenceUnits } from './encode.js';
import { makeRelation, PRONOUN_MARK } from './fact.js';
import { compilePattern, matchAll } from './pattern.js';
import { RELATION_RULES, type RelationRule } from './rules/relation-rules.js';
import { COORDINATION_JOINERS, COUNTRIES, US_POSTAL_CODES, US_STATES } from './rules/vocabulary.js';
import type { Sentence, Token } from './tokens.js';

const COMPILED: ReadonlyArray<[RelationRule, RegExp]> = RELATION_RULES.map((r) => [
  r,
  compilePattern(r.pattern),
]);

/** Arguments after `obj` joined to it by ", " (a state after a town) or "and (the)" (coordination). */
function followers(units: SentenceUnits, s: Sentence, obj: number, joiner: 'comma' | 'and'): Arg[] {
  const out: Arg[] = [];
  let prev = units.args[obj]!;
  for (let k = obj + 1; k < units.args.length; k++) {
    const next = units.args[k]!;
    const between = s.tokens.slice(prev.to, next.from).map((t) => t.lower);
    const ok =
      joiner === 'comma'
        ? between.length === 1 && between[0] === ','
        : COORDINATION_JOINERS.includes(between.join(' '));
    if (!ok || next.entity.type !== prev.entity.type) break;
    out.push(next);
    prev = next;
  }
  return out;
}

/** A state, region or country: by the vocabulary lists or compromise's tags. */
function isRegion(tokens: Token[]): boolean {
  const lower = tokens.map((t) => t.lower).join(' ');
  return (
    US_STATES.has(lower) ||
    COUNTRIES.has(lower) ||
    (tokens.length === 1 && /^\p{Lu}{2}$/u.test(tokens[0]!.text) && US_POSTAL_CODES.has(lower)) ||
    tokens.some((t) => t.tags.has('Country') || t.tags.has('Region'))
  );
}

/** The argument after `obj` is ", STATE": "Nashville, TN", "Toronto, Ontario". */
function beforeRegion(s: Sentence, units: SentenceUnits, obj: number): boolean {
  const next = units.args[obj + 1];
  const o = units.args[obj]!;
  return (
    next !== undefined &&
    next.from === o.to + 1 &&
    s.tokens[o.to]?.text === ',' &&
    isRegion(s.tokens.slice(next.from, next.to))
  );
}

function isCountry(tokens: Token[]): boolean {
  return COUNTRIES.has(tokens.map((t) => t.lower).join(' ')) || tokens.some((t) => t.tags.has('Country'));
}

/** The facts the relation rules state in one encoded sentence, in rule order (duplicates included). */
function sentenceRelations(s: Sentence, units: SentenceUnits, text: string): Relation[] {
  const out: Relation[] = [];
  const add = (r: Relation | undefined): void => {
    if (r) out.push(r);
  };
  for (const [rule, re] of COMPILED) {
    for (const match of matchAll(re, units.encoded)) {
      if (match.s === undefined || match.o === undefined) continue;
      const subj = units.args[match.s]!;
      const obj = units.args[match.o]!;
      if (rule.namesOnly && (subj.resolved === 'pronoun' || obj.resolved === 'pronoun')) continue;
      const objTokens = s.tokens.slice(obj.from, obj.to);
      if (rule.objectIsRegion && !isRegion(objTokens)) continue;
      if (rule.objectIsCountry && !(obj.nationality || isCountry(objTokens))) continue;
      if (rule.objectIsTown && (obj.nationality || isCountry(objTokens))) continue;
      if (rule.subjectIsLocal && (subj.nationality || isRegion(s.tokens.slice(subj.from, subj.to)))) continue;
      if (rule.objectBeforeRegion && !beforeRegion(s, units, match.o)) continue;
      if (rule.objectIsNotShouted && objTokens.every((t) => !/\p{Ll}/u.test(t.text))) continue;
      // A country is not located in another place it is listed with ("Russia, Poland, …").
      if (rule.type === 'LOCATED_IN' && isCountry(s.tokens.slice(subj.from, subj.to))) continue;
      add(makeRelation(rule, s, text, subj, obj, match.r, match.l));
      if (rule.chain)
        for (const f of followers(units, s, match.o, 'comma'))
          add(makeRelation(rule, s, text, subj, f, match.r, match.l, true));
      if (rule.coordinate)
        for (const f of followers(units, s, match.o, 'and'))
          add(makeRelation(rule, s, text, subj, f, match.r, match.l, true));
      if (rule.coordinateSubject)
        for (const f of followers(units, s, match.s, 'and'))
          add(makeRelation(rule, s, text, f, obj, match.r, match.l, true));
    }
  }
  return out;
}

const factKey = (r: Relation): string => `${r.type}|${r.subject}|${r.object}`;

/**
 * The facts that need a pronoun ("She previously worked for Helix"): found on the sentence encoded with its
 * pronouns as arguments, kept when a pronoun is an argument and the sentence does not already state the
 * fact by name.
 */
function pronounRelations(s: Sentence, units: SentenceUnits, text: string, stated: Relation[]): Relation[] {
  if (!units.withPronouns) return [];
  const known = new Set(stated.map(factKey));
  return sentenceRelations(s, units.withPronouns, text).filter(
    (r) => r.rule.includes(PRONOUN_MARK) && !known.has(factKey(r)),
  );
}

/** Stage: every fact some relation rule states, in sentence and rule order (duplicates included). */
export function findRelations(sentences: Sentence[], encoded: EncodedText, text: string): Relation[] {
  return sentences.flatMap((s, i) => {
    const units = encoded.units[i];
    if (!units) return [];
    const stated = sentenceRelations(s, units, text);
    return [...stated, ...pronounRelations(s, units, text, stated)];
  });
}
