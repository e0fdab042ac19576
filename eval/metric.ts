/**
 * The article-extraction benchmark metric (Zyte's article-extraction-benchmark), shared by every eval:
 * words -> 4-word shingles (multiset) -> per-page precision/recall -> means over pages -> F1 of the means.
 */

/** A word: a maximal run of Unicode letters, numbers and underscore (combining marks separate words). */
const WORD_RE = /[\p{L}\p{N}_]+/gu;

/** Shingle width of the benchmark. */
export const SHINGLE_SIZE = 4;

/** The words of a text, case kept. */
export function toWords(text: string): string[] {
  return text.match(WORD_RE) ?? [];
}

/** Multiset of word shingles: n >= 4 words give n - 3 shingles; 1-3 words give one short shingle. */
export function toShingles(text: string): Map<string, number> {
  const words = toWords(text);
  const out = new Map<string, number>();
  if (words.length === 0) return out;
  const add = (k: string): void => {
    out.set(k, (out.get(k) ?? 0) + 1);
  };
  if (words.length < SHINGLE_SIZE) add(words.join('\u0001'));
  else
    for (let i = 0; i + SHINGLE_SIZE <= words.length; i++)
      add(words.slice(i, i + SHINGLE_SIZE).join('\u0001'));
  return out;
}

/** One page's comparison. `precision` is null when the prediction has no shingle, `recall` when gold has none. */
export interface PageScore {
  tp: number;
  fp: number;
  fn: number;
  precision: number | null;
  recall: number | null;
  /** The predicted word list equals the gold word list. */
  exact: boolean;
}

/** Compare a predicted text with the gold text. */
export function scorePage(predicted: string, gold: string): PageScore {
  const p = toShingles(predicted);
  const g = toShingles(gold);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const [k, n] of p) {
    const m = g.get(k) ?? 0;
    tp += Math.min(n, m);
    fp += Math.max(0, n - m);
  }
  for (const [k, m] of g) fn += Math.max(0, m - (p.get(k) ?? 0));
  const total = tp + fp + fn;
  // Normalising by the sum makes each page weigh the same whatever its length.
  const [ntp, nfp, nfn] = total > 0 ? [tp / total, fp / total, fn / total] : [0, 0, 0];
  const pw = toWords(predicted);
  const gw = toWords(gold);
  return {
    tp: ntp,
    fp: nfp,
    fn: nfn,
    precision: p.size > 0 ? ntp / (ntp + nfp) : null,
    recall: g.size > 0 ? ntp / (ntp + nfn) : null,
    exact: pw.length === gw.length && pw.every((w, i) => w === gw[i]),
  };
}

/** Scores over a set of pages. */
export interface Summary {
  pages: number;
  precision: number;
  recall: number;
  /** Harmonic mean of the mean precision and the mean recall (not a mean of page F1s). */
  f1: number;
  accuracy: number;
}

function mean(xs: number[]): number {
  return xs.length > 0 ? xs.reduce((a, b) => a + b, 0) / xs.length : 0;
}

/** Aggregate page scores the benchmark's way. */
export function summarize(scores: readonly PageScore[]): Summary {
  const precision = mean(scores.flatMap((s) => (s.precision === null ? [] : [s.precision])));
  const recall = mean(scores.flatMap((s) => (s.recall === null ? [] : [s.recall])));
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return {
    pages: scores.length,
    precision,
    recall,
    f1,
    accuracy: mean(scores.map((s) => (s.exact ? 1 : 0))),
  };
}
