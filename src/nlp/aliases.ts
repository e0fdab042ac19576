/**
 * Aliases within one article: short forms join the entity of their long form — surname → full name,
 * truncated names ("Chamran University" ↔ "Shahid Chamran University"), acronyms ↔ expansions.
 * The entity's `name` is its longest proper form; `key` and `id` follow from it.
 */
import { type Entity, type EntityType, entityId, entityKey } from '../core/index.js';
import { isLexiconFirstName } from './compromise.js';
import { bareName, type MentionCandidate } from './entities.js';
import { ACRONYM_SKIP, ORG_NOUNS } from './rules/vocabulary.js';

/** A mention that became part of an entity. */
export interface ResolvedMention extends MentionCandidate {
  entity: number;
}

export interface Resolution {
  entities: Entity[];
  mentions: ResolvedMention[];
}

const NODE_TYPES = new Set(['Person', 'Organization', 'Place', 'Product']);

const wordsOf = (text: string): string[] =>
  bareName(text)
    .toLowerCase()
    .replace(/['’]s$/, '')
    .split(/\s+/);

function initials(words: string[], skip: boolean): string {
  return words
    .filter((w) => !skip || !ACRONYM_SKIP.has(w))
    .map((w) => w[0])
    .join('');
}

/** True when `short` is a contiguous part of `long` at its start or end ("Rodos" in "Alexey Rodos"). */
function isEdgePart(short: string[], long: string[]): boolean {
  if (short.length >= long.length) return false;
  const head = short.every((w, i) => long[i] === w);
  const tail = short.every((w, i) => long[long.length - short.length + i] === w);
  return head || tail;
}

function isAcronymOf(short: string, long: string[]): boolean {
  const s = short.replace(/[.\s-]/g, '').toLowerCase();
  return s.length >= 2 && long.length >= 2 && (s === initials(long, true) || s === initials(long, false));
}

/** Which longer form a short mention stands for, when exactly one fits. */
/** Rules that know a place by its own name: such a place is no short form of a longer one ("Moon", "Blue Moon"). */
const PLACE_LEXICON_RULES = new Set([
  'gazetteer-place',
  'compromise-place',
  'celestial-body',
  'state-code-after-town',
  'town-before-state',
  'dateline-city',
]);

function longFormFor(m: MentionCandidate, longs: Map<string, MentionCandidate>): string | undefined {
  if (m.type === 'Place' && PLACE_LEXICON_RULES.has(m.rule)) return undefined;
  let short = wordsOf(m.text);
  // "the Khuzestan technopark": a name with a lower-case kind noun matches on the name alone.
  const lastWord = m.text.split(/\s+/).pop() ?? '';
  if (m.type === 'Organization' && short.length > 1 && /^\p{Ll}/u.test(lastWord) && ORG_NOUNS.has(lastWord))
    short = short.slice(0, -1);
  const fits: string[] = [];
  for (const [key, long] of longs) {
    const longWords = key.split(' ');
    if (long.type !== m.type && !(m.type === 'None' || (short.length === 1 && long.type === 'Person')))
      continue;
    if (isEdgePart(short, longWords)) {
      if (long.type === 'Person' && short.length === 1) fits.push(key);
      else if (long.type !== 'Person' && m.type === long.type) fits.push(key);
    } else if (long.type === 'Organization' && short.length === 1 && isAcronymOf(m.text, longWords))
      fits.push(key);
  }
  if (fits.length === 1) return fits[0];
  // "Varsk" after "Alina Varsk" and "Coty-Alina Varsk": the one that opens with a given name
  const named = fits.filter((k) => longs.get(k)!.type === 'Person' && isLexiconFirstName(k.split(' ')[0]!));
  return short.length === 1 && named.length === 1 ? named[0] : undefined;
}

/** The display name: the longest bare form, with a lower-case organisation noun capitalised. */
function properName(text: string): string {
  const words = bareName(text).split(' ');
  const lastWord = words[words.length - 1]!;
  if (ORG_NOUNS.has(lastWord)) words[words.length - 1] = lastWord[0]!.toUpperCase() + lastWord.slice(1);
  return words.join(' ');
}

/**
 * Group typed mentions into entities. Mentions of type None or Nationality are dropped. The candidates are
 * not changed: a mention that takes the type of its long form does so in the resolution's copy.
 */
export function resolveEntities(typed: MentionCandidate[]): Resolution {
  const candidates = typed.map((m) => ({ ...m }));
  const byLength = [...candidates].sort((a, b) => wordsOf(b.text).length - wordsOf(a.text).length);
  const canonical = new Map<MentionCandidate, string>();
  const longs = new Map<string, MentionCandidate>();
  for (const m of byLength) {
    const own = wordsOf(m.text).join(' ');
    const existing = longs.get(own);
    if (existing && (existing.type === m.type || m.type === 'None')) {
      if (m.type === 'None') m.type = existing.type;
      canonical.set(m, own);
      continue;
    }
    const long = longFormFor(m, longs);
    if (long) {
      m.type = longs.get(long)!.type;
      m.rule = `${m.rule}+alias`;
      canonical.set(m, long);
    } else if (NODE_TYPES.has(m.type)) {
      if (!existing) longs.set(own, m);
      canonical.set(m, own);
    }
  }
  const entities: Entity[] = [];
  const index = new Map<string, number>();
  const mentions: ResolvedMention[] = [];
  for (const m of candidates) {
    const form = canonical.get(m);
    if (form === undefined || !NODE_TYPES.has(m.type)) continue;
    const groupKey = `${m.type}|${form}`;
    let at = index.get(groupKey);
    if (at === undefined) {
      at = entities.length;
      index.set(groupKey, at);
      entities.push({ id: '', key: '', type: m.type as EntityType, name: '', aliases: [], mentions: [] });
    }
    entities[at]!.mentions.push({ start: m.start, end: m.end, text: m.text, rule: m.rule });
    mentions.push({ ...m, entity: at });
  }
  for (const e of entities) nameEntity(e);
  return { entities, mentions };
}

function nameEntity(e: Entity): void {
  const forms = [...new Set(e.mentions.map((m) => bareName(m.text)))];
  const longest = forms.reduce((a, b) => (b.length > a.length ? b : a));
  e.name = properName(longest);
  e.aliases = forms.filter((f) => f !== e.name);
  e.key = entityKey(e.type, e.name);
  e.id = entityId(e.key);
}
