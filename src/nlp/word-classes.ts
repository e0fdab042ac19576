/**
 * Word classes the relation patterns refer to (`~role`, `~kill`, …), computed once per token.
 */
import {
  ADJECTIVE_WORDS,
  KILL_VERBS,
  KILLER_NOUNS,
  KILLING_NOUNS,
  LEADER_ROLES,
  MEMBER_ROLES,
  MEMBERSHIP_ROLES,
  NAME_TITLES,
  ORG_NOUNS,
  RESIDENT_NOUNS,
  TEAM_ROLES,
} from './rules/vocabulary.js';
import type { Token } from './tokens.js';

/** The class suffix of a token: `~role~noun`. */
export function wordClasses(t: Token): string {
  let c = '';
  const w = t.lower;
  if (
    LEADER_ROLES.has(w) ||
    MEMBER_ROLES.has(w) ||
    MEMBERSHIP_ROLES.has(w) ||
    NAME_TITLES.has(w) ||
    TEAM_ROLES.has(w)
  )
    c += '~role';
  if (LEADER_ROLES.has(w)) c += '~lead';
  if (KILL_VERBS.has(w)) c += '~kill';
  if (KILLING_NOUNS.has(w)) c += '~killing';
  if (KILLER_NOUNS.has(w)) c += '~killer';
  if (ORG_NOUNS.has(w)) c += '~orgnoun';
  if (RESIDENT_NOUNS.has(w)) c += '~resident';
  if (t.tags.has('Adjective') || ADJECTIVE_WORDS.has(w)) c += '~adj';
  if (t.tags.has('Noun')) c += '~noun';
  if (t.tags.has('Verb')) c += '~verb';
  if (t.tags.has('Value') || t.tags.has('Cardinal') || /^\d/.test(w)) c += '~num';
  return c;
}
