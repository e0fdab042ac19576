/**
 * Run by test/fetch/dns-deadline.test.ts inside a network namespace of its own (`unshare -rn`), where the
 * system's name server address is bound to the loopback device: a UDP/TCP sink listens there and never
 * answers, as a name server that swallows queries does. Fetches a name under `.invalid` both ways the
 * fetcher resolves (its SSRF check, and undici's connect when private hosts are allowed) and prints, as
 * JSON lines, the error code and how long each fetch took.
 */
import { createSocket } from 'node:dgram';
import { createServer } from 'node:net';
import { fetchPage } from '../../src/fetch/index.js';

const [nameServer = '127.0.0.53', deadline = '1000'] = process.argv.slice(2);
const udp = createSocket(nameServer.includes(':') ? 'udp6' : 'udp4');
udp.on('message', () => undefined);
await new Promise<void>((resolve) => udp.bind(53, nameServer, resolve));
const tcp = createServer(() => undefined);
await new Promise<void>((resolve) => tcp.listen(53, nameServer, resolve));

for (const allowPrivateHosts of [false, true]) {
  const started = Date.now();
  let code = 'fetched';
  try {
    await fetchPage('http://never-answered.invalid/robots.txt', {
      allowPrivateHosts,
      deadlineMs: Number(deadline),
    });
  } catch (err) {
    code = String((err as { code?: unknown }).code);
  }
  process.stdout.write(`${JSON.stringify({ allowPrivateHosts, code, ms: Date.now() - started })}\n`);
}
udp.close();
tcp.close();
// The lookups still wait on the sink in libuv's thread pool: do not wait for them.
process.exit(0);
