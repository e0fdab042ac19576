/**
 * A deterministic synthetic corpus of short wire-style articles (a title and 7 sentences) with a long
 * tail of names: each article draws people, organisations and places from pools that grow with the
 * article number, skewed towards the old names (a few are in every other story, most appear once or
 * twice), so the graph keeps gaining entities as a real crawl does. Same seed, same corpus.
 */

import { prng } from './support.js';

// biome-ignore format: word lists
const FIRST = ['Anna', 'Boris', 'Carla', 'David', 'Elena', 'Farid', 'Grace', 'Hiroshi', 'Ines', 'Jonas', 'Karim', 'Lena', 'Marco', 'Nadia', 'Omar', 'Petra', 'Rafael', 'Sofia', 'Tomas', 'Ulla', 'Victor', 'Wanda', 'Yusuf', 'Zoe'];
// biome-ignore format: word lists
const LAST_A = ['Al', 'Ber', 'Cor', 'Dal', 'Ed', 'Fen', 'Gar', 'Hol', 'Ing', 'Jor', 'Kel', 'Lind', 'Mor', 'Nor', 'Ost', 'Pel', 'Quin', 'Ros', 'Sten', 'Tor', 'Ulv', 'Ves', 'Wil', 'Yor'];
// biome-ignore format: word lists
const LAST_B = ['berg', 'mann', 'sen', 'ford', 'ström', 'ano', 'ovic', 'ley', 'quist', 'ton', 'ville', 'er'];
// biome-ignore format: word lists
const ORG_KIND = ['Holdings', 'Industries', 'Energy', 'Bank', 'Motors', 'Pharma', 'Logistics', 'Telecom'];
// biome-ignore format: word lists
const PLACES = ['London', 'Paris', 'Berlin', 'Madrid', 'Rome', 'Vienna', 'Oslo', 'Stockholm', 'Helsinki', 'Warsaw', 'Prague', 'Lisbon', 'Dublin', 'Athens', 'Chicago', 'Boston', 'Denver', 'Seattle', 'Toronto', 'Sydney', 'Tokyo', 'Seoul', 'Mumbai', 'Cairo', 'Nairobi', 'Lagos', 'Lima', 'Bogota', 'Santiago', 'Houston'];
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'];

/** Index into a pool of `size`, skewed to the front (u²): a few names are common, most are rare. */
const skewed = (rand: () => number, size: number): number => Math.floor(size * rand() ** 2);

function lastName(n: number): string {
  const a = LAST_A[n % LAST_A.length]!;
  const b = LAST_B[Math.floor(n / LAST_A.length) % LAST_B.length]!;
  const round = Math.floor(n / (LAST_A.length * LAST_B.length));
  return round === 0
    ? `${a}${b}`
    : `${a}${b}-${LAST_A[round % LAST_A.length]}${LAST_B[(round * 5) % LAST_B.length]}`;
}

const person = (n: number): string => `${FIRST[n % FIRST.length]} ${lastName(Math.floor(n / 3))}`;
const org = (n: number): string => `${lastName(n + 7)} ${ORG_KIND[n % ORG_KIND.length]}`;
const place = (n: number): string => PLACES[n % PLACES.length]!;

export interface WireArticle {
  url: string;
  text: string;
}

/**
 * Article `i` of the corpus (title line, blank line, 7 sentences). Pools grow with `i` (people ≈ 3 new
 * names every 4 articles at the tail, organisations ≈ 1 in 2), so entities keep accumulating.
 */
export function wireArticle(i: number, seed = 11): WireArticle {
  const rand = prng(seed * 1_000_003 + i);
  const people = 40 + Math.floor(i * 0.75);
  const orgs = 20 + Math.floor(i * 0.5);
  const p = [0, 1, 2].map(() => person(skewed(rand, people)));
  const first = skewed(rand, orgs);
  const o = [org(first), org((first + 1 + skewed(rand, orgs)) % orgs)];
  const [city, other] = [place(skewed(rand, PLACES.length)), place(Math.floor(rand() * PLACES.length))];
  const day = DAYS[i % DAYS.length]!;
  const sentences = [
    `${o[0]} said on ${day} it would expand its operations in ${city}.`,
    `${p[0]}, the chief executive of ${o[0]}, told reporters the plan would create jobs.`,
    `${o[0]} is based in ${city} and employs several thousand people.`,
    `${p[1]}, a ${city} native, joined ${o[1]} as chief financial officer last year.`,
    `${o[1]} partners with ${o[0]} on logistics in ${other}.`,
    `${p[2]}, who lives in ${other}, said the deal was good news for the region.`,
    `Shares of ${o[1]} rose 2 percent in early trading on ${day}.`,
  ];
  return {
    url: `https://wire.example/${seed}/story-${i}`,
    text: `${o[0]} to expand in ${city}\n\n${sentences.join(' ')}`,
  };
}
