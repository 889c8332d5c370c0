import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CallLog, type RecordedCall, type WaitOptions } from './call-log';
import { SlackState } from './emulator-state';
import { type Fault, FaultPlan } from './faults';
import { SocketModeServer } from './socket-mode-server';
import { type ApiParams, type ApiResult, isSlackMethod, type SlackMethod, WEB_API_ROUTES } from './web-api-routes';

export interface SlackEmulatorOptions {
  botToken?: string;
  appToken?: string;
  signingSecret?: string;
}

export const RESPONSE_URL_METHOD = 'response_url';

/**
 * A loopback Slack: Web API under /api/, response_url capture under /response/, Socket Mode under
 * /socket-mode. Every request the bot makes is recorded and can be awaited.
 */
export class SlackEmulator {
  readonly state = new SlackState();
  readonly socket = new SocketModeServer();
  readonly log = new CallLog();
  readonly faults = new FaultPlan();
  readonly botToken: string;
  readonly appToken: string;
  readonly signingSecret: string;
  private readonly server: Server;
  private listeningPort = 0;

  constructor(options: SlackEmulatorOptions = {}) {
    this.botToken = options.botToken ?? 'xoxb-emulator-bot-token';
    this.appToken = options.appToken ?? 'xapp-1-emulator-app-token';
    this.signingSecret = options.signingSecret ?? 'emulator-signing-secret';
    this.server = createServer((req, res) => {
      this.route(req, res).catch((error: unknown) => {
        res.writeHead(500, { 'content-type': 'text/plain' });
        res.end(`emulator error: ${error instanceof Error ? error.message : String(error)}`);
      });
    });
    this.server.on('upgrade', (req, socket, head) => {
      if (new URL(req.url ?? '/', 'http://emulator').pathname === '/socket-mode') {
        this.socket.handleUpgrade(req, socket, head);
      } else {
        socket.destroy();
      }
    });
  }

