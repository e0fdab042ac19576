/**
 * Human-readable values of a Document, for `newsgraph explain`: per date or amount of money, its words,
 * its normalised value, the rule that found it and where it is in the text.
 */
import type { Value } from '../core/index.js';

function normalised(v: Value): string {
  return v.type === 'Date' ? v.iso : `${v.amount} ${v.currency}`;
}

/** Render the values as one line each, under a `values:` heading ("no values found" when none). */
export function explainValues(values: readonly Value[] = []): string {
  if (values.length === 0) return 'no values found\n';
  const lines = values.map(
    (v) => `  ${v.type} "${v.text}" = ${normalised(v)}  (rule ${v.rule}, ${v.start}-${v.end})`,
  );
  return `values:\n${lines.join('\n')}\n`;
}
