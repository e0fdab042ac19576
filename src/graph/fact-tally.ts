/**
 * Pure: the per-fact tallies the explorer's entity page reads instead of every sentence of every
 * article (issue 12): which publishers state a fact and in how many articles each, the first and last
 * date it was seen (with how many articles share each of those dates), and its few best sentences.
 * Kept on the fact relationship by the sink at write time, like the entity name tallies (plan.ts):
 * counts, so taking one article's contribution out is exact; only when an extreme (a first/last date,
 * a top sentence) goes and no known value can replace it must the other articles' evidence be read.
 *
 * Rows are type-stable (plan.ts): lists are never empty (an article without a known publisher counts
 * under `''`, which readers skip), confidences are integer millionths.
 */
import type { ArticleRecord } from './types.js';

/** Sentences kept per fact, best first (the entity page shows them; the rest are a page request away). */
export const TOP_EVIDENCE = 3;

/** Where and when an article appeared: its publisher (`''` when unknown) and its date. */
export interface ArticleSource {
  publisher: string;
  date: string;
}

/** The tally stored on a fact relationship (see the module comment). */
export interface FactTally {
  publishers: string[];
  publisherArticles: number[];
  firstSeen: string;
  firstSeenArticles: number;
  lastSeen: string;
  lastSeenArticles: number;
  /** Ids of the best {@link TOP_EVIDENCE} sentences, best first, and their confidences (millionths). */
  topEvidence: string[];
  topConfidence: number[];
}

export interface RankedEvidence {
  id: string;
  confidenceMicro: number;
}

/** Most confident first, ties by id: the order of `bestEvidence` (plan.ts `deriveFact`). */
const better = (a: RankedEvidence, b: RankedEvidence): number =>
  b.confidenceMicro - a.confidenceMicro || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

function hostOf(url: string | null | undefined): string {
  if (!url) return '';
  try {
    return new URL(url).host;
  } catch {
    return '';
  }
}

/** An article's publisher (site name, else its URL's host, else `''`) and date (published, else extracted). */
export function sourceOf(
  a:
    | Pick<ArticleRecord, 'siteName' | 'url' | 'canonicalUrl' | 'publishedAt' | 'extractedAt'>
    | Record<string, unknown>,
): ArticleSource {
  const text = (v: unknown): string => (typeof v === 'string' ? v : '');
  return {
    publisher: text(a.siteName) || hostOf(text(a.url)) || hostOf(text(a.canonicalUrl)),
    date: text(a.publishedAt) || text(a.extractedAt),
  };
}

/** The tally of a fact from all its evidence and the sources of its articles, from scratch. */
export function tallyFact(
  evidence: ReadonlyArray<RankedEvidence & { articleId: string }>,
  sources: ReadonlyMap<string, ArticleSource>,
): FactTally | null {
  if (evidence.length === 0) return null;
  const articles = [...new Set(evidence.map((e) => e.articleId))].map(
    (id) => sources.get(id) ?? { publisher: '', date: '' },
  );
  const publishers = new Map<string, number>();
  for (const s of articles) publishers.set(s.publisher, (publishers.get(s.publisher) ?? 0) + 1);
  const dates = articles.map((s) => s.date).sort();
  const first = dates[0]!;
  const last = dates[dates.length - 1]!;
  const names = [...publishers.keys()].sort();
  const top = [...evidence].sort(better).slice(0, TOP_EVIDENCE);
  return {
    publishers: names,
    publisherArticles: names.map((p) => publishers.get(p)!),
    firstSeen: first,
    firstSeenArticles: dates.filter((d) => d === first).length,
    lastSeen: last,
    lastSeenArticles: dates.filter((d) => d === last).length,
    topEvidence: top.map((e) => e.id),
    topConfidence: top.map((e) => e.confidenceMicro),
  };
}

/**
 * One end of the date range after an article's old date left and its new one came (either may be
 * absent). `earlier(a, b)`: a lies beyond b on this end. Undefined: the stored extreme is gone and the
 * other articles' dates must be read. `othersLeft`: articles other than this one still stating the fact.
 */
function updateExtreme(
  stored: [date: string, articles: number] | null,
  removed: string | undefined,
  added: string | undefined,
  othersLeft: number,
  beyond: (a: string, b: string) => boolean,
): [string, number] | undefined {
  let [date, n] = stored ?? ['', 0];
  if (removed !== undefined && stored && removed === date) n -= 1;
  if (n <= 0) {
    if (othersLeft > 0) {
      // Every other article lies strictly inside the old extreme; a new date at or beyond it is the extreme.
      if (added !== undefined && stored && (added === date || beyond(added, date))) return [added, 1];
      return undefined;
    }
    return added === undefined ? undefined : [added, 1];
  }
  if (added === undefined) return [date, n];
  if (added === date) return [date, n + 1];
  return beyond(added, date) ? [added, 1] : [date, n];
}

