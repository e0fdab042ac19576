/**
 * The explorer's HTML pages, rendered on the server from the same functions as the JSON API (so they work
 * with the keyboard, the back button and without scripts); the graph view and the console add a module
 * script that calls the API.
 */
import { Hono } from 'hono';
import { html } from 'hono/html';
import type { GraphReader } from '../graph/index.js';
import { DEFAULT_FACTS, perGroup } from './api.js';
import { savedQueries } from './console.js';
import { getEntity, getRelationFacts } from './entity-page.js';
import { getArticle, getEntityRef, getFactEvidence, searchEntities } from './explorer.js';
import {
  articleHref,
  entityHref,
  evidenceItem,
  graphHref,
  type Html,
  highlight,
  layout,
  pager,
} from './layout.js';
import { pageRequest } from './page.js';
import type { EntityView, FactView, RelationGroup } from './views.js';

function searchForm(q: string): Html {
  return html`<form role="search" action="/" method="get" class="search">
<label for="q">Search</label>
<input id="q" name="q" type="search" value="${q}" required minlength="2" autocomplete="off"
 placeholder="a person, organisation, place or product">
<button type="submit">Search</button>
</form>`;
}

function factTitle(f: FactView): Html {
  const end = (e: FactView['subject'], self: boolean) =>
    self ? html`<strong>${e.name}</strong>` : html`<a href="${entityHref(e.key)}">${e.name}</a>`;
  const qualifier = f.role ?? f.label;
  return html`${end(f.subject, f.direction === 'out')} <span class="rel">${f.relation}</span> ${end(f.object, f.direction === 'in')}${
    qualifier ? html` <span class="qualifier">(${f.role ? 'role' : 'about'}: ${qualifier})</span>` : ''
  }`;
}

function factBlock(entityKey: string, f: FactView): Html {
  const more = f.evidenceTotal - f.evidence.length;
  return html`<article class="fact" aria-label="${f.subject.name} ${f.relation} ${f.object.name}">
<h3>${factTitle(f)}</h3>
<dl class="stats">
<div><dt>Confidence</dt><dd>${f.confidence.toFixed(2)}</dd></div>
<div><dt>Articles</dt><dd>${f.articles}</dd></div>
<div><dt>Publishers</dt><dd>${f.publishers.length}${f.publishers.length ? html` (${f.publishers.join(', ')})` : ''}</dd></div>
<div><dt>First seen</dt><dd>${f.firstSeen?.slice(0, 10) ?? 'unknown'}</dd></div>
<div><dt>Last seen</dt><dd>${f.lastSeen?.slice(0, 10) ?? 'unknown'}</dd></div>
</dl>
<ul class="evidence-list">${f.evidence.map(evidenceItem)}</ul>
${more > 0 ? html`<p><a href="${entityHref(entityKey)}/facts/${encodeURIComponent(f.factKey)}">All ${f.evidenceTotal} sentences</a></p>` : ''}
</article>`;
}

/** Where a relation group's facts are paged (`/entity/:key/facts?relation=&direction=`). */
function groupHref(key: string, g: Pick<RelationGroup, 'relation' | 'direction'>, offset: number): string {
  const q = new URLSearchParams({ relation: g.relation, direction: g.direction, offset: String(offset) });
  return `${entityHref(key)}/facts?${q.toString()}`;
}

const asWhat = (direction: RelationGroup['direction']) => (direction === 'out' ? 'subject' : 'object');

/** A group's first facts, and a link to the rest when there are more. */
function groupBlock(e: EntityView, g: RelationGroup): Html {
  const rest = g.total - g.facts.items.length;
  return html`${g.facts.items.map((f) => factBlock(e.key, f))}${
    g.facts.next !== null
      ? html`<p class="more"><a href="${groupHref(e.key, g, g.facts.next)}">${rest} more ${g.relation} fact${rest === 1 ? '' : 's'} with ${e.name} as ${asWhat(g.direction)}</a> (${g.facts.items.length} of ${g.total} shown)</p>`
      : ''
  }`;
}

