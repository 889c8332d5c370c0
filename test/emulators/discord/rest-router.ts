import type { CommandRegistry } from './command-registry';
import type { EmulatorState } from './emulator-state';
import type { InteractionStore } from './interaction-store';

/** What a route handler gets: the parsed call plus the emulator's parts. */
export interface RouteContext {
  params: Record<string, string>;
  query: URLSearchParams;
  body: unknown;
  state: EmulatorState;
  interactions: InteractionStore;
  commands: CommandRegistry;
  /** Sends a gateway dispatch (intent-filtered per session). */
  dispatch(event: string, data: Record<string, unknown>): void;
  gatewayUrl: string;
  /** What GET /gateway/bot recommends: the shard count for `auto`, and how many shards may identify at once. */
  sharding: { recommendedShards: number; maxConcurrency: number };
}

export interface RouteResult {
  status: number;
  body?: unknown;
}

export interface Route {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Segments; `:name` captures one segment. */
  pattern: string;
  /** Interaction callbacks and interaction webhooks authenticate by their token, not the bot token. */
  auth: boolean;
  handle(ctx: RouteContext): RouteResult;
}

/** Finds the route for a call: literal segments win over captures so `/messages/pins` is not a message id. */
export function matchRoute(
  routes: readonly Route[],
  method: string,
  path: string,
): { route: Route; params: Record<string, string> } | { route: null; pathExists: boolean } {
  const segments = path.split('/').filter(Boolean);
  let best: { route: Route; params: Record<string, string>; literals: number } | null = null;
  let pathExists = false;
  for (const route of routes) {
    const parts = route.pattern.split('/').filter(Boolean);
    if (parts.length !== segments.length) continue;
    const params: Record<string, string> = {};
    let literals = 0;
    const ok = parts.every((part, i) => {
      const segment = decodeURIComponent(segments[i] ?? '');
      if (part.startsWith(':')) {
        params[part.slice(1)] = segment;
        return true;
      }
      literals += 1;
      return part === segment;
    });
    if (!ok) continue;
    pathExists = true;
    if (route.method !== method) continue;
    if (!best || literals > best.literals) best = { route, params, literals };
  }
  return best ? { route: best.route, params: best.params } : { route: null, pathExists };
}
