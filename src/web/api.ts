/**
 * The JSON API under `/api` (documented in the README). Every list is paged (`?offset=&limit=` ->
 * `{ items, offset, limit, next }`); every error is `{ error: { code, message } }` with an HTTP status.
 */
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { InputError, NewsgraphError } from '../core/index.js';
import type { GraphReader } from '../graph/index.js';
import { type QueryRequest, runQuery, savedQueries } from './console.js';
import { getEntity, getRelationFacts } from './entity-page.js';
import { getArticle, getFactEvidence, getNeighbourhood, NotFoundError, searchEntities } from './explorer.js';
import { pageRequest, slicePage } from './page.js';

/** Neighbours drawn by default; the graph view stays fluid at a few hundred nodes. */
export const DEFAULT_NEIGHBOURS = 100;
export const MAX_NEIGHBOURS = 500;
/** A console request is a Cypher text and a few parameters. */
const MAX_BODY_BYTES = 64 * 1024;
/** Facts on one article page when the caller names no limit. */
export const DEFAULT_FACTS = 50;
/**
 * Facts shown per relation group (type × direction) on an entity page when the caller names no limit;
 * the rest of a group is paged through `/entities/:key/facts`. Each shown fact brings its best sentences
 * (up to 3), read by id: a hub's page reads at most 5 × 3 × its groups (4 in the bench's hubs: 60)
 * sentences instead of ~150 (the first 50 facts), the step whose cost grows with them (bench/web.ts).
 */
export const FACTS_PER_GROUP = 5;

/** Codes of a store that is down, locked or refuses us: 503, a retry may help. */
const UNAVAILABLE = new Set([
  'graph-locked',
  'neo4j-unavailable',
  'neo4j-auth',
  'neo4j-database',
  'neo4j-transient',
]);
/** The database itself rejected the query text (syntax, unknown function, a write in a READ session). */
const BAD_QUERY = new Set(['graph-query', 'remote-query', 'neo4j-query', 'read-only']);

export interface ApiError {
  status: ContentfulStatusCode;
  code: string;
  message: string;
}

/** The status, code and message an error is reported with. */
export function toApiError(err: unknown): ApiError {
  if (err instanceof NotFoundError) return { status: 404, code: err.code, message: err.message };
  if (err instanceof InputError) return { status: 400, code: err.code, message: err.message };
  if (err instanceof NewsgraphError) {
    if (UNAVAILABLE.has(err.code)) return { status: 503, code: err.code, message: err.message };
    if (BAD_QUERY.has(err.code)) return { status: 400, code: err.code, message: err.message };
    return { status: 500, code: err.code, message: err.message };
  }
  return { status: 500, code: 'internal', message: err instanceof Error ? err.message : String(err) };
}

export const errorBody = (e: ApiError) => ({ error: { code: e.code, message: e.message } });

/** Facts per relation group on an entity page: `?limit=`, else {@link FACTS_PER_GROUP}. */
export const perGroup = (limit: string | undefined): number =>
  pageRequest(undefined, limit, FACTS_PER_GROUP).limit;

/** The `/api` routes over one reader. */
export function apiRoutes(reader: GraphReader): Hono {
  const api = new Hono();
  const page = (q: (name: string) => string | undefined, defaultLimit?: number) =>
    pageRequest(q('offset'), q('limit'), defaultLimit);

  api.get('/search', async (c) =>
    c.json(
      await searchEntities(
        reader,
        c.req.query('q') ?? '',
        page((n) => c.req.query(n)),
      ),
    ),
  );
  api.get('/entities/:key', async (c) =>
    c.json(await getEntity(reader, c.req.param('key'), perGroup(c.req.query('limit')))),
  );
  api.get('/entities/:key/facts', async (c) =>
    c.json(
      await getRelationFacts(
        reader,
        c.req.param('key'),
        c.req.query('relation') ?? '',
        c.req.query('direction') ?? '',
        page((n) => c.req.query(n)),
      ),
    ),
  );
  api.get('/entities/:key/facts/:factKey/evidence', async (c) =>
    c.json(
      await getFactEvidence(
        reader,
        c.req.param('key'),
        c.req.param('factKey'),
        page((n) => c.req.query(n)),
      ),
    ),
  );
  api.get('/entities/:key/neighbours', async (c) => {
    const { limit } = pageRequest(undefined, c.req.query('limit'), DEFAULT_NEIGHBOURS);
    if (limit > MAX_NEIGHBOURS) throw new InputError('bad-param', `limit must be at most ${MAX_NEIGHBOURS}`);
    return c.json(await getNeighbourhood(reader, c.req.param('key'), limit));
  });
  api.get('/articles/:id', async (c) =>
    c.json(
      await getArticle(
        reader,
        c.req.param('id'),
        page((n) => c.req.query(n)),
      ),
    ),
  );
  api.get('/queries', (c) =>
    c.json(
      slicePage(
        savedQueries(),
        page((n) => c.req.query(n)),
      ),
    ),
  );
  api.post(
    '/query',
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: (c) =>
        c.json(errorBody({ status: 413, code: 'too-large', message: 'request body over 64 KB' }), 413),
    }),
    async (c) => {
      const body = (await c.req.json().catch(() => {
        throw new InputError(
          'bad-json',
          'the request body must be JSON: {"cypher": "…"} or {"saved": "name"}',
        );
      })) as QueryRequest;
      if (!body || typeof body !== 'object')
        throw new InputError('bad-json', 'the request body must be an object');
      return c.json(
        await runQuery(
          reader,
          body,
          page((n) => c.req.query(n)),
        ),
      );
    },
  );
  api.notFound((c) =>
    c.json(errorBody({ status: 404, code: 'no-route', message: `no API route ${c.req.path}` }), 404),
  );
  return api;
}
