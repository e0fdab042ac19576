/**
 * Stage 3 of body extraction: turn the chosen containers into text blocks (paragraphs and subheadings),
 * skipping link lists and widgets inside them, and dropping lines that are page furniture.
 */
import type { AnyNode, Element } from 'domhandler';
import {
  MAX_BLOCK_LINK_DENSITY,
  MAX_CONTAINER_LINK_DENSITY,
  MAX_HEADING_CHARS,
  SHORT_BLOCK_CHARS,
} from './constants.js';
import { isElement, linkDensity, type NodeStats } from './dom.js';
import { BLOCK_TAGS, BOILERPLATE_LINE, BOILERPLATE_PREFIX, HEADING_TAGS } from './selectors.js';
import { normalizeSpace } from './text.js';

/** One paragraph or subheading of the body. */
export interface Block {
  text: string;
  heading: boolean;
  /** Characters inside links. */
  linkChars: number;
}

/** Containers judged as a whole (a list of links is navigation wherever it sits). */
const JUDGED_CONTAINERS = new Set(['ul', 'ol', 'dl', 'table', 'div', 'section', 'form', 'center']);

/** Containers with at least this many commas are prose, whatever their link density. */
const PROSE_COMMAS = 10;

function isLinkList(el: Element, stats: ReadonlyMap<Element, NodeStats>, text: () => string): boolean {
  if (!JUDGED_CONTAINERS.has(el.name)) return false;
  const s = stats.get(el);
  if (!s || s.text === 0) return false;
  if (linkDensity(s) <= MAX_CONTAINER_LINK_DENSITY) return false;
  return (text().match(/,/g) ?? []).length < PROSE_COMMAS;
}

/** Collect blocks from `nodes` in document order. */
export function collectBlocks(
  nodes: readonly Element[],
  dropped: ReadonlySet<AnyNode>,
  stats: ReadonlyMap<Element, NodeStats>,
): Block[] {
  const blocks: Block[] = [];
  let buf = '';
  let linkChars = 0;
  let heading = false;
  const flush = (): void => {
    const text = normalizeSpace(buf);
    if (text.length > 0) blocks.push({ text, heading, linkChars: Math.min(linkChars, text.length) });
    buf = '';
    linkChars = 0;
    heading = false;
  };
  const walk = (node: AnyNode, inLink: boolean): void => {
    if (dropped.has(node)) return;
    if (node.type === 'text') {
      buf += node.data;
      if (inLink) linkChars += normalizeSpace(node.data).length;
      return;
    }
    if (!isElement(node)) return;
    const block = BLOCK_TAGS.has(node.name);
    if (block) {
      flush();
      if (isLinkList(node, stats, () => textOf(node, dropped))) return;
    }
    if (HEADING_TAGS.has(node.name)) heading = true;
    const link = inLink || node.name === 'a';
    for (const child of node.children) walk(child, link);
    if (block) flush();
  };
  for (const n of nodes) walk(n, false);
  flush();
  return blocks;
}

function textOf(node: AnyNode, dropped: ReadonlySet<AnyNode>): string {
  if (node.type === 'text') return node.data;
  if (!isElement(node) || dropped.has(node)) return '';
  let out = '';
  for (const c of node.children) out += textOf(c, dropped);
  return out;
}

/** "Updated 11:21 pm CST, Tuesday, November 19, 2019", "Published at 1:23 p.m.": timestamp lines. */
const STAMP_LINE_RE =
  /^(?:updated|published|posted|last updated|modified|first published)\b.{0,60}\d.{0,30}$/i;
/** "By Adrien Henni", "BY JANE DOE and JOHN ROE | Reuters": a byline of capitalised names, not "By the end …". */
const BYLINE_RE =
  /^(?:[Bb]y|BY|[Pp]or|[Vv]on|[Oo]leh|[Pp]ar|Автор:?)\s+(?:\p{Lu}[\p{L}.'’-]*(?:\s+|,\s*|$)(?:(?:and|&|und|e|y|dan|и)\s+)?){1,8}(?:[|·,—–-].{0,40})?$/u;
const DATE_LINE_RE =
  /^(?:(?:published|updated|posted|last updated|modified)\s*:?\s*)?(?:[a-z]{3,9}\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+[a-z]{3,9}\.?\s+\d{4}|\d{4}-\d{2}-\d{2}|\d{1,2}[./]\d{1,2}[./]\d{2,4})(?:\s*(?:at\s*)?\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?(?:\s*[A-Z]{2,4})?)?$/i;

/** Whether a block is page furniture: link lines, share/tag lines, bylines, bare dates, the title again. */
export function isFurnitureBlock(block: Block, title: string | null): boolean {
  const { text } = block;
  const density = text.length > 0 ? block.linkChars / text.length : 0;
  if (density > MAX_BLOCK_LINK_DENSITY) return true;
  if (BOILERPLATE_LINE.test(text) || BOILERPLATE_PREFIX.test(text)) return true;
  if (
    text.length < SHORT_BLOCK_CHARS &&
    (BYLINE_RE.test(text) || DATE_LINE_RE.test(text) || STAMP_LINE_RE.test(text))
  )
    return true;
  if (title && text.toLowerCase() === title.toLowerCase()) return true;
  if (block.heading && text.length > MAX_HEADING_CHARS) block.heading = false;
  return false;
}

/** Drop furniture blocks and return the rest. */
export function filterBlocks(blocks: Block[], title: string | null): Block[] {
  const kept = blocks.filter((b) => !isFurnitureBlock(b, title));
  // A trailing heading with nothing after it introduces something we removed ("Related", "Comments").
  while (kept.length > 0 && kept[kept.length - 1]!.heading) kept.pop();
  return kept;
}
