import { Option } from 'commander';
import { DEFAULT_MIN_CONFIDENCE } from '../nlp/min-confidence.js';
import { CliError, EXIT } from './errors.js';

/** Parse `--min-confidence X`: a number from 0 (keep every fact) to 1. */
export function parseMinConfidence(value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < 0 || n > 1)
    throw new CliError(`--min-confidence must be a number from 0 to 1, got ${value}`, EXIT.usage);
  return n;
}

/** The `--min-confidence` option shared by extract, explain, ingest and worker. */
export function minConfidenceOption(): Option {
  return new Option(
    '--min-confidence <x>',
    `leave out facts below this confidence, 0 keeps all (default ${DEFAULT_MIN_CONFIDENCE}, measured by eval:nlp)`,
  ).argParser(parseMinConfidence);
}
