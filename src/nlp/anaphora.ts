/**
 * Anaphora: "the group", "the company" stands for the nearest preceding organisation it can name. Used by
 * the encoding stage; reads the resolution, never changes it.
 */
import type { Entity } from '../core/index.js';
import type { Resolution } from './aliases.js';
import { ORG_ANAPHORS } from './rules/vocabulary.js';
import type { Token } from './tokens.js';

/** How far back (UTF-16 units) "the group" may look for its organisation. */
const ANAPHOR_REACH = 800;

/**
 * The organisation "the <noun>" at offset `at` stands for: the nearest preceding one whose name ends in the
 * noun ("the bank" → "Orvel Bank"), else the only organisation named within reach.
 */
export function organisationBefore(res: Resolution, at: number, noun: string): Entity | undefined {
  const seen = new Set<number>();
  for (let k = res.mentions.length - 1; k >= 0; k--) {
    const m = res.mentions[k]!;
    if (m.start >= at || at - m.end > ANAPHOR_REACH) continue;
    const e = res.entities[m.entity]!;
    if (e.type !== 'Organization') continue;
    if (e.name.toLowerCase().endsWith(noun)) return e;
    seen.add(m.entity);
  }
  return seen.size === 1 ? res.entities[[...seen][0]!] : undefined;
}

/** "the group" / "the company": the nearest preceding organisation it can name, when only one fits. */
export function anaphorAt(tokens: Token[], i: number, res: Resolution): Entity | undefined {
  const the = tokens[i]!;
  const noun = tokens[i + 1];
  if (the.lower !== 'the' || !noun || noun.isCap || !ORG_ANAPHORS.has(noun.lower) || tokens[i + 2]?.isCap)
    return undefined;
  return organisationBefore(res, the.start, noun.lower);
}
