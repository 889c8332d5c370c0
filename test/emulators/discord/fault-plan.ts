/** A planned failure for the next matching REST call(s). */
export type Fault =
  /** 429 with Retry-After (seconds, may be fractional) and the X-RateLimit-* headers. */
  | { kind: 'rate-limit'; retryAfterSeconds: number; global?: boolean }
  /** A Discord JSON error, e.g. 403 / 50007 "Cannot send messages to this user". */
  | { kind: 'api-error'; status: number; code: number; message: string }
  /** A bare 5xx from the edge (the client retries these up to 3 times). */
  | { kind: 'server-error'; status: 500 | 502 | 503 | 504 }
  /** The TCP connection is destroyed without an answer. */
  | { kind: 'drop-connection' };

/** Which calls a fault applies to: method (any when absent) and the path after `/api/v10`. */
export interface RouteMatch {
  method?: string;
  path: string | RegExp | ((path: string) => boolean);
}

interface Planned {
  match: RouteMatch;
  fault: Fault;
  remaining: number;
}

export class FaultPlan {
  private planned: Planned[] = [];

  add(match: RouteMatch, fault: Fault, times = 1): void {
    this.planned.push({ match, fault, remaining: times });
  }

  /** The fault for this call, if one is planned; consumes one use of it. */
  take(method: string, path: string): Fault | undefined {
    const entry = this.planned.find((p) => matches(p.match, method, path));
    if (!entry) return undefined;
    entry.remaining -= 1;
    if (entry.remaining <= 0) this.planned = this.planned.filter((p) => p !== entry);
    return entry.fault;
  }

  clear(): void {
    this.planned = [];
  }
}

function matches(match: RouteMatch, method: string, path: string): boolean {
  if (match.method && match.method.toUpperCase() !== method.toUpperCase()) return false;
  if (typeof match.path === 'string') return match.path === path;
  if (match.path instanceof RegExp) return match.path.test(path);
  return match.path(path);
}

/** The Discord error for a user who does not accept DMs, ready to plan. */
export const CANNOT_MESSAGE_USER: Extract<Fault, { kind: 'api-error' }> = {
  kind: 'api-error',
  status: 403,
  code: 50007,
  message: 'Cannot send messages to this user',
};
