import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { App } from '../app.ts';
import type { Logger } from '../logger.ts';

export interface HttpServer {
  server: Server;
  url: string;
  /** Stops accepting, lets in-flight requests finish within `timeoutMs`, then cuts the rest. */
  close(timeoutMs: number): Promise<void>;
}

export async function listen(app: App, host: string, port: number, logger: Logger): Promise<HttpServer> {
  const server = createServer(app);
  // Slow or stalled clients must not hold sockets forever.
  server.requestTimeout = 60_000;
  server.headersTimeout = 15_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const shownHost = host === '0.0.0.0' || host === '127.0.0.1' || host === '::' ? 'localhost' : host;
  const url = `http://${shownHost}:${address.port}`;

  const close = async (timeoutMs: number): Promise<void> => {
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    const timer = setTimeout(() => {
      logger.warn(
        { timeoutMs },
        'requests still running at the shutdown deadline; closing their connections',
      );
      server.closeAllConnections();
    }, timeoutMs);
    // Keep-alive sockets that finish a request while we wait are closed as soon as they idle.
    const sweeper = setInterval(() => server.closeIdleConnections(), 100);
    await closed;
    clearTimeout(timer);
    clearInterval(sweeper);
  };
  return { server, url, close };
}
