/**
 * Values: the dates and amounts of money a text states, normalised (ISO 8601 dates; amount + ISO 4217
 * currency). They are not entities: they have no aliases, never become graph nodes and are not keyed
 * across articles ("Monday" is a different day in every article). Found on the tokens of the one parse.
 */
import type { Value } from '../core/index.js';
import { findDates } from './dates.js';
import { findMoney } from './money.js';
import type { Sentence } from './tokens.js';

/** Dates and money in `sentences`, in text order. `reference` (`YYYY-MM-DD`) anchors relative dates. */
export function findValues(sentences: Sentence[], text: string, reference?: string): Value[] {
  const values: Value[] = [...findDates(sentences, text, reference), ...findMoney(sentences, text)];
  return values.sort((a, b) => a.start - b.start);
}

export { referenceDay } from './dates.js';
