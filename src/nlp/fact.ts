/**
 * Facts: a rule's match between two arguments becomes a relation with its type (a `ROLE` rule's type comes
 * from the role word), confidence, evidence, role and label; duplicates keep the strongest.
 */
import type { Relation, RelationType } from '../core/index.js';
import type { Arg } from './encode.js';
import { ruleConfidence } from './rules/confidence.js';
import type { RelationRule } from './rules/relation-rules.js';
import {
  FOUNDER_ROLES,
  LEADER_ROLES,
  MEMBER_ROLES,
  MEMBERSHIP_ROLES,
  ROLE_QUALIFIERS,
  SUBORDINATE,
  TEAM_ROLES,
} from './rules/vocabulary.js';
import type { Sentence, Token } from './tokens.js';

/** A chained or coordinated fact is a little less certain than the one it extends. */
const DERIVED_CONFIDENCE = 0.9;
/**
 * A fact whose argument is named elsewhere (a pronoun, "the company") until the eval has measured it: a
 * little less certain than the rule's facts between names.
 */
const RESOLVED_CONFIDENCE = 0.9;
/** Rule-id marks of facts that rest on a pronoun or a description standing for an entity named elsewhere. */
export const PRONOUN_MARK = '+pronoun';
export const ANAPHOR_MARK = '+anaphor';

/**
 * The id a fact's confidence is measured under: the rule's, marked when an argument is a pronoun or "the
 * company" ("name-works-for+pronoun"), so resolved facts are measured apart from those between names.
 */
function measuredId(rule: RelationRule, subj: Arg, obj: Arg): string {
  if (subj.resolved === 'pronoun' || obj.resolved === 'pronoun') return `${rule.id}${PRONOUN_MARK}`;
  if (subj.resolved === 'anaphor' || obj.resolved === 'anaphor') return `${rule.id}${ANAPHOR_MARK}`;
  return rule.id;
}

/**
 * DIRECTS, FOUNDED, MEMBER_OF ("member", "guitarist") or WORKS_FOR from the role word and the words around it in the sentence: a
 * leading role qualified as subordinate ("deputy director") or of a unit ("director for games at Google")
 * is employment, not leadership.
 */
function roleType(role: string, tokens: Token[] = [], at = -1, objectFrom = -1): RelationType {
  const head = role.split(' ').pop()!;
  if (head === 'member' || MEMBERSHIP_ROLES.has(head)) return 'MEMBER_OF';
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
    t.isCap && !LEADER_ROLES.has(t.lower) && !MEMBER_ROLES.has(t.lower) && !ROLE_QUALIFIERS.has(t.lower);
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

/** The relation `rule` states between `subj` and `obj` in sentence `s`; none between an entity and itself. */
export function makeRelation(
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
  const id = measuredId(rule, subj, obj);
  const base = ruleConfidence(rule.id, rule.confidence);
  const measured = id === rule.id ? base : ruleConfidence(id, base * RESOLVED_CONFIDENCE);
  const relation: Relation = {
    type,
    subject: subj.entity.id,
    object: obj.entity.id,
    confidence: Number((measured * (derived ? DERIVED_CONFIDENCE : 1)).toFixed(2)),
    rule: derived ? `${id}+${rule.chain ? 'chain' : 'coordination'}` : id,
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
    (MEMBER_ROLES.has(roleWord) ||
      MEMBERSHIP_ROLES.has(roleWord) ||
      LEADER_ROLES.has(roleWord) ||
      TEAM_ROLES.has(roleWord)) &&
    (type === 'DIRECTS' || type === 'WORKS_FOR' || type === 'FOUNDED' || type === 'MEMBER_OF')
  )
    relation.role = roleWord;
  const finalLabel = label ? originalCase(relation.evidence.text, label) : rule.label;
  if (finalLabel && type === 'PARTNERS_WITH') relation.label = finalLabel;
  return relation;
}

/**
 * Stage: the facts of every finder in sentence order (a stable sort keeps each finder's order within a
 * sentence), one per type, subject, object and argument spans: the most confident, else the first.
 */
export function keepStrongest(...found: Relation[][]): Relation[] {
  const ordered = found.flat().sort((a, b) => a.evidence.start - b.evidence.start);
  const relations = new Map<string, Relation>();
  for (const r of ordered) {
    const key = `${r.type}|${r.subject}|${r.object}|${r.evidence.subject.start}|${r.evidence.object.start}`;
    const had = relations.get(key);
    if (!had || had.confidence < r.confidence) relations.set(key, r);
  }
  return [...relations.values()];
}
