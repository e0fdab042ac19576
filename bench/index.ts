/**
 * `npm run bench`: every figure is printed as a ratio against a baseline run in the same process
 * (e.g. our extractor vs Readability.js, our NLP vs raw compromise parsing). Never used as a test.
 * Each section lives in its own file and exports `run(): Promise<void>`.
 */
const sections: Array<[string, () => Promise<{ run: () => Promise<void> }>]> = [
  ['article', () => import('./article.js')],
  ['nlp', () => import('./nlp.js')],
  ['queue', () => import('./queue.js')],
  ['graph', () => import('./graph.js')],
  ['startup', () => import('./startup.js')],
  ['web', () => import('./web.js')],
  ['scale', () => import('./scale.js')],
];

const only = process.argv.slice(2);
// `scale` and `web` build large graphs for minutes: only when asked for by name.
for (const [name, load] of sections) {
  if (only.length > 0 ? !only.includes(name) : name === 'scale' || name === 'web') continue;
  process.stdout.write(`\n## ${name}\n`);
  await (await load()).run();
}
