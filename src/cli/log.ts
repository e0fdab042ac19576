/**
 * The structured logger of long-running commands (worker, dashboard): pino, JSON lines on stderr by
 * default, human-readable (pino-pretty) when stderr is a terminal. stdout stays free for data.
 */
import pino, { type Logger } from 'pino';
import pretty from 'pino-pretty';

export type { Logger };

export interface LogOptions {
  /** @defaultValue `info`, or `NEWSGRAPH_LOG_LEVEL` read by the caller */
  level?: string;
  /** @defaultValue whether stderr is a TTY */
  pretty?: boolean;
}

/** Create the logger; pretty output is synchronous (no worker thread) so nothing is lost at exit. */
export function createLogger(options: LogOptions = {}): Logger {
  const level = options.level ?? 'info';
  const usePretty = options.pretty ?? Boolean(process.stderr.isTTY);
  if (usePretty) {
    return pino(
      { level },
      pretty({ destination: 2, sync: true, colorize: true, translateTime: 'HH:MM:ss.l' }),
    );
  }
  return pino({ level, base: { pid: process.pid } }, pino.destination({ fd: 2, sync: true }));
}
