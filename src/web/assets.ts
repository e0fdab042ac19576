/**
 * The static files the pages load: our stylesheet and two module scripts (src/web/public), and
 * Cytoscape.js straight from node_modules (no CDN, no build step). A fixed list read once, so no request
 * path ever reaches the file system.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export interface Asset {
  type: string;
  body: string;
}

const JS = 'text/javascript; charset=utf-8';
const PUBLIC = new URL('./public/', import.meta.url);

const SOURCES: Record<string, { url: URL; type: string }> = {
  'app.css': { url: new URL('app.css', PUBLIC), type: 'text/css; charset=utf-8' },
  'graph.js': { url: new URL('graph.js', PUBLIC), type: JS },
  'console.js': { url: new URL('console.js', PUBLIC), type: JS },
  'draw.js': { url: new URL('draw.js', PUBLIC), type: JS },
  'cytoscape.js': { url: new URL(import.meta.resolve('cytoscape/dist/cytoscape.esm.min.mjs')), type: JS },
};

let cache: Map<string, Asset> | undefined;

/** Every asset by file name, read on first use. */
export function loadAssets(): Map<string, Asset> {
  cache ??= new Map(
    Object.entries(SOURCES).map(([name, s]) => [
      name,
      { type: s.type, body: readFileSync(fileURLToPath(s.url), 'utf8') },
    ]),
  );
  return cache;
}
