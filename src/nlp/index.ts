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
import { findValues, referenceDay } from './values.js';

export interface AnalyzeOptions {
  /** The article title, when the text starts with it (used to avoid headline junk). */
  title?: string;
  /**
   * Facts below this confidence are left out (0 keeps all).
   * @defaultValue {@link DEFAULT_MIN_CONFIDENCE}
   */
  minConfidence?: number;
  /** When the article was published (ISO 8601): anchors relative dates ("on Monday"); without it they are dropped. */
  publishedAt?: string | null;
}

/** Find the entities and relations in `text`. Offsets are UTF-16 indexes into `text`. */
export function analyze(text: string, options: AnalyzeOptions = {}): Document {
  if (text.trim().length === 0) return { entities: [], relations: [], values: [] };
  const sentences = tokenize(text);
  const candidates = findMentions(sentences, text);
  const resolution = resolveEntities(candidates);
  const relations = findRelations(sentences, candidates, resolution, text);
  const values = findValues(sentences, text, referenceDay(options.publishedAt));
  return keepConfident(
    { entities: resolution.entities, relations, values },
    options.minConfidence ?? DEFAULT_MIN_CONFIDENCE,
  );
}

export { DEFAULT_MIN_CONFIDENCE, keepConfident } from './min-confidence.js';
export { ENTITY_RULES } from './rules/entity-rules.js';
export { RELATION_RULES } from './rules/relation-rules.js';
