/**
 * Dates and money: tables of positives in the ways different sources write them (wire copy, business and
 * European press, retail listings, British dates, tweets' datelines) and negatives that look like them.
 * All dates are anchored on a Wednesday, 2019-11-20.
 */
import { describe, expect, it } from 'vitest';
import type { DateValue, MoneyValue, Value } from '../../src/core/index.js';
import { toIso } from '../../src/nlp/dates.js';
import { explainValues } from '../../src/nlp/explain-values.js';
import { analyze } from '../../src/nlp/index.js';
import { tokenize } from '../../src/nlp/tokens.js';

const PUBLISHED = '2019-11-20T14:30:00Z';

const valuesOf = (text: string, publishedAt: string | null = PUBLISHED): Value[] =>
  analyze(text, { publishedAt }).values ?? [];
const money = (text: string): MoneyValue[] =>
  valuesOf(text).filter((v): v is MoneyValue => v.type === 'Money');
const dates = (text: string, publishedAt: string | null = PUBLISHED): DateValue[] =>
  valuesOf(text, publishedAt).filter((v): v is DateValue => v.type === 'Date');

describe('money', () => {
  it.each([
    [
      'The deal, worth $2.5 billion, closed in the spring.',
      '$2.5 billion',
      2_500_000_000,
      'USD',
      'money-symbol',
    ],
    ['The Berlin start-up raised €30m from investors.', '€30m', 30_000_000, 'EUR', 'money-symbol'],
    ['The house in Kent sold for £400,000 last month.', '£400,000', 400_000, 'GBP', 'money-symbol'],
    ['Chelsea paid the £71.6million fee this morning.', '£71.6million', 71_600_000, 'GBP', 'money-symbol'],
    ['The city will receive 1.2 million euros in aid.', '1.2 million euros', 1_200_000, 'EUR', 'money-word'],
    [
      'Regular pricing will start at 71,350 euro with deliveries in spring.',
      '71,350 euro',
      71_350,
      'EUR',
      'money-word',
    ],
    ['The fund returned USD 5 million to investors.', 'USD 5 million', 5_000_000, 'USD', 'money-code'],
    ['Shopify spent C$4.5 million on the purchase.', 'C$4.5 million', 4_500_000, 'CAD', 'money-symbol'],
    [
      'It sold the mine for 3 million Canadian dollars.',
      '3 million Canadian dollars',
      3_000_000,
      'CAD',
      'money-word',
    ],
    ['The club agreed a fee of 10 million pounds.', '10 million pounds', 10_000_000, 'GBP', 'money-word'],
    ['Toyota will invest 5bn yen in the plant.', '5bn yen', 5_000_000_000, 'JPY', 'money-word'],
    ['Get the PS4 controller for $39.99 today.', '$39.99', 39.99, 'USD', 'money-symbol'],
    ['Both teams received $250,000 fines.', '$250,000', 250_000, 'USD', 'money-symbol'],
  ])('%s', (text, surface, amount, currency, rule) => {
    const found = money(text);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ text: surface, amount, currency, rule });
    expect(text.slice(found[0]!.start, found[0]!.end)).toBe(surface);
  });

  it('finds every amount of a sentence, in order', () => {
    const found = money('It will start at $44,000, not including a $7,500 federal tax credit.');
    expect(found.map((m) => [m.text, m.amount])).toEqual([
      ['$44,000', 44_000],
      ['$7,500', 7_500],
    ]);
  });

  it.each([
    'See Page 2 for the full story.',
    'The Steelers lost 3-2 in a 3-2 win for the Browns.',
    'A sign with a $ alone hung on the door.',
    'Section 230 of the act protects platforms.',
    'The 250 pounds lineman was fined.',
    'About 5 million people watched the game.',
    'Prices rose 4.5 percent in 2019.',
  ])('no money in: %s', (text) => {
    expect(money(text)).toEqual([]);
  });
});

