/**
 * The `newsgraph` command line. The only place that reads argv and decides the exit code;
 * each command lives in its own file and exports a `Command` factory.
 */
import { Command, CommanderError } from 'commander';
import { EXIT, toExit } from './errors.js';

export const VERSION = '0.1.0';

/**
 * Each command's module, imported only when that command runs (or all of them for the full `--help`):
 * `extract` need not load BullMQ, nor `status` compromise.
 */
const COMMANDS: Record<string, () => Promise<Command>> = {
  extract: async () => (await import('./extract.js')).extractCommand(),
  ingest: async () => (await import('./ingest.js')).ingestCommand(),
  query: async () => (await import('./query.js')).queryCommand(),
  explain: async () => (await import('./explain.js')).explainCommand(),
  enqueue: async () => (await import('./enqueue.js')).enqueueCommand(),
  worker: async () => (await import('./worker.js')).workerCommand(),
  status: async () => (await import('./status.js')).statusCommand(),
  'retry-failed': async () => (await import('./retry-failed.js')).retryFailedCommand(),
  dashboard: async () => (await import('./dashboard.js')).dashboardCommand(),
  schedule: async () => (await import('./schedule.js')).scheduleCommand(),
  crawl: async () => (await import('./schedule.js')).crawlCommand(),
  reprocess: async () => (await import('./reprocess.js')).reprocessCommand(),
};

/** Build the program with the command `argv` names, or every command when it names none (help). */
export async function buildProgram(argv: string[] = []): Promise<Command> {
  const program = new Command('newsgraph')
    .description('Turn news articles into a knowledge graph (rule-based, explainable).')
    .version(VERSION, '-V, --version')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();
  const named = argv.find((arg) => !arg.startsWith('-'));
  const wanted = named !== undefined && named in COMMANDS ? [named] : Object.keys(COMMANDS);
  for (const name of wanted) program.addCommand((await COMMANDS[name]!()).exitOverride());
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
