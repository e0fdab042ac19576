// biome-ignore-all lint/suspicious/noExplicitAny: JSON bodies, checked field by field
/**
 * The explorer's JSON API over HTTP, against `newsgraph serve` on a real Kùzu graph of the fixture pages:
 * answers, pagination, JSON errors, the console's refusals, the token and the loopback default.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/worker-process.js';
import {
  BUSY_DIRECTORS,
  BUSY_ORG,
  busyArticles,
  ingestFixtures,
  type Served,
  type StoreArgs,
  startServe,
  writeBusyGroup,
} from './serve-process.js';

const dir = mkdtempSync(join(tmpdir(), 'newsgraph-web-api-'));
const store: StoreArgs = { args: ['--db', join(dir, 'graph.lbug')], env: {} };
let served: Served;
const TOKEN = 'a-test-token-of-some-length';

beforeAll(async () => {
  await ingestFixtures(store);
  await writeBusyGroup({ dbPath: join(dir, 'graph.lbug') });
  served = await startServe(store);
}, 180_000);
afterAll(async () => {
  await served?.stop();
  rmSync(dir, { recursive: true, force: true });
});

async function get(path: string, init?: RequestInit): Promise<{ status: number; body: any }> {
  const res = await fetch(new URL(path, served.url), init);
  expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  return { status: res.status, body: await res.json() };
}

/** Every fact an entity page shows, group after group. */
const factsOf = (entity: any): any[] => entity.groups.flatMap((g: any) => g.facts.items);

