/**
 * The article body: prune furniture, score containers, collect and filter blocks. A lenient retry (no
 * class-based pruning) rescues pages whose story container has a boilerplate-looking class; JSON-LD
 * `articleBody` is a last hint when the DOM yields (almost) nothing.
 */
import type { CheerioAPI } from 'cheerio';
import type { Element } from 'domhandler';
import { type Block, collectBlocks, filterBlocks } from './blocks.js';
import { JSONLD_BODY_ADVANTAGE, MIN_DOM_BODY_CHARS } from './constants.js';
import { computeStats } from './dom.js';
import { prune } from './prune.js';
import { selectContent } from './score.js';
import { normalizeSpace } from './text.js';

/** How the body was found, for diagnostics. */
export type BodyStrategy = 'scored' | 'lenient' | 'json-ld' | 'none';

export interface BodyResult {
  blocks: Block[];
  strategy: BodyStrategy;
}

function blockChars(blocks: readonly Block[]): number {
  let n = 0;
  for (const b of blocks) n += b.text.length;
  return n;
}

function extractFrom(body: Element, title: string | null, byClass: boolean): Block[] {
  const dropped = prune(body, { byClass });
  const stats = computeStats(body, dropped);
  const selection = selectContent(body, dropped, stats);
  // Nothing scored (only short lines, or text straight in <body>): take what the pruned page has.
  const nodes = selection ? selection.nodes : [body];
  return filterBlocks(collectBlocks(nodes, dropped, stats), title);
}

function jsonLdBlocks(text: string): Block[] {
  return text
    .split(/\n\s*\n|\r\n\s*\r\n|\n/)
    .map((t) => normalizeSpace(t))
    .filter((t) => t.length > 0)
    .map((t) => ({ text: t, heading: false, linkChars: 0 }));
}

/** Find the body blocks of a parsed page. */
export function extractBody($: CheerioAPI, title: string | null, jsonLdBody: string | null): BodyResult {
  const body = ($('body').get(0) ?? $.root().children().get(0)) as Element | undefined;
  if (!body) return { blocks: [], strategy: 'none' };
  let blocks = extractFrom(body, title, true);
  let strategy: BodyStrategy = 'scored';
  if (blockChars(blocks) < MIN_DOM_BODY_CHARS) {
    const lenient = extractFrom(body, title, false);
    if (blockChars(lenient) > blockChars(blocks)) {
      blocks = lenient;
      strategy = 'lenient';
    }
  }
  if (jsonLdBody && blockChars(blocks) < MIN_DOM_BODY_CHARS) {
    const ld = jsonLdBlocks(jsonLdBody);
    if (blockChars(ld) > JSONLD_BODY_ADVANTAGE * blockChars(blocks))
      return { blocks: ld, strategy: 'json-ld' };
  }
  return { blocks, strategy: blocks.length > 0 ? strategy : 'none' };
}
