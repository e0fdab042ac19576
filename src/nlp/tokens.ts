/**
 * Tokens: compromise's terms plus the punctuation between them, each with exact UTF-16 offsets,
 * grouped into sentences. Everything after this step works on tokens only.
 */
import { parseTerms, type RawTerm } from './compromise.js';
import { ABBREVIATIONS, SENTENCE_END } from './rules/vocabulary.js';

export interface Token {
  text: string;
  /** Lower-cased text. */
  lower: string;
  start: number;
  end: number;
  /** compromise's tags (empty for punctuation). */
  tags: ReadonlySet<string>;
  isPunct: boolean;
  /** Whitespace separates this token from the previous one. */
  spaceBefore: boolean;
  /** Starts with an upper-case letter. */
  isCap: boolean;
}

export interface Sentence {
  tokens: Token[];
  start: number;
  end: number;
}

const NO_TAGS: ReadonlySet<string> = new Set();
const CAP = /^\p{Lu}/u;
const POSSESSIVE = /^(.+?)(['’]s?)$/u;
/**
 * Text already split into tokens (a space before every comma: "Rome , Italy"), as corpora ship it. There a
 * period still attached to a word was left there by the tokenizer and belongs to that token.
 */
const PRETOKENIZED = /\p{L} [,;:] /u;
const INITIAL = /^\p{Lu}$/u;

function makeToken(text: string, start: number, tags: ReadonlySet<string>, source: string): Token {
  const isPunct = !/[\p{L}\p{N}]/u.test(text);
  return {
    text,
    lower: text.toLowerCase(),
    start,
    end: start + text.length,
    tags,
    isPunct,
    spaceBefore: start === 0 || /\s/u.test(source[start - 1] ?? ' '),
    isCap: CAP.test(text),
  };
}

/** The period after "Dr", "Tenn", "J" belongs to the word. */
function takesPeriod(word: string): boolean {
  return INITIAL.test(word) || ABBREVIATIONS.has(word.toLowerCase());
}

function pushTerm(out: Token[], term: RawTerm, source: string, pretokenized: boolean): void {
  const prev = out[out.length - 1];
  // Tokenized text writes possessives apart ("Garfield 's"): the apostrophe and the s are one token.
  if (term.text.toLowerCase() === 's' && prev && /^['’]$/.test(prev.text) && prev.end === term.start) {
    out[out.length - 1] = {
      ...prev,
      text: `${prev.text}s`,
      lower: `${prev.text}s`,
      end: term.start + 1,
      isPunct: false,
    };
    return;
  }
  let text = term.text;
  let suffix = '';
  const possessive = POSSESSIVE.exec(text);
  if (possessive && /\p{L}/u.test(possessive[1]!)) {
    text = possessive[1]!;
    suffix = possessive[2]!;
  }
  const end = term.start + term.text.length;
  const periodEndsToken = source[end] === '.' && /^(?:\s|$)/.test(source.slice(end + 1, end + 2));
  if (!suffix && source[end] === '.' && (takesPeriod(text) || (pretokenized && periodEndsToken))) text += '.';
  out.push(makeToken(text, term.start, term.tags, source));
  if (suffix) out.push(makeToken(suffix, term.start + text.length, NO_TAGS, source));
}

function pushGap(out: Token[], source: string, from: number, to: number): boolean {
  let newline = false;
  for (let i = from; i < to; i++) {
    const ch = source[i]!;
    if (ch === '\n') newline = true;
    if (/\s/u.test(ch)) continue;
    out.push(makeToken(ch, i, NO_TAGS, source));
  }
  return newline;
}

function closeSentence(sentences: Sentence[], tokens: Token[]): void {
  if (tokens.length === 0) return;
  sentences.push({ tokens, start: tokens[0]!.start, end: tokens[tokens.length - 1]!.end });
}

/** Split `text` into sentences of tokens (one compromise parse). */
export function tokenize(text: string): Sentence[] {
  const pretokenized = PRETOKENIZED.test(text);
  const sentences: Sentence[] = [];
  const terms = parseTerms(text).flatMap((s, i) => s.map((t, j) => ({ t, first: j === 0 && i > 0 })));
  let current: Token[] = [];
  let cursor = 0;
  for (const { t, first } of terms) {
    if (t.start < cursor) continue;
    const gapStart = current.length;
    const newline = pushGap(current, text, cursor, t.start);
    const last = current[current.length - 1];
    const endsSentence =
      first ||
      newline ||
      (last !== undefined && current.length > gapStart && SENTENCE_END.has(last.text) && CAP.test(t.text));
    if (endsSentence) {
      closeSentence(sentences, current);
      current = [];
    }
    pushTerm(current, t, text, pretokenized);
    cursor = current[current.length - 1]!.end;
  }
  pushGap(current, text, cursor, text.length);
  closeSentence(sentences, current);
  return sentences;
}