const post = (body: unknown, query = '') =>
  get(`/api/query${query}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

describe('newsgraph serve: JSON API (Kùzu)', () => {
  it('listens on 127.0.0.1 by default', () => {
    expect(new URL(served.url).hostname).toBe('127.0.0.1');
  });

  it('finds an entity by alias, ranked by articles, with type and count', async () => {
    const { status, body } = await get('/api/search?q=Rodos');
    expect(status).toBe(200);
    expect(body.items[0]).toMatchObject({ key: 'Person:alexey rodos', name: 'Alexey Rodos', type: 'Person' });
    expect(body.items[0].articles).toBeGreaterThanOrEqual(2);
    const many = await get('/api/search?q=an&limit=500');
    const counts = many.body.items.map((h: { articles: number }) => h.articles);
    expect(counts.length).toBeGreaterThan(5);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
  });

  it('pages every list: walking `next` gives the whole list once, in order', async () => {
    const all = (await get('/api/search?q=an&limit=500')).body.items;
    const walked: unknown[] = [];
    let offset: number | null = 0;
    while (offset !== null) {
      const { body } = await get(`/api/search?q=an&limit=3&offset=${offset}`);
      expect(body.limit).toBe(3);
      expect(body.items.length).toBeLessThanOrEqual(3);
      walked.push(...body.items);
      offset = body.next;
    }
    expect(walked).toEqual(all);
    const queries = await get('/api/queries?limit=2');
    expect(queries.body.items).toHaveLength(2);
    expect(queries.body.next).toBe(2);
  });

  it('shows an entity with its facts, stats and highlighted evidence', async () => {
    const { body } = await get(`/api/entities/${encodeURIComponent('Person:alexey rodos')}`);
    expect(body.shortForms).toContainEqual({ form: 'Rodos', articles: expect.any(Number) });
    const directs = factsOf(body).find((f: any) => f.relation === 'DIRECTS');
    expect(directs).toMatchObject({ direction: 'out', role: 'director', object: { name: 'Kalibr' } });
    expect(directs.publishers.length).toBeGreaterThan(0);
    expect(directs.firstSeen <= directs.lastSeen).toBe(true);
    const e = directs.evidence[0];
    expect(e.sentence.slice(e.subject.start, e.subject.end)).toBe('Alexey Rodos');
    expect(e.sentence.slice(e.object.start, e.object.end)).toBe('Kalibr');
    const more = await get(
      `/api/entities/${encodeURIComponent('Person:alexey rodos')}/facts/${directs.factKey}/evidence?limit=1`,
    );
    expect(more.body.items).toHaveLength(1);
    expect(more.body.next).toBe(directs.evidenceTotal > 1 ? 1 : null);
  });

  it('shows every relation group with its count; a small one in full', async () => {
    let checked = 0;
    for (const key of ['Organization:kalibr', 'Person:alexey rodos']) {
      const entity = (await get(`/api/entities/${encodeURIComponent(key)}`)).body;
      const all = (await get(`/api/entities/${encodeURIComponent(key)}?limit=500`)).body;
      expect(entity.groups.map((g: any) => [g.relation, g.direction, g.total])).toEqual(
        all.groups.map((g: any) => [g.relation, g.direction, g.facts.items.length]),
      );
      for (const g of entity.groups.filter((g: any) => g.total <= 5)) {
        expect(g.facts).toMatchObject({ offset: 0, limit: 5, next: null });
        expect(g.facts.items).toHaveLength(g.total);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(2);
  });

  it('pages through a relation group with more facts than the entity page shows', async () => {
    const key = encodeURIComponent(BUSY_ORG.key);
    const directsIn = (e: any) => e.groups.find((g: any) => g.relation === 'DIRECTS' && g.direction === 'in');
    const first = directsIn((await get(`/api/entities/${key}`)).body);
    expect(first).toMatchObject({ total: BUSY_DIRECTORS.length, facts: { offset: 0, limit: 5, next: 5 } });
    expect(first.facts.items).toHaveLength(5);
    const whole = directsIn((await get(`/api/entities/${key}?limit=500`)).body);
    // Best-supported first, ties by fact key: the order the store ranks them in when nothing is cut.
    const articlesOf = new Map(BUSY_DIRECTORS.map((name, i) => [name, busyArticles(i)]));
    expect(whole.facts.items.map((f: any) => f.articles)).toEqual(
      whole.facts.items.map((f: any) => articlesOf.get(f.subject.name)),
    );
    expect(whole.facts.items).toEqual(
      [...whole.facts.items].sort(
        (a: any, b: any) => b.articles - a.articles || (a.factKey < b.factKey ? -1 : 1),
      ),
    );
    expect(new Set(whole.facts.items.map((f: any) => f.subject.name))).toEqual(new Set(BUSY_DIRECTORS));
    const walked = [...first.facts.items];
    for (let offset: number | null = first.facts.next; offset !== null; ) {
      const { status, body } = await get(
        `/api/entities/${key}/facts?relation=DIRECTS&direction=in&offset=${offset}&limit=4`,
      );
      expect(status).toBe(200);
      expect(body).toMatchObject({
        entity: { key: BUSY_ORG.key, name: BUSY_ORG.name },
        relation: 'DIRECTS',
        direction: 'in',
        total: BUSY_DIRECTORS.length,
        facts: { offset, limit: 4 },
      });
      expect(body.facts.items.length).toBeLessThanOrEqual(4);
      walked.push(...body.facts.items);
      offset = body.facts.next;
    }
    expect(walked).toEqual(whole.facts.items);
    expect(walked.map((f: any) => f.evidence.length)).toEqual(
      walked.map((f: any) => Math.min(3, f.articles)),
    );
    const past = await get(`/api/entities/${key}/facts?relation=DIRECTS&direction=in&offset=40`);
    expect(past.body).toMatchObject({ total: BUSY_DIRECTORS.length, facts: { items: [], next: null } });
    const none = await get(`/api/entities/${key}/facts?relation=FOUNDED&direction=out`);
    expect(none.body).toMatchObject({ total: 0, facts: { items: [], next: null } });
    for (const [query, code] of [
      ['relation=MENTIONS&direction=in', 'bad-relation'],
      ['relation=DIRECTS&direction=up', 'bad-direction'],
      ['direction=in', 'bad-relation'],
      ['relation=DIRECTS&direction=in&limit=0', 'bad-param'],
    ])
      expect(await get(`/api/entities/${key}/facts?${query}`)).toMatchObject({
        status: 400,
        body: { error: { code } },
      });
    expect(
      await get(`/api/entities/${encodeURIComponent('Person:nobody')}/facts?relation=DIRECTS&direction=in`),
    ).toMatchObject({ status: 404, body: { error: { code: 'not-found' } } });
  });

  it("shows each fact's stats and best sentences as all its sentences give them", async () => {
    let checked = 0;
    for (const key of ['Organization:kalibr', 'Person:alexey rodos']) {
      const entity = (await get(`/api/entities/${encodeURIComponent(key)}?limit=500`)).body;
      for (const f of factsOf(entity)) {
        const all: any[] = [];
        for (let offset: number | null = 0; offset !== null; ) {
          const page: { items: any[]; next: number | null } = (
            await get(
              `/api/entities/${encodeURIComponent(key)}/facts/${f.factKey}/evidence?offset=${offset}&limit=2`,
            )
          ).body;
          all.push(...page.items);
          offset = page.next;
        }
        const articles = new Map(all.map((e) => [e.article.id, e.article]));
        const dates = [...articles.values()].map((a) => a.date).sort();
        expect(f.evidenceTotal).toBe(all.length);
        expect(f.articles).toBe(articles.size);
        expect(f.publishers).toEqual(
          [...new Set([...articles.values()].map((a) => a.publisher).filter(Boolean))].sort(),
        );
        expect([f.firstSeen, f.lastSeen]).toEqual([dates[0], dates[dates.length - 1]]);
        expect(f.evidence).toEqual(all.slice(0, f.evidence.length));
        expect(f.evidence.length).toBe(Math.min(all.length, 3));
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(3);
  });

  it('shows an article with its mentions and facts, and a neighbourhood', async () => {
    const rodos = (await get(`/api/entities/${encodeURIComponent('Person:alexey rodos')}`)).body;
    const id = factsOf(rodos)[0].evidence[0].article.id;
    const article = (await get(`/api/articles/${id}`)).body;
    expect(article.mentions.items.map((m: any) => m.key)).toContain('Person:alexey rodos');
    expect(article.facts.items.some((f: any) => f.relation === 'DIRECTS')).toBe(true);
    const n = (await get(`/api/entities/${encodeURIComponent('Organization:kalibr')}/neighbours`)).body;
    expect(n.nodes.map((x: any) => x.key)).toContain('Person:alexey rodos');
    expect(n.edges).toContainEqual(
      expect.objectContaining({
        source: 'Person:alexey rodos',
        target: 'Organization:kalibr',
        relation: 'DIRECTS',
      }),
    );
  });

  it('runs saved and ad-hoc read queries, and refuses writes as `newsgraph query` does', async () => {
    const saved = await post({ saved: 'partners', params: { org: 'Kalibr' } });
    expect(saved.status).toBe(200);
    expect(saved.body.columns).toContain('partner');
    expect(saved.body.rows.items.length).toBeGreaterThan(0);
    const adhoc = await post({
      cypher: 'MATCH (p:Person) WHERE p.name = $n RETURN p.name AS name',
      params: { n: 'Alexey Rodos' },
    });
    expect(adhoc.body.rows.items).toEqual([{ name: 'Alexey Rodos' }]);
    const write = await post({ cypher: 'MATCH (p:Person) DETACH DELETE p' });
    const cli = await runCli(['query', 'MATCH (p:Person) DETACH DELETE p', ...store.args]);
    expect(write.status).toBe(400);
    expect(write.body.error.code).toBe('read-only');
    expect(`newsgraph: read-only: ${write.body.error.message}\n`).toBe(cli.stderr);
    expect((await post({ cypher: 'CALL db.clearQueryCaches()' })).body.error.code).toBe('read-only');
    expect((await get('/api/search?q=Rodos')).body.items).toHaveLength(1); // nothing was deleted
  });

  it('answers every error as JSON with a reason', async () => {
    expect(await get('/api/search?q=x')).toMatchObject({
      status: 400,
      body: { error: { code: 'bad-query' } },
    });
    expect(await get('/api/search?q=Rodos&limit=-1')).toMatchObject({
      status: 400,
      body: { error: { code: 'bad-param' } },
    });
    expect(await get('/api/entities/Person%3Anobody')).toMatchObject({
      status: 404,
      body: { error: { code: 'not-found' } },
    });
    expect(await get('/api/entities/Spaceship%3Ax')).toMatchObject({
      status: 400,
      body: { error: { code: 'bad-key' } },
    });
    expect(await get('/api/articles/nope')).toMatchObject({ status: 404 });
    expect(await get('/api/nothing')).toMatchObject({ status: 404, body: { error: { code: 'no-route' } } });
    expect(await post({ cypher: 'MATCH (n RETURN n' })).toMatchObject({
      status: 400,
      body: { error: { code: 'graph-query' } },
    });
    expect(await post({ saved: 'partners' })).toMatchObject({
      status: 400,
      body: { error: { code: 'missing-param' } },
    });
    const bad = await get('/api/query', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{',
    });
    expect(bad).toMatchObject({ status: 400, body: { error: { code: 'bad-json' } } });
  });
});

describe('newsgraph serve: pages', () => {
  it('renders every sentence of a fact, and HTML errors for pages', async () => {
    const key = encodeURIComponent('Person:alexey rodos');
    const { body } = await get(`/api/entities/${key}`);
    const fact = factsOf(body)[0];
    const res = await fetch(new URL(`/entity/${key}/facts/${fact.factKey}`, served.url));
    expect(res.status).toBe(200);
    const page = await res.text();
    expect(page).toContain(
      'Sentences stating a fact of <a href="/entity/Person%3Aalexey%20rodos">Alexey Rodos</a>',
    );
    expect(page.match(/<li class="evidence">/g)).toHaveLength(Math.min(fact.evidenceTotal, 25));
    const missing = await fetch(new URL('/entity/Person%3Anobody', served.url));
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await missing.text()).toContain('no entity &quot;Person:nobody&quot;');
  });
});

describe('newsgraph serve: binding and token', () => {
  it('refuses a non-loopback host without a token, before opening the store', async () => {
    const r = await runCli(['serve', '--host', '0.0.0.0', '--port', '0', '--db', join(dir, 'absent.lbug')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/token-required: binding 0\.0\.0\.0 exposes the graph/);
  });

  it('with a token, asks every request for it', async () => {
    const guarded = await startServe(store, [], { NEWSGRAPH_TOKEN: TOKEN });
    try {
      const base = new URL(guarded.url);
      expect(base.searchParams.get('token')).toBe(TOKEN);
      const api = new URL('/api/search?q=Rodos', base.origin);
      const denied = await fetch(api);
      expect(denied.status).toBe(401);
      expect(await denied.json()).toMatchObject({ error: { code: 'unauthorized' } });
      const wrong = await fetch(api, { headers: { authorization: 'Bearer wrong-token-wrong-token!!' } });
      expect(wrong.status).toBe(401);
      const ok = await fetch(api, { headers: { authorization: `Bearer ${TOKEN}` } });
      expect(ok.status).toBe(200);
      const page = await fetch(guarded.url); // the printed address sets a cookie for the pages' own requests
      expect(page.status).toBe(200);
      const cookie = page.headers.get('set-cookie')!.split(';')[0]!;
      expect((await fetch(api, { headers: { cookie } })).status).toBe(200);
    } finally {
      await guarded.stop();
    }
  }, 60_000);
});
