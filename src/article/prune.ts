/**
 * Stage 1 of body extraction: mark what is never story text (scripts, hidden elements, navigation,
 * share bars, comments, cookie boxes, …). Marked nodes are skipped by later stages, not removed.
 */
import type { AnyNode, Element } from 'domhandler';
import { MAX_REMOVED_TEXT_SHARE } from './constants.js';
import { classAndId, computeStats, isElement } from './dom.js';
import {
  BOILERPLATE_TOKEN,
  CONTENT_TOKEN,
  FURNITURE_ROLES,
  FURNITURE_TAGS,
  NON_CONTENT_TAGS,
} from './selectors.js';

export interface PruneOptions {
  /** Also drop elements by boilerplate-looking class/id (off in the lenient retry). */
  byClass: boolean;
}

const HIDDEN_STYLE_RE = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)/i;

function isHidden(el: Element): boolean {
  const a = el.attribs;
  if (a.hidden !== undefined) return true;
  if (a['aria-hidden'] === 'true') return true;
  return a.style !== undefined && HIDDEN_STYLE_RE.test(a.style);
}

/** Embedded posts and quotes (`social-media-embed`, `twitter-embed`) are part of the story they sit in. */
const EMBED_TOKEN = /(?:^|[_-])embed(?:ded)?(?=$|[_-])/;
/** … but the caption or credit of an embedded image is not. */
const CAPTION_TOKEN = /(?:^|[_-])(?:caption|credit|credits)(?=$|[_-])/;

/** Whether the class/id says boilerplate and no class token says story container. */
export function hasBoilerplateClass(el: Element): boolean {
  const names = classAndId(el);
  if (names.length === 0) return false;
  const tokens = names.split(/\s+/).filter(Boolean);
  if (tokens.some((t) => CONTENT_TOKEN.test(t) || (EMBED_TOKEN.test(t) && !CAPTION_TOKEN.test(t))))
    return false;
  if (el.attribs.itemprop?.toLowerCase().includes('articlebody')) return false;
  return tokens.some((t) => BOILERPLATE_TOKEN.test(t));
}

/**
 * Phrase-level elements keep their words even with a boilerplate-looking class: a link styled `textTag`
 * inside a sentence is part of the sentence. (`span`, `small` and `time` are not here: they often carry
 * captions, credits and timestamps.)
 */
const INLINE_TAGS = new Set([
  'a',
  'em',
  'strong',
  'b',
  'i',
  'u',
  'abbr',
  'cite',
  'code',
  'mark',
  'q',
  's',
  'sup',
  'sub',
]);

/** Class words of text meant for screen readers only, dropped even from inline elements. */
const SCREEN_READER_RE =
  /(?:^|\s)(?:sr-only|visually-hidden|screen-reader-text|screen-reader-only|offscreen|element-invisible)(?:$|\s)/;

function isFurniture(el: Element, options: PruneOptions): boolean {
  if (FURNITURE_TAGS.has(el.name)) return true;
  const role = el.attribs.role;
  if (role && FURNITURE_ROLES.has(role.toLowerCase())) return true;
  if (isHidden(el)) return true;
  if (!options.byClass || el.name === 'body' || el.name === 'html') return false;
  if (INLINE_TAGS.has(el.name)) return SCREEN_READER_RE.test(el.attribs.class?.toLowerCase() ?? '');
  return hasBoilerplateClass(el);
}

/** Mark non-content nodes under `body`; returns the set of marked nodes. */
export function prune(body: Element, options: PruneOptions): Set<AnyNode> {
  const dropped = new Set<AnyNode>();
  const markNonContent = (el: Element): void => {
    for (const child of el.children) {
      if (child.type === 'comment' || child.type === 'directive' || child.type === 'cdata')
        dropped.add(child);
      else if (isElement(child)) {
        if (NON_CONTENT_TAGS.has(child.name)) dropped.add(child);
        else markNonContent(child);
      }
    }
  };
  markNonContent(body);
  const stats = computeStats(body, dropped);
  const total = stats.get(body)?.text ?? 0;
  const markFurniture = (el: Element): void => {
    for (const child of el.children) {
      if (!isElement(child) || dropped.has(child)) continue;
      const share = total > 0 ? (stats.get(child)?.text ?? 0) / total : 0;
      // A furniture-looking wrapper that holds much of the page is a layout element: look inside instead.
      if (isFurniture(child, options) && share <= MAX_REMOVED_TEXT_SHARE) dropped.add(child);
      else markFurniture(child);
    }
  };
  markFurniture(body);
  return dropped;
}
