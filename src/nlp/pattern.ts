/**
 * A small pattern language for relation rules, compiled to regular expressions over a sentence encoded as
 * units: one unit per entity mention (` EP3` = Person, mention 3) and one per other token
 * (` said~verb`). Pattern elements, separated by spaces:
 * - `PER`, `ORG`, `LOC`, `NAT` (a nationality: "Iranian"), `PRD`, or alternatives `PER|ORG`; `:s` / `:o` capture the
 *   subject / object;
 * - a literal word or punctuation, or alternatives: `said`, `,`, `'s`, `a|an|the`;
 * - a word class: `~role`, `~lead`, `~adj`, `~noun`, `~verb`, `~kill`, `~resident` ("businessman", "mother"); `:r` captures the role, `:l` the label;
 * - `?` after an element makes it optional; `*N` skips up to N non-entity words, `%N` up to N units of any kind;
 *   `^` anchors at the sentence start; `[` … `]` groups elements (`]?` optional, `]:l` captured).
 */

const TYPE_LETTER: Record<string, string> = { PER: 'P', ORG: 'O', LOC: 'L', NAT: 'N', PRD: 'X' };

const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
const WORD_TAIL = '(?:~[a-z]+)*(?= |$)';

function compileElement(raw: string): string {
  let el = raw;
  let optional = false;
  if (el.length > 1 && el.endsWith('?')) {
    optional = true;
    el = el.slice(0, -1);
  }
  let capture: string | undefined;
  const colon = el.lastIndexOf(':');
  if (colon > 0 && /^[a-z]$/.test(el.slice(colon + 1))) {
    capture = el.slice(colon + 1);
    el = el.slice(0, colon);
  }
  let body: string;
  const gap = /^\*(\d+)$/.exec(el);
  const anyGap = /^%(\d+)$/.exec(el);
  if (gap) {
    body = `(?: [^E ][^ ]*){0,${gap[1]}}`;
  } else if (anyGap) {
    body = `(?: [^ ]+){0,${anyGap[1]}}?`;
  } else if (el.split('|').every((p) => p in TYPE_LETTER)) {
    const letters = el
      .split('|')
      .map((p) => TYPE_LETTER[p])
      .join('');
    const index = capture ? `(?<${capture}>\\d+)` : '\\d+';
    return wrap(` E[${letters}]${index}(?= |$)`, optional);
  } else if (el.startsWith('~')) {
    body = ` [^E ~][^ ~]*(?:~[a-z]+)*~${el.slice(1)}${WORD_TAIL}`;
  } else {
    body = ` (?:${el.split('|').map(escapeRe).join('|')})${WORD_TAIL}`;
  }
  if (capture) body = `(?<${capture}>${body})`;
  return wrap(body, optional);
}

function wrap(body: string, optional: boolean): string {
  return optional ? `(?:${body})?` : `(?:${body})`;
}

/** Compile a pattern to a global regular expression over encoded units. */
export function compilePattern(pattern: string): RegExp {
  const parts: string[] = [];
  const stack: string[][] = [];
  let current = parts;
  for (const el of pattern.trim().split(/\s+/)) {
    if (el === '^') {
      current.push('^');
    } else if (el === '[') {
      stack.push(current);
      current = [];
    } else if (/^\](\?)?(?::([a-z]))?$/.test(el)) {
      const [, optional, capture] = /^\](\?)?(?::([a-z]))?$/.exec(el)!;
      const inner = capture ? `(?<${capture}>${current.join('')})` : current.join('');
      current = stack.pop()!;
      current.push(optional ? `(?:${inner})?` : `(?:${inner})`);
    } else current.push(compileElement(el));
  }
  return new RegExp(parts.join(''), 'g');
}

/** One unit of an encoded sentence: an entity mention or a word. */
export interface Unit {
  /** Index of the mention in the sentence's mention list, or -1 for a word. */
  mention: number;
  /** Token range in the sentence. */
  from: number;
  to: number;
}

/** Matches of a compiled pattern: captured mention indexes and captured words. */
export interface PatternMatch {
  s?: number;
  o?: number;
  r?: string;
  l?: string;
}

/** Find every (overlapping) match of `re` in `encoded`. */
export function matchAll(re: RegExp, encoded: string): PatternMatch[] {
  const out: PatternMatch[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(encoded); m !== null; m = re.exec(encoded)) {
    const g = m.groups ?? {};
    out.push({
      s: g.s !== undefined ? Number(g.s) : undefined,
      o: g.o !== undefined ? Number(g.o) : undefined,
      r: g.r !== undefined ? wordsOf(g.r) : undefined,
      l: g.l !== undefined ? wordsOf(g.l) : undefined,
    });
    re.lastIndex = m.index + 1;
  }
  return out;
}

function wordsOf(units: string): string {
  return units
    .trim()
    .split(' ')
    .map((u) => u.split('~')[0])
    .join(' ');
}
