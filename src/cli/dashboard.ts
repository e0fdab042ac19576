import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { Command } from 'commander';
import express from 'express';
import { createRedis, openArticleQueue } from '../queue/index.js';
import { requiredToken, requireToken } from './dashboard-auth.js';
import { createLogger } from './log.js';
import {
  intOption,
  type QueueCliOptions,
  requireRedis,
  resolveQueueConfig,
  withQueueOptions,
} from './queue-options.js';

/** Local only by default: the board can retry and delete jobs; beyond loopback it needs a token. */
const DEFAULT_HOST = '127.0.0.1';
const DEFAULT_PORT = 3000;

interface DashboardCliOptions extends QueueCliOptions {
  port: number;
  host: string;
  token?: string;
}

/** `newsgraph dashboard [--port N]`: bull-board on localhost. */
export function dashboardCommand(): Command {
  return withQueueOptions(
    new Command('dashboard')
      .description('Serve the bull-board queue dashboard (on 127.0.0.1 unless --host says otherwise).')
      .option('--port <n>', 'port', intOption('--port'), DEFAULT_PORT)
      .option('--host <address>', 'address to listen on (0.0.0.0 inside a container)', DEFAULT_HOST)
      .option(
        '--token <token>',
        'access token, asked by the browser (Basic auth password) or sent as Bearer; required beyond loopback; env NEWSGRAPH_DASHBOARD_TOKEN (default: none)',
      ),
  ).action(async (options: DashboardCliOptions) => {
    const log = createLogger({ level: process.env.NEWSGRAPH_LOG_LEVEL });
    const token = requiredToken(options.host, options.token ?? process.env.NEWSGRAPH_DASHBOARD_TOKEN);
    const config = resolveQueueConfig(options);
    await requireRedis(config);
    const redis = createRedis(config.redisUrl, { forWorker: true });
    const queue = openArticleQueue(config, redis);
    const serverAdapter = new ExpressAdapter();
    serverAdapter.setBasePath('/');
    createBullBoard({ queues: [new BullMQAdapter(queue)], serverAdapter });
    const app = express();
    app.get('/healthz', (_req, res) => void res.type('text/plain').send('ok\n'));
    if (token) app.use(requireToken(token));
    app.use('/', serverAdapter.getRouter());
    const server = app.listen(options.port, options.host);
    await new Promise<void>((resolve, reject) => {
      server.once('listening', resolve);
      server.once('error', reject);
    });
    log.info(
      { url: `http://${options.host}:${options.port}/`, queue: config.queueName },
      'dashboard listening',
    );
    await new Promise<void>((resolve) => {
      process.once('SIGINT', resolve);
      process.once('SIGTERM', resolve);
    });
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await queue.close();
    redis.disconnect();
    log.info('dashboard stopped');
  });
}
