/**
 * Small helpers over the parsed DOM (domhandler nodes, as produced by cheerio's htmlparser2 mode).
 * Hot loops work on nodes directly: this is much faster than going through cheerio objects.
 */
import type { AnyNode, Element } from 'domhandler';

/** Whether a node is an element (tag, script or style). */
export function isElement(node: AnyNode): node is Element {
  return node.type === 'tag' || node.type === 'script' || node.type === 'style';
}

/**
 * The class and id of an element, lower-cased, space separated; camelCase humps become dashes
 * (`imageEmbedCaption` -> `image-embed-caption`) so each word can be matched on its own.
 */
export function classAndId(el: Element): string {
  const c = el.attribs.class;
  const id = el.attribs.id;
  if (!c && !id) return '';
  return `${c ?? ''} ${id ?? ''}`.replace(/([a-z\d])([A-Z])/g, '$1-$2').toLowerCase();
}

/** Per-element text statistics, computed once after pruning. */
export interface NodeStats {
  /** Characters of visible text (whitespace runs count as one). */
  text: number;
  /** Characters of that text inside links. */
  link: number;
}

/** Count characters as rendered: runs of whitespace count as one character. */
function visibleLength(data: string): number {
  let n = 0;
  let space = true;
  for (let i = 0; i < data.length; i++) {
    const c = data.charCodeAt(i);
    const isSpace = c === 32 || c === 10 || c === 9 || c === 13 || c === 12 || c === 160;
    if (isSpace) {
      if (!space) n++;
      space = true;
    } else {
      n++;
      space = false;
    }
  }
  return n;
}

/** Text and link lengths of every kept element under `root` (post-order, one pass). */
export function computeStats(root: Element, dropped: ReadonlySet<AnyNode>): Map<Element, NodeStats> {
  const stats = new Map<Element, NodeStats>();
  const visit = (el: Element, inLink: boolean): NodeStats => {
    const s: NodeStats = { text: 0, link: 0 };
    const link = inLink || el.name === 'a';
    for (const child of el.children) {
      if (dropped.has(child)) continue;
      if (child.type === 'text') {
        const n = visibleLength(child.data);
        s.text += n;
        if (link) s.link += n;
      } else if (isElement(child)) {
        const c = visit(child, link);
        s.text += c.text;
        s.link += c.link;
      }
    }
    stats.set(el, s);
    return s;
  };
  visit(root, false);
  return stats;
}

/** Link density: the share of an element's text that is link text. */
export function linkDensity(stats: NodeStats | undefined): number {
  return stats && stats.text > 0 ? stats.link / stats.text : 0;
}

/** The raw text under a node (skipping dropped nodes), not normalised. */
export function rawText(node: AnyNode, dropped: ReadonlySet<AnyNode>): string {
  if (node.type === 'text') return node.data;
  if (!isElement(node)) return '';
  let out = '';
  for (const child of node.children) if (!dropped.has(child)) out += rawText(child, dropped);
  return out;
}

/** The first descendant element (depth first) that satisfies `test`. */
export function findElement(root: Element, test: (el: Element) => boolean): Element | null {
  for (const child of root.children) {
    if (!isElement(child)) continue;
    if (test(child)) return child;
    const found = findElement(child, test);
    if (found) return found;
  }
  return null;
}

/** Whether `ancestor` contains `node` (or is it). */
export function contains(ancestor: AnyNode, node: AnyNode): boolean {
  for (let n: AnyNode | null = node; n; n = n.parent as AnyNode | null) if (n === ancestor) return true;
  return false;
}

/**
 * Cap the depth of the tree, in place: below `maxDepth`, an element keeps its descendants' text nodes and
 * (emptied) block elements as flat children, in document order. Malformed pages (thousands of unclosed
 * `<font>`/`<div>`) would otherwise overflow the stack of every recursive walk. Iterative on purpose.
 */
export function flattenDeepNodes(root: AnyNode, maxDepth: number, isBlock: (name: string) => boolean): void {
  const stack: Array<{ node: AnyNode; depth: number }> = [{ node: root, depth: 0 }];
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    if (!('children' in node)) continue;
    if (depth < maxDepth) {
      for (const child of node.children) stack.push({ node: child, depth: depth + 1 });
      continue;
    }
    const flat: AnyNode[] = [];
    const pending: AnyNode[] = [...node.children].reverse();
    while (pending.length > 0) {
      const n = pending.pop()!;
      if (n.type === 'text') flat.push(n);
      else if (isElement(n)) {
        const kids = n.children;
        if (isBlock(n.name)) {
          n.children = [];
          flat.push(n);
        }
        for (let i = kids.length - 1; i >= 0; i--) pending.push(kids[i]!);
      }
    }
    flat.forEach((n, i) => {
      n.parent = node as Element;
      n.prev = flat[i - 1] ?? null;
      n.next = flat[i + 1] ?? null;
    });
    (node as Element).children = flat as Element['children'];
  }
}
