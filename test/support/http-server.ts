/**
 * A local HTTP server for fetch, queue and end-to-end tests: article pages plus every hostile case
 * (slow drip, stall, redirect chains and loops, huge and lying bodies, a gzip bomb, a PDF, …).
 * Listens on 127.0.0.1 on a free port; records every request so tests can assert what was (not) sent.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { brotliCompressSync, createGzip, deflateSync, gzipSync } from 'node:zlib';
import { articleHtml, CYRILLIC_HTML, encodeWindows1251, UTF8_HTML } from './article-pages.js';

/** Decompressed size of the gzip bomb: 20× the fetcher's default cap. */
const GZIP_BOMB_BYTES = 100 * 1024 * 1024;
const MB = 1024 * 1024;

export interface TestServer {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  port: number;
  /** Every request received, in order (path + query). */
  requests: Array<{ path: string; headers: IncomingMessage['headers'] }>;
  /** Requests received for paths starting with `prefix`. */
  hits(prefix: string): number;
  /** Text served at /robots.txt (default: allow everything). */
  robots: string;
  close(): Promise<void>;
}

let gzipBomb: Promise<Buffer> | undefined;

/** A gzip stream of GZIP_BOMB_BYTES zeros (~100 KB on the wire), built once, streamed not buffered. */
function buildGzipBomb(): Promise<Buffer> {
  gzipBomb ??= new Promise((resolve, reject) => {
    const gzip = createGzip({ level: 9 });
    const out: Buffer[] = [];
    gzip.on('data', (c: Buffer) => out.push(c));
    gzip.on('end', () => resolve(Buffer.concat(out)));
    gzip.on('error', reject);
    const zeros = Buffer.alloc(MB, 0x20);
    let written = 0;
    const pump = (): void => {
      while (written < GZIP_BOMB_BYTES) {
        written += MB;
        if (!gzip.write(zeros)) return void gzip.once('drain', pump);
      }
      gzip.end();
    };
    pump();
  });
  return gzipBomb;
}

function send(
  res: ServerResponse,
  status: number,
  body: string | Buffer,
  headers: Record<string, string> = {},
) {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', ...headers });
  res.end(body);
}

/** Stream `total` bytes of HTML filler, with or without a Content-Length. */
function streamBig(res: ServerResponse, total: number, withLength: boolean): void {
  res.writeHead(200, {
    'content-type': 'text/html',
    ...(withLength ? { 'content-length': String(total) } : {}),
  });
  const chunk = Buffer.alloc(64 * 1024, 'a');
  let sent = 0;
  const pump = (): void => {
    while (sent < total && !res.destroyed) {
      sent += chunk.length;
      if (!res.write(chunk)) return void res.once('drain', pump);
    }
    res.end();
  };
  pump();
}

type Handler = (req: IncomingMessage, res: ServerResponse, url: URL, state: State) => void | Promise<void>;
interface State {
  flaky: Map<string, number>;
  server: TestServer;
}

