/**
 * Money: amounts written with a currency ("$2.5 billion", "€30m", "1.2 million euros", "£400,000"), read
 * from the tokens of the one compromise parse, as an amount (a number) and an ISO 4217 currency code.
 * A number without a currency sign, code or name is never money ("Page 2", "a 3-2 win", "Section 230").
 */
import type { MoneyValue } from '../core/index.js';
import { NUMBER, type ValueRuleId } from './rules/value-rules.js';
import {
  CODE_ALIASES,
  CURRENCY_CODES,
  CURRENCY_SIGNS,
  CURRENCY_WORDS,
  MULTIPLIERS,
  POUND_WORDS,
  QUALIFIED_CURRENCIES,
  SUFFIX_ONLY_MULTIPLIERS,
} from './rules/vocabulary.js';
import type { Sentence, Token } from './tokens.js';

/** A number with an optional glued multiplier ("30m", "2.5bn", "400,000"). */
const NUMBER_WITH_SUFFIX = /^([\d.,]+?)([a-z]+)?$/i;
/** Longest qualified currency name, in words ("hong kong dollars"). */
const MAX_CURRENCY_WORDS = 3;

interface Amount {
  value: number;
  /** Index of the last token of the amount. */
  last: number;
  hasMultiplier: boolean;
}

/** "2.5" [+ "billion"], or "30m": the amount starting at `tokens[i]` (its text minus `skip` leading chars). */
function readAmount(tokens: Token[], i: number, skip = 0): Amount | undefined {
  const t = tokens[i];
  if (!t || t.isPunct) return undefined;
  const m = NUMBER_WITH_SUFFIX.exec(t.text.slice(skip));
  if (!m || !NUMBER.test(m[1]!)) return undefined;
  const base = Number.parseFloat(m[1]!.replace(/,/g, ''));
  const suffix = m[2]?.toLowerCase();
  if (suffix !== undefined) {
    const factor = MULTIPLIERS[suffix];
    return factor === undefined ? undefined : { value: base * factor, last: i, hasMultiplier: true };
  }
  const next = tokens[i + 1];
  const factor = next && !SUFFIX_ONLY_MULTIPLIERS.has(next.lower) ? MULTIPLIERS[next.lower] : undefined;
  if (factor !== undefined) return { value: base * factor, last: i + 1, hasMultiplier: true };
  return { value: base, last: i, hasMultiplier: false };
}

/** The currency named right after an amount: `[code, index of its last token]`. */
function currencyAfter(tokens: Token[], i: number, hasMultiplier: boolean): [string, number] | undefined {
  for (let n = MAX_CURRENCY_WORDS; n >= 2; n--) {
    const words = tokens.slice(i, i + n);
    if (words.length < n || words.some((w) => w.isPunct)) continue;
    const code = QUALIFIED_CURRENCIES[words.map((w) => w.lower).join(' ')];
    if (code) return [code, i + n - 1];
  }
  const t = tokens[i];
  if (!t) return undefined;
  if (CURRENCY_CODES.has(t.text)) return [CODE_ALIASES[t.text] ?? t.text, i];
  const word = CURRENCY_WORDS[t.lower];
  if (word) return [word, i];
  if (hasMultiplier && POUND_WORDS.has(t.lower)) return ['GBP', i];
  return undefined;
}

interface Found {
  currency: string;
  amount: Amount;
  last: number;
  rule: ValueRuleId;
}

/** Money starting at `tokens[i]`, if any. */
function moneyAt(tokens: Token[], i: number): Found | undefined {
  const t = tokens[i]!;
  const sign = CURRENCY_SIGNS.find(([s]) => t.text.startsWith(s));
  if (sign) {
    const [s, currency] = sign;
    // "$2.5" is one token; "$ 2.5" two.
    const amount = t.text.length > s.length ? readAmount(tokens, i, s.length) : readAmount(tokens, i + 1);
    return amount && { currency, amount, last: amount.last, rule: 'money-symbol' };
  }
  if (CURRENCY_CODES.has(t.text)) {
    const amount = readAmount(tokens, i + 1);
    const currency = CODE_ALIASES[t.text] ?? t.text;
    return amount && { currency, amount, last: amount.last, rule: 'money-code' };
  }
  const amount = readAmount(tokens, i);
  if (!amount) return undefined;
  const after = currencyAfter(tokens, amount.last + 1, amount.hasMultiplier);
  if (!after) return undefined;
  const rule = CURRENCY_CODES.has(tokens[after[1]]!.text) ? 'money-code' : 'money-word';
  return { currency: after[0], amount, last: after[1], rule };
}

/** Cents are the finest unit news reports; rounding also hides float noise (1.2 × 1e6). */
const roundCents = (x: number): number => Math.round(x * 100) / 100;

/** Every amount of money in the sentences, in text order. */
export function findMoney(sentences: Sentence[], text: string): MoneyValue[] {
  const out: MoneyValue[] = [];
  for (const { tokens } of sentences) {
    for (let i = 0; i < tokens.length; i++) {
      const found = moneyAt(tokens, i);
      if (!found) continue;
      const start = tokens[i]!.start;
      const end = tokens[found.last]!.end;
      out.push({
        type: 'Money',
        start,
        end,
        text: text.slice(start, end),
        amount: roundCents(found.amount.value),
        currency: found.currency,
        rule: found.rule,
      });
      i = found.last;
    }
  }
  return out;
}
