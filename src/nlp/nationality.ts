/**
 * Nationalities as countries: "Swedish" in "a Swedish company" stands for Sweden. While sentences are
 * encoded, a nationality is given its country's entity (the resolution's own, else a new one); after the
 * relations are found, the new countries some fact uses join the document in a stage of their own.
 */
import { type Entity, entityId, entityKey, type Mention, type Relation } from '../core/index.js';
import type { Resolution } from './aliases.js';
import type { EncodedText } from './encode.js';
import type { MentionCandidate } from './entities.js';
import { DEMONYMS } from './rules/vocabulary.js';

/** The countries nationalities stand for, found or made during one encoding. */
export interface NationalityEntities {
  /** The entity a nationality mention stands for ("Swedish" → Sweden), made on first use. */
  entityFor(m: MentionCandidate): Entity | undefined;
  /** The entities made for nationalities (not in the resolution), in the order they were first needed. */
  made: Entity[];
}

/** Country entities for the nationalities of one text; the resolution is read, never changed. */
export function nationalityEntities(res: Resolution): NationalityEntities {
  const own = new Map<string, Entity>();
  for (const e of res.entities) if (!own.has(e.key)) own.set(e.key, e);
  const byKey = new Map<string, Entity>();
  const made: Entity[] = [];
  return {
    made,
    entityFor(m) {
      const country = DEMONYMS.get(m.text.toLowerCase());
      if (!country) return undefined;
      const key = entityKey('Place', country);
      const existing = own.get(key) ?? byKey.get(key);
      if (existing) return existing;
      const entity: Entity = {
        id: entityId(key),
        key,
        type: 'Place',
        name: country,
        aliases: [],
        mentions: [],
      };
      byKey.set(key, entity);
      made.push(entity);
      return entity;
    },
  };
}

/**
 * Stage: a new resolution with the countries made for nationalities that some relation uses, each with a
 * `demonym` mention for every nationality word that stood for it. Countries no fact uses are left out.
 */
export function addNationalities(
  res: Resolution,
  encoded: EncodedText,
  relations: Relation[],
  text: string,
): Resolution {
  const used = new Set(relations.flatMap((r) => [r.subject, r.object]));
  const kept = encoded.nationalities.filter((e) => used.has(e.id));
  if (kept.length === 0) return res;
  const mentions = new Map<Entity, Mention[]>(kept.map((e) => [e, []]));
  for (const units of encoded.units) {
    for (const arg of units?.args ?? []) {
      const list = mentions.get(arg.entity);
      if (!list || list.some((m) => m.start === arg.start)) continue;
      list.push({ start: arg.start, end: arg.end, text: text.slice(arg.start, arg.end), rule: 'demonym' });
    }
  }
  return {
    entities: [...res.entities, ...kept.map((e) => ({ ...e, mentions: mentions.get(e)! }))],
    mentions: res.mentions,
  };
}
