/**
 * Relations: encode each sentence as units (entity mentions and words), run every relation rule's compiled
 * pattern over it, and turn matches into relations with evidence.
 */
import { type Entity, entityId, entityKey, type Relation, type RelationType } from '../core/index.js';
import type { Resolution, ResolvedMention } from './aliases.js';
import type { MentionCandidate } from './entities.js';
import { compilePattern, matchAll } from './pattern.js';
import { ruleConfidence } from './rules/confidence.js';
import { RELATION_RULES, type RelationRule } from './rules/relation-rules.js';
import {
  COUNTRIES,
  DEMONYMS,
  LEADER_ROLES,
  MEMBER_ROLES,
  ORG_ANAPHORS,
  ORG_NOUNS,
  TEAM_ROLES,
  US_POSTAL_CODES,
  US_STATES,
} from './rules/vocabulary.js';
import type { Sentence, Token } from './tokens.js';
import { wordClasses } from './word-classes.js';

const COMPILED: ReadonlyArray<[RelationRule, RegExp]> = RELATION_RULES.map((r) => [
  r,
  compilePattern(r.pattern),
]);
const TYPE_LETTER: Record<string, string> = { Person: 'P', Organization: 'O', Place: 'L', Product: 'X' };
/** A chained or coordinated fact is a little less certain than the one it extends. */
const DERIVED_CONFIDENCE = 0.9;

/** A mention as a relation argument: an entity (maybe a nationality made into a place) and its span. */
interface Arg {
  entity: Entity;
  start: number;
  end: number;
  from: number;
  to: number;
  /** A nationality word standing for its country. */
  nationality?: boolean;
}

interface SentenceUnits {
  encoded: string;
  args: Arg[];
}

function encodeWord(t: Token): string {
  // Curly and straight apostrophes are one letter to the patterns ("Serbia’s" = "Serbia's").
  return ` ${t.lower.replace(/[\s~]/g, '_').replace(/[’‘]/g, "'")}${wordClasses(t)}`;
}

/** The entity a nationality stands for ("Swedish" → Sweden), created on first use. */
function nationalityEntity(m: MentionCandidate, res: Resolution): Entity | undefined {
  const country = DEMONYMS.get(m.text.toLowerCase());
  if (!country) return undefined;
  const key = entityKey('Place', country);
  let entity = res.entities.find((e) => e.key === key);
  if (!entity) {
    entity = { id: entityId(key), key, type: 'Place', name: country, aliases: [], mentions: [] };
    (entity as Entity & { pending?: boolean }).pending = true;
    res.entities.push(entity);
  }
  return entity;
}