/**
 * A fact's tally after one article replaced its contribution, without reading other articles. `removed`:
 * the article's old source and old sentences of this fact (absent when it did not state it);
 * `added`: its new ones. `articles`/`evidence`: the fact's counts afterwards (`updateFact` in plan.ts).
 * Null when nothing states the fact any more; undefined when an extreme went and the caller must read
 * the other articles' evidence and use {@link tallyFact}.
 */
export function updateTally(
  current: FactTally | null,
  removed: { source: ArticleSource; evidence: readonly { id: string }[] } | undefined,
  added: { source: ArticleSource; evidence: readonly RankedEvidence[] } | undefined,
  counts: { articles: number; evidence: number },
): FactTally | null | undefined {
  if (counts.evidence <= 0) return null;
  const removedEvidence = removed?.evidence ?? [];
  const addedEvidence = added?.evidence ?? [];
  const othersLeft = counts.articles - (addedEvidence.length > 0 ? 1 : 0);
  const wasThere = removed !== undefined && removedEvidence.length > 0;
  const isThere = added !== undefined && addedEvidence.length > 0;

  const publishers = new Map<string, number>();
  for (const [i, p] of (current?.publishers ?? []).entries())
    publishers.set(p, current!.publisherArticles[i] ?? 0);
  if (wasThere) publishers.set(removed.source.publisher, (publishers.get(removed.source.publisher) ?? 0) - 1);
  if (isThere) publishers.set(added.source.publisher, (publishers.get(added.source.publisher) ?? 0) + 1);
  const names = [...publishers.keys()].filter((p) => publishers.get(p)! > 0).sort();

  const first = updateExtreme(
    current && [current.firstSeen, current.firstSeenArticles],
    wasThere ? removed.source.date : undefined,
    isThere ? added.source.date : undefined,
    othersLeft,
    (a, b) => a < b,
  );
  const last = updateExtreme(
    current && [current.lastSeen, current.lastSeenArticles],
    wasThere ? removed.source.date : undefined,
    isThere ? added.source.date : undefined,
    othersLeft,
    (a, b) => a > b,
  );
  const top = updateTop(current, removedEvidence, addedEvidence, counts.evidence);
  if (!first || !last || !top) return undefined;
  return {
    publishers: names,
    publisherArticles: names.map((p) => publishers.get(p)!),
    firstSeen: first[0],
    firstSeenArticles: first[1],
    lastSeen: last[0],
    lastSeenArticles: last[1],
    topEvidence: top.map((e) => e.id),
    topConfidence: top.map((e) => e.confidenceMicro),
  };
}

/**
 * The best sentences after the change, or undefined when one of the stored best went and what is
 * known (the stored ones left, the new ones) cannot tell what replaces it: every sentence not stored
 * ranks below the last stored one, so only a sentence ranking at or above that one is known to beat them.
 */
function updateTop(
  current: FactTally | null,
  removed: readonly { id: string }[],
  added: readonly RankedEvidence[],
  evidenceAfter: number,
): RankedEvidence[] | undefined {
  const stored: RankedEvidence[] = (current?.topEvidence ?? []).map((id, i) => ({
    id,
    confidenceMicro: current!.topConfidence[i] ?? 0,
  }));
  const gone = new Set(removed.map((e) => e.id));
  const kept = new Map(stored.filter((e) => !gone.has(e.id)).map((e) => [e.id, e]));
  const candidates = new Map(kept);
  for (const e of added) candidates.set(e.id, e);
  const sorted = [...candidates.values()].sort(better);
  const unknown = evidenceAfter - sorted.length;
  if (unknown <= 0) return sorted.slice(0, TOP_EVIDENCE);
  const floor = stored[stored.length - 1];
  const out: RankedEvidence[] = [];
  for (const e of sorted) {
    if (out.length === TOP_EVIDENCE) break;
    // The last stored sentence itself (kept, or re-added unchanged) still ranks above every unknown one.
    if (floor !== undefined && better(e, floor) <= 0) out.push(e);
    else break;
  }
  return out.length === TOP_EVIDENCE ? out : undefined;
}
