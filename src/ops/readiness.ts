import type { Knowledge } from '../knowledge/knowledge-schema';
import type { Platform } from '../conversation/incoming-message';
import type { AdapterRegistry } from '../platform/adapter';
import type { Store } from '../store/store';
import type { Metrics } from './metrics';

export interface ReadinessDeps {
  /** The platforms the configuration asks for; each must be running and connected. */
  platforms: readonly Platform[];
  adapters: AdapterRegistry;
  store: Store;
  knowledge: { readonly knowledge: Knowledge };
  clock: { now(): Date };
  metrics: Metrics;
}

export interface ReadinessReport {
  ready: boolean;
  /** Why not, one line per failed check (empty when ready). */
  reasons: string[];
  platforms: Record<string, 'connected' | string>;
  store: 'writable' | string;
  knowledgeVersion: string | null;
}

/** What GET /readyz answers: every configured platform connected, the store writable, a knowledge pack loaded. */
export async function checkReadiness(deps: ReadinessDeps): Promise<ReadinessReport> {
  const reasons: string[] = [];
  const platforms: Record<string, string> = {};
  for (const platform of deps.platforms) {
    const adapter = deps.adapters.get(platform);
    const state = !adapter ? { ready: false, detail: 'not started' } : (adapter.readiness?.() ?? { ready: true });
    platforms[platform] = state.ready ? 'connected' : (state.detail ?? 'not connected');
    if (!state.ready) reasons.push(`${platform}: ${platforms[platform]}`);
  }
  const store = await probeStore(deps);
  if (store !== 'writable') reasons.push(`store: ${store}`);
  const version = deps.knowledge.knowledge?.version ?? null;
  if (!version) reasons.push('knowledge: no pack loaded');
  return { ready: reasons.length === 0, reasons, platforms, store, knowledgeVersion: version };
}

/** A real committed write: an open but read-only, full or locked-out file (or an unreachable server) is not ready. */
async function probeStore({ store, clock, metrics }: ReadinessDeps): Promise<string> {
  try {
    // The file at DATABASE_PATH is still the open one (not deleted or replaced), then a real write.
    store.verifyFile();
    await store.checkWritable(clock.now());
    return 'writable';
  } catch (error) {
    metrics.storeErrors.inc({ operation: 'readiness-probe' });
    return error instanceof Error ? error.message : String(error);
  }
}