const routes: Array<[RegExp, Handler]> = [
  [/^\/article\/(\d+)$/, (_q, res, url) => send(res, 200, articleHtml(Number(url.pathname.split('/')[2])))],
  [/^\/robots\.txt$/, (_q, res, _u, s) => send(res, 200, s.server.robots, { 'content-type': 'text/plain' })],
  [
    /^\/redirect\/(\d+)$/,
    (_q, res, url) => {
      const n = Number(url.pathname.split('/')[2]);
      res.writeHead(302, { location: n > 0 ? `/redirect/${n - 1}` : '/article/1' }).end();
    },
  ],
  [/^\/loop\/a$/, (_q, res) => res.writeHead(301, { location: '/loop/b' }).end()],
  [/^\/loop\/b$/, (_q, res) => res.writeHead(301, { location: '/loop/a' }).end()],
  [
    /^\/redirect-to$/,
    (_q, res, url) => res.writeHead(302, { location: url.searchParams.get('url') ?? '/' }).end(),
  ],
  [
    /^\/slow-drip$/,
    (_q, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.write('<html>');
      const timer = setInterval(() => (res.destroyed ? clearInterval(timer) : res.write('<p>')), 300);
      res.on('close', () => clearInterval(timer));
    },
  ],
  [
    /^\/stall$/,
    (_q, res) => {
      res.writeHead(200, { 'content-type': 'text/html', 'content-length': '5000' });
      res.write('<html><body>');
    },
  ],
  [/^\/stall-headers$/, () => undefined],
  [/^\/big\/(\d+)mb$/, (_q, res, url) => streamBig(res, Number(/(\d+)mb/.exec(url.pathname)![1]) * MB, true)],
  [
    /^\/big-chunked\/(\d+)mb$/,
    (_q, res, url) => streamBig(res, Number(/(\d+)mb/.exec(url.pathname)![1]) * MB, false),
  ],
  [
    /^\/pdf$/,
    (_q, res) =>
      send(res, 200, Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n'), {
        'content-type': 'application/pdf',
      }),
  ],
  [/^\/binary$/, (_q, res) => send(res, 200, randomBytes(200_000), { 'content-type': 'text/html' })],
  [
    /^\/gzip-bomb$/,
    async (_q, res) =>
      send(res, 200, await buildGzipBomb(), { 'content-type': 'text/html', 'content-encoding': 'gzip' }),
  ],
  [/^\/empty$/, (_q, res) => send(res, 200, '')],
  [
    /^\/status\/(\d+)$/,
    (_q, res, url) => send(res, Number(url.pathname.split('/')[2]), '<html><body>status</body></html>'),
  ],
  [
    /^\/flaky\/(\w+)$/,
    (_q, res, url, s) => {
      const seen = (s.flaky.get(url.pathname) ?? 0) + 1;
      s.flaky.set(url.pathname, seen);
      if (seen === 1) return send(res, 503, 'busy', { 'retry-after': '1' });
      send(res, 200, articleHtml(7, url.pathname));
    },
  ],
  [
    /^\/lying-length$/,
    (req, res) => {
      res.writeHead(200, { 'content-type': 'text/html', 'content-length': '100000' });
      res.write(articleHtml(3).slice(0, 500));
      setTimeout(() => req.socket.destroy(), 50);
    },
  ],
  [
    /^\/cp1251$/,
    (_q, res) =>
      send(res, 200, encodeWindows1251(CYRILLIC_HTML), { 'content-type': 'text/html; charset=windows-1251' }),
  ],
  [
    /^\/utf8-undeclared$/,
    (_q, res) => send(res, 200, Buffer.from(UTF8_HTML, 'utf8'), { 'content-type': 'text/html' }),
  ],
  [
    /^\/nested$/,
    (_q, res) =>
      send(res, 200, `<html><body>${'<div>'.repeat(200_000)}deep${'</div>'.repeat(200_000)}</body></html>`),
  ],
  [
    /^\/script-only$/,
    (_q, res) => send(res, 200, `<html><body>${'<script>var x = 1;</script>'.repeat(200)}</body></html>`),
  ],
  [/^\/gzip-article$/, (_q, res) => send(res, 200, gzipSyncCached(), { 'content-encoding': 'gzip' })],
  [
    /^\/br-article$/,
    (_q, res) => send(res, 200, brotliCompressSync(articleHtml(5)), { 'content-encoding': 'br' }),
  ],
  [
    /^\/deflate-article$/,
    (_q, res) => send(res, 200, deflateSync(articleHtml(6)), { 'content-encoding': 'deflate' }),
  ],
  [
    /^\/etag$/,
    (req, res) => {
      if (req.headers['if-none-match'] === '"v1"') return void res.writeHead(304).end();
      send(res, 200, articleHtml(8), { etag: '"v1"', 'last-modified': 'Tue, 04 Mar 2025 10:00:00 GMT' });
    },
  ],
  [
    /^\/echo-headers$/,
    (req, res) => send(res, 200, `<html><body><pre>${JSON.stringify(req.headers)}</pre></body></html>`),
  ],
];

let gzipCache: Buffer | undefined;
function gzipSyncCached(): Buffer {
  gzipCache ??= gzipSync(articleHtml(4));
  return gzipCache;
}

/** Start the server on 127.0.0.1:<free port>. */
export async function startTestServer(): Promise<TestServer> {
  const sockets = new Set<Socket>();
  const server: Server = createServer();
  const requests: TestServer['requests'] = [];
  const api: TestServer = {
    origin: '',
    port: 0,
    requests,
    robots: 'User-agent: *\nAllow: /\n',
    hits: (prefix) => requests.filter((r) => r.path.startsWith(prefix)).length,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
  const state: State = { flaky: new Map(), server: api };
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  server.on('request', (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    requests.push({ path: url.pathname + url.search, headers: req.headers });
    const route = routes.find(([re]) => re.test(url.pathname));
    if (!route) return send(res, 404, '<html><body>not found</body></html>');
    Promise.resolve(route[1](req, res, url, state)).catch(() => res.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  api.port = port;
  api.origin = `http://127.0.0.1:${port}`;
  return api;
}
