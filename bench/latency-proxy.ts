/**
 * A TCP proxy on 127.0.0.1 that holds every chunk for `delayMs` in each direction before passing it on:
 * a stand-in, on one machine, for the network between a worker and a Neo4j server on another machine.
 * Node timers fire no sooner than 1 ms, so the smallest round trip it adds is about 2 ms. Bench use
 * only; traffic never leaves the loopback interface.
 */
import { connect, createServer, type Socket } from 'node:net';

export interface LatencyProxy {
  /** Where clients connect: `127.0.0.1:<port>`. */
  port: number;
  close(): Promise<void>;
}

function relay(from: Socket, to: Socket, delayMs: number): void {
  from.on('data', (chunk) => {
    setTimeout(() => {
      if (!to.destroyed) to.write(chunk);
    }, delayMs); // equal delays fire in order, so the stream stays in order
  });
  from.on('end', () => setTimeout(() => to.end(), delayMs));
  from.on('error', () => to.destroy());
}

/** Start a proxy to `127.0.0.1:targetPort` that delays each direction by `delayMs`. */
export function startLatencyProxy(targetPort: number, delayMs: number): Promise<LatencyProxy> {
  const sockets = new Set<Socket>();
  const server = createServer((client) => {
    const upstream = connect(targetPort, '127.0.0.1');
    for (const s of [client, upstream]) {
      s.setNoDelay(true);
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
    }
    relay(client, upstream, delayMs);
    relay(upstream, client, delayMs);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      resolve({
        port,
        close: () =>
          new Promise<void>((done) => {
            for (const s of sockets) s.destroy();
            server.close(() => done());
          }),
      });
    });
  });
}
