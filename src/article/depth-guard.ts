/**
 * Bounds tag nesting BEFORE parsing. HTML parsers slow down sharply with depth (200,000 nested `<div>`s
 * take tens of seconds in htmlparser2 and minutes in parse5), so a hostile or broken page is flattened
 * here, in one linear scan: opening tags past the limit are dropped with their matching closing tags.
 * Text is never dropped, only wrappers. Pages within the limit are returned unchanged.
 */

/** Tags with no content: they never open a level. */
const VOID_TAGS = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
]);

/** Tags whose end tag is optional: sloppy pages leave thousands open, so they are not counted as levels. */
const OPTIONAL_END_TAGS = new Set([
  'p',
  'li',
  'dt',
  'dd',
  'tr',
  'td',
  'th',
  'option',
  'optgroup',
  'tbody',
  'thead',
  'tfoot',
  'colgroup',
  'rb',
  'rt',
  'rp',
  'html',
  'head',
  'body',
]);

/** Raw-text elements: their content is not markup. */
const RAW_TEXT = /<(script|style|textarea|title)\b[^>]*>[\s\S]*?<\/\1\s*>/giy;
const TAG = /<(\/?)([a-zA-Z][\w:-]*)\b[^>]*?(\/?)>/g;

/** How far back a closing tag looks for its opening tag (bounded, so mismatched pages stay linear). */
const CLOSE_SEARCH_WINDOW = 64;

/** Real pages nest a few dozen levels; past this they are broken or hostile. */
export const MAX_PARSE_DEPTH = 500;

/** The page with nesting bounded to `maxDepth` counted levels. */
export function boundNesting(html: string, maxDepth: number = MAX_PARSE_DEPTH): string {
  // Fast path: a page with fewer opening tags than the limit cannot exceed it.
  if (countOpenTagsUpTo(html, maxDepth) <= maxDepth) return html;
  const stack: string[] = [];
  const dropped = new Map<string, number>();
  const cuts: Array<[number, number]> = [];
  TAG.lastIndex = 0;
  for (let m = TAG.exec(html); m !== null; m = TAG.exec(html)) {
    const start = m.index;
    RAW_TEXT.lastIndex = start;
    const raw = RAW_TEXT.exec(html);
    if (raw) {
      TAG.lastIndex = start + raw[0].length;
      continue;
    }
    const name = m[2]!.toLowerCase();
    if (VOID_TAGS.has(name) || OPTIONAL_END_TAGS.has(name) || m[3] === '/') continue;
    if (m[1] === '/') {
      const pending = dropped.get(name) ?? 0;
      if (pending > 0) {
        dropped.set(name, pending - 1);
        cuts.push([start, TAG.lastIndex]);
        continue;
      }
      const floor = Math.max(0, stack.length - CLOSE_SEARCH_WINDOW);
      for (let i = stack.length - 1; i >= floor; i--) {
        if (stack[i] === name) {
          stack.length = i;
          break;
        }
      }
    } else if (stack.length >= maxDepth) {
      dropped.set(name, (dropped.get(name) ?? 0) + 1);
      cuts.push([start, TAG.lastIndex]);
    } else {
      stack.push(name);
    }
  }
  if (cuts.length === 0) return html;
  const parts: string[] = [];
  let at = 0;
  for (const [from, to] of cuts) {
    parts.push(html.slice(at, from));
    at = to;
  }
  parts.push(html.slice(at));
  return parts.join('');
}

/** Counts `<x` openings, stopping once past `limit` (cheap pre-check). */
function countOpenTagsUpTo(html: string, limit: number): number {
  let count = 0;
  for (let i = html.indexOf('<'); i !== -1 && count <= limit; i = html.indexOf('<', i + 1)) {
    const c = html.charCodeAt(i + 1);
    if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) count++;
  }
  return count;
}
