import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { HttpRoute } from './ops-routes';

export interface OpsServer {
  /** The port listened on (PORT=0 in tests picks a free one). */
  readonly port: number;
  close(): Promise<void>;
}

/** A plain HTTP server for the ops routes, used when Slack's HTTP receiver is not there to share its port. */
export async function startOpsServer(routes: readonly HttpRoute[], port: number): Promise<OpsServer> {
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    const route = routes.find((r) => r.path === path);
    if (!route) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found\n');
    } else if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET', 'content-type': 'text/plain' }).end('method not allowed\n');
    } else {
      route.handler(req, res);
    }
  });
  // A scrape or probe must not hold shutdown open.
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, () => {
      server.off('error', reject);
      resolve();
    });
  }).catch((error: unknown) => {
    throw new Error(`the health and metrics endpoint could not listen on PORT ${port}: ${(error as Error).message}`, { cause: error });
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
