/**
 * Stage 2 of body extraction: score containers by the paragraphs they hold (Readability's content score:
 * commas, length, link density, class hints) and pick the story container plus the siblings that belong to it.
 */
import type { AnyNode, Element } from 'domhandler';
import {
  CHARS_PER_POINT,
  CLASS_WEIGHT,
  MAX_LENGTH_POINTS,
  MIN_SCORED_BLOCK_CHARS,
  MIN_SIBLING_SCORE,
  SEMANTIC_BODY_WEIGHT,
  SIBLING_MAX_LINK_DENSITY,
  SIBLING_PARAGRAPH_CHARS,
  SIBLING_SCORE_SHARE,
} from './constants.js';
import { classAndId, contains, isElement, linkDensity, type NodeStats, rawText } from './dom.js';
import { BLOCK_TAGS, NEGATIVE_CLASS, POSITIVE_CLASS } from './selectors.js';
import { normalizeSpace } from './text.js';

/** Tags scored as one paragraph each. */
const PARAGRAPH_TAGS = new Set(['p', 'pre', 'td', 'blockquote']);

/** Tag priors, as in Readability: divs usually wrap stories, lists and headings usually do not. */
const TAG_PRIOR: Record<string, number> = {
  div: 5,
  article: 8,
  main: 5,
  section: 3,
  pre: 3,
  td: 3,
  blockquote: 3,
  address: -3,
  ol: -3,
  ul: -3,
  dl: -3,
  dd: -3,
  dt: -3,
  li: -3,
  form: -3,
  h1: -5,
  h2: -5,
  h3: -5,
  h4: -5,
  h5: -5,
  h6: -5,
  th: -5,
};

/** How many ancestors receive a paragraph's score. */
const SCORE_ANCESTOR_LEVELS = 5;

/** The share a paragraph gives an ancestor `level` steps up (1, 1/2, 1/6, 1/9, …). */
function levelDivider(level: number): number {
  return level === 0 ? 1 : level === 1 ? 2 : level * 3;
}

/** Class/id and semantic weight of a container. */
export function classWeight(el: Element): number {
  let w = 0;
  const names = classAndId(el);
  if (names) {
    if (NEGATIVE_CLASS.test(names)) w -= CLASS_WEIGHT;
    if (POSITIVE_CLASS.test(names)) w += CLASS_WEIGHT;
  }
  if (el.attribs.itemprop?.toLowerCase().includes('articlebody')) w += SEMANTIC_BODY_WEIGHT;
  if (el.name === 'article') w += SEMANTIC_BODY_WEIGHT / 2;
  return w;
}

function hasBlockChild(el: Element, dropped: ReadonlySet<AnyNode>): boolean {
  return el.children.some(
    (c) => isElement(c) && !dropped.has(c) && BLOCK_TAGS.has(c.name) && c.name !== 'br',
  );
}

/** Text of an element's direct text and inline children (what Readability would wrap into a `<p>`). */
function ownInlineText(el: Element, dropped: ReadonlySet<AnyNode>): string {
  let out = '';
  for (const c of el.children) {
    if (dropped.has(c)) continue;
    if (c.type === 'text') out += c.data;
    else if (isElement(c) && !BLOCK_TAGS.has(c.name)) out += rawText(c, dropped);
    else out += ' ';
  }
  return out;
}

export interface Selection {
  /** The containers whose text is the story, in document order. */
  nodes: Element[];
  top: Element;
}