function encodeSentence(
  s: Sentence,
  mentions: Array<MentionCandidate | ResolvedMention>,
  res: Resolution,
): SentenceUnits {
  const args: Arg[] = [];
  let encoded = '';
  let m = 0;
  for (let i = 0; i < s.tokens.length; ) {
    while (m < mentions.length && mentions[m]!.from < i) m++;
    const here = mentions[m];
    if (here && here.from === i) {
      const resolved = 'entity' in here ? res.entities[here.entity] : undefined;
      const entity = resolved ?? (here.type === 'Nationality' ? nationalityEntity(here, res) : undefined);
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

/** How far back (UTF-16 units) "the group" may look for its organisation. */
const ANAPHOR_REACH = 800;

/** "the group" / "the company": the nearest preceding organisation it can name, when only one fits. */
function anaphorAt(tokens: Token[], i: number, res: Resolution): Entity | undefined {
  const the = tokens[i]!;
  const noun = tokens[i + 1];
  if (the.lower !== 'the' || !noun || noun.isCap || !ORG_ANAPHORS.has(noun.lower) || tokens[i + 2]?.isCap)
    return undefined;
  const seen = new Set<number>();
  for (let k = res.mentions.length - 1; k >= 0; k--) {
    const m = res.mentions[k]!;
    if (m.start >= the.start || the.start - m.end > ANAPHOR_REACH) continue;
    const e = res.entities[m.entity]!;
    if (e.type !== 'Organization') continue;
    if (e.name.toLowerCase().endsWith(noun.lower)) return e;
    seen.add(m.entity);
  }
  return seen.size === 1 ? res.entities[[...seen][0]!] : undefined;
}

/** Words before a leading role that make it a role below the top ("vice president", "deputy director"). */
const SUBORDINATE = new Set([
  'vice',
  'deputy',
  'associate',
  'assistant',
  'senior',
  'executive',
  'regional',
  'area',
]);
const FOUNDER_ROLES = new Set(['founder', 'co-founder', 'cofounder', 'founders', 'co-founders']);

/**
 * DIRECTS, FOUNDED, MEMBER_OF or WORKS_FOR from the role word and the words around it in the sentence: a
 * leading role qualified as subordinate ("deputy director") or of a unit ("director for games at Google")
 * is employment, not leadership.
 */
function roleType(role: string, tokens: Token[] = [], at = -1, objectFrom = -1): RelationType {
  const head = role.split(' ').pop()!;
  if (head === 'member') return 'MEMBER_OF';
  if (FOUNDER_ROLES.has(head)) return 'FOUNDED';
  // "chief executive", "managing director": the word before completes a leading role.
  const twoWords = at > 0 ? `${tokens[at - 1]!.lower} ${head}` : '';
  if (LEADER_ROLES.has(twoWords)) return 'DIRECTS';
  if (!LEADER_ROLES.has(head)) return 'WORKS_FOR';
  if (at > 0 && SUBORDINATE.has(tokens[at - 1]!.lower)) return 'WORKS_FOR';
  const next = tokens[at + 1];
  const after = tokens[at + 2];
  if (at >= 0 && next && ['of', 'for'].includes(next.lower) && after && !after.isCap && after.lower !== 'the')
    return 'WORKS_FOR';
  // "Head of Research at Kotak Securities": the role leads a unit named between it and the organisation.
  // "President and CEO of Y" names roles only: those capitals are no unit.
  const isUnitWord = (t: Token): boolean =>
    t.isCap &&
    !LEADER_ROLES.has(t.lower) &&
    !MEMBER_ROLES.has(t.lower) &&
    !/^(?:chief|senior|vice|co)$/.test(t.lower);
  if (at >= 0 && objectFrom > at && tokens.slice(at + 1, objectFrom).some(isUnitWord)) return 'WORKS_FOR';
  return 'DIRECTS';
}

/** Index of the role word (captured `r`) in the sentence, between the two arguments. */
function roleIndex(tokens: Token[], role: string | undefined, a: Arg, b: Arg): number {
  if (!role) return -1;
  const word = role.split(' ').pop()!;
  const lo = Math.min(a.to, b.to);
  const hi = Math.max(a.from, b.from);
  for (let k = lo; k < hi; k++) if (tokens[k]!.lower === word) return k;
  return -1;
}

/** The captured words as the sentence writes them ("R&D center", not "r&d center"). */
function originalCase(sentence: string, words: string): string {
  const at = sentence.toLowerCase().indexOf(words);
  return at >= 0 ? sentence.slice(at, at + words.length) : words;
}

function makeRelation(
  rule: RelationRule,
  s: Sentence,
  text: string,
  subj: Arg,
  obj: Arg,
  role?: string,
  label?: string,
  derived = false,
): Relation | undefined {
  if (subj.entity.id === obj.entity.id) return undefined;
  const type =
    rule.type === 'ROLE'
      ? roleType(role ?? '', s.tokens, roleIndex(s.tokens, role, subj, obj), obj.from)
      : rule.type;
  const relation: Relation = {
    type,
    subject: subj.entity.id,
    object: obj.entity.id,
    confidence: Number(
      (ruleConfidence(rule.id, rule.confidence) * (derived ? DERIVED_CONFIDENCE : 1)).toFixed(2),
    ),
    rule: derived ? `${rule.id}+${rule.chain ? 'chain' : 'coordination'}` : rule.id,
    evidence: {
      text: text.slice(s.start, s.end),
      start: s.start,
      end: s.end,
      subject: { start: subj.start, end: subj.end },
      object: { start: obj.start, end: obj.end },
    },
  };
  const roleWord = role?.split(' ').pop();
  if (
    roleWord &&
    (MEMBER_ROLES.has(roleWord) || LEADER_ROLES.has(roleWord) || TEAM_ROLES.has(roleWord)) &&
    (type === 'DIRECTS' || type === 'WORKS_FOR' || type === 'FOUNDED')
  )
    relation.role = roleWord;
  const finalLabel = label ? originalCase(relation.evidence.text, label) : rule.label;
  if (finalLabel && type === 'PARTNERS_WITH') relation.label = finalLabel;
  return relation;
}

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
        : ['and', 'and the', ', and', ', the', ','].includes(between.join(' '));
    if (!ok || next.entity.type !== prev.entity.type) break;
    out.push(next);
    prev = next;
  }
  return out;
}

function materialise(res: Resolution, used: Set<string>, pendingArgs: Arg[]): void {
  for (const arg of pendingArgs) {
    const e = arg.entity as Entity & { pending?: boolean };
    if (!e.pending || !used.has(e.id)) continue;
    if (!e.mentions.some((m) => m.start === arg.start)) {
      e.mentions.push({ start: arg.start, end: arg.end, text: '', rule: 'demonym' });
    }
  }
  res.entities.splice(
    0,
    res.entities.length,
    ...res.entities.filter((e) => {
      const p = e as Entity & { pending?: boolean };
      if (!p.pending) return true;
      delete p.pending;
      return used.has(e.id);
    }),
  );
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

/** "the Chinese Government … China": an organisation named by a nationality is based in that country. */
function demonymOrgs(s: Sentence, text: string, units: SentenceUnits): Relation[] {
  const out: Relation[] = [];
  for (const org of units.args) {
    if (org.entity.type !== 'Organization' || org.nationality) continue;
    const country = DEMONYMS.get(s.tokens[org.from]!.lower);
    if (!country) continue;
    for (const place of units.args) {
      if (place.entity.type === 'Place' && !place.nationality && place.entity.name === country)
        out.push(makeRelation(DEMONYM_ORG_RULE, s, text, org, place)!);
    }
  }
  return out.filter(Boolean);
}

const DEMONYM_ORG_RULE: RelationRule = { id: 'demonym-org', type: 'BASED_IN', pattern: '', confidence: 0.7 };

/** Apply every relation rule to every sentence. */
export function findRelations(
  sentences: Sentence[],
  candidates: MentionCandidate[],
  res: Resolution,
  text: string,
): Relation[] {
  const bySentence = new Map<number, Array<MentionCandidate | ResolvedMention>>();
  const resolved = new Map(res.mentions.map((m) => [`${m.sentence}:${m.from}`, m]));
  for (const c of candidates) {
    const m = resolved.get(`${c.sentence}:${c.from}`) ?? (c.type === 'Nationality' ? c : undefined);
    if (!m) continue;
    if (!bySentence.has(c.sentence)) bySentence.set(c.sentence, []);
    bySentence.get(c.sentence)!.push(m);
  }
  const relations = new Map<string, Relation>();
  const natArgs: Arg[] = [];
  const add = (r: Relation | undefined): void => {
    if (!r) return;
    const key = `${r.type}|${r.subject}|${r.object}|${r.evidence.subject.start}|${r.evidence.object.start}`;
    const had = relations.get(key);
    if (!had || had.confidence < r.confidence) relations.set(key, r);
  };
  sentences.forEach((s, i) => {
    const mentions = bySentence.get(i);
    if (!mentions) return;
    const units = encodeSentence(s, mentions, res);
    natArgs.push(...units.args);
    for (const [rule, re] of COMPILED) {
      for (const match of matchAll(re, units.encoded)) {
        if (match.s === undefined || match.o === undefined) continue;
        const subj = units.args[match.s]!;
        const obj = units.args[match.o]!;
        const objTokens = s.tokens.slice(obj.from, obj.to);
        if (rule.objectIsRegion && !isRegion(objTokens)) continue;
        if (rule.objectIsCountry && !(obj.nationality || isCountry(objTokens))) continue;
        if (rule.objectIsTown && (obj.nationality || isCountry(objTokens))) continue;
        if (rule.subjectIsLocal && (subj.nationality || isRegion(s.tokens.slice(subj.from, subj.to))))
          continue;
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
    for (const r of demonymOrgs(s, text, units)) add(r);
  });
  const out = [...relations.values()];
  const used = new Set(out.flatMap((r) => [r.subject, r.object]));
  for (const a of natArgs)
    for (const m of a.entity.mentions) if (m.text === '') m.text = text.slice(m.start, m.end);
  materialise(res, used, natArgs);
  for (const e of res.entities)
    for (const m of e.mentions) if (m.text === '') m.text = text.slice(m.start, m.end);
  return out;
}

export { ORG_NOUNS };
