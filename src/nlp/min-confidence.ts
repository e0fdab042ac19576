/**
 * One threshold for every consumer: `analyze()` keeps only facts whose confidence is at least the minimum,
 * so `extract`, `explain`, `ingest` and the worker all emit and write the same facts by default.
 */
import type { Document } from '../core/index.js';
import { measuredMinConfidence } from './rules/confidence.js';

/** Used when no measurement has chosen a threshold yet: keep every fact. */
const UNMEASURED_MIN_CONFIDENCE = 0;

/**
 * The default minimum confidence of an emitted fact. Chosen by `npm run eval:nlp -- --write-confidence` from
 * the NewsFacts dev precision/recall curve (thresholds 0.3 … 0.95): the threshold with the best fact F1 among
 * those with precision >= 0.70 on at least 30 facts, or the best F1 overall when none does; stored in
 * `rules/confidence.json` with its precision and recall.
 * @defaultValue the measured value, else 0
 */
export const DEFAULT_MIN_CONFIDENCE: number = measuredMinConfidence()?.value ?? UNMEASURED_MIN_CONFIDENCE;

/** The document without the facts below `min` (entities are kept). */
export function keepConfident<T extends Document>(doc: T, min: number = DEFAULT_MIN_CONFIDENCE): T {
  if (min <= 0) return doc;
  return { ...doc, relations: doc.relations.filter((r) => r.confidence >= min) };
}
