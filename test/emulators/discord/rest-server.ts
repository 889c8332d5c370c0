import type { IncomingMessage, ServerResponse } from 'node:http';
import { ApiFailure, apiErrors } from './api-errors';
import type { Fault, FaultPlan } from './fault-plan';
import type { RequestLog } from './request-log';
import { matchRoute, type Route, type RouteContext } from './rest-router';

export interface RestDeps {
  routes: readonly Route[];
  faults: FaultPlan;
  log: RequestLog;
  botToken: () => string;
  context: () => Omit<RouteContext, 'params' | 'query' | 'body'>;
}

const API_PREFIX = /^\/api(?:\/v(\d+))?(\/.*)$/;

/** Handles one HTTP request the way Discord's API does (JSON errors, 401 without the bot token, faults first). */
export async function handleRest(deps: RestDeps, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const method = (req.method ?? 'GET').toUpperCase();
  const prefixed = API_PREFIX.exec(url.pathname);
  const path = prefixed?.[2] ?? url.pathname;
  const raw = await readBody(req);
  let body: unknown = raw.length > 0 ? raw.toString('utf8') : undefined;
  const contentType = String(req.headers['content-type'] ?? '');
  let status = 500;
  let response: unknown;
  let headers: Record<string, string> = {};

  try {
    if (contentType.includes('application/json') && typeof body === 'string') body = JSON.parse(body);
    else if (contentType.startsWith('multipart/form-data')) {
      throw apiErrors.invalidFormBody({ files: 'The emulator does not take attachments (multipart bodies).' });
    }
    if (!prefixed) throw apiErrors.notFound();
    if (prefixed[1] && prefixed[1] !== '10' && prefixed[1] !== '9') throw apiErrors.notFound();

    const fault = deps.faults.take(method, path);
    if (fault?.kind === 'drop-connection') {
      deps.log.record({ method, path, query: url.searchParams, headers: req.headers, body, status: 0, response: undefined, at: Date.now() });
      req.socket.destroy();
      return;
    }
    if (fault) {
      ({ status, body: response, headers } = faultResponse(fault, path));
    } else {
      const match = matchRoute(deps.routes, method, path);
      if (!match.route) throw match.pathExists ? apiErrors.methodNotAllowed() : apiErrors.notFound();
      if (match.route.auth && req.headers.authorization !== `Bot ${deps.botToken()}`) throw apiErrors.unauthorized();
      const result = match.route.handle({ ...deps.context(), params: match.params, query: url.searchParams, body });
      status = result.status;
      response = result.body;
    }
  } catch (error) {
    if (error instanceof ApiFailure) {
      status = error.status;
      response = error.body;
    } else if (error instanceof SyntaxError) {
      status = 400;
      response = { code: 50109, message: 'The request body contains invalid JSON.' };
    } else {
      status = 500;
      response = { code: 0, message: `emulator error: ${(error as Error).message}` };
    }
  }

  const text = response === undefined || status === 204 ? '' : JSON.stringify(response);
  res.writeHead(status, {
    ...(text ? { 'content-type': 'application/json' } : {}),
    'content-length': Buffer.byteLength(text).toString(),
    ...headers,
  });
  res.end(text);
  // Recorded after the answer is decided, so a waiting test sees the status too.
  deps.log.record({ method, path, query: url.searchParams, headers: req.headers, body, status, response, at: Date.now() });
}

function faultResponse(fault: Exclude<Fault, { kind: 'drop-connection' }>, path: string): {
  status: number;
  body: unknown;
  headers: Record<string, string>;
} {
  switch (fault.kind) {
    case 'rate-limit': {
      const after = fault.retryAfterSeconds.toString();
      return {
        status: 429,
        body: { message: 'You are being rate limited.', retry_after: fault.retryAfterSeconds, global: Boolean(fault.global) },
        headers: {
          'retry-after': after,
          'x-ratelimit-limit': '5',
          'x-ratelimit-remaining': '0',
          'x-ratelimit-reset': ((Date.now() + fault.retryAfterSeconds * 1000) / 1000).toFixed(3),
          'x-ratelimit-reset-after': after,
          'x-ratelimit-bucket': `emu-${path.replace(/\d{17,20}/g, ':id').replace(/\W+/g, '-')}`,
          'x-ratelimit-scope': fault.global ? 'global' : 'user',
          ...(fault.global ? { 'x-ratelimit-global': 'true' } : {}),
        },
      };
    }
    case 'api-error':
      return { status: fault.status, body: { code: fault.code, message: fault.message }, headers: {} };
    case 'server-error':
      return { status: fault.status, body: { code: 0, message: `${fault.status}: Server Error` }, headers: {} };
  }
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}