/** Score paragraphs into their ancestors and return the chosen container(s), or null if nothing scored. */
export function selectContent(
  body: Element,
  dropped: ReadonlySet<AnyNode>,
  stats: ReadonlyMap<Element, NodeStats>,
): Selection | null {
  const scores = new Map<Element, number>();
  const addScore = (el: Element, points: number): void => {
    const prior = scores.get(el) ?? (TAG_PRIOR[el.name] ?? 0) + classWeight(el);
    scores.set(el, prior + points);
  };
  const scoreParagraph = (text: string, first: Element): void => {
    const t = normalizeSpace(text);
    if (t.length < MIN_SCORED_BLOCK_CHARS) return;
    const commas = (t.match(/[,，、]/g) ?? []).length;
    const points = 1 + commas + Math.min(MAX_LENGTH_POINTS, Math.floor(t.length / CHARS_PER_POINT));
    let node: Element | null = first;
    for (let level = 0; level < SCORE_ANCESTOR_LEVELS && node && node.name !== 'html'; level++) {
      addScore(node, points / levelDivider(level));
      node = node.parent && isElement(node.parent) ? node.parent : null;
    }
  };
  const walk = (el: Element): void => {
    for (const c of el.children) {
      if (!isElement(c) || dropped.has(c)) continue;
      const parent = c.parent && isElement(c.parent) ? c.parent : null;
      if (PARAGRAPH_TAGS.has(c.name) && parent) {
        if (c.name === 'td' && hasBlockChild(c, dropped)) {
          scoreParagraph(ownInlineText(c, dropped), c);
          walk(c);
        } else scoreParagraph(rawText(c, dropped), parent);
      } else if (hasBlockChild(c, dropped)) {
        // Loose text between blocks (old layouts, `<br>` runs) counts as a paragraph of this element.
        scoreParagraph(ownInlineText(c, dropped), c);
        walk(c);
      } else if (
        BLOCK_TAGS.has(c.name) &&
        parent &&
        !['li', 'dd', 'dt', 'th'].includes(c.name) &&
        !/^h\d$/.test(c.name)
      ) {
        scoreParagraph(rawText(c, dropped), parent);
      } else walk(c);
    }
  };
  walk(body);
  if (scores.size === 0) return null;

  const final = (el: Element): number => (scores.get(el) ?? 0) * (1 - linkDensity(stats.get(el)));
  let top: Element | null = null;
  let best = Number.NEGATIVE_INFINITY;
  for (const el of scores.keys()) {
    const s = final(el);
    if (s > best) {
      best = s;
      top = el;
    }
  }
  if (!top || best <= 0) return null;
  const initial = top;
  top = climb(top, final, dropped);
  let nodes = withSiblings(top, final, dropped, stats);
  nodes = withSameClassChunks(body, top, nodes, final, dropped);
  if (initial !== top) nodes = withSameClassChunks(body, initial, nodes, final, dropped);
  return { top, nodes };
}

/** Move up while a parent scores like the top candidate or the top candidate is its only child. */
function climb(top: Element, final: (el: Element) => number, dropped: ReadonlySet<AnyNode>): Element {
  let current = top;
  let lastScore = final(top);
  const threshold = lastScore / 3;
  let parent = current.parent && isElement(current.parent) ? current.parent : null;
  while (parent && parent.name !== 'body' && parent.name !== 'html') {
    const kept = parent.children.filter((c) => isElement(c) && !dropped.has(c));
    const score = final(parent);
    if (kept.length === 1) current = parent;
    else if (score < threshold) break;
    else if (score > lastScore) {
      current = parent;
      break;
    } else lastScore = score;
    parent = parent.parent && isElement(parent.parent) ? parent.parent : null;
  }
  return current;
}

const SENTENCE_END_RE = /[.!?…。]["”’)]?(\s|$)/;

function withSiblings(
  top: Element,
  final: (el: Element) => number,
  dropped: ReadonlySet<AnyNode>,
  stats: ReadonlyMap<Element, NodeStats>,
): Element[] {
  const parent = top.parent && isElement(top.parent) ? top.parent : null;
  if (!parent) return [top];
  const topScore = final(top);
  const threshold = Math.max(MIN_SIBLING_SCORE, topScore * SIBLING_SCORE_SHARE);
  const topClass = top.attribs.class ?? '';
  const nodes: Element[] = [];
  for (const sib of parent.children) {
    if (!isElement(sib) || dropped.has(sib)) continue;
    if (sib === top) {
      nodes.push(sib);
      continue;
    }
    const bonus = topClass !== '' && sib.attribs.class === topClass ? topScore * SIBLING_SCORE_SHARE : 0;
    if (final(sib) + bonus >= threshold) {
      nodes.push(sib);
      continue;
    }
    if (sib.name === 'p') {
      const s = stats.get(sib);
      const text = normalizeSpace(rawText(sib, dropped));
      const ld = linkDensity(s);
      if (text.length > SIBLING_PARAGRAPH_CHARS && ld < SIBLING_MAX_LINK_DENSITY) nodes.push(sib);
      else if (text.length > 0 && ld === 0 && SENTENCE_END_RE.test(text)) nodes.push(sib);
    }
  }
  return nodes;
}

/**
 * CMSs often split one story into several same-class chunks around figures or ad slots, in different
 * parents (`<section><div class="post__content">…</div></section><figure/><section>…`). Other scoring
 * elements with exactly the top candidate's tag and class join the selection, in document order.
 */
function withSameClassChunks(
  body: Element,
  top: Element,
  chosen: Element[],
  final: (el: Element) => number,
  dropped: ReadonlySet<AnyNode>,
): Element[] {
  const cls = top.attribs.class;
  if (!cls) return chosen;
  const inChosen = (el: Element): boolean => chosen.some((c) => contains(c, el) || contains(el, c));
  const out: Element[] = [];
  const walk = (el: Element): void => {
    for (const c of el.children) {
      if (!isElement(c) || dropped.has(c)) continue;
      if (chosen.includes(c)) out.push(c);
      else if (
        c.name === top.name &&
        c.attribs.class === cls &&
        final(c) >= MIN_SIBLING_SCORE &&
        !inChosen(c)
      ) {
        out.push(c);
      } else walk(c);
    }
  };
  walk(body);
  return out.length >= chosen.length ? out : chosen;
}
