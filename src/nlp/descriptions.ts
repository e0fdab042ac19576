/**
 * Descriptions: "the German automaker", "the U.S. plane-maker", "the Seoul-based company" refer back to a
 * company named before and say where it is based. The description stands for the organisation a preceding
 * "the company" would (`anaphora.ts`: the one whose name ends in the head noun, else the only one near);
 * the fact is BASED_IN the country or place, its evidence the sentence that says it. A company the article
 * already places in another country (by a relation rule or an earlier description) does not fit: "the French
 * manufacturer" after "the American giant" is another company. A description right
 * after or before a name ("Kalvo, the German automaker", "the German automaker Kalvo") is left to the
 * relation rules.
 */
import type { Entity, Relation } from '../core/index.js';
import type { Resolution, ResolvedMention } from './aliases.js';
import { organisationBefore } from './anaphora.js';
import type { Arg, EncodedText, SentenceUnits } from './encode.js';
import { makeRelation } from './fact.js';
import { hasUnexplainedName } from './pronouns.js';
import type { RelationRule } from './rules/relation-rules.js';
import { COMPANY_DESCRIPTIONS, COUNTRIES } from './rules/vocabulary.js';
import type { Sentence, Token } from './tokens.js';

/** How far back (UTF-16 units) a description may look for its company. */
const DESCRIPTION_REACH = 800;
/** Lower-case words allowed between the place and the head noun ("the Chinese e-commerce giant"). */
const MAX_MODIFIERS = 2;

const NATIONALITY_RULE: RelationRule = {
  id: 'nationality-description',
  type: 'BASED_IN',
  pattern: '',
  confidence: 0.7,
};
const PLACE_BASED_RULE: RelationRule = {
  id: 'place-based-description',
  type: 'BASED_IN',
  pattern: '',
  confidence: 0.7,
};

const isCountry = (tokens: Token[]): boolean =>
  COUNTRIES.has(tokens.map((t) => t.lower).join(' ')) || tokens.some((t) => t.tags.has('Country'));

/** Token index of the head noun after the place (and its modifiers), or -1. */
function headAfter(tokens: Token[], from: number): number {
  for (let k = from; k < tokens.length && k <= from + MAX_MODIFIERS; k++) {
    const t = tokens[k]!;
    if (t.isPunct || t.isCap) return -1;
    if (COMPANY_DESCRIPTIONS.has(t.lower)) return k;
  }
  return -1;
}

/** The place argument and rule of a description starting at `place` ("the German …", "the Oslo-based …"). */
function describedPlace(s: Sentence, place: Arg): { rule: RelationRule; after: number } | undefined {
  const tokens = s.tokens;
  if (tokens[place.from - 1]?.lower !== 'the') return undefined;
  if (tokens[place.to]?.text === '-' && tokens[place.to + 1]?.lower === 'based')
    return { rule: PLACE_BASED_RULE, after: place.to + 2 };
  if (place.nationality || isCountry(tokens.slice(place.from, place.to)))
    return { rule: NATIONALITY_RULE, after: place.to };
  return undefined;
}

/**
 * The company a description refers back to: one whose name ends in the head noun, else the first
 * organisation (the subject) of the nearest sentence that names one before the description, within reach.
 */
function subjectOrganisation(
  sentences: Sentence[],
  res: Resolution,
  at: number,
  noun: string,
): Entity | undefined {
  const named = organisationBefore(res, at, noun);
  if (named?.name.toLowerCase().endsWith(noun)) return named;
  let first: ResolvedMention | undefined;
  for (let k = res.mentions.length - 1; k >= 0; k--) {
    const m = res.mentions[k]!;
    if (m.start >= at) continue;
    if (at - m.end > DESCRIPTION_REACH) break;
    if (res.entities[m.entity]!.type !== 'Organization') continue;
    if (first && m.sentence !== first.sentence) break;
    first = m;
  }
  if (
    !first ||
    hasUnexplainedName(sentences[first.sentence]!.tokens, first.from, res.mentions, first.sentence)
  )
    return undefined;
  if (isModifier(sentences[first.sentence]!.tokens, first.from, first.to)) return undefined;
  const org = res.entities[first.entity]!;
  return kindFits(org, noun) ? org : undefined;
}

