import { Command } from 'commander';
import { articleFromText, extractArticle } from '../article/index.js';
import { explainDocument } from '../nlp/explain.js';
import { explainValues } from '../nlp/explain-values.js';
import { analyze } from '../nlp/index.js';
import { readInput } from './io.js';
import { minConfidenceOption } from './min-confidence.js';

interface ExplainOptions {
  text?: boolean;
  url?: string;
  minConfidence?: number;
}

/**
 * `newsgraph explain <file> [--text]`: every fact with its sentence, marked spans, rule and confidence,
 * then every date and amount of money with its normalised value and rule.
 */
export function explainCommand(): Command {
  return new Command('explain')
    .description(
      'Show each extracted fact with its sentence ([[subject]], {{object}}), rule and confidence, then the dates and money found.',
    )
    .argument('<input>', 'an HTML or .txt file, or - for stdin')
    .option('--text', 'treat the input as plain text (first line = title)')
    .option(
      '--url <url>',
      'the page URL, for HTML input (default: none; its canonical URL when it names one)',
    )
    .addOption(minConfidenceOption())
    .action(async (input: string, options: ExplainOptions) => {
      const bytes = await readInput(input);
      const asText = options.text || input.toLowerCase().endsWith('.txt');
      const article = asText
        ? articleFromText(Buffer.from(bytes).toString('utf8'))
        : extractArticle({ html: bytes, url: options.url });
      const doc = analyze(article.text, {
        title: article.title,
        publishedAt: article.publishedAt,
        minConfidence: options.minConfidence,
      });
      process.stdout.write(`${explainDocument(doc)}\n${explainValues(doc.values)}`);
    });
}
