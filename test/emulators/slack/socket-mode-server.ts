import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { type WebSocket, WebSocketServer } from 'ws';
import { APP_ID } from './emulator-state';

export type EnvelopeType = 'events_api' | 'slash_commands' | 'interactive';

interface PendingAck {
  resolve: (payload: unknown) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

const ACK_TIMEOUT_MS = 10_000;

/**
 * Slack's side of Socket Mode: says hello on connect, sends envelopes, collects the client's acks,
 * and can ask the client to reconnect with `{type:'disconnect'}`.
 */
export class SocketModeServer {
  private readonly wss = new WebSocketServer({ noServer: true });
  private current: WebSocket | null = null;
  private opened = 0;
  private readonly pendingAcks = new Map<string, PendingAck>();
  private connectionWaiters: Array<(ws: WebSocket) => void> = [];

  constructor() {
    this.wss.on('connection', (ws) => this.onConnection(ws));
  }

  /** How many connections the client has opened so far (a reconnect adds one). */
  get connectionCount(): number {
    return this.opened;
  }

  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    this.wss.handleUpgrade(req, socket, head, (ws) => this.wss.emit('connection', ws, req));
  }

  /** Resolves once a client is connected and has been sent its hello. */
  connected(): Promise<void> {
    if (this.current) return Promise.resolve();
    return this.nextConnection().then(() => undefined);
  }

  /** Sends one envelope and resolves with the payload of the client's ack. */
  async send(type: EnvelopeType, payload: object): Promise<unknown> {
    await this.connected();
    const ws = this.current!;
    const envelopeId = randomUUID();
    const acked = new Promise<unknown>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pendingAcks.delete(envelopeId);
        reject(new Error(`no ack for ${type} envelope within ${ACK_TIMEOUT_MS} ms`));
      }, ACK_TIMEOUT_MS);
      this.pendingAcks.set(envelopeId, { resolve, reject, timer });
    });
    ws.send(
      JSON.stringify({
        envelope_id: envelopeId,
        type,
        payload,
        accepts_response_payload: type !== 'events_api',
        ...(type === 'events_api' ? { retry_attempt: 0, retry_reason: '' } : {}),
      }),
    );
    return acked;
  }

  /** Asks the client to reconnect (as Slack does before recycling a server) and resolves when it has. */
  async requestReconnect(reason = 'refresh_requested'): Promise<void> {
    await this.connected();
    const next = this.nextConnection();
    this.current!.send(JSON.stringify({ type: 'disconnect', reason, debug_info: { host: 'slack-emulator' } }));
    await next;
  }

  async close(): Promise<void> {
    for (const [id, pending] of this.pendingAcks) {
      clearTimeout(pending.timer);
      pending.reject(new Error(`socket mode server closed before envelope ${id} was acked`));
    }
    this.pendingAcks.clear();
    for (const client of this.wss.clients) client.terminate();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }

  private nextConnection(): Promise<WebSocket> {
    return new Promise((resolve) => this.connectionWaiters.push(resolve));
  }

  private onConnection(ws: WebSocket): void {
    this.opened += 1;
    this.current = ws;
    ws.on('message', (data) => this.onMessage(data.toString()));
    ws.on('close', () => {
      if (this.current === ws) this.current = null;
    });
    ws.send(
      JSON.stringify({
        type: 'hello',
        num_connections: 1,
        debug_info: { host: 'slack-emulator', approximate_connection_time: 3600 },
        connection_info: { app_id: APP_ID },
      }),
    );
    const waiters = this.connectionWaiters;
    this.connectionWaiters = [];
    for (const waiter of waiters) waiter(ws);
  }

  private onMessage(text: string): void {
    let message: { envelope_id?: unknown; payload?: unknown };
    try {
      message = JSON.parse(text) as typeof message;
    } catch {
      return;
    }
    if (typeof message.envelope_id !== 'string') return;
    const pending = this.pendingAcks.get(message.envelope_id);
    if (!pending) return;
    clearTimeout(pending.timer);
    this.pendingAcks.delete(message.envelope_id);
    pending.resolve(message.payload ?? {});
  }
}
