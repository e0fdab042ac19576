/**
 * The `newsgraph` command line. The only place that reads argv and decides the exit code;
 * each command lives in its own file and exports a `Command` factory.
 */
import { Command, CommanderError } from 'commander';
import { EXIT, toExit } from './errors.js';

export const VERSION = '0.1.0';

/** A command as the top-level help lists it, and how to load it. */
export interface CommandEntry {
  /** As the command list shows it: name, `[options]`, arguments. */
  term: string;
  /** The command's description (checked against the module's by test/cli/main.test.ts). */
  summary: string;
  load: () => Promise<Command>;
}

/**
 * Each command's module, imported only when that command runs: `--help` loads none of them, `extract`
 * neither BullMQ nor the graph drivers, `status` not compromise.
 */
export const COMMANDS: Record<string, CommandEntry> = {
  extract: {
    term: 'extract [options] <input>',
    summary: 'Extract the article, entities and relations from one page or text, as JSON.',
    load: async () => (await import('./extract.js')).extractCommand(),
  },
  ingest: {
    term: 'ingest [options] <inputs...>',
    summary: 'Extract, analyse and write articles into the graph (inline, no queue).',
    load: async () => (await import('./ingest.js')).ingestCommand(),
  },
  query: {
    term: 'query [options] [cypher]',
    summary: 'Run a read-only Cypher query (or a saved one) against the graph.',
    load: async () => (await import('./query.js')).queryCommand(),
  },
  serve: {
    term: 'serve [options]',
    summary: 'Serve the read-only web explorer (search, entities, articles, graph, Cypher console).',
    load: async () => (await import('./serve.js')).serveCommand(),
  },
  explain: {
    term: 'explain [options] <input>',
    summary: 'Show each extracted fact with its sentence ([[subject]], {{object}}), rule and confidence.',
    load: async () => (await import('./explain.js')).explainCommand(),
  },
  enqueue: {
    term: 'enqueue [options] [urls...]',
    summary: 'Add article URLs to the queue (normalised; one job per URL; duplicates are skipped).',
    load: async () => (await import('./enqueue.js')).enqueueCommand(),
  },
  worker: {
    term: 'worker [options]',
    summary:
      'Process queued article URLs: fetch -> extract -> NLP -> graph write. Stops cleanly on SIGINT/SIGTERM.',
    load: async () => (await import('./worker.js')).workerCommand(),
  },
  status: {
    term: 'status [options]',
    summary: 'Show job counts per state, recent throughput and the latest failures with their reasons.',
    load: async () => (await import('./status.js')).statusCommand(),
  },
  'retry-failed': {
    term: 'retry-failed [options]',
    summary: 'Move failed jobs back to waiting (all, or those whose reason contains a substring).',
    load: async () => (await import('./retry-failed.js')).retryFailedCommand(),
  },
  dashboard: {
    term: 'dashboard [options]',
    summary: 'Serve the bull-board queue dashboard (on 127.0.0.1 unless --host says otherwise).',
    load: async () => (await import('./dashboard.js')).dashboardCommand(),
  },
  schedule: {
    term: 'schedule [options]',
    summary:
      'Sync scheduled crawls with the pipeline files: one scheduler per enabled pipeline; removed when its file goes.',
    load: async () => (await import('./schedule.js')).scheduleCommand(),
  },
  crawl: {
    term: 'crawl [options] <pipeline>',
    summary:
      'Run one pipeline now: read its feeds, sitemaps and section pages and enqueue new articles; prints per source what it found or why it failed.',
    load: async () => (await import('./schedule.js')).crawlCommand(),
  },
  reprocess: {
    term: 'reprocess [options]',
    summary:
      'Re-run extraction and NLP over the stored pages of articles written by another extractor version (no fetching).',
    load: async () => (await import('./reprocess.js')).reprocessCommand(),
  },
};

/** The command `argv` names (`help <command>` names its second word), if it is one of ours. */
function namedCommand(argv: string[]): string | undefined {
  const words = argv.filter((arg) => !arg.startsWith('-'));
  const named = words[0] === 'help' ? words[1] : words[0];
  return named !== undefined && named in COMMANDS ? named : undefined;
}

/**
 * Build the program: the command `argv` names is loaded for real; the others are listed from
 * {@link COMMANDS} without loading their modules (`--help`, an unknown command). `all` loads every one.
 */
export async function buildProgram(argv: string[] = [], { all = false } = {}): Promise<Command> {
  const program = new Command('newsgraph')
    .description('Turn news articles into a knowledge graph (rule-based, explainable).')
    .version(VERSION, '-V, --version')
    .showHelpAfterError('(run with --help for usage)')
    .configureHelp({ subcommandTerm: (cmd) => COMMANDS[cmd.name()]?.term ?? cmd.name() })
    .exitOverride();
  const named = namedCommand(argv);
  for (const [name, entry] of Object.entries(COMMANDS)) {
    const cmd = all || name === named ? await entry.load() : new Command(name).description(entry.summary);
    program.addCommand(cmd.exitOverride());
  }
  return program;
}

/** Run the CLI with `argv` (without `node` and the script) and return the exit code. */
export async function main(argv: string[]): Promise<number> {
  const program = await buildProgram(argv);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : EXIT.ok;
  } catch (err) {
    if (err instanceof CommanderError) {
      // --help and --version end with code 0; usage errors were already printed by commander.
      return err.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    const { code, message } = toExit(err);
    process.stderr.write(`newsgraph: ${message}\n`);
    return code;
  }
}
