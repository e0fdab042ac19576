/**
 * The shapes the explorer returns (JSON API and pages), and the pure functions that build them from rows.
 */
import { TOP_EVIDENCE } from '../graph/fact-tally.js';
import type { QueryRow } from '../graph/index.js';
import type { Page } from './page.js';

/** Sentences shown under each fact on the entity page (those the sink keeps on the fact); the rest are one request away. */
export const EVIDENCE_PER_FACT = TOP_EVIDENCE;

export interface EntityRef {
  key: string;
  name: string;
  type: string;
}

export interface ArticleRef {
  id: string;
  title: string;
  url: string | null;
  /** The site name, else the URL's host, else null. */
  publisher: string | null;
  /** Published, else extracted (ISO 8601). */
  date: string | null;
}

/** A sentence stating a fact; `subject`/`object` are offsets into `sentence`. */
export interface EvidenceView {
  id: string;
  sentence: string;
  subject: { start: number; end: number };
  object: { start: number; end: number };
  rule: string;
  confidence: number;
  role: string | null;
  label: string | null;
  article: ArticleRef;
}

export interface FactView {
  factKey: string;
  relation: string;
  /** `out`: the entity is the subject; `in`: the object. */
  direction: 'out' | 'in';
  subject: EntityRef;
  object: EntityRef;
  role: string | null;
  label: string | null;
  confidence: number;
  /** Articles that state it. */
  articles: number;
  /** Distinct publishers among them (articles with no known publisher are not counted). */
  publishers: string[];
  firstSeen: string | null;
  lastSeen: string | null;
  /** The best {@link EVIDENCE_PER_FACT} sentences. */
  evidence: EvidenceView[];
  evidenceTotal: number;
}

/** An entity's facts of one type in one direction, best-supported first: how many, and one page of them. */
export interface RelationGroup {
  relation: string;
  /** `out`: the entity is the subject; `in`: the object. */
  direction: 'out' | 'in';
  /** How many facts the group holds. */
  total: number;
  facts: Page<FactView>;
}

export interface EntityView extends EntityRef {
  aliases: string[];
  articles: number;
  /** Other forms that resolved to this entity, with how many articles use each. */
  shortForms: Array<{ form: string; articles: number }>;
  /** Every relation group of its facts, by relation then direction (`in` first), each with its first facts. */
  groups: RelationGroup[];
}

export interface MentionView extends EntityRef {
  count: number;
  forms: string[];
}

export interface ArticleFact extends EvidenceView {
  relation: string;
  subjectEntity: EntityRef;
  objectEntity: EntityRef;
}

export interface ArticleView {
  id: string;
  title: string;
  url: string | null;
  siteName: string | null;
  byline: string | null;
  publishedAt: string | null;
  language: string | null;
  extractedAt: string;
  mentions: Page<MentionView>;
  facts: Page<ArticleFact>;
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const num = (v: unknown): number => (typeof v === 'number' ? v : Number(v ?? 0));
const orNull = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

function hostOf(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).host || null;
  } catch {
    return null;
  }
}

export function toArticleRef(r: QueryRow): ArticleRef {
  const url = orNull(r.url);
  return {
    id: str(r.articleId),
    title: str(r.title),
    url,
    publisher: orNull(r.siteName) ?? hostOf(url),
    date: orNull(r.publishedAt) ?? orNull(r.extractedAt),
  };
}

/** An evidence row (see `EVIDENCE_FIELDS`) with offsets made relative to its sentence. */
export function toEvidence(r: QueryRow): EvidenceView {
  const base = num(r.sentenceStart);
  return {
    id: str(r.id),
    sentence: str(r.sentence),
    subject: { start: num(r.subjectStart) - base, end: num(r.subjectEnd) - base },
    object: { start: num(r.objectStart) - base, end: num(r.objectEnd) - base },
    rule: str(r.rule),
    confidence: num(r.confidence),
    role: orNull(r.role),
    label: orNull(r.label),
    article: toArticleRef(r),
  };
}

export function toArticleFact(r: QueryRow): ArticleFact {
  return {
    ...toEvidence(r),
    relation: str(r.relation),
    subjectEntity: {
      key: str(r.subjectKey),
      name: str(r.subjectName),
      type: str(r.subjectKey).split(':')[0]!,
    },
    objectEntity: { key: str(r.objectKey), name: str(r.objectName), type: str(r.objectKey).split(':')[0]! },
  };
}

const strs = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : []);

/**
 * Fact rows of `self` (see `factsText`: with the sink's tallies) joined with their best sentences
 * (`EVIDENCE_BY_ID` rows), in the fact's `topEvidence` order.
 */
export function factViews(self: EntityRef, facts: QueryRow[], evidence: QueryRow[]): FactView[] {
  const byId = new Map(evidence.map((r) => [str(r.id), toEvidence(r)]));
  return facts.map((f) => {
    const other: EntityRef = { key: str(f.otherKey), name: str(f.otherName), type: str(f.otherType) };
    const best = strs(f.topEvidence)
      .slice(0, EVIDENCE_PER_FACT)
      .flatMap((id) => (byId.has(id) ? [byId.get(id)!] : []));
    return {
      factKey: str(f.factKey),
      relation: str(f.relation),
      direction: f.dir === 'in' ? 'in' : 'out',
      subject: f.dir === 'in' ? other : self,
      object: f.dir === 'in' ? self : other,
      role: orNull(f.role),
      label: orNull(f.label),
      confidence: num(f.confidence),
      articles: num(f.articles),
      // '' counts the articles without a known publisher (src/graph/fact-tally.ts).
      publishers: strs(f.publishers).filter((p) => p !== ''),
      firstSeen: orNull(f.firstSeen),
      lastSeen: orNull(f.lastSeen),
      evidence: best,
      evidenceTotal: num(f.evidence),
    };
  });
}
