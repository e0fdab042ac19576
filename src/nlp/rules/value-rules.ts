/**
 * Value rules, as data: the ids of the rules that report dates and amounts of money (every value carries
 * one, as facts do). The words that make a span a date or an amount of money (currency signs, codes and
 * names, multipliers, date cues and units) are in `vocabulary.ts`. The date rules' grammar is
 * compromise-dates' (see `compromise-dates.ts`); those lists decide where it is asked and how its answer
 * is anchored.
 */

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

/** A written number: "400,000", "2.5", "30". */
export const NUMBER = /^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/;
