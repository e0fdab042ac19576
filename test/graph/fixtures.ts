/**
 * Hand-written extracted documents for the graph tests (independent of the NLP rules): entities are
 * found by their names in the text, facts point at the sentence that states them.
 */
import type {
  Article,
  Document,
  Entity,
  EntityType,
  Relation,
  RelationType,
  Span,
} from '../../src/core/index.js';
import { entityId, entityKey } from '../../src/core/index.js';
import { type GraphWrite, toGraphWrite } from '../../src/graph/index.js';

export interface EntitySpec {
  type: EntityType;
  name: string;
  aliases?: string[];
}

export interface FactSpec {
  type: RelationType;
  subject: string;
  object: string;
  label?: string;
  role?: string;
  confidence?: number;
  rule?: string;
}

function spans(text: string, needle: string): Array<{ start: number; end: number; text: string }> {
  const out = [];
  for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + needle.length)) {
    out.push({ start: i, end: i + needle.length, text: needle });
  }
  return out;
}

/** The sentences of `text` (split after '. ') with their offsets. */
function sentences(text: string): Array<{ start: number; end: number }> {
  const out = [];
  let start = 0;
  for (const m of text.matchAll(/\. /g)) {
    out.push({ start, end: m.index + 1 });
    start = m.index + 2;
  }
  out.push({ start, end: text.length });
  return out;
}

/** Build a document: every entity's mentions are the places its name/aliases occur in `text`. */
export function makeDoc(text: string, entities: EntitySpec[], facts: FactSpec[] = []): Document {
  const byName = new Map<string, Entity>();
  const list: Entity[] = entities.map((e) => {
    const key = entityKey(e.type, e.name);
    const found = [e.name, ...(e.aliases ?? [])].flatMap((n) => spans(text, n));
    // An alias inside a longer mention ("Rodos" in "Alexey Rodos") is not a mention of its own.
    const inLonger = (m: Span) =>
      found.some((o) => o.start <= m.start && o.end >= m.end && o.end - o.start > m.end - m.start);
    const mentions = found.filter((m) => !inLonger(m)).sort((a, b) => a.start - b.start);
    const entity: Entity = {
      id: entityId(key),
      key,
      type: e.type,
      name: e.name,
      aliases: e.aliases ?? [],
      mentions,
    };
    byName.set(e.name, entity);
    return entity;
  });
  const relations: Relation[] = facts.map((f) => {
    const s = byName.get(f.subject);
    const o = byName.get(f.object);
    if (!s || !o) throw new Error(`fixture: unknown entity in ${JSON.stringify(f)}`);
    // The first sentence that mentions both ends states the fact.
    const inside = (m: { start: number }, x: { start: number; end: number }) =>
      m.start >= x.start && m.start < x.end;
    const sentence = sentences(text).find(
      (x) => s.mentions.some((m) => inside(m, x)) && o.mentions.some((m) => inside(m, x)),
    );
    if (!sentence) throw new Error(`fixture: no sentence states ${JSON.stringify(f)}`);
    const sm = s.mentions.find((m) => inside(m, sentence))!;
    const om = o.mentions.find((m) => inside(m, sentence))!;
    return {
      type: f.type,
      subject: s.id,
      object: o.id,
      ...(f.label ? { label: f.label } : {}),
      ...(f.role ? { role: f.role } : {}),
      confidence: f.confidence ?? 0.8,
      rule: f.rule ?? `test-${f.type.toLowerCase()}`,
      evidence: {
        text: text.slice(sentence.start, sentence.end),
        start: sentence.start,
        end: sentence.end,
        subject: { start: sm.start, end: sm.end },
        object: { start: om.start, end: om.end },
      },
    };
  });
  return { entities: list, relations };
}

export function makeArticle(
  url: string,
  title: string,
  text: string,
  publishedAt: string | null = null,
): Article {
  return {
    url,
    canonicalUrl: url,
    title,
    byline: null,
    publishedAt,
    modifiedAt: null,
    siteName: 'Test News',
    language: 'en',
    description: null,
    text,
    paragraphs: text.split('\n\n'),
    headings: [],
  };
}

const EXTRACTED_AT = '2025-06-01T00:00:00.000Z';

export const TEXT_A =
  'Alexey Rodos directs Kalibr. Kalibr partners with Shahid Chamran University on an R&D center. ' +
  'Rodos said Kalibr is based in Moscow. Gholamhoseyn Khaje directs Shahid Chamran University.';

export const TEXT_B =
  'Kalibr partners with Shahid Chamran University on software. Alexey Rodos directs Kalibr. Yandex is based in Moscow.';

