/**
 * Rule-based NLP: pure `analyze(text) -> Document` (entities with mentions, relations with evidence).
 * One compromise parse per text; every later step works on its tokens.
 */
import type { Document } from '../core/index.js';
import { resolveEntities } from './aliases.js';
import { findMentions } from './entities.js';
import { DEFAULT_MIN_CONFIDENCE, keepConfident } from './min-confidence.js';
import { findRelations } from './relations.js';
import { tokenize } from './tokens.js';

export interface AnalyzeOptions {
  /** The article title, when the text starts with it (used to avoid headline junk). */
  title?: string;
  /**
   * Facts below this confidence are left out (0 keeps all).
   * @defaultValue {@link DEFAULT_MIN_CONFIDENCE}
   */
  minConfidence?: number;
}

/** Find the entities and relations in `text`. Offsets are UTF-16 indexes into `text`. */
export function analyze(text: string, options: AnalyzeOptions = {}): Document {
  if (text.trim().length === 0) return { entities: [], relations: [] };
  const sentences = tokenize(text);
  const candidates = findMentions(sentences, text);
  const resolution = resolveEntities(candidates);
  const relations = findRelations(sentences, candidates, resolution, text);
  return keepConfident(
    { entities: resolution.entities, relations },
    options.minConfidence ?? DEFAULT_MIN_CONFIDENCE,
  );
}

export { DEFAULT_MIN_CONFIDENCE, keepConfident } from './min-confidence.js';
export { ENTITY_RULES } from './rules/entity-rules.js';
export { RELATION_RULES } from './rules/relation-rules.js';
