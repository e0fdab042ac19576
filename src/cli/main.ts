/**
 * The `newsgraph` command line. The only place that reads argv and decides the exit code;
 * each command lives in its own file and exports a `Command` factory.
 */
import { Command, CommanderError } from 'commander';
import { dashboardCommand } from './dashboard.js';
import { enqueueCommand } from './enqueue.js';
import { EXIT, toExit } from './errors.js';
import { explainCommand } from './explain.js';
import { extractCommand } from './extract.js';
import { ingestCommand } from './ingest.js';
import { queryCommand } from './query.js';
import { retryFailedCommand } from './retry-failed.js';
import { crawlCommand, scheduleCommand } from './schedule.js';
import { statusCommand } from './status.js';
import { workerCommand } from './worker.js';

export const VERSION = '0.1.0';

/** Build the program (exported for tests and `--help` rendering). */
export function buildProgram(): Command {
  const program = new Command('newsgraph')
    .description('Turn news articles into a knowledge graph (rule-based, explainable).')
    .version(VERSION, '-V, --version')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();
  program.addCommand(extractCommand());
  program.addCommand(ingestCommand());
  program.addCommand(queryCommand());
  program.addCommand(explainCommand());
  program.addCommand(enqueueCommand());
  program.addCommand(workerCommand());
  program.addCommand(statusCommand());
  program.addCommand(retryFailedCommand());
  program.addCommand(dashboardCommand());
  program.addCommand(scheduleCommand());
  program.addCommand(crawlCommand());
  for (const cmd of program.commands) cmd.exitOverride();
  return program;
}

/** Run the CLI with `argv` (without `node` and the script) and return the exit code. */
export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
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
