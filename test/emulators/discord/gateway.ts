import { EventEmitter } from 'node:events';
import type { IncomingMessage, Server } from 'node:http';
import { type RawData, type WebSocket, WebSocketServer } from 'ws';
import type { EmulatorState } from './emulator-state';
import { guildCreatePayload, readyPayload } from './gateway-payloads';
import { filterForIntents, Intent, PRIVILEGED_INTENTS } from './gateway-intents';
import { randomToken } from './snowflake';

/** Gateway opcodes (https://discord.com/developers/docs/topics/opcodes-and-status-codes#gateway). */
const Op = {
  Dispatch: 0,
  Heartbeat: 1,
  Identify: 2,
  PresenceUpdate: 3,
  Resume: 6,
  Reconnect: 7,
  RequestGuildMembers: 8,
  InvalidSession: 9,
  Hello: 10,
  HeartbeatAck: 11,
} as const;

const Close = {
  UnknownError: 4000,
  UnknownOpcode: 4001,
  DecodeError: 4002,
  NotAuthenticated: 4003,
  AuthenticationFailed: 4004,
  AlreadyAuthenticated: 4005,
  InvalidShard: 4010,
  ShardingRequired: 4011,
  InvalidIntents: 4013,
  DisallowedIntents: 4014,
} as const;

interface SentDispatch {
  op: 0;
  t: string;
  s: number;
  d: unknown;
}

export interface GatewaySession {
  id: string;
  intents: number;
  /** IDENTIFY's `[shard_id, num_shards]` ([0, 1] when not sent). */
  shard: readonly [number, number];
  seq: number;
  socket: WebSocket | null;
  /** Everything dispatched to this session, for replay on RESUME. */
  sent: SentDispatch[];
  /** Ended by a clean close or an invalidation: cannot be resumed. */
  ended: boolean;
}

export interface IdentifyRecord {
  intents: number;
  shard: readonly [number, number];
  properties: unknown;
  sessionId: string;
}

export interface GatewayOptions {
  heartbeatIntervalMs: number;
  /** Which privileged intents the application has switched on in the portal. */
  privilegedIntents: number;
  /** More guilds than this on one session is refused with 4011 "Sharding required" (Discord: 2,500). */
  maxGuildsPerShard: number;
}

/** Discord's rule: a guild's events go to shard (guild_id >> 22) % num_shards. */
export function shardOfGuild(guildId: string, shardCount: number): number {
  return Number((BigInt(guildId) >> 22n) % BigInt(shardCount));
}

/** The guild an event belongs to (DMs and other guild-less events belong to none, and go to shard 0). */
function guildOfEvent(event: string, data: Record<string, unknown>): string | undefined {
  if (typeof data['guild_id'] === 'string') return data['guild_id'];
  return event.startsWith('GUILD_') && typeof data['id'] === 'string' ? data['id'] : undefined;
}

/** IDENTIFY's optional `shard` field, or null when it is not a valid `[shard_id, num_shards]`. */
function parseShard(raw: unknown): readonly [number, number] | null {
  if (raw === undefined) return [0, 1];
  if (!Array.isArray(raw) || raw.length !== 2) return null;
  const [id, count] = raw as unknown[];
  if (!Number.isInteger(id) || !Number.isInteger(count)) return null;
  const [shardId, shardCount] = [id as number, count as number];
  return shardCount >= 1 && shardId >= 0 && shardId < shardCount ? [shardId, shardCount] : null;
}

/**
 * The Discord gateway on a WebSocket: HELLO, IDENTIFY → READY + GUILD_CREATE, heartbeats, RESUME with
 * replay, intent filtering per session, sharding (each guild's events reach only the session of its shard;
 * DMs reach shard 0), and faults (dropped sockets, reconnect requests, invalid sessions).
 * Emits 'identify', 'resume', 'connection' and 'close' so tests can await them.
 */