/** Article A: 5 entities, 4 facts. */
export function writeA(version: 1 | 2 = 1): GraphWrite {
  const article = makeArticle('https://news.test/a', 'Kalibr goes to Iran', TEXT_A, '2025-05-01T09:00:00Z');
  const entities: EntitySpec[] = [
    { type: 'Person', name: 'Alexey Rodos', aliases: ['Rodos'] },
    { type: 'Organization', name: 'Kalibr' },
    { type: 'Organization', name: 'Shahid Chamran University' },
    { type: 'Place', name: 'Moscow' },
    { type: 'Person', name: 'Gholamhoseyn Khaje' },
  ];
  const facts: FactSpec[] =
    version === 1
      ? [
          { type: 'DIRECTS', subject: 'Alexey Rodos', object: 'Kalibr', role: 'director', confidence: 0.9 },
          {
            type: 'PARTNERS_WITH',
            subject: 'Kalibr',
            object: 'Shahid Chamran University',
            label: 'R&D center',
            confidence: 0.7,
          },
          { type: 'BASED_IN', subject: 'Kalibr', object: 'Moscow', confidence: 0.6 },
          {
            type: 'DIRECTS',
            subject: 'Gholamhoseyn Khaje',
            object: 'Shahid Chamran University',
            confidence: 1,
          },
        ]
      : [{ type: 'DIRECTS', subject: 'Alexey Rodos', object: 'Kalibr', role: 'CEO', confidence: 0.5 }];
  // Version 2 no longer mentions Moscow or Khaje: they must leave the graph unless B keeps them.
  const v2Entities = entities.filter((e) =>
    ['Alexey Rodos', 'Kalibr', 'Shahid Chamran University'].includes(e.name),
  );
  return toGraphWrite(article, makeDoc(TEXT_A, version === 1 ? entities : v2Entities, facts), {
    extractedAt: EXTRACTED_AT,
  });
}

/** Article B: overlaps A on DIRECTS(Rodos, Kalibr) and PARTNERS_WITH(Kalibr, Shahid Chamran University). */
export function writeB(): GraphWrite {
  const article = makeArticle('https://news.test/b', 'Kalibr and Yandex', TEXT_B, '2025-05-03T09:00:00Z');
  const doc = makeDoc(
    TEXT_B,
    [
      { type: 'Organization', name: 'Kalibr' },
      { type: 'Organization', name: 'Shahid Chamran University' },
      { type: 'Person', name: 'Alexey Rodos' },
      { type: 'Organization', name: 'Yandex' },
      { type: 'Place', name: 'Moscow' },
    ],
    [
      {
        type: 'PARTNERS_WITH',
        subject: 'Kalibr',
        object: 'Shahid Chamran University',
        label: 'software',
        confidence: 0.8,
      },
      { type: 'DIRECTS', subject: 'Alexey Rodos', object: 'Kalibr', role: 'director', confidence: 0.9 },
      { type: 'BASED_IN', subject: 'Yandex', object: 'Moscow', confidence: 0.75 },
    ],
  );
  return toGraphWrite(article, doc, { extractedAt: EXTRACTED_AT });
}

/** `n` small synthetic articles sharing a pool of entities (for concurrency and benchmarks). */
export function syntheticWrite(i: number, pool = 40): GraphWrite {
  const people = [0, 1, 2].map((k) => `Person Number${(i * 3 + k) % pool}`);
  const orgs = [0, 1].map((k) => `Company${(i + k * 7) % pool} Ltd`);
  const place = `City${i % 10}`;
  const text = `${people[0]} directs ${orgs[0]}. ${orgs[0]} partners with ${orgs[1]} on tests. ${people[1]} works for ${orgs[1]}. ${orgs[1]} is based in ${place}. ${people[2]} met ${people[0]}.`;
  const doc = makeDoc(
    text,
    [
      ...people.map((name) => ({ type: 'Person' as const, name })),
      ...orgs.map((name) => ({ type: 'Organization' as const, name })),
      { type: 'Place', name: place },
    ],
    [
      { type: 'DIRECTS', subject: people[0]!, object: orgs[0]!, role: 'director' },
      { type: 'PARTNERS_WITH', subject: orgs[0]!, object: orgs[1]!, label: 'tests' },
      { type: 'WORKS_FOR', subject: people[1]!, object: orgs[1]! },
      { type: 'BASED_IN', subject: orgs[1]!, object: place },
    ],
  );
  return toGraphWrite(
    makeArticle(`https://news.test/s/${i}`, `Synthetic ${i}`, text, '2025-04-01T00:00:00Z'),
    doc,
    {
      extractedAt: EXTRACTED_AT,
    },
  );
}

/**
 * Article `i` in version `v` (0-2) for re-ingest tests: a few entities shared across articles, named
 * (the main name of the same person changes with the version) and rated differently per version.
 */
export function variantWrite(i: number, v: 0 | 1 | 2): GraphWrite {
  const full = `Maria Number${i % 3}`;
  const short = `Number${i % 3}`;
  const org = `Firm${i % 2} Ltd`;
  const town = `Town${(i + v) % 2}`;
  const text =
    v === 1
      ? `${short} directs ${org}. ${org} is based in ${town}. ${full} spoke.`
      : `${full} directs ${org}. ${org} is based in ${town}.`;
  const person = v === 1 ? { name: short, aliases: [full] } : { name: full };
  const doc = makeDoc(
    text,
    [
      { type: 'Person', ...person },
      { type: 'Organization', name: org },
      { type: 'Place', name: town },
    ],
    [
      {
        type: 'DIRECTS',
        subject: person.name,
        object: org,
        role: ['director', 'CEO', ''][v],
        confidence: [0.9, 0.5, 0.7][v],
      },
      { type: 'BASED_IN', subject: org, object: town, confidence: 0.6 + v / 10 },
    ],
  );
  // The short main name still names the same person (as alias resolution would decide).
  doc.entities = doc.entities.map((e) =>
    e.type === 'Person' ? { ...e, key: entityKey('Person', full) } : e,
  );
  const article = makeArticle(`https://news.test/v/${i}`, `Variant ${i}`, text, '2025-04-02T00:00:00Z');
  return toGraphWrite(article, doc, { extractedAt: EXTRACTED_AT });
}