/**
 * "an Orvel report", "in viral Weibo post": a name used as a modifier (after "a"/"an", or before a common
 * noun) is not what its sentence is about.
 */
function isModifier(tokens: Token[], from: number, to: number): boolean {
  const before = tokens[from - 1]?.lower;
  const next = tokens[to];
  if (before === 'a' || before === 'an') return true;
  return !!next && !next.isCap && !next.isPunct && next.tags.has('Noun') && !next.tags.has('Verb');
}

/** Heads that fit any company ("the German company" may be a bank); others must not clash with the name's. */
const GENERIC_HEADS = new Set(['company', 'firm', 'corporation', 'giant', 'multinational', 'conglomerate']);

/** "the German automaker" does not stand for "Orvel Bank": the name's own head names another kind. */
function kindFits(org: Entity, noun: string): boolean {
  const last = org.name.toLowerCase().split(/\s+/).pop()!;
  return (
    GENERIC_HEADS.has(noun) || !COMPANY_DESCRIPTIONS.has(last) || GENERIC_HEADS.has(last) || last === noun
  );
}

/** Countries each organisation is based in, by entity id, from BASED_IN facts to a country. */
type KnownCountries = Map<string, Set<string>>;

function knownCountries(relations: Relation[], encoded: EncodedText, res: Resolution): KnownCountries {
  const countries = new Set(
    [...res.entities, ...encoded.nationalities]
      .filter((e) => e.type === 'Place' && COUNTRIES.has(e.name.toLowerCase()))
      .map((e) => e.id),
  );
  for (const e of encoded.nationalities) countries.add(e.id);
  const known: KnownCountries = new Map();
  for (const r of relations)
    if (r.type === 'BASED_IN' && countries.has(r.object)) {
      if (!known.has(r.subject)) known.set(r.subject, new Set());
      known.get(r.subject)!.add(r.object);
    }
  return known;
}

function sentenceFacts(
  sentences: Sentence[],
  s: Sentence,
  units: SentenceUnits,
  res: Resolution,
  text: string,
  known: KnownCountries,
): Relation[] {
  const out: Relation[] = [];
  units.args.forEach((place, k) => {
    if (place.entity.type !== 'Place') return;
    const found = describedPlace(s, place);
    if (!found) return;
    const head = headAfter(s.tokens, found.after);
    if (head < 0) return;
    const the = s.tokens[place.from - 1]!;
    // Apposition to a name: the relation rules read it with the name itself.
    const next = s.tokens[head + 1];
    const before = units.args[k - 1];
    if (next?.isCap) return;
    if (before && before.to === place.from - 2 && s.tokens[before.to]?.text === ',') return;
    const org: Entity | undefined = subjectOrganisation(sentences, res, the.start, s.tokens[head]!.lower);
    if (!org) return;
    const elsewhere = known.get(org.id);
    if (found.rule === NATIONALITY_RULE && elsewhere && !elsewhere.has(place.entity.id)) return;
    const subject: Arg = {
      entity: org,
      start: the.start,
      end: s.tokens[head]!.end,
      from: place.from - 1,
      to: head + 1,
      resolved: 'anaphor',
    };
    const r = makeRelation(found.rule, s, text, subject, place);
    if (!r) return;
    out.push(r);
    if (found.rule === NATIONALITY_RULE) {
      if (!known.has(org.id)) known.set(org.id, new Set());
      known.get(org.id)!.add(place.entity.id);
    }
  });
  return out;
}

/**
 * Stage: BASED_IN for every description of a company by its country or home place, given the facts the
 * relation rules found (a company they place in another country does not fit a description).
 */
export function findDescriptions(
  sentences: Sentence[],
  encoded: EncodedText,
  res: Resolution,
  text: string,
  stated: Relation[],
): Relation[] {
  const known = knownCountries(stated, encoded, res);
  return sentences.flatMap((s, i) => {
    const units = encoded.units[i];
    return units ? sentenceFacts(sentences, s, units, res, text, known) : [];
  });
}