export class Gateway extends EventEmitter {
  readonly sessions = new Map<string, GatewaySession>();
  readonly identifies: IdentifyRecord[] = [];
  readonly resumes: { sessionId: string; seq: number }[] = [];
  private readonly server: WebSocketServer;
  private readonly sockets = new Set<WebSocket>();
  /** When set, the next RESUME is refused with op 9 (forces a fresh IDENTIFY). */
  refuseNextResume = false;
  /** While set, new gateway connections are refused (an outage the client cannot reconnect through). */
  refuseConnections = false;
  /** Shards whose IDENTIFY and RESUME are refused (close 4000, so the client keeps retrying): a one-shard outage. */
  readonly downShards = new Set<number>();

  constructor(
    httpServer: Server,
    private readonly state: EmulatorState,
    private readonly url: () => string,
    private readonly options: GatewayOptions,
  ) {
    super();
    this.server = new WebSocketServer({ server: httpServer, path: '/gateway', verifyClient: () => !this.refuseConnections });
    this.server.on('connection', (socket, request) => this.onConnection(socket, request));
  }

  /**
   * Sends a dispatch to every live session of the event's shard that has the intents for it (buffered while a
   * socket is down).
   */
  dispatch(event: string, data: Record<string, unknown>): void {
    const guildId = guildOfEvent(event, data);
    for (const session of this.sessions.values()) {
      if (session.ended) continue;
      const [shardId, shardCount] = session.shard;
      if (shardId !== (guildId === undefined ? 0 : shardOfGuild(guildId, shardCount))) continue;
      const filtered = filterForIntents(event, data, session.intents, this.state.botUser.id);
      if (filtered) this.send(session, event, filtered);
    }
  }

  /** Kills every socket without a close frame (the client sees 1006 and resumes). */
  dropConnections(): void {
    for (const socket of this.sockets) socket.terminate();
  }

  /** Kills the sockets of one shard's sessions, and refuses that shard until the returned function ends the outage. */
  shardOutage(shardId: number): () => void {
    this.downShards.add(shardId);
    for (const session of this.sessions.values()) {
      if (session.shard[0] === shardId) session.socket?.terminate();
    }
    return () => {
      this.downShards.delete(shardId);
    };
  }

  /** Asks every client to reconnect (op 7), as Discord does before maintenance. */
  requestReconnect(): void {
    for (const socket of this.sockets) socket.send(JSON.stringify({ op: Op.Reconnect, d: null }));
  }

