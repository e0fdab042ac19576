/**
 * The `eval:nlp --gate` floors: compare the dev figures with those pinned in fixtures/baseline.json, and
 * re-pin them (`--update`: raise only; `--allow-regression` also lowers). Pure: figures in, verdicts out.
 */

/** Gated figures of one data set, with the hash of the data they were measured on. */
export interface PinnedSet {
  sha256: string;
  floors: Record<string, number>;
}

/** The `nlp` section of fixtures/baseline.json. */
export interface NlpBaseline {
  note: string;
  /** How far below the measured figure a floor is pinned. */
  margin: number;
  sets: Record<string, PinnedSet>;
}

/** What one data set measured now. */
export interface MeasuredSet {
  sha256: string;
  figures: Record<string, number>;
}

/** How far below a measured figure `--update` pins its floor (run-to-run noise is nil; rules change). */
export const DEFAULT_MARGIN = 0.01;

const fmt = (x: number): string => x.toFixed(3);

/** Every figure below its floor, and every data set whose data changed since pinning ("set.figure ..."). */
export function gateFailures(
  baseline: NlpBaseline | undefined,
  measured: Record<string, MeasuredSet>,
): string[] {
  if (!baseline)
    return ['no nlp floors in fixtures/baseline.json: pin them with `npm run eval:nlp -- --update`'];
  const out: string[] = [];
  for (const [set, pinned] of Object.entries(baseline.sets)) {
    const now = measured[set];
    if (!now) {
      out.push(`${set}: not measured`);
      continue;
    }
    if (now.sha256 !== pinned.sha256) {
      out.push(`${set}: data changed since the floors were pinned (re-pin with --update)`);
      continue;
    }
    for (const [figure, floor] of Object.entries(pinned.floors)) {
      const value = now.figures[figure];
      if (value === undefined) out.push(`${set} ${figure}: not measured`);
      else if (value < floor) out.push(`${set} ${figure} ${fmt(value)} < floor ${floor}`);
    }
  }
  return out;
}

/** A floor `margin` below `value`, rounded down to 3 decimals. */
export function floorFor(value: number, margin: number): number {
  return Math.max(0, Math.floor((value - margin) * 1000 + 1e-9) / 1000);
}

/** The outcome of `--update`: the new baseline, what changed, and what it refused to lower. */
export interface Repin {
  baseline: NlpBaseline;
  changes: string[];
  refused: string[];
}

/**
 * Re-pin floors at `margin` below the measured figures. A floor only goes up, unless `allowRegression`;
 * a data set whose data changed is pinned afresh (its old floors measured something else).
 */
export function repin(
  baseline: NlpBaseline | undefined,
  measured: Record<string, MeasuredSet>,
  options: { allowRegression: boolean; note: string; margin?: number },
): Repin {
  const margin = baseline?.margin ?? options.margin ?? DEFAULT_MARGIN;
  const sets: Record<string, PinnedSet> = {};
  const changes: string[] = [];
  const refused: string[] = [];
  for (const [set, now] of Object.entries(measured)) {
    const old = baseline?.sets[set];
    const fresh = !old || old.sha256 !== now.sha256;
    if (old && fresh) changes.push(`${set}: data changed, floors pinned afresh`);
    const floors: Record<string, number> = {};
    for (const [figure, value] of Object.entries(now.figures)) {
      const proposed = floorFor(value, margin);
      const had = fresh ? undefined : old.floors[figure];
      if (had === undefined || proposed === had) floors[figure] = proposed;
      else if (proposed > had) {
        floors[figure] = proposed;
        changes.push(`${set} ${figure}: ${had} -> ${proposed}`);
      } else if (options.allowRegression) {
        floors[figure] = proposed;
        changes.push(`${set} ${figure}: ${had} -> ${proposed} (lowered, --allow-regression)`);
      } else if (value < had) {
        floors[figure] = had;
        refused.push(
          `${set} ${figure} ${fmt(value)} is below its floor ${had}: lowering needs --allow-regression`,
        );
      } else floors[figure] = had; // still above the floor, within the margin: keep it
      if (had === undefined && !fresh) changes.push(`${set} ${figure}: pinned at ${proposed}`);
    }
    if (!old) changes.push(`${set}: pinned ${Object.keys(floors).join(', ')}`);
    sets[set] = { sha256: now.sha256, floors };
  }
  return { baseline: { note: options.note, margin, sets }, changes, refused };
}
