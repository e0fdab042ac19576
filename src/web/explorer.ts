/**
 * What the explorer shows, read from a {@link GraphReader}: search, article, neighbourhood, a fact's
 * sentences (the entity page: entity-page.ts). The pages and the JSON API both call these functions, so
 * they show the same data.
 */
import { InputError, normalizeName, PermanentError } from '../core/index.js';
import type { GraphReader, QueryRow } from '../graph/index.js';
import {
  ARTICLE,
  ARTICLE_FACTS,
  ARTICLE_MENTIONS,
  entityLabelOf,
  entityText,
  FACT_EVIDENCE,
  factsText,
  searchText,
} from './cypher.js';
import { type Page, type PageRequest, pageOf } from './page.js';
import {
  type ArticleView,
  type EntityRef,
  type EvidenceView,
  type MentionView,
  toArticleFact,
  toEvidence,
} from './views.js';

export type {
  ArticleView,
  EntityView,
  EvidenceView,
  FactView,
  MentionView,
  RelationGroup,
} from './views.js';

/** Shortest search text: one letter matches nearly every name. */
export const MIN_QUERY_CHARS = 2;

/** The thing asked for is not in the graph (HTTP 404). */
export class NotFoundError extends PermanentError {}

export interface SearchHit {
  key: string;
  type: string;
  name: string;
  aliases: string[];
  /** How many articles mention it. */
  articles: number;
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const num = (v: unknown): number => (typeof v === 'number' ? v : Number(v ?? 0));
const strs = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : []);

/** Entities whose name or alias contains `q`, most-mentioned first. */
export async function searchEntities(
  reader: GraphReader,
  q: string,
  page: PageRequest,
): Promise<Page<SearchHit>> {
  const needle = normalizeName(q);
  if (needle.length < MIN_QUERY_CHARS)
    throw new InputError('bad-query', `search needs at least ${MIN_QUERY_CHARS} letters or digits`);
  const rows = await reader.query(searchText(reader.kind), {
    q: needle,
    skip: page.offset,
    limit: page.limit + 1,
  });
  return pageOf(
    rows.map((r) => ({
      key: str(r.key),
      type: str(r.type),
      name: str(r.name),
      aliases: strs(r.aliases),
      articles: num(r.articles),
    })),
    page,
  );
}

/** An entity's key, name and type, or NotFoundError. */
export async function getEntityRef(reader: GraphReader, key: string): Promise<EntityRef> {
  const [row] = await reader.query(entityText(entityLabelOf(key)), { key });
  if (!row) throw new NotFoundError('not-found', `no entity ${JSON.stringify(key)}`);
  return { key: str(row.key), name: str(row.name), type: str(row.type) };
}

/** The first `limit` facts of the entity in each direction, best-supported first (see `factsText`). */
async function factsOf(
  reader: GraphReader,
  label: ReturnType<typeof entityLabelOf>,
  key: string,
  limit: number,
): Promise<QueryRow[]> {
  const out = await reader.query(factsText(label, 'out', 'best'), { key, limit });
  const into = await reader.query(factsText(label, 'in', 'best'), { key, limit });
  return [...out, ...into];
}

/** Code-point order, as both stores sort strings. */
const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** All sentences of one fact of the entity, a page at a time, best first. */
export async function getFactEvidence(
  reader: GraphReader,
  key: string,
  factKey: string,
  page: PageRequest,
): Promise<Page<EvidenceView>> {
  entityLabelOf(key);
  const rows = await reader.query(FACT_EVIDENCE, {
    key,
    factKey,
    skip: page.offset,
    limit: page.limit + 1,
  });
  if (rows.length === 0 && page.offset === 0)
    throw new NotFoundError('not-found', `no fact ${factKey} of ${key}`);
  return pageOf(rows.map(toEvidence), page);
}

/** One article: its record, then a page of the entities it mentions and of the facts it states. */
export async function getArticle(reader: GraphReader, id: string, page: PageRequest): Promise<ArticleView> {
  const [row] = await reader.query(ARTICLE, { id });
  if (!row) throw new NotFoundError('not-found', `no article ${JSON.stringify(id)}`);
  const params = { id, skip: page.offset, limit: page.limit + 1 };
  const [mentions, facts] = [
    await reader.query(ARTICLE_MENTIONS, params),
    await reader.query(ARTICLE_FACTS, params),
  ];
  const mentionViews: MentionView[] = mentions.map((m) => ({
    key: str(m.key),
    type: str(m.type),
    name: str(m.name),
    count: num(m.count),
    forms: strs(m.forms),
  }));
  return {
    id: str(row.id),
    title: str(row.title),
    url: (row.canonicalUrl ?? row.url ?? null) as string | null,
    siteName: (row.siteName ?? null) as string | null,
    byline: (row.byline ?? null) as string | null,
    publishedAt: (row.publishedAt ?? null) as string | null,
    language: (row.language ?? null) as string | null,
    extractedAt: str(row.extractedAt),
    mentions: pageOf(mentionViews, page),
    facts: pageOf(facts.map(toArticleFact), page),
  };
}

export interface Neighbourhood {
  center: string;
  nodes: Array<{ key: string; name: string; type: string }>;
  edges: Array<{ id: string; source: string; target: string; relation: string; articles: number }>;
  /** More facts exist than `limit` allowed (the best-supported were kept). */
  truncated: boolean;
}

/** The entity and its neighbours through facts, best-supported first, at most `limit` facts. */
export async function getNeighbourhood(
  reader: GraphReader,
  key: string,
  limit: number,
): Promise<Neighbourhood> {
  const label = entityLabelOf(key);
  const [row] = await reader.query(entityText(label), { key });
  if (!row) throw new NotFoundError('not-found', `no entity ${JSON.stringify(key)}`);
  const facts = (await factsOf(reader, label, key, limit + 1)).sort(
    (a, b) => num(b.articles) - num(a.articles) || compare(str(a.factKey), str(b.factKey)),
  );
  const kept = facts.slice(0, limit);
  const nodes = new Map([[key, { key, name: str(row.name), type: str(row.type) }]]);
  for (const f of kept)
    nodes.set(str(f.otherKey), { key: str(f.otherKey), name: str(f.otherName), type: str(f.otherType) });
  return {
    center: key,
    nodes: [...nodes.values()],
    edges: kept.map((f) => ({
      id: str(f.factKey),
      source: f.dir === 'out' ? key : str(f.otherKey),
      target: f.dir === 'out' ? str(f.otherKey) : key,
      relation: str(f.relation),
      articles: num(f.articles),
    })),
    truncated: facts.length > limit,
  };
}
