/**
 * Value rules, as data: the words that make a span a date or an amount of money, and the ids of the rules
 * that report them (every value carries one, as facts do). The date rules' grammar is compromise-dates'
 * (see `compromise-dates.ts`); these lists decide where it is asked and how its answer is anchored.
 * All entries are lower-case unless they are symbols or ISO codes.
 */

const words = (s: string): Set<string> => new Set(s.split('|'));

/** Every value rule: its id, what it finds and an example. */
export const VALUE_RULES = [
  {
    id: 'money-symbol',
    type: 'Money',
    says: 'a currency sign before the number',
    e: '$2.5 billion, €30m, £400,000',
  },
  {
    id: 'money-code',
    type: 'Money',
    says: 'an ISO currency code next to the number',
    e: 'USD 5 million, 300 EUR',
  },
  { id: 'money-word', type: 'Money', says: 'a currency name after the number', e: '1.2 million euros' },
  { id: 'date-absolute', type: 'Date', says: 'a date that names its year', e: 'Nov. 19, 2019; in 1998' },
  {
    id: 'date-relative',
    type: 'Date',
    says: "a date without a year, anchored on the article's publication date",
    e: 'on Monday, last year, Nov. 19',
  },
] as const;
export type ValueRuleId = (typeof VALUE_RULES)[number]['id'];

/**
 * Currency signs written before the amount, longest first (so "US$" wins over "$"). A bare "$" is the US
 * dollar: most English news that writes "$" alone means it; other dollars are usually marked ("A$", "C$").
 */
export const CURRENCY_SIGNS: ReadonlyArray<readonly [sign: string, code: string]> = [
  ['U.S.$', 'USD'],
  ['US$', 'USD'],
  ['AU$', 'AUD'],
  ['CA$', 'CAD'],
  ['HK$', 'HKD'],
  ['NZ$', 'NZD'],
  ['A$', 'AUD'],
  ['C$', 'CAD'],
  ['S$', 'SGD'],
  ['R$', 'BRL'],
  ['$', 'USD'],
  ['€', 'EUR'],
  ['£', 'GBP'],
  ['¥', 'JPY'],
  ['₹', 'INR'],
  ['₩', 'KRW'],
  ['₽', 'RUB'],
];

/** ISO 4217 codes that news writes next to amounts ("USD 5 million", "300 EUR"). Upper case only. */
export const CURRENCY_CODES = new Set(
  'USD|EUR|GBP|JPY|CNY|RMB|CHF|CAD|AUD|NZD|HKD|SGD|INR|RUB|BRL|MXN|KRW|ZAR|TRY|SEK|NOK|DKK|PLN|AED|SAR'.split(
    '|',
  ),
);
/** Codes written differently from ISO 4217 ("RMB" is the renminbi, ISO `CNY`). */
export const CODE_ALIASES: Readonly<Record<string, string>> = { RMB: 'CNY' };

/**
 * Currency names written after the amount ("1.2 million euros"); a qualifier before a name picks the
 * country ("Canadian dollars"). Left out on purpose: "won" (a verb), "rand" (a name), "pesos" and "francs"
 * alone (several countries each).
 */
export const CURRENCY_WORDS: Readonly<Record<string, string>> = {
  dollar: 'USD',
  dollars: 'USD',
  euro: 'EUR',
  euros: 'EUR',
  sterling: 'GBP',
  yen: 'JPY',
  yuan: 'CNY',
  renminbi: 'CNY',
  rupee: 'INR',
  rupees: 'INR',
  rouble: 'RUB',
  roubles: 'RUB',
  ruble: 'RUB',
  rubles: 'RUB',
  reais: 'BRL',
};

/** "pounds" is money only with a multiplier ("10 million pounds"): "250 pounds" is a weight in sports copy. */
export const POUND_WORDS = words('pound|pounds');

