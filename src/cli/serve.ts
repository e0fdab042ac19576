/**
 * `newsgraph serve [--port N] [--host H]`: the analysts' explorer (src/web) over the configured graph,
 * read-only; on the embedded store it holds the file when it is free (a worker or ingest started later
 * writes through it) or reads through the process that holds it (src/graph/shared.ts). Loopback by default; another host needs
 * NEWSGRAPH_TOKEN (or --token). Runs until SIGINT/SIGTERM.
 */
import { Command, InvalidArgumentError } from 'commander';
import { openServeReader } from '../graph/index.js';
import { assertSafeBind, DEFAULT_HOST, DEFAULT_PORT, startExplorer } from '../web/index.js';
import { addGraphOptions, asServiceError, type GraphCliOptions, graphConfig } from './ingest.js';

interface ServeOptions extends GraphCliOptions {
  port: number;
  host: string;
  token?: string;
}

function portNumber(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n > 65535) throw new InvalidArgumentError('a port number from 0 to 65535');
  return n;
}

/** Resolve when the process is asked to stop. */
function untilStopped(): Promise<string> {
  return new Promise((resolve) => {
    const stop = (signal: string) => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve(signal);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}

export function serveCommand(): Command {
  const cmd = new Command('serve')
    .description('Serve the read-only web explorer (search, entities, articles, graph, Cypher console).')
    .option('--port <n>', `port to listen on (0: any free port)`, portNumber, DEFAULT_PORT)
    .option('--host <host>', 'address to bind; other than loopback needs a token', DEFAULT_HOST)
    .option('--token <token>', 'access token required of every request (default: $NEWSGRAPH_TOKEN)');
  return addGraphOptions(cmd).action(async (options: ServeOptions) => {
    const token = options.token ?? (process.env.NEWSGRAPH_TOKEN || undefined);
    assertSafeBind(options.host, token); // before opening the store
    const reader = await openServeReader(graphConfig(options)).catch((err: unknown) => {
      throw asServiceError(err);
    });
    try {
      const server = await startExplorer(reader, { host: options.host, port: options.port, token });
      process.stdout.write(`newsgraph explorer (${reader.kind}, read-only) on ${server.url}\n`);
      await untilStopped();
      await server.close();
    } finally {
      await reader.close();
    }
  });
}
