/**
 * `--pages <dir>` / `--no-pages` (env NEWSGRAPH_PAGES): where `ingest` and `worker` keep each page's
 * bytes for `reprocess`, and where `reprocess` reads them.
 */
import type { Command } from 'commander';
import { FsPageStore, type PageStore } from '../pages/index.js';

export interface PagesCliOptions {
  /** A folder, or `false` with `--no-pages`. */
  pages?: string | false;
}

/** Shown as the default in `--help`. */
const DEFAULT_DESCRIPTION = '<embedded database file>.pages, or ./newsgraph.pages with Neo4j';

/** Add `--pages <dir>` (and `--no-pages` when `canDisable`). */
export function addPagesOption(cmd: Command, canDisable = true): Command {
  cmd.option(
    '--pages <dir>',
    `page store: the fetched pages kept for \`reprocess\`; env NEWSGRAPH_PAGES (default: ${DEFAULT_DESCRIPTION})`,
  );
  if (canDisable) cmd.option('--no-pages', 'do not keep the pages (they cannot be reprocessed later)');
  return cmd;
}

/**
 * The page store folder: `--pages`, else NEWSGRAPH_PAGES, else next to the embedded file (each database its
 * own store), else `./newsgraph.pages`. `undefined` with `--no-pages`.
 */
export function pagesDir(
  options: PagesCliOptions,
  graph: { kind: string; dbPath?: string | undefined },
  env: NodeJS.ProcessEnv = process.env,
): string | undefined {
  if (options.pages === false) return undefined;
  if (options.pages) return options.pages;
  if (env.NEWSGRAPH_PAGES) return env.NEWSGRAPH_PAGES;
  if (graph.kind === 'embedded' || graph.kind === 'kuzu')
    return `${graph.dbPath ?? './newsgraph.lbug'}.pages`;
  return './newsgraph.pages';
}

/** Open the page store the options ask for, if any. */
export function openPages(
  options: PagesCliOptions,
  graph: { kind: string; dbPath?: string | undefined },
  env: NodeJS.ProcessEnv = process.env,
): PageStore | undefined {
  const dir = pagesDir(options, graph, env);
  return dir === undefined ? undefined : new FsPageStore(dir);
}
