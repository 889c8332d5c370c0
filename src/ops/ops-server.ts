import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { StartupError } from '../platform/startup-error';
import type { HttpRoute } from './ops-routes';

export interface OpsServer {
  /** The port listened on (PORT=0 in tests picks a free one). */
  readonly port: number;
  close(): Promise<void>;
}

/** Why listening failed, in an operator's words for the usual causes; the system's message otherwise. */
function listenFailure(port: number, error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EADDRINUSE') return `port ${port} is already in use (another process listens there; stop it or set PORT to a free port)`;
  if (code === 'EACCES') return `not allowed to listen on port ${port} (ports below 1024 need privileges; use a higher PORT)`;
  return `could not listen on port ${port}: ${(error as Error).message}`;
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
    throw new StartupError('ops', 'PORT', listenFailure(port, error), { cause: error });
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