  /** Listens on 127.0.0.1; port 0 (the default) picks a free one. */
  async listen(port = 0): Promise<this> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, '127.0.0.1', () => resolve());
    });
    this.listeningPort = (this.server.address() as AddressInfo).port;
    return this;
  }

  get port(): number {
    return this.listeningPort;
  }

  /** The Web API base for `clientOptions.slackApiUrl` / SLACK_API_URL. */
  get apiUrl(): string {
    return `http://127.0.0.1:${this.listeningPort}/api/`;
  }

  /** A fresh response_url served by the emulator; POSTs to it are recorded as 'response_url' calls. */
  newResponseUrl(): { responseId: string; url: string } {
    const responseId = randomUUID();
    return { responseId, url: `http://127.0.0.1:${this.listeningPort}/response/${responseId}` };
  }

  /** Answer the next `times` calls of a method (or 'response_url') with a fault instead. */
  failNext(method: SlackMethod | typeof RESPONSE_URL_METHOD, fault: Fault, times = 1): void {
    this.faults.push(method, fault, times);
  }

  waitForCall(
    method: SlackMethod | typeof RESPONSE_URL_METHOD,
    predicate?: (call: RecordedCall) => boolean,
    options?: WaitOptions,
  ): Promise<RecordedCall> {
    return this.log.waitFor(method, predicate, options);
  }

  /** The next POST to one response_url. */
  waitForResponse(responseId: string, options?: WaitOptions): Promise<RecordedCall> {
    return this.log.waitFor(RESPONSE_URL_METHOD, (c) => c.responseId === responseId, options);
  }

  calls(method?: SlackMethod | typeof RESPONSE_URL_METHOD): RecordedCall[] {
    return this.log.all(method);
  }

  async close(): Promise<void> {
    this.log.close();
    await this.socket.close();
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  private async route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://emulator');
    const body = await readBody(req);
    const apiMatch = /^\/api\/([\w.]+)$/.exec(url.pathname);
    if (req.method === 'POST' && apiMatch) return this.webApi(apiMatch[1]!, req, body, res);
    const responseMatch = /^\/response\/([\w-]+)$/.exec(url.pathname);
    if (req.method === 'POST' && responseMatch) return this.responseUrl(responseMatch[1]!, body, res);
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('not found');
  }

  private webApi(method: string, req: IncomingMessage, body: string, res: ServerResponse): void {
    const params = parseParams(req.headers['content-type'], body);
    const at = Date.now();
    const denied = this.authProblem(method, req.headers.authorization, params);
    const fault = denied ? undefined : this.faults.take(method);
    let status = 200;
    let result: ApiResult;
    if (denied) {
      result = { ok: false, error: denied };
    } else if (fault) {
      ({ status, result } = faultAnswer(fault));
    } else if (isSlackMethod(method)) {
      result = WEB_API_ROUTES[method](params, { state: this.state, socketUrl: () => this.socketUrl() });
    } else {
      result = { ok: false, error: 'unknown_method' };
    }
    // Recorded before answering, so a waiter sees the call no later than the bot sees the answer.
    this.log.record({ method, params: redactToken(params), status, result, ok: result.ok, error: result.error, fault, at });
    const headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8' };
    if (fault?.kind === 'rate-limit') headers['retry-after'] = String(fault.retryAfterSeconds);
    res.writeHead(status, headers);
    res.end(fault?.kind === 'http' ? 'upstream error' : JSON.stringify(result));
  }

  private responseUrl(responseId: string, body: string, res: ServerResponse): void {
    const fault = this.faults.take(RESPONSE_URL_METHOD);
    let params: ApiParams = {};
    try {
      params = JSON.parse(body) as ApiParams;
    } catch {
      params = { raw: body };
    }
    const status = fault ? faultAnswer(fault).status : 200;
    const ok = status === 200 && fault?.kind !== 'error';
    this.log.record({
      method: RESPONSE_URL_METHOD,
      params,
      responseId,
      status,
      ok,
      error: fault?.kind === 'error' ? fault.error : undefined,
      fault,
      at: Date.now(),
    });
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(ok ? { ok: true } : { ok: false, error: fault?.kind === 'error' ? fault.error : 'failed' }));
  }

  private authProblem(method: string, authorization: string | undefined, params: ApiParams): string | null {
    const bearer = authorization?.startsWith('Bearer ') ? authorization.slice(7) : undefined;
    const token = bearer || (typeof params.token === 'string' ? params.token : undefined);
    if (!token) return 'not_authed';
    const expected = method === 'apps.connections.open' ? this.appToken : this.botToken;
    if (token === expected) return null;
    return method === 'apps.connections.open' && token.startsWith('xoxb-') ? 'not_allowed_token_type' : 'invalid_auth';
  }

  private socketUrl(): string {
    return `ws://127.0.0.1:${this.listeningPort}/socket-mode?ticket=${randomUUID()}`;
  }
}

export async function startSlackEmulator(options?: SlackEmulatorOptions): Promise<SlackEmulator> {
  return new SlackEmulator(options).listen();
}

function faultAnswer(fault: Fault): { status: number; result: ApiResult } {
  switch (fault.kind) {
    case 'rate-limit':
      return { status: 429, result: { ok: false, error: 'ratelimited' } };
    case 'error':
      return { status: 200, result: { ok: false, error: fault.error } };
    case 'http':
      return { status: fault.status, result: { ok: false, error: `http_${fault.status}` } };
  }
}

/** Web API bodies are form-encoded (JSON also accepted); structured fields arrive as JSON strings. */
function parseParams(contentType: string | undefined, body: string): ApiParams {
  let params: ApiParams;
  if (contentType?.includes('application/json')) {
    params = body ? (JSON.parse(body) as ApiParams) : {};
  } else {
    params = Object.fromEntries(new URLSearchParams(body));
  }
  for (const key of ['blocks', 'attachments', 'metadata']) {
    const value = params[key];
    if (typeof value === 'string') {
      try {
        params[key] = JSON.parse(value);
      } catch {
        // left as the string it was: the route reports it as invalid
      }
    }
  }
  return params;
}

function redactToken(params: ApiParams): ApiParams {
  if (!('token' in params)) return params;
  const { token: _token, ...rest } = params;
  return rest;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
