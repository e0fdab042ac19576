/**
 * What the explorer shows, read from a {@link GraphReader}: search, entity, article, neighbourhood.
 * The pages and the JSON API both call these functions, so they show the same data.
 */
import { InputError, normalizeName, PermanentError } from '../core/index.js';
import type { GraphReader, QueryRow } from '../graph/index.js';
import {
  ARTICLE,
  ARTICLE_FACTS,
  ARTICLE_MENTIONS,
  EVIDENCE_BY_ID,
  entityLabelOf,
  entityText,
  FACT_EVIDENCE,
  factsByKeyText,
  factsText,
  type GroupKey,
  groupCountsText,
  groupFactsText,
  groupTopsText,
  relationOf,
  searchText,
} from './cypher.js';
import { type Page, type PageRequest, pageOf } from './page.js';
import { inStorageOrder } from './storage-order.js';
import {
  type ArticleView,
  type EntityRef,
  type EntityView,
  EVIDENCE_PER_FACT,
  type EvidenceView,
  type FactView,
  factViews,
  type MentionView,
  type RelationGroup,
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

/**
 * The entity, its short forms, and each relation group of its facts (type × direction) with its count and
 * its first `perGroup` facts, each with the tallies the sink keeps on it and its best sentences. Five
 * reads whatever the entity's size: the entity; each group's count and the keys of its first facts; those
 * facts; where their sentences sit (embedded store); the sentences with their articles. Of the other
 * facts only the rank is read, and no other sentence.
 */
export async function getEntity(reader: GraphReader, key: string, perGroup: number): Promise<EntityView> {
  const label = entityLabelOf(key);
  const [row] = await reader.query(entityText(label), { key });
  if (!row) throw new NotFoundError('not-found', `no entity ${JSON.stringify(key)}`);
  const self = { key: str(row.key), name: str(row.name), type: str(row.type) };
  const forms = strs(row.forms);
  const formArticles = (row.formArticles as unknown[] | null) ?? [];
  const nameArticles = (row.nameArticles as unknown[] | null) ?? [];
  const groups = toGroupKeys(
    await reader.query(groupTopsText(label, reader.kind), { key, skip: 0, limit: perGroup }),
  );
  const facts = await withEvidence(reader, self, await shownFacts(reader, label, key, groups));
  return {
    ...self,
    aliases: strs(row.aliases),
    // Each article that mentions the entity has one main name for it, so these add up to its articles.
    articles: nameArticles.reduce<number>((sum, n) => sum + num(n), 0),
    shortForms: forms
      .map((form, i) => ({ form, articles: num(formArticles[i]) }))
      .filter((f) => f.form !== self.name),
    groups: groups.map(({ top: _, ...g }) =>
      toGroup(
        g,
        facts.filter((f) => f.relation === g.relation && f.direction === g.direction),
        { offset: 0, limit: perGroup },
      ),
    ),
  };
}

/**
 * The rows of the groups' shown facts (their keys: `top`), read in one statement by key, each marked with
 * its group's direction (`dir`), as the per-direction reads mark theirs.
 */
async function shownFacts(
  reader: GraphReader,
  label: ReturnType<typeof entityLabelOf>,
  key: string,
  groups: ReadonlyArray<GroupKey & { top: string[] }>,
): Promise<QueryRow[]> {
  const dirsOf = new Map<string, Array<'out' | 'in'>>();
  for (const g of groups) for (const k of g.top) dirsOf.set(k, [...(dirsOf.get(k) ?? []), g.direction]);
  if (dirsOf.size === 0) return [];
  const relations = [...new Set(groups.filter((g) => g.top.length).map((g) => g.relation))];
  const rows = await reader.query(factsByKeyText(label, relations), { key, keys: [...dirsOf.keys()] });
  const seen = new Set<string>();
  return rows.flatMap((r) => {
    const k = str(r.factKey);
    if (seen.has(k)) return []; // a fact of the entity with itself is walked both ways; its groups say where it shows
    seen.add(k);
    return (dirsOf.get(k) ?? []).map((dir) => ({ ...r, dir }));
  });
}

/** One relation group of an entity (its count and one page of its facts), for paging past the entity page. */
export interface RelationPage extends RelationGroup {
  entity: EntityRef;
}

/**
 * One page of the entity's facts of type `relation` in `direction` (as its page ranks them), with their
 * best sentences, and how many the group holds: the "more" of a group on the entity page.
 */
export async function getRelationFacts(
  reader: GraphReader,
  key: string,
  relation: string,
  direction: string,
  page: PageRequest,
): Promise<RelationPage> {
  const label = entityLabelOf(key);
  const group: GroupKey = { relation: relationOf(relation), direction: directionOf(direction) };
  const entity = await getEntityRef(reader, key);
  const total =
    (await groupsOf(reader, label, key)).find(
      (g) => g.relation === group.relation && g.direction === group.direction,
    )?.total ?? 0;
  const rows =
    total > page.offset
      ? await reader.query(groupFactsText(label, [group]), { key, skip: page.offset, limit: page.limit })
      : [];
  return { entity, ...toGroup({ ...group, total }, await withEvidence(reader, entity, rows), page) };
}

function directionOf(direction: string): 'out' | 'in' {
  if (direction === 'out' || direction === 'in') return direction;
  throw new InputError('bad-direction', `direction must be "out" or "in", got ${JSON.stringify(direction)}`);
}

/** The entity's non-empty relation groups with their counts, by relation then direction (`in` first). */
async function groupsOf(
  reader: GraphReader,
  label: ReturnType<typeof entityLabelOf>,
  key: string,
): Promise<Array<GroupKey & { total: number }>> {
  return toGroupKeys(await reader.query(groupCountsText(label), { key }));
}

/** Group rows (`dir`, `relation`, `total`, and `top` when read) in the page's order, empty ones left out. */
function toGroupKeys(rows: QueryRow[]): Array<GroupKey & { total: number; top: string[] }> {
  return rows
    .map((r) => ({
      relation: relationOf(str(r.relation)),
      direction: directionOf(str(r.dir)),
      total: num(r.total),
      top: strs(r.top),
    }))
    .filter((g) => g.total > 0)
    .sort((a, b) => compare(a.relation, b.relation) || compare(a.direction, b.direction));
}

/** A group's page from its facts (any order: ranked here as the store ranked them) and its count. */
function toGroup(group: GroupKey & { total: number }, facts: FactView[], page: PageRequest): RelationGroup {
  const items = facts
    .sort((a, b) => b.articles - a.articles || compare(a.factKey, b.factKey))
    .slice(0, page.limit);
  const end = page.offset + page.limit;
  return {
    ...group,
    facts: { items, offset: page.offset, limit: page.limit, next: end < group.total ? end : null },
  };
}

/** Fact rows of `self` (see `groupFactsText`) with their best sentences, read in one statement by id. */
async function withEvidence(reader: GraphReader, self: EntityRef, rows: QueryRow[]): Promise<FactView[]> {
  const ids = rows.flatMap((f) => strs(f.topEvidence).slice(0, EVIDENCE_PER_FACT));
  const evidence = ids.length
    ? await reader.query(EVIDENCE_BY_ID, { ids: await inStorageOrder(reader, ids) })
    : [];
  return factViews(self, rows, evidence);
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
