/**
 * Generated article pages for the local HTTP server: each number gives a different, realistic news page
 * (title, byline, date, several paragraphs naming people, organisations and places).
 */
const PEOPLE = [
  'Alice Novak',
  'Daniel Okafor',
  'Maria Lindqvist',
  'Kenji Watanabe',
  'Sofia Marquez',
  'Tomas Berg',
];
const ORGS = [
  'Brightwater Systems',
  'Northwind Energy',
  'Helix Biotech',
  'Corvid Analytics',
  'Meridian Bank',
];
const PLACES = ['Lisbon', 'Nairobi', 'Toronto', 'Krakow', 'Osaka', 'Santiago'];

function pick<T>(list: readonly T[], n: number): T {
  return list[n % list.length]!;
}

/** The title of generated article `n` (tests compare against it). */
export function articleTitle(n: number): string {
  return `${pick(ORGS, n)} opens research centre in ${pick(PLACES, n + 1)} (report ${n})`;
}

/** A full HTML page for article `n`, served at `/article/<n>`. */
export function articleHtml(n: number, path = `/article/${n}`): string {
  const person = pick(PEOPLE, n);
  const org = pick(ORGS, n);
  const place = pick(PLACES, n + 1);
  const other = pick(ORGS, n + 2);
  const paragraphs = [
    `${org} said on Monday that it will open a new research centre in ${place}, a project worth about $40 million that is expected to employ two hundred engineers by the end of next year.`,
    `${person}, the chief executive of ${org}, told reporters that the city was chosen for its universities and its growing technology sector. "We want to be close to the people who will build our next products," ${person.split(' ')[1]} said.`,
    `The company, which is based in ${pick(PLACES, n + 3)}, has been expanding quickly. Last year it acquired ${other}, a smaller rival, and partnered with local universities on battery research.`,
    `Analysts said the move reflects a wider trend of firms moving research work closer to talent. Report number ${n} in this series looks at what the new centre will mean for the region.`,
  ];
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<title>${articleTitle(n)} | The Daily Test</title>
<meta property="og:title" content="${articleTitle(n)}">
<meta property="og:site_name" content="The Daily Test">
<meta name="author" content="Jane Reporter">
<meta property="article:published_time" content="2025-03-${String((n % 28) + 1).padStart(2, '0')}T09:00:00Z">
<link rel="canonical" href="${path}">
</head><body>
<header><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/business">Business</a></nav></header>
<main><article>
<h1>${articleTitle(n)}</h1>
<p class="byline">By Jane Reporter</p>
${paragraphs.map((p) => `<p>${p}</p>`).join('\n')}
</article></main>
<footer><p>© The Daily Test. All rights reserved.</p></footer>
</body></html>`;
}

/** Windows-1251 bytes for Cyrillic text (А..я, Ё/ё) and ASCII: enough for the fixture page. */
export function encodeWindows1251(text: string): Buffer {
  const bytes: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) bytes.push(code);
    else if (code >= 0x410 && code <= 0x44f) bytes.push(code - 0x410 + 0xc0);
    else if (code === 0x401) bytes.push(0xa8);
    else if (code === 0x451) bytes.push(0xb8);
    else bytes.push(0x3f);
  }
  return Buffer.from(bytes);
}

/** The Russian-language page served as windows-1251. */
export const CYRILLIC_TITLE = 'Компания открыла новый исследовательский центр';
export const CYRILLIC_HTML = `<!doctype html><html lang="ru"><head><title>${CYRILLIC_TITLE}</title></head><body><article>
<h1>${CYRILLIC_TITLE}</h1>
<p>Компания заявила в понедельник, что откроет новый исследовательский центр в Казани. Проект стоимостью около сорока миллионов долларов должен дать работу двумстам инженерам к концу следующего года.</p>
<p>Генеральный директор компании сказал журналистам, что город был выбран благодаря университетам и растущему технологическому сектору. Аналитики считают, что это часть более широкой тенденции.</p>
</article></body></html>`;

/** An undeclared UTF-8 page (no charset anywhere) with non-ASCII text. */
export const UTF8_TITLE = 'Café owners in Zürich welcome the new “green” tram line';
export const UTF8_HTML = `<!doctype html><html><head><title>${UTF8_TITLE}</title></head><body><article>
<h1>${UTF8_TITLE}</h1>
<p>Café owners along the Bahnhofstrasse in Zürich said on Tuesday that the new tram line, which opened last week, had already brought more customers to the old town. The city council approved the €120 million project in 2022.</p>
<p>Jürgen Müller, who runs a small café near the station, said the line was “the best thing to happen to this street in twenty years”. Officials expect about 40,000 passengers a day once the timetable is complete.</p>
</article></body></html>`;
