/**
 * The explorer app (Hono) and its HTTP server. Read-only by construction: it holds a {@link GraphReader}.
 * Loopback by default; any other address needs an access token (see {@link assertSafeBind}).
 */
import { timingSafeEqual } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { html } from 'hono/html';
import { secureHeaders } from 'hono/secure-headers';
import ipaddr from 'ipaddr.js';
import { InputError } from '../core/index.js';
import type { GraphReader } from '../graph/index.js';
import { apiRoutes, errorBody, toApiError } from './api.js';
import { loadAssets } from './assets.js';
import { layout } from './layout.js';
import { pageRoutes } from './pages.js';

export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_PORT = 7475; // next to Neo4j Browser's 7474
const TOKEN_COOKIE = 'newsgraph_token';
/** A token shorter than this is guessable. */
export const MIN_TOKEN_CHARS = 16;

export interface ExplorerOptions {
  /** When set, every request must carry it: `Authorization: Bearer …`, or `?token=` once (sets a cookie). */
  token?: string;
}

/** Whether `host` only accepts connections from this machine. */
export function isLoopbackHost(host: string): boolean {
  if (host === 'localhost') return true;
  const bare = host.replace(/^\[|\]$/g, '');
  return ipaddr.isValid(bare) && ipaddr.process(bare).range() === 'loopback';
}

/** Refuse to bind beyond loopback without a (long enough) token. */
export function assertSafeBind(host: string, token: string | undefined): void {
  if (token !== undefined && token.length < MIN_TOKEN_CHARS)
    throw new InputError('weak-token', `the access token must have at least ${MIN_TOKEN_CHARS} characters`);
  if (!isLoopbackHost(host) && token === undefined)
    throw new InputError(
      'token-required',
      `binding ${host} exposes the graph to the network: set NEWSGRAPH_TOKEN (or --token) to require an access token`,
    );
}

function sameToken(given: string | undefined, token: string): boolean {
  if (given === undefined) return false;
  const [a, b] = [Buffer.from(given), Buffer.from(token)];
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The whole app over one reader: `/api/*`, the pages, `/assets/*`. */
export function createExplorer(reader: GraphReader, options: ExplorerOptions = {}): Hono {
  const app = new Hono();
  const assets = loadAssets();
  const isApi = (path: string) => path === '/api' || path.startsWith('/api/');
  app.use(
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"], // Cytoscape sizes its canvases with inline styles
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
      },
    }),
  );
  const { token } = options;
  if (token !== undefined) {
    app.use(async (c, next) => {
      const bearer = /^Bearer (.+)$/.exec(c.req.header('authorization') ?? '')?.[1];
      const query = c.req.query('token');
      if (sameToken(bearer, token) || sameToken(getCookie(c, TOKEN_COOKIE), token)) return next();
      if (sameToken(query, token)) {
        setCookie(c, TOKEN_COOKIE, token, { httpOnly: true, sameSite: 'Strict', path: '/' });
        return next();
      }
      const e = {
        status: 401 as const,
        code: 'unauthorized',
        message: 'this explorer needs its access token',
      };
      return isApi(c.req.path)
        ? c.json(errorBody(e), 401)
        : c.html(
            layout(
              { title: 'Access token needed' },
              html`<h1>Access token needed</h1><p>Open the address <code>newsgraph serve</code> printed (it ends in <code>?token=…</code>).</p>`,
            ),
            401,
          );
    });
  }
  app.get('/assets/:name', (c) => {
    const asset = assets.get(c.req.param('name'));
    if (!asset) return c.text('not found', 404);
    return c.body(asset.body, 200, { 'content-type': asset.type, 'cache-control': 'no-cache' });
  });
  app.route('/api', apiRoutes(reader));
  app.route('/', pageRoutes(reader));
  app.onError((err, c) => {
    const e = toApiError(err);
    if (isApi(c.req.path)) return c.json(errorBody(e), e.status);
    return c.html(
      layout(
        { title: 'Error' },
        html`<h1>${e.status === 404 ? 'Not found' : 'Something went wrong'}</h1><p role="alert">${e.message}</p><p><a href="/">Back to search</a></p>`,
      ),
      e.status,
    );
  });
  app.notFound((c) => {
    const e = { status: 404 as const, code: 'no-route', message: `nothing at ${c.req.path}` };
    if (isApi(c.req.path)) return c.json(errorBody(e), 404);
    return c.html(
      layout(
        { title: 'Not found' },
        html`<h1>Not found</h1><p>${e.message}</p><p><a href="/">Back to search</a></p>`,
      ),
      404,
    );
  });
  return app;
}

export interface RunningExplorer {
  /** `http://host:port/` (with `?token=` when one is required). */
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Listen on `host:port` (port 0: a free one). Closing stops the server; the reader is the caller's. */
export async function startExplorer(
  reader: GraphReader,
  options: ExplorerOptions & { host?: string; port?: number } = {},
): Promise<RunningExplorer> {
  const host = options.host ?? DEFAULT_HOST;
  assertSafeBind(host, options.token);
  const app = createExplorer(reader, options);
  const { server, info } = await new Promise<{ server: ReturnType<typeof serve>; info: AddressInfo }>(
    (resolve, reject) => {
      const s = serve({ fetch: app.fetch, hostname: host, port: options.port ?? DEFAULT_PORT }, (info) =>
        resolve({ server: s, info }),
      );
      s.once('error', reject);
    },
  );
  const shown = info.family === 'IPv6' ? `[${info.address}]` : info.address;
  const query = options.token ? `?token=${encodeURIComponent(options.token)}` : '';
  return {
    url: `http://${shown}:${info.port}/${query}`,
    port: info.port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        if ('closeAllConnections' in server) server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}
