import { Command } from 'commander';
import { articleFromText, extractArticle } from '../article/index.js';
import type { ExtractResult } from '../core/index.js';
import { analyze } from '../nlp/index.js';
import { readInput } from './io.js';

export interface ExtractOptions {
  url?: string;
  text?: boolean;
  pretty?: boolean;
}

/** Extract one input (HTML bytes or text) into `{ article, entities, relations }`. */
export function extractOne(bytes: Uint8Array, options: ExtractOptions & { path?: string }): ExtractResult {
  const asText = options.text || options.path?.toLowerCase().endsWith('.txt');
  const article = asText
    ? articleFromText(Buffer.from(bytes).toString('utf8'))
    : extractArticle({ html: bytes, url: options.url });
  const doc = analyze(article.text, { title: article.title });
  return { article, ...doc };
}

export function extractCommand(): Command {
  return new Command('extract')
    .description('Extract the article, entities and relations from one page or text, as JSON.')
    .argument('<input>', 'an HTML or .txt file, or - for stdin')
    .option('--url <url>', 'the page URL (resolves links; fallback canonical URL)')
    .option('--text', 'treat the input as plain text (first line = title)')
    .option('--pretty', 'indent the JSON')
    .action(async (input: string, options: ExtractOptions) => {
      const bytes = await readInput(input);
      const result = extractOne(bytes, { ...options, path: input });
      process.stdout.write(`${JSON.stringify(result, null, options.pretty ? 2 : undefined)}\n`);
    });
}
