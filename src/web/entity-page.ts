/**
 * The entity page: an entity with each relation group of its facts (count and first facts, with their best
 * sentences), and one page of one group past it. Read from a {@link GraphReader} in a few bounded reads
 * whatever the entity's size (see the README, "Exploring the graph").
 */
import { InputError } from '../core/index.js';
import type { GraphReader, QueryRow } from '../graph/index.js';
import {
  EVIDENCE_BY_ID,
  entityLabelOf,
  entityText,
  factsByKeyText,
  type GroupKey,
  groupCountsText,
  groupFactsText,
  groupTopsText,
  relationOf,
} from './cypher.js';
import { getEntityRef, NotFoundError } from './explorer.js';
import type { PageRequest } from './page.js';
import { inStorageOrder } from './storage-order.js';
import {
  type EntityRef,
  type EntityView,
  EVIDENCE_PER_FACT,
  type FactView,
  factViews,
  type RelationGroup,
} from './views.js';

const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const num = (v: unknown): number => (typeof v === 'number' ? v : Number(v ?? 0));
const strs = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : []);
/** Code-point order, as both stores sort strings. */
const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

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
