/**
 * The `$parameters` a Cypher text uses, so `query` can refuse to run without them (Kùzu and Neo4j
 * would otherwise read a missing parameter as null and answer with empty rows).
 */
import { InputError } from '../core/index.js';

/**
 * What is not code in a Cypher text: string literals (either quote, with backslash escapes), quoted
 * identifiers, line and block comments. A `$` inside them is not a parameter.
 */
const NOT_CODE = /'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|`[^`]*`|\/\/[^\n]*|\/\*[\s\S]*?\*\//g;
/** `$name` or `$`quoted name``; numbered parameters (`$0`) are allowed by Neo4j too. */
const PARAMETER = /\$(?:([A-Za-z_][A-Za-z0-9_]*)|`([^`]+)`|(\d+))/g;

/** The names of the parameters `text` uses, in order of first use. */
export function cypherParameters(text: string): string[] {
  // A quoted name right after `$` is a parameter's name: keep it; drop every other non-code part.
  const code = text.replace(NOT_CODE, (m, offset: number) =>
    m.startsWith('`') && text[offset - 1] === '$' ? m : ' ',
  );
  const names = new Set<string>();
  for (const m of code.matchAll(PARAMETER)) names.add(m[1] ?? m[2] ?? m[3] ?? '');
  return [...names];
}

/** Refuse a query that uses a parameter no `--param` gave (bad usage, exit 2). */
export function assertParamsGiven(text: string, params: Record<string, unknown>): void {
  const missing = cypherParameters(text).filter((name) => !(name in params));
  if (missing.length > 0)
    throw new InputError(
      'missing-param',
      `the query uses ${missing.map((n) => `$${n}`).join(', ')}: give ${missing.map((n) => `--param ${n}=…`).join(' ')}`,
    );
}
