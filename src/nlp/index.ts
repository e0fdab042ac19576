/**
 * Rule-based NLP: pure `analyze(text) -> Document` (entities with mentions, relations with evidence).
 */
import type { Document } from '../core/index.js';

export interface AnalyzeOptions {
  /** The article title, when the text starts with it (used to avoid headline junk). */
  title?: string;
}

/** Find the entities and relations in `text`. Offsets are UTF-16 indexes into `text`. */
export function analyze(_text: string, _options: AnalyzeOptions = {}): Document {
  return { entities: [], relations: [] };
}