  liveSessions(): GatewaySession[] {
    return [...this.sessions.values()].filter((s) => !s.ended && s.socket !== null);
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.terminate();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private onConnection(socket: WebSocket, request: IncomingMessage): void {
    this.sockets.add(socket);
    // A client that vanishes mid-frame must not crash the test process; 'close' follows.
    socket.on('error', () => undefined);
    const query = new URL(request.url ?? '/', 'http://localhost').searchParams;
    if (query.get('encoding') && query.get('encoding') !== 'json') {
      socket.close(Close.DecodeError, 'Only encoding=json is emulated');
      return;
    }
    let session: GatewaySession | null = null;
    socket.on('message', (raw: RawData) => {
      let payload: { op?: number; d?: unknown };
      try {
        payload = JSON.parse(raw.toString());
      } catch {
        socket.close(Close.DecodeError, 'Error while decoding payload.');
        return;
      }
      session = this.onPayload(socket, session, payload);
    });
    socket.on('close', (code: number) => {
      this.sockets.delete(socket);
      const current = session as GatewaySession | null;
      if (current && current.socket === socket) {
        current.socket = null;
        // A client closing with 1000/1001 ends its session; anything else can be resumed.
        if (code === 1000 || code === 1001) current.ended = true;
      }
      this.emit('close', { code, sessionId: current?.id });
    });
    socket.send(JSON.stringify({ op: Op.Hello, d: { heartbeat_interval: this.options.heartbeatIntervalMs } }));
    this.emit('connection', socket);
  }

  private onPayload(socket: WebSocket, session: GatewaySession | null, payload: { op?: number; d?: unknown }): GatewaySession | null {
    switch (payload.op) {
      case Op.Heartbeat:
        socket.send(JSON.stringify({ op: Op.HeartbeatAck }));
        return session;
      case Op.Identify:
        if (session) {
          socket.close(Close.AlreadyAuthenticated, 'You sent more than one identify payload.');
          return session;
        }
        return this.identify(socket, payload.d as Record<string, unknown>);
      case Op.Resume:
        if (session) {
          socket.close(Close.AlreadyAuthenticated, 'Already authenticated.');
          return session;
        }
        return this.resume(socket, payload.d as Record<string, unknown>);
      case Op.PresenceUpdate:
      case Op.RequestGuildMembers:
        if (!session) socket.close(Close.NotAuthenticated, 'Not authenticated.');
        return session;
      default:
        socket.close(session ? Close.UnknownOpcode : Close.NotAuthenticated, 'Unknown or unauthenticated opcode.');
        return session;
    }
  }

  private identify(socket: WebSocket, d: Record<string, unknown>): GatewaySession | null {
    if (d['token'] !== this.state.botToken) {
      socket.close(Close.AuthenticationFailed, 'Authentication failed.');
      return null;
    }
    const intents = d['intents'];
    if (typeof intents !== 'number' || !Number.isInteger(intents) || intents < 0 || intents >= 1 << 26) {
      socket.close(Close.InvalidIntents, 'Invalid intent(s).');
      return null;
    }
    if (intents & PRIVILEGED_INTENTS & ~this.options.privilegedIntents) {
      socket.close(Close.DisallowedIntents, 'Disallowed intent(s).');
      return null;
    }
    const shard = parseShard(d['shard']);
    if (!shard) {
      socket.close(Close.InvalidShard, 'Invalid shard.');
      return null;
    }
    if (this.downShards.has(shard[0])) {
      socket.close(Close.UnknownError, 'Unknown error.');
      return null;
    }
    const guilds = [...this.state.guilds.values()].filter((g) => shardOfGuild(g.id, shard[1]) === shard[0]);
    if (guilds.length > this.options.maxGuildsPerShard) {
      socket.close(Close.ShardingRequired, 'Sharding required.');
      return null;
    }
    const session: GatewaySession = { id: randomToken(32), intents, shard, seq: 0, socket, sent: [], ended: false };
    this.sessions.set(session.id, session);
    this.identifies.push({ intents, shard, properties: d['properties'], sessionId: session.id });
    this.send(session, 'READY', readyPayload(this.state, { id: session.id, shard, guildIds: guilds.map((g) => g.id) }, this.url()));
    if (intents & Intent.Guilds) {
      for (const guild of guilds) this.send(session, 'GUILD_CREATE', guildCreatePayload(this.state, guild, (intents & Intent.GuildMembers) !== 0));
    }
    this.emit('identify', session);
    return session;
  }

  private resume(socket: WebSocket, d: Record<string, unknown>): GatewaySession | null {
    const session = this.sessions.get(String(d['session_id']));
    const seq = Number(d['seq']);
    if (session && this.downShards.has(session.shard[0])) {
      socket.close(Close.UnknownError, 'Unknown error.');
      return null;
    }
    if (this.refuseNextResume || !session || session.ended || d['token'] !== this.state.botToken || seq > session.seq) {
      this.refuseNextResume = false;
      if (session) session.ended = true;
      socket.send(JSON.stringify({ op: Op.InvalidSession, d: false }));
      return null;
    }
    session.socket = socket;
    this.resumes.push({ sessionId: session.id, seq });
    for (const missed of session.sent.filter((p) => p.s > seq)) socket.send(JSON.stringify(missed));
    this.send(session, 'RESUMED', {});
    this.emit('resume', session);
    return session;
  }

  private send(session: GatewaySession, event: string, data: unknown): void {
    session.seq += 1;
    const payload: SentDispatch = { op: Op.Dispatch, t: event, s: session.seq, d: data };
    session.sent.push(payload);
    if (session.sent.length > 1000) session.sent.shift();
    session.socket?.send(JSON.stringify(payload));
  }
}
