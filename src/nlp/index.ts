/**
 * Rule-based NLP: pure `analyze(text) -> Document` (entities with mentions, relations with evidence, values).
 * One compromise parse per text; every later stage works on its tokens. A pipeline of small stages, each a
 * function of its inputs that returns new values (none changes what it was given), one file each:
 *
 * 1. `tokens.ts`        tokenize: compromise's terms and the punctuation between them, in sentences.
 * 2. `entities.ts`      findMentions: name chunks (`chunk.ts`) typed by the entity rules (data in
 *                       `rules/entity-rules.ts`, read by the matcher in `rules/conditions.ts`), then made
 *                       consistent across the document.
 * 3. `aliases.ts`       resolveEntities: mentions grouped into entities (surnames, short forms, acronyms).
 * 4. `encode.ts`        encodeSentences: each sentence as units for the patterns; "the company" resolved
 *                       by `anaphora.ts`, nationalities given their country by `nationality.ts`.
 * 5. `relations.ts`     findRelations: the relation rules (`rules/relation-rules.ts`, `pattern.ts`) over
 *                       the units, matches made facts by `fact.ts`;
 *    `demonym-orgs.ts`  findDemonymOrgs: "the Chinese Government … China" as BASED_IN;
 *    `descriptions.ts`  findDescriptions: "the German automaker" (a company named before) as BASED_IN;
 *    `fact.ts`          keepStrongest: one fact per type, arguments and spans.
 * 6. `nationality.ts`   addNationalities: the countries some fact uses join the entities.
 * 7. `values.ts`        findValues: dates and money (`dates.ts`, `money.ts`, `rules/value-rules.ts`).
 * 8. `min-confidence.ts` keepConfident: facts below the minimum confidence are left out.
 *
 * Both kinds of rule are data; every word list the stages and rules use is in `rules/vocabulary.ts`.
 */
import type { Document } from '../core/index.js';
import { resolveEntities } from './aliases.js';
import { findDemonymOrgs } from './demonym-orgs.js';
import { findDescriptions } from './descriptions.js';
import { encodeSentences } from './encode.js';
import { findMentions } from './entities.js';
import { keepStrongest } from './fact.js';
import { DEFAULT_MIN_CONFIDENCE, keepConfident } from './min-confidence.js';
import { addNationalities } from './nationality.js';
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
  const encoded = encodeSentences(sentences, candidates, resolution);
  const stated = findRelations(sentences, encoded, text);
  const relations = keepStrongest(
    stated,
    findDemonymOrgs(sentences, encoded, text),
    findDescriptions(sentences, encoded, resolution, text, stated),
  );
  const { entities } = addNationalities(resolution, encoded, relations, text);
  const values = findValues(sentences, text, referenceDay(options.publishedAt));
  return keepConfident({ entities, relations, values }, options.minConfidence ?? DEFAULT_MIN_CONFIDENCE);
}

export { DEFAULT_MIN_CONFIDENCE, keepConfident } from './min-confidence.js';
export { ENTITY_RULES } from './rules/entity-rules.js';
export { RELATION_RULES } from './rules/relation-rules.js';