/** Qualifier + currency name → code ("Australian dollars", "Swiss francs", "Mexican pesos"). */
export const QUALIFIED_CURRENCIES: Readonly<Record<string, string>> = {
  'us dollars': 'USD',
  'u.s. dollars': 'USD',
  'australian dollars': 'AUD',
  'canadian dollars': 'CAD',
  'hong kong dollars': 'HKD',
  'new zealand dollars': 'NZD',
  'singapore dollars': 'SGD',
  'swiss francs': 'CHF',
  'mexican pesos': 'MXN',
  'swedish kronor': 'SEK',
  'norwegian kroner': 'NOK',
  'danish kroner': 'DKK',
  'turkish lira': 'TRY',
  'british pounds': 'GBP',
  'pounds sterling': 'GBP',
};

/** Multiplier words after the number ("2.5 billion") and suffixes glued to it ("€30m", "$5bn"). */
export const MULTIPLIERS: Readonly<Record<string, number>> = {
  thousand: 1e3,
  million: 1e6,
  billion: 1e9,
  trillion: 1e12,
  k: 1e3,
  m: 1e6,
  mn: 1e6,
  mln: 1e6,
  bn: 1e9,
  b: 1e9,
  bln: 1e9,
  tn: 1e12,
  trn: 1e12,
  lakh: 1e5,
  crore: 1e7,
};
/** Suffixes that are too ambiguous as words of their own ("5 m" is metres): only glued to the number. */
export const SUFFIX_ONLY_MULTIPLIERS = words('k|m|mn|mln|bn|b|bln|tn|trn');

/** A written number: "400,000", "2.5", "30". */
export const NUMBER = /^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/;

/** Words before a date that change its meaning ("last year", "early 2020"); a span may start with one. */
export const DATE_MODIFIERS = words('last|next|this|past|coming|early|late|mid|end|start|beginning|middle');
/** Words that introduce a date: after one, "Monday Apple said" is a date before a name, not a name. */
export const DATE_CUES = words(
  'on|in|since|by|until|till|from|before|after|during|last|next|this|early|late',
);
/**
 * Cues left out of the phrase compromise-dates reads: with them it answers a range from the reference
 * ("until 2047" → today…2047, "by 2018" → the last days of 2017), without them the date itself.
 */
export const RANGE_CUES = words('since|by|until|till|before|after');
/** Words between two date words that keep them one phrase ("June 2 to 4", "between June and July"). */
export const DATE_JOINERS = words(',|.|-|–|/|to|and|or|through|until|of|the');
/** Words a phrase may take before its first date word ("on", "the end of", "early"); at most WINDOW_LEFT. */
export const DATE_LEAD_WORDS = new Set(
  [...DATE_MODIFIERS, ...DATE_CUES, 'the', 'of', 'between'].filter((w) => !RANGE_CUES.has(w)),
);
/** Punctuation that ends a date phrase, unless a date goes on after it ("Nov. 19, 2019", "Monday, Nov. 18"). */
export const PHRASE_BREAKS = words(',|;|:|(|)|—|–|"|“|”');

/** Words that fix which way a date lies from the publication date ("last year"): its tense cannot move it. */
export const DIRECTED_DATE_WORDS = words('today|tonight|yesterday|tomorrow|ago|last|next|this|past');
/** Counts before a unit in "three years ago" (digits count too). "Few" and "several" are too vague for a date. */
export const COUNT_WORDS = words('a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve');
/** Words that tell a sentence speaks of the future ("will meet on Monday"): a bare weekday is the next one. */
export const FUTURE_CUES = words("will|'ll|shall|upcoming|scheduled");

/**
 * Calendar units that are a date only with a direction ("last week", "this year", "three years ago");
 * alone they are durations ("for years", "in 25 years", "a decade"). Seasons and centuries are left out.
 */
export const DATE_UNITS = words('week|weeks|weekend|month|months|year|years|quarter|day|days');

/** Month names: one written in lower case ("protesters march") is not a date. */
export const MONTHS = words(
  'january|february|march|april|may|june|july|august|september|october|november|december',
);
