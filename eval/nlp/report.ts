/** Text tables of the NLP eval: figures, the curve, and precision per rule with the worst rules first. */
import type { RuleCount } from './confidence.js';

export const fmt = (x: number): string => x.toFixed(3);
const pct = (c: RuleCount): string => (c.fires > 0 ? fmt(c.correct / c.fires) : '  -  ');

/** A rule's precision where it fired at least `minFires` times. */
export interface RankedRule {
  id: string;
  count: RuleCount;
  precision: number;
}

/** Rules with at least `minFires` firings, lowest precision first (then most firings, then id). */
export function worstRules(counts: ReadonlyMap<string, RuleCount>, minFires: number): RankedRule[] {
  return [...counts]
    .filter(([, c]) => c.fires >= minFires)
    .map(([id, count]) => ({ id, count, precision: count.correct / count.fires }))
    .sort((a, b) => a.precision - b.precision || b.count.fires - a.count.fires || a.id.localeCompare(b.id));
}

/** Rows `id  fires  correct  P` for two data sets side by side, sorted by the first set's precision. */
export function ruleTable(
  title: string,
  unit: string,
  left: { name: string; counts: ReadonlyMap<string, RuleCount> },
  right: { name: string; counts: ReadonlyMap<string, RuleCount> },
  extra?: (id: string) => string,
): string {
  const ids = [...new Set([...left.counts.keys(), ...right.counts.keys()])];
  const zero = { fires: 0, correct: 0 };
  const p = (c: RuleCount | undefined): number => (c && c.fires > 0 ? c.correct / c.fires : 2);
  ids.sort((a, b) => p(left.counts.get(a)) - p(left.counts.get(b)) || a.localeCompare(b));
  const width = Math.max(28, ...ids.map((id) => id.length + 1));
  const head = `${'rule'.padEnd(width)} ${left.name.padStart(22)}   ${right.name.padStart(22)}`;
  const sub = `${''.padEnd(width)} ${`${unit} right   P`.padStart(22)}   ${`${unit} right   P`.padStart(22)}`;
  const cell = (c: RuleCount): string =>
    `${String(c.fires).padStart(unit.length)} ${String(c.correct).padStart(5)} ${pct(c)}`.padStart(22);
  const rows = ids.map(
    (id) =>
      `${id.padEnd(width)} ${cell(left.counts.get(id) ?? zero)}   ${cell(right.counts.get(id) ?? zero)}${extra ? `  ${extra(id)}` : ''}`,
  );
  return [title, head, sub, ...rows].join('\n');
}