function entityBody(e: EntityView): Html {
  const sections = new Map<string, RelationGroup[]>();
  for (const g of e.groups) sections.set(g.relation, [...(sections.get(g.relation) ?? []), g]);
  return html`<h1>${e.name}</h1>
<p class="lede"><span class="type">${e.type}</span> · mentioned in ${e.articles} article${e.articles === 1 ? '' : 's'} · <a href="${graphHref(e.key)}">Graph view</a></p>
${e.aliases.length ? html`<p>Also known as: ${e.aliases.join(', ')}</p>` : ''}
${e.shortForms.length ? html`<p>Short forms resolved to it: ${e.shortForms.map((s, i) => html`${i ? ', ' : ''}<q>${s.form}</q> (${s.articles} article${s.articles === 1 ? '' : 's'})`)}</p>` : ''}
<h2>Facts</h2>
${e.groups.length === 0 ? html`<p>No facts about ${e.name} yet.</p>` : ''}
${[...sections].map(([relation, groups]) => html`<section aria-labelledby="rel-${relation}"><h2 id="rel-${relation}" class="relation">${relation}</h2>${groups.map((g) => groupBlock(e, g))}</section>`)}`;
}

/** The page routes over one reader. */
export function pageRoutes(reader: GraphReader): Hono {
  const app = new Hono();
  const page = (q: (n: string) => string | undefined, defaultLimit?: number) =>
    pageRequest(q('offset'), q('limit'), defaultLimit);

  app.get('/', async (c) => {
    const q = c.req.query('q')?.trim() ?? '';
    if (!q)
      return c.html(layout({ title: 'Search' }, html`<h1>Explore the news graph</h1>${searchForm('')}`));
    const hits = await searchEntities(
      reader,
      q,
      page((n) => c.req.query(n)),
    );
    return c.html(
      layout(
        { title: `Search: ${q}` },
        html`<h1>Search</h1>${searchForm(q)}
<h2 id="results">Results for <q>${q}</q></h2>
${
  hits.items.length === 0
    ? html`<p>No entity matches <q>${q}</q>.</p>`
    : html`<table aria-labelledby="results"><thead><tr><th scope="col">Name</th><th scope="col">Type</th><th scope="col">Also known as</th><th scope="col">Articles</th></tr></thead><tbody>
${hits.items.map((h) => html`<tr><td><a href="${entityHref(h.key)}">${h.name}</a></td><td>${h.type}</td><td>${h.aliases.join(', ')}</td><td>${h.articles}</td></tr>`)}
</tbody></table>`
}
${pager(hits, '/', { q })}`,
      ),
    );
  });

  app.get('/entity/:key', async (c) => {
    const e = await getEntity(reader, c.req.param('key'), perGroup(c.req.query('limit')));
    return c.html(layout({ title: e.name }, entityBody(e)));
  });

  app.get('/entity/:key/facts', async (c) => {
    const g = await getRelationFacts(
      reader,
      c.req.param('key'),
      c.req.query('relation') ?? '',
      c.req.query('direction') ?? '',
      page((n) => c.req.query(n)),
    );
    const { items, offset } = g.facts;
    return c.html(
      layout(
        { title: `${g.relation} facts: ${g.entity.name}` },
        html`<h1><span class="relation">${g.relation}</span> facts with <a href="${entityHref(g.entity.key)}">${g.entity.name}</a> as ${asWhat(g.direction)}</h1>
<p>${g.total} fact${g.total === 1 ? '' : 's'}, best-supported first${items.length ? html`; ${offset + 1}–${offset + items.length} shown` : ''}.</p>
${items.map((f) => factBlock(g.entity.key, f))}
${pager(g.facts, `${entityHref(g.entity.key)}/facts`, { relation: g.relation, direction: g.direction })}`,
      ),
    );
  });

  app.get('/entity/:key/facts/:factKey', async (c) => {
    const { key, name } = await getEntityRef(reader, c.req.param('key'));
    const list = await getFactEvidence(
      reader,
      key,
      c.req.param('factKey'),
      page((n) => c.req.query(n)),
    );
    return c.html(
      layout(
        { title: `Sentences: ${name}` },
        html`<h1>Sentences stating a fact of <a href="${entityHref(key)}">${name}</a></h1>
<ul class="evidence-list">${list.items.map(evidenceItem)}</ul>${pager(list, c.req.path)}`,
      ),
    );
  });

  app.get('/article/:id', async (c) => {
    const a = await getArticle(
      reader,
      c.req.param('id'),
      page((n) => c.req.query(n), DEFAULT_FACTS),
    );
    return c.html(
      layout(
        { title: a.title || 'Article' },
        html`<h1>${a.title || '(untitled)'}</h1>
<dl class="stats">
<div><dt>Site</dt><dd>${a.siteName ?? 'unknown'}</dd></div>
<div><dt>Byline</dt><dd>${a.byline ?? 'none'}</dd></div>
<div><dt>Published</dt><dd>${a.publishedAt ?? 'unknown'}</dd></div>
<div><dt>Source</dt><dd>${a.url ? html`<a href="${a.url}" rel="noopener noreferrer">${a.url}</a>` : 'no URL (ingested from a file)'}</dd></div>
</dl>
<h2>Entities mentioned</h2>
<ul class="mentions">${a.mentions.items.map((m) => html`<li><a href="${entityHref(m.key)}">${m.name}</a> <span class="type">${m.type}</span> · ${m.count}×</li>`)}</ul>
<h2>Facts stated</h2>
<ul class="evidence-list">${a.facts.items.map(
          (f) =>
            html`<li class="evidence"><p><a href="${entityHref(f.subjectEntity.key)}">${f.subjectEntity.name}</a> <span class="rel">${f.relation}</span> <a href="${entityHref(f.objectEntity.key)}">${f.objectEntity.name}</a>${f.role ? html` (role: ${f.role})` : ''}${f.label ? html` (about: ${f.label})` : ''}</p><blockquote>${highlight(f)}</blockquote></li>`,
        )}</ul>
${pager({ ...a.facts, next: a.facts.next ?? a.mentions.next }, articleHref(a.id))}`,
      ),
    );
  });

  app.get('/graph/:key', async (c) => {
    const { key, name } = await getEntityRef(reader, c.req.param('key'));
    return c.html(
      layout(
        { title: `Graph: ${name}`, scripts: ['graph.js'] },
        html`<h1>Graph around <a href="${entityHref(key)}">${name}</a></h1>
<p id="graph-help">Click an entity to expand its neighbours, double-click it to open its page; the Expand buttons below do the same from the keyboard.</p>
<div id="cy" data-key="${key}" role="img" aria-label="Graph of the entity and its neighbours" aria-describedby="graph-help"></div>
<p id="graph-status" role="status" aria-live="polite">Loading…</p>
<h2>Nodes</h2><ul id="graph-nodes"></ul>`,
      ),
    );
  });

  app.get('/console', (c) =>
    c.html(
      layout(
        { title: 'Cypher console', scripts: ['console.js'] },
        html`<h1>Cypher console</h1>
<p>Read-only, like <code>newsgraph query</code>: writes are refused.</p>
<section aria-labelledby="saved-h"><h2 id="saved-h">Saved queries</h2><ul class="saved">${savedQueries().map(
          (q) =>
            html`<li><button type="button" class="saved-query" disabled data-name="${q.name}" data-cypher="${q.cypher}" data-params="${JSON.stringify(Object.fromEntries(q.params.map((p) => [p.name, p.default ?? ''])))}" data-required="${q.params
              .filter((p) => p.default === null)
              .map((p) => p.name)
              .join(',')}">${q.name}</button> ${q.description}</li>`,
        )}</ul></section>
<form id="console" class="console">
<label for="cypher">Cypher</label>
<textarea id="cypher" name="cypher" rows="8" spellcheck="false" required>MATCH (p:Person)-[f:DIRECTS]->(o:Organization) RETURN p, f, o LIMIT 25</textarea>
<label for="params">Parameters (JSON)</label>
<textarea id="params" name="params" rows="2" spellcheck="false">{}</textarea>
<button type="submit" disabled>Run</button>
</form>
<p id="query-status" role="status" aria-live="polite"></p>
<div id="query-error" role="alert"></div>
<div id="query-graph" hidden aria-label="Result as a graph" role="img"></div>
<div id="query-table"></div>`,
      ),
    ),
  );
  return app;
}
