/**
 * Demonym organisations: "the Chinese Government … China": an organisation named by a nationality is based
 * in that country when the sentence names it.
 */
import type { Relation } from '../core/index.js';
import type { EncodedText } from './encode.js';
import { makeRelation } from './fact.js';
import type { RelationRule } from './rules/relation-rules.js';
import { DEMONYMS } from './rules/vocabulary.js';
import type { Sentence } from './tokens.js';

const DEMONYM_ORG_RULE: RelationRule = { id: 'demonym-org', type: 'BASED_IN', pattern: '', confidence: 0.7 };

/** Stage: BASED_IN for every organisation whose first word is the nationality of a place in its sentence. */
export function findDemonymOrgs(sentences: Sentence[], encoded: EncodedText, text: string): Relation[] {
  const out: Relation[] = [];
  sentences.forEach((s, i) => {
    const units = encoded.units[i];
    if (!units) return;
    for (const org of units.args) {
      if (org.entity.type !== 'Organization' || org.nationality) continue;
      const country = DEMONYMS.get(s.tokens[org.from]!.lower);
      if (!country) continue;
      for (const place of units.args) {
        if (place.entity.type === 'Place' && !place.nationality && place.entity.name === country) {
          const r = makeRelation(DEMONYM_ORG_RULE, s, text, org, place);
          if (r) out.push(r);
        }
      }
    }
  });
  return out;
}