describe('dates', () => {
  it.each([
    ['The deal closed on Nov. 19, 2019, the company said.', 'Nov. 19, 2019', '2019-11-19', 'date-absolute'],
    [
      'The festival runs until 20 January 2019 in Amsterdam.',
      '20 January 2019',
      '2019-01-20',
      'date-absolute',
    ],
    ['Theresa May resigned in May 2019.', 'May 2019', '2019-05', 'date-absolute'],
    ['The company was founded in 1998 by two students.', '1998', '1998', 'date-absolute'],
    ['Results for Q3 2019 were published.', 'Q3 2019', '2019-07-01/2019-09-30', 'date-absolute'],
    ['The filing is dated 2019-05-01.', '2019-05-01', '2019-05-01', 'date-absolute'],
    ['— Rep. Ilhan Omar (@Ilhan) November 18, 2019', 'November 18, 2019', '2019-11-18', 'date-absolute'],
    ['Fleet growth of 30% is planned by the end of 2025.', 'end of 2025', '2025-12-31', 'date-absolute'],
    ['Apple unveiled the new iPhone on Monday.', 'Monday', '2019-11-18', 'date-relative'],
    ['The Senate will vote on Thursday.', 'Thursday', '2019-11-21', 'date-relative'],
    ['The Mach E was unveiled Sunday night ahead of the show.', 'Sunday', '2019-11-17', 'date-relative'],
    ['Sales fell sharply last year.', 'last year', '2018', 'date-relative'],
    ['We moved here three years ago.', 'three years ago', '2016-11-20', 'date-relative'],
    ['Protests intensified last week.', 'last week', '2019-11-11/2019-11-17', 'date-relative'],
    ['The minister left yesterday.', 'yesterday', '2019-11-19', 'date-relative'],
    ['The protests began peacefully in June.', 'June', '2019-06', 'date-relative'],
    ['The company announced on Sept. 30 that it would withdraw.', 'Sept. 30', '2019-09-30', 'date-relative'],
    ['His sentencing is scheduled for Feb. 14.', 'Feb. 14', '2020-02-14', 'date-relative'],
  ])('%s', (text, surface, iso, rule) => {
    const found = dates(text);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ text: surface, iso, rule });
    expect(text.slice(found[0]!.start, found[0]!.end)).toBe(surface);
  });

  it.each([
    'Theresa May said the talks would go on.',
    'May Ellison met the board.',
    'Protesters march through the city centre.',
    'Black Friday deals went live early.',
    'The Sunday Times reported the story.',
    'The band has toured for years.',
    'The tour returns in 25 years.',
    'Make-up by Lee Ho Jun.',
    'Listen live at 12:45 and 17:45.',
    'See Page 2 for the 3-2 win.',
    'Section 230 protects the platforms.',
    'The election drew 2,020 people.',
  ])('no date in: %s', (text) => {
    expect(dates(text)).toEqual([]);
  });

  it('keeps a date that names its year but drops a relative one when the publication date is unknown', () => {
    const text = 'The deal closed on Monday, two years after it was signed on Nov. 19, 2017.';
    expect(dates(text, null).map((d) => [d.text, d.iso])).toEqual([['Nov. 19, 2017', '2017-11-19']]);
    expect(dates(text).map((d) => d.text)).toEqual(['Monday', 'Nov. 19, 2017']);
  });

  it('places a list of dates without verbs in the year the text last named', () => {
    const text =
      'The tour will kick off June 9, 2020 in Florida.\n\nJuly 2 – Uncasville, CT\n\nJuly 3 – Mansfield, MA';
    expect(dates(text, '2019-11-19').map((d) => d.iso)).toEqual(['2020-06-09', '2020-07-02', '2020-07-03']);
    // Without a full date before them, the closest July 2 to publication is meant.
    expect(dates('July 2 – Uncasville, CT', '2019-11-19').map((d) => d.iso)).toEqual(['2019-07-02']);
  });

  it('splits a list of dates at its commas', () => {
    const found = dates('The firm was sold last year, on 12 March 2021, after talks.');
    expect(found.map((d) => [d.text, d.iso])).toEqual([
      ['last year', '2018'],
      ['12 March 2021', '2021-03-12'],
    ]);
  });

  it('writes ranges as ISO 8601: a day, a whole month, a whole year or an interval', () => {
    expect(toIso('2019-11-19T00:00:00.000Z', '2019-11-19T23:59:59.999Z')).toBe('2019-11-19');
    expect(toIso('2020-02-01T00:00:00.000Z', '2020-02-29T23:59:59.999Z')).toBe('2020-02');
    expect(toIso('2018-01-01T00:00:00.000Z', '2018-12-31T23:59:59.999Z')).toBe('2018');
    expect(toIso('2019-11-11T00:00:00.000Z', '2019-11-17T23:59:59.999Z')).toBe('2019-11-11/2019-11-17');
  });

  it('never changes the tags the entity rules see (the plugin has its own compromise)', () => {
    const text = 'He paid it on Monday, Nov. 18, 2019.';
    const before = tokenize(text).map((s) => s.tokens.map((t) => [t.text, [...t.tags].sort()]));
    expect(dates(text)).toHaveLength(1);
    const after = tokenize(text).map((s) => s.tokens.map((t) => [t.text, [...t.tags].sort()]));
    expect(after).toEqual(before);
    expect(after[0]!.find(([w]) => w === 'on')![1]).not.toContain('Date');
  });
});

describe('values in the document', () => {
  it('are not entities, sorted by offset, and explained with their rule', () => {
    const doc = analyze('On Monday, Kalibr said it raised $2.5 billion on Nov. 19, 2019.', {
      publishedAt: PUBLISHED,
    });
    expect(doc.entities.map((e) => e.type)).not.toContain('Date');
    const values = doc.values ?? [];
    expect(values.map((v) => v.text)).toEqual(['Monday', '$2.5 billion', 'Nov. 19, 2019']);
    const text = explainValues(values);
    expect(text).toContain('Money "$2.5 billion" = 2500000000 USD  (rule money-symbol');
    expect(text).toContain('Date "Monday" = 2019-11-18  (rule date-relative');
    expect(explainValues([])).toBe('no values found\n');
  });

  it('an empty text has no values', () => {
    expect(analyze('   ').values).toEqual([]);
  });
});
