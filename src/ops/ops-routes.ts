import type { IncomingMessage, ServerResponse } from 'node:http';
import { checkReadiness, type ReadinessDeps } from './readiness';

/** One GET route; the same shape as Bolt's custom routes, so Slack's HTTP receiver can serve these too. */
export interface HttpRoute {
  path: string;
  method: 'GET';
  handler(req: IncomingMessage, res: ServerResponse): void;
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(`${JSON.stringify(body)}\n`);
}

/** GET /healthz (the process answers), /readyz (ready to serve, 503 with reasons) and /metrics (Prometheus text). */
export function opsRoutes(deps: ReadinessDeps): HttpRoute[] {
  return [
    { path: '/healthz', method: 'GET', handler: (_req, res) => sendJson(res, 200, { status: 'ok' }) },
    {
      path: '/readyz',
      method: 'GET',
      handler: (_req, res) => {
        void checkReadiness(deps).then((report) =>
          sendJson(res, report.ready ? 200 : 503, { status: report.ready ? 'ready' : 'not ready', ...report }),
        );
      },
    },
    {
      path: '/metrics',
      method: 'GET',
      handler: (_req, res) => {
        deps.metrics.registry.metrics().then(
          (text) => {
            res.writeHead(200, { 'content-type': deps.metrics.registry.contentType });
            res.end(text);
          },
          (error: unknown) => sendJson(res, 500, { error: error instanceof Error ? error.message : String(error) }),
        );
      },
    },
  ];
}
